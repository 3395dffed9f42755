/**
 * The last resort for text the parser or the walk could not follow (nested
 * past the depth limit, code inside code too often, past the work budget):
 * the text is read as flat words, quotes and nesting ignored, and every
 * dangerous program name in it is judged with the words that follow it. So
 * running out of depth or budget never lets a dangerous fragment through.
 *
 * @module
 */

import { commandName, litArg, type State } from "./unit.ts";

/** Distinct fragments judged per text; past it the rest is refused as unjudgeable. */
const MAX_FRAGMENTS = 2_000;
/** Words after a program name that are judged with it. */
const MAX_ARGS = 32;

const SEPARATORS = /[;&|\n(){}`]+|\$\(/;

/**
 * Judges `src` as flat text: each program in `names` found as a word is
 * analysed (through `st.out.unit`) with the words after it.
 */
export function flatScan(
  src: string,
  st: State,
  names: ReadonlySet<string>,
): void {
  let fragments = 0;
  const seen = new Set<string>();
  const home = st.ctx.home;
  const segments = src.split(SEPARATORS);
  for (const seg of segments) {
    if (seg.length < 2) continue;
    const words = seg.replace(/["'\\]/g, " ").split(/[ \t\r]+/).filter((w) =>
      w !== ""
    );
    for (let k = 0; k < words.length; k++) {
      const name = commandName(words[k]);
      if (!names.has(name)) continue;
      const rest = words.slice(k + 1, k + 1 + MAX_ARGS);
      const key = name + "\0" + rest.join("\0");
      if (seen.has(key)) continue;
      seen.add(key);
      if (++fragments > MAX_FRAGMENTS) {
        st.out.matches.add(
          "hidden_command",
          "the command is too large and too deeply built to judge, and it names dangerous programs past what was judged",
          "split the command into smaller ones",
        );
        return;
      }
      const args = rest.map((w) => litArg(w.replace(/^\$\{?HOME\}?/, home)));
      st.out.unit({
        name,
        args,
        redirects: [],
        stdin: null,
        sudo: false,
        cmd: litArg(words[k]),
      }, { ...st, cwd: st.cwd });
    }
  }
}
