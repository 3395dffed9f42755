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
