/**
 * Redaction: replace found spans with `[REDACTED:<type>]` markers.
 *
 * @module
 */

import type { Finding } from "./types.ts";

/** A span's offset clamped into the text. */
const clamp = (at: number, length: number): number =>
  Math.max(0, Math.min(at, length));

/** Replaces each finding's span with `[REDACTED:<type>]`; text outside findings is unchanged. Findings may overlap or be unsorted. */
export function redact(text: string, findings: readonly Finding[]): string {
  if (findings.length === 0) return text;
  const n = text.length;
  // Order: by start, longer first, then input order. Scanners hand findings
  // over sorted already, so the sort (of indexes) is usually skipped.
  let order: number[] | undefined;
  for (let i = 1; i < findings.length; i++) {
    const a = findings[i - 1], b = findings[i];
    const as = clamp(a.start, n), bs = clamp(b.start, n);
    if (as > bs || (as === bs && clamp(a.end, n) < clamp(b.end, n))) {
      order = findings.map((_, k) => k).sort((x, y) =>
        clamp(findings[x].start, n) - clamp(findings[y].start, n) ||
        clamp(findings[y].end, n) - clamp(findings[x].end, n)
      );
      break;
    }
  }
  const out: string[] = [];
  let pos = 0;
  for (let i = 0; i < findings.length; i++) {
    const f = findings[order === undefined ? i : order[i]];
    const start = clamp(f.start, n), end = clamp(f.end, n);
    if (end <= start) continue;
    if (start < pos) {
      // Overlaps the previous marker: widen it, keep the first type.
      if (end > pos) pos = end;
      continue;
    }
    out.push(text.slice(pos, start), `[REDACTED:${f.type}]`);
    pos = end;
  }
  out.push(text.slice(pos));
  return out.join("");
}
