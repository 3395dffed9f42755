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
import {
  inertDecision,
  inertEditTextsOf,
} from "../../governance/engine/inert.ts";
import type { Decision, ToolCall } from "../../governance/engine/types.ts";
import { mayHoldSensitive } from "../../governance/engine/detect/sensitive_gate.ts";
import { safeJson, subjectOf } from "../../governance/engine/tool_call.ts";
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

/** The values of an object's keys as one text (what the engine scans of an MCP call's arguments is its values). */
function valuesText(args: unknown): string {
  if (args !== null && typeof args === "object" && !Array.isArray(args)) {
    return safeJson(Object.values(args));
  }
  return safeJson(args);
}

/**
 * The text of a call the engine scans for PII and secrets (empty for the
 * kinds it does not scan: a patch, a read, a fetch), on which alone the
 * hook decides to load the scanner up front. Its arguments' JSON made
 * every file tool (`file_path` holds `pat`, a keyword of two token kinds),
 * every apply_patch (`*** Begin Patch`) and many fetches load it for
 * nothing. This only decides that early load: the engine asks for the
 * scanner itself whenever a text it scans needs it, and the call is then
 * judged again with it.
 */
export function scannedText(call: ToolCall): string {
  const s = subjectOf(call);
  switch (s.kind) {
    case "shell":
      return s.command;
    case "write":
      return s.content;
    case "sql":
      return s.statement;
    case "text":
      return s.text;
    case "mcp":
      return valuesText(s.args);
    default:
      return "";
  }
}

/** Judges a tool call as `evaluate()` does, loading a detector only when the call needs it. */
export async function judge(
  call: ToolCall,
  config: EngineConfig,
): Promise<Decision> {
  // A plain routine command or a plain edit of project files is decided
  // without loading the shell analysis (evaluateWith's own first step);
  // every other call gets the analysis.
  const inert = inertDecision(call, config, loaded.findSensitive);
  if (inert) return inert;
  // A plain edit of project files whose text the PII/secret gate flags is
  // judged by the scanner alone: the full analysis of it finds nothing but
  // what the scanner finds (see governance/engine/inert_write.ts).
  if (!loaded.findSensitive && inertEditTextsOf(call, config) !== null) {
    loaded.findSensitive = await loadScanner();
    const scanned = inertDecision(call, config, loaded.findSensitive);
    if (scanned) return scanned;
  }
  const { analyseWith } = await import(
    "../../governance/engine/evaluate.ts"
  );
  // A call whose arguments may hold PII or secrets will ask for the scanner:
  // load it now rather than judge the call twice.
  if (!loaded.findSensitive && mayHoldSensitive(scannedText(call))) {
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
