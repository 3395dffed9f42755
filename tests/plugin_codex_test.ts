/**
 * Installing through Codex's own plugin commands, with the real Codex CLI
 * (0.169.0): `codex plugin marketplace add <this repo>`, `codex plugin add
 * axonflow-governance@axonflow`, then `deno task install --plugin …` records
 * the trust of the plugin's hooks. A scripted model then asks for a
 * catastrophic command WITHOUT the hook-trust bypass flag: the plugin's hook
 * blocks it; the plugin's skills and MCP server reach the model.
 */
import assert from "node:assert/strict";
import { outputWithin } from "./support/child.ts";
import { auditPath, AuditStore } from "../governance/audit/store.ts";
import { callId, startModelServer, type Step } from "./support/model_server.ts";
import { denoDir, REPO, tempHome } from "./support/hook_process.ts";
import { outboundEnv } from "./support/env.ts";
import { CODEX, runPackageArgs } from "./support/test_packages.ts";
import { scriptedConfig } from "./support/codex_home.ts";
import {
  enabledPlugins,
  parsePluginSpec,
  pluginTrustEntries,
} from "../scripts/lib/plugin_trust.ts";

const MARKETPLACE = JSON.parse(
  Deno.readTextFileSync(`${REPO}/.agents/plugins/marketplace.json`),
);
const PLUGIN = `${MARKETPLACE.plugins[0].name}@${MARKETPLACE.name}`;

async function run(
  args: string[],
  env: Record<string, string>,
  cwd: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  // Never hang the suite: the child is killed once its time is up.
  const out = await outputWithin(
    new Deno.Command(Deno.execPath(), {
      args,
      env,
      clearEnv: true,
      cwd,
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
    }),
    180_000,
  );
  const dec = new TextDecoder();
  return {
    code: out.code,
    stdout: dec.decode(out.stdout),
    stderr: dec.decode(out.stderr),
  };
}

Deno.test("plugin trust: keys name the plugin, hashes are over the unexpanded command", async () => {
  const text = await Deno.readTextFile(`${REPO}/hooks/hooks.json`);
  const entries = pluginTrustEntries(text, parsePluginSpec(PLUGIN));
  const pre = entries.find((e) => e.event === "PreToolUse");
  assert.ok(pre);
  assert.equal(pre.key, `${PLUGIN}:hooks/hooks.json:pre_tool_use:0:0`);
  assert.ok(pre.command.includes("${PLUGIN_ROOT}"));
  assert.throws(
    () => parsePluginSpec("axonflow-governance"),
    /NAME@MARKETPLACE/,
  );
  assert.deepEqual(
    enabledPlugins(
      '[plugins."axonflow-governance@axonflow"]\nenabled = true\n[plugins."other@x"]\n',
      "axonflow-governance",
    ),
    ["axonflow-governance@axonflow"],
  );
});

Deno.test({
  name:
    "real Codex: marketplace add + plugin add + install --plugin: the plugin's hooks block without the trust bypass; skills and MCP load",
  sanitizeResources: false,
  sanitizeOps: false,
}, async () => {
  const t = await tempHome();
  const work = `${t.home}/work`;
  const codexHome = `${t.home}/.codex`;
  await Deno.mkdir(work, { recursive: true });
  await Deno.mkdir(codexHome, { recursive: true });
  const steps: Step[] = [
    {
      kind: "shell",
      command:
        "curl -s --max-time 2 http://169.254.169.254/latest/meta-data/ > meta.txt; echo fetched > fetched.txt",
    },
    { kind: "shell", command: "echo hello-from-plugin" },
    {
      kind: "function",
      name: "list_mcp_resources",
      arguments: { server: "axonflow" },
    },
  ];
  const model = startModelServer(steps);
  const env = {
    PATH: Deno.env.get("PATH") ?? "/usr/bin:/bin",
    HOME: t.home,
    CODEX_HOME: codexHome,
    AXONFLOW_HOME: t.dataDir,
    DENO_DIR: await denoDir(),
    NO_COLOR: "1",
    ...outboundEnv(),
  };
  try {
    // plugins stay enabled here (scriptedConfig turns them off)
    await Deno.writeTextFile(
      `${codexHome}/config.toml`,
      scriptedConfig(model.baseUrl).replace(
        "[features]\nplugins = false\n",
        "[features]\nplugins = true\n",
      ),
    );
    const codex = (...args: string[]) =>
      run([...runPackageArgs(CODEX), ...args], env, work);
    const mkt = await codex("plugin", "marketplace", "add", REPO);
    assert.equal(mkt.code, 0, mkt.stderr);
    const add = await codex("plugin", "add", PLUGIN);
    assert.equal(add.code, 0, add.stderr);
    const install = await run(
      [
        "run",
        "-A",
        `${REPO}/scripts/install.ts`,
        "--plugin",
        PLUGIN,
        "--yes",
      ],
      env,
      REPO,
    );
    assert.equal(install.code, 0, install.stderr);
    const config = await Deno.readTextFile(`${codexHome}/config.toml`);
    assert.ok(
      config.includes(
        `[hooks.state."${PLUGIN}:hooks/hooks.json:pre_tool_use:0:0"]`,
      ),
      config,
    );
    assert.ok(
      !config.includes("[mcp_servers.axonflow]"),
      "the plugin brings its MCP server",
    );
    const doctor = await run(
      ["run", "-A", `${REPO}/scripts/axonflow.ts`, "doctor"],
      env,
      REPO,
    );
    assert.equal(doctor.code, 0, doctor.stdout);
    assert.match(
      doctor.stdout,
      /plugin axonflow-governance@axonflow trust .*hook handlers of the installed plugin trusted/,
    );

    const exec = await codex(
      "exec",
      "--skip-git-repo-check",
      "-s",
      "danger-full-access",
      "-C",
      work,
      "--json",
      "Run the scripted steps.",
    );
    const results = model.results();
    assert.equal(
      results.size,
      steps.length,
      `codex exited ${exec.code}\n${exec.stderr.slice(-3000)}`,
    );
    assert.match(
      results.get(callId(0))?.output ?? "",
      /blocked by PreToolUse hook: AxonFlow policy sys_/,
    );
    assert.equal(
      await Deno.stat(`${work}/fetched.txt`).then(() => true, () => false),
      false,
      "the blocked command never ran",
    );
    assert.match(results.get(callId(1))?.output ?? "", /hello-from-plugin/);

    // skills and MCP tools of the plugin reach the model
    const all = JSON.stringify(model.requests);
    assert.ok(
      all.includes("axonflow-governance:pre-execute-check"),
      "the plugin's skills are listed to the model",
    );
    // the plugin's MCP server is up: it answers (it offers tools, no resources)
    const mcp = results.get(callId(2))?.output ?? "";
    assert.match(mcp, /for `axonflow`: Mcp error: -32601/, mcp);

    const store = AuditStore.open(auditPath(t.dataDir));
    try {
      assert.ok(
        store.search({ decision: "blocked", limit: 10 }).entries.length >= 1,
      );
    } finally {
      store.close();
    }
  } finally {
    await model.close();
    await t.cleanup();
  }
});
