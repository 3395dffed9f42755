import assert from "node:assert/strict";
import { DatabaseSync } from "node:sqlite";
import { GENESIS_HASH } from "./chain.ts";
import { SUMMARY_MAX_CHARS } from "./event.ts";
import { auditPath } from "./paths.ts";
import { SCHEMA_VERSION } from "./schema.ts";
import { AuditStore } from "./store.ts";
import { ev, tmp } from "./_test_util.ts";

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
