import assert from "node:assert/strict";
import {
  addedLines,
  checkPolicyArgs,
  parsePayload,
  patchText,
  postScanText,
  statementOf,
} from "./payload.ts";
import { joinArgv } from "../../governance/engine/tool_call.ts";

Deno.test("parsePayload: empty, malformed, non-object, no tool_name", () => {
  assert.deepEqual(parsePayload(""), { kind: "empty" });
  assert.deepEqual(parsePayload(" \n\t"), { kind: "empty" });
  assert.equal(parsePayload("{").kind, "malformed");
  assert.equal(parsePayload("[1]").kind, "malformed");
  assert.equal(parsePayload("null").kind, "malformed");
  assert.equal(parsePayload('{"tool_input":{}}').kind, "malformed");
  assert.equal(parsePayload('{"tool_name":""}').kind, "malformed");
});

Deno.test("parsePayload: Codex events carry turn_id; Claude events do not", () => {
  const codex = parsePayload(JSON.stringify({
    session_id: "s",
    turn_id: "t",
    cwd: "/w",
    hook_event_name: "PreToolUse",
    tool_name: "Bash",
    tool_input: { command: "ls" },
    tool_use_id: "c1",
  }));
  assert.equal(codex.kind, "event");
  if (codex.kind === "event") {
    assert.equal(codex.event.agent, "codex");
    assert.equal(codex.event.turnId, "t");
    assert.equal(codex.event.toolUseId, "c1");
    assert.equal(codex.event.cwd, "/w");
  }
  const claude = parsePayload(JSON.stringify({
    session_id: "s",
    hook_event_name: "PreToolUse",
    tool_name: "Write",
    tool_input: { file_path: "/a", content: "x" },
  }));
  assert.equal(claude.kind === "event" && claude.event.agent, "claude-code");
  const noInput = parsePayload('{"tool_name":"Bash","turn_id":"t"}');
  assert.deepEqual(noInput.kind === "event" && noInput.event.toolInput, {});
});

Deno.test("statementOf: shell command or cmd (string or argv), patch, Claude fields, JSON", () => {
  const ev = (toolName: string, toolInput: unknown) => ({
    agent: "codex" as const,
    eventName: "PreToolUse",
    toolName,
    toolInput,
  });
  assert.equal(statementOf(ev("Bash", { command: "ls -la" })), "ls -la");
  assert.equal(
    statementOf(ev("exec_command", { cmd: ["ls", "a b"] })),
    "ls 'a b'",
  );
  assert.equal(
    statementOf(ev("shell", { command: ["rm", "-rf", "it's"] })),
    "rm -rf 'it'\\''s'",
  );
  assert.equal(
    statementOf(ev("apply_patch", { command: "*** Begin Patch" })),
    "*** Begin Patch",
  );
  assert.equal(statementOf(ev("apply_patch", "raw patch")), "raw patch");
  assert.equal(
    statementOf(ev("Write", { file_path: "/a", content: "body" })),
    "/a\nbody",
  );
  assert.equal(
    statementOf(ev("Write", { file_path: "/a", content: "x".repeat(5000) })),
    "/a\n" + "x".repeat(2000),
  );
  assert.equal(
    statementOf(
      ev("Edit", { file_path: "/a", old_string: "o", new_string: "n" }),
    ),
    "/a\nn",
  );
  assert.equal(
    statementOf(ev("Read", { file_path: "/etc/passwd" })),
    "/etc/passwd",
  );
  assert.equal(statementOf(ev("WebFetch", { url: "http://x" })), "http://x");
  assert.equal(statementOf(ev("mcp__s__t", { a: 1 })), '{"a":1}');
  assert.equal(
    statementOf(ev("mcp__db__run", { limit: 5, query: "SELECT 1" })),
    "SELECT 1",
  );
});

Deno.test("checkPolicyArgs: reference statement plus the whole call in parameters.context", () => {
  const ev = {
    agent: "codex" as const,
    eventName: "PreToolUse",
    toolName: "Read",
    toolInput: { file_path: "/h/.ssh/id_rsa" },
    cwd: "/h/p",
  };
  const args = checkPolicyArgs(ev, {
    toolName: "Read",
    input: ev.toolInput,
    cwd: "/h/p",
    home: "/h",
    dataDir: "/h/.axonflow",
    profile: "standard",
  }, "codex.Read");
  assert.deepEqual(args, {
    connector_type: "codex.Read",
    statement: "/h/.ssh/id_rsa",
    operation: "execute",
    parameters: {
      tool_name: "Read",
      cwd: "/h/p",
      context: {
        v: 1,
        tool_name: "Read",
        tool_input: { file_path: "/h/.ssh/id_rsa" },
        cwd: "/h/p",
        home: "/h",
        data_dir: "/h/.axonflow",
        profile: "standard",
      },
    },
  });
});

Deno.test("addedLines and patchText", () => {
  const patch =
    "*** Begin Patch\n*** Add File: a\n+one\n+two\n*** Update File: b\n@@\n-old\n+new\n context\n*** End Patch";
  assert.equal(addedLines(patch), "one\ntwo\nnew");
  assert.equal(patchText({ input: "p" }), "p");
  assert.equal(patchText({ patch: "q" }), "q");
  assert.equal(patchText(42), "");
});

Deno.test("postScanText: response as text or JSON, plus written content", () => {
  const base = { agent: "codex" as const, eventName: "PostToolUse" };
  assert.equal(
    postScanText({
      ...base,
      toolName: "Bash",
      toolInput: {},
      toolResponse: "out",
    }),
    "out",
  );
  assert.equal(
    postScanText({
      ...base,
      toolName: "mcp__a__b",
      toolInput: {},
      toolResponse: { x: [1] },
    }),
    '{"x":[1]}',
  );
  assert.equal(
    postScanText({
      ...base,
      toolName: "apply_patch",
      toolInput: { command: "+secret line" },
      toolResponse: "ok",
    }),
    "ok\nsecret line",
  );
  assert.equal(
    postScanText({
      ...base,
      toolName: "Write",
      toolInput: { file_path: "/a", content: "body" },
      toolResponse: undefined,
    }),
    "body",
  );
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  assert.equal(
    typeof postScanText({
      ...base,
      toolName: "x",
      toolInput: {},
      toolResponse: cyclic,
    }),
    "string",
  );
});

Deno.test("joinArgv quotes only what needs it, and its pattern is linear on hostile input", () => {
  assert.equal(joinArgv(["a", "b c", ""]), "a 'b c' ''");
  const hostile = ["a".repeat(1e6), "=".repeat(1e6), "a/".repeat(5e5) + " "];
  for (const h of hostile) assert.ok(joinArgv([h]).length >= h.length);
});
