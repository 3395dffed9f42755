/**
 * Running the real Codex CLI (npm:@openai/codex, pinned) once in `exec`
 * mode against a scripted model: JSON output, a clean environment holding
 * only what the run needs, and a deadline after which the child is killed,
 * so a stuck CLI never hangs the suite.
 *
 * @module
 */

import { outputWithin } from "./child.ts";
import { CODEX, runPackageArgs } from "./test_packages.ts";
import { denoDir } from "./hook_process.ts";
import { outboundEnv } from "./env.ts";

/** Options of {@link runCodexExec}. */
export interface CodexRunOptions {
  /** HOME of the run. */
  home: string;
  /** CODEX_HOME (config.toml and hooks.json live here). */
  codexHome: string;
  /** The working directory (`-C` and the child's cwd). */
  work: string;
  /**
   * Flags after `exec --skip-git-repo-check`; default
   * `["-s", "danger-full-access"]`.
   */
  flags?: string[];
  /** Prepend `--dangerously-bypass-hook-trust` (hooks.json written without the installer). */
  bypassTrust?: boolean;
  /** Extra environment: AXONFLOW_HOME, BASH_ENV, ... */
  env?: Record<string, string>;
  /** The prompt; default "Run the scripted steps." */
  prompt?: string;
  /** Kill the child after this many milliseconds; default 180,000. */
  killAfterMs?: number;
}

/** What one run of the CLI left. */
export interface CodexRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run `codex exec` once; never hangs (killed after `killAfterMs`). */
export async function runCodexExec(o: CodexRunOptions): Promise<CodexRun> {
  const out = await outputWithin(
    new Deno.Command(Deno.execPath(), {
      args: [
        ...runPackageArgs(CODEX),
        "exec",
        "--skip-git-repo-check",
        ...(o.bypassTrust ? ["--dangerously-bypass-hook-trust"] : []),
        ...(o.flags ?? ["-s", "danger-full-access"]),
        "-C",
        o.work,
        "--json",
        o.prompt ?? "Run the scripted steps.",
      ],
      env: {
        PATH: Deno.env.get("PATH") ?? "/usr/bin:/bin",
        HOME: o.home,
        CODEX_HOME: o.codexHome,
        ...o.env,
        DENO_DIR: await denoDir(),
        NO_COLOR: "1",
        ...outboundEnv(),
      },
      clearEnv: true,
      cwd: o.work,
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
    }),
    o.killAfterMs ?? 180_000,
  );
  const dec = new TextDecoder();
  return {
    code: out.code,
    stdout: dec.decode(out.stdout),
    stderr: dec.decode(out.stderr),
  };
}
