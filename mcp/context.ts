/**
 * What a governance tool runs with: the data directory, the engine config
 * (re-read when `policies.json` changes), the policy bundle, the audit store
 * opened once, and who is calling; and what a tool answers.
 *
 * @module
 */

import { makeBundle, type PolicyBundle } from "../governance/policy_bundle.ts";
import {
  DEFAULT_CONFIG,
  type EngineConfig,
  parsePolicyFile,
  type Profile,
} from "../governance/engine/mod.ts";
import {
  type AuditEventInput,
  auditPath,
  AuditStore,
} from "../governance/audit/store.ts";
import { recordEvent, type RecordResult } from "../governance/audit/record.ts";

/** Everything a tool needs: the data directory, the engine config, the audit store. */
export class ToolContext {
  private store?: AuditStore;
  private policyStamp = "";
  private policyConfig: EngineConfig = DEFAULT_CONFIG;
  /** Problems found in `<dataDir>/policies.json` at the last load. */
  policyErrors: { line: number; message: string }[] = [];

  constructor(
    /** The data directory (`AXONFLOW_HOME`). */
    readonly dataDir: string,
    /** Options: the user's home (for `~` in commands) and a profile override. */
    readonly opts: { home?: string; profile?: Profile } = {},
  ) {}

  /** The engine config from `<dataDir>/policies.json` (re-read when the file changes). */
  config(): EngineConfig {
    const path = `${this.dataDir}/policies.json`;
    let stamp = "";
    try {
      const st = Deno.statSync(path);
      stamp = `${st.mtime?.getTime()}:${st.size}`;
    } catch {
      stamp = "none";
    }
    if (stamp !== this.policyStamp) {
      this.policyStamp = stamp;
      this.policyConfig = DEFAULT_CONFIG;
      this.policyErrors = [];
      if (stamp !== "none") {
        try {
          const parsed = parsePolicyFile(Deno.readTextFileSync(path));
          this.policyConfig = parsed.config;
          this.policyErrors = parsed.errors;
        } catch (e) {
          this.policyErrors = [{ line: 0, message: String(e) }];
        }
      }
    }
    return this.opts.profile
      ? { ...this.policyConfig, profile: this.opts.profile }
      : this.policyConfig;
  }

  /**
   * The organisation's policy bundle: this server's policies.json with a
   * version (its modification time) and content hash, for the hooks to cache
   * and enforce when the server is out of reach. Throws on a file that is
   * not valid JSON (the hooks then keep their last good bundle).
   */
  policyBundle(): PolicyBundle {
    const path = `${this.dataDir}/policies.json`;
    let text: string;
    let version: string;
    try {
      const st = Deno.statSync(path);
      text = Deno.readTextFileSync(path);
      version = st.mtime?.toISOString() ?? "unknown";
    } catch (e) {
      if (e instanceof Deno.errors.NotFound) return makeBundle({}, "none");
      throw e;
    }
    const policy: unknown = text.trim() === "" ? {} : JSON.parse(text);
    if (
      typeof policy !== "object" || policy === null || Array.isArray(policy)
    ) {
      throw new Error(`${path} does not hold one JSON object`);
    }
    return makeBundle(policy as Record<string, unknown>, version);
  }

  /** The audit store, opened once and kept (throws when it cannot be opened). */
  audit(): AuditStore {
    if (!this.store) {
      Deno.mkdirSync(this.dataDir, { recursive: true, mode: 0o700 });
      this.store = AuditStore.open(auditPath(this.dataDir));
    }
    return this.store;
  }

  /** Who is calling the tool being run (from its `caller` argument), for the records it makes. */
  caller?: Caller;

  /** Record an event; never throws (falls back to the spool, like the hooks). */
  record(ev: AuditEventInput): RecordResult {
    if (this.caller) {
      ev = {
        ...ev,
        user: ev.user ?? this.caller.user,
        host: ev.host ?? this.caller.host,
        sessionId: ev.sessionId ?? this.caller.session_id,
      };
    }
    try {
      return { stored: true, spooled: false, event: this.audit().append(ev) };
    } catch {
      this.close();
      return recordEvent(this.dataDir, ev);
    }
  }

  /** Close the audit store. */
  close(): void {
    try {
      this.store?.close();
    } catch {
      // already closed
    }
    this.store = undefined;
  }
}

/** A tool's result: the contract document, or a tool error (`isError: true`, plain text). */
export type ToolOutcome =
  | { ok: true; doc: Record<string, unknown> }
  | { ok: false; error: string };

/** Who made a call: a hook names its developer, host and agent session (all optional). */
export interface Caller {
  user?: string;
  host?: string;
  session_id?: string;
}

/** A context for `dataDir` with the user's home (`$HOME`) and profile override (`$AXONFLOW_PROFILE`). */
export function contextFromEnv(dataDir: string): ToolContext {
  const get = (k: string) => {
    try {
      return Deno.env.get(k);
    } catch {
      return undefined;
    }
  };
  const p = get("AXONFLOW_PROFILE");
  return new ToolContext(dataDir, {
    home: get("HOME"),
    profile: p === "strict" || p === "standard" ? p : undefined,
  });
}
