/**
 * Hook event payloads shaped like what Codex 0.169.0 and Claude Code send.
 *
 * @module
 */

/** A Codex PreToolUse event. */
export function codexPre(
  toolName: string,
  toolInput: unknown,
  cwd = "/tmp",
): string {
  return JSON.stringify({
    session_id: "sess-codex-1",
    turn_id: "turn-1",
    transcript_path: null,
    cwd,
    hook_event_name: "PreToolUse",
    model: "gpt-5.5",
    permission_mode: "bypassPermissions",
    tool_name: toolName,
    tool_input: toolInput,
    tool_use_id: "call_1",
  });
}

/** A Codex PostToolUse event. */
export function codexPost(
  toolName: string,
  toolInput: unknown,
  toolResponse: unknown,
  cwd = "/tmp",
): string {
  return JSON.stringify({
    session_id: "sess-codex-1",
    turn_id: "turn-1",
    transcript_path: null,
    cwd,
    hook_event_name: "PostToolUse",
    model: "gpt-5.5",
    permission_mode: "bypassPermissions",
    tool_name: toolName,
    tool_input: toolInput,
    tool_use_id: "call_1",
    tool_response: toolResponse,
  });
}

/** A Claude Code PreToolUse event. */
export function claudePre(
  toolName: string,
  toolInput: unknown,
  cwd = "/tmp",
): string {
  return JSON.stringify({
    session_id: "sess-claude-1",
    transcript_path: "/tmp/transcript.jsonl",
    cwd,
    permission_mode: "default",
    hook_event_name: "PreToolUse",
    tool_name: toolName,
    tool_input: toolInput,
  });
}

/** A Claude Code PostToolUse event. */
export function claudePost(
  toolName: string,
  toolInput: unknown,
  toolResponse: unknown,
  cwd = "/tmp",
): string {
  return JSON.stringify({
    session_id: "sess-claude-1",
    transcript_path: "/tmp/transcript.jsonl",
    cwd,
    permission_mode: "default",
    hook_event_name: "PostToolUse",
    tool_name: toolName,
    tool_input: toolInput,
    tool_response: toolResponse,
  });
}

/**
 * A fake AWS access key id that passes the shape checks. (Not AWS's
 * documented AKIAIOSFODNN7EXAMPLE: values marked EXAMPLE are deliberately
 * not reported as secrets.)
 */
export const AWS_KEY = "AKIAQ3EGRSWK5TZ7LB2N";
/** A matching fake secret. */
export const AWS_SECRET = "9dR4mKq2LzT7vX1bNc8WfY3hJ6pS0aGe5uIoQrTz";
/** A US SSN that passes the usual validity rules. */
export const SSN = "536-90-4399";
