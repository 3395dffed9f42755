/**
 * Which policies run under a configuration: by id and profile, and how many
 * apply to a direction. Reads only the policies' keys (`policy_keys.ts`), so
 * judging a call does not load the catalogue's names and descriptions.
 *
 * @module
 */
import { POLICY_KEYS } from "./policy_keys.ts";
import type { EngineConfig } from "./config.ts";
import type { PolicyKey, Profile } from "./types.ts";

/** Whether a policy runs: not disabled, and not strict-only under the standard profile. */
export function policyRuns(
  p: Pick<PolicyKey, "id" | "profile">,
  disabled: ReadonlySet<string>,
  profile: Profile,
): boolean {
  return !disabled.has(p.id) &&
    !(p.profile === "strict" && profile !== "strict");
}

/** Whether a policy applies to a tool's input or its output. */
export function appliesIn(
  p: Pick<PolicyKey, "appliesTo">,
  direction: "input" | "output",
): boolean {
  return p.appliesTo === "both" || p.appliesTo === direction;
}

const COUNTS = new WeakMap<EngineConfig, Map<string, number>>();

/**
 * How many policies, built-in and custom, run on a direction under a
 * configuration and profile (what `listing.ts`'s `enabledPolicies` would
 * return, without building the list; remembered per configuration object:
 * `evaluate` asks on every call).
 */
export function enabledCount(
  config: EngineConfig,
  direction: "input" | "output",
  profile: Profile = config.profile,
): number {
  // `evaluate` asks with the same configuration, direction and profile on
  // every call: the last answer is kept without a lookup.
  const last = lastCount;
  if (
    last !== undefined && last.config === config &&
    last.direction === direction && last.profile === profile
  ) return last.n;
  let byKey = COUNTS.get(config);
  if (byKey === undefined) COUNTS.set(config, byKey = new Map());
  const key = `${direction}:${profile}`;
  let n = byKey.get(key);
  if (n === undefined) {
    const disabled = new Set(config.disabled);
    n = 0;
    for (const list of [POLICY_KEYS, config.custom]) {
      for (const p of list) {
        if (policyRuns(p, disabled, profile) && appliesIn(p, direction)) n++;
      }
    }
    byKey.set(key, n);
  }
  lastCount = { config, direction, profile, n };
  return n;
}

/** The last answer of {@link enabledCount}, with what it was asked. */
let lastCount:
  | {
    config: EngineConfig;
    direction: "input" | "output";
    profile: Profile;
    n: number;
  }
  | undefined;
