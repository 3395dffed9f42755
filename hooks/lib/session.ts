/**
 * SessionStart: tell the model which governance is active (mode, profile,
 * policy file state, hook bundle) and name any fault, so that a broken
 * policies.json is loud at the start of every session instead of silently
 * dropping the user's settings. A fault also becomes a `systemMessage` for
 * the user (shown by the TUI) and a stderr line.
 *
 * Fail-open by nature: the hook blocks nothing. Bad input or an internal
 * error still gives the model a short context saying governance is on but
 * its state could not be read.
 *
 * @module
 */

import { VERSION } from "../../governance/version.ts";
import { type HookEnv, loadEngineConfig, policyFilePath } from "./config.ts";
import { sessionStartOutput } from "./event_output.ts";
import { parseSessionEvent } from "./event.ts";
import type { HookOutcome } from "./output.ts";
import type { StdinRead } from "./stdin.ts";

/** The state of the user's policy file. */
export type PolicyFileState = "absent" | "present" | "unknown";

function policyFileState(path: string): PolicyFileState {
  try {
    // lstat opens nothing (a FIFO in its place cannot make the hook wait).
    Deno.lstatSync(path);
    return "present";
  } catch (err) {
    return err instanceof Deno.errors.NotFound ? "absent" : "unknown";
  }
}

/** What the session context is built from. */
export interface SessionFacts {
  /** Plugin version. */
  version: string;
  /** The hook script that runs (its file name). */
  bundle: string;
  endpoint?: string;
  dataDir: string;
  profile: string;
  policyFile: string;
  policyState: PolicyFileState;
  customCount: number;
  disabledCount: number;
  autoApproveCount: number;
  /** Every problem found (environment, policy file). */
  faults: string[];
}

/** Gather the facts from the environment and the policy file. Never throws. */
export function sessionFacts(env: HookEnv, bundle: string): SessionFacts {
  const faults = [...env.warnings];
  const config = loadEngineConfig(env, faults);
  return {
    version: VERSION,
    bundle,
    endpoint: env.endpoint,
    dataDir: env.dataDir,
    profile: config.profile,
    policyFile: policyFilePath(env.dataDir),
    policyState: policyFileState(policyFilePath(env.dataDir)),
    customCount: config.custom.length,
    disabledCount: config.disabled.length,
    autoApproveCount: config.autoApprove?.length ?? 0,
    faults,
  };
}

/** The context the model gets at the start of a session. */
export function sessionContext(f: SessionFacts): string {
  const lines = [
    `AxonFlow governance is active in this session (plugin ${f.version}, hook bundle ${f.bundle}).`,
    f.endpoint
      ? `Mode: remote: tool calls are checked by the AxonFlow endpoint ${f.endpoint}, with the embedded engine as fallback; the audit trail is also kept in ${f.dataDir}.`
      : `Mode: embedded: decisions are made on this machine; the audit trail is in ${f.dataDir}.`,
    `Profile: ${f.profile}.`,
    f.policyState === "absent"
      ? `Policy file ${f.policyFile}: none (built-in policies only).`
      : `Policy file ${f.policyFile}: ${
        f.faults.length > 0 ? "present, with faults (below)" : "loaded"
      }; in force: ${f.customCount} custom ${
        f.customCount === 1 ? "policy" : "policies"
      }, ${f.disabledCount} built-in ${
        f.disabledCount === 1 ? "policy" : "policies"
      } disabled, ${f.autoApproveCount} auto-approve ${
        f.autoApproveCount === 1 ? "rule" : "rules"
      }.`,
    "Shell commands, file edits and MCP tools are checked before they run, and secrets in tool output are redacted. A blocked call comes back with the policy and what to do instead: do not work around it; ask the user.",
  ];
  if (f.faults.length > 0) {
    lines.push(
      `GOVERNANCE FAULT: ${
        f.faults.join("; ")
      }. Built-in policies apply, but until this is fixed the user's own settings (profile, custom policies, disabled policies) may not be in force. Tell the user about this fault in your first reply, and that \`deno task axonflow doctor\` and \`deno task axonflow policies test ${f.policyFile}\` show what to fix.`,
    );
  }
  return lines.join("\n");
}

/** The user's one-line warning when something is wrong (undefined when all is well). */
export function sessionWarning(f: SessionFacts): string | undefined {
  if (f.faults.length === 0) return undefined;
  return `AxonFlow governance fault: ${
    f.faults.join("; ")
  }. Run \`deno task axonflow doctor\`.`;
}

/** Handle one SessionStart event. */
export function handleSessionStart(
  read: StdinRead,
  env: HookEnv,
  bundle: string,
): HookOutcome {
  const parsed = parseSessionEvent(read.text);
  const stderr: string[] = [];
  if (parsed.kind === "malformed") {
    stderr.push(`SessionStart event not readable: ${parsed.reason}`);
  } else if (
    parsed.kind === "event" && parsed.event.eventName !== "" &&
    parsed.event.eventName !== "SessionStart"
  ) {
    stderr.push(
      `ignoring a ${parsed.event.eventName} event sent to the SessionStart hook`,
    );
    return { stdout: "", stderr };
  }
  const facts = sessionFacts(env, bundle);
  const warning = sessionWarning(facts);
  if (warning) stderr.push(warning);
  return {
    stdout: sessionStartOutput(sessionContext(facts), warning),
    stderr,
  };
}

/** The output when the hook itself failed: governance is on, its state unknown. */
export function sessionFailedOutput(what: string): HookOutcome {
  const msg =
    `AxonFlow governance is active, but its session check failed (${what}); run \`deno task axonflow doctor\`.`;
  return { stdout: sessionStartOutput(msg, msg), stderr: [msg] };
}
