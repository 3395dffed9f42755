/**
 * A project's Claude Code settings (`.claude/settings.json`,
 * `.claude/settings.local.json`) written with only what narrows or names
 * ordinary permissions: `permissions.allow` rules for specific commands and
 * tools, `deny` and `ask` rules, a model, a plan or accept-edits mode. Such a
 * file cannot switch the guard off (hooks still run on every call), so
 * writing it is routine; anything else in it (hooks, `disableAllHooks`,
 * `env`, helper commands, MCP servers, a bypass mode, blanket allow rules)
 * keeps the write a guard change.
 *
 * @module
 */

/** Top-level keys that carry no command, hook or environment. */
const PLAIN_KEYS = new Set([
  "$schema",
  "permissions",
  "model",
  "includeCoAuthoredBy",
  "cleanupPeriodDays",
  "outputStyle",
  "spinnerTipsEnabled",
]);
const PERMISSION_KEYS = new Set(["allow", "deny", "ask", "defaultMode"]);
const MODES = new Set(["default", "plan", "acceptEdits"]);
/** An allow rule that lets everything of a tool through (`Bash`, `Bash(*)`, `Bash(:*)`, `mcp__*`). */
const BLANKET =
  /^\s*[A-Za-z_]{1,40}\s*(?:\(\s*(?:\*|:\*|\*:\*|\*\*)?\s*\))?\s*$|^\s*mcp__\*|\(\s*(?:sudo|env|bash|sh|zsh|eval|xargs|deno|node|python3?)\b/;

/** Whether `p` is a project's (not the user's) Claude Code settings file. */
export function isProjectClaudeSettings(
  p: string,
  cwd: string | null,
): boolean {
  return cwd !== null &&
    (p === cwd + "/.claude/settings.json" ||
      p === cwd + "/.claude/settings.local.json");
}

/** Whether settings text holds only plain permission rules (see the module doc). */
export function plainClaudeSettings(text: string): boolean {
  if (text.length > 100_000) return false;
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return false;
  }
  if (v === null || typeof v !== "object" || Array.isArray(v)) return false;
  const rec = v as Record<string, unknown>;
  for (const k of Object.keys(rec)) if (!PLAIN_KEYS.has(k)) return false;
  const perms = rec.permissions;
  if (perms === undefined) return true;
  if (perms === null || typeof perms !== "object" || Array.isArray(perms)) {
    return false;
  }
  const pr = perms as Record<string, unknown>;
  for (const [k, val] of Object.entries(pr)) {
    if (!PERMISSION_KEYS.has(k)) return false;
    if (k === "defaultMode") {
      if (typeof val !== "string" || !MODES.has(val)) return false;
      continue;
    }
    if (!Array.isArray(val) || val.length > 500) return false;
    for (const rule of val) {
      if (typeof rule !== "string" || rule.length > 512) return false;
      if (k === "allow" && BLANKET.test(rule)) return false;
    }
  }
  return true;
}
