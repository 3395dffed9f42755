import assert from "node:assert/strict";
import { fromCallContext, toCallContext } from "./call_context.ts";

Deno.test("call context: a round trip keeps the call; the server side only tightens", () => {
  const call = {
    toolName: "Write",
    input: { file_path: "/h/.codex/hooks.json", content: "{}" },
    cwd: "/h/p",
    home: "/h",
    dataDir: "/h/.axonflow",
    pluginRoot: "/h/.codex/plugins/cache/a/a/1",
    profile: "strict" as const,
  };
  assert.deepEqual(fromCallContext(toCallContext(call), "codex.Write"), {
    ...call,
    connectorType: "codex.Write",
  });
  const standard = fromCallContext(
    toCallContext({ ...call, profile: "standard" }),
    "x",
  );
  assert.equal(standard?.profile, undefined);
  // relative or odd paths are dropped, not trusted
  const odd = fromCallContext(
    { v: 1, tool_name: "Bash", tool_input: {}, home: "rel", cwd: 7 },
    "x",
  );
  assert.deepEqual(odd, { toolName: "Bash", input: {}, connectorType: "x" });
  for (
    const bad of [null, [], "s", {}, { v: 2, tool_name: "Bash" }, {
      v: 1,
      tool_name: "",
    }]
  ) {
    assert.equal(fromCallContext(bad, "x"), undefined);
  }
});
