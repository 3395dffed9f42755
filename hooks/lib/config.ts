/**
 * A hook's settings: environment variables (only those in HOOK_ENV_VARS),
 * the data directory, and the engine configuration from the user's policy file.
 *
 * @module
 */

import {
  DEFAULT_CONFIG,
  type EngineConfig,
  parsePolicyFile,
  type Profile,
} from "../../governance/engine/mod.ts";
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
  debug: boolean;
  /** Problems found while reading the environment (printed on stderr). */
  warnings: string[];
}

function get(name: string): string | undefined {
  try {
    const v = Deno.env.get(name);
    return v === undefined || v.trim() === "" ? undefined : v.trim();
  } catch {
    return undefined;
  }
}

/** Read the hook's environment. Never throws. */
export function readHookEnv(): HookEnv {
  const warnings: string[] = [];
  const home = get("HOME") ?? "/";
  const dataDir = get("AXONFLOW_HOME") ??
    `${home.replace(/\/{1,16}$/, "")}/.axonflow`;
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
  return {
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

/** The names `dir` lists; undefined when the folder cannot be listed. */
function listing(dir: string): Set<string> | undefined {
  try {
    const names = new Set<string>();
    for (const e of Deno.readDirSync(dir)) names.add(e.name);
    return names;
  } catch {
    return undefined;
  }
}

/**
 * The engine configuration: the user's policy file (when present) with the
 * profile from AXONFLOW_PROFILE on top. Problems become warnings; the built-in
 * policies always stay on.
 */
export function loadEngineConfig(
  env: Pick<HookEnv, "dataDir" | "profile">,
  warnings: string[],
  cwd?: string,
): EngineConfig {
  const path = policyFilePath(env.dataDir);
  let config: EngineConfig = DEFAULT_CONFIG;
  let text: string | undefined;
  // Most users have no policy file: look for it in the folder listing
  // rather than provoking a NotFound (the first exception of a Deno process
  // costs about a millisecond).
  const names = listing(env.dataDir);
  try {
    if (names === undefined || names.has(POLICY_FILE_NAME)) {
      text = Deno.readTextFileSync(path);
    }
  } catch (err) {
    if (!(err instanceof Deno.errors.NotFound)) {
      warnings.push(
        `cannot read ${path} (${
          err instanceof Error ? err.message : String(err)
        }); using the built-in policies only`,
      );
    }
  }
  if (text !== undefined) {
    const parsed = parsePolicyFile(text);
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
    const approvals = names && !names.has(APPROVALS_FILE) ? [] : undefined;
    config = withProjectConfig(config, cwd, env.dataDir, warnings, approvals);
  }
  return config;
}
