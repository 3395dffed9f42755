/**
 * Recording a hook's verdict in the local audit trail. Never throws and never
 * changes a verdict: a trail that cannot be written becomes a stderr note.
 *
 * Every event is first appended to the spool (`audit.spool.jsonl`, one line,
 * redacted like the store): that costs a hook well under a millisecond, where
 * loading SQLite and committing costs about ten. The store chains the spool
 * in when it is next opened: by any reader (the MCP server, `axonflow audit`,
 * `doctor`), or by a PostToolUse hook once the spool holds
 * {@link MERGE_BYTES} or its oldest event is {@link MERGE_AGE_MS} old. So a
 * query always sees every event, and no event waits long to be chained.
 *
 * - {@link journal} (PreToolUse) only spools.
 * - {@link audit} (PostToolUse) spools, then merges when due; when the spool
 *   cannot be written it writes to the store directly.
 *
 * @module
 */

import type { AuditEventInput } from "../../governance/audit/event.ts";
// Static on purpose: a dynamic import costs a hook several milliseconds of
// module loading; the spool module is small. The store is loaded only to merge.
import { prepareEvent } from "../../governance/audit/event.ts";
import {
  appendSpoolAside,
  spoolDue,
  spoolEvent,
  SpoolNotAFileError,
} from "../../governance/audit/spool.ts";
import { dataEntry } from "./data_files.ts";
import { ScannerNotLoaded } from "../../governance/engine/detect/sensitive_slot.ts";
import { callerOf, identity } from "./identity.ts";
import { WITNESS_PUT } from "../../governance/audit/checkpoint.ts";
import type { RemoteConfig } from "../../governance/remote/axonflow.ts";
import { rpcCall } from "../../governance/remote/rpc.ts";

/** Spool size (bytes) at which a PostToolUse hook chains the spool into the store. */
export const MERGE_BYTES = 64 * 1024;
/** Age (ms) of the oldest spooled event at which a PostToolUse hook chains the spool in. */
export const MERGE_AGE_MS = 60_000;

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Largest spool a hook chains into the store (a bigger one is left to `axonflow audit`). */
export const MERGE_MAX_BYTES = 64 * 1024 * 1024;

/** The event with the developer and host filled in where the producer left them out. */
function withIdentity(ev: AuditEventInput): AuditEventInput {
  const id = identity();
  return { ...ev, user: ev.user ?? id.user, host: ev.host ?? id.host };
}

/**
 * Spool one event; the reason when it could not be written. When the
 * spool's place holds a FIFO, folder, link or device, the event goes to a
 * spool file of its own (merged like the live one) and the reason says so.
 */
function trySpool(
  dataDir: string,
  ev: AuditEventInput,
): { error?: string; warning?: string } {
  ev = withIdentity(ev);
  try {
    spoolEvent(dataDir, ev);
    return {};
  } catch (err) {
    // A text that needs the scanner first is the caller's to handle (see
    // hooks/lib/scanner.ts `scanned`): nothing was written yet.
    if (err instanceof ScannerNotLoaded) throw err;
    if (!(err instanceof SpoolNotAFileError)) return { error: errorText(err) };
    try {
      appendSpoolAside(dataDir, prepareEvent(ev));
      return {
        warning: `${
          errorText(err)
        }: this event was spooled beside it; remove it so the audit trail stays in one place`,
      };
    } catch (err2) {
      if (err2 instanceof ScannerNotLoaded) throw err2;
      return { error: `${errorText(err)}; ${errorText(err2)}` };
    }
  }
}

/** Why the store must not be opened by a hook now (audit.db or the spool is not a plain file, or the spool is huge). */
function storeBlocked(dataDir: string): string | undefined {
  for (
    const name of [
      AUDIT_DB,
      `${AUDIT_DB}-wal`,
      `${AUDIT_DB}-shm`,
      `${AUDIT_DB}-journal`,
    ]
  ) {
    const e = dataEntry(dataDir, name);
    if (e.kind === "bad") return e.reason;
  }
  try {
    for (const e of Deno.readDirSync(dataDir)) {
      if (!e.isFile || !e.name.startsWith("audit.spool.")) continue;
      const size = Deno.lstatSync(`${dataDir}/${e.name}`).size;
      if (size > MERGE_MAX_BYTES) {
        return `${e.name} holds ${size} bytes; run \`deno task axonflow audit verify\` to chain it in`;
      }
    }
  } catch {
    // no folder or no spool: nothing to merge
  }
  return undefined;
}

/** The audit database's file name (as governance/audit/paths.ts names it). */
const AUDIT_DB = "audit.db";

/**
 * Record one event (PostToolUse): spool it, and chain the spool into the
 * store when due. Resolves to a stderr note when the event could not be kept.
 */
export async function audit(
  dataDir: string,
  ev: AuditEventInput,
  remote?: RemoteConfig,
): Promise<string | undefined> {
  const { error: spoolError, warning: spoolWarning } = trySpool(dataDir, ev);
  try {
    if (spoolError === undefined) {
      if (!spoolDue(dataDir, Date.now(), MERGE_BYTES, MERGE_AGE_MS)) {
        return spoolWarning;
      }
      const blocked = storeBlocked(dataDir);
      if (blocked) {
        return `audit spool kept for later (${blocked})`;
      }
      const { AuditStore, auditPath } = await import(
        "../../governance/audit/store.ts"
      );
      // Opening chains the spool in (a locked or read-only store leaves it for later).
      const store = AuditStore.open(auditPath(dataDir));
      const cp = remote ? store.latestSignedCheckpoint() : undefined;
      store.close();
      // In remote mode the team server keeps a copy of the newest
      // checkpoint, out of the agent's and the developer's reach.
      if (remote && cp) {
        const out = await rpcCall(remote, WITNESS_PUT, {
          checkpoint: cp,
          caller: callerOf(ev.sessionId),
        });
        if (out.kind === "none") {
          return `audit checkpoint not sent to ${remote.endpoint} (${out.message}); it is kept locally`;
        }
      }
      return spoolWarning;
    }
    const blocked = storeBlocked(dataDir);
    if (blocked) return `audit event lost: spool (${spoolError}); ${blocked}`;
    const { recordEvent } = await import("../../governance/audit/record.ts");
    const r = recordEvent(dataDir, withIdentity(ev));
    if (r.stored) return undefined;
    return `audit event lost: spool (${spoolError}) and store (${
      r.error ?? "unknown error"
    }) both failed`;
  } catch (err) {
    return spoolError === undefined
      ? `audit spool kept for later (${errorText(err)})`
      : `audit event lost: ${errorText(err)}`;
  }
}

/**
 * Spool one event (PreToolUse); returns a stderr note when it could not be
 * written. Throws `ScannerNotLoaded`, having written nothing, when a text of
 * the event needs the scanner and it is not loaded.
 */
export function journal(
  dataDir: string,
  ev: AuditEventInput,
): string | undefined {
  const { error, warning } = trySpool(dataDir, ev);
  return error === undefined ? warning : `audit event lost: ${error}`;
}
