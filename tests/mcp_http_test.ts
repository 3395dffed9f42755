import assert from "node:assert/strict";
import { Client } from "npm:@modelcontextprotocol/sdk@1.32.2/client/index.js";
import { StreamableHTTPClientTransport } from "npm:@modelcontextprotocol/sdk@1.32.2/client/streamableHttp.js";
import { clientSuite, startServe } from "./mcp_client_cases.ts";

async function rpc(
  url: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<
  { status: number; json: Record<string, unknown> | null; headers: Headers }
> {
  const res = await fetch(`${url}/api/v1/mcp-server`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      "Accept": "application/json",
      ...headers,
    },
    body,
  });
  const text = await res.text();
  return {
    status: res.status,
    json: text ? JSON.parse(text) : null,
    headers: res.headers,
  };
}

const call = (name: string, args: unknown, id: unknown = 1) =>
  JSON.stringify({
    jsonrpc: "2.0",
    id,
    method: "tools/call",
    params: { name, arguments: args },
  });

Deno.test("MCP over HTTP: the SDK's Streamable HTTP client runs every tool and bad-argument path", async () => {
  const home = Deno.makeTempDirSync({ prefix: "mcp_http_" });
  const server = await startServe(home);
  try {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const client = new Client({ name: "http-test", version: "1.0.0" });
    await client.connect(
      new StreamableHTTPClientTransport(
        new URL(`${server.url}/api/v1/mcp-server`),
      ),
    );
    assert.equal(client.getServerVersion()?.name, "axonflow-governance");
    await clientSuite(client);
    await client.close();
  } finally {
    await server.stop();
  }
});

Deno.test("plain JSON-RPC (no initialize, Accept: application/json): results and every error code", async () => {
  const home = Deno.makeTempDirSync({ prefix: "mcp_rpc_" });
  const server = await startServe(home);
  try {
    const health = await fetch(`${server.url}/health`);
    const h = await health.json();
    assert.equal(health.status, 200);
    assert.equal(h.status, "ok");
    assert.match(h.version, /^\d+\.\d+\.\d+/);

    const ok = await rpc(
      server.url,
      call("check_policy", {
        connector_type: "codex.Bash",
        statement: "ls -la",
      }, "a1"),
    );
    assert.equal(ok.status, 200);
    assert.match(ok.headers.get("content-type") ?? "", /application\/json/);
    assert.equal(ok.json?.id, "a1");
    const result = ok.json?.result as { content: { text: string }[] };
    assert.equal(JSON.parse(result.content[0].text).allowed, true);

    const list = await rpc(
      server.url,
      JSON.stringify({ jsonrpc: "2.0", id: 2, method: "tools/list" }),
    );
    assert.equal((list.json?.result as { tools: unknown[] }).tools.length, 7);
    const init = await rpc(
      server.url,
      JSON.stringify({
        jsonrpc: "2.0",
        id: 3,
        method: "initialize",
        params: {},
      }),
    );
    assert.equal(
      (init.json?.result as { serverInfo: { name: string } }).serverInfo.name,
      "axonflow-governance",
    );
    const ping = await rpc(
      server.url,
      JSON.stringify({ jsonrpc: "2.0", id: 4, method: "ping" }),
    );
    assert.deepEqual(ping.json?.result, {});

    const parse = await rpc(server.url, "{not json");
    assert.equal(parse.status, 400);
    assert.equal((parse.json?.error as { code: number }).code, -32700);

    const badVersion = await rpc(
      server.url,
      JSON.stringify({ jsonrpc: "1.0", id: 5, method: "ping" }),
    );
    assert.equal((badVersion.json?.error as { code: number }).code, -32600);
    const notObject = await rpc(server.url, "42");
    assert.equal((notObject.json?.error as { code: number }).code, -32600);

    const unknownMethod = await rpc(
      server.url,
      JSON.stringify({ jsonrpc: "2.0", id: 6, method: "resources/nope" }),
    );
    assert.equal((unknownMethod.json?.error as { code: number }).code, -32601);

    const unknownTool = await rpc(server.url, call("no_such_tool", {}));
    assert.equal((unknownTool.json?.error as { code: number }).code, -32602);
    const missing = await rpc(
      server.url,
      call("check_policy", { statement: "ls" }),
    );
    const err = missing.json?.error as { code: number; message: string };
    assert.equal(err.code, -32602);
    assert.match(err.message, /connector_type/);
    const badLimit = await rpc(
      server.url,
      call("search_audit_events", { limit: 1000 }),
    );
    assert.match(
      (badLimit.json?.error as { message: string }).message,
      /limit/,
    );
    const badDate = await rpc(
      server.url,
      call("get_policy_stats", { to: "tomorrow" }),
    );
    assert.match((badDate.json?.error as { message: string }).message, /to/);

    const unknownDecision = await rpc(
      server.url,
      call("explain_decision", { decision_id: "nope" }),
    );
    const ur = unknownDecision.json?.result as {
      isError: boolean;
      content: { text: string }[];
    };
    assert.equal(ur.isError, true);
    assert.match(ur.content[0].text, /not|no decision/);

    const note = await rpc(
      server.url,
      JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" }),
    );
    assert.equal(note.status, 202);
    assert.equal(note.json, null);

    const batch = await rpc(
      server.url,
      JSON.stringify([
        { jsonrpc: "2.0", id: 10, method: "ping" },
        { jsonrpc: "2.0", method: "notifications/initialized" },
        { jsonrpc: "2.0", id: 11, method: "nope" },
      ]),
    );
    const answers = batch.json as unknown as { id: number }[];
    assert.deepEqual(answers.map((a) => a.id), [10, 11]);

    const big = "x".repeat(1024 * 1024 + 10);
    const tooBig = await rpc(
      server.url,
      call("check_output", { connector_type: "c", message: big }),
    );
    assert.equal(tooBig.status, 413);
    assert.equal((tooBig.json?.error as { code: number }).code, -32600);
    const nearLimit = await rpc(
      server.url,
      call("check_output", {
        connector_type: "c",
        message: "y".repeat(900_000),
      }),
    );
    assert.equal(nearLimit.status, 200);
    assert.ok(nearLimit.json?.result);

    const get = await fetch(`${server.url}/api/v1/mcp-server`, {
      headers: { Accept: "application/json" },
    });
    await get.body?.cancel();
    assert.equal(get.status, 405);
    const missingPath = await fetch(`${server.url}/elsewhere`);
    await missingPath.body?.cancel();
    assert.equal(missingPath.status, 404);
  } finally {
    await server.stop();
  }
});

Deno.test("Basic auth: a configured credential is required (-32001, HTTP 401, WWW-Authenticate)", async () => {
  const home = Deno.makeTempDirSync({ prefix: "mcp_auth_" });
  const secret = btoa("team-client:s3cret");
  const server = await startServe(home, { AXONFLOW_SERVER_AUTH: secret });
  try {
    const body = call("list_policies", {});
    const none = await rpc(server.url, body);
    assert.equal(none.status, 401);
    assert.equal((none.json?.error as { code: number }).code, -32001);
    assert.match(none.headers.get("www-authenticate") ?? "", /^Basic/);
    const wrong = await rpc(server.url, body, {
      Authorization: `Basic ${btoa("team-client:nope")}`,
    });
    assert.equal(wrong.status, 401);
    const right = await rpc(server.url, body, {
      Authorization: `Basic ${secret}`,
      "X-Axonflow-Client": "codex-plugin/0.1.0",
    });
    assert.equal(right.status, 200);
    assert.ok(right.json?.result);
    // The MCP client path is guarded too.
    const client = new Client({ name: "auth-test", version: "1.0.0" });
    await assert.rejects(
      client.connect(
        new StreamableHTTPClientTransport(
          new URL(`${server.url}/api/v1/mcp-server`),
        ),
      ),
    );
    const authed = new Client({ name: "auth-test", version: "1.0.0" });
    await authed.connect(
      new StreamableHTTPClientTransport(
        new URL(`${server.url}/api/v1/mcp-server`),
        {
          requestInit: { headers: { Authorization: `Basic ${secret}` } },
        },
      ),
    );
    assert.equal((await authed.listTools()).tools.length, 7);
    await authed.close();
    const health = await fetch(`${server.url}/health`);
    assert.equal(health.status, 200);
    await health.body?.cancel();
  } finally {
    await server.stop();
  }
});
