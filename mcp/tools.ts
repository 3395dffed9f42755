/**
 * The seven governance tools as plain functions of (arguments, context) →
 * result document, with their zod argument schemas. `server.ts` registers
 * them with the MCP SDK; `http.ts` also calls them directly for plain
 * JSON-RPC `tools/call`. Argument and result field names follow the AxonFlow
 * wire contract.
 *
 * @module
 */

import { makeBundle, type PolicyBundle } from "../governance/policy_bundle.ts";
import { z } from "npm:zod@4.6.7";
import {
  checkOutputDocument,
  checkPolicyDocument,
  decisionContext,
  DEFAULT_CONFIG,
  defuseValue,
  type EngineConfig,
  evaluate,
  findPolicy,
  listPolicies,
  listPoliciesDocument,
  parsePolicyFile,
  type Profile,
  scan,
  summarize,
  type ToolCall,
} from "../governance/engine/mod.ts";
import {
  type Agent,
  type AuditEvent,
  type AuditEventInput,
  auditPath,
  type AuditQuery,
  AuditStore,
  type Verdict,
} from "../governance/audit/store.ts";
import { recordEvent, type RecordResult } from "../governance/audit/record.ts";
import { fromCallContext } from "../governance/remote/call_context.ts";

/** Everything a tool needs: the data directory, the engine config, the audit store. */
export class ToolContext {
  private store?: AuditStore;
  private policyStamp = "";
  private policyConfig: EngineConfig = DEFAULT_CONFIG;
  /** Problems found in `<dataDir>/policies.json` at the last load. */
  policyErrors: { line: number; message: string }[] = [];

  constructor(
    /** The data directory (`AXONFLOW_HOME`). */
    readonly dataDir: string,
    /** Options: the user's home (for `~` in commands) and a profile override. */
    readonly opts: { home?: string; profile?: Profile } = {},
  ) {}

  /** The engine config from `<dataDir>/policies.json` (re-read when the file changes). */
  config(): EngineConfig {
    const path = `${this.dataDir}/policies.json`;
    let stamp = "";
    try {
      const st = Deno.statSync(path);
      stamp = `${st.mtime?.getTime()}:${st.size}`;
    } catch {
      stamp = "none";
    }
    if (stamp !== this.policyStamp) {
      this.policyStamp = stamp;
      this.policyConfig = DEFAULT_CONFIG;
      this.policyErrors = [];
      if (stamp !== "none") {
        try {
          const parsed = parsePolicyFile(Deno.readTextFileSync(path));
          this.policyConfig = parsed.config;
          this.policyErrors = parsed.errors;
        } catch (e) {
          this.policyErrors = [{ line: 0, message: String(e) }];
        }
      }
    }
    return this.opts.profile
      ? { ...this.policyConfig, profile: this.opts.profile }
      : this.policyConfig;
  }

  /**
   * The organisation's policy bundle: this server's policies.json with a
   * version (its modification time) and content hash, for the hooks to cache
   * and enforce when the server is out of reach. Throws on a file that is
   * not valid JSON (the hooks then keep their last good bundle).
   */
  policyBundle(): PolicyBundle {
    const path = `${this.dataDir}/policies.json`;
    let text: string;
    let version: string;
    try {
      const st = Deno.statSync(path);
      text = Deno.readTextFileSync(path);
      version = st.mtime?.toISOString() ?? "unknown";
    } catch (e) {
      if (e instanceof Deno.errors.NotFound) return makeBundle({}, "none");
      throw e;
    }
    const policy: unknown = text.trim() === "" ? {} : JSON.parse(text);
    if (
      typeof policy !== "object" || policy === null || Array.isArray(policy)
    ) {
      throw new Error(`${path} does not hold one JSON object`);
    }
    return makeBundle(policy as Record<string, unknown>, version);
  }

  /** The audit store, opened once and kept (throws when it cannot be opened). */
  audit(): AuditStore {
    if (!this.store) {
      Deno.mkdirSync(this.dataDir, { recursive: true, mode: 0o700 });
      this.store = AuditStore.open(auditPath(this.dataDir));
    }
    return this.store;
  }

  /** Who is calling the tool being run (from its `caller` argument), for the records it makes. */
  caller?: Caller;

  /** Record an event; never throws (falls back to the spool, like the hooks). */
  record(ev: AuditEventInput): RecordResult {
    if (this.caller) {
      ev = {
        ...ev,
        user: ev.user ?? this.caller.user,
        host: ev.host ?? this.caller.host,
        sessionId: ev.sessionId ?? this.caller.session_id,
      };
    }
    try {
      return { stored: true, spooled: false, event: this.audit().append(ev) };
    } catch {
      this.close();
      return recordEvent(this.dataDir, ev);
    }
  }

  /** Close the audit store. */
  close(): void {
    try {
      this.store?.close();
    } catch {
      // already closed
    }
    this.store = undefined;
  }
}

/** A tool's result: the contract document, or a tool error (`isError: true`, plain text). */
export type ToolOutcome =
  | { ok: true; doc: Record<string, unknown> }
  | { ok: false; error: string };

const isoDate = (name: string) =>
  z.string().refine((s) => Number.isFinite(Date.parse(s)), {
    message: `${name} must be an ISO 8601 date-time`,
  });

/** Who made a call: a hook names its developer, host and agent session (all optional). */
export interface Caller {
  user?: string;
  host?: string;
  session_id?: string;
}

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

/** Bad arguments: the message names the argument. */
export class ToolArgumentError extends Error {
  /** Build from zod issues. */
  constructor(tool: string, detail: string) {
    super(`Invalid arguments for tool ${tool}: ${detail}`);
    this.name = "ToolArgumentError";
  }
}

/** True when `name` is one of the tools. */
export function isToolName(name: string): name is ToolName {
  return Object.hasOwn(INPUT_SHAPES, name);
}

/** Validate raw arguments for a tool; throws ToolArgumentError naming each bad argument. */
export function parseToolArgs(
  name: ToolName,
  raw: unknown,
): Record<string, unknown> {
  const schema = z.object(INPUT_SHAPES[name] as z.ZodRawShape);
  const res = schema.safeParse(raw ?? {});
  if (res.success) return res.data as Record<string, unknown>;
  const detail = res.error.issues.map((i) =>
    `${i.path.length ? i.path.join(".") : "arguments"}: ${i.message}`
  ).join("; ");
  throw new ToolArgumentError(name, detail);
}

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

interface CheckPolicyArgs {
  connector_type: string;
  statement: string;
  operation?: string;
  parameters?: Record<string, unknown>;
}

const SHELL_NAMES = new Set([
  "bash",
  "exec_command",
  "shell",
  "shell_command",
  "local_shell",
]);

/**
 * The tool call a `check_policy` request describes: the structured call in
 * `parameters.context` when a hook of ours sent one (see
 * governance/remote/call_context.ts: the client's tool input, cwd, home and
 * data directory, so the verdict equals the embedded engine's), else read
 * from the connector type and the reference plugin's statement.
 */
export function toolCallFor(
  args: CheckPolicyArgs,
  home?: string,
): ToolCall {
  const connector = args.connector_type;
  const params = args.parameters ?? {};
  const structured = fromCallContext(params.context, connector);
  if (structured) return { home, ...structured };
  const m = /^(codex|claude_code|claude-code|claude)\.(.+)$/.exec(connector);
  const name = m ? m[2] : connector;
  const lower = name.toLowerCase();
  const cwd = typeof params.cwd === "string" ? params.cwd : undefined;
  const base = { connectorType: connector, home, cwd };
  if (SHELL_NAMES.has(lower)) {
    return { ...base, toolName: "Bash", input: { command: args.statement } };
  }
  if (lower === "apply_patch") {
    return {
      ...base,
      toolName: "apply_patch",
      input: { command: args.statement },
    };
  }
  if (lower === "read" || lower === "notebookread") {
    // The reference form is the path (older hooks of ours sent "read <path>").
    const path = args.statement.replace(/^read (?=\/|~)/, "");
    return { ...base, toolName: "Read", input: { file_path: path } };
  }
  if (lower === "write" || lower === "edit") {
    // The reference hooks send "<file path>\n<content>".
    const nl = args.statement.indexOf("\n");
    const path = nl < 0 ? args.statement : args.statement.slice(0, nl);
    const body = nl < 0 ? "" : args.statement.slice(nl + 1);
    return {
      ...base,
      toolName: lower === "write" ? "Write" : "Edit",
      input: lower === "write"
        ? { file_path: path, content: body, ...params }
        : { file_path: path, new_string: body, ...params },
    };
  }
  if (lower.startsWith("mcp__")) {
    let input: unknown = Object.keys(params).length > 0
      ? { ...params, statement: args.statement }
      : undefined;
    if (input === undefined) {
      try {
        const parsed = JSON.parse(args.statement);
        if (parsed && typeof parsed === "object") input = parsed;
      } catch {
        // a plain statement
      }
    }
    return {
      ...base,
      toolName: name,
      input: input ?? { statement: args.statement },
    };
  }
  return { ...base, toolName: name, input: args.statement };
}

function checkPolicy(args: CheckPolicyArgs, ctx: ToolContext): ToolOutcome {
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

interface CheckOutputArgs {
  connector_type: string;
  message?: string;
  response_data?: unknown[];
}

function checkOutput(args: CheckOutputArgs, ctx: ToolContext): ToolOutcome {
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

interface AuditToolCallArgs {
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

function auditToolCall(args: AuditToolCallArgs, ctx: ToolContext): ToolOutcome {
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

interface StatsArgs {
  from?: string;
  to?: string;
  connector_type?: string;
}

function policyStats(args: StatsArgs, ctx: ToolContext): ToolOutcome {
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

interface SearchArgs {
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

function searchEvents(args: SearchArgs, ctx: ToolContext): ToolOutcome {
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

function explainDecision(decisionId: string, ctx: ToolContext): ToolOutcome {
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

function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}

function errText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A context for `dataDir` with the user's home (`$HOME`) and profile override (`$AXONFLOW_PROFILE`). */
export function contextFromEnv(dataDir: string): ToolContext {
  const get = (k: string) => {
    try {
      return Deno.env.get(k);
    } catch {
      return undefined;
    }
  };
  const p = get("AXONFLOW_PROFILE");
  return new ToolContext(dataDir, {
    home: get("HOME"),
    profile: p === "strict" || p === "standard" ? p : undefined,
  });
}
