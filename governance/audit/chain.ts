/**
 * The hash chain: each event's `hash` is SHA-256 over
 * `prevHash + "\n" + canonicalJson(event)` where the event includes its id,
 * starting from the genesis hash, or from the hash recorded at a retention
 * cut (an anchor). Also where the chain stands in an open file.
 *
 * @module
 */

import type { AuditEventInput } from "./event.ts";
import type { ChainState } from "./checkpoint.ts";
import { canonicalJson } from "./canonical.ts";
import { sha256Hex } from "../engine/sha256.ts";
import type { Row, Sql } from "./sql.ts";

/** Hash before the first event. */
export const GENESIS_HASH = "0".repeat(64);

/** An event's id and hash: a link of the chain. */
export interface Link {
  id: number;
  hash: string;
}

/** The canonical body of an event (with its id) that its hash covers. */
export function hashBody(
  id: number,
  ev: AuditEventInput & { time: string },
): string {
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

/** The latest retention cut: the id and hash the remaining chain starts from. */
export function latestAnchor(sql: Sql): Link | undefined {
  const a = sql.db.prepare(
    "SELECT cut_id, hash FROM anchors ORDER BY cut_id DESC LIMIT 1",
  ).get() as Row | undefined;
  return a ? { id: Number(a.cut_id), hash: String(a.hash) } : undefined;
}

/** The id and hash the next event chains to: the newest row, else the latest anchor, else genesis. */
export function lastLink(sql: Sql): Link {
  const row = sql.stmt(
    "SELECT id, hash FROM events ORDER BY id DESC LIMIT 1",
  ).get() as Row | undefined;
  if (row) return { id: Number(row.id), hash: String(row.hash) };
  const anchor = latestAnchor(sql);
  return anchor ?? { id: 0, hash: GENESIS_HASH };
}

/** The chain as it stands: identity, newest id, base and first hash. */
export function chainState(sql: Sql, storeId: string): ChainState {
  const base = latestAnchor(sql) ?? { id: 0, hash: GENESIS_HASH };
  const last = lastLink(sql);
  const hashAt = (id: number) => {
    if (id === base.id) return base.hash;
    const r = sql.stmt("SELECT hash FROM events WHERE id = ?").get(id) as
      | Row
      | undefined;
    return r ? String(r.hash) : undefined;
  };
  const firstRow = sql.stmt("SELECT min(id) AS id FROM events").get() as Row;
  return {
    storeId,
    count: last.id,
    baseId: base.id,
    baseHash: base.hash,
    first: firstRow.id === null ? undefined : hashAt(Number(firstRow.id)),
    hashAt,
  };
}
