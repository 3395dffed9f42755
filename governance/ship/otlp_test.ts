import assert from "node:assert/strict";
import type { AuditEvent } from "../audit/store.ts";
import { otlpLogsRequest, unixNano } from "./otlp.ts";

function ev(id: number, user: string, host: string): AuditEvent {
  return {
    id,
    time: "2026-12-02T05:00:00.123Z",
    prevHash: "0".repeat(64),
    hash: String(id).padStart(64, "0"),
    agent: "codex",
    toolName: "Bash",
    connectorType: "codex.Bash",
    decision: id % 2 ? "blocked" : "allowed",
    policies: id % 2 ? ["sys_dangerous_rm_home"] : [],
    severity: id % 2 ? "critical" : "none",
    inputSummary: `cmd ${id}`,
    success: true,
    user,
    host,
  };
}

Deno.test("otlpLogsRequest: one resource per developer and host, records in order", () => {
  const req = otlpLogsRequest([
    ev(1, "ana", "h1"),
    ev(2, "bo", "h2"),
    ev(3, "ana", "h1"),
  ]) as {
    resourceLogs: {
      resource: { attributes: { key: string }[] };
      scopeLogs: {
        logRecords: {
          attributes: { key: string; value: Record<string, unknown> }[];
          severityNumber: number;
        }[];
      }[];
    }[];
  };
  assert.equal(req.resourceLogs.length, 2);
  const first = req.resourceLogs[0];
  assert.deepEqual(
    first.resource.attributes.map((a) => a.key),
    ["service.name", "service.version", "host.name", "user.name"],
  );
  const recs = first.scopeLogs[0].logRecords;
  assert.deepEqual(
    recs.map((r) =>
      r.attributes.find((a) => a.key === "axonflow.event.id")!.value
    ),
    [{ intValue: "1" }, { intValue: "3" }],
  );
  assert.equal(recs[0].severityNumber, 13);
});

Deno.test("unixNano is exact beyond 2^53", () => {
  assert.equal(unixNano("2026-12-02T05:00:00.123Z"), "1796187600123000000");
});
