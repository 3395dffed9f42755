/**
 * `recordEvent`, the never-throwing write that hooks and the MCP server's
 * fallback call: open, append, close; on any failure keep the event in the
 * spool for the next writer.
 *
 * @module
 */

import { type AuditEventInput, prepareEvent } from "./event.ts";
import { errorText } from "./error_text.ts";
import { auditPath } from "./paths.ts";
import type { AuditEvent } from "./schema.ts";
import { appendSpool } from "./spool.ts";
import { AuditStore, type OpenOptions } from "./store.ts";

/** What `recordEvent` did. */
export interface RecordResult {
  stored: boolean;
  spooled: boolean;
  /** Set when the store could not take the event (and, if `spooled` is false, neither could the spool). */
  error?: string;
  event?: AuditEvent;
}

/**
 * Never throws: appends the event to `<dataDir>/audit.db` (creating the
 * directory when missing). On a locked, read-only, corrupt or missing store
 * keeps the event in `<dataDir>/audit.spool.jsonl` and returns
 * `{stored:false, spooled:true, error}`; when even that fails returns
 * `{stored:false, spooled:false, error}` for the caller to print on stderr.
 * The next successful write merges the spool first.
 */
export function recordEvent(
  dataDir: string,
  ev: AuditEventInput,
  opts: OpenOptions = {},
): RecordResult {
  let prepared: AuditEventInput & { time: string };
  try {
    prepared = prepareEvent(ev);
  } catch (e) {
    return {
      stored: false,
      spooled: false,
      error: `bad audit event: ${errorText(e)}`,
    };
  }
  let storeError: string;
  try {
    try {
      Deno.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    } catch {
      // opening reports the real problem
    }
    const store = AuditStore.open(auditPath(dataDir), opts);
    try {
      return { stored: true, spooled: false, event: store.append(prepared) };
    } finally {
      store.close();
    }
  } catch (e) {
    storeError = errorText(e);
  }
  try {
    appendSpool(dataDir, prepared);
    return {
      stored: false,
      spooled: true,
      error:
        `audit store unavailable (${storeError}); event kept in ${dataDir}/audit.spool.jsonl`,
    };
  } catch (e) {
    return {
      stored: false,
      spooled: false,
      error: `audit store unavailable (${storeError}); spool failed too (${
        errorText(e)
      })`,
    };
  }
}
