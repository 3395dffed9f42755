import assert from "node:assert/strict";
import { findSensitive } from "./sensitive.ts";
import { redact } from "../redact.ts";

const red = (t: string) => redact(t, findSensitive(t));

Deno.test("typed pairs: a type field labels its sibling value, either order", () => {
  const cases: [string, string][] = [
    ['{"identifier":{"type":"BSN","value":"362402814"}}', "362402814"],
    ['{"documents":[{"kind":"passport","number":"C01X00T47"}]}', "C01X00T47"],
    ['[{"value": "74050119012", "system": "PESEL"}]', "74050119012"],
    ['{"idType": "SSN", "id": "536-90-4399"}', "536-90-4399"],
  ];
  for (const [text, value] of cases) {
    assert.ok(!red(text).includes(value), text);
  }
});

Deno.test("typed pairs: other types and failing values stay", () => {
  for (
    const t of [
      '{"type":"order","value":"362402814"}',
      '{"type":"BSN","value":"123456789"}',
      '{"kind":"passport","number":"pending"}',
    ]
  ) assert.equal(red(t), t);
});

Deno.test("typed pairs: a long run of type fields is read in linear time", () => {
  const text = '{"type":"BSN",'.repeat(8_000) + '"value":"1"}';
  const t0 = performance.now();
  findSensitive(text);
  findSensitive('"value":"'.repeat(12_000));
  assert.ok(performance.now() - t0 < 5_000);
});
