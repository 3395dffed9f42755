/**
 * Recording a hook's verdict in the local audit store. Never throws and never
 * changes a verdict: a store that cannot be written becomes a stderr note
 * (the store itself spools the event for later).
 *
 * @module
 */

import {
  type AuditEventInput,
  recordEvent,
} from "../../governance/audit/store.ts";

/** Append one event; returns a stderr note when it could not be stored. */
export function audit(
  dataDir: string,
  ev: AuditEventInput,
): string | undefined {
  try {
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
