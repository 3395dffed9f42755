/**
 * PreToolUse: judge a tool call before it runs (embedded engine, or the
 * AxonFlow endpoint with the embedded engine as fallback). See the failure
 * table at the top of hooks/pre_tool_use.ts.
 *
 * @module
 */

import {
  blockMessage,
  connectorType,
  summarize,
} from "../../governance/engine/messages.ts";
import type {
  Decision,
  Severity,
  ToolCall,
} from "../../governance/engine/types.ts";
import { decisionContext } from "../../governance/engine/allow.ts";
import type { EngineConfig } from "../../governance/engine/config.ts";
import {
  callTool,
  CONFIG_ERROR_CODES,
  configErrorAdvice,
  describeOutcome,
  type RemoteOutcome,
} from "../../governance/remote/axonflow.ts";
import { netTarget } from "../../governance/permissions.ts";
import { journal } from "./audit.ts";
import {
  type HookEnv,
  loadEngineConfig,
  PRE_TIMEOUT_SECONDS,
} from "./config.ts";
import { denyOutput, type HookOutcome } from "./output.ts";
import {
  checkPolicyArgs,
  type HookEvent,
  parsePayload,
  statementOf,
} from "./payload.ts";
import { callerOf } from "./identity.ts";
import { refreshBundle } from "./bundle_refresh.ts";
import { preWarnOutput } from "./event_output.ts";
import { warningTexts } from "./warnings.ts";
import type { StdinRead } from "./stdin.ts";
import { taintDeny } from "./taint_guard.ts";
import { judge } from "./judge.ts";
import { loadScanner, scanned } from "./scanner.ts";

/** Where to report a guard failure. */
export const REPORT_HINT =
  "Report it with the hook's stderr (run with AXONFLOW_DEBUG=1) at the plugin's issue tracker; `deno task axonflow doctor` checks the setup.";

/** Largest statement sent to the remote endpoint (its request limit is 1 MB); larger calls are judged locally. */
export const REMOTE_STATEMENT_MAX_CHARS = 512 * 1024;

/** The deny reason when the guard itself failed (fail closed). */
export function guardFailedReason(what: string): string {
  return `AxonFlow governance could not judge this tool call (${what}), so it was not allowed to run. Retrying the same call will not help. ${REPORT_HINT}`;
}

/** The internal deadline of the pre hook, in milliseconds. */
export function preDeadlineMs(env: HookEnv): number {
  if (!env.endpoint) return 10_000;
  return ((env.timeoutSeconds ?? PRE_TIMEOUT_SECONDS) + 1) * 1000;
}

function guessAgent(text: string): "codex" | "claude-code" {
  return text.includes('"turn_id"') ? "codex" : "claude-code";
}

function blockedRow(
  ev: HookEvent,
  connector: string,
  d: {
    decisionId?: string;
    policies: string[];
    severity: string;
    reason: string;
  },
  errorMessage?: string,
) {
  return {
    sessionId: ev.sessionId,
    turnId: ev.turnId,
    toolUseId: ev.toolUseId,
    agent: ev.agent,
    toolName: ev.toolName,
    connectorType: connector,
    decision: "blocked" as const,
    decisionId: d.decisionId,
    policies: d.policies,
    severity:
      (["critical", "high", "medium", "low"].includes(d.severity)
        ? d.severity
        : "none") as "critical" | "high" | "medium" | "low" | "none",
    reason: d.reason,
    inputSummary: summarize(ev.toolInput),
    success: false,
    errorMessage,
  };
}

/** The audit row of an allowed call whose input fired policies (warn, log, an exception). */
function allowedRow(
  ev: HookEvent,
  connector: string,
  d: {
    decisionId: string;
    policies: string[];
    severity: Severity | "none";
    reason: string;
  },
) {
  return {
    sessionId: ev.sessionId,
    turnId: ev.turnId,
    toolUseId: ev.toolUseId,
    agent: ev.agent,
    toolName: ev.toolName,
    connectorType: connector,
    decision: "allowed" as const,
    ...d,
    inputSummary: summarize(ev.toolInput),
    success: true,
  };
}

/** Block message for a decision document returned by AxonFlow's check_policy. */
export function remoteBlockMessage(doc: Record<string, unknown>): string {
  const by = typeof doc.blocked_by === "string" ? doc.blocked_by : "";
  const why = typeof doc.block_reason === "string" && doc.block_reason
    ? doc.block_reason
    : "the AxonFlow server did not allow this call";
  const id = typeof doc.decision_id === "string" ? doc.decision_id : "";
  return `AxonFlow policy ${by || "(remote)"} blocked this: ${
    why.replace(/[.!?]\s{0,8}$/, "")
  }. Do not retry it in another form; ask the user if it is really needed${
    id ? ` (decision ${id})` : ""
  }.`;
}

/**
 * The call the engine judges (embedded, and remote through
 * `parameters.context`): the event's tool, input and cwd, with the hook's
 * home, data directory, plugin folder (from the config) and the shell
 * start-up variables.
 */
export function toolCallOf(
  ev: HookEvent,
  env: Pick<HookEnv, "home" | "dataDir"> & Partial<Pick<HookEnv, "startupEnv">>,
  config: EngineConfig,
  connector: string,
): ToolCall {
  const call: ToolCall = {
    toolName: ev.toolName,
    input: ev.toolInput,
    cwd: ev.cwd,
    home: env.home,
    profile: config.profile,
    connectorType: connector,
    dataDir: env.dataDir,
  };
  if (env.startupEnv && Object.keys(env.startupEnv).length > 0) {
    call.startupEnv = env.startupEnv;
  }
  if (config.pluginRoot) call.pluginRoot = config.pluginRoot;
  return call;
}

/** Characters of a remote request's arguments (what counts against the 1 MB limit). */
function requestChars(args: Record<string, unknown>): number {
  try {
    return JSON.stringify(args).length;
  } catch {
    return Infinity;
  }
}

/** Judge one PreToolUse event. */
export async function handlePre(
  read: StdinRead,
  env: HookEnv,
  signal?: AbortSignal,
): Promise<HookOutcome> {
  const stderr = [...env.warnings];
  const started = performance.now();
  // No ensureDataDir here: an allowed call writes nothing, and the spool
  // creates the directory when an event is written.
  const note = (s: string | undefined) => {
    if (s) stderr.push(s);
  };

  if (read.truncated) {
    const reason = guardFailedReason(
      `the event is larger than ${read.bytes} bytes`,
    );
    return { stdout: denyOutput(reason), stderr: [...stderr, reason] };
  }
  const parsed = parsePayload(read.text);
  if (parsed.kind === "empty") return { stdout: "", stderr };
  if (parsed.kind === "malformed") {
    const reason = guardFailedReason(`unreadable event: ${parsed.reason}`);
    // Everything summarised for the audit trail is redacted by the scanner.
    await loadScanner();
    note(
      journal(env.dataDir, {
        agent: guessAgent(read.text),
        toolName: "unknown",
        connectorType: "unknown",
        decision: "error",
        policies: [],
        severity: "none",
        reason,
        inputSummary: summarize(read.text, 500),
        success: false,
        errorMessage: parsed.reason,
      }),
    );
    return { stdout: denyOutput(reason), stderr: [...stderr, reason] };
  }
  const ev = parsed.event;
  if (ev.eventName !== "" && ev.eventName !== "PreToolUse") {
    stderr.push(`ignoring a ${ev.eventName} event sent to the PreToolUse hook`);
    return { stdout: "", stderr };
  }
  const connector = connectorType(ev.agent, ev.toolName);
  if (env.endpoint) await refreshBundle(env, stderr);
  const config = loadEngineConfig(env, stderr, ev.cwd);
  const call = toolCallOf(ev, env, config, connector);
  // A session that was shown injected instructions may not send data out.
  const tainted = await taintDeny(ev, call, env.dataDir);
  if (tainted) {
    return { stdout: tainted.stdout, stderr: [...stderr, ...tainted.stderr] };
  }

  if (env.endpoint) {
    const args = checkPolicyArgs(ev, call, connector);
    const size = requestChars(args);
    if (size <= REMOTE_STATEMENT_MAX_CHARS) {
      const outcome = await callTool(
        {
          endpoint: env.endpoint,
          auth: env.auth,
          timeoutMs: (env.timeoutSeconds ?? PRE_TIMEOUT_SECONDS) * 1000,
        },
        "check_policy",
        { ...args, caller: callerOf(ev.sessionId) },
        signal,
      );
      const remote = remoteVerdict(outcome, env.endpoint);
      if (remote.kind === "decided") {
        if (remote.allowed) {
          return {
            stdout: await localWarnings(ev, call, config, env, stderr),
            stderr,
          };
        }
        const doc = remote.document;
        note(
          await scanned(() =>
            journal(
              env.dataDir,
              {
                ...blockedRow(ev, connector, {
                  decisionId: typeof doc.decision_id === "string"
                    ? doc.decision_id
                    : undefined,
                  policies: typeof doc.blocked_by === "string"
                    ? [doc.blocked_by]
                    : [],
                  severity: String(doc.risk_level ?? "none"),
                  reason: remote.message,
                }),
                durationMs: Math.round(performance.now() - started),
              },
            )
          ),
        );
        return { stdout: denyOutput(remote.message), stderr };
      }
      if (remote.kind === "configError") {
        // A wrong credential or endpoint is a fault to fix, never an
        // approval and never a reason to stop all work: the embedded engine
        // judges the call, and the fault is said loudly (stderr, audit).
        stderr.push(remote.message);
        return await embedded(
          ev,
          call,
          config,
          env,
          stderr,
          started,
          remote.message,
        );
      }
      // Fallback to the embedded engine.
      stderr.push(remote.message);
      return await embedded(
        ev,
        call,
        config,
        env,
        stderr,
        started,
        remote.message,
      );
    }
    stderr.push(
      `tool call of ${size} characters is over the remote request limit; judged by the embedded engine`,
    );
    return await embedded(
      ev,
      call,
      config,
      env,
      stderr,
      started,
      "statement too large for the remote endpoint",
    );
  }
  return await embedded(ev, call, config, env, stderr, started);
}

/** How a remote outcome is used before a tool runs. */
export type RemoteVerdict =
  | {
    kind: "decided";
    allowed: boolean;
    message: string;
    document: Record<string, unknown>;
  }
  | { kind: "configError"; message: string }
  | { kind: "fallback"; message: string };

/**
 * The pre-tool rules for a remote outcome: a well-formed decision decides;
 * -32001/-32601/-32602 (a wrong credential or endpoint) are configuration
 * faults, reported with what to fix while the embedded engine judges the
 * call (never a silent allow, never a block of all work); everything else (network
 * failure, timeout, 5xx, garbage, other JSON-RPC codes, an `isError` result,
 * no --allow-net) falls back to the embedded engine.
 */
export function remoteVerdict(
  outcome: RemoteOutcome,
  endpoint: string,
): RemoteVerdict {
  const fallback = (why: string) => ({
    kind: "fallback" as const,
    message:
      `AxonFlow endpoint ${endpoint} ${why}; the embedded engine decided instead`,
  });
  switch (outcome.kind) {
    case "ok": {
      const doc = outcome.document;
      if (typeof doc.allowed !== "boolean") {
        return fallback("returned a decision without `allowed`");
      }
      return {
        kind: "decided",
        allowed: doc.allowed,
        message: doc.allowed ? "" : remoteBlockMessage(doc),
        document: doc,
      };
    }
    case "rpcError":
      if (CONFIG_ERROR_CODES.includes(outcome.code)) {
        return {
          kind: "configError",
          message:
            `AxonFlow endpoint ${endpoint} refused the policy check (JSON-RPC ${outcome.code}: ${outcome.message}): ${
              configErrorAdvice(outcome.code)
            }. The embedded engine judged this call instead; tell the user to fix the configuration.`,
        };
      }
      return fallback(`failed (${describeOutcome(outcome)})`);
    case "permissionDenied": {
      let target = endpoint;
      try {
        target = netTarget(endpoint);
      } catch {
        // keep the raw endpoint
      }
      return fallback(
        `is not reachable with this hook's permissions; re-run deno task install to grant --allow-net=${target}`,
      );
    }
    case "toolError":
      return fallback(
        `answered with a tool error (${outcome.message}); that is not an approval`,
      );
    default:
      return fallback(`failed (${describeOutcome(outcome)})`);
  }
}

/**
 * The warning output for a call the remote endpoint allowed: the contract's
 * check_policy carries no warnings, so the embedded engine's warn-level
 * matches are told to the model and the user (its blocks are not: the
 * endpoint decides). Empty when there are none or the engine fails.
 */
async function localWarnings(
  ev: HookEvent,
  call: ToolCall,
  config: EngineConfig,
  env: HookEnv,
  stderr: string[],
): Promise<string> {
  try {
    const decision = await judge(call, config);
    const noted = decision.matches.filter((m) =>
      m.action === "warn" || m.action === "log"
    );
    if (noted.length > 0) {
      const n = await scanned(() =>
        journal(
          env.dataDir,
          allowedRow(ev, call.connectorType ?? ev.toolName, {
            decisionId: decision.decisionId,
            policies: noted.map((m) => m.policyId),
            severity: noted[0].severity,
            reason:
              `allowed by the AxonFlow endpoint; the embedded engine noted: ${
                noted.map((m) => `${m.policyId} (${m.action})`).join(", ")
              }`,
          }),
        )
      );
      if (n) stderr.push(n);
    }
    const warned = noted.filter((m) => m.action === "warn");
    if (warned.length === 0) return "";
    const w = await scanned(() => warningTexts(warned, statementOf(ev)));
    stderr.push(w.user);
    return preWarnOutput(w.model, w.user);
  } catch {
    return "";
  }
}

async function embedded(
  ev: HookEvent,
  call: ToolCall,
  config: EngineConfig,
  env: HookEnv,
  stderr: string[],
  started: number,
  fallbackNote?: string,
): Promise<HookOutcome> {
  let decision: Decision;
  try {
    decision = await judge(call, config);
  } catch (err) {
    const reason = guardFailedReason(
      `internal error: ${err instanceof Error ? err.message : String(err)}`,
    );
    const connector = call.connectorType ?? ev.toolName;
    const n = await scanned(() =>
      journal(env.dataDir, {
        ...blockedRow(ev, connector, {
          policies: [],
          severity: "none",
          reason,
        }),
        decision: "error",
        errorMessage: String(err),
      })
    );
    if (n) stderr.push(n);
    return { stdout: denyOutput(reason), stderr: [...stderr, reason] };
  }
  const connector = call.connectorType ?? ev.toolName;
  const durationMs = Math.round(performance.now() - started);
  // What is said to the model and spooled for the audit trail is redacted by
  // the scanner: `scanned` loads it when a text it redacts could hold a
  // finding (`rm -rf ~` blocks without it; a call judged clean says nothing
  // and writes nothing).
  if (!decision.allowed) {
    const message = blockMessage(decision);
    const n = await scanned(() =>
      journal(env.dataDir, {
        ...blockedRow(ev, connector, {
          decisionId: decision.decisionId,
          policies: decision.matches.map((m) => m.policyId),
          severity: decision.riskLevel,
          reason: message,
        }, fallbackNote),
        durationMs,
        context: JSON.stringify(decisionContext(call, decision.matches)),
      })
    );
    if (n) stderr.push(n);
    return { stdout: denyOutput(message), stderr };
  }
  if (env.debug) {
    stderr.push(
      `debug: pre ${ev.toolName} allowed decision=${decision.decisionId} matches=[${
        decision.matches.map((m) => `${m.policyId}:${m.action}`).join(",")
      }] evaluated=${decision.policiesEvaluated}`,
    );
  }
  // A warned call is allowed and says so to the model and the user.
  const warned = decision.matches.filter((m) => m.action === "warn");
  let stdout = "";
  if (warned.length > 0) {
    const w = await scanned(() => warningTexts(warned, statementOf(ev)));
    stderr.push(w.user);
    stdout = preWarnOutput(w.model, w.user);
  }
  // The policies that fired on an allowed call (warn, log, an exception)
  // are recorded now, when the decision is made: the PostToolUse row records
  // what the output held, and there is none if the call never runs.
  if (fallbackNote || decision.matches.length > 0) {
    const n = await scanned(() =>
      journal(env.dataDir, {
        ...allowedRow(ev, connector, {
          decisionId: decision.decisionId,
          policies: decision.matches.map((m) => m.policyId),
          severity: decision.riskLevel,
          reason: fallbackNote
            ? `embedded engine allowed it after a remote failure`
            : decision.reason,
        }),
        durationMs,
        ...(fallbackNote ? { errorMessage: fallbackNote } : {}),
      })
    );
    if (n) stderr.push(n);
  }
  return { stdout, stderr };
}
