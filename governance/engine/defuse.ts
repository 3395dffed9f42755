/**
 * What the model may read of a tool output: every secret and PII value
 * replaced by `[REDACTED:<type>]` and every injected instruction removed
 * (`[REDACTED:injected_instruction]`), widened from the detector's span to
 * the line, or the sentence on a long line, that carries it.
 *
 * Pure and linear: each widening looks at most {@link WIDEN_MAX} characters
 * either side of a finding.
 *
 * @module
 */

import { redact } from "./redact.ts";
import { isRedactable } from "./redactable.ts";
import type { Finding, ScanResult } from "./types.ts";

/** Marker type of a removed injected instruction. */
export const INJECTION_MARKER_TYPE = "injected_instruction";

/** A line longer than this is cut at sentence ends instead of removed whole. */
export const LINE_MAX = 800;

/** How far a widening looks for a sentence end on either side. */
export const WIDEN_MAX = 400;

/** Texts shorter than this (trimmed) are never treated as holding an injected instruction. */
export const INJECTION_MIN_CHARS = 24;

/** What a tool output becomes before the model reads it. */
export interface Defused {
  /** The text with secrets/PII redacted and injected instructions removed. */
  text: string;
  /** Marker types of the redacted values (`stripe_key`, `password`...), sorted, unique. */
  redactedTypes: string[];
  /** Injection policy ids that fired, sorted, unique. */
  injectionPolicies: string[];
  /** How many values were redacted and instructions removed. */
  redactedCount: number;
  removedCount: number;
}

/** Whether a finding is an injected instruction. */
export function isInjection(f: Finding): boolean {
  return f.category === "injection";
}

const SENTENCE_END = new Set([".", "!", "?", ">", ";"]);

/** A classifier finding: it covers the chunk it scored, not the instruction itself. */
function isWholeChunk(f: Finding): boolean {
  return f.policyId === "sys_injection_classifier";
}

/** The span an injected instruction is removed over: its line, or its sentence on a long line. */
export function widenInjection(
  text: string,
  start: number,
  end: number,
): [number, number] {
  const n = text.length;
  const s = Math.max(0, Math.min(start, n));
  const e = Math.max(s, Math.min(end, n));
  const lineStart = text.lastIndexOf("\n", s - 1) + 1;
  let lineEnd = text.indexOf("\n", e);
  if (lineEnd < 0) lineEnd = n;
  if (lineEnd - lineStart <= LINE_MAX) return [lineStart, lineEnd];
  let a = s;
  const aMin = Math.max(lineStart, s - WIDEN_MAX);
  while (a > aMin && !SENTENCE_END.has(text[a - 1])) a--;
  let b = e;
  const bMax = Math.min(lineEnd, e + WIDEN_MAX);
  while (b < bMax && !SENTENCE_END.has(text[b])) b++;
  if (b < bMax) b++; // keep the full stop with the removed sentence
  return [a, b];
}

/**
 * The defused text of a scan of `text`: redactable findings replaced as
 * {@link redact} does, injection findings widened and removed.
 */
export function defuse(text: string, result: ScanResult): Defused {
  const redactable = result.findings.filter(isRedactable);
  // A handful of characters cannot carry an instruction (the classifier
  // alone has flagged the single word "text").
  const injected = text.trim().length < INJECTION_MIN_CHARS
    ? []
    : result.findings.filter(isInjection);
  // The classifier marks a whole chunk; where a pattern names the exact
  // instruction inside it, only that part is removed (the rest of the page
  // stays readable). A classifier finding with no pattern inside stands.
  const precise = injected.filter((f) => !isWholeChunk(f));
  const removed = injected.filter((f) =>
    !isWholeChunk(f) ||
    !precise.some((p) => p.start >= f.start && p.end <= f.end)
  );
  const spans: Finding[] = [...redactable];
  for (const f of removed) {
    const [start, end] = widenInjection(text, f.start, f.end);
    spans.push({ ...f, type: INJECTION_MARKER_TYPE, start, end });
  }
  // Injections first at equal starts: a removed line swallows what it holds.
  spans.sort((x, y) =>
    x.start - y.start || y.end - x.end ||
    Number(isInjection(y)) - Number(isInjection(x))
  );
  const out = spans.length === redactable.length
    ? result.redacted
    : redact(text, spans);
  return {
    text: replaceRaw(out, rawValues(text, redactable)),
    redactedTypes: [...new Set(redactable.map((f) => f.type))].sort(),
    injectionPolicies: [...new Set(injected.map((f) => f.policyId))].sort(),
    redactedCount: redactable.length,
    removedCount: new Set(
      spans.filter((f) => f.type === INJECTION_MARKER_TYPE).map((f) =>
        `${f.start}:${f.end}`
      ),
    ).size,
  };
}

/** Raw values shorter than this are not searched for elsewhere (too many false hits). */
export const RAW_MIN = 6;

/** The distinct raw values of findings in `text` (longest first), for {@link replaceRaw}. */
export function rawValues(
  text: string,
  findings: readonly Finding[],
): { value: string; type: string }[] {
  const seen = new Map<string, string>();
  for (const f of findings) {
    const v = text.slice(f.start, f.end);
    if (v.length >= RAW_MIN && v.length <= 4096 && !seen.has(v)) {
      seen.set(v, f.type);
    }
    if (seen.size >= 256) break;
  }
  return [...seen].map(([value, type]) => ({ value, type })).sort((a, b) =>
    b.value.length - a.value.length
  );
}

/**
 * Replaces every remaining occurrence of each raw value by its marker: a
 * value found once (where its context gave it away) is hidden wherever else
 * it appears (repeated in a log line, in another field).
 */
export function replaceRaw(
  text: string,
  raws: readonly { value: string; type: string }[],
): string {
  let out = text;
  for (const r of raws) {
    if (out.includes(r.value)) {
      out = out.split(r.value).join(`[REDACTED:${r.type}]`);
    }
  }
  return out;
}
