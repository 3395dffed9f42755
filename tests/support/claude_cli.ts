/**
 * Running the real Claude Code CLI (npm:@anthropic-ai/claude-code, pinned)
 * offline against the scripted Anthropic API of `claude_api.ts`: print mode,
 * JSON output, a temporary `CLAUDE_CONFIG_DIR` holding the settings (and our
 * hooks), and a clean environment.
 *
 * The npm package's `bin` is a placeholder that its postinstall script
 * replaces with the native binary; Deno does not run postinstall scripts, so
 * the CLI is started through the package's own fallback launcher
 * (`cli-wrapper.cjs`), which finds the platform package's binary (Deno
 * fetches it into its cache on first use, about 400 MB).
 *
 * @module
 */

import { runPackageArgs } from "./test_packages.ts";
import { denoDir } from "./hook_process.ts";
import { outboundEnv } from "./env.ts";

/** The pinned Claude Code CLI version. */
export const CLAUDE_VERSION = "2.1.332";
/** The launcher specifier Deno runs. */
export const CLAUDE_CLI =
  `npm:@anthropic-ai/claude-code@${CLAUDE_VERSION}/cli-wrapper.cjs`;

/** Options of {@link runClaude}. */
export interface ClaudeRunOptions {
  /** The prompt (`-p`). */
  prompt: string;
  /** The scripted API's base URL (ANTHROPIC_BASE_URL). */
  baseUrl: string;
  /** HOME of the run. */
  home: string;
  /** CLAUDE_CONFIG_DIR (settings.json with the hooks goes here). */
  configDir: string;
  /** The working directory. */
  cwd: string;
  /** Extra environment (AXONFLOW_HOME, ...). */
  env?: Record<string, string>;
  /** Extra CLI arguments (before the prompt). */
  args?: string[];
  /** Kill the CLI after this many ms (default 180 s). */
  killAfterMs?: number;
  /** Pass --dangerously-skip-permissions (default true); false runs in the default permission mode. */
  skipPermissions?: boolean;
}

/** What one CLI run produced. */
export interface ClaudeRun {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON when it is one JSON document (`--output-format json`). */
  json?: Record<string, unknown>;
}

/** The environment of a CLI run: offline, no telemetry, bypass permissions allowed as root. */
export async function claudeEnv(
  opts: Pick<ClaudeRunOptions, "baseUrl" | "home" | "configDir" | "env">,
): Promise<Record<string, string>> {
  return {
    PATH: Deno.env.get("PATH") ?? "/usr/bin:/bin",
    HOME: opts.home,
    CLAUDE_CONFIG_DIR: opts.configDir,
    ANTHROPIC_BASE_URL: opts.baseUrl,
    ANTHROPIC_API_KEY: "dummy",
    IS_SANDBOX: "1",
    ENABLE_TOOL_SEARCH: "false",
    DISABLE_AUTOUPDATER: "1",
    DISABLE_TELEMETRY: "1",
    DISABLE_ERROR_REPORTING: "1",
    DISABLE_BUG_COMMAND: "1",
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1",
    NO_COLOR: "1",
    SHELL: "/bin/bash",
    DENO_DIR: await denoDir(),
    ...outboundEnv(),
    ...(opts.env ?? {}),
  };
}

/**
 * Write `<configDir>/settings.json` (and mark onboarding done in
 * `<configDir>/.claude.json`, so print mode asks nothing).
 */
export async function writeClaudeSettings(
  configDir: string,
  settings: Record<string, unknown>,
): Promise<void> {
  await Deno.mkdir(configDir, { recursive: true });
  await Deno.writeTextFile(
    `${configDir}/settings.json`,
    JSON.stringify(settings, null, 2) + "\n",
  );
  await markOnboarded(configDir);
}

/** Mark first-run onboarding as done in `<configDir>/.claude.json`. */
export async function markOnboarded(configDir: string): Promise<void> {
  await Deno.mkdir(configDir, { recursive: true });
  await Deno.writeTextFile(
    `${configDir}/.claude.json`,
    JSON.stringify({
      hasCompletedOnboarding: true,
      bypassPermissionsModeAccepted: true,
    }) + "\n",
  );
}

/** Run the CLI once in print mode with JSON output; never hangs (killed after `killAfterMs`). */
export async function runClaude(opts: ClaudeRunOptions): Promise<ClaudeRun> {
  const child = new Deno.Command(Deno.execPath(), {
    args: [
      ...runPackageArgs(CLAUDE_CLI),
      "-p",
      "--output-format",
      "json",
      ...(opts.skipPermissions === false
        ? []
        : ["--dangerously-skip-permissions"]),
      "--model",
      "claude-sonnet-4-5",
      ...(opts.args ?? []),
      opts.prompt,
    ],
    env: await claudeEnv(opts),
    clearEnv: true,
    cwd: opts.cwd,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const killer = setTimeout(() => {
    try {
      child.kill("SIGKILL");
    } catch {
      // already gone
    }
  }, opts.killAfterMs ?? 180_000);
  const out = await child.output();
  clearTimeout(killer);
  const dec = new TextDecoder();
  const stdout = dec.decode(out.stdout);
  let json: Record<string, unknown> | undefined;
  try {
    const v: unknown = JSON.parse(stdout);
    if (typeof v === "object" && v !== null && !Array.isArray(v)) {
      json = v as Record<string, unknown>;
    }
  } catch {
    // not one JSON document
  }
  return { code: out.code, stdout, stderr: dec.decode(out.stderr), json };
}

/** Claude Code's tool-name matcher for our hooks (the README's, and the installer's). */
export const CLAUDE_TEST_MATCHER =
  "^(Bash|Write|Edit|MultiEdit|NotebookEdit|Read|WebFetch|mcp__.+)$";

/**
 * Settings holding our hooks written directly (absolute bundle paths, the
 * production permission flags): `events` maps an event name to the script
 * path, e.g. `{ PreToolUse: PRE_HOOK }`. Events without a matcher in Claude
 * Code (UserPromptSubmit, SessionStart) get none; PostToolUse matches every
 * tool (`*`), as the installer writes it.
 */
export function hookSettings(
  events: Record<string, string>,
  dataDir: string,
  command: (script: string, dataDir: string) => string,
): Record<string, unknown> {
  const hooks: Record<string, unknown[]> = {};
  for (const [event, script] of Object.entries(events)) {
    const matcherless = event === "UserPromptSubmit" ||
      event === "SessionStart";
    hooks[event] = [{
      ...(matcherless
        ? {}
        : { matcher: event === "PostToolUse" ? "*" : CLAUDE_TEST_MATCHER }),
      hooks: [{
        type: "command",
        command: command(script, dataDir),
        timeout: 15,
      }],
    }];
  }
  return { hooks };
}

/**
 * Install our hooks for Claude Code with the project's installer into
 * `configDir` (as `CLAUDE_CONFIG_DIR`), then mark onboarding done there.
 */
export async function installClaudeHooks(
  o: { repo: string; home: string; configDir: string; dataDir: string },
): Promise<void> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "-A",
      `${o.repo}/scripts/install.ts`,
      "--agent",
      "claude-code",
      "--yes",
      "--skip-cache",
    ],
    env: {
      HOME: o.home,
      CLAUDE_CONFIG_DIR: o.configDir,
      AXONFLOW_HOME: o.dataDir,
      DENO_DIR: await denoDir(),
      PATH: Deno.env.get("PATH") ?? "/usr/bin:/bin",
      ...outboundEnv(),
    },
    clearEnv: true,
    cwd: o.repo,
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
  await markOnboarded(o.configDir);
}
