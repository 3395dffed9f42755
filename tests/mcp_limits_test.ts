/**
 * Server limits and front doors: `deno task serve --help` and `deno task mcp
 * --help` answer, `serve` prints its MCP endpoint, a client that stops
 * sending its body is cut off after the read timeout, and a JSON-RPC batch
 * larger than the limit is refused.
 */
import assert from "node:assert/strict";
import { createHandler, MAX_BATCH, MCP_PATH } from "../mcp/http.ts";
import { contextFromEnv } from "../mcp/context.ts";
import { REPO } from "./support/hook_process.ts";

async function task(args: string[], home: string) {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["task", "-q", ...args],
    cwd: REPO,
    env: { AXONFLOW_HOME: home },
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).output();
  const dec = new TextDecoder();
  return {
    code: out.code,
    stdout: dec.decode(out.stdout),
    stderr: dec.decode(out.stderr),
  };
}

Deno.test("deno task serve --help and deno task mcp --help answer; a bad flag is a usage error", async () => {
  const home = await Deno.makeTempDir({ prefix: "axf-limits-" });
  const serve = await task(["serve", "--help"], home);
  assert.equal(serve.code, 0, serve.stderr);
  assert.match(serve.stdout, /^Usage: deno task serve/);
  assert.match(serve.stdout, /batches up to 100 messages/);
  const mcp = await task(["mcp", "--help"], home);
  assert.equal(mcp.code, 0, mcp.stderr);
  assert.match(mcp.stdout, /^Usage: deno task mcp/);
  const bad = await task(["serve", "--nope"], home);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /Usage: deno task serve/);
  assert.ok(!/at .*\.ts:\d+/.test(bad.stderr), "no stack trace");
  const extra = await task(["mcp", "extra"], home);
  assert.equal(extra.code, 2);
  await Deno.remove(home, { recursive: true });
});

Deno.test("serve prints its URL, then the MCP endpoint URL", async () => {
  const home = await Deno.makeTempDir({ prefix: "axf-limits-" });
  const child = new Deno.Command(Deno.execPath(), {
    args: ["task", "-q", "serve", "--port", "0"],
    cwd: REPO,
    env: { AXONFLOW_HOME: home },
    stdin: "null",
    stdout: "piped",
    stderr: "inherit",
  }).spawn();
  const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  let buf = "";
  while (buf.split("\n").length < 3) {
    const { value, done } = await reader.read();
    if (done) break;
    buf += value;
  }
  const [base, endpoint] = buf.split("\n");
  assert.match(base, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.equal(endpoint, `MCP endpoint: ${base}${MCP_PATH}`);
  const health = await fetch(`${base}/health`);
  assert.equal((await health.json()).status, "ok");
  child.kill("SIGTERM");
  await reader.cancel();
  await child.status;
  await Deno.remove(home, { recursive: true });
});

Deno.test("a slow client is cut off after the read timeout; an oversized batch is refused", async () => {
  const home = await Deno.makeTempDir({ prefix: "axf-limits-" });
  const ctx = contextFromEnv(home);
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    createHandler(ctx, { readTimeoutMs: 300 }),
  );
  const port = server.addr.port;
  try {
    // a client that announces 1000 bytes and sends 10, then goes quiet
    const conn = await Deno.connect({ hostname: "127.0.0.1", port });
    await conn.write(
      new TextEncoder().encode(
        `POST ${MCP_PATH} HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{"jsonrpc"`,
      ),
    );
    const buf = new Uint8Array(4096);
    const n = await conn.read(buf);
    const head = new TextDecoder().decode(buf.subarray(0, n ?? 0));
    assert.match(head, /^HTTP\/1\.1 408/);
    assert.match(head, /not received within 0\.3 s/);
    conn.close();

    const call = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        jsonrpc: "2.0",
        id: i + 1,
        method: "tools/list",
      }));
    const big = await fetch(`http://127.0.0.1:${port}${MCP_PATH}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(call(MAX_BATCH + 1)),
    });
    assert.equal(big.status, 413);
    assert.match((await big.json()).error.message, /at most 100 messages/);
    const ok = await fetch(`http://127.0.0.1:${port}${MCP_PATH}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(call(MAX_BATCH)),
    });
    assert.equal(ok.status, 200);
    assert.equal((await ok.json()).length, MAX_BATCH);
  } finally {
    await server.shutdown();
    ctx.close();
    await Deno.remove(home, { recursive: true });
  }
});
