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
  /**
   * Per pair `(x << 7) | y` read at an odd offset (`y` there): 1 when it may
   * be a word's first two bytes, 2 its second and third, 4 when `y` may
   * begin a word of one or two bytes ({@link nextStart} reads every other
   * pair).
   */
  odd: Uint8Array;
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
  const odd = new Uint8Array(128 * 128);
  for (const w of words) {
    for (const a of variants(w.charCodeAt(0))) {
      if (w.length === 1) {
        for (let y = 0; y < 128; y++) odd[(a << 7) | y] |= 1;
      } else {
        for (const b of variants(w.charCodeAt(1))) odd[(a << 7) | b] |= 1;
      }
      if (w.length <= 2) {
        for (let x = 0; x < 128; x++) odd[(x << 7) | a] |= 4;
      }
    }
    if (w.length >= 3) {
      for (const b of variants(w.charCodeAt(1))) {
        for (const c of variants(w.charCodeAt(2))) odd[(b << 7) | c] |= 2;
      }
    }
  }
  return { row, thirds: Uint32Array.from(rows, (v) => v >>> 0), odd };
}

/**
 * The first position at or after `from` where a word of `t` may start in
 * `bytes` (ASCII), or `bytes.length` when none. A word of three or more
 * bytes covers an odd offset with its first two bytes or its second and
 * third, a shorter one with its first byte or its first two; so only the
 * pairs ending at odd offsets are read (half the table reads of a pass),
 * and the places they name are checked in order ({@link startsAt}).
 */
export function nextStart(
  t: StartTable,
  bytes: Uint8Array,
  from: number,
): number {
  const n = bytes.length;
  const odd = t.odd;
  const lo = from < 0 ? 0 : from;
  for (let i = lo | 1; i < n; i += 2) {
    const f = odd[(bytes[i - 1] << 7) | bytes[i]];
    if (f === 0) continue;
    if ((f & 2) !== 0 && i - 2 >= lo && startsAt(t, bytes, i - 2)) {
      return i - 2;
    }
    if ((f & 1) !== 0 && i - 1 >= lo && startsAt(t, bytes, i - 1)) {
      return i - 1;
    }
    if ((f & 4) !== 0 && startsAt(t, bytes, i)) return i;
  }
  // The last two places always are.
  const last = Math.max(lo, n - 2);
  return last < n ? last : n;
}

const encoder = new TextEncoder();
let buffer = new Uint8Array(0);
let lastText: string | undefined;
let lastBytes: Uint8Array | undefined;

/**
 * The code units of `text` as bytes when it is all ASCII, else undefined.
 * The view is this module's own (not `ascii.ts`'s, which the scanner's
 * passes over shorter texts reuse in between) and stays valid until this
 * function is called with another text.
 */
export function startBytes(text: string): Uint8Array | undefined {
  if (text === lastText) return lastBytes;
  const n = text.length;
  if (buffer.length < n) {
    buffer = new Uint8Array(Math.max(n, buffer.length * 2));
  }
  const view = buffer.subarray(0, n);
  const { read, written } = encoder.encodeInto(text, view);
  lastText = text;
  lastBytes = read === n && written === n ? view : undefined;
  return lastBytes;
}

/** A regex every match of which starts with one of some literal words, searched only where they may start. */
export interface LiteralSearch {
  table: StartTable;
  /** The regex, sticky (tried at one place). */
  sticky: RegExp;
  /** Every match starts a word: no ASCII letter, digit or `_` before it (a `\b` before a letter). */
  wordStart: boolean;
}

/**
 * The search of `re` (its flags other than `g` and `y` kept) by `words`:
 * every match of `re` must start with one of them (ASCII; with `ci`, in
 * either case), and with `wordStart` start a word (see
 * {@link LiteralSearch.wordStart}); the caller's tests hold it to that.
 */
export function literalSearch(
  re: RegExp,
  words: readonly string[],
  ci: boolean,
  wordStart = false,
): LiteralSearch {
  return {
    table: startTable(words, ci),
    sticky: new RegExp(re.source, re.flags.replace(/[gy]/g, "") + "y"),
    wordStart,
  };
}

/** An ASCII letter, digit or `_` (a regex `\w` without the `u` flag). */
function wordByte(b: number): boolean {
  return (b >= 97 && b <= 122) || (b >= 65 && b <= 90) ||
    (b >= 48 && b <= 57) || b === 95;
}

/**
 * The match a global copy of the search's regex finds from `from` in
 * `text` (the leftmost at or after it), or null: the sticky regex tried at
 * each place one of the words may start, in order. `bytes` are the text's
 * ASCII bytes ({@link startBytes}).
 */
export function literalExec(
  s: LiteralSearch,
  text: string,
  bytes: Uint8Array,
  from: number,
): RegExpExecArray | null {
  const n = bytes.length;
  const re = s.sticky;
  const wordStart = s.wordStart;
  for (let p = nextStart(s.table, bytes, from); p < n;) {
    if (!wordStart || p === 0 || !wordByte(bytes[p - 1])) {
      re.lastIndex = p;
      const m = re.exec(text);
      if (m !== null) return m;
    }
    p = nextStart(s.table, bytes, p + 1);
  }
  return null;
}

/** Whether a word of `t` may start at `p` of `bytes` (always near the end, as {@link nextStart} answers). */
function startsAt(t: StartTable, bytes: Uint8Array, p: number): boolean {
  if (p + 2 >= bytes.length) return true;
  const r = t.row[(bytes[p] << 7) | bytes[p + 1]];
  if (r <= 1) return r === 1;
  const c = bytes[p + 2];
  return (t.thirds[(r << 2) | (c >> 5)] & (1 << (c & 31))) !== 0;
}

/** Several literal searches read in one pass ({@link searchPlaces}). */
export interface MultiSearch {
  searches: readonly LiteralSearch[];
  /** The start table of all their words. */
  union: StartTable;
}

/** The searches of `searches` in one pass: `words` are all their words (ASCII, either case). */
export function multiSearch(
  searches: readonly LiteralSearch[],
  words: readonly string[],
): MultiSearch {
  return { searches, union: startTable(words, true) };
}

/** Most places recorded per search; past them a search reads the bytes itself. */
const MAX_PLACES = 1 << 15;

/** The places where each search's words may start, from one pass over the bytes. */
export interface SearchPlaces {
  /** Per search, its places in order. */
  at: number[][];
  /** Per search, the offset from which its places were not recorded (the text's length: all were). */
  upTo: number[];
}

/**
 * The places where the words of each of `m`'s searches may start in
 * `bytes`, found in one pass over them (a table read per byte for all of
 * them instead of one per search); at most {@link MAX_PLACES} per search.
 */
export function searchPlaces(m: MultiSearch, bytes: Uint8Array): SearchPlaces {
  const n = bytes.length;
  const k = m.searches.length;
  const at: number[][] = Array.from({ length: k }, () => []);
  const upTo: number[] = new Array(k).fill(n);
  let open = k;
  for (let p = nextStart(m.union, bytes, 0); p < n && open > 0;) {
    const word = p === 0 || !wordByte(bytes[p - 1]);
    for (let j = 0; j < k; j++) {
      if (upTo[j] !== n) continue;
      const s = m.searches[j];
      if ((word || !s.wordStart) && startsAt(s.table, bytes, p)) {
        if (at[j].length === MAX_PLACES) {
          upTo[j] = p;
          open--;
        } else at[j].push(p);
      }
    }
    p = nextStart(m.union, bytes, p + 1);
  }
  return { at, upTo };
}

/**
 * {@link literalExec} of search `j` of `places`: the sticky regex tried at
 * its recorded places from `from`, then (past what was recorded) at the
 * places read from the bytes.
 */
export function placesExec(
  s: LiteralSearch,
  places: SearchPlaces,
  j: number,
  text: string,
  bytes: Uint8Array,
  from: number,
): RegExpExecArray | null {
  const at = places.at[j];
  // The first recorded place at or after `from`.
  let lo = 0, hi = at.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  const re = s.sticky;
  for (let i = lo; i < at.length; i++) {
    re.lastIndex = at[i];
    const m = re.exec(text);
    if (m !== null) return m;
  }
  const upTo = places.upTo[j];
  return upTo < bytes.length
    ? literalExec(s, text, bytes, Math.max(from, upTo))
    : null;
}
