import assert from "node:assert/strict";
import { DEFAULT_CONFIG, type EngineConfig } from "./config.ts";
import { layerConfig } from "./layers.ts";
import { evaluate } from "./evaluate_all.ts";

const ORG: EngineConfig = {
  profile: "strict",
  disabled: ["sys_dangerous_git_force_push"],
  custom: [{
    id: "user_no_prod",
    name: "No prod",
    category: "custom",
    severity: "high",
    action: "block",
    appliesTo: "input",
    description: "no prod deploys",
    commandPrefix: "kubectl apply -n prod",
  }],
};

Deno.test("layerConfig: the developer tightens, never loosens", () => {
  const { config, ignored } = layerConfig(ORG, {
    profile: "standard",
    disabled: ["sys_dangerous_rm_home", "sys_dangerous_git_force_push"],
    custom: [
      { ...ORG.custom[0], action: "log" },
      { ...ORG.custom[0], id: "user_mine", commandPrefix: "make deploy" },
    ],
  });
  assert.equal(config.profile, "strict");
  assert.deepEqual(config.disabled, ["sys_dangerous_git_force_push"]);
  assert.deepEqual(config.custom.map((p) => [p.id, p.action]), [
    ["user_no_prod", "block"],
    ["user_mine", "block"],
  ]);
  assert.equal(ignored.length, 3);
  assert.match(ignored.join("\n"), /profile "standard"/);
  assert.match(ignored.join("\n"), /disable "sys_dangerous_rm_home"/);
  assert.match(ignored.join("\n"), /policy "user_no_prod"/);
  const home = "/home/u";
  assert.equal(
    evaluate({
      toolName: "Bash",
      input: { command: "rm -rf ~" },
      home,
      cwd: home,
    }, config).allowed,
    false,
  );
});

Deno.test("layerConfig: a standard organisation lets the developer go strict", () => {
  const { config, ignored } = layerConfig(DEFAULT_CONFIG, {
    ...DEFAULT_CONFIG,
    profile: "strict",
  });
  assert.equal(config.profile, "strict");
  assert.deepEqual(ignored, []);
});
