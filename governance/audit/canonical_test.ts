import assert from "node:assert/strict";
import { canonicalJson } from "./canonical.ts";

Deno.test("canonicalJson sorts keys at every depth and drops empty members", () => {
  const a = canonicalJson({
    b: 1,
    a: { d: [3, { z: 1, y: 2 }], c: null },
    e: undefined,
  });
  assert.equal(a, '{"a":{"d":[3,{"y":2,"z":1}]},"b":1}');
});

Deno.test("canonicalJson is the same for equal values built in different orders", () => {
  const x = { tool: "Bash", policies: ["p1", "p2"], success: true, n: 1.5 };
  const y = { n: 1.5, success: true, policies: ["p1", "p2"], tool: "Bash" };
  assert.equal(canonicalJson(x), canonicalJson(y));
  assert.notEqual(
    canonicalJson(x),
    canonicalJson({ ...y, policies: ["p2", "p1"] }),
  );
});

Deno.test("canonicalJson escapes strings and writes non-finite numbers as null", () => {
  assert.equal(canonicalJson('a"\n'), '"a\\"\\n"');
  assert.equal(
    canonicalJson([NaN, Infinity, -0, false]),
    "[null,null,0,false]",
  );
  assert.equal(canonicalJson("\u2028"), JSON.stringify("\u2028"));
});
