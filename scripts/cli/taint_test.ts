import assert from "node:assert/strict";
import { auditPath, AuditStore } from "../../governance/audit/store.ts";
import { readTaint, setTaint } from "../../governance/taint/store.ts";
import { runTaint } from "./taint.ts";

Deno.test("axonflow taint status|clear: lists, clears one session, audits the clear", async () => {
  const dir = await Deno.makeTempDir();
  const prev = Deno.env.get("AXONFLOW_HOME");
  Deno.env.set("AXONFLOW_HOME", dir);
  const logs: string[] = [];
  const log = console.log;
  console.log = (...a: unknown[]) => logs.push(a.join(" "));
  try {
    assert.equal(runTaint(["status"]), 0);
    const at = new Date().toISOString();
    for (const s of ["one", "two"]) {
      setTaint(dir, s, {
        at,
        tool: "WebFetch",
        source: "the page https://x.example",
        policies: ["sys_injection_override"],
      });
    }
    assert.equal(runTaint(["status"]), 1);
    assert.ok(logs.some((l) => l.includes("the page https://x.example")));
    assert.equal(runTaint(["clear", "--session", "one"]), 0);
    assert.equal(readTaint(dir, "one"), undefined);
    assert.ok(readTaint(dir, "two"));
    logs.length = 0;
    assert.equal(runTaint(["status", "--json"]), 1);
    assert.equal(JSON.parse(logs[0]).count, 1);
    assert.throws(() => runTaint(["wipe"]));
    const store = AuditStore.open(auditPath(dir));
    try {
      const rows = store.search({ limit: 10 }).entries;
      assert.ok(
        rows.some((r) =>
          r.toolName === "axonflow_taint" && r.sessionId === "one" &&
          /cleared/.test(r.reason ?? "")
        ),
      );
    } finally {
      store.close();
    }
  } finally {
    console.log = log;
    if (prev === undefined) Deno.env.delete("AXONFLOW_HOME");
    else Deno.env.set("AXONFLOW_HOME", prev);
    await Deno.remove(dir, { recursive: true });
  }
});
