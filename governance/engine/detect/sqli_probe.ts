/**
 * Structural checks on a SQL statement's conditions, by tokens (the lexer of
 * `sqli_struct.ts`, on the masked statement of `sqli_lex.ts`):
 *
 * - a constant after AND (`AND 1=2`, `AND 'a'='b'`, `AND length(database())=8`,
 *   `AND ascii(substring(current_user,1,1))>64`): the yes/no question of a
 *   boolean-blind probe. The constants query builders write (`AND 1=1`,
 *   `AND 1=0`, `AND 1 != 1`, `AND true`, `AND 0`) pass unless an empty
 *   comment truncates the statement right after them;
 * - an uncorrelated subquery as a condition after AND/OR (`OR EXISTS(SELECT *
 *   FROM users)`, `AND (SELECT count(*) FROM users WHERE ...) = 1`): the
 *   same answer for every row, so a probe or a tautology; a subquery that
 *   names a table of the outer query (`EXISTS (SELECT 1 FROM orders o WHERE
 *   o.user_id = u.id)`) is an ordinary filter;
 * - a WHERE with a branch that every row satisfies: in any statement a
 *   column compared to a value and OR'ed with its complement (`name = 'a'
 *   OR name <> 'a'`, `name = 'bob' OR name IS NOT NULL`); in a DELETE or
 *   UPDATE also `OR id IS NOT NULL`, `id = 10 OR status IS NOT NULL`, `id =
 *   7 OR id >= 0`, `WHERE id IN (SELECT id FROM <the same table>)`.
 *
 * - `SELECT * FROM t ... UNION SELECT a, b`: a UNION sized to a `SELECT *`;
 *   `... WHERE id = 3 UNION SELECT email, hash FROM admins`: a UNION onto a
 *   filtered query that reads an account table.
 *
 * One pass over the tokens (at most {@link MAX_TOKENS}), linear in the text.
 *
 * @module
 */

import {
  COMPARISON,
  CONSTANT_WORDS,
  constantCondition,
  lex,
  plainlyFalse,
  PREDICATE_END,
  statementVerb,
  type Tok,
} from "./sqli_struct.ts";

/** One hit: which check fired and where (offsets in the input). */
export interface ProbeHit {
  kind:
    | "and_constant"
    | "uncorrelated_subquery"
    | "dml_all_rows"
    | "column_tautology"
    | "star_union"
    | "account_union";
  start: number;
  end: number;
}

/** Most tokens read from one statement. */
const MAX_TOKENS = 20000;

/** Most tokens of a constant read after AND (a probe is short). */
const MAX_PROBE_TOKENS = 64;

/** Most hits reported for one statement. */
const MAX_HITS = 16;

/** Constants that query builders and ORMs write after AND (tokens joined, parentheses dropped). */
const BUILDER_CONSTANTS: ReadonlySet<string> = new Set([
  "1=1",
  "1=0",
  "0=1",
  "1!=1",
  "1<>1",
  "0<>0",
  "true",
  "false",
  "1",
  "0",
]);

/** Functions whose value changes from row to row: `AND random() < 0.01` samples rows. */
const VOLATILE: ReadonlySet<string> = new Set([
  "random",
  "rand",
  "newid",
  "gen_random_uuid",
  "uuid",
  "clock_timestamp",
  "nextval",
]);

/** Key columns: serial numbers from 1 up, so `> 0` holds for every row. */
const KEY_COLUMN = /^(?:id|\w{1,40}_id|\w{1,40}id|pk|rowid|oid)$/;

/** The clock: `AND current_time > '14:00'` gates a query by the time of day, a routine condition. */
const CLOCK: ReadonlySet<string> = new Set([
  "now",
  "current_date",
  "current_time",
  "current_timestamp",
  "localtime",
  "localtimestamp",
  "sysdate",
  "systimestamp",
  "getdate",
  "getutcdate",
  "sysdatetime",
  "curdate",
  "curtime",
  "utc_timestamp",
  "statement_timestamp",
  "transaction_timestamp",
]);

/** Column names every row has a value for. */
const ALWAYS_SET =
  /^(?:id|uuid|guid|pk|rowid|oid|_id|created_at|createdat|created|inserted_at)$/;

/** Words that are not an alias after a table name. */
const NOT_ALIAS: ReadonlySet<string> = new Set([
  ...PREDICATE_END,
  "join",
  "left",
  "right",
  "inner",
  "outer",
  "full",
  "cross",
  "natural",
  "using",
  "lateral",
  "as",
  "with",
]);

/**
 * The tokens of a masked statement (at most {@link MAX_TOKENS}); a quoted
 * identifier's text is its name in lower case (`"Users"` is `users`).
 */
function tokens(masked: string): Tok[] {
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

/** For each `(` token, the index of the `)` closing it (-1 when none); one pass with a stack. */
function matchParens(toks: Tok[]): Int32Array {
  const match = new Int32Array(toks.length).fill(-1);
  const stack: number[] = [];
  for (let i = 0; i < toks.length; i++) {
    if (toks[i].kind === "open") stack.push(i);
    else if (toks[i].kind === "close" && stack.length > 0) {
      match[stack.pop() as number] = i;
    }
  }
  return match;
}

/** Longest subquery (in tokens) judged for correlation; a longer one counts as correlated. */
const MAX_SUBQUERY = 512;

/** The tokens of a statement with their parenthesis pairs and per-subquery answers. */
interface Walk {
  toks: Tok[];
  match: Int32Array;
  /** Whether the subquery opened at an index is uncorrelated (computed once each). */
  own: Map<number, boolean>;
}

/** Whether the subquery opened at token `open` is uncorrelated (see {@link uncorrelated}), cached. */
function ownTables(w: Walk, open: number): boolean {
  let v = w.own.get(open);
  if (v === undefined) {
    const close = w.match[open];
    v = close > 0 && close - open <= MAX_SUBQUERY &&
      uncorrelated(w.toks, open + 1, close);
    w.own.set(open, v);
  }
  return v;
}

/** The constant's tokens joined, without enclosing parentheses. */
function joined(toks: Tok[]): string {
  let a = 0;
  let b = toks.length;
  while (a < b && toks[a].kind === "open" && toks[b - 1].kind === "close") {
    a++;
    b--;
  }
  return toks.slice(a, b).map((t) => t.text).join("");
}

/** Whether an empty comment (`--`, `-- -`, `#`) follows: the rest of the statement cut off. */
function emptyComment(masked: string, t: Tok | null): boolean {
  return t !== null && t.kind === "comment" &&
    /^(?:--|#)[\s\-+#]{0,8}$/.test(masked.slice(t.start, t.end));
}

/**
 * Whether the subquery between tokens `a` and `b` (exclusive) reads only its
 * own tables: no `x.col` whose `x` is not a table or alias of its FROM.
 */
function uncorrelated(toks: Tok[], a: number, b: number): boolean {
  const names = new Set<string>();
  let from = false;
  for (let i = a; i < b; i++) {
    const t = toks[i];
    if (t.kind !== "word" && t.kind !== "ident") {
      if (t.kind === "comma" || t.text === ".") continue;
      from = false;
      continue;
    }
    if (t.text === "from" || t.text === "join") {
      from = true;
      continue;
    }
    if (!from) continue;
    if (NOT_ALIAS.has(t.text)) {
      if (t.text !== "as") from = false;
      continue;
    }
    // `staff s2`, `public.users AS u`: an aliased table is named by its
    // alias only, so `staff.id` inside refers to the outer query's table.
    const before = toks[i - 1]?.text === "as" ? toks[i - 2] : toks[i - 1];
    if (
      before !== undefined &&
      (before.kind === "word" || before.kind === "ident") &&
      !NOT_ALIAS.has(before.text) && before.text !== "from" &&
      before.text !== "join"
    ) names.delete(before.text);
    names.add(t.text);
  }
  if (names.size === 0) return true;
  for (let i = a + 1; i < b - 1; i++) {
    const t = toks[i];
    if (toks[i + 1].text !== "." || (t.kind !== "word" && t.kind !== "ident")) {
      continue;
    }
    // `schema.table` inside FROM is a name, not a reference.
    if (!names.has(t.text) && toks[i - 1].text !== ".") return false;
  }
  return true;
}

/**
 * Reads the condition starting at token `from` (after AND or OR): when it
 * holds at least one subquery, every subquery reads only its own tables and
 * nothing outside them is a column, parameter or variable (`EXISTS (SELECT
 * * FROM users)`, `(SELECT count(*) FROM users WHERE name = 'x') = 1`,
 * `json_extract((SELECT group_concat(secret) FROM api_keys), '$') IS NOT
 * NULL`), returns the index of its last token; otherwise -1.
 */
function subqueryCondition(w: Walk, from: number): number {
  const toks = w.toks;
  let depth = 0;
  let between = false;
  let subqueries = 0;
  let last = -1;
  for (let i = from; i < toks.length && i - from < MAX_CONDITION; i++) {
    const t = toks[i];
    if (t.kind === "open") {
      if (toks[i + 1]?.text === "select") {
        if (!ownTables(w, i)) return -1;
        subqueries++;
        last = i = w.match[i];
        continue;
      }
      depth++;
    } else if (t.kind === "close") {
      if (depth === 0) break;
      depth--;
    } else if (t.kind === "semi" || t.kind === "comment") {
      if (depth === 0) break;
      return -1;
    } else if (t.kind === "ident" || t.kind === "param") return -1;
    else if (t.kind === "word") {
      if (depth === 0) {
        if (t.text === "between") between = true;
        else if (t.text === "and" && between) between = false;
        else if (PREDICATE_END.has(t.text)) break;
      }
      const call = toks[i + 1]?.kind === "open";
      if (!call && !CONSTANT_WORDS.has(t.text)) return -1;
    } else if (t.kind === "op" && t.text === ".") return -1;
    last = i;
  }
  return subqueries > 0 ? last : -1;
}

/** Most tokens read for one condition outside its subqueries. */
const MAX_CONDITION = 256;

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
  /** `=`, `<>`, `>=`, `>`, ..., or `notnull`; `NOT col = v` reads as `<>`. */
  op: string;
  /** The value's text (a number, or a short literal with its quotes). */
  value: string;
}

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
  const col = parts.join(".");
  const name = parts[parts.length - 1];
  const rest = toks.slice(k, b);
  if (
    !not && rest.length === 3 && rest[0].text === "is" &&
    rest[1].text === "not" && rest[2].text === "null"
  ) return { col, name, op: "notnull", value: "" };
  let value = "";
  let op = "";
  if (rest.length === 2 && COMPARISON.has(rest[0].text)) {
    const v = rest[1];
    if (v.kind === "num") value = v.text;
    else if (v.kind === "str" && v.end - v.start <= MAX_VALUE) {
      value = masked.slice(v.start, v.end);
    } else return null;
    op = rest[0].text;
  } else if (
    // `col >= -1`: the sign is its own token.
    rest.length === 3 && (rest[0].text === ">" || rest[0].text === ">=") &&
    rest[1].text === "-" && rest[2].kind === "num"
  ) {
    op = rest[0].text;
    value = "-" + rest[2].text;
  } else return null;
  if (op === "!=") op = "<>";
  if (not) op = op === "=" ? "<>" : op === "<>" ? "=" : "";
  return op === "" ? null : { col, name, op, value };
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
function allRows(
  toks: Tok[],
  masked: string,
  lower: string,
  hits: ProbeHit[],
): void {
  let depth = 0;
  for (let i = 0; i < toks.length && hits.length < MAX_HITS; i++) {
    if (toks[i].kind === "open") depth++;
    else if (toks[i].kind === "close") depth = Math.max(0, depth - 1);
    else if (toks[i].kind === "semi") depth = 0;
    // Only the statement's own WHERE, not a subquery's.
    if (toks[i].text !== "where" || toks[i].kind !== "word" || depth > 0) {
      continue;
    }
    const verb = statementVerb(lower, toks[i].start);
    const dml = verb === "delete" || verb === "update";
    // The target table: the word after DELETE FROM / UPDATE.
    let table = "";
    for (let k = i - 1; dml && k >= 0 && toks[k].kind !== "semi"; k--) {
      if (
        (toks[k].text === "from" || toks[k].text === "update") &&
        toks[k + 1] !== undefined
      ) {
        table = toks[k + 1].text;
        break;
      }
    }
    const { branches, end } = orBranches(toks, i + 1);
    const shapes = branches.map((br) => shape(toks, masked, br));
    const equal = new Map<string, Set<string>>();
    let pointLookup = false;
    for (const sh of shapes) {
      if (sh === null || sh.op !== "=") continue;
      let vs = equal.get(sh.col);
      if (vs === undefined) equal.set(sh.col, vs = new Set());
      vs.add(sh.value);
      if (ALWAYS_SET.test(sh.name)) pointLookup = true;
    }
    let all = false;
    for (let k = 0; k < branches.length && !all; k++) {
      const sh = shapes[k];
      if (sh === null) {
        all = dml && table !== "" && selfSubquery(toks, branches[k], table);
        continue;
      }
      const compared = equal.has(sh.col);
      if (sh.op === "notnull") {
        all = compared ||
          (dml && (ALWAYS_SET.test(sh.name) || (pointLookup && k > 0)));
      } else if (sh.op === "<>") {
        all = equal.get(sh.col)?.has(sh.value) === true;
      } else if (sh.op === ">=" || sh.op === ">") {
        // `id > 0`, `id >= 1`, `event_id > -1`: the whole range of a key.
        const v = Number(sh.value);
        all = dml && (compared || KEY_COLUMN.test(sh.name)) &&
          /^-?\d{1,12}$/.test(sh.value) &&
          (sh.op === ">=" ? v <= 1 : v <= 0);
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
}

/**
 * `SELECT * FROM t ... UNION SELECT a, b ...`: the first query returns a
 * table's every column and the second an explicit list sized to match it,
 * which is how an injected UNION reads another table through a `SELECT *`
 * (a query written as a union lists the same columns on both sides, or `*`
 * on both). Only a statement's top-level SELECT and UNION count.
 */
function starUnion(toks: Tok[], hits: ProbeHit[]): void {
  let depth = 0;
  let star = -1;
  for (let i = 0; i < toks.length && hits.length < MAX_HITS; i++) {
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

/** Tables of accounts and their credentials. */
const ACCOUNT_TABLE =
  /^(?:users?|app_users?|auth_users?|admins?|administrators?|accounts?|members?|staff|logins?|credentials?|passwords?|operators?|employees?|customers?|sys_users?)$/;

/**
 * `... WHERE id = 3 UNION SELECT email, hash FROM admins`: a query filtered
 * to a value, UNIONed with an unfiltered read of an account table that the
 * first query does not read. The UNION rides on the value an application
 * put in the filter; a query written as a union of accounts has no such
 * filter before it (`SELECT email FROM subscribers UNION SELECT email FROM
 * users`) or filters both sides alike (`... WHERE country = 'FR' UNION
 * SELECT name FROM staff WHERE country = 'FR'`).
 */
function accountUnion(toks: Tok[], hits: ProbeHit[]): void {
  let depth = 0;
  let firstTable = "";
  let seenFrom = false;
  for (let i = 0; i < toks.length && hits.length < MAX_HITS; i++) {
    const t = toks[i];
    if (t.kind === "open") depth++;
    else if (t.kind === "close") depth = Math.max(0, depth - 1);
    else if (t.kind === "semi") {
      depth = 0;
      firstTable = "";
      seenFrom = false;
    }
    if (depth > 0 || t.kind !== "word") continue;
    if (t.text === "from" && !seenFrom) {
      seenFrom = true;
      const n = toks[i + 1];
      firstTable = n !== undefined && (n.kind === "word" || n.kind === "ident")
        ? n.text
        : "";
      continue;
    }
    if (
      t.text !== "union" || firstTable === "" || ACCOUNT_TABLE.test(firstTable)
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
    // The second query reads an account table.
    for (let j = i + 1; j < toks.length && j - i < 200; j++) {
      const u = toks[j];
      if (u.kind === "semi" || (u.kind === "word" && u.text === "union")) break;
      if (u.kind !== "word" || u.text !== "from") continue;
      const n = toks[j + 1];
      if (
        n !== undefined && ACCOUNT_TABLE.test(n.text) &&
        n.text !== firstTable && !filtered(toks, j + 2)
      ) {
        hits.push({ kind: "account_union", start: t.start, end: n.end });
        return;
      }
      break;
    }
  }
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

/** Structural hits in a masked SQL statement (see the module note); `lower` is the same text in lower case. */
export function probeHits(
  masked: string,
  lower: string = masked.toLowerCase(),
): ProbeHit[] {
  const hits: ProbeHit[] = [];
  const toks = tokens(masked);
  const walk: Walk = { toks, match: matchParens(toks), own: new Map() };
  // BETWEEN ... AND: the AND is part of the range, per parenthesis depth.
  const between: boolean[] = [false];
  for (let i = 0; i < toks.length && hits.length < MAX_HITS; i++) {
    const t = toks[i];
    if (t.kind === "open") {
      between.push(false);
      continue;
    }
    if (t.kind === "close") {
      if (between.length > 1) between.pop();
      continue;
    }
    if (t.kind === "semi") between.length = 1;
    if (t.kind !== "word") continue;
    const d = between.length - 1;
    if (t.text === "between") {
      between[d] = true;
      continue;
    }
    if (t.text === "where") {
      // WHERE <false> UNION SELECT: only the second query's rows come back.
      const c = constantCondition(masked, t.end, MAX_PROBE_TOKENS);
      if (c !== null && c.next?.text === "union" && plainlyFalse(c.toks)) {
        hits.push({
          kind: "and_constant",
          start: t.start,
          end: c.toks[c.toks.length - 1].end,
        });
      }
      continue;
    }
    if (t.text !== "and" && t.text !== "or") continue;
    if (t.text === "and" && between[d]) {
      between[d] = false;
      continue;
    }
    // A condition whose only reads are uncorrelated subqueries.
    const sub = subqueryCondition(walk, i + 1);
    if (sub >= 0) {
      hits.push({
        kind: "uncorrelated_subquery",
        start: t.start,
        end: toks[sub].end,
      });
      i = sub;
      continue;
    }
    // A subquery was judged just above; any other reads a table, so it is not a constant.
    if (t.text !== "and" || toks[i + 2]?.text === "select") continue;
    const c = constantCondition(masked, t.end, MAX_PROBE_TOKENS);
    if (
      c === null ||
      c.toks.some((x) => VOLATILE.has(x.text) || CLOCK.has(x.text))
    ) continue;
    // A builder's constant passes, unless the statement is cut off after it
    // or a UNION follows (`AND 1=0 UNION SELECT`: the first query emptied).
    if (
      BUILDER_CONSTANTS.has(joined(c.toks)) && !emptyComment(masked, c.next) &&
      c.next?.text !== "union"
    ) continue;
    hits.push({
      kind: "and_constant",
      start: t.start,
      end: c.toks[c.toks.length - 1].end,
    });
  }
  allRows(toks, masked, lower, hits);
  starUnion(toks, hits);
  accountUnion(toks, hits);
  return hits;
}
