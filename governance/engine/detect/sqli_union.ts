/**
 * UNIONs that read another table through a query, by tokens (`sqli_struct.ts`
 * on the masked statement of `sqli_lex.ts`), whatever the columns are
 * called:
 *
 * - `SELECT * FROM t ... UNION SELECT a, b`: an explicit list sized to a
 *   statement's top-level `SELECT *`;
 * - `... WHERE id = 3 UNION SELECT email, hash FROM admins`: an unfiltered
 *   read of an account or secret table UNIONed onto a query filtered to a
 *   value;
 * - `... WHERE id = 3 UNION SELECT 1, 2`: a list of column numbers (each
 *   the number of its place, or NULL) UNIONed onto a filtered read of a
 *   table, which is how an injection counts a query's columns and finds
 *   which of them are shown.
 *
 * Linear in the statement (each UNION looks ahead a bounded number of tokens).
 *
 * @module
 */

import type { Tok } from "./sqli_struct.ts";
import { ACCOUNT_TABLE, CATALOG_TABLE } from "./sqli_names.ts";

/** One hit: which check fired and where (offsets in the input). */
export interface UnionHit {
  kind: "star_union" | "account_union" | "count_union";
  start: number;
  end: number;
}

/** Most hits reported for one statement. */
const MAX_UNION_HITS = 16;

/** The UNION hits of a statement's tokens (see the module note); `masked` is the text they were read from. */
export function unionHits(toks: Tok[], masked: string): UnionHit[] {
  const hits: UnionHit[] = [];
  starUnion(toks, hits);
  accountUnion(toks, hits);
  countUnion(toks, masked, hits);
  return hits;
}

/**
 * `SELECT * FROM t ... UNION SELECT a, b ...`: the first query returns a
 * table's every column and the second an explicit list sized to match it,
 * which is how an injected UNION reads another table through a `SELECT *`
 * (a query written as a union lists the same columns on both sides, or `*`
 * on both). Only a statement's top-level SELECT and UNION count.
 */
function starUnion(toks: Tok[], hits: UnionHit[]): void {
  let depth = 0;
  let star = -1;
  for (let i = 0; i < toks.length && hits.length < MAX_UNION_HITS; i++) {
    const t = toks[i];
    if (t.kind === "open") depth++;
    else if (t.kind === "close") depth = Math.max(0, depth - 1);
    else if (t.kind === "semi") {
      depth = 0;
      star = -1;
    }
    if (depth > 0 || t.kind !== "word") continue;
    if (t.text === "select" && star < 0) {
      // The statement's first SELECT: is its list `*` alone?
      let k = i + 1;
      if (toks[k]?.text === "distinct" || toks[k]?.text === "all") k++;
      // `SELECT * FROM (subquery)` has the subquery's known width.
      star = toks[k]?.text === "*" && toks[k + 1]?.text === "from" &&
          toks[k + 2]?.kind !== "open"
        ? i
        : -2;
      continue;
    }
    if (t.text !== "union" || star < 0) continue;
    let k = i + 1;
    if (toks[k]?.text === "all" || toks[k]?.text === "distinct") k++;
    while (toks[k]?.kind === "open") k++;
    if (toks[k]?.text !== "select") continue;
    // An explicit list: not `*`, not `t.*`, not `SELECT * FROM` again.
    const list: Tok[] = [];
    for (let j = k + 1; j < toks.length && list.length < 64; j++) {
      if (toks[j].text === "from" || toks[j].kind === "semi") break;
      list.push(toks[j]);
    }
    if (list.length === 0 || list.some((x) => x.text === "*")) continue;
    hits.push({ kind: "star_union", start: toks[star].start, end: t.end });
    return;
  }
}

/** Words of a select list that are not column names. */
const LIST_WORDS: ReadonlySet<string> = new Set([
  "as",
  "distinct",
  "all",
  "null",
  "true",
  "false",
  "case",
  "when",
  "then",
  "else",
  "end",
  "and",
  "or",
  "not",
  "is",
  "in",
  "like",
  "top",
]);

/** The column names a top-level select list starting at token `from` reads (up to its FROM), or null for `*`; `next` is the index of its FROM (-1 when none). */
function listNames(
  toks: Tok[],
  from: number,
): { names: Set<string> | null; next: number } {
  const names = new Set<string>();
  // `SELECT *`: no names, but the FROM after it is still looked for.
  let star = false;
  let depth = 0;
  for (let i = from; i < toks.length && i - from < 200; i++) {
    const t = toks[i];
    if (t.kind === "open") depth++;
    else if (t.kind === "close") {
      if (--depth < 0) return { names: star ? null : names, next: -1 };
    } else if (t.kind === "semi") {
      return { names: star ? null : names, next: -1 };
    } else if (t.kind === "op" && t.text === "*" && depth === 0) {
      const p = toks[i - 1];
      if (
        p === undefined || p.kind === "comma" || p.text === "." ||
        p.text === "select" || p.text === "distinct"
      ) {
        star = true;
      }
    } else if (t.kind === "word" || t.kind === "ident") {
      if (depth === 0 && t.text === "from") {
        return { names: star ? null : names, next: i };
      }
      if (depth === 0 && (t.text === "union" || t.text === "where")) {
        return { names: star ? null : names, next: -1 };
      }
      const n = toks[i + 1];
      if (n?.kind === "open" || n?.text === ".") continue;
      if (t.kind === "word" && LIST_WORDS.has(t.text)) continue;
      names.add(t.text);
    }
  }
  return { names: star ? null : names, next: -1 };
}

/**
 * `... WHERE id = 3 UNION SELECT ...`: a query filtered to a value, UNIONed
 * with a read of another table, where the UNION rides on the value an
 * application put in the filter:
 *
 * - an unfiltered read of an account or secret table (`UNION SELECT email,
 *   hash FROM admins`);
 * - a read of a system catalogue, filtered or not (`UNION SELECT
 *   table_name FROM information_schema.tables`);
 * - an unfiltered read of columns the first query does not select
 *   (`SELECT id, amount FROM loans WHERE id = 3 UNION SELECT id, iban FROM
 *   borrowers`).
 *
 * A query written as a union has no such filter before it (`SELECT email
 * FROM subscribers UNION SELECT email FROM users`), filters both sides
 * alike (`... WHERE country = 'FR' UNION SELECT name FROM staff WHERE
 * country = 'FR'`), or lists the same columns on both sides.
 */
function accountUnion(toks: Tok[], hits: UnionHit[]): void {
  let depth = 0;
  let firstTable = "";
  let firstNames: Set<string> | null = null;
  let seenSelect = false;
  let seenFrom = false;
  for (let i = 0; i < toks.length && hits.length < MAX_UNION_HITS; i++) {
    const t = toks[i];
    if (t.kind === "open") depth++;
    else if (t.kind === "close") depth = Math.max(0, depth - 1);
    else if (t.kind === "semi") {
      depth = 0;
      firstTable = "";
      firstNames = null;
      seenSelect = seenFrom = false;
    }
    if (depth > 0 || t.kind !== "word") continue;
    if (t.text === "select" && !seenSelect) {
      seenSelect = true;
      firstNames = listNames(toks, i + 1).names;
      continue;
    }
    if (t.text === "from" && !seenFrom) {
      seenFrom = true;
      const n = toks[i + 1];
      firstTable = n !== undefined && (n.kind === "word" || n.kind === "ident")
        ? n.text
        : "";
      continue;
    }
    if (
      t.text !== "union" || firstTable === "" ||
      ACCOUNT_TABLE.test(firstTable) ||
      CATALOG_TABLE.test(firstTable)
    ) {
      continue;
    }
    // The first query ends in `<col> = <value>` right before UNION.
    const v = toks[i - 1];
    const op = toks[i - 2];
    if (
      v === undefined || op === undefined || op.text !== "=" ||
      (v.kind !== "num" && v.kind !== "str")
    ) continue;
    let k = i + 1;
    if (toks[k]?.text === "all" || toks[k]?.text === "distinct") k++;
    while (toks[k]?.kind === "open") k++;
    if (toks[k]?.text !== "select") continue;
    const second = listNames(toks, k + 1);
    const nested = listSubquery(toks, k + 1);
    if (nested !== undefined) {
      hits.push({ kind: "account_union", start: t.start, end: nested.end });
      return;
    }
    const j = second.next;
    const n = j < 0 ? undefined : toks[j + 1];
    if (n === undefined || (n.kind !== "word" && n.kind !== "ident")) continue;
    if (n.text === firstTable) continue;
    const open = !filtered(toks, j + 2);
    // Columns the first query does not select, from a table that is not its
    // sibling (`leases` and `leases_archive` are one table split by age).
    const sibling = n.text.includes(firstTable) || firstTable.includes(n.text);
    const foreign = !sibling && second.names !== null && firstNames !== null &&
      [...second.names].some((x) => !firstNames?.has(x));
    if (
      CATALOG_TABLE.test(n.text) ||
      (open && (ACCOUNT_TABLE.test(n.text) || foreign))
    ) {
      hits.push({ kind: "account_union", start: t.start, end: n.end });
      return;
    }
  }
}

/**
 * The table token of a subquery in the select list starting at `from` that
 * reads an account, secret or catalogue table (`UNION SELECT 1, (SELECT
 * login FROM staff_accounts WHERE role = 'admin' LIMIT 1)`), filtered or
 * not; the list ends at its top-level FROM.
 */
function listSubquery(toks: Tok[], from: number): Tok | undefined {
  let depth = 0;
  for (let i = from; i < toks.length && i - from < 400; i++) {
    const t = toks[i];
    if (t.kind === "open") depth++;
    else if (t.kind === "close") {
      if (--depth < 0) return undefined;
    } else if (t.kind === "semi") return undefined;
    else if (t.kind === "word") {
      if (depth === 0 && (t.text === "from" || t.text === "union")) {
        return undefined;
      }
      if (depth > 0 && t.text === "from") {
        const n = toks[i + 1];
        if (
          n !== undefined && (n.kind === "word" || n.kind === "ident") &&
          (ACCOUNT_TABLE.test(n.text) || CATALOG_TABLE.test(n.text))
        ) return n;
      }
    }
  }
  return undefined;
}

/** Whether the query continuing at token `from` has a top-level WHERE (a union of two filtered queries is written, not injected). */
function filtered(toks: Tok[], from: number): boolean {
  let depth = 0;
  for (let k = from; k < toks.length && k - from < 400; k++) {
    const t = toks[k];
    if (t.kind === "open") depth++;
    else if (t.kind === "close" && --depth < 0) return false;
    else if (t.kind === "semi") return false;
    else if (depth === 0 && t.kind === "word") {
      if (t.text === "where") return true;
      if (t.text === "union") return false;
    }
  }
  return false;
}

/** Words after a UNION's constant list that end it (the second query has no table of its own). */
const LIST_END: ReadonlySet<string> = new Set([
  "order",
  "limit",
  "union",
  "into",
  "offset",
  "fetch",
]);

/**
 * `SELECT ... FROM t WHERE ... UNION SELECT 1, 2`: a top-level UNION whose
 * list is column numbers, each the number of its place or NULL (`1, 2, 3`,
 * `NULL, 2`, quoted `'1', '2'`), with no table of its own (or Oracle's `dual`), after a query
 * that reads a table through a WHERE. A query that adds a constant row
 * writes the values it needs (`UNION SELECT 0, '(all)'`), not its column
 * numbers.
 */
function countUnion(toks: Tok[], masked: string, hits: UnionHit[]): void {
  let depth = 0;
  let from = false;
  let where = false;
  for (let i = 0; i < toks.length && hits.length < MAX_UNION_HITS; i++) {
    const t = toks[i];
    if (t.kind === "open") depth++;
    else if (t.kind === "close") depth = Math.max(0, depth - 1);
    else if (t.kind === "semi") {
      depth = 0;
      from = where = false;
    }
    if (depth > 0 || t.kind !== "word") continue;
    if (t.text === "from") from = true;
    else if (t.text === "where" && from) where = true;
    if (t.text !== "union" || !where) continue;
    let k = i + 1;
    if (toks[k]?.text === "all" || toks[k]?.text === "distinct") k++;
    let opened = 0;
    while (toks[k]?.kind === "open") {
      k++;
      opened++;
    }
    if (toks[k]?.text !== "select") continue;
    // The list: each item the number of its place, or NULL.
    let j = k + 1;
    let place = 0;
    let numbers = 0;
    let listed = false;
    while (j < toks.length && place < 64) {
      const v = toks[j];
      place++;
      if (v.kind === "num" && Number(v.text) === place) numbers++;
      // `'1', '2'`: the place numbers quoted, to suit text columns.
      else if (
        v.kind === "str" && masked.slice(v.start + 1, v.end - 1) === `${place}`
      ) numbers++;
      else if (v.kind !== "word" || v.text !== "null") break;
      j++;
      if (toks[j]?.kind === "comma") {
        j++;
        continue;
      }
      listed = true;
      break;
    }
    if (!listed || numbers === 0) continue;
    let closes = 0;
    while (toks[j + closes]?.kind === "close") closes++;
    const after = toks[j + closes];
    const ends = after === undefined || after.kind === "semi" ||
      after.kind === "comment" ||
      (after.kind === "word" &&
        (LIST_END.has(after.text) ||
          (after.text === "from" && toks[j + closes + 1]?.text === "dual")));
    if (!ends || closes > opened) continue;
    hits.push({ kind: "count_union", start: t.start, end: toks[j - 1].end });
  }
}
