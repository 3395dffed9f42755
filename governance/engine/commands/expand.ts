/**
 * Word expansion for analysis: variables we know ($HOME, $PWD, assignments
 * earlier on the line, for-loop values) are substituted, unknown ones stay
 * visible as `$NAME` and make the word "unknown" from that point on.
 *
 * @module
 */

import type { Part, Script, Word } from "../shell/ast.ts";
import { parseScript } from "../shell/parse.ts";
import { constOutput, LISTED } from "./consts.ts";
import { homeLookupOutput } from "./home_lookup.ts";
import { resolvePath } from "./paths.ts";
import {
  type Arg,
  commandName,
  litArg,
  type State,
  writtenText,
} from "./unit.ts";

const MAX_ALTS = 16;
/** Substitutions of one word whose output is computed; the rest stay unknown. */
const MAX_SUBS_PER_WORD = 64;

/** The value(s) of a variable, or null when unknown. */
export function varValues(name: string, st: State): string[] | null {
  const v = st.env.get(name);
  if (v) return v;
  if (name === "0") return ["bash"];
  switch (name) {
    case "HOME":
      return [st.ctx.home];
    case "IFS":
      // Unset in the command line: the shell's default, so `rm${IFS}-rf`
      // splits into `rm -rf` as it would when run.
      return [" \t\n"];
    case "BASH_ENV":
    case "ENV":
    case "ZDOTDIR": {
      const v = st.ctx.startupEnv?.[name];
      return v ? [v] : null;
    }
    case "AXONFLOW_HOME":
      // The guard's data folder: the hook is told where it is.
      return [st.ctx.dataDir ?? st.ctx.home + "/.axonflow"];
    case "CODEX_HOME":
      return [st.ctx.home + "/.codex"];
    case "CLAUDE_CONFIG_DIR":
      return [st.ctx.home + "/.claude"];
    case "PWD":
      return st.cwd === null ? null : [st.cwd];
    case "TMPDIR":
    case "TMP":
    case "TEMP":
      return ["/tmp"];
    case "USER":
    case "LOGNAME": {
      const h = st.ctx.home;
      return [h.slice(h.lastIndexOf("/") + 1)];
    }
  }
  return null;
}

function tildeValue(user: string, st: State): string {
  if (!user) return varValues("HOME", st)?.[0] ?? st.ctx.home;
  if (user === "root") return "/root";
  if (user === "+") return st.cwd ?? "~+";
  if (user === "-") return varValues("OLDPWD", st)?.[0] ?? "~-";
  const h = st.ctx.home;
  const parent = h.slice(0, h.lastIndexOf("/")) || "/home";
  return parent + "/" + user;
}

/** Expands a default-value argument (`${X:-/tmp}`) as a word. */
function defaultValue(raw: string, st: State): string | null {
  if (raw.length > 4096) return null;
  const s = parseScript("x " + raw, st.depth + 1);
  const cmd = s.items[0]?.pipeline.commands[0];
  if (!cmd || cmd.kind !== "simple" || cmd.words.length < 2) return "";
  const a = expandWord(cmd.words[1], st);
  return a.known ? a.text : null;
}

function splitOn(v: string, ifs: string): string[] {
  const out: string[] = [];
  let cur = "";
  for (const c of v) {
    if (ifs.includes(c)) {
      if (cur) out.push(cur);
      cur = "";
    } else cur += c;
  }
  if (cur) out.push(cur);
  return out;
}

/** Characters the shell splits unquoted expansions on. */
function ifsOf(st: State): string {
  const v = st.env.get("IFS");
  return v && v.length === 1 ? v[0] : " \t\n";
}

function globRegex(glob: string, anchor: "start" | "end" | "all"): RegExp {
  let re = "";
  for (const c of glob) {
    if (c === "*") re += ".*?";
    else if (c === "?") re += ".";
    else re += c.replace(/[.+^${}()|[\]\\/-]/g, "\\$&");
  }
  return new RegExp(
    anchor === "start" ? `^${re}` : anchor === "end" ? `${re}$` : re,
    "s",
  );
}

/** `${x%pat}`, `${x##pat}`, `${x/a/b}`, `${x^^}`, `${x:1:2}` on a known value (null when beyond us). */
function applyOp(v: string, op: string, arg: string): string | null {
  if (arg.length > 256 || v.length > 4096) return null;
  if (
    /[*?]/.test(arg) &&
    (v.length > 256 || (arg.match(/\*/g)?.length ?? 0) > 2)
  ) return null;
  switch (op) {
    case ":?":
    case "?":
      return v;
    case "%":
    case "%%": {
      const re = globRegex(arg, "end");
      for (
        let i = op === "%" ? v.length : 0;
        op === "%" ? i >= 0 : i <= v.length;
        i += op === "%" ? -1 : 1
      ) {
        if (re.test(v.slice(i)) && v.slice(i).match(re)?.index === 0) {
          return v.slice(0, i);
        }
      }
      return v;
    }
    case "#":
    case "##": {
      const re = globRegex(arg, "all");
      for (
        let i = op === "#" ? 0 : v.length;
        op === "#" ? i <= v.length : i >= 0;
        i += op === "#" ? 1 : -1
      ) {
        const head = v.slice(0, i);
        const m = head.match(re);
        if (m && m.index === 0 && m[0].length === head.length) {
          return v.slice(i);
        }
      }
      return v;
    }
    case "/":
    case "//": {
      const slash = arg.indexOf("/");
      const from = slash < 0 ? arg : arg.slice(0, slash);
      const to = slash < 0 ? "" : arg.slice(slash + 1);
      if (!from || /[*?[]/.test(from)) return null;
      return op === "/" ? v.replace(from, to) : v.split(from).join(to);
    }
    case "^^":
      return v.toUpperCase();
    case ",,":
      return v.toLowerCase();
    case "^":
      return v.slice(0, 1).toUpperCase() + v.slice(1);
    case ",":
      return v.slice(0, 1).toLowerCase() + v.slice(1);
    case ":": {
      const m = /^\s{0,4}(-?\d{1,5})(?::(\d{1,5}))?$/.exec(arg);
      if (!m) return null;
      const from = Number(m[1]) < 0
        ? Math.max(0, v.length + Number(m[1]))
        : Number(m[1]);
      return m[2] === undefined
        ? v.slice(from)
        : v.slice(from, from + Number(m[2]));
    }
  }
  return null;
}

/** The values of a list parameter (`$@`, `${a[@]}`), or null when unknown. */
function listValues(p: Part, st: State): string[] | null {
  if (p.kind !== "var") return null;
  if ((p.name === "@" || p.name === "*") && !p.op) return st.positional;
  if (p.op === "[" && p.arg !== undefined) {
    const m = /^[@*]\](?::(\d{1,4})(?::(\d{1,4}))?)?$/.exec(p.arg);
    const arr = m ? st.arrays.get(p.name) : undefined;
    if (!m || !arr) return null;
    const from = Number(m[1] ?? 0);
    return m[2] === undefined
      ? arr.slice(from)
      : arr.slice(from, from + Number(m[2]));
  }
  return null;
}

/** Prompt expansion of `v` for `${x@P}`: `$NAME`/`${NAME}` replaced by known values; null with anything else to run. */
function promptExpand(v: string, st: State): string | null {
  if (v.length > 4096 || /\$\(|`/.test(v)) return null;
  let unknown = false;
  const out = v.replace(
    /\$\{([A-Za-z_]\w{0,63})\}|\$([A-Za-z_]\w{0,63})/g,
    (_m, a: string | undefined, b: string | undefined) => {
      const val = varValues(a ?? b ?? "", st);
      if (!val) {
        unknown = true;
        return "";
      }
      return val[0] ?? "";
    },
  );
  return unknown ? null : out;
}

/** The value of one parameter part, or null when unknown. */
function paramValue(p: Part & { kind: "var" }, st: State): string[] | null {
  const list = listValues(p, st);
  if (list) {
    // "${a[*]}" / "$*" join with the first character of IFS.
    const star = p.name === "*" || p.arg?.startsWith("*");
    const ifs = star ? varValues("IFS", st)?.[0] : undefined;
    return [list.join(ifs === undefined ? " " : ifs.slice(0, 1))];
  }
  if (/^[1-9]$/.test(p.name) && !p.op) {
    const pos = st.positional;
    return pos ? [pos[Number(p.name) - 1] ?? ""] : null;
  }
  if (p.name === "#" && !p.op && st.positional) {
    return [String(st.positional.length)];
  }
  if (p.op === "!" && !p.arg) {
    const ref = varValues(p.name, st);
    return ref && ref.length === 1 && /^[A-Za-z_]\w{0,63}$/.test(ref[0])
      ? varValues(ref[0], st)
      : null;
  }
  if (p.op === "[" && p.arg !== undefined) {
    const arr = st.arrays.get(p.name);
    const m = /^(\d{1,4})\]$/.exec(p.arg);
    if (arr && m) return [arr[Number(m[1])] ?? ""];
    // ${t[k]}: an element set by key (declare -A t=([k]=v)).
    const k = /^["']?([^\]"']{1,64})["']?\]$/.exec(p.arg);
    return k ? st.env.get(`${p.name}[${k[1]}]`) ?? null : null;
  }
  if (!p.op || p.op === ":-" || p.op === "-" || p.op === ":=" || p.op === "=") {
    let vals = varValues(p.name, st);
    if (!vals && p.arg !== undefined && p.op) {
      const d = defaultValue(p.arg, st);
      if (d !== null) vals = [d];
    }
    return vals;
  }
  if (p.op === "@" && p.arg === "P") {
    // ${x@P}: the value expanded as a prompt string, its $NAME references included.
    const vals = varValues(p.name, st);
    if (!vals) return null;
    const out: string[] = [];
    for (const v of vals.slice(0, 16)) {
      const r = promptExpand(v, st);
      if (r === null) return null;
      out.push(r);
    }
    return out;
  }
  if (p.op === ":+" || p.op === "+") {
    const vals = varValues(p.name, st);
    if (!vals) return null;
    if (vals.every((x) => x === "")) return [""];
    const d = defaultValue(p.arg ?? "", st);
    return d === null ? null : [d];
  }
  const vals = varValues(p.name, st);
  if (!vals) return null;
  const out: string[] = [];
  for (const v of vals) {
    const r = applyOp(v, p.op, p.arg ?? "");
    if (r === null) return null;
    out.push(r);
  }
  return out;
}

/** The text of file `a` when this command line wrote it, or null. */
function writtenFile(a: Arg, st: State): string | null {
  if (!a.known) return null;
  const p = resolvePath(a.text, st.cwd, st.ctx.home);
  return p === null ? null : writtenText(p, st);
}

/** Deepest nesting at which substitutions are computed. */
const MAX_SUB_DEPTH = 8;

/** What a substitution prints when it only transforms constant text, or null. */
export function subOutput(s: Script, st: State): string | null {
  if (s.opaque !== undefined || st.depth >= MAX_SUB_DEPTH) return null;
  if (!s.items.length || s.items.length > 4) return null;
  const inner: State = { ...st, depth: st.depth + 1 };
  let out = "";
  for (const item of s.items) {
    let input: string | null = null;
    const only = item.pipeline.commands.length === 1;
    for (const c of item.pipeline.commands) {
      if (
        only && c.kind === "simple" && !c.words.length && !c.redirects.length &&
        c.assigns.length
      ) {
        // $(IFS=; echo "${a[*]}"): a variable set for the rest of the substitution.
        inner.env = new Map(inner.env);
        for (const a of c.assigns) {
          const v = expandWord(a.value, inner);
          if (!v.known) return null;
          inner.env.set(a.name, [v.text]);
        }
        continue;
      }
      if (
        only && c.kind === "simple" && !c.words.length && !c.assigns.length &&
        c.redirects.length === 1 && c.redirects[0].op === "<"
      ) {
        // $(< f): the text of a file written earlier on the line.
        input = writtenFile(expandWord(c.redirects[0].target, inner), inner);
        if (input === null) return null;
        continue;
      }
      if (
        (c.kind === "group" || c.kind === "subshell") && input === null &&
        !c.redirects.length
      ) {
        // $({ echo rm -rf; echo ~; } | paste -sd' '): what the group prints.
        input = subOutput(c.body, inner);
        if (input === null) return null;
        continue;
      }
      if (c.kind !== "simple" || c.assigns.length || !c.words.length) {
        return null;
      }
      const where = only ? pathCommand(c.words, inner) : undefined;
      if (where !== undefined) {
        // $(cd ~ && pwd), $(realpath ~): a path we can name.
        if (where === null) return null;
        if (where.cd) inner.cwd = where.path;
        else input = where.path + "\n";
        continue;
      }
      for (const r of c.redirects) {
        if (r.op === "<<<") {
          const t = expandWord(r.target, inner);
          if (!t.known) return null;
          input = t.text + "\n";
        } else if (r.heredoc) input = r.heredoc.body + "\n";
        else if (r.fd === 2 || r.target.raw === "/dev/null") continue;
        else return null;
      }
      const words = c.words.flatMap((w) => expandWords(w, inner));
      const home = homeLookupOutput(words, inner);
      if (home !== undefined) {
        // $(getent passwd dev | cut -d: -f6): a home folder we can name.
        if (home === null) return null;
        input = home;
        continue;
      }
      if (!words.length || !words.every((a) => a.known)) return null;
      const name = commandName(words[0].text);
      const rest = words.slice(1).map((a) => a.text);
      if (name === "eval") {
        // $(eval echo ~): the joined words are a script of their own.
        input = subOutput(parseScript(rest.join(" "), inner.depth + 1), inner);
      } else if (name === "whoami" || (name === "id" && rest[0] === "-un")) {
        input = (varValues("USER", inner)?.[0] ?? "") + "\n";
      } else if (
        name === "git" && rest.join(" ") === "rev-parse --show-toplevel" &&
        inner.cwd !== null
      ) {
        // $(git rev-parse --show-toplevel): the repository is the workspace.
        input = inner.cwd + "\n";
      } else if (
        name === "cat" && rest.length > 0 && rest.length <= 8 &&
        rest.every((f) => !f.startsWith("-"))
      ) {
        // $(cat f): files written earlier on the line.
        const texts = rest.map((f) => writtenFile(litArg(f), inner));
        input = texts.every((t) => t !== null) ? texts.join("\n") : null;
      } else input = constOutput(name, rest, input);
      if (input === null) return null;
    }
    out += input ?? "";
  }
  return out;
}

/** `cd X`, `pwd`, `realpath X`, `readlink -f X` inside a substitution: the path, or null when unknown. */
const PYTHON_NAME = /^python(?:\d(?:\.\d{1,2})?)?$/;
/** Python code that prints a folder of installed packages (site-packages). */
const SITE_CODE =
  /getusersitepackages|getsitepackages|get_python_lib|\[\s{0,4}['"](?:pure|plat)lib['"]\s{0,4}\]/;

/**
 * `python3 -m site --user-site`, `python3 -c "import site;
 * print(site.getsitepackages()[0])"`: the folder Python loads `.pth` files
 * and sitecustomize from, named as a site-packages folder (its version is
 * not known, its kind is). Undefined for any other Python call.
 */
function pythonSiteDir(
  words: Word[],
  st: State,
): { path: string; cd: boolean } | undefined {
  const args = words.slice(1, 6).flatMap((w) => expandWords(w, st));
  const t = args.map((a) => a.text);
  const home = st.ctx.home;
  if (t[0] === "-m" && t[1] === "site") {
    if (t[2] === "--user-site") {
      return { path: `${home}/.local/lib/python3/site-packages`, cd: false };
    }
    if (t[2] === "--user-base") return { path: `${home}/.local`, cd: false };
    return undefined;
  }
  if (t[0] === "-c" && args[1]?.known && SITE_CODE.test(t[1])) {
    const user = /getusersitepackages/.test(t[1]);
    return {
      path: user
        ? `${home}/.local/lib/python3/site-packages`
        : "/usr/lib/python3/site-packages",
      cd: false,
    };
  }
  return undefined;
}

function pathCommand(
  words: Word[],
  st: State,
): { path: string; cd: boolean } | null | undefined {
  const first = words[0].parts[0];
  if (words[0].parts.length !== 1 || first.kind !== "lit") return undefined;
  const name = first.text;
  if (PYTHON_NAME.test(name)) return pythonSiteDir(words, st);
  if (
    name !== "pwd" && name !== "cd" && name !== "realpath" &&
    name !== "readlink"
  ) {
    return undefined;
  }
  const args = words.flatMap((w) => expandWords(w, st));
  const rest = args.slice(1).filter((a) => !a.text.startsWith("-"));
  if (name === "pwd") {
    return st.cwd === null ? null : { path: st.cwd, cd: false };
  }
  if (name === "readlink" && !args.some((a) => /^-[a-z]*[fem]/.test(a.text))) {
    return null;
  }
  const t = rest[0] ?? (name === "cd" ? litArg("~") : undefined);
  if (!t || !t.known) return null;
  const p = resolvePath(t.text, st.cwd, st.ctx.home);
  return p === null ? null : { path: p, cd: name === "cd" };
}

/** Expands a word into an {@link Arg}. */
export function expandWord(w: Word, st: State): Arg {
  return expandOne(w, st, null);
}

/** A literal value; one that stands for listed entries (`set -- ~/*`) is a glob over them. */
function listedArg(v: string): Arg {
  if (!v.includes(LISTED)) return litArg(v);
  return { ...litArg(v.replaceAll(LISTED, "")), glob: true };
}

/**
 * Expands a word into the words the shell would pass: brace alternatives,
 * `"$@"` and `"${a[@]}"` become several words, and unquoted known
 * expansions are split on IFS (`IFS=_; c=rm_-rf_~; $c`).
 */
export function expandWords(w: Word, st: State): Arg[] {
  if (w.parts.length === 1) {
    const p = w.parts[0];
    if (
      p.kind === "lit" && p.text.indexOf("{") < 0 &&
      p.text.indexOf(LISTED) < 0
    ) {
      // Most words (`-la`, `status`, `src/main.ts`) are one literal without
      // braces: the argument {@link expandOne} would build, built directly.
      const t = p.text;
      return [{
        text: t,
        alts: [t],
        known: true,
        prefix: t,
        glob: !p.quoted && /[*?[]/.test(t),
        subs: [],
        procSub: false,
      }];
    }
    const list = listValues(p, st);
    if (list) {
      const star = p.kind === "var" &&
        (p.name === "*" || p.arg?.startsWith("*") === true);
      if (p.kind === "var" && p.quoted && star) {
        // "${a[*]}", "$*": one word, joined with the first character of IFS.
        const ifs = varValues("IFS", st)?.[0];
        return [litArg(list.join(ifs === undefined ? " " : ifs.slice(0, 1)))];
      }
      if (p.kind === "var" && p.quoted) return list.map(listedArg);
      const ifs = ifsOf(st);
      return list.flatMap((v) => splitOn(v, ifs)).map(listedArg);
    }
  }
  const fields: string[] = [];
  const a = expandOne(w, st, fields);
  if (!a.known) return [a];
  if (
    a.text === "" &&
    w.parts.every((p) => (p.kind === "sub" || p.kind === "var") && !p.quoted)
  ) {
    // $(:) rm -rf ~: an unquoted expansion to nothing is no word at all.
    return [];
  }
  if (fields.length > 1) {
    return fields.filter((f) => f !== "").map((f) => {
      // $(ls -A): each field that stands for listed entries is a glob over them.
      const t = f.replaceAll(LISTED, "");
      return { ...a, text: t, alts: [t], prefix: t, glob: a.glob || t !== f };
    });
  }
  if (a.alts.length > 1 && a.brace) {
    return a.alts.map((t) => ({ ...a, text: t, alts: [t], prefix: t }));
  }
  return [a];
}

function expandOne(w: Word, st: State, fields: string[] | null): Arg {
  let alts = [""];
  let known = true;
  let prefix = "";
  let glob = false;
  let procSub = false;
  const subs: Arg["subs"] = [];
  let brace = false;
  let cur = "";
  let split = false;
  let computed = 0;
  const ifs = fields ? ifsOf(st) : "";
  const field = (v: string, unquoted: boolean) => {
    if (!fields) return;
    if (!unquoted) {
      cur += v;
      return;
    }
    let piece = "";
    for (const c of v) {
      if (ifs.includes(c)) {
        split = true;
        fields.push(cur + piece);
        cur = "";
        piece = "";
      } else piece += c;
    }
    cur += piece;
  };
  const append = (vals: string[]) => {
    if (vals.length === 1) {
      for (let i = 0; i < alts.length; i++) alts[i] += vals[0];
      return;
    }
    const next: string[] = [];
    for (const a of alts) {
      for (const v of vals) if (next.length < MAX_ALTS) next.push(a + v);
    }
    alts = next;
  };
  const unknown = (marker: string) => {
    if (known) prefix = alts[0];
    known = false;
    append([marker]);
  };
  for (const p of w.parts as Part[]) {
    switch (p.kind) {
      case "lit":
        if (!p.quoted) {
          if (/[*?[]/.test(p.text)) glob = true;
          if (p.text.indexOf("{") >= 0 && p.text.indexOf(",") >= 0) {
            brace = true;
          }
        }
        append([p.text]);
        field(p.text, false);
        break;
      case "tilde": {
        const t = tildeValue(p.user, st);
        append([t]);
        field(t, false);
        break;
      }
      case "var": {
        const vals = paramValue(p, st);
        if (vals) {
          append(vals);
          field(vals[0], !p.quoted);
        } else unknown("$" + p.name);
        break;
      }
      case "sub": {
        subs.push(p.script);
        if (p.form !== "$") procSub = true;
        const o = p.form === "$" && computed++ < MAX_SUBS_PER_WORD
          ? subOutput(p.script, st)
          : null;
        if (o !== null) {
          const v = o.replace(/\n+$/, "");
          append([v]);
          field(v, !p.quoted);
        } else unknown(p.form === "$" ? "$(…)" : p.form + "(…)");
        break;
      }
      case "arith":
        unknown("$((…))");
        break;
    }
  }
  if (fields && split) fields.push(cur);
  if (brace && known) alts = alts.flatMap(expandBraces).slice(0, MAX_ALTS);
  if (alts.some((x) => x.includes(LISTED))) {
    // A value that stands for listed entries (`ls ~`, `for d in /*`): a glob over them.
    glob = true;
    // $(ls -A): one listed pattern a line, each a value of the word.
    alts = alts.flatMap((x) =>
      x.includes("\n") ? x.split("\n").filter((l) => l !== "") : [x]
    ).slice(0, MAX_ALTS).map((x) => x.replaceAll(LISTED, ""));
    prefix = prefix.replaceAll(LISTED, "");
  }
  const arg: Arg = {
    text: alts[0],
    alts,
    known,
    prefix: known ? alts[0] : prefix,
    glob,
    subs,
    procSub,
  };
  if (brace) arg.brace = true;
  return arg;
}

/** One level of brace expansion: `a{b,c}d` → `abd`, `acd` (first group only, bounded). */
export function expandBraces(s: string): string[] {
  const open = s.indexOf("{");
  if (open < 0) return [s];
  const close = s.indexOf("}", open);
  if (close < 0 || close - open > 1024) return [s];
  const inner = s.slice(open + 1, close);
  if (inner.indexOf(",") < 0 || inner.indexOf("{") >= 0) return [s];
  const head = s.slice(0, open);
  const tail = s.slice(close + 1);
  return inner.split(",").slice(0, MAX_ALTS).map((x) => head + x + tail);
}
