/**
 * End-to-end: the real Claude Code CLI (npm:@anthropic-ai/claude-code,
 * pinned) in print mode against a scripted Anthropic API on loopback, with
 * our hooks in a temporary CLAUDE_CONFIG_DIR. No internet needed once Deno's
 * cache holds the package (the first run downloads it from npm).
 */
import assert from "node:assert/strict";
import { hookCommand } from "../governance/permissions.ts";
import {
  type ClaudeStep,
  claudeToolUseId,
  startClaudeApi,
} from "./support/claude_api.ts";
import {
  hookSettings,
  runClaude,
  writeClaudeSettings,
} from "./support/claude_cli.ts";
import { PRE_HOOK, tempHome } from "./support/hook_process.ts";

function command(script: string, dataDir: string): string {
  return hookCommand({ script, dataDir, deno: Deno.execPath() });
}

Deno.test({
  name:
    "e2e claude: a catastrophic Bash call is denied with our reason and does not run; a benign one runs",
  sanitizeResources: false,
  sanitizeOps: false,
}, async () => {
  const t = await tempHome();
  const work = `${t.home}/work`;
  const configDir = `${t.home}/claude-config`;
  await Deno.mkdir(work, { recursive: true });
  const steps: ClaudeStep[] = [
    {
      tool: "Bash",
      input: {
        command: `cat ${t.home}/.ssh/id_rsa > leaked.txt`,
        description: "copy the key",
      },
    },
    {
      tool: "Bash",
      input: { command: "echo benign-ran > ok.txt", description: "benign" },
    },
  ];
  const api = startClaudeApi(steps);
  try {
    await writeClaudeSettings(
      configDir,
      hookSettings({ PreToolUse: PRE_HOOK }, t.dataDir, command),
    );
    const run = await runClaude({
      prompt: "Run the scripted steps.",
      baseUrl: api.baseUrl,
      home: t.home,
      configDir,
      cwd: work,
      env: { AXONFLOW_HOME: t.dataDir },
    });
    const results = api.results();
    assert.equal(
      results.size,
      steps.length,
      `claude exited ${run.code}; results ${results.size}\n${
        run.stderr.slice(-2000)
      }`,
    );
    const denied = results.get(claudeToolUseId(0));
    assert.ok(denied);
    assert.equal(denied.isError, true);
    assert.match(
      denied.text,
      /AxonFlow policy sys_dangerous_ssh_private_key_read/,
    );
    assert.ok(!api.allText().includes("FAKEKEYFORTESTS"));
    assert.equal(await exists(`${work}/leaked.txt`), false);
    assert.equal(
      (await Deno.readTextFile(`${work}/ok.txt`)).trim(),
      "benign-ran",
    );
  } finally {
    await api.close();
    await t.cleanup();
  }
});

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.lstat(path);
    return true;
  } catch {
    return false;
  }
}
