/**
 * The tools that read the audit trail: `get_policy_stats`,
 * `search_audit_events` and `explain_decision`, and the wire form of an
 * event.
 *
 * @module
 */

import { findPolicy } from "../../governance/engine/mod.ts";
import type {
  AuditEvent,
  AuditQuery,
  Verdict,
} from "../../governance/audit/store.ts";
import type { ToolContext, ToolOutcome } from "../context.ts";

/** The arguments of a `get_policy_stats` call. */
export interface StatsArgs {
  from?: string;
  to?: string;
  connector_type?: string;
}

/** `get_policy_stats`: the statistics over the window, with the policies' names. */
export function policyStats(args: StatsArgs, ctx: ToolContext): ToolOutcome {
  const config = ctx.config();
  try {
    const s = ctx.audit().stats(
      { from: args.from, to: args.to, connectorType: args.connector_type },
      (id) => findPolicy(id, config)?.name ?? id,
    );
    return {
      ok: true,
      doc: {
        ...s,
        connector_type: args.connector_type ?? null,
      } as unknown as Record<string, unknown>,
    };
  } catch (e) {
    ctx.close();
    return {
      ok: false,
      error: `get_policy_stats: audit store unavailable: ${errText(e)}`,
    };
  }
}

/** The arguments of a `search_audit_events` call. */
export interface SearchArgs {
  from?: string;
  to?: string;
  request_type?: string;
  decision?: Verdict;
  tool?: string;
  policy_id?: string;
  text?: string;
  connector_type?: string;
  user?: string;
  host?: string;
  session_id?: string;
  limit?: number;
  offset?: number;
}

/** `search_audit_events`: the matching events newest first (default window: the last 15 min). */
export function searchEvents(args: SearchArgs, ctx: ToolContext): ToolOutcome {
  const to = args.to ?? new Date().toISOString();
  const from = args.from ??
    new Date(Date.parse(to) - 15 * 60_000).toISOString();
  const limit = args.limit ?? 20;
  const offset = args.offset ?? 0;
  const q: AuditQuery = {
    from,
    to,
    decision: args.decision,
    toolName: args.tool,
    policyId: args.policy_id,
    text: args.text,
    connectorType: args.connector_type,
    user: args.user,
    host: args.host,
    sessionId: args.session_id,
    limit,
    offset,
  };
  const rt = args.request_type?.toLowerCase();
  if (rt === "policy_check" || rt === "check_policy" || rt === "decision") {
    q.verdict = true;
  } else if (rt === "tool_call" || rt === "audit_tool_call" || rt === "audit") {
    q.verdict = false;
  } else if (args.request_type) {
    q.connectorType = args.request_type;
  }
  try {
    const { entries, total } = ctx.audit().search(q);
    return {
      ok: true,
      doc: {
        entries: entries.map(entryDocument),
        total,
        limit,
        offset,
        from,
        to,
      },
    };
  } catch (e) {
    ctx.close();
    return {
      ok: false,
      error: `search_audit_events: audit store unavailable: ${errText(e)}`,
    };
  }
}

/** The wire form of an audit event (snake_case). */
export function entryDocument(e: AuditEvent): Record<string, unknown> {
  return {
    id: String(e.id),
    timestamp: e.time,
    request_type: e.decisionId ? "policy_check" : "tool_call",
    agent: e.agent,
    tool_name: e.toolName,
    connector_type: e.connectorType,
    decision: e.decision,
    decision_id: e.decisionId ?? null,
    policies: e.policies,
    severity: e.severity,
    reason: e.reason ?? null,
    input_summary: e.inputSummary,
    output_summary: e.outputSummary ?? null,
    duration_ms: e.durationMs ?? null,
    success: e.success,
    error_message: e.errorMessage ?? null,
    session_id: e.sessionId ?? null,
    turn_id: e.turnId ?? null,
    user: e.user ?? null,
    host: e.host ?? null,
    hash: e.hash,
  };
}

/** `explain_decision`: the policies, reasons and recorded analysis behind a decision id. */
export function explainDecision(
  decisionId: string,
  ctx: ToolContext,
): ToolOutcome {
  let ev: AuditEvent | undefined;
  try {
    ev = ctx.audit().byDecisionId(decisionId);
  } catch (e) {
    ctx.close();
    return {
      ok: false,
      error: `explain_decision: audit store unavailable: ${errText(e)}`,
    };
  }
  if (!ev) {
    return {
      ok: false,
      error: `explain_decision: no decision with decision_id "${
        decisionId.slice(0, 128)
      }" in the audit trail at ${ctx.dataDir} (it may be older than the retention period, or was made by another server)`,
    };
  }
  const config = ctx.config();
  const policies = ev.policies.map((id) => {
    const p = findPolicy(id, config);
    return p
      ? {
        policy_id: p.id,
        policy_name: p.name,
        category: p.category,
        severity: p.severity,
        action: p.action,
        description: p.description,
      }
      : { policy_id: id, policy_name: id };
  });
  return {
    ok: true,
    doc: {
      decision_id: decisionId,
      decision: ev.decision,
      allowed: ev.decision !== "blocked",
      timestamp: ev.time,
      agent: ev.agent,
      tool_name: ev.toolName,
      connector_type: ev.connectorType,
      risk_level: ev.severity,
      reason: ev.reason ?? (ev.policies.length ? null : "No policy matched."),
      policies,
      input_summary: ev.inputSummary,
      output_summary: ev.outputSummary ?? null,
      analysis: analysisOf(ev.context),
      audit_id: String(ev.id),
      hash: ev.hash,
    },
  };
}

/** What the analysis saw (cwd, programs, files, per-policy reasons), from an event's recorded context. */
function analysisOf(context: string | undefined): unknown {
  if (!context) return null;
  try {
    return JSON.parse(context);
  } catch {
    return null;
  }
}

function errText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
