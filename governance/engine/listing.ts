/**
 * The policy list as a user sees it: built-ins plus custom policies, each
 * marked enabled or not under a configuration.
 *
 * @module
 */
import { BUILTIN_POLICIES, builtinPolicy } from "./catalogue.ts";
import { DEFAULT_CONFIG, type EngineConfig } from "./config.ts";
import type { PolicyInfo, Profile } from "./types.ts";

/** A policy and whether it runs under the configuration. */
export type ListedPolicy = PolicyInfo & { enabled: boolean };

/** Whether a policy runs: not disabled, and not strict-only under the standard profile. */
export function policyRuns(
  p: Pick<PolicyInfo, "id" | "profile">,
  disabled: ReadonlySet<string>,
  profile: Profile,
): boolean {
  return !disabled.has(p.id) &&
    !(p.profile === "strict" && profile !== "strict");
}

function appliesIn(p: PolicyInfo, direction: "input" | "output"): boolean {
  return p.appliesTo === "both" || p.appliesTo === direction;
}

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

const COUNTS = new WeakMap<EngineConfig, Map<string, number>>();

/**
 * How many policies {@link enabledPolicies} would return, without building
 * the list (remembered per configuration object: `evaluate` asks on every call).
 */
export function enabledCount(
  config: EngineConfig,
  direction: "input" | "output",
  profile: Profile = config.profile,
): number {
  let byKey = COUNTS.get(config);
  if (byKey === undefined) COUNTS.set(config, byKey = new Map());
  const key = `${direction}:${profile}`;
  let n = byKey.get(key);
  if (n === undefined) {
    const disabled = new Set(config.disabled);
    n = 0;
    for (const list of [BUILTIN_POLICIES, config.custom]) {
      for (const p of list) {
        if (policyRuns(p, disabled, profile) && appliesIn(p, direction)) n++;
      }
    }
    byKey.set(key, n);
  }
  return n;
}

/** A built-in or custom policy by id. */
export function findPolicy(
  id: string,
  config: EngineConfig = DEFAULT_CONFIG,
): PolicyInfo | undefined {
  return builtinPolicy(id) ?? config.custom.find((p) => p.id === id);
}
