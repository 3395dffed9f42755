/**
 * What a user's first run downloads, with an empty Deno cache (a fresh
 * `DENO_DIR`): `deno task check` and `deno task axonflow` nothing, `deno task
 * mcp` and `deno task install` the MCP SDK and zod with their dependencies
 * (exactly the packages of `deno.lock`), never a test-only package. Needs the
 * npm registry (about 3 MB of tarballs per fresh cache).
 */
import assert from "node:assert/strict";
import { REPO } from "./support/hook_process.ts";
import { outboundEnv } from "./support/env.ts";
import { TEST_LOCK } from "./support/test_packages.ts";

interface Lock {
  specifiers: Record<string, string>;
  npm: Record<string, unknown>;
}

function readLock(path: string): Lock {
  return JSON.parse(Deno.readTextFileSync(path));
}

/** `name@version` of every npm package a lock pins (peer suffixes dropped). */
function lockPackages(lock: Lock): Set<string> {
  return new Set(Object.keys(lock.npm).map((k) => k.replace(/_.*$/, "")));
}

/** What an npm cache folder holds: `name@version` of each package and the bytes on disk. */
async function cached(
  denoDir: string,
): Promise<{ packages: Set<string>; bytes: number }> {
  const packages = new Set<string>();
  let bytes = 0;
  const root = `${denoDir}/npm/registry.npmjs.org`;
  const walk = async (dir: string) => {
    for await (const e of Deno.readDir(dir)) {
      const p = `${dir}/${e.name}`;
      if (e.isDirectory) await walk(p);
      else if (e.isFile) bytes += (await Deno.stat(p)).size;
    }
  };
  const versions = async (name: string, dir: string) => {
    for await (const v of Deno.readDir(dir)) {
      if (v.isDirectory) packages.add(`${name}@${v.name}`);
    }
  };
  try {
    for await (const e of Deno.readDir(root)) {
      if (!e.isDirectory) continue;
      if (e.name.startsWith("@")) {
        for await (const s of Deno.readDir(`${root}/${e.name}`)) {
          if (s.isDirectory) {
            await versions(
              `${e.name}/${s.name}`,
              `${root}/${e.name}/${s.name}`,
            );
          }
        }
      } else await versions(e.name, `${root}/${e.name}`);
    }
    await walk(root);
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
  }
  return { packages, bytes };
}

async function fresh(): Promise<{ env: Record<string, string>; dir: string }> {
  const dir = await Deno.makeTempDir({ prefix: "axf-first-run-" });
  await Deno.mkdir(`${dir}/home`);
  await Deno.mkdir(`${dir}/codex`);
  return {
    dir,
    env: {
      ...outboundEnv(),
      PATH: Deno.env.get("PATH") ?? "/usr/bin:/bin",
      HOME: `${dir}/home`,
      DENO_DIR: `${dir}/deno`,
      CODEX_HOME: `${dir}/codex`,
      AXONFLOW_HOME: `${dir}/data`,
      NO_COLOR: "1",
    },
  };
}

async function task(
  env: Record<string, string>,
  args: string[],
  stdin?: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["task", "-q", ...args],
    cwd: REPO,
    env,
    clearEnv: true,
    stdin: stdin === undefined ? "null" : "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  if (stdin !== undefined) {
    const w = child.stdin.getWriter();
    await w.write(new TextEncoder().encode(stdin));
    await w.close();
  }
  const out = await child.output();
  const dec = new TextDecoder();
  return {
    code: out.code,
    stdout: dec.decode(out.stdout),
    stderr: dec.decode(out.stderr),
  };
}

const product = lockPackages(readLock(`${REPO}/deno.lock`));
const testOnly = lockPackages(readLock(TEST_LOCK));

Deno.test("the product lock pins only what running needs; test-only packages have their own lock", () => {
  assert.deepEqual(
    Object.keys(readLock(`${REPO}/deno.lock`).specifiers).sort(),
    ["npm:@modelcontextprotocol/sdk@1.32.2", "npm:zod@4.6.7"],
  );
  assert.ok(
    [...testOnly].some((p) => p.startsWith("@openai/codex@")),
    "the Codex CLI is pinned in the test lock",
  );
  for (const p of testOnly) assert.ok(!product.has(p), p);
  const config = JSON.parse(Deno.readTextFileSync(`${REPO}/deno.json`));
  // deno task installs every npm package of the config's import map up front
  assert.equal(config.imports, undefined);
});

Deno.test({
  name:
    "first run with an empty DENO_DIR: check and axonflow download nothing, mcp exactly the MCP SDK and zod",
  sanitizeResources: false,
  sanitizeOps: false,
}, async () => {
  const { dir, env } = await fresh();
  const check = await task(env, ["check", "--", "ls"]);
  assert.equal(check.code, 0, check.stderr);
  assert.equal((await cached(env.DENO_DIR)).packages.size, 0);
  const cli = await task(env, ["axonflow", "check", "rm -rf ~"]);
  assert.equal(cli.code, 1, cli.stderr);
  assert.equal((await cached(env.DENO_DIR)).packages.size, 0);

  const init = JSON.stringify({
    jsonrpc: "2.0",
    id: 1,
    method: "initialize",
    params: {
      protocolVersion: "2025-06-18",
      capabilities: {},
      clientInfo: { name: "first-run", version: "0" },
    },
  });
  const mcp = await task(env, ["mcp"], init + "\n");
  assert.match(mcp.stdout, /"serverInfo":\{"name":"axonflow-governance"/);
  const got = await cached(env.DENO_DIR);
  assert.deepEqual([...got.packages].sort(), [...product].sort());
  assert.ok(got.bytes < 40_000_000, `${got.bytes} bytes`);
  console.log(
    `first run of mcp: ${got.packages.size} packages, ${
      (got.bytes / 1e6).toFixed(1)
    } MB on disk`,
  );
  await Deno.remove(dir, { recursive: true });
});

Deno.test({
  name:
    "first run with an empty DENO_DIR: install downloads exactly the MCP SDK and zod",
  sanitizeResources: false,
  sanitizeOps: false,
}, async () => {
  const { dir, env } = await fresh();
  const r = await task(env, ["install", "--yes"]);
  assert.equal(r.code, 0, r.stderr);
  const got = await cached(env.DENO_DIR);
  assert.deepEqual([...got.packages].sort(), [...product].sort());
  await Deno.remove(dir, { recursive: true });
});
