/**
 * Loads the PII and secret scanner into a hook that did not start with it
 * (see governance/engine/detect/sensitive_slot.ts): the PreToolUse and
 * PermissionRequest hooks judge most calls without it, and load it before
 * they summarise anything for the audit trail or the model.
 *
 * @module
 */
import type { Finding } from "../../governance/engine/types.ts";

/** Loads the scanner (once) and returns it; loading also makes it the one audit redaction uses. */
export async function loadScanner(): Promise<(text: string) => Finding[]> {
  // A literal specifier, so the bundler puts the scanner in a chunk of its own.
  const m = await import("../../governance/engine/detect/sensitive.ts");
  return (text: string) => m.findSensitive(text);
}
