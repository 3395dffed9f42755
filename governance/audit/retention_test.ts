import assert from "node:assert/strict";
import { DatabaseSync } from "node:sqlite";
import { auditPath } from "./paths.ts";
import { AuditStore } from "./store.ts";
import { ev, tmp } from "./_test_util.ts";

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
