/**
 * Which findings are replaced in a redacted text. Its own module so that the
 * code that only formats findings does not load the detectors.
 *
 * @module
 */
import type { Finding } from "./types.ts";

/** Findings that are replaced in the redacted text: PII, secrets, and custom policies whose action is redact. */
export function isRedactable(f: Finding): boolean {
  return f.category === "pii" || f.category === "secret" ||
    (f.category === "custom" && f.action === "redact");
}
