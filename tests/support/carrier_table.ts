/**
 * The per-carrier results of an end-to-end leak run: which classes of value
 * reached the model through which carrier, checked on what the model
 * received for that call and on every request the CLI sent.
 *
 * @module
 */

import { leakedNames, requestViews } from "./leak_scan.ts";

/** One carrier's classes and what the model received for its call. */
export interface CarrierCase {
  carrier: string;
  classes: readonly { name: string; values: Record<string, string> }[];
  /** What the model received for this call (output and hook context). */
  received: unknown;
}

/** One row: a class through a carrier, and the value names that leaked. */
export interface CarrierRow {
  carrier: string;
  leakClass: string;
  leaked: string[];
}

/**
 * Rows for every class of every case: a value leaked when it (or a decodable
 * form) is in what the model received for that call.
 */
export function carrierRows(cases: readonly CarrierCase[]): CarrierRow[] {
  const rows: CarrierRow[] = [];
  for (const c of cases) {
    const own = requestViews([c.received]);
    for (const k of c.classes) {
      rows.push({
        carrier: c.carrier,
        leakClass: k.name,
        leaked: leakedNames(own, k.values),
      });
    }
  }
  return rows;
}

/** Names of `values` found anywhere in the requests (raw or decodable). */
export function leakedAnywhere(
  requests: readonly unknown[],
  values: Readonly<Record<string, string>>,
): string[] {
  return leakedNames(requestViews(requests), values);
}

/** The rows as a plain-text table (carrier, class, result). */
export function formatRows(rows: readonly CarrierRow[]): string {
  const w1 = Math.max(7, ...rows.map((r) => r.carrier.length));
  const w2 = Math.max(5, ...rows.map((r) => r.leakClass.length));
  const lines = [`${"carrier".padEnd(w1)}  ${"class".padEnd(w2)}  result`];
  for (const r of rows) {
    lines.push(
      `${r.carrier.padEnd(w1)}  ${r.leakClass.padEnd(w2)}  ${
        r.leaked.length ? `LEAKED (${r.leaked.join(", ")})` : "redacted"
      }`,
    );
  }
  return lines.join("\n");
}
