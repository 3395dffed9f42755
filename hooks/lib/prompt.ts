/**
 * UserPromptSubmit: stop a prompt that holds a high-confidence secret or a
 * card number before it is sent to the model provider (see
 * governance/engine/prompt.ts for what stops a prompt), and tell the user how
 * to send it without the secret. The stop is audited (redacted).
 *
 * | situation                                  | verdict | why                                             |
 * | ------------------------------------------ | ------- | ----------------------------------------------- |
 * | empty stdin, or an event without `prompt`  | pass    | nothing to judge                                |
 * | non-JSON / not an object                   | pass    | stderr note: the prompt is the user's own text, |
 * | internal error, deadline (5 s)             | pass    | and a bug must not lock them out of the agent;  |
 * |                                            |         | tool calls stay guarded by PreToolUse           |
 * | policies.json broken                       | judged  | built-in detectors still apply                  |
 * | secret / card found                        | STOP    | `{"decision":"block","reason":…}`               |
 *
 * @module
 */

import { judgePrompt } from "../../governance/engine/prompt.ts";
import { summarize } from "../../governance/engine/messages.ts";
import { journal } from "./audit.ts";
import { type HookEnv, loadEngineConfig } from "./config.ts";
import { parseSessionEvent } from "./event.ts";
import { promptBlockOutput } from "./event_output.ts";
import type { HookOutcome } from "./output.ts";
import type { StdinRead } from "./stdin.ts";

/** Internal deadline of the prompt hook (ms); hooks.json gives it 15 s. */
export const PROMPT_DEADLINE_MS = 5_000;

/** Handle one UserPromptSubmit event. */
export function handlePrompt(read: StdinRead, env: HookEnv): HookOutcome {
  const stderr = [...env.warnings];
  const parsed = parseSessionEvent(read.text);
  if (parsed.kind === "empty") return { stdout: "", stderr };
  if (parsed.kind === "malformed") {
    stderr.push(
      `UserPromptSubmit event not readable (${parsed.reason}); the prompt was not checked`,
    );
    return { stdout: "", stderr };
  }
  const ev = parsed.event;
  if (ev.eventName !== "" && ev.eventName !== "UserPromptSubmit") {
    stderr.push(
      `ignoring a ${ev.eventName} event sent to the UserPromptSubmit hook`,
    );
    return { stdout: "", stderr };
  }
  if (ev.prompt === undefined || ev.prompt === "") {
    return { stdout: "", stderr };
  }
  const config = loadEngineConfig(env, stderr);
  const verdict = judgePrompt(ev.prompt, config);
  if (!verdict.blocked) return { stdout: "", stderr };
  const note = journal(env.dataDir, {
    sessionId: ev.sessionId,
    turnId: ev.turnId,
    agent: ev.agent,
    toolName: "UserPromptSubmit",
    connectorType: `${ev.agent === "codex" ? "codex" : "claude_code"}.prompt`,
    decision: "blocked",
    policies: [...new Set(verdict.findings.map((f) => f.policyId))],
    severity: verdict.findings.some((f) => f.severity === "critical")
      ? "critical"
      : "high",
    reason: verdict.message,
    inputSummary: summarize(ev.prompt, 500),
    success: false,
  });
  if (note) stderr.push(note);
  return { stdout: promptBlockOutput(verdict.message), stderr };
}
