/**
 * The audit commands through real processes: events still in the spool are
 * shown and verified, stats count every event (verdicts and plain records),
 * --since windows, times carry their zone, --text finds by tool and policy,
 * and tail -f prints events as they arrive.
 */
import assert from "node:assert/strict";
import { auditPath, AuditStore } from "../governance/audit/store.ts";
import { spoolEvent } from "../governance/audit/spool.ts";
import type { AuditEventInput } from "../governance/audit/event.ts";
import { REPO } from "./support/hook_process.ts";

async function axonflow(
  env: Record<string, string>,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", `${REPO}/scripts/axonflow.ts`, ...args],
    env: { NO_COLOR: "1", ...env },
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

function event(
  i: number,
  over: Partial<AuditEventInput> = {},
): AuditEventInput {
  return {
    agent: "codex",
    toolName: "Bash",
    connectorType: "codex.Bash",
    decision: "allowed",
    policies: [],
    severity: "none",
    inputSummary: `{"command":"echo event-${i}"}`,
    success: true,
    ...over,
  };
}

async function dataDir(): Promise<
  { dir: string; env: Record<string, string> }
> {
  const dir = await Deno.makeTempDir({ prefix: "axf-audit-cli-" });
  return { dir, env: { AXONFLOW_HOME: dir, HOME: dir, TZ: "UTC" } };
}

Deno.test("tail and verify include events still in the spool", async () => {
  const { dir, env } = await dataDir();
  for (let i = 0; i < 3; i++) spoolEvent(dir, event(i));
  const tail = await axonflow(env, "audit", "tail");
  assert.equal(tail.code, 0, tail.stderr);
  assert.ok(!tail.stdout.includes("No audit trail yet"), tail.stdout);
  assert.match(tail.stdout, /echo event-2/);
  const verify = await axonflow(env, "audit", "verify", "--json");
  assert.equal(JSON.parse(verify.stdout).checked, 3);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("stats counts every event; --since windows; times show their zone; --text finds tools and policies", async () => {
  const { dir, env } = await dataDir();
  const store = AuditStore.open(auditPath(dir));
  const now = Date.now();
  for (let i = 0; i < 3; i++) {
    store.append(event(i, {
      decision: "blocked",
      decisionId: crypto.randomUUID(),
      policies: ["sys_dangerous_rm_home"],
      severity: "critical",
      success: false,
    }));
  }
  for (let i = 3; i < 10; i++) store.append(event(i));
  store.append(event(99, {
    time: new Date(now - 3 * 86_400_000).toISOString(),
    toolName: "apply_patch",
    connectorType: "codex.apply_patch",
  }));
  store.close();

  const stats = JSON.parse(
    (await axonflow(env, "audit", "stats", "--json")).stdout,
  );
  assert.equal(stats.events, 11);
  assert.equal(stats.verdicts, 3);
  assert.equal(stats.records, 8);
  assert.equal(stats.by_decision.blocked, 3);
  const text = (await axonflow(env, "audit", "stats")).stdout;
  assert.match(text, /11 events: 8 allowed, 3 blocked/);

  const recent = JSON.parse(
    (await axonflow(env, "audit", "stats", "--since", "24h", "--json")).stdout,
  );
  assert.equal(recent.events, 10);
  const old = await axonflow(
    env,
    "audit",
    "search",
    "--since",
    "24h",
    "--tool",
    "apply_patch",
    "--json",
  );
  assert.equal(JSON.parse(old.stdout).total, 0);
  const bad = await axonflow(env, "audit", "tail", "--since", "yesterday");
  assert.equal(bad.code, 2);

  const utc = await axonflow(env, "audit", "tail", "-n", "1");
  assert.match(utc.stdout, /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/);
  const india = await axonflow(
    { ...env, TZ: "Asia/Kolkata" },
    "audit",
    "tail",
    "-n",
    "1",
  );
  assert.match(india.stdout, /\d\d:\d\d:\d\d \+05:30/);

  for (const [q, n] of [["apply_patch", 1], ["rm_home", 3], ["event-7", 1]]) {
    const r = await axonflow(
      env,
      "audit",
      "search",
      "--text",
      String(q),
      "--json",
    );
    assert.equal(JSON.parse(r.stdout).total, n, String(q));
  }
  await Deno.remove(dir, { recursive: true });
});

Deno.test("tail -f prints new events as they arrive", async () => {
  const { dir, env } = await dataDir();
  const store = AuditStore.open(auditPath(dir));
  store.append(event(1));
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", `${REPO}/scripts/axonflow.ts`, "audit", "tail", "-f"],
    env: { NO_COLOR: "1", ...env },
    stdout: "piped",
    stderr: "null",
  }).spawn();
  const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  let seen = "";
  const until = async (needle: string) => {
    while (!seen.includes(needle)) {
      const { value, done } = await reader.read();
      if (done) break;
      seen += value;
    }
  };
  await until("1 of 1 events");
  store.append(event(2, { toolName: "followed-tool" }));
  await until("followed-tool");
  assert.match(seen, /followed-tool/);
  child.kill("SIGTERM");
  await reader.cancel().catch(() => {});
  await child.status;
  store.close();
  await Deno.remove(dir, { recursive: true });
});
