/**
 * A hook's evaluation of a tool call: the engine's `evaluateWith`, with the
 * SQL-injection, prompt-injection and PII/secret detectors loaded only when
 * the call reaches them (see governance/engine/detectors.ts). A shell command
 * without SQL and without anything a PII or secret kind could match is
 * judged without loading any, which keeps the hook's start-up short; a call
 * that needs one is judged again, from the start, once it is loaded.
 *
 * @module
 */
import type { EngineConfig } from "../../governance/engine/config.ts";
import {
  type DetectorName,
  type InputDetectors,
  withStandIns,
} from "../../governance/engine/detectors.ts";
import { inertDecision } from "../../governance/engine/inert.ts";
import type { Decision, ToolCall } from "../../governance/engine/types.ts";
import { mayHoldSensitive } from "../../governance/engine/detect/sensitive_gate.ts";
import { safeJson } from "../../governance/engine/tool_call.ts";
import { loadScanner } from "./scanner.ts";

const loaded: Partial<InputDetectors> = {};

/** Loads the named detectors (literal specifiers, so the bundler splits them into chunks of their own). */
async function load(names: ReadonlySet<DetectorName>): Promise<void> {
  if (names.has("findSqlInjection") && !loaded.findSqlInjection) {
    const m = await import("../../governance/engine/detect/sqli.ts");
    loaded.findSqlInjection = m.findSqlInjection;
  }
  if (names.has("findPromptInjection") && !loaded.findPromptInjection) {
    const m = await import("../../governance/engine/detect/injection.ts");
    loaded.findPromptInjection = m.findPromptInjection;
  }
  if (names.has("findSensitive") && !loaded.findSensitive) {
    loaded.findSensitive = await loadScanner();
  }
  if (names.has("policyInfo") && !loaded.policyInfo) {
    const m = await import("../../governance/engine/catalogue.ts");
    loaded.policyInfo = m.builtinPolicy;
  }
}

/**
 * The values of a call's arguments as one text, without the names of its
 * top-level keys: the engine scans values (a command, a file's content),
 * and the key `file_path` holds `pat`, a keyword of two token kinds, which
 * made every file tool load the scanner up front. This only decides that
 * early load: the engine asks for the scanner itself whenever a text it
 * scans needs it, and the call is then judged again with it.
 */
function argumentValues(input: unknown): string {
  if (input !== null && typeof input === "object" && !Array.isArray(input)) {
    return safeJson(Object.values(input));
  }
  return safeJson(input);
}

/** Judges a tool call as `evaluate()` does, loading a detector only when the call needs it. */
export async function judge(
  call: ToolCall,
  config: EngineConfig,
): Promise<Decision> {
  // A plain read-only command is decided without loading the shell analysis
  // (evaluateWith's own first step); every other call gets the analysis.
  const inert = inertDecision(call, config);
  if (inert) return inert;
  const { analyseWith } = await import(
    "../../governance/engine/evaluate.ts"
  );
  // A call whose arguments may hold PII or secrets will ask for the scanner:
  // load it now rather than judge the call twice.
  if (!loaded.findSensitive && mayHoldSensitive(argumentValues(call.input))) {
    loaded.findSensitive = await loadScanner();
  }
  // Each round loads what the previous one asked for; three rounds suffice
  // (the detectors a call reaches do not depend on what they find; the
  // catalogue is asked for once a detector found something), the bound only
  // guards against a future change that breaks that.
  for (let round = 0; round < 4; round++) {
    const missing = new Set<DetectorName>();
    const d = analyseWith(call, config, withStandIns(loaded, missing));
    if (missing.size === 0) return d;
    await load(missing);
  }
  throw new Error("a detector could not be loaded");
}
