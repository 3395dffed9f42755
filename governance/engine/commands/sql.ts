/**
 * Database clients: extracts the SQL handed to psql, mysql, mariadb,
 * sqlite3, duckdb, clickhouse, cockroach, sqlcmd… (options, positional SQL,
 * heredocs, here-strings, `echo … | psql`) and judges destructive
 * statements; redis-cli FLUSHALL, mongo dropDatabase(), dropdb.
 *
 * @module
 */

import { guardPathOf, resolvePath } from "./paths.ts";
import type { State, Unit } from "./unit.ts";
import type { Pipe } from "./pipe.ts";
import { stdinOf } from "./writes.ts";
import { isScratchTable } from "../detect/sqli_names.ts";

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

/**
 * Where a database client's statements run: a local reset, anywhere else,
 * or the default local server with no database named (then the statement's
 * own target decides: `DROP DATABASE test_app` is a reset).
 */
export type DbWhere = "local" | "remote" | "default";

const ALWAYS_REMOTE = new Set(["snowsql", "bq", "trino", "presto"]);
const FILE_DBS = new Set(["sqlite3", "sqlite", "duckdb"]);

/** Whether a host name or address is this machine. */
export function isLocalDbHost(h: string): boolean {
  const t = h.replace(/^\[|\]$/g, "").toLowerCase();
  return t === "" || t.startsWith("/") ||
    /^(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|0\.0\.0\.0|host\.docker\.internal)$/
      .test(t);
}

function hostOfUri(t: string): string | null {
  const m =
    /^(?:postgres(?:ql)?|mysql|mariadb|redis|rediss|mongodb|mongodb\+srv|clickhouse|cockroachdb|sqlserver):\/\/(?:[^@/]{0,256}@)?(\[[^\]]{1,64}\]|[^:/?,]{0,255})/i
      .exec(t);
  if (!m) return null;
  return /^mongodb\+srv:/i.test(t) ? "srv" : m[1];
}

const TEST_DB =
  /(^|[^a-z])(test|tests|testing|dev|devel|development|local|tmp|temp|ci|sandbox|scratch|demo|example|spec|e2e|fixture)s?([^a-z]|$)/i;
const PROD_DB =
  /(^|[^a-z])(prod|production|live|prd|primary|master|main)([^a-z]|$)/i;

/** The host and database name a client addresses (`?` for a host hidden in a variable). */
function dbTarget(
  u: Unit,
  st: State,
): { host: string | null; name: string | null } {
  let host: string | null = null;
  let name: string | null = null;
  const pos: string[] = [];
  const args = u.args;
  const uri = (text: string, known: boolean) => {
    const h = hostOfUri(text);
    if (h === null) return false;
    host = known ? h : "?";
    const path = /^[a-z+]{2,16}:\/\/[^/]{0,512}\/([^?/]{1,128})/i.exec(text);
    if (path) name = path[1];
    return true;
  };
  for (let i = 0; i < args.length; i++) {
    const t = args[i].text;
    const known = args[i].known;
    const next = args[i + 1];
    if (/^(-h|--host|-S|--server)$/.test(t) && next) {
      host = next.known ? next.text : "?";
      i++;
    } else if (/^--(host|server)=/.test(t)) {
      host = known ? t.slice(t.indexOf("=") + 1) : "?";
    } else if (/^-h[^-]/.test(t) && u.name !== "redis-cli") {
      host = known ? t.slice(2) : "?";
    } else if (/^(-d|--dbname|-D|--database)$/.test(t) && next) {
      if (!uri(next.text, next.known)) name = next.text;
      i++;
    } else if (/^(--url|-u|--uri)$/.test(t) && next) {
      uri(next.text, next.known);
      i++;
    } else if (t === "-n" && u.name.startsWith("redis") && next) {
      if (/^[1-9]\d{0,3}$/.test(next.text)) name = "test-db-" + next.text;
      i++;
    } else if (
      /^-(U|p|P|u|a|c|e|f|v|o|F|R|T|L|-eval|-command|-execute|-query|-username|-port|-file|-cmd)$/
        .test(t)
    ) {
      i++;
    } else if (!t.startsWith("-")) {
      if (!uri(t, known)) pos.push(t);
      const ci = /(?:^|\s)host=([^\s]{1,255})/.exec(t);
      if (ci) host = known ? ci[1] : "?";
    }
  }
  if (host === null && (u.name === "psql" || u.name === "dropdb")) {
    const env = st.env.get("PGHOST");
    if (env) host = env[0];
  }
  if (name === null && pos.length > 0) {
    name = u.name === "dropdb" ? pos[pos.length - 1] : pos[0];
  }
  return { host, name };
}

/**
 * Where a database client runs its statements: `local` when it resets a
 * local, non-production database (an explicit localhost or socket, or no
 * host and a test-like database name: `app_test`, `redis-cli -n 15`,
 * `test.db`), else `other` (a named or hidden host, a production-like
 * name even through a local tunnel, or nothing that says it is a test).
 */
export function dbWhere(u: Unit, st: State): DbWhere {
  if (ALWAYS_REMOTE.has(u.name)) return "remote";
  const { host, name } = dbTarget(u, st);
  if (host !== null && host !== "?" && PROD_DB.test(host)) return "remote";
  if (name !== null && PROD_DB.test(name)) return "remote";
  if (host !== null && host !== "?" && isLocalDbHost(host)) return "local";
  if (host === null && name !== null && TEST_DB.test(name)) return "local";
  if (
    host === null && (name === null || /^[\w.-]{1,128}$/.test(name)) &&
    !FILE_DBS.has(u.name)
  ) return "default";
  return "remote";
}

/** Every TRUNCATE's table list in SQL text (bounded). */
const TRUNCATE_LISTS =
  /\btruncate\s{1,20}(?:table\s{1,20})?(?:only\s{1,20})?([\w."`[\], \t]{1,600})/gi;

/**
 * True when every table the text's TRUNCATE statements name is a staging or
 * scratch table (`TRUNCATE staging_orders`, `TRUNCATE TABLE
 * staging.import_owners RESTART IDENTITY`): a load step emptying its own
 * landing table.
 */
function truncatesScratchOnly(sql: string): boolean {
  let seen = 0;
  TRUNCATE_LISTS.lastIndex = 0;
  for (
    let m = TRUNCATE_LISTS.exec(sql);
    m !== null && seen < 64;
    m = TRUNCATE_LISTS.exec(sql)
  ) {
    const names = m[1].replace(
      /\s{1,20}(?:restart|continue|cascade|restrict)\b[\s\S]*$/i,
      "",
    ).split(",").map((n) => n.trim()).filter((n) => n.length > 0);
    if (names.length === 0 || !names.every(isScratchTable)) return false;
    seen++;
  }
  return seen > 0;
}

/**
 * Whether a client addresses a production-looking database: a host or
 * database name with prod, production, live, primary... in it.
 */
export function isProdDb(u: Unit, st: State): boolean {
  const { host, name } = dbTarget(u, st);
  return (host !== null && host !== "?" && PROD_DB.test(host)) ||
    (name !== null && PROD_DB.test(name));
}

/**
 * Judges SQL text for destructive statements by where they run; `via` names
 * the client. On the client's default server (no host given: this machine's
 * socket or localhost unless the environment points elsewhere), dropping a
 * whole database or schema still blocks unless it is named like a test one,
 * while table-level resets (TRUNCATE, DROP TABLE, DELETE / UPDATE without
 * WHERE) only warn. On a production-looking database (`prod`), DELETE or
 * UPDATE without WHERE blocks like TRUNCATE. Returns where it decided they
 * run.
 */
export function judgeSql(
  sql: string,
  st: State,
  via: string,
  where: DbWhere = "remote",
  prod = false,
): DbWhere {
  const s = stripSql(sql);
  if (where === "default") {
    // Every object the statement destroys is named like a test database.
    const names: string[] = [];
    const re =
      /\b(?:drop\s{1,20}(?:database|schema|table|keyspace)(?:\s{1,20}if\s{1,20}exists)?|truncate(?:\s{1,20}table)?)\s{1,20}([\w."`[\]-]{1,128})/gi;
    let d: RegExpExecArray | null;
    while ((d = re.exec(s)) && names.length < 64) names.push(d[1]);
    if (names.length === 0) where = "remote";
    else if (names.every((x) => TEST_DB.test(x) && !PROD_DB.test(x))) {
      where = "local";
    } else if (
      names.some((x) => PROD_DB.test(x)) ||
      /\bdrop\s{1,20}(?:database|schema|keyspace)\b/i.test(s)
    ) where = "remote";
  }
  const m = where === "local"
    ? localSet(st, via)
    : where === "default"
    ? defaultSet(st, via)
    : prod
    ? prodSet(st, via)
    : st.out.matches;
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
  if (trunc && !truncatesScratchOnly(s)) {
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
  return where;
}

/**
 * A stand-in match set for the client's default server: table-level resets
 * there warn (the hook cannot see whether PGHOST and the like point away
 * from this machine).
 */
function defaultSet(
  st: State,
  via: string,
): Pick<State["out"]["matches"], "add"> {
  return {
    add: (name: string, reason: string, safer?: string) => {
      if (name === "sql_drop" && !/\bDROP TABLE\b/.test(reason)) {
        st.out.matches.add(name, reason, safer);
        return;
      }
      st.out.matches.add(
        "db_reset_default",
        `${reason} (on ${via}'s default server, this machine unless its environment points elsewhere)`,
        "check which database the client reaches (PGHOST, --host) before resetting tables; name the host with -h localhost for a local one",
      );
    },
  };
}

/** A stand-in match set for a production-looking database: emptying a whole table or collection blocks. */
function prodSet(
  st: State,
  via: string,
): Pick<State["out"]["matches"], "add"> {
  return {
    add: (name: string, reason: string, safer?: string) => {
      if (name === "sql_delete_all" || name === "sql_update_all") {
        st.out.matches.add(
          "db_prod_rewrite_all",
          `${reason}, on a production-looking database (${via})`,
          "add a WHERE clause (or a filter) and take a backup first",
        );
      }
      st.out.matches.add(name, reason, safer);
    },
  };
}

/** A stand-in match set for a local database: destructive statements are only noted. */
function localSet(
  st: State,
  via: string,
): Pick<State["out"]["matches"], "add"> {
  return {
    add: (_name: string, reason: string) =>
      st.out.matches.add(
        "db_reset_local",
        `${reason} (on a local database: ${via} against this machine)`,
      ),
  };
}

/** Database clients: collect SQL and judge it by where it runs. */
export function analyzeDbClient(u: Unit, st: State, pipe: Pipe): void {
  const where = dbWhere(u, st);
  const prod = where === "remote" && isProdDb(u, st);
  const sqls = sqlOf(u, pipe);
  for (const sql of sqls) {
    // A statement the user runs on a local (or the default) database is not
    // an injection attempt; it goes to the injection detectors only when it
    // runs remotely.
    if (judgeSql(sql, st, u.name, where, prod) === "remote") {
      st.out.sql.push(sql);
    }
    if (FILE_DBS.has(u.name)) judgeLocalFile(u, sql, st);
  }
  if (
    FILE_DBS.has(u.name) && sqls.length === 0 &&
    (u.redirects.some((r) => r.op === "<") || (pipe && pipe.index > 0) ||
      u.args.some((a) => /^\.(read|import|restore)\b/.test(a.text)))
  ) {
    // sqlite3 audit.db < f.sql: statements the guard cannot see.
    judgeLocalFile(u, "update /* statements the guard cannot see */", st);
  }
}

/** sqlite3/duckdb writing into one of the guard's own databases (audit.db). */
function judgeLocalFile(u: Unit, sql: string, st: State): void {
  const file = u.args.find((a) => !a.text.startsWith("-"));
  if (!file || !file.known) return;
  const p = resolvePath(file.text, st.cwd, st.ctx.home);
  if (!p || !guardPathOf(p, st.ctx.home, st.ctx.cwd, "write", st.ctx)) return;
  if (
    !/\b(delete|update|insert|replace|drop|alter|create|vacuum|attach|pragma\s{1,8}\w{1,40}\s{0,4}=)|(?:^|\n)\s{0,8}\.(read|import|restore|shell|system)\b/i
      .test(stripSql(sql))
  ) return;
  st.out.matches.add(
    "guard_tamper",
    `${u.name} changes ${p}, the guard's own database: this rewrites the audit trail`,
    "read the audit with `axonflow audit` instead",
  );
}

/** dropdb / mysqladmin drop. */
export function analyzeDropDb(u: Unit, st: State): void {
  const t = u.args.map((a) => a.text);
  const m = dbWhere(u, st) === "local" ? localSet(st, u.name) : st.out.matches;
  if (
    u.name === "dropdb" && t.some((x) => !x.startsWith("-")) &&
    !t.includes("--help")
  ) {
    m.add(
      "sql_drop",
      `dropdb ${
        t.filter((x) => !x.startsWith("-")).join(" ")
      } deletes a whole database`,
      "take a backup first",
    );
  }
  if (u.name === "mysqladmin" && t.some((x) => /^drop$/i.test(x))) {
    m.add(
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
    const where = dbWhere(u, st);
    const m = where === "local"
      ? localSet(st, u.name)
      : where === "default"
      ? defaultSet(st, u.name)
      : st.out.matches;
    m.add(
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
  const where = dbWhere(u, st);
  const m = where === "local"
    ? localSet(st, u.name)
    : where === "default"
    ? defaultSet(st, u.name)
    : isProdDb(u, st)
    ? prodSet(st, u.name)
    : st.out.matches;
  if (/\.dropDatabase\s{0,8}\(|\.drop\s{0,8}\(\s{0,8}\)/.test(js)) {
    m.add(
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
    m.add(
      "sql_delete_all",
      `${u.name} deletes every document of a collection (empty filter)`,
      "pass a filter",
    );
  }
}
