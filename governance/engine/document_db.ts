/**
 * MCP tools of document databases (MongoDB, DocumentDB, Cosmos DB,
 * CouchDB, Firestore, DynamoDB, Elasticsearch…): their query documents come
 * as objects (`{"filter": {"$where": "…"}}`), not as SQL text, and their
 * destructive operations are tool names (`drop-database`, `delete-many` with
 * an empty filter). This module reads both out of a call, as JSON documents
 * and as the SQL statements they amount to, so the SQL-injection detector
 * judges them with the policies it has for statements (`DROP DATABASE`,
 * `DELETE` without `WHERE`, `$where` JavaScript, match-anything operators).
 *
 * @module
 */

import { asRecord } from "./tool_call.ts";

/** Server or tool names of document databases. */
export const DOCUMENT_DB =
  /mongo|documentdb|cosmos|couch|firestore|dynamo|elastic|opensearch|fauna|rethink/i;

/** Argument keys that hold a query or update document. */
const DOCUMENT_KEYS =
  /^(filter|query|pipeline|update|selector|where|criteria|condition|match|q|documents?)$/i;

/** Largest document text handed to the detector. */
const MAX_DOC_CHARS = 1_000_000;

/** An identifier for a generated statement (letters, digits, `_` only). */
function ident(v: unknown, fallback: string): string {
  const s = typeof v === "string" ? v.replace(/[^\w]/g, "_").slice(0, 64) : "";
  return s || fallback;
}

/** A condition every document meets: `{$exists: true}`, `{$ne: null}`, `{$regex: ".*"}`. */
function alwaysTrue(cond: unknown): boolean {
  const c = asRecord(cond);
  const keys = Object.keys(c);
  if (keys.length !== 1) return false;
  const v = c[keys[0]];
  switch (keys[0]) {
    case "$exists":
      return v === true || v === 1;
    case "$ne":
      return v === null;
    case "$regex":
      return typeof v === "string" && /^\^?(\.[*?]?)?\$?$/.test(v);
    default:
      return false;
  }
}

/** A filter that matches every document: missing, `{}`, an empty string, or only conditions every document meets. */
function matchesAll(filter: unknown): boolean {
  if (filter === undefined || filter === null || filter === "") return true;
  if (typeof filter === "string") {
    if (/^\s*\{\s*\}\s*$/.test(filter)) return true;
    try {
      return matchesAll(JSON.parse(filter) ?? {});
    } catch {
      return false;
    }
  }
  if (typeof filter !== "object" || Array.isArray(filter)) return false;
  return Object.values(filter).every(alwaysTrue);
}

/** What a document-database tool call holds for the SQL-injection detector. */
export interface DocumentCall {
  /** Query and update documents, as JSON texts. */
  documents: string[];
  /** SQL statements the call's operation amounts to. */
  statements: string[];
}

/** The documents and equivalent statements of a document-database tool call. */
export function documentCall(tool: string, args: unknown): DocumentCall {
  const rec = asRecord(args);
  const documents: string[] = [];
  for (const [key, value] of Object.entries(rec)) {
    if (!DOCUMENT_KEYS.test(key)) continue;
    let text: string | undefined;
    if (typeof value === "string") {
      if (/^\s*[[{]/.test(value)) text = value;
    } else if (value !== null && typeof value === "object") {
      try {
        text = JSON.stringify(value);
      } catch {
        text = undefined;
      }
    }
    if (text !== undefined && text.length <= MAX_DOC_CHARS) {
      documents.push(text);
    }
  }
  const op = tool.toLowerCase().replace(/[^a-z]/g, "");
  const db = ident(rec.database ?? rec.db ?? rec.dbName, "db");
  const coll = ident(
    rec.collection ?? rec.table ?? rec.index ?? rec.container,
    "collection",
  );
  const filter = rec.filter ?? rec.query ?? rec.selector ?? rec.where;
  const statements: string[] = [];
  if (/dropdatabase|deletedatabase/.test(op)) {
    statements.push(`DROP DATABASE ${db}`);
  } else if (
    /dropcollection|droptable|deletecollection|deleteindex|^drop$/.test(op)
  ) {
    statements.push(`DROP TABLE ${coll}`);
  } else if (
    /deletemany|deleteall|removeall|^remove$|deletebyquery|truncate/.test(op) &&
    matchesAll(filter)
  ) {
    statements.push(`DELETE FROM ${coll}`);
  } else if (
    /updatemany|updatebyquery|updateall/.test(op) && matchesAll(filter)
  ) {
    statements.push(`UPDATE ${coll} SET changed = 1`);
  }
  return { documents, statements };
}
