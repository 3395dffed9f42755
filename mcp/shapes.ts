/**
 * The catalogue of the governance tools: their argument and result schemas
 * (zod shapes, field names of the AxonFlow wire contract), titles,
 * descriptions and MCP annotations.
 *
 * @module
 */

import { z } from "npm:zod@4.6.7";

const isoDate = (name: string) =>
  z.string().refine((s) => Number.isFinite(Date.parse(s)), {
    message: `${name} must be an ISO 8601 date-time`,
  });

const CALLER = z.object({
  user: z.string().max(128).optional(),
  host: z.string().max(256).optional(),
  session_id: z.string().max(256).optional(),
}).optional().describe(
  "Who made the call: the developer's OS account, host and agent session (recorded in the audit trail)",
);

/** Argument schemas (zod shapes), by tool. */
export const INPUT_SHAPES = {
  check_policy: {
    connector_type: z.string().min(1).describe(
      "Channel of the call: codex.Bash, codex.apply_patch, codex.mcp__<server>__<tool>, postgres, mysql, ...",
    ),
    statement: z.string().describe(
      "What the tool is asked to do: the shell command, patch, SQL statement or text",
    ),
    operation: z.string().optional().describe(
      "execute (default) or query",
    ),
    parameters: z.record(z.string(), z.unknown()).optional().describe(
      "Extra arguments of the call (MCP tool arguments; cwd for shell commands)",
    ),
    caller: CALLER,
  },
  check_output: {
    connector_type: z.string().min(1).describe("Channel the output came from"),
    message: z.string().optional().describe("The output text to scan"),
    response_data: z.array(z.unknown()).optional().describe(
      "Structured output rows (array of objects) to scan",
    ),
    caller: CALLER,
  },
  audit_tool_call: {
    tool_name: z.string().min(1).describe("Tool that ran"),
    tool_type: z.string().optional().describe("codex, claude-code, mcp, ..."),
    caller_name: z.string().optional().describe("Who called the tool"),
    input: z.record(z.string(), z.unknown()).describe("The tool's arguments"),
    output: z.unknown().optional().describe("The tool's result"),
    success: z.boolean().describe("Whether the tool succeeded"),
    error_message: z.string().optional(),
    duration_ms: z.number().min(0).optional(),
    caller: CALLER,
  },
  list_policies: {
    category: z.string().optional().describe(
      "dangerous, sqli, pii, secret, injection or custom",
    ),
    severity: z.enum(["critical", "high", "medium", "low"]).optional(),
  },
  get_policy_stats: {
    from: isoDate("from").optional().describe(
      "Start (ISO 8601); default 24 h ago",
    ),
    to: isoDate("to").optional().describe("End (ISO 8601); default now"),
    connector_type: z.string().optional().describe("Only this channel"),
  },
  search_audit_events: {
    from: isoDate("from").optional().describe(
      "Start (ISO 8601); default 15 min ago",
    ),
    to: isoDate("to").optional().describe("End (ISO 8601); default now"),
    request_type: z.string().optional().describe(
      "policy_check (verdicts) or tool_call (audit records); any other value filters by connector type",
    ),
    decision: z.enum(["allowed", "blocked", "redacted", "error"]).optional(),
    tool: z.string().optional().describe("Tool name, e.g. Bash"),
    policy_id: z.string().optional().describe(
      "Only events where this policy fired",
    ),
    text: z.string().optional().describe(
      "Substring of summaries, reason or error",
    ),
    connector_type: z.string().optional(),
    user: z.string().optional().describe("Only this developer (OS account)"),
    host: z.string().optional().describe("Only this machine"),
    session_id: z.string().optional().describe("Only this agent session"),
    limit: z.number().int().min(1).max(100).optional().describe(
      "Default 20, max 100",
    ),
    offset: z.number().int().min(0).optional(),
  },
  explain_decision: {
    decision_id: z.string().min(1).describe(
      "The decision_id of a check_policy/check_output result or a hook block",
    ),
  },
} as const;

/** Names of the tools, in listing order. */
export type ToolName = keyof typeof INPUT_SHAPES;

/** Result schemas (loose: the documents may carry more fields), for structured output. */
export const OUTPUT_SHAPES: Record<ToolName, z.ZodRawShape> = {
  check_policy: {
    allowed: z.boolean(),
    decision_id: z.string(),
    policies_evaluated: z.number(),
  },
  check_output: {
    allowed: z.boolean(),
    decision_id: z.string(),
    policies_evaluated: z.number(),
  },
  audit_tool_call: {
    recorded: z.boolean(),
    tool_name: z.string(),
    timestamp: z.string(),
    details: z.looseObject({ status: z.string() }),
  },
  list_policies: { policies: z.array(z.unknown()), count: z.number() },
  get_policy_stats: {
    total_requests: z.number(),
    compliance_score: z.number(),
  },
  search_audit_events: {
    entries: z.array(z.unknown()),
    total: z.number(),
    limit: z.number(),
    offset: z.number(),
  },
  explain_decision: { decision_id: z.string(), decision: z.string() },
};

/** Human descriptions and MCP annotations of the tools. */
export const TOOL_INFO: Record<
  ToolName,
  {
    title: string;
    description: string;
    annotations: {
      readOnlyHint: boolean;
      destructiveHint: boolean;
      idempotentHint: boolean;
      openWorldHint: boolean;
    };
  }
> = {
  check_policy: {
    title: "Check a tool call against policy",
    description:
      "Judge a shell command, patch, SQL statement, MCP call or text BEFORE it runs. Returns allowed, decision_id, and when blocked block_reason, blocked_by, risk_level, policy_matches. Do not run what it blocks.",
    annotations: ann(false, false, false),
  },
  check_output: {
    title: "Scan output for PII, secrets, injected instructions",
    description:
      "Scan a tool's output (message text and/or response_data rows) for PII, secrets and prompt injection. Returns redacted_message / redacted_data when something was redacted: use those instead of the original.",
    annotations: ann(false, false, false),
  },
  audit_tool_call: {
    title: "Record a tool call in the audit trail",
    description:
      "Append a tool call (name, input, output, success, duration) to the tamper-evident audit trail. Inputs and outputs are stored redacted.",
    annotations: ann(false, false, false),
  },
  list_policies: {
    title: "List governance policies",
    description:
      "List the active policy catalogue (built-in and the user's own), filtered by category and severity.",
    annotations: ann(true, false, true),
  },
  get_policy_stats: {
    title: "Governance statistics",
    description:
      "Counts of allowed, blocked, redacted and failed checks, block rate, latency, top policies and compliance score over a time window (default last 24 h), optionally for one connector_type.",
    annotations: ann(true, false, true),
  },
  search_audit_events: {
    title: "Search the audit trail",
    description:
      "Search audit events newest first by time range (default last 15 min), request_type, decision, tool, policy_id and text; limit (max 100) and offset.",
    annotations: ann(true, false, true),
  },
  explain_decision: {
    title: "Explain a decision",
    description:
      "Given a decision_id, return the policies, reasons and (redacted) input behind that allow/block decision, from the audit trail.",
    annotations: ann(true, false, true),
  },
};

function ann(readOnly: boolean, destructive: boolean, idempotent: boolean) {
  return {
    readOnlyHint: readOnly,
    destructiveHint: destructive,
    idempotentHint: idempotent,
    openWorldHint: false,
  };
}
