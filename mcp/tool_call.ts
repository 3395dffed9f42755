/**
 * Reading a `check_policy` request (connector type, statement, parameters)
 * as the engine's tool call.
 *
 * @module
 */

import type { ToolCall } from "../governance/engine/mod.ts";
import { fromCallContext } from "../governance/remote/call_context.ts";

/** The arguments of a `check_policy` call. */
export interface CheckPolicyArgs {
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
