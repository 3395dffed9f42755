/**
 * Parsing the events that are not tool calls (SessionStart,
 * UserPromptSubmit) into one shape. PermissionRequest carries a tool call and
 * goes through payload.ts like PreToolUse.
 *
 * @module
 */

import type { HookAgent } from "./payload.ts";
import { optString, readEventObject } from "./event_json.ts";

/** A session or prompt event, from either agent. */
export interface SessionEvent {
  agent: HookAgent;
  eventName: string;
  sessionId?: string;
  turnId?: string;
  cwd?: string;
  /** UserPromptSubmit: the prompt text. */
  prompt?: string;
  /** SessionStart: `startup`, `resume`, `clear`, `compact`. */
  source?: string;
}

/** Result of parsing a session or prompt event. */
export type ParsedSessionEvent =
  | { kind: "empty" }
  | { kind: "malformed"; reason: string }
  | { kind: "event"; event: SessionEvent };

/**
 * Parse stdin of a session or prompt hook. Never throws. Codex sends
 * `turn_id` with a prompt and `model` with every event; Claude Code sends
 * neither, so either one marks Codex.
 */
export function parseSessionEvent(text: string): ParsedSessionEvent {
  const read = readEventObject(text);
  if (read.kind !== "object") return read;
  const v = read.value;
  return {
    kind: "event",
    event: {
      agent: "turn_id" in v || "model" in v ? "codex" : "claude-code",
      eventName: typeof v.hook_event_name === "string" ? v.hook_event_name : "",
      sessionId: optString(v.session_id),
      turnId: optString(v.turn_id),
      cwd: optString(v.cwd),
      prompt: typeof v.prompt === "string" ? v.prompt : undefined,
      source: optString(v.source),
    },
  };
}
