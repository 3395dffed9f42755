/**
 * WHERE clauses that every row satisfies, by the shapes of their OR
 * branches (tokens of `sqli_struct.ts` on the masked statement of
 * `sqli_lex.ts`): in any statement a column compared to a value and OR'ed
 * with its complement (`name = 'a' OR name <> 'a'`, `name = 'bob' OR name
 * IS NOT NULL`, `total > 0 OR total <= 0`); in a DELETE or UPDATE also `OR id IS NOT NULL`, `id = 10 OR
 * status IS NOT NULL`, `id = 7 OR id >= 0`, `WHERE event_id > 0` and `WHERE
 * id IN (SELECT id FROM <the same table>)`, `WHERE id <> 0` and `WHERE
 * created_at > '1970-01-01'`; in a query, an OR branch `id IN (SELECT id
 * FROM <the same table>)`. Each WHERE's tokens are read once, so the
 * pass is linear in the statement.
 *
 * @module
 */

import { COMPARISON, statementVerb, type Tok } from "./sqli_struct.ts";
import { farTimeBound } from "./sqli_timespan.ts";

/** One hit: a DELETE/UPDATE changing every row, or a tautology on a column elsewhere. */
export interface RowsHit {
  kind: "dml_all_rows" | "column_tautology";
  start: number;
  end: number;
}

/** Most hits reported for one statement. */
const MAX_ROWS_HITS = 16;

/** Key columns: serial numbers from 1 up, so `> 0` holds for every row. */
const KEY_COLUMN = /^(?:id|\w{1,40}_id|\w{1,40}id|pk|rowid|oid)$/;

/** A table's own key (a foreign key may hold 0 for "none", so `category_id <> 0` is a filter). */
const PRIMARY_KEY = /^(?:id|pk|rowid|oid)$/;

/** Columns holding when a row was written or changed. */
const TIME_COLUMN =
  /^(?:created|updated|inserted|modified)(?:_?(?:at|on|date|time))?$|^(?:created|updated|inserted|modified)_?timestamp$/;

/** A date literal before 1990, earlier than any row of an application's table (the masked statement may show `-` as `_`). */
const ANCIENT = /^'(?:1[0-8]\d\d|19[0-8]\d|0\d{3})[-_/]\d\d[-_/]\d\d/;

/**
 * Whether a column is its table's own key: `id`, or the table's singular
 * name with `_id` / `id` (`invoice_id` in `invoices`, `accountid` in
 * `account`). A foreign key (`user_id` in `sessions`) may be empty.
 */
function ownKey(name: string, table: string): boolean {
  return PRIMARY_KEY.test(name) || namedKey(name, table);
}

/** Whether a column is named for a table: its singular name with `_id` / `id` (`user_id` for `users`). */
function namedKey(name: string, table: string): boolean {
  const t = table.slice(table.lastIndexOf(".") + 1);
  if (t.length < 2) return false;
  const stems = [
    t,
    t.replace(/s$/, ""),
    t.replace(/es$/, ""),
    t.replace(/ies$/, "y"),
  ];
  return stems.some((st) => name === `${st}_id` || name === `${st}id`);
}

/** Functions returning a length, which is never negative. */
const LENGTH_FUNCTION =
  /^(?:length|char_length|character_length|octet_length|bit_length|len|datalength|lengthb|cardinality)$/;

/**
 * Whether a branch is `length(<column>) >= 0` or `> -1`: true for every row
 * with a value (`WHERE length(email) >= 0` looks like a filter on email).
 */
function nonNegativeLength(toks: Tok[], [a, b]: [number, number]): boolean {
  const f = toks[a];
  if (
    f?.kind !== "word" || !LENGTH_FUNCTION.test(f.text) ||
    toks[a + 1]?.kind !== "open"
  ) return false;
  // The call's closing parenthesis, then the comparison.
  let depth = 0;
  let k = a + 1;
  for (; k < b; k++) {
    if (toks[k].kind === "open") depth++;
    else if (toks[k].kind === "close" && --depth === 0) break;
  }
  const rest = toks.slice(k + 1, b).map((t) => t.text).join(" ");
  const column = toks.slice(a + 2, k).some((t) =>
    t.kind === "word" || t.kind === "ident"
  );
  return column && /^(?:>= 0|> - 1|>= - 1)$/.test(rest);
}

/**
 * Whether a branch compares an expression over a column with itself
 * (`coalesce(deleted, false) = coalesce(deleted, false)`, `lower(a) LIKE
 * lower(a)`, `t.id >= t.id`): true for every row with a value. The sides
 * are compared as masked text, spaces dropped.
 */
function selfComparison(
  toks: Tok[],
  masked: string,
  [a, b]: [number, number],
): boolean {
  if (b - a < 3 || b - a > 41) return false;
  let depth = 0;
  for (let k = a; k < b; k++) {
    const t = toks[k];
    if (t.kind === "open") depth++;
    else if (t.kind === "close") depth--;
    else if (
      depth === 0 && k > a &&
      (t.text === "=" || t.text === ">=" || t.text === "<=" ||
        t.text === "like" || t.text === "==")
    ) {
      const side = (x: number, y: number) =>
        masked.slice(toks[x].start, toks[y - 1].end).replace(/\s+/g, "");
      const left = side(a, k);
      let hasColumn = false;
      for (let j = a; j < k; j++) {
        if (
          toks[j].kind === "ident" ||
          (toks[j].kind === "word" && toks[j + 1]?.kind !== "open" &&
            !/^(?:true|false|null|not|and|or)$/.test(toks[j].text))
        ) hasColumn = true;
      }
      return k + 1 < b && hasColumn && left.length > 0 &&
        left === side(k + 1, b);
    }
  }
  return false;
}

/**
 * Whether a branch is `<fk> IN (SELECT id FROM <table>)` with no filter in
 * the subquery, where the column is named for that table: every row that
 * references a row of it (`user_id IN (SELECT id FROM users)`), i.e. all
 * of them. A list of keys read from another table (`id IN (SELECT user_id
 * FROM erasure_requests)`, `id IN (SELECT id FROM banned_users)`) is a
 * filter.
 */
function parentKeySubquery(toks: Tok[], [a, b]: [number, number]): boolean {
  // The outer column, maybe qualified and quoted (`"comments"."post_id"`).
  let c: Tok | undefined;
  let k = a;
  while (k < b && (toks[k].kind === "word" || toks[k].kind === "ident")) {
    c = toks[k];
    k++;
    if (toks[k]?.text !== "." || k - a > 6) break;
    k++;
  }
  if (c === undefined || !KEY_COLUMN.test(c.text)) return false;
  if (toks[k]?.text !== "in" || toks[k + 1]?.kind !== "open") return false;
  if (toks[k + 2]?.text !== "select" || toks[b - 1]?.kind !== "close") {
    return false;
  }
  k += 3;
  if (toks[k]?.text === "distinct") k++;
  // The selected column, maybe qualified (`u.id`).
  let col = "";
  while (k < b && (toks[k].kind === "word" || toks[k].kind === "ident")) {
    col = toks[k].text;
    k++;
    if (toks[k]?.text !== ".") break;
    k++;
  }
  if (toks[k]?.text !== "from") return false;
  k++;
  let table = "";
  while (k < b && (toks[k].kind === "word" || toks[k].kind === "ident")) {
    table = toks[k].text;
    k++;
    if (toks[k]?.text !== ".") break;
    k++;
  }
  // An alias may follow; nothing else (no WHERE, JOIN or LIMIT).
  if (toks[k]?.kind === "word" && toks[k].text === "as") k++;
  if (
    k < b - 1 && toks[k].kind === "word" &&
    !/^(?:where|join|limit|inner|left|right|cross|natural|group|order|union|except|intersect|offset|fetch|top)$/
      .test(toks[k].text)
  ) k++;
  // The outer column names the subquery's table (`user_id` for `users`):
  // a foreign key to it. `id IN (SELECT id FROM banned_users)` is a list.
  return k === b - 1 && table !== "" && col !== "" && ownKey(col, table) &&
    namedKey(c.text, table);
}

/** Column names every row has a value for. */
const ALWAYS_SET =
  /^(?:id|uuid|guid|pk|rowid|oid|_id|created_at|createdat|created|inserted_at)$/;

/** The branches (token ranges) of the top-level OR chain of the condition starting at `from`. */
function orBranches(
  toks: Tok[],
  from: number,
): { branches: [number, number][]; end: number } {
  const branches: [number, number][] = [];
  let depth = 0;
  let start = from;
  let between = false;
  let i = from;
  for (; i < toks.length; i++) {
    const t = toks[i];
    if (t.kind === "open") depth++;
    else if (t.kind === "close") {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0 && (t.kind === "semi" || t.kind === "comment")) {
      break;
    } else if (depth === 0 && t.kind === "word") {
      if (t.text === "between") between = true;
      else if (t.text === "and" && between) between = false;
      else if (t.text === "or") {
        branches.push([start, i]);
        start = i + 1;
      } else if (
        t.text === "returning" || t.text === "limit" || t.text === "order"
      ) break;
    }
  }
  branches.push([start, i]);
  return { branches, end: i };
}

/** A branch of the shape `[NOT] col <op> value` or `col IS [NOT] NULL`. */
interface Shape {
  /** The column as written (`t.col`), lower case. */
  col: string;
  /** The column's last name (`col`). */
  name: string;
  /** `=`, `<>`, `>=`, `>`, ..., `notnull` or `null`; `NOT col = v` reads as `<>`. */
  op: string;
  /** The value's text (a number, or a short literal with its quotes). */
  value: string;
}

/** JSON path operators that extend a column (`payload->>'model'`). */
const JSON_PATH: ReadonlySet<string> = new Set(["->", "->>"]);

/** Longest literal compared by value (longer ones are masked, so equal text proves nothing). */
const MAX_VALUE = 26;

/** The shape of a branch (see {@link Shape}), or null. */
function shape(
  toks: Tok[],
  masked: string,
  [a, b]: [number, number],
): Shape | null {
  while (a < b && toks[a].kind === "open" && toks[b - 1].kind === "close") {
    a++;
    b--;
  }
  let not = false;
  if (toks[a]?.text === "not" && a < b) {
    not = true;
    a++;
  }
  // The column: names joined by dots.
  let k = a;
  const parts: string[] = [];
  while (
    k < b && (toks[k].kind === "word" || toks[k].kind === "ident") &&
    parts.length < 4
  ) {
    parts.push(toks[k].text);
    k++;
    if (toks[k]?.text !== "." || k >= b) break;
    k++;
  }
  if (parts.length === 0 || parts.some((p) => p === "")) return null;
  // `payload->>'model'`: a JSON path is part of the column (short keys only).
  while (
    k + 1 < b && JSON_PATH.has(toks[k].text) && toks[k + 1].kind === "str" &&
    toks[k + 1].end - toks[k + 1].start <= MAX_VALUE && parts.length < 8
  ) {
    parts.push(toks[k].text + masked.slice(toks[k + 1].start, toks[k + 1].end));
    k += 2;
  }
  const col = parts.join(".");
  const name = parts[parts.length - 1];
  let rest = toks.slice(k, b);
  // `NOT IN (-1)`: the sign joins its number.
  const sign = rest.findIndex((t, j) =>
    t.text === "-" && rest[j - 1]?.kind === "open" &&
    rest[j + 1]?.kind === "num"
  );
  if (sign > 0) {
    const n = rest[sign + 1];
    rest = [
      ...rest.slice(0, sign),
      { ...n, text: "-" + n.text },
      ...rest.slice(sign + 2),
    ];
  }
  if (
    !not && rest.length === 3 && rest[0].text === "is" &&
    rest[1].text === "not" && rest[2].text === "null"
  ) return { col, name, op: "notnull", value: "" };
  if (
    !not && rest.length === 2 && rest[0].text === "is" &&
    rest[1].text === "null"
  ) return { col, name, op: "null", value: "" };
  let value = "";
  let op = "";
  // `col IN ('v')`, `col NOT IN ('v')`: one value, read as `=` and `<>`.
  const inAt = rest.length === 4 ? 0 : rest.length === 5 ? 1 : -1;
  if (
    inAt >= 0 && (inAt === 0 || rest[0].text === "not") &&
    rest[inAt].text === "in" && rest[inAt + 1].kind === "open" &&
    rest[inAt + 3].kind === "close" &&
    (rest[inAt + 2].kind === "num" || rest[inAt + 2].kind === "str") &&
    rest[inAt + 2].end - rest[inAt + 2].start <= MAX_VALUE
  ) {
    const v = rest[inAt + 2];
    const negated = (inAt === 1) !== not;
    return {
      col,
      name,
      op: negated ? "<>" : "=",
      value: v.kind === "num" ? v.text : masked.slice(v.start, v.end),
    };
  }
  // `col LIKE 'v'`, `col NOT LIKE 'v'`: a pattern, paired only with its negation.
  const likeAt = rest.length === 2 ? 0 : rest.length === 3 ? 1 : -1;
  if (
    likeAt >= 0 && rest[likeAt].text === "like" &&
    (likeAt === 0 || rest[0].text === "not") &&
    rest[likeAt + 1].kind === "str" &&
    rest[likeAt + 1].end - rest[likeAt + 1].start <= MAX_VALUE
  ) {
    const v = rest[likeAt + 1];
    const negated = (likeAt === 1) !== not;
    return {
      col,
      name,
      op: negated ? "notlike" : "like",
      value: masked.slice(v.start, v.end),
    };
  }
  // `col BETWEEN 0 AND 999999999`: a numeric range, as `lo..hi`.
  if (
    !not && rest.length === 4 && rest[0].text === "between" &&
    rest[1].kind === "num" && rest[2].text === "and" && rest[3].kind === "num"
  ) {
    return {
      col,
      name,
      op: "between",
      value: `${rest[1].text}..${rest[3].text}`,
    };
  }
  if (rest.length === 2 && COMPARISON.has(rest[0].text)) {
    const v = rest[1];
    if (v.kind === "num") value = v.text;
    else if (v.kind === "str" && v.end - v.start <= MAX_VALUE) {
      value = masked.slice(v.start, v.end);
    } else return null;
    op = rest[0].text;
  } else if (
    // `col >= -1`, `col <> -1`: the sign is its own token.
    rest.length === 3 &&
    (rest[0].text === ">" || rest[0].text === ">=" || rest[0].text === "<>" ||
      rest[0].text === "!=") &&
    rest[1].text === "-" && rest[2].kind === "num"
  ) {
    op = rest[0].text;
    value = "-" + rest[2].text;
  } else return null;
  if (op === "!=") op = "<>";
  if (not) op = op === "=" ? "<>" : op === "<>" ? "=" : "";
  return op === "" ? null : { col, name, op, value };
}

/** The comparison that holds exactly where another does not. */
const COMPLEMENT: Readonly<Record<string, string>> = {
  ">": "<=",
  "<=": ">",
  "<": ">=",
  ">=": "<",
};

/** Whether a number satisfies `op value` (`5` satisfies `> 0` and `between 1..10`); false for what is not a number. */
function satisfies(x: string, op: string, value: string): boolean {
  const v = Number(x);
  if (!/^-?\d{1,15}(?:\.\d{1,8})?$/.test(x)) return false;
  if (op === "between") {
    const [lo, hi] = value.split("..").map(Number);
    return lo <= v && v <= hi;
  }
  const c = Number(value);
  if (!/^-?\d{1,15}(?:\.\d{1,8})?$/.test(value)) return false;
  return op === ">"
    ? v > c
    : op === ">="
    ? v >= c
    : op === "<"
    ? v < c
    : op === "<="
    ? v <= c
    : false;
}

/** Whether a range covers a column's whole domain: from at most 1 (`> 0`, `>= -1`, `BETWEEN 0 AND ...`) or up to a huge bound (`< 999999`); `renewals < 3` is a narrow band. */
function wide(sh: Shape): boolean {
  if (sh.op === "between") {
    const [lo, hi] = sh.value.split("..").map(Number);
    return lo <= 1 && hi >= 1e5;
  }
  const c = Number(sh.value);
  if (Number.isNaN(c)) return false;
  return sh.op === ">" ? c <= 0 : sh.op === ">=" ? c <= 1 : c >= 1e5;
}

/**
 * Whether a wide range branch holds a value another branch looks up on the same
 * column (`tenant_id = 88 OR tenant_id BETWEEN 0 AND 999999999`, `account_no
 * = 5521 OR account_no > 0`): the lookup is then redundant, which a query
 * written by hand never is and an appended range that widens it always is.
 */
function subsumes(equal: Set<string> | undefined, sh: Shape): boolean {
  if (equal === undefined || !wide(sh)) return false;
  for (const x of equal) if (satisfies(x, sh.op, sh.value)) return true;
  return false;
}

/** Whether another branch compares the same column to the same value by the complement of branch `k`'s operator. */
function complemented(shapes: (Shape | null)[], k: number): boolean {
  const a = shapes[k];
  if (a === null) return false;
  return shapes.some((b, j) =>
    j !== k && b !== null && b.col === a.col && b.value === a.value &&
    b.op === COMPLEMENT[a.op]
  );
}

/** Whether a branch is `<col> IN (SELECT <col> FROM <table>)` without a filter. */
function selfSubquery(
  toks: Tok[],
  [a, b]: [number, number],
  table: string,
): boolean {
  if (b - a !== 8) return false;
  const [c, inw, open, sel, c2, fromw, t2, close] = toks.slice(a, b);
  return (c.kind === "word" && inw.text === "in" && open.kind === "open" &&
    sel.text === "select" && c2.text === c.text && fromw.text === "from" &&
    t2.text === table && close.kind === "close");
}

/**
 * Hits of a WHERE with a branch every row satisfies (see the module note).
 * In any statement: a column compared to a value OR'ed with the same column
 * IS NOT NULL or the complementary comparison (`name = 'a' OR name <> 'a'`).
 * In a DELETE or UPDATE besides: IS NOT NULL on a column every row has, or
 * after a lookup by key; `col >= 0` on a compared or key column; a subquery
 * on the same table.
 */
export function allRowsHits(
  toks: Tok[],
  masked: string,
  lower: string,
  raw: string = masked,
): RowsHit[] {
  const hits: RowsHit[] = [];
  let depth = 0;
  for (let i = 0; i < toks.length && hits.length < MAX_ROWS_HITS; i++) {
    if (toks[i].kind === "open") depth++;
    else if (toks[i].kind === "close") depth = Math.max(0, depth - 1);
    else if (toks[i].kind === "semi") depth = 0;
    // Only the statement's own WHERE, not a subquery's.
    if (toks[i].text !== "where" || toks[i].kind !== "word" || depth > 0) {
      continue;
    }
    const verb = statementVerb(lower, toks[i].start);
    const dml = verb === "delete" || verb === "update";
    // The target table: the word after DELETE FROM / UPDATE, or after the
    // FROM nearest this WHERE in a query.
    let table = "";
    // The same name with its schema (`public.invoices`, `dbo.Invoices`).
    let qualified = "";
    for (let k = i - 1; k >= 0 && toks[k].kind !== "semi"; k--) {
      if (
        (toks[k].text === "from" || (dml && toks[k].text === "update")) &&
        toks[k + 1] !== undefined
      ) {
        table = toks[k + 1].text;
        qualified = table;
        for (
          let j = k + 2;
          j + 1 < i && toks[j].text === "." && toks[j].kind === "op" &&
          j < k + 8;
          j += 2
        ) qualified += "." + toks[j + 1].text;
        break;
      }
    }
    const { branches, end } = orBranches(toks, i + 1);
    const shapes = branches.map((br) => shape(toks, masked, br));
    const equal = new Map<string, Set<string>>();
    const likes = new Map<string, Set<string>>();
    let pointLookup = false;
    for (const sh of shapes) {
      // `code = 'C-1'` matches what `code LIKE 'C-1'` does.
      if (sh?.op === "like" || sh?.op === "=") {
        let ls = likes.get(sh.col);
        if (ls === undefined) likes.set(sh.col, ls = new Set());
        ls.add(sh.value);
      }
      if (sh === null || sh.op !== "=") continue;
      let vs = equal.get(sh.col);
      if (vs === undefined) equal.set(sh.col, vs = new Set());
      vs.add(sh.value);
      if (ALWAYS_SET.test(sh.name)) pointLookup = true;
    }
    let all = false;
    for (let k = 0; k < branches.length && !all; k++) {
      const sh = shapes[k];
      // `ts < now() + interval '100 years'`, `created_at > '1900-01-01'`,
      // `length(email) >= 0`, `coalesce(a, 0) = coalesce(a, 0)`.
      if (
        farTimeBound(toks, raw, branches[k][0], branches[k][1]) ||
        nonNegativeLength(toks, branches[k]) ||
        selfComparison(toks, masked, branches[k])
      ) {
        all = true;
        continue;
      }
      if (sh === null) {
        // `id IN (SELECT id FROM <the same table>)`: in a query, as one
        // branch of an OR (`id = 12 OR id IN (SELECT id FROM students)`);
        // in a DELETE/UPDATE also a foreign key in its parent's keys.
        all = table !== "" && selfSubquery(toks, branches[k], table) ||
          (dml && parentKeySubquery(toks, branches[k]));
        continue;
      }
      const compared = equal.has(sh.col) || likes.has(sh.col);
      if (sh.op === "notlike") {
        // `code LIKE 'C-1' OR code NOT LIKE 'C-1'`.
        all = likes.get(sh.col)?.has(sh.value) === true;
      } else if (sh.op === "null") {
        // `email IS NOT NULL OR email IS NULL`: every row is one or the other.
        all = shapes.some((o) => o?.op === "notnull" && o.col === sh.col);
      } else if (sh.op === "notnull") {
        all = compared ||
          (dml &&
            (ALWAYS_SET.test(sh.name) || ownKey(sh.name, qualified) ||
              (pointLookup && k > 0)));
      } else if (COMPLEMENT[sh.op] !== undefined && complemented(shapes, k)) {
        // `total > 0 OR total <= 0`: a comparison and its complement.
        all = true;
      } else if (sh.op === "<>") {
        // `name = 'a' OR name <> 'a'`; in a DELETE/UPDATE also `id <> 0`,
        // `id != -1`: no primary key is zero or negative.
        // A key of any table is never negative (`user_id NOT IN (-1)`).
        const n = /^-?\d{1,12}$/.test(sh.value) ? Number(sh.value) : NaN;
        all = equal.get(sh.col)?.has(sh.value) === true ||
          (dml && ownKey(sh.name, qualified) && n <= 0) ||
          (dml && KEY_COLUMN.test(sh.name) && n < 0);
      } else if (sh.op === "between") {
        // A whole key range in a DELETE/UPDATE (`id BETWEEN 1 AND 999999999`).
        const [lo, hi] = sh.value.split("..").map(Number);
        all = subsumes(equal.get(sh.col), sh) ||
          (dml && (compared || KEY_COLUMN.test(sh.name)) && lo <= 1 &&
            hi >= 1e6);
      } else if (
        (sh.op === "<" || sh.op === "<=" || sh.op === ">" || sh.op === ">=") &&
        subsumes(equal.get(sh.col), sh)
      ) {
        all = true;
      } else if (sh.op === ">=" || sh.op === ">") {
        // `id > 0`, `id >= 1`, `event_id > -1`: the whole range of a key.
        const v = Number(sh.value);
        all = (dml && (compared || KEY_COLUMN.test(sh.name)) &&
          /^-?\d{1,12}$/.test(sh.value) &&
          (sh.op === ">=" ? v <= 1 : v <= 0)) ||
          // `created_at > '1970-01-01'`: a time before any row was written.
          (dml && TIME_COLUMN.test(sh.name) && ANCIENT.test(sh.value));
      }
    }
    if (all && branches.length > (dml ? 0 : 1)) {
      hits.push({
        kind: dml ? "dml_all_rows" : "column_tautology",
        start: toks[i].start,
        end: toks[Math.max(i, end - 1)].end,
      });
    }
    i = Math.max(i, end - 1);
  }
  return hits;
}
