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

/** Every policy, built-in then custom, with `enabled` set by the configuration's profile and disabled list. */
export function listPolicies(
  config: EngineConfig = DEFAULT_CONFIG,
): ListedPolicy[] {
  const disabled = new Set(config.disabled);
  const all: PolicyInfo[] = [...BUILTIN_POLICIES, ...config.custom];
  return all.map((p) => ({
    ...p,
    enabled: !disabled.has(p.id) &&
      !(p.profile === "strict" && config.profile !== "strict"),
  }));
}

/** The policies that run on a tool's input or output under a configuration and profile. */
export function enabledPolicies(
  config: EngineConfig,
  direction: "input" | "output",
  profile: Profile = config.profile,
): PolicyInfo[] {
  return listPolicies({ ...config, profile }).filter((p) =>
    p.enabled && (p.appliesTo === "both" || p.appliesTo === direction)
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
    // The same test as enabledPolicies, without building the list.
    const disabled = new Set(config.disabled);
    n = 0;
    for (const list of [BUILTIN_POLICIES, config.custom]) {
      for (const p of list) {
        if (disabled.has(p.id)) continue;
        if (p.profile === "strict" && profile !== "strict") continue;
        if (p.appliesTo === "both" || p.appliesTo === direction) n++;
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
