/**
 * A temporary CODEX_HOME for the end-to-end test: the scripted model provider
 * (see the Codex notes: no network, no update check, plugins off) and our
 * hooks in `<codexHome>/hooks.json`.
 *
 * @module
 */

import { hookCommand } from "../../governance/permissions.ts";
import { POST_HOOK, PRE_HOOK, REPO } from "./hook_process.ts";
import { outboundEnv } from "./env.ts";

/** Options of {@link prepareCodexHome}. */
export interface CodexHomeOptions {
  codexHome: string;
  dataDir: string;
  modelBaseUrl: string;
  /** HOME for the installer run. */
  home: string;
  /** Deno's cache directory for the installer run. */
  denoDir: string;
  /**
   * `installer` (default): the project's installer writes hooks.json and the
   * hook trust into config.toml. `direct`: hooks.json written here, and Codex
   * must be started with --dangerously-bypass-hook-trust.
   */
  via?: "installer" | "direct";
  /** TOML appended to config.toml before the hooks are installed (an MCP server...). */
  extraConfig?: string;
}

/** The config.toml of a scripted-model Codex session. */
export function scriptedConfig(modelBaseUrl: string): string {
  return `model = "gpt-5.5"
model_provider = "scripted"
approval_policy = "never"
sandbox_mode = "danger-full-access"
check_for_update_on_startup = false

[model_providers.scripted]
name = "scripted"
base_url = ${JSON.stringify(modelBaseUrl)}
wire_api = "responses"
request_max_retries = 0
stream_max_retries = 0

[analytics]
enabled = false

[features]
plugins = false
`;
}

/** The matcher of an event in the plugin's own hooks.json (so the e2e test proves it fires). */
export async function pluginMatcher(
  event: "PreToolUse" | "PostToolUse" = "PreToolUse",
): Promise<string> {
  const doc = JSON.parse(await Deno.readTextFile(`${REPO}/hooks/hooks.json`));
  return doc.hooks[event][0].matcher;
}

/**
 * Write config.toml, then install our hooks into `codexHome` (with the
 * project's installer by default). Returns whether Codex must be started with
 * the hook-trust bypass flag.
 */
export async function prepareCodexHome(
  opts: CodexHomeOptions,
): Promise<{ bypassTrust: boolean }> {
  await Deno.mkdir(opts.codexHome, { recursive: true });
  await Deno.writeTextFile(
    `${opts.codexHome}/config.toml`,
    scriptedConfig(opts.modelBaseUrl) + (opts.extraConfig ?? ""),
  );
  if ((opts.via ?? "installer") === "direct") {
    await writeHooksDirect(opts);
    return { bypassTrust: true };
  }
  const out = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "-A",
      `${REPO}/scripts/install.ts`,
      "--codex-home",
      opts.codexHome,
      "--yes",
      "--skip-cache",
    ],
    env: {
      HOME: opts.home,
      AXONFLOW_HOME: opts.dataDir,
      DENO_DIR: opts.denoDir,
      PATH: Deno.env.get("PATH") ?? "/usr/bin:/bin",
      ...outboundEnv(),
    },
    clearEnv: true,
    cwd: REPO,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).output();
  const dec = new TextDecoder();
  if (out.code !== 0) {
    throw new Error(
      `installer failed (${out.code}):\n${dec.decode(out.stdout)}\n${
        dec.decode(out.stderr)
      }`,
    );
  }
  return { bypassTrust: false };
}

/** hooks.json written directly with absolute paths (no trust recorded: needs the bypass flag). */
async function writeHooksDirect(opts: CodexHomeOptions): Promise<void> {
  const group = async (script: string) => [{
    matcher: await pluginMatcher(
      script === POST_HOOK ? "PostToolUse" : "PreToolUse",
    ),
    hooks: [{
      type: "command",
      command: hookCommand({
        script,
        dataDir: opts.dataDir,
        deno: Deno.execPath(),
      }),
      timeout: 15,
    }],
  }];
  await Deno.writeTextFile(
    `${opts.codexHome}/hooks.json`,
    JSON.stringify(
      {
        hooks: {
          PreToolUse: await group(PRE_HOOK),
          PostToolUse: await group(POST_HOOK),
        },
      },
      null,
      2,
    ),
  );
}
