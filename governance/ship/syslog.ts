/**
 * Audit events as syslog messages (RFC 5424), framed for TCP by octet
 * counting (RFC 6587): `<PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID
 * [audit@32473 …] MSG`. Facility 13 (log audit); severity from the verdict.
 * The structured-data ID uses 32473, the private enterprise number RFC 5612
 * sets aside for examples: replace it with your own through `sdId`.
 *
 * @module
 */

import type { AuditEvent } from "../audit/store.ts";

/** Facility 13: log audit. */
export const FACILITY_LOG_AUDIT = 13;

/** Syslog severity of a verdict (RFC 5424 table 2). */
export function syslogSeverity(decision: AuditEvent["decision"]): number {
  switch (decision) {
    case "error":
      return 3; // error
    case "blocked":
      return 4; // warning
    case "redacted":
      return 5; // notice
    default:
      return 6; // informational
  }
}

/** An SD-PARAM value with `"`, `\` and `]` escaped (RFC 5424 §6.3.3). */
export function sdValue(v: string): string {
  return v.replace(/["\\\]]/g, (c) => "\\" + c);
}

/** A header field: printable US-ASCII without spaces, at most `max` characters, `-` when empty. */
function headerField(v: string | undefined, max: number): string {
  const clean = (v ?? "").replace(/[^\x21-\x7e]/g, "").slice(0, max);
  return clean === "" ? "-" : clean;
}

/** Options of {@link syslogMessage}. */
export interface SyslogOptions {
  /** APP-NAME (default `axonflow`). */
  appName?: string;
  /** SD-ID of the event's structured data (default `audit@32473`). */
  sdId?: string;
  /** HOSTNAME when the event names none (default `-`). */
  hostname?: string;
}

/** One RFC 5424 message for an event (no framing, no trailing newline). */
export function syslogMessage(e: AuditEvent, opts: SyslogOptions = {}): string {
  const pri = FACILITY_LOG_AUDIT * 8 + syslogSeverity(e.decision);
  const params: [string, string | undefined][] = [
    ["id", String(e.id)],
    ["decision", e.decision],
    ["decisionId", e.decisionId],
    ["agent", e.agent],
    ["tool", e.toolName],
    ["connector", e.connectorType],
    ["severity", e.severity],
    ["policies", e.policies.join(",")],
    ["session", e.sessionId],
    ["user", e.user],
    ["hash", e.hash],
  ];
  const sd = `[${opts.sdId ?? "audit@32473"}${
    params.filter(([, v]) => v !== undefined && v !== "").map(([k, v]) =>
      ` ${k}="${sdValue(v!)}"`
    ).join("")
  }]`;
  const text = (e.reason ? `${e.inputSummary} | ${e.reason}` : e.inputSummary)
    .replace(/[\r\n]+/g, " ");
  return `<${pri}>1 ${e.time} ${headerField(e.host ?? opts.hostname, 255)} ${
    headerField(opts.appName ?? "axonflow", 48)
  } - ${headerField(e.decision, 32)} ${sd} ${text}`;
}

/** Octet-counting frame for TCP transport (RFC 6587 §3.4.1): `LEN SP MSG`. */
export function octetFrame(message: string): Uint8Array {
  const body = new TextEncoder().encode(message);
  const head = new TextEncoder().encode(`${body.length} `);
  const out = new Uint8Array(head.length + body.length);
  out.set(head);
  out.set(body, head.length);
  return out;
}
