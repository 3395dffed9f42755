/**
 * Layered configuration: what an organisation sets (a managed policy file an
 * administrator owns, or the policy bundle a team server publishes) is the
 * floor; the developer's own file sits on top and may only tighten it. The
 * developer may add policies and raise the profile; a built-in policy the
 * organisation keeps on stays on, and a policy of the organisation's cannot be
 * replaced by one of the same id. Whatever the developer's file tried to
 * loosen is named, so `doctor` and the session context can say so.
 *
 * @module
 */
import type { EngineConfig } from "./config.ts";

/** The combined configuration, and what the developer's layer was not allowed to do. */
export interface LayeredConfig {
  config: EngineConfig;
  /** One sentence per loosening that was ignored. */
  ignored: string[];
}

/** Put `local` (the developer's) on top of `base` (the organisation's): tighten only. */
export function layerConfig(
  base: EngineConfig,
  local: EngineConfig,
): LayeredConfig {
  const ignored: string[] = [];
  const profile = base.profile === "strict" || local.profile === "strict"
    ? "strict"
    : "standard";
  if (base.profile === "strict" && local.profile !== "strict") {
    ignored.push(
      `profile "${local.profile}": the organisation's profile is strict`,
    );
  }
  const baseDisabled = new Set(base.disabled);
  for (const id of local.disabled) {
    if (!baseDisabled.has(id)) {
      ignored.push(
        `disable "${id}": the organisation keeps this policy on`,
      );
    }
  }
  const ids = new Set(base.custom.map((p) => p.id));
  const custom = [...base.custom];
  for (const p of local.custom) {
    if (ids.has(p.id)) {
      ignored.push(
        `policy "${p.id}": the organisation defines a policy with this id`,
      );
      continue;
    }
    ids.add(p.id);
    custom.push(p);
  }
  // Approving calls is the organisation's to grant: the developer's own
  // auto-approvals do not apply on top of an organisation layer.
  if ((local.autoApprove?.length ?? 0) > 0) {
    ignored.push(
      `autoApprove: approvals under an organisation policy come from the organisation`,
    );
  }
  // So are exceptions: the developer's allow rules do not loosen it either.
  for (const rule of local.allow ?? []) {
    if (!(base.allow ?? []).some((r) => r.id === rule.id)) {
      ignored.push(
        `allow rule "${rule.id}": exceptions to an organisation policy come from the organisation`,
      );
    }
  }
  return {
    config: {
      ...local,
      profile,
      disabled: [...base.disabled],
      custom,
      autoApprove: base.autoApprove,
      allow: base.allow,
    },
    ignored,
  };
}
