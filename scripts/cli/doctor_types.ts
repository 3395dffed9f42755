/**
 * The result type of every `axonflow doctor` check.
 *
 * @module
 */

/** One doctor line. */
export interface Check {
  name: string;
  ok: boolean;
  detail: string;
  /** What to do when not ok. */
  fix?: string;
}
