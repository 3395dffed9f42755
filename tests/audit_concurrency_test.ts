/**
 * Many hook processes append to one audit file at once: none lost, none
 * duplicated, the chain stays valid, and a waiting spool is merged exactly once.
 */
import assert from "node:assert/strict";
import { auditPath, AuditStore } from "../governance/audit/store.ts";
import { appendSpool } from "../governance/audit/spool.ts";

const PROCESSES = 16;
const EACH = 40;
const RECORD_URL =
  new URL("../governance/audit/record.ts", import.meta.url).href;

Deno.test(`${PROCESSES} processes appending ${EACH} events each at once`, async () => {
  const dir = Deno.makeTempDirSync({ prefix: "audit_concurrency_" });
  // Events left in the spool by an earlier failure: exactly one of the writers must merge them.
  for (let i = 0; i < 10; i++) {
    appendSpool(dir, {
      time: new Date().toISOString(),
      agent: "codex",
      toolName: "Bash",
      connectorType: "codex.Bash",
      decision: "allowed",
      policies: [],
      severity: "none",
      inputSummary: `spooled ${i}`,
      success: true,
    });
  }
  const extra =
    Deno.env.get("AXONFLOW_TEST_DENO_FLAGS")?.split(" ").filter(Boolean) ?? [];
  const script = `
    import { recordEvent } from ${JSON.stringify(RECORD_URL)};
    const who = Deno.args[0];
    let spooled = 0;
    for (let i = 0; i < ${EACH}; i++) {
      const r = recordEvent(${JSON.stringify(dir)}, {
        agent: "codex", toolName: "Bash", connectorType: "codex.Bash",
        decision: i % 4 === 0 ? "blocked" : "allowed", decisionId: who + "-" + i,
        policies: i % 4 === 0 ? ["sys_test_policy"] : [], severity: i % 4 === 0 ? "high" : "none",
        inputSummary: "process " + who + " event " + i, success: true,
      });
      if (!r.stored) spooled++;
    }
    console.log(JSON.stringify({ who, spooled }));`;
  const children = Array.from(
    { length: PROCESSES },
    (_, k) =>
      new Deno.Command(Deno.execPath(), {
        args: ["eval", ...extra, script, `p${k}`],
        stdout: "piped",
        stderr: "piped",
      }).output(),
  );
  const results = await Promise.all(children);
  let spooled = 0;
  for (const r of results) {
    assert.equal(r.code, 0, new TextDecoder().decode(r.stderr));
    spooled += JSON.parse(new TextDecoder().decode(r.stdout)).spooled;
  }
  const store = AuditStore.open(auditPath(dir));
  store.mergeSpool(); // anything a writer had to spool under contention comes in now
  assert.equal(
    store.count(),
    PROCESSES * EACH + 10,
    `spooled under contention: ${spooled}`,
  );
  const v = store.verify();
  assert.deepEqual({ ok: v.ok, checked: v.checked }, {
    ok: true,
    checked: PROCESSES * EACH + 10,
  });
  assert.equal(v.checkpoint?.count, PROCESSES * EACH + 10);
  // No duplicates: every (process, event) pair exactly once; the spool entries exactly once.
  for (let k = 0; k < PROCESSES; k++) {
    assert.equal(
      store.search({ text: `process p${k} event`, limit: 1 }).total,
      EACH,
    );
  }
  assert.equal(store.search({ text: "spooled", limit: 1 }).total, 10);
  assert.equal(
    store.search({ policyId: "sys_test_policy", limit: 1 }).total,
    PROCESSES * EACH / 4,
  );
  store.close();
});
