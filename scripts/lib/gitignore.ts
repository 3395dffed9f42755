/**
 * A small `.gitignore` reader for folders that are not git work trees:
 * comments, blank lines, `!` negation, a trailing `/` (folders only), a
 * leading or inner `/` (anchored to the .gitignore's folder), `*`, `?` and
 * `**`. Matching uses no regular expressions: a two-pointer wildcard match
 * per segment and a table over segments, polynomial on any input.
 *
 * @module
 */

/** Whether a path (relative to the scanned root, `/`-separated) is ignored; `isDir` for folders. */
export type IgnoreTest = (path: string, isDir: boolean) => boolean;

/**
 * One path segment against one glob segment (`*`, `?`, `\\x`): the classic
 * two-pointer wildcard match, O(pattern × segment) at worst, no regex.
 */
export function segmentMatch(pat: string, seg: string): boolean {
  let p = 0, s = 0, star = -1, mark = 0;
  while (s < seg.length) {
    const c = pat[p];
    if (p < pat.length && c === "*") {
      star = p++;
      mark = s;
      continue;
    }
    if (p < pat.length && c === "\\" && p + 1 < pat.length) {
      if (pat[p + 1] === seg[s]) {
        p += 2;
        s++;
        continue;
      }
    } else if (p < pat.length && (c === "?" || c === seg[s])) {
      p++;
      s++;
      continue;
    }
    if (star >= 0) {
      p = star + 1;
      s = ++mark;
      continue;
    }
    return false;
  }
  while (p < pat.length && pat[p] === "*") p++;
  return p === pat.length;
}

/** Glob segments (`**` = any number of segments) against path segments, by dynamic programming. */
export function segmentsMatch(pat: string[], segs: string[]): boolean {
  // can[j]: pat[0..i) matches segs[0..j)
  let can = new Array<boolean>(segs.length + 1).fill(false);
  can[0] = true;
  for (const g of pat) {
    const next = new Array<boolean>(segs.length + 1).fill(false);
    if (g === "**") {
      let any = false;
      for (let j = 0; j <= segs.length; j++) {
        any = any || can[j];
        next[j] = any;
      }
    } else {
      for (let j = 1; j <= segs.length; j++) {
        next[j] = can[j - 1] && segmentMatch(g, segs[j - 1]);
      }
    }
    can = next;
  }
  return can[segs.length];
}

/**
 * The ignore test for a folder holding `.gitignore` text, at `base` (relative
 * to the root, "" for the root), on top of the parent folder's test.
 */
export function gitignoreMatcher(
  text: string,
  base: string,
  parent: IgnoreTest,
): IgnoreTest {
  const rules: {
    segs: string[];
    anchored: boolean;
    negate: boolean;
    dirOnly: boolean;
  }[] = [];
  for (let line of text.split(/\r?\n/)) {
    if (!line.trim() || line.startsWith("#")) continue;
    line = line.replace(/(?<!\\)\s+$/, "");
    let negate = false;
    if (line.startsWith("!")) {
      negate = true;
      line = line.slice(1);
    }
    let dirOnly = false;
    if (line.endsWith("/")) {
      dirOnly = true;
      line = line.slice(0, -1);
    }
    const anchored = line.includes("/");
    if (line.startsWith("/")) line = line.slice(1);
    if (!line) continue;
    rules.push({ segs: line.split("/"), anchored, negate, dirOnly });
  }
  return (path, isDir) => {
    let ignored = parent(path, isDir);
    const rel = base ? path.slice(base.length + 1) : path;
    if (base && !path.startsWith(`${base}/`)) return ignored;
    const segs = rel.split("/");
    for (const r of rules) {
      if (r.dirOnly && !isDir) continue;
      // the path itself (a folder's contents are skipped with it)
      const hit = r.anchored
        ? segmentsMatch(r.segs, segs)
        : segmentMatch(r.segs[0], segs[segs.length - 1]);
      if (hit) ignored = !r.negate;
    }
    return ignored;
  };
}
