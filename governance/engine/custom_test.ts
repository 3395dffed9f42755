import assert from "node:assert/strict";
import type { CustomPolicy } from "./config.ts";
import {
  commandSegments,
  customInputMatches,
  customOutputFindings,
  startsWithWords,
} from "./custom.ts";

const base = {
  name: "n",
  category: "custom",
  severity: "high",
  action: "block",
  description: "terraform destroy tears down shared infrastructure",
} as const;

const prefix: CustomPolicy = {
  ...base,
  id: "user_tf",
  appliesTo: "input",
  commandPrefix: "terraform destroy",
};
const pattern: CustomPolicy = {
  ...base,
  id: "user_corp",
  appliesTo: "both",
  action: "redact",
  pattern: "corp-[0-9]{4}",
};

Deno.test("command prefixes match any simple command of the line, behind sudo and paths", () => {
  for (
    const cmd of [
      "terraform destroy",
      "cd infra && terraform destroy -auto-approve",
      "sudo /usr/local/bin/terraform destroy",
    ]
  ) {
    assert.equal(customInputMatches([prefix], [cmd], cmd).length, 1, cmd);
  }
  for (
    const cmd of [
      "terraform plan",
      "echo terraform",
      "terraform-destroy",
      "grep 'x' file",
    ]
  ) {
    assert.equal(customInputMatches([prefix], [cmd], cmd).length, 0, cmd);
  }
});

Deno.test("regex policies match input texts and report a reason", () => {
  const [m] = customInputMatches([pattern], ["ticket corp-1234"], undefined);
  assert.equal(m.policyId, "user_corp");
  assert.match(m.reason, /corp-\[0-9\]\{4\}/);
  assert.equal(customInputMatches([pattern], ["nothing"], undefined).length, 0);
});

Deno.test("output findings carry spans and skip input-only policies", () => {
  const f = customOutputFindings([pattern, prefix], "a corp-1234 b corp-9999");
  assert.deepEqual(f.map((x) => [x.start, x.end, x.type]), [[2, 11, "corp"], [
    14,
    23,
    "corp",
  ]]);
});

Deno.test("segments and word prefixes", () => {
  assert.deepEqual(commandSegments("a b; c | d && e\nf"), [
    ["a", "b"],
    ["c"],
    ["d"],
    ["e"],
    ["f"],
  ]);
  assert.equal(startsWithWords(["nohup", "x", "y"], ["x"]), true);
  assert.equal(startsWithWords(["x"], ["x", "y"]), false);
});

Deno.test("quadratic user patterns on 1 MB hostile output: bounded, and still correct", () => {
  for (
    const source of ["(?:a|b)*c", "[ab]*c", "\\w+@x", "a+b", ".*zz"]
  ) {
    const p: CustomPolicy = {
      ...base,
      id: "user_q",
      appliesTo: "both",
      action: "redact",
      pattern: source,
    };
    const hostile = "a".repeat(1_000_000);
    const f = customOutputFindings([p], hostile);
    // No match exists; either none is reported or the unchecked rest is
    // reported as unscannable (fail closed), never a made-up match.
    assert.ok(f.every((x) => x.type === "unscannable"), source);
    const input = customInputMatches([p], [hostile], undefined);
    assert.ok(input.every((m) => /too long or too costly/.test(m.reason)));
  }
  // Matches across window boundaries are found once and whole.
  const p: CustomPolicy = { ...pattern, pattern: "corp-[0-9]{4}" };
  const text = ("x".repeat(997) + "corp-1234").repeat(2000);
  const f = customOutputFindings([p], text);
  assert.equal(f.length, 2000);
  assert.ok(f.every((x) => text.slice(x.start, x.end) === "corp-1234"));
  assert.equal(new Set(f.map((x) => x.start)).size, 2000);
  // A pattern whose match exists at the end of 1 MB of a hostile run is found.
  const q: CustomPolicy = { ...pattern, pattern: "\\w+@corp\\.example" };
  const t2 = "a".repeat(1_000_000) + " jane@corp.example";
  const g = customOutputFindings([q], t2).filter((x) =>
    x.type !== "unscannable"
  );
  const unseen = customOutputFindings([q], t2).some((x) =>
    x.type === "unscannable"
  );
  assert.ok(
    unseen || g.some((x) => t2.slice(x.start, x.end) === "jane@corp.example"),
  );
});
