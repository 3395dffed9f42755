import assert from "node:assert/strict";
import { lineEnd } from "./lines.ts";

Deno.test("lineEnd: the newline's offset, or the text's length on the last line", () => {
  assert.equal(lineEnd("ab\ncd", 0), 2);
  assert.equal(lineEnd("ab\ncd", 2), 2);
  assert.equal(lineEnd("ab\ncd", 3), 5);
  assert.equal(lineEnd("", 0), 0);
});
