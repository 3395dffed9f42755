/**
 * The keyword index of the PII and secret scanner: which kinds a text's
 * keywords trigger, and where. Three ways find the same hits: `indexOf` on
 * short ASCII texts, a flat trie table walked over the bytes of long ASCII
 * texts, and a combined trie regex (the reference, and the way for
 * non-ASCII texts).
 *
 * @module
 */

import { asciiBytes } from "./ascii.ts";

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
  /**
   * This index's table pairs (bit 1) and a case-insensitive index's (bit 2),
   * for {@link collectBoth} (undefined until it needs them).
   */
  bothPairs?: Uint8Array;
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
  /**
   * A bit per triple of ASCII codes `(a << 14) | (b << 7) | c`: set when a
   * keyword can start with `a b c` (or is `a` or `a b`). A pair that passes
   * {@link KeywordTable.pairs} is mostly stopped here, before the walk.
   */
  triples: Uint8Array;
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
  const triples = new Uint8Array(1 << 18);
  const setBit = (k: number) => triples[k >> 3] |= 1 << (k & 7);
  for (let a = 0; a < 128; a++) {
    const first = next[sym[a]];
    if (first < 0) continue;
    for (let b = 0; b < 128; b++) {
      const second = term[first] >= 0 ? first : next[first * width + sym[b]];
      if (second < 0) continue;
      for (let c = 0; c < 128; c++) {
        if (
          second === first || term[second] >= 0 ||
          next[second * width + sym[c]] >= 0
        ) setBit((a << 14) | (b << 7) | c);
      }
    }
  }
  return ix.table = { sym, width, next, term, words, pairs, triples };
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

/** Texts up to this length (and all ASCII) find keywords with indexOf instead of the trie regex. */
const SHORT_TEXT = 4096;

/** Record one keyword hit `word` (index key) at `at`. */
export function hitKeyword(
  ix: KeywordIndex,
  word: string,
  at: number,
  active: Uint8Array,
  kinds: readonly KeywordKind[],
  hits: Hits,
): void {
  const list = kindsOf(ix, word);
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
  const t = ix.ci ? text.toLowerCase() : text;
  let longest: Uint16Array | undefined;
  for (const kw of ix.own.keys()) {
    for (let p = t.indexOf(kw); p >= 0; p = t.indexOf(kw, p + 1)) {
      longest ??= new Uint16Array(t.length);
      if (kw.length > longest[p]) longest[p] = kw.length;
    }
  }
  if (longest === undefined) return;
  for (let p = 0; p < t.length;) {
    const len = longest[p];
    if (len === 0) {
      p++;
      continue;
    }
    hitKeyword(ix, t.slice(p, p + len), p, active, kinds, hits);
    p += len;
  }
}

/** Records the keyword hits of `text` in `hits`, the fastest way the text allows (indexOf, table or trie regex). */
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
  const bytes = asciiBytes(text);
  if (bytes !== undefined) collectTable(ix, bytes, active, kinds, hits);
  else collectTrie(ix, text, active, kinds, hits);
}

/**
 * The hits of both indexes (`cs` then `ci`), recorded in `hits` exactly as
 * {@link collectHits} on each in turn would: on a long ASCII text both
 * tables are walked in one pass over the bytes (a pair of bytes is looked
 * up once for the two), and the second index's hits are recorded after the
 * first's.
 */
export function collectBoth(
  cs: KeywordIndex,
  ci: KeywordIndex,
  text: string,
  active: Uint8Array,
  kinds: readonly KeywordKind[],
  hits: Hits,
): void {
  const bytes = text.length > SHORT_TEXT && cs.own.size > 0 &&
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
  const pairs = cs.bothPairs ??= Uint8Array.from(
    a.pairs,
    (x, k) => x | (b.pairs[k] << 1),
  );
  const last = bytes.length - 1;
  /** The second index's hits: offset, then keyword number. */
  const later: number[] = [];
  let fromA = 0, fromB = 0;
  for (let i = nextPair(pairs, bytes, 0, last); i <= last;) {
    const p = pairs[(bytes[i] << 7) | (i < last ? bytes[i + 1] : 0)];
    if ((p & 1) !== 0 && i >= fromA) {
      const end = walk(a, bytes, i);
      if (end >= 0) {
        hitKeyword(cs, a.words[lastTerm], i, active, kinds, hits);
        fromA = end;
      }
    }
    if ((p & 2) !== 0 && i >= fromB) {
      const end = walk(b, bytes, i);
      if (end >= 0) {
        later.push(i, lastTerm);
        fromB = end;
      }
    }
    i = nextPair(pairs, bytes, i + 1, last);
  }
  for (let j = 0; j < later.length; j += 2) {
    hitKeyword(ci, b.words[later[j + 1]], later[j], active, kinds, hits);
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
    hitKeyword(ix, table.words[lastTerm], i, active, kinds, hits);
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

/** Whether a keyword can start at `i` by its first three bytes (true near the end of the text). */
function tripleMay(t: KeywordTable, bytes: Uint8Array, i: number): boolean {
  if (i + 2 >= bytes.length) return true;
  const k = (bytes[i] << 14) | (bytes[i + 1] << 7) | bytes[i + 2];
  return (t.triples[k >> 3] & (1 << (k & 7))) !== 0;
}

/** Keyword index found by the last {@link walk}. */
let lastTerm = -1;

/** End of the longest keyword starting at `i` (its index in `lastTerm`), or −1. */
function walk(t: KeywordTable, bytes: Uint8Array, i: number): number {
  if (!tripleMay(t, bytes, i)) return -1;
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
