/**
 * The types analyzers see: a unit with the state it runs in, the pipeline
 * around it, and the registry of analyzers the walker calls.
 *
 * @module
 */

import type { Arg, State, Unit } from "./unit.ts";

/** A unit with the state it runs in. */
export interface Ran {
  unit: Unit;
  st: State;
  /** Already analysed (it came from a nested subshell or group). */
  done: boolean;
}

/** A pipeline as seen by analyzers: every element's units, and which element is being judged. */
export interface Pipe {
  elements: Ran[][];
  index: number;
}

/** An analyzer of one unit. */
export type Analyzer = (u: Unit, st: State, pipe: Pipe) => void;

/** Per-command-name analyzers plus analyzers for every unit; set by analyze.ts. */
export interface Registry {
  byName: Map<string, Analyzer[]>;
  all: Analyzer[];
  /** Called for every function definition (fork bombs). */
  func: (name: string, body: Ran[], st: State) => void;
  /** Called for standalone assignments (HISTFILE=/dev/null...). */
  assign: (name: string, value: Arg, st: State) => void;
}
