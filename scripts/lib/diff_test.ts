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
