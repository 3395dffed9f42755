import assert from "node:assert/strict";
import { unsafePattern } from "./regex_safety.ts";

Deno.test("unsafePattern rejects nested repeats and back-references only", () => {
  for (
    const p of [
      "(a+)+",
      "(\\w*)*x",
      "((ab)+c)*",
      "(a|ab){2,}",
      "(a|a)*b",
      "(.|x)+",
      "(x)\\1",
    ]
  ) {
    assert.ok(unsafePattern(p), p);
  }
  for (
    const p of [
      "corp-[0-9]{4}",
      "(foo|bar)+",
      "^terraform\\s+destroy",
      "[(+)]+",
      "a+b*c?",
    ]
  ) {
    assert.equal(unsafePattern(p), undefined, p);
  }
});

Deno.test("unsafePattern: branches that differ only in case overlap (patterns run with i)", () => {
  assert.ok(unsafePattern("(a|A)+b"));
  assert.ok(unsafePattern("(?:x|\\u0078)*y"));
  assert.equal(unsafePattern("(?:a|b)*c"), undefined); // bounded by custom.ts windows
});
