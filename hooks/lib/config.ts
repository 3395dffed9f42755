/**
 * A hook's settings: environment variables (only those in HOOK_ENV_VARS),
 * the data directory, and the engine configuration from the user's policy file.
 *
 * @module
 */

import {
  DEFAULT_CONFIG,
  type EngineConfig,
} from "../../governance/engine/config.ts";
import { parsePolicyFile } from "../../governance/engine/user_policies.ts";
import type { Profile } from "../../governance/engine/types.ts";
import { layerConfig } from "../../governance/engine/layers.ts";
import { orgConfig } from "./org_policy.ts";
import type { StartupEnv } from "../../governance/engine/types.ts";
import { dataEntry, readDataFile } from "./data_files.ts";
import {
  APPROVALS_FILE,
  withProjectConfig,
} from "../../governance/projects.ts";

/** Default remote timeout before a tool runs (seconds). */
export const PRE_TIMEOUT_SECONDS = 8;
/** Default remote timeout after a tool ran (seconds). */
export const POST_TIMEOUT_SECONDS = 5;
/**
 * Largest remote timeout honoured (seconds). hooks.json gives each hook 15 s;
 * the internal deadline is the remote timeout + 1 s, so it must stay below.
 */
export const MAX_TIMEOUT_SECONDS = 12;

/** Everything a hook reads from its environment. */
export interface HookEnv {
  home: string;
  dataDir: string;
  endpoint?: string;
  auth?: string;
  /** AXONFLOW_TIMEOUT_SECONDS when set and valid (clamped to MAX_TIMEOUT_SECONDS). */
  timeoutSeconds?: number;
  /** AXONFLOW_PROFILE when valid. */
  profile?: Profile;
  /** AXONFLOW_MANAGED_DIR: the administrator's folder (managed policy file). */
  managedDir?: string;
  /** AXONFLOW_BUNDLE_TTL_SECONDS: how long a fetched team policy bundle is fresh (default 300). */
  bundleTtlSeconds?: number;
  debug: boolean;
  /** Problems found while reading the environment (printed on stderr). */
  warnings: string[];
  /** BASH_ENV / ENV / ZDOTDIR of the shell the hooks run in (absolute values only): the files they name are guarded. */
  startupEnv?: StartupEnv;
}

function get(name: string): string | undefined {
  try {
    const v = Deno.env.get(name);
    return v === undefined || v.trim() === "" ? undefined : v.trim();
  } catch {
    return undefined;
  }
}

function trimSlashes(path: string): string {
  let end = path.length;
  while (end > 1 && path[end - 1] === "/") end--;
  return path.slice(0, end);
}

/**
 * The data directory: AXONFLOW_HOME when it is an absolute path without
 * `.`/`..` segments or control characters, else `$HOME/.axonflow` (with a
 * warning). A relative value would follow the session's working directory,
 * which the agent chooses.
 */
export function safeDataDir(
  raw: string | undefined,
  home: string,
  warnings: string[],
): string {
  const fallback = `${
    trimSlashes(home) === "/" ? "" : trimSlashes(home)
  }/.axonflow`;
  if (raw === undefined) return fallback;
  // deno-lint-ignore no-control-regex
  const bad = !raw.startsWith("/") || /[\x00-\x1f]/.test(raw) ||
    raw.split("/").some((seg) => seg === "." || seg === "..");
  if (bad) {
    warnings.push(
      `AXONFLOW_HOME=${
        JSON.stringify(raw)
      } is not a plain absolute path; using ${fallback}`,
    );
    return fallback;
  }
  return trimSlashes(raw);
}

/** Read the hook's environment. Never throws. */
export function readHookEnv(): HookEnv {
  const warnings: string[] = [];
  const home = get("HOME") ?? "/";
  const dataDir = safeDataDir(get("AXONFLOW_HOME"), home, warnings);
  let timeoutSeconds: number | undefined;
  const rawTimeout = get("AXONFLOW_TIMEOUT_SECONDS");
  if (rawTimeout !== undefined) {
    const n = Number(rawTimeout);
    if (Number.isFinite(n) && n > 0) {
      timeoutSeconds = Math.min(n, MAX_TIMEOUT_SECONDS);
      if (n > MAX_TIMEOUT_SECONDS) {
        warnings.push(
          `AXONFLOW_TIMEOUT_SECONDS=${rawTimeout} is above the hook limit; using ${MAX_TIMEOUT_SECONDS}`,
        );
      }
    } else {
      warnings.push(
        `AXONFLOW_TIMEOUT_SECONDS=${rawTimeout} is not a positive number; using the default`,
      );
    }
  }
  let profile: Profile | undefined;
  const rawProfile = get("AXONFLOW_PROFILE");
  if (rawProfile === "standard" || rawProfile === "strict") {
    profile = rawProfile;
  } else if (rawProfile !== undefined) {
    warnings.push(
      `AXONFLOW_PROFILE=${rawProfile} is not "standard" or "strict"; ignored`,
    );
  }
  const debug = get("AXONFLOW_DEBUG");
  const startupEnv: Partial<Record<"BASH_ENV" | "ENV" | "ZDOTDIR", string>> =
    {};
  const startupVars = {
    BASH_ENV: get("BASH_ENV"),
    ENV: get("ENV"),
    ZDOTDIR: get("ZDOTDIR"),
  };
  for (const [name, v] of Object.entries(startupVars)) {
    if (v !== undefined && v.startsWith("/")) {
      startupEnv[name as keyof typeof startupVars] = v;
    }
  }
  const ttl = Number(get("AXONFLOW_BUNDLE_TTL_SECONDS") ?? "");
  return {
    startupEnv,
    managedDir: get("AXONFLOW_MANAGED_DIR"),
    bundleTtlSeconds: Number.isFinite(ttl) && ttl >= 0 ? ttl : undefined,
    home,
    dataDir,
    endpoint: get("AXONFLOW_ENDPOINT"),
    auth: get("AXONFLOW_AUTH"),
    timeoutSeconds,
    profile,
    debug: debug !== undefined && debug !== "0" && debug !== "false",
    warnings,
  };
}

/** The policy file's name inside the data directory. */
const POLICY_FILE_NAME = "policies.json";

/** The user's policy file in a data directory. */
export function policyFilePath(dataDir: string): string {
  return `${dataDir}/${POLICY_FILE_NAME}`;
}

/** Create the data directory if missing; returns an error message instead of throwing. */
export function ensureDataDir(dataDir: string): string | undefined {
  try {
    Deno.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    return undefined;
  } catch (err) {
    return `cannot create the data directory ${dataDir}: ${
      err instanceof Error ? err.message : String(err)
    }`;
  }
}

/** Largest policy file a hook reads (1 MiB); a larger one is a fault. */
export const POLICY_FILE_MAX_BYTES = 1024 * 1024;

/** The plugin's folder: this module lives in hooks/lib/ (sources) or hooks/dist/ (bundles). */
const PLUGIN_ROOT: string | undefined = (() => {
  try {
    const u = new URL("../..", import.meta.url);
    return u.protocol === "file:"
      ? decodeURIComponent(u.pathname).replace(/\/$/, "")
      : undefined;
  } catch {
    return undefined;
  }
})();

/**
 * The engine configuration: the user's policy file (when present) with the
 * profile from AXONFLOW_PROFILE on top. Problems become warnings; the built-in
 * policies always stay on.
 *
 * Fail closed on a policy file the hook cannot take as it is: when
 * `policies.json` is a FIFO, folder, socket, device, a link out of the data
 * directory, over {@link POLICY_FILE_MAX_BYTES}, or unreadable, the agent (or
 * something) put it in the guard's way: the hook keeps the built-in policies,
 * uses the strict profile, and says so on stderr. It never waits on it.
 */
export function loadEngineConfig(
  env: Pick<HookEnv, "dataDir" | "profile" | "managedDir" | "endpoint">,
  warnings: string[],
  cwd?: string,
): EngineConfig {
  const local = loadLocalConfig(env, warnings, cwd);
  if (!env.managedDir && !env.endpoint) return local;
  // A team bundle is fetched only in remote mode: look for its cache only then.
  const org = orgConfig(
    env.managedDir,
    env.endpoint ? env.dataDir : undefined,
    warnings,
  );
  if (!org) return local;
  const layered = layerConfig(org, local);
  for (const why of layered.ignored) {
    warnings.push(`${policyFilePath(env.dataDir)}: ignored ${why}`);
  }
  return layered.config;
}

/** The developer's own layer: policies.json with AXONFLOW_PROFILE on top. */
function loadLocalConfig(
  env: Pick<HookEnv, "dataDir" | "profile">,
  warnings: string[],
  cwd?: string,
): EngineConfig {
  const path = policyFilePath(env.dataDir);
  let config: EngineConfig = DEFAULT_CONFIG;
  const read = readDataFile(
    env.dataDir,
    POLICY_FILE_NAME,
    POLICY_FILE_MAX_BYTES,
  );
  if (read.kind === "bad") {
    warnings.push(
      `${read.reason}: the policy file cannot be used, so the built-in policies apply with the strict profile until it is a regular file again (${path})`,
    );
    return {
      ...DEFAULT_CONFIG,
      profile: "strict",
      dataDir: env.dataDir,
      pluginRoot: PLUGIN_ROOT,
    };
  }
  if (read.kind === "text") {
    const parsed = parsePolicyFile(read.text);
    config = parsed.config;
    for (const e of parsed.errors) {
      warnings.push(
        `${path} line ${e.line}: ${e.message} (the built-in policies still apply)`,
      );
    }
  }
  if (env.profile && env.profile !== config.profile) {
    config = { ...config, profile: env.profile };
  }
  // A project file above cwd: tightening always, loosening once approved.
  // The sandbox lets a hook read only the data folder, so it applies the
  // approved snapshot recorded there (none: nothing to read).
  if (cwd) {
    const approvals = dataEntry(env.dataDir, APPROVALS_FILE).kind === "missing"
      ? []
      : undefined;
    config = withProjectConfig(config, cwd, env.dataDir, warnings, approvals);
  }
  // The engine guards the data folder wherever AXONFLOW_HOME puts it, and
  // the plugin's own folder (two levels above this module, bundled or not).
  return { ...config, dataDir: env.dataDir, pluginRoot: PLUGIN_ROOT };
}
