/**
 * The keyword index of the PII and secret scanner: which kinds a text's
 * keywords trigger, and where. Three ways find the same hits: pair tables
 * (`pair_index.ts`) read over the bytes of short ASCII texts, a flat trie table walked over the bytes of other texts
 * (non-ASCII characters walked as a code in no keyword), and a combined trie
 * regex (the reference the tests hold the other two to).
 *
 * @module
 */

import { asciiBytes } from "./ascii.ts";
import {
  PAIR_CI,
  PAIR_CS,
  PAIR_TWO,
  type PairIndex,
  pairIndex,
  thirdMay as listThirdMay,
  wordAt,
} from "./pair_index.ts";

/** What the index needs of a kind: its keywords, their case mode, and whether it is anchored at them. */
export interface KeywordKind {
  spec: { readonly keywords: readonly string[]; readonly ignoreCase?: boolean };
  anchored: boolean;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}

/**
 * The keywords of one case mode. Everything past the word list is built on
 * first use: the trie regex only for long (or non-ASCII) texts, and the kinds
 * of a keyword only once that keyword is seen.
 */
export interface KeywordIndex {
  ci: boolean;
  /** Per keyword (lower case when `ci`), its own kinds, in catalogue order. */
  own: Map<string, number[]>;
  /** Per keyword, its kinds and those of every keyword that is its prefix. */
  kinds: Map<string, number[]>;
  /** Combined trie regex (a reference for tests; scans use {@link KeywordIndex.table}). */
  re?: RegExp;
  /** The keywords as a transition table (undefined until a long text needs it). */
  table?: KeywordTable;
  /** The tables {@link collectBoth} walks this index with a second one by (built on first use). */
  both?: BothTables;
  /** Keywords by their first two characters, for short texts (built on first use). */
  starts?: PairIndex;
}

/**
 * A keyword trie as flat arrays, walked by {@link collectTable}. Keywords are
 * ASCII, so only ASCII characters have symbols; in a case-insensitive index
 * an upper-case letter shares its lower-case letter's symbol. (A regex with
 * the `i` flag and no `u` flag never matches a non-ASCII character to an
 * ASCII one, so this folding is exactly the regex's.)
 */
interface KeywordTable {
  /** ASCII code → symbol (0: in no keyword). */
  sym: Uint8Array;
  /** Symbols per node (row width of `next`). */
  width: number;
  /** Transitions `[node * width + symbol]`, −1 for none; node 0 is the root. */
  next: Int32Array;
  /** Per node, the index in `words` of the keyword ending there, or −1. */
  term: Int32Array;
  /** Index keys, by `term` value. */
  words: string[];
  /**
   * Per pair of ASCII codes `(a << 7) | b`: 1 when a keyword can start with
   * `a` followed by `b` (or is `a` alone); `b` is 0 at the end of the text.
   * Most positions fail this one lookup, so the trie walk is rare.
   */
  pairs: Uint8Array;
  /** An ASCII code in no keyword (what a non-ASCII character is walked as). */
  none: number;
  /** Per keyword number, its kinds ({@link kindsOf}), filled on its first hit. */
  kindsOf: (number[] | undefined)[];
}

/** The index's keyword trie as a transition table, built on first use. */
export function keywordTable(ix: KeywordIndex): KeywordTable {
  if (ix.table !== undefined) return ix.table;
  const words = [...ix.own.keys()];
  const sym = new Uint8Array(128);
  let width = 1;
  let nodes = 1;
  for (const w of words) {
    nodes += w.length;
    for (let i = 0; i < w.length; i++) {
      const c = w.charCodeAt(i);
      if (c >= 128) throw new Error(`non-ASCII keyword ${w}`);
      if (sym[c] === 0) sym[c] = width++;
    }
  }
  if (ix.ci) {
    for (let c = 65; c <= 90; c++) sym[c] = sym[c + 32];
  }
  const next = new Int32Array(nodes * width).fill(-1);
  const term = new Int32Array(nodes).fill(-1);
  let used = 1;
  words.forEach((w, k) => {
    let node = 0;
    for (let i = 0; i < w.length; i++) {
      const at = node * width + sym[w.charCodeAt(i)];
      if (next[at] < 0) next[at] = used++;
      node = next[at];
    }
    term[node] = k;
  });
  const pairs = new Uint8Array(128 * 128);
  for (let a = 0; a < 128; a++) {
    const first = next[sym[a]];
    if (first < 0) continue;
    for (let b = 0; b < 128; b++) {
      if (term[first] >= 0 || next[first * width + sym[b]] >= 0) {
        pairs[(a << 7) | b] = 1;
      }
    }
  }
  let none = 0;
  while (none < 128 && sym[none] !== 0) none++;
  if (none === 128) throw new Error("every ASCII code is in a keyword");
  return ix.table = {
    sym,
    width,
    next,
    term,
    words,
    pairs,
    none,
    kindsOf: new Array(words.length),
  };
}

/**
 * For {@link collectBoth}: the pairs of both indexes in one table (bit 1:
 * the first index's, bit 2: the second's), and for each index a mask of the
 * codes that can follow a pair in one of its keywords, so that most pairs
 * are stopped before the trie walk.
 */
interface BothTables {
  pairs: Uint8Array;
  a: ThirdCodes;
  b: ThirdCodes;
  /** The codes that can come third in a keyword of either index (the pass's first filter). */
  either: ThirdCodes;
}

/**
 * Per pair of ASCII codes `(a << 7) | b`, its row in `thirds` (0: no
 * keyword starts with the pair; 1: all ones, a keyword is the pair or its
 * first code alone); a row is a 128-bit mask of the codes that can come
 * third, four words a row.
 */
interface ThirdCodes {
  row: Uint16Array;
  thirds: Uint32Array;
}

/**
 * The third codes of an index's keywords (see {@link ThirdCodes}), set from
 * their first characters (in each case for a case-insensitive index): this
 * runs once, mostly not yet optimised, so it touches only what the keywords
 * name.
 */
function thirdCodes(words: readonly string[], ci: boolean): ThirdCodes {
  const row = new Uint16Array(128 * 128);
  const rows: number[] = [0, 0, 0, 0, -1, -1, -1, -1];
  const variants = (c: number): number[] =>
    ci && c >= 97 && c <= 122 ? [c, c - 32] : [c];
  for (const w of words) {
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
  return { row, thirds: Uint32Array.from(rows) };
}

function bothTables(cs: KeywordIndex, ci: KeywordIndex): BothTables {
  const a = keywordTable(cs);
  const b = keywordTable(ci);
  const pairs = new Uint8Array(a.pairs.length);
  for (let k = 0; k < pairs.length; k++) {
    pairs[k] = a.pairs[k] | (b.pairs[k] << 1);
  }
  const ta = thirdCodes(a.words, cs.ci);
  const tb = thirdCodes(b.words, ci.ci);
  const either = eitherThird(ta, tb);
  // {@link nextTriple} reads only `either.row`: a pair no keyword starts
  // with must have row 0 there (it has by construction; this makes sure).
  for (let k = 0; k < pairs.length; k++) if (pairs[k] === 0) either.row[k] = 0;
  return { pairs, a: ta, b: tb, either };
}

/** The union of two {@link ThirdCodes}: a pair's third codes in either. */
function eitherThird(x: ThirdCodes, y: ThirdCodes): ThirdCodes {
  const row = new Uint16Array(x.row.length);
  const rows: number[] = [0, 0, 0, 0, -1, -1, -1, -1];
  for (let k = 0; k < row.length; k++) {
    const rx = x.row[k], ry = y.row[k];
    if (rx === 1 || ry === 1) row[k] = 1;
    else if (rx !== 0 || ry !== 0) {
      row[k] = rows.length >> 2;
      for (let w = 0; w < 4; w++) {
        rows.push(x.thirds[(rx << 2) | w] | y.thirds[(ry << 2) | w]);
      }
    }
  }
  return { row, thirds: Uint32Array.from(rows, (v) => v >>> 0) };
}

/** Whether a keyword can start at `i` by its first three bytes (true near the end of the text). */
function thirdMay(t: ThirdCodes, bytes: Uint8Array, i: number): boolean {
  if (i + 2 >= bytes.length) return true;
  const c = bytes[i + 2];
  const r = t.row[(bytes[i] << 7) | bytes[i + 1]] << 2;
  return (t.thirds[r | (c >> 5)] & (1 << (c & 31))) !== 0;
}

/** The keywords of the kinds of one case mode (`ci`), each with its kinds in order. */
export function keywordIndex(
  kinds: readonly KeywordKind[],
  ci: boolean,
): KeywordIndex {
  const own = new Map<string, number[]>();
  kinds.forEach((k, i) => {
    if (Boolean(k.spec.ignoreCase) !== ci) return;
    for (const raw of k.spec.keywords) {
      const kw = ci ? raw.toLowerCase() : raw;
      const list = own.get(kw);
      if (list === undefined) own.set(kw, [i]);
      else if (!list.includes(i)) list.push(i);
    }
  });
  return { ci, own, kinds: new Map() };
}

/** Kinds a hit on keyword `kw` triggers (a hit also stands for every keyword that is its prefix). */
export function kindsOf(ix: KeywordIndex, kw: string): number[] {
  let list = ix.kinds.get(kw);
  if (list !== undefined) return list;
  const all = new Set<number>();
  for (const [other, set] of ix.own) {
    if (kw.startsWith(other)) { for (const i of set) all.add(i); }
  }
  list = [...all];
  ix.kinds.set(kw, list);
  return list;
}

function keywordRe(ix: KeywordIndex): RegExp {
  return ix.re ??= new RegExp(
    keywordTrie([...ix.own.keys()]),
    ix.ci ? "gi" : "g",
  );
}

interface TrieNode {
  next: Map<string, TrieNode>;
  terminal: boolean;
}

/**
 * A regex source matching any of `words`, factored as a trie so the engine
 * follows one branch per character instead of trying every word. At each
 * node the longer continuations come before stopping, and sibling branches
 * start with different characters, so a match is the longest word starting
 * there (what a longest-first alternation would give).
 */
export function keywordTrie(words: readonly string[]): string {
  const root: TrieNode = { next: new Map(), terminal: false };
  for (const w of words) {
    let node = root;
    for (const ch of w) {
      let child = node.next.get(ch);
      if (!child) {
        node.next.set(ch, child = { next: new Map(), terminal: false });
      }
      node = child;
    }
    node.terminal = true;
  }
  const emit = (node: TrieNode): string => {
    const alts: string[] = [];
    for (const [ch, child] of node.next) alts.push(escapeRe(ch) + emit(child));
    if (alts.length === 0) return "";
    const group = `(?:${alts.join("|")})`;
    if (node.terminal) return group + "?";
    return alts.length === 1 ? alts[0] : group;
  };
  return emit(root);
}

/** Kinds whose keywords occur: global kinds and, for anchored ones, where. */
export interface Hits {
  /** Global kinds in first-hit order, and a flag per kind. */
  triggered: number[];
  isTriggered: Uint8Array;
  /** Anchored kinds in first-hit order, and each one's keyword offsets. */
  anchoredOrder: number[];
  positions: (number[] | undefined)[];
}

/** Texts up to this length (and all ASCII) find keywords by the pair tables ({@link collectShort}) instead of the trie table. */
const SHORT_TEXT = 4096;

/**
 * ASCII texts from this length find the keywords of both indexes in one pass
 * ({@link collectBoth}); below it, building its tables and running its loop
 * before the code is optimised costs more than the pass saves.
 */
const BOTH_FROM = 1 << 18;

/** Record one keyword hit `word` (index key) at `at`. */
export function hitKeyword(
  ix: KeywordIndex,
  word: string,
  at: number,
  active: Uint8Array,
  kinds: readonly KeywordKind[],
  hits: Hits,
): void {
  hitKinds(kindsOf(ix, word), at, active, kinds, hits);
}

/** Record one hit at `at` of the keyword number `term` of `table` (its kinds looked up once per keyword, by number). */
function hitTerm(
  ix: KeywordIndex,
  table: KeywordTable,
  term: number,
  at: number,
  active: Uint8Array,
  kinds: readonly KeywordKind[],
  hits: Hits,
): void {
  const list = table.kindsOf[term] ??= kindsOf(ix, table.words[term]);
  hitKinds(list, at, active, kinds, hits);
}

/** Record a hit at `at` of a keyword whose kinds are `list`. */
function hitKinds(
  list: readonly number[],
  at: number,
  active: Uint8Array,
  kinds: readonly KeywordKind[],
  hits: Hits,
): void {
  for (let j = 0; j < list.length; j++) {
    const i = list[j];
    if (active[i] === 0) continue;
    if (kinds[i].anchored) {
      let pos = hits.positions[i];
      if (pos === undefined) {
        hits.positions[i] = pos = [];
        hits.anchoredOrder.push(i);
      }
      pos.push(at);
    } else if (hits.isTriggered[i] === 0) {
      hits.isTriggered[i] = 1;
      hits.triggered.push(i);
    }
  }
}

/**
 * Keyword hits of a short ASCII text, exactly as the trie regex finds them:
 * scanning left to right, the longest keyword starting at a position, then on
 * from its end. (On ASCII text, a case-insensitive regex equals matching the
 * lower-cased text.)
 */
export function collectShort(
  ix: KeywordIndex,
  text: string,
  active: Uint8Array,
  kinds: readonly KeywordKind[],
  hits: Hits,
): void {
  if (ix.own.size === 0) return;
  const bytes = shortBytes(text);
  if (bytes === undefined) {
    collectTable(ix, tableBytes(ix, text), active, kinds, hits);
    return;
  }
  // The longest keyword starting at each position: one pass over the bytes,
  // one table read per position, and the keywords that start with its two
  // codes (and can have its third) compared only when the read says so (a
  // Set and a Map lookup per character cost more than the rest of a short
  // text's scan; an indexOf per keyword grew with the catalogue).
  const starts = ix.starts ??= ix.ci
    ? pairIndex([], ix.own.keys())
    : pairIndex(ix.own.keys(), []);
  const { flags, one, lists } = starts;
  const rows = ix.ci ? starts.ci : starts.cs;
  const bit = ix.ci ? PAIR_CI : PAIR_CS;
  const ci = ix.ci;
  let longest: Uint16Array | undefined;
  const n = bytes.length;
  for (let p = 0; p < n; p++) {
    let best = one[bytes[p]];
    if (p + 1 < n) {
      const pair = (bytes[p] << 7) | bytes[p + 1];
      const f = flags[pair];
      if ((f & PAIR_TWO) !== 0) best = 2;
      if ((f & bit) !== 0 && p + 2 < n) {
        const l = rows[pair] - 1;
        if (listThirdMay(starts, l, bytes[p + 2])) {
          for (const kw of lists[l]) {
            if (kw.length > best && wordAt(bytes, p, kw, ci)) best = kw.length;
          }
        }
      }
    }
    if (best === 0) continue;
    longest ??= new Uint16Array(n);
    longest[p] = best;
  }
  if (longest === undefined) return;
  const t = ci ? text.toLowerCase() : text;
  for (let p = 0; p < n;) {
    const len = longest[p];
    if (len === 0) {
      p++;
      continue;
    }
    hitKeyword(ix, t.slice(p, p + len), p, active, kinds, hits);
    p += len;
  }
}

let shortBuffer = new Uint8Array(SHORT_TEXT);

/**
 * The code units of a short ASCII text as bytes in a buffer of this module
 * (not the shared view of `ascii.ts`: a caller may be holding that one for
 * a longer text), or undefined when one is not ASCII.
 */
function shortBytes(text: string): Uint8Array | undefined {
  const n = text.length;
  if (shortBuffer.length < n) shortBuffer = new Uint8Array(n);
  const out = shortBuffer.subarray(0, n);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return undefined;
    out[i] = c;
  }
  return out;
}

/** Records the keyword hits of `text` in `hits`, the fastest way the text allows (indexOf, or the table walk). */
export function collectHits(
  ix: KeywordIndex,
  text: string,
  active: Uint8Array,
  kinds: readonly KeywordKind[],
  hits: Hits,
): void {
  if (ix.own.size === 0) return;
  if (text.length <= SHORT_TEXT && !NON_ASCII_RE.test(text)) {
    collectShort(ix, text, active, kinds, hits);
    return;
  }
  collectTable(ix, tableBytes(ix, text), active, kinds, hits);
}

/** The bytes the table walk reads for `text`: its ASCII bytes, or its code units folded (see {@link foldedBytes}). */
export function tableBytes(ix: KeywordIndex, text: string): Uint8Array {
  return asciiBytes(text) ?? foldedBytes(keywordTable(ix), text);
}

let folded = new Uint8Array(0);

/**
 * The code units of a non-ASCII text as bytes for the table walk, every
 * non-ASCII unit replaced by an ASCII code that is in no keyword. The trie
 * regex finds the same hits: its case-insensitive matching (the `i` flag
 * without `u`) never matches a non-ASCII character to an ASCII one, and no
 * keyword holds a non-ASCII character. (Compiling that regex cost the first
 * non-ASCII text of a process about 20 ms.)
 */
function foldedBytes(table: KeywordTable, text: string): Uint8Array {
  const n = text.length;
  if (folded.length < n) {
    folded = new Uint8Array(Math.max(n, folded.length * 2));
  }
  const out = folded.subarray(0, n);
  const none = table.none;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    out[i] = c < 128 ? c : none;
  }
  return out;
}

/**
 * The hits of both indexes (`cs` then `ci`), recorded in `hits` exactly as
 * {@link collectHits} on each in turn would: on a long ASCII text both
 * tables are walked in one pass over the bytes (a pair of bytes is looked
 * up once for the two, and its third byte before a walk), and the second
 * index's hits are recorded after the first's.
 */
export function collectBoth(
  cs: KeywordIndex,
  ci: KeywordIndex,
  text: string,
  active: Uint8Array,
  kinds: readonly KeywordKind[],
  hits: Hits,
): void {
  const bytes = text.length >= BOTH_FROM && cs.own.size > 0 &&
      ci.own.size > 0
    ? asciiBytes(text)
    : undefined;
  if (bytes === undefined) {
    collectHits(cs, text, active, kinds, hits);
    collectHits(ci, text, active, kinds, hits);
    return;
  }
  const a = keywordTable(cs);
  const b = keywordTable(ci);
  const both = cs.both ??= bothTables(cs, ci);
  const pairs = both.pairs;
  const last = bytes.length - 1;
  /** The second index's hits: offset, then keyword number. */
  const later: number[] = [];
  let fromA = 0, fromB = 0;
  const either = both.either;
  for (let i = nextTriple(pairs, either, bytes, 0, last); i <= last;) {
    const p = pairs[(bytes[i] << 7) | (i < last ? bytes[i + 1] : 0)];
    if ((p & 1) !== 0 && i >= fromA && thirdMay(both.a, bytes, i)) {
      const end = walk(a, bytes, i);
      if (end >= 0) {
        hitTerm(cs, a, lastTerm, i, active, kinds, hits);
        fromA = end;
      }
    }
    if ((p & 2) !== 0 && i >= fromB && thirdMay(both.b, bytes, i)) {
      const end = walk(b, bytes, i);
      if (end >= 0) {
        later.push(i, lastTerm);
        fromB = end;
      }
    }
    i = nextTriple(pairs, either, bytes, i + 1, last);
  }
  for (let j = 0; j < later.length; j += 2) {
    hitTerm(ci, b, later[j + 1], later[j], active, kinds, hits);
  }
}

/**
 * Keyword hits of an ASCII text (as bytes) by walking the keyword table: at
 * each position the longest keyword starting there, then on from its end
 * (what the trie regex finds).
 */
export function collectTable(
  ix: KeywordIndex,
  bytes: Uint8Array,
  active: Uint8Array,
  kinds: readonly KeywordKind[],
  hits: Hits,
): void {
  if (ix.own.size === 0) return;
  const table = keywordTable(ix);
  const pairs = table.pairs;
  const last = bytes.length - 1;
  for (let i = nextPair(pairs, bytes, 0, last); i <= last;) {
    const end = walk(table, bytes, i);
    if (end < 0) {
      i = nextPair(pairs, bytes, i + 1, last);
      continue;
    }
    hitTerm(ix, table, lastTerm, i, active, kinds, hits);
    i = nextPair(pairs, bytes, end, last);
  }
}

/** First position from `i` whose pair of bytes can start a keyword (`last + 1` when none). */
function nextPair(
  pairs: Uint8Array,
  bytes: Uint8Array,
  i: number,
  last: number,
): number {
  for (; i < last; i++) {
    if (pairs[(bytes[i] << 7) | bytes[i + 1]] !== 0) return i;
  }
  if (i === last && pairs[bytes[i] << 7] !== 0) return i;
  return last + 1;
}

/**
 * First position from `i` whose pair of bytes can start a keyword and whose
 * third byte can follow that pair in one of either index's keywords
 * (`last + 1` when none): {@link nextPair} with the third byte looked at in
 * the same loop, so that the many pairs of ordinary words that start no
 * keyword are passed over without leaving it.
 */
function nextTriple(
  pairs: Uint8Array,
  t: ThirdCodes,
  bytes: Uint8Array,
  i: number,
  last: number,
): number {
  // A pair's row is 0 when its `pairs` entry is (see {@link bothTables}),
  // and a row of 0 has no third codes, so the loop reads one table per
  // position; it carries the next byte over instead of reading it twice.
  const row = t.row, thirds = t.thirds;
  const stop = last - 1;
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
  return nextPair(pairs, bytes, i, last);
}

/** Keyword index found by the last {@link walk}. */
let lastTerm = -1;

/** End of the longest keyword starting at `i` (its index in `lastTerm`), or −1. */
function walk(t: KeywordTable, bytes: Uint8Array, i: number): number {
  const { sym, width, next, term } = t;
  let node = next[sym[bytes[i]]];
  if (node < 0) return -1;
  let best = term[node];
  let bestEnd = i + 1;
  for (let j = i + 1; j < bytes.length; j++) {
    node = next[node * width + sym[bytes[j]]];
    if (node < 0) break;
    if (term[node] >= 0) {
      best = term[node];
      bestEnd = j + 1;
    }
  }
  lastTerm = best;
  return best < 0 ? -1 : bestEnd;
}

/** Keyword hits by the trie regex (the reference the other two ways are tested against). */
export function collectTrie(
  ix: KeywordIndex,
  text: string,
  active: Uint8Array,
  kinds: readonly KeywordKind[],
  hits: Hits,
): void {
  if (ix.own.size === 0) return;
  const re = keywordRe(ix);
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const word = m[0];
    // Keys of the case-insensitive index are lower case: try the hit as is first.
    const key = ix.own.has(word) || !ix.ci ? word : word.toLowerCase();
    if (!ix.own.has(key)) continue;
    hitKeyword(ix, key, m.index, active, kinds, hits);
  }
}

/** Any character outside ASCII. */
export const NON_ASCII_RE = /[\u0080-\uffff]/;
