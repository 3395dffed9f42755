/**
 * Parsing the hook event JSON that Codex and Claude Code write to stdin into
 * one shape, and the texts the hooks judge and scan.
 *
 * @module
 */

import {
  joinArgv,
  safeJson,
  SHELL_TOOLS,
} from "../../governance/engine/tool_call.ts";
import type { ToolCall } from "../../governance/engine/types.ts";
import { mapStrings } from "../../governance/engine/json_walk.ts";
import { unescapedMarkdownLines } from "./markdown_escape.ts";
import { toCallContext } from "../../governance/remote/call_context.ts";
import { isRecord, optString, readEventObject } from "./event_json.ts";

/** Which agent sent the event. Codex sends `turn_id`; Claude Code does not. */
export type HookAgent = "codex" | "claude-code";

/** A tool event, from either agent. */
export interface HookEvent {
  agent: HookAgent;
  /** `PreToolUse`, `PostToolUse`, or whatever the agent sent (empty when absent). */
  eventName: string;
  toolName: string;
  /** `tool_input` as sent (object, string or absent → `{}`). */
  toolInput: unknown;
  /** `tool_response` (PostToolUse only). */
  toolResponse?: unknown;
  /** `error`: what a failed call printed (Claude Code's PostToolUseFailure). */
  error?: string;
  cwd?: string;
  sessionId?: string;
  turnId?: string;
  toolUseId?: string;
}

/** Result of parsing stdin. */
export type ParsedPayload =
  | { kind: "empty" }
  | { kind: "malformed"; reason: string }
  | { kind: "event"; event: HookEvent };

/** Parse a hook's stdin. Never throws. */
export function parsePayload(text: string): ParsedPayload {
  const read = readEventObject(text);
  if (read.kind !== "object") return read;
  const value = read.value;
  const toolName = value.tool_name;
  if (typeof toolName !== "string" || toolName === "") {
    return { kind: "malformed", reason: "the event has no tool_name" };
  }
  return {
    kind: "event",
    event: {
      agent: "turn_id" in value ? "codex" : "claude-code",
      eventName: typeof value.hook_event_name === "string"
        ? value.hook_event_name
        : "",
      toolName,
      toolInput: value.tool_input ?? {},
      toolResponse: value.tool_response,
      error: typeof value.error === "string" ? value.error : undefined,
      cwd: optString(value.cwd),
      sessionId: optString(value.session_id),
      turnId: optString(value.turn_id),
      toolUseId: optString(value.tool_use_id),
    },
  };
}

/** JSON text of any value (a string stays as it is); never throws. */
export function jsonText(value: unknown): string {
  return typeof value === "string" ? value : safeJson(value);
}

function commandField(input: unknown): string | undefined {
  if (typeof input === "string") return input;
  if (Array.isArray(input)) return joinArgv(input);
  if (!isRecord(input)) return undefined;
  for (const key of ["command", "cmd"]) {
    const v = input[key];
    if (typeof v === "string") return v;
    if (Array.isArray(v)) return joinArgv(v);
  }
  return undefined;
}

/** The patch text of an apply_patch call (`{command}`, `{input}`, `{patch}` or a bare string). */
export function patchText(input: unknown): string {
  if (typeof input === "string") return input;
  if (!isRecord(input)) return "";
  for (const key of ["command", "input", "patch"]) {
    const v = input[key];
    if (typeof v === "string") return v;
  }
  return "";
}

/** Largest content the reference plugin puts in a Write/Edit statement. */
const REFERENCE_CONTENT_CHARS = 2000;

/**
 * The `statement` sent to AxonFlow's `check_policy`, in the reference
 * plugin's form (what any AxonFlow server reads): the command line for a
 * shell, the patch for apply_patch, `"<file_path>\n<content>"` for Claude's
 * Write/Edit (content cut to 2,000 characters), the path for Read, the URL
 * for WebFetch, the first of `query`/`statement`/`command`/`url` for an MCP
 * tool, otherwise the arguments as JSON. A server of ours judges the whole
 * call from `parameters.context` instead ({@link checkPolicyArgs}).
 */
export function statementOf(ev: HookEvent): string {
  const lower = ev.toolName.toLowerCase();
  if (SHELL_TOOLS.has(lower)) return commandField(ev.toolInput) ?? "";
  if (lower === "apply_patch") return patchText(ev.toolInput);
  if (isRecord(ev.toolInput)) {
    const i = ev.toolInput;
    const str = (k: string) => typeof i[k] === "string" ? i[k] as string : "";
    const path = str("file_path") || str("notebook_path") || str("path");
    if (
      ["write", "edit", "multiedit", "notebookedit"].includes(lower) && path
    ) {
      let body = str("content") || str("new_string") || str("new_source");
      if (!body && Array.isArray(i.edits)) {
        body = i.edits.map((e) =>
          isRecord(e) && typeof e.new_string === "string" ? e.new_string : ""
        ).join("\n");
      }
      return `${path}\n${body.slice(0, REFERENCE_CONTENT_CHARS)}`;
    }
    if (lower === "read" && path) return path;
    if (lower.startsWith("mcp__")) {
      for (const key of ["query", "statement", "command", "url"]) {
        if (typeof i[key] === "string" && i[key] !== "") {
          return i[key] as string;
        }
      }
    }
    if (typeof i.url === "string" && i.url !== "") return i.url;
  }
  return jsonText(ev.toolInput);
}

/**
 * The `check_policy` arguments for a tool call: the reference statement plus
 * the whole call (tool name, input, cwd, home, data directory, plugin folder,
 * profile) in `parameters.context`, so a server of ours judges exactly what
 * the embedded engine judges.
 */
export function checkPolicyArgs(
  ev: HookEvent,
  call: ToolCall,
  connector: string,
): Record<string, unknown> {
  return {
    connector_type: connector,
    statement: statementOf(ev),
    operation: "execute",
    parameters: {
      tool_name: ev.toolName,
      cwd: ev.cwd ?? "",
      context: toCallContext(call),
    },
  };
}

/** The lines a patch adds (`+` lines, without the `+`), joined with newlines. */
export function addedLines(patch: string): string {
  const out: string[] = [];
  for (const line of patch.split("\n")) {
    if (line.startsWith("+")) out.push(line.slice(1));
  }
  return out.join("\n");
}

/** Whether JSON escapes a character of `v` (a quote, a backslash, a control character). */
function needsEscape(v: string): boolean {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c < 32 || c === 34 || c === 92) return true;
  }
  return false;
}

/** Most characters of escaped string values added to the scanned text. */
const LEAVES_MAX_CHARS = 4 * 1024 * 1024;

/**
 * The object or array a text holds when the whole text is one JSON document
 * (up to {@link LEAVES_MAX_CHARS} characters), else undefined.
 */
export function jsonDocument(text: string): object | undefined {
  if (text.length > LEAVES_MAX_CHARS) return undefined;
  const t = text.trimStart();
  if (!t.startsWith("{") && !t.startsWith("[")) return undefined;
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === "object" && v !== null ? v : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The text PostToolUse scans: the tool's response (string as is, anything
 * else as JSON, plus the string values JSON had to escape), plus for
 * apply_patch the lines the patch added and for Claude's Write/Edit the
 * written content.
 */
export function postScanText(ev: HookEvent): string {
  const parts: string[] = [jsonText(ev.toolResponse)];
  // Strings of a structured response that JSON escapes (quotes, backslashes,
  // control characters) are scanned as themselves too: in the JSON text a
  // value that is itself escaped JSON (`{"t":"\u0067hp_…"}`) is escaped twice.
  // A string response of a tool other than the shell that is a JSON document
  // (the JSON text Codex makes of an MCP resource, read_mcp_resource) is
  // structured the same way. Shell output is text a command printed: left
  // as it is, so a big JSON listing costs no second pass.
  const lower = ev.toolName.toLowerCase();
  const structured = typeof ev.toolResponse === "string"
    ? (SHELL_TOOLS.has(lower) ? undefined : jsonDocument(ev.toolResponse))
    : ev.toolResponse;
  if (typeof structured === "object" && structured !== null) {
    const escaped: string[] = [];
    let chars = 0;
    mapStrings(structured, (v) => {
      if (chars < LEAVES_MAX_CHARS && needsEscape(v)) {
        escaped.push(v);
        chars += v.length;
      }
      return v;
    });
    if (escaped.length > 0) parts.push(escaped.join("\n"));
    // Markdown escapes (a page WebFetch turned into markdown): the lines
    // holding `\_` undone, so `ghp\_…` is read as the token it is.
    const md = unescapedMarkdownLines(escaped.join("\n"));
    if (md) parts.push(md);
  } else if (typeof ev.toolResponse === "string") {
    const md = unescapedMarkdownLines(ev.toolResponse);
    if (md) parts.push(md);
  }
  if (lower === "apply_patch") {
    const added = addedLines(patchText(ev.toolInput));
    if (added) parts.push(added);
  } else if (isRecord(ev.toolInput) && lower !== "read") {
    for (const key of ["content", "new_string"]) {
      const v = ev.toolInput[key];
      if (typeof v === "string" && v !== "") parts.push(v);
    }
  }
  return parts.filter((p) => p !== "").join("\n");
}
