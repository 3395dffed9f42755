/**
 * Plain read-only shell commands, recognised without the shell analysis:
 * `git status`, `ls -la src`, `rg -n parseArgs scripts`, `cat README.md`.
 * Most tool calls an agent makes are of this kind, and for them the full
 * analysis (parser, expansion, every analyzer) finds nothing; recognising them
 * first lets a hook judge them without loading that code.
 *
 * The test is deliberately narrow, so that it can only say "inert" of text the
 * shell runs exactly as written:
 * - one simple command: no operators, redirections, substitutions, variables,
 *   globs, braces, tildes, escapes or comments (only letters, digits, spaces
 *   and `._/:=,@%+-`, plus single and double quotes around such text);
 * - a program from a short list of read-only tools, named without a path,
 *   with no assignment before it, and for git a read-only subcommand;
 * - no option of those tools that runs a program or writes a file
 *   (`rg --pre`, `git diff --output`, `tree -o`, `git diff --no-index`);
 * - every operand relative, inside the working folder (no `..`), with no
 *   segment that starts with a dot and no name of a credential or secret
 *   store, and a working folder that is a project, not a home, a dot folder
 *   or a system folder.
 * Anything else is judged by the full analysis, so a miss here only costs
 * time. `tests/inert_test.ts` checks that the full analysis allows, with no
 * policy firing, every command this accepts from the routine corpus, and that
 * no must-block case of the attack corpus is accepted.
 *
 * @module
 */

import type { EngineConfig } from "./config.ts";
import { mayHoldSensitive } from "./detect/sensitive_gate.ts";
import { enabledCount } from "./policy_runs.ts";
import { subjectOf } from "./tool_call.ts";
import type { Decision, ToolCall } from "./types.ts";

/** Longest command considered. */
const MAX_CHARS = 400;

/** Characters a word may hold outside quotes (no shell meaning at all). */
const PLAIN = /^[A-Za-z0-9 ._/:=,@%+-]*$/;

/** Code units of {@link PLAIN}'s class, for a per-character check without a regex call. */
const PLAIN_CODES = (() => {
  const t = new Uint8Array(128);
  for (const c of "._/:=,@%+-") t[c.charCodeAt(0)] = 1;
  for (let c = 48; c <= 57; c++) t[c] = 1;
  for (let c = 65; c <= 90; c++) t[c] = t[c + 32] = 1;
  return t;
})();

/** Whether code unit `c` is one {@link PLAIN} allows outside quotes (the space separates words before this is asked). */
function plainChar(c: number): boolean {
  return c < 128 && PLAIN_CODES[c] === 1;
}

/** Characters a quoted word may hold: the plain ones and a few more that are literal inside quotes. */
const QUOTED = /^[A-Za-z0-9 ._/:=,@%+#^&|()<>;*?[\]{}~-]*$/;

/** Read-only programs and whether their operands are files (checked) or free text. */
const PROGRAMS: ReadonlyMap<string, { operands: "files" | "text" | "none" }> =
  new Map([
    ["ls", { operands: "files" }],
    ["cat", { operands: "files" }],
    ["head", { operands: "files" }],
    ["tail", { operands: "files" }],
    ["wc", { operands: "files" }],
    ["nl", { operands: "files" }],
    ["stat", { operands: "files" }],
    ["du", { operands: "files" }],
    ["grep", { operands: "files" }],
    ["egrep", { operands: "files" }],
    ["fgrep", { operands: "files" }],
    ["rg", { operands: "files" }],
    ["diff", { operands: "files" }],
    ["git", { operands: "files" }],
    ["pwd", { operands: "none" }],
    ["whoami", { operands: "none" }],
    ["echo", { operands: "text" }],
    ["true", { operands: "none" }],
    ["sed", { operands: "files" }],
    ["find", { operands: "files" }],
    ["sort", { operands: "files" }],
    ["uniq", { operands: "files" }],
    ["cut", { operands: "files" }],
    ["tr", { operands: "text" }],
  ]);

/** Shells whose `-c`/`-lc` script is judged as the command itself. */
const SHELLS = new Set(["bash", "sh", "zsh", "dash"]);

/** `sed -n` scripts that only print lines (`1,200p`, `/^export/p`). */
const SED_PRINT = /^(\d{1,9}(,\d{1,9})?|\/[A-Za-z0-9 _.:=,@%+^-]{1,80}\/)p$/;

/** find's tests that only match and print (no -exec, -delete, -fprint, -ok). */
const FIND_TESTS = new Set([
  "-name",
  "-iname",
  "-path",
  "-ipath",
  "-type",
  "-maxdepth",
  "-mindepth",
  "-not",
  "-print",
  "-newer",
  "-size",
  "-mtime",
  "-empty",
  "-o",
  "-a",
]);

/** find's tests that take a value (a pattern or number, never a file it writes). */
const FIND_VALUE = new Set([
  "-name",
  "-iname",
  "-path",
  "-ipath",
  "-type",
  "-maxdepth",
  "-mindepth",
  "-newer",
  "-size",
  "-mtime",
]);

/** git subcommands that only read the repository. */
const GIT_READ = new Set([
  "status",
  "diff",
  "log",
  "show",
  "blame",
  "shortlog",
  "rev-parse",
  "ls-files",
  "describe",
  "branch",
]);

/**
 * Long options that run a program, write a file, read outside the project or
 * change state. git and the GNU tools accept any unambiguous abbreviation of
 * a long option (`git diff --outp=x` is `--output=x`), so a word that is a
 * prefix of one of these counts as it.
 */
const RISKY_LONG = [
  "pre",
  "hostname-bin",
  "output",
  "no-index",
  "ext-diff",
  "textconv",
  "exec",
  "upload-pack",
  "receive-pack",
  "ssh",
  "config",
  "files0-from",
  "from-file",
  "exclude-from",
  "file",
  "devices",
  "delete",
  "move",
  "copy",
  "force",
  "edit-description",
  "set-upstream",
  "set-upstream-to",
  "unset-upstream",
  "track",
  "create",
  "create-reflog",
  "compress-program",
  "in-place",
  "expression",
  "null-data",
  "contents",
  "open-files-in-pager",
];

/** Programs that take no abbreviated long options (ripgrep's parser wants whole names). */
const WHOLE_NAMES = new Set(["rg"]);

/** Whether a `--name[=value]` option of `program` is, or abbreviates, one of {@link RISKY_LONG}. */
function riskyLong(program: string, word: string): boolean {
  if (!word.startsWith("--")) return false;
  const eq = word.indexOf("=");
  const name = (eq < 0 ? word.slice(2) : word.slice(2, eq)).toLowerCase();
  if (name.length === 0) return false;
  if (WHOLE_NAMES.has(program)) return RISKY_LONG.includes(name);
  return RISKY_LONG.some((r) => r.startsWith(name));
}

/** Short option letters that take a file name or change state for the listed programs. */
const RISKY_SHORT: ReadonlyMap<string, RegExp> = new Map([
  ["grep", /f/],
  ["egrep", /f/],
  ["fgrep", /f/],
  ["rg", /f/],
  ["git", /[DdMmCcOo]/],
  ["sort", /[oT]/],
]);

/** Names of credential and secret stores, and of the guard's and agents' own files. */
const SECRET_NAME =
  /(^|[/_.:=@-])(id_[a-z0-9]+|[a-z0-9_-]*key[s]?|credentials?|secrets?|tokens?|passw(or)?d|shadow|netrc|pgpass|kubeconfig|auth|cookies?|vault|keychain|keyring|private|wallet|htpasswd|npmrc|pypirc|axonflow|codex|claude)([/_.:=@-]|$)|\.(pem|key|p12|pfx|jks|kdbx|gpg|asc|der|crt|ppk|env)$/i;

/** Folders whose files are system, account or credential stores. */
const SYSTEM_DIR =
  /^\/(etc|proc|sys|dev|boot|root|var|run|usr|bin|sbin|lib|lib32|lib64|opt|srv|mnt|media|snap)(\/|$)/;

/** The words of `command` with their quotes removed; null when any word is not plain text. */
function plainWords(command: string): string[] | null {
  const words: string[] = [];
  let i = 0;
  const n = command.length;
  while (i < n) {
    while (i < n && command[i] === " ") i++;
    if (i >= n) break;
    let word = "";
    while (i < n && command[i] !== " ") {
      const c = command[i];
      if (c === "'" || c === '"') {
        const end = command.indexOf(c, i + 1);
        if (end < 0) return null;
        const inner = command.slice(i + 1, end);
        if (!QUOTED.test(inner)) return null;
        word += inner;
        i = end + 1;
      } else {
        if (!plainChar(command.charCodeAt(i))) return null;
        word += c;
        i++;
      }
    }
    // A quoted word holding shell characters is text: plainFile refuses it as a file.
    words.push(word);
  }
  return words;
}

/** Whether an operand names a file that is safe to read without judging it further. */
function plainFile(word: string): boolean {
  if (word.startsWith("/") || word === "") return false;
  if (!PLAIN.test(word) || word.includes(" ")) return false;
  for (const seg of word.split("/")) {
    if (seg === "..") return false;
    if (seg.startsWith(".") && seg !== ".") return false;
  }
  return !SECRET_NAME.test(word);
}

/** Whether `cwd` is a project folder: absolute, not a home or one above it, not a dot, secret or system folder. */
function plainCwd(cwd: string, home: string): boolean {
  const c = cwd.replace(/\/+$/, "");
  const h = home.replace(/\/+$/, "");
  if (!c.startsWith("/") || SYSTEM_DIR.test(c)) return false;
  if (c === h || h.startsWith(c + "/")) return false;
  if (c.split("/").slice(1).some((s) => s === "" || s.startsWith("."))) {
    return false;
  }
  return !SECRET_NAME.test(c);
}

/** The command split at unquoted `|` (a pipeline); null when a part is empty or `||` is used. */
function pipeParts(command: string): string[] | null {
  const parts: string[] = [];
  let quote = "";
  let start = 0;
  for (let i = 0; i < command.length; i++) {
    const c = command[i];
    if (quote) {
      if (c === quote) quote = "";
    } else if (c === "'" || c === '"') {
      quote = c;
    } else if (c === "|") {
      if (command[i + 1] === "|") return null;
      parts.push(command.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(command.slice(start));
  return parts.some((p) => p.trim() === "") ? null : parts;
}

/**
 * Whether `command`, run in `cwd` by a user whose home is `home`, is a plain
 * read-only command that the full analysis would let run without any policy
 * firing (see the module doc for the exact test). A pipeline of such
 * commands is one too; `bash -lc '<such a command>'` as well.
 */
export function isInertCommand(
  command: string,
  cwd: string,
  home: string,
): boolean {
  if (command.length === 0 || command.length > MAX_CHARS) return false;
  if (!plainCwd(cwd, home)) return false;
  const parts = pipeParts(command);
  if (parts === null || parts.length > 4) return false;
  return parts.every((p, i) => inertSimple(p, i > 0, 0));
}

/** Whether one simple command is inert; `piped` when it reads a pipe (no file operand needed). */
function inertSimple(text: string, piped: boolean, depth: number): boolean {
  const words = plainWords(text);
  if (words === null || words.length === 0) return false;
  const program = words[0];
  if (SHELLS.has(program) && depth === 0 && !piped) {
    // `bash -lc 'git status'`: the script is judged as the command.
    if (words.length !== 3 || !/^-l?c$/.test(words[1])) return false;
    const script = words[2];
    const parts = pipeParts(script);
    return parts !== null && parts.length <= 4 &&
      parts.every((p, i) => inertSimple(p, i > 0, 1));
  }
  const spec = PROGRAMS.get(program);
  if (!spec) return false;
  let rest = words.slice(1);
  if (program === "git") {
    if (rest.length === 0 || !GIT_READ.has(rest[0])) return false;
    // `git branch` only lists: no operand (a name would create a branch).
    if (rest[0] === "branch" && rest.slice(1).some((w) => !w.startsWith("-"))) {
      return false;
    }
    rest = rest.slice(1);
  }
  if (program === "sed") return inertSed(rest);
  if (program === "find") return inertFind(rest);
  if (spec.operands === "none" && rest.length > 0) return false;
  const short = RISKY_SHORT.get(program);
  let operands = 0;
  let endOfOptions = false;
  for (const w of rest) {
    if (!endOfOptions && w === "--") {
      endOfOptions = true;
      continue;
    }
    if (!endOfOptions && w.startsWith("-")) {
      if (riskyLong(program, w)) return false;
      if (short && !w.startsWith("--") && short.test(w.slice(1))) return false;
      // An option's value is free text (`--format=%h %s`), never a file it reads.
      if (w.includes("=") && !/^--[a-z][a-z-]{0,40}=[^/]*$/.test(w)) {
        return false;
      }
      continue;
    }
    operands++;
    // Text operands (echo, tr sets) are held to the file rule too: a path in
    // them is judged by the full analysis like any other mention.
    if (spec.operands === "text") {
      if (!plainFile(w)) return false;
      continue;
    }
    // `uniq IN OUT` writes OUT.
    if (program === "uniq" && operands > 1) return false;
    // The first operand of a search is its pattern, not a file.
    const isPattern = operands === 1 &&
      (program === "grep" || program === "egrep" || program === "fgrep" ||
        program === "rg");
    if (isPattern) {
      if (SECRET_NAME.test(w)) return false;
      continue;
    }
    if (!plainFile(w)) return false;
  }
  return true;
}

/** `sed -n SCRIPT FILE...` with a print-only script. */
function inertSed(rest: string[]): boolean {
  let script = "";
  let quiet = false;
  for (const w of rest) {
    if (w === "-n") quiet = true;
    else if (w.startsWith("-")) return false;
    else if (!script) {
      script = w;
      if (!SED_PRINT.test(script)) return false;
    } else if (!plainFile(w)) return false;
  }
  return quiet && script !== "";
}

/** `find PATH... TESTS` with match-and-print tests only. */
function inertFind(rest: string[]): boolean {
  let i = 0;
  for (; i < rest.length && !rest[i].startsWith("-"); i++) {
    if (!plainFile(rest[i])) return false;
  }
  for (; i < rest.length; i++) {
    const w = rest[i];
    if (!FIND_TESTS.has(w)) return false;
    if (FIND_VALUE.has(w)) {
      i++;
      if (i >= rest.length) return false;
    }
  }
  return true;
}

/**
 * The decision on a call that is a plain read-only shell command (see
 * {@link isInertCommand}), without a custom policy that could match it and
 * without anything the PII and secret scanner could find in it: allowed, no
 * policy fired. Null for every other call, which the full analysis judges.
 */
export function inertDecision(
  call: ToolCall,
  config: EngineConfig,
): Decision | null {
  if (config.custom.length > 0) return null;
  const subject = subjectOf(call);
  if (subject.kind !== "shell") return null;
  const home = call.home ?? "/home/user";
  if (!isInertCommand(subject.command, call.cwd ?? home, home)) return null;
  if (mayHoldSensitive(subject.command)) return null;
  return {
    allowed: true,
    decisionId: crypto.randomUUID(),
    matches: [],
    reason: "No policy matched.",
    riskLevel: "none",
    policiesEvaluated: enabledCount(
      config,
      "input",
      call.profile ?? config.profile,
    ),
  };
}
