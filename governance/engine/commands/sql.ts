/**
 * Database clients: extracts the SQL handed to psql, mysql, mariadb,
 * sqlite3, duckdb, clickhouse, cockroach, sqlcmd… (options, positional SQL,
 * heredocs, here-strings, `echo … | psql`) and judges destructive
 * statements; redis-cli FLUSHALL, mongo dropDatabase(), dropdb.
 *
 * @module
 */

import type { State, Unit } from "./unit.ts";
import type { Pipe } from "./walk.ts";
import { stdinOf } from "./writes.ts";

interface ClientSpec {
  /** Options whose value is SQL. */
  sql: RegExp;
  /** Options that take some other value (skipped). */
  values: RegExp;
  /** Positional index where SQL starts (sqlite3 DB "SQL"), or -1. */
  positionalSql: number;
}

const CLIENTS: Readonly<Record<string, ClientSpec>> = {
  psql: {
    sql: /^(-c|--command)$/,
    values:
      /^(-d|-h|-p|-U|-f|-v|-o|-P|-T|-F|-R|-L|--dbname|--host|--port|--username|--file|--set|--variable|--output|--pset|--log-file)$/,
    positionalSql: -1,
  },
  mysql: {
    sql: /^(-e|--execute)$/,
    values:
      /^(-u|-h|-p|-P|-D|-S|--user|--host|--port|--database|--socket|--defaults-file)$/,
    positionalSql: -1,
  },
  mariadb: {
    sql: /^(-e|--execute)$/,
    values: /^(-u|-h|-P|-D|-S|--user|--host|--port|--database|--socket)$/,
    positionalSql: -1,
  },
  sqlite3: {
    sql: /^-cmd$/,
    values: /^(-separator|-nullvalue|-newline|-init|-vfs)$/,
    positionalSql: 1,
  },
  sqlite: {
    sql: /^-cmd$/,
    values: /^(-separator|-nullvalue|-newline|-init)$/,
    positionalSql: 1,
  },
  duckdb: {
    sql: /^(-c|-cmd|-s)$/,
    values: /^(-separator|-nullvalue|-init)$/,
    positionalSql: 1,
  },
  "clickhouse-client": {
    sql: /^(-q|--query)$/,
    values: /^(-h|--host|--port|-u|--user|--password|-d|--database)$/,
    positionalSql: -1,
  },
  clickhouse: {
    sql: /^(-q|--query)$/,
    values: /^(-h|--host|--port|-u|--user|--password|-d|--database)$/,
    positionalSql: -1,
  },
  cockroach: {
    sql: /^(-e|--execute)$/,
    values: /^(--url|--host|--database|-d|--user|-u)$/,
    positionalSql: -1,
  },
  sqlcmd: {
    sql: /^(-Q|-q)$/,
    values: /^(-S|-U|-P|-d|-i|-o)$/,
    positionalSql: -1,
  },
  snowsql: {
    sql: /^(-q|--query)$/,
    values: /^(-a|-u|-d|-s|-w|-r|-f|--filename)$/,
    positionalSql: -1,
  },
  trino: {
    sql: /^--execute$/,
    values: /^(--server|--catalog|--schema|--user)$/,
    positionalSql: -1,
  },
  presto: {
    sql: /^--execute$/,
    values: /^(--server|--catalog|--schema|--user)$/,
    positionalSql: -1,
  },
  usql: {
    sql: /^(-c|--command)$/,
    values: /^(-f|--file|-o|--out)$/,
    positionalSql: -1,
  },
  cqlsh: {
    sql: /^(-e|--execute)$/,
    values: /^(-u|-p|-k|--username|--password|--keyspace)$/,
    positionalSql: -1,
  },
  bq: {
    sql: /^$/,
    values: /^--(project_id|dataset_id|location)$/,
    positionalSql: 1,
  },
};

/** Extracts the SQL strings a database-client unit runs. */
export function sqlOf(u: Unit, pipe: Pipe | null): string[] {
  const spec = CLIENTS[u.name];
  if (!spec) return [];
  const out: string[] = [];
  const pos: string[] = [];
  const args = u.args;
  for (let i = 0; i < args.length; i++) {
    const t = args[i].text;
    if (spec.sql.test(t) && t !== "") {
      if (args[i + 1]) out.push(args[++i].text);
      continue;
    }
    const long = /^--(command|execute|query)=(.*)$/s.exec(t);
    if (long) {
      out.push(long[2]);
      continue;
    }
    if (
      /^-[ecq].{2,}/.test(t) &&
      (u.name === "mysql" || u.name === "mariadb" ||
        u.name === "clickhouse-client") &&
      !t.startsWith("--")
    ) {
      out.push(t.slice(2));
      continue;
    }
    if (spec.values.test(t)) {
      i++;
      continue;
    }
    if (t.startsWith("-")) continue;
    pos.push(t);
  }
  if (spec.positionalSql >= 0) {
    const from = u.name === "bq"
      ? pos.indexOf("query") + 1
      : spec.positionalSql;
    if (from > 0) { for (const s of pos.slice(from)) out.push(s); }
  }
  const stdin = stdinOf(u, pipe);
  if (stdin !== null && !out.length) out.push(stdin);
  return out.filter((s) => s.trim() !== "");
}

/** Removes comments and string literals so keywords inside them do not count (linear scan). */
export function stripSql(sql: string): string {
  const s = sql.length > 200_000 ? sql.slice(0, 200_000) : sql;
  let out = "";
  let i = 0;
  let from = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === "-" && s[i + 1] === "-") {
      out += s.slice(from, i) + " ";
      const nl = s.indexOf("\n", i);
      i = from = nl < 0 ? s.length : nl;
    } else if (c === "/" && s[i + 1] === "*") {
      out += s.slice(from, i) + " ";
      const end = s.indexOf("*/", i + 2);
      i = from = end < 0 ? s.length : end + 2;
    } else if (c === "'") {
      out += s.slice(from, i) + "''";
      let j = i + 1;
      for (;;) {
        const q = s.indexOf("'", j);
        if (q < 0) {
          j = s.length;
          break;
        }
        if (s[q + 1] === "'") {
          j = q + 2;
          continue;
        }
        j = q + 1;
        break;
      }
      i = from = j;
    } else i++;
  }
  return out + s.slice(from);
}

/** Judges SQL text for destructive statements; `via` names the client. */
export function judgeSql(sql: string, st: State, via: string): void {
  const m = st.out.matches;
  const s = stripSql(sql);
  const drop =
    /\bdrop\s{1,20}(database|schema|table|keyspace)\b(?:\s{1,20}if\s{1,20}exists)?\s{0,20}([\w."`[\]-]{0,128})/i
      .exec(s);
  if (drop) {
    m.add(
      "sql_drop",
      `${via} runs DROP ${drop[1].toUpperCase()} ${
        drop[2]
      }: the data is deleted irreversibly`.trim(),
      "take a backup first, or rename the table instead",
    );
  }
  const trunc =
    /\btruncate\s{1,20}(?:table\s{1,20})?(?!table\b)([\w."`[\]-]{1,128})/i.exec(
      s,
    );
  if (trunc) {
    m.add(
      "sql_truncate",
      `${via} runs TRUNCATE ${trunc[1]}: every row is deleted`,
      "DELETE with a WHERE clause after a backup",
    );
  }
  for (const stmt of s.split(";").slice(0, 1000)) {
    const del = /^\s{0,1000}delete\s{1,20}from\s{1,20}([\w."`[\]-]{1,128})/i
      .exec(stmt);
    if (del && !/\bwhere\b/i.test(stmt)) {
      m.add(
        "sql_delete_all",
        `${via} runs DELETE FROM ${del[1]} without WHERE: every row is deleted`,
        "add a WHERE clause",
      );
    }
    const upd = /^\s{0,1000}update\s{1,20}([\w."`[\]-]{1,128})\s{1,20}set\b/i
      .exec(stmt);
    if (upd && !/\bwhere\b/i.test(stmt)) {
      m.add(
        "sql_update_all",
        `${via} runs UPDATE ${upd[1]} without WHERE: every row is rewritten`,
        "add a WHERE clause",
      );
    }
  }
}

/** Database clients: collect SQL and judge it. */
export function analyzeDbClient(u: Unit, st: State, pipe: Pipe): void {
  for (const sql of sqlOf(u, pipe)) {
    st.out.sql.push(sql);
    judgeSql(sql, st, u.name);
  }
}

/** dropdb / mysqladmin drop. */
export function analyzeDropDb(u: Unit, st: State): void {
  const t = u.args.map((a) => a.text);
  if (
    u.name === "dropdb" && t.some((x) => !x.startsWith("-")) &&
    !t.includes("--help")
  ) {
    st.out.matches.add(
      "sql_drop",
      `dropdb ${
        t.filter((x) => !x.startsWith("-")).join(" ")
      } deletes a whole database`,
      "take a backup first",
    );
  }
  if (u.name === "mysqladmin" && t.some((x) => /^drop$/i.test(x))) {
    st.out.matches.add(
      "sql_drop",
      `mysqladmin drop deletes a whole database`,
      "take a backup first",
    );
  }
}

/** redis-cli FLUSHALL / FLUSHDB. */
export function analyzeRedis(u: Unit, st: State, pipe: Pipe): void {
  const words = u.args.map((a) => a.text.toLowerCase());
  const stdin = (stdinOf(u, pipe) ?? "").toLowerCase();
  if (
    words.some((w) => w === "flushall" || w === "flushdb") ||
    /\bflush(all|db)\b/.test(stdin)
  ) {
    st.out.matches.add(
      "redis_flush",
      "redis-cli FLUSHALL/FLUSHDB deletes every key in the database",
      "delete specific keys instead",
    );
  }
}

/** mongo / mongosh --eval "db.dropDatabase()". */
export function analyzeMongo(u: Unit, st: State, pipe: Pipe): void {
  const parts: string[] = [];
  for (let i = 0; i < u.args.length; i++) {
    if (u.args[i].text === "--eval") parts.push(u.args[i + 1]?.text ?? "");
    else if (u.args[i].text.startsWith("--eval=")) {
      parts.push(u.args[i].text.slice(7));
    }
  }
  const stdin = stdinOf(u, pipe);
  if (stdin) parts.push(stdin);
  const js = parts.join("\n");
  if (/\.dropDatabase\s{0,8}\(|\.drop\s{0,8}\(\s{0,8}\)/.test(js)) {
    st.out.matches.add(
      "mongo_drop",
      `${u.name} runs ${
        /dropDatabase/.test(js) ? "db.dropDatabase()" : "collection.drop()"
      }: the data is deleted irreversibly`,
      "take a backup with mongodump first",
    );
  }
  if (
    /\.deleteMany\s{0,8}\(\s{0,8}\{\s{0,8}\}\s{0,8}\)|\.remove\s{0,8}\(\s{0,8}\{\s{0,8}\}\s{0,8}\)/
      .test(js)
  ) {
    st.out.matches.add(
      "sql_delete_all",
      `${u.name} deletes every document of a collection (empty filter)`,
      "pass a filter",
    );
  }
}
