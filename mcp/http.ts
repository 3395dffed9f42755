/**
 * The HTTP face of the governance server, `POST /api/v1/mcp-server`:
 * - MCP Streamable HTTP (stateless) for MCP clients (they accept
 *   `text/event-stream`), through the SDK's web-standard transport;
 * - plain JSON-RPC 2.0 for everything else — what AxonFlow hook scripts send:
 *   `tools/call` without `initialize`, `Accept: application/json` only.
 * Basic auth when a credential is configured (-32001, HTTP 401 and
 * `WWW-Authenticate: Basic` otherwise), a 1 MB body limit, the contract's
 * error codes, HTTP 202 for a request without `id`. `GET /health` answers
 * `{status, version}`.
 *
 * @module
 */

import {
  asCheckpoint,
  WITNESS_GET,
  WITNESS_PUT,
} from "../governance/audit/checkpoint.ts";
import { BUNDLE_METHOD } from "../governance/policy_bundle.ts";
import { WebStandardStreamableHTTPServerTransport } from "npm:@modelcontextprotocol/sdk@1.32.2/server/webStandardStreamableHttp.js";
import { z } from "npm:zod@4.6.7";
import { VERSION } from "../governance/version.ts";
import {
  buildServer,
  callToolResult,
  SERVER_INSTRUCTIONS,
  SERVER_NAME,
} from "./server.ts";
import { isToolName, parseToolArgs, ToolArgumentError } from "./args.ts";
import type { ToolContext } from "./context.ts";
import {
  INPUT_SHAPES,
  OUTPUT_SHAPES,
  TOOL_INFO,
  type ToolName,
} from "./shapes.ts";
import { runTool } from "./tools.ts";

/** The JSON-RPC endpoint path (the AxonFlow platform's). */
export const MCP_PATH = "/api/v1/mcp-server";
/** Largest accepted request body, in bytes. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Most messages in one JSON-RPC batch. */
export const MAX_BATCH = 100;
/** A client that has not sent its whole body after this long is cut off (ms). */
export const READ_TIMEOUT_MS = 10_000;
/** Protocol version answered to a plain `initialize` that names none. */
export const DEFAULT_PROTOCOL_VERSION = "2025-06-18";

/** Options of the handler. */
export interface HttpOptions {
  /** Body read timeout in ms (default READ_TIMEOUT_MS). */
  readTimeoutMs?: number;
  /** Expected `Authorization: Basic <auth>` value (base64 of client_id:secret); none = no auth. */
  auth?: string;
}

/** JSON-RPC error codes used here. */
export const RPC = {
  PARSE: -32700,
  INVALID_REQUEST: -32600,
  METHOD_NOT_FOUND: -32601,
  INVALID_PARAMS: -32602,
  INTERNAL: -32603,
  AUTH: -32001,
} as const;

type Id = string | number | null;

interface RpcError {
  jsonrpc: "2.0";
  id: Id;
  error: { code: number; message: string };
}

function rpcError(id: Id, code: number, message: string): RpcError {
  return { jsonrpc: "2.0", id, error: { code, message } };
}

function json(
  body: unknown,
  status = 200,
  headers: HeadersInit = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

/** Constant-time string comparison. */
function sameSecret(a: string, b: string): boolean {
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  }
  return diff === 0;
}

/** True when no credential is configured, or the Authorization header carries it (Basic). */
export function authorized(
  headers: Headers,
  auth: string | undefined,
): boolean {
  if (!auth) return true;
  const header = headers.get("authorization") ?? "";
  const m = /^Basic[ ]{1,8}([A-Za-z0-9+/=._-]{1,4096})[ ]{0,8}$/i.exec(header);
  return m !== null && sameSecret(m[1], auth);
}

/**
 * Read at most MAX_BODY_BYTES of the body within `timeoutMs`; `undefined`
 * when it is larger, `"timeout"` when the client is too slow (the body is
 * cancelled, so a slow client cannot hold the server).
 */
async function readBody(
  req: Request,
  timeoutMs: number,
): Promise<string | undefined | { timeout: true }> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) return undefined;
  if (!req.body) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body.getReader();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  try {
    while (true) {
      const r = await Promise.race([reader.read(), expired]);
      if (r === "timeout") {
        reader.cancel().catch(() => {});
        return { timeout: true };
      }
      if (r.done) break;
      size += r.value.byteLength;
      if (size > MAX_BODY_BYTES) {
        reader.cancel().catch(() => {});
        return undefined;
      }
      chunks.push(r.value);
    }
  } finally {
    clearTimeout(timer);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder().decode(all);
}

let toolListCache: unknown[] | undefined;

/** The `tools/list` entries (JSON Schema of arguments and results, annotations). */
export function toolList(): unknown[] {
  toolListCache ??= (Object.keys(INPUT_SHAPES) as ToolName[]).map((name) => ({
    name,
    title: TOOL_INFO[name].title,
    description: TOOL_INFO[name].description,
    inputSchema: z.toJSONSchema(
      z.object(INPUT_SHAPES[name] as z.ZodRawShape),
      { io: "input" },
    ),
    outputSchema: z.toJSONSchema(z.looseObject(OUTPUT_SHAPES[name])),
    annotations: {
      title: TOOL_INFO[name].title,
      ...TOOL_INFO[name].annotations,
    },
  }));
  return toolListCache;
}

/** Answer one plain JSON-RPC message; undefined for a notification (no id). */
export function handleMessage(
  msg: unknown,
  ctx: ToolContext,
): unknown | undefined {
  if (msg === null || typeof msg !== "object" || Array.isArray(msg)) {
    return rpcError(
      null,
      RPC.INVALID_REQUEST,
      "Invalid Request: not a JSON-RPC object",
    );
  }
  const m = msg as Record<string, unknown>;
  const hasId = Object.hasOwn(m, "id");
  const id: Id = typeof m.id === "string" || typeof m.id === "number"
    ? m.id
    : null;
  if (m.jsonrpc !== "2.0") {
    return rpcError(
      id,
      RPC.INVALID_REQUEST,
      'Invalid Request: jsonrpc must be "2.0"',
    );
  }
  if (typeof m.method !== "string") {
    return rpcError(
      id,
      RPC.INVALID_REQUEST,
      "Invalid Request: method must be a string",
    );
  }
  if (!hasId) return undefined; // notification: nothing to answer
  const ok = (result: unknown) => ({ jsonrpc: "2.0", id, result });
  const params = (m.params ?? {}) as Record<string, unknown>;
  try {
    switch (m.method) {
      case "initialize":
        return ok({
          protocolVersion: typeof params.protocolVersion === "string"
            ? params.protocolVersion
            : DEFAULT_PROTOCOL_VERSION,
          capabilities: { tools: { listChanged: false } },
          serverInfo: { name: SERVER_NAME, version: VERSION },
          instructions: SERVER_INSTRUCTIONS,
        });
      case "ping":
        return ok({});
      case BUNDLE_METHOD:
        return ok(ctx.policyBundle());
      case WITNESS_PUT: {
        const cp = asCheckpoint(params.checkpoint);
        if (!cp) {
          return rpcError(id, RPC.INVALID_PARAMS, "Invalid params: checkpoint");
        }
        const who = (params.caller ?? {}) as { user?: unknown; host?: unknown };
        const kept = ctx.audit().recordWitness(cp, {
          user: typeof who.user === "string"
            ? who.user.slice(0, 128)
            : undefined,
          host: typeof who.host === "string"
            ? who.host.slice(0, 256)
            : undefined,
        });
        return ok({ kept });
      }
      case WITNESS_GET: {
        const storeId = typeof params.store_id === "string"
          ? params.store_id
          : "";
        return ok({ checkpoint: ctx.audit().witness(storeId) ?? null });
      }
      case "tools/list":
        return ok({ tools: toolList() });
      case "tools/call": {
        if (
          params === null || typeof params !== "object" || Array.isArray(params)
        ) {
          return rpcError(
            id,
            RPC.INVALID_PARAMS,
            "Invalid params: params must be an object",
          );
        }
        const name = params.name;
        if (typeof name !== "string" || name === "") {
          return rpcError(
            id,
            RPC.INVALID_PARAMS,
            "Invalid params: params.name (the tool name) is required",
          );
        }
        if (!isToolName(name)) {
          return rpcError(
            id,
            RPC.INVALID_PARAMS,
            `Unknown tool: ${name.slice(0, 100)}`,
          );
        }
        const args = parseToolArgs(name, params.arguments);
        return ok(callToolResult(runTool(name, args, ctx)));
      }
      default:
        return rpcError(
          id,
          RPC.METHOD_NOT_FOUND,
          `Method not found: ${m.method.slice(0, 100)}`,
        );
    }
  } catch (e) {
    if (e instanceof ToolArgumentError) {
      return rpcError(id, RPC.INVALID_PARAMS, e.message);
    }
    return rpcError(
      id,
      RPC.INTERNAL,
      `Internal error: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

/** Build the request handler for `Deno.serve`. */
export function createHandler(
  ctx: ToolContext,
  opts: HttpOptions = {},
): (req: Request) => Promise<Response> {
  return async (req: Request): Promise<Response> => {
    const url = new URL(req.url);
    if (
      url.pathname === "/health" &&
      (req.method === "GET" || req.method === "HEAD")
    ) {
      return json({ status: "ok", version: VERSION, name: SERVER_NAME });
    }
    if (url.pathname !== MCP_PATH) {
      return json({ error: "not found" }, 404);
    }
    if (!authorized(req.headers, opts.auth)) {
      return json(
        rpcError(
          null,
          RPC.AUTH,
          "Authentication failed: send Authorization: Basic <base64 of client_id:secret>",
        ),
        401,
        {
          "www-authenticate": 'Basic realm="axonflow"',
        },
      );
    }
    const accept = req.headers.get("accept") ?? "";
    const streamable = accept.includes("text/event-stream");
    if (req.method !== "POST") {
      if (streamable || req.method === "DELETE") {
        return await sdkHandle(req, ctx);
      }
      return json(rpcError(null, RPC.INVALID_REQUEST, "Use POST"), 405, {
        allow: "POST",
      });
    }
    const text = await readBody(req, opts.readTimeoutMs ?? READ_TIMEOUT_MS);
    if (typeof text === "object") {
      return json(
        rpcError(
          null,
          RPC.INVALID_REQUEST,
          `Request body not received within ${
            (opts.readTimeoutMs ?? READ_TIMEOUT_MS) / 1000
          } s`,
        ),
        408,
        { connection: "close" },
      );
    }
    if (text === undefined) {
      return json(
        rpcError(
          null,
          RPC.INVALID_REQUEST,
          `Request body larger than ${MAX_BODY_BYTES} bytes`,
        ),
        413,
      );
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return json(
        rpcError(null, RPC.PARSE, "Parse error: the body is not valid JSON"),
        400,
      );
    }
    if (Array.isArray(body) && body.length > MAX_BATCH) {
      return json(
        rpcError(
          null,
          RPC.INVALID_REQUEST,
          `Invalid Request: a batch holds at most ${MAX_BATCH} messages, this one ${body.length}`,
        ),
        413,
      );
    }
    if (streamable) return await sdkHandle(req, ctx, body);
    if (Array.isArray(body)) {
      if (body.length === 0) {
        return json(
          rpcError(null, RPC.INVALID_REQUEST, "Invalid Request: empty batch"),
        );
      }
      const answers = body.map((m) => handleMessage(m, ctx)).filter((a) =>
        a !== undefined
      );
      return answers.length
        ? json(answers)
        : new Response(null, { status: 202 });
    }
    const answer = handleMessage(body, ctx);
    return answer === undefined
      ? new Response(null, { status: 202 })
      : json(answer);
  };
}

/** One stateless MCP Streamable HTTP exchange through the SDK. */
async function sdkHandle(
  req: Request,
  ctx: ToolContext,
  parsedBody?: unknown,
): Promise<Response> {
  const server = buildServer(ctx);
  const transport = new WebStandardStreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableJsonResponse: true,
  });
  await server.connect(transport);
  try {
    return await transport.handleRequest(
      req,
      parsedBody === undefined ? {} : { parsedBody },
    );
  } finally {
    // enableJsonResponse: the response is complete once handleRequest resolves.
    queueMicrotask(() => {
      server.close().catch(() => {});
    });
  }
}
