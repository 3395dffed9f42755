/**
 * The user's policy file (`~/.axonflow/policies.json`): profile, disabled
 * built-ins and custom policies. Parsing never throws: every problem is
 * reported with its line, and whatever is valid still applies, so the
 * built-in policies keep working whatever the file holds.
 *
 * @example
 * ```json
 * {
 *   "profile": "strict",
 *   "disable": ["sys_dangerous_git_push_force"],
 *   "policies": [
 *     { "id": "user_no_terraform_destroy", "commandPrefix": "terraform destroy",
 *       "severity": "high", "action": "block",
 *       "description": "terraform destroy tears down shared infrastructure" }
 *   ]
 * }
 * ```
 *
 * @module
 */
import { builtinPolicy } from "./catalogue.ts";
import {
  type CustomPolicy,
  DEFAULT_CONFIG,
  type EngineConfig,
} from "./config.ts";
import { JsonSyntaxError, parseJsonWithLines } from "./json_lines.ts";
import type { Action, AppliesTo, Severity } from "./types.ts";
import { unsafePattern } from "./regex_safety.ts";
import { type AutoApproveRule, parseAutoApprove } from "./auto_approve.ts";

export { unsafePattern };

/** A problem in the policy file, with its line (1-based). */
export interface PolicyFileError {
  line: number;
  message: string;
}

const SEVERITIES: readonly Severity[] = ["critical", "high", "medium", "low"];
const ACTIONS: readonly Action[] = ["block", "redact", "warn", "log"];
const APPLIES: readonly AppliesTo[] = ["input", "output", "both"];
const POLICY_KEYS = new Set([
  "id",
  "name",
  "description",
  "severity",
  "action",
  "appliesTo",
  "pattern",
  "commandPrefix",
]);

function lineOf(
  lines: WeakMap<object, number>,
  v: unknown,
  fallback: number,
): number {
  return v !== null && typeof v === "object"
    ? lines.get(v) ?? fallback
    : fallback;
}

/** Parses the policy file text; returns the configuration that holds and the errors found. */
export function parsePolicyFile(
  text: string,
): { config: EngineConfig; errors: PolicyFileError[] } {
  const errors: PolicyFileError[] = [];
  if (text.trim() === "") return { config: DEFAULT_CONFIG, errors };
  let parsed;
  try {
    parsed = parseJsonWithLines(text);
  } catch (e) {
    const line = e instanceof JsonSyntaxError ? e.line : 1;
    errors.push({ line, message: `not valid JSON: ${(e as Error).message}` });
    return { config: DEFAULT_CONFIG, errors };
  }
  const { value, lines } = parsed;
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    errors.push({ line: 1, message: "the file must hold one JSON object" });
    return { config: DEFAULT_CONFIG, errors };
  }
  const root = value as Record<string, unknown>;
  const rootLine = lineOf(lines, root, 1);
  let profile = DEFAULT_CONFIG.profile;
  for (const key of Object.keys(root)) {
    if (
      !["profile", "disable", "policies", "autoApprove", "$schema"].includes(
        key,
      )
    ) {
      errors.push({
        line: rootLine,
        message:
          `unknown key "${key}" (expected profile, disable, policies, autoApprove)`,
      });
    }
  }
  if (root.profile !== undefined) {
    if (root.profile === "standard" || root.profile === "strict") {
      profile = root.profile;
    } else {
      errors.push({
        line: rootLine,
        message: `profile must be "standard" or "strict", not ${
          JSON.stringify(root.profile)
        }`,
      });
    }
  }
  const disabled: string[] = [];
  if (root.disable !== undefined) {
    const dl = lineOf(lines, root.disable, rootLine);
    if (!Array.isArray(root.disable)) {
      errors.push({
        line: dl,
        message: "disable must be a list of policy ids",
      });
    } else {
      for (const id of root.disable) {
        if (typeof id !== "string") {
          errors.push({
            line: dl,
            message: "disable must hold policy ids (strings)",
          });
        } else if (!builtinPolicy(id)) {
          errors.push({
            line: dl,
            message: `disable: no built-in policy has the id "${id}"`,
          });
        } else disabled.push(id);
      }
    }
  }
  const custom: CustomPolicy[] = [];
  if (root.policies !== undefined) {
    const pl = lineOf(lines, root.policies, rootLine);
    if (!Array.isArray(root.policies)) {
      errors.push({
        line: pl,
        message: "policies must be a list of policy objects",
      });
    } else {
      const ids = new Set<string>();
      for (const item of root.policies) {
        const line = lineOf(lines, item, pl);
        const p = customPolicy(item, line, errors);
        if (!p) continue;
        if (ids.has(p.id)) {
          errors.push({ line, message: `duplicate policy id "${p.id}"` });
          continue;
        }
        ids.add(p.id);
        custom.push(p);
      }
    }
  }
  let autoApprove: AutoApproveRule[] = [];
  if (root.autoApprove !== undefined) {
    autoApprove = parseAutoApprove(
      root.autoApprove,
      (v) => lineOf(lines, v, rootLine),
      errors,
    );
  }
  const config: EngineConfig = { profile, disabled, custom };
  if (autoApprove.length > 0) config.autoApprove = autoApprove;
  return { config, errors };
}

function customPolicy(
  item: unknown,
  line: number,
  errors: PolicyFileError[],
): CustomPolicy | undefined {
  const bad = (message: string) => {
    errors.push({ line, message });
    return undefined;
  };
  if (item === null || typeof item !== "object" || Array.isArray(item)) {
    return bad("each policy must be an object");
  }
  const o = item as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (!POLICY_KEYS.has(key)) return bad(`unknown policy field "${key}"`);
  }
  if (typeof o.id !== "string" || !/^user_[a-z0-9_]{1,64}$/.test(o.id)) {
    return bad(
      `policy id must look like "user_<name>" (lowercase letters, digits, _), got ${
        JSON.stringify(o.id)
      }`,
    );
  }
  const id = o.id;
  const severity = o.severity ?? "high";
  if (!SEVERITIES.includes(severity as Severity)) {
    return bad(`${id}: severity must be one of ${SEVERITIES.join(", ")}`);
  }
  const action = o.action ?? "block";
  if (!ACTIONS.includes(action as Action)) {
    return bad(`${id}: action must be one of ${ACTIONS.join(", ")}`);
  }
  const appliesTo = o.appliesTo ?? "input";
  if (!APPLIES.includes(appliesTo as AppliesTo)) {
    return bad(`${id}: appliesTo must be one of ${APPLIES.join(", ")}`);
  }
  const hasPattern = typeof o.pattern === "string" && o.pattern !== "";
  const hasPrefix = typeof o.commandPrefix === "string" &&
    o.commandPrefix.trim() !== "";
  if (!hasPattern && !hasPrefix) {
    return bad(
      `${id}: give a "pattern" (regular expression) or a "commandPrefix"`,
    );
  }
  if (hasPattern) {
    const src = o.pattern as string;
    if (src.length > 1000) {
      return bad(`${id}: pattern is longer than 1000 characters`);
    }
    try {
      new RegExp(src, "gi");
    } catch (e) {
      return bad(
        `${id}: pattern is not a valid regular expression: ${
          (e as Error).message
        }`,
      );
    }
    const unsafe = unsafePattern(src);
    if (unsafe) return bad(`${id}: pattern rejected: ${unsafe}`);
  }
  const p: CustomPolicy = {
    id,
    name: typeof o.name === "string" && o.name ? o.name : id,
    category: "custom",
    severity: severity as Severity,
    action: action as Action,
    description: typeof o.description === "string" && o.description
      ? o.description
      : `custom policy ${id}`,
    appliesTo: appliesTo as AppliesTo,
  };
  if (hasPattern) p.pattern = o.pattern as string;
  if (hasPrefix) p.commandPrefix = (o.commandPrefix as string).trim();
  return p;
}
