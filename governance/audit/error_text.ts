/**
 * The message of a thrown value, for the sentences the audit store reports.
 *
 * @module
 */

/** The message of an Error, else the value as a string. */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
