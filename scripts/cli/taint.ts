/**
 * `axonflow taint status|clear`: which sessions are tainted (the guard saw
 * injected instructions in a tool output, so uploads and credential reads
 * are refused there), and clearing it once the user has looked.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { recordEvent } from "../../governance/audit/record.ts";
import {
  clearTaint,
  listTaints,
  type TaintState,
} from "../../governance/taint/store.ts";
import { dataDir, UsageError } from "./common.ts";

const HELP = `axonflow taint — sessions that saw injected instructions

Usage:
  axonflow taint status [--session ID] [--json]
  axonflow taint clear [--session ID] [--json]

A session is tainted once AxonFlow removed injected instructions from one of
its tool outputs. For the rest of that session, calls that send local data off
the machine (uploads, POST bodies, scp/rsync to a host, nc, DNS tricks, git
push to a new remote) or read credentials (.env, keys, tokens) are refused.
"clear" lifts it for one session (--session) or for all; the audit trail
records it. "status" exits 1 when a listed session is tainted.
`;

function line(t: TaintState): string {
  return t.damaged
    ? `${t.sessionId}  unreadable taint record (${t.damaged}); treated as tainted`
    : `${t.sessionId}  since ${t.at}: ${t.source} (${t.tool}; ${
      t.policies.join(", ")
    })${t.count > 1 ? `, ${t.count} tainted outputs` : ""}`;
}

/** Run `axonflow taint ...`; returns the exit code. */
export function runTaint(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      session: { type: "string" },
      json: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: true,
  });
  const [sub, ...extra] = positionals;
  if (values.help || sub === "help") {
    console.log(HELP);
    return 0;
  }
  if (extra.length > 0 || (sub !== "status" && sub !== "clear")) {
    throw new UsageError(
      `usage: axonflow taint status|clear [--session ID]\n\n${HELP}`,
      2,
    );
  }
  const dir = dataDir();
  const session = values.session;
  if (sub === "status") {
    const list = listTaints(dir).filter((t) =>
      session === undefined || t.sessionId === session
    );
    if (values.json) {
      console.log(JSON.stringify({ tainted: list, count: list.length }));
    } else if (list.length === 0) {
      console.log(
        session ? `session ${session} is not tainted` : "no tainted sessions",
      );
    } else {
      console.log(`${list.length} tainted session(s):`);
      for (const t of list) console.log(`  ${line(t)}`);
      console.log("Clear with: axonflow taint clear --session ID");
    }
    return list.length > 0 ? 1 : 0;
  }
  const gone = clearTaint(dir, session);
  for (const t of gone) {
    recordEvent(dir, {
      sessionId: t.sessionId,
      agent: "cli",
      toolName: "axonflow_taint",
      connectorType: "axonflow.taint",
      decision: "allowed",
      policies: ["axonflow_session_taint"],
      severity: "none",
      reason: `session taint cleared by the user (was: ${line(t)})`,
      inputSummary: `axonflow taint clear${
        session ? ` --session ${session}` : ""
      }`,
      success: true,
    });
  }
  if (values.json) {
    console.log(
      JSON.stringify({
        cleared: gone.map((t) => t.sessionId),
        count: gone.length,
      }),
    );
  } else if (gone.length === 0) {
    console.log(
      session ? `session ${session} was not tainted` : "no tainted sessions",
    );
  } else {
    for (const t of gone) console.log(`cleared ${line(t)}`);
  }
  return 0;
}
