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
