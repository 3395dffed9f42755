/**
 * The installer through real processes: a Codex home that already holds
 * another tool's hooks, other MCP servers and comments; install twice; dry
 * run; uninstall back to the original bytes; Claude Code likewise; and the
 * real Codex CLI running the hooks whose trust the installer wrote.
 */
import assert from "node:assert/strict";
import { CODEX, runPackageArgs } from "./support/test_packages.ts";
import { trustHash } from "../scripts/lib/trust.ts";
import {
  simpleValues,
  tablesAt,
  trustedHashes,
} from "../scripts/lib/toml_edit.ts";
import { auditPath, AuditStore } from "../governance/audit/store.ts";

const ROOT = new URL("..", import.meta.url).pathname.replace(/\/$/, "");
const INSTALL = `${ROOT}/scripts/install.ts`;

const ORIGINAL_CONFIG = `# my Codex settings — keep this comment
model = "o3"   # the model I like
approval_policy = "on-request"

[mcp_servers.github]
command = "npx"
args = [ "-y", "@modelcontextprotocol/server-github" ]  # spacing kept

  # indented comment between tables
[mcp_servers.github.env]
GITHUB_TOKEN_ENV = "GH"

[hooks.state."/elsewhere/hooks.json:pre_tool_use:0:0"]
trusted_hash = "sha256:0000"
`;

const ORIGINAL_HOOKS = `{
    "hooks": {
        "PreToolUse": [
            {
                "matcher": "Bash",
                "hooks": [ { "type": "command", "command": "/opt/other-tool/check.sh", "timeout": 5 } ]
            }
        ],
        "Stop": [ { "hooks": [ { "type": "command", "command": "notify-send done" } ] } ]
    }
}
`;

const ORIGINAL_CLAUDE = `{
  "model": "opus",
  "permissions": { "allow": ["Bash(git status)"] },
  "hooks": {
    "PostToolUse": [
      { "matcher": "Write", "hooks": [{ "type": "command", "command": "prettier --write" }] }
    ]
  }
}
`;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function install(
  env: Record<string, string>,
  ...args: string[]
): Promise<Run> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", INSTALL, "--skip-cache", ...args],
    env,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const dec = new TextDecoder();
  return {
    code: out.code,
    stdout: dec.decode(out.stdout),
    stderr: dec.decode(out.stderr),
  };
}

async function setup(): Promise<{ dir: string; env: Record<string, string> }> {
  const dir = await Deno.makeTempDir({ prefix: "axf-install-" });
  await Deno.mkdir(`${dir}/codex`);
  await Deno.mkdir(`${dir}/home`);
  await Deno.writeTextFile(`${dir}/codex/config.toml`, ORIGINAL_CONFIG);
  await Deno.writeTextFile(`${dir}/codex/hooks.json`, ORIGINAL_HOOKS);
  return {
    dir,
    env: {
      CODEX_HOME: `${dir}/codex`,
      AXONFLOW_HOME: `${dir}/data`,
      HOME: `${dir}/home`,
      AXONFLOW_ENDPOINT: "",
    },
  };
}

async function listDir(path: string): Promise<string[]> {
  const out: string[] = [];
  for await (const e of Deno.readDir(path)) out.push(e.name);
  return out.sort();
}

Deno.test("install into a populated Codex home, twice, then uninstall restores the bytes", async () => {
  const { dir, env } = await setup();
  const first = await install(env);
  assert.equal(first.code, 0, first.stderr);
  assert.match(
    first.stdout,
    /Mode: embedded \(decisions and audit stay on this machine: .*\/data\)/,
  );
  assert.equal(
    first.stdout.split("\n").filter((l) => l.startsWith("Mode: ")).length,
    1,
  );

  const config = await Deno.readTextFile(`${dir}/codex/config.toml`);
  const hooksText = await Deno.readTextFile(`${dir}/codex/hooks.json`);
  assert.ok(
    config.startsWith(ORIGINAL_CONFIG),
    "other tables, comments and formatting kept byte for byte",
  );
  assert.match(config, /\n\[mcp_servers\.axonflow\]\ncommand = ".*deno"/);
  assert.ok(config.includes(`${ROOT}/mcp/stdio.ts`));

  const hooks = JSON.parse(hooksText).hooks;
  assert.equal(
    hooks.PreToolUse.length,
    2,
    "the other tool's group is kept, ours appended",
  );
  assert.equal(
    hooks.PreToolUse[0].hooks[0].command,
    "/opt/other-tool/check.sh",
  );
  assert.equal(hooks.Stop.length, 1);
  const pre = hooks.PreToolUse[1].hooks[0];
  assert.ok(
    pre.command.endsWith(`${ROOT}/hooks/dist/pre_tool_use.js`),
    pre.command,
  );
  assert.ok(
    pre.command.includes(`--allow-read=${dir}/data --allow-write=${dir}/data`),
  );
  assert.ok(
    !pre.command.includes("--allow-net"),
    "embedded mode: no network permission",
  );
  assert.ok(!/--allow-all|-A /.test(pre.command));

  // trust: exactly our handlers, with hashes recomputed from the file Codex reads
  const trust = trustedHashes(config);
  const preKey = `${dir}/codex/hooks.json:pre_tool_use:1:0`;
  const postKey = `${dir}/codex/hooks.json:post_tool_use:0:0`;
  assert.equal(
    trust.get(preKey),
    trustHash("PreToolUse", hooks.PreToolUse[1].matcher, pre),
  );
  assert.equal(
    trust.get(postKey),
    trustHash(
      "PostToolUse",
      hooks.PostToolUse[0].matcher,
      hooks.PostToolUse[0].hooks[0],
    ),
  );
  assert.equal(
    trust.get("/elsewhere/hooks.json:pre_tool_use:0:0"),
    "sha256:0000",
  );
  // five events of ours (one handler each) plus the unrelated entry kept
  assert.equal(trust.size, 6);
  assert.ok(first.stdout.includes(preKey), "the output says what was trusted");

  const filesAfterFirst = await listDir(`${dir}/codex`);
  assert.equal(
    filesAfterFirst.filter((f) => f.includes(".axonflow-backup-")).length,
    2,
  );

  // second run: nothing to change, files untouched, no new backup
  const statBefore = await Deno.stat(`${dir}/codex/config.toml`);
  const second = await install(env);
  assert.equal(second.code, 0, second.stderr);
  assert.match(second.stdout, /Nothing to change/);
  assert.equal(await Deno.readTextFile(`${dir}/codex/config.toml`), config);
  assert.equal(await Deno.readTextFile(`${dir}/codex/hooks.json`), hooksText);
  assert.deepEqual(await listDir(`${dir}/codex`), filesAfterFirst);
  assert.equal(
    (await Deno.stat(`${dir}/codex/config.toml`)).mtime?.getTime(),
    statBefore.mtime?.getTime(),
  );

  const un = await install(env, "--uninstall");
  assert.equal(un.code, 0, un.stderr);
  assert.equal(
    await Deno.readTextFile(`${dir}/codex/config.toml`),
    ORIGINAL_CONFIG,
  );
  assert.equal(
    await Deno.readTextFile(`${dir}/codex/hooks.json`),
    ORIGINAL_HOOKS,
  );
  const again = await install(env, "--uninstall");
  assert.match(again.stdout, /Nothing to change/);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("--dry-run prints a unified diff and writes nothing", async () => {
  const { dir, env } = await setup();
  const before = await listDir(`${dir}/codex`);
  const r = await install(env, "--dry-run");
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^--- .*config\.toml\n\+\+\+ .*config\.toml\n@@ /m);
  assert.match(r.stdout, /^\+\[mcp_servers\.axonflow\]$/m);
  assert.match(r.stdout, /^\+# >>> axonflow-governance/m);
  assert.deepEqual(await listDir(`${dir}/codex`), before);
  assert.equal(
    await Deno.readTextFile(`${dir}/codex/config.toml`),
    ORIGINAL_CONFIG,
  );
  assert.equal(
    await Deno.readTextFile(`${dir}/codex/hooks.json`),
    ORIGINAL_HOOKS,
  );
  await assert.rejects(() => Deno.stat(`${dir}/data`));
  await Deno.remove(dir, { recursive: true });
});

Deno.test("a fresh Codex home: files created, then removed by uninstall", async () => {
  const dir = await Deno.makeTempDir({ prefix: "axf-install-" });
  const env = {
    CODEX_HOME: `${dir}/codex`,
    AXONFLOW_HOME: `${dir}/data`,
    HOME: dir,
    AXONFLOW_ENDPOINT: "",
  };
  const r = await install(env, "--json");
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.changed, true);
  assert.equal(doc.trusted.length, 5, "one trust entry per event");
  assert.match(doc.mode, /^Mode: embedded/);
  assert.deepEqual(
    Object.keys(JSON.parse(await Deno.readTextFile(`${dir}/codex/hooks.json`))),
    ["hooks"],
  );
  const un = await install(env, "--uninstall", "--json");
  assert.equal(un.code, 0, un.stderr);
  const left = await listDir(`${dir}/codex`);
  assert.ok(
    !left.includes("hooks.json") && !left.includes("config.toml"),
    left.join(","),
  );
  await Deno.remove(dir, { recursive: true });
});

Deno.test("an endpoint adds --allow-net for its host:port only and says remote mode; switching back replaces it", async () => {
  const { dir, env } = await setup();
  const r = await install(env, "--endpoint", "http://127.0.0.1:18080");
  assert.equal(r.code, 0, r.stderr);
  assert.match(
    r.stdout,
    /^Mode: remote AxonFlow endpoint http:\/\/127\.0\.0\.1:18080$/m,
  );
  let hooks =
    JSON.parse(await Deno.readTextFile(`${dir}/codex/hooks.json`)).hooks;
  assert.ok(
    hooks.PreToolUse[1].hooks[0].command.includes(
      "--allow-net=127.0.0.1:18080 ",
    ),
  );
  assert.ok(hooks.PreToolUse[1].hooks[0].command.startsWith("AXONFLOW_HOME="));
  assert.ok(
    hooks.PreToolUse[1].hooks[0].command.includes(
      "AXONFLOW_ENDPOINT=http://127.0.0.1:18080 ",
    ),
  );
  const back = await install(env);
  assert.equal(back.code, 0, back.stderr);
  hooks = JSON.parse(await Deno.readTextFile(`${dir}/codex/hooks.json`)).hooks;
  assert.equal(hooks.PreToolUse.length, 2, "replaced, not added twice");
  assert.ok(!hooks.PreToolUse[1].hooks[0].command.includes("--allow-net"));
  const config = await Deno.readTextFile(`${dir}/codex/config.toml`);
  assert.equal(config.split("[mcp_servers.axonflow]").length, 2);
  assert.equal(trustedHashes(config).size, 6);
  await install(env, "--uninstall");
  assert.equal(
    await Deno.readTextFile(`${dir}/codex/config.toml`),
    ORIGINAL_CONFIG,
  );
  assert.equal(
    await Deno.readTextFile(`${dir}/codex/hooks.json`),
    ORIGINAL_HOOKS,
  );
  await Deno.remove(dir, { recursive: true });
});

Deno.test("an existing [mcp_servers.axonflow] (e.g. the reference plugin's) is set aside and restored", async () => {
  const { dir, env } = await setup();
  const original = ORIGINAL_CONFIG +
    '\n[mcp_servers.axonflow]\ncommand = "bash"\nargs = ["old.sh"]';
  await Deno.writeTextFile(`${dir}/codex/config.toml`, original);
  assert.equal((await install(env)).code, 0);
  const config = await Deno.readTextFile(`${dir}/codex/config.toml`);
  assert.ok(
    config.includes(
      '#axonflow-disabled# [mcp_servers.axonflow]\n#axonflow-disabled# command = "bash"',
    ),
  );
  assert.equal(config.split("\n[mcp_servers.axonflow]\n").length, 2);
  await install(env, "--uninstall");
  assert.equal(await Deno.readTextFile(`${dir}/codex/config.toml`), original);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("Claude Code: settings.json merged and restored byte for byte", async () => {
  const dir = await Deno.makeTempDir({ prefix: "axf-claude-" });
  await Deno.mkdir(`${dir}/claude`);
  await Deno.writeTextFile(`${dir}/claude/settings.json`, ORIGINAL_CLAUDE);
  const env = {
    HOME: dir,
    AXONFLOW_HOME: `${dir}/data`,
    AXONFLOW_ENDPOINT: "",
  };
  const args = ["--agent", "claude-code", "--claude-home", `${dir}/claude`];
  const r = await install(env, ...args);
  assert.equal(r.code, 0, r.stderr);
  const s = JSON.parse(await Deno.readTextFile(`${dir}/claude/settings.json`));
  assert.equal(s.model, "opus");
  assert.deepEqual(s.permissions, { allow: ["Bash(git status)"] });
  assert.equal(s.hooks.PostToolUse.length, 2);
  assert.equal(s.hooks.PostToolUse[0].hooks[0].command, "prettier --write");
  assert.equal(
    s.hooks.PreToolUse[0].matcher,
    "^(Bash|Write|Edit|MultiEdit|NotebookEdit|Read|WebFetch|mcp__.+)$",
  );
  assert.ok(
    s.hooks.PreToolUse[0].hooks[0].command.endsWith(
      "/hooks/dist/pre_tool_use.js",
    ),
  );
  const text = await Deno.readTextFile(`${dir}/claude/settings.json`);
  assert.match((await install(env, ...args)).stdout, /Nothing to change/);
  assert.equal(await Deno.readTextFile(`${dir}/claude/settings.json`), text);
  await install(env, ...args, "--uninstall");
  assert.equal(
    await Deno.readTextFile(`${dir}/claude/settings.json`),
    ORIGINAL_CLAUDE,
  );
  await Deno.remove(dir, { recursive: true });
});

Deno.test("bad flags and unreadable files fail with a clear message and change nothing", async () => {
  const { dir, env } = await setup();
  const bad = await install(env, "--agent", "vim");
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--agent must be codex or claude-code/);
  await Deno.writeTextFile(`${dir}/codex/hooks.json`, "{ not json");
  const broken = await install(env);
  assert.equal(broken.code, 1);
  assert.match(broken.stderr, /hooks\.json is not valid JSON/);
  assert.equal(
    await Deno.readTextFile(`${dir}/codex/config.toml`),
    ORIGINAL_CONFIG,
  );
  const help = await install(env, "--help");
  assert.match(help.stdout, /--dry-run/);
  await Deno.remove(dir, { recursive: true });
});

// ---------------------------------------------------------------------------
// The real Codex CLI runs the hooks whose trust the installer wrote.

/** A scripted Responses-API "model": asks for each command in turn, then answers "done". */
function scriptedModel(
  commands: string[],
): { server: Deno.HttpServer<Deno.NetAddr>; outputs: Map<string, string> } {
  const outputs = new Map<string, string>();
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    async (req) => {
      const body = await req.json().catch(() => ({}));
      const input: { type?: string; call_id?: string; output?: unknown }[] =
        Array.isArray(body.input) ? body.input : [];
      for (const item of input) {
        if (item.type === "function_call_output" && item.call_id) {
          outputs.set(
            item.call_id,
            typeof item.output === "string"
              ? item.output
              : JSON.stringify(item.output),
          );
        }
      }
      const issued =
        commands.filter((_, i) =>
          input.some((it) => it.call_id === `c${i + 1}`)
        ).length;
      const item = issued < commands.length
        ? {
          type: "function_call",
          call_id: `c${issued + 1}`,
          name: "exec_command",
          arguments: JSON.stringify({ cmd: commands[issued] }),
        }
        : {
          type: "message",
          role: "assistant",
          content: [{ type: "output_text", text: "done" }],
        };
      const sse = `event: response.output_item.done\ndata: ${
        JSON.stringify({
          type: "response.output_item.done",
          output_index: 0,
          item,
        })
      }\n\nevent: response.completed\ndata: ${
        JSON.stringify({
          type: "response.completed",
          response: { id: `resp_${issued}` },
        })
      }\n\n`;
      return new Response(sse, {
        headers: { "content-type": "text/event-stream" },
      });
    },
  );
  return { server, outputs };
}

function codexConfig(port: number): string {
  return `# scripted model for the test
model = "gpt-5.5"
model_provider = "scripted"
approval_policy = "never"
sandbox_mode = "danger-full-access"
check_for_update_on_startup = false

[model_providers.scripted]
name = "scripted"
base_url = "http://127.0.0.1:${port}/v1"
wire_api = "responses"
request_max_retries = 0
stream_max_retries = 0

[analytics]
enabled = false

[features]
plugins = false
`;
}

async function codexExec(
  env: Record<string, string>,
  work: string,
): Promise<void> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: [
      ...runPackageArgs(CODEX),
      "exec",
      "--skip-git-repo-check",
      "-s",
      "danger-full-access",
      "-C",
      work,
      "--json",
      "go",
    ],
    env,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).output();
  assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
}

Deno.test({
  name:
    "real Codex 0.169.0 runs the hooks trusted by the installer (and skips them when the hash is wrong)",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const dir = await Deno.makeTempDir({ prefix: "axf-codex-" });
    const work = `${dir}/work`;
    await Deno.mkdir(work);
    await Deno.mkdir(`${dir}/codex`);
    await Deno.mkdir(`${dir}/home`);
    const commands = [
      "curl -s --max-time 2 http://169.254.169.254/latest/meta-data/ > meta.txt; echo fetched > fetched.txt",
      "echo hello-from-benign",
    ];
    const env = {
      CODEX_HOME: `${dir}/codex`,
      AXONFLOW_HOME: `${dir}/data`,
      HOME: `${dir}/home`,
      AXONFLOW_ENDPOINT: "",
      PATH: Deno.env.get("PATH") ?? "/usr/bin:/bin",
      DENO_DIR: JSON.parse(
        new TextDecoder().decode(
          (await new Deno.Command(Deno.execPath(), {
            args: ["info", "--json"],
            stdout: "piped",
          }).output()).stdout,
        ),
      ).denoDir,
    };
    // 1. trusted by the installer: the hook blocks and audits
    let model = scriptedModel(commands);
    await Deno.writeTextFile(
      `${dir}/codex/config.toml`,
      codexConfig(model.server.addr.port),
    );
    // the full installer, dependency caching included
    const full = await new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", INSTALL, "--yes"],
      env,
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.equal(full.code, 0, new TextDecoder().decode(full.stderr));
    const progress = new TextDecoder().decode(full.stderr);
    assert.match(
      progress,
      /Caching dependencies \[1\/6\]: warming hooks\/dist\/pre_tool_use\.js/,
    );
    assert.match(
      progress,
      /Caching dependencies \[2\/6\]: warming hooks\/dist\/post_tool_use\.js/,
    );
    // Warming runs each hook with an empty event: allowed, nothing recorded.
    assert.throws(() => Deno.statSync(`${env.AXONFLOW_HOME}/audit.db`));
    await codexExec(env, work);
    await model.server.shutdown();
    const blocked = model.outputs.get("c1") ?? "";
    assert.match(
      blocked,
      /Command blocked by PreToolUse hook: .*sys_/s,
      blocked,
    );
    await assert.rejects(
      () => Deno.stat(`${work}/fetched.txt`),
      "the blocked command never ran",
    );
    assert.match(model.outputs.get("c2") ?? "", /hello-from-benign/);
    const store = AuditStore.open(auditPath(`${dir}/data`));
    const rows = store.search({ limit: 100 });
    store.close();
    assert.ok(
      rows.entries.some((e) => e.decision === "blocked"),
      "the block was audited",
    );
    assert.ok(
      rows.entries.some((e) => e.inputSummary.includes("hello-from-benign")),
      "the benign call was audited",
    );

    // 2. same files, wrong hash: Codex skips the hooks silently (so the trust entries are what made them run)
    model = scriptedModel(commands);
    const config = await Deno.readTextFile(`${dir}/codex/config.toml`);
    await Deno.writeTextFile(
      `${dir}/codex/config.toml`,
      config.replace(
        /base_url = "[^"]*"/,
        `base_url = "http://127.0.0.1:${model.server.addr.port}/v1"`,
      )
        .replaceAll(
          /trusted_hash = "sha256:[0-9a-f]{64}"/g,
          `trusted_hash = "sha256:${"0".repeat(64)}"`,
        ),
    );
    await codexExec(env, work);
    await model.server.shutdown();
    assert.ok(
      !/blocked by PreToolUse hook/.test(model.outputs.get("c1") ?? ""),
    );
    await Deno.stat(`${work}/fetched.txt`);
    await Deno.remove(dir, { recursive: true });
  },
});

Deno.test("the MCP server entry written to config.toml starts with its tight flags and lists the tools", async () => {
  const { dir, env } = await setup();
  assert.equal((await install(env)).code, 0);
  const config = await Deno.readTextFile(`${dir}/codex/config.toml`);
  const table = tablesAt(config, ["mcp_servers", "axonflow"])[0];
  const values = simpleValues(config, table);
  const args: string[] = JSON.parse(values.args);
  assert.ok(
    !args.includes("-A") &&
      !args.some((a) => a.startsWith("--allow-net") || a === "--allow-all"),
  );
  const child = new Deno.Command(values.command, {
    args,
    // HOME and DENO_DIR as the user has them, so Deno finds its cache (Codex passes HOME to MCP servers)
    env: {
      AXONFLOW_HOME: `${dir}/data`,
      HOME: Deno.env.get("HOME") ?? "/",
      ...(Deno.env.get("DENO_DIR")
        ? { DENO_DIR: Deno.env.get("DENO_DIR")! }
        : {}),
    },
    clearEnv: true,
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  await Deno.mkdir(`${dir}/data`, { recursive: true });
  const w = child.stdin.getWriter();
  const send = (msg: unknown) =>
    w.write(new TextEncoder().encode(JSON.stringify(msg) + "\n"));
  await send({
    jsonrpc: "2.0",
    id: 1,
    method: "initialize",
    params: {
      protocolVersion: "2025-06-18",
      capabilities: {},
      clientInfo: { name: "t", version: "1" },
    },
  });
  await send({ jsonrpc: "2.0", method: "notifications/initialized" });
  await send({ jsonrpc: "2.0", id: 2, method: "tools/list" });
  const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  let buf = "";
  let tools: { name: string }[] | undefined;
  while (!tools) {
    const { value, done } = await reader.read();
    if (done) break;
    buf += value;
    for (const line of buf.split("\n")) {
      try {
        const msg = JSON.parse(line);
        if (msg.id === 2) tools = msg.result?.tools;
      } catch { /* partial line */ }
    }
  }
  await w.close();
  await reader.cancel();
  child.kill();
  const status = await child.status;
  const names = (tools ?? []).map((t) => t.name);
  for (
    const n of [
      "check_policy",
      "check_output",
      "audit_tool_call",
      "list_policies",
    ]
  ) {
    assert.ok(
      names.includes(n),
      `${n} in ${names.join(",")} (exit ${status.code})`,
    );
  }
  await child.stderr.cancel();
  await Deno.remove(dir, { recursive: true });
});

Deno.test("Claude Code: CLAUDE_CONFIG_DIR is honoured; every event registered; the matcher names each tool exactly", async () => {
  const dir = await Deno.makeTempDir({ prefix: "axf-claude-dir-" });
  const env = {
    HOME: `${dir}/home`,
    CLAUDE_CONFIG_DIR: `${dir}/elsewhere`,
    AXONFLOW_HOME: `${dir}/data`,
    AXONFLOW_ENDPOINT: "",
  };
  await Deno.mkdir(env.HOME);
  const r = await install(env, "--agent", "claude-code");
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /elsewhere\/settings\.json/);
  assert.throws(() => Deno.statSync(`${env.HOME}/.claude/settings.json`));
  const s = JSON.parse(
    await Deno.readTextFile(`${env.CLAUDE_CONFIG_DIR}/settings.json`),
  );
  assert.deepEqual(Object.keys(s.hooks).sort(), [
    "PermissionRequest",
    "PostToolUse",
    "PostToolUseFailure",
    "PreToolUse",
    "SessionStart",
    "UserPromptSubmit",
  ]);
  // A failed call's output goes to the same hook (it warns and audits).
  assert.equal(s.hooks.PostToolUseFailure[0].matcher, "*");
  assert.ok(
    s.hooks.PostToolUseFailure[0].hooks[0].command.endsWith(
      "/hooks/dist/post_tool_use.js",
    ),
  );
  for (const event of ["SessionStart", "UserPromptSubmit"]) {
    assert.equal(s.hooks[event][0].matcher, undefined, event);
  }
  const scripts: Record<string, string> = {
    PreToolUse: "pre_tool_use",
    PostToolUse: "post_tool_use",
    SessionStart: "session_start",
    UserPromptSubmit: "user_prompt_submit",
    PermissionRequest: "permission_request",
  };
  for (const [event, script] of Object.entries(scripts)) {
    assert.ok(
      s.hooks[event][0].hooks[0].command.endsWith(`/hooks/dist/${script}.js`),
      event,
    );
  }
  // Every tool's output reaches the model: PostToolUse matches them all.
  assert.equal(s.hooks.PostToolUse[0].matcher, "*");
  for (const event of ["PreToolUse", "PermissionRequest"]) {
    const re = new RegExp(s.hooks[event][0].matcher);
    for (
      const tool of [
        "Bash",
        "Write",
        "Edit",
        "MultiEdit",
        "NotebookEdit",
        "Read",
        "WebFetch",
        "mcp__github__create_issue",
      ]
    ) assert.ok(re.test(tool), `${event} covers ${tool}`);
    for (
      const tool of ["BashOutput", "TodoWrite", "xmcp__a", "mcp__", "Glob"]
    ) {
      assert.ok(!re.test(tool), `${event} skips ${tool}`);
    }
  }
  // README's matcher is the installer's.
  const readme = await Deno.readTextFile(
    new URL("../README.md", import.meta.url),
  );
  assert.ok(readme.includes(s.hooks.PreToolUse[0].matcher));
  await Deno.remove(dir, { recursive: true });
});
