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
  const findings = [
    ...findSensitive(text, { disabled }),
    ...findPromptInjection(text),
    ...customOutputFindings(config.custom, text),
  ].filter((f) => !disabled.has(f.policyId))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  return { findings, redacted: redact(text, findings.filter(isRedactable)) };
}
