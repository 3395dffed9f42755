/**
 * SQL-injection and destructive-statement detection.
 *
 * The text is normalised into a copy (percent escapes decoded once, HTML
 * quote entities and `\x27` escapes decoded, inline comments removed, `+`
 * between words read as a space, typographic quotes read as ASCII) and the
 * catalogue's structural patterns run on that copy; findings are mapped
 * back to offsets in the original text. Which patterns run depends on
 * whether the text is a SQL statement or free text (see
 * `policies/sqli.ts`). In a statement, token-level checks run as well
 * (`sqli_struct.ts`, `sqli_probe.ts`), and a string literal the statement
 * runs as SQL (EXECUTE '...', PREPARE s FROM '...') is judged as a
 * statement of its own.
 *
 * @module
 */

import type { Finding } from "../types.ts";
import { queryDocument, queryDocumentHits } from "./nosql_doc.ts";
import {
  type ShellHitKind,
  shellHits,
  type ShellStatement,
  shellStatements,
} from "./sqli_mongosh.ts";
import { looksLikeProse, maskSql } from "./sqli_lex.ts";
import { mayHaveStructHit, structuralHits } from "./sqli_struct.ts";
import { probeHits } from "./sqli_probe.ts";
import { storedBreakouts } from "./sqli_stored.ts";
import { dynamicLiterals, splitsKeyword } from "./sqli_dynamic.ts";
import { JOIN_WORDS, SPLIT_WORDS, validate } from "./sqli_validate.ts";
import {
  SQLI_POLICIES,
  type SqlPolicy,
  type SqlValidator,
  STRUCTURAL_POLICY,
} from "../policies/sqli.ts";

export { SQLI_POLICIES };

/** How to read the text being scanned. */
export interface SqlScanOptions {
  /** true when the text is SQL sent to a database (a database channel or SQL in a db CLI); false for free text such as a URL parameter or form value */
  isStatement: boolean;
}

/** The NoSQL policies a query document is judged by. */
const NOSQL_OPERATOR_POLICY = "sys_sqli_nosql_operator";
const NOSQL_JS_POLICY = "sys_sqli_nosql_javascript";

/** Most findings reported per pattern, so hostile input cannot flood the result. */
const MAX_PER_PATTERN = 16;

// ---------------------------------------------------------------------------
// Offset-preserving rewriting.

/** A rewritten text plus anchors mapping its offsets back to its source. */
interface Rewritten {
  text: string;
  /** Pairs (offset in `text`, offset in source) at each rewrite boundary, ascending. */
  anchors: number[];
}

/** Rewrites each match of `re` with `fn`'s result, keeping offset anchors. */
function rewrite(
  src: string,
  re: RegExp,
  fn: (m: RegExpExecArray, src: string) => string | null,
): Rewritten {
  const parts: string[] = [];
  const anchors: number[] = [0, 0];
  let last = 0;
  let outLen = 0;
  re.lastIndex = 0;
  for (let m = re.exec(src); m !== null; m = re.exec(src)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const rep = fn(m, src);
    if (rep === null) continue;
    parts.push(src.slice(last, m.index));
    outLen += m.index - last;
    anchors.push(outLen, m.index);
    parts.push(rep);
    outLen += rep.length;
    last = m.index + m[0].length;
    anchors.push(outLen, last);
  }
  if (last === 0 && parts.length === 0) return { text: src, anchors: [0, 0] };
  parts.push(src.slice(last));
  return { text: parts.join(""), anchors };
}

/** Maps an offset in a rewritten text back to its source. */
function mapBack(r: Rewritten, pos: number): number {
  const a = r.anchors;
  let lo = 0;
  let hi = a.length / 2 - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (a[mid * 2] <= pos) lo = mid;
    else hi = mid - 1;
  }
  return a[lo * 2 + 1] + (pos - a[lo * 2]);
}

/**
 * What the decoded view rewrites. A percent escape may be encoded again
 * (`%2527` is `%27` once decoded, a quote twice): up to four `25` layers
 * collapse to the character they finally spell.
 */
const DECODE_RE =
  /%(?:25){0,4}([0-7][0-9a-f])|\\x([0-7][0-9a-f])|&(?:apos|#39|#x27);|&(?:quot|#34|#x22);|[\u2018\u2019\u02b9\u02bc\u2032\u00b4]|[\u201c\u201d]|[\uff01-\uff5e]/gi;

function decodeToken(m: RegExpExecArray): string {
  const hex = m[1] ?? m[2];
  if (hex !== undefined) return String.fromCharCode(parseInt(hex, 16));
  const t = m[0];
  if (t.startsWith("&")) return /apos|39|27/i.test(t) ? "'" : '"';
  // Full-width forms (\uff2f\uff32 for OR, \uff07 for a quote): their ASCII characters.
  const c = t.charCodeAt(0);
  if (c >= 0xff01 && c <= 0xff5e) return String.fromCharCode(c - 0xfee0);
  return t === "\u201c" || t === "\u201d" ? '"' : "'";
}

function isLetter(c: string | undefined): boolean {
  if (c === undefined) return false;
  const x = c.charCodeAt(0) | 0x20;
  return x >= 0x61 && x <= 0x7a;
}
function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= "0" && c <= "9";
}
const isQuote = (c: string | undefined): boolean => c === "'" || c === '"';

/** An operator word ending the text before a `+` (`or+'1'`), not part of a longer name. */
const OPERATOR_BEFORE = /(?:^|[^\w])(?:or|and|xor|like|having|where)$/i;

const SPACING_RE = /\/\*(?!!)[\s\S]{0,256}?\*\/|\/\*!\d{0,5}|\*\/|\+/g;

function spacingToken(m: RegExpExecArray, src: string): string | null {
  const t = m[0];
  const prev = src[m.index - 1];
  const next = src[m.index + t.length];
  if (t === "+") {
    // `or+'1'='1`: a form-encoded space between an operator word and a quote.
    if (
      isQuote(next) &&
      OPERATOR_BEFORE.test(src.slice(Math.max(0, m.index - 8), m.index))
    ) return " ";
    // `union+select`, `or+1=1`, `1+or`: a form-encoded space; keep `1+1`, `'a'+'b'`.
    const wordish = isLetter(prev) || isDigit(prev) || isQuote(prev);
    if (!wordish || !(isLetter(next) || isDigit(next))) return null;
    if (isDigit(prev) && isDigit(next)) return null;
    if (isQuote(prev) && !isLetter(next)) return null;
    return " ";
  }
  if (t.startsWith("/*") && t.endsWith("*/") && t.length >= 4) {
    if (!isLetter(prev) || !isLetter(next)) return " ";
    // Join only when the halves make a keyword (UN/**/ION); UNION/**/SELECT is two words.
    const before = /[a-z_]{1,20}$/i.exec(
      src.slice(Math.max(0, m.index - 20), m.index),
    )?.[0] ?? "";
    const after = /^[a-z_]{1,20}/i.exec(
      src.slice(m.index + t.length, m.index + t.length + 20),
    )?.[0] ?? "";
    const w = (before + after).toLowerCase();
    return SPLIT_WORDS.has(w) || JOIN_WORDS.has(w) ? "" : " ";
  }
  return " ";
}

/** A number written against a keyword: MySQL reads `1e0UNION` and `.1UNION` as the number, then UNION. */
const GLUED_RE =
  /(?<![\w.])(?:\d{1,20}(?:\.\d{0,20})?(?:e[+-]?\d{1,4})?|\.\d{1,20})(?=(?:union|select|from|order|limit)\b)/gi;
const GLUED_TEST = /\d(?:union|select|from|order|limit)\b/i;

/** Puts a space between a number and the keyword written against it, keeping offsets mappable. */
function unglue(r: Rewritten): Rewritten {
  const ins: number[] = [];
  const next = rewrite(r.text, GLUED_RE, (m) => {
    ins.push(m.index + m[0].length);
    return m[0] + " ";
  });
  if (ins.length === 0) return r;
  // Compose the maps (next → r.text → source): both sets of boundaries.
  const pairs: [number, number][] = [];
  for (let i = 0; i < next.anchors.length; i += 2) {
    pairs.push([next.anchors[i], mapBack(r, next.anchors[i + 1])]);
  }
  let k = 0;
  for (let i = 0; i < r.anchors.length; i += 2) {
    const at = r.anchors[i];
    while (k < ins.length && ins[k] <= at) k++;
    pairs.push([at + k, r.anchors[i + 1]]);
  }
  pairs.sort((a, b) => a[0] - b[0]);
  return { text: next.text, anchors: pairs.flat() };
}

/** A text prepared for matching: decoded view, normalised view, and maps back. */
interface Prepared {
  decoded: Rewritten;
  normal: Rewritten;
  lower: string;
  decodedLower: string;
  /** In a statement: the normalised view with literals unmasked (for `raw` patterns). */
  unmasked?: Rewritten;
}

/** A character every {@link DECODE_RE} match contains. */
const DECODE_CHAR =
  /[%\\&\u2018\u2019\u02b9\u02bc\u2032\u00b4\u201c\u201d\uff01-\uff5e]/;

/** True when `t` may contain a {@link SPACING_RE} match. */
const maySpace = (t: string): boolean =>
  t.includes("+") || t.includes("/*") || t.includes("*/");

/**
 * The decoded and normalised views of a text. `literals` (pairs of offsets)
 * are left undecoded: in a statement, `LIKE '%27%'` is data, not an escape.
 */
function prepare(text: string, literals: readonly number[] = []): Prepared {
  // Most texts need neither rewrite: skip the regexes (and compiling them).
  let k = 0;
  const decodeOutside = (m: RegExpExecArray): string | null => {
    while (k < literals.length && literals[k + 1] <= m.index) k += 2;
    if (k < literals.length && literals[k] <= m.index) return null;
    return decodeToken(m);
  };
  const decoded = DECODE_CHAR.test(text)
    ? rewrite(text, DECODE_RE, literals.length ? decodeOutside : decodeToken)
    : { text, anchors: [0, 0] };
  let normal = maySpace(decoded.text)
    ? rewrite(decoded.text, SPACING_RE, spacingToken)
    : { text: decoded.text, anchors: [0, 0] };
  if (GLUED_TEST.test(normal.text)) normal = unglue(normal);
  return {
    decoded,
    normal,
    lower: normal.text.toLowerCase(),
    decodedLower: decoded.text === normal.text
      ? ""
      : decoded.text.toLowerCase(),
  };
}

// ---------------------------------------------------------------------------
// Compiled catalogue.

interface CompiledPattern {
  /** The catalogue's regex. */
  source: RegExp;
  /** Its global copy, built the first time the pattern runs (see {@link regexOf}). */
  re?: RegExp;
  stage: "decoded" | "normal" | "raw";
  validate?: SqlValidator;
  needs?: readonly string[] | "subquery";
}

interface CompiledPolicy {
  policy: SqlPolicy;
  free: CompiledPattern[];
  statement: CompiledPattern[];
}

/** The catalogue sorted into patterns per mode, and its keywords, built on the first scan (not at import). */
interface Tables {
  compiled: CompiledPolicy[];
  /** Distinct keywords, longest first. */
  keywords: string[];
  /** Alternation of the keywords, longest first (built for the first long text). */
  keywordRe?: RegExp;
  /** Policies by id. */
  byId: Map<string, SqlPolicy>;
}

let TABLES: Tables | undefined;

function tables(): Tables {
  return TABLES ??= buildTables();
}

function regexOf(p: CompiledPattern): RegExp {
  const { source, flags } = p.source;
  return p.re ??= new RegExp(source, flags.includes("g") ? flags : flags + "g");
}

function buildTables(): Tables {
  const compiled: CompiledPolicy[] = SQLI_POLICIES.map((policy) => {
    const free: CompiledPattern[] = [];
    const statement: CompiledPattern[] = [];
    for (const p of policy.patterns) {
      const c: CompiledPattern = {
        source: p.re,
        stage: p.stage ?? "normal",
        validate: p.validate,
        needs: p.needs,
      };
      if (p.mode !== "statement") free.push(c);
      if (p.mode !== "free") statement.push(c);
    }
    return { policy, free, statement };
  });
  const keywords = [...new Set(SQLI_POLICIES.flatMap((p) => p.keywords))]
    .sort((a, b) => b.length - a.length);
  const byId = new Map(SQLI_POLICIES.map((p) => [p.id, p]));
  return { compiled, keywords, byId };
}

/** Texts up to this length find keywords with indexOf instead of the alternation regex. */
const SHORT_TEXT = 4096;

/**
 * The catalogue keywords present in a lower-cased text: what one pass of the
 * longest-first alternation finds (at each position the longest keyword
 * there, then on from its end). Short texts get the same answer from indexOf
 * per keyword, without compiling the alternation.
 */
function presentKeywords(lower: string, into: Set<string>): void {
  const t = tables();
  if (lower.length <= SHORT_TEXT) {
    let longest: Uint16Array | undefined;
    let word: string[] | undefined;
    for (const kw of t.keywords) {
      for (let p = lower.indexOf(kw); p >= 0; p = lower.indexOf(kw, p + 1)) {
        longest ??= new Uint16Array(lower.length);
        word ??= new Array(lower.length);
        if (kw.length > longest[p]) {
          longest[p] = kw.length;
          word[p] = kw;
        }
      }
    }
    if (longest === undefined || word === undefined) return;
    for (let p = 0; p < lower.length;) {
      if (longest[p] === 0) {
        p++;
        continue;
      }
      into.add(word[p]);
      p += longest[p];
    }
    return;
  }
  const re = t.keywordRe ??= new RegExp(
    t.keywords.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"),
    "g",
  );
  re.lastIndex = 0;
  for (let m = re.exec(lower); m !== null; m = re.exec(lower)) {
    into.add(m[0]);
    if (into.size === t.keywords.length) return;
  }
}

/** {@link presentKeywords} by the alternation regex, whatever the length; for tests. */
export function keywordsByRegex(lower: string): Set<string> {
  const t = tables();
  const re = new RegExp(
    t.keywords.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"),
    "g",
  );
  const out = new Set<string>();
  for (const m of lower.matchAll(re)) out.add(m[0]);
  return out;
}

/** {@link presentKeywords}, for tests. */
export function keywordsPresent(lower: string): Set<string> {
  const out = new Set<string>();
  presentKeywords(lower, out);
  return out;
}

/** How many quote characters a text holds. */
function quotes(t: string): number {
  let n = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 39 || c === 34) n++;
  }
  return n;
}

/** A percent-encoded quote followed by an encoded space and a SQL word. */
const ENCODED_BREAKOUT =
  /%(?:25){0,4}2[27](?:%(?:25){0,4}29)?(?:%(?:25){0,4}(?:20|09|0a)|\+){1,8}(?:or|and|union|having|order|select)(?:%(?:25){0,4}(?:20|09|0a|28)|\+)/i;

/**
 * Inside a literal: a quote as a web form, a driver or a database may turn
 * it back into one (percent-encoded, backslash-escaped, an HTML entity, a look-alike such as
 * U+2019, U+02BC or the full-width U+FF07) closing the value, then a SQL
 * operator word.
 */
const LITERAL_BREAKOUT =
  /(?:%(?:25){0,4}2[27]|\\['"]|\\(?:x|u00)2[27]|&(?:#0{0,2}39|#x0{0,2}27|apos|quot|#0{0,2}34);|[\u2018\u2019\u02b9\u02bc\u2032\u00b4\uff07])(?:%(?:25){0,4}29|\))?(?:\s|%(?:25){0,4}(?:20|09|0a)|\+){1,8}(?:or|and|xor|union|having|order|select)(?=\s|%(?:25){0,4}(?:20|09|0a|28)|\+|\()/gi;
/** A character {@link LITERAL_BREAKOUT} starts with, for a cheap test of the whole text first. */
const DISGUISED_QUOTE =
  /%(?:25){0,4}2[27]|\\['"]|\\(?:x|u00)2[27]|&(?:#0{0,2}39|#x0{0,2}27|apos|quot|#0{0,2}34);|[\u2018\u2019\u02b9\u02bc\u2032\u00b4\uff07]/i;
/** What follows such an operator word in a payload: a comparison, a comment, a subquery or a delay. */
const BREAKOUT_TAIL =
  /[=<>]|--|#|\/\*|%(?:25){0,4}(?:3[cde]|23)|select|sleep|like\b/i;

/** Full-width letters, digits and operators as ASCII (`ＯＲ` as OR); the full-width quotes stay, as disguised quotes. */
function asciiForms(body: string): string {
  return /[\uff01-\uff5e]/.test(body)
    ? body.replace(
      /[\uff01\uff03-\uff06\uff08-\uff5e]/g,
      (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0),
    )
    : body;
}

/**
 * True when a literal's contents hold a breakout that a decoding layer turns
 * into SQL (`'NW2%27 OR %271%27=%271'`, `'x\u2019 OR \u20191\u2019=\u20191'`): a
 * disguised quote, an operator word and, within a few words, a comparison,
 * comment or subquery. Quoted words in prose (`'a \u2018union\u2019 and a \u2018guild\u2019'`)
 * carry no comparison and pass.
 */
function literalBreakout(
  text: string,
  literals: readonly number[],
): boolean {
  for (let i = 0; i + 1 < literals.length; i += 2) {
    const body = asciiForms(text.slice(literals[i], literals[i + 1]));
    if (body.length < 6) continue;
    LITERAL_BREAKOUT.lastIndex = 0;
    for (
      let m = LITERAL_BREAKOUT.exec(body);
      m !== null;
      m = LITERAL_BREAKOUT.exec(body)
    ) {
      const end = m.index + m[0].length;
      if (BREAKOUT_TAIL.test(body.slice(end, end + 48))) return true;
    }
  }
  return false;
}

/** A literal's contents that are only an operator word between spaces (`' OR '`, `' and '`, `' UNION SELECT '`). */
const OPERATOR_LITERAL =
  /^\s{1,8}(?:or|and|xor|\|\||&&|union(?:\s{1,8}all)?\s{1,8}select|having|order\s{1,8}by)\s{1,8}$/i;

/**
 * True when a literal holding only an operator word opens right after a
 * digit, or after a word of two or more letters that is no string prefix
 * (`1' OR '1'='1`, `admin' or 'x'='x`, `id = 5%00' AND '`): SQL never
 * writes a string against a number or a name, so the quotes close and
 * reopen the application's value around injected code.
 */
function gluedOperatorLiteral(
  text: string,
  literals: readonly number[],
): boolean {
  for (let i = 0; i + 1 < literals.length && i < 512; i += 2) {
    const open = literals[i] - 1;
    if (text[open] !== "'" || literals[i + 1] - literals[i] > 40) continue;
    if (!OPERATOR_LITERAL.test(text.slice(literals[i], literals[i + 1]))) {
      continue;
    }
    const before = text.slice(Math.max(0, open - 24), open);
    // A NUL byte before the quote (`1\0' OR '`) is a filter-evasion trick of its own.
    if (before.endsWith("\0")) return true;
    if (/\d$/.test(before)) return true;
    const word = /(?:^|[^\w])([a-z]\w{1,23})$/i.exec(before)?.[1];
    if (word !== undefined && !/^(?:n|e|x|b|u)$/i.test(word)) return true;
  }
  return false;
}

/**
 * Prepares a text sent to a database. A well-formed statement (it starts
 * with a SQL verb and closes every literal and comment) is judged by the
 * statement patterns on a copy whose literal and comment contents are masked
 * (see `sqli_lex.ts`): what a query stores is not what it does. Anything
 * else (a bare fragment such as `' or 1=1--`, a statement left inside an
 * open quote by a breakout, a NoSQL filter) is what an injection leaves in a
 * statement, and is judged by the free-text patterns; unless it reads as
 * prose ({@link looksLikeProse}), which a database does not run.
 */
function prepareStatement(
  text: string,
): {
  prep: Prepared;
  statement: boolean;
  prose?: boolean;
  openComment?: number;
  /** In a well-formed statement: its masked copy and the pairs (start, end) of its literals' contents. */
  stored?: { masked: string; literals: number[] };
} {
  const raw = maskSql(text);
  if (!raw.startsLikeStatement || raw.unterminated) {
    return {
      prep: prepare(text),
      statement: false,
      prose: looksLikeProse(text),
      openComment: raw.startsLikeStatement ? raw.openComment : -1,
    };
  }
  // A "literal" that is only an operator word glued to the value before it
  // (`id = 1' OR '1'='1`): the quotes are a breakout's, not a string's.
  if (raw.literals.length && gluedOperatorLiteral(text, raw.literals)) {
    return { prep: prepare(text), statement: false };
  }
  const prep = prepare(text, raw.literals);
  // A quote that was percent- or entity-encoded outside every literal is a
  // breakout smuggled into the statement (`id = 10%27%20or%20%271%27=%271`).
  if (quotes(prep.decoded.text) > quotes(text)) {
    return { prep: prepare(text), statement: false };
  }
  // A literal carrying a percent-encoded quote and SQL (`'%27%20OR%20%27x'`)
  // is a web payload passed through undecoded: judge it decoded, as free text.
  if (raw.literals.length && ENCODED_BREAKOUT.test(text)) {
    return { prep: prepare(text), statement: false };
  }
  // So is one carrying a quote in another spelling (`'NW2\u2019 OR \u20191\u2019=\u20191'`).
  if (
    raw.literals.length && DECODE_CHAR.test(text) &&
    DISGUISED_QUOTE.test(text) &&
    literalBreakout(text, raw.literals)
  ) {
    return { prep: prepare(text), statement: false };
  }
  const decoded = maskSql(prep.decoded.text, {
    lineComments: false,
    blockComments: false,
  });
  const normal = maskSql(prep.normal.text);
  if (decoded.unterminated || normal.unterminated) {
    return { prep: prepare(text), statement: false };
  }
  const masked: Prepared = {
    decoded: { text: decoded.text, anchors: prep.decoded.anchors },
    normal: { text: normal.text, anchors: prep.normal.anchors },
    lower: normal.text.toLowerCase(),
    decodedLower: decoded.text === normal.text
      ? ""
      : decoded.text.toLowerCase(),
    unmasked: prep.normal,
  };
  return {
    prep: masked,
    statement: true,
    stored: { masked: raw.text, literals: raw.literals },
  };
}

/** Findings for SQL-injection techniques and destructive statements; each Finding.type is the technique, e.g. `sqli_union`. */
export function findSqlInjection(
  text: string,
  opts: SqlScanOptions,
): Finding[] {
  if (text.length === 0) return [];
  if (opts.isStatement) {
    const doc = queryDocument(text);
    if (doc !== undefined) return documentFindings(text, doc);
    const shell = text.includes("db") ? shellStatements(text) : undefined;
    if (shell !== undefined) return shellFindings(text, shell);
  }
  const { prep, statement, prose, openComment, stored } = opts.isStatement
    ? prepareStatement(text)
    : { prep: prepare(text), statement: false };
  // Prose sent to a database is not executed as SQL: a sentence that quotes
  // a payload is documentation, and the text policies still judge it.
  if (prose) return [];
  const findings: Finding[] = [];
  if (openComment !== undefined && openComment >= 0) {
    openCommentTail(text, openComment, findings);
  }
  if (statement && stored !== undefined && stored.literals.length > 0) {
    storedPayloads(text, stored.masked, stored.literals, findings);
  }
  const gates: Gates = {};
  const present = new Set<string>();
  presentKeywords(prep.lower, present);
  if (prep.decodedLower) presentKeywords(prep.decodedLower, present);
  for (const c of tables().compiled) {
    const patterns = statement ? c.statement : c.free;
    if (patterns.length === 0) continue;
    if (!c.policy.keywords.some((k) => present.has(k))) continue;
    for (const p of patterns) {
      if (p.needs !== undefined && !gateOpen(p.needs, prep, gates)) continue;
      const view = p.stage === "decoded"
        ? prep.decoded
        : p.stage === "raw"
        ? prep.unmasked ?? prep.normal
        : prep.normal;
      let count = 0;
      const re = regexOf(p);
      re.lastIndex = 0;
      for (let m = re.exec(view.text); m !== null; m = re.exec(view.text)) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        if (p.validate) {
          const v = validate(p.validate, m, view.text, statement);
          if (v !== true) {
            // Resume after the rejected part (overlapping hits stay visible).
            re.lastIndex = v === false ? m.index + 1 : v;
            continue;
          }
        }
        let start = mapBack(view, m.index);
        let end = mapBack(view, m.index + m[0].length);
        if (p.stage !== "decoded") {
          start = mapBack(prep.decoded, start);
          end = mapBack(prep.decoded, end);
        }
        findings.push({
          policyId: c.policy.id,
          type: c.policy.type,
          start,
          end: Math.max(end, start),
          severity: c.policy.severity,
          action: c.policy.action,
          category: "sqli",
        });
        if (++count >= MAX_PER_PATTERN) break;
      }
    }
  }
  if (statement && mayHaveStructHit(prep.lower)) {
    structural(prep, findings);
  }
  if (statement && prep.unmasked !== undefined) {
    dynamicSql(prep, findings);
  }
  return dedupe(findings);
}

/**
 * A JSON query document on a database channel: its operators are syntax,
 * so the free-text operator pattern does not apply; the attack shapes of
 * `nosql_doc.ts` do, and the text patterns still run on its string values
 * (a document can carry a SQL payload in a field).
 */
function documentFindings(text: string, doc: unknown): Finding[] {
  const byId = tables().byId;
  const findings = findSqlInjection(text, { isStatement: false }).filter((f) =>
    f.policyId !== NOSQL_OPERATOR_POLICY
  );
  for (const h of queryDocumentHits(doc)) {
    const policy = byId.get(
      h.kind === "javascript" ? NOSQL_JS_POLICY : NOSQL_OPERATOR_POLICY,
    );
    if (policy === undefined) continue;
    // The key quoted as JSON writes it, or bare as a shell user does.
    const quoted = text.indexOf(JSON.stringify(h.key));
    const at = Math.max(0, quoted >= 0 ? quoted : text.indexOf(h.key));
    findings.push({
      policyId: policy.id,
      type: policy.type,
      start: at,
      end: at + h.key.length + (quoted >= 0 ? 2 : 0),
      severity: policy.severity,
      action: policy.action,
      category: "sqli",
    });
  }
  return dedupe(findings);
}

/** The policy each kind of `sqli_mongosh.ts` hit reports under. */
const SHELL_POLICY: Readonly<Record<ShellHitKind, string>> = {
  javascript: NOSQL_JS_POLICY,
  operator: NOSQL_OPERATOR_POLICY,
  delete_all: "sys_sqli_delete_without_where",
  update_all: "sys_sqli_update_without_where",
  drop_collection: "sys_sqli_drop_table",
  drop_database: "sys_sqli_drop_database",
  privileged_role: "sys_sqli_privilege_change",
  shutdown: "sys_sqli_shutdown",
  audit_off: "sys_sqli_audit_disable",
};

/**
 * MongoDB shell calls on a database channel (`sqli_mongosh.ts`): like a
 * query document, judged by what the calls do rather than by the operators
 * they are written with; the text patterns still run on the rest.
 */
function shellFindings(text: string, statements: ShellStatement[]): Finding[] {
  const byId = tables().byId;
  // A `;` before the next call separates the script's own statements.
  const findings = findSqlInjection(text, { isStatement: false }).filter((f) =>
    f.policyId !== NOSQL_OPERATOR_POLICY &&
    !(f.policyId === NOSQL_JS_POLICY && text[f.start] === ";")
  );
  for (const h of shellHits(statements)) {
    const policy = byId.get(SHELL_POLICY[h.kind]);
    if (policy === undefined) continue;
    findings.push({
      policyId: policy.id,
      type: policy.type,
      start: h.start,
      end: h.end,
      severity: policy.severity,
      action: policy.action,
      category: "sqli",
    });
  }
  return dedupe(findings);
}

/** The policy of a quote then a comment that cuts the statement off. */
const TRUNCATION_POLICY = "sys_sqli_comment_truncation";

/**
 * A statement whose `/*` is never closed right after a value (`login =
 * 'ops'/* AND pin = '0000'`): everything after it, the rest of the
 * application's condition, is comment.
 */
function openCommentTail(text: string, at: number, findings: Finding[]): void {
  let k = at - 1;
  while (k >= 0 && text.charCodeAt(k) <= 32) k--;
  const prev = text[k] ?? "";
  if (!/['")\d;]/.test(prev) || !/\S/.test(text.slice(at + 2, at + 400))) {
    return;
  }
  const policy = tables().byId.get(TRUNCATION_POLICY);
  if (policy === undefined) return;
  findings.push({
    policyId: policy.id,
    type: policy.type,
    start: at,
    end: text.length,
    severity: policy.severity,
    action: policy.action,
    category: "sqli",
  });
}

/** Adds a finding for each value an INSERT or UPDATE stores that carries a breakout (`sqli_stored.ts`). */
function storedPayloads(
  text: string,
  masked: string,
  literals: readonly number[],
  findings: Finding[],
): void {
  const spans = storedBreakouts(text, masked, literals);
  const policy = spans.length
    ? tables().byId.get(STRUCTURAL_POLICY.stored_payload)
    : undefined;
  if (policy === undefined) return;
  for (let i = 0; i + 1 < spans.length; i += 2) {
    findings.push({
      policyId: policy.id,
      type: policy.type,
      start: spans[i],
      end: spans[i + 1],
      severity: policy.severity,
      action: policy.action,
      category: "sqli",
    });
  }
}

/** Adds the findings of the token-level checks (`sqli_struct.ts`) on a masked statement. */
function structural(prep: Prepared, findings: Finding[]): void {
  const byId = tables().byId;
  const hits = [
    ...structuralHits(prep.normal.text, prep.lower),
    ...probeHits(
      prep.normal.text,
      prep.lower,
      prep.unmasked?.text ?? prep.normal.text,
    ),
  ];
  for (const h of hits) {
    const policy = byId.get(STRUCTURAL_POLICY[h.kind]);
    if (policy === undefined) continue;
    const start = mapBack(prep.decoded, mapBack(prep.normal, h.start));
    const end = mapBack(prep.decoded, mapBack(prep.normal, h.end));
    findings.push({
      policyId: policy.id,
      type: policy.type,
      start,
      end: Math.max(end, start),
      severity: policy.severity,
      action: policy.action,
      category: "sqli",
    });
  }
}

/** How deep dynamic SQL inside dynamic SQL is followed. */
const MAX_DYNAMIC_DEPTH = 2;
let dynamicDepth = 0;

/** The policy of keywords split across string literals. */
const CONCAT_POLICY = "sys_sqli_concat_obfuscation";

/**
 * Judges each string literal a statement runs as SQL (`sqli_dynamic.ts`)
 * as the statement it is; its findings cover the literal. A DO block's body
 * is lexed as code (`sqli_lex.ts`), so `DO $$ BEGIN EXECUTE 'DROP TABLE t';
 * END $$` is judged by the DROP it runs.
 */
function dynamicSql(prep: Prepared, findings: Finding[]): void {
  const view = prep.unmasked;
  if (view === undefined || dynamicDepth >= MAX_DYNAMIC_DEPTH) return;
  for (const lit of dynamicLiterals(view.text)) {
    dynamicDepth++;
    let inner: Finding[];
    try {
      inner = findSqlInjection(lit.body, { isStatement: true });
    } finally {
      dynamicDepth--;
    }
    const start = mapBack(prep.decoded, mapBack(view, lit.start));
    const end = mapBack(prep.decoded, mapBack(view, lit.end));
    for (const f of inner) findings.push({ ...f, start, end });
    // Pieces that only make SQL once joined hide the keyword from filters.
    const policy = splitsKeyword(lit.pieces)
      ? tables().byId.get(CONCAT_POLICY)
      : undefined;
    if (policy !== undefined) {
      findings.push({
        policyId: policy.id,
        type: policy.type,
        start,
        end,
        severity: policy.severity,
        action: policy.action,
        category: "sqli",
      });
    }
  }
}

/** Per-scan answers of the named gates, computed on first use. */
interface Gates {
  subquery?: boolean;
}

const SUBQUERY = /\(\s{0,8}select\b/;

/** Whether a pattern's cheap gate lets it run on this text. */
function gateOpen(
  needs: readonly string[] | "subquery",
  prep: Prepared,
  gates: Gates,
): boolean {
  if (needs === "subquery") {
    return gates.subquery ??= SUBQUERY.test(prep.lower) ||
      (prep.decodedLower !== "" && SUBQUERY.test(prep.decodedLower));
  }
  return needs.some((k) =>
    prep.lower.includes(k) ||
    (prep.decodedLower !== "" && prep.decodedLower.includes(k))
  );
}

/** Drops repeated findings of one policy at overlapping places. */
function dedupe(findings: Finding[]): Finding[] {
  findings.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Finding[] = [];
  const lastEnd = new Map<string, number>();
  for (const f of findings) {
    const e = lastEnd.get(f.policyId);
    if (e !== undefined && f.start < e) continue;
    lastEnd.set(f.policyId, f.end);
    out.push(f);
  }
  return out;
}
