/**
 * Line arithmetic on a text without splitting it: the detectors that read a
 * match's line share these instead of each keeping a copy.
 *
 * @module
 */

/** The end of the line holding `text[at]`: its newline's offset, or the text's length. */
export function lineEnd(text: string, at: number): number {
  const nl = text.indexOf("\n", at);
  return nl < 0 ? text.length : nl;
}
