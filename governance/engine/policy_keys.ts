/**
 * What judging a call needs of every built-in policy, without the catalogue's
 * names and descriptions of the detector policies (`catalogue.ts` has them):
 * whether a policy exists, whether it runs under a profile, and which
 * direction it applies to. The dangerous-command policies are here whole,
 * since the shell analysis reports them; a detector's policy is only ever
 * reported with its detector loaded, and then named through the catalogue.
 *
 * @module
 */
import type { PolicyInfo, PolicyKey } from "./types.ts";
import { DANGEROUS_POLICIES } from "./policies/dangerous.ts";
import { DETECTOR_POLICY_KEYS } from "./policies/detector_keys.ts";

/** Every built-in policy's key, in catalogue order. */
export const POLICY_KEYS: readonly PolicyKey[] = [
  ...DANGEROUS_POLICIES,
  ...DETECTOR_POLICY_KEYS,
];

const KEY_BY_ID: ReadonlyMap<string, PolicyKey> = new Map(
  POLICY_KEYS.map((k) => [k.id, k]),
);

const DANGEROUS_BY_ID: ReadonlyMap<string, PolicyInfo> = new Map(
  DANGEROUS_POLICIES.map((p) => [p.id, p]),
);

/** The key of the built-in policy with this id, if any. */
export function policyKey(id: string): PolicyKey | undefined {
  return KEY_BY_ID.get(id);
}

/** The dangerous-command policy with this id, if any. */
export function dangerousPolicy(id: string): PolicyInfo | undefined {
  return DANGEROUS_BY_ID.get(id);
}
