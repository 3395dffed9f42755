import assert from "node:assert/strict";
import { findSensitive } from "../detect/sensitive.ts";
import { redact } from "../redact.ts";

const red = (t: string) => redact(t, findSensitive(t));

Deno.test("national phone layouts are found without a label", () => {
  for (
    const n of [
      "06 12 34 56 78",
      "090-1234-5678",
      "010-1234-5678",
      "0176/12345678",
      "0151 23456789",
      "06-12345678",
      "030 12345678",
      "(11) 98765-4321",
      "8 (912) 345-67-89",
    ]
  ) {
    const t = `Jane Roe, ${n}, Leeds`;
    assert.ok(!red(t).includes(n), t);
  }
});

Deno.test("national phone layouts: ids, colours and longer digit groupings stay", () => {
  for (
    const t of [
      "RGB 010-020-0300",
      "ids: 1382 1234 5678 9012",
      "Meeting ID: 190 1288 2394",
      "06 12 34 56 78 90 12 (bytes)",
      "ISBN 978-3-16-148410-0",
      "2026-1234-5678",
      "chmod 0755 /usr/bin/x",
    ]
  ) assert.equal(red(t), t);
});

Deno.test("national phone layouts: long digit runs are linear", () => {
  const t0 = performance.now();
  findSensitive("06 12 ".repeat(20_000));
  findSensitive("138 1234 ".repeat(12_000));
  findSensitive("(11) 9".repeat(20_000));
  assert.ok(performance.now() - t0 < 5_000);
});
