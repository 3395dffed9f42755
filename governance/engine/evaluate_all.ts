/**
 * `evaluate`: the verdict on a tool call before it runs, with every detector
 * (the MCP server, the CLI and the tests use this; a hook loads the SQL- and
 * prompt-injection detectors only when a call needs them, see
 * `detectors.ts`).
 *
 * @module
 */
import { DEFAULT_CONFIG, type EngineConfig } from "./config.ts";
import { findSqlInjection } from "./detect/sqli.ts";
import { findPromptInjection } from "./detect/injection.ts";
import { findSensitive } from "./detect/sensitive.ts";
import { mayHoldSensitive } from "./detect/sensitive_gate.ts";
import { builtinPolicy } from "./catalogue.ts";
import type { InputDetectors } from "./detectors.ts";
import { evaluateWith } from "./evaluate.ts";
import type { Decision, ToolCall } from "./types.ts";

/**
 * Every input detector, loaded. The PII and secret scanner runs only on text
 * its gate does not clear: the gate answers no only when the scanner would
 * find nothing (`sensitive_gate.ts`), and costs a third of a scan on a
 * typical command line, most of which it clears.
 */
export const ALL_DETECTORS: InputDetectors = Object.freeze({
  findSqlInjection,
  findPromptInjection,
  findSensitive: (text: string) =>
    mayHoldSensitive(text) ? findSensitive(text) : [],
  policyInfo: builtinPolicy,
});

/**
 * Judges a tool call before it runs.
 *
 * @example
 * ```ts
 * const d = evaluate({ toolName: "Bash", input: { command: "rm -rf ~" }, cwd: "/home/u/app", home: "/home/u" });
 * d.allowed; // false
 * d.matches[0].policyId; // "sys_dangerous_..."
 * ```
 */
export function evaluate(
  call: ToolCall,
  config: EngineConfig = DEFAULT_CONFIG,
): Decision {
  return evaluateWith(call, config, ALL_DETECTORS);
}
