/**
 * Narrow exceptions: allow rules that let one kind of call through named
 * policies, instead of switching a policy off everywhere.
 *
 * A rule names the policy ids it relaxes and at least one scope on the call:
 * the exact `command`, a `commandPrefix` (every simple command of the line
 * must start with it), a `pattern` (a regular expression over the command or
 * the tool input text), a `path` (the file a write, edit or read targets; a
 * folder ending in `/` covers what is below it). `project` limits it to calls
 * whose working directory is inside that folder; `expires` (ISO date) ends it.
 * Every given field must hold. A match a rule covers stays in the decision,
 * with action `log` and `allowedBy` naming the rule, so the audit keeps it.
 *
 * @module
 */
import { commandSegments, startsWithWords } from "./custom.ts";
import type { AllowRule } from "./config.ts";

export type { AllowRule };
import { type Subject, subjectOf } from "./tool_call.ts";
import type { CommandContext, Match, ToolCall } from "./types.ts";

const compiled = new Map<string, RegExp | null>();

function regexOf(src: string): RegExp | null {
  if (!compiled.has(src)) {
    try {
      compiled.set(src, new RegExp(src, "i"));
    } catch {
      compiled.set(src, null);
    }
  }
  return compiled.get(src) ?? null;
}

function inside(path: string, folder: string): boolean {
  const f = folder.replace(/\/+$/, "");
  return path === f || path.startsWith(`${f}/`);
}

/** The files a subject targets (writes, edits and reads), for `path` scopes. */
export function subjectPaths(subject: Subject): string[] {
  if (subject.kind === "write" || subject.kind === "read") {
    return [subject.path];
  }
  if (subject.kind === "patch") {
    const out: string[] = [];
    for (const line of subject.patch.split("\n")) {
      const m = /^\*\*\* (?:Add|Update|Delete) File: (.+)$/.exec(line);
      if (m) out.push(m[1].trim());
    }
    return out;
  }
  return [];
}

function absolute(path: string, cwd: string): string {
  return path.startsWith("/") ? path : `${cwd.replace(/\/+$/, "")}/${path}`;
}

/** True when every scope of the rule holds for this call. */
export function ruleCovers(
  rule: AllowRule,
  subject: Subject,
  texts: readonly string[],
  ctx: CommandContext,
  now: number,
): boolean {
  if (rule.expires !== undefined && now >= rule.expires) return false;
  if (rule.project !== undefined && !inside(ctx.cwd, rule.project)) {
    return false;
  }
  const command = subject.kind === "shell" ? subject.command.trim() : undefined;
  if (rule.command !== undefined && command !== rule.command.trim()) {
    return false;
  }
  if (rule.commandPrefix !== undefined) {
    if (command === undefined) return false;
    const prefix = rule.commandPrefix.trim().split(/\s+/);
    const segments = commandSegments(command);
    if (
      segments.length === 0 ||
      !segments.every((words) => startsWithWords(words, prefix))
    ) return false;
  }
  if (rule.pattern !== undefined) {
    const re = regexOf(rule.pattern);
    const against = command !== undefined ? [command] : texts;
    if (!re || !against.some((t) => re.test(t))) return false;
  }
  if (rule.path !== undefined) {
    const paths = subjectPaths(subject).map((p) => absolute(p, ctx.cwd));
    if (paths.length === 0) return false;
    const want = rule.path;
    const ok = want.endsWith("/")
      ? paths.every((p) => inside(p, want))
      : paths.every((p) => p === want);
    if (!ok) return false;
  }
  return true;
}

/**
 * The matches with the ones an allow rule covers turned into `log` entries
 * naming the rule (a rule relaxes only the policies it lists).
 */
export function applyAllowRules(
  matches: readonly Match[],
  rules: readonly AllowRule[],
  subject: Subject,
  texts: readonly string[],
  ctx: CommandContext,
  now: number,
): Match[] {
  if (rules.length === 0) return [...matches];
  const live = rules.filter((r) => ruleCovers(r, subject, texts, ctx, now));
  if (live.length === 0) return [...matches];
  return matches.map((m) => {
    if (m.action === "log") return m;
    const rule = live.find((r) => r.policies.includes(m.policyId));
    if (!rule) return m;
    return {
      ...m,
      action: "log",
      allowedBy: rule.id,
      reason: `${m.reason} (allowed by your exception ${rule.id})`,
    };
  });
}

/** What the audit keeps of a call, so `explain` and `allow` can see it again. */
export interface DecisionContext {
  tool: string;
  cwd?: string;
  /** The programs the command runs (first word of each simple command). */
  programs?: string[];
  /** The files a write, edit or read targets. */
  paths?: string[];
  matches: {
    policyId: string;
    policyName: string;
    severity: string;
    action: string;
    reason: string;
    suggestion?: string;
    allowedBy?: string;
  }[];
}

/** The context of a judged call (JSON-ready; the audit store redacts it). */
export function decisionContext(
  call: ToolCall,
  matches: readonly Match[],
): DecisionContext {
  const subject = subjectOf(call);
  const ctx: DecisionContext = {
    tool: call.toolName,
    matches: matches.map((m) => ({
      policyId: m.policyId,
      policyName: m.policyName,
      severity: m.severity,
      action: m.action,
      reason: m.reason.slice(0, 400),
      ...(m.suggestion ? { suggestion: m.suggestion.slice(0, 300) } : {}),
      ...(m.allowedBy ? { allowedBy: m.allowedBy } : {}),
    })),
  };
  if (call.cwd) ctx.cwd = call.cwd;
  if (subject.kind === "shell") {
    ctx.programs = [
      ...new Set(
        commandSegments(subject.command).map((w) =>
          w.find((x) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(x)) ?? w[0]
        ),
      ),
    ].slice(0, 20);
  }
  const paths = subjectPaths(subject);
  if (paths.length) ctx.paths = paths.slice(0, 20);
  return ctx;
}

/**
 * What stands in for a redacted value in a narrowest rule: the characters
 * tokens and keys are made of, and none a shell gives meaning to (`$`, `(`,
 * `;`, `|`, quotes, backquotes, spaces), so the hole cannot carry a command.
 */
const SECRET_CHARS = "[A-Za-z0-9+/=_.:@-]+";

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/**
 * The narrowest rule that allows exactly this call: the policies that
 * blocked it, the exact command (a redacted value becomes a run of token
 * characters in an anchored pattern), the exact file, and the project folder it ran in.
 */
export function narrowestRule(
  id: string,
  ctx: DecisionContext,
  input: unknown,
): AllowRule {
  const policies = [
    ...new Set(
      ctx.matches.filter((m) => m.action === "block").map((m) => m.policyId),
    ),
  ];
  const rule: AllowRule = { id, policies };
  const rec = input !== null && typeof input === "object"
    ? input as Record<string, unknown>
    : {};
  const command = typeof rec.command === "string"
    ? rec.command
    : typeof rec.cmd === "string"
    ? rec.cmd
    : undefined;
  const isShell = ctx.programs !== undefined && command !== undefined;
  if (ctx.paths && ctx.paths.length === 1 && !isShell) {
    const p = ctx.paths[0];
    rule.path = p.startsWith("/") || !ctx.cwd
      ? p
      : `${ctx.cwd.replace(/\/+$/, "")}/${p}`;
  } else if (command !== undefined) {
    const redacted = /\[REDACTED:[a-z0-9_]+\]/g;
    if (redacted.test(command)) {
      rule.pattern = "^" +
        command.trim().split(redacted).map(escapeRegex).join(SECRET_CHARS) +
        "$";
    } else rule.command = command.trim();
  } else {
    const text = typeof input === "string" ? input : JSON.stringify(input);
    rule.pattern = "^" + escapeRegex(text.slice(0, 900)) +
      (text.length > 900 ? "" : "$");
  }
  if (ctx.cwd) rule.project = ctx.cwd;
  return rule;
}
