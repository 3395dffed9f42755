import assert from "node:assert/strict";
import type { AuditEventInput } from "./event.ts";
import { auditPath } from "./paths.ts";
import { AuditStore } from "./store.ts";
import { ev, tmp } from "./_test_util.ts";

Deno.test("search filters, pages newest first and counts the total", () => {
  const store = AuditStore.open(auditPath(tmp()));
  const base = Date.parse("2026-01-01T00:00:00Z");
  for (let i = 0; i < 30; i++) {
    store.append(ev({
      time: new Date(base + i * 60_000).toISOString(),
      toolName: i % 3 === 0 ? "apply_patch" : "Bash",
      connectorType: i % 3 === 0 ? "codex.apply_patch" : "codex.Bash",
      decision: i % 5 === 0 ? "blocked" : "allowed",
      decisionId: `d-${i}`,
      policies: i % 5 === 0 ? ["sys_dangerous_rm_root", "sys_x"] : [],
      severity: i % 5 === 0 ? "critical" : "none",
      inputSummary: `command number ${i}`,
      agent: i === 7 ? "mcp" : "codex",
    }));
  }
  const all = store.search({ limit: 5 });
  assert.equal(all.total, 30);
  assert.deepEqual(all.entries.map((e) => e.inputSummary), [
    "command number 29",
    "command number 28",
    "command number 27",
    "command number 26",
    "command number 25",
  ]);
  assert.equal(store.search({ limit: 5, offset: 28 }).entries.length, 2);
  assert.equal(store.search({ decision: "blocked" }).total, 6);
  assert.equal(store.search({ toolName: "apply_patch" }).total, 10);
  assert.equal(store.search({ connectorType: "codex.Bash" }).total, 20);
  assert.equal(store.search({ policyId: "sys_dangerous_rm_root" }).total, 6);
  assert.equal(
    store.search({ agent: "mcp" }).entries[0].inputSummary,
    "command number 7",
  );
  assert.equal(store.search({ text: "NUMBER 1" }).total, 11); // 1, 10..19
  assert.equal(store.search({ text: "100%" }).total, 0);
  const window = store.search({
    from: "2026-01-01T00:10:00Z",
    to: "2026-01-01T00:19:00Z",
  });
  assert.equal(window.total, 10);
  assert.equal(
    store.search({ from: "2026-01-01T00:10:00Z", policyId: "sys_x" }).total,
    4,
  );
  assert.throws(() => store.search({ from: "yesterday-ish" }), /from/);
  assert.equal(store.byDecisionId("d-10")?.inputSummary, "command number 10");
  assert.equal(store.byDecisionId("nope"), undefined);
  store.close();
});

Deno.test("search text with hostile LIKE input stays literal and quick", () => {
  const store = AuditStore.open(auditPath(tmp()));
  store.append(ev({ inputSummary: "50% done_now" }));
  assert.equal(store.search({ text: "50% done_" }).total, 1);
  assert.equal(store.search({ text: "%".repeat(1_000_000) }).total, 0);
  assert.equal(store.search({ text: "_".repeat(1_000_000) }).total, 0);
  store.close();
});

Deno.test("search totals from roll-ups equal a direct count", () => {
  const store = AuditStore.open(auditPath(tmp()));
  const now = Date.now();
  const evs: AuditEventInput[] = [];
  for (let i = 0; i < 300; i++) {
    evs.push(ev({
      time: new Date(now - i * 17 * 60_000 - (i % 7) * 1000).toISOString(),
      decision: i % 3 === 0 ? "blocked" : "allowed",
      decisionId: i % 2 ? `d${i}` : undefined,
      connectorType: i % 5 === 0 ? "postgres" : "codex.Bash",
    }));
  }
  store.appendBatch(evs);
  const count = (
    from?: number,
    to?: number,
    f: (e: AuditEventInput) => boolean = () => true,
  ) =>
    evs.filter((e) => {
      const t = Date.parse(e.time!);
      return (from === undefined || t >= from) &&
        (to === undefined || t <= to) && f(e);
    }).length;
  const iso = (ms: number) => new Date(ms).toISOString();
  const cases: [number | undefined, number | undefined][] = [
    [undefined, undefined],
    [now - 24 * 3600_000, undefined],
    [undefined, now - 10 * 3600_000 + 1234],
    [now - 50 * 3600_000 + 999, now - 2 * 3600_000 - 5],
    [now - 10 * 60_000, now],
  ];
  for (const [f, t] of cases) {
    const q = {
      from: f === undefined ? undefined : iso(f),
      to: t === undefined ? undefined : iso(t),
    };
    assert.equal(store.search(q).total, count(f, t));
    assert.equal(
      store.search({ ...q, decision: "blocked", connectorType: "postgres" })
        .total,
      count(
        f,
        t,
        (e) => e.decision === "blocked" && e.connectorType === "postgres",
      ),
    );
    assert.equal(
      store.search({ ...q, verdict: true }).total,
      count(f, t, (e) => !!e.decisionId),
    );
  }
  store.close();
});
