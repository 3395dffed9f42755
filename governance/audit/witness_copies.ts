/**
 * The checkpoints a team server keeps for its developers' stores (the
 * `witness` table): the newest per store, so that a rewritten store cannot
 * roll the server's copy back.
 *
 * @module
 */

import type { Checkpoint } from "./checkpoint.ts";
import type { Row, Sql } from "./sql.ts";

/**
 * Keep a developer's checkpoint, inside the caller's write transaction: a
 * checkpoint with a lower count than the one kept is ignored. Returns
 * whether it was kept.
 */
export function putWitnessLocked(
  sql: Sql,
  cp: Checkpoint,
  who: { user?: string; host?: string },
): boolean {
  const r = sql.stmt(
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
}

/** The checkpoint kept for a developer's store, if any. */
export function getWitness(sql: Sql, storeId: string): Checkpoint | undefined {
  const r = sql.stmt("SELECT * FROM witness WHERE store_id = ?").get(
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
