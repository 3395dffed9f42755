/**
 * The verdict tools: `check_policy` (judge a call before it runs) and
 * `check_output` (scan a tool's output for PII, secrets and injected
 * instructions); each records its verdict in the audit trail.
 *
 * @module
 */

import {
  checkOutputDocument,
  checkPolicyDocument,
  decisionContext,
  defuseValue,
  type EngineConfig,
  evaluate,
  listPolicies,
  scan,
  summarize,
} from "../../governance/engine/mod.ts";
import type { AuditEventInput, Verdict } from "../../governance/audit/store.ts";
import type { ToolContext, ToolOutcome } from "../context.ts";
import { type CheckPolicyArgs, toolCallFor } from "../tool_call.ts";

/** `check_policy`: evaluate the call, record the verdict, answer the contract document. */
export function checkPolicy(
  args: CheckPolicyArgs,
  ctx: ToolContext,
): ToolOutcome {
  const started = performance.now();
  const call = toolCallFor(args, ctx.opts.home);
  const decision = evaluate(call, ctx.config());
  const doc = checkPolicyDocument(decision);
  const top = decision.matches[0];
  ctx.record({
    agent: "mcp",
    toolName: call.toolName,
    connectorType: args.connector_type,
    decision: decision.allowed ? "allowed" : "blocked",
    decisionId: decision.decisionId,
    policies: decision.matches.map((mm) => mm.policyId),
    severity: decision.riskLevel,
    reason: top ? decision.reason : undefined,
    inputSummary: summarize(args.statement),
    durationMs: round3(performance.now() - started),
    success: true,
    context: decision.matches.length
      ? JSON.stringify(decisionContext(call, decision.matches))
      : undefined,
  });
  return { ok: true, doc: doc as unknown as Record<string, unknown> };
}

/** The arguments of a `check_output` call. */
export interface CheckOutputArgs {
  connector_type: string;
  message?: string;
  response_data?: unknown[];
}

/** `check_output`: scan the message and rows, record the verdict, answer the contract document. */
export function checkOutput(
  args: CheckOutputArgs,
  ctx: ToolContext,
): ToolOutcome {
  const started = performance.now();
  const config = ctx.config();
  const message = scan(args.message ?? "", config);
  const data = args.response_data !== undefined
    ? defuseValue(args.response_data, config)
    : undefined;
  const decisionId = crypto.randomUUID();
  const policiesEvaluated = outputPolicyCount(config);
  const doc = checkOutputDocument(
    message,
    decisionId,
    policiesEvaluated,
    data,
    args.message ?? "",
  );
  const findings = [...message.findings, ...(data?.findings ?? [])];
  const verdict: Verdict = !doc.allowed
    ? "blocked"
    : doc.redacted_message !== undefined || doc.redacted_data !== undefined
    ? "redacted"
    : "allowed";
  ctx.record({
    agent: "mcp",
    toolName: "check_output",
    connectorType: args.connector_type,
    decision: verdict,
    decisionId,
    policies: [...new Set(findings.map((f) => f.policyId))],
    severity: (doc.risk_level as AuditEventInput["severity"]) ?? "none",
    reason: findings.length
      ? `found ${
        [...new Set(findings.map((f) => f.type))].join(", ")
      } in the output`
      : undefined,
    inputSummary: summarize(
      args.response_data !== undefined
        ? { message: args.message ?? "", response_data: args.response_data }
        : args.message ?? "",
    ),
    durationMs: round3(performance.now() - started),
    success: true,
  });
  return { ok: true, doc: doc as unknown as Record<string, unknown> };
}

function outputPolicyCount(config: EngineConfig): number {
  return listPolicies(config).filter((p) =>
    p.enabled && p.appliesTo !== "input"
  ).length;
}

function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}
