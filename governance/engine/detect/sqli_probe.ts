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
 * - a constant branch condition (`ORDER BY IF(1=1, a, b)`, `CASE WHEN 2>1
 *   THEN`): the same branch for every row, a question asked outside WHERE;
 *
 * It also gathers the hits of `sqli_rows.ts` (WHERE clauses every row
 * satisfies), `sqli_union.ts` (UNIONs reading other tables or counting
 * columns), `sqli_ops.ts` (MySQL's `&&`, `||` and string arithmetic) and
 * `sqli_stacked.ts` (server administration stacked onto a value) and
 * `sqli_subquery.ts` (unfiltered reads of account or catalogue tables
 * nested as a value) and `sqli_login.ts` (an OR round a password check),
 * which read the same tokens.
 *
 * One pass over the tokens, linear in the text.
 *
 * @module
 */

import {
  CONSTANT_WORDS,
  constantCondition,
  plainlyFalse,
  PREDICATE_END,
  statementTokens,
  type Tok,
} from "./sqli_struct.ts";
import { allRowsHits } from "./sqli_rows.ts";
import { unionHits } from "./sqli_union.ts";
import { conditionShape, operatorHits } from "./sqli_ops.ts";
import { stackedHits } from "./sqli_stacked.ts";
import { subqueryHits } from "./sqli_subquery.ts";
import { loginHits } from "./sqli_login.ts";
import { charHits } from "./sqli_chars.ts";
import { ACCOUNT_TABLE } from "./sqli_names.ts";

/** One hit: which check fired and where (offsets in the input). */
export interface ProbeHit {
  kind:
    | "and_constant"
    | "uncorrelated_subquery"
    | "dml_all_rows"
    | "column_tautology"
    | "star_union"
    | "account_union"
    | "branch_constant"
    | "count_union"
    | "symbol_logic"
    | "string_arithmetic"
    | "zero_division"
    | "stacked_admin"
    | "piggyback_read"
    | "login_bypass"
    | "secret_char";
  start: number;
  end: number;
}

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
      // `(SELECT ...)::regclass`: the word after a cast is a type.
      const cast = toks[i - 1]?.kind === "op" && toks[i - 1].text === "::";
      if (!call && !cast && !CONSTANT_WORDS.has(t.text)) return -1;
    } else if (t.kind === "op" && t.text === ".") return -1;
    last = i;
  }
  return subqueries > 0 ? last : -1;
}

/** Most tokens read for one condition outside its subqueries. */
const MAX_CONDITION = 256;

/** Tokens before `IF(` that make it the function (an expression), not T-SQL's IF statement. */
const EXPRESSION_BEFORE: ReadonlySet<string> = new Set([
  "by",
  "select",
  "where",
  "and",
  "or",
  "not",
  "when",
  "then",
  "having",
  "on",
  ",",
  "(",
  "=",
  "<>",
  "!=",
  "<",
  ">",
  "<=",
  ">=",
]);

/** Functions that cut a value into characters or measure it: how blind injection reads a secret one character at a time. */
const EXTRACT: ReadonlySet<string> = new Set([
  "substr",
  "substring",
  "mid",
  "left",
  "right",
  "ascii",
  "ord",
  "unicode",
  "length",
  "char_length",
  "len",
  "hex",
  "instr",
  "locate",
  "position",
  "strpos",
  "charindex",
]);

/**
 * The branch condition of `CASE WHEN c THEN` or the first argument of
 * `IF(c, a, b)` / `IIF(c, a, b)` at token `at` when it reads no column,
 * parameter or variable (`ORDER BY IF(1=1, amount, id)`, `CASE WHEN 2>1
 * THEN`): the same branch for every row, so a yes/no question asked through
 * ORDER BY or a select list. Returns the end offset of the condition, or -1.
 * The condition is literals alone or cuts a value into characters; the
 * clock, random numbers, a session name compared to a name (a view masking
 * a column by role) and a whole setting compared (a DBA's version switch)
 * are ordinary branches.
 */
function branchConstant(toks: Tok[], at: number, masked: string): number {
  const t = toks[at];
  let from = t.end;
  let comma = false;
  if (t.text !== "when") {
    const p = toks[at - 1];
    if (
      toks[at + 1]?.kind !== "open" || p === undefined ||
      !EXPRESSION_BEFORE.has(p.text)
    ) return -1;
    from = toks[at + 1].end;
    comma = true;
  }
  const c = constantCondition(masked, from, MAX_PROBE_TOKENS, comma);
  // `CASE status WHEN 1 THEN`: a simple CASE's WHEN holds a value, not a condition.
  if (c === null || !conditionShape(c.toks) || c.toks.length < 2) return -1;
  if (comma ? c.next?.kind !== "comma" : c.next?.text !== "then") return -1;
  if (c.toks.some((x) => VOLATILE.has(x.text) || CLOCK.has(x.text))) return -1;
  // Literals alone (`1=1`, `'a'='a'`), or a value cut into characters
  // (`ascii(substr(user(),1,1)) > 100`): a whole setting or version compared
  // (`current_setting('server_version_num')::int >= 160000`) is a DBA's branch.
  const literal = c.toks.every((x) =>
    x.kind === "num" || x.kind === "str" || x.kind === "op" ||
    x.kind === "open" || x.kind === "close" ||
    (x.kind === "word" && (x.text === "not" || x.text === "like" ||
      x.text === "true" || x.text === "false" || x.text === "between" ||
      x.text === "and" || x.text === "in" || x.text === "is" ||
      x.text === "null"))
  );
  const extracts = c.toks.some((x, k) =>
    x.kind === "word" && c.toks[k + 1]?.kind === "open" &&
    EXTRACT.has(x.text)
  );
  return literal || extracts ? c.toks[c.toks.length - 1].end : -1;
}

/**
 * `CASE WHEN (SELECT count(*) FROM agent_logins) > 3 THEN`: a branch whose
 * only reads are uncorrelated subqueries of an account or secret table, a
 * yes/no question about the accounts asked through the query's order or
 * output. (A branch on a catalogue, `(SELECT count(*) FROM
 * pg_stat_activity) > 100`, is a DBA's monitoring query and passes.)
 * Returns the end offset of the condition, or -1.
 */
function accountBranch(
  w: Walk,
  at: number,
  aboutOther: () => boolean,
): number {
  const last = subqueryCondition(w, at + 1);
  if (last < 0 || w.toks[last + 1]?.text !== "then") return -1;
  let account = false;
  for (let k = at + 1; k < last; k++) {
    const n = w.toks[k + 1];
    // A parameter: the application's own question (`EXISTS (... WHERE email = $1)`).
    if (w.toks[k].kind === "param") return -1;
    if (
      w.toks[k].text === "from" && n !== undefined &&
      (n.kind === "word" || n.kind === "ident") && ACCOUNT_TABLE.test(n.text)
    ) account = true;
  }
  return account && aboutOther() ? w.toks[last].end : -1;
}

/** Whether the first statement's top-level FROM names a table that is not an account table (the question rides on a query about something else). */
function otherTable(toks: Tok[]): boolean {
  let depth = 0;
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k];
    if (t.kind === "open") depth++;
    else if (t.kind === "close") depth = Math.max(0, depth - 1);
    else if (t.kind === "semi") return false;
    else if (depth === 0 && t.text === "from") {
      const n = toks[k + 1];
      return n !== undefined && (n.kind === "word" || n.kind === "ident") &&
        !ACCOUNT_TABLE.test(n.text);
    }
  }
  return false;
}

/** Structural hits in a masked SQL statement (see the module note); `lower` is the same text in lower case. */
export function probeHits(
  masked: string,
  lower: string = masked.toLowerCase(),
  raw: string = masked,
): ProbeHit[] {
  const hits: ProbeHit[] = [];
  const toks = statementTokens(masked);
  const walk: Walk = { toks, match: matchParens(toks), own: new Map() };
  // Whether the statement is about a table other than an account table (read once).
  let other: boolean | undefined;
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
    if (t.text === "when" || t.text === "if" || t.text === "iif") {
      let end = branchConstant(toks, i, masked);
      if (end < 0 && t.text === "when") {
        end = accountBranch(walk, i, () => other ??= otherTable(toks));
      }
      if (end > 0 && t.start >= (hits[hits.length - 1]?.end ?? 0)) {
        hits.push({ kind: "branch_constant", start: t.start, end });
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
  hits.push(
    ...allRowsHits(toks, masked, lower, raw),
    ...unionHits(toks, masked),
    ...operatorHits(toks, masked),
    ...stackedHits(toks, masked),
    ...subqueryHits(toks, masked),
    ...loginHits(toks),
    ...charHits(toks),
  );
  return hits;
}
