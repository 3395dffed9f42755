/**
 * Recording a hook's verdict in the local audit store. Never throws and never
 * changes a verdict: a store that cannot be written becomes a stderr note
 * (the store itself spools the event for later).
 *
 * The store (and node:sqlite) is loaded on first use only: the most common
 * path, a PreToolUse allow, never writes and so never pays for it.
 *
 * @module
 */

import type { AuditEventInput } from "../../governance/audit/store.ts";

/** Append one event; resolves to a stderr note when it could not be stored. */
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
    return `audit event lost: ${
      err instanceof Error ? err.message : String(err)
    }`;
  }
}
