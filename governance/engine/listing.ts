/**
 * The policy list as a user sees it: built-ins plus custom policies, each
 * marked enabled or not under a configuration.
 *
 * @module
 */
import { BUILTIN_POLICIES, builtinPolicy } from "./catalogue.ts";
import { DEFAULT_CONFIG, type EngineConfig } from "./config.ts";
import type { PolicyInfo, Profile } from "./types.ts";
import { appliesIn, enabledCount, policyRuns } from "./policy_runs.ts";

export { enabledCount, policyRuns };

/** A policy and whether it runs under the configuration. */
export type ListedPolicy = PolicyInfo & { enabled: boolean };

/** Every policy, built-in then custom, with `enabled` set by the configuration's profile and disabled list. */
export function listPolicies(
  config: EngineConfig = DEFAULT_CONFIG,
): ListedPolicy[] {
  const disabled = new Set(config.disabled);
  const all: PolicyInfo[] = [...BUILTIN_POLICIES, ...config.custom];
  return all.map((p) => ({
    ...p,
    enabled: policyRuns(p, disabled, config.profile),
  }));
}

/** The policies that run on a tool's input or output under a configuration and profile. */
export function enabledPolicies(
  config: EngineConfig,
  direction: "input" | "output",
  profile: Profile = config.profile,
): PolicyInfo[] {
  return listPolicies({ ...config, profile }).filter((p) =>
    p.enabled && appliesIn(p, direction)
  );
}

/** A built-in or custom policy by id. */
export function findPolicy(
  id: string,
  config: EngineConfig = DEFAULT_CONFIG,
): PolicyInfo | undefined {
  return builtinPolicy(id) ?? config.custom.find((p) => p.id === id);
}
