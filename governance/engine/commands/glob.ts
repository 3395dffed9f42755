/**
 * Shell glob matching of one name against one pattern segment, without
 * regular expressions.
 *
 * @module
 */

/** Whether a glob (`r?`, `[r]m`, `*m`) matches a name; linear, no regex. */
export function globMatches(glob: string, name: string): boolean {
  let g = 0;
  let n = 0;
  let star = -1;
  let mark = 0;
  while (n < name.length) {
    const c = glob[g];
    if (c === "[") {
      const close = glob.indexOf("]", g + 2);
      if (close > 0) {
        let set = glob.slice(g + 1, close);
        const neg = set[0] === "!" || set[0] === "^";
        if (neg) set = set.slice(1);
        let hit = false;
        for (let i = 0; i < set.length; i++) {
          if (set[i + 1] === "-" && i + 2 < set.length) {
            if (name[n] >= set[i] && name[n] <= set[i + 2]) hit = true;
            i += 2;
          } else if (set[i] === name[n]) hit = true;
        }
        if (hit !== neg) {
          g = close + 1;
          n++;
          continue;
        }
      }
    } else if (c === "?" || (c !== undefined && c !== "*" && c === name[n])) {
      g++;
      n++;
      continue;
    } else if (c === "*") {
      star = g++;
      mark = n;
      continue;
    }
    if (star < 0) return false;
    g = star + 1;
    n = ++mark;
  }
  while (glob[g] === "*") g++;
  return g === glob.length;
}
