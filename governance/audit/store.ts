/**
 * The tamper-evident audit store: one SQLite file (`<dataDir>/audit.db`,
 * through Deno's built-in `node:sqlite`) in WAL mode. This module owns the
 * schema and its migrations, the hash chain, search, statistics, retention,
 * and the never-throwing `recordEvent` that hooks call.
 *
 * Each event's `hash` is SHA-256 over `prevHash + "\n" + canonicalJson(event)`
 * where the event includes its id; `verify` recomputes the chain from the
 * genesis hash (or from the latest retention anchor) and names the first row
 * that does not fit.
 *
 * @module
 */

import {
  DatabaseSync,
  type SQLInputValue,
  type StatementSync,
} from "node:sqlite";
import type { Severity } from "../engine/types.ts";
// Loaded for its effect: every event the store takes in is redacted by the
// PII and secret scanner (see engine/detect/sensitive_slot.ts), whichever
// program opened the store.
import "../engine/detect/sensitive.ts";
import {
  type Agent,
  type AuditEventInput,
  prepareEvent,
  type Verdict,
} from "./event.ts";
import { canonicalJson } from "./canonical.ts";
import { sha256Hex } from "./sha256.ts";
import {
  appendCheckpoint,
  type ChainState,
  type Checkpoint,
  compareWithCheckpoint,
  loadKey,
  readCheckpoints,
} from "./checkpoint.ts";
export {
  type Agent,
  type AuditEventInput,
  prepareEvent,
  SUMMARY_MAX_CHARS,
  type Verdict,
} from "./event.ts";
import {
  appendSpool,
  claimSpool,
  finishSpool,
  readSpool,
  spoolPending,
} from "./spool.ts";

/** A stored event. */
export interface AuditEvent extends AuditEventInput {
  id: number;
  time: string;
  prevHash: string;
  hash: string;
}

/** A search over the trail; every filter is optional. */
export interface AuditQuery {
  from?: string;
  to?: string;
  decision?: Verdict;
  toolName?: string;
  policyId?: string;
  /** Case-insensitive substring of input/output summary, reason, error message, tool, connector, agent, policy ids or decision id (first 256 characters used). */
  text?: string;
  connectorType?: string;
  agent?: Agent;
  /** The developer's OS account. */
  user?: string;
  /** The machine. */
  host?: string;
  sessionId?: string;
  /** true: only policy verdicts (events with a decision id); false: only plain records. */
  verdict?: boolean;
  /** Default 20, at most 1000. */
  limit?: number;
  offset?: number;
}

/** The `get_policy_stats` figures (field names of the wire contract). */
export interface PolicyStats {
  total_requests: number;
  allowed_requests: number;
  blocked_requests: number;
  modified_requests: number;
  error_requests: number;
  block_rate_percent: number;
  avg_latency_ms: number;
  total_events: number;
  by_severity: Record<Severity, number>;
  by_action: Record<Verdict, number>;
  top_policies: {
    policy_id: string;
    policy_name: string;
    trigger_count: number;
    block_count: number;
  }[];
  compliance_score: number;
  from: string;
  to: string;
}

/** Result of `verify`. */
export interface VerifyResult {
  ok: boolean;
  checked: number;
  /** Id of the first row that breaks the chain. */
  brokenAt?: number;
  /** The first problem found (the same as `problems[0]`). */
  message?: string;
  /** Every problem found: a broken link, and what the latest checkpoint shows was lost or changed. */
  problems?: string[];
  /** The latest signed checkpoint the file was compared with. */
  checkpoint?: { count: number; head: string; time: string };
}

/** Options for opening the store. */
export interface OpenOptions {
  /** How long to wait for another writer's lock, in ms (default 5000). */
  busyTimeoutMs?: number;
  /** Folder of the checkpoint log and its key (default: the database's folder). */
  witnessDir?: string;
}

/** A long-lived store signs a checkpoint at most this often (ms); closing signs what is left. */
export const CHECKPOINT_EVERY_MS = 1000;

/** Hash before the first event. */
export const GENESIS_HASH = "0".repeat(64);
/** File name of the audit database inside the data directory. */
export const AUDIT_FILE = "audit.db";

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

const COLUMNS =
  "id, time, session_id, turn_id, tool_use_id, agent, tool_name, connector_type, decision, decision_id, policies, severity, reason, input_summary, output_summary, duration_ms, success, error_message, prev_hash, hash, os_user, host, context";

type Row = Record<string, SQLInputValue>;

/** The tamper-evident audit trail in one SQLite file. */
export class AuditStore {
  private afterCommit: (() => void)[] = [];
  /** Events were written in the open transaction: checkpoint after the commit. */
  private wrote = false;
  /** The open transaction moved the chain's base (a prune). */
  private rebased = false;
  private key?: Uint8Array;
  private id?: string;
  /** The last checkpoint this instance wrote (so a write need not read the log back). */
  private lastCheckpoint?: Checkpoint;
  /** When this instance last signed (performance.now(); -Infinity: never). */
  private checkpointedAt = -Infinity;
  /** Events were written since the last checkpoint. */
  private checkpointDue = false;
  /** Why the last checkpoint was not written, when it was not. */
  checkpointError?: string;
  private readonly statements = new Map<string, StatementSync>();

  /** A prepared statement, cached per SQL text. */
  private stmt(sql: string): StatementSync {
    let st = this.statements.get(sql);
    if (!st) {
      st = this.db.prepare(sql);
      this.statements.set(sql, st);
    }
    return st;
  }

  private constructor(
    private readonly db: DatabaseSync,
    /** Path of the database file. */
    readonly path: string,
    /** Folder of the checkpoint log and its key. */
    readonly witnessDir: string,
  ) {}

  /** Open (creating or migrating) the store at `path`; WAL mode. Throws on an unusable file. */
  static open(path: string, opts: OpenOptions = {}): AuditStore {
    const db = new DatabaseSync(path, { timeout: opts.busyTimeoutMs ?? 5000 });
    try {
      const mode = db.prepare("PRAGMA journal_mode").get() as Row | undefined;
      if (String(mode?.journal_mode).toLowerCase() !== "wal") {
        db.exec("PRAGMA journal_mode=WAL");
      }
      db.exec("PRAGMA synchronous=NORMAL");
      const store = new AuditStore(db, path, opts.witnessDir ?? dirOf(path));
      store.migrate();
      store.catchUp();
      return store;
    } catch (e) {
      try {
        db.close();
      } catch {
        // already unusable
      }
      throw e;
    }
  }

  /** The schema version of the open file. */
  schemaVersion(): number {
    const has = this.db.prepare(
      "SELECT 1 AS x FROM sqlite_master WHERE type='table' AND name='schema_version'",
    ).get();
    if (!has) return 0;
    const row = this.db.prepare("SELECT max(version) AS v FROM schema_version")
      .get() as Row | undefined;
    return Number(row?.v ?? 0);
  }

  private migrate(): void {
    if (this.schemaVersion() === SCHEMA_VERSION) return;
    this.writeTx(() => {
      this.db.exec(
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)",
      );
      let v = this.schemaVersion();
      if (v > SCHEMA_VERSION) {
        throw new Error(
          `audit store schema version ${v} is newer than this code (${SCHEMA_VERSION})`,
        );
      }
      for (; v < SCHEMA_VERSION; v++) {
        this.db.exec(MIGRATIONS[v]);
        this.db.exec("DELETE FROM schema_version");
        this.db.prepare("INSERT INTO schema_version(version) VALUES (?)").run(
          v + 1,
        );
      }
    });
  }

  /** Run `fn` inside `BEGIN IMMEDIATE` … `COMMIT` (the write lock), retrying a few times when busy. */
  private writeTx<T>(fn: () => T): T {
    for (let attempt = 0;; attempt++) {
      try {
        this.db.exec("BEGIN IMMEDIATE");
      } catch (e) {
        if (isBusy(e) && attempt < 3) continue;
        throw e;
      }
      let result: T;
      try {
        result = fn();
        this.db.exec("COMMIT");
      } catch (e) {
        this.afterCommit = [];
        this.wrote = this.rebased = false;
        try {
          this.db.exec("ROLLBACK");
        } catch {
          // the transaction is already gone
        }
        throw e;
      }
      const tasks = this.afterCommit;
      this.afterCommit = [];
      for (const task of tasks) task();
      if (this.rebased) this.checkpoint(true);
      else if (this.wrote || this.checkpointDue) {
        // A long-lived writer (the team server) signs at most once a
        // second; whatever is left is signed when the store is closed.
        if (performance.now() - this.checkpointedAt >= CHECKPOINT_EVERY_MS) {
          this.checkpoint(false);
        } else this.checkpointDue = true;
      }
      this.wrote = this.rebased = false;
      return result;
    }
  }

  /** Append one event to the chain (merging any waiting spool first). */
  append(ev: AuditEventInput): AuditEvent {
    return this.appendBatch([ev])[0];
  }

  /**
   * Append events in one transaction, in order, chained. A waiting spool is
   * merged first, inside the same transaction. Returns the stored events
   * (spool entries not included).
   */
  appendBatch(evs: readonly AuditEventInput[]): AuditEvent[] {
    const dir = dirOf(this.path);
    const pending = spoolPending(dir);
    return this.writeTx(() => {
      if (pending) this.mergeSpoolLocked(dir);
      return evs.map((ev) => this.insertLocked(prepareEvent(ev)));
    });
  }

  /**
   * Merge a waiting spool, if any, before a read (events the PreToolUse hook
   * spooled, or that waited for a lock). A store that cannot be written is
   * read as it is.
   */
  private catchUp(): void {
    try {
      if (spoolPending(dirOf(this.path))) this.mergeSpool();
    } catch {
      // read-only or locked: the spool stays for the next writer
    }
  }

  /** Merge a waiting spool now (normally `append` does it). Returns how many events came in. */
  mergeSpool(): number {
    const dir = dirOf(this.path);
    if (!spoolPending(dir)) return 0;
    return this.writeTx(() => this.mergeSpoolLocked(dir));
  }

  private mergeSpoolLocked(dir: string): number {
    const files = claimSpool(dir);
    if (files.length === 0) return 0;
    const { entries, sizes } = readSpool(files);
    const seen = this.db.prepare(
      "INSERT OR IGNORE INTO spool_merged(sid) VALUES (?)",
    );
    let merged = 0;
    for (const entry of entries) {
      if (seen.run(entry.sid).changes === 0) continue;
      this.insertLocked(prepareEvent(entry.event));
      merged++;
    }
    // The files go only once the transaction has committed (see writeTx).
    this.afterCommit.push(() => finishSpool(files, sizes));
    return merged;
  }

  private insertLocked(ev: AuditEventInput & { time: string }): AuditEvent {
    this.wrote = true;
    const last = this.lastLink();
    const id = last.id + 1;
    const body = hashBody(id, ev);
    const hash = chainHash(last.hash, body);
    this.stmt(
      `INSERT INTO events (${COLUMNS}, verdict) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
    ).run(
      id,
      ev.time,
      ev.sessionId ?? null,
      ev.turnId ?? null,
      ev.toolUseId ?? null,
      ev.agent,
      ev.toolName,
      ev.connectorType,
      ev.decision,
      ev.decisionId ?? null,
      JSON.stringify(ev.policies),
      ev.severity,
      ev.reason ?? null,
      ev.inputSummary,
      ev.outputSummary ?? null,
      ev.durationMs ?? null,
      ev.success ? 1 : 0,
      ev.errorMessage ?? null,
      last.hash,
      hash,
      ev.user ?? null,
      ev.host ?? null,
      ev.context ?? null,
      ev.decisionId ? 1 : 0,
    );
    const hour = ev.time.slice(0, 13);
    this.stmt(
      `INSERT INTO stats_hourly(hour, connector_type, decision, severity, verdict, n, dur_sum, dur_n)
       VALUES (?,?,?,?,?,1,?,?)
       ON CONFLICT DO UPDATE SET n = n + 1, dur_sum = dur_sum + excluded.dur_sum, dur_n = dur_n + excluded.dur_n`,
    ).run(
      hour,
      ev.connectorType,
      ev.decision,
      ev.severity,
      ev.decisionId ? 1 : 0,
      ev.durationMs ?? 0,
      ev.durationMs === undefined ? 0 : 1,
    );
    if (ev.policies.length > 0) {
      const ins = this.stmt(
        "INSERT OR IGNORE INTO event_policies(event_id, policy_id, time, decision, connector_type) VALUES (?,?,?,?,?)",
      );
      const roll = this.stmt(
        `INSERT INTO policy_hourly(hour, connector_type, policy_id, triggers, blocks) VALUES (?,?,?,1,?)
         ON CONFLICT DO UPDATE SET triggers = triggers + 1, blocks = blocks + excluded.blocks`,
      );
      for (const p of ev.policies) {
        ins.run(id, p, ev.time, ev.decision, ev.connectorType);
        roll.run(hour, ev.connectorType, p, ev.decision === "blocked" ? 1 : 0);
      }
    }
    return { ...ev, id, prevHash: last.hash, hash };
  }

  /** The id and hash the next event chains to: the newest row, else the latest anchor, else genesis. */
  private lastLink(): { id: number; hash: string } {
    const row = this.stmt(
      "SELECT id, hash FROM events ORDER BY id DESC LIMIT 1",
    ).get() as Row | undefined;
    if (row) return { id: Number(row.id), hash: String(row.hash) };
    const anchor = this.latestAnchor();
    return anchor ?? { id: 0, hash: GENESIS_HASH };
  }

  private latestAnchor(): { id: number; hash: string } | undefined {
    const a = this.db.prepare(
      "SELECT cut_id, hash FROM anchors ORDER BY cut_id DESC LIMIT 1",
    ).get() as Row | undefined;
    return a ? { id: Number(a.cut_id), hash: String(a.hash) } : undefined;
  }

  /** Search newest first; `total` counts every match, not only the page. */
  search(q: AuditQuery = {}): { entries: AuditEvent[]; total: number } {
    this.catchUp();
    const where: string[] = [];
    const args: SQLInputValue[] = [];
    const from = q.from ? normalizeTime(q.from, "from") : undefined;
    const to = q.to ? normalizeTime(q.to, "to") : undefined;
    if (from) where.push("time >= ?"), args.push(from);
    if (to) where.push("time <= ?"), args.push(to);
    if (q.decision) where.push("decision = ?"), args.push(q.decision);
    if (q.toolName) where.push("tool_name = ?"), args.push(q.toolName);
    if (q.connectorType) {
      where.push("connector_type = ?"), args.push(q.connectorType);
    }
    if (q.agent) where.push("agent = ?"), args.push(q.agent);
    if (q.user) where.push("os_user = ?"), args.push(q.user);
    if (q.host) where.push("host = ?"), args.push(q.host);
    if (q.sessionId) where.push("session_id = ?"), args.push(q.sessionId);
    if (q.verdict !== undefined) {
      where.push("verdict = ?"), args.push(q.verdict ? 1 : 0);
    }
    if (q.policyId) {
      const sub = ["policy_id = ?"];
      args.push(q.policyId);
      if (from) sub.push("time >= ?"), args.push(from);
      if (to) sub.push("time <= ?"), args.push(to);
      where.push(
        `id IN (SELECT event_id FROM event_policies WHERE ${
          sub.join(" AND ")
        })`,
      );
    }
    if (q.text) {
      const like = "%" + q.text.slice(0, 256).replace(/[\\%_]/g, (c) =>
        "\\" + c) +
        "%";
      where.push(
        "(input_summary LIKE ? ESCAPE '\\' OR output_summary LIKE ? ESCAPE '\\' OR reason LIKE ? ESCAPE '\\' OR error_message LIKE ? ESCAPE '\\'" +
          " OR tool_name LIKE ? ESCAPE '\\' OR connector_type LIKE ? ESCAPE '\\' OR agent LIKE ? ESCAPE '\\' OR policies LIKE ? ESCAPE '\\' OR decision_id LIKE ? ESCAPE '\\')",
      );
      args.push(like, like, like, like, like, like, like, like, like);
    }
    const clause = where.length ? "WHERE " + where.join(" AND ") : "";
    const limit = clampInt(q.limit ?? 20, 0, 1000);
    const offset = clampInt(q.offset ?? 0, 0, Number.MAX_SAFE_INTEGER);
    const simple = !q.toolName && !q.policyId && !q.text && !q.agent &&
      !q.user && !q.host && !q.sessionId;
    const total = simple ? this.countByRollup(from, to, q) : Number(
      (this.stmt(`SELECT count(*) AS n FROM events ${clause}`).get(
        ...args,
      ) as Row).n,
    );
    const rows = this.stmt(
      `SELECT ${COLUMNS} FROM events ${clause} ORDER BY time DESC, id DESC LIMIT ? OFFSET ?`,
    ).all(...args, limit, offset) as Row[];
    return { entries: rows.map(rowToEvent), total };
  }

  /**
   * Count events in [from, to] matching decision / connector type / verdict,
   * from the hourly roll-ups for whole hours plus the events of the partial
   * hours at either end: fast on millions of events.
   */
  private countByRollup(
    from: string | undefined,
    to: string | undefined,
    q: AuditQuery,
  ): number {
    const HOUR = 3600_000;
    const filters: string[] = [];
    const fargs: SQLInputValue[] = [];
    if (q.decision) filters.push("decision = ?"), fargs.push(q.decision);
    if (q.connectorType) {
      filters.push("connector_type = ?"), fargs.push(q.connectorType);
    }
    if (q.verdict !== undefined) {
      filters.push("verdict = ?"), fargs.push(q.verdict ? 1 : 0);
    }
    const raw = (
      lo: string | undefined,
      hi: string | undefined,
      hiIncl: boolean,
    ) => {
      const w = [...filters];
      const a: SQLInputValue[] = [...fargs];
      if (lo !== undefined) w.push("time >= ?"), a.push(lo);
      if (hi !== undefined) w.push(`time ${hiIncl ? "<=" : "<"} ?`), a.push(hi);
      const where = w.length ? "WHERE " + w.join(" AND ") : "";
      return Number(
        (this.stmt(`SELECT count(*) AS n FROM events ${where}`).get(
          ...a,
        ) as Row).n,
      );
    };
    const h1 = from === undefined
      ? undefined
      : Math.ceil(Date.parse(from) / HOUR) * HOUR;
    const h2 = to === undefined
      ? undefined
      : Math.floor(Date.parse(to) / HOUR) * HOUR;
    if (h1 !== undefined && h2 !== undefined && h1 >= h2) {
      return raw(from, to, true);
    }
    const iso = (ms: number) => new Date(ms).toISOString();
    let total = 0;
    const w = [...filters];
    const a: SQLInputValue[] = [...fargs];
    if (h1 !== undefined) {
      w.push("hour >= ?"), a.push(iso(h1).slice(0, 13));
      total += raw(from, iso(h1), false);
    }
    if (h2 !== undefined) {
      w.push("hour < ?"), a.push(iso(h2).slice(0, 13));
      total += raw(iso(h2), to, true);
    }
    const where = w.length ? "WHERE " + w.join(" AND ") : "";
    total += Number(
      (this.stmt(`SELECT total(n) AS n FROM stats_hourly ${where}`).get(
        ...a,
      ) as Row).n,
    );
    return total;
  }

  /** Up to `limit` events with an id above `afterId`, oldest first (what a forwarder ships next). */
  eventsAfter(afterId: number, limit: number): AuditEvent[] {
    this.catchUp();
    const rows = this.stmt(
      `SELECT ${COLUMNS} FROM events WHERE id > ? ORDER BY id LIMIT ?`,
    ).all(afterId, clampInt(limit, 1, 10_000)) as Row[];
    return rows.map(rowToEvent);
  }

  /**
   * Keep a developer's checkpoint (a team server does this for every
   * developer's hooks): the newest per store, by count. A checkpoint with a
   * lower count than the one kept is ignored, so a rewritten store cannot
   * roll the server's copy back. Returns whether it was kept.
   */
  recordWitness(
    cp: Checkpoint,
    who: { user?: string; host?: string } = {},
  ): boolean {
    return this.writeTx(() => {
      const r = this.stmt(
        `INSERT INTO witness(store_id, count, head, base_id, base_hash, first, time, received, os_user, host)
         VALUES (?,?,?,?,?,?,?,?,?,?)
         ON CONFLICT DO UPDATE SET count = excluded.count, head = excluded.head,
           base_id = excluded.base_id, base_hash = excluded.base_hash, first = excluded.first,
           time = excluded.time, received = excluded.received,
           os_user = excluded.os_user, host = excluded.host
         WHERE excluded.count >= witness.count`,
      ).run(
        cp.storeId,
        cp.count,
        cp.head,
        cp.baseId,
        cp.baseHash,
        cp.first ?? null,
        cp.time,
        new Date().toISOString(),
        who.user ?? null,
        who.host ?? null,
      );
      return Number(r.changes) > 0;
    });
  }

  /** The checkpoint kept for a developer's store, if any. */
  witness(storeId: string): Checkpoint | undefined {
    const r = this.stmt("SELECT * FROM witness WHERE store_id = ?").get(
      storeId,
    ) as Row | undefined;
    if (!r) return undefined;
    return {
      storeId: String(r.store_id),
      count: Number(r.count),
      head: String(r.head),
      baseId: Number(r.base_id),
      baseHash: String(r.base_hash),
      first: r.first === null ? undefined : String(r.first),
      time: String(r.time),
    };
  }

  /** The latest checkpoint this store signed (undefined: none, or the log is unusable). */
  latestSignedCheckpoint(): Checkpoint | undefined {
    return this.latestCheckpoint().cp;
  }

  /** Compare this store with a checkpoint kept elsewhere (a team server's copy): the problems found. */
  compareWith(cp: Checkpoint): string[] {
    this.catchUp();
    return compareWithCheckpoint(this.chainState(), cp);
  }

  /** The id of the last event a forwarder (`sink`) delivered; 0 when it has delivered none. */
  shipCursor(sink: string): number {
    const row = this.stmt("SELECT last_id FROM ship_cursor WHERE sink = ?")
      .get(sink) as Row | undefined;
    return row ? Number(row.last_id) : 0;
  }

  /** Record that `sink` has delivered every event up to `lastId` (never moves backwards). */
  setShipCursor(sink: string, lastId: number): void {
    this.writeTx(() => {
      this.stmt(
        `INSERT INTO ship_cursor(sink, last_id) VALUES (?, ?)
         ON CONFLICT DO UPDATE SET last_id = max(last_id, excluded.last_id)`,
      ).run(sink, lastId);
    });
  }

  /** The verdict event with this decision id (the newest, should several share it). */
  byDecisionId(decisionId: string): AuditEvent | undefined {
    this.catchUp();
    const row = this.db.prepare(
      `SELECT ${COLUMNS} FROM events WHERE decision_id = ? ORDER BY id DESC LIMIT 1`,
    ).get(decisionId) as Row | undefined;
    return row ? rowToEvent(row) : undefined;
  }

  /** Number of events stored. */
  count(): number {
    this.catchUp();
    return Number(
      (this.db.prepare("SELECT count(*) AS n FROM events").get() as Row).n,
    );
  }

  /**
   * The `get_policy_stats` figures over [from, to] (default: the last 24 h),
   * optionally for one connector type. Verdicts are events with a decision id
   * (policy checks); `total_events` counts every event, records included.
   * `policyName` turns a policy id into its name for `top_policies`.
   */
  stats(
    q: { from?: string; to?: string; connectorType?: string } = {},
    policyName: (id: string) => string = (id) => id,
  ): PolicyStats {
    this.catchUp();
    const to = q.to ? normalizeTime(q.to, "to") : new Date().toISOString();
    const from = q.from
      ? normalizeTime(q.from, "from")
      : new Date(Date.parse(to) - 24 * 3600_000).toISOString();
    const ct = q.connectorType;
    const HOUR = 3600_000;
    const fromMs = Date.parse(from);
    const toMs = Date.parse(to);
    const h1 = Math.ceil(fromMs / HOUR) * HOUR; // first whole hour
    const h2 = Math.floor(toMs / HOUR) * HOUR; // end of the whole hours
    const parts: Row[] = [];
    const policyRows: Row[] = [];
    if (h1 < h2) {
      const k1 = new Date(h1).toISOString().slice(0, 13);
      const k2 = new Date(h2).toISOString().slice(0, 13);
      const extra = ct ? " AND connector_type = ?" : "";
      const rargs: SQLInputValue[] = ct ? [k1, k2, ct] : [k1, k2];
      parts.push(
        this.stmt(
          `SELECT total(n) AS total_events,
           total(CASE WHEN verdict THEN n END) AS verdicts,
           total(CASE WHEN verdict AND decision = 'allowed' THEN n END) AS allowed,
           total(CASE WHEN verdict AND decision = 'blocked' THEN n END) AS blocked,
           total(CASE WHEN verdict AND decision = 'redacted' THEN n END) AS redacted,
           total(CASE WHEN verdict AND decision = 'error' THEN n END) AS error,
           total(CASE WHEN verdict THEN dur_sum END) AS latency_sum,
           total(CASE WHEN verdict THEN dur_n END) AS latency_n,
           total(CASE WHEN verdict AND severity = 'critical' THEN n END) AS critical,
           total(CASE WHEN verdict AND severity = 'high' THEN n END) AS high,
           total(CASE WHEN verdict AND severity = 'medium' THEN n END) AS medium,
           total(CASE WHEN verdict AND severity = 'low' THEN n END) AS low
         FROM stats_hourly WHERE hour >= ? AND hour < ?${extra}`,
        ).get(...rargs) as Row,
      );
      policyRows.push(
        ...this.stmt(
          `SELECT policy_id, total(triggers) AS triggers, total(blocks) AS blocks
           FROM policy_hourly WHERE hour >= ? AND hour < ?${extra} GROUP BY policy_id`,
        ).all(...rargs) as Row[],
      );
      this.rawStats(
        from,
        new Date(h1).toISOString(),
        false,
        ct,
        parts,
        policyRows,
      );
      this.rawStats(
        new Date(h2).toISOString(),
        to,
        true,
        ct,
        parts,
        policyRows,
      );
    } else {
      this.rawStats(from, to, true, ct, parts, policyRows);
    }
    const n = (k: string) =>
      parts.reduce((sum, r) => sum + Number(r[k] ?? 0), 0);
    const merged = new Map<string, { triggers: number; blocks: number }>();
    for (const r of policyRows) {
      const id = String(r.policy_id);
      const m = merged.get(id) ?? { triggers: 0, blocks: 0 };
      m.triggers += Number(r.triggers);
      m.blocks += Number(r.blocks);
      merged.set(id, m);
    }
    const top = [...merged.entries()]
      .filter(([, v]) => v.triggers > 0)
      .sort((a, b) => b[1].triggers - a[1].triggers || (a[0] < b[0] ? -1 : 1))
      .slice(0, 10)
      .map(([policy_id, v]) => ({
        policy_id,
        triggers: v.triggers,
        blocks: v.blocks,
      }));
    const verdicts = n("verdicts");
    const blocked = n("blocked");
    return {
      total_requests: verdicts,
      allowed_requests: n("allowed"),
      blocked_requests: blocked,
      modified_requests: n("redacted"),
      error_requests: n("error"),
      block_rate_percent: verdicts ? round2((blocked / verdicts) * 100) : 0,
      avg_latency_ms: n("latency_n")
        ? round2(n("latency_sum") / n("latency_n"))
        : 0,
      total_events: n("total_events"),
      by_severity: {
        critical: n("critical"),
        high: n("high"),
        medium: n("medium"),
        low: n("low"),
      },
      by_action: {
        allowed: n("allowed"),
        blocked,
        redacted: n("redacted"),
        error: n("error"),
      },
      top_policies: top.map((r) => ({
        policy_id: r.policy_id,
        policy_name: policyName(r.policy_id),
        trigger_count: r.triggers,
        block_count: r.blocks,
      })),
      compliance_score: verdicts
        ? round2(((verdicts - blocked) / verdicts) * 100)
        : 100,
      from,
      to,
    };
  }

  /** Aggregate events in [lo, hi) (or [lo, hi] when `hiIncl`) straight from the events table. */
  private rawStats(
    lo: string,
    hi: string,
    hiIncl: boolean,
    ct: string | undefined,
    parts: Row[],
    policyRows: Row[],
  ): void {
    let clause = `time >= ? AND time ${hiIncl ? "<=" : "<"} ?`;
    const args: SQLInputValue[] = [];
    if (ct) {
      clause = "connector_type = ? AND " + clause;
      args.push(ct);
    }
    args.push(lo, hi);
    parts.push(
      this.stmt(
        `SELECT count(*) AS total_events,
         total(verdict) AS verdicts,
         total(verdict AND decision = 'allowed') AS allowed,
         total(verdict AND decision = 'blocked') AS blocked,
         total(verdict AND decision = 'redacted') AS redacted,
         total(verdict AND decision = 'error') AS error,
         total(CASE WHEN verdict THEN duration_ms END) AS latency_sum,
         count(CASE WHEN verdict THEN duration_ms END) AS latency_n,
         total(verdict AND severity = 'critical') AS critical,
         total(verdict AND severity = 'high') AS high,
         total(verdict AND severity = 'medium') AS medium,
         total(verdict AND severity = 'low') AS low
       FROM events WHERE ${clause}`,
      ).get(...args) as Row,
    );
    policyRows.push(
      ...this.stmt(
        `SELECT policy_id, count(*) AS triggers, total(decision = 'blocked') AS blocks
         FROM event_policies WHERE ${clause} GROUP BY policy_id`,
      ).all(...args) as Row[],
    );
  }

  /** Walk the chain from genesis (or the latest retention anchor); report the first broken link. */
  verify(): VerifyResult {
    this.catchUp();
    if (this.checkpointDue) this.checkpoint(false);
    const chain = this.verifyChain();
    const problems = chain.ok ? [] : [chain.message ?? "broken chain"];
    let checkpoint: VerifyResult["checkpoint"];
    const seen = this.latestCheckpoint();
    if (seen.error) problems.push(seen.error);
    if (seen.cp) {
      checkpoint = {
        count: seen.cp.count,
        head: seen.cp.head,
        time: seen.cp.time,
      };
      problems.push(...compareWithCheckpoint(this.chainState(), seen.cp));
    }
    if (problems.length === 0) return { ...chain, checkpoint };
    return {
      ok: false,
      checked: chain.checked,
      brokenAt: chain.brokenAt,
      message: problems[0],
      problems,
      checkpoint,
    };
  }

  /** The store's identity, made when the file was created. */
  storeId(): string {
    if (this.id === undefined) {
      const row = this.stmt("SELECT value FROM meta WHERE key = 'store_id'")
        .get() as Row | undefined;
      this.id = String(row?.value ?? "unknown");
    }
    return this.id;
  }

  /** The chain as it stands: identity, newest id, base and first hash. */
  private chainState(): ChainState {
    const base = this.latestAnchor() ?? { id: 0, hash: GENESIS_HASH };
    const last = this.lastLink();
    const hashAt = (id: number) => {
      if (id === base.id) return base.hash;
      const r = this.stmt("SELECT hash FROM events WHERE id = ?").get(id) as
        | Row
        | undefined;
      return r ? String(r.hash) : undefined;
    };
    const firstRow = this.stmt("SELECT min(id) AS id FROM events").get() as Row;
    return {
      storeId: this.storeId(),
      count: last.id,
      baseId: base.id,
      baseHash: base.hash,
      first: firstRow.id === null ? undefined : hashAt(Number(firstRow.id)),
      hashAt,
    };
  }

  /** The newest checkpoint whose signature holds, and a sentence on any problem with the log. */
  private latestCheckpoint(): { cp?: Checkpoint; error?: string } {
    let key: Uint8Array;
    try {
      key = this.key ?? loadKey(this.witnessDir, false);
      this.key = key;
    } catch (e) {
      if (!(e instanceof Deno.errors.NotFound)) {
        return { error: `checkpoint key unusable: ${errorText(e)}` };
      }
      const log = readCheckpoints(this.witnessDir, new Uint8Array(32));
      return log.valid.length + log.forged > 0
        ? {
          error:
            "the checkpoint key is gone while checkpoints exist: they cannot be checked",
        }
        : {};
    }
    const log = readCheckpoints(this.witnessDir, key);
    if (log.unusable) {
      return { error: `checkpoint log unusable: ${log.unusable}` };
    }
    const cp = log.valid.at(-1);
    if (log.forged > 0) {
      return {
        cp,
        error: `${log.forged} checkpoint line${
          log.forged === 1 ? " fails its" : "s fail their"
        } signature (the checkpoint log was edited)`,
      };
    }
    return { cp };
  }

  /**
   * Sign the chain's state into the checkpoint log, but only when it extends
   * the latest checkpoint (same store, same base unless this write pruned,
   * the old head still in place): a tampered store is never blessed, so
   * `verify` keeps reporting against the last good checkpoint. Never throws.
   */
  private checkpoint(rebased: boolean): void {
    try {
      this.key ??= loadKey(this.witnessDir);
      const state = this.chainState();
      // Another process may have written since: its checkpoint is at the
      // log's end, so only the tail is read (and only when this instance's
      // own last checkpoint is not the newest).
      const prev =
        readCheckpoints(this.witnessDir, this.key, 1500).valid.at(-1) ??
          this.lastCheckpoint;
      if (prev) {
        // A prune (this transaction moved the base) may drop the old head;
        // what must still hold is the store's identity.
        const problems = rebased
          ? (prev.storeId === state.storeId && state.baseId >= prev.baseId
            ? []
            : ["the store is not the one the last checkpoint names"])
          : compareWithCheckpoint(state, prev);
        if (problems.length > 0) {
          this.checkpointError = `checkpoint withheld: ${problems[0]}`;
          return;
        }
      }
      const cp: Checkpoint = {
        storeId: state.storeId,
        count: state.count,
        head: state.count > state.baseId
          ? state.hashAt(state.count) ?? state.baseHash
          : state.baseHash,
        baseId: state.baseId,
        baseHash: state.baseHash,
        first: state.first,
        time: new Date().toISOString(),
      };
      appendCheckpoint(this.witnessDir, cp, this.key);
      this.lastCheckpoint = cp;
      this.checkpointedAt = performance.now();
      this.checkpointDue = false;
      this.checkpointError = undefined;
    } catch (e) {
      this.checkpointError = `checkpoint not written: ${errorText(e)}`;
    }
  }

  /** Walk the chain only (no checkpoint comparison). */
  private verifyChain(): VerifyResult {
    const anchor = this.latestAnchor();
    let expectId = anchor ? anchor.id + 1 : 1;
    let expectPrev = anchor ? anchor.hash : GENESIS_HASH;
    let checked = 0;
    const rows = this.db.prepare(`SELECT ${COLUMNS} FROM events ORDER BY id`)
      .iterate() as Iterable<Row>;
    for (const row of rows) {
      const ev = rowToEvent(row);
      if (ev.id !== expectId) {
        return broken(
          ev.id,
          checked,
          `expected event ${expectId}, found ${ev.id} (events removed?)`,
        );
      }
      if (ev.prevHash !== expectPrev) {
        return broken(
          ev.id,
          checked,
          `event ${ev.id}: prev_hash does not match the hash of the event before it`,
        );
      }
      if (chainHash(ev.prevHash, hashBody(ev.id, ev)) !== ev.hash) {
        return broken(
          ev.id,
          checked,
          `event ${ev.id}: content does not match its hash (edited?)`,
        );
      }
      checked++;
      expectId = ev.id + 1;
      expectPrev = ev.hash;
    }
    return { ok: true, checked };
  }

  /**
   * Delete events older than `maxAgeDays`, as the longest prefix of the chain
   * that is entirely older (an old event after a newer one waits for the next
   * prune). Records the hash at the cut in `anchors` so `verify` still passes.
   */
  prune(maxAgeDays: number): { removed: number } {
    if (!(maxAgeDays >= 0)) throw new RangeError("maxAgeDays must be >= 0");
    const cutoff = new Date(Date.now() - maxAgeDays * 86400_000).toISOString();
    return this.writeTx(() => {
      const first = this.db.prepare("SELECT min(id) AS id FROM events")
        .get() as Row;
      if (first.id === null) return { removed: 0 };
      const young = this.db.prepare(
        "SELECT min(id) AS id FROM events WHERE time >= ?",
      ).get(cutoff) as Row;
      const cut = young.id === null
        ? Number(
          (this.db.prepare("SELECT max(id) AS id FROM events").get() as Row).id,
        )
        : Number(young.id) - 1;
      if (cut < Number(first.id)) return { removed: 0 };
      const at = this.db.prepare("SELECT hash FROM events WHERE id = ?").get(
        cut,
      ) as Row;
      this.db.prepare(
        `UPDATE stats_hourly SET n = stats_hourly.n - d.cnt, dur_sum = stats_hourly.dur_sum - d.ds, dur_n = stats_hourly.dur_n - d.dn
         FROM (SELECT substr(time, 1, 13) AS h, connector_type AS c, decision AS dc, severity AS sv,
                      verdict AS v, count(*) AS cnt, total(duration_ms) AS ds, count(duration_ms) AS dn
               FROM events WHERE id <= ? GROUP BY 1, 2, 3, 4, 5) AS d
         WHERE hour = d.h AND connector_type = d.c AND decision = d.dc AND severity = d.sv AND verdict = d.v`,
      ).run(cut);
      this.db.prepare(
        `UPDATE policy_hourly SET triggers = policy_hourly.triggers - d.t, blocks = policy_hourly.blocks - d.b
         FROM (SELECT substr(time, 1, 13) AS h, connector_type AS c, policy_id AS p,
                      count(*) AS t, total(decision = 'blocked') AS b
               FROM event_policies WHERE event_id <= ? GROUP BY 1, 2, 3) AS d
         WHERE hour = d.h AND connector_type = d.c AND policy_id = d.p`,
      ).run(cut);
      this.db.exec("DELETE FROM stats_hourly WHERE n <= 0");
      this.db.exec("DELETE FROM policy_hourly WHERE triggers <= 0");
      const removed = Number(
        this.db.prepare("DELETE FROM events WHERE id <= ?").run(cut).changes,
      );
      this.db.prepare("DELETE FROM event_policies WHERE event_id <= ?").run(
        cut,
      );
      this.db.prepare(
        "INSERT INTO anchors(cut_id, hash, time, removed) VALUES (?,?,?,?)",
      ).run(cut, String(at.hash), new Date().toISOString(), removed);
      this.wrote = this.rebased = true;
      return { removed };
    });
  }

  /** Close the file (signing a checkpoint first when events came in since the last one). */
  close(): void {
    if (this.checkpointDue) this.checkpoint(false);
    this.db.close();
  }
}

/** The default data directory: `$AXONFLOW_HOME`, else `~/.axonflow`. Needs env permission for those two variables. */
export function defaultDataDir(): string {
  const env = (k: string) => {
    try {
      return Deno.env.get(k);
    } catch {
      return undefined;
    }
  };
  const home = env("AXONFLOW_HOME");
  if (home) return home;
  return `${env("HOME") ?? env("USERPROFILE") ?? "."}/.axonflow`;
}

/** Path of the audit database in a data directory. */
export function auditPath(dataDir: string): string {
  return dataDir.endsWith("/")
    ? dataDir + AUDIT_FILE
    : `${dataDir}/${AUDIT_FILE}`;
}

/** What `recordEvent` did. */
export interface RecordResult {
  stored: boolean;
  spooled: boolean;
  /** Set when the store could not take the event (and, if `spooled` is false, neither could the spool). */
  error?: string;
  event?: AuditEvent;
}

/**
 * Never throws: appends the event to `<dataDir>/audit.db` (creating the
 * directory when missing). On a locked, read-only, corrupt or missing store
 * keeps the event in `<dataDir>/audit.spool.jsonl` and returns
 * `{stored:false, spooled:true, error}`; when even that fails returns
 * `{stored:false, spooled:false, error}` for the caller to print on stderr.
 * The next successful write merges the spool first.
 */
export function recordEvent(
  dataDir: string,
  ev: AuditEventInput,
  opts: OpenOptions = {},
): RecordResult {
  let prepared: AuditEventInput & { time: string };
  try {
    prepared = prepareEvent(ev);
  } catch (e) {
    return {
      stored: false,
      spooled: false,
      error: `bad audit event: ${errorText(e)}`,
    };
  }
  let storeError: string;
  try {
    try {
      Deno.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    } catch {
      // opening reports the real problem
    }
    const store = AuditStore.open(auditPath(dataDir), opts);
    try {
      return { stored: true, spooled: false, event: store.append(prepared) };
    } finally {
      store.close();
    }
  } catch (e) {
    storeError = errorText(e);
  }
  try {
    appendSpool(dataDir, prepared);
    return {
      stored: false,
      spooled: true,
      error:
        `audit store unavailable (${storeError}); event kept in ${dataDir}/audit.spool.jsonl`,
    };
  } catch (e) {
    return {
      stored: false,
      spooled: false,
      error: `audit store unavailable (${storeError}); spool failed too (${
        errorText(e)
      })`,
    };
  }
}

/** Normalise a query time to the stored form; throws a RangeError naming the argument when it is not a date. */
export function normalizeTime(t: string, name: string): string {
  const ms = Date.parse(t);
  if (!Number.isFinite(ms)) {
    throw new RangeError(
      `${name}: not an ISO 8601 date-time: ${JSON.stringify(t.slice(0, 64))}`,
    );
  }
  return new Date(ms).toISOString();
}

function hashBody(id: number, ev: AuditEventInput & { time: string }): string {
  return canonicalJson({
    id,
    time: ev.time,
    sessionId: ev.sessionId,
    turnId: ev.turnId,
    toolUseId: ev.toolUseId,
    user: ev.user,
    host: ev.host,
    agent: ev.agent,
    toolName: ev.toolName,
    connectorType: ev.connectorType,
    decision: ev.decision,
    decisionId: ev.decisionId,
    policies: ev.policies,
    severity: ev.severity,
    reason: ev.reason,
    inputSummary: ev.inputSummary,
    outputSummary: ev.outputSummary,
    durationMs: ev.durationMs,
    success: ev.success,
    errorMessage: ev.errorMessage,
    context: ev.context,
  });
}

/** SHA-256 (hex) chaining a canonical event body to the previous hash. */
export function chainHash(prevHash: string, body: string): string {
  return sha256Hex(`${prevHash}\n${body}`);
}

function rowToEvent(r: Row): AuditEvent {
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

function broken(id: number, checked: number, message: string): VerifyResult {
  return { ok: false, checked, brokenAt: id, message };
}

function isBusy(e: unknown): boolean {
  return /database is locked|SQLITE_BUSY/i.test(errorText(e));
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function dirOf(path: string): string {
  const i = path.lastIndexOf("/");
  return i < 0 ? "." : i === 0 ? "/" : path.slice(0, i);
}

function clampInt(v: number, min: number, max: number): number {
  const n = Math.trunc(Number(v));
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : min;
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}
