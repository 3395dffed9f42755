/**
 * The detectors `evaluateWith` takes as a parameter: SQL injection, prompt
 * injection, and PII and secrets. They are the largest part of the engine
 * and most tool calls never reach them (a shell command without SQL, a
 * command with nothing a PII or secret kind could match), so a hook loads
 * them only when a call needs them: it judges the call with stand-ins first,
 * and when a stand-in was asked, loads the real detectors and judges the call
 * again from the start. The verdict is always that of a complete evaluation.
 *
 * The stand-in of the PII and secret scanner answers itself for the texts
 * its gate (`detect/sensitive_gate.ts`) clears, where the scanner is sure to
 * find nothing; any other text counts as asked. The catalogue (names and
 * descriptions of the detectors' policies) is asked for only when a detector
 * found something.
 *
 * @module
 */
import type { Finding, PolicyInfo } from "./types.ts";
// Types only: erased, so this module does not load the detectors.
import type { SqlScanOptions } from "./detect/sqli.ts";
import { mayHoldSensitive } from "./detect/sensitive_gate.ts";

/** The detectors an evaluation calls on the texts it finds. */
export interface InputDetectors {
  /** SQL-injection findings in a statement or a text. */
  findSqlInjection(text: string, opts: SqlScanOptions): Finding[];
  /** Prompt-injection findings in a text. */
  findPromptInjection(text: string): Finding[];
  /** PII and secret findings in a text (the scanner's default options). */
  findSensitive(text: string): Finding[];
  /** The catalogue entry of a policy a detector reported (its name and description). */
  policyInfo(id: string): PolicyInfo | undefined;
}

/** The name of one detector. */
export type DetectorName = keyof InputDetectors;

/**
 * Detectors for one evaluation: each loaded one as given, and for each one
 * not loaded a stand-in that records its name in `missing` and finds
 * nothing. An evaluation that recorded a name must be repeated with the
 * detector loaded; its verdict is not to be used.
 */
export function withStandIns(
  loaded: Partial<InputDetectors>,
  missing: Set<DetectorName>,
): InputDetectors {
  return {
    findSqlInjection: loaded.findSqlInjection ?? (() => {
      missing.add("findSqlInjection");
      return [];
    }),
    findPromptInjection: loaded.findPromptInjection ?? (() => {
      missing.add("findPromptInjection");
      return [];
    }),
    findSensitive: loaded.findSensitive ?? ((text: string) => {
      if (mayHoldSensitive(text)) missing.add("findSensitive");
      return [];
    }),
    policyInfo: loaded.policyInfo ?? (() => {
      missing.add("policyInfo");
      return undefined;
    }),
  };
}
