/**
 * A scalar subquery that reads an account or secret table, a system
 * catalogue, or a column that holds a secret, without a filter, nested as a value in a statement about
 * another table, by tokens (the lexer of `sqli_struct.ts` on the masked
 * statement of `sqli_lex.ts`): `VALUES (5, (SELECT pass FROM admins LIMIT
 * 1))`, `SET bio = (SELECT group_concat(table_name) FROM
 * information_schema.tables)`, `SELECT id, (SELECT email FROM users LIMIT
 * 1) FROM orders`, `LIMIT (SELECT length(totp_secret) FROM players LIMIT
 * 1)`. That copies someone's credentials or the database's map
 * into a field the attacker can read (the second-order way out when the
 * query's own rows are not shown).
 *
 * A secret column read through a filter of the subquery's own (`(SELECT
 * pass_digest FROM technicians WHERE login = 'root')`) counts too. A
 * subquery that filters otherwise (`(SELECT id FROM users WHERE email =
 * 'x')`, one correlated with the outer row),
 * tests membership (`user_id NOT IN (SELECT id FROM users)`, `EXISTS`),
 * counts or takes a maximum (`(SELECT count(*) FROM users)`), or reads only
 * keys (`(SELECT id FROM users ORDER BY id LIMIT 1)`, a seed script picking
 * an owner) is ordinary.
 *
 * The same copy written as `INSERT INTO notes (...) SELECT 5, login || ':'
 * || pwd_hash FROM agent_logins` counts: an INSERT whose SELECT joins a
 * secret column into a text, from an account table into a table of another
 * name (a migration copies accounts into `users_v2` or `archive.users`, and a
 * password history copies the hash as it is: both pass).
 *
 * One pass over the tokens; each subquery's head is read a bounded number of
 * tokens.
 *
 * @module
 */

import type { Tok } from "./sqli_struct.ts";
import { ACCOUNT_TABLE, CATALOG_TABLE, SECRET_COLUMN } from "./sqli_names.ts";

/** One hit: the subquery (offsets in the input). */
export interface SubqueryHit {
  kind: "piggyback_read";
  start: number;
  end: number;
}

/** Most hits reported for one statement. */
const MAX_SUBQUERY_HITS = 16;

/** Most tokens of a subquery read. */
const MAX_HEAD = 128;

/** Words before `(SELECT` that make the subquery a value; after IN, EXISTS, ANY, FROM, JOIN, AS or a name it is a membership test, a derived table, a CTE or a call. */
const VALUE_AFTER: ReadonlySet<string> = new Set([
  "select",
  "by",
  "then",
  "else",
  "when",
  "values",
  "and",
  "or",
  "where",
  "not",
  "limit",
  "offset",
  "top",
]);

/** Aggregates whose value is a number, not the rows' contents. */
const NUMERIC_AGGREGATE: ReadonlySet<string> = new Set([
  "count",
  "max",
  "min",
  "sum",
  "avg",
]);

/** Aggregates that join every row's value into one. */
const STRING_AGGREGATE: ReadonlySet<string> = new Set([
  "group_concat",
  "string_agg",
  "listagg",
  "json_agg",
  "jsonb_agg",
  "json_arrayagg",
  "array_agg",
  "xmlagg",
  "json_group_array",
]);

/** Functions that name the server, its version or its database: a subquery of them alone copies the fingerprint into a value (the current user, which audit columns record, is not one). */
const SERVER_INFO: ReadonlySet<string> = new Set([
  "version",
  "database",
  "schema",
  "current_database",
  "db_name",
  "user",
  "system_user",
  "suser_sname",
  "suser_name",
  "host_name",
  "serverproperty",
  "sqlite_version",
  "inet_server_addr",
  "load_file",
  "pg_read_file",
]);

/** MySQL and SQL Server variables that name the server. */
const SERVER_VARIABLE =
  /^@@(?:version(?:_comment|_compile_os)?|hostname|datadir|basedir|servername|servicename|tmpdir|plugin_dir|secure_file_priv)$/i;

/** Key columns: reading one names a row, not its secrets. */
const KEY = /^(?:id|\w{1,40}_id|uuid|pk|rowid|oid)$/;

/** Words of a select list that are not column names. */
const NOT_COLUMN: ReadonlySet<string> = new Set([
  "as",
  "distinct",
  "all",
  "top",
  "null",
  "true",
  "false",
]);

/** Words that end a subquery's head: a filter or a join makes it ordinary. */
const FILTERS: ReadonlySet<string> = new Set([
  "where",
  "join",
  "having",
  "group",
]);

/** The statement's own table: the first name after FROM, INTO or UPDATE outside parentheses. */
function outerTable(toks: Tok[]): string {
  let depth = 0;
  for (let i = 0; i < toks.length - 1 && i < 4096; i++) {
    const t = toks[i];
    if (t.kind === "open") depth++;
    else if (t.kind === "close") depth = Math.max(0, depth - 1);
    else if (
      depth === 0 && t.kind === "word" &&
      (t.text === "from" || t.text === "into" || t.text === "update")
    ) {
      const n = toks[i + 1];
      if (n.kind === "word" || n.kind === "ident") return n.text;
    }
  }
  return "";
}

/**
 * Judges the subquery opened at token `open` (its SELECT at `open + 1`):
 * returns true when it reads an account or catalogue table unfiltered, and
 * its list holds a column other than a key or a string aggregate.
 */
function piggyback(
  toks: Tok[],
  open: number,
  outer: string,
  masked: string,
): boolean {
  /** A name's text; the lexer leaves a word over 16 letters without one. */
  const text = (t: Tok | undefined): string =>
    t === undefined
      ? ""
      : t.kind === "word" && t.text === ""
      ? masked.slice(t.start, Math.min(t.end, t.start + 64)).toLowerCase()
      : t.text;
  let depth = 0;
  let columns = false;
  let secret = false;
  let joined = false;
  let table = "";
  let schema = "";
  let inList = true;
  let server = false;
  for (let j = open + 2; j < toks.length && j - open < MAX_HEAD; j++) {
    const t = toks[j];
    if (t.kind === "open") {
      depth++;
      continue;
    }
    if (t.kind === "close") {
      if (depth === 0) break;
      depth--;
      continue;
    }
    if (t.kind === "semi") return false;
    if (depth > 0 && !inList) continue;
    // `@@version`, `@@hostname`: the server's identity.
    if (
      inList && t.kind === "param" &&
      SERVER_VARIABLE.test(masked.slice(t.start, t.end))
    ) server = true;
    if (t.kind !== "word" && t.kind !== "ident") continue;
    const next = toks[j + 1];
    if (depth === 0 && t.kind === "word" && FILTERS.has(t.text)) {
      // Filtered: still a read of a secret when the filter is a value of
      // its own (`WHERE login = 'root'`), not a row of the outer query.
      // A catalogue joined into one value is the database's map, filtered or
      // not (`group_concat(table_name) ... WHERE table_schema = database()`).
      const map = joined &&
        (CATALOG_TABLE.test(table) ||
          (schema !== "" && CATALOG_TABLE.test(schema)));
      return (secret || map) && table !== outer &&
        uncorrelatedTail(toks, j, open);
    }
    if (inList) {
      if (depth === 0 && t.text === "from") {
        inList = false;
        const n = toks[j + 1];
        if (n === undefined || (n.kind !== "word" && n.kind !== "ident")) {
          return false;
        }
        if (toks[j + 2]?.text === ".") {
          schema = text(n);
          table = text(toks[j + 3]);
        } else table = text(n);
        j++;
        continue;
      }
      if (next?.kind === "open") {
        if (STRING_AGGREGATE.has(t.text)) joined = true;
        if (SERVER_INFO.has(t.text)) server = true;
        // count(...), max(...): skip to the call's close.
        if (NUMERIC_AGGREGATE.has(t.text)) {
          let d = 0;
          for (j++; j < toks.length && j - open < MAX_HEAD; j++) {
            if (toks[j].kind === "open") d++;
            else if (toks[j].kind === "close" && --d === 0) break;
          }
        }
        continue;
      }
      if (next?.text === ".") continue;
      if (t.kind === "word" && NOT_COLUMN.has(t.text)) continue;
      if (!KEY.test(t.text)) columns = true;
      if (SECRET_COLUMN.test(text(t))) secret = true;
    }
  }
  // `(SELECT version())`: the server's identity copied into a value.
  if (table === "") return server && outer !== "";
  if (table === outer) return false;
  // A secret column read unfiltered, from whatever table.
  if (secret) return true;
  const sensitive = ACCOUNT_TABLE.test(table) || CATALOG_TABLE.test(table) ||
    (schema !== "" && CATALOG_TABLE.test(schema));
  return sensitive && (columns || joined);
}

/** Whether the rest of a subquery from token `j` (its WHERE) names no qualified column (`o.user_id`) and no JOIN: it filters by values of its own. */
function uncorrelatedTail(toks: Tok[], j: number, open: number): boolean {
  if (toks[j].text !== "where") return false;
  let depth = 0;
  for (let k = j + 1; k < toks.length && k - open < MAX_HEAD; k++) {
    const t = toks[k];
    if (t.kind === "open") depth++;
    else if (t.kind === "close") {
      if (depth === 0) return true;
      depth--;
    } else if (t.kind === "op" && t.text === ".") return false;
    else if (t.kind === "semi" || t.kind === "param") return false;
  }
  return false;
}

/** The last part of a (possibly qualified) name starting at token `i`, and the index after it. */
function nameAt(toks: Tok[], i: number): { name: string; next: number } {
  let k = i;
  while (
    (toks[k]?.kind === "word" || toks[k]?.kind === "ident") &&
    toks[k + 1]?.text === "." && k - i < 6
  ) k += 2;
  const t = toks[k];
  return t !== undefined && (t.kind === "word" || t.kind === "ident")
    ? { name: t.text, next: k + 1 }
    : { name: "", next: k };
}

/** Calls that join their arguments into one text. */
const CONCAT: ReadonlySet<string> = new Set(["concat", "concat_ws"]);

/** Whether a token joins two values into one text (`||`, T-SQL's `+`). */
const joins = (t: Tok | undefined): boolean =>
  t !== undefined && t.kind === "op" && (t.text === "||" || t.text === "+");

/** The hit of `INSERT INTO t ... SELECT <secret> FROM <account table>` at token `i` (its INSERT), or undefined (see the module note). */
function insertCopy(toks: Tok[], i: number): SubqueryHit | undefined {
  if (toks[i + 1]?.text !== "into") return undefined;
  const target = nameAt(toks, i + 2);
  if (target.name === "" || ACCOUNT_TABLE.test(target.name)) return undefined;
  let depth = 0;
  let list = false;
  let secret = false;
  let concat = false;
  for (let j = target.next; j < toks.length && j - i < MAX_HEAD * 2; j++) {
    const t = toks[j];
    if (t.kind === "open") depth++;
    else if (t.kind === "close") depth = Math.max(0, depth - 1);
    else if (t.kind === "semi") return undefined;
    else if (depth === 0 && t.kind === "word") {
      if (!list) {
        if (t.text === "values") return undefined;
        if (t.text === "select") list = true;
        continue;
      }
      if (t.text === "from") {
        const source = nameAt(toks, j + 1).name;
        if (
          !secret || source === "" || !ACCOUNT_TABLE.test(source) ||
          source.includes(target.name) || target.name.includes(source)
        ) return undefined;
        return { kind: "piggyback_read", start: toks[i].start, end: t.end };
      }
    }
    // The secret joined into a text (`login || ':' || pwd_hash`,
    // `concat(login, pwd_hash)`); copied as it is, it is a migration or a
    // password history.
    if (
      list && (t.kind === "word" || t.kind === "ident") &&
      SECRET_COLUMN.test(t.text) &&
      (joins(toks[j - 1]) || joins(toks[j + 1]) || (depth > 0 && concat))
    ) secret = true;
    if (list && t.kind === "word" && toks[j + 1]?.kind === "open") {
      concat = CONCAT.has(t.text) || STRING_AGGREGATE.has(t.text);
    }
  }
  return undefined;
}

/** The hits of a masked statement's tokens (see the module note). */
export function subqueryHits(toks: Tok[], masked: string): SubqueryHit[] {
  const hits: SubqueryHit[] = [];
  for (let i = 0; i < toks.length && hits.length < MAX_SUBQUERY_HITS; i++) {
    const t = toks[i];
    if (t.kind !== "word" || t.text !== "insert") continue;
    if (i > 0 && toks[i - 1].kind !== "semi") continue;
    const h = insertCopy(toks, i);
    if (h !== undefined) hits.push(h);
  }
  let outer: string | undefined;
  for (let i = 1; i < toks.length && hits.length < MAX_SUBQUERY_HITS; i++) {
    if (toks[i].kind !== "open" || toks[i + 1]?.text !== "select") continue;
    const p = toks[i - 1];
    const value = p.kind === "comma" || p.kind === "open" || p.kind === "op" ||
      (p.kind === "word" && VALUE_AFTER.has(p.text));
    if (!value) continue;
    outer ??= outerTable(toks);
    if (!piggyback(toks, i, outer, masked)) continue;
    hits.push({
      kind: "piggyback_read",
      start: toks[i].start,
      end: toks[i + 1].end,
    });
  }
  return hits;
}
