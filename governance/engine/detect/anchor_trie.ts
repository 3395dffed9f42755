/**
 * The anchor trie of the injection prefilter as plain data: built from the
 * anchor words and their output ids ({@link buildAnchorTrie}), and turned
 * into the lookup tables the prefilter walks ({@link trieTables}).
 *
 * `deno task build` writes the trie of the catalogue to
 * `policies/injection_trie.ts`, so that a hook's first scan loads a few
 * thousand numbers instead of building the trie in the interpreter; the
 * detector builds it itself when that file was written from other anchors
 * (its `key` differs).
 *
 * @module
 */

/** A built anchor trie, in the form the generated file stores. */
export interface AnchorTrie {
  /** What it was built from (the detector compares it with its own anchors). */
  key: string;
  /** Symbols per node (row width of the transition table). */
  symbols: number;
  /** Number of nodes; node 0 is the root. */
  nodes: number;
  /** Pairs [character code, symbol] of every character that has a symbol, by code. */
  syms: readonly number[];
  /** Triples [node, symbol, child] of every transition, by node then symbol. */
  edges: readonly number[];
  /** Runs [node, count, id...] of every node with outputs, by node. */
  outs: readonly number[];
}

/** The lookup tables of a trie. */
export interface TrieTables {
  /** Character → symbol (0: in no anchor). */
  sym: Uint16Array<ArrayBuffer>;
  symbols: number;
  /** Transitions [node * symbols + symbol] (−1: none). */
  next: Int32Array<ArrayBuffer>;
  /** Output ids per node. */
  out: number[][];
  /** 1 for nodes with outputs. */
  hasOut: Uint8Array<ArrayBuffer>;
}

/**
 * The trie of `entries` (each word once, with the ids that end on it, in
 * insertion order). Characters get symbols in order of first use; `fold`
 * maps a character to the one it is read as (characters below 0x100 and
 * U+017F, U+212A share their folded character's symbol).
 */
export function buildAnchorTrie(
  key: string,
  entries: readonly (readonly [string, readonly number[]])[],
  fold: (c: number) => number,
): AnchorTrie {
  const sym = new Uint16Array(65536);
  let symbols = 1;
  let chars = 0;
  for (const [w] of entries) {
    chars += w.length;
    for (let i = 0; i < w.length; i++) {
      const c = w.charCodeAt(i);
      if (sym[c] === 0) sym[c] = symbols++;
    }
  }
  for (const c of [0x17f, 0x212a]) sym[c] = sym[fold(c)];
  for (let c = 0; c < 0x100; c++) {
    if (fold(c) !== c) sym[c] = sym[fold(c)];
  }
  // A trie has at most one node per character of the distinct words, plus the root.
  const next = new Int32Array((chars + 1) * symbols).fill(-1);
  const out: number[][] = [[]];
  let nodes = 1;
  for (const [w, ids] of entries) {
    let node = 0;
    for (let i = 0; i < w.length; i++) {
      const at = node * symbols + sym[w.charCodeAt(i)];
      if (next[at] < 0) {
        next[at] = nodes++;
        out.push([]);
      }
      node = next[at];
    }
    for (const id of ids) if (!out[node].includes(id)) out[node].push(id);
  }
  const syms: number[] = [];
  for (let c = 0; c < sym.length; c++) if (sym[c] !== 0) syms.push(c, sym[c]);
  // Nodes numbered afresh breadth first, so the rows a scan reads most (the
  // root's and the short prefixes') lie together in memory. Done here, when
  // the trie is built (`deno task build`), not in {@link trieTables}: that
  // renumbering walked every cell of the 540 KB table twice in every hook
  // process, about 10 ms of a PostToolUse call's first scan.
  const order = new Int32Array(nodes);
  const renum = new Int32Array(nodes).fill(-1);
  renum[0] = 0;
  let count = 1;
  for (let k = 0; k < count; k++) {
    const node = order[k];
    for (let s = 0; s < symbols; s++) {
      const child = next[node * symbols + s];
      if (child >= 0 && renum[child] < 0) {
        renum[child] = count;
        order[count++] = child;
      }
    }
  }
  const edges: number[] = [];
  for (let k = 0; k < nodes; k++) {
    const node = order[k];
    for (let s = 0; s < symbols; s++) {
      const child = next[node * symbols + s];
      if (child >= 0) edges.push(k, s, renum[child]);
    }
  }
  const outs: number[] = [];
  for (let k = 0; k < nodes; k++) {
    const ids = out[order[k]];
    if (ids.length > 0) outs.push(k, ids.length, ...ids);
  }
  return { key, symbols, nodes, syms, edges, outs };
}

const NO_OUTPUT: number[] = [];

/**
 * The lookup tables of a built (or loaded) trie, as it numbers its nodes
 * (breadth first, see {@link buildAnchorTrie}): one pass over its edges and
 * outputs, so a hook's first scan pays little for them.
 */
export function trieTables(t: AnchorTrie): TrieTables {
  const sym = new Uint16Array(65536);
  const { syms, edges, outs, symbols, nodes } = t;
  for (let i = 0; i < syms.length; i += 2) sym[syms[i]] = syms[i + 1];
  const next = new Int32Array(nodes * symbols).fill(-1);
  for (let i = 0; i < edges.length; i += 3) {
    next[edges[i] * symbols + edges[i + 1]] = edges[i + 2];
  }
  const out: number[][] = new Array(nodes).fill(NO_OUTPUT);
  const hasOut = new Uint8Array(nodes);
  for (let i = 0; i < outs.length; i += 2 + outs[i + 1]) {
    out[outs[i]] = outs.slice(i + 2, i + 2 + outs[i + 1]);
    hasOut[outs[i]] = 1;
  }
  return { sym, symbols, next, out, hasOut };
}
