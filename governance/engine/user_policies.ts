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
 *   ],
 *   "allow": [
 *     { "id": "allow_drop_scratch", "policies": ["sys_dangerous_sql_drop", "sys_sqli_drop_table"],
 *       "command": "psql -c 'DROP TABLE scratch_import'", "project": "/home/me/app",
 *       "expires": "2026-12-31" }
 *   ]
 * }
 * ```
 *
 * @module
 */
import { policyKey } from "./policy_keys.ts";
import {
  type CustomPolicy,
  DEFAULT_CONFIG,
  type EngineConfig,
} from "./config.ts";
import { JsonSyntaxError, parseJsonWithLines } from "./json_lines.ts";
import type { Action, AppliesTo, Severity } from "./types.ts";
import { unsafePattern } from "./regex_safety.ts";
import { type AutoApproveRule, parseAutoApprove } from "./auto_approve.ts";
import type { AllowRule } from "./allow.ts";

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
      !["profile", "disable", "policies", "allow", "autoApprove", "$schema"]
        .includes(key)
    ) {
      errors.push({
        line: rootLine,
        message:
          `unknown key "${key}" (expected profile, disable, policies, allow, autoApprove)`,
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
        } else if (!policyKey(id)) {
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
  const allow: AllowRule[] = [];
  if (root.allow !== undefined) {
    const al = lineOf(lines, root.allow, rootLine);
    if (!Array.isArray(root.allow)) {
      errors.push({ line: al, message: "allow must be a list of rules" });
    } else {
      const known = new Set(custom.map((p) => p.id));
      root.allow.forEach((item, i) => {
        const rule = allowRule(
          item,
          i,
          lineOf(lines, item, al),
          known,
          errors,
        );
        if (rule) allow.push(rule);
      });
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
  if (allow.length > 0) config.allow = allow;
  if (autoApprove.length > 0) config.autoApprove = autoApprove;
  return { config, errors };
}

const ALLOW_KEYS = new Set([
  "id",
  "policies",
  "command",
  "commandPrefix",
  "pattern",
  "path",
  "project",
  "expires",
  "note",
]);

function allowRule(
  item: unknown,
  index: number,
  line: number,
  userIds: ReadonlySet<string>,
  errors: PolicyFileError[],
): AllowRule | undefined {
  const bad = (message: string) => {
    errors.push({ line, message });
    return undefined;
  };
  if (item === null || typeof item !== "object" || Array.isArray(item)) {
    return bad("each allow rule must be an object");
  }
  const o = item as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (!ALLOW_KEYS.has(key)) return bad(`unknown allow field "${key}"`);
  }
  const id = o.id === undefined ? `allow_${index + 1}` : o.id;
  if (typeof id !== "string" || !/^allow_[a-z0-9_]{1,64}$/.test(id)) {
    return bad(
      `allow rule id must look like "allow_<name>", got ${JSON.stringify(id)}`,
    );
  }
  if (
    !Array.isArray(o.policies) || o.policies.length === 0 ||
    !o.policies.every((p) => typeof p === "string")
  ) {
    return bad(`${id}: "policies" must list the policy ids it allows`);
  }
  for (const p of o.policies as string[]) {
    if (!policyKey(p) && !userIds.has(p)) {
      return bad(`${id}: no policy has the id "${p}"`);
    }
  }
  const rule: AllowRule = { id, policies: o.policies as string[] };
  for (const k of ["command", "commandPrefix", "pattern", "note"] as const) {
    if (o[k] === undefined) continue;
    if (typeof o[k] !== "string" || (o[k] as string).trim() === "") {
      return bad(`${id}: ${k} must be a non-empty string`);
    }
    rule[k] = o[k] as string;
  }
  for (const k of ["path", "project"] as const) {
    if (o[k] === undefined) continue;
    if (typeof o[k] !== "string" || !(o[k] as string).startsWith("/")) {
      return bad(`${id}: ${k} must be an absolute path`);
    }
    rule[k] = o[k] as string;
  }
  if (rule.pattern !== undefined) {
    if (rule.pattern.length > 1000) {
      return bad(`${id}: pattern is longer than 1000 characters`);
    }
    try {
      new RegExp(rule.pattern, "i");
    } catch (e) {
      return bad(
        `${id}: pattern is not a valid regular expression: ${
          (e as Error).message
        }`,
      );
    }
    const unsafe = unsafePattern(rule.pattern);
    if (unsafe) return bad(`${id}: pattern rejected: ${unsafe}`);
  }
  if (
    rule.command === undefined && rule.commandPrefix === undefined &&
    rule.pattern === undefined && rule.path === undefined
  ) {
    return bad(
      `${id}: an allow rule needs a command, commandPrefix, pattern or path (to switch a policy off everywhere, list it in "disable")`,
    );
  }
  if (o.expires !== undefined) {
    const ms = typeof o.expires === "string" ? Date.parse(o.expires) : NaN;
    if (!Number.isFinite(ms)) {
      return bad(
        `${id}: expires must be an ISO date such as "2026-12-31", got ${
          JSON.stringify(o.expires)
        }`,
      );
    }
    rule.expires = ms;
  }
  return rule;
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
