/**
 * Helpers of the audit store's tests: a fresh temporary folder, and an
 * event with routine defaults.
 *
 * @module
 */

import type { AuditEventInput } from "./event.ts";

/** A fresh temporary folder for one test's store. */
export function tmp(): string {
  return Deno.makeTempDirSync({ prefix: "audit_store_test_" });
}

/** A routine event (an allowed `ls -la`), with `over` applied. */
export function ev(over: Partial<AuditEventInput> = {}): AuditEventInput {
  return {
    agent: "codex",
    toolName: "Bash",
    connectorType: "codex.Bash",
    decision: "allowed",
    policies: [],
    severity: "none",
    inputSummary: "ls -la",
    success: true,
    ...over,
  };
}
