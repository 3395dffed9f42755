/**
 * A secret found once is a secret wherever it recurs in the same text: a
 * password typed twice (`Password:` / `Confirm:`), echoed in an error, or
 * repeated in a second command. Each further occurrence of a found secret
 * value becomes a finding of the same kind. So does a redacted high-severity
 * PII value (an id quoted by a database error and again in its row) and a
 * person's name (`Full Name: Kayla Brennan` … signed `Kayla Brennan`).
 *
 * Bounded: only texts up to {@link MAX_TEXT} characters and the first
 * {@link MAX_VALUES} distinct values are looked for (each costs one
 * `indexOf` sweep).
 *
 * @module
 */

import type { Finding } from "../types.ts";

/** Longest text searched for recurrences. */
const MAX_TEXT = 256 * 1024;
/** Most distinct values searched for. */
const MAX_VALUES = 16;
/** Most further occurrences reported per value. */
const MAX_REPEATS = 64;
/** Shortest value searched for (shorter ones recur by chance). */
const MIN_VALUE = 8;

const isWordChar = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ||
  c === 95;

/**
 * A finding whose value is looked for again: a secret, PII that is redacted
 * at high severity, or a person's name found beside their personal data (the
 * same name signing the message below it is the same person).
 */
export function recurs(f: Finding): boolean {
  return f.category === "secret" ||
    (f.category === "pii" && f.action === "redact" &&
      (f.severity === "high" || f.type === "person_name"));
}

/**
 * Further occurrences of the secret (and redacted high-severity PII) values of `findings` (sorted,
 * non-overlapping) in `text`, outside every finding, as whole words.
 */
export function recurrences(text: string, findings: Finding[]): Finding[] {
  if (text.length > MAX_TEXT) return [];
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const f of findings) {
    if (!recurs(f) || f.end - f.start < MIN_VALUE) continue;
    const v = text.slice(f.start, f.end);
    if (seen.has(v)) continue;
    if (seen.size >= MAX_VALUES) break;
    seen.add(v);
    let repeats = 0;
    for (
      let i = text.indexOf(v);
      i >= 0 && repeats < MAX_REPEATS;
      i = text.indexOf(v, i + 1)
    ) {
      const e = i + v.length;
      if (
        isWordChar(text.charCodeAt(i - 1)) || isWordChar(text.charCodeAt(e))
      ) {
        continue;
      }
      if (
        covered(findings, i, e) || out.some((g) => g.start < e && i < g.end)
      ) {
        continue;
      }
      out.push({ ...f, start: i, end: e });
      repeats++;
    }
  }
  return out;
}

/** Whether [a, b) overlaps a finding of the sorted, non-overlapping `list` (binary search). */
function covered(list: Finding[], a: number, b: number): boolean {
  let lo = 0, hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].end <= a) lo = mid + 1;
    else hi = mid;
  }
  return lo < list.length && list[lo].start < b;
}
