/**
 * Shared types of the governance engine: policies, matches, findings and
 * decisions. Every other engine module speaks in these terms.
 *
 * @module
 */

/** How bad a policy's hit is. */
export type Severity = "critical" | "high" | "medium" | "low";

/** What happens when a policy fires. */
export type Action = "block" | "redact" | "warn" | "log";

/** The policy families of the catalogue; ids read `sys_<category>_<name>`. */
export type Category =
  | "dangerous"
  | "sqli"
  | "pii"
  | "secret"
  | "injection"
  | "custom";

/** Where a policy looks: at what a tool is asked to do, at what it returned, or both. */
export type AppliesTo = "input" | "output" | "both";

/**
 * `standard` blocks the catastrophic and lets routine work through; `strict`
 * also blocks risky-but-common actions (force pushes, hard resets, deleting
 * folders outside the workspace...).
 */
export type Profile = "standard" | "strict";

/** Severity order, lowest first, for comparisons. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = {
  low: 1,
  medium: 2,
  high: 3,
  critical: 4,
};

/** What a reviewer reads about a policy; the catalogue is a list of these plus how each detects. */
export interface PolicyInfo {
  /** Stable id, `sys_<category>_<name>` for built-ins, `user_<name>` for the user's own. */
  id: string;
  /** Short human name. */
  name: string;
  category: Category;
  severity: Severity;
  /** Default action. */
  action: Action;
  /** One line a person understands: what it catches and why it matters. */
  description: string;
  appliesTo: AppliesTo;
  /** Set when the policy only runs in the strict profile. */
  profile?: "strict";
}

/** What judging needs of a policy it does not report: whether it exists, runs, and where. */
export type PolicyKey = Pick<
  PolicyInfo,
  "id" | "category" | "appliesTo" | "profile"
>;

/** One policy that fired on a tool call's input. */
export interface Match {
  policyId: string;
  policyName: string;
  category: Category;
  severity: Severity;
  action: Action;
  /** Why it fired, for this call, in words the model and the person can act on. */
  reason: string;
  /** What to do instead, when there is a safer way (optional). */
  suggestion?: string;
  /** Set when one of the user's allow rules let this match through (its action is then `log`). */
  allowedBy?: string;
}

/** One thing found in a text, located by UTF-16 offsets [start, end). */
export interface Finding {
  policyId: string;
  /** The marker type used in redaction: `[REDACTED:<type>]`, e.g. `ssn`, `aws_access_key`. */
  type: string;
  start: number;
  end: number;
  severity: Severity;
  action: Action;
  category: Category;
}

/** Result of scanning a text. */
export interface ScanResult {
  findings: Finding[];
  /** The text with every redactable finding replaced by `[REDACTED:<type>]`; nothing else changed. */
  redacted: string;
}

/** Context a command is judged in. */
export interface CommandContext {
  /** The agent's workspace (hook `cwd`); deleting inside it is routine in `standard`. */
  cwd: string;
  /** The user's home folder, for `~` and `$HOME` expansion. */
  home: string;
  profile: Profile;
  /** The guard's data folder (policies.json, audit.db, spool); `~/.axonflow` when not given. */
  dataDir?: string;
  /** The plugin's own folder (hook sources and bundles), when known. */
  pluginRoot?: string;
  /** The variables that name start-up files in the hook's shell (`BASH_ENV`, `ENV`, `ZDOTDIR`), when set. */
  startupEnv?: StartupEnv;
}

/** The variables that name shell start-up files beyond the fixed ones: `BASH_ENV` (bash -c reads it), `ENV` (sh), `ZDOTDIR` (zsh's folder). */
export type StartupEnv = Readonly<
  Partial<Record<"BASH_ENV" | "ENV" | "ZDOTDIR", string>>
>;

/** A tool call to judge before it runs. */
export interface ToolCall {
  /** `Bash`, `apply_patch`, `mcp__server__tool`, `Write`, `Edit`, `Read`, or a database name... */
  toolName: string;
  /** The tool's arguments as the agent sent them (object or string). */
  input: unknown;
  cwd?: string;
  home?: string;
  profile?: Profile;
  /** The guard's data folder (`$AXONFLOW_HOME`); protected like the rest of the guard. Default `~/.axonflow`. */
  dataDir?: string;
  /** The plugin's own folder (hooks and bundles); protected when given. */
  pluginRoot?: string;
  /** Start-up file variables of the shell the hooks run in; the files they name are guarded. */
  startupEnv?: StartupEnv;
  /** AxonFlow connector type (`codex.Bash`, `postgres`, ...), when known. */
  connectorType?: string;
  /** The time of the call (ms since the epoch), for allow rules that expire; default now. */
  now?: number;
}

/** Verdict on a tool call. */
export interface Decision {
  allowed: boolean;
  /** Unique id, so the audit trail and `explain_decision` can find it again. */
  decisionId: string;
  /** Every policy that fired, blocking or not, most severe first. */
  matches: Match[];
  /** One short human sentence: why blocked, or why allowed with warnings. */
  reason: string;
  riskLevel: Severity | "none";
  /** How many policies were checked. */
  policiesEvaluated: number;
}
