/**
 * The seven governance tools as plain functions of (arguments, context) →
 * result document: `runTool` dispatches a validated call to its handler
 * (`handlers/`). `server.ts` registers the tools with the MCP SDK from the
 * catalogue in `shapes.ts`; `http.ts` also calls `runTool` directly for plain
 * JSON-RPC `tools/call`. Argument and result field names follow the AxonFlow
 * wire contract.
 *
 * @module
 */

import { listPoliciesDocument } from "../governance/engine/mod.ts";
import type { Caller, ToolContext, ToolOutcome } from "./context.ts";
import {
  checkOutput,
  type CheckOutputArgs,
  checkPolicy,
} from "./handlers/check.ts";
import { auditToolCall, type AuditToolCallArgs } from "./handlers/record.ts";
import {
  explainDecision,
  policyStats,
  type SearchArgs,
  searchEvents,
  type StatsArgs,
} from "./handlers/trail.ts";
import type { ToolName } from "./shapes.ts";
import type { CheckPolicyArgs } from "./tool_call.ts";

/** Run a tool on already-validated arguments. Never throws for tool-level failures (returns ok:false). */
export function runTool(
  name: ToolName,
  args: Record<string, unknown>,
  ctx: ToolContext,
): ToolOutcome {
  const before = ctx.caller;
  ctx.caller = args.caller as Caller | undefined;
  try {
    return runToolAs(name, args, ctx);
  } finally {
    ctx.caller = before;
  }
}

function runToolAs(
  name: ToolName,
  args: Record<string, unknown>,
  ctx: ToolContext,
): ToolOutcome {
  switch (name) {
    case "check_policy":
      return checkPolicy(args as unknown as CheckPolicyArgs, ctx);
    case "check_output":
      return checkOutput(args as unknown as CheckOutputArgs, ctx);
    case "audit_tool_call":
      return auditToolCall(args as unknown as AuditToolCallArgs, ctx);
    case "list_policies":
      return {
        ok: true,
        doc: listPoliciesDocument(
          args as { category?: string; severity?: string },
          ctx.config(),
        ),
      };
    case "get_policy_stats":
      return policyStats(args as StatsArgs, ctx);
    case "search_audit_events":
      return searchEvents(args as SearchArgs, ctx);
    case "explain_decision":
      return explainDecision(String(args.decision_id), ctx);
  }
}
