/**
 * Spawning the hook scripts exactly as Codex does: `bash -c "<hookCommand>"`
 * with the production permission flags and a clean environment.
 *
 * @module
 */

import { HOOK_SCRIPTS, hookCommand } from "../../governance/permissions.ts";

/** The repository root (absolute, no trailing slash). */
export const REPO: string = new URL("../../", import.meta.url).pathname.replace(
  /\/$/,
  "",
);
/** The PreToolUse hook script (the bundle Codex runs). */
export const PRE_HOOK = `${REPO}/${HOOK_SCRIPTS.PreToolUse}`;
/** The PostToolUse hook script (the bundle Codex runs). */
export const POST_HOOK = `${REPO}/${HOOK_SCRIPTS.PostToolUse}`;

let denoDirCache: string | undefined;

/** Deno's cache directory of the test process (so hooks run with a temp HOME still find it). */
export async function denoDir(): Promise<string> {
  if (denoDirCache) return denoDirCache;
  const fromEnv = Deno.env.get("DENO_DIR");
  if (fromEnv) return denoDirCache = fromEnv;
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["info", "--json"],
    stdout: "piped",
    stderr: "null",
    cwd: "/",
  }).output();
  const info = JSON.parse(new TextDecoder().decode(out.stdout));
  return denoDirCache = String(info.denoDir);
}

/** A temporary HOME with a data dir and a fake private key. */
export interface TempHome {
  home: string;
  dataDir: string;
  cleanup(): Promise<void>;
}

/** Make a temp HOME (with `.ssh/id_rsa`) and `<home>/.axonflow` as the data dir. */
export async function tempHome(): Promise<TempHome> {
  const home = await Deno.makeTempDir({ prefix: "axf_home_" });
  await Deno.mkdir(`${home}/.ssh`, { recursive: true });
  await Deno.writeTextFile(
    `${home}/.ssh/id_rsa`,
    "-----BEGIN OPENSSH PRIVATE KEY-----\nFAKEKEYFORTESTS\n-----END OPENSSH PRIVATE KEY-----\n",
  );
  return {
    home,
    dataDir: `${home}/.axonflow`,
    cleanup: () => Deno.remove(home, { recursive: true }).catch(() => {}),
  };
}

/** Result of one hook process. */
export interface HookRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Options of {@link runHookProcess}. */
export interface HookRunOptions {
  home: string;
  /** Data dir for the permission flags and AXONFLOW_HOME (default `<home>/.axonflow`). */
  dataDir?: string;
  /** AXONFLOW_ENDPOINT (also adds --allow-net unless `grantNet` is false). */
  endpoint?: string;
  grantNet?: boolean;
  /** Extra environment (e.g. AXONFLOW_TIMEOUT_SECONDS). */
  env?: Record<string, string>;
  /** Set AXONFLOW_HOME (default true); false leaves the default `$HOME/.axonflow`. */
  setAxonflowHome?: boolean;
  cwd?: string;
}

/** The shell command line a hook is launched with (production flags). */
export function hookLine(script: string, opts: HookRunOptions): string {
  const dataDir = opts.dataDir ?? `${opts.home}/.axonflow`;
  return hookCommand({
    script,
    dataDir,
    endpoint: opts.grantNet === false ? undefined : opts.endpoint,
    deno: Deno.execPath(),
  });
}

/** Run `bash -c <hook line>` with `input` on stdin. */
export async function runHookProcess(
  script: string,
  input: string | Uint8Array,
  opts: HookRunOptions,
): Promise<HookRun> {
  const dataDir = opts.dataDir ?? `${opts.home}/.axonflow`;
  const env: Record<string, string> = {
    PATH: Deno.env.get("PATH") ?? "/usr/bin:/bin",
    HOME: opts.home,
    DENO_DIR: await denoDir(),
    NO_COLOR: "1",
    ...(opts.setAxonflowHome === false ? {} : { AXONFLOW_HOME: dataDir }),
    ...(opts.endpoint ? { AXONFLOW_ENDPOINT: opts.endpoint } : {}),
    ...opts.env,
  };
  const child = new Deno.Command("bash", {
    args: ["-c", hookLine(script, opts)],
    env,
    clearEnv: true,
    cwd: opts.cwd ?? opts.home,
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const writer = child.stdin.getWriter();
  const bytes = typeof input === "string"
    ? new TextEncoder().encode(input)
    : input;
  await writer.write(bytes).catch(() => {});
  await writer.close().catch(() => {});
  const out = await child.output();
  const dec = new TextDecoder();
  return {
    code: out.code,
    stdout: dec.decode(out.stdout),
    stderr: dec.decode(out.stderr),
  };
}

/** The exact deny object the pre hook prints. */
export function denyJson(reason: string): string {
  return JSON.stringify({
    hookSpecificOutput: {
      hookEventName: "PreToolUse",
      permissionDecision: "deny",
      permissionDecisionReason: reason,
    },
  });
}

/** Parse a deny output and return its reason (throws if the shape is not exact). */
export function denyReason(stdout: string): string {
  const obj = JSON.parse(stdout);
  const keys = Object.keys(obj);
  const hso = obj.hookSpecificOutput;
  if (
    keys.length !== 1 || Object.keys(hso).sort().join() !==
      "hookEventName,permissionDecision,permissionDecisionReason" ||
    hso.hookEventName !== "PreToolUse" || hso.permissionDecision !== "deny" ||
    typeof hso.permissionDecisionReason !== "string" ||
    hso.permissionDecisionReason === ""
  ) {
    throw new Error(`not an exact deny object: ${stdout}`);
  }
  if (stdout !== denyJson(hso.permissionDecisionReason)) {
    throw new Error(`deny output has extra bytes: ${JSON.stringify(stdout)}`);
  }
  return hso.permissionDecisionReason;
}

/** Parse a PostToolUse context output and return the context (throws if the shape is not exact). */
export function postContext(stdout: string): string {
  const obj = JSON.parse(stdout);
  const hso = obj.hookSpecificOutput;
  if (
    Object.keys(obj).length !== 1 ||
    Object.keys(hso).sort().join() !== "additionalContext,hookEventName" ||
    hso.hookEventName !== "PostToolUse" ||
    typeof hso.additionalContext !== "string"
  ) {
    throw new Error(`not an exact PostToolUse context object: ${stdout}`);
  }
  return hso.additionalContext;
}

/**
 * Everything the model receives from a PostToolUse output, as one text:
 * Codex's replacement `reason` and `additionalContext`, or Claude Code's
 * `updatedToolOutput` (as JSON) and `additionalContext`. Throws unless the
 * output has one of the exact shapes the hook may print.
 */
export function modelSees(stdout: string): string {
  const obj = JSON.parse(stdout);
  const keys = Object.keys(obj).sort().join();
  const hso = obj.hookSpecificOutput;
  const parts: string[] = [];
  if (
    keys === "decision,reason" || keys === "decision,hookSpecificOutput,reason"
  ) {
    if (obj.decision !== "block" || typeof obj.reason !== "string") {
      throw new Error(`not an exact PostToolUse replacement: ${stdout}`);
    }
    parts.push(obj.reason);
  } else if (keys !== "hookSpecificOutput") {
    throw new Error(`unexpected PostToolUse output: ${stdout}`);
  }
  if (hso !== undefined) {
    const allowed = new Set([
      "hookEventName",
      "additionalContext",
      "updatedToolOutput",
      "updatedMCPToolOutput",
    ]);
    if (
      hso.hookEventName !== "PostToolUse" ||
      Object.keys(hso).some((k) => !allowed.has(k))
    ) {
      throw new Error(`not an exact PostToolUse hookSpecificOutput: ${stdout}`);
    }
    if (typeof hso.additionalContext === "string") {
      parts.push(hso.additionalContext);
    }
    if ("updatedToolOutput" in hso) {
      parts.push(JSON.stringify(hso.updatedToolOutput));
    }
  }
  return parts.join("\n");
}
