/**
 * PermissionRequest: answer the agent's approval request from policy. A call
 * the policies block is denied with the policy's reason; a call the user
 * listed as routine (`autoApprove` in policies.json) that the policies allow
 * without warnings is approved; anything else gets no decision, and the
 * agent asks the user as it would without us. Decisions made here are
 * audited. Always judged by the embedded engine (PreToolUse has already put
 * the call to a remote endpoint when one is configured).
 *
 * | situation                                  | answer      | why                                       |
 * | ------------------------------------------ | ----------- | ----------------------------------------- |
 * | empty / non-JSON / no tool_name            | none        | the user is asked, which is safe          |
 * | internal error, deadline (5 s)             | none        | the same                                  |
 * | blocked by a policy                        | DENY        | the model gets the block reason           |
 * | allowed, no warning, autoApprove rule      | ALLOW       | the user said this is routine             |
 * | allowed with a warning / no rule           | none        | the user decides                          |
 *
 * @module
 */

import {
  blockMessage,
  connectorType,
  summarize,
} from "../../governance/engine/messages.ts";
import { judge } from "./judge.ts";
import { autoApproveRule } from "../../governance/engine/auto_approve.ts";
import { SHELL_TOOLS } from "../../governance/engine/tool_call.ts";
import { journal } from "./audit.ts";
import { type HookEnv, loadEngineConfig } from "./config.ts";
import { permissionAllowOutput, permissionDenyOutput } from "./event_output.ts";
import type { HookOutcome } from "./output.ts";
import { parsePayload, statementOf } from "./payload.ts";
import type { StdinRead } from "./stdin.ts";
import { scanned } from "./scanner.ts";

/** Internal deadline of the permission hook (ms). */
export const PERMISSION_DEADLINE_MS = 5_000;

/** Handle one PermissionRequest event. */
export async function handlePermission(
  read: StdinRead,
  env: HookEnv,
): Promise<HookOutcome> {
  const stderr = [...env.warnings];
  const parsed = parsePayload(read.text);
  if (parsed.kind === "empty") return { stdout: "", stderr };
  if (parsed.kind === "malformed") {
    stderr.push(
      `PermissionRequest event not readable (${parsed.reason}); no decision, the user is asked`,
    );
    return { stdout: "", stderr };
  }
  const ev = parsed.event;
  if (ev.eventName !== "" && ev.eventName !== "PermissionRequest") {
    stderr.push(
      `ignoring a ${ev.eventName} event sent to the PermissionRequest hook`,
    );
    return { stdout: "", stderr };
  }
  const started = performance.now();
  const config = loadEngineConfig(env, stderr);
  const connector = connectorType(ev.agent, ev.toolName);
  const decision = await judge({
    toolName: ev.toolName,
    input: ev.toolInput,
    cwd: ev.cwd,
    home: env.home,
    profile: config.profile,
    connectorType: connector,
  }, config);
  // The row's summary is redacted by the scanner, loaded when the summary
  // could hold a finding (see hooks/lib/scanner.ts).
  const row = () => ({
    sessionId: ev.sessionId,
    turnId: ev.turnId,
    toolUseId: ev.toolUseId,
    agent: ev.agent,
    toolName: ev.toolName,
    connectorType: connector,
    decisionId: decision.decisionId,
    policies: decision.matches.map((m) => m.policyId),
    severity: decision.riskLevel,
    inputSummary: summarize(ev.toolInput),
  });
  if (!decision.allowed) {
    const message = blockMessage(decision);
    const durationMs = Math.round(performance.now() - started);
    const note = await scanned(() =>
      journal(env.dataDir, {
        ...row(),
        decision: "blocked",
        reason: `approval request denied: ${message}`,
        durationMs,
        success: false,
      })
    );
    if (note) stderr.push(note);
    return { stdout: permissionDenyOutput(message), stderr };
  }
  if (decision.matches.some((m) => m.action === "warn")) {
    return { stdout: "", stderr };
  }
  const command = SHELL_TOOLS.has(ev.toolName.toLowerCase())
    ? statementOf(ev)
    : undefined;
  const rule = autoApproveRule(config.autoApprove ?? [], ev.toolName, command);
  if (!rule) return { stdout: "", stderr };
  const durationMs = Math.round(performance.now() - started);
  const note = await scanned(() =>
    journal(env.dataDir, {
      ...row(),
      decision: "allowed",
      reason: `approval request approved by the autoApprove rule ${
        rule.commandPrefix !== undefined
          ? `commandPrefix "${rule.commandPrefix}"`
          : `tool "${rule.tool}"`
      } in policies.json`,
      durationMs,
      success: true,
    })
  );
  if (note) stderr.push(note);
  return { stdout: permissionAllowOutput(), stderr };
}
