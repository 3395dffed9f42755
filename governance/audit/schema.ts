/**
 * The audit database's schema: the migrations that build it, the version
 * this code writes, the events table's columns, and how a row reads back as
 * an event. The one module that owns the schema; every other module of the
 * store names tables and columns as defined here.
 *
 * @module
 */

import type { DatabaseSync, SQLInputValue } from "node:sqlite";
import type { Severity } from "../engine/types.ts";
import type { Agent, AuditEventInput, Verdict } from "./event.ts";
import type { Row } from "./sql.ts";

/** A stored event. */
export interface AuditEvent extends AuditEventInput {
  id: number;
  time: string;
  prevHash: string;
  hash: string;
}

/** The migrations, in order: entry `i` takes a file from version `i` to `i + 1`. */
export const MIGRATIONS: readonly string[] = [
  // v1: the events table and its time index.
  `CREATE TABLE events (
     id INTEGER PRIMARY KEY,
     time TEXT NOT NULL,
     session_id TEXT, turn_id TEXT, tool_use_id TEXT,
     agent TEXT NOT NULL, tool_name TEXT NOT NULL, connector_type TEXT NOT NULL,
     decision TEXT NOT NULL, decision_id TEXT,
     policies TEXT NOT NULL,
     severity TEXT NOT NULL, reason TEXT,
     input_summary TEXT NOT NULL, output_summary TEXT,
     duration_ms REAL, success INTEGER NOT NULL, error_message TEXT,
     prev_hash TEXT NOT NULL, hash TEXT NOT NULL
   );
   CREATE INDEX events_time ON events(time);`,
  // v2: verdict flag, policy side table, query indexes, retention anchors, spool bookkeeping.
  `ALTER TABLE events ADD COLUMN verdict INTEGER NOT NULL DEFAULT 0;
   UPDATE events SET verdict = (decision_id IS NOT NULL);
   CREATE TABLE event_policies (
     event_id INTEGER NOT NULL, policy_id TEXT NOT NULL, time TEXT NOT NULL,
     decision TEXT NOT NULL, connector_type TEXT NOT NULL,
     PRIMARY KEY (event_id, policy_id)
   ) WITHOUT ROWID;
   INSERT OR IGNORE INTO event_policies
     SELECT e.id, j.value, e.time, e.decision, e.connector_type
     FROM events e, json_each(e.policies) j WHERE json_valid(e.policies);
   CREATE INDEX event_policies_policy ON event_policies(policy_id, time);
   CREATE INDEX event_policies_time ON event_policies(time, policy_id, decision);
   CREATE INDEX event_policies_connector ON event_policies(connector_type, time, policy_id, decision);
   DROP INDEX events_time;
   CREATE INDEX events_time ON events(time, verdict, decision, severity, duration_ms);
   CREATE INDEX events_connector ON events(connector_type, time, verdict, decision, severity, duration_ms);
   CREATE INDEX events_decision ON events(decision, time);
   CREATE INDEX events_tool ON events(tool_name, time);
   CREATE INDEX events_decision_id ON events(decision_id) WHERE decision_id IS NOT NULL;
   CREATE TABLE anchors (
     id INTEGER PRIMARY KEY, cut_id INTEGER NOT NULL, hash TEXT NOT NULL,
     time TEXT NOT NULL, removed INTEGER NOT NULL
   );
   CREATE TABLE spool_merged (sid TEXT PRIMARY KEY) WITHOUT ROWID;`,
  // v3: hourly roll-ups, so statistics over long windows stay fast at millions of events.
  `CREATE TABLE stats_hourly (
     hour TEXT NOT NULL, connector_type TEXT NOT NULL, decision TEXT NOT NULL,
     severity TEXT NOT NULL, verdict INTEGER NOT NULL,
     n INTEGER NOT NULL, dur_sum REAL NOT NULL, dur_n INTEGER NOT NULL,
     PRIMARY KEY (hour, connector_type, decision, severity, verdict)
   ) WITHOUT ROWID;
   INSERT INTO stats_hourly
     SELECT substr(time, 1, 13), connector_type, decision, severity, verdict,
            count(*), total(duration_ms), count(duration_ms)
     FROM events GROUP BY 1, 2, 3, 4, 5;
   CREATE TABLE policy_hourly (
     hour TEXT NOT NULL, connector_type TEXT NOT NULL, policy_id TEXT NOT NULL,
     triggers INTEGER NOT NULL, blocks INTEGER NOT NULL,
     PRIMARY KEY (hour, connector_type, policy_id)
   ) WITHOUT ROWID;
   INSERT INTO policy_hourly
     SELECT substr(time, 1, 13), connector_type, policy_id, count(*), total(decision = 'blocked')
     FROM event_policies GROUP BY 1, 2, 3;`,
  // v4: who and where (developer account and host), the store's identity
  // (checkpoints name it, so a replaced file is told apart), the cursors
  // of the event forwarders (the store is their queue), the checkpoints a
  // team server keeps, and the call's context (for explain and allow).
  `ALTER TABLE events ADD COLUMN os_user TEXT;
   ALTER TABLE events ADD COLUMN host TEXT;
   CREATE INDEX events_user ON events(os_user, time) WHERE os_user IS NOT NULL;
   CREATE INDEX events_session ON events(session_id, time) WHERE session_id IS NOT NULL;
   CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
   INSERT INTO meta(key, value) VALUES ('store_id', lower(hex(randomblob(16))));
   CREATE TABLE ship_cursor (sink TEXT PRIMARY KEY, last_id INTEGER NOT NULL) WITHOUT ROWID;
   CREATE TABLE witness (
     store_id TEXT PRIMARY KEY, count INTEGER NOT NULL, head TEXT NOT NULL,
     base_id INTEGER NOT NULL, base_hash TEXT NOT NULL, first TEXT,
     time TEXT NOT NULL, received TEXT NOT NULL, os_user TEXT, host TEXT
   ) WITHOUT ROWID;
   ALTER TABLE events ADD COLUMN context TEXT;`,
];

/** The schema version this code writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** The columns of the events table, in insertion order (the `verdict` flag aside). */
export const EVENT_COLUMNS =
  "id, time, session_id, turn_id, tool_use_id, agent, tool_name, connector_type, decision, decision_id, policies, severity, reason, input_summary, output_summary, duration_ms, success, error_message, prev_hash, hash, os_user, host, context";

/** The schema version of an open file (0: an empty or pre-versioning file). */
export function schemaVersion(db: DatabaseSync): number {
  const has = db.prepare(
    "SELECT 1 AS x FROM sqlite_master WHERE type='table' AND name='schema_version'",
  ).get();
  if (!has) return 0;
  const row = db.prepare("SELECT max(version) AS v FROM schema_version")
    .get() as Row | undefined;
  return Number(row?.v ?? 0);
}

/**
 * Bring the file up to SCHEMA_VERSION, inside the caller's write
 * transaction; throws on a file newer than this code.
 */
export function migrateLocked(db: DatabaseSync): void {
  db.exec(
    "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)",
  );
  let v = schemaVersion(db);
  if (v > SCHEMA_VERSION) {
    throw new Error(
      `audit store schema version ${v} is newer than this code (${SCHEMA_VERSION})`,
    );
  }
  for (; v < SCHEMA_VERSION; v++) {
    db.exec(MIGRATIONS[v]);
    db.exec("DELETE FROM schema_version");
    db.prepare("INSERT INTO schema_version(version) VALUES (?)").run(v + 1);
  }
}

/** An events row (selected with EVENT_COLUMNS) as a stored event. */
export function rowToEvent(r: Row): AuditEvent {
  const opt = (
    v: SQLInputValue,
  ) => (v === null || v === undefined ? undefined : String(v));
  let policies: string[] = [];
  try {
    const p = JSON.parse(String(r.policies));
    if (Array.isArray(p)) policies = p.map(String);
  } catch {
    // a damaged row: verify will name it
  }
  return {
    id: Number(r.id),
    time: String(r.time),
    sessionId: opt(r.session_id),
    turnId: opt(r.turn_id),
    toolUseId: opt(r.tool_use_id),
    user: opt(r.os_user),
    host: opt(r.host),
    agent: String(r.agent) as Agent,
    toolName: String(r.tool_name),
    connectorType: String(r.connector_type),
    decision: String(r.decision) as Verdict,
    decisionId: opt(r.decision_id),
    policies,
    severity: String(r.severity) as Severity | "none",
    reason: opt(r.reason),
    inputSummary: String(r.input_summary),
    outputSummary: opt(r.output_summary),
    durationMs: r.duration_ms === null ? undefined : Number(r.duration_ms),
    success: Number(r.success) === 1,
    errorMessage: opt(r.error_message),
    context: opt(r.context),
    prevHash: String(r.prev_hash),
    hash: String(r.hash),
  };
}
