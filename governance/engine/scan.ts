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

/** Findings that are replaced in the redacted text: PII, secrets, and custom policies whose action is redact. */
export function isRedactable(f: Finding): boolean {
  return f.category === "pii" || f.category === "secret" ||
    (f.category === "custom" && f.action === "redact");
}

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
    findSensitive(text, { disabled }),
    findPromptInjection(text),
    customOutputFindings(config.custom, text),
  ].map((list) =>
    disabled.size === 0 ? list : list.filter((f) => !disabled.has(f.policyId))
  ));
  return { findings, redacted: redact(text, findings.filter(isRedactable)) };
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
