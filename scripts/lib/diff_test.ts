import assert from "node:assert/strict";
import { unifiedDiff } from "./diff.ts";

Deno.test("unifiedDiff: equal texts give no diff", () => {
  assert.equal(unifiedDiff("a\n", "a\n", "x", "y"), "");
});

Deno.test("unifiedDiff: an append shows + lines with context and a hunk header", () => {
  const d = unifiedDiff("a\nb\nc\nd\n", "a\nb\nc\nd\ne\nf\n", "old", "new");
  assert.equal(d, "--- old\n+++ new\n@@ -2,3 +2,5 @@\n b\n c\n d\n+e\n+f\n");
});

Deno.test("unifiedDiff: a new file and a deleted file", () => {
  assert.equal(
    unifiedDiff("", "x\n", "/dev/null", "f"),
    "--- /dev/null\n+++ f\n@@ -0,0 +1,1 @@\n+x\n",
  );
  assert.equal(
    unifiedDiff("x\n", "", "f", "/dev/null"),
    "--- f\n+++ /dev/null\n@@ -1,1 +0,0 @@\n-x\n",
  );
});

Deno.test("unifiedDiff: far-apart changes give two hunks; missing final newline is marked", () => {
  const a = Array.from({ length: 20 }, (_, i) => `l${i}`).join("\n") + "\n";
  const b = a.replace("l1\n", "L1\n").replace("l18\n", "L18\n");
  const d = unifiedDiff(a, b, "a", "b");
  assert.equal(d.split("\n").filter((l) => l.startsWith("@@")).length, 2);
  assert.ok(
    unifiedDiff("a", "a\n", "x", "y").includes("\\ No newline at end of file"),
  );
});

Deno.test("unifiedDiff: in a changed run the removed lines come before the added ones", () => {
  const d = unifiedDiff("a\nold1\nold2\nz\n", "a\nnew1\nnew2\nz\n", "x", "y");
  const body = d.split("\n").filter((l) => /^[-+][^-+]/.test(l));
  assert.deepEqual(body, ["-old1", "-old2", "+new1", "+new2"]);
  const one = unifiedDiff('{\n  "k": 1\n}\n', '{\n  "k": 2\n}\n', "x", "y");
  assert.ok(one.indexOf('-  "k": 1') < one.indexOf('+  "k": 2'), one);
});
