/**
 * Engine configuration: the profile, the built-in policies a user disabled,
 * and the user's own policies.
 *
 * @module
 */
import type { PolicyInfo, Profile } from "./types.ts";
import type { AutoApproveRule } from "./auto_approve.ts";

/** A user-defined policy: matches a regular expression or a command prefix. */
export interface CustomPolicy extends PolicyInfo {
  /** Regular expression source, matched case-insensitively against the judged text. */
  pattern?: string;
  /** Matches a shell command whose words start with these words, e.g. `terraform destroy`. */
  commandPrefix?: string;
}

/** What the engine is told to do besides its defaults. */
export interface EngineConfig {
  profile: Profile;
  /** Ids of built-in policies that must not fire. */
  disabled: readonly string[];
  custom: readonly CustomPolicy[];
  /** The guard's data folder, used when a call does not name one (`$AXONFLOW_HOME`). */
  dataDir?: string;
  /** The plugin's own folder, used when a call does not name one. */
  pluginRoot?: string;
  /** Routine calls the PermissionRequest hook approves (policies.json `autoApprove`). */
  autoApprove?: readonly AutoApproveRule[];
  /** Narrow exceptions (see allow.ts); none when absent. */
  allow?: readonly AllowRule[];
}

/** Standard profile, nothing disabled, no custom policies. */
export const DEFAULT_CONFIG: EngineConfig = Object.freeze({
  profile: "standard",
  disabled: [],
  custom: [],
});

/** One allow rule from a policy file. */
export interface AllowRule {
  /** `allow_<name>`: named in decisions and the audit trail. */
  id: string;
  /** Policy ids this rule relaxes (at least one). */
  policies: readonly string[];
  /** The whole command, exactly (surrounding spaces ignored). */
  command?: string;
  /** Words every simple command of the line starts with. */
  commandPrefix?: string;
  /** Regular expression (linear-time checked) over the command or input text. */
  pattern?: string;
  /** The file (or, ending in `/`, the folder) a write, edit or read targets. */
  path?: string;
  /** The call's working directory must be this folder or inside it. */
  project?: string;
  /** End of validity, milliseconds since the epoch. */
  expires?: number;
  /** Why the user allowed it (shown by explain). */
  note?: string;
}
