import assert from "node:assert/strict";
import { toolCallFor } from "./tool_call.ts";

Deno.test("toolCallFor reads the call from the connector type", () => {
  assert.deepEqual(
    toolCallFor({ connector_type: "codex.Bash", statement: "ls" }).input,
    { command: "ls" },
  );
  assert.equal(
    toolCallFor({ connector_type: "claude_code.Bash", statement: "ls" })
      .toolName,
    "Bash",
  );
  assert.equal(
    toolCallFor({
      connector_type: "codex.apply_patch",
      statement: "*** Begin Patch",
    }).toolName,
    "apply_patch",
  );
  const w = toolCallFor({
    connector_type: "claude_code.Write",
    statement: "a.txt\nhello\nworld",
  });
  assert.deepEqual(w.input, { file_path: "a.txt", content: "hello\nworld" });
  const mcp = toolCallFor({
    connector_type: "codex.mcp__db__query",
    statement: '{"sql":"select 1"}',
  });
  assert.deepEqual(mcp.input, { sql: "select 1" });
  const db = toolCallFor({
    connector_type: "postgres",
    statement: "DROP TABLE users",
  });
  assert.equal(db.toolName, "postgres");
  assert.equal(db.input, "DROP TABLE users");
  assert.equal(
    toolCallFor({
      connector_type: "codex.Bash",
      statement: "ls",
      parameters: { cwd: "/w" },
    }).cwd,
    "/w",
  );
});
