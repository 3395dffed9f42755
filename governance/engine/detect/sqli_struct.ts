/**
 * Structural checks on a SQL statement, by tokens rather than by strings:
 * conditions that hold no column, parameter or variable (a constant
 * predicate) where an injection puts them.
 *
 * - after OR: `OR 7-6=1`, `OR NOT FALSE`, `OR EXISTS(SELECT 1)`, `OR 'a' LIKE
 *   'a'` make the whole condition true (a constant that is plainly false,
 *   such as the `OR 1 = 0` query builders write for an empty list, is not);
 * - as the whole WHERE of a DELETE or UPDATE: `WHERE 'x' LIKE '%'` changes
 *   every row while looking narrow;
 * - a comparison chained onto a constant: `login = ''='' AND pw = ''=''`
 *   (MySQL reads it as `(login = '') = ''`, true for almost every row).
 *
 * The input is the masked statement of `sqli_lex.ts` (literal contents may
 * be `_`), so a literal counts as a constant whatever it holds. One pass over
 * the tokens, linear in the text.
 *
 * @module
 */

/** One structural hit: which check fired and where (offsets in the input). */
export interface StructHit {
  kind: "or_constant" | "dml_constant_where" | "chained_comparison";
  start: number;
  end: number;
}

/** What a token is. */
export type TokKind =
  | "num"
  | "str"
  | "word"
  | "ident"
  | "param"
  | "op"
  | "open"
  | "close"
  | "comma"
  | "semi"
  | "comment";

/** One token of a (masked) statement. */
export interface Tok {
  kind: TokKind;
  /** Lower-cased text for words and operators. */
  text: string;
  start: number;
  end: number;
}

/** Most tokens read for one condition (a longer one is not judged constant). */
const MAX_PREDICATE_TOKENS = 256;

const isWordChar = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ||
  c === 95 || c === 36;
const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;

/** Operators of two characters (JSON and array operators read as one token). */
const MULTI_OPS: ReadonlySet<string> = new Set([
  "<>",
  "!=",
  "<=",
  ">=",
  "||",
  "::",
  "==",
  "->",
  "@>",
  "<@",
  "&&",
  "<<",
  ">>",
  "~~",
]);

/** The token starting at or after `i` in a (masked) statement, or null at the end. */
export function lex(text: string, from: number): Tok | null {
  const n = text.length;
  let i = from;
  while (i < n && text.charCodeAt(i) <= 32) i++;
  if (i >= n) return null;
  const c = text.charCodeAt(i);
  const start = i;
  if (c === 39 /* ' */) {
    let j = i + 1;
    while (j < n) {
      if (text.charCodeAt(j) === 39) {
        if (text.charCodeAt(j + 1) === 39) {
          j += 2;
          continue;
        }
        break;
      }
      j++;
    }
    return { kind: "str", text: "'", start, end: Math.min(n, j + 1) };
  }
  if (c === 34 /* " */ || c === 96 /* ` */ || c === 91 /* [ */) {
    const j = text.indexOf(c === 91 ? "]" : text[i], i + 1);
    return { kind: "ident", text: "", start, end: j < 0 ? n : j + 1 };
  }
  if (
    (c === 45 && text.charCodeAt(i + 1) === 45) ||
    (c === 35 && text.charCodeAt(i + 1) !== 62)
  ) {
    const e = text.indexOf("\n", i);
    return { kind: "comment", text: "--", start, end: e < 0 ? n : e };
  }
  if (c === 47 && text.charCodeAt(i + 1) === 42) {
    const e = text.indexOf("*/", i + 2);
    return { kind: "comment", text: "/*", start, end: e < 0 ? n : e + 2 };
  }
  if (isDigitCode(c) || (c === 46 && isDigitCode(text.charCodeAt(i + 1)))) {
    let j = i + 1;
    while (j < n && (isWordChar(text.charCodeAt(j)) || text[j] === ".")) j++;
    return { kind: "num", text: text.slice(start, j), start, end: j };
  }
  if (isWordChar(c) && c !== 36) {
    let j = i + 1;
    while (j < n && isWordChar(text.charCodeAt(j))) j++;
    // N'..', X'..', B'..', E'..': the prefix belongs to the literal.
    if (j - i === 1 && text.charCodeAt(j) === 39) return lex(text, j);
    return {
      kind: "word",
      text: j - i > 16 ? "" : text.slice(start, j).toLowerCase(),
      start,
      end: j,
    };
  }
  const at = c === 64 /* @ */ &&
    (isWordChar(text.charCodeAt(i + 1)) || text.charCodeAt(i + 1) === 64);
  if (
    c === 36 /* $1 */ || c === 63 /* ? */ || at ||
    (c === 58 /* :name */ && isWordChar(text.charCodeAt(i + 1)))
  ) {
    let j = i + 1;
    while (j < n && (isWordChar(text.charCodeAt(j)) || text[j] === "@")) j++;
    return { kind: "param", text: "", start, end: j };
  }
  if (c === 37 /* % */ && text.charCodeAt(i + 1) === 40 /* %(name)s */) {
    const e = text.indexOf(")", i);
    return { kind: "param", text: "", start, end: e < 0 ? n : e + 2 };
  }
  if (c === 40) return { kind: "open", text: "(", start, end: i + 1 };
  if (c === 41) return { kind: "close", text: ")", start, end: i + 1 };
  if (c === 44) return { kind: "comma", text: ",", start, end: i + 1 };
  if (c === 59) return { kind: "semi", text: ";", start, end: i + 1 };
  const three = text.slice(i, i + 3);
  const two = text.slice(i, i + 2);
  const op = three === "->>" || three === "<=>"
    ? three
    : MULTI_OPS.has(two)
    ? two
    : text[i];
  return { kind: "op", text: op, start, end: i + op.length };
}

/** Words a constant predicate may hold (besides function names before `(`). */
export const CONSTANT_WORDS: ReadonlySet<string> = new Set([
  "true",
  "false",
  "null",
  "unknown",
  "not",
  "and",
  "or",
  "is",
  "like",
  "ilike",
  "rlike",
  "regexp",
  "glob",
  "between",
  "in",
  "exists",
  "select",
  "distinct",
  "isnull",
  "notnull",
  "div",
  "mod",
  "xor",
  "dual",
  "collate",
  // MySQL's `a SOUNDS LIKE b`, the standard `a SIMILAR TO b`.
  "sounds",
  "similar",
  "to",
  // CAST(x AS type): the type follows AS (read as a type only inside a call).
  "as",
  // A CASE expression over constants is a constant.
  "case",
  "when",
  "then",
  "else",
  "end",
  // Functions SQL calls without parentheses: the server's state, not a row's.
  "current_user",
  "current_date",
  "current_time",
  "current_timestamp",
  "current_role",
  "current_schema",
  "current_catalog",
  "session_user",
  "system_user",
  "localtime",
  "localtimestamp",
]);

/** MySQL and SQL Server variables that describe the server (`@@version`), the same for every row; loop state such as `@@FETCH_STATUS` is not one. */
const SERVER_VARIABLE =
  /^@@(?:version(?:_comment|_compile_os|_compile_machine)?|hostname|datadir|basedir|servername|servicename|language|tmpdir|plugin_dir|port|secure_file_priv)$/i;

/** Words that end a predicate (clauses after a WHERE, or the next branch of a CASE). */
export const PREDICATE_END: ReadonlySet<string> = new Set([
  "and",
  "or",
  "order",
  "group",
  "limit",
  "having",
  "union",
  "intersect",
  "except",
  "returning",
  "offset",
  "fetch",
  "for",
  "window",
  "then",
  "when",
  "else",
  "end",
  "from",
  "where",
  "into",
  "on",
  "set",
  "values",
  "procedure",
]);

/** Comparison operators. */
export const COMPARISON: ReadonlySet<string> = new Set([
  "=",
  "==",
  "<>",
  "!=",
  "<",
  ">",
  "<=",
  ">=",
]);

/**
 * Reads the condition that starts at `from` (after OR or WHERE) up to where
 * it ends, and returns its tokens when it holds no column, parameter or
 * variable; null as soon as it does (most conditions stop at their first
 * word). `next` is the token after the condition. With `comma`, a comma
 * outside parentheses ends it too (the first argument of `IF(c, a, b)`).
 */
export function constantCondition(
  text: string,
  from: number,
  limit: number = MAX_PREDICATE_TOKENS,
  comma = false,
): { toks: Tok[]; next: Tok | null } | null {
  const toks: Tok[] = [];
  let depth = 0;
  let between = false;
  let operand = false;
  let prev: Tok | undefined;
  // The previous token was a value (a literal, a closing parenthesis, a type after `::`).
  let afterValue = false;
  let t = lex(text, from);
  // Comments before the condition are whitespace (`OR--\n1=1`, `OR#\n1=1`,
  // `OR/*x*/1=1`): the code resumes after them.
  for (let k = 0; k < 8 && t !== null && t.kind === "comment"; k++) {
    t = lex(text, t.end);
  }
  for (; t !== null; prev = t, t = lex(text, t.end)) {
    if (toks.length >= limit) return null;
    if (t.kind === "open") depth++;
    else if (t.kind === "close") {
      if (depth === 0) break;
      depth--;
    } else if (t.kind === "semi" || t.kind === "comment") {
      if (depth === 0) break;
      return null;
    } else if (t.kind === "comma" && depth === 0 && comma) break;
    else if (t.kind === "word" && depth === 0) {
      if (t.text === "between") between = true;
      else if (t.text === "and" && between) between = false;
      else if (PREDICATE_END.has(t.text)) break;
    }
    const wasValue = afterValue;
    afterValue = t.kind === "num" || t.kind === "str" || t.kind === "close";
    switch (t.kind) {
      case "num":
      case "str":
        operand = true;
        break;
      case "word": {
        const call = text.charCodeAt(skipSpace(text, t.end)) === 40;
        if (call && t.text !== "select") {
          // A function call: constant when its arguments are (`length('x')`).
          operand = true;
          break;
        }
        if (t.text === "true" || t.text === "false" || t.text === "null") {
          operand = true;
        }
        // `CAST(1 AS int)`: the word after AS inside a call is a type.
        if (depth > 0 && prev?.text === "as" && prev.kind === "word") break;
        // `1::int`: the word after a cast operator is a type.
        if (prev?.kind === "op" && prev.text === "::") {
          afterValue = true;
          break;
        }
        // `'a' COLLATE utf8_bin`: the word after COLLATE is a collation.
        if (prev?.kind === "word" && prev.text === "collate") break;
        if (!CONSTANT_WORDS.has(t.text)) return null;
        break;
      }
      case "param":
        // `'{"k":1}'::jsonb ? 'k'`: after a value, `?` is Postgres's key-exists
        // operator (`?|`, `?&` too), not a placeholder.
        if (wasValue && t.end - t.start === 1 && text[t.start] === "?") break;
        // `@@version`: a server constant, not a row's value.
        if (SERVER_VARIABLE.test(text.slice(t.start, t.end))) {
          operand = true;
          break;
        }
        return null;
      case "ident":
        // `'a' COLLATE "C"`: a quoted collation name, not a column.
        if (prev?.kind === "word" && prev.text === "collate") break;
        return null;
      case "op":
        if (t.text === ".") return null;
        // `*` multiplies only after a value: `count(*)` and `t.*` are not arithmetic.
        if (
          t.text === "*" &&
          !(prev?.kind === "num" || prev?.kind === "str" ||
            prev?.kind === "close")
        ) return null;
        break;
      default:
        break;
    }
    toks.push(t);
  }
  return operand && toks.length > 0 ? { toks, next: t } : null;
}

/** The first offset at or after `i` that is not a space or control character. */
export function skipSpace(text: string, i: number): number {
  while (i < text.length && text.charCodeAt(i) <= 32) i++;
  return i;
}

/** Truth of a simple constant condition: true only when it is plainly false. */
export function plainlyFalse(toks: Tok[]): boolean {
  let a = 0;
  let b = toks.length;
  while (a < b && toks[a].kind === "open" && toks[b - 1].kind === "close") {
    a++;
    b--;
  }
  const w = toks.slice(a, b);
  if (w.length === 1) {
    const t = w[0];
    return (t.kind === "word" && (t.text === "false" || t.text === "null")) ||
      (t.kind === "num" && Number(t.text) === 0);
  }
  if (w.length === 2 && w[0].text === "not" && w[1].text === "true") {
    return true;
  }
  if (
    w.length === 3 && w[0].kind === "num" && w[2].kind === "num" &&
    COMPARISON.has(w[1].text)
  ) {
    const x = Number(w[0].text);
    const y = Number(w[2].text);
    if (Number.isNaN(x) || Number.isNaN(y)) return false;
    switch (w[1].text) {
      case "=":
      case "==":
        return x !== y;
      case "<>":
      case "!=":
        return x === y;
      case "<":
        return x >= y;
      case ">":
        return x <= y;
      case "<=":
        return x > y;
      case ">=":
        return x < y;
    }
  }
  return false;
}

/** How far back a WHERE looks for the verb of its statement. */
const VERB_LOOKBACK = 4096;

/** The first word of the statement that `at` is in (looking back to `;`). */
export function statementVerb(lower: string, at: number): string {
  const from = Math.max(0, at - VERB_LOOKBACK);
  const start = lower.lastIndexOf(";", at) + 1;
  if (start === 0 && from > 0) return "";
  const head = /^[\s(]{0,64}(?:\/\*[^*]{0,200}\*\/[\s(]{0,64})?([a-z]{1,16})/
    .exec(lower.slice(Math.max(start, from), Math.max(start, from) + 300));
  return head?.[1] ?? "";
}

/** The word ending just before `at` (lower case), skipping spaces. */
function wordBefore(lower: string, at: number): string {
  let e = at;
  while (e > 0 && lower.charCodeAt(e - 1) <= 32) e--;
  let s = e;
  while (s > 0 && e - s < 16 && isWordChar(lower.charCodeAt(s - 1))) s--;
  return lower.slice(s, e);
}

const OR_WHERE = /\b(?:or|where)\b/g;

/**
 * `=` or `<` etc., a literal or number, and another comparison: `a = '' = ''`.
 * The first operator may not be the tail of `->`, `#>`, `@>`, `<=>` or `=>`.
 */
const CHAINED =
  /(?:==?|<>|!=|<=|>=|<|>)\s{0,8}(?:'[^'\n]{0,64}'|\d{1,20}(?![\w.]))\s{0,8}(?:==?|<>|!=|<=|>=|<|>)(?![=>])/g;

/** Whether a masked statement may hold a hit at all (a cheap literal test: a condition, a UNION, a subquery, a second statement or an INSERT ... SELECT). */
export function mayHaveStructHit(lower: string): boolean {
  return lower.includes("or") || lower.includes("where") ||
    lower.includes("=") || lower.includes("union") ||
    lower.includes("(select") || lower.includes("( select") ||
    lower.includes(";") ||
    (lower.includes("insert") && lower.includes("select"));
}

/** Most hits reported for one statement. */
const MAX_HITS = 16;

/**
 * Structural hits in a masked SQL statement (see the module note); `lower`
 * is the same text in lower case.
 */
export function structuralHits(
  masked: string,
  lower: string = masked.toLowerCase(),
): StructHit[] {
  const hits: StructHit[] = [];
  // The masked view keeps a short literal's letters (`'OR'`): skip words
  // inside literals, by the quotes before them (read once, left to right).
  let cursor = 0;
  let quoted = false;
  const inLiteral = (pos: number): boolean => {
    for (; cursor < pos; cursor++) {
      if (masked.charCodeAt(cursor) === 39) quoted = !quoted;
    }
    return quoted;
  };
  OR_WHERE.lastIndex = 0;
  for (
    let m = OR_WHERE.exec(lower);
    m !== null && hits.length < MAX_HITS;
    m = OR_WHERE.exec(lower)
  ) {
    if (inLiteral(m.index)) continue;
    const or = m[0] === "or";
    // `CREATE OR REPLACE`, `INSERT OR IGNORE`: OR after a keyword.
    if (or && /^(?:create|insert|replace)$/.test(wordBefore(lower, m.index))) {
      continue;
    }
    const c = constantCondition(masked, m.index + m[0].length);
    if (c === null || plainlyFalse(c.toks)) continue;
    if (or) {
      const end = c.toks[c.toks.length - 1].end;
      hits.push({ kind: "or_constant", start: m.index, end });
      OR_WHERE.lastIndex = end;
      continue;
    }
    // WHERE <constant>: the whole filter of a DELETE/UPDATE when it ends
    // there or goes on with OR; `WHERE 5=5 AND 1=1` is a chain of constants,
    // still the whole filter (`WHERE 1=1 AND id = 4` is a builder's prefix).
    let next = c.next;
    let last = c;
    for (
      let k = 0;
      k < 8 && next?.kind === "word" && next.text === "and";
      k++
    ) {
      const more = constantCondition(masked, next.end);
      if (more === null || plainlyFalse(more.toks)) break;
      last = more;
      next = more.next;
    }
    const end = last.toks[last.toks.length - 1].end;
    const whole = next === null || next.kind === "semi" ||
      next.kind === "comment" ||
      (next.kind === "word" &&
        (next.text === "or" || next.text === "returning" ||
          next.text === "limit" || next.text === "order"));
    const verb = whole ? statementVerb(lower, m.index) : "";
    if (verb === "delete" || verb === "update") {
      hits.push({ kind: "dml_constant_where", start: m.index, end });
    } else if (next?.kind === "word" && next.text === "or") {
      // `WHERE 1=1 OR ...` in any statement: builders start an OR chain
      // with a false constant (`WHERE 1=0 OR a OR b`), never a true one.
      hits.push({ kind: "or_constant", start: m.index, end });
    }
  }
  CHAINED.lastIndex = 0;
  for (
    let m = CHAINED.exec(masked);
    m !== null && hits.length < MAX_HITS;
    m = CHAINED.exec(masked)
  ) {
    if ("-#@<>!=".includes(masked[m.index - 1] ?? " ")) {
      CHAINED.lastIndex = m.index + 1;
      continue;
    }
    hits.push({
      kind: "chained_comparison",
      start: m.index,
      end: m.index + m[0].length,
    });
  }
  return hits;
}

/** Most tokens read from one statement by {@link statementTokens}. */
const MAX_TOKENS = 20000;

/**
 * The tokens of a masked statement (at most {@link MAX_TOKENS}); a quoted
 * identifier's text is its name in lower case (`"Users"` is `users`).
 */
export function statementTokens(masked: string): Tok[] {
  const out: Tok[] = [];
  for (
    let t = lex(masked, 0);
    t !== null && out.length < MAX_TOKENS;
    t = lex(masked, t.end)
  ) {
    if (t.kind === "ident" && t.end - t.start <= 66) {
      t = { ...t, text: masked.slice(t.start + 1, t.end - 1).toLowerCase() };
    }
    out.push(t);
  }
  return out;
}
