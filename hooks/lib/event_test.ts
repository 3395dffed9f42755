import assert from "node:assert/strict";
import { parseSessionEvent } from "./event.ts";
import {
  permissionAllowOutput,
  permissionDenyOutput,
  preWarnOutput,
  promptBlockOutput,
  sessionStartOutput,
} from "./event_output.ts";
import {
  sessionContext,
  type SessionFacts,
  sessionWarning,
} from "./session.ts";
import { warningTexts } from "./warnings.ts";
import { loadScanner } from "./scanner.ts";

Deno.test("parseSessionEvent: Codex and Claude Code events, bad input never throws", () => {
  const codex = parseSessionEvent(
    JSON.stringify({
      session_id: "s",
      turn_id: "t",
      hook_event_name: "UserPromptSubmit",
      prompt: "hi",
    }),
  );
  assert.equal(codex.kind, "event");
  if (codex.kind === "event") {
    assert.equal(codex.event.agent, "codex");
    assert.equal(codex.event.prompt, "hi");
  }
  const claude = parseSessionEvent(
    JSON.stringify({
      session_id: "s",
      hook_event_name: "UserPromptSubmit",
      prompt: "hi",
      prompt_id: "p",
    }),
  );
  assert.equal(claude.kind === "event" && claude.event.agent, "claude-code");
  assert.equal(parseSessionEvent("  ").kind, "empty");
  for (const bad of ["{", "[]", "null", "7", "\u0000\u0001"]) {
    assert.equal(parseSessionEvent(bad).kind, "malformed", bad);
  }
});

Deno.test("event outputs: exact shapes, never an empty reason", () => {
  assert.deepEqual(JSON.parse(sessionStartOutput("c")), {
    hookSpecificOutput: {
      hookEventName: "SessionStart",
      additionalContext: "c",
    },
  });
  assert.deepEqual(Object.keys(JSON.parse(sessionStartOutput("c", "w"))), [
    "hookSpecificOutput",
    "systemMessage",
  ]);
  assert.deepEqual(JSON.parse(promptBlockOutput(" ")), {
    decision: "block",
    reason: "Blocked by AxonFlow governance.",
  });
  assert.deepEqual(JSON.parse(permissionAllowOutput()), {
    hookSpecificOutput: {
      hookEventName: "PermissionRequest",
      decision: { behavior: "allow" },
    },
  });
  assert.equal(
    JSON.parse(permissionDenyOutput("")).hookSpecificOutput.decision.message,
    "Denied by AxonFlow governance.",
  );
  const warn = JSON.parse(preWarnOutput("m", "u"));
  assert.deepEqual(warn, {
    hookSpecificOutput: { hookEventName: "PreToolUse", additionalContext: "m" },
    systemMessage: "u",
  });
});

const FACTS: SessionFacts = {
  version: "0.1.0",
  bundle: "/p/hooks/dist/session_start.js",
  dataDir: "/d",
  profile: "standard",
  policyFile: "/d/policies.json",
  policyState: "absent",
  customCount: 0,
  disabledCount: 0,
  autoApproveCount: 0,
  faults: [],
};

Deno.test("sessionContext: remote mode and faults are stated; no fault, no user warning", () => {
  assert.match(sessionContext(FACTS), /Mode: embedded/);
  assert.equal(sessionWarning(FACTS), undefined);
  const remote = { ...FACTS, endpoint: "https://ax.example" };
  assert.match(sessionContext(remote), /Mode: remote: .*https:\/\/ax\.example/);
  const broken = {
    ...FACTS,
    policyState: "present" as const,
    faults: ["/d/policies.json line 4: not valid JSON"],
  };
  assert.match(
    sessionContext(broken),
    /GOVERNANCE FAULT: \/d\/policies\.json line 4/,
  );
  assert.match(sessionWarning(broken) ?? "", /line 4/);
});

Deno.test("warningTexts: names each policy and never repeats a secret from the command", async () => {
  // The hook loads the scanner before it warns (see scanner.ts).
  await loadScanner();
  const w = warningTexts(
    [{
      policyId: "sys_x",
      policyName: "X",
      category: "dangerous",
      severity: "medium",
      action: "warn",
      reason: "it is risky",
      suggestion: "do y",
    }],
    "deploy --token ghp_R8mK2pQ7sT1uW3xY5zA9bC6dE0fG2hJ4kL7n",
  );
  assert.match(w.model, /sys_x \(X, medium\): it is risky\. Safer: do y\./);
  assert.match(w.user, /AxonFlow warning \(sys_x\)/);
  assert.ok(!w.user.includes("ghp_R8mK"));
});
