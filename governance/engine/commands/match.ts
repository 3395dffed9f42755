/**
 * Building matches from the dangerous catalogue and collecting them per
 * analysis (one match per policy, the first reason wins; strict-only
 * policies are dropped outside the strict profile).
 *
 * @module
 */

import { DANGEROUS_POLICIES } from "../policies/dangerous.ts";
import { DEFAULT_SUGGESTIONS } from "../policies/suggestions.ts";
import type { CommandContext, Match, PolicyInfo } from "../types.ts";

const BY_NAME = new Map<string, PolicyInfo>(
  DANGEROUS_POLICIES.map((p) => [p.id.slice("sys_dangerous_".length), p]),
);

/** A short policy name (id without `sys_dangerous_`) known to the catalogue. */
export type PolicyName = string;

/** Builds the match for policy `name` with a call-specific reason and a suggestion (the policy's default when none is given). */
export function makeMatch(
  name: PolicyName,
  reason: string,
  suggestion?: string,
): Match {
  const p = BY_NAME.get(name);
  if (!p) throw new Error(`unknown dangerous policy ${name}`);
  const m: Match = {
    policyId: p.id,
    policyName: p.name,
    category: p.category,
    severity: p.severity,
    action: p.action,
    reason,
  };
  const instead = suggestion || DEFAULT_SUGGESTIONS[name];
  if (instead) m.suggestion = instead;
  return m;
}

/** Whether policy `name` runs under this context's profile. */
export function policyActive(name: PolicyName, ctx: CommandContext): boolean {
  const p = BY_NAME.get(name);
  return !!p && (p.profile !== "strict" || ctx.profile === "strict");
}

/** Collects matches for one analysis: one per policy, profile-filtered. */
export class MatchSet {
  readonly #byId = new Map<string, Match>();
  constructor(readonly ctx: CommandContext) {}

  /** Records policy `name` firing, unless the profile excludes it or it already fired. */
  add(name: PolicyName, reason: string, suggestion?: string): void {
    if (!policyActive(name, this.ctx)) return;
    const id = "sys_dangerous_" + name;
    if (this.#byId.has(id)) return;
    this.#byId.set(id, makeMatch(name, reason, suggestion));
  }

  /** Whether policy `name` already fired. */
  has(name: PolicyName): boolean {
    return this.#byId.has("sys_dangerous_" + name);
  }

  /** The matches, in the order they fired. */
  list(): Match[] {
    return [...this.#byId.values()];
  }
}
