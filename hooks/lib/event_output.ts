/**
 * The JSON the session, prompt and permission hooks print, and the
 * PreToolUse "allowed with warnings" object. Codex 0.169.0 rejects an
 * object with a field it does not know, so every shape here is exact (each
 * one checked against the real binary in tests/e2e_events_codex_test.ts).
 *
 * @module
 */

/** SessionStart: context for the model, and (optionally) a warning for the user's TUI. */
export function sessionStartOutput(
  context: string,
  userWarning?: string,
): string {
  return JSON.stringify({
    hookSpecificOutput: {
      hookEventName: "SessionStart",
      additionalContext: context,
    },
    ...(userWarning ? { systemMessage: userWarning } : {}),
  });
}

/** UserPromptSubmit: stop the prompt; `reason` is shown to the user (not sent to the model). */
export function promptBlockOutput(reason: string): string {
  return JSON.stringify({
    decision: "block",
    reason: reason.trim() === "" ? "Blocked by AxonFlow governance." : reason,
  });
}

/** PermissionRequest: approve the request. */
export function permissionAllowOutput(): string {
  return JSON.stringify({
    hookSpecificOutput: {
      hookEventName: "PermissionRequest",
      decision: { behavior: "allow" },
    },
  });
}

/** PermissionRequest: reject the request; the model receives `message`. */
export function permissionDenyOutput(message: string): string {
  return JSON.stringify({
    hookSpecificOutput: {
      hookEventName: "PermissionRequest",
      decision: {
        behavior: "deny",
        message: message.trim() === ""
          ? "Denied by AxonFlow governance."
          : message,
      },
    },
  });
}

/**
 * PreToolUse allow with warnings: `context` reaches the model (a developer
 * message before the tool's output), `userWarning` the user (the TUI shows
 * `systemMessage`; `codex exec` shows it nowhere). No permissionDecision: the
 * call goes on exactly as an empty output would let it.
 */
export function preWarnOutput(context: string, userWarning: string): string {
  return JSON.stringify({
    hookSpecificOutput: {
      hookEventName: "PreToolUse",
      additionalContext: context,
    },
    systemMessage: userWarning,
  });
}
