/**
 * Small helpers shared by the command-analysis tests: run a command in a
 * fixed context and read back short policy names.
 *
 * @module
 */

import type { Profile } from "../types.ts";
import { analyzeCommand, type CommandAnalysis } from "./analyze.ts";

/** The home folder used by tests. */
export const HOME = "/home/u";
/** The workspace used by tests. */
export const CWD = "/home/u/proj";

/** Analyses `cmd` in the test context. */
export function run(
  cmd: string,
  profile: Profile = "standard",
  cwd = CWD,
): CommandAnalysis {
  return analyzeCommand(cmd, { cwd, home: HOME, profile });
}

/** Short names (`rm_root`) of every policy that fired. */
export function fired(
  cmd: string,
  profile: Profile = "standard",
  cwd = CWD,
): string[] {
  return run(cmd, profile, cwd).matches.map((m) =>
    m.policyId.replace("sys_dangerous_", "")
  );
}

/** Short names of the policies that fired with action `block`. */
export function blocked(
  cmd: string,
  profile: Profile = "standard",
  cwd = CWD,
): string[] {
  return run(cmd, profile, cwd).matches.filter((m) => m.action === "block").map(
    (m) => m.policyId.replace("sys_dangerous_", ""),
  );
}
