import assert from "node:assert/strict";
import type { AuditEvent } from "../../governance/audit/store.ts";
import { bar, blockCounts, toCsv } from "./audit.ts";

const ev = (
  id: number,
  decision: AuditEvent["decision"],
  policies: string[],
  time: string,
): AuditEvent => ({
  id,
  time,
  agent: "codex",
  toolName: "Bash",
  connectorType: "codex.Bash",
  decision,
  policies,
  severity: "high",
  inputSummary: `cmd "${id}", with comma`,
  success: true,
  prevHash: "0",
  hash: "1",
});

Deno.test("bar scales to the width and never hides a non-zero value", () => {
  assert.equal(bar(10, 10, 20), "█".repeat(20));
  assert.equal(bar(1, 1000, 20), "█");
  assert.equal(bar(0, 10), "");
});

Deno.test("blockCounts counts blocks per policy and per day", () => {
  const { perPolicy, perDay } = blockCounts([
    ev(1, "blocked", ["a", "b"], "2025-01-01T10:00:00.000Z"),
    ev(2, "blocked", ["a"], "2025-01-02T10:00:00.000Z"),
    ev(3, "allowed", ["a"], "2025-01-02T11:00:00.000Z"),
  ]);
  assert.deepEqual(Object.fromEntries(perPolicy), { a: 2, b: 1 });
  assert.deepEqual(Object.fromEntries(perDay), {
    "2025-01-01": 1,
    "2025-01-02": 1,
  });
});

Deno.test("toCsv quotes commas and quotes", () => {
  const csv = toCsv([
    ev(7, "blocked", ["p1", "p2"], "2025-01-01T00:00:00.000Z"),
  ]).split("\n");
  assert.ok(csv[0].startsWith("id,time,agent"));
  assert.ok(csv[1].includes('"cmd ""7"", with comma"'));
  assert.ok(csv[1].includes(",p1 p2,"));
});
