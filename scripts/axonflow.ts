/**
 * The `axonflow` command line: `check`, `scan`, `doctor`, `audit`,
 * `policies`, `taint`. Run it as `deno task axonflow <cmd>` or install it with
 * `deno install -g -A -n axonflow scripts/axonflow.ts`.
 *
 * @module
 */
import { runAllow, runProject } from "./cli/allow.ts";
import { runAudit } from "./cli/audit.ts";
import { runExplain } from "./cli/explain.ts";
import { runCheck } from "./cli/check.ts";
import { runScan } from "./cli/scan.ts";
import { stripDashDash, UsageError } from "./cli/common.ts";
import { runDoctor } from "./cli/doctor.ts";
import { runPolicies } from "./cli/policies.ts";
import { runTaint } from "./cli/taint.ts";

const HELP = `axonflow — governance for Codex tool calls, from the terminal

Usage: axonflow <command> [options]   (every command takes --help and --json)

  check "<command>"     would this call be blocked? which policies fire and why
  scan FILE|DIR|-       PII, secrets and injected instructions (--git RANGE, --format json|sarif, --redact)
  doctor                Deno, hooks installed and trusted, permissions, audit store, endpoint
  audit tail|search|stats|verify|export
                        the audit trail: table, filters, block chart, hash-chain check, JSONL/CSV
  policies list|show ID|test FILE
                        the catalogue, one policy, your own policy file
  explain DECISION-ID   the policies, reasons, input and what the analysis saw, for one decision
  allow DECISION-ID     show, then write, the narrowest exception for one blocked call
  project status|approve
                        a project's .axonflow/policies.json and your approval of it
  taint status|clear [--session ID]
                        sessions that saw injected instructions (uploads and credential reads refused)

Data directory: $AXONFLOW_HOME (default ~/.axonflow). Codex home: $CODEX_HOME (default ~/.codex).
`;

/** Dispatch a command line; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const args = stripDashDash(argv);
  const [cmd, ...rest] = args;
  try {
    switch (cmd) {
      case "check":
        return await runCheck(rest);
      case "scan":
        return await runScan(rest);
      case "doctor":
        return await runDoctor(rest);
      case "audit":
        return await runAudit(rest);
      case "policies":
        return await runPolicies(rest);
      case "explain":
        return runExplain(rest);
      case "allow":
        return runAllow(rest);
      case "project":
        return runProject(rest);
      case "taint":
        return runTaint(rest);
      case undefined:
      case "help":
      case "--help":
      case "-h":
        console.log(HELP);
        return cmd === undefined ? 2 : 0;
      default:
        console.error(`unknown command "${cmd}"\n\n${HELP}`);
        return 2;
    }
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(e.message);
      return e.code;
    }
    const err = e as Error & { code?: string };
    if (err.code?.startsWith("ERR_PARSE_ARGS")) {
      console.error(`${err.message} (see: axonflow ${cmd} --help)`);
      return 2;
    }
    if (e instanceof Deno.errors.NotFound) {
      console.error(err.message);
      return 1;
    }
    console.error(`axonflow ${cmd}: ${err.message}`);
    return 1;
  }
}

if (import.meta.main) Deno.exit(await main(Deno.args));
