/**
 * Recording a hook's verdict in the local audit trail. Never throws and never
 * changes a verdict: a trail that cannot be written becomes a stderr note.
 *
 * Two ways in:
 * - {@link audit} (PostToolUse) writes the event into the SQLite store,
 *   chained, merging whatever waits in the spool first; a store that cannot
 *   be written spools the event instead.
 * - {@link journal} (PreToolUse) only appends the event to the spool, one
 *   line: a blocked call then does not pay for loading SQLite. The next
 *   store write or read (the PostToolUse hook of the next tool call, the MCP
 *   server, the CLI) chains it in.
 *
 * The store (and node:sqlite) is loaded on first use only: a PreToolUse hook
 * never loads it.
 *
 * @module
 */

import type { AuditEventInput } from "../../governance/audit/event.ts";
// Static on purpose: a dynamic import costs a hook several milliseconds of
// module loading at the moment it blocks; the spool module is small.
import { spoolEvent } from "../../governance/audit/spool.ts";

function errorNote(err: unknown): string {
  return `audit event lost: ${
    err instanceof Error ? err.message : String(err)
  }`;
}

/** Append one event to the store; resolves to a stderr note when it could not be stored. */
export async function audit(
  dataDir: string,
  ev: AuditEventInput,
): Promise<string | undefined> {
  try {
    const { recordEvent } = await import("../../governance/audit/store.ts");
    const r = recordEvent(dataDir, ev);
    if (r.stored) return undefined;
    return r.spooled
      ? `audit store unavailable (${
        r.error ?? "unknown"
      }); event kept in the spool file`
      : `audit event lost: ${r.error ?? "unknown error"}`;
  } catch (err) {
    return errorNote(err);
  }
}

/** Append one event to the spool (merged into the store by its next user); resolves to a stderr note when it could not be written. */
export function journal(
  dataDir: string,
  ev: AuditEventInput,
): string | undefined {
  try {
    spoolEvent(dataDir, ev);
    return undefined;
  } catch (err) {
    return errorNote(err);
  }
}
