/**
 * The extra checks a SQL pattern's match must pass (`SqlValidator` in
 * `policies/sqli.ts`): hex literals and literal chains that spell SQL,
 * comments splitting keywords, the rest of a statement commented out, DML
 * without WHERE, comparisons that are plainly false, reads of hash columns,
 * encoded literals that decode to SQL, waits that are the whole statement,
 * comments after stacked statements. Pure; each check reads a bounded
 * window around the match.
 *
 * @module
 */

import type { SqlValidator } from "../policies/sqli.ts";
import {
  fromBase64,
  fromHex,
  fromUnicodeEscapes,
  isSqlPayload,
} from "./sqli_decode.ts";
import { isScratchTable } from "./sqli_names.ts";

/** Words that may follow a commented-out condition in the application's own SQL (`... = 'x' ORDER BY id LIMIT 1`). */
const TAIL_KEYWORDS: ReadonlySet<string> = new Set([
  "and",
  "or",
  "not",
  "is",
  "null",
  "in",
  "like",
  "order",
  "group",
  "by",
  "limit",
  "offset",
  "asc",
  "desc",
  "having",
  "for",
  "update",
  "union",
  "all",
  "select",
  "from",
  "where",
  "returning",
  "fetch",
  "first",
  "next",
  "rows",
  "only",
  "nulls",
  "last",
]);

/**
 * True when a comment body goes on, after its last quoted value, with two
 * plain words in a row that are not SQL (`/* OR room = 'B5' once the wing
 * reopens *\/`): a developer's note about a condition, not the remainder of
 * the application's statement (`' AND pw = 'x' ORDER BY id`).
 */
function proseAfterValue(body: string): boolean {
  const q = Math.max(body.lastIndexOf("'"), body.lastIndexOf('"'));
  if (q < 0) return false;
  const words = body.slice(q + 1, q + 400).match(/[a-z]{2,16}|[^a-z\s]+/gi) ??
    [];
  let run = 0;
  for (const w of words) {
    const plain = /^[a-z]+$/i.test(w) && !TAIL_KEYWORDS.has(w.toLowerCase());
    run = plain ? run + 1 : 0;
    if (run >= 2) return true;
  }
  return false;
}

/** Two qualified columns compared: a subquery that joins the outer row. */
const CORRELATED =
  /\b[a-z_]\w{0,40}\.[a-z_]\w{0,40}\s{0,4}=\s{0,4}[a-z_]\w{0,40}\.[a-z_]\w{0,40}\b/i;

/** SQL words whose presence makes decoded or joined text SQL. */
const SQL_WORDS =
  /\b(?:select|union|insert|update|delete|drop|exec|execute|waitfor|delay|sleep|benchmark|declare|truncate|shutdown|xp_cmdshell|information_schema|@@version|load_file|outfile|from|where)\b/i;
/** Keywords a comment may split (UN, an empty comment, ION). */
export const SPLIT_WORDS: ReadonlySet<string> = new Set([
  "union",
  "select",
  "from",
  "where",
  "insert",
  "update",
  "delete",
  "drop",
  "concat",
  "sleep",
  "benchmark",
  "order",
  "char",
  "exec",
  "version",
  "database",
  "table",
  "information_schema",
  "group_concat",
  "waitfor",
  "having",
]);

/** Short keywords a comment may split besides {@link SPLIT_WORDS}. */
export const JOIN_WORDS: ReadonlySet<string> = new Set([
  "or",
  "and",
  "null",
  "limit",
  "into",
  "like",
]);

function hexKeyword(hex: string): boolean {
  let out = "";
  let printable = 0;
  let total = 0;
  for (let i = 0; i + 1 < hex.length && out.length < 512; i += 2) {
    const code = parseInt(hex.slice(i, i + 2), 16);
    if (code === 0) continue;
    total++;
    if (code >= 0x20 && code < 0x7f) printable++;
    out += String.fromCharCode(code);
  }
  return total >= 4 && printable / total > 0.9 && SQL_WORDS.test(out);
}

/** Whether hex digits spell printable text with a word in it (not random bytes of a hash or id). */
function hexText(hex: string): boolean {
  let letters = 0;
  for (let i = 0; i + 1 < hex.length; i += 2) {
    const code = parseInt(hex.slice(i, i + 2), 16);
    if (code < 0x20 || code >= 0x7f) return false;
    if ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) letters++;
  }
  return letters >= 3;
}

function concatKeyword(chain: string): boolean {
  const joined = chain.replace(/'\s*(?:\+|\|\|)\s*'/g, "").replace(/'/g, "");
  if (!SQL_WORDS.test(joined)) return false;
  // Only when the pieces themselves split a keyword: 'sel' + 'ect'.
  const pieces = chain.split(/'\s*(?:\+|\|\|)\s*'/).map((p) =>
    p.replace(/'/g, "")
  );
  return pieces.every((p) => !SQL_WORDS.test(p));
}

/**
 * Whether the statement continuing at `from` ends (`;` or end of text)
 * without a WHERE; `stop` is where the look ended.
 */
function noWhere(text: string, from: number): { ok: boolean; stop: number } {
  const limit = Math.min(text.length, from + 8000);
  let quote = "";
  let word = "";
  for (let i = from; i < limit; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = "";
      continue;
    }
    if (c === "'" || c === '"' || c === "`") {
      quote = c;
      word = "";
      continue;
    }
    if (c === ";") return { ok: true, stop: i };
    if (/[a-z_]/i.test(c)) {
      word += c;
      continue;
    }
    if (word.length === 5 && word.toLowerCase() === "where") {
      return { ok: false, stop: i };
    }
    word = "";
  }
  const ok = word.toLowerCase() !== "where" && limit === text.length;
  return { ok, stop: limit };
}

/** A statement that only waits: `SELECT pg_sleep(1)` (an injection puts the wait inside another query). */
const WHOLE_SLEEP =
  /^\s{0,64}select\s{1,8}(?:[\w.]{1,64}(?:\(\s{0,8}\))?\s{0,8},\s{0,8}){0,8}pg_sleep(?:_for)?\s{0,8}\(\s{0,8}(?:[\d.]{1,12}|'[^'\n]{0,40}')\s{0,8}\)(?:\s{0,8},\s{0,8}[\w.]{1,64}(?:\(\s{0,8}\))?){0,8}\s{0,8};?\s{0,64}(?:--[^\n]{0,400})?$/i;

/** Whether `OR a <op> b` compares two numbers and is false (`or 1 = 0`, `or 0 <> 0`). */
function plainlyFalseComparison(match: string): boolean {
  const m =
    /^(?:or|xor|\|\|)\s*\(*\s*(\d{1,10})\s*\)*\s*(=|<>|!=|<=|>=|<|>)\s*\(*\s*(\d{1,10})$/i
      .exec(match);
  if (m === null) return false;
  const a = Number(m[1]);
  const b = Number(m[3]);
  switch (m[2]) {
    case "=":
      return a !== b;
    case "<>":
    case "!=":
      return a === b;
    case "<":
      return a >= b;
    case ">":
      return a <= b;
    case "<=":
      return a > b;
    default:
      return a < b;
  }
}

/** Runs a validator; returns whether the match stands and where to resume when not. */
export function validate(
  kind: SqlValidator,
  m: RegExpExecArray,
  text: string,
  statement: boolean,
): boolean | number {
  switch (kind) {
    case "commentQuote": {
      // The comment opens with a quote and holds an odd number of them.
      const body = m[0];
      const q = /['"]/.exec(body)?.[0] ?? "'";
      let n = 0;
      for (let i = 0; i < body.length; i++) if (body[i] === q) n++;
      // The rest of the line is this comment: resume after it.
      return n % 2 === 1 || m.index + body.length;
    }
    case "encodedKeyword": {
      const decoded = m[1] !== undefined
        ? (m[2]?.toLowerCase() === "hex" ? fromHex(m[1]) : fromBase64(m[1]))
        : m[3] !== undefined
        ? fromBase64(m[3])
        : m[4] !== undefined
        ? fromHex(m[4])
        : fromUnicodeEscapes(m[5] ?? "");
      return isSqlPayload(decoded);
    }
    case "afterStacked": {
      // A `;` with a statement after it, before the comment (looked up to 8 KB back).
      const before = text.slice(Math.max(0, m.index - 8192), m.index);
      const semi = before.lastIndexOf(";");
      return semi >= 0 && /[a-z]/i.test(before.slice(semi + 1)) &&
        /\S/.test(before.slice(0, semi));
    }
    case "notWholeStatement": {
      // The wait is the text's first statement, alone (`SELECT pg_sleep(1); SELECT ...`).
      if (!statement) return true;
      const end = text.indexOf(";", m.index);
      const first = text.slice(0, end < 0 ? text.length : end + 1);
      return !WHOLE_SLEEP.test(first);
    }
    case "hexKeyword":
      return hexKeyword(m[1] ?? "");
    case "hexText":
      return hexText(m[1] ?? "");
    case "concatKeyword":
      return concatKeyword(m[0]);
    case "splitKeyword": {
      const before = /[a-z]{1,12}$/i.exec(
        text.slice(Math.max(0, m.index - 12), m.index),
      );
      const after = /^[a-z]{1,12}/i.exec(
        text.slice(m.index + m[0].length, m.index + m[0].length + 12),
      );
      const w = `${before?.[0] ?? ""}${after?.[0] ?? ""}`.toLowerCase();
      for (const k of SPLIT_WORDS) {
        if (w === k || (w.length >= 4 && k.startsWith(w))) return true;
      }
      return false;
    }
    case "commentTail": {
      // The comment holds the rest of a condition: AND/OR and a quoted value.
      const body = m[0].replace(/^[^-#]*(?:--|#)/, "");
      // When not, the rest of the line is this comment: resume after it.
      // The value may be wrapped in a call: `-- AND pw = md5('guess')`.
      return (/\b(?:and|or)\s/i.test(body) && !proseAfterValue(body) &&
        (/^\s{0,2}['"]/.test(body) ||
          /=\s{0,4}(?:[a-z_]\w{0,20}\s{0,2}\(\s{0,2})?['"]|['"]\s{0,4}\)?\s{0,4}$/i
            .test(body))) ||
        m.index + m[0].length;
    }
    case "blockTail": {
      // A closed block comment whose body is the rest of a condition: it
      // starts with AND/OR (after a stray quote) and compares to a quoted
      // value; a note that mentions one (`/* seed: id and name = 'x' */`) is not.
      const open = m[0].indexOf("/*");
      const body = m[0].slice(open + 2, m[0].length - 2);
      return (/^\s{0,4}['"]?\)*\s{0,4}(?:and|or)\s/i.test(body) &&
        /=\s{0,4}(?:[a-z_]\w{0,20}\s{0,2}\(\s{0,2})?['"]/i.test(body) &&
        !proseAfterValue(body)) ||
        m.index + m[0].length;
    }
    case "dmlStatement": {
      // The WHERE belongs to a DELETE or UPDATE (looked up to 4 KB back).
      const from = Math.max(0, m.index - 4096);
      const before = text.slice(from, m.index);
      const start = before.lastIndexOf(";") + 1;
      const head = /^\s*(?:\/\*[^*]{0,200}\*\/\s*)?([a-z]{1,8})\b/i.exec(
        before.slice(start),
      );
      const verb = head?.[1].toLowerCase();
      // In a CTE (`WITH d AS (DELETE FROM t WHERE 1=1 RETURNING *)`), the
      // DML opened by the parenthesis the WHERE is in.
      const inCte = verb === "with" &&
        /\(\s{0,8}(?:delete\s{1,8}from|update)\s[^()]{0,400}$/i.test(
          before.slice(start),
        );
      return (verb === "delete" || verb === "update" || inCte) &&
        (from === 0 || start > 0);
    }
    case "readsHashes": {
      // The select list before FROM names every column or the hash columns.
      const before = text.slice(Math.max(0, m.index - 400), m.index);
      const list = before.slice(before.toLowerCase().lastIndexOf("select"));
      return /\*|\bauthentication_string\b|\bpassword(?:_hash)?\b/i.test(list);
    }
    case "uncorrelated":
      // The subquery opened by the match compares two qualified columns
      // (`h.book_id = books.id`) before its branch ends: correlated with the row.
      return !CORRELATED.test(
        text.slice(m.index + m[0].length, m.index + m[0].length + 300)
          .split(/\bthen\b|,/i)[0],
      );
    case "notPlainlyFalse":
      return !plainlyFalseComparison(m[0]);
    case "noWhere": {
      const r = noWhere(text, m.index + m[0].length);
      return r.ok ? true : Math.max(r.stop, m.index + 1);
    }
    case "noWhereNotScratch": {
      // A staging or scratch table emptied by a load step (`DELETE FROM staging_orders`).
      const table = /[\w."`[\]]{1,128}$/.exec(m[0])?.[0] ?? "";
      if (isScratchTable(table)) return m.index + m[0].length;
      const r = noWhere(text, m.index + m[0].length);
      return r.ok ? true : Math.max(r.stop, m.index + 1);
    }
    case "notScratch":
      return !truncatesScratchOnly(text, m.index);
    case "everySession":
      return terminatesEverySession(text, m.index + m[0].length);
    case "notRecreated":
      // `DROP POLICY p ON t; CREATE POLICY p ON t ...` replaces it (a migration).
      return !/\bcreate\s{1,8}policy\b/i.test(
        text.slice(m.index + m[0].length, m.index + 65536),
      );
  }
}

/** Where the sessions a statement terminates come from. */
const SESSION_VIEW =
  /^[^;]{0,400}?\bfrom\s{1,8}(?:pg_catalog\s{0,4}\.\s{0,4})?pg_stat_(?:get_)?activity\b([^;]{0,2000})/i;

/** Columns an idle-session reaper filters on (state, the time a transaction or query started), or named sessions (`pid = 4242`, `pid IN (11, 12)`). */
const REAPER_FILTER =
  /\b(?:state|state_change|xact_start|query_start|backend_start|wait_event(?:_type)?)\b|\bpid\s{0,4}(?:=|in\s{0,4}\()\s{0,4}\d/i;

/**
 * True when the pg_terminate_backend (or pg_cancel_backend) call ending at `at` is applied to the
 * sessions of pg_stat_activity chosen by anything but their state or age:
 * everyone (`WHERE pid <> pg_backend_pid()`), a user (`usename =
 * 'auditor'`), a database. An idle reaper (`WHERE state = 'idle in
 * transaction' AND state_change < now() - interval '1 hour'`) and named
 * sessions (`WHERE pid IN (4242, 4243)`) pass.
 */
function terminatesEverySession(text: string, at: number): boolean {
  const m = SESSION_VIEW.exec(text.slice(at, at + 2600));
  return m !== null && !REAPER_FILTER.test(m[1]);
}

/** The table list of a TRUNCATE or DROP TABLE starting at `at`, bounded. */
const TRUNCATE_LIST =
  /^(?:truncate\s{1,8}(?:table\s{1,8})?(?:only\s{1,8})?|drop\s{1,8}(?:temporary\s{1,8})?table\s{1,8}(?:if\s{1,8}exists\s{1,8})?)([\w."`[\]#, \t]{1,600})/i;

/**
 * True when every table a TRUNCATE or DROP TABLE names is a staging or
 * scratch table (`TRUNCATE staging_lab_results`, `TRUNCATE TABLE
 * staging.import_owners RESTART IDENTITY`, `DROP TABLE IF EXISTS
 * tmp_report`, SQL Server's `#t`): a load step emptying or removing its own
 * landing table, not data the application keeps.
 */
function truncatesScratchOnly(text: string, at: number): boolean {
  const start = text.slice(at, at + 640).search(/truncate|drop/i);
  if (start < 0) return false;
  const list = TRUNCATE_LIST.exec(text.slice(at + start, at + start + 640));
  if (list === null) return false;
  const names = list[1].replace(
    /\s{1,8}(?:restart|continue|cascade|restrict)\b[\s\S]*$/i,
    "",
  )
    .split(",").map((n) => n.trim().replace(/["`[\]]/g, "").toLowerCase())
    .filter((n) => n.length > 0);
  if (names.length === 0) return false;
  return names.every((n) => n.startsWith("#") || isScratchTable(n));
}
