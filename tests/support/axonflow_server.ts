/**
 * A real HTTP server on 127.0.0.1 speaking the AxonFlow MCP JSON-RPC contract,
 * for the remote-mode hook tests and the bench. `healthy` answers with
 * documents built by the engine itself; the other modes reproduce each
 * failure a remote platform can show.
 *
 * @module
 */

import {
  checkOutputDocument,
  checkPolicyDocument,
  evaluate,
  scan,
} from "../../governance/engine/mod.ts";

/** How the server behaves. */
export type ServerMode =
  | { kind: "healthy" }
  | { kind: "allowAll" }
  | { kind: "blockAll"; policy: string; reason: string }
  | { kind: "status"; status: number; body: string }
  | { kind: "rpcError"; code: number; status?: number }
  | { kind: "isError"; text: string }
  | { kind: "slow"; ms: number };

/** One request the server received. */
export interface SeenRequest {
  path: string;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

/** A running fake platform. */
export interface AxonflowServer {
  endpoint: string;
  port: number;
  seen: SeenRequest[];
  /** Names of the tools called, in order. */
  tools(): string[];
  close(): Promise<void>;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function result(id: unknown, doc: unknown, isError = false): Response {
  return Response.json({
    jsonrpc: "2.0",
    id,
    result: {
      content: [{
        type: "text",
        text: typeof doc === "string" ? doc : JSON.stringify(doc),
      }],
      ...(isError ? { isError: true } : {}),
    },
  });
}

function healthy(
  id: unknown,
  name: string,
  args: Record<string, unknown>,
): Response {
  const connector = String(args.connector_type ?? "");
  if (name === "check_policy") {
    const [, tool = connector] = connector.split(".");
    const statement = String(args.statement ?? "");
    const input = tool === "apply_patch"
      ? { command: statement }
      : { command: statement };
    const d = evaluate({
      toolName: tool,
      input,
      connectorType: connector,
      cwd: "/tmp",
      home: "/nonexistent-home",
    });
    return result(id, checkPolicyDocument(d));
  }
  if (name === "check_output") {
    const r = scan(String(args.message ?? ""));
    return result(id, checkOutputDocument(r, crypto.randomUUID(), 1));
  }
  if (name === "audit_tool_call") {
    const ts = new Date().toISOString();
    return result(id, {
      recorded: true,
      tool_name: args.tool_name,
      timestamp: ts,
      details: {
        status: "recorded",
        audit_id: crypto.randomUUID(),
        timestamp: ts,
      },
    });
  }
  return Response.json({
    jsonrpc: "2.0",
    id,
    error: { code: -32602, message: `unknown tool ${name}` },
  });
}

/** Start a fake AxonFlow platform on a free loopback port. */
export function startAxonflowServer(mode: ServerMode): AxonflowServer {
  const seen: SeenRequest[] = [];
  const ac = new AbortController();
  const pending = new Set<() => void>();
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, signal: ac.signal, onListen: () => {} },
    async (req) => {
      const text = await req.text();
      let body: Record<string, unknown> = {};
      try {
        const v = JSON.parse(text);
        if (isRecord(v)) body = v;
      } catch {
        // keep {}
      }
      seen.push({
        path: new URL(req.url).pathname,
        headers: Object.fromEntries(req.headers.entries()),
        body,
      });
      // Like an AxonFlow platform: no method of this project's own team
      // server (the policy bundle) is offered.
      if (
        typeof body.method === "string" && body.method.startsWith("axonflow/")
      ) {
        return Response.json({
          jsonrpc: "2.0",
          id: body.id ?? null,
          error: { code: -32601, message: `Method not found: ${body.method}` },
        });
      }
      const params = isRecord(body.params) ? body.params : {};
      const name = String(params.name ?? "");
      const args = isRecord(params.arguments) ? params.arguments : {};
      switch (mode.kind) {
        case "healthy":
          return healthy(body.id, name, args);
        case "allowAll":
          return name === "check_policy"
            ? result(body.id, {
              allowed: true,
              decision_id: "remote-allow-1",
              policies_evaluated: 80,
            })
            : healthy(body.id, name, args);
        case "blockAll":
          return name === "check_policy"
            ? result(body.id, {
              allowed: false,
              decision_id: "remote-block-1",
              policies_evaluated: 80,
              block_reason: mode.reason,
              blocked_by: mode.policy,
              risk_level: "high",
            })
            : healthy(body.id, name, args);
        case "status":
          return new Response(mode.body, { status: mode.status });
        case "rpcError":
          return Response.json(
            {
              jsonrpc: "2.0",
              id: body.id,
              error: { code: mode.code, message: `error ${mode.code}` },
            },
            { status: mode.status ?? 200 },
          );
        case "isError":
          return result(body.id, mode.text, true);
        case "slow": {
          await new Promise<void>((r) => {
            const done = () => {
              clearTimeout(t);
              pending.delete(done);
              r();
            };
            const t = setTimeout(done, mode.ms);
            pending.add(done);
          });
          return result(body.id, {
            allowed: true,
            decision_id: "slow",
            policies_evaluated: 1,
          });
        }
      }
    },
  );
  const port = server.addr.port;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    seen,
    tools: () =>
      seen.filter((s) => s.body.method === "tools/call").map((s) =>
        String(isRecord(s.body.params) ? s.body.params.name : "")
      ),
    async close() {
      for (const done of [...pending]) done();
      ac.abort();
      await server.finished;
    },
  };
}
