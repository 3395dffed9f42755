/**
 * MongoDB shell calls sent to a database channel (`db.orders.find({ total:
 * { $gt: 100 } }).limit(20)`, `db.getSiblingDB("admin").createUser({...})`):
 * the call is the statement, so its query operators are the language's own
 * syntax. What says something is what the call does: a delete or update
 * whose filter selects every document (alone or in a bulkWrite), a dropped
 * collection or database, a role that administers every database granted
 * to a user or every user dropped, a server shutdown, audit switched off;
 * and the attack shapes of `nosql_doc.ts` in its filter. The
 * arguments are read as JavaScript literals (`js_literal.ts`); a text that
 * is not a chain of such calls is not read here.
 *
 * @module
 */

import { readJsArguments } from "./js_literal.ts";
import { filterMatchesAll, queryDocumentHits } from "./nosql_doc.ts";

/** What a shell call does, by the policy it falls under. */
export type ShellHitKind =
  | "javascript"
  | "operator"
  | "delete_all"
  | "update_all"
  | "drop_collection"
  | "drop_database"
  | "privileged_role"
  | "shutdown"
  | "audit_off";

/** One hit: what, and where in the text (the method's name). */
export interface ShellHit {
  kind: ShellHitKind;
  start: number;
  end: number;
}

/** One method call of a chain. */
export interface Call {
  method: string;
  args: unknown[];
  start: number;
  end: number;
}

/** One shell statement: `db`, the database it switched to, the collection, then its calls. */
export interface ShellStatement {
  /** The database named by `getSiblingDB("x")` / `getDB("x")`, or "". */
  database: string;
  /** The collection, or "" for a method of the database itself. */
  collection: string;
  calls: Call[];
}

/** Most statements read from one text. */
const MAX_STATEMENTS = 64;

/** Most calls of one chain. */
const MAX_CALLS = 32;

const NAME = /[A-Za-z_$][\w$]{0,127}/y;

/** Skips spaces from `i`. */
function skip(text: string, i: number): number {
  while (i < text.length && text.charCodeAt(i) <= 32) i++;
  return i;
}

/** The name at `i` (sticky), or undefined. */
function nameAt(text: string, i: number): string | undefined {
  NAME.lastIndex = i;
  return NAME.exec(text)?.[0];
}

/** Reads one statement from `i`; its end offset, or undefined when the text there is no shell call chain. */
function readStatement(
  text: string,
  i: number,
): { st: ShellStatement; end: number } | undefined {
  i = skip(text, i);
  if (nameAt(text, i) !== "db") return undefined;
  i += 2;
  const st: ShellStatement = { database: "", collection: "", calls: [] };
  for (let k = 0; k < MAX_CALLS; k++) {
    i = skip(text, i);
    if (text[i] !== ".") break;
    i = skip(text, i + 1);
    const name = nameAt(text, i);
    if (name === undefined) return undefined;
    const start = i;
    i = skip(text, i + name.length);
    if (text[i] !== "(") {
      // `db.orders`: a collection (only before any call).
      if (st.collection !== "" || st.calls.length > 0) return undefined;
      st.collection = name;
      continue;
    }
    const read = readJsArguments(text, i);
    if (read === undefined) return undefined;
    i = read.end;
    const first = read.args[0];
    if (
      (name === "getSiblingDB" || name === "getDB") && st.collection === "" &&
      st.calls.length === 0 && typeof first === "string"
    ) {
      st.database = first;
      continue;
    }
    if (
      name === "getCollection" && st.collection === "" &&
      st.calls.length === 0 && typeof first === "string"
    ) {
      st.collection = first;
      continue;
    }
    st.calls.push({ method: name, args: read.args, start, end: i });
  }
  return st.calls.length > 0 ? { st, end: i } : undefined;
}

/** The statements of a text that is only shell calls (`;` or new lines between them), or undefined. */
export function shellStatements(text: string): ShellStatement[] | undefined {
  const out: ShellStatement[] = [];
  let i = skip(text, 0);
  while (i < text.length && out.length < MAX_STATEMENTS) {
    const r = readStatement(text, i);
    if (r === undefined) return undefined;
    out.push(r.st);
    i = skip(text, r.end);
    while (text[i] === ";") i = skip(text, i + 1);
  }
  return out.length > 0 && i >= text.length ? out : undefined;
}

/** Roles that administer every database, the cluster, or all users. */
const ADMIN_ROLES: ReadonlySet<string> = new Set([
  "root",
  "__system",
  "useradminanydatabase",
  "dbadminanydatabase",
  "readwriteanydatabase",
  "clusteradmin",
  "clustermanager",
  "hostmanager",
  "restore",
  "atlasadmin",
]);

/** Roles that administer the database they are granted on: of all users and roles when that database is `admin`. */
const DATABASE_ADMIN_ROLES: ReadonlySet<string> = new Set([
  "useradmin",
  "dbowner",
  "dbadmin",
]);

/** Whether a role list grants administration of every database (`["root"]`, `[{role: "dbOwner", db: "admin"}]`). */
function privilegedRoles(roles: unknown, database: string): boolean {
  if (!Array.isArray(roles)) return false;
  return roles.slice(0, 256).some((r) => {
    const name = typeof r === "string"
      ? r
      : typeof r === "object" && r !== null
      ? (r as Record<string, unknown>).role
      : undefined;
    if (typeof name !== "string") return false;
    const n = name.toLowerCase();
    if (ADMIN_ROLES.has(n)) return true;
    const db = typeof r === "object" && r !== null
      ? (r as Record<string, unknown>).db
      : database;
    return DATABASE_ADMIN_ROLES.has(n) && db === "admin";
  });
}

/** Whether a privilege list allows any action on any resource (`{resource: {anyResource: true}, actions: ["anyAction"]}`). */
function anyAction(privileges: unknown): boolean {
  if (!Array.isArray(privileges)) return false;
  return privileges.slice(0, 256).some((p) => {
    if (typeof p !== "object" || p === null) return false;
    const a = (p as Record<string, unknown>).actions;
    return Array.isArray(a) && a.includes("anyAction");
  });
}

const record = (v: unknown): Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v)
    ? v as Record<string, unknown>
    : {};

/** Methods whose first argument is a filter. */
const FILTER_METHODS: ReadonlySet<string> = new Set([
  "find",
  "findone",
  "count",
  "countdocuments",
  "deleteone",
  "deletemany",
  "remove",
  "updateone",
  "updatemany",
  "update",
  "replaceone",
  "findoneandupdate",
  "findoneanddelete",
  "findoneandreplace",
  "watch",
]);

/** What one call does (see the module note). */
function callHits(st: ShellStatement, c: Call, out: ShellHit[]): void {
  const m = c.method.toLowerCase();
  const hit = (kind: ShellHitKind) =>
    out.push({ kind, start: c.start, end: c.end });
  const first = c.args[0];
  const filter = FILTER_METHODS.has(m)
    ? first
    : m === "distinct"
    ? c.args[1]
    : m === "findandmodify"
    ? record(first).query
    : undefined;
  if (
    st.collection !== "" && (FILTER_METHODS.has(m) || m === "distinct" ||
      m === "findandmodify" || m === "aggregate")
  ) {
    const doc = m === "aggregate" ? first : filter;
    if (typeof doc === "object" && doc !== null) {
      for (const h of queryDocumentHits(doc)) hit(h.kind);
    }
  }
  if (st.collection !== "") {
    if ((m === "deletemany" || m === "remove") && filterMatchesAll(filter)) {
      hit("delete_all");
    } else if (
      (m === "updatemany" ||
        (m === "update" && record(c.args[2]).multi === true)) &&
      filterMatchesAll(filter)
    ) hit("update_all");
    else if (m === "drop") hit("drop_collection");
    else if (m === "bulkwrite" && Array.isArray(first)) {
      // `[{ deleteMany: { filter: {} } }]`: the same operations, batched.
      for (const op of first.slice(0, 256)) {
        const o = record(op);
        if (
          o.deleteMany !== undefined &&
          filterMatchesAll(record(o.deleteMany).filter)
        ) {
          hit("delete_all");
        }
        if (
          o.updateMany !== undefined &&
          filterMatchesAll(record(o.updateMany).filter)
        ) {
          hit("update_all");
        }
      }
    }
    return;
  }
  switch (m) {
    case "dropdatabase":
      hit("drop_database");
      return;
    case "shutdownserver":
      hit("shutdown");
      return;
    case "createuser":
      if (privilegedRoles(record(first).roles, st.database)) {
        hit("privileged_role");
      }
      return;
    case "updateuser":
      if (privilegedRoles(record(c.args[1]).roles, st.database)) {
        hit("privileged_role");
      }
      return;
    case "grantrolestouser":
    case "grantrolestorole":
      if (privilegedRoles(c.args[1], st.database)) hit("privileged_role");
      return;
    case "createrole":
      if (
        anyAction(record(first).privileges) ||
        privilegedRoles(record(first).roles, st.database)
      ) hit("privileged_role");
      return;
    case "grantprivilegestorole":
      if (anyAction(c.args[1])) hit("privileged_role");
      return;
    case "dropallusers":
      hit("privileged_role");
      return;
    case "runcommand":
    case "admincommand":
      commandHits(record(first), hit);
      return;
  }
}

/** What a database command document does (`{shutdown: 1}`, `{dropDatabase: 1}`, `{delete: "orders", deletes: [{q: {}, limit: 0}]}`). */
function commandHits(
  cmd: Record<string, unknown>,
  hit: (kind: ShellHitKind) => void,
): void {
  const keys = Object.keys(cmd).map((k) => k.toLowerCase());
  if (keys.includes("shutdown")) hit("shutdown");
  // `{setParameter: 1, auditAuthorizationSuccess: false}`: audit switched off.
  if (
    keys.includes("setparameter") &&
    Object.entries(cmd).some(([k, v]) =>
      /^audit/i.test(k) && (v === false || v === 0)
    )
  ) hit("audit_off");
  if (keys[0] === "dropallusersfromdatabase") hit("privileged_role");
  if (keys.includes("dropdatabase")) hit("drop_database");
  if (keys[0] === "drop") hit("drop_collection");
  if (keys[0] === "delete" && Array.isArray(cmd.deletes)) {
    for (const d of cmd.deletes.slice(0, 256)) {
      const r = record(d);
      if (r.limit === 0 && filterMatchesAll(r.q)) {
        hit("delete_all");
        break;
      }
    }
  }
  if (
    (keys[0] === "createuser" || keys[0] === "updateuser" ||
      keys[0] === "grantrolestouser") &&
    privilegedRoles(cmd.roles, "admin")
  ) hit("privileged_role");
  for (const h of queryDocumentHits(cmd)) hit(h.kind);
}

/** The hits of the shell statements of a text (see the module note). */
export function shellHits(statements: ShellStatement[]): ShellHit[] {
  const out: ShellHit[] = [];
  for (const st of statements) {
    for (const c of st.calls) callHits(st, c, out);
  }
  return out;
}
