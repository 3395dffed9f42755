/**
 * People's names under generic labels (`name`, `customer`, `contact`,
 * `owner`, `nombre`, `Kunde`...), found by their record: a bare `name` names
 * services, packages and hosts as often as people, but a record that also
 * holds an email, a phone number, a date of birth, an address or a national
 * id is a person's record, and its name field is that person's name.
 *
 * Records are read four ways, each only where a person's PII was already
 * found (the caller passes those spans):
 *
 * - tables (CSV, TSV, psql, markdown, HTML) with a generic name column: a
 *   row's name cell when the same row holds the PII;
 * - `key: value` / `key=value` fields (JSON objects, YAML blocks, logfmt
 *   lines, forms): the value when the enclosing object, indented block or
 *   line holds the PII;
 * - a name right before the PII it belongs to (`Jane Roe <jane@…>`,
 *   `for Jane Roe at 12 Elm St`, `Jane Roe, DOB 1970-01-02`) or right after a
 *   phone behind a dash (`+44 … — Jane Roe`);
 * - the name line of a signature (after `--` or `Regards,`) above a phone
 *   or an email.
 *
 * Every value must read as a name of two to four capitalised words
 * (`person_names.ts`), without words of firms, products or places.
 *
 * @module
 */

import { personNameValid } from "./person_names.ts";
import {
  cells,
  type LabelReader,
  RULE,
  type TableCell,
  tableCells,
  trimCell,
} from "./tables.ts";
import { htmlTableCells } from "./html_tables.ts";
import { ssnValid } from "./checksums.ts";
import {
  literalExec,
  type LiteralSearch,
  literalSearch,
  type MultiSearch,
  multiSearch,
  placesExec,
  type SearchPlaces,
  searchPlaces,
  startBytes,
} from "./start_table.ts";

/** A PII finding's span and kind, as the scanner found it. */
export interface PiiSpan {
  start: number;
  end: number;
  policyId: string;
}

/** The kind a name found here is reported as. */
const NAME_POLICY = "sys_pii_person_name";

/** PII kinds that do not make a record a person's (addresses of machines, firms' ids, names themselves). */
const NOT_PERSONAL = new Set([
  NAME_POLICY,
  "sys_pii_ipv4",
  "sys_pii_ipv6",
  "sys_pii_ipv6_full",
  "sys_pii_uen",
  "sys_pii_br_cnpj",
  "sys_pii_sg_postal",
  "sys_pii_bank_routing",
  "sys_pii_db_duplicate_entry",
]);

/** Generic labels a person's name stands under (ASCII, lower case; `_name` may follow). */
const KEY_WORDS = String
  .raw`name|full[ _-]?name|fullname|display[ _-]?name|legal[ _-]?name|customer|client|contact|owner|holder|passenger|member|recipient|applicant|patient|guest|employee|user|user[ _-]?name|username|requester|requestor|caller|buyer|tenant|student|assignee|reporter|sender|addressee|attendee|subscriber|person|signer|payee|payer|beneficiary|kunde|kundin|cliente|nombre|nom|nome|naam|navn|namn|nimi|imie|titular|inhaber|destinatario|empfaenger|fn|cn`;

/** A whole header cell or key that is a generic name label. */
const LABEL = new RegExp(
  String
    .raw`^["'\x60]?(?:${KEY_WORDS})(?:[ _-]?(?:full[ _-]?)?name)?["'\x60]?$`,
  "i",
);

/**
 * Name labels in other scripts (`お客様:`, `氏名：`, `नाम:`, `Имя:`, `이름:`),
 * with an ASCII or full-width colon; group 1 the colon.
 */
const KEY_SCRIPT =
  /(?:お名前|名前|氏名|お客様|顧客名?|姓名|客户|用户名|이름|성명|고객|имя|Имя|ФИО|клиент|Клиент|नाम|ग्राहक|اسم|الاسم|שם)[ \t]{0,3}([:：])[ \t]{0,3}/g;

/** A generic key followed by `:` or `=` (the value is read after it), markdown bold around the key allowed (`**Name:**`, `**Name**:`). */
const KEY = new RegExp(
  String
    .raw`(?<![A-Za-z0-9_-])["']?(?:${KEY_WORDS})(?:[ _-]?(?:full[ _-]?)?name)?["']?(?:\*\*)?[ \t]{0,3}([:=])(?:\*\*)?[ \t]{0,3}`,
  "gi",
);

/**
 * A generic label word at a word start: every {@link KEY} and
 * {@link HEADER_WORD} match starts at one (a {@link KEY} match may start one
 * before, at its quote). One pass finds them for both, and each pattern is
 * then tried only there, sticky ({@link labelStarts}). Every word starts
 * with an ASCII letter, so the `\b` before it is "no `[A-Za-z0-9_]` before"
 * (without the `u` flag word characters are ASCII, case folding or not),
 * written as `\b` because the regex engine skips to such places about
 * twice as fast as it tests a lookbehind at every one.
 */
const LABEL_START = new RegExp(String.raw`\b(?:${KEY_WORDS})`, "gi");

/**
 * Offsets of every {@link LABEL_START} match, overlapping ones included
 * (`full name` holds one at `name` too), in order; undefined once they are
 * more than 64 and one per 32 characters of the text read so far (a text of
 * labels: trying two patterns at each costs more than running them, see
 * {@link matchesAt}).
 */
function labelStarts(
  text: string,
  found: Places | undefined = recordPlaces(text),
): number[] | undefined {
  const out: number[] = [];
  LABEL_START.lastIndex = 0;
  for (
    let m;
    // On an ASCII text tried only at word starts that may begin a label word.
    (m = found === undefined ? LABEL_START.exec(text) : placesExec(
      labelSearch(),
      found.places,
      0,
      text,
      found.bytes,
      LABEL_START.lastIndex,
    )) !== null;
  ) {
    // Dense so far: stop early (a text of labels is dense throughout).
    if (out.length >= 64 && out.length > m.index >> 5) return undefined;
    out.push(m.index);
    LABEL_START.lastIndex = m.index + 1;
  }
  return out;
}

/** An ASCII text's bytes and where the label, cue and verb words may start in it ({@link recordSearch}, in that order). */
interface Places {
  bytes: Uint8Array;
  places: SearchPlaces;
}

/** {@link Places} of `text`, read in one pass; undefined when it is not all ASCII. */
function recordPlaces(text: string): Places | undefined {
  const bytes = startBytes(text);
  return bytes === undefined
    ? undefined
    : { bytes, places: searchPlaces(recordSearch(), bytes) };
}

let recordMulti: MultiSearch | undefined;

/** The label, cue and verb searches as one pass. */
function recordSearch(): MultiSearch {
  return recordMulti ??= multiSearch(
    [labelSearch(), cueSearches().cue, cueSearches().verb],
    [...LABEL_WORD_STARTS, ...CUE_STARTS, ...VERB_STARTS],
  );
}

/** The first letters (at most three) of each key word. */
const LABEL_WORD_STARTS = KEY_WORDS.split("|").map((w) =>
  /^[a-z]*/.exec(w)![0].slice(0, 3)
);

let labelLiteral: LiteralSearch | undefined;

/** {@link LABEL_START} as a literal search: each key word by its first letters (at most three), at a word start. */
function labelSearch(): LiteralSearch {
  return labelLiteral ??= literalSearch(
    LABEL_START,
    LABEL_WORD_STARTS,
    true,
    true,
  );
}

/**
 * The matches of the global `re` in `text` (what a loop of `re.exec` gives:
 * each the leftmost at or after the end of the one before), found by its
 * sticky twin tried at the candidate offsets `at` (sorted; every match
 * starts at one) and, with `quoted`, one before each where a quote stands;
 * without candidates (`undefined`), by that loop. `each` gets the match and
 * its end.
 */
function matchesAt(
  re: RegExp,
  sticky: RegExp,
  text: string,
  at: readonly number[] | undefined,
  quoted: boolean,
  each: (m: RegExpExecArray, end: number) => void,
): void {
  if (at === undefined) {
    re.lastIndex = 0;
    for (let m; (m = re.exec(text)) !== null;) each(m, re.lastIndex);
    return;
  }
  let from = 0;
  const tryAt = (p: number) => {
    if (p < from) return;
    sticky.lastIndex = p;
    const m = sticky.exec(text);
    if (m === null) return;
    from = sticky.lastIndex;
    each(m, from);
  };
  for (const w of at) {
    const q = text.charCodeAt(w - 1);
    if (quoted && (q === 34 || q === 39)) tryAt(w - 1);
    tryAt(w);
  }
}

/**
 * Whether {@link matchesAt} over {@link labelStarts} gives exactly the
 * matches (offsets, ends, groups) of the global {@link KEY} and
 * {@link HEADER_WORD} loops on `text`; for tests.
 */
export function labelMatchesAgree(text: string): boolean {
  const starts = labelStarts(text);
  for (
    const [re, sticky, quoted] of [
      [KEY, KEY_AT, true],
      [HEADER_WORD, HEADER_AT, false],
    ] as const
  ) {
    const want: string[] = [];
    re.lastIndex = 0;
    for (let m; (m = re.exec(text)) !== null;) {
      want.push(`${m.index}:${re.lastIndex}:${m[1]}`);
    }
    const got: string[] = [];
    matchesAt(re, sticky, text, starts, quoted, (m, end) => {
      got.push(`${m.index}:${end}:${m[1]}`);
    });
    if (want.join() !== got.join()) return false;
  }
  return true;
}

/** {@link KEY}, sticky, for {@link matchesAt}. */
const KEY_AT = new RegExp(KEY.source, "iy");

/** Words of firms, products, plans, teams and places: a value holding one is not a person's name. */
const NOT_NAME_WORDS = new Set([
  "inc",
  "ltd",
  "limited",
  "ab",
  "oy",
  "oyj",
  "asa",
  "aps",
  "nv",
  "spa",
  "srl",
  "sarl",
  "sas",
  "kk",
  "pty",
  "pte",
  "bhd",
  "kg",
  "llc",
  "gmbh",
  "ag",
  "sa",
  "bv",
  "plc",
  "co",
  "corp",
  "corporation",
  "company",
  "group",
  "holdings",
  "partners",
  "bank",
  "hotel",
  "hospital",
  "clinic",
  "university",
  "college",
  "school",
  "institute",
  "foundation",
  "agency",
  "store",
  "shop",
  "market",
  "labs",
  "lab",
  "studio",
  "studios",
  "systems",
  "solutions",
  "technologies",
  "software",
  "consulting",
  "services",
  "traders",
  "trading",
  "industries",
  "enterprise",
  "enterprises",
  "plan",
  "pro",
  "basic",
  "premium",
  "standard",
  "free",
  "edition",
  "squad",
  "guild",
  "crew",
  "committee",
  "council",
  "board",
  "hub",
  "cloud",
  "api",
  "server",
  "cluster",
  "node",
  "worker",
  "desk",
  "mouse",
  "keyboard",
  "monitor",
  "street",
  "road",
  "floor",
  "suite",
  "building",
  "unit",
  "avenue",
  "lane",
  "city",
  "county",
  "region",
  "airport",
  "station",
  "senior",
  "junior",
  "manager",
  "director",
  "engineer",
  "buyer",
  "officer",
  "head",
  "lead",
  "mobile",
  "phone",
  "email",
  "mail",
  "tel",
  "fax",
  "from",
  "to",
  "sent",
  "subject",
  "date",
  "re",
  "fw",
  "fwd",
  "dear",
  "hi",
  "hello",
  "thanks",
  "regards",
  "the",
  "and",
  "of",
  "for",
]);

/** Honorifics a name may start with; they are left out of the span. */
const HONORIFIC =
  /^(?:Mr|Mrs|Ms|Mx|Dr|Prof|Sr|Sra|Herr|Frau|Mme|M|Sig|Dott)\.? /;

/** Whether `v` reads as a person's name: two to four capitalised words, none of {@link NOT_NAME_WORDS}. */
export function nameLike(v: string): boolean {
  if (v.length < 3 || v.length > 80) return false;
  // `Roe, Jane`: a family name first, as directories list people.
  const comma = v.indexOf(", ");
  if (comma > 0 && v.indexOf(",", comma + 1) < 0) {
    v = `${v.slice(comma + 2)} ${v.slice(0, comma)}`;
  }
  if (!personNameValid(v, "")) return false;
  for (const w of v.split(" ")) {
    if (NOT_NAME_WORDS.has(w.toLowerCase().replace(/\.$/, ""))) return false;
  }
  return true;
}

/** Two to four words joined by `+` and nothing else, as a URL-encoded form writes a name. */
const FORM_WORDS = /^[^\s+]{1,40}(?:\+[^\s+]{1,40}){1,3}$/;

/** The span of `v` at `a`..`b` without a leading honorific, when what remains reads as a name. */
function nameSpan(
  text: string,
  a: number,
  b: number,
): [number, number] | undefined {
  const m = HONORIFIC.exec(text.slice(a, b));
  if (m !== null) a += m[0].length;
  const v = text.slice(a, b);
  // A form body's value spells spaces as `+` (`name=Jane+Roe`).
  const words = FORM_WORDS.test(v) ? v.replace(/\+/g, " ") : v;
  return nameLike(words) ? [a, b] : undefined;
}

/** Sorted starts of personal PII spans and a test for one inside `a`..`b` but outside `x`..`y`. */
function piiIndex(
  spans: readonly PiiSpan[],
): (a: number, b: number, x: number, y: number) => boolean {
  const own = spans.filter((s) => !NOT_PERSONAL.has(s.policyId))
    .sort((p, q) => p.start - q.start);
  return (a, b, x, y) => {
    let lo = 0, hi = own.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (own[mid].start < a) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < own.length && own[i].start < b; i++) {
      const s = own[i];
      if (s.end <= b && (s.end <= x || s.start >= y)) return true;
    }
    return false;
  };
}

/** Longest object read as one record. */
const OBJECT_REACH = 4000;

/**
 * The `{`…`}` objects around ascending offsets, read in one pass: `at(p)`
 * is the innermost object that opens before `p` and closes after it (within
 * {@link OBJECT_REACH}), undefined when there is none.
 */
function objects(text: string): (p: number) => [number, number] | undefined {
  if (!text.includes("{")) return () => undefined;
  // Where each `{` closes (-1: never), one pass with a stack.
  const close = new Map<number, number>();
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 123) stack.push(i);
    else if (c === 125 && stack.length > 0) close.set(stack.pop()!, i);
  }
  const open: number[] = [];
  let from = 0;
  return (p) => {
    for (; from < p; from++) {
      const c = text.charCodeAt(from);
      if (c === 123) open.push(from);
      else if (c === 125 && open.length > 0) open.pop();
    }
    const o = open[open.length - 1];
    if (o === undefined) return undefined;
    const e = close.get(o);
    if (e === undefined || e - o > OBJECT_REACH) return undefined;
    return [o, e + 1];
  };
}

/** Widest stretch of a long line read as one record, each way from the key. */
const LINE_REACH = 400;

/** The line around `p`, cut to {@link LINE_REACH} each way. */
function lineNear(text: string, p: number): [number, number] {
  const from = Math.max(0, p - LINE_REACH);
  const to = Math.min(text.length, p + LINE_REACH);
  const s = text.slice(from, p).lastIndexOf("\n");
  const e = text.slice(p, to).indexOf("\n");
  return [s < 0 ? from : from + s + 1, e < 0 ? to : p + e];
}

/** Indentation of the line `s`..`e` (a YAML list item's `- ` counts as indentation); -1 for a blank line. */
function indentOf(text: string, s: number, e: number): number {
  let i = s;
  while (i < e && text.charCodeAt(i) <= 32) i++;
  return i === e ? -1 : i - s;
}

/** Whether the line at `s` is a YAML list item (`- key: …`). */
function itemStart(text: string, s: number): boolean {
  let i = s;
  while (i < text.length && (text[i] === " " || text[i] === "\t")) i++;
  return text[i] === "-" && text[i + 1] === " ";
}

/** Most lines a block record is read over, each way. */
const BLOCK_LINES = 40;

/**
 * The indented block of `key: value` lines the line `s`..`e` belongs to: the
 * lines around it indented as far or further, up to a blank line, a less
 * indented line or the next list item.
 */
function block(text: string, s: number, e: number): [number, number] {
  const item = itemStart(text, s);
  const own = indentOf(text, s, e) + (item ? 2 : 0);
  let from = s, to = e;
  if (!item) {
    for (let k = 0; k < BLOCK_LINES && from > 0; k++) {
      const ps = text.lastIndexOf("\n", from - 2) + 1;
      const ind = indentOf(text, ps, from - 1);
      if (ind < 0) break;
      if (itemStart(text, ps) && ind + 2 === own) {
        from = ps;
        break;
      }
      if (ind < own) break;
      from = ps;
    }
  }
  for (let k = 0; k < BLOCK_LINES && to < text.length; k++) {
    const ns = to + 1;
    const ne0 = text.indexOf("\n", ns);
    const ne = ne0 < 0 ? text.length : ne0;
    const ind = indentOf(text, ns, ne);
    if (ind < 0 || ind < own || (itemStart(text, ns) && ind + 2 <= own)) break;
    to = ne;
  }
  return [from, to];
}

/** The value after a key at `p` (the separator `sep`): its span, quotes left out. */
function valueAt(
  text: string,
  p: number,
  sep: string,
): [number, number] | undefined {
  const q = text[p];
  if (q === '"' || q === "'") {
    const close = text.indexOf(q, p + 1);
    if (close < 0 || close - p > 82) return undefined;
    return [p + 1, close];
  }
  let e = p;
  const lim = Math.min(text.length, p + 82);
  while (
    e < lim && !',;}|<>\n\t\r="&'.includes(text[e]) &&
    // Two spaces end a value (`Name: Jane Roe  SSN: …`, aligned columns).
    !(text[e] === " " && text[e + 1] === " ")
  ) e++;
  // `name=Jane Roe email=…`: the word before the next `=` is the next key.
  if (text[e] === "=" && sep === "=") {
    const sp = text.lastIndexOf(" ", e);
    if (sp <= p) return undefined;
    e = sp;
  }
  while (e > p && text[e - 1] === " ") e--;
  return e > p ? [p, e] : undefined;
}

/** A markdown list item with a bold label (`- **Phone:** …`, `* **Name**: …`). */
const MD_ITEM = /^[ \t]{0,8}[-*] \*\*[^*\n]{1,40}\*\*/;

/**
 * The run of markdown bold-label list items around the line `s`..`e`, one
 * person's card (`- **Name:** …` / `- **Phone:** …`); undefined when that
 * line is not one.
 */
function markdownCard(
  text: string,
  s: number,
  e: number,
): [number, number] | undefined {
  if (!MD_ITEM.test(text.slice(s, Math.min(e, s + 60)))) return undefined;
  let from = s, to = e;
  for (let k = 0; k < BLOCK_LINES && from > 1; k++) {
    const ps = text.lastIndexOf("\n", from - 2) + 1;
    if (!MD_ITEM.test(text.slice(ps, Math.min(from - 1, ps + 60)))) break;
    from = ps;
  }
  for (let k = 0; k < BLOCK_LINES && to < text.length; k++) {
    const ne0 = text.indexOf("\n", to + 1);
    const ne = ne0 < 0 ? text.length : ne0;
    if (!MD_ITEM.test(text.slice(to + 1, Math.min(ne, to + 61)))) break;
    to = ne;
  }
  return [from, to];
}

/** Names in `key: value` fields whose record holds personal PII (`starts`: {@link labelStarts}). */
function fieldNames(
  text: string,
  starts: readonly number[] | undefined,
  holds: (a: number, b: number, x: number, y: number) => boolean,
  out: [number, number][],
): void {
  const objectAt = objects(text);
  const read = (m: RegExpExecArray, end: number) => {
    const v = valueAt(text, end, m[1] === "：" ? ":" : m[1]);
    if (v === undefined) return;
    const span = nameSpan(text, v[0], v[1]);
    if (span === undefined) return;
    const line = lineNear(text, m.index);
    const rec = objectAt(m.index) ??
      (m[1] === "=" || /\w=/.test(text.slice(line[0], line[1]))
        ? line
        : line[1] - line[0] >= LINE_REACH
        ? line
        : markdownCard(text, line[0], line[1]) ??
          block(text, line[0], line[1]));
    if (holds(rec[0], rec[1], span[0], span[1])) out.push(span);
  };
  matchesAt(KEY, KEY_AT, text, starts, true, read);
  if (startBytes(text) === undefined) {
    KEY_SCRIPT.lastIndex = 0;
    for (let m; (m = KEY_SCRIPT.exec(text)) !== null;) {
      read(m, KEY_SCRIPT.lastIndex);
    }
  }
}

/** An XML element named by a generic key (`<name>Jane Roe</name>`); group 1 its name, 2 its text. */
const ELEMENT = new RegExp(
  String
    .raw`<((?:${KEY_WORDS})(?:[ _-]?(?:full[ _-]?)?name)?)>([^<>\n]{3,80})</\1>`,
  "gi",
);

/** Names in XML elements whose parent element (its line, or its indented block) holds personal PII. */
function elementNames(
  text: string,
  holds: (a: number, b: number, x: number, y: number) => boolean,
  out: [number, number][],
): void {
  if (!text.includes("</")) return;
  ELEMENT.lastIndex = 0;
  for (let m; (m = ELEMENT.exec(text)) !== null;) {
    const a = m.index + m[1].length + 2;
    const span = nameSpan(text, a, a + m[2].length);
    if (span === undefined) continue;
    const line = lineNear(text, m.index);
    const own = text.slice(line[0], line[1]).trim();
    const rec = own.length > m[0].length + 2 ||
        line[1] - line[0] >= LINE_REACH
      ? line
      : block(text, line[0], line[1]);
    if (holds(rec[0], rec[1], span[0], span[1])) out.push(span);
  }
}

/** Reads a generic name column's cells: a name-like value becomes a candidate name. */
const readName: LabelReader = (label, value) =>
  LABEL.test(label.trim()) && nameLike(value) ? NAME_POLICY : undefined;

/** Offsets of header cells that are generic name labels (candidates for {@link tableCells}). */
const HEADER_WORD = new RegExp(
  String
    .raw`(?<![A-Za-z0-9_])(?:${KEY_WORDS})(?:[ _-]?(?:full[ _-]?)?name)?(?![A-Za-z0-9_])`,
  "gi",
);

/** {@link HEADER_WORD}, sticky, for {@link matchesAt}. */
const HEADER_AT = new RegExp(HEADER_WORD.source, "iy");

/** Widest HTML row read as one record, each way from its cell. */
const ROW_REACH = 2000;

/** The row of a table cell at `a`..`b`: its HTML `<tr>` (when `html`) or its line. */
function rowOf(
  text: string,
  a: number,
  b: number,
  html: boolean,
): [number, number] {
  if (html) {
    const from = Math.max(0, a - ROW_REACH);
    const before = text.slice(from, a).toLowerCase();
    const tr = before.lastIndexOf("<tr");
    if (tr >= 0 && before.lastIndexOf("</tr") < tr) {
      const after = text.slice(b, b + ROW_REACH).toLowerCase();
      const close = after.indexOf("</tr");
      if (close >= 0) return [from + tr, b + close];
    }
  }
  return lineNear(text, a);
}

/** Names in generic name columns of tables whose row holds personal PII (`starts`: {@link labelStarts}). */
function tableNames(
  text: string,
  starts: readonly number[] | undefined,
  holds: (a: number, b: number, x: number, y: number) => boolean,
  out: [number, number][],
): void {
  const hits: number[] = [];
  matchesAt(
    HEADER_WORD,
    HEADER_AT,
    text,
    starts,
    false,
    (m) => hits.push(m.index),
  );
  if (hits.length === 0) return;
  const cells: TableCell[] = [
    ...tableCells(text, hits, hits, readName),
    ...htmlTableCells(text, readName),
  ];
  const html = /<tr[\s>]/i.test(text);
  for (const c of cells) {
    if (c.policyId !== NAME_POLICY) continue;
    const span = nameSpan(text, c.start, c.end);
    if (span === undefined) continue;
    const [rs, re] = rowOf(text, c.start, c.end, html);
    if (holds(rs, re, span[0], span[1])) out.push(span);
  }
}

/** Delimiters a header-less row is split at. */
const ROW_DELIMITERS = [",", "\t", "|", ";"] as const;

/** A `grep` hit's `file:line:` before a row. */
const GREP_PREFIX = /^[\w./-]{1,200}:(?:\d{1,9}:)?/;

/** Longest stretch of lines looked up over for a table's header. */
const HEADER_LOOK = 200;

/** Whether the line `s`..`e` reads as a header: short cells without digits, `@` or capitalised word pairs. */
function headerLine(text: string, s: number, e: number, d: string): boolean {
  for (const c of cells(text, s, e, d)) {
    const [a, b] = trimCell(text, c);
    const v = text.slice(a, b);
    if (b - a > 40 || /[\d@]/.test(v) || nameLike(v)) return false;
  }
  return true;
}

/**
 * Whether the row at `s`..`e` (split at `d` into `n` cells) has a header
 * above it: the first line of the run of lines with as many cells, rule
 * lines skipped, reads as one.
 */
function headed(text: string, s: number, d: string, n: number): boolean {
  let top = -1;
  let p = s;
  for (let k = 0; k < HEADER_LOOK && p > 0; k++) {
    const ps = text.lastIndexOf("\n", p - 2) + 1;
    const line = text.slice(ps, p - 1);
    if (line.length > 2000 || line.trim() === "") break;
    if (!RULE.test(line)) {
      if (cells(text, ps, p - 1, d).length !== n) break;
      top = ps;
    }
    p = ps;
  }
  if (top < 0) return false;
  const te = text.indexOf("\n", top);
  return headerLine(text, top, te < 0 ? text.length : te, d);
}

/** One capitalised name word filling a cell (`Tyler`, `O'Neill`, `Nowak-Zielińska`). */
let oneWord: RegExp | undefined;

/** A cell of nine digits and nothing else: a bare SSN where the row is a person's record. */
const NINE_DIGITS = /^\d{9}$/;

/** The kind of a bare SSN read in a person's header-less row. */
const SSN_POLICY = "sys_pii_ssn";

/**
 * A first and a last name in two neighbouring cells of a header-less row
 * (`Tyler,Whitaker,…`), as their two spans; none unless both cells are one
 * capitalised word and together read as a name.
 */
function splitName(
  text: string,
  row: readonly [number, number][],
  skip: number,
): [number, number][] {
  oneWord ??= /^\p{Lu}\p{Ll}[\p{Ll}\p{M}'’-]{0,30}$/u;
  for (let k = 0; k + 1 < row.length; k++) {
    if (k === skip || k + 1 === skip) continue;
    const [a, b] = trimCell(text, row[k]);
    const [c, d] = trimCell(text, row[k + 1]);
    const v = text.slice(a, b), w = text.slice(c, d);
    if (!oneWord.test(v) || !oneWord.test(w)) continue;
    if (!nameLike(`${v} ${w}`)) continue;
    if (bareName(text, [a, b]) === undefined) continue;
    if (bareName(text, [c, d]) === undefined) continue;
    return [[a, b], [c, d]];
  }
  return [];
}

/**
 * Names in rows without a header (`psql -t`, `grep` over a CSV file, a
 * markdown row quoted alone): a cell that reads as a name on the line of a
 * personal PII finding, in another cell of the same row, or a first and a
 * last name in two neighbouring cells ({@link splitName}). Where such a row
 * is read as a person's, a cell of exactly nine digits that is a valid SSN
 * is one (pushed to `ids`): the digits alone are too weak to report.
 */
function rowNames(
  text: string,
  spans: readonly PiiSpan[],
  out: [number, number][],
  ids: TableCell[],
): void {
  let lastLine = -1;
  for (const s of spans) {
    if (NOT_PERSONAL.has(s.policyId)) continue;
    const ls = text.lastIndexOf("\n", s.start - 1) + 1;
    if (ls === lastLine || s.start - ls > 2000) continue;
    lastLine = ls;
    const e0 = text.indexOf("\n", s.start);
    const le = e0 < 0 ? text.length : e0;
    if (le - ls > 2000) continue;
    for (const d of ROW_DELIMITERS) {
      if (!text.slice(ls, le).includes(d)) continue;
      const row = cells(text, ls, le, d);
      if (row.length < 2) continue;
      // A finding wrapped onto the next row (a card split over two rows)
      // is read on its first line.
      let end = s.end;
      if (end > le) {
        end = le;
        while (end > s.start && /[ \t|]/.test(text[end - 1])) end--;
      }
      const own = row.findIndex((c) => c[0] <= s.start && end <= c[1]);
      if (own < 0) continue;
      // The finding fills its cell: a row of values, not a sentence with commas.
      const [oa, ob] = trimCell(text, row[own]);
      // (An address finding may leave its postcode and town out.)
      const slack = s.policyId.includes("address") ? 40 : 12;
      if ((ob - oa) - (end - s.start) > slack) continue;
      let found = false;
      let header: boolean | undefined;
      const isHeaded = () => header ??= headed(text, ls, d, row.length);
      row.forEach((c, k) => {
        if (k === own) return;
        let [a, b] = trimCell(text, c);
        const g = k === 0 ? GREP_PREFIX.exec(text.slice(a, b)) : null;
        if (g !== null) a += g[0].length;
        const span = nameSpan(text, a, b);
        if (span === undefined) return;
        // `Columbus OH`: a town and a state code, not a name.
        if (/ [A-Z]{2}$/.test(text.slice(span[0], span[1]))) return;
        if (!found && isHeaded()) return;
        found = true;
        out.push(span);
      });
      if (!found && row.length >= 3) {
        const pair = splitName(text, row, own);
        if (pair.length > 0 && !isHeaded()) {
          found = true;
          out.push(...pair);
        }
      }
      if (found) {
        for (const c of row) {
          const [a, b] = trimCell(text, c);
          const v = text.slice(a, b);
          if (NINE_DIGITS.test(v) && ssnValid(v)) {
            ids.push({ start: a, end: b, policyId: SSN_POLICY });
          }
        }
        break;
      }
    }
  }
}

/**
 * A person's name as written in prose: two to four capitalised words, up to
 * two particles (`van`, `de`, `bin`...) between them. Every pattern below
 * that reads a name around other text is built from it.
 */
const PERSON = String
  .raw`\p{Lu}[\p{L}\p{M}'’.-]{0,30}(?: (?:(?:van|von|de|da|del|der|den|di|du|la|le|bin|al|el|ten|ter|dos|das) ){0,2}\p{Lu}[\p{L}\p{M}'’.-]{0,30}){1,3}`;

/**
 * The patterns that read a name beside the PII it belongs to, made on first
 * use: their Unicode property classes cost about 0.6 ms each to create, which
 * every hook loading the scanner paid, though only a text with an email, a
 * phone number or an address runs them.
 */
interface BesidePatterns {
  /** A name (two to four capitalised words, particles between) and what joins it to the PII after it, at the end of the text before that PII. */
  before: RegExp;
  /** A name and a comma right before an address (`Ship to: Jane Roe, 12 Elm St`). */
  comma: RegExp;
  /** A name after a phone or an email and a dash (`+44 … — Jane Roe`), at the start of the text after it. */
  after: RegExp;
  /** A name and one space right before a card number or an IBAN (`Jane Roe 4539/5507/…`). */
  spaced: RegExp;
  /** A line that is only a name, an optional `Ship to:`-like label before it: the line above a postal address. */
  nameLine: RegExp;
}

let beside: BesidePatterns | undefined;

function besidePatterns(): BesidePatterns {
  return beside ??= {
    before: new RegExp(
      String
        .raw`(${PERSON})(?: ?(?:<|\(|&lt;|\[)|,? (?:at|on|via|DOB|dob|born|b\.|Tel\.?|tel\.?|phone|mobile|email|e-mail|E-Mail)[ :]{0,2}|,? ?(?:-|—|–) ?(?:born |b\. )?|<br ?\/?>)$`,
      "u",
    ),
    comma: new RegExp(String.raw`(${PERSON}), ?$`, "u"),
    after: new RegExp(
      String.raw`^(?:>|\)|&gt;)? ?(?:—|–| - ) ?(${PERSON})(?![\p{L}\p{M}])`,
      "u",
    ),
    spaced: new RegExp(String.raw`(?:^|[\s:])(${PERSON})[ \t]$`, "u"),
    nameLine: new RegExp(
      String
        .raw`^[ \t]{0,8}(?:[\p{L} ]{1,24}:[ \t]{0,3})?(${PERSON}),?[ \t]{0,8}$`,
      "u",
    ),
  };
}

/** A quoted display name right before an email (`"Roe, Jane" <jane@…>`). */
const QUOTED_BEFORE = /"([^"\n]{3,60})" ?(?:<|&lt;)$/;

/** The rest of a mailto link after its address, up to the link's text (group 1) and `</a>`. */
const MAILTO_TEXT =
  /^[^"'<>\n]{0,200}["']?[^<>\n]{0,200}>([^<>\n]{3,80})<\/a>/i;

/** PII a name is written beside (contact details, birth dates, addresses, cards, IBANs). */
const BESIDE =
  /email|phone|date_of_birth|street_address|address_labelled|uk_postcode_address|credit_card|iban/;

/** PII a name stands before with only a space between (`Jane Roe 4539/5507/0860/1469`). */
const SPACED = /credit_card|iban/;

/** Addresses a name may stand on the line above (a postal block: `Jane Roe` / `12 Elm St, …`). */
const POSTAL = /street_address|address_labelled|uk_postcode_address/;

/**
 * Words that start headings, labels and card brands, not names: a name read
 * with nothing but a space or a line break before its PII (see
 * {@link SPACED}, {@link postalNameAbove}) holds none of them.
 */
const NOT_BARE_NAME = new Set([
  "visa",
  "mastercard",
  "amex",
  "maestro",
  "discover",
  "jcb",
  "card",
  "credit",
  "debit",
  "pay",
  "paid",
  "with",
  "by",
  "using",
  "number",
  "account",
  "payment",
  "method",
  "iban",
  "bank",
  "release",
  "notes",
  "contact",
  "us",
  "our",
  "office",
  "offices",
  "address",
  "head",
  "headquarters",
  "billing",
  "shipping",
  "ship",
  "delivery",
  "deliver",
  "invoice",
  "total",
  "return",
  "returns",
  "warehouse",
  "store",
  "shop",
  "branch",
  "location",
  "mailing",
  "postal",
  "registered",
  "main",
  "new",
  "the",
  "and",
  "for",
  "from",
  "to",
  "of",
  "customer",
  "service",
  "support",
  "team",
  "example",
  "sample",
  "test",
  "open",
  "closed",
  "high",
  "low",
  "medium",
  "done",
  "active",
  "inactive",
  "pending",
  "yes",
  "no",
  "true",
  "false",
  "male",
  "female",
]);

/** `span` unless a word of it is in {@link NOT_BARE_NAME}. */
function bareName(
  text: string,
  span: [number, number] | undefined,
): [number, number] | undefined {
  if (span === undefined) return undefined;
  const words = text.slice(span[0], span[1]).toLowerCase().split(/[ .,]+/);
  return words.some((w) => NOT_BARE_NAME.has(w)) ? undefined : span;
}

/** What may stand before a postal address on its line: nothing, or a flat or unit (`Flat 9, `). */
const UNIT_PREFIX =
  /^[ \t]{0,8}(?:(?:Flat|Apt\.?|Apartment|Unit|Suite|Appt\.?|Wohnung) ?#?[\dA-Z]{1,5},?[ \t]{1,3})?$/;

/**
 * The name on the line above a postal address that starts its own line
 * (`Ship to:` / `Jane Roe` / `7176 Cedar Blvd, …`), as a span; undefined
 * when that line is not a name alone.
 */
function postalNameAbove(
  text: string,
  ls: number,
  at: number,
): [number, number] | undefined {
  if (ls < 2 || !UNIT_PREFIX.test(text.slice(ls, at))) return undefined;
  const ps = text.lastIndexOf("\n", ls - 2) + 1;
  if (ls - 1 - ps > 120) return undefined;
  const m = besidePatterns().nameLine.exec(text.slice(ps, ls - 1));
  if (m === null) return undefined;
  const a = ps + m[0].indexOf(m[1]);
  return bareName(text, nameSpan(text, a, a + m[1].length));
}

/** Names written right before or after the PII they belong to. */
function besideNames(
  text: string,
  spans: readonly PiiSpan[],
  out: [number, number][],
): void {
  for (const s of spans) {
    if (!BESIDE.test(s.policyId)) continue;
    const [ls, le] = lineNear(text, s.start);
    const from = Math.max(ls, s.start - 120);
    const before = text.slice(from, s.start);
    const q = s.policyId.includes("email") ? QUOTED_BEFORE.exec(before) : null;
    if (q !== null) {
      const a = from + q.index + 1;
      const span = nameSpan(text, a, a + q[1].length);
      if (span !== undefined) out.push(span);
    }
    const joined = q !== null ? null : besidePatterns().before.exec(before) ??
      (s.policyId.includes("address")
        ? besidePatterns().comma.exec(before)
        : null);
    const spaced = joined === null && q === null && SPACED.test(s.policyId)
      ? besidePatterns().spaced.exec(before)
      : null;
    const m = joined ?? spaced;
    if (m !== null) {
      const a = from + m.index + m[0].indexOf(m[1]);
      const span = nameSpan(text, a, a + m[1].length);
      const kept = spaced === null ? span : bareName(text, span);
      if (kept !== undefined) out.push(kept);
    }
    if (m === null && POSTAL.test(s.policyId)) {
      const span = postalNameAbove(text, ls, s.start);
      if (span !== undefined) out.push(span);
    }
    if (
      !s.policyId.includes("phone") && !s.policyId.includes("email") &&
      !SPACED.test(s.policyId)
    ) {
      continue;
    }
    // `<a href="mailto:jane@…">Jane Roe</a>`: the link's text names its owner.
    const link = s.policyId.includes("email")
      ? MAILTO_TEXT.exec(text.slice(s.end, s.end + 300))
      : null;
    if (link !== null && /mailto:\s{0,2}$/i.test(text.slice(from, s.start))) {
      const a = s.end + link[0].length - link[1].length - 4;
      const span = nameSpan(text, a, a + link[1].length);
      if (span !== undefined) out.push(span);
    }
    const after = besidePatterns().after.exec(
      text.slice(s.end, Math.min(le, s.end + 100)),
    );
    if (after !== null) {
      const a = s.end + after[0].length - after[1].length;
      const span = nameSpan(text, a, a + after[1].length);
      if (span !== undefined) out.push(span);
    }
  }
}

/**
 * The two patterns of {@link cueNames}, made on first use like
 * {@link besidePatterns}. `cue`: a word that introduces a person, then the name (group 1): `from Jane Roe`,
 * `I'm Jane Roe`, `Cardholder Jane Roe`, `caller Jane Roe`. Cue words are
 * spelled in both cases by hand: with the `i` flag `\p{Lu}` would match
 * lower case too.
 * `subject`: a name, then a verb that says the person got in touch (`Jane Roe
 * left a voicemail`, `Jane Roe called`); group 1 is the name.
 */
let cues: { cue: RegExp; subject: RegExp } | undefined;

function cuePatterns(): { cue: RegExp; subject: RegExp } {
  return cues ??= {
    cue: new RegExp(
      String
        .raw`(?<![\p{L}\p{M}'’])(?:[Ff]rom|[Bb]y|I'm|I’m|I am|[Mm]y name is|[Tt]his is|[Cc]ustomer|[Cc]ardholder|[Cc]ard holder|[Aa]ccount holder|[Nn]ame on card|[Cc]ontact|[Cc]aller|[Cc]lient|[Pp]atient|[Aa]pplicant|[Ee]mployee|[Dd]ear|[Hh]i|[Hh]ello|[Ff]or) (${PERSON})(?![\p{L}\p{M}])`,
      "gu",
    ),
    subject: new RegExp(
      String
        .raw`(?<![\p{L}\p{M}'’])(${PERSON}) (?:left (?:a |us a |you a )?(?:voicemail|message|note)|called|phoned|rang|texted|emailed|wrote in|rang in|called in)(?![\p{L}\p{M}])`,
      "gu",
    ),
  };
}

/**
 * The first three characters of the cue words, as the cue pattern spells
 * them in ASCII (`I’m` cannot occur in an ASCII text, and a two-letter cue
 * is followed by a space): every cue match starts with one.
 */
const CUE_STARTS = [
  "From",
  "from",
  "By ",
  "by ",
  "I'm",
  "I a",
  "My ",
  "my ",
  "Thi",
  "thi",
  "Cus",
  "cus",
  "Car",
  "car",
  "Acc",
  "acc",
  "Nam",
  "nam",
  "Con",
  "con",
  "Cal",
  "cal",
  "Cli",
  "cli",
  "Pat",
  "pat",
  "App",
  "app",
  "Emp",
  "emp",
  "Dea",
  "dea",
  "Hi ",
  "hi ",
  "Hel",
  "hel",
  "For",
  "for",
];

/** A contact verb after a space, as the subject pattern ends: every subject match holds one. */
const SUBJECT_VERB =
  / (?:left (?:a |us a |you a )?(?:voicemail|message|note)|called|phoned|rang|texted|emailed|wrote in|rang in|called in)(?![\p{L}\p{M}])/u;

let cueLiteral: { cue: LiteralSearch; verb: LiteralSearch } | undefined;

/** The literal searches of the cue pattern and of the subject pattern's verbs, made on first use. */
function cueSearches(): { cue: LiteralSearch; verb: LiteralSearch } {
  return cueLiteral ??= {
    cue: literalSearch(cuePatterns().cue, CUE_STARTS, false),
    verb: literalSearch(SUBJECT_VERB, VERB_STARTS, false),
  };
}

/** How the subject pattern's verbs start after their space. */
const VERB_STARTS = [" le", " ca", " ph", " ra", " te", " em", " wr"];

/** Longest text read as one record for {@link cueNames} (a ticket, a note); longer texts use the name's paragraph. */
const NOTE_REACH = 1500;

/** The paragraph (between blank lines) around `p`, cut to {@link NOTE_REACH} each way. */
function paragraphNear(text: string, p: number): [number, number] {
  const from = Math.max(0, p - NOTE_REACH);
  const to = Math.min(text.length, p + NOTE_REACH);
  const s = text.lastIndexOf("\n\n", p);
  const e = text.indexOf("\n\n", p);
  return [s < from ? from : s + 2, e < 0 || e > to ? to : e];
}

/**
 * Names introduced as a person's (`from Jane Roe`, `I'm Jane Roe`,
 * `Cardholder Jane Roe paid with …`, `Jane Roe left a voicemail`) in a short note, or a paragraph of a
 * longer text, that holds personal PII: a support ticket, a chat line, a
 * payment note.
 */
function cueNames(
  text: string,
  holds: (a: number, b: number, x: number, y: number) => boolean,
  out: [number, number][],
  found: Places | undefined = recordPlaces(text),
): void {
  let n = 0;
  const { cue, subject } = cuePatterns();
  // On an ASCII text the cue is tried only where a cue word may start, and
  // the subject reader runs only when one of its verbs occurs at all (the
  // two Unicode-class patterns run over a long log cost a sixth of its
  // scan once it held any PII).
  const searches = found === undefined ? undefined : cueSearches();
  for (const re of [cue, subject]) {
    re.lastIndex = 0;
    let from = 0;
    const next = (): RegExpExecArray | null => {
      if (searches === undefined || found === undefined) return re.exec(text);
      if (re === subject) return re.exec(text);
      const m = placesExec(
        searches.cue,
        found.places,
        1,
        text,
        found.bytes,
        from,
      );
      if (m !== null) from = m.index + m[0].length;
      return m;
    };
    if (
      re === subject && searches !== undefined && found !== undefined &&
      placesExec(searches.verb, found.places, 2, text, found.bytes, 0) ===
        null
    ) continue;
    for (let m; (m = next()) !== null && n++ < 1000;) {
      // The cue's name ends the match; the subject's begins it.
      const a = re === cue ? m.index + m[0].length - m[1].length : m.index;
      const span = nameSpan(text, a, a + m[1].length);
      if (span === undefined) continue;
      const rec: [number, number] = text.length <= NOTE_REACH
        ? [0, text.length]
        : paragraphNear(text, a);
      if (holds(rec[0], rec[1], span[0], span[1])) out.push(span);
    }
  }
}

/** A signature's opening line: `--` or a closing phrase. */
const SIGN_OFF =
  /^[ \t>]*(?:--|—|(?:thanks|thank you|regards|best|best regards|kind regards|cheers|sincerely|saludos|cordialement|gruss|grüße|mit freundlichen grüßen|un saluto|atenciosamente)[,!.]?)[ \t]*$/i;

/** Lines after a signature's name line searched for its phone or email. */
const SIGNATURE_LINES = 5;

/** What a quoted line starts with before its text (`> `). */
const QUOTE_LEAD = /[ >]/;
/** What a dash-signed line starts with before the name (`— `, `-- `). */
const DASH_LEAD = /[ \t>\u2014\u2013-]/;

/** The line `text[a, b)` without the `lead` characters before it and the spaces (and CR) after it. */
function lineBody(
  text: string,
  a: number,
  b: number,
  lead: RegExp,
): [number, number] {
  while (a < b && lead.test(text[a])) a++;
  while (b > a && (text[b - 1] === " " || text[b - 1] === "\r")) b--;
  return [a, b];
}

/** The name line of a signature block that holds personal PII. */
function signatureNames(
  text: string,
  holds: (a: number, b: number, x: number, y: number) => boolean,
  out: [number, number][],
): void {
  let s = 0;
  while (s < text.length) {
    const e0 = text.indexOf("\n", s);
    const e = e0 < 0 ? text.length : e0;
    if (e - s <= 40 && SIGN_OFF.test(text.slice(s, e)) && e < text.length) {
      const ns = e + 1;
      const ne0 = text.indexOf("\n", ns);
      const ne = ne0 < 0 ? text.length : ne0;
      const [a, b] = lineBody(text, ns, ne, QUOTE_LEAD);
      const span = b - a <= 60 ? nameSpan(text, a, b) : undefined;
      if (span !== undefined) {
        let to = ne;
        for (let k = 0; k < SIGNATURE_LINES && to < text.length; k++) {
          const n = text.indexOf("\n", to + 1);
          to = n < 0 ? text.length : n;
        }
        if (holds(ne, to, span[0], span[1])) out.push(span);
      }
    } else if (
      e - s <= 64 && DASH_SIGNED.test(text.slice(s, Math.min(e, s + 8)))
    ) {
      // `— Chua Xin Yi` under the message it signs, whose lines above hold the writer's contact.
      const [a, b] = lineBody(text, s, e, DASH_LEAD);
      const span = b > a ? nameSpan(text, a, b) : undefined;
      if (span !== undefined) {
        let from = s;
        for (let k = 0; k < SIGNATURE_LINES && from > 0; k++) {
          from = text.lastIndexOf("\n", from - 2) + 1;
        }
        if (holds(from, s, span[0], span[1])) out.push(span);
      }
    }
    s = e + 1;
  }
}

/** A line signed with a dash before the name (`— Jane Roe`, `-- Jane Roe`; not a list's `- item`). */
const DASH_SIGNED = /^[ \t>]{0,4}(?:\u2014|\u2013|--)[ \t]{1,3}\S/;

/**
 * People's names under generic labels or beside their PII (see the module
 * doc), as cells of `sys_pii_person_name`, and bare SSNs in the header-less
 * rows read as a person's (`sys_pii_ssn`); `pii` are the PII findings made so
 * far (nothing is looked for without a personal one).
 */
export function recordNameCells(
  text: string,
  pii: readonly PiiSpan[],
): TableCell[] {
  if (!pii.some((s) => !NOT_PERSONAL.has(s.policyId))) return [];
  const holds = piiIndex(pii);
  const spans: [number, number][] = [];
  const ids: TableCell[] = [];
  // Where the label, cue and verb words may start: one pass for the three.
  const found = recordPlaces(text);
  const starts = labelStarts(text, found);
  tableNames(text, starts, holds, spans);
  fieldNames(text, starts, holds, spans);
  elementNames(text, holds, spans);
  besideNames(text, pii, spans);
  rowNames(text, pii, spans, ids);
  signatureNames(text, holds, spans);
  cueNames(text, holds, spans, found);
  return [
    ...spans.map(([start, end]) => ({ start, end, policyId: NAME_POLICY })),
    ...ids,
  ];
}

/**
 * Whether, on the ASCII text `text`, the literal searches agree with the
 * patterns they stand for: the label and cue searches find their patterns'
 * matches, and the verb search finds a verb wherever the subject pattern
 * matches; for tests.
 */
export function cueSearchAgrees(text: string): boolean {
  const bytes = startBytes(text);
  if (bytes === undefined) return true;
  const { cue, subject } = cuePatterns();
  const { cue: search, verb } = cueSearches();
  const want: string[] = [];
  cue.lastIndex = 0;
  for (let m; (m = cue.exec(text)) !== null;) want.push(`${m.index}:${m[0]}`);
  const got: string[] = [];
  for (
    let m, from = 0;
    (m = literalExec(search, text, bytes, from)) !== null;
  ) {
    got.push(`${m.index}:${m[0]}`);
    from = m.index + m[0].length;
  }
  const labels: number[] = [];
  LABEL_START.lastIndex = 0;
  for (let m; (m = LABEL_START.exec(text)) !== null;) {
    labels.push(m.index);
    LABEL_START.lastIndex = m.index + 1;
  }
  const found: number[] = [];
  for (
    let m, from = 0;
    (m = literalExec(labelSearch(), text, bytes, from)) !== null;
  ) {
    found.push(m.index);
    from = m.index + 1;
  }
  if (labels.join() !== found.join()) return false;
  // The one-pass places give what each search finds alone.
  const places = searchPlaces(recordSearch(), bytes);
  const searches = [labelSearch(), search, verb];
  for (let j = 0; j < searches.length; j++) {
    for (let from = 0;;) {
      const a = literalExec(searches[j], text, bytes, from);
      const b = placesExec(searches[j], places, j, text, bytes, from);
      if ((a?.index ?? -1) !== (b?.index ?? -1)) return false;
      if (a === null) break;
      from = a.index + 1;
    }
  }
  subject.lastIndex = 0;
  const spoken = subject.exec(text) !== null;
  return want.join("|") === got.join("|") &&
    (!spoken || literalExec(verb, text, bytes, 0) !== null);
}
