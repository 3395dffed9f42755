/**
 * Audit events as OpenTelemetry logs: the OTLP/HTTP JSON body of an
 * `ExportLogsServiceRequest` (`POST <collector>/v1/logs`), in the protobuf
 * JSON mapping (lowerCamelCase fields, 64-bit integers as decimal strings,
 * enums as numbers). One resource per developer and host, so a collector can
 * route and search by them; every event field that matters is an attribute.
 * Summaries are the store's, already redacted.
 *
 * @module
 */

import type { AuditEvent } from "../audit/store.ts";
import { VERSION } from "../version.ts";

/** An OTLP `AnyValue` as JSON. */
export type OtlpValue =
  | { stringValue: string }
  | { intValue: string }
  | { boolValue: boolean }
  | { doubleValue: number }
  | { arrayValue: { values: OtlpValue[] } };

/** An OTLP `KeyValue` as JSON. */
export interface OtlpAttribute {
  key: string;
  value: OtlpValue;
}

/** OTLP severity number and text of a verdict. */
export function otlpSeverity(
  decision: AuditEvent["decision"],
): { number: number; text: string } {
  switch (decision) {
    case "blocked":
      return { number: 13, text: "WARN" };
    case "error":
      return { number: 17, text: "ERROR" };
    case "redacted":
      return { number: 10, text: "INFO2" };
    default:
      return { number: 9, text: "INFO" };
  }
}

function str(key: string, v: string | undefined): OtlpAttribute[] {
  return v === undefined || v === ""
    ? []
    : [{ key, value: { stringValue: v } }];
}

/** Nanoseconds since the epoch of an ISO time, as the decimal string OTLP JSON wants. */
export function unixNano(iso: string): string {
  const ms = Date.parse(iso);
  return (BigInt(Number.isFinite(ms) ? ms : 0) * 1_000_000n).toString();
}

function logRecord(e: AuditEvent): Record<string, unknown> {
  const sev = otlpSeverity(e.decision);
  const body = e.reason ? `${e.inputSummary}\n${e.reason}` : e.inputSummary;
  return {
    timeUnixNano: unixNano(e.time),
    observedTimeUnixNano: unixNano(e.time),
    severityNumber: sev.number,
    severityText: sev.text,
    body: { stringValue: body },
    attributes: [
      { key: "axonflow.event.id", value: { intValue: String(e.id) } },
      ...str("axonflow.decision", e.decision),
      ...str("axonflow.decision_id", e.decisionId),
      ...str("axonflow.agent", e.agent),
      ...str("axonflow.tool_name", e.toolName),
      ...str("axonflow.connector_type", e.connectorType),
      ...str("axonflow.severity", e.severity),
      {
        key: "axonflow.policies",
        value: {
          arrayValue: { values: e.policies.map((p) => ({ stringValue: p })) },
        },
      },
      ...str("axonflow.output_summary", e.outputSummary),
      ...str("axonflow.error_message", e.errorMessage),
      ...(e.durationMs === undefined ? [] : [{
        key: "axonflow.duration_ms",
        value: { doubleValue: e.durationMs },
      }]),
      { key: "axonflow.success", value: { boolValue: e.success } },
      ...str("session.id", e.sessionId),
      ...str("axonflow.hash", e.hash),
    ],
  };
}

/** The `ExportLogsServiceRequest` JSON for a batch of events (grouped by developer and host, order kept within each). */
export function otlpLogsRequest(
  events: readonly AuditEvent[],
  serviceName = "axonflow-governance",
): Record<string, unknown> {
  const groups = new Map<string, AuditEvent[]>();
  for (const e of events) {
    const k = `${e.user ?? ""}\u0000${e.host ?? ""}`;
    const g = groups.get(k);
    if (g) g.push(e);
    else groups.set(k, [e]);
  }
  const resourceLogs = [...groups.values()].map((g) => ({
    resource: {
      attributes: [
        ...str("service.name", serviceName),
        ...str("service.version", VERSION),
        ...str("host.name", g[0].host),
        ...str("user.name", g[0].user),
      ],
    },
    scopeLogs: [{
      scope: { name: "axonflow.audit", version: VERSION },
      logRecords: g.map(logRecord),
    }],
  }));
  return { resourceLogs };
}
