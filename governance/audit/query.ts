/**
 * Reading events back: search with filters (newest first, with a total that
 * the hourly roll-ups keep fast on millions of events), the events after an
 * id (what a forwarder ships next), one verdict by decision id, the count.
 *
 * @module
 */

import type { SQLInputValue } from "node:sqlite";
import type { Agent, Verdict } from "./event.ts";
import { type AuditEvent, EVENT_COLUMNS, rowToEvent } from "./schema.ts";
import type { Row, Sql } from "./sql.ts";

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

/** Search newest first; `total` counts every match, not only the page. */
export function searchEvents(
  sql: Sql,
  q: AuditQuery = {},
): { entries: AuditEvent[]; total: number } {
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
      `id IN (SELECT event_id FROM event_policies WHERE ${sub.join(" AND ")})`,
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
  const total = simple ? countByRollup(sql, from, to, q) : Number(
    (sql.stmt(`SELECT count(*) AS n FROM events ${clause}`).get(
      ...args,
    ) as Row).n,
  );
  const rows = sql.stmt(
    `SELECT ${EVENT_COLUMNS} FROM events ${clause} ORDER BY time DESC, id DESC LIMIT ? OFFSET ?`,
  ).all(...args, limit, offset) as Row[];
  return { entries: rows.map(rowToEvent), total };
}

/**
 * Count events in [from, to] matching decision / connector type / verdict,
 * from the hourly roll-ups for whole hours plus the events of the partial
 * hours at either end: fast on millions of events.
 */
function countByRollup(
  sql: Sql,
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
      (sql.stmt(`SELECT count(*) AS n FROM events ${where}`).get(
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
    (sql.stmt(`SELECT total(n) AS n FROM stats_hourly ${where}`).get(
      ...a,
    ) as Row).n,
  );
  return total;
}

/** Up to `limit` events with an id above `afterId`, oldest first (what a forwarder ships next). */
export function eventsAfter(
  sql: Sql,
  afterId: number,
  limit: number,
): AuditEvent[] {
  const rows = sql.stmt(
    `SELECT ${EVENT_COLUMNS} FROM events WHERE id > ? ORDER BY id LIMIT ?`,
  ).all(afterId, clampInt(limit, 1, 10_000)) as Row[];
  return rows.map(rowToEvent);
}

/** The verdict event with this decision id (the newest, should several share it). */
export function byDecisionId(
  sql: Sql,
  decisionId: string,
): AuditEvent | undefined {
  const row = sql.db.prepare(
    `SELECT ${EVENT_COLUMNS} FROM events WHERE decision_id = ? ORDER BY id DESC LIMIT 1`,
  ).get(decisionId) as Row | undefined;
  return row ? rowToEvent(row) : undefined;
}

/** Number of events stored. */
export function countEvents(sql: Sql): number {
  return Number(
    (sql.db.prepare("SELECT count(*) AS n FROM events").get() as Row).n,
  );
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

/** `v` as an integer clamped to [min, max] (`min` when it is not a number). */
export function clampInt(v: number, min: number, max: number): number {
  const n = Math.trunc(Number(v));
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : min;
}
