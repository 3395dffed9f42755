/**
 * The team server under many developers: how many audit events per second
 * it takes in, (1) from 20 real PreToolUse hook processes at a time (each a
 * whole `deno run`, as Codex starts them), and (2) from 20 concurrent HTTP
 * clients sending `audit_tool_call` (the server's own ingest rate); and the
 * `check_policy` round trip over HTTP, p50/p95. Everything on loopback.
 *
 * Usage: deno run -A scripts/bench_team.ts [--rounds 5] [--calls 2000]
 *
 * @module
 */

import { devArgs } from "./lib/dev_args.ts";
import { startServer } from "../mcp/serve.ts";
import { HOOK_SCRIPTS, hookArgs } from "../governance/permissions.ts";
import { codexPre } from "../tests/support/payloads.ts";

const REPO = new URL("..", import.meta.url).pathname.replace(/\/$/, "");
const { values } = devArgs({
  args: Deno.args,
  options: {
    rounds: { type: "string", default: "5" },
    calls: { type: "string", default: "2000" },
  },
}, "deno run -A scripts/bench_team.ts [--rounds 5] [--calls 2000]");
const ROUNDS = Number(values.rounds);
const CALLS = Number(values.calls);
const DEVS = 20;

const home = Deno.makeTempDirSync({ prefix: "bench_team_" });
const server = startServer({ port: 0, dataDir: `${home}/server` });
const url = `${server.url}/api/v1/mcp-server`;

function rpc(name: string, args: Record<string, unknown>, id: number): string {
  return JSON.stringify({
    jsonrpc: "2.0",
    id,
    method: "tools/call",
    params: { name, arguments: args },
  });
}

async function hookRun(i: number): Promise<void> {
  const dataDir = `${home}/dev${i}`;
  const args = hookArgs({
    script: `${REPO}/${HOOK_SCRIPTS.PreToolUse}`,
    dataDir,
    endpoint: server.url,
    deno: Deno.execPath(),
  });
  const child = new Deno.Command(args[0], {
    args: args.slice(1),
    env: {
      HOME: home,
      AXONFLOW_HOME: dataDir,
      AXONFLOW_ENDPOINT: server.url,
      USER: `dev${i}`,
    },
    clearEnv: true,
    stdin: "piped",
    stdout: "null",
    stderr: "null",
  }).spawn();
  const w = child.stdin.getWriter();
  await w.write(
    new TextEncoder().encode(codexPre("Bash", { command: `ls src/${i}` })),
  );
  await w.close();
  await child.status;
}

// (1) hook processes, 20 at a time
let t0 = performance.now();
for (let r = 0; r < ROUNDS; r++) {
  await Promise.all(Array.from({ length: DEVS }, (_, i) => hookRun(i)));
}
const hookSecs = (performance.now() - t0) / 1000;
const hookEvents = ROUNDS * DEVS;

// (2) HTTP ingest, 20 concurrent clients
let next = 0;
t0 = performance.now();
await Promise.all(Array.from({ length: DEVS }, async (_, c) => {
  while (next < CALLS) {
    const id = next++;
    const res = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json",
      },
      body: rpc("audit_tool_call", {
        tool_name: "Bash",
        tool_type: "codex",
        input: { command: `ls ${id}` },
        output: { summary: "ok" },
        success: true,
        caller: { user: `dev${c}`, host: "bench", session_id: `s${c}` },
      }, id),
    });
    await res.body?.cancel();
  }
}));
const ingestSecs = (performance.now() - t0) / 1000;

// (3) check_policy round trip, one client
const times: number[] = [];
for (let i = 0; i < 500; i++) {
  const s = performance.now();
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: rpc("check_policy", {
      connector_type: "codex.Bash",
      statement: i % 2 ? "git status" : "rm -rf ~",
    }, i),
  });
  await res.text();
  times.push(performance.now() - s);
}
times.sort((a, b) => a - b);
const q = (p: number) =>
  times[Math.min(times.length - 1, Math.floor(p * times.length))];

await server.shutdown();
console.log("| team server | result |");
console.log("| --- | --- |");
console.log(
  `| events/s from ${DEVS} hook processes at a time (${hookEvents} events) | ${
    (hookEvents / hookSecs).toFixed(0)
  } |`,
);
console.log(
  `| events/s from ${DEVS} concurrent HTTP clients (audit_tool_call, ${CALLS} events) | ${
    (CALLS / ingestSecs).toFixed(0)
  } |`,
);
console.log(
  `| check_policy round trip over HTTP, p50 / p95 (500 calls) | ${
    q(0.5).toFixed(2)
  } ms / ${q(0.95).toFixed(2)} ms |`,
);
Deno.removeSync(home, { recursive: true });
