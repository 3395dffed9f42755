import assert from "node:assert/strict";
import { DatabaseSync } from "node:sqlite";
import { auditPath } from "./paths.ts";
import { MIGRATIONS, SCHEMA_VERSION } from "./schema.ts";
import { AuditStore } from "./store.ts";
import { ev, tmp } from "./_test_util.ts";

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
