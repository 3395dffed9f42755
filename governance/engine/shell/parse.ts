/**
 * A best-effort, linear-time shell parser (bash/POSIX sh dialect). It never
 * throws: unterminated quotes run to the end, stray closers are skipped, and
 * nesting deeper than {@link MAX_DEPTH} is kept as opaque text.
 *
 * @module
 */

import { decodeAnsiC } from "./ansi_c.ts";
import type {
  Assign,
  Command,
  Heredoc,
  ListItem,
  Part,
  Pipeline,
  Redirect,
  Script,
  SimpleCommand,
  Word,
} from "./ast.ts";

/** Deepest nesting of subshells / substitutions parsed as code. */
export const MAX_DEPTH = 24;

/** Commands parsed per text; the rest is kept as opaque text (judged flat), so hostile input stays cheap. */
export const MAX_COMMANDS = 5_000;

/** Reserved words skipped at the start of a command (their bodies are parsed as ordinary commands). */
/** Builtins whose NAME=(…) arguments are array literals. */
const DECLARERS = new Set([
  "declare",
  "typeset",
  "local",
  "export",
  "readonly",
]);

const NOISE = new Set([
  "if",
  "then",
  "else",
  "elif",
  "fi",
  "do",
  "done",
  "while",
  "until",
  "esac",
  "!",
  "}",
]);

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57);
}

function isBlank(c: string): boolean {
  return c === " " || c === "\t" || c === "\r";
}

/** Characters that end an unquoted word. */
function isDelim(c: string | undefined): boolean {
  return c === undefined || c === " " || c === "\t" || c === "\r" ||
    c === "\n" || c === ";" || c === "&" || c === "|" || c === "(" ||
    c === ")" || c === "<" || c === ">";
}

interface PendingHeredoc {
  delim: string;
  strip: boolean;
  quoted: boolean;
  redirect: Redirect;
}

class Parser {
  pos = 0;
  pending: PendingHeredoc[] = [];
  /** Commands parsed so far, shared with the parsers of backtick bodies inside this text. */
  readonly count: { commands: number };
  /** Set when a pipeline ran past MAX_COMMANDS: the text after it, for script() to keep as opaque. */
  cutRest: string | undefined = undefined;
  constructor(
    readonly src: string,
    public depth: number,
    count?: { commands: number },
  ) {
    this.count = count ?? { commands: 0 };
  }

  peek(o = 0): string | undefined {
    return this.src[this.pos + o];
  }

  skipBlanks(): void {
    const s = this.src;
    while (this.pos < s.length) {
      const c = s[this.pos];
      if (isBlank(c)) this.pos++;
      else if (c === "\\" && s[this.pos + 1] === "\n") this.pos += 2;
      else break;
    }
  }

  skipComment(): void {
    const nl = this.src.indexOf("\n", this.pos);
    this.pos = nl < 0 ? this.src.length : nl;
  }

  /** Consumes a newline and reads any here-document bodies waiting for it. */
  newline(): void {
    this.pos++;
    if (this.pending.length) this.readHeredocs();
  }

  readHeredocs(): void {
    const list = this.pending;
    this.pending = [];
    const s = this.src;
    for (const h of list) {
      const lines: string[] = [];
      while (this.pos < s.length) {
        let nl = s.indexOf("\n", this.pos);
        if (nl < 0) nl = s.length;
        let line = s.slice(this.pos, nl);
        this.pos = Math.min(nl + 1, s.length);
        if (h.strip) line = line.replace(/^\t{1,10000}/, "");
        if (line === h.delim || line === h.delim + "\r") break;
        lines.push(line);
      }
      const body = lines.join("\n");
      h.redirect.heredoc = {
        body,
        quoted: h.quoted,
        subs: h.quoted ? [] : this.bodySubs(body),
      };
    }
  }

  /** Command substitutions inside an unquoted here-document body. */
  bodySubs(body: string): Script[] {
    if (body.indexOf("$(") < 0 && body.indexOf("`") < 0) return [];
    const p = new Parser(body, this.depth + 1);
    const subs: Script[] = [];
    while (p.pos < body.length) {
      const c = body[p.pos];
      if (c === "\\") p.pos += 2;
      else if (c === "$" || c === "`") {
        const parts: Part[] = [];
        if (c === "$") p.dollar(parts, true);
        else p.backtick(parts, true);
        for (const part of parts) {
          if (part.kind === "sub") subs.push(part.script);
        }
      } else p.pos++;
    }
    return subs;
  }

  /** Parses a list until end of input or the given closer (not consumed). */
  script(stop: ")" | "}" | ""): Script {
    const items: ListItem[] = [];
    const s = this.src;
    while (this.pos < s.length) {
      this.skipBlanks();
      const c = this.peek();
      if (c === undefined) break;
      if (c === "#") {
        this.skipComment();
        continue;
      }
      if (c === "\n") {
        this.newline();
        continue;
      }
      if (c === ";" || c === "&" || c === "|") {
        this.pos++;
        continue;
      }
      if (c === ")") {
        if (stop === ")") break;
        this.pos++;
        continue;
      }
      if (stop === "}" && c === "}" && isDelim(this.peek(1))) {
        break;
      }
      if (++this.count.commands > MAX_COMMANDS) {
        const rest = s.slice(this.pos);
        this.pos = s.length;
        return { items, opaque: rest };
      }
      const start = this.pos;
      const pipeline = this.pipeline(stop);
      if (this.cutRest !== undefined) {
        // The pipeline ran past MAX_COMMANDS: the rest is opaque text.
        const rest = this.cutRest;
        this.cutRest = undefined;
        if (pipeline.commands.length) items.push({ pipeline, op: "" });
        return { items, opaque: rest };
      }
      const op = this.listOp();
      if (pipeline.commands.length) items.push({ pipeline, op });
      if (this.pos === start) this.pos++; // always make progress
    }
    return { items };
  }

  listOp(): ListItem["op"] {
    this.skipBlanks();
    const c = this.peek();
    const n = this.peek(1);
    if (c === "&" && n === "&") {
      this.pos += 2;
      return "&&";
    }
    if (c === "|" && n === "|") {
      this.pos += 2;
      return "||";
    }
    if (c === "&" && n !== ">") {
      this.pos++;
      return "&";
    }
    if (c === ";") {
      this.pos++;
      while (this.peek() === ";" || this.peek() === "&") this.pos++;
      return ";";
    }
    return "";
  }

  pipeline(stop: ")" | "}" | ""): Pipeline {
    const commands: Command[] = [];
    for (;;) {
      const cmd = this.command(stop);
      if (cmd) commands.push(cmd);
      this.skipBlanks();
      if (this.peek() === "|" && this.peek(1) !== "|") {
        this.pos++;
        if (this.peek() === "&") this.pos++;
        this.skipSpaceAndNewlines();
        // Each element counts toward MAX_COMMANDS (`a|a|…` 500,000 long).
        if (++this.count.commands > MAX_COMMANDS) {
          this.cutRest = this.src.slice(this.pos);
          this.pos = this.src.length;
          return { commands };
        }
        continue;
      }
      return { commands };
    }
  }

  skipSpaceAndNewlines(): void {
    for (;;) {
      this.skipBlanks();
      if (this.peek() === "\n") this.newline();
      else if (this.peek() === "#") this.skipComment();
      else return;
    }
  }

  command(stop: ")" | "}" | ""): Command | null {
    this.skipBlanks();
    const c = this.peek();
    if (c === "(") {
      this.pos++;
      return this.nested("subshell");
    }
    return this.simple(stop);
  }

  /** `( … )` or `{ …; }` after the opener. */
  nested(kind: "subshell" | "group"): Command {
    const closer = kind === "subshell" ? ")" : "}";
    let body: Script;
    if (this.depth + 1 > MAX_DEPTH) {
      const start = this.pos;
      this.skipBalanced(kind === "subshell" ? "(" : "{", closer);
      body = { items: [], opaque: this.src.slice(start, this.pos) };
    } else {
      this.depth++;
      body = this.script(closer);
      this.depth--;
      if (this.peek() === closer) this.pos++;
    }
    const redirects: Redirect[] = [];
    for (;;) {
      this.skipBlanks();
      const r = this.redirect();
      if (!r) break;
      redirects.push(r);
    }
    return { kind, body, redirects };
  }

  /** Skips to just past the closer matching an already-consumed opener (opaque text). */
  skipBalanced(open: string, close: string): void {
    const s = this.src;
    let level = 1;
    while (this.pos < s.length) {
      const c = s[this.pos++];
      if (c === "\\") this.pos++;
      else if (c === open) level++;
      else if (c === close && --level === 0) return;
    }
  }

  simple(stop: ")" | "}" | ""): Command | null {
    const cmd: SimpleCommand = {
      kind: "simple",
      assigns: [],
      words: [],
      redirects: [],
    };
    for (;;) {
      this.skipBlanks();
      const c = this.peek();
      if (
        c === undefined || c === "\n" || c === ";" || c === "|" || c === ")"
      ) {
        break;
      }
      if (c === "&" && this.peek(1) !== ">") break;
      if (c === "(") {
        if (cmd.words.length === 1 && cmd.assigns.length === 0) {
          const save = this.pos;
          this.pos++;
          this.skipBlanks();
          if (this.peek() === ")") {
            this.pos++;
            return this.funcBody(wordText(cmd.words[0]), stop);
          }
          this.pos = save;
        }
        if (cmd.words.length === 0) {
          this.pos++;
          return this.nested("subshell");
        }
        break;
      }
      if (c === "#") {
        this.skipComment();
        break;
      }
      if ((c === "<" || c === ">") && this.peek(1) === "(") {
        cmd.words.push(this.word());
        continue;
      }
      const r = this.redirect();
      if (r) {
        cmd.redirects.push(r);
        continue;
      }
      if (c === "<" || c === ">" || c === "&") {
        this.pos++;
        continue;
      }
      const start = this.pos;
      const atCommandWord = cmd.words.length === 0;
      if (atCommandWord) {
        const a = this.assignment();
        if (a) {
          cmd.assigns.push(a);
          continue;
        }
      }
      if (
        !atCommandWord && isNameStart(this.src.charCodeAt(this.pos)) &&
        DECLARERS.has(cmd.words[0].raw)
      ) {
        // declare -A t=([k]=v): the array literal is one word, as in an assignment.
        const a = this.assignment();
        if (a && a.value.raw.startsWith("(")) {
          const raw = this.src.slice(start, this.pos);
          cmd.words.push({
            parts: [{
              kind: "lit",
              text: a.name + "=" + a.value.raw,
              quoted: true,
            }],
            raw,
          });
          continue;
        }
        this.pos = start;
      }
      const w = this.word();
      if (this.pos === start) {
        this.pos++;
        continue;
      }
      if (atCommandWord && isPlain(w)) {
        const t = wordText(w);
        if (t === "{") {
          if (cmd.assigns.length || cmd.redirects.length) continue;
          return this.nested("group");
        }
        if (t === "}" && stop === "}") {
          this.pos = start;
          break;
        }
        if (NOISE.has(t)) continue;
        if (t === "function") {
          this.skipBlanks();
          const name = this.word();
          this.skipBlanks();
          if (this.peek() === "(" && this.src[this.pos + 1] === ")") {
            this.pos += 2;
          }
          return this.funcBody(wordText(name), stop);
        }
      }
      cmd.words.push(w);
    }
    if (!cmd.words.length && !cmd.assigns.length && !cmd.redirects.length) {
      return null;
    }
    return cmd;
  }

  funcBody(name: string, stop: ")" | "}" | ""): Command {
    this.skipSpaceAndNewlines();
    const body = this.command(stop) ??
      { kind: "group", body: { items: [] }, redirects: [] };
    return { kind: "func", name, body };
  }

  /** `NAME=value` / `NAME+=value` / `NAME=(…)` at the start of a command. */
  assignment(): Assign | null {
    const s = this.src;
    let j = this.pos;
    if (!isNameStart(s.charCodeAt(j))) return null;
    while (j < s.length && isNameChar(s.charCodeAt(j))) j++;
    const nameEnd = j;
    if (s[j] === "[") {
      const close = s.indexOf("]", j);
      if (close < 0 || close - j > 256) return null;
      j = close + 1;
    }
    const append = s[j] === "+";
    if (append) j++;
    if (s[j] !== "=") return null;
    // Sliced only for an assignment (most command words are none).
    const name = s.slice(this.pos, nameEnd);
    this.pos = j + 1;
    let a: Assign;
    if (this.peek() === "(") {
      const start = this.pos;
      this.pos++;
      this.skipBalanced("(", ")");
      const raw = s.slice(start, this.pos);
      a = {
        name,
        value: { parts: [{ kind: "lit", text: raw, quoted: true }], raw },
      };
    } else a = { name, value: this.word(true) };
    if (append) a.append = true;
    return a;
  }

  /** Parses a redirection at the cursor, or returns null (cursor unchanged). */
  redirect(): Redirect | null {
    const s = this.src;
    let j = this.pos;
    let fd: number | null = null;
    let k = j;
    while (k < s.length && k - j < 4 && s[k] >= "0" && s[k] <= "9") k++;
    if (k > j && (s[k] === "<" || s[k] === ">")) {
      fd = Number(s.slice(j, k));
      j = k;
    }
    const c = s[j];
    let op = "";
    if (c === "&" && s[j + 1] === ">") op = s[j + 2] === ">" ? "&>>" : "&>";
    else if (c === "<") {
      if (s[j + 1] === "(") return null;
      if (s.startsWith("<<<", j)) op = "<<<";
      else if (s.startsWith("<<-", j)) op = "<<-";
      else if (s.startsWith("<<", j)) op = "<<";
      else if (s.startsWith("<>", j)) op = "<>";
      else if (s.startsWith("<&", j)) op = "<&";
      else op = "<";
    } else if (c === ">") {
      if (s[j + 1] === "(") return null;
      if (s.startsWith(">>", j)) op = ">>";
      else if (s.startsWith(">&", j)) op = ">&";
      else if (s.startsWith(">|", j)) op = ">|";
      else op = ">";
    }
    if (!op) return null;
    this.pos = j + op.length;
    this.skipBlanks();
    const target = this.word();
    const r: Redirect = { op, fd, target };
    if (op === "<<" || op === "<<-") {
      const raw = target.raw;
      const quoted = /["'\\]/.test(raw);
      this.pending.push({
        delim: wordText(target),
        strip: op === "<<-",
        quoted,
        redirect: r,
      });
    }
    return r;
  }

  /** Parses one word (stops at an unquoted delimiter). */
  word(afterAssign = false): Word {
    const s = this.src;
    const start = this.pos;
    const parts: Part[] = [];
    let lit = "";
    if (
      (s[this.pos] === "<" || s[this.pos] === ">") && s[this.pos + 1] === "("
    ) {
      const form = s[this.pos] as "<" | ">";
      this.pos += 2;
      parts.push({
        kind: "sub",
        script: this.subScript(),
        quoted: false,
        form,
      });
    }
    if (s[this.pos] === "~" || (afterAssign && s[this.pos] === "~")) {
      let j = this.pos + 1;
      // ~+ is $PWD and ~- is $OLDPWD; otherwise ~user.
      if (s[j] === "+" || s[j] === "-") j++;
      else while (j < s.length && /[A-Za-z0-9._-]/.test(s[j])) j++;
      if (j >= s.length || s[j] === "/" || s[j] === ":" || isDelim(s[j])) {
        parts.push({ kind: "tilde", user: s.slice(this.pos + 1, j) });
        this.pos = j;
      }
    }
    while (this.pos < s.length) {
      const c = s[this.pos];
      if (isDelim(c)) break;
      if (c === "\\") {
        const n = s[this.pos + 1];
        if (n === "\n") {
          this.pos += 2;
          continue;
        }
        if (lit) {
          parts.push({ kind: "lit", text: lit, quoted: false });
          lit = "";
        }
        if (n === undefined) {
          parts.push({ kind: "lit", text: "\\", quoted: true });
          this.pos++;
        } else {
          parts.push({ kind: "lit", text: n, quoted: true });
          this.pos += 2;
        }
        continue;
      }
      if (c === "'") {
        if (lit) {
          parts.push({ kind: "lit", text: lit, quoted: false });
          lit = "";
        }
        const end = s.indexOf("'", this.pos + 1);
        const stop = end < 0 ? s.length : end;
        parts.push({
          kind: "lit",
          text: s.slice(this.pos + 1, stop),
          quoted: true,
        });
        this.pos = stop + 1;
        continue;
      }
      if (c === '"') {
        if (lit) {
          parts.push({ kind: "lit", text: lit, quoted: false });
          lit = "";
        }
        this.pos++;
        const before = parts.length;
        this.double(parts);
        if (parts.length === before) {
          parts.push({ kind: "lit", text: "", quoted: true });
        }
        continue;
      }
      if (c === "$") {
        if (lit) {
          parts.push({ kind: "lit", text: lit, quoted: false });
          lit = "";
        }
        this.dollar(parts, false);
        continue;
      }
      if (c === "`") {
        if (lit) {
          parts.push({ kind: "lit", text: lit, quoted: false });
          lit = "";
        }
        this.backtick(parts, false);
        continue;
      }
      // Fast path: a run of ordinary characters.
      let j = this.pos + 1;
      while (j < s.length) {
        const d = s[j];
        if (
          isDelim(d) || d === "\\" || d === "'" || d === '"' || d === "$" ||
          d === "`"
        ) break;
        j++;
      }
      lit += s.slice(this.pos, j);
      this.pos = j;
    }
    if (lit) parts.push({ kind: "lit", text: lit, quoted: false });
    if (this.pos > s.length) this.pos = s.length;
    return { parts, raw: s.slice(start, this.pos) };
  }

  /** Inside double quotes, after the opening quote; consumes the closing one. */
  double(parts: Part[]): void {
    const s = this.src;
    let lit = "";
    const flush = () => {
      if (lit) {
        parts.push({ kind: "lit", text: lit, quoted: true });
        lit = "";
      }
    };
    while (this.pos < s.length) {
      const c = s[this.pos];
      if (c === '"') {
        this.pos++;
        break;
      }
      if (c === "\\") {
        const n = s[this.pos + 1];
        if (n === "$" || n === "`" || n === '"' || n === "\\") {
          lit += n;
          this.pos += 2;
        } else if (n === "\n") this.pos += 2;
        else {
          lit += "\\";
          this.pos++;
        }
        continue;
      }
      if (c === "$") {
        flush();
        this.dollar(parts, true);
        continue;
      }
      if (c === "`") {
        flush();
        this.backtick(parts, true);
        continue;
      }
      let j = this.pos + 1;
      while (j < s.length) {
        const d = s[j];
        if (d === '"' || d === "\\" || d === "$" || d === "`") break;
        j++;
      }
      lit += s.slice(this.pos, j);
      this.pos = j;
    }
    flush();
  }

  /** At a `$`: parameter, command or arithmetic expansion, or ANSI-C quoting. */
  dollar(parts: Part[], quoted: boolean): void {
    const s = this.src;
    const n = s[this.pos + 1];
    if (n === "'" && !quoted) {
      let j = this.pos + 2;
      while (j < s.length && s[j] !== "'") j += s[j] === "\\" ? 2 : 1;
      const body = s.slice(this.pos + 2, Math.min(j, s.length));
      parts.push({ kind: "lit", text: decodeAnsiC(body), quoted: true });
      this.pos = j + 1;
      return;
    }
    if (n === '"' && !quoted) {
      this.pos += 2;
      this.double(parts);
      return;
    }
    if (n === "(" && s[this.pos + 2] === "(") {
      const start = this.pos;
      this.pos += 3;
      this.skipBalanced("(", ")");
      if (s[this.pos] === ")") this.pos++;
      parts.push({ kind: "arith", raw: s.slice(start, this.pos) });
      return;
    }
    if (n === "(") {
      this.pos += 2;
      parts.push({ kind: "sub", script: this.subScript(), quoted, form: "$" });
      return;
    }
    const after = s[this.pos + 2];
    if (
      n === "{" &&
      (after === " " || after === "\t" || after === "\n" || after === "|")
    ) {
      // Bash 5.3 runs `${ cmd; }` and `${| cmd; }` in the current shell
      // and substitutes their output: a command substitution, not a variable.
      this.pos += 3;
      parts.push({
        kind: "sub",
        script: this.braceSubScript(),
        quoted,
        form: "$",
      });
      return;
    }
    if (n === "{") {
      const start = this.pos + 2;
      this.pos = start;
      this.skipBalanced("{", "}");
      const inner = s.slice(start, Math.max(start, this.pos - 1));
      parts.push(braceVar(inner, quoted));
      return;
    }
    if (n !== undefined && NAME_START.test(n)) {
      let j = this.pos + 2;
      while (j < s.length && NAME_CHAR.test(s[j])) j++;
      parts.push({ kind: "var", name: s.slice(this.pos + 1, j), quoted });
      this.pos = j;
      return;
    }
    if (n !== undefined && /[0-9@*#?$!-]/.test(n)) {
      parts.push({ kind: "var", name: n, quoted });
      this.pos += 2;
      return;
    }
    parts.push({ kind: "lit", text: "$", quoted });
    this.pos++;
  }

  /** After `$(` or `<(`: the nested script, consuming the closing paren. */
  subScript(): Script {
    if (this.depth + 1 > MAX_DEPTH) {
      const start = this.pos;
      this.skipBalanced("(", ")");
      return { items: [], opaque: this.src.slice(start, this.pos) };
    }
    this.depth++;
    const script = this.script(")");
    this.depth--;
    if (this.peek() === ")") this.pos++;
    return script;
  }

  /** After `${ ` or `${|`: the nested script, consuming the closing brace. */
  braceSubScript(): Script {
    if (this.depth + 1 > MAX_DEPTH) {
      const start = this.pos;
      this.skipBalanced("{", "}");
      return { items: [], opaque: this.src.slice(start, this.pos) };
    }
    this.depth++;
    const script = this.script("}");
    this.depth--;
    if (this.peek() === "}") this.pos++;
    return script;
  }

  /** At a backtick: the substitution up to the closing backtick. */
  backtick(parts: Part[], quoted: boolean): void {
    const s = this.src;
    let j = this.pos + 1;
    let body = "";
    while (j < s.length && s[j] !== "`") {
      if (s[j] === "\\" && j + 1 < s.length && /[\\`$]/.test(s[j + 1])) {
        body += s[j + 1];
        j += 2;
      } else {
        body += s[j];
        j++;
      }
    }
    this.pos = Math.min(j + 1, s.length);
    // Backtick bodies count toward the text's MAX_COMMANDS like $(…) does
    // (`x`x`x… 250,000 times was parsed in full).
    const script = this.depth + 1 > MAX_DEPTH ||
        this.count.commands > MAX_COMMANDS
      ? { items: [], opaque: body }
      : parseScript(body, this.depth + 1, this.count);
    parts.push({ kind: "sub", script, quoted, form: "$" });
  }
}

/** `${…}` contents to a variable part. */
function braceVar(inner: string, quoted: boolean): Part {
  let i = 0;
  let op = "";
  if (inner[0] === "#" && inner.length > 1) {
    op = "#len";
    i = 1;
  } else if (inner[0] === "!") {
    op = "!";
    i = 1;
  }
  let j = i;
  if (j < inner.length && /[0-9@*#?$!-]/.test(inner[j]) && !op) j++;
  else while (j < inner.length && NAME_CHAR.test(inner[j])) j++;
  const name = inner.slice(i, j);
  const rest = inner.slice(j);
  if (!rest) return { kind: "var", name, quoted, ...(op ? { op } : {}) };
  const m = /^(:?[-=+?]|##?|%%?|\/\/?|:|\^\^?|,,?|@|\[)/.exec(rest);
  const o = m ? m[0] : rest[0];
  return {
    kind: "var",
    name,
    quoted,
    op: op || o,
    arg: rest.slice(o.length),
  };
}

function isPlain(w: Word): boolean {
  return w.parts.length === 1 && w.parts[0].kind === "lit" &&
    !w.parts[0].quoted;
}

/** The literal text of a word, ignoring expansions (used for delimiters and names). */
export function wordText(w: Word): string {
  let t = "";
  for (const p of w.parts) {
    if (p.kind === "lit") t += p.text;
    else if (p.kind === "var") t += "$" + p.name;
    else if (p.kind === "tilde") t += "~" + p.user;
  }
  return t;
}

/**
 * Parses shell source into a script. Never throws. `count` is shared by the
 * parses of one text (backtick bodies), so MAX_COMMANDS bounds them all.
 */
export function parseScript(
  src: string,
  depth = 0,
  count?: { commands: number },
): Script {
  const p = new Parser(src, depth, count);
  try {
    const s = p.script("");
    if (p.pending.length) p.readHeredocs();
    return s;
  } catch {
    return { items: [], opaque: src };
  }
}

export type { Heredoc };
