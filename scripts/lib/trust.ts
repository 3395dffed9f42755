/**
 * Codex hook trust: the key and the hash Codex 0.169.0 looks for under
 * `[hooks.state."<key>"] trusted_hash` in the user `config.toml`.
 *
 * Key: `<absolute path of hooks.json>:<event>:<group index>:<handler index>`,
 * event in snake_case (`pre_tool_use`). Hash: `sha256:` + hex SHA-256 of the
 * compact JSON, keys sorted recursively, of
 * `{"event_name", "hooks": [{"async", "command", "timeout", "type"}], "matcher"}`
 * for one handler. Absent fields are left out.
 *
 * @module
 */
import { createHash } from "node:crypto";

/** Hook events as named in hooks.json, with their snake_case trust names. */
export const EVENT_KEYS: Readonly<Record<string, string>> = {
  PreToolUse: "pre_tool_use",
  PostToolUse: "post_tool_use",
  PermissionRequest: "permission_request",
  SessionStart: "session_start",
  UserPromptSubmit: "user_prompt_submit",
  Stop: "stop",
};

/** One command handler as it appears in hooks.json. */
export interface HookHandler {
  type: "command";
  command: string;
  timeout?: number;
  async?: boolean;
}

/** JSON with object keys sorted recursively, no whitespace; `undefined` fields dropped. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    const obj = value as Record<string, unknown>;
    for (const key of Object.keys(obj).sort()) {
      if (obj[key] !== undefined) out[key] = sortKeys(obj[key]);
    }
    return out;
  }
  return value;
}

/** The `trusted_hash` value (`sha256:<hex>`) of one handler in a matcher group. */
export function trustHash(
  event: string,
  matcher: string | undefined,
  handler: HookHandler,
): string {
  const doc = {
    event_name: EVENT_KEYS[event] ?? event,
    hooks: [{
      async: handler.async ?? false,
      command: handler.command,
      timeout: handler.timeout,
      type: handler.type,
    }],
    matcher,
  };
  const hex = createHash("sha256").update(canonicalJson(doc)).digest("hex");
  return `sha256:${hex}`;
}

/** The `[hooks.state."<key>"]` key of one handler. */
export function trustKey(
  hooksJsonPath: string,
  event: string,
  group: number,
  handler: number,
): string {
  return `${hooksJsonPath}:${EVENT_KEYS[event] ?? event}:${group}:${handler}`;
}
