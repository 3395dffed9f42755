import assert from "node:assert/strict";
import { DatabaseSync } from "node:sqlite";
import {
  AUDIT_FILE,
  type AuditEventInput,
  auditPath,
  AuditStore,
  GENESIS_HASH,
  MIGRATIONS,
  recordEvent,
  SCHEMA_VERSION,
  SUMMARY_MAX_CHARS,
} from "./store.ts";
import { SPOOL_FILE } from "./spool.ts";

function tmp(): string {
  return Deno.makeTempDirSync({ prefix: "audit_store_test_" });
}

function ev(over: Partial<AuditEventInput> = {}): AuditEventInput {
  return {
    agent: "codex",
    toolName: "Bash",
    connectorType: "codex.Bash",
    decision: "allowed",
    policies: [],
    severity: "none",
    inputSummary: "ls -la",
    success: true,
    ...over,
  };
}

const STORE_URL = new URL("./store.ts", import.meta.url).href;

Deno.test("append chains events from genesis and verify walks the chain", () => {
  const dir = tmp();
  const store = AuditStore.open(auditPath(dir));
  const a = store.append(ev({ inputSummary: "first" }));
  const b = store.append(ev({ inputSummary: "second", durationMs: 1.25 }));
  assert.equal(a.id, 1);
  assert.equal(a.prevHash, GENESIS_HASH);
  assert.equal(b.prevHash, a.hash);
  assert.match(b.hash, /^[0-9a-f]{64}$/);
  {
    const { ok, checked } = store.verify();
    assert.deepEqual({ ok, checked }, { ok: true, checked: 2 });
  }
  const page = store.search({});
  assert.equal(page.total, 2);
  assert.equal(page.entries[0].inputSummary, "second");
  assert.equal(page.entries[0].durationMs, 1.25);
  assert.equal(store.schemaVersion(), SCHEMA_VERSION);
  store.close();
  const mode = new DatabaseSync(auditPath(dir)).prepare("PRAGMA journal_mode")
    .get() as { journal_mode: string };
  assert.equal(mode.journal_mode, "wal");
});

Deno.test("the store redacts and caps summaries defensively", () => {
  const store = AuditStore.open(auditPath(tmp()));
  const e = store.append(ev({
    inputSummary: "echo SSN 123-45-6789",
    outputSummary: "x".repeat(20_000),
    reason: "saw 123-45-6789",
    errorMessage: "failed for 123-45-6789",
  }));
  assert.equal(e.inputSummary, "echo SSN [REDACTED:ssn]");
  assert.equal(e.reason, "saw [REDACTED:ssn]");
  assert.equal(e.errorMessage, "failed for [REDACTED:ssn]");
  assert.equal(e.outputSummary!.length, SUMMARY_MAX_CHARS);
  const hits = store.search({ text: "123-45" });
  assert.equal(hits.total, 0);
  store.close();
});

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

Deno.test("prune removes the old prefix, anchors the cut, and verify still catches tampering", () => {
  const path = auditPath(tmp());
  const store = AuditStore.open(path);
  const day = 86400_000;
  for (let i = 0; i < 10; i++) {
    store.append(ev({
      time: new Date(Date.now() - (40 - i) * day).toISOString(),
      policies: ["sys_p"],
    }));
  }
  for (let i = 0; i < 5; i++) store.append(ev({ inputSummary: `fresh ${i}` }));
  assert.deepEqual(store.prune(30), { removed: 10 });
  assert.equal(store.count(), 5);
  {
    const { ok, checked } = store.verify();
    assert.deepEqual({ ok, checked }, { ok: true, checked: 5 });
  }
  assert.equal(store.search({ policyId: "sys_p" }).total, 0);
  assert.deepEqual(store.prune(30), { removed: 0 });
  const next = store.append(ev({ inputSummary: "after prune" }));
  assert.equal(next.id, 16);
  assert.equal(store.verify().ok, true);
  store.close();
  const raw = new DatabaseSync(path);
  raw.prepare("UPDATE events SET reason = 'changed' WHERE id = 13").run();
  raw.close();
  const again = AuditStore.open(path);
  const v = again.verify();
  assert.equal(v.ok, false);
  assert.equal(v.brokenAt, 13);
  // Pruning everything still leaves a verifiable (empty) chain that new events extend.
  const fresh = AuditStore.open(auditPath(tmp()));
  fresh.append(ev({ time: new Date(Date.now() - 50 * day).toISOString() }));
  assert.deepEqual(fresh.prune(1), { removed: 1 });
  assert.equal(fresh.append(ev()).id, 2);
  {
    const { ok, checked } = fresh.verify();
    assert.deepEqual({ ok, checked }, { ok: true, checked: 1 });
  }
  fresh.close();
  again.close();
});

Deno.test("verify names a deleted row and a forged prev_hash", () => {
  const path = auditPath(tmp());
  const store = AuditStore.open(path);
  for (let i = 0; i < 6; i++) store.append(ev({ inputSummary: `e${i}` }));
  store.close();
  const raw = new DatabaseSync(path);
  raw.prepare("DELETE FROM events WHERE id = 3").run();
  raw.close();
  const s = AuditStore.open(path);
  const v = s.verify();
  assert.equal(v.ok, false);
  assert.equal(v.brokenAt, 4);
  assert.match(v.message!, /expected event 3/);
  s.close();
});

Deno.test("opening a version-1 file upgrades it and keeps its chain", () => {
  const dir = tmp();
  const path = auditPath(dir);
  // Write a v1 file by hand: the v1 schema, and two events chained with this code's rules.
  const donor = AuditStore.open(auditPath(tmp()));
  const e1 = donor.append(
    ev({ decisionId: "v1-a", policies: ["sys_old"], decision: "blocked" }),
  );
  const e2 = donor.append(ev({ inputSummary: "second" }));
  donor.close();
  const raw = new DatabaseSync(path);
  raw.exec(MIGRATIONS[0]);
  raw.exec(
    "CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (1);",
  );
  const ins = raw.prepare(
    "INSERT INTO events (id,time,agent,tool_name,connector_type,decision,decision_id,policies,severity,input_summary,success,prev_hash,hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
  );
  for (const e of [e1, e2]) {
    ins.run(
      e.id,
      e.time,
      e.agent,
      e.toolName,
      e.connectorType,
      e.decision,
      e.decisionId ?? null,
      JSON.stringify(e.policies),
      e.severity,
      e.inputSummary,
      e.success ? 1 : 0,
      e.prevHash,
      e.hash,
    );
  }
  raw.close();
  const store = AuditStore.open(path);
  assert.equal(store.schemaVersion(), SCHEMA_VERSION);
  {
    const { ok, checked } = store.verify();
    assert.deepEqual({ ok, checked }, { ok: true, checked: 2 });
  }
  assert.equal(store.search({ policyId: "sys_old" }).total, 1);
  assert.equal(store.stats({ from: "2000-01-01T00:00:00Z" }).total_requests, 1);
  assert.equal(store.append(ev()).prevHash, e2.hash);
  store.close();
});

Deno.test("recordEvent creates a missing data directory", () => {
  const dir = tmp() + "/nested/data";
  const r = recordEvent(dir, ev());
  assert.equal(r.stored, true);
  assert.equal(r.event?.id, 1);
  assert.ok(Deno.statSync(`${dir}/${AUDIT_FILE}`).isFile);
});

Deno.test("recordEvent on an unusable directory reports the error without throwing", () => {
  const parent = tmp();
  Deno.writeTextFileSync(`${parent}/not-a-dir`, "a file");
  const r = recordEvent(`${parent}/not-a-dir/data`, ev());
  assert.equal(r.stored, false);
  assert.equal(r.spooled, false);
  assert.match(r.error!, /audit store unavailable.*spool failed too/);
});

Deno.test("a corrupt file spools the event; the next good write merges it exactly once", () => {
  const dir = tmp();
  Deno.writeTextFileSync(`${dir}/${AUDIT_FILE}`, "garbage ".repeat(1000));
  const r1 = recordEvent(
    dir,
    ev({ inputSummary: "spooled one SSN 123-45-6789" }),
  );
  const r2 = recordEvent(dir, ev({ inputSummary: "spooled two" }));
  assert.equal(r1.stored, false);
  assert.equal(r1.spooled, true);
  assert.match(r1.error!, /not a database|file is not/i);
  assert.equal(r2.spooled, true);
  const spool = Deno.readTextFileSync(`${dir}/${SPOOL_FILE}`);
  assert.ok(!spool.includes("123-45-6789"), "the spool holds no PII in clear");
  // Someone moves the corrupt file away; the next write merges the spool first.
  Deno.renameSync(`${dir}/${AUDIT_FILE}`, `${dir}/audit.db.corrupt`);
  const r3 = recordEvent(dir, ev({ inputSummary: "direct" }));
  assert.equal(r3.stored, true);
  const store = AuditStore.open(auditPath(dir));
  assert.deepEqual(
    store.search({ limit: 10 }).entries.map((e) => e.inputSummary).sort(),
    ["direct", "spooled one SSN [REDACTED:ssn]", "spooled two"],
  );
  assert.equal(store.verify().ok, true);
  assert.throws(() => Deno.statSync(`${dir}/${SPOOL_FILE}`));
  assert.equal(store.mergeSpool(), 0);
  store.close();
  recordEvent(dir, ev({ inputSummary: "later" }));
  const again = AuditStore.open(auditPath(dir));
  assert.equal(again.count(), 4);
  again.close();
});

Deno.test("a leftover .merging file of a crashed merger is not merged twice", () => {
  const dir = tmp();
  Deno.writeTextFileSync(`${dir}/${AUDIT_FILE}`, "not sqlite at all, sorry");
  recordEvent(dir, ev({ inputSummary: "once" }));
  Deno.removeSync(`${dir}/${AUDIT_FILE}`);
  const line = Deno.readTextFileSync(`${dir}/${SPOOL_FILE}`);
  // Merge it, then put the same entry back as if the merger had died before deleting its file.
  assert.equal(recordEvent(dir, ev({ inputSummary: "trigger" })).stored, true);
  Deno.writeTextFileSync(
    `${dir}/audit.spool.999.dead.merging`,
    line + "not json\n",
  );
  assert.equal(
    recordEvent(dir, ev({ inputSummary: "trigger 2" })).stored,
    true,
  );
  const store = AuditStore.open(auditPath(dir));
  assert.equal(store.search({ text: "once" }).total, 1);
  assert.equal(store.count(), 3);
  assert.throws(() => Deno.statSync(`${dir}/audit.spool.999.dead.merging`));
  store.close();
});

Deno.test("a store locked by another process spools, and the spool merges after release", async () => {
  const dir = tmp();
  recordEvent(dir, ev({ inputSummary: "before" }));
  const holder = new Deno.Command(Deno.execPath(), {
    args: [
      "eval",
      `import { DatabaseSync } from "node:sqlite";
       const db = new DatabaseSync(${JSON.stringify(auditPath(dir))});
       db.exec("BEGIN EXCLUSIVE");
       db.exec("INSERT INTO schema_version(version) SELECT version FROM schema_version LIMIT 0");
       console.log("locked");
       for await (const _ of Deno.stdin.readable) { /* wait for close */ }
       db.exec("COMMIT");`,
    ],
    stdin: "piped",
    stdout: "piped",
    stderr: "inherit",
  }).spawn();
  const reader = holder.stdout.getReader();
  const first = await reader.read();
  assert.match(new TextDecoder().decode(first.value), /locked/);
  const r = recordEvent(dir, ev({ inputSummary: "during lock" }), {
    busyTimeoutMs: 150,
  });
  assert.equal(r.stored, false);
  assert.equal(r.spooled, true);
  assert.match(r.error!, /locked/);
  await holder.stdin.close();
  reader.releaseLock();
  await holder.stdout.cancel();
  assert.equal((await holder.status).code, 0);
  assert.equal(recordEvent(dir, ev({ inputSummary: "after" })).stored, true);
  const store = AuditStore.open(auditPath(dir));
  assert.deepEqual(
    store.search({}).entries.map((e) => e.inputSummary).sort(),
    ["after", "before", "during lock"],
  );
  assert.equal(store.verify().ok, true);
  store.close();
});

/** Run recordEvent in a child process as an unprivileged user when we are root (chmod binds only non-root). */
async function recordAsOtherUser(dir: string, summary: string) {
  const root = Deno.uid() === 0;
  const denoDir = root
    ? Deno.makeTempDirSync({ prefix: "deno_dir_" })
    : undefined;
  if (denoDir) Deno.chmodSync(denoDir, 0o777);
  const out = await new Deno.Command(Deno.execPath(), {
    args: [
      "eval",
      `import { recordEvent } from ${JSON.stringify(STORE_URL)};
       const r = recordEvent(${
        JSON.stringify(dir)
      }, { agent: "codex", toolName: "Bash",
         connectorType: "codex.Bash", decision: "allowed", policies: [], severity: "none",
         inputSummary: ${JSON.stringify(summary)}, success: true });
       console.log(JSON.stringify({ stored: r.stored, spooled: r.spooled, error: r.error }));`,
    ],
    cwd: "/tmp",
    env: denoDir ? { DENO_DIR: denoDir, HOME: denoDir } : {},
    ...(root ? { uid: 65534, gid: 65534 } : {}),
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder().decode(out.stdout);
  assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
  return JSON.parse(text) as {
    stored: boolean;
    spooled: boolean;
    error?: string;
  };
}

Deno.test("a read-only file spools; a read-only directory reports the error", async () => {
  const dir = tmp();
  Deno.chmodSync(dir, 0o777);
  recordEvent(dir, ev({ inputSummary: "before" }));
  for (const f of Deno.readDirSync(dir)) {
    Deno.chmodSync(`${dir}/${f.name}`, 0o666);
  }
  Deno.chmodSync(auditPath(dir), 0o444);
  const r = await recordAsOtherUser(dir, "while read-only");
  assert.equal(r.stored, false);
  assert.equal(r.spooled, true);
  assert.match(r.error!, /readonly|read-only|permission|denied/i);
  Deno.chmodSync(auditPath(dir), 0o666);
  assert.equal(recordEvent(dir, ev({ inputSummary: "after" })).stored, true);
  const store = AuditStore.open(auditPath(dir));
  assert.equal(store.search({ text: "while read-only" }).total, 1);
  store.close();

  const ro = tmp();
  Deno.chmodSync(ro, 0o555);
  const r2 = await recordAsOtherUser(ro, "nowhere to go");
  assert.equal(r2.stored, false);
  assert.equal(r2.spooled, false);
  assert.match(r2.error!, /spool failed too/);
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
