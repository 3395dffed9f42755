/**
 * Overlap resolution of the PII and secret scanner: candidates of one scan
 * as flat arrays, ordered by start, and one sweep that keeps the best of
 * each cluster of overlapping candidates (longest, then higher priority,
 * then earlier).
 *
 * @module
 */

/**
 * Candidates of one scan as flat arrays (no object per candidate). Each kind
 * scanned appends one run of candidates; `list` numbers the runs in scan
 * order, which breaks ties between identical spans the way a stable sort of
 * the scan order would.
 */
export interface Candidates {
  start: number[];
  end: number[];
  list: number[];
  /** Kind of each run. */
  runKind: number[];
  /** Index of each run's first candidate (a run's candidates are contiguous). */
  runFrom: number[];
}

/** One candidate finding: its span, kind and tie-break priority. */
export interface Candidate {
  start: number;
  end: number;
  kind: number;
  priority: number;
}

/** Longest wins, then higher priority, then earlier start. */
function better(a: Candidate, b: Candidate): boolean {
  const la = a.end - a.start, lb = b.end - b.start;
  if (la !== lb) return la > lb;
  if (a.priority !== b.priority) return a.priority > b.priority;
  return a.start < b.start;
}

/** Greedy best-first choice inside one cluster of overlapping candidates. */
export function pickCluster(cluster: Candidate[], out: Candidate[]): void {
  if (cluster.length === 1) {
    out.push(cluster[0]);
    return;
  }
  if (cluster.length === 2) {
    // Two candidates in a cluster overlap: the better one (the first on a tie) wins.
    const [a, b] = cluster;
    out.push(better(b, a) ? b : a);
    return;
  }
  const order = [...cluster].sort((a, b) =>
    better(a, b) ? -1 : better(b, a) ? 1 : 0
  );
  const chosen: Candidate[] = [];
  for (const c of order) {
    if (chosen.every((d) => c.end <= d.start || d.end <= c.start)) {
      chosen.push(c);
    }
  }
  chosen.sort((a, b) => a.start - b.start);
  for (const c of chosen) out.push(c);
}

/**
 * The {@link sortedOrder} order by merging the runs, each already in order
 * of start (a scan moves forward): at each step the head that starts first,
 * longer first, then the earlier run. Undefined when a run is not in strict
 * start order.
 */
export function mergedOrder(c: Candidates): {
  start: Int32Array;
  end: Int32Array;
  run: Int32Array;
} | undefined {
  const n = c.start.length;
  const runs = c.runFrom.length;
  const cs = c.start, ce = c.end;
  const at = new Int32Array(runs), stop = new Int32Array(runs);
  const live = new Int32Array(runs);
  let alive = 0;
  for (let r = 0; r < runs; r++) {
    at[r] = c.runFrom[r];
    stop[r] = r + 1 < runs ? c.runFrom[r + 1] : n;
    for (let i = at[r] + 1; i < stop[r]; i++) {
      if (cs[i] <= cs[i - 1]) return undefined;
    }
    if (at[r] < stop[r]) live[alive++] = r;
  }
  const start = new Int32Array(n), end = new Int32Array(n);
  const run = new Int32Array(n);
  for (let o = 0; o < n; o++) {
    let best = 0;
    let i = at[live[0]];
    let bs = cs[i], be = ce[i];
    for (let q = 1; q < alive; q++) {
      i = at[live[q]];
      const s = cs[i];
      if (s < bs || (s === bs && ce[i] > be)) {
        best = q;
        bs = s;
        be = ce[i];
      }
    }
    const r = live[best];
    start[o] = bs;
    end[o] = be;
    run[o] = r;
    if (++at[r] === stop[r]) {
      for (let q = best + 1; q < alive; q++) live[q - 1] = live[q];
      alive--;
    }
  }
  return { start, end, run };
}

/**
 * Candidate order for the overlap sweep: by start, longer first, then scan
 * order. Each candidate packs into one exactly representable number
 * (start, inverted length, run), so a plain numeric sort does it; texts too
 * long for that fall back to a comparator sort.
 */
export function sortedOrder(c: Candidates, runs: number, textLength: number): {
  start: Int32Array;
  end: Int32Array;
  run: Int32Array;
} {
  const n = c.start.length;
  const start = new Int32Array(n), end = new Int32Array(n);
  const run = new Int32Array(n);
  let maxLen = 0;
  for (let i = 0; i < n; i++) {
    const len = c.end[i] - c.start[i];
    if (len > maxLen) maxLen = len;
  }
  let lenSpan = 1;
  while (lenSpan <= maxLen) lenSpan *= 2;
  let runSpan = 1;
  while (runSpan < runs) runSpan *= 2;
  if ((textLength + 1) * lenSpan * runSpan <= Number.MAX_SAFE_INTEGER) {
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const len = c.end[i] - c.start[i];
      keys[i] = (c.start[i] * lenSpan + (lenSpan - 1 - len)) * runSpan +
        c.list[i];
    }
    keys.sort();
    for (let i = 0; i < n; i++) {
      const key = keys[i];
      const r = key % runSpan;
      const rest = (key - r) / runSpan;
      const inv = rest % lenSpan;
      const s = (rest - inv) / lenSpan;
      start[i] = s;
      end[i] = s + (lenSpan - 1 - inv);
      run[i] = r;
    }
  } else {
    const idx = Array.from({ length: n }, (_, i) => i);
    idx.sort((a, b) => c.start[a] - c.start[b] || c.end[b] - c.end[a] || a - b);
    for (let i = 0; i < n; i++) {
      start[i] = c.start[idx[i]];
      end[i] = c.end[idx[i]];
      run[i] = c.list[idx[i]];
    }
  }
  return { start, end, run };
}
