/**
 * A minimal, format-preserving editor for the few `config.toml` tables the
 * installer owns. It never re-serialises the file: it appends one managed
 * block between marker comments, replaces that block in place, or removes it;
 * tables elsewhere in the file that would clash with the block (the same
 * table names) are commented out line by line with a prefix and restored on
 * uninstall. Everything else stays byte for byte.
 *
 * @module
 */

/** First line of the managed block (anything after it on the line is flags). */
export const BLOCK_BEGIN = "# >>> axonflow-governance";
/** Last line of the managed block. */
export const BLOCK_END = "# <<< axonflow-governance";
/** Prefix put before each line of a clashing table that the block replaces. */
export const DISABLED_PREFIX = "#axonflow-disabled# ";
const EOL_FLAG = "[eol-added]";
const BEGIN_NOTE =
  ": written by `deno task install`, removed by `deno task install --uninstall`";

/** A table header found in the file: its key path and where its text starts and ends. */
export interface TomlTable {
  /** Key path, quotes removed: `[hooks.state."a b"]` → `["hooks","state","a b"]`. */
  path: string[];
  /** `[[x]]` array-of-tables header. */
  array: boolean;
  /** Offset of the header line start. */
  start: number;
  /** Offset where the next header line (or the end of the text) begins. */
  end: number;
}

/** Quote a string as a TOML basic string. */
export function tomlString(s: string): string {
  // JSON escapes (\" \\ \n \t \uXXXX) are all valid TOML basic-string escapes.
  return JSON.stringify(s).replaceAll("\u007f", "\\u007f");
}

/** A TOML key, bare when it can be, quoted otherwise. */
export function tomlKey(k: string): string {
  return /^[A-Za-z0-9_-]{1,256}$/.test(k) ? k : tomlString(k);
}

/** Split text into lines keeping each line's terminator. */
function lines(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let pos = 0;
  while (pos < text.length) {
    const nl = text.indexOf("\n", pos);
    const end = nl < 0 ? text.length : nl + 1;
    out.push({ text: text.slice(pos, end), start: pos });
    pos = end;
  }
  return out;
}

/**
 * Parse a header line like `[a."b c".d]  # note`; undefined when the line is
 * not a table header. Hand-written (no regex backtracking on hostile lines).
 */
export function parseHeader(
  line: string,
): { path: string[]; array: boolean } | undefined {
  let i = 0;
  const n = line.length;
  const skipWs = () => {
    while (i < n && (line[i] === " " || line[i] === "\t")) i++;
  };
  skipWs();
  if (line[i] !== "[") return undefined;
  i++;
  let array = false;
  if (line[i] === "[") {
    array = true;
    i++;
  }
  const path: string[] = [];
  for (;;) {
    skipWs();
    if (line[i] === '"') {
      let s = "";
      i++;
      while (i < n && line[i] !== '"') {
        if (line[i] === "\\" && i + 1 < n) {
          const c = line[i + 1];
          const simple: Record<string, string> = {
            n: "\n",
            t: "\t",
            r: "\r",
            b: "\b",
            f: "\f",
            '"': '"',
            "\\": "\\",
          };
          if (c in simple) {
            s += simple[c];
            i += 2;
          } else if (c === "u" || c === "U") {
            const len = c === "u" ? 4 : 8;
            const hex = line.slice(i + 2, i + 2 + len);
            s += String.fromCodePoint(parseInt(hex, 16) || 0);
            i += 2 + len;
          } else return undefined;
        } else {
          s += line[i++];
        }
      }
      if (line[i] !== '"') return undefined;
      i++;
      path.push(s);
    } else if (line[i] === "'") {
      const close = line.indexOf("'", i + 1);
      if (close < 0) return undefined;
      path.push(line.slice(i + 1, close));
      i = close + 1;
    } else {
      const from = i;
      while (i < n && /[A-Za-z0-9_-]/.test(line[i])) i++;
      if (i === from) return undefined;
      path.push(line.slice(from, i));
    }
    skipWs();
    if (line[i] === ".") {
      i++;
      continue;
    }
    break;
  }
  if (line[i] !== "]") return undefined;
  i++;
  if (array) {
    if (line[i] !== "]") return undefined;
    i++;
  }
  skipWs();
  if (i < n && line[i] !== "#" && line[i] !== "\n" && line[i] !== "\r") {
    return undefined;
  }
  return { path, array };
}

/** Count occurrences of a substring. */
function count(hay: string, needle: string): number {
  let c = 0;
  let at = hay.indexOf(needle);
  while (at >= 0) {
    c++;
    at = hay.indexOf(needle, at + needle.length);
  }
  return c;
}

/** Every table header of the file in order, skipping lines inside multi-line strings. */
export function scanTables(text: string): TomlTable[] {
  const tables: TomlTable[] = [];
  let inBasic = false;
  let inLiteral = false;
  for (const line of lines(text)) {
    if (!inBasic && !inLiteral) {
      const h = parseHeader(line.text);
      if (h) {
        if (tables.length) tables[tables.length - 1].end = line.start;
        tables.push({ ...h, start: line.start, end: text.length });
        continue;
      }
    }
    if (!inLiteral && count(line.text, '"""') % 2 === 1) inBasic = !inBasic;
    else if (!inBasic && count(line.text, "'''") % 2 === 1) {
      inLiteral = !inLiteral;
    }
  }
  return tables;
}

/** Where the managed block is: [start, end) including its final newline. */
export function findBlock(
  text: string,
): { start: number; end: number; eolAdded: boolean } | undefined {
  let start = -1;
  let eolAdded = false;
  for (const line of lines(text)) {
    const t = line.text.replace(/\r?\n$/, "");
    if (start < 0 && t.startsWith(BLOCK_BEGIN)) {
      start = line.start;
      eolAdded = t.includes(EOL_FLAG);
    } else if (start >= 0 && t === BLOCK_END) {
      return { start, end: line.start + line.text.length, eolAdded };
    }
  }
  return undefined;
}

/** The lines between the managed block's markers, or undefined when there is no block. */
export function blockBody(text: string): string | undefined {
  const b = findBlock(text);
  if (!b) return undefined;
  const inner = text.slice(b.start, b.end);
  const first = inner.indexOf("\n") + 1;
  return inner.slice(first, inner.length - BLOCK_END.length - 1);
}

function samePath(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function startsWithPath(a: string[], prefix: string[]): boolean {
  return prefix.length <= a.length && prefix.every((x, i) => x === a[i]);
}

/**
 * Comment out (with {@link DISABLED_PREFIX}) every table outside the block
 * whose path is one of `paths` or below one of them.
 */
function disableClashes(text: string, paths: string[][]): string {
  const block = findBlock(text);
  const clashes = scanTables(text).filter((t) =>
    !(block && t.start >= block.start && t.start < block.end) &&
    paths.some((p) => startsWithPath(t.path, p))
  );
  let out = text;
  for (const t of clashes.reverse()) {
    const seg = out.slice(t.start, t.end);
    const disabled = lines(seg).map((l) => DISABLED_PREFIX + l.text).join("");
    out = out.slice(0, t.start) + disabled + out.slice(t.end);
  }
  return out;
}

/** Undo {@link disableClashes}: strip the prefix from every line that has it. */
function restoreDisabled(text: string): string {
  return lines(text).map((l) =>
    l.text.startsWith(DISABLED_PREFIX)
      ? l.text.slice(DISABLED_PREFIX.length)
      : l.text
  ).join("");
}

/**
 * Put `body` (TOML text, ending with a newline) in the managed block: replace
 * the block if there is one, else append it. Tables named in `owns` that
 * exist elsewhere in the file are commented out so no table is defined twice.
 */
export function upsertBlock(
  text: string,
  body: string,
  owns: string[][],
): string {
  const existing = findBlock(text);
  const base = disableClashes(text, owns);
  if (existing) {
    const b = findBlock(base)!;
    const flag = b.eolAdded ? ` ${EOL_FLAG}` : "";
    const block = `${BLOCK_BEGIN}${flag}${BEGIN_NOTE}\n${body}${BLOCK_END}\n`;
    return base.slice(0, b.start) + block + base.slice(b.end);
  }
  if (base === "") return `${BLOCK_BEGIN}${BEGIN_NOTE}\n${body}${BLOCK_END}\n`;
  const eolAdded = !base.endsWith("\n");
  const flag = eolAdded ? ` ${EOL_FLAG}` : "";
  const block = `${BLOCK_BEGIN}${flag}${BEGIN_NOTE}\n${body}${BLOCK_END}\n`;
  return base + (eolAdded ? "\n\n" : "\n") + block;
}

/** Remove the managed block (and the blank line put before it) and restore disabled tables. */
export function removeBlock(text: string): string {
  const b = findBlock(text);
  let out = text;
  if (b) {
    let before = text.slice(0, b.start);
    const after = text.slice(b.end);
    if (before.endsWith("\n\n")) before = before.slice(0, -1);
    if (after === "" && b.eolAdded && before.endsWith("\n")) {
      before = before.slice(0, -1);
    }
    out = before + after;
  }
  return restoreDisabled(out);
}

/** Tables of the file that have the given path exactly. */
export function tablesAt(text: string, path: string[]): TomlTable[] {
  return scanTables(text).filter((t) => samePath(t.path, path));
}

/**
 * Read the simple `key = "string"` values of a table body (other value
 * kinds are returned as their raw text). Enough for the installer's tables.
 */
export function simpleValues(
  text: string,
  table: TomlTable,
): Record<string, string> {
  const out: Record<string, string> = {};
  const seg = text.slice(table.start, table.end);
  for (const l of lines(seg).slice(1)) {
    const t = l.text.trim();
    if (t === "" || t.startsWith("#")) continue;
    const eq = t.indexOf("=");
    if (eq < 0) continue;
    const key = t.slice(0, eq).trim().replace(/^"(.*)"$/, "$1");
    const raw = t.slice(eq + 1).trim();
    out[key] = raw.startsWith('"') ? basicString(raw) ?? raw : raw;
  }
  return out;
}

/** The value of a TOML basic string at the start of `raw` (`"..."`), or undefined. */
function basicString(raw: string): string | undefined {
  let i = 1;
  while (i < raw.length && raw[i] !== '"') i += raw[i] === "\\" ? 2 : 1;
  try {
    return JSON.parse(raw.slice(0, i + 1));
  } catch {
    return undefined;
  }
}

/** Every `[hooks.state."<key>"] trusted_hash` of the file, outside disabled lines. */
export function trustedHashes(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of scanTables(text)) {
    if (t.path.length === 3 && t.path[0] === "hooks" && t.path[1] === "state") {
      const v = simpleValues(text, t).trusted_hash;
      if (v) out.set(t.path[2], v);
    }
  }
  return out;
}
