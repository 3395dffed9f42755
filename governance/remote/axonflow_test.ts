import assert from "node:assert/strict";
import {
  callTool,
  classifyResponse,
  configErrorAdvice,
  describeOutcome,
  mcpUrl,
  type RemoteOutcome,
} from "./axonflow.ts";
import { VERSION } from "../version.ts";

interface Seen {
  url: string;
  method: string;
  headers: Headers;
}

type Handler = (req: Request, body: string) => Response | Promise<Response>;

async function withServer(
  handler: Handler,
  fn: (endpoint: string, seen: Seen[]) => Promise<void>,
): Promise<void> {
  const seen: Seen[] = [];
  const ac = new AbortController();
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, signal: ac.signal, onListen: () => {} },
    async (req) => {
      const body = await req.text();
      seen.push({
        url: req.url,
        method: req.method,
        headers: new Headers(req.headers),
      });
      return handler(req, body);
    },
  );
  try {
    await fn(`http://127.0.0.1:${server.addr.port}/`, seen);
  } finally {
    ac.abort();
    await server.finished;
  }
}

function rpcResult(doc: unknown, isError = false): Response {
  const text = typeof doc === "string" ? doc : JSON.stringify(doc);
  return Response.json({
    jsonrpc: "2.0",
    id: 1,
    result: {
      content: [{ type: "text", text }],
      ...(isError ? { isError } : {}),
    },
  });
}

Deno.test("mcpUrl appends the MCP path once", () => {
  assert.equal(mcpUrl("http://h:1/"), "http://h:1/api/v1/mcp-server");
  assert.equal(mcpUrl("http://h:1"), "http://h:1/api/v1/mcp-server");
});

Deno.test("callTool sends tools/call with the contract headers and returns the document", async () => {
  let body = "";
  await withServer((_req, b) => {
    body = b;
    return rpcResult({
      allowed: true,
      decision_id: "d1",
      policies_evaluated: 3,
    });
  }, async (endpoint, seen) => {
    const out = await callTool(
      { endpoint, auth: "Y2xpZW50OnNlY3JldA==", timeoutMs: 2000 },
      "check_policy",
      { connector_type: "codex.Bash", statement: "ls" },
    );
    assert.deepEqual(out, {
      kind: "ok",
      document: { allowed: true, decision_id: "d1", policies_evaluated: 3 },
    });
    const req = seen[0];
    assert.equal(new URL(req.url).pathname, "/api/v1/mcp-server");
    assert.equal(req.method, "POST");
    assert.equal(req.headers.get("accept"), "application/json");
    assert.equal(req.headers.get("content-type"), "application/json");
    assert.equal(
      req.headers.get("authorization"),
      "Basic Y2xpZW50OnNlY3JldA==",
    );
    assert.equal(
      req.headers.get("x-axonflow-client"),
      `codex-plugin/${VERSION}`,
    );
    const rpc = JSON.parse(body);
    assert.equal(rpc.jsonrpc, "2.0");
    assert.equal(rpc.method, "tools/call");
    assert.equal(typeof rpc.id, "number");
    assert.deepEqual(rpc.params, {
      name: "check_policy",
      arguments: { connector_type: "codex.Bash", statement: "ls" },
    });
  });
});

Deno.test("callTool sends no Authorization header without auth", async () => {
  await withServer(
    () => rpcResult({ allowed: true }),
    async (endpoint, seen) => {
      await callTool({ endpoint, timeoutMs: 2000 }, "check_policy", {});
      assert.equal(seen[0].headers.get("authorization"), null);
    },
  );
});

Deno.test("callTool classifies server failures", async () => {
  const cases: [Handler, RemoteOutcome["kind"], number?][] = [
    [() => new Response("boom", { status: 500 }), "http5xx"],
    [() => new Response("<html>hi</html>"), "garbage"],
    [() => new Response(""), "garbage"],
    [() => Response.json({ jsonrpc: "2.0", id: 1, result: {} }), "garbage"],
    [() => rpcResult("not json"), "garbage"],
    [() => rpcResult("policy engine exploded", true), "toolError"],
    [
      () =>
        Response.json(
          { jsonrpc: "2.0", id: 1, error: { code: -32001, message: "auth" } },
          { status: 401 },
        ),
      "rpcError",
      -32001,
    ],
    [
      () =>
        Response.json({
          jsonrpc: "2.0",
          id: 1,
          error: { code: -32603, message: "internal" },
        }),
      "rpcError",
      -32603,
    ],
    [() => new Response("", { status: 401 }), "rpcError", -32001],
    [() => new Response("nope", { status: 404 }), "rpcError", -32601],
  ];
  for (const [handler, kind, code] of cases) {
    await withServer(handler, async (endpoint) => {
      const out = await callTool({ endpoint, timeoutMs: 2000 }, "x", {});
      assert.equal(out.kind, kind, describeOutcome(out));
      if (code !== undefined && out.kind === "rpcError") {
        assert.equal(out.code, code);
      }
    });
  }
});

Deno.test("callTool reports a refused port as unreachable", async () => {
  const l = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (l.addr as Deno.NetAddr).port;
  l.close();
  const out = await callTool(
    { endpoint: `http://127.0.0.1:${port}`, timeoutMs: 2000 },
    "check_policy",
    {},
  );
  assert.equal(out.kind, "unreachable");
});

Deno.test("callTool times out on a slow server", async () => {
  let release = () => {};
  const gate = new Promise<void>((r) => release = r);
  await withServer(async () => {
    await gate;
    return rpcResult({ allowed: true });
  }, async (endpoint) => {
    const out = await callTool({ endpoint, timeoutMs: 200 }, "x", {});
    release();
    assert.equal(out.kind, "timeout");
  });
});

Deno.test("callTool reports missing --allow-net as permissionDenied", async () => {
  const dir = await Deno.makeTempDir();
  const script = `${dir}/probe.ts`;
  const mod = new URL("./axonflow.ts", import.meta.url).href;
  await Deno.writeTextFile(
    script,
    `import { callTool } from ${JSON.stringify(mod)};\n` +
      `const o = await callTool({ endpoint: "http://127.0.0.1:65500", timeoutMs: 1000 }, "x", {});\n` +
      `console.log(o.kind);\n`,
  );
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-q", "--no-prompt", "--no-config", "--no-lock", script],
    stdout: "piped",
    stderr: "piped",
  }).output();
  await Deno.remove(dir, { recursive: true });
  assert.equal(new TextDecoder().decode(out.stdout).trim(), "permissionDenied");
});

Deno.test("classifyResponse: an rpc error inside HTTP 200 is still an rpcError", () => {
  const out = classifyResponse(
    200,
    JSON.stringify({
      jsonrpc: "2.0",
      id: 1,
      error: { code: -32602, message: "bad" },
    }),
  );
  assert.deepEqual(out, { kind: "rpcError", code: -32602, message: "bad" });
});

Deno.test("configErrorAdvice names what to fix", () => {
  assert.match(configErrorAdvice(-32001), /AXONFLOW_AUTH/);
  assert.match(configErrorAdvice(-32601), /AXONFLOW_ENDPOINT/);
  assert.match(configErrorAdvice(-32602), /version/);
});

Deno.test("mcpUrl's trailing-slash pattern stays linear on 1 MB hostile input", () => {
  assert.ok(mcpUrl("/".repeat(1e6) + "x").endsWith("/api/v1/mcp-server"));
  assert.ok(mcpUrl("a".repeat(1e6)).length > 1e6);
});
