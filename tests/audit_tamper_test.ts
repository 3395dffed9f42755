/** Editing one row of the audit file with another SQLite connection is caught by verify, which names the row. */
import assert from "node:assert/strict";
import { DatabaseSync } from "node:sqlite";
import { auditPath, AuditStore } from "../governance/audit/store.ts";
import { recordEvent } from "../governance/audit/record.ts";

Deno.test("verify names the row whose summary was edited in the file", () => {
  const dir = Deno.makeTempDirSync({ prefix: "audit_tamper_" });
  for (let i = 1; i <= 50; i++) {
    const r = recordEvent(dir, {
      agent: "codex",
      toolName: "Bash",
      connectorType: "codex.Bash",
      decision: i === 20 ? "blocked" : "allowed",
      decisionId: `d${i}`,
      policies: i === 20 ? ["sys_dangerous_rm_root"] : [],
      severity: i === 20 ? "critical" : "none",
      inputSummary: i === 20 ? "rm -rf /" : `ls ${i}`,
      success: true,
    });
    assert.equal(r.stored, true);
  }
  const store = AuditStore.open(auditPath(dir));
  {
    const { ok, checked } = store.verify();
    assert.deepEqual({ ok, checked }, { ok: true, checked: 50 });
  }
  store.close();

  // Someone hides what was attempted: rewrite row 20's summary and verdict directly in the file.
  const raw = new DatabaseSync(auditPath(dir));
  const changed = raw.prepare(
    "UPDATE events SET input_summary = 'ls', decision = 'allowed' WHERE id = 20",
  ).run();
  assert.equal(changed.changes, 1);
  raw.close();

  const after = AuditStore.open(auditPath(dir));
  const v = after.verify();
  assert.equal(v.ok, false);
  assert.equal(v.brokenAt, 20);
  assert.equal(v.checked, 19);
  assert.match(v.message!, /event 20/);
  after.close();

  // Recomputing that row's hash does not help: the next row's prev_hash no longer matches.
  const raw2 = new DatabaseSync(auditPath(dir));
  raw2.prepare("UPDATE events SET hash = ? WHERE id = 20").run("f".repeat(64));
  raw2.close();
  const again = AuditStore.open(auditPath(dir));
  assert.equal(again.verify().brokenAt, 20);
  again.close();
});
