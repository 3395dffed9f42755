import assert from "node:assert/strict";
import {
  isDatabaseConnector,
  joinArgv,
  safeJson,
  subjectOf,
} from "./tool_call.ts";

Deno.test("subjectOf reads every shell tool name and both argument spellings", () => {
  for (
    const toolName of [
      "Bash",
      "exec_command",
      "shell",
      "shell_command",
      "local_shell",
    ]
  ) {
    assert.deepEqual(subjectOf({ toolName, input: { command: "ls -la" } }), {
      kind: "shell",
      command: "ls -la",
    });
  }
  assert.deepEqual(
    subjectOf({ toolName: "shell", input: { cmd: ["rm", "-rf", "a b"] } }),
    {
      kind: "shell",
      command: "rm -rf 'a b'",
    },
  );
  assert.deepEqual(subjectOf({ toolName: "codex.Bash", input: "git status" }), {
    kind: "shell",
    command: "git status",
  });
});

Deno.test("subjectOf reads patches, Claude file tools, MCP tools and database statements", () => {
  assert.equal(
    subjectOf({
      toolName: "apply_patch",
      input: { command: "*** Begin Patch" },
    }).kind,
    "patch",
  );
  assert.deepEqual(
    subjectOf({ toolName: "Write", input: { file_path: "/a", content: "x" } }),
    {
      kind: "write",
      path: "/a",
      content: "x",
    },
  );
  assert.deepEqual(
    subjectOf({
      toolName: "MultiEdit",
      input: {
        file_path: "/a",
        edits: [{ new_string: "p" }, { new_string: "q" }],
      },
    }),
    { kind: "write", path: "/a", content: "p\nq" },
  );
  assert.deepEqual(
    subjectOf({ toolName: "Read", input: { file_path: "~/.ssh/id_rsa" } }),
    {
      kind: "read",
      path: "~/.ssh/id_rsa",
    },
  );
  assert.deepEqual(
    subjectOf({ toolName: "mcp__github__create_issue", input: { title: "t" } }),
    {
      kind: "mcp",
      server: "github",
      tool: "create_issue",
      args: { title: "t" },
    },
  );
  assert.deepEqual(subjectOf({ toolName: "postgres", input: "select 1" }), {
    kind: "sql",
    statement: "select 1",
  });
  assert.deepEqual(
    subjectOf({
      toolName: "query",
      connectorType: "mysql",
      input: { statement: "select 1" },
    }),
    {
      kind: "sql",
      statement: "select 1",
    },
  );
  assert.deepEqual(
    subjectOf({ toolName: "codex.UserPrompt", input: "hello" }),
    { kind: "text", text: "hello" },
  );
});

Deno.test("database channels: named connectors and the query/sql keys", () => {
  for (
    const name of [
      "postgres-main",
      "mysql_orders",
      "analytics.duckdb",
      "PG-sqlite3",
    ]
  ) {
    assert.ok(isDatabaseConnector(name), name);
  }
  for (
    const name of [
      "sql-formatter",
      "my_database_notes",
      "codex.Bash",
      "mongodb",
    ]
  ) {
    assert.ok(!isDatabaseConnector(name), name);
  }
  for (const key of ["query", "sql", "statement", "stmt"]) {
    assert.deepEqual(
      subjectOf({ toolName: "postgres-main", input: { [key]: "select 1" } }),
      { kind: "sql", statement: "select 1" },
    );
  }
  assert.deepEqual(
    subjectOf({
      toolName: "run",
      connectorType: "mysql_orders",
      input: { query: "select 2" },
    }),
    { kind: "sql", statement: "select 2" },
  );
});

Deno.test("joinArgv quotes what a shell would split", () => {
  assert.equal(
    joinArgv(["echo", "it's", "a;b", "plain"]),
    `echo 'it'\\''s' 'a;b' plain`,
  );
});

Deno.test("safeJson never throws", () => {
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  assert.equal(typeof safeJson(cyclic), "string");
  assert.equal(safeJson({ n: 10n }), '{"n":"10"}');
  assert.equal(safeJson(undefined), "");
});
