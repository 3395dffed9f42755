/**
 * Loads the PII and secret scanner into a hook that did not start with it
 * (see governance/engine/detect/sensitive_slot.ts): the PreToolUse and
 * PermissionRequest hooks judge most calls without it, and load it before
 * they summarise anything for the audit trail or the model that could hold
 * a finding.
 *
 * @module
 */
import type { Finding } from "../../governance/engine/types.ts";
import { ScannerNotLoaded } from "../../governance/engine/detect/sensitive_slot.ts";

/** Loads the scanner (once) and returns it; loading also makes it the one audit redaction uses. */
export async function loadScanner(): Promise<(text: string) => Finding[]> {
  // A literal specifier, so the bundler puts the scanner in a chunk of its own.
  const m = await import("../../governance/engine/detect/sensitive.ts");
  return (text: string) => m.findSensitive(text);
}

/**
 * Runs `work`, which redacts through the scanner slot, without the scanner
 * when every text it redacts is one the gate clears; when one is not
 * (`ScannerNotLoaded`), loads the scanner and runs `work` again. `work` must
 * redact everything before it writes anything (the audit spool prepares an
 * event whole before appending it), so the first run leaves no trace.
 */
export async function scanned<T>(work: () => T): Promise<T> {
  try {
    return work();
  } catch (err) {
    if (!(err instanceof ScannerNotLoaded)) throw err;
  }
  await loadScanner();
  return work();
}
