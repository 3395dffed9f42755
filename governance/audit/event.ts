/**
 * One audit event as its producer describes it, and how it is normalised
 * (and defensively redacted) before it is hashed, stored or spooled. Kept apart
 * from the store so that a hook can spool an event without loading SQLite.
 *
 * @module
 */

import { findSensitive } from "../engine/detect/sensitive.ts";
import { redact } from "../engine/redact.ts";
import type { Severity } from "../engine/mod.ts";

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
  const time = ev.time ? safeTime(ev.time) : new Date().toISOString();
  const out: AuditEventInput & { time: string } = {
    time,
    sessionId: optText(ev.sessionId, 256),
    turnId: optText(ev.turnId, 256),
    toolUseId: optText(ev.toolUseId, 256),
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
  const red = redact(window, findSensitive(window));
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
  return Number.isFinite(ms)
    ? new Date(ms).toISOString()
    : new Date().toISOString();
}
