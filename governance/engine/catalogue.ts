/**
 * The built-in policy catalogue: every category's policies in one list.
 * The policies themselves are data, one file per category under `policies/`.
 *
 * @module
 */
import type { PolicyInfo } from "./types.ts";
import { DANGEROUS_POLICIES } from "./policies/dangerous.ts";
import { PII_POLICIES } from "./policies/pii.ts";
import { SECRET_POLICIES } from "./policies/secrets.ts";
// The SQL- and prompt-injection policies by their generated summaries: their
// pattern files load only with their detectors (see policies/summaries.ts).
import { INJECTION_INFO, SQLI_INFO } from "./policies/summaries.ts";
import { policyInfo } from "./policy_info.ts";

/** Every built-in policy, in catalogue order (dangerous, sqli, pii, secret, injection). */
export const BUILTIN_POLICIES: readonly PolicyInfo[] = [
  ...DANGEROUS_POLICIES.map(policyInfo),
  ...SQLI_INFO,
  ...PII_POLICIES.map(policyInfo),
  ...SECRET_POLICIES.map(policyInfo),
  ...INJECTION_INFO,
];

const BY_ID: ReadonlyMap<string, PolicyInfo> = new Map(
  BUILTIN_POLICIES.map((p) => [p.id, p]),
);

/** The built-in policy with this id, if any. */
export function builtinPolicy(id: string): PolicyInfo | undefined {
  return BY_ID.get(id);
}
