/**
 * `audit_tool_call`: record a tool call (name, input, output, success,
 * duration) in the audit trail, redacted.
 *
 * @module
 */

import { scan, summarize } from "../../governance/engine/mod.ts";
import type { Agent } from "../../governance/audit/store.ts";
import type { ToolContext, ToolOutcome } from "../context.ts";

/** The arguments of an `audit_tool_call` call. */
export interface AuditToolCallArgs {
  tool_name: string;
  tool_type?: string;
  caller_name?: string;
  input: Record<string, unknown>;
  output?: unknown;
  success: boolean;
  error_message?: string;
  duration_ms?: number;
}

function agentOf(toolType?: string): Agent {
  const t = (toolType ?? "").toLowerCase();
  if (t === "codex") return "codex";
  if (t === "claude-code" || t === "claude_code" || t === "claude") {
    return "claude-code";
  }
  return "mcp";
}

/** `audit_tool_call`: append the call to the trail (or the spool); fails only when neither took it. */
export function auditToolCall(
  args: AuditToolCallArgs,
  ctx: ToolContext,
): ToolOutcome {
  const agent = agentOf(args.tool_type);
  const prefix = agent === "codex"
    ? "codex"
    : agent === "claude-code"
    ? "claude_code"
    : (args.tool_type || "mcp");
  const raw = (JSON.stringify(args.input) ?? "") + "\n" +
    (JSON.stringify(args.output) ?? "");
  const findings = scan(raw.slice(0, 65_536), ctx.config()).findings;
  const out = args.output && typeof args.output === "object"
    ? args.output as Record<string, unknown>
    : {};
  const blocked = out.policy_decision === "blocked";
  const r = ctx.record({
    agent,
    toolName: args.tool_name,
    connectorType: `${prefix}.${args.tool_name}`,
    decision: blocked ? "blocked" : args.success ? "allowed" : "error",
    policies: [...new Set(findings.map((f) => f.policyId))],
    severity: "none",
    reason: args.caller_name ? `caller: ${args.caller_name}` : undefined,
    inputSummary: summarize(args.input),
    outputSummary: args.output === undefined
      ? undefined
      : summarize(args.output),
    durationMs: args.duration_ms,
    success: args.success,
    errorMessage: args.error_message || undefined,
  });
  if (!r.stored && !r.spooled) {
    return { ok: false, error: `audit_tool_call: not recorded: ${r.error}` };
  }
  const timestamp = r.event?.time ?? new Date().toISOString();
  return {
    ok: true,
    doc: {
      recorded: true,
      tool_name: args.tool_name,
      timestamp,
      details: {
        status: r.stored ? "recorded" : "spooled",
        audit_id: r.event ? String(r.event.id) : "spooled",
        timestamp,
      },
    },
  };
}
