import assert from "node:assert/strict";
import { evaluate } from "../mod.ts";

function blocks(c: string): boolean {
  return !evaluate({
    toolName: "Bash",
    input: { command: c },
    home: "/home/u",
    cwd: "/home/u/p",
  }).allowed;
}

Deno.test("nested: a child shell sees the variables it is given", () => {
  for (
    const c of [
      "env TARGET=$HOME sh -c 'rm -rf \"$TARGET\"'",
      "TARGET=~ bash -c 'rm -rf $TARGET'",
      "env -i D=/ sudo sh -c 'rm -rf --no-preserve-root $D'",
    ]
  ) assert.ok(blocks(c), c);
  for (
    const c of [
      "OUT=dist sh -c 'rm -rf \"$OUT\"'",
      "env NODE_ENV=test sh -c 'npm test'",
      "FOO=~ sh -c 'echo $FOO'",
    ]
  ) assert.ok(!blocks(c), c);
});
