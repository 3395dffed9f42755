/**
 * The tamper-evident audit store: one SQLite file (`<dataDir>/audit.db`,
 * through Deno's built-in `node:sqlite`) in WAL mode. The `AuditStore` class
 * opens (and migrates) the file, runs every write in one locked transaction,
 * merges the spool, and signs checkpoints after commits; the work itself is
 * done by single-purpose modules beside it:
 *
 * - `schema.ts`: the migrations, the schema version, the events columns;
 * - `chain.ts`: the hash chain (genesis, hashing, where the chain stands);
 * - `insert.ts`: writing one event; `query.ts`: reading events back;
 * - `stats.ts`: the policy statistics; `verify.ts`: checking the chain;
 * - `signer.ts`: checkpoint signing; `retention.ts`: pruning;
 * - `witness_copies.ts`, `ship_cursor.ts`: the team server's and the
 *   forwarders' bookkeeping; `paths.ts`: where the file lives;
 * - `record.ts`: the never-throwing `recordEvent` that hooks call.
 *
 * @module
 */

import { DatabaseSync } from "node:sqlite";
// Loaded for its effect: every event the store takes in is redacted by the
// PII and secret scanner (see engine/detect/sensitive_slot.ts), whichever
// program opened the store.
import "../engine/detect/sensitive.ts";
import { type AuditEventInput, prepareEvent } from "./event.ts";
import {
  type ChainState,
  type Checkpoint,
  compareWithCheckpoint,
} from "./checkpoint.ts";
import { chainState } from "./chain.ts";
import { errorText } from "./error_text.ts";
import { insertLocked } from "./insert.ts";
import { dirOf } from "./paths.ts";
import {
  type AuditQuery,
  byDecisionId,
  countEvents,
  eventsAfter,
  searchEvents,
} from "./query.ts";
import { pruneLocked } from "./retention.ts";
import {
  type AuditEvent,
  migrateLocked,
  SCHEMA_VERSION,
  schemaVersion,
} from "./schema.ts";
import { getShipCursor, putShipCursorLocked } from "./ship_cursor.ts";
import { CheckpointSigner } from "./signer.ts";
import { type Row, Sql } from "./sql.ts";
import { type PolicyStats, policyStats } from "./stats.ts";
import { verifyReport, type VerifyResult, walkChain } from "./verify.ts";
import { getWitness, putWitnessLocked } from "./witness_copies.ts";
import { claimSpool, finishSpool, readSpool, spoolPending } from "./spool.ts";

export {
  type Agent,
  type AuditEventInput,
  prepareEvent,
  SUMMARY_MAX_CHARS,
  type Verdict,
} from "./event.ts";
export { chainHash, GENESIS_HASH } from "./chain.ts";
export { AUDIT_FILE, auditPath, defaultDataDir } from "./paths.ts";
export { type AuditQuery, normalizeTime } from "./query.ts";
export { type AuditEvent, MIGRATIONS, SCHEMA_VERSION } from "./schema.ts";
export { CHECKPOINT_EVERY_MS } from "./signer.ts";
export type { PolicyStats } from "./stats.ts";
export type { VerifyResult } from "./verify.ts";

/** Options for opening the store. */
export interface OpenOptions {
  /** How long to wait for another writer's lock, in ms (default 5000). */
  busyTimeoutMs?: number;
  /** Folder of the checkpoint log and its key (default: the database's folder). */
  witnessDir?: string;
}

/** The tamper-evident audit trail in one SQLite file. */
export class AuditStore {
  private afterCommit: (() => void)[] = [];
  /** Events were written in the open transaction: checkpoint after the commit. */
  private wrote = false;
  /** The open transaction moved the chain's base (a prune). */
  private rebased = false;
  private id?: string;
  private readonly sql: Sql;
  private readonly signer: CheckpointSigner;

  private constructor(
    private readonly db: DatabaseSync,
    /** Path of the database file. */
    readonly path: string,
    /** Folder of the checkpoint log and its key. */
    readonly witnessDir: string,
  ) {
    this.sql = new Sql(db);
    this.signer = new CheckpointSigner(witnessDir, () => this.chainState());
  }

  /** Why the last checkpoint was not written, when it was not. */
  get checkpointError(): string | undefined {
    return this.signer.error;
  }

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
    return schemaVersion(this.db);
  }

  private migrate(): void {
    if (this.schemaVersion() === SCHEMA_VERSION) return;
    this.writeTx(() => migrateLocked(this.db));
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
      this.signer.committed(this.wrote, this.rebased);
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
    return insertLocked(this.sql, ev);
  }

  /** Search newest first; `total` counts every match, not only the page. */
  search(q: AuditQuery = {}): { entries: AuditEvent[]; total: number } {
    this.catchUp();
    return searchEvents(this.sql, q);
  }

  /** Up to `limit` events with an id above `afterId`, oldest first (what a forwarder ships next). */
  eventsAfter(afterId: number, limit: number): AuditEvent[] {
    this.catchUp();
    return eventsAfter(this.sql, afterId, limit);
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
    return this.writeTx(() => putWitnessLocked(this.sql, cp, who));
  }

  /** The checkpoint kept for a developer's store, if any. */
  witness(storeId: string): Checkpoint | undefined {
    return getWitness(this.sql, storeId);
  }

  /** The latest checkpoint this store signed (undefined: none, or the log is unusable). */
  latestSignedCheckpoint(): Checkpoint | undefined {
    return this.signer.latest().cp;
  }

  /** Compare this store with a checkpoint kept elsewhere (a team server's copy): the problems found. */
  compareWith(cp: Checkpoint): string[] {
    this.catchUp();
    return compareWithCheckpoint(this.chainState(), cp);
  }

  /** The id of the last event a forwarder (`sink`) delivered; 0 when it has delivered none. */
  shipCursor(sink: string): number {
    return getShipCursor(this.sql, sink);
  }

  /** Record that `sink` has delivered every event up to `lastId` (never moves backwards). */
  setShipCursor(sink: string, lastId: number): void {
    this.writeTx(() => putShipCursorLocked(this.sql, sink, lastId));
  }

  /** The verdict event with this decision id (the newest, should several share it). */
  byDecisionId(decisionId: string): AuditEvent | undefined {
    this.catchUp();
    return byDecisionId(this.sql, decisionId);
  }

  /** Number of events stored. */
  count(): number {
    this.catchUp();
    return countEvents(this.sql);
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
    return policyStats(this.sql, q, policyName);
  }

  /** Walk the chain from genesis (or the latest retention anchor); report the first broken link. */
  verify(): VerifyResult {
    this.catchUp();
    this.signer.flush();
    const chain = walkChain(this.sql);
    return verifyReport(chain, this.signer.latest(), () => this.chainState());
  }

  /** The store's identity, made when the file was created. */
  storeId(): string {
    if (this.id === undefined) {
      const row = this.sql.stmt(
        "SELECT value FROM meta WHERE key = 'store_id'",
      ).get() as Row | undefined;
      this.id = String(row?.value ?? "unknown");
    }
    return this.id;
  }

  /** The chain as it stands: identity, newest id, base and first hash. */
  private chainState(): ChainState {
    return chainState(this.sql, this.storeId());
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
      const cut = pruneLocked(this.db, cutoff);
      if (!cut) return { removed: 0 };
      this.wrote = this.rebased = true;
      return cut;
    });
  }

  /** Close the file (signing a checkpoint first when events came in since the last one). */
  close(): void {
    this.signer.flush();
    this.db.close();
  }
}

function isBusy(e: unknown): boolean {
  return /database is locked|SQLITE_BUSY/i.test(errorText(e));
}
