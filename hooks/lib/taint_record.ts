/**
 * Session taint at the PostToolUse door: once the hook removed injected
 * instructions from a tool output, the session is marked tainted and the
 * audit trail says so (the PreToolUse side, `taint_guard.ts`, then refuses
 * the session's uploads and credential reads).
 *
 * @module
 */

import { summarize } from "../../governance/engine/messages.ts";
import { setTaint } from "../../governance/taint/store.ts";
import { audit } from "./audit.ts";
import type { ModelView } from "./model_view.ts";
import type { HookEvent } from "./payload.ts";

/** The policy id blocks and audit rows of the taint carry. */
export const TAINT_POLICY = "axonflow_session_taint";

/** The session key used when an event has no session id. */
const NO_SESSION = "no-session";

/** Mark the event's session tainted; returns a stderr note on failure. */
export async function recordTaint(
  dataDir: string,
  ev: HookEvent,
  source: string,
  view: ModelView,
): Promise<string | undefined> {
  const sessionId = ev.sessionId ?? NO_SESSION;
  let first: boolean;
  try {
    first = setTaint(dataDir, sessionId, {
      at: new Date().toISOString(),
      tool: ev.toolName,
      source,
      policies: view.injectionPolicies,
    }).first;
  } catch (err) {
    return `session taint not recorded: ${
      err instanceof Error ? err.message : String(err)
    }`;
  }
  if (!first) return undefined;
  return await audit(dataDir, {
    sessionId: ev.sessionId,
    turnId: ev.turnId,
    toolUseId: ev.toolUseId,
    agent: ev.agent,
    toolName: "axonflow_taint",
    connectorType: "axonflow.taint",
    decision: "allowed",
    policies: [TAINT_POLICY, ...view.injectionPolicies],
    severity: "high",
    reason:
      `session tainted: injected instructions in the output of ${source} (${ev.toolName}); uploads and credential reads are refused until \`axonflow taint clear\``,
    inputSummary: summarize(ev.toolInput, 500),
    success: true,
  });
}
