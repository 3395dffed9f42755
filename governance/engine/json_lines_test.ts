import assert from "node:assert/strict";
import { JsonSyntaxError, parseJsonWithLines } from "./json_lines.ts";

Deno.test("parseJsonWithLines parses what JSON.parse parses", () => {
  const text =
    '{\n  "a": [1, 2.5, -3e2, true, null],\n  "b": {"c": "d\\n\\u00e9"}\n}';
  assert.deepEqual(parseJsonWithLines(text).value, JSON.parse(text));
});

Deno.test("parseJsonWithLines records the line of each object and array", () => {
  const text =
    '{\n  "policies": [\n    {"id": "a"},\n\n    {"id": "b"}\n  ]\n}';
  const { value, lines } = parseJsonWithLines(text);
  const root = value as { policies: object[] };
  assert.equal(lines.get(root), 1);
  assert.equal(lines.get(root.policies), 2);
  assert.equal(lines.get(root.policies[0]), 3);
  assert.equal(lines.get(root.policies[1]), 5);
});

Deno.test("parseJsonWithLines names the line of a syntax error", () => {
  for (
    const [text, line] of [
      ['{\n  "a": 1,\n  "b": 2,\n}', 4],
      ['{\n  "a": tru\n}', 2],
      ['{\n\n  "a": "x\n"}', 3],
      ["[1, 2", 1],
      ['{"a": 1} extra', 1],
    ] as const
  ) {
    assert.throws(
      () => parseJsonWithLines(text),
      (e: unknown) => e instanceof JsonSyntaxError && e.line === line,
      text,
    );
  }
});

Deno.test("parseJsonWithLines stays linear and bounded on hostile input", () => {
  assert.throws(() => parseJsonWithLines("[".repeat(100_000)), JsonSyntaxError);
  const long = `["${"a".repeat(1_000_000)}"]`;
  assert.equal(
    (parseJsonWithLines(long).value as string[])[0].length,
    1_000_000,
  );
  assert.throws(() => parseJsonWithLines('"' + "\\".repeat(1_000_001)));
});
