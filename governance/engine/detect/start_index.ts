/**
 * Keywords indexed by their first two characters, so a text is searched for
 * all of them in one pass: each position is checked only against the
 * keywords that start with its two characters. Shared by the scanner's
 * short-text keyword walk (`keywords.ts`) and the hooks' gate
 * (`sensitive_gate.ts`), which must stay small enough to load without the
 * scanner.
 *
 * @module
 */

/** Keywords by their first two characters (as one number); one-character keywords by their code. */
export interface StartIndex {
  one: Set<number>;
  two: Map<number, string[]>;
}

/** The {@link StartIndex} of `words` (empty words are skipped). */
export function startIndex(words: Iterable<string>): StartIndex {
  const one = new Set<number>();
  const two = new Map<number, string[]>();
  for (const w of words) {
    if (w.length === 0) continue;
    if (w.length === 1) {
      one.add(w.charCodeAt(0));
      continue;
    }
    const key = (w.charCodeAt(0) << 16) | w.charCodeAt(1);
    const list = two.get(key);
    if (list) list.push(w);
    else two.set(key, [w]);
  }
  return { one, two };
}

/** The keywords of `ix` that may start at position `p` of `text` (their first two characters match), or undefined. */
export function startingAt(
  ix: StartIndex,
  text: string,
  p: number,
): readonly string[] | undefined {
  return p + 1 < text.length
    ? ix.two.get((text.charCodeAt(p) << 16) | text.charCodeAt(p + 1))
    : undefined;
}
