import assert from "node:assert/strict";
import { isoTime, prepareEvent } from "./event.ts";

Deno.test("isoTime equals Date#toISOString across leap years, centuries and milliseconds", () => {
  const fixed = [
    0,
    -1,
    951_782_400_000, // 2000-02-29
    4_107_542_399_999, // 2100-02-28T23:59:59.999Z
    4_107_542_400_000, // 2100-03-01 (not a leap year)
    253_402_300_799_999, // 9999-12-31T23:59:59.999Z
    -62_135_596_800_000, // 0001-01-01
    Date.UTC(2026, 10, 24, 9, 30, 5, 7),
  ];
  let seed = 42;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const samples = [
    ...fixed,
    ...Array.from(
      { length: 20_000 },
      () => Math.floor((random() * 2 - 0.5) * 253_402_300_799_999 / 1.5),
    ),
  ];
  for (const ms of samples) {
    if (ms < -62_135_596_800_000 || ms > 253_402_300_799_999) continue;
    assert.equal(isoTime(ms), new Date(ms).toISOString(), String(ms));
  }
});

Deno.test("prepareEvent stamps the current time in ISO form when none is given", () => {
  const before = Date.now();
  const ev = prepareEvent({
    agent: "codex",
    toolName: "Bash",
    connectorType: "codex.Bash",
    decision: "allowed",
    policies: [],
    severity: "none",
    inputSummary: "ls",
    success: true,
  });
  const at = Date.parse(ev.time);
  assert.match(ev.time, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  assert.ok(at >= before && at <= Date.now());
});
