/**
 * The reviewer-facing fields of a policy, without its detection data.
 *
 * @module
 */
import type { PolicyInfo } from "./types.ts";

/** Only the reviewer-facing fields of a policy (detection data stripped). */
export function policyInfo(p: PolicyInfo): PolicyInfo {
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
