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
  installClaudeHooks,
  runClaude,
  writeClaudeSettings,
} from "./support/claude_cli.ts";
import { PRE_HOOK, REPO, tempHome } from "./support/hook_process.ts";

/** An AWS key id of the right shape (not the documented example). */
const CLOUD_KEY = "AKIAQ3ZJ7XK2M4N5P6RW";

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

Deno.test({
  name:
    "e2e claude (installer, CLAUDE_CONFIG_DIR): a secret prompt never reaches the API; the session context and a warning do",
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
        command: "rm -rf .git",
        description: "warned, harmless: the folder has no .git",
      },
    },
  ];
  const api = startClaudeApi(steps);
  try {
    await installClaudeHooks({
      repo: REPO,
      home: t.home,
      configDir,
      dataDir: t.dataDir,
    });
    const run = await runClaude({
      prompt: `deploy with ${CLOUD_KEY} and report back`,
      baseUrl: api.baseUrl,
      home: t.home,
      configDir,
      cwd: work,
      env: { AXONFLOW_HOME: t.dataDir },
    });
    assert.ok(
      !api.allText().includes(CLOUD_KEY),
      "the key never reached the API",
    );
    // Claude Code shows the user our reason (print mode: the result text).
    assert.match(
      String(run.json?.result ?? ""),
      /UserPromptSubmit operation blocked by hook:\s*AxonFlow stopped this prompt[^]*aws access key/,
      run.stdout.slice(0, 1000),
    );
    assert.equal(
      api.requests.filter((r) => Array.isArray(r.tools)).length,
      0,
      `no model turn for the stopped prompt; stdout ${
        run.stdout.slice(0, 500)
      }`,
    );

    const ok = await runClaude({
      prompt: "Run the scripted steps.",
      baseUrl: api.baseUrl,
      home: t.home,
      configDir,
      cwd: work,
      env: { AXONFLOW_HOME: t.dataDir },
    });
    const all = api.allText();
    assert.match(all, /AxonFlow governance is active/, ok.stderr.slice(-2000));
    const r = api.results().get(claudeToolUseId(0));
    assert.ok(r, `the warned call ran: ${ok.stderr.slice(-2000)}`);
    assert.match(
      r.after.join("\n"),
      /allowed this call with a warning: sys_dangerous_rm_git_dir/,
    );
  } finally {
    await api.close();
    await t.cleanup();
  }
});

Deno.test({
  name:
    "e2e claude: PermissionRequest approves an autoApprove command in the default permission mode; an unlisted one still needs the user",
  sanitizeResources: false,
  sanitizeOps: false,
}, async () => {
  const t = await tempHome();
  const work = `${t.home}/work`;
  const configDir = `${t.home}/claude-config`;
  await Deno.mkdir(work, { recursive: true });
  await Deno.mkdir(t.dataDir, { recursive: true });
  await Deno.writeTextFile(
    `${t.dataDir}/policies.json`,
    JSON.stringify({ autoApprove: [{ commandPrefix: "touch approved.txt" }] }),
  );
  const api = startClaudeApi([
    {
      tool: "Bash",
      input: { command: "touch approved.txt", description: "a" },
    },
    {
      tool: "Bash",
      input: { command: "touch unlisted.txt", description: "b" },
    },
  ]);
  try {
    await installClaudeHooks({
      repo: REPO,
      home: t.home,
      configDir,
      dataDir: t.dataDir,
    });
    const run = await runClaude({
      prompt: "Run the scripted steps.",
      baseUrl: api.baseUrl,
      home: t.home,
      configDir,
      cwd: work,
      env: { AXONFLOW_HOME: t.dataDir },
      skipPermissions: false,
    });
    assert.equal(api.results().size, 2, run.stderr.slice(-2000));
    assert.equal(await exists(`${work}/approved.txt`), true);
    assert.equal(await exists(`${work}/unlisted.txt`), false);
    const denials = JSON.stringify(run.json?.permission_denials ?? []);
    assert.match(denials, /touch unlisted\.txt/);
    assert.doesNotMatch(denials, /touch approved\.txt/);
  } finally {
    await api.close();
    await t.cleanup();
  }
});
