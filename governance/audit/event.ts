/**
 * One audit event as its producer describes it, and how it is normalised
 * (and defensively redacted) before it is hashed, stored or spooled. Kept apart
 * from the store so that a hook can spool an event without loading SQLite.
 *
 * @module
 */

import { sensitiveFindings } from "../engine/detect/sensitive_slot.ts";
import { redact } from "../engine/redact.ts";
import type { Severity } from "../engine/types.ts";

/** Who produced an event. */
export type Agent = "codex" | "claude-code" | "mcp" | "cli";
/** What happened to the call. */
export type Verdict = "allowed" | "blocked" | "redacted" | "error";

/** An event as its producer describes it. */
export interface AuditEventInput {
  /** ISO 8601; default now. Stored normalised to UTC with milliseconds. */
  time?: string;
  sessionId?: string;
  turnId?: string;
  toolUseId?: string;
  /** The developer: the OS account the agent ran under. */
  user?: string;
  /** The machine the event came from. */
  host?: string;
  agent: Agent;
  toolName: string;
  connectorType: string;
  decision: Verdict;
  /** Set for policy verdicts (pre-tool decisions, check_policy, check_output); absent on plain records. */
  decisionId?: string;
  /** Ids of the policies that fired. */
  policies: string[];
  severity: Severity | "none";
  reason?: string;
  /** Already redacted and capped by the caller (`summarize`); redacted again here. */
  inputSummary: string;
  outputSummary?: string;
  durationMs?: number;
  success: boolean;
  errorMessage?: string;
  /**
   * What `explain` and `allow` need to see the call again: a JSON text
   * (`{"cwd", "program", "matches": [{policyId, action, reason, ...}]}`),
   * redacted like the summaries. Absent on older events.
   */
  context?: string;
}

/** Longest stored summary, reason or error message, in characters. */
export const SUMMARY_MAX_CHARS = 4096;

const VERDICTS: ReadonlySet<string> = new Set([
  "allowed",
  "blocked",
  "redacted",
  "error",
]);
const SEVERITIES: ReadonlySet<string> = new Set([
  "critical",
  "high",
  "medium",
  "low",
  "none",
]);

/** Normalise and defensively redact an event before it is hashed, stored or spooled. */
export function prepareEvent(
  ev: AuditEventInput,
): AuditEventInput & { time: string } {
  const time = ev.time ? safeTime(ev.time) : isoTime(Date.now());
  const out: AuditEventInput & { time: string } = {
    time,
    sessionId: optText(ev.sessionId, 256),
    turnId: optText(ev.turnId, 256),
    toolUseId: optText(ev.toolUseId, 256),
    user: optText(ev.user, 128),
    host: optText(ev.host, 256),
    agent: ev.agent,
    toolName: capText(String(ev.toolName ?? ""), 256),
    connectorType: capText(String(ev.connectorType ?? ""), 256),
    decision: VERDICTS.has(ev.decision) ? ev.decision : "error",
    decisionId: optText(ev.decisionId, 256),
    policies: Array.isArray(ev.policies)
      ? [
        ...new Set(
          ev.policies.filter((p) => typeof p === "string").map((p) =>
            p.slice(0, 128)
          ),
        ),
      ]
      : [],
    severity: SEVERITIES.has(ev.severity) ? ev.severity : "none",
    reason: optClean(ev.reason),
    inputSummary: clean(String(ev.inputSummary ?? "")),
    outputSummary: optClean(ev.outputSummary),
    durationMs:
      typeof ev.durationMs === "number" && Number.isFinite(ev.durationMs)
        ? ev.durationMs
        : undefined,
    success: ev.success === true,
    errorMessage: optClean(ev.errorMessage),
  };
  const context = optClean(ev.context);
  if (context !== undefined) out.context = context;
  return out;
}

/**
 * Redact PII/secrets (the engine's PII/secret scanner; the injection pass of
 * `scan` never changes the redacted text) and cap to SUMMARY_MAX_CHARS.
 */
function clean(text: string): string {
  const window = text.length > SUMMARY_MAX_CHARS * 4
    ? text.slice(0, SUMMARY_MAX_CHARS * 4)
    : text;
  const red = redact(window, sensitiveFindings(window));
  return red.length > SUMMARY_MAX_CHARS || window.length < text.length
    ? red.slice(0, SUMMARY_MAX_CHARS - 1) + "…"
    : red;
}

function optClean(v: unknown): string | undefined {
  return typeof v === "string" && v !== "" ? clean(v) : undefined;
}

function optText(v: unknown, max: number): string | undefined {
  return typeof v === "string" && v !== "" ? capText(v, max) : undefined;
}

function capText(v: string, max: number): string {
  return v.length > max ? v.slice(0, max) : v;
}

function safeTime(t: string): string {
  const ms = Date.parse(t);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : isoTime(Date.now());
}

/**
 * `new Date(ms).toISOString()` by arithmetic (UTC, proleptic Gregorian,
 * years 0–9999). The first `Date` object of a process initialises the time
 * zone data, about a millisecond of every hook that records an event.
 *
 * @example
 * ```ts
 * isoTime(0); // "1970-01-01T00:00:00.000Z"
 * ```
 */
export function isoTime(ms: number): string {
  const t = Math.floor(ms);
  const days = Math.floor(t / 86_400_000);
  const rem = t - days * 86_400_000;
  const z = days + 719_468; // days since 0000-03-01
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) -
      Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${
    pad(Math.floor(rem / 3_600_000))
  }:${pad(Math.floor(rem / 60_000) % 60)}:${pad(Math.floor(rem / 1000) % 60)}.${
    pad(rem % 1000, 3)
  }Z`;
}
