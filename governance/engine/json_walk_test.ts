import assert from "node:assert/strict";
import { mapStrings, toJson } from "./json_walk.ts";
import { redactValue } from "./contract.ts";
import { safeJson } from "./tool_call.ts";

const DEPTH = 100_000;
const SSN = "536-90-4399";

function deepArray(depth: number, leaf: unknown): unknown {
  let v: unknown = leaf;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}
function deepObject(depth: number, leaf: unknown): unknown {
  let v: unknown = leaf;
  for (let i = 0; i < depth; i++) v = { a: v, n: i % 3 };
  return v;
}

Deno.test("toJson equals JSON.stringify on ordinary values", () => {
  for (
    const v of [
      { a: [1, "x", null, true, { b: undefined, c: 2.5 }], d: 'é\n"' },
      [undefined, () => 1, NaN, Infinity],
      "plain",
      42,
      null,
      { date: new Date(0) },
    ]
  ) {
    assert.equal(toJson(v), JSON.stringify(v));
  }
  assert.equal(toJson({ n: 10n }), '{"n":"10"}');
});

Deno.test("toJson and safeJson serialise 100,000-deep values (JSON.stringify with a replacer overflows)", () => {
  const arr = deepArray(DEPTH, SSN);
  const json = safeJson(arr);
  assert.equal(json.length, 2 * DEPTH + SSN.length + 2);
  assert.ok(json.includes(SSN));
  assert.equal(
    json,
    "[".repeat(DEPTH) + JSON.stringify(SSN) + "]".repeat(DEPTH),
  );
  const obj = deepObject(DEPTH, SSN);
  const oj = toJson(obj)!;
  assert.ok(oj.startsWith('{"a":{"a":') && oj.includes(SSN));
});

Deno.test("cycles become a marker instead of throwing", () => {
  const a: Record<string, unknown> = { x: "1" };
  a.self = a;
  assert.equal(toJson(a), '{"x":"1","self":"[cycle]"}');
  const m = mapStrings(a, (s) => s + "!");
  assert.deepEqual(m.value, { x: "1!", self: "[cycle]" });
});

Deno.test("mapStrings reaches every depth and reports change", () => {
  const r = mapStrings(deepArray(DEPTH, "secret"), (s) => s.toUpperCase());
  assert.equal(r.changed, true);
  let v = r.value;
  for (let i = 0; i < DEPTH; i++) v = (v as unknown[])[0];
  assert.equal(v, "SECRET");
  assert.equal(mapStrings({ a: [1, 2] }, (s) => s).changed, false);
});

Deno.test("redactValue redacts a value 100,000 levels down (was left as is past depth 32)", () => {
  for (
    const value of [
      deepArray(DEPTH, `ssn ${SSN}`),
      deepObject(DEPTH, `ssn ${SSN}`),
    ]
  ) {
    const r = redactValue(value);
    assert.equal(r.changed, true);
    assert.equal(r.findings.length, 1);
    const json = toJson(r.value)!;
    assert.ok(!json.includes(SSN) && json.includes("[REDACTED:ssn]"));
  }
});
