/**
 * A second statement stacked onto a value, by tokens (the lexer of
 * `sqli_struct.ts` on the masked statement of `sqli_lex.ts`): a SELECT,
 * UPDATE or DELETE whose WHERE ends in a value (`WHERE id = 9;`), followed
 * by a statement that administers the server rather than reads or changes
 * rows: changing logins, roles, settings and audit logging, loading or
 * creating code (extensions, functions, triggers, rules, assemblies),
 * writing administrators or account access (`; INSERT INTO admins`,
 * `; UPDATE users SET role = ...`, a password column),
 * reaching files or other hosts (COPY to a path, `url()`, `s3()`,
 * `OPENQUERY`), and calling system functions (`SELECT pg_reload_conf()`,
 * `SELECT pg_file_write(...)`). Ending another session
 * (`pg_terminate_backend`) after a look at `pg_stat_activity`, and loading a
 * file with COPY FROM, are a DBA's routine and pass. A stacked SELECT that
 * reads an account table whole (no filter, or a constant one: `; SELECT *
 * FROM agent_logins WHERE '1'='1'`) or reads its secret columns counts too;
 * a count of accounts passes. That is what a stacked injection appends to
 * the value an application put in a filter; a script that sets up a
 * database starts with settings, not with a filtered query.
 *
 * One pass over the tokens.
 *
 * @module
 */

import { COMPARISON, type Tok } from "./sqli_struct.ts";
import { ACCOUNT_TABLE, SECRET_COLUMN } from "./sqli_names.ts";

/** One hit: the stacked statement (offsets in the input). */
export interface StackedHit {
  kind: "stacked_admin";
  start: number;
  end: number;
}

/** Most hits reported for one statement. */
const MAX_STACKED_HITS = 16;

/** Verbs of a statement that administers the server whatever follows them. */
const ADMIN_VERBS: ReadonlySet<string> = new Set([
  "load",
  "reconfigure",
  "shutdown",
  "kill",
  "flush",
  "purge",
  "reset",
  "dbcc",
  "reassign",
  "backup",
  "restore",
  "unload",
  "export",
  "attach",
  "detach",
  "grant",
  "revoke",
  "deny",
  "declare",
]);

/** What CREATE makes that is code, a login or a way out of the database. */
const CREATE_OBJECTS: ReadonlySet<string> = new Set([
  "assembly",
  "extension",
  "function",
  "procedure",
  "trigger",
  "rule",
  "event",
  "alias",
  "server",
  "stage",
  "policy",
  "login",
  "user",
  "role",
  "foreign",
  "language",
  "or",
  "definer",
]);

/** What ALTER changes that is the server, a login or a role. */
const ALTER_OBJECTS: ReadonlySet<string> = new Set([
  "system",
  "login",
  "role",
  "user",
  "database",
  "server",
  "extension",
  "instance",
]);

/** Settings whose change is about the server or its audit trail, not a session's query. */
const SET_TARGETS: ReadonlySet<string> = new Set([
  "global",
  "password",
  "role",
  "session",
  "sql_log_bin",
  "sql_log_off",
  "session_replication_role",
  "general_log",
  "persist",
]);

/** System functions a stacked SELECT calls: files, settings, backends, code and other hosts. */
const SYSTEM_FUNCTION =
  /^(?:pg_reload_conf|set_config|pg_file_write|pg_read_file|pg_read_binary_file|pg_stat_file|pg_ls_dir|pg_rotate_logfile|lo_\w{2,20}|readfile|writefile|edit|fts3_tokenizer|load_extension|sys_eval|sys_exec|dblink\w{0,20}|utl_\w{2,20}|dbms_\w{2,30}|httpuritype|xp_\w{2,30}|sp_\w{2,30})$/;

/** Table functions that read or write outside the database. */
const OUTSIDE_TABLE: ReadonlySet<string> = new Set([
  "url",
  "s3",
  "file",
  "hdfs",
  "remote",
  "dblink",
  "openquery",
  "openrowset",
  "opendatasource",
  "pg_stat_file",
  "pg_ls_dir",
]);

/** Whether the statement starting at token `k` administers the server (see the module note); returns the index of its last token read, or -1. */
function adminStatement(toks: Tok[], k: number, masked: string): number {
  /** A token's text; the lexer leaves a word over 16 letters without one. */
  const text = (t: Tok | undefined): string =>
    t === undefined
      ? ""
      : t.kind === "word" && t.text === ""
      ? masked.slice(t.start, Math.min(t.end, t.start + 64)).toLowerCase()
      : t.text;
  const v = toks[k];
  if (v === undefined || v.kind !== "word") return -1;
  const w = text(toks[k + 1]);
  if (ADMIN_VERBS.has(v.text)) return k;
  // EXEC('...'), EXEC xp_cmdshell, EXEC master..xp_dirtree, EXECUTE IMMEDIATE.
  if (v.text === "exec" || v.text === "execute") {
    return w === "(" || w === "immediate" || w === "master" ||
        SYSTEM_FUNCTION.test(w)
      ? k + 1
      : -1;
  }
  if (v.text === "create" && CREATE_OBJECTS.has(w)) return k + 1;
  if (v.text === "alter" && ALTER_OBJECTS.has(w)) return k + 1;
  if (v.text === "set" && SET_TARGETS.has(w)) return k + 1;
  if (v.text === "pragma" && w === "writable_schema") return k + 1;
  if (v.text === "vacuum" && w === "into") return k + 1;
  if (v.text === "insert" && w === "into" && toks[k + 2]?.text === "function") {
    return k + 2;
  }
  // A new administrator, or accounts given a role or a password:
  // `; INSERT INTO admins ...`, `; UPDATE users SET role = 'admin' ...`.
  // (A transfer updating `accounts SET balance` is not one.)
  if ((v.text === "insert" && w === "into") || v.text === "update") {
    const at = v.text === "insert" ? k + 2 : k + 1;
    const table = text(toks[at]);
    if (
      ADMIN_TABLE.test(table) ||
      (ACCOUNT_TABLE.test(table) && writesAccess(toks, at, masked))
    ) return at;
  }
  // COPY t TO 'path': a file written on the server (COPY FROM a file is how data is loaded).
  if (v.text === "copy" || v.text === "alter") {
    for (let j = k + 1; j < toks.length && j - k < 64; j++) {
      const t = toks[j];
      if (t.kind === "semi") break;
      if (
        v.text === "copy" && t.text === "to" && toks[j + 1]?.kind === "str"
      ) return j + 1;
      // ALTER TABLE t OWNER TO / DISABLE TRIGGER / DISABLE ROW LEVEL SECURITY.
      if (v.text === "alter" && (t.text === "owner" || t.text === "disable")) {
        return j;
      }
    }
    return -1;
  }
  if (v.text !== "select" && v.text !== "call") return -1;
  if (v.text === "select") {
    const read = accountRead(toks, k);
    if (read >= 0) return read;
  }
  for (let j = k + 1; j < toks.length && j - k < 64; j++) {
    const t = toks[j];
    if (t.kind === "semi") break;
    if (t.kind !== "word" || toks[j + 1]?.kind !== "open") continue;
    const name = text(t);
    if (SYSTEM_FUNCTION.test(name)) return j;
    if (toks[j - 1]?.text === "from" && OUTSIDE_TABLE.has(name)) return j;
  }
  return -1;
}

/** Tables of administrators themselves. */
const ADMIN_TABLE =
  /^(?:[a-z0-9]{1,20}_){0,2}(?:admins?|administrators?|superusers?|root_users?|sysadmins?)$/;

/** Columns that decide what an account may do, or how it logs in. */
const ACCESS_COLUMN =
  /^(?:role|roles|is_admin|admin|is_superuser|superuser|is_staff|privileges?|permissions?|access_level|user_type|group_id)$/;

/** Whether the statement from token `at` names an access or secret column (before its end). */
function writesAccess(toks: Tok[], at: number, masked: string): boolean {
  for (let j = at + 1; j < toks.length && j - at < 128; j++) {
    const t = toks[j];
    if (t.kind === "semi") break;
    const w = t.kind === "word" && t.text === ""
      ? masked.slice(t.start, Math.min(t.end, t.start + 64)).toLowerCase()
      : t.text;
    if (ACCESS_COLUMN.test(w) || SECRET_COLUMN.test(w)) return true;
  }
  return false;
}

/** Aggregates that count or bound rows: a stacked count of accounts reads no account. */
const COUNTS: ReadonlySet<string> = new Set(["count", "max", "min"]);

/**
 * For a SELECT at token `k`: the index of its table when it reads an
 * account table whole (no WHERE, or a WHERE that compares two constants)
 * or names a secret column in its list; else -1.
 */
function accountRead(toks: Tok[], k: number): number {
  let secret = false;
  let rows = false;
  let depth = 0;
  let j = k + 1;
  for (; j < toks.length && j - k < 128; j++) {
    const t = toks[j];
    if (t.kind === "open") depth++;
    else if (t.kind === "close") depth = Math.max(0, depth - 1);
    else if (t.kind === "semi") return -1;
    else if (depth === 0 && t.kind === "word" && t.text === "from") break;
    if (t.kind === "word" || t.kind === "ident" || t.text === "*") {
      if (SECRET_COLUMN.test(t.text)) secret = true;
      // A value of the rows themselves, not a count over them.
      if (
        depth === 0 &&
        !(COUNTS.has(t.text) && toks[j + 1]?.kind === "open") &&
        t.text !== "as"
      ) rows = true;
    }
  }
  const table = toks[j + 1];
  if (
    toks[j]?.text !== "from" || table === undefined ||
    (table.kind !== "word" && table.kind !== "ident") ||
    !ACCOUNT_TABLE.test(table.text)
  ) return -1;
  if (secret) return j + 1;
  if (!rows) return -1;
  const n = toks[j + 2];
  if (n === undefined || n.kind === "semi" || n.kind === "comment") {
    return j + 1;
  }
  if (n.text === "limit" || n.text === "order") return j + 1;
  // WHERE '1'='1': a filter that compares two constants.
  const a = toks[j + 3];
  const op = toks[j + 4];
  const b = toks[j + 5];
  const constant = (x: Tok | undefined): boolean =>
    x !== undefined && (x.kind === "num" || x.kind === "str");
  return n.text === "where" && constant(a) && constant(b) &&
      op !== undefined && COMPARISON.has(op.text)
    ? j + 5
    : -1;
}

/** The stacked statements of a masked statement's tokens (see the module note). */
export function stackedHits(toks: Tok[], masked: string): StackedHit[] {
  const hits: StackedHit[] = [];
  let verb = "";
  let where = false;
  let depth = 0;
  for (let i = 0; i < toks.length && hits.length < MAX_STACKED_HITS; i++) {
    const t = toks[i];
    if (t.kind === "open") depth++;
    else if (t.kind === "close") depth = Math.max(0, depth - 1);
    else if (t.kind === "word" && depth === 0) {
      if (verb === "") verb = t.text;
      else if (t.text === "where") where = true;
    }
    if (t.kind !== "semi") continue;
    const value = toks[i - 1];
    const op = toks[i - 2];
    const stacked = where &&
      (verb === "select" || verb === "update" || verb === "delete") &&
      value !== undefined && (value.kind === "num" || value.kind === "str") &&
      op !== undefined &&
      ((op.kind === "op" && COMPARISON.has(op.text)) || op.text === "like");
    verb = "";
    where = false;
    depth = 0;
    if (!stacked) continue;
    const end = adminStatement(toks, i + 1, masked);
    if (end >= 0) {
      hits.push({ kind: "stacked_admin", start: t.start, end: toks[end].end });
    }
  }
  return hits;
}
