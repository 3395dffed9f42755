/**
 * The only JSON the hooks ever print: Codex rejects an object with any field
 * it does not know (and then runs the tool), so these shapes are exact.
 *
 * @module
 */

/** PreToolUse deny, accepted by Codex and Claude Code. `reason` must be non-empty. */
export function denyOutput(reason: string): string {
  const text = reason.trim() === ""
    ? "Blocked by AxonFlow governance."
    : reason;
  return JSON.stringify({
    hookSpecificOutput: {
      hookEventName: "PreToolUse",
      permissionDecision: "deny",
      permissionDecisionReason: text,
    },
  });
}

/** PostToolUse context added to the conversation as a developer message. */
export function postContextOutput(context: string): string {
  return JSON.stringify({
    hookSpecificOutput: {
      hookEventName: "PostToolUse",
      additionalContext: context,
    },
  });
}

/**
 * Context for the model after a failed call (Claude Code's
 * PostToolUseFailure, which can add context but not replace the output).
 */
export function postFailureContextOutput(context: string): string {
  return JSON.stringify({
    hookSpecificOutput: {
      hookEventName: "PostToolUseFailure",
      additionalContext: context,
    },
  });
}

/** What a hook run produced: stdout (empty = allow / nothing to add) and stderr lines. */
export interface HookOutcome {
  stdout: string;
  stderr: string[];
}

/** Write all bytes to a sync writer, ignoring a closed pipe. */
export function writeAllSync(
  w: { writeSync(p: Uint8Array): number },
  text: string,
): void {
  if (text === "") return;
  let data = new TextEncoder().encode(text);
  try {
    while (data.length > 0) {
      const n = w.writeSync(data);
      data = data.subarray(n);
    }
  } catch {
    // The reader went away; nothing useful to do.
  }
}

/**
 * Codex PostToolUse replacement: the model receives `reason` instead of the
 * tool's output (and `context`, when given, as a developer message before it).
 */
export function postReplaceOutput(reason: string, context?: string): string {
  const doc: Record<string, unknown> = { decision: "block", reason };
  if (context) {
    doc.hookSpecificOutput = {
      hookEventName: "PostToolUse",
      additionalContext: context,
    };
  }
  return JSON.stringify(doc);
}

/**
 * Claude Code PostToolUse replacement: `updated` (the tool's own output
 * shape, values redacted) replaces what the model sees; MCP tools get it as
 * `updatedMCPToolOutput` too. `context` arrives as a system message.
 */
export function postUpdatedOutput(
  updated: unknown,
  mcp: boolean,
  context?: string,
): string {
  const out: Record<string, unknown> = {
    hookEventName: "PostToolUse",
    updatedToolOutput: updated,
  };
  if (mcp) out.updatedMCPToolOutput = updated;
  if (context) out.additionalContext = context;
  return JSON.stringify({ hookSpecificOutput: out });
}
