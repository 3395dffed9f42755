/**
 * Decision ids: random (version 4) UUIDs, drawn again while the PII and
 * secret gate would not clear one. A block's reason names its decision id
 * (`axonflow allow <id>`), and the hook journals that reason redacted; about
 * one id in four has digit groups the gate cannot tell from a phone or card
 * number, which made a quarter of all blocks load the scanner (a quarter of
 * a megabyte of code) to find nothing. An id is never redacted differently
 * for this: the gate still decides, on the whole text, whether the scanner
 * runs; only fewer ids need it.
 *
 * @module
 */
import { mayHoldSensitive } from "./detect/sensitive_gate.ts";

/** Most ids drawn for one decision (one in four needs a second draw). */
const MAX_DRAWS = 16;

/** A new random decision id that the PII and secret gate clears (almost always; see the module doc). */
export function newDecisionId(): string {
  let id = crypto.randomUUID();
  for (let i = 1; i < MAX_DRAWS && mayHoldSensitive(id); i++) {
    id = crypto.randomUUID();
  }
  return id;
}
