/**
 * AxonFlow JSON-RPC client for the hooks: one `tools/call` POST to
 * `{endpoint}/api/v1/mcp-server` (no `initialize`), classified into a
 * discriminated union so that callers decide every failure explicitly.
 * `http:` endpoints are reached with the small client in `http1.ts` (a
 * hook process does not pay for setting up `fetch`); `https:` with `fetch`.
 *
 * @module
 */

import { VERSION } from "../version.ts";
import { postHttp1 } from "./http1.ts";

/** Where and how to reach an AxonFlow platform. */
export interface RemoteConfig {
  /** Base URL, e.g. `http://localhost:8080` (a trailing slash is fine). */
  endpoint: string;
  /** AXONFLOW_AUTH: already base64 of `client_id:secret`; sent as `Authorization: Basic ...`. */
  auth?: string;
  /** Whole-request timeout in milliseconds (connect, send, read). */
  timeoutMs: number;
}

/** Every outcome of one remote tool call. */
export type RemoteOutcome =
  | { kind: "ok"; document: Record<string, unknown> }
  | { kind: "unreachable"; message: string }
  | { kind: "timeout"; message: string }
  | { kind: "http5xx"; status: number; message: string }
  | { kind: "garbage"; message: string }
  | { kind: "rpcError"; code: number; message: string }
  | { kind: "toolError"; message: string }
  | { kind: "permissionDenied"; message: string };

/** JSON-RPC error codes that mean "the configuration must be fixed" (block, do not fall back). */
export const CONFIG_ERROR_CODES: readonly number[] = [-32001, -32601, -32602];

/** The MCP endpoint URL of a platform base URL. */
export function mcpUrl(endpoint: string): string {
  return endpoint.replace(/\/{1,16}$/, "") + "/api/v1/mcp-server";
}

/** Request headers of a call (exported for tests and doctor output). */
export function requestHeaders(cfg: RemoteConfig): Record<string, string> {
  const h: Record<string, string> = {
    "Accept": "application/json",
    "Content-Type": "application/json",
    "X-Axonflow-Client": `codex-plugin/${VERSION}`,
  };
  if (cfg.auth) h["Authorization"] = `Basic ${cfg.auth}`;
  return h;
}

let nextId = 1;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function clip(s: string, n = 200): string {
  return s.length > n ? s.slice(0, n) + "…" : s;
}

/** Classify a thrown fetch/body error. */
function classifyError(err: unknown, url: string): RemoteOutcome {
  if (
    err instanceof Deno.errors.NotCapable ||
    err instanceof Deno.errors.PermissionDenied
  ) {
    return { kind: "permissionDenied", message: String(err) };
  }
  if (
    err instanceof DOMException &&
    (err.name === "TimeoutError" || err.name === "AbortError")
  ) {
    return { kind: "timeout", message: `no answer from ${url} in time` };
  }
  const msg = err instanceof Error ? err.message : String(err);
  return { kind: "unreachable", message: clip(msg) };
}

/** Classify an HTTP response body (already read as text). */
export function classifyResponse(status: number, body: string): RemoteOutcome {
  let parsed: unknown = undefined;
  try {
    parsed = body.trim() ? JSON.parse(body) : undefined;
  } catch {
    parsed = undefined;
  }
  if (isRecord(parsed) && isRecord(parsed.error)) {
    const code = typeof parsed.error.code === "number" ? parsed.error.code : 0;
    const message = typeof parsed.error.message === "string"
      ? parsed.error.message
      : "";
    return { kind: "rpcError", code, message: clip(message) };
  }
  if (status >= 500) {
    return { kind: "http5xx", status, message: `HTTP ${status}` };
  }
  if (status === 401 || status === 403) {
    return {
      kind: "rpcError",
      code: -32001,
      message: `authentication failed (HTTP ${status})`,
    };
  }
  if (status === 429) {
    return { kind: "http5xx", status, message: "rate limited (HTTP 429)" };
  }
  if (status === 404) {
    return {
      kind: "rpcError",
      code: -32601,
      message: "no MCP endpoint at this URL (HTTP 404)",
    };
  }
  if (status < 200 || status >= 300) {
    return { kind: "garbage", message: `unexpected HTTP ${status}` };
  }
  if (!isRecord(parsed)) {
    return {
      kind: "garbage",
      message: body.trim()
        ? `response is not a JSON object: ${clip(JSON.stringify(body), 80)}`
        : "empty response",
    };
  }
  const result = parsed.result;
  if (!isRecord(result)) return { kind: "garbage", message: "no result" };
  const content = Array.isArray(result.content) ? result.content : [];
  const first = content[0];
  const text = isRecord(first) && typeof first.text === "string"
    ? first.text
    : undefined;
  if (result.isError === true) {
    return { kind: "toolError", message: clip(text ?? "tool error") };
  }
  if (text === undefined) {
    return { kind: "garbage", message: "no content[0].text" };
  }
  try {
    const doc: unknown = JSON.parse(text);
    if (isRecord(doc)) return { kind: "ok", document: doc };
  } catch {
    // fall through
  }
  return { kind: "garbage", message: "content[0].text is not a JSON object" };
}

/**
 * Call one AxonFlow tool. Never throws: every outcome is a {@link RemoteOutcome}.
 * `signal` (optional) aborts early in addition to the timeout.
 */
export async function callTool(
  cfg: RemoteConfig,
  name: string,
  args: Record<string, unknown>,
  signal?: AbortSignal,
): Promise<RemoteOutcome> {
  let url: string;
  try {
    url = mcpUrl(cfg.endpoint);
    new URL(url);
  } catch {
    return {
      kind: "rpcError",
      code: -32601,
      message: `AXONFLOW_ENDPOINT is not a valid URL: ${clip(cfg.endpoint)}`,
    };
  }
  const timeout = AbortSignal.timeout(Math.max(1, cfg.timeoutMs));
  const sig = signal ? AbortSignal.any([timeout, signal]) : timeout;
  const body = JSON.stringify({
    jsonrpc: "2.0",
    id: nextId++,
    method: "tools/call",
    params: { name, arguments: args },
  });
  try {
    const parsed = new URL(url);
    if (parsed.protocol === "http:") {
      const res = await postHttp1(parsed, requestHeaders(cfg), body, sig);
      return classifyResponse(res.status, res.text);
    }
    const res = await fetch(url, {
      method: "POST",
      headers: requestHeaders(cfg),
      body,
      signal: sig,
    });
    const text = await res.text();
    return classifyResponse(res.status, text);
  } catch (err) {
    return classifyError(err, url);
  }
}

/** A one-line description of an outcome for stderr and the audit trail. */
export function describeOutcome(o: RemoteOutcome): string {
  switch (o.kind) {
    case "ok":
      return "ok";
    case "rpcError":
      return `JSON-RPC error ${o.code}: ${o.message}`;
    case "http5xx":
      return `server error (${o.message})`;
    case "toolError":
      return `tool error: ${o.message}`;
    default:
      return `${o.kind}: ${o.message}`;
  }
}

/** What to fix, for a configuration error code (-32001, -32601, -32602). */
export function configErrorAdvice(code: number): string {
  switch (code) {
    case -32001:
      return "authentication failed: check AXONFLOW_AUTH (base64 of client_id:secret)";
    case -32601:
      return "method or endpoint not found: check AXONFLOW_ENDPOINT (base URL; the plugin adds /api/v1/mcp-server)";
    case -32602:
      return "invalid parameters: the plugin and server versions may not match; upgrade one of them";
    default:
      return "check the AxonFlow configuration";
  }
}
