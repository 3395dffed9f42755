/**
 * Signing an open store's chain into its checkpoint log (HMAC with the
 * store's key): when, and only when, the new state extends the latest
 * checkpoint; and reading the latest checkpoint whose signature holds.
 *
 * @module
 */

import {
  appendCheckpoint,
  type ChainState,
  type Checkpoint,
  compareWithCheckpoint,
  loadKey,
  readCheckpoints,
} from "./checkpoint.ts";
import { errorText } from "./error_text.ts";

/** A long-lived store signs a checkpoint at most this often (ms); closing signs what is left. */
export const CHECKPOINT_EVERY_MS = 1000;

/** The checkpoint signer of one open store. */
export class CheckpointSigner {
  private key?: Uint8Array;
  /** The last checkpoint this instance wrote (so a write need not read the log back). */
  private lastCheckpoint?: Checkpoint;
  /** When this instance last signed (performance.now(); -Infinity: never). */
  private checkpointedAt = -Infinity;
  /** Events were written since the last checkpoint. */
  private checkpointDue = false;
  /** Why the last checkpoint was not written, when it was not. */
  error?: string;

  /** A signer for the log in `witnessDir`; `state` reads the chain as it stands. */
  constructor(
    /** Folder of the checkpoint log and its key. */
    readonly witnessDir: string,
    private readonly state: () => ChainState,
  ) {}

  /**
   * After a commit: sign at once when it moved the chain's base (a prune);
   * after writes, sign at most once a CHECKPOINT_EVERY_MS (a long-lived
   * writer, the team server) and leave the rest for `flush`.
   */
  committed(wrote: boolean, rebased: boolean): void {
    if (rebased) this.sign(true);
    else if (wrote || this.checkpointDue) {
      if (performance.now() - this.checkpointedAt >= CHECKPOINT_EVERY_MS) {
        this.sign(false);
      } else this.checkpointDue = true;
    }
  }

  /** Sign what no checkpoint covers yet, if anything. */
  flush(): void {
    if (this.checkpointDue) this.sign(false);
  }

  /** The newest checkpoint whose signature holds, and a sentence on any problem with the log. */
  latest(): { cp?: Checkpoint; error?: string } {
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
  sign(rebased: boolean): void {
    try {
      this.key ??= loadKey(this.witnessDir);
      const state = this.state();
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
          this.error = `checkpoint withheld: ${problems[0]}`;
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
      this.error = undefined;
    } catch (e) {
      this.error = `checkpoint not written: ${errorText(e)}`;
    }
  }
}
