/**
 * Writing one event: its chained row in `events`, its hourly roll-ups and
 * its rows in the policy side table, inside the caller's write transaction.
 *
 * @module
 */

import type { AuditEventInput } from "./event.ts";
import { chainHash, hashBody, lastLink } from "./chain.ts";
import { type AuditEvent, EVENT_COLUMNS } from "./schema.ts";
import type { Sql } from "./sql.ts";

/** Chain `ev` (already prepared) after the newest link and write it; the caller holds the write lock. */
export function insertLocked(
  sql: Sql,
  ev: AuditEventInput & { time: string },
): AuditEvent {
  const last = lastLink(sql);
  const id = last.id + 1;
  const body = hashBody(id, ev);
  const hash = chainHash(last.hash, body);
  sql.stmt(
    `INSERT INTO events (${EVENT_COLUMNS}, verdict) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
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
  sql.stmt(
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
    const ins = sql.stmt(
      "INSERT OR IGNORE INTO event_policies(event_id, policy_id, time, decision, connector_type) VALUES (?,?,?,?,?)",
    );
    const roll = sql.stmt(
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
