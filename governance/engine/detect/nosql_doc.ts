/**
 * A JSON query document sent to a database channel (a MongoDB `find`
 * command, a filter): there, query operators (`$gt`, `$in`, `$ne`) are the
 * language's own syntax, so their presence says nothing. What does say
 * something is the shape of the attacks: JavaScript for the server to run
 * (`$where`, `$function`, `$accumulator`); any operator on a secret field
 * (`"password": {"$ne": "x"}`: a password is only ever compared for
 * equality), an operator that matches anything on an account field
 * (`"user": {"$gt": ""}`), the login-bypass forms; and a comparison
 * operator at the top of a filter, where a field was expected. The document is
 * walked iteratively with a bound, so a deep or huge one cannot exhaust
 * the stack.
 *
 * @module
 */

import { ACCOUNT_TABLE } from "./sqli_names.ts";
import { readJsLiteral } from "./js_literal.ts";

/** One structural finding in a query document: which technique, and the key it was found at. */
export interface DocHit {
  kind: "javascript" | "operator";
  /** The key as written (for locating it in the text). */
  key: string;
}

/** Most values walked in one document. */
const MAX_VALUES = 100_000;

const SERVER_JS = new Set(["$where", "$function", "$accumulator"]);
const MATCH_OPERATORS = new Set([
  "$ne",
  "$gt",
  "$gte",
  "$lt",
  "$lte",
  "$nin",
  "$in",
  "$regex",
  "$exists",
  "$not",
]);
/** Field names that hold a secret: an application compares them for equality only, never with an operator. */
const SECRET_FIELD =
  /^(?:pass(?:word|wd|code|phrase)?|pwd|pw|hash|password_?hash|token|secret|api_?key|otp|pin|psk)$/i;
/** A secret as one part of a longer name (`pass_hash`, `pin_hash`, `passwordDigest`, `api_secret`, `reset_token`); a content hash (`file_hash`) is not one. */
const SECRET_PART =
  /(?:^|_)(?:pass(?:word|wd|code)?|pwd|pw|pin|otp|totp)_(?:hash|digest)(?:_|$)|(?:^|_)(?:password|passwd|secret|token|apikey|api_key|otp)(?:_|$)/;

/** Whether a field name names a secret, as a whole or as one part of a snake_case or camelCase name. */
function isSecretField(key: string): boolean {
  if (SECRET_FIELD.test(key)) return true;
  if (key.length > 64) return false;
  const snake = key.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
  return SECRET_PART.test(snake);
}
/** Field names that name the account a secret opens: operators on them are routine unless they match anything. */
const ACCOUNT_FIELD = /^(?:user(?:_?name)?|login|email)$/i;
/** Operators that may stand at the top of a filter; any other one there is a value put where a field was expected. */
const TOP_LEVEL = new Set([
  "$and",
  "$or",
  "$nor",
  "$expr",
  "$text",
  "$comment",
  "$where",
  "$jsonschema",
]);

/**
 * The text parsed as a JSON object or array, when it is one (a query
 * document), or as the same written as a JavaScript literal (`{ status: {
 * $ne: 'closed' } }`, as a shell user types it); else undefined.
 */
export function queryDocument(text: string): unknown {
  const t = text.trim();
  if (t.length < 2 || (t[0] !== "{" && t[0] !== "[")) return undefined;
  let v: unknown;
  try {
    v = JSON.parse(t);
  } catch {
    v = readJsLiteral(t);
  }
  return typeof v === "object" && v !== null ? v : undefined;
}

/** True for a value an operator can use to match every document. */
function matchesAnything(op: string, v: unknown): boolean {
  if (v === null || v === "" || v === true || v === false || v === 0) {
    return true;
  }
  if (op === "$regex" && typeof v === "string") {
    return /^\^?\.[*+]?\$?$|^\^?$/.test(v);
  }
  if (Array.isArray(v)) return v.length === 0;
  return false;
}

/**
 * True for a condition no filter written by hand uses because it selects
 * every value of any field: `{"$regex": ".*"}`, `{"$gt": ""}` (every string
 * sorts after the empty one). `{"$ne": null}`, `{"$ne": ""}` ("has a
 * value") and `{"$nin": []}` (a builder's empty exclusion list) are
 * ordinary and do not count here.
 */
function pointlessCondition(op: string, v: unknown): boolean {
  switch (op) {
    case "$regex":
      return typeof v === "string" && /^\^?\.[*+]?\$?$|^\^?$/.test(v);
    case "$gt":
    case "$gte":
      return v === "";
    default:
      return false;
  }
}

/** A document's own key, which every document has. */
const ID_FIELD = /^_?id$/i;

/**
 * True for an operator on the key field that every document satisfies
 * (`"_id": {"$nin": []}`, `{"$ne": null}`, `{"$exists": true}`, `{"$regex":
 * ".*"}`): a filter that names the key to look narrow and selects all.
 */
function idMatchesAll(op: string, v: unknown): boolean {
  switch (op) {
    case "$nin":
      return Array.isArray(v) && v.length === 0;
    case "$ne":
      // No key is null, empty or negative (an ObjectId is no number at all).
      return v === null || v === "" || (typeof v === "number" && v < 0);
    case "$exists":
      return v === true || v === 1;
    case "$regex":
      return typeof v === "string" && matchesAnything(op, v);
    default:
      return false;
  }
}

/** A condition every document with the field meets: `{"$exists": true}`, `{"$ne": null}`, `{"$nin": []}`, a match-anything regex. */
function alwaysMet(cond: unknown): boolean {
  if (typeof cond !== "object" || cond === null || Array.isArray(cond)) {
    return false;
  }
  const entries = Object.entries(cond);
  return entries.length > 0 &&
    entries.every(([op, v]) => {
      const o = op.toLowerCase();
      return (o === "$exists" && (v === true || v === 1)) ||
        (o === "$ne" && v === null) ||
        (o === "$nin" && Array.isArray(v) && v.length === 0) ||
        pointlessCondition(o, v);
    });
}

/**
 * Whether a filter selects every document: missing, `{}`, or only
 * conditions every document meets (`{"_id": {"$exists": true}}`, `{"_id":
 * {"$ne": -1}}`, `{"name": {"$regex": ".*"}}`).
 */
export function filterMatchesAll(filter: unknown): boolean {
  if (filter === undefined || filter === null) return true;
  if (typeof filter !== "object" || Array.isArray(filter)) return false;
  return Object.entries(filter).every(([key, cond]) => {
    if (key.toLowerCase() === "$expr") return constantExpr(cond);
    if (key.startsWith("$")) return false;
    if (ID_FIELD.test(key) && typeof cond === "object" && cond !== null) {
      const ops = Object.entries(cond);
      if (
        ops.length > 0 &&
        ops.every(([op, v]) => idMatchesAll(op.toLowerCase(), v))
      ) return true;
    }
    return alwaysMet(cond);
  });
}

/**
 * Whether a pipeline stage joins or appends an account collection
 * wholesale: `{"$lookup": {"from": "agent_logins", "pipeline": [], ...}}`
 * with no join field and no `$match` of its own (every account onto every
 * document), or `{"$unionWith": "users"}` (the aggregation's UNION). A
 * lookup on a key (`localField`/`foreignField`) is a join.
 */
function accountStage(key: string, value: unknown): boolean {
  const k = key.toLowerCase();
  if (k === "$unionwith") {
    const coll = typeof value === "string"
      ? value
      : typeof value === "object" && value !== null
      ? (value as Record<string, unknown>).coll
      : undefined;
    return typeof coll === "string" && ACCOUNT_TABLE.test(coll.toLowerCase());
  }
  if (k !== "$lookup" || typeof value !== "object" || value === null) {
    return false;
  }
  const l = value as Record<string, unknown>;
  if (
    typeof l.from !== "string" || !ACCOUNT_TABLE.test(l.from.toLowerCase()) ||
    l.localField !== undefined || l.foreignField !== undefined
  ) return false;
  const p = l.pipeline;
  return !Array.isArray(p) ||
    !p.some((st) => typeof st === "object" && st !== null && "$match" in st);
}

/** Comparison operators of an aggregation expression. */
const EXPR_COMPARISONS = new Set(["$eq", "$ne", "$gt", "$gte", "$lt", "$lte"]);

/** Whether an `$expr` value compares two constants (no `$field` path, no nested expression). */
function constantExpr(v: unknown): boolean {
  if (typeof v !== "object" || v === null || Array.isArray(v)) {
    return v === true || v === 1;
  }
  const entries = Object.entries(v);
  if (entries.length !== 1) return false;
  const [op, args] = entries[0];
  if (!EXPR_COMPARISONS.has(op.toLowerCase()) || !Array.isArray(args)) {
    return false;
  }
  return args.length === 2 &&
    args.every((a) =>
      a === null || typeof a === "number" || typeof a === "boolean" ||
      (typeof a === "string" && !a.startsWith("$"))
    );
}

/**
 * `{"$or": [{}, {"a": "a"}]}`: an empty document among other branches of an
 * `$or` matches every document, so the other branches no longer narrow
 * anything (an injected branch; a builder with nothing to filter sends no
 * `$or`).
 */
function emptyBranch(key: string, value: unknown): boolean {
  return key.toLowerCase() === "$or" && Array.isArray(value) &&
    value.length > 1 &&
    value.some((b) =>
      typeof b === "object" && b !== null && !Array.isArray(b) &&
      Object.keys(b).length === 0
    );
}

/**
 * `{"$or": [{"login": "root"}, {"login": {"$ne": "root"}}]}`: one branch
 * equal to a value and another not equal to it on the same field, so the
 * `$or` matches every document (the SQL `name = 'a' OR name <> 'a'`).
 */
function complementBranches(key: string, value: unknown): boolean {
  if (key.toLowerCase() !== "$or" || !Array.isArray(value)) return false;
  const equal = new Set<string>();
  const unequal = new Set<string>();
  for (const b of value.slice(0, 256)) {
    if (typeof b !== "object" || b === null || Array.isArray(b)) continue;
    const entries = Object.entries(b);
    if (entries.length !== 1) continue;
    const [field, cond] = entries[0];
    if (typeof cond !== "object" || cond === null) {
      equal.add(`${field}\u0000${JSON.stringify(cond)}`);
      continue;
    }
    if (Array.isArray(cond)) continue;
    const ops = Object.entries(cond);
    if (ops.length !== 1) continue;
    const [op, arg] = ops[0];
    const o = op.toLowerCase();
    if (o === "$eq") equal.add(`${field}\u0000${JSON.stringify(arg)}`);
    if (o === "$ne") unequal.add(`${field}\u0000${JSON.stringify(arg)}`);
  }
  for (const k of unequal) if (equal.has(k)) return true;
  return false;
}

/** Whether the command runs on an account collection itself (`{"aggregate": "users", ...}`): its own joins are the application's. */
function accountTarget(doc: unknown): boolean {
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
    return false;
  }
  const d = doc as Record<string, unknown>;
  const coll = d.aggregate ?? d.find;
  return typeof coll === "string" && ACCOUNT_TABLE.test(coll.toLowerCase());
}

/** The attack shapes in a parsed query document, in document order. */
export function queryDocumentHits(doc: unknown): DocHit[] {
  const hits: DocHit[] = [];
  const stack: unknown[] = [doc];
  let values = 0;
  // A filter (or a document that is one) with a comparison operator at its
  // top: `{"$ne": "", "login": "admin"}`, the shape a request value takes
  // when it is parsed into an object and spliced in as the whole filter.
  const filter = typeof doc === "object" && doc !== null && !Array.isArray(doc)
    ? ((doc as Record<string, unknown>).filter ?? doc)
    : undefined;
  if (typeof filter === "object" && filter !== null) {
    for (const key of Object.keys(filter)) {
      const k = key.toLowerCase();
      if (MATCH_OPERATORS.has(k) && !TOP_LEVEL.has(k)) {
        hits.push({ kind: "operator", key });
      } else if (
        k === "$expr" &&
        constantExpr((filter as Record<string, unknown>)[key])
      ) {
        // `{"$expr": {"$eq": [1, 1]}}`: a condition on no field, true for every document.
        hits.push({ kind: "operator", key });
      }
    }
  }
  while (stack.length > 0 && values++ < MAX_VALUES) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]);
      continue;
    }
    if (typeof v !== "object" || v === null) continue;
    const entries = Object.entries(v);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, value] = entries[i];
      if (
        (accountStage(key, value) && !accountTarget(doc)) ||
        emptyBranch(key, value) || complementBranches(key, value)
      ) {
        hits.push({ kind: "operator", key });
      } else if (SERVER_JS.has(key.toLowerCase())) {
        hits.push({ kind: "javascript", key });
        // `$where` is also the operator that replaces the whole filter.
        if (key.toLowerCase() === "$where") {
          hits.push({ kind: "operator", key });
        }
      } else if (
        typeof value === "object" && value !== null && !Array.isArray(value) &&
        (isSecretField(key) || ACCOUNT_FIELD.test(key)) &&
        Object.entries(value).some(([op, arg]) =>
          MATCH_OPERATORS.has(op.toLowerCase()) &&
          (isSecretField(key) || matchesAnything(op, arg))
        )
      ) {
        hits.push({ kind: "operator", key });
      } else if (
        typeof value === "object" && value !== null && !Array.isArray(value) &&
        !key.startsWith("$") &&
        Object.entries(value).some(([op, arg]) =>
          (ID_FIELD.test(key) && idMatchesAll(op.toLowerCase(), arg)) ||
          pointlessCondition(op.toLowerCase(), arg)
        )
      ) {
        hits.push({ kind: "operator", key });
      }
      stack.push(value);
    }
  }
  return hits;
}
