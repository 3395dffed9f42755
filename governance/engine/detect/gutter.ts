/**
 * File views with numbered lines. A coding agent reads files through tools
 * that put a line number before each line (`     12→`, `  12 | `,
 * `cat -n`'s `    12<tab>`); a rule that wants its value at the start of a
 * line (`.pgpass`, `.netrc`, INI sections) does not see it there. The view
 * of such a text without the gutters is scanned instead, and its findings
 * are mapped back (see `sensitive.ts`).
 *
 * @module
 */

import { cutView, type View } from "./disguise.ts";

/** A gutter: indentation, a line number, then an arrow, a tab or a bar. */
const GUTTER = /^[ \t]{0,8}(\d{1,7})(?:→|\t|[ ]{1,2}[|│][ ]?)/;

/** Most lines read (a longer text is not a file view a tool printed whole). */
const MAX_LINES = 100_000;

/**
 * The text without its line-number gutters, or undefined when it does not
 * start with a numbered line. A gutter is cut where the numbers go up by
 * one from line to line (two such lines at least, or one arrow gutter:
 * `→` is no other format's separator); other lines stay as they are.
 */
export function gutterView(text: string): View | undefined {
  if (!GUTTER.test(text.slice(0, 24))) return undefined;
  const cuts: [number, number][] = [];
  let run: [number, number][] = [];
  let prev = -2;
  let arrow = false;
  const flush = () => {
    if (run.length >= 2 || (run.length === 1 && arrow)) {
      for (const c of run) cuts.push(c);
    }
    run = [];
    arrow = false;
  };
  let lines = 0;
  for (let ls = 0; ls <= text.length && lines < MAX_LINES; lines++) {
    let le = text.indexOf("\n", ls);
    if (le < 0) le = text.length;
    const m = GUTTER.exec(text.slice(ls, Math.min(le, ls + 24)));
    const n = m === null ? -1 : Number(m[1]);
    if (m !== null && (run.length === 0 || n === prev + 1)) {
      if (run.length === 0) arrow = m[0].endsWith("→");
      run.push([ls, ls + m[0].length]);
      prev = n;
    } else {
      flush();
      if (m !== null) {
        arrow = m[0].endsWith("→");
        run.push([ls, ls + m[0].length]);
        prev = n;
      }
    }
    ls = le + 1;
  }
  flush();
  return cuts.length === 0 ? undefined : cutView(text, cuts);
}
