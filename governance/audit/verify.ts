/**
 * Verifying the trail: walk the hash chain from genesis (or the latest
 * retention anchor) and name the first row that does not fit, then add what
 * the latest signed checkpoint shows was lost or changed.
 *
 * @module
 */

import {
  type ChainState,
  type Checkpoint,
  compareWithCheckpoint,
} from "./checkpoint.ts";
import { chainHash, GENESIS_HASH, hashBody, latestAnchor } from "./chain.ts";
import { EVENT_COLUMNS, rowToEvent } from "./schema.ts";
import type { Row, Sql } from "./sql.ts";

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

/** Walk the chain only (no checkpoint comparison): the first broken link, if any. */
export function walkChain(sql: Sql): VerifyResult {
  const anchor = latestAnchor(sql);
  let expectId = anchor ? anchor.id + 1 : 1;
  let expectPrev = anchor ? anchor.hash : GENESIS_HASH;
  let checked = 0;
  const rows = sql.db.prepare(`SELECT ${EVENT_COLUMNS} FROM events ORDER BY id`)
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
 * The verdict on the trail: the chain walk's result, the problem with the
 * checkpoint log if any, and what the latest signed checkpoint shows was lost
 * or changed (`state` is read only when there is a checkpoint).
 */
export function verifyReport(
  chain: VerifyResult,
  seen: { cp?: Checkpoint; error?: string },
  state: () => ChainState,
): VerifyResult {
  const problems = chain.ok ? [] : [chain.message ?? "broken chain"];
  let checkpoint: VerifyResult["checkpoint"];
  if (seen.error) problems.push(seen.error);
  if (seen.cp) {
    checkpoint = {
      count: seen.cp.count,
      head: seen.cp.head,
      time: seen.cp.time,
    };
    problems.push(...compareWithCheckpoint(state(), seen.cp));
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

function broken(id: number, checked: number, message: string): VerifyResult {
  return { ok: false, checked, brokenAt: id, message };
}
