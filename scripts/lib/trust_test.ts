import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { canonicalJson, trustHash, trustKey } from "./trust.ts";

Deno.test("canonicalJson sorts keys recursively and drops undefined", () => {
  assert.equal(
    canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } }),
    '{"a":{"d":[{"y":2,"z":1}]},"b":1}',
  );
});

Deno.test("trustHash follows the documented recipe byte for byte", () => {
  const command = "echo hi";
  const doc =
    '{"event_name":"pre_tool_use","hooks":[{"async":false,"command":"echo hi","timeout":15,"type":"command"}],"matcher":"Bash"}';
  const want = "sha256:" + createHash("sha256").update(doc).digest("hex");
  assert.equal(
    trustHash("PreToolUse", "Bash", { type: "command", command, timeout: 15 }),
    want,
  );
});

Deno.test("trustHash changes with the command, matcher and timeout", () => {
  const h = { type: "command" as const, command: "a", timeout: 15 };
  const base = trustHash("PreToolUse", "Bash", h);
  assert.notEqual(
    trustHash("PreToolUse", "Bash", { ...h, command: "b" }),
    base,
  );
  assert.notEqual(trustHash("PreToolUse", "Bas", h), base);
  assert.notEqual(trustHash("PreToolUse", "Bash", { ...h, timeout: 16 }), base);
  assert.notEqual(trustHash("PostToolUse", "Bash", h), base);
});

Deno.test("trustHash omits an absent matcher", () => {
  const doc =
    '{"event_name":"post_tool_use","hooks":[{"async":false,"command":"x","type":"command"}]}';
  const want = "sha256:" + createHash("sha256").update(doc).digest("hex");
  assert.equal(
    trustHash("PostToolUse", undefined, { type: "command", command: "x" }),
    want,
  );
});

Deno.test("trustKey names source, snake_case event, group and handler", () => {
  assert.equal(
    trustKey("/h/hooks.json", "PostToolUse", 2, 0),
    "/h/hooks.json:post_tool_use:2:0",
  );
});
