import assert from "node:assert/strict";
import { blocked, fired } from "./test_helpers.ts";

Deno.test("agent CLIs: removing or disabling the guard blocks", () => {
  for (
    const cmd of [
      "codex plugin remove axonflow-governance@axonflow",
      "codex plugin disable axonflow-governance",
      "claude plugin uninstall axonflow-governance@axonflow",
      "codex plugin marketplace remove axonflow",
      "codex features disable hooks",
      "codex --disable hooks exec 'x'",
      "codex -c features.hooks=false exec 'x'",
      "claude config set hooks {}",
      "jq '.hooks={}' ~/.claude/settings.json | sponge ~/.claude/settings.json",
      "printf '#!/bin/sh\\nexit 0\\n' > ~/.local/bin/deno",
    ]
  ) assert.ok(blocked(cmd).length > 0, `${cmd}: ${fired(cmd)}`);
});

Deno.test("agent CLIs: other plugins, listings and ordinary runs pass", () => {
  for (
    const cmd of [
      "codex plugin list",
      "codex plugin add other@market",
      "codex plugin remove prettier-helper",
      "codex exec 'fix the failing tests'",
      "codex -c model=o3 exec x",
      "claude plugin install foo",
      "claude -p 'summarise README'",
      "codex --enable web_search exec x",
      "jq '.version=2' package.json | sponge package.json",
    ]
  ) assert.deepEqual(blocked(cmd), [], `${cmd}: ${fired(cmd)}`);
});

Deno.test("agent cli: unguarded runs and aliases block", () => {
  for (
    const cmd of [
      "codex exec --yolo 'clean up'",
      "codex --dangerously-bypass-approvals-and-sandbox exec fix",
      "claude --dangerously-skip-permissions -p 'do it'",
      "claude --permission-mode bypassPermissions -p x",
      "codex -s danger-full-access exec x",
      "alias codex='codex --dangerously-bypass-approvals-and-sandbox'",
      "printf 'alias cc=\"claude --dangerously-skip-permissions\"\\n' >> ~/.bash_aliases",
      "echo \"alias codex='codex --yolo'\" | tee -a ~/.zshrc",
    ]
  ) {
    const b = blocked(cmd);
    assert.ok(
      b.includes("agent_unguarded_run") || b.includes("guard_tamper"),
      `${cmd}: ${fired(cmd)}`,
    );
  }
  for (
    const cmd of [
      "codex exec --full-auto 'run the tests'",
      "codex -s workspace-write exec x",
      "claude -p 'summarise' --permission-mode acceptEdits",
      "alias ll='ls -la'",
      "echo \"alias gs='git status'\" >> ~/.bash_aliases",
      "grep -rn dangerously-skip-permissions docs/",
    ]
  ) {
    assert.deepEqual(blocked(cmd), [], `${cmd}: ${fired(cmd)}`);
  }
});
