/**
 * The built-in policy catalogue: every category's policies in one list.
 * The policies themselves are data, one file per category under `policies/`.
 *
 * @module
 */
import type { PolicyInfo } from "./types.ts";
import { DANGEROUS_POLICIES } from "./policies/dangerous.ts";
import { SQLI_POLICIES } from "./policies/sqli.ts";
import { PII_POLICIES } from "./policies/pii.ts";
import { SECRET_POLICIES } from "./policies/secrets.ts";
import { INJECTION_POLICIES } from "./policies/injection.ts";

/** Only the reviewer-facing fields of a policy (detection data stripped). */
function info(p: PolicyInfo): PolicyInfo {
  const out: PolicyInfo = {
    id: p.id,
    name: p.name,
    category: p.category,
    severity: p.severity,
    action: p.action,
    description: p.description,
    appliesTo: p.appliesTo,
  };
  if (p.profile) out.profile = p.profile;
  return out;
}

/** Every built-in policy, in catalogue order (dangerous, sqli, pii, secret, injection). */
export const BUILTIN_POLICIES: readonly PolicyInfo[] = [
  ...DANGEROUS_POLICIES,
  ...SQLI_POLICIES,
  ...PII_POLICIES,
  ...SECRET_POLICIES,
  ...INJECTION_POLICIES,
].map(info);

const BY_ID: ReadonlyMap<string, PolicyInfo> = new Map(
  BUILTIN_POLICIES.map((p) => [p.id, p]),
);

/** The built-in policy with this id, if any. */
export function builtinPolicy(id: string): PolicyInfo | undefined {
  return BY_ID.get(id);
}
