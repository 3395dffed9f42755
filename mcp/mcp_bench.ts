/**
 * check_policy round-trip over HTTP on loopback against `serve.ts` running
 * as its own process with the tight flags: plain JSON-RPC path (what hooks
 * send). Prints p50/p95 over 500 calls, then registers Deno.bench cases.
 */
const ROOT = new URL("..", import.meta.url).pathname;
const home = Deno.makeTempDirSync({ prefix: "mcp_bench_" });
const extra =
  Deno.env.get("AXONFLOW_TEST_DENO_FLAGS")?.split(" ").filter(Boolean) ?? [];
const child = new Deno.Command(Deno.execPath(), {
  args: [
    "run",
    "--no-prompt",
    "--lock=deno.lock",
    "--frozen",
    "--allow-env=AXONFLOW_HOME,HOME,AXONFLOW_PROFILE,AXONFLOW_SERVER_AUTH",
    `--allow-read=${home}`,
    `--allow-write=${home}`,
    "--allow-net=127.0.0.1",
    ...extra,
    "mcp/serve.ts",
    "--port",
    "0",
  ],
  cwd: ROOT,
  env: { AXONFLOW_HOME: home },
  stdout: "piped",
  stderr: "inherit",
}).spawn();
const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
let buf = "";
while (!buf.includes("\n")) {
  const { value, done } = await reader.read();
  if (done) throw new Error("serve exited early");
  buf += value;
}
const endpoint = `${buf.split("\n")[0].trim()}/api/v1/mcp-server`;

const bodyFor = (statement: string) =>
  JSON.stringify({
    jsonrpc: "2.0",
    id: "hook-pre",
    method: "tools/call",
    params: {
      name: "check_policy",
      arguments: {
        connector_type: "codex.Bash",
        statement,
        operation: "execute",
      },
    },
  });
const benign = bodyFor("ls -la src && git status");
const blocked = bodyFor("rm -rf /");

async function roundTrip(body: string): Promise<void> {
  const res = await fetch(endpoint, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      "Accept": "application/json",
    },
    body,
  });
  const json = await res.json();
  if (!json.result) throw new Error(JSON.stringify(json));
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

for (let i = 0; i < 50; i++) await roundTrip(benign); // warm up
for (
  const [label, body] of [["benign", benign], ["blocked", blocked]] as const
) {
  const times: number[] = [];
  for (let i = 0; i < 500; i++) {
    const t0 = performance.now();
    await roundTrip(body);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(
    `check_policy over HTTP (${label}, 500 calls, audit write included): p50 ${
      percentile(times, 0.5).toFixed(3)
    } ms, p95 ${percentile(times, 0.95).toFixed(3)} ms`,
  );
}

Deno.bench("check_policy round trip, plain JSON-RPC (benign)", async () => {
  await roundTrip(benign);
});
Deno.bench("check_policy round trip, plain JSON-RPC (blocked)", async () => {
  await roundTrip(blocked);
});

globalThis.addEventListener("unload", () => {
  try {
    child.kill("SIGTERM");
  } catch {
    // already gone
  }
});
