/**
 * Redaction: replace found spans with `[REDACTED:<type>]` markers.
 *
 * @module
 */

import type { Finding } from "./types.ts";
import { asciiBytes } from "./detect/ascii.ts";

/** A span's offset clamped into the text. */
const clamp = (at: number, length: number): number =>
  Math.max(0, Math.min(at, length));

/** Texts at least this long (and all ASCII) are redacted byte-wise. */
const BYTES_FROM = 2048;

/** Replaces each finding's span with `[REDACTED:<type>]`; text outside findings is unchanged. Findings may overlap or be unsorted. */
export function redact(text: string, findings: readonly Finding[]): string {
  if (findings.length === 0) return text;
  const n = text.length;
  const order = redactOrder(findings, n);
  if (n >= BYTES_FROM) {
    const bytes = asciiBytes(text);
    if (bytes !== undefined) {
      const out = redactBytes(bytes, findings, order);
      if (out !== undefined) return out;
    }
  }
  const out: string[] = [];
  const tail = eachCut(findings, order, n, (from, start, type) => {
    out.push(text.slice(from, start), `[REDACTED:${type}]`);
  });
  out.push(text.slice(tail));
  return out.join("");
}

/**
 * Walks the findings in `order` and calls `cut(from, start, type)` for each
 * marker to write: the text from `from` to `start` is kept, then the marker
 * takes the finding's place. A finding overlapping the previous marker widens
 * it (the first type stays); empty spans are skipped. Returns where the kept
 * tail of the text starts.
 */
function eachCut(
  findings: readonly Finding[],
  order: number[] | undefined,
  n: number,
  cut: (from: number, start: number, type: string) => void,
): number {
  let pos = 0;
  for (let i = 0; i < findings.length; i++) {
    const f = findings[order === undefined ? i : order[i]];
    const start = clamp(f.start, n), end = clamp(f.end, n);
    if (end <= start) continue;
    if (start < pos) {
      if (end > pos) pos = end;
      continue;
    }
    cut(pos, start, f.type);
    pos = end;
  }
  return pos;
}

/**
 * Order: by start, longer first, then input order; undefined when the
 * findings are in that order already (scanners hand them over sorted).
 */
function redactOrder(
  findings: readonly Finding[],
  n: number,
): number[] | undefined {
  for (let i = 1; i < findings.length; i++) {
    const a = findings[i - 1], b = findings[i];
    const as = clamp(a.start, n), bs = clamp(b.start, n);
    if (as > bs || (as === bs && clamp(a.end, n) < clamp(b.end, n))) {
      return findings.map((_, k) => k).sort((x, y) =>
        clamp(findings[x].start, n) - clamp(findings[y].start, n) ||
        clamp(findings[y].end, n) - clamp(findings[x].end, n)
      );
    }
  }
  return undefined;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
/** Encoded markers by type. */
const MARKERS = new Map<string, Uint8Array>();
let outBuffer = new Uint8Array(0);

function marker(type: string): Uint8Array {
  let m = MARKERS.get(type);
  if (m === undefined) {
    m = encoder.encode(`[REDACTED:${type}]`);
    if (MARKERS.size < 1024) MARKERS.set(type, m);
  }
  return m;
}

/**
 * The same redaction over an ASCII text's bytes, decoded once at the end
 * (no string per piece). Undefined when an offset is not an integer (the
 * string path then truncates it as `slice` does).
 */
function redactBytes(
  bytes: Uint8Array,
  findings: readonly Finding[],
  order: number[] | undefined,
): string | undefined {
  const n = bytes.length;
  for (const f of findings) {
    if (
      !Number.isInteger(clamp(f.start, n)) || !Number.isInteger(clamp(f.end, n))
    ) {
      return undefined;
    }
  }
  // Pass 1: the output's length.
  let length = 0;
  const tail = eachCut(findings, order, n, (from, start, type) => {
    length += start - from + marker(type).length;
  });
  length += n - tail;
  if (outBuffer.length < length) {
    outBuffer = new Uint8Array(Math.max(length, outBuffer.length * 2));
  }
  const out = outBuffer;
  // Pass 2: copy the kept bytes and the markers.
  let o = 0;
  eachCut(findings, order, n, (from, start, type) => {
    o = copy(bytes, from, start, out, o);
    const m = marker(type);
    o = copy(m, 0, m.length, out, o);
  });
  o = copy(bytes, tail, n, out, o);
  return decoder.decode(out.subarray(0, o));
}

/** Copies `from[a..b)` to `to` at `o`; returns the new end. */
function copy(
  from: Uint8Array,
  a: number,
  b: number,
  to: Uint8Array,
  o: number,
): number {
  if (b - a > 32) {
    to.set(from.subarray(a, b), o);
    return o + b - a;
  }
  for (let i = a; i < b; i++) to[o++] = from[i];
  return o;
}
