/**
 * References to variables in an unexpanded word (`$s`, `${s}`), looked up in
 * what the analysis remembers about variables set earlier on the line.
 *
 * @module
 */

const VAR_REF = /\$\{?([A-Za-z_][A-Za-z0-9_]{0,63})/g;

/** The first variable `text` refers to that `vars` holds, with what it holds (the first 256 references are read). */
export function heldVar<T>(
  text: string,
  vars: ReadonlyMap<string, T>,
): [string, T] | null {
  if (vars.size === 0 || !text.includes("$")) return null;
  VAR_REF.lastIndex = 0;
  let m: RegExpExecArray | null;
  let n = 0;
  while ((m = VAR_REF.exec(text)) && n++ < 256) {
    const v = vars.get(m[1]);
    if (v !== undefined) return [m[1], v];
  }
  return null;
}
