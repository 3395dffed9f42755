/**
 * Keywords indexed by their first two ASCII codes in typed arrays, so an
 * ASCII text (as bytes) is searched for all of them in one pass with one
 * array read per position: most positions start no keyword and fail that
 * read. Used by the hooks' gate (`sensitive_gate.ts`), which must stay
 * small enough to load without the scanner.
 *
 * @module
 */

/** A pair of ASCII codes `(a << 7) | b` is a keyword of two characters, or starts with one of one (`a`, any `b`). */
export const PAIR_HIT = 1;
/** A pair is a keyword of two characters (in lower case for a case-insensitive one). */
export const PAIR_TWO = 8;
/** A pair starts keywords of the case-sensitive list (`PairIndex.cs`). */
export const PAIR_CS = 2;
/** A pair, read in lower case, starts keywords of the case-insensitive list (`PairIndex.ci`). */
export const PAIR_CI = 4;

/** The keywords of two case modes by their first two codes. */
export interface PairIndex {
  /** Per pair `(a << 7) | b`: {@link PAIR_HIT} | {@link PAIR_TWO} | {@link PAIR_CS} | {@link PAIR_CI}. */
  flags: Uint8Array;
  /** Per ASCII code, 1 when it is a keyword of one character. */
  one: Uint8Array;
  /** Per pair, 1 + the index in `lists` of the case-sensitive keywords starting with it, or 0. */
  cs: Uint16Array;
  /** Per pair (in any case), 1 + the index in `lists` of the lower-case keywords starting with its lower case, or 0. */
  ci: Uint16Array;
  /** Keyword lists (three characters or longer), each of one case mode. */
  lists: string[][];
  /**
   * Per list `l`, four words `[4 * l ..]`: a 128-bit mask of the codes that
   * come third in its keywords (in both cases for a case-insensitive list).
   */
  third: Uint32Array;
}

/** ASCII code → its lower case. */
export const LOWER: Uint8Array = Uint8Array.from(
  { length: 128 },
  (_, c) => c >= 65 && c <= 90 ? c + 32 : c,
);

function isAscii(w: string): boolean {
  for (let i = 0; i < w.length; i++) if (w.charCodeAt(i) >= 128) return false;
  return true;
}

/** The codes that read as `c` (in lower case when `ci`). */
function variants(c: number, ci: boolean): number[] {
  return ci && c >= 97 && c <= 122 ? [c, c - 32] : [c];
}

function addWords(
  ix: PairIndex,
  third: number[],
  words: Iterable<string>,
  ci: boolean,
): void {
  const rows = ci ? ix.ci : ix.cs;
  const bit = ci ? PAIR_CI : PAIR_CS;
  for (const w of words) {
    // A non-ASCII keyword never occurs in an ASCII text.
    if (w.length === 0 || !isAscii(w)) continue;
    for (const a of variants(w.charCodeAt(0), ci)) {
      if (w.length === 1) {
        ix.one[a] = 1;
        for (let b = 0; b < 128; b++) ix.flags[(a << 7) | b] |= PAIR_HIT;
        continue;
      }
      for (const b of variants(w.charCodeAt(1), ci)) {
        const k = (a << 7) | b;
        if (w.length === 2) {
          ix.flags[k] |= PAIR_HIT | PAIR_TWO;
          continue;
        }
        if (rows[k] === 0) {
          ix.lists.push([]);
          third.push(0, 0, 0, 0);
          rows[k] = ix.lists.length;
        }
        const l = rows[k] - 1;
        if (!ix.lists[l].includes(w)) ix.lists[l].push(w);
        for (const c of variants(w.charCodeAt(2), ci)) {
          third[4 * l + (c >> 5)] |= 1 << (c & 31);
        }
        ix.flags[k] |= bit;
      }
    }
  }
}

/**
 * The {@link PairIndex} of `cs` (matched as they are) and `ci` (lower case,
 * matched in any case). Empty and non-ASCII keywords are left out: they
 * never occur in an ASCII text. A keyword of one or two characters is a hit
 * by {@link PairIndex.flags} alone: a condition a caller puts on a hit can
 * only be on longer ones.
 */
export function pairIndex(
  cs: Iterable<string>,
  ci: Iterable<string>,
): PairIndex {
  const ix: PairIndex = {
    flags: new Uint8Array(128 * 128),
    one: new Uint8Array(128),
    cs: new Uint16Array(128 * 128),
    ci: new Uint16Array(128 * 128),
    lists: [],
    third: new Uint32Array(0),
  };
  const third: number[] = [];
  addWords(ix, third, cs, false);
  addWords(ix, third, ci, true);
  ix.third = Uint32Array.from(third, (v) => v >>> 0);
  return ix;
}

/** Whether code `c` comes third in a keyword of list `l` of `ix`. */
export function thirdMay(ix: PairIndex, l: number, c: number): boolean {
  return (ix.third[4 * l + (c >> 5)] & (1 << (c & 31))) !== 0;
}

/** Whether `word` (ASCII) occurs in `bytes` at `i`, its codes compared as they are, or in lower case when `ci`. */
export function wordAt(
  bytes: Uint8Array,
  i: number,
  word: string,
  ci: boolean,
): boolean {
  const n = word.length;
  if (i + n > bytes.length) return false;
  if (ci) {
    for (let j = 0; j < n; j++) {
      if (LOWER[bytes[i + j]] !== word.charCodeAt(j)) return false;
    }
  } else {
    for (let j = 0; j < n; j++) {
      if (bytes[i + j] !== word.charCodeAt(j)) return false;
    }
  }
  return true;
}
