/**
 * `scan`: PII, secrets and prompt injection in a text (a tool's output, a
 * file's content), and a redacted copy in which each PII or secret finding is
 * replaced by `[REDACTED:<type>]`.
 *
 * @module
 */
import { findSensitive } from "./detect/sensitive.ts";
import { findPromptInjection } from "./detect/injection.ts";
import { redact } from "./redact.ts";
import { DEFAULT_CONFIG, type EngineConfig } from "./config.ts";
import { customOutputFindings } from "./custom.ts";
import type { Finding, ScanResult } from "./types.ts";
import { isRedactable } from "./redactable.ts";

export { isRedactable };

/**
 * Scans a text for PII, secrets, injected instructions and custom output policies.
 *
 * @example
 * ```ts
 * scan("SSN 123-45-6789").redacted; // "SSN [REDACTED:ssn]"
 * ```
 */
export function scan(
  text: string,
  config: EngineConfig = DEFAULT_CONFIG,
): ScanResult {
  const disabled = new Set(config.disabled);
  const findings = mergeSorted([
    guarded(text, (t) => findSensitive(t, { disabled }), UNSCANNABLE_SECRET),
    guarded(text, findPromptInjection, UNSCANNABLE_INJECTION),
    guarded(
      text,
      (t) => customOutputFindings(config.custom, t),
      UNSCANNABLE_INJECTION,
    ),
  ].map((list) =>
    disabled.size === 0 ? list : list.filter((f) => !disabled.has(f.policyId))
  ));
  return { findings, redacted: redact(text, findings.filter(isRedactable)) };
}

/** Chunk sizes of the fallback scan of a text a detector failed on: a failed chunk is split again. */
const CHUNKS = [1 << 20, 1 << 16];
/** Overlap of neighbouring chunks (a value across a cut is seen whole by one of them). */
const OVERLAP = 2_048;

/** What stands for a chunk the secret and PII scan failed on: redacted (fail closed). */
const UNSCANNABLE_SECRET: Omit<Finding, "start" | "end"> = {
  policyId: "sys_scan_unscannable",
  type: "unscannable",
  severity: "high",
  action: "redact",
  category: "secret",
};

/** What stands for a chunk the injection or custom scan failed on: a warning. */
const UNSCANNABLE_INJECTION: Omit<Finding, "start" | "end"> = {
  policyId: "sys_scan_unscannable",
  type: "unscannable",
  severity: "medium",
  action: "warn",
  category: "injection",
};

/**
 * A detector's findings that never throws. Hostile output (a 10 MB single
 * token that runs a regex engine out of stack) can make a detector fail on
 * the whole text; it is then run on overlapping 1 MB chunks, a failing
 * chunk on 64 KB chunks, and a 64 KB chunk that still fails is reported as
 * `failed` over its span: for secrets and PII that redacts it (fail
 * closed), for the others it warns.
 */
function guarded(
  text: string,
  detect: (t: string) => Finding[],
  failed: Omit<Finding, "start" | "end">,
): Finding[] {
  try {
    return detect(text);
  } catch {
    const out: Finding[] = [];
    chunked(text, 0, text.length, 0, detect, failed, out);
    return out;
  }
}

/**
 * Findings of `detect` over `text[from, to)` cut into overlapping chunks of
 * `CHUNKS[level]`, pushed to `out` in order. Each chunk reports what starts
 * in its own part (the overlaps' halves go to either side).
 */
function chunked(
  text: string,
  from: number,
  to: number,
  level: number,
  detect: (t: string) => Finding[],
  failed: Omit<Finding, "start" | "end">,
  out: Finding[],
): void {
  const size = CHUNKS[level];
  for (let a = from; a < to; a += size - OVERLAP) {
    const b = Math.min(to, a + size);
    const lo = a === from ? from : a + OVERLAP / 2;
    const hi = b === to ? to : b - OVERLAP / 2;
    let found: Finding[] | undefined;
    try {
      found = detect(text.slice(a, b));
    } catch {
      found = undefined;
    }
    if (found !== undefined) {
      for (const f of found) {
        const start = f.start + a;
        if (start >= lo && start < hi) {
          out.push({ ...f, start, end: f.end + a });
        }
      }
    } else if (level + 1 < CHUNKS.length) {
      chunked(text, lo, hi, level + 1, detect, failed, out);
    } else {
      out.push({ ...failed, start: lo, end: hi });
    }
    if (b === to) break;
  }
}

/** Finding order: by start, longer first. */
const byStart = (a: Finding, b: Finding): number =>
  a.start - b.start || b.end - a.end;

/**
 * The lists' findings in {@link byStart} order; ties keep list order, then
 * order within a list (what a stable sort of the concatenation gives). Each
 * list is sorted first unless it is in order already (the PII and secret
 * list always is), then the lists are merged.
 */
function mergeSorted(lists: Finding[][]): Finding[] {
  const sorted = lists.filter((l) => l.length > 0).map((l) => {
    for (let i = 1; i < l.length; i++) {
      if (byStart(l[i - 1], l[i]) > 0) return [...l].sort(byStart);
    }
    return l;
  });
  if (sorted.length <= 1) return sorted[0] ?? [];
  const out: Finding[] = [];
  const at = sorted.map(() => 0);
  for (;;) {
    let best = -1;
    for (let k = 0; k < sorted.length; k++) {
      if (at[k] === sorted[k].length) continue;
      if (best < 0 || byStart(sorted[k][at[k]], sorted[best][at[best]]) < 0) {
        best = k;
      }
    }
    if (best < 0) return out;
    out.push(sorted[best][at[best]++]);
  }
}
