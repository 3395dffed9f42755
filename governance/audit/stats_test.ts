import assert from "node:assert/strict";
import type { AuditEventInput } from "./event.ts";
import { auditPath } from "./paths.ts";
import { AuditStore } from "./store.ts";
import { ev, tmp } from "./_test_util.ts";

Deno.test("stats reports the contract's figures, honours connector type and window", () => {
  const store = AuditStore.open(auditPath(tmp()));
  const now = Date.now();
  const at = (minAgo: number) => new Date(now - minAgo * 60_000).toISOString();
  store.append(ev({ time: at(5), decisionId: "a", durationMs: 2 }));
  store.append(ev({
    time: at(4),
    decisionId: "b",
    decision: "blocked",
    policies: ["sys_dangerous_rm_root"],
    severity: "critical",
    durationMs: 4,
  }));
  store.append(ev({
    time: at(3),
    decisionId: "c",
    decision: "redacted",
    connectorType: "postgres",
    toolName: "postgres",
    policies: ["sys_pii_ssn"],
    severity: "high",
  }));
  store.append(ev({ time: at(2) })); // a plain record, not a verdict
  store.append(
    ev({ time: at(60 * 30), decisionId: "old", decision: "blocked" }),
  );
  const s = store.stats({}, (id) => `name of ${id}`);
  assert.equal(s.total_events, 4);
  assert.equal(s.total_requests, 3);
  assert.equal(s.allowed_requests, 1);
  assert.equal(s.blocked_requests, 1);
  assert.equal(s.modified_requests, 1);
  assert.equal(s.error_requests, 0);
  assert.equal(s.block_rate_percent, 33.33);
  assert.equal(s.compliance_score, 66.67);
  assert.equal(s.avg_latency_ms, 3);
  assert.deepEqual(s.by_severity, { critical: 1, high: 1, medium: 0, low: 0 });
  assert.deepEqual(s.by_action, {
    allowed: 1,
    blocked: 1,
    redacted: 1,
    error: 0,
  });
  assert.deepEqual(s.top_policies[0], {
    policy_id: "sys_dangerous_rm_root",
    policy_name: "name of sys_dangerous_rm_root",
    trigger_count: 1,
    block_count: 1,
  });
  const pg = store.stats({ connectorType: "postgres" });
  assert.equal(pg.total_requests, 1);
  assert.equal(pg.modified_requests, 1);
  assert.equal(pg.top_policies.length, 1);
  const all = store.stats({ from: at(60 * 48) });
  assert.equal(all.blocked_requests, 2);
  const empty = store.stats({ connectorType: "mysql" });
  assert.equal(empty.compliance_score, 100);
  assert.equal(empty.block_rate_percent, 0);
  store.close();
});

Deno.test("stats from hourly roll-ups equal a direct count, for any window and after pruning", () => {
  const store = AuditStore.open(auditPath(tmp()));
  const now = Date.now();
  const evs: AuditEventInput[] = [];
  let seed = 7;
  const rnd = () =>
    (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = 0; i < 600; i++) {
    const blocked = rnd() < 0.2;
    evs.push(ev({
      time: new Date(now - Math.floor(rnd() * 72 * 3600_000)).toISOString(),
      decision: blocked ? "blocked" : rnd() < 0.1 ? "redacted" : "allowed",
      decisionId: rnd() < 0.8 ? `d${i}` : undefined,
      connectorType: rnd() < 0.3 ? "postgres" : "codex.Bash",
      policies: blocked ? [rnd() < 0.5 ? "p_a" : "p_b"] : [],
      severity: blocked ? "high" : "none",
      durationMs: Math.floor(rnd() * 10),
    }));
  }
  store.appendBatch(evs);
  const direct = (from: number, to: number, ct?: string) => {
    const sel = evs.filter((e) => {
      const t = Date.parse(e.time!);
      return t >= from && t <= to && (!ct || e.connectorType === ct);
    });
    const v = sel.filter((e) => e.decisionId);
    return {
      total_events: sel.length,
      total_requests: v.length,
      blocked_requests: v.filter((e) => e.decision === "blocked").length,
      p_a: sel.filter((e) => e.policies.includes("p_a")).length,
    };
  };
  const windows: [number, number][] = [
    [now - 24 * 3600_000, now],
    [now - 72 * 3600_000 - 1, now],
    [now - 5 * 60_000, now], // inside one hour
    [now - 50 * 3600_000 + 123_456, now - 3 * 3600_000 - 7_890],
  ];
  for (const [f, t] of windows) {
    for (const ct of [undefined, "postgres"]) {
      const s = store.stats({
        from: new Date(f).toISOString(),
        to: new Date(t).toISOString(),
        connectorType: ct,
      });
      const d = direct(f, t, ct);
      assert.equal(s.total_events, d.total_events);
      assert.equal(s.total_requests, d.total_requests);
      assert.equal(s.blocked_requests, d.blocked_requests);
      assert.equal(
        s.top_policies.find((p) => p.policy_id === "p_a")?.trigger_count ?? 0,
        d.p_a,
      );
    }
  }
  // Pruning everything older than a day keeps roll-ups in step with what remains.
  store.prune(1);
  const left = store.search({ limit: 1 }).total;
  const all = store.stats({ from: "2000-01-01T00:00:00Z" });
  assert.equal(all.total_events, left);
  store.close();
});
