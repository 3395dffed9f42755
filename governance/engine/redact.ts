/**
 * Redaction: replace found spans with `[REDACTED:<type>]` markers.
 *
 * @module
 */

import type { Finding } from "./types.ts";

/** Replaces each finding's span with `[REDACTED:<type>]`; text outside findings is unchanged. Findings may overlap or be unsorted. */
export function redact(text: string, findings: readonly Finding[]): string {
  if (findings.length === 0) return text;
  const spans = findings
    .map((f) => ({
      start: Math.max(0, Math.min(f.start, text.length)),
      end: Math.max(0, Math.min(f.end, text.length)),
      type: f.type,
    }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: string[] = [];
  let pos = 0;
  for (const s of spans) {
    if (s.start < pos) {
      // Overlaps the previous marker: widen it, keep the first type.
      if (s.end > pos) pos = s.end;
      continue;
    }
    out.push(text.slice(pos, s.start), `[REDACTED:${s.type}]`);
    pos = s.end;
  }
  out.push(text.slice(pos));
  return out.join("");
}
