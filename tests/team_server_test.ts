/**
 * One team server, many developers: 20 real PreToolUse hook processes, each
 * as a different OS account, call a real `startServer` on 127.0.0.1 at once.
 * Every call lands in the server's audit store, searchable by developer,
 * session, tool and decision, and the server forwards all of them to an OTLP
 * collector (a real HTTP server on loopback).
 */
import assert from "node:assert/strict";
import { startServer } from "../mcp/serve.ts";
import { PRE_HOOK, runHookProcess, tempHome } from "./support/hook_process.ts";
import { codexPre } from "./support/payloads.ts";

Deno.test({
  name:
    "team server: 20 developers' hooks at once, nothing lost, searchable by developer and session, forwarded",
  sanitizeResources: false,
  sanitizeOps: false,
}, async () => {
  const t = await tempHome();
  const serverData = `${t.home}/server-data`;
  let collected = 0;
  const collector = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen: () => {} },
    async (req) => {
      const body = await req.json() as {
        resourceLogs: { scopeLogs: { logRecords: unknown[] }[] }[];
      };
      for (const rl of body.resourceLogs) {
        collected += rl.scopeLogs[0].logRecords.length;
      }
      return Response.json({});
    },
  );
  const cport = (collector.addr as Deno.NetAddr).port;
  const server = startServer({
    port: 0,
    dataDir: serverData,
    forward: [`http://127.0.0.1:${cport}/v1/logs`],
  });
  try {
    const DEVS = 20;
    const runs = await Promise.all(
      Array.from({ length: DEVS }, (_, i) => {
        const cmd = i % 4 === 0 ? "rm -rf ~" : `ls -la src/${i}`;
        const ev = JSON.parse(codexPre("Bash", { command: cmd }, "/tmp/proj"));
        ev.session_id = `session-${i}`;
        return runHookProcess(PRE_HOOK, JSON.stringify(ev), {
          home: t.home,
          dataDir: `${t.home}/dev${i}`,
          endpoint: server.url,
          env: { USER: `dev${String(i).padStart(2, "0")}` },
        });
      }),
    );
    runs.forEach((r, i) => {
      assert.equal(r.code, 0, r.stderr);
      if (i % 4 === 0) assert.match(r.stdout, /sys_dangerous_rm_home/);
      else assert.equal(r.stdout, "");
    });
    const ctx = (await import("../mcp/context.ts")).contextFromEnv(serverData);
    try {
      const store = ctx.audit();
      const all = store.search({ limit: 1000, verdict: true });
      assert.equal(all.total, DEVS, "every developer's call is on the server");
      const users = new Set(all.entries.map((e) => e.user));
      assert.equal(users.size, DEVS);
      const one = store.search({ user: "dev04" });
      assert.equal(one.total, 1);
      assert.equal(one.entries[0].decision, "blocked");
      assert.equal(one.entries[0].sessionId, "session-4");
      assert.ok(one.entries[0].host, "the host is recorded");
      assert.equal(store.search({ sessionId: "session-7" }).total, 1);
      assert.equal(
        store.search({ decision: "blocked", toolName: "Bash" }).total,
        5,
      );
      assert.equal(store.verify().ok, true);
    } finally {
      ctx.close();
    }
    const end = Date.now() + 10_000;
    while (collected < DEVS && Date.now() < end) {
      server.forwarders[0].nudge();
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.equal(collected, DEVS, "the collector got every event");
  } finally {
    await server.shutdown();
    await collector.shutdown();
    await t.cleanup();
  }
});
