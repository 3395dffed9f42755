import assert from "node:assert/strict";
import { parseHookCommand, shellWords } from "./doctor.ts";
import { hookLine } from "../lib/install_plan.ts";

Deno.test("shellWords splits quoted words like a POSIX shell (no expansion)", () => {
  assert.deepEqual(shellWords(`a 'b c' "d e" f'g'`), ["a", "b c", "d e", "fg"]);
  assert.deepEqual(shellWords("''"), [""]);
});

Deno.test("parseHookCommand reads back what the installer writes", () => {
  const line = hookLine(
    {
      root: "/my proj",
      dataDir: "/d d",
      endpoint: "http://h:81",
      profile: "strict",
      deno: "/bin/deno",
    },
    "PreToolUse",
  );
  const p = parseHookCommand(line);
  assert.deepEqual(p.env, {
    AXONFLOW_HOME: "/d d",
    AXONFLOW_PROFILE: "strict",
    AXONFLOW_ENDPOINT: "http://h:81",
  });
  assert.equal(p.deno, "/bin/deno");
  assert.equal(p.script, "/my proj/hooks/dist/pre_tool_use.js");
  assert.ok(p.flags.includes("--allow-net=h:81"));
  assert.ok(p.flags.includes("--allow-read=/d d"));
});

Deno.test("parseHookCommand: hostile input stays linear", () => {
  for (const s of ["A".repeat(1e6), "A=".repeat(3e5), "'".repeat(1e6)]) {
    parseHookCommand(s);
  }
});
