/**
 * The `get_policy_stats` figures over a time window: whole hours from the
 * hourly roll-ups, the partial hours at either end from the events table,
 * so that statistics over long windows stay fast at millions of events.
 *
 * @module
 */

import type { SQLInputValue } from "node:sqlite";
import type { Severity } from "../engine/types.ts";
import type { Verdict } from "./event.ts";
import { normalizeTime } from "./query.ts";
import type { Row, Sql } from "./sql.ts";

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

/**
 * The `get_policy_stats` figures over [from, to] (default: the last 24 h),
 * optionally for one connector type. Verdicts are events with a decision id
 * (policy checks); `total_events` counts every event, records included.
 * `policyName` turns a policy id into its name for `top_policies`.
 */
export function policyStats(
  sql: Sql,
  q: { from?: string; to?: string; connectorType?: string } = {},
  policyName: (id: string) => string = (id) => id,
): PolicyStats {
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
      sql.stmt(
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
      ...sql.stmt(
        `SELECT policy_id, total(triggers) AS triggers, total(blocks) AS blocks
         FROM policy_hourly WHERE hour >= ? AND hour < ?${extra} GROUP BY policy_id`,
      ).all(...rargs) as Row[],
    );
    rawStats(
      sql,
      from,
      new Date(h1).toISOString(),
      false,
      ct,
      parts,
      policyRows,
    );
    rawStats(sql, new Date(h2).toISOString(), to, true, ct, parts, policyRows);
  } else {
    rawStats(sql, from, to, true, ct, parts, policyRows);
  }
  const n = (k: string) => parts.reduce((sum, r) => sum + Number(r[k] ?? 0), 0);
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
function rawStats(
  sql: Sql,
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
    sql.stmt(
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
    ...sql.stmt(
      `SELECT policy_id, count(*) AS triggers, total(decision = 'blocked') AS blocks
       FROM event_policies WHERE ${clause} GROUP BY policy_id`,
    ).all(...args) as Row[],
  );
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}
