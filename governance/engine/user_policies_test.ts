import assert from "node:assert/strict";
import { parsePolicyFile } from "./user_policies.ts";

Deno.test("an empty or missing file is the default configuration", () => {
  const { config, errors } = parsePolicyFile("  \n");
  assert.deepEqual(errors, []);
  assert.equal(config.profile, "standard");
});

Deno.test("a syntax error names its line and the built-ins keep working", () => {
  const { config, errors } = parsePolicyFile(
    '{\n  "profile": "strict",\n  "disable": [\n}',
  );
  assert.equal(errors.length, 1);
  assert.equal(errors[0].line, 4);
  assert.match(errors[0].message, /not valid JSON/);
  assert.equal(config.profile, "standard");
  assert.deepEqual(config.disabled, []);
});

Deno.test("each bad policy is reported with its line; the good ones still apply", () => {
  const text = `{
  "profile": "strict",
  "disable": ["sys_nope_nothing"],
  "policies": [
    { "id": "user_ok", "pattern": "corp-[0-9]{4}", "action": "redact", "appliesTo": "output" },
    { "id": "bad id", "pattern": "x" },
    { "id": "user_evil", "pattern": "(a+)+$" },
    { "id": "user_broken", "pattern": "(" },
    { "id": "user_nothing" },
    { "id": "user_sev", "pattern": "x", "severity": "urgent" },
    { "id": "user_ok", "pattern": "dup" },
    { "id": "user_extra", "pattern": "x", "colour": "red" }
  ]
}`;
  const { config, errors } = parsePolicyFile(text);
  assert.equal(config.profile, "strict");
  assert.deepEqual(config.custom.map((p) => p.id), ["user_ok"]);
  assert.deepEqual(errors.map((e) => e.line), [3, 6, 7, 8, 9, 10, 11, 12]);
  assert.match(errors[0].message, /sys_nope_nothing/);
  assert.match(errors[2].message, /exponential/);
  assert.match(errors[3].message, /not a valid regular expression/);
  assert.match(errors[4].message, /pattern.*commandPrefix/);
  assert.match(errors[5].message, /severity/);
  assert.match(errors[6].message, /duplicate/);
  assert.match(errors[7].message, /colour/);
});

Deno.test("wrong shapes are errors, not exceptions", () => {
  for (
    const text of [
      "[]",
      "42",
      '"x"',
      '{"profile": "lenient"}',
      '{"disable": "x"}',
      '{"policies": {}}',
      '{"policies": [1]}',
    ]
  ) {
    const { errors } = parsePolicyFile(text);
    assert.ok(errors.length > 0, text);
  }
});
