/**
 * Reads a tool call (Codex, Claude Code, MCP or an AxonFlow connector) into
 * the one thing the engine must judge: a shell command, a patch, a file write
 * or read, a URL fetch, a database statement, MCP arguments, or plain text.
 *
 * @module
 */
import type { ToolCall } from "./types.ts";
import { toJson } from "./json_walk.ts";

/** What a tool call asks for, in the engine's terms. */
export type Subject =
  | { kind: "shell"; command: string }
  | { kind: "patch"; patch: string }
  | { kind: "write"; path: string; content: string }
  | { kind: "read"; path: string }
  | { kind: "fetch"; url: string }
  | { kind: "sql"; statement: string }
  | { kind: "mcp"; server: string; tool: string; args: unknown }
  | { kind: "text"; text: string };

/** Shell tool names, every spelling Codex and other agents have used (compared in lower case). */
export const SHELL_TOOLS: ReadonlySet<string> = new Set([
  "bash",
  "exec_command",
  "shell",
  "shell_command",
  "local_shell",
  "container.exec",
  "terminal",
]);

/** Connector types and tool names that carry SQL statements for a database. */
export const DATABASE_CONNECTORS: ReadonlySet<string> = new Set([
  "postgres",
  "postgresql",
  "mysql",
  "mariadb",
  "sqlite",
  "sqlite3",
  "mssql",
  "sqlserver",
  "oracle",
  "snowflake",
  "bigquery",
  "redshift",
  "cassandra",
  "clickhouse",
  "cockroachdb",
  "duckdb",
  "sql",
  "database",
]);

function asRecord(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v)
    ? v as Record<string, unknown>
    : {};
}

/** Joins an argv array the way a shell would need it quoted. */
export function joinArgv(argv: readonly unknown[]): string {
  return argv.map((a) => {
    const s = String(a);
    return /^[A-Za-z0-9_@%+=:,./-]{1,4096}$/.test(s)
      ? s
      : `'${s.replaceAll("'", `'\\''`)}'`;
  }).join(" ");
}

function commandOf(input: unknown): string {
  if (typeof input === "string") return input;
  if (Array.isArray(input)) return joinArgv(input);
  const rec = asRecord(input);
  for (const key of ["command", "cmd", "script", "statement"]) {
    const v = rec[key];
    if (typeof v === "string") return v;
    if (Array.isArray(v)) return joinArgv(v);
  }
  return "";
}

function str(v: unknown): string {
  return typeof v === "string" ? v : "";
}

/** The bare tool name: `codex.Bash` → `Bash`, `claude_code.Write` → `Write`. */
function bareName(call: ToolCall): string {
  const raw = call.toolName || call.connectorType || "";
  const m = /^(?:codex|claude_code|claude-code|claude)\.(.+)$/.exec(raw);
  return m ? m[1] : raw;
}

/** What the tool call asks the engine to judge. */
export function subjectOf(call: ToolCall): Subject {
  const name = bareName(call);
  const lower = name.toLowerCase();
  const input = call.input;
  const rec = asRecord(input);
  const connector = (call.connectorType ?? "").toLowerCase();

  if (SHELL_TOOLS.has(lower)) {
    return { kind: "shell", command: commandOf(input) };
  }
  if (lower === "apply_patch") {
    const patch = typeof input === "string"
      ? input
      : str(rec.command) || str(rec.input) || str(rec.patch);
    return { kind: "patch", patch };
  }
  if (lower.startsWith("mcp__")) {
    const [, server = "", ...rest] = name.split("__");
    return { kind: "mcp", server, tool: rest.join("__"), args: input };
  }
  if (lower === "write" || lower === "create") {
    return {
      kind: "write",
      path: str(rec.file_path) || str(rec.path),
      content: str(rec.content),
    };
  }
  if (lower === "edit" || lower === "multiedit" || lower === "notebookedit") {
    const parts: string[] = [str(rec.new_string), str(rec.new_source)];
    if (Array.isArray(rec.edits)) {
      for (const e of rec.edits) parts.push(str(asRecord(e).new_string));
    }
    return {
      kind: "write",
      path: str(rec.file_path) || str(rec.notebook_path) || str(rec.path),
      content: parts.filter(Boolean).join("\n"),
    };
  }
  if (lower === "read" || lower === "notebookread") {
    return {
      kind: "read",
      path: str(rec.file_path) || str(rec.notebook_path) || str(rec.path),
    };
  }
  if (lower === "webfetch" || lower === "fetch" || lower === "web_fetch") {
    return { kind: "fetch", url: str(rec.url) || commandOf(input) };
  }
  if (DATABASE_CONNECTORS.has(lower) || DATABASE_CONNECTORS.has(connector)) {
    return { kind: "sql", statement: commandOf(input) };
  }
  if (typeof input === "string") return { kind: "text", text: input };
  const text = commandOf(input);
  return { kind: "text", text: text || safeJson(input) };
}

/** JSON text of a value at any depth; never throws (cycles and BigInts become strings). */
export function safeJson(value: unknown): string {
  if (value === undefined) return "";
  return toJson(value) ?? String(value);
}
