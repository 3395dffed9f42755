/**
 * Commands that print a home folder without naming it, inside a
 * substitution: the account database (`getent passwd dev`, `/etc/passwd`
 * read by `grep`/`awk`/`cut`, `dscl . -read /Users/dev NFSHomeDirectory`)
 * and interpreter one-liners that print a home expression
 * (`python3 -c 'import os; print(os.path.expanduser("~"))'`), and
 * `xdg-user-dir DOCUMENTS`. So
 * `rm -rf "$(getent passwd dev | cut -d: -f6)"` is judged as deleting the
 * home it prints.
 *
 * The database is not read: it is stood in for by lines for root, the
 * current user (with the home the call runs under) and any other name the
 * command mentions (`/home/NAME`), which is what a real one holds for them.
 *
 * @module
 */

import { constOutput } from "./consts.ts";
import { HOME_EXPR } from "./home_expr.ts";
import { type Arg, commandName, type State } from "./unit.ts";

/** Programs that read `/etc/passwd` as a file operand and whose output we compute. */
const PASSWD_READERS = new Set([
  "cat",
  "grep",
  "egrep",
  "fgrep",
  "awk",
  "gawk",
  "mawk",
  "cut",
]);

/** Interpreters whose one-liner (`-c`, `-e`, `-p`, `-E`, `eval`) may print a home expression. */
const INTERPRETER =
  /^(?:python[0-9.]{0,6}|pypy3?|node|nodejs|deno|bun|ruby[0-9.]{0,6}|perl|php|lua[0-9.]{0,4}|Rscript)$/;

/** A call that prints its argument, in those languages. */
const PRINTS =
  /\b(?:print|println|printf|puts|echo|say|console\.(?:log|info)|process\.stdout\.write|cat)\b/;

/** `xdg-user-dir NAME`: the folders of the home it names, in their default names. */
const XDG_DIRS: Record<string, string> = {
  DESKTOP: "Desktop",
  DOWNLOAD: "Downloads",
  DOCUMENTS: "Documents",
  MUSIC: "Music",
  PICTURES: "Pictures",
  VIDEOS: "Videos",
  TEMPLATES: "Templates",
  PUBLICSHARE: "Public",
};

const HOME_TEST = new RegExp(HOME_EXPR.source);

/** A one-liner that is only a home expression, printed or not (`os.homedir()` under -e or -p, `print(Path.home())`). */
const HOME_PRINT =
  /^\s{0,8}(?:import\s{1,4}[\w, .]{1,64};\s{0,4}|const\s{1,4}\w{1,32}\s{0,4}=\s{0,4}require\(["'](?:node:)?os["']\);\s{0,4})?(?:print|console\.log|process\.stdout\.write|puts)?\s{0,4}\(?\s{0,4}(?:os\.path\.expanduser\(\s{0,4}["']~\/?["']\s{0,4}\)|(?:pathlib\.)?Path\.home\(\)|os\.environ\[\s{0,4}["']HOME["']\s{0,4}\]|os\.getenv\(\s{0,4}["']HOME["']\s{0,4}\)|(?:require\(["'](?:node:)?os["']\)|os)\.homedir\(\)|process\.env\.HOME|Dir\.home|ENV\[["']HOME["']\])\s{0,4}\)?;?\s{0,8}$/;

/** The name of the user the call runs as: `$USER` when known, else the home's last name. */
function currentUser(st: State): string {
  const v = st.env.get("USER")?.[0] ?? st.env.get("LOGNAME")?.[0];
  if (v) return v;
  const h = st.ctx.home.replace(/\/+$/, "");
  return h.slice(h.lastIndexOf("/") + 1) || "root";
}

/** Where the usual service accounts live (their entry is not a person's home). */
const SERVICE_HOMES: Record<string, string> = {
  "www-data": "/var/www",
  nobody: "/nonexistent",
  daemon: "/usr/sbin",
  postgres: "/var/lib/postgresql",
  mysql: "/var/lib/mysql",
  redis: "/var/lib/redis",
  nginx: "/var/lib/nginx",
};

/**
 * The home folder of `name`: the current one for the current user, `/root`,
 * a service account's folder (`www-data`, names with `-` or `_`), else a
 * person's `/home/NAME`.
 */
function homeOf(name: string, st: State): string {
  if (name === currentUser(st)) return st.ctx.home;
  if (name === "root") return "/root";
  if (Object.hasOwn(SERVICE_HOMES, name)) return SERVICE_HOMES[name];
  return /[-_]/.test(name) ? `/var/lib/${name}` : `/home/${name}`;
}

function passwdLine(name: string, st: State): string {
  const uid = name === "root" ? 0 : 1000;
  return `${name}:x:${uid}:${uid}:${name}:${homeOf(name, st)}:/bin/sh\n`;
}

/** Account names a command mentions (`^dev:`, `$1=="dev"`, `-v u=dev`), at most 8. */
function namesIn(words: readonly string[]): string[] {
  const out: string[] = [];
  for (const w of words) {
    for (
      const m of w.matchAll(/(?<![\w$-])([a-z_][a-z0-9_-]{0,31})(?![\w-])/g)
    ) {
      if (out.length < 8 && !out.includes(m[1])) out.push(m[1]);
    }
  }
  return out;
}

/** A stand-in for `/etc/passwd`: root, the current user and the names the command mentions. */
function passwdText(st: State, mentioned: readonly string[]): string {
  const names = ["root", currentUser(st), ...namesIn(mentioned)];
  return [...new Set(names)].map((n) => passwdLine(n, st)).join("");
}

/** The one-liner an interpreter is given (`python3 -c CODE`, `node -e CODE`, `deno eval CODE`) and the flag before it. */
function inlineCode(
  rest: readonly Arg[],
): { flag: string; code: Arg } | undefined {
  for (let i = 0; i < rest.length - 1; i++) {
    if (/^-(?:c|e|p|E|-eval|-print)$|^eval$/.test(rest[i].text)) {
      return { flag: rest[i].text, code: rest[i + 1] };
    }
  }
  return undefined;
}

/**
 * What `words` (one command of a substitution, expanded) prints when it
 * looks up a home folder; `undefined` when it is not such a lookup, null
 * when it is one whose output we cannot compute.
 */
export function homeLookupOutput(
  words: readonly Arg[],
  st: State,
): string | null | undefined {
  if (!words.length || !words[0].known) return undefined;
  const name = commandName(words[0].text);
  const rest = words.slice(1);
  if (name === "getent") {
    if (!rest[0]?.known || rest[0].text !== "passwd") return undefined;
    const who = rest.slice(1);
    if (!who.length) return passwdText(st, []);
    // An account we cannot name ($USER, $(whoami)) is taken to be the caller's.
    return who.map((a) => passwdLine(a.known ? a.text : currentUser(st), st))
      .join("");
  }
  if (name === "dscl") {
    const user = rest.find((a) => a.text.startsWith("/Users/"));
    if (!user || !rest.some((a) => a.text === "NFSHomeDirectory")) {
      return undefined;
    }
    const n = user.known ? user.text.slice("/Users/".length) : currentUser(st);
    return `NFSHomeDirectory: ${homeOf(n, st)}\n`;
  }
  if (name === "xdg-user-dir") {
    const dir = rest[0]?.known ? XDG_DIRS[rest[0].text] : undefined;
    return dir === undefined ? undefined : `${st.ctx.home}/${dir}\n`;
  }
  const pw = rest.findIndex((a) => a.known && a.text === "/etc/passwd");
  if (pw >= 0 && PASSWD_READERS.has(name)) {
    const others = rest.filter((_, i) => i !== pw);
    if (!others.every((a) => a.known)) return null;
    const args = others.map((a) => a.text);
    return constOutput(name, args, passwdText(st, args));
  }
  if (INTERPRETER.test(name)) {
    const inline = inlineCode(rest);
    const code = inline?.code;
    if (!code?.known || code.text.length > 4096) return undefined;
    // node/deno/bun -p print the value of the expression they are given.
    const printsValue = /^-(?:p|-print)$/.test(inline?.flag ?? "") &&
      /^(?:node|nodejs|deno|bun)$/.test(name);
    if (
      (HOME_TEST.test(code.text) &&
        (printsValue || PRINTS.test(code.text))) ||
      HOME_PRINT.test(code.text)
    ) {
      return st.ctx.home + "\n";
    }
  }
  return undefined;
}
