/**
 * Where one of a list of literal ASCII words may start in an ASCII text, read
 * from its bytes: a table over pairs of bytes gives each pair's row, a row a
 * mask of the bytes that can come third. One table read per position passes
 * over the many places no word starts at, so a caller tries its own
 * (exact) pattern only at the few that remain, instead of running a regex
 * alternation over every position of a long text.
 *
 * The answer is a superset: every place one of the words starts is
 * returned (the last two places of the text always are); what stands
 * around it (word boundaries) is the caller's to check.
 *
 * @module
 */

/** Rows of third bytes per pair of bytes (see {@link startTable}). */
export interface StartTable {
  /** Per pair `(a << 7) | b`: 0 no word starts so, 1 any third byte, else the row in `thirds`. */
  row: Uint16Array;
  /** 128-bit masks of third bytes, four words a row. */
  thirds: Uint32Array;
}

/** The start table of `words` (ASCII, at least one character each); with `ci`, in either case of each letter. */
export function startTable(words: readonly string[], ci: boolean): StartTable {
  const row = new Uint16Array(128 * 128);
  const rows: number[] = [0, 0, 0, 0, -1, -1, -1, -1];
  const variants = (c: number): number[] => {
    if (c >= 128) throw new Error(`non-ASCII word character ${c}`);
    const lower = c | 32;
    return ci && lower >= 97 && lower <= 122 ? [lower, lower - 32] : [c];
  };
  for (const w of words) {
    if (w.length === 0) throw new Error("empty word");
    for (const a of variants(w.charCodeAt(0))) {
      if (w.length === 1) {
        row.fill(1, a << 7, (a + 1) << 7);
        continue;
      }
      for (const b of variants(w.charCodeAt(1))) {
        const at = (a << 7) | b;
        if (w.length === 2) row[at] = 1;
        if (row[at] === 1) continue;
        if (row[at] === 0) {
          row[at] = rows.length >> 2;
          rows.push(0, 0, 0, 0);
        }
        const r = row[at] << 2;
        for (const c of variants(w.charCodeAt(2))) {
          rows[r + (c >> 5)] |= 1 << (c & 31);
        }
      }
    }
  }
  return { row, thirds: Uint32Array.from(rows, (v) => v >>> 0) };
}

/**
 * The first position at or after `from` where a word of `t` may start in
 * `bytes` (ASCII), or `bytes.length` when none.
 */
export function nextStart(
  t: StartTable,
  bytes: Uint8Array,
  from: number,
): number {
  const n = bytes.length;
  const row = t.row, thirds = t.thirds;
  const stop = n - 2;
  let i = from < 0 ? 0 : from;
  if (i < stop) {
    let b = bytes[i];
    for (; i < stop; i++) {
      const a = b;
      b = bytes[i + 1];
      const r = row[(a << 7) | b];
      if (r === 0) continue;
      if (r === 1) return i;
      const c = bytes[i + 2];
      if ((thirds[(r << 2) | (c >> 5)] & (1 << (c & 31))) !== 0) return i;
    }
  }
  return i < n ? i : n;
}
