/**
 * The built-in policy catalogue: every category's policies in one list.
 * The policies themselves are data, one file per category under `policies/`.
 *
 * @module
 */
import type { PolicyInfo } from "./types.ts";
import { DANGEROUS_POLICIES } from "./policies/dangerous.ts";
// The SQL-injection, PII, secret and prompt-injection policies by their
// generated summaries: their pattern files load only with their detectors
// (see policies/summaries.ts).
import {
  INJECTION_INFO,
  PII_INFO,
  SECRET_INFO,
  SQLI_INFO,
} from "./policies/summaries.ts";
import { policyInfo } from "./policy_info.ts";

/** Every built-in policy, in catalogue order (dangerous, sqli, pii, secret, injection). */
export const BUILTIN_POLICIES: readonly PolicyInfo[] = [
  ...DANGEROUS_POLICIES.map(policyInfo),
  ...SQLI_INFO,
  ...PII_INFO,
  ...SECRET_INFO,
  ...INJECTION_INFO,
];

const BY_ID: ReadonlyMap<string, PolicyInfo> = new Map(
  BUILTIN_POLICIES.map((p) => [p.id, p]),
);

/** The built-in policy with this id, if any. */
export function builtinPolicy(id: string): PolicyInfo | undefined {
  return BY_ID.get(id);
}
