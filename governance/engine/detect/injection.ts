/**
 * Prompt-injection detection: catalogue patterns, hidden content (HTML
 * comments, invisible elements, Unicode tags, zero-width interleaving),
 * encoded payloads (base64, hex, rot13 decoded and re-checked) and a small
 * trained classifier scored per chunk (max over bounded line windows).
 *
 * @module
 */

import { jsonEscapeView } from "./json_view.ts";
import type { Finding } from "../types.ts";
import {
  INJECTION_POLICIES,
  type InjectionPolicy,
  splitAnchors,
} from "../policies/injection.ts";
import { MODEL, scoreChunk } from "./injection_model.ts";
import { INJECTION_REACH } from "../policies/injection_reach.ts";
import { ANCHOR_TRIE } from "../policies/injection_trie.ts";
import { type AnchorTrie, buildAnchorTrie, trieTables } from "./anchor_trie.ts";
import { asciiBytes } from "./ascii.ts";
import { nextStart, type StartTable, startTable } from "./start_table.ts";
import {
  addressedRequests,
  FUNCTION_CALL_WORDS,
  keyedRequests,
  TOOL_USE_WORDS,
  toolUseRequests,
} from "./addressed.ts";
import { CHANNEL_WORDS, channelRequests } from "./channels.ts";
import { beaconLinks, IMAGE_WORDS } from "./beacon.ts";
import { quotedMention } from "./mention.ts";
import { exhibited } from "./exhibit.ts";
import { assistantTurn, withoutAssistantTurns } from "./transcript.ts";
import { fieldRuns } from "./fields.ts";
import { foreignRequests, NAME_HINT_WORDS } from "./addressed_i18n.ts";
import { defensiveGuidance } from "./guidance.ts";
import { impersonalRequests } from "./impersonal.ts";
import { cueTokens } from "./injection_cues.ts";

export { INJECTION_POLICIES };

/** Most findings per pattern, so hostile input cannot flood the result. */
const MAX_PER_PATTERN = 8;
/** Chunk size for the classifier, in characters. */
const CHUNK = 320;
/** Chunks always scored; beyond this only chunks with trigger words are scored. */
const ALWAYS_SCORED = 96;
/** Most chunks scored in one text. */
const MAX_CHUNKS = 384;
/** Most encoded candidates decoded in one text. */
const MAX_CANDIDATES = 48;
/** Most characters of one encoded candidate that are decoded. */
const MAX_CANDIDATE_CHARS = 8192;

const byName = (name: string): InjectionPolicy => {
  const p = INJECTION_POLICIES.find((x) => x.id === `sys_injection_${name}`);
  if (!p) throw new Error(`missing policy ${name}`);
  return p;
};
const HIDDEN = byName("hidden_content");
const UNICODE = byName("hidden_unicode");
const ENCODED = byName("encoded_payload");
const CLASSIFIER = byName("classifier");
const ADDRESSED = byName("addressed_request");
const CHANNEL = byName("message_channel");
const BEACON = byName("beacon");

function finding(p: InjectionPolicy, start: number, end: number): Finding {
  return {
    policyId: p.id,
    type: p.type,
    start,
    end,
    severity: p.severity,
    action: p.action,
    category: "injection",
  };
}

/** Longest match of a pattern and the reach of its lookarounds, in UTF-16 units. */
export interface PatternReach {
  /** Most characters one match can span (Infinity when unbounded). */
  len: number;
  /** Most characters a lookaround (or `\\b`, `^`, `$`) reads outside the match. */
  look: number;
  /** True when the pattern uses input-edge assertions and must see the whole text. */
  whole: boolean;
}

/**
 * Upper bounds on how far one match of `re` reaches, read from its source.
 * Unknown syntax (back-references) counts as unbounded.
 */
export function patternReach(re: RegExp): PatternReach {
  const src = re.source;
  const unit = re.flags.includes("u") ? 2 : 1;
  const multiline = re.flags.includes("m");
  let i = 0;
  let look = 2;
  let whole = false;
  const alt = (): number => {
    let best = 0;
    let cur = 0;
    while (i < src.length && src[i] !== ")") {
      if (src[i] === "|") {
        best = Math.max(best, cur);
        cur = 0;
        i++;
        continue;
      }
      let len = unit;
      const c = src[i];
      if (c === "(") {
        i++;
        let zero = false;
        if (src.startsWith("?:", i)) i += 2;
        else if (src.startsWith("?=", i) || src.startsWith("?!", i)) {
          i += 2;
          zero = true;
        } else if (src.startsWith("?<=", i) || src.startsWith("?<!", i)) {
          i += 3;
          zero = true;
        } else if (src.startsWith("?<", i)) i = src.indexOf(">", i) + 1;
        const inner = alt();
        i++; // ")"
        if (zero) look = Math.max(look, inner + 2);
        len = zero ? 0 : inner;
      } else if (c === "[") {
        for (i++; i < src.length && src[i] !== "]"; i++) {
          if (src[i] === "\\") i++;
        }
        i++;
      } else if (c === "\\") {
        const e = src[i + 1];
        i += 2;
        if (e === "b" || e === "B") len = 0;
        else if ((e === "p" || e === "P" || e === "u") && src[i] === "{") {
          i = src.indexOf("}", i) + 1;
        } else if (e === "u") i += 4;
        else if (e === "x") i += 2;
        else if (e === "c") i += 1;
        else if (e >= "1" && e <= "9") len = Infinity;
      } else if (c === "^" || c === "$") {
        i++;
        len = 0;
        if (!multiline) whole = true;
      } else i++;
      let max = 1;
      const q = src[i];
      if (q === "*" || q === "+") {
        max = Infinity;
        i++;
      } else if (q === "?") {
        i++;
      } else if (q === "{") {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i, i + 16));
        if (m) {
          max = m[2] === undefined ? +m[1] : m[3] === "" ? Infinity : +m[3];
          i += m[0].length;
        }
      }
      if (max !== 1 && src[i] === "?") i++;
      cur += len === 0 ? 0 : len * max;
    }
    return Math.max(best, cur);
  };
  const len = alt();
  return { len, look, whole: whole || !Number.isFinite(len) };
}

/**
 * One catalogue pattern; its regex and reach are worked out on first use, so
 * a text that opens no window of a policy never builds that policy's regexes.
 */
interface TextPattern {
  policy: InjectionPolicy;
  /** Index of the pattern in its policy's list (see {@link sourceOf}). */
  index: number;
  /**
   * Runs over the whole text: it has no anchors, or (found once an anchor of
   * it is seen, by {@link reachOf}) its reach has no bound. A pattern with
   * anchors can only match where one of them occurs, so until then it needs
   * no decision.
   */
  whole: boolean;
  /** Space-separated anchor words (see {@link InjectionPolicy.anchors}). */
  anchors: string;
  /** Words one of which a window must also hold (none: no such test). */
  also: string[];
  /** The global regex that runs (built by {@link regexOf}). */
  re?: RegExp;
  /** Built by {@link reachOf}. */
  reach?: PatternReach;
  /** Context kept on each side of a window (covers lookarounds; set by {@link reachOf}). */
  margin: number;
}

/** The catalogue's text patterns per policy (built by {@link init}). */
let TEXT_POLICIES: { policy: InjectionPolicy; pats: TextPattern[] }[] = [];
/** All text patterns in catalogue order (built by {@link init}). */
let PATTERNS: TextPattern[] = [];

/** The catalogue's regex of a pattern (its policy builds its list on first use). */
function sourceOf(p: TextPattern): RegExp {
  return p.policy.patterns[p.index];
}

function reachOf(p: TextPattern): PatternReach {
  if (p.reach !== undefined) return p.reach;
  // The generated table (policies/injection_reach.ts) spares parsing the
  // source, and building the policy's regexes, on a hook's first scan.
  const known = INJECTION_REACH[p.policy.id]?.[p.index];
  const reach: PatternReach = known !== undefined
    ? {
      len: known[0] < 0 ? Infinity : known[0],
      look: known[1],
      whole: known[2] === 1,
    }
    : patternReach(sourceOf(p));
  if (!p.anchors.trim()) reach.whole = true;
  if (reach.whole) p.whole = true;
  p.margin = reach.look + 4;
  return p.reach = reach;
}

function regexOf(p: TextPattern): RegExp {
  const { source, flags } = sourceOf(p);
  return p.re ??= new RegExp(
    source,
    flags.includes("g") ? flags : flags + "g",
  );
}

/**
 * The text patterns, one per anchor string of each text policy (a text
 * policy lists one anchor string per pattern; `injection_test.ts` holds the
 * catalogue to that), without building a regex.
 */
function buildPatterns(): void {
  TEXT_POLICIES = INJECTION_POLICIES.filter((p) =>
    p.anchors.length > 0 && !p.nonAscii
  ).map((p) => ({
    policy: p,
    pats: p.anchors.map((a, k): TextPattern => {
      const { words, also } = splitAnchors(a);
      return {
        policy: p,
        index: k,
        whole: words.length === 0,
        anchors: words.join(" "),
        also,
        margin: 0,
      };
    }),
  }));
  PATTERNS = TEXT_POLICIES.flatMap((p) => p.pats);
}

// ---------------------------------------------------------------------------
// Prefilter: one pass over the text finds anchor words (a trie walked at word
// starts), runs of base64 characters, and invisible characters.

/** Output id of the rot13 hint words (not a pattern). */
const ROT13_ID = -1;
/**
 * Output ids of the words {@link addressedRequests} starts from (names of
 * the AI reader; "you", "new", "please"; verbs that send), recorded as
 * positions so that long texts need no regex scan of their own; and the
 * words every shape of {@link channelRequests} needs, whose absence lets a
 * long text skip its passes. Ids −2, −3, −4, −5.
 */
const PROBE_WORDS = [
  "ai llm gpt chatgpt chatbot codex claude copilot cursor devin gemini agent assistant automation bot summari translator proofreader model tool reviewer triager generator screener crawler scraper reader writer client caller consumer integration system software program whoever anything anyone",
  "you new please kindly",
  "send upload export forward email e-mail mail post paste attach copy share leak transfer exfiltrate zip print reveal output dump reply respond",
  CHANNEL_WORDS,
  // Words some pass's cheap hint needs at a word start (ids −6 to −9): a
  // long text without them skips that pass (see `probed`).
  TOOL_USE_WORDS,
  FUNCTION_CALL_WORDS,
  NAME_HINT_WORDS,
  IMAGE_WORDS,
];
/** Index in {@link PROBE_WORDS} of each pass's hint words. */
const PROBE_TOOL_USE = 4, PROBE_CALL = 5, PROBE_NAME = 6, PROBE_IMAGE = 7;
/** Most positions recorded per probe. */
const MAX_PROBES = 4096;
const ROT13_WORDS = [
  "vtaber",
  "qvfertneq",
  "sbetrg",
  "vafgehpgvbaf",
  "cerivbhf",
  "flfgrz",
  "cebzcg",
];

/** Case fold used by the trie: ASCII and Latin-1 upper case, long s, Kelvin sign. */
function fold(c: number): number {
  if (c >= 65 && c <= 90) return c + 32;
  if (c >= 0xc0 && c <= 0xde && c !== 0xd7) return c + 32;
  if (c === 0x17f) return 115;
  if (c === 0x212a) return 107;
  return c;
}

/** Classifier trigger words: chunks past the first ALWAYS_SCORED are scored only when they contain one. */
const TRIGGER_RE =
  /ignor|disregard|forget|instruct|prompt|system|assistant|\bai\b|llm|agent|pretend|act as|you are|reveal|jailbreak|vergiss|anweisung|oubli|olvid|must|now\b|task|role/i;

// Per-character flags, one table lookup per character in the scan loop.
const F_B64 = 1;
const F_LETTER = 2;
const F_ROOT = 4;
const F_ZERO_WIDTH = 8;
const F_TAG = 16;
let FLAGS = new Uint8Array(0);
/** Character → trie symbol (0: in no anchor). */
let SYM = new Uint16Array(0);
let symbols = 1;
/** Trie transitions [node * symbols + sym] (−1: none), outputs per node. */
let NEXT = new Int32Array(0);
let OUT: number[][] = [[]];
let HAS_OUT = new Uint8Array(0);
let ready = false;

/**
 * Build the patterns, the per-character flags and the anchor trie, once, on
 * the first scan: importing this module (every hook does) costs nothing.
 * The trie comes from the generated `policies/injection_trie.ts` when that
 * was built from these anchors (else it is built here).
 */
function init(): void {
  if (ready) return;
  ready = true;
  buildPatterns();
  FLAGS = new Uint8Array(65536);
  for (
    const ch
      of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/_-"
  ) FLAGS[ch.charCodeAt(0)] |= F_B64;
  for (let c = 65; c <= 122; c++) {
    if (c <= 90 || c >= 97) {
      FLAGS[c] |= F_LETTER;
    }
  }
  for (const c of [0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0xfeff]) {
    FLAGS[c] |= F_ZERO_WIDTH;
  }
  for (let c = 0x2060; c <= 0x2064; c++) FLAGS[c] |= F_ZERO_WIDTH;
  FLAGS[0xdb40] |= F_TAG; // high surrogate of U+E0000–E007F
  const key = anchorKey();
  const trie = ANCHOR_TRIE.key === key
    ? ANCHOR_TRIE
    : buildAnchorTrie(key, anchorEntries(), fold);
  const t = trieTables(trie);
  SYM = t.sym;
  symbols = t.symbols;
  NEXT = t.next;
  OUT = t.out;
  HAS_OUT = t.hasOut;
  // Characters that can start an anchor.
  for (let i = 0; i < trie.syms.length; i += 2) {
    if (NEXT[trie.syms[i + 1]] >= 0) FLAGS[trie.syms[i]] |= F_ROOT;
  }
}

/** What the anchor trie is built from: the rot13 and probe words, and each pattern's anchors and "also" words. */
function anchorKey(): string {
  return JSON.stringify([
    ROT13_WORDS,
    PROBE_WORDS,
    PATTERNS.map((p) => [p.anchors, p.also]),
  ]);
}

/**
 * Each anchor word once, with the ids that end on it (anchors repeat across
 * patterns), in order of first use.
 */
function anchorEntries(): [string, number[]][] {
  const idsOf = new Map<string, number[]>();
  const addWord = (w: string, id: number) => {
    const ids = idsOf.get(w);
    if (ids === undefined) idsOf.set(w, [id]);
    else if (!ids.includes(id)) ids.push(id);
  };
  for (const w of ROT13_WORDS) addWord(w, ROT13_ID);
  PROBE_WORDS.forEach((list, k) => {
    for (const w of list.split(" ")) addWord(w, -2 - k);
  });
  PATTERNS.forEach((p, k) => {
    for (const w of p.anchors.split(/\s+/)) if (w) addWord(w, k);
    for (const w of p.also) addWord(w, PATTERNS.length + k);
  });
  return [...idsOf];
}

/** The anchor trie of the catalogue, built afresh (what `deno task build` writes to `policies/injection_trie.ts`). */
export function catalogueAnchorTrie(): AnchorTrie {
  init();
  return buildAnchorTrie(anchorKey(), anchorEntries(), fold);
}

/** What one pass over a text found. */
interface Prefilter {
  /** Per pattern: merged windows [start0, end0, start1, end1, ...] where it may match. */
  windows: number[][];
  /** Runs of ≥ 28 base64 characters: [start0, end0, ...]. */
  runs: number[];
  /** A rot13 hint word was seen. */
  rot13: boolean;
  /** Word starts of the {@link PROBE_WORDS}, per probe (full pass only; the quick pass, which sees no anchor, leaves the search to {@link addressedRequests}). */
  probes?: number[][];
  /** A zero-width character was seen. */
  zeroWidth: boolean;
  /** A high surrogate of the Unicode tag block was seen. */
  tags: boolean;
  /** Places of possibly disguised spellings ({@link disguisedAt}). */
  disguised?: number[];
  /** The text is ASCII (set by both passes). */
  ascii?: boolean;
}

/**
 * One pass over the text: anchor words (a trie walked at word starts, i.e.
 * not right after an ASCII letter), base64 runs, classifier trigger
 * trigrams, zero-width and tag characters.
 */
function prefilter(text: string): Prefilter {
  init();
  const codes = asciiBytes(text) ?? codeUnits(text);
  const pre = prefilterCodes(text.length, codes);
  pre.disguised = disguisedAt(codes, Math.min(text.length, DISGUISE_SCAN));
  pre.ascii = codes instanceof Uint8Array;
  return pre;
}

/**
 * How much of a text is searched for disguised spellings: the first 64 KB
 * (tool output is mostly far shorter; the plain-spelling pass that follows is
 * bounded anyway), so long logs pay a fixed cost.
 */
const DISGUISE_SCAN = 64 * 1024;

/** Most places of disguised spellings noted per text. */
const MAX_DISGUISED = 32;

/**
 * Places where a word may be spelt in disguise, in one pass over the code
 * units: a Cyrillic, Greek or full-width letter; a word with a digit or
 * sign standing for a letter between two letters (`prev1ous`) or before two
 * (`1nstructions`), unless the word is hexadecimal (hashes, ids); three or
 * more single letters spaced apart (`i g n o r e`).
 */
export function disguisedAt(
  codes: Uint8Array | Uint16Array,
  n: number,
): number[] {
  const out: number[] = [];
  let ts = -1; // start of the current word
  let letters = 0;
  let hexOnly = true;
  let leet = false;
  let lastKind = 0; // 1 letter, 2 leet digit, 3 other digit
  let singles = 0;
  let lastSingle = -3;
  let doubles = 0; // gaps of two spaces between letters on this line
  for (let i = 0; i <= n && out.length < MAX_DISGUISED; i++) {
    const c = i < n ? codes[i] : 32;
    if (c === 32) {
      // Words cut by single spaces, two between words (`Igno re  all  previo us`).
      if (
        i + 2 < n && codes[i + 1] === 32 && i > 0 &&
        wordEdge(codes[i + 2]) && wordEdge(codes[i - 1]) && ++doubles === 3
      ) out.push(i);
    } else if (c === 10) doubles = 0;
    if (
      (c >= 0x391 && c <= 0x3c9) || (c >= 0x400 && c <= 0x52f) ||
      (c >= 0xff01 && c <= 0xff5e) || c === 0xd835 ||
      (c >= 0x24b6 && c <= 0x24e9) ||
      (c >= 0x13a0 && c <= 0x13f5)
    ) {
      out.push(i);
      continue;
    }
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    const leetChar = c === 48 || c === 49 || c === 51 || c === 52 ||
      c === 53 || c === 55 || c === 64 || c === 36;
    const digit = c >= 48 && c <= 57;
    if (letter || digit || leetChar) {
      if (ts < 0) {
        ts = i;
        letters = 0;
        hexOnly = true;
        leet = false;
        lastKind = 0;
      }
      if (letter) {
        letters++;
        if ((c | 0x20) > 102) hexOnly = false;
        // A letter after a digit that followed a letter (or began the word).
        if (lastKind === 2 && (letters > 1 || i - ts <= 2)) leet = true;
        lastKind = 1;
      } else lastKind = leetChar ? 2 : 3;
      continue;
    }
    if (ts >= 0) {
      if (leet && letters >= 2 && !hexOnly) out.push(ts);
      if (i - ts === 1 && letters === 1) {
        const sep = codes[ts - 1];
        singles = ts === lastSingle + 2 &&
            (sep === 32 || sep === 46 || sep === 45 || sep === 95 ||
              sep === 42 || sep === 0xb7)
          ? singles + 1
          : 1;
        lastSingle = ts;
        if (singles === 3) out.push(ts);
      }
      ts = -1;
    }
  }
  return out;
}

/** An ASCII letter or a backtick: what may stand either side of a cut inside a word. */
function wordEdge(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 96;
}

/** The UTF-16 code units of a text. */
function codeUnits(text: string): Uint16Array {
  const out = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

/** Short ASCII texts may take {@link quickPrefilter} (no trie needed). */
const QUICK_TEXT = 4096;
const NON_ASCII = /[\u0080-\uffff]/;
/** Runs of base64 characters (the F_B64 set) long enough to decode. */
const B64_RUN = /[A-Za-z0-9+/_-]{28,}/g;
let anchorWords: string[] | undefined;
let wholePattern: boolean | undefined;

/** Every anchor and rot13 hint word, folded for ASCII text as the trie folds (lower case, ſ as s). */
function allAnchorWords(): string[] {
  return anchorWords ??= [
    ...ROT13_WORDS,
    ...INJECTION_POLICIES.filter((p) => !p.nonAscii).flatMap((p) =>
      p.anchors.map((a) => splitAnchors(a).words.join(" "))
    ),
  ].join(" ").toLowerCase().replace(/\u017f/g, "s").trim().split(/\s+/);
}

/**
 * True when some pattern has no anchors, so runs over every text. (A pattern
 * with anchors whose reach has no bound also runs whole, but only once one of
 * its anchors occurs: a text without any anchor word cannot match it.)
 */
function hasWholePattern(): boolean {
  return wholePattern ??= INJECTION_POLICIES.some((p) =>
    !p.nonAscii && p.anchors.some((a) => !a.trim())
  );
}

/**
 * {@link prefilter}'s answer for a short ASCII text that contains no anchor
 * word at all (so no pattern window opens), found without building the
 * trie and tables: what most tool calls in a fresh hook process look like.
 * Undefined when the full pass is needed.
 */
function quickPrefilter(text: string): Prefilter | undefined {
  if (text.length > QUICK_TEXT || NON_ASCII.test(text)) return undefined;
  if (hasWholePattern()) return undefined;
  const lower = text.toLowerCase();
  for (const w of allAnchorWords()) if (lower.includes(w)) return undefined;
  const runs: number[] = [];
  B64_RUN.lastIndex = 0;
  for (let m = B64_RUN.exec(text); m !== null; m = B64_RUN.exec(text)) {
    runs.push(m.index, m.index + m[0].length);
  }
  const codes = asciiBytes(text);
  return {
    windows: [],
    runs,
    rot13: false,
    zeroWidth: false,
    tags: false,
    disguised: codes ? disguisedAt(codes, text.length) : [],
    ascii: true,
  };
}

/** The quick and the full prefilter agree on `text` (or the quick one declines); for tests. */
export function quickPrefilterAgrees(text: string): boolean {
  const quick = quickPrefilter(text);
  if (quick === undefined) return true;
  const full = prefilter(text);
  return full.windows.every((w) => w.length === 0) &&
    JSON.stringify(full.runs) === JSON.stringify(quick.runs) &&
    !full.rot13 && !full.zeroWidth && !full.tags;
}

/** Anchor windows being built by one {@link prefilter} pass. */
interface AnchorState {
  windows: number[][];
  /** Per pattern, the open window (−1: none). */
  curS: Float64Array;
  curE: Float64Array;
  rot13: boolean;
  probes: number[][];
  /** Per pattern with "also" words, their word starts (in order). */
  also: number[][];
  /** Per pattern, 1 when more "also" places were seen than are kept. */
  alsoFull: Uint8Array;
}

/** {@link prefilter} over the text's code units (bytes when it is ASCII). */
function prefilterCodes(n: number, text: Uint8Array | Uint16Array): Prefilter {
  const count = PATTERNS.length;
  const st: AnchorState = {
    windows: PATTERNS.map(() => []),
    curS: new Float64Array(count).fill(-1),
    curE: new Float64Array(count).fill(-1),
    rot13: false,
    probes: PROBE_WORDS.map(() => []),
    also: PATTERNS.map(() => []),
    alsoFull: new Uint8Array(count),
  };
  const runs: number[] = [];
  const flags = FLAGS;
  const next = NEXT, sym = SYM, hasOut = HAS_OUT, width = symbols;
  let any = 0;
  let run = 0;
  let prev = 0;
  for (let i = 0; i < n; i++) {
    const f = flags[text[i]];
    if ((f & F_B64) !== 0) run++;
    else {
      if (run >= 28) runs.push(i - run, i);
      run = 0;
      any |= f;
    }
    if ((f & F_ROOT) !== 0 && (prev & f & F_LETTER) === 0) {
      // Most word starts leave the trie at their second character with no
      // anchor ended on the way (`bu` of `build`): that walk does nothing,
      // so it is not made.
      const first = next[sym[text[i]]];
      if (
        hasOut[first] === 1 || i + 1 >= n ||
        next[first * width + sym[text[i + 1]]] >= 0
      ) anchorsAt(text, n, i, st);
    }
    prev = f;
  }
  if (run >= 28) runs.push(n - run, n);
  const { windows, curS, curE } = st;
  for (let k = 0; k < count; k++) {
    if (curE[k] >= 0) windows[k].push(curS[k], curE[k]);
    if (PATTERNS[k].also.length > 0 && st.alsoFull[k] === 0) {
      windows[k] = windowsHolding(windows[k], st.also[k]);
    }
  }
  return {
    windows,
    runs,
    rot13: st.rot13,
    probes: st.probes,
    zeroWidth: (any & F_ZERO_WIDTH) !== 0,
    tags: (any & F_TAG) !== 0,
  };
}

/** The windows [s0, e0, s1, e1, ...] that hold one of the sorted places `at`. */
function windowsHolding(wins: number[], at: number[]): number[] {
  const out: number[] = [];
  let j = 0;
  for (let w = 0; w < wins.length; w += 2) {
    while (j < at.length && at[j] < wins[w]) j++;
    if (j < at.length && at[j] < wins[w + 1]) out.push(wins[w], wins[w + 1]);
  }
  return out;
}

/** Walks the anchor trie from `i` and widens the windows of the patterns whose anchors end on the way. */
function anchorsAt(
  text: Uint8Array | Uint16Array,
  n: number,
  i: number,
  st: AnchorState,
): void {
  const { windows, curS, curE } = st;
  const next = NEXT, sym = SYM, hasOut = HAS_OUT, width = symbols;
  let node = next[sym[text[i]]];
  for (let j = i + 1; node >= 0; j++) {
    if (hasOut[node] === 1) {
      for (const k of OUT[node]) {
        if (k < 0) {
          if (k === ROT13_ID) st.rot13 = true;
          else {
            const at = st.probes[-2 - k];
            if (at.length < MAX_PROBES && at[at.length - 1] !== i) at.push(i);
          }
          continue;
        }
        if (k >= PATTERNS.length) {
          const at = st.also[k - PATTERNS.length];
          if (at.length >= MAX_PROBES) st.alsoFull[k - PATTERNS.length] = 1;
          else if (at[at.length - 1] !== i) at.push(i);
          continue;
        }
        const p = PATTERNS[k];
        const len = reachOf(p).len;
        const cs = Math.max(0, i - len);
        const ce = Math.min(n, j + len);
        if (curE[k] >= 0 && cs <= curE[k] + 2 * p.margin) {
          if (ce > curE[k]) curE[k] = ce;
        } else {
          if (curE[k] >= 0) windows[k].push(curS[k], curE[k]);
          curS[k] = cs;
          curE[k] = ce;
        }
      }
    }
    if (j >= n) break;
    node = next[node * width + sym[text[j]]];
  }
}

/** Matches of one pattern, scanning only its windows (or the whole text). */
function runPattern(
  p: TextPattern,
  text: string,
  wins: number[],
  base: number,
  out: Finding[],
): void {
  if (!p.whole && wins.length === 0) return;
  const reach = reachOf(p);
  const re = regexOf(p);
  const margin = p.margin;
  let count = 0;
  const n = text.length;
  const scan = (from: number, sliceStart: number, sliceEnd: number) => {
    const sub = sliceStart === 0 && sliceEnd === n
      ? text
      : text.slice(sliceStart, sliceEnd);
    // A match must start where the whole attempt stays inside the slice.
    const limit = sliceEnd === n
      ? Infinity
      : sliceEnd - reach.len - reach.look - 2;
    re.lastIndex = from - sliceStart;
    for (let m = re.exec(sub); m !== null; m = re.exec(sub)) {
      const at = sliceStart + m.index;
      if (at > limit) break;
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      out.push(finding(p.policy, base + at, base + at + m[0].length));
      if (++count >= MAX_PER_PATTERN) return false;
    }
    return true;
  };
  if (p.whole) {
    scan(0, 0, n);
    return;
  }
  for (let w = 0; w < wins.length; w += 2) {
    const cs = wins[w];
    const ce = wins[w + 1];
    if (!scan(cs, Math.max(0, cs - margin), Math.min(n, ce + margin))) return;
  }
}

/** Pattern findings in `text`, offsets shifted by `base`. */
function patternFindings(text: string, base = 0, pre?: Prefilter): Finding[] {
  // No window opens and no pattern runs on whole texts: nothing can match.
  if (pre === undefined ? quickPrefilter(text) : pre.windows.length === 0) {
    return [];
  }
  init();
  const { windows } = pre ?? prefilter(text);
  const out: Finding[] = [];
  let k = 0;
  for (const { pats } of TEXT_POLICIES) {
    for (const p of pats) runPattern(p, text, windows[k++], base, out);
  }
  return out;
}

const hasPattern = (text: string): boolean => patternFindings(text).length > 0;

/**
 * True when a decoded or hidden text reads as instructions. An `encoded`
 * text (someone encoded it on purpose) needs no addressee for a grave
 * request; comments and hidden elements do, as they hold metadata and menus.
 */
function instructionLike(text: string, encoded = false): boolean {
  const t = text.trim();
  if (t.length < 8) return false;
  return hasPattern(t) ||
    (scoreChunk(t) >= MODEL.threshold && words(t, 0, t.length) >= MIN_WORDS) ||
    addressedRequests(t, encoded).length > 0;
}

// ---------------------------------------------------------------------------
// Hidden content.

const HIDDEN_STYLE_RE =
  /(?:display\s{0,4}:\s{0,4}none|visibility\s{0,4}:\s{0,4}hidden|font-size\s{0,4}:\s{0,4}0(?![.\d]{0,6}[1-9])|opacity\s{0,4}:\s{0,4}0(?![.\d]{0,6}[1-9])|color\s{0,4}:\s{0,4}transparent|\shidden(?=[\s>])|\bclass\s{0,4}=\s{0,4}["'][\w -]{0,80}?\b(?:sr-only|visually-hidden)\b)/gi;

/** A markdown link or image with a title (`[x](url "title")`): shown only on hover. */
const LINK_TITLE_RE =
  /\]\(\s{0,4}<?[^\s()<>]{1,2000}>?\s{1,4}(?:"([^"\n]{4,400})"|'([^'\n]{4,400})')\s{0,4}\)/g;
/** A title that speaks to an AI (`AI assistant: ...`, `Note to the agent, ...`). */
const AI_ADDRESS_RE =
  /\b(?:ai|llm|assistant|agent|model|codex|claude|copilot|gpt|chatgpt)s?\b(?:\s{0,4}[:,]|\s{1,4}(?:must|should|need\s{1,4}to|have\s{1,4}to|are\s{1,4}required\s{1,4}to)\b)/i;

function hiddenMarkup(text: string): Finding[] {
  const out: Finding[] = [];
  // Link titles, which a reader sees only on hover and a model always reads.
  if (text.includes("](")) {
    LINK_TITLE_RE.lastIndex = 0;
    let n = 0;
    for (
      let m = LINK_TITLE_RE.exec(text);
      m !== null && n < 64;
      m = LINK_TITLE_RE.exec(text), n++
    ) {
      const title = m[1] ?? m[2] ?? "";
      if (AI_ADDRESS_RE.test(title) || instructionLike(title)) {
        out.push(finding(HIDDEN, m.index, m.index + m[0].length));
      }
    }
  }
  // HTML comments, scanned with indexOf so the cost stays linear.
  let from = 0;
  for (let n = 0; n < 256; n++) {
    const open = text.indexOf("<!--", from);
    if (open < 0) break;
    const close = text.indexOf("-->", open + 4);
    if (close < 0) break;
    const body = text.slice(open + 4, Math.min(close, open + 4 + 4000));
    if (AI_ADDRESS_RE.test(body) || instructionLike(body)) {
      out.push(finding(HIDDEN, open, close + 3));
    }
    from = close + 3;
  }
  // Elements hidden by style or attribute: check the text they contain.
  if (text.includes("<")) {
    HIDDEN_STYLE_RE.lastIndex = 0;
    let n = 0;
    let last = 0;
    for (
      let m = HIDDEN_STYLE_RE.exec(text);
      m !== null && n < 64;
      m = HIDDEN_STYLE_RE.exec(text)
    ) {
      if (m.index < last) continue;
      const gt = text.indexOf(">", m.index);
      if (gt < 0 || gt - m.index > 400) continue;
      const lt = text.indexOf("<", gt + 1);
      const end = lt < 0 ? Math.min(text.length, gt + 2001) : lt;
      if (end - gt > 2000) continue;
      n++;
      last = end;
      // The element's text is a hidden channel: a grave request in it
      // counts whoever it addresses, as in a comment.
      if (instructionLike(text.slice(gt + 1, end), true)) {
        out.push(finding(HIDDEN, m.index, end));
      }
    }
  }
  return out;
}

const TAG_RUN_RE = /[\u{E0000}-\u{E007F}]{2,4096}/gu;
const ZW_RE = /[\u200b-\u200f\u2060-\u2064\ufeff]/g;
/** A zero-width code unit (the class of {@link ZW_RE}). */
function isZeroWidth(c: number): boolean {
  return (c >= 0x200b && c <= 0x200f) || (c >= 0x2060 && c <= 0x2064) ||
    c === 0xfeff;
}

/**
 * The first run of 12 or more zero-width characters, [start, end), found by
 * a loop (a regex over a 10 MB run overflows its backtracking stack).
 */
function zeroWidthRun(text: string): [number, number] | undefined {
  let run = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && isZeroWidth(text.charCodeAt(i))) run++;
    else if (run >= 12) return [i - run, i];
    else run = 0;
  }
  return undefined;
}

function hiddenUnicode(
  text: string,
  pre: Prefilter,
  hasPatterns: boolean,
): Finding[] {
  const out: Finding[] = [];
  if (pre.tags && /[\u{E0000}-\u{E007F}]/u.test(text)) {
    TAG_RUN_RE.lastIndex = 0;
    for (let m = TAG_RUN_RE.exec(text); m !== null; m = TAG_RUN_RE.exec(text)) {
      // Subdivision flags (black flag + tag letters + cancel tag) are emoji, not text.
      const isFlag = text.codePointAt(m.index - 2) === 0x1f3f4 &&
        m[0].endsWith("\u{E007F}");
      let ascii = "";
      for (const ch of m[0]) {
        const c = (ch.codePointAt(0) ?? 0) - 0xe0000;
        if (c >= 0x20 && c < 0x7f) ascii += String.fromCharCode(c);
      }
      if (!isFlag && ascii.length >= 3) {
        out.push(finding(UNICODE, m.index, m.index + m[0].length));
      }
      if (out.length >= MAX_PER_PATTERN) break;
    }
  }
  if (pre.zeroWidth && ZW_RE.test(text)) {
    const run = zeroWidthRun(text);
    if (run) out.push(finding(UNICODE, run[0], run[1]));
    // Instructions interleaved with zero-width characters.
    const stripped = text.replace(ZW_RE, "");
    if (stripped.length < text.length && !hasPatterns) {
      // Removed (ig\u200bnore) or standing for spaces (ignore\u200ball).
      let hits = patternFindings(stripped);
      if (hits.length === 0) {
        // Spaces only in the first 64 KB: a second pass over megabytes of
        // interleaved text would double the cost of the worst case.
        hits = patternFindings(text.slice(0, 65536).replace(ZW_RE, " "));
      }
      if (hits.length > 0) {
        const first = text.search(ZW_RE);
        out.push(finding(UNICODE, Math.max(0, first), text.length));
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Encoded payloads.

const B64_RE = /[A-Za-z0-9+/_-]{28,}={0,2}/g;
const HEX_RE = /\b(?:[0-9a-fA-F]{2}){20,}\b/g;
const ROT13_HINT_RE =
  /\b(?:vtaber|qvfertneq|sbetrg|vafgehpgvbaf|cerivbhf|flfgrz\s+cebzcg|cebzcg)\b/i;

function printableText(bytes: Uint8Array): string | null {
  let ok = 0;
  for (const b of bytes) {
    if (
      (b >= 0x20 && b < 0x7f) || b === 9 || b === 10 || b === 13 || b >= 0x80
    ) {
      ok++;
    }
  }
  if (bytes.length < 12 || ok / bytes.length < 0.95) return null;
  const s = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  const letters = (s.match(/[\p{L} ]/gu) ?? []).length;
  return letters / s.length > 0.7 ? s : null;
}

function decodeBase64(s: string): Uint8Array | null {
  let t = s.replace(/-/g, "+").replace(/_/g, "/").replace(/=+$/, "");
  t = t.slice(0, t.length - (t.length % 4 === 1 ? 1 : 0));
  while (t.length % 4) t += "=";
  try {
    const bin = atob(t);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

function decodeHex(s: string): Uint8Array {
  const out = new Uint8Array(s.length >> 1);
  for (let i = 0; i < out.length; i++) {
    out[i] = parseInt(s.slice(i * 2, i * 2 + 2), 16);
  }
  return out;
}

function rot13(s: string): string {
  return s.replace(/[a-z]/gi, (c) => {
    const base = c <= "Z" ? 65 : 97;
    return String.fromCharCode((c.charCodeAt(0) - base + 13) % 26 + base);
  });
}

/**
 * Candidate matches of `re` inside the base64 runs (the only places they can
 * be): where each starts, its first {@link MAX_CANDIDATE_CHARS} characters
 * (all that is decoded) and its length. The regex only sees the first
 * MAX_CANDIDATE_CHARS of a run (a 10 MB run would run it out of stack); a
 * match that reaches that cut stands for the rest of the run too.
 */
function* candidates(
  text: string,
  runs: number[],
  re: RegExp,
  minLen: number,
): Generator<{ index: number; text: string; length: number }> {
  for (let r = 0; r < runs.length; r += 2) {
    if (runs[r + 1] - runs[r] < minLen) continue;
    // One character of context each side for `\b`; the run's neighbours are
    // not base64 characters, so no match crosses them except `=` padding.
    const from = Math.max(0, runs[r] - 1);
    const long = runs[r + 1] - runs[r] > MAX_CANDIDATE_CHARS;
    const cut = long
      ? runs[r] + MAX_CANDIDATE_CHARS
      : Math.min(text.length, runs[r + 1] + 3);
    const sub = text.slice(from, cut);
    re.lastIndex = runs[r] - from;
    for (let m = re.exec(sub); m !== null; m = re.exec(sub)) {
      const index = from + m.index;
      const end = long && index + m[0].length === cut
        ? runs[r + 1]
        : index + m[0].length;
      yield { index, text: m[0], length: end - index };
    }
  }
}

function encodedPayloads(text: string, pre: Prefilter): Finding[] {
  const out: Finding[] = [];
  let seen = 0;
  for (
    const [re, decode, minLen] of [
      [B64_RE, decodeBase64, 28],
      [HEX_RE, decodeHex, 40],
    ] as const
  ) {
    for (const m of candidates(text, pre.runs, re, minLen)) {
      if (++seen > MAX_CANDIDATES) break;
      const cand = m.text.slice(0, MAX_CANDIDATE_CHARS);
      // Pure letters or pure digits are words/identifiers, not encodings.
      if (
        re === B64_RE &&
        (!/[0-9+/=_-]/.test(cand) && !/[A-Z].*[a-z]|[a-z].*[A-Z]/.test(cand))
      ) continue;
      const bytes = decode(cand);
      const plain = bytes && printableText(bytes);
      if (plain && instructionLike(plain, true)) {
        out.push(finding(ENCODED, m.index, m.index + m.length));
      }
    }
  }
  if (pre.rot13 && ROT13_HINT_RE.test(text)) {
    const slice = text.slice(0, 65536);
    const hits = patternFindings(rot13(slice));
    if (hits.length > 0 && !hasPattern(slice)) {
      const h = hits[0];
      out.push(finding(ENCODED, h.start, h.end));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Classifier over chunks.

const TRIGGER_G = new RegExp(TRIGGER_RE.source, "gi");

/** {@link TRIGGER_RE}'s words as literals (its `\b` assertions left to the sticky regex that checks each place). */
export const TRIGGER_WORDS: readonly string[] = TRIGGER_RE.source.split("|")
  .map((w) => w.replaceAll("\\b", ""));
/** {@link TRIGGER_RE}, tried at one place (see {@link nextTrigger}). */
const TRIGGER_AT = new RegExp(TRIGGER_RE.source, "iy");
let triggerStarts: StartTable | undefined;

/**
 * The offset of the first match of {@link TRIGGER_RE} at or after `from`
 * (Infinity: none; `ascii`: whether the text is all ASCII). On an ASCII
 * text the places where a trigger word may start are read from its bytes
 * ({@link nextStart}) and the regex is tried only there (the alternation
 * tried at every place of a long log cost about a tenth of its scan);
 * otherwise the global regex searches.
 */
export function nextTrigger(
  text: string,
  from: number,
  ascii: boolean,
): number {
  const bytes = ascii ? asciiBytes(text) : undefined;
  if (bytes === undefined) {
    TRIGGER_G.lastIndex = from;
    const m = TRIGGER_G.exec(text);
    return m ? m.index : Infinity;
  }
  const table = triggerStarts ??= startTable(TRIGGER_WORDS, true);
  const n = bytes.length;
  for (let p = nextStart(table, bytes, from); p < n;) {
    TRIGGER_AT.lastIndex = p;
    if (TRIGGER_AT.test(text)) return p;
    p = nextStart(table, bytes, p + 1);
  }
  return Infinity;
}
const NON_SPACE = /\S/g;

/**
 * One classifier chunk: line pieces of about CHUNK characters (long lines
 * cut), joined by one newline (blank lines dropped). Kept as offsets; the
 * text is built only for chunks that are scored.
 */
interface Span {
  /** Offset of the first piece. */
  start: number;
  /** Offset just after the last piece. */
  end: number;
  /** Length of the joined chunk text. */
  len: number;
  /** Blank lines lie between pieces (the text is not a plain slice). */
  gap: boolean;
  /** The chunk starts or ends inside a line that was cut. */
  cut: boolean;
}

/** The chunk spans of a text, in order (whitespace-only ones included). */
function* spans(text: string): Generator<Span> {
  const n = text.length;
  let cur: Span | null = null;
  let pos = 0;
  while (pos < n) {
    let nl = text.indexOf("\n", pos);
    if (nl < 0) nl = n;
    for (let a = pos; a < nl; a += CHUNK) {
      const b = Math.min(nl, a + CHUNK);
      if (cur && cur.len + 1 + (b - a) > CHUNK) {
        yield cur;
        cur = null;
      }
      if (!cur) {
        cur = { start: a, end: b, len: b - a, gap: false, cut: a > pos };
      } else {
        if (a > cur.end + 1) cur.gap = true;
        cur.len += 1 + (b - a);
        cur.end = b;
      }
      if (b < nl) cur.cut = true;
    }
    pos = nl + 1;
  }
  if (cur) yield cur;
}

const spanText = (text: string, s: Span): string => {
  const t = text.slice(s.start, s.end);
  return s.gap ? t.replace(/\n+/g, "\n") : t;
};

/** The chunks the classifier scores: all of them when there are few, else the first ALWAYS_SCORED plus those with trigger words, at most MAX_CHUNKS. */
function pickChunks(text: string, ascii?: boolean): Span[] {
  const picked: Span[] = [];
  let count = 0;
  let spaceFrom = -1;
  let spaceAt = -1;
  let hitAt = -1;
  for (const s of spans(text)) {
    // Skip whitespace-only chunks (one forward search, reused while valid).
    if (spaceAt < s.start) {
      // A chunk that starts with a printable ASCII character is not blank
      // (the search below would stop right there).
      const c = text.charCodeAt(s.start);
      if (c > 32 && c < 127) {
        spaceAt = s.start;
        spaceFrom = s.start;
      } else if (spaceFrom < 0 || spaceAt >= 0 || spaceFrom < s.start) {
        NON_SPACE.lastIndex = s.start;
        const m = NON_SPACE.exec(text);
        spaceAt = m ? m.index : Infinity;
        spaceFrom = s.start;
      }
    }
    if (spaceAt >= s.end) continue;
    if (++count <= ALWAYS_SCORED) {
      picked.push(s);
      continue;
    }
    if (picked.length >= MAX_CHUNKS) break;
    let trigger: boolean;
    if (s.cut) trigger = TRIGGER_RE.test(spanText(text, s));
    else {
      // Triggers never span a newline, so a hit starting in the lines of an
      // uncut chunk is a hit in its text, and only those are. Spans come in
      // order, so one forward search serves until it falls behind.
      if (hitAt < s.start) {
        ascii ??= !NON_ASCII.test(text);
        hitAt = nextTrigger(text, s.start, ascii);
      }
      trigger = hitAt < s.end;
    }
    if (trigger) picked.push(s);
  }
  return picked;
}

/**
 * Least chunk score whose sentences are scored one by one: a directive
 * sentence inside a paragraph of benign prose scores lower with it than
 * alone (127 attacks of the held-out sets the classifier alone finds: 5
 * found inside a README paragraph, 87 on a line of their own), so a chunk
 * the model half suspects is read sentence by sentence.
 */
const SENTENCE_BAND = 0.25;
/** Least score of a sentence scored on its own that counts. */
const SENTENCE_FLOOR = 0.9;
/** Most sentences of one chunk scored on their own. */
const MAX_SENTENCES = 12;
/** Fewest characters of a sentence scored on its own. */
const MIN_SENTENCE = 32;

/**
 * Whether a sentence tells its reader to do something: an imperative, or
 * an AI or "you" with a modal or a request (the cue tokens of
 * injection_cues.ts). A description (`Agents approve every reply before it
 * is sent`) does not.
 */
function tells(sentence: string): boolean {
  // A quotation in it: the sentence talks about what is quoted.
  if (QUOTE_OPEN.test(sentence)) return false;
  // `Agents (humans) approve every reply`: the name is people's.
  if (PEOPLE_ASIDE.test(sentence)) return false;
  return cueTokens(sentence).some((t) => t.startsWith("t:") || t === "c:imp");
}
/** A quotation opening (a quote mark at a word start). */
const QUOTE_OPEN = /(?:^|[\s(\[:=,|])["'\u201c\u201d\u2018\u00ab\u00bb\u201e]/;
/** An aside saying a name is people's (`Agents (humans)`). */
const PEOPLE_ASIDE =
  /\(\s{0,2}(?:humans?|people|persons?|staff|employees)\s{0,2}\)/i;

/**
 * The best-scoring sentence of text[start, end): sentences end at a line
 * break or at `.`, `!` or `?` before white space (not inside `~/.aws` or a
 * URL). Only those of {@link MIN_SENTENCE} characters or more, at most
 * {@link MAX_SENTENCES} of them, are scored.
 */
function bestSentence(
  text: string,
  start: number,
  end: number,
): { p: number; start: number; end: number } {
  let best = { p: 0, start, end };
  let from = start;
  let scored = 0;
  for (let i = start; i <= end && scored < MAX_SENTENCES; i++) {
    const c = i < end ? text.charCodeAt(i) : 10;
    const stop = c === 10 ||
      ((c === 46 || c === 33 || c === 63) &&
        (i + 1 >= end || text.charCodeAt(i + 1) <= 32));
    if (!stop) continue;
    const to = c === 10 ? i : i + 1;
    if (to - from >= MIN_SENTENCE && to - from < end - start) {
      scored++;
      const sentence = text.slice(from, to);
      const p = scoreChunk(sentence);
      if (p > best.p && p >= SENTENCE_FLOOR && tells(sentence)) {
        best = { p, start: from, end: to };
      }
    }
    from = i + 1;
  }
  return best;
}

function scoreText(
  text: string,
  ascii?: boolean,
): { p: number; start: number; end: number } {
  let best = { p: 0, start: 0, end: 0 };
  const floor = Math.max(MODEL.threshold, CLASSIFIER_FLOOR);
  for (const s of pickChunks(text, ascii)) {
    const p = scoreChunk(spanText(text, s));
    if (p > best.p) best = { p, start: s.start, end: s.start + s.len };
    if (p >= SENTENCE_BAND && p < floor && best.p < floor) {
      const b = bestSentence(text, s.start, s.end);
      if (b.p > best.p) best = b;
    }
  }
  return best;
}

/** The classifier's probability that a text is an injection, 0..1. */
export function injectionScore(text: string): number {
  return text.trim() ? scoreText(text).p : 0;
}

// ---------------------------------------------------------------------------
// Other scripts, disguised spellings, quoted mentions.

/** Letters of the scripts the `nonAscii` policies are written in. */
const OTHER_SCRIPT =
  /[\u0370-\u03ff\u0400-\u04ff\u0590-\u05ff\u0600-\u06ff\u0900-\u097f\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;
let SCRIPT_PATTERNS: { policy: InjectionPolicy; re: RegExp }[] | undefined;

/** Matches of the policies written in other scripts; only texts holding such letters are scanned. */
function scriptFindings(text: string): Finding[] {
  if (!OTHER_SCRIPT.test(text)) return [];
  SCRIPT_PATTERNS ??= INJECTION_POLICIES.filter((p) => p.nonAscii).flatMap((
    policy,
  ) =>
    policy.patterns.map((re) => ({
      policy,
      re: new RegExp(
        re.source,
        re.flags.includes("g") ? re.flags : re.flags + "g",
      ),
    }))
  );
  const out: Finding[] = [];
  for (const { policy, re } of SCRIPT_PATTERNS) {
    re.lastIndex = 0;
    let count = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      out.push(finding(policy, m.index, m.index + m[0].length));
      if (++count >= MAX_PER_PATTERN) break;
    }
  }
  return out;
}

/** Latin look-alikes: Cyrillic and Greek letters, one code unit each. */
const CONFUSABLE: Record<string, string> = {
  "а": "a",
  "в": "b",
  "е": "e",
  "к": "k",
  "м": "m",
  "н": "h",
  "о": "o",
  "р": "p",
  "с": "c",
  "т": "t",
  "у": "y",
  "х": "x",
  "і": "i",
  "ј": "j",
  "ѕ": "s",
  "ԁ": "d",
  "ԛ": "q",
  "ԝ": "w",
  "ӏ": "l",
  "ү": "y",
  "һ": "h",
  "А": "A",
  "В": "B",
  "Е": "E",
  "К": "K",
  "М": "M",
  "Н": "H",
  "О": "O",
  "Р": "P",
  "С": "C",
  "Т": "T",
  "У": "Y",
  "Х": "X",
  "І": "I",
  "Ј": "J",
  "Ѕ": "S",
  "α": "a",
  "ο": "o",
  "ι": "i",
  "ν": "v",
  "ρ": "p",
  "τ": "t",
  "υ": "u",
  "κ": "k",
  "ε": "e",
  "Α": "A",
  "Β": "B",
  "Ε": "E",
  "Ζ": "Z",
  "Η": "H",
  "Ι": "I",
  "Κ": "K",
  "Μ": "M",
  "Ν": "N",
  "Ο": "O",
  "Ρ": "P",
  "Τ": "T",
  "Υ": "Y",
  "Χ": "X",
  // Cherokee capitals that look Latin.
  "Ꭵ": "i",
  "Ꭺ": "A",
  "Ᏼ": "B",
  "Ꮯ": "C",
  "Ꭼ": "E",
  "Ꮋ": "H",
  "Ꭻ": "J",
  "Ꮶ": "K",
  "Ꮇ": "M",
  "Ꮲ": "P",
  "Ꮪ": "S",
  "Ꭲ": "T",
  "Ꮃ": "W",
  "Ꮓ": "Z",
};
const CONFUSABLE_RE =
  /[\u0391-\u03c9\u0400-\u04ff\u0500-\u052f\u13a0-\u13f5\uff01-\uff5e]/g;
/** Digits and signs written for letters inside words (ign0re, a11, prev1ous). */
const LEET: Record<string, string> = {
  "0": "o",
  "1": "i",
  "3": "e",
  "4": "a",
  "5": "s",
  "7": "t",
  "@": "a",
  "$": "s",
};
const LEET_WORD_RE =
  /[A-Za-z][A-Za-z0-9@$]{1,30}|[0-9@$][A-Za-z][A-Za-z0-9@$]{0,30}/g;
const SPACED_RE =
  /(?<![A-Za-z])(?:[A-Za-z][ .\-_*\u00b7]){2,}[A-Za-z](?![A-Za-z])/g;
/** A gap of two spaces between letters (or backticks). */
const DOUBLE_GAP_G = /[A-Za-z`] {2}(?=[A-Za-z`])/g;
/** A single space between letters (or backticks), the letter before kept. */
const SINGLE_GAP_G = /([A-Za-z`]) (?=[A-Za-z`])/g;
/** Words whose appearance in a plain spelling (more of them than in the line) is worth a second look. */
const SKELETON_HINT =
  /ignor|disregard|forget|instruct|previous|prompt|system|jailbreak|pretend|reveal|agent|assistant|please|token|secret|passw|credential|upload|webhook|execute/gi;

/** How many hint words a text holds. */
function hints(t: string): number {
  SKELETON_HINT.lastIndex = 0;
  let n = 0;
  while (SKELETON_HINT.exec(t) !== null) n++;
  return n;
}

/**
 * Letters of a spaced-out run joined: the separator most of its gaps use
 * goes, any other one is a word gap (`D.i.s.r.e.g.a.r.d t.h.e` reads
 * `Disregard the`, `f-o-r-g-e-t y-o-u-r` reads `forget your`).
 */
function joinRun(run: string): string {
  const count = new Map<string, number>();
  for (let i = 1; i < run.length; i += 2) {
    count.set(run[i], (count.get(run[i]) ?? 0) + 1);
  }
  let main = "";
  let most = 0;
  for (const [c, n] of count) if (n > most) [main, most] = [c, n];
  let out = run[0];
  for (let i = 1; i < run.length; i += 2) {
    out += (run[i] === main ? "" : " ") + run[i + 1];
  }
  return out;
}

/**
 * One line spelt plainly: look-alike Cyrillic and Greek letters and
 * full-width forms read as Latin, digits inside words read as letters
 * (`a11` as `all`, `ign0re`), letters spaced apart joined. Undefined when
 * nothing changes.
 */
export function skeleton(line: string): string | undefined {
  let t = line;
  if (NON_ASCII.test(t)) {
    // Compatibility forms (mathematical and full-width letters) as ASCII.
    if (/[\ud835\uff01-\uff5e\u24b6-\u24e9]/.test(t)) t = t.normalize("NFKC");
    t = t.replace(CONFUSABLE_RE, (c) => {
      const code = c.charCodeAt(0);
      if (code >= 0xff01) return String.fromCharCode(code - 0xfee0);
      return CONFUSABLE[c] ?? c;
    });
  }
  if (/[0-9@$]/.test(t)) {
    t = t.replace(LEET_WORD_RE, (w) => {
      // Hexadecimal words are hashes and ids, unless short (`a11`).
      if (!/[0-9@$]/.test(w) || (w.length > 4 && /^[0-9a-f]+$/i.test(w))) {
        return w;
      }
      return w.replace(/11/g, "ll").replace(/[0-9@$]/g, (d) => LEET[d] ?? d);
    });
  }
  const doubles = (t.match(DOUBLE_GAP_G) ?? []).length;
  if (doubles >= 3 && doubles >= (t.match(SINGLE_GAP_G) ?? []).length) {
    // Two spaces between words, one inside them (most gaps double): the
    // single ones go.
    t = t.replace(SINGLE_GAP_G, "$1").replace(/ {2,}/g, " ");
  }
  if (/[ .\-_*\u00b7][A-Za-z][ .\-_*\u00b7]/.test(t)) {
    t = t.replace(SPACED_RE, joinRun);
  }
  return t === line ? undefined : t;
}

/** Most characters of lines spelt plainly in one text (the pass's cost is bounded). */
const MAX_SKELETON_CHARS = 65536;

/**
 * Pattern findings in lines whose plain spelling ({@link skeleton}) differs
 * and holds more hint words than the line itself. A finding covers the
 * same span when the spelling kept the line's length, else the whole line.
 */
function skeletonFindings(text: string, places: readonly number[]): Finding[] {
  const out: Finding[] = [];
  let budget = MAX_SKELETON_CHARS;
  let done = -1;
  for (const at of places) {
    if (at < done || budget <= 0) continue;
    // The line around a disguised word, spelt plainly once.
    const pos = text.lastIndexOf("\n", at) + 1;
    let nl = text.indexOf("\n", at);
    if (nl < 0) nl = text.length;
    done = nl;
    const line = text.slice(pos, Math.min(nl, pos + 4096));
    budget -= line.length;
    const plain = skeleton(line);
    if (plain === undefined || hints(plain) <= hints(line)) continue;
    const found = patternFindings(plain);
    for (const f of found) {
      const same = plain.length === line.length;
      out.push({
        ...f,
        start: pos + (same ? f.start : 0),
        end: pos + (same ? f.end : line.length),
      });
    }
    // A disguised spelling hides what it says, as a comment does: a grave
    // request in it counts whoever it addresses.
    if (found.length === 0 && addressedRequests(plain, true).length > 0) {
      out.push(finding(ENCODED, pos, pos + line.length));
    }
  }
  return out;
}

/**
 * Pattern findings and addressed requests that exist only when consecutive
 * field values are read as one text ({@link fieldRuns}): the match crosses
 * from one value into the next. A finding covers the run's field lines.
 */
function splitFieldFindings(text: string): Finding[] {
  if (!/[:=]/.test(text) || text.indexOf("\n") < 0) return [];
  const out: Finding[] = [];
  for (const run of fieldRuns(text)) {
    const crosses = (s: number, e: number) =>
      run.joins.some((j) => s < j && j < e);
    const found = patternFindings(run.text).filter((f) =>
      crosses(f.start, f.end)
    );
    const asked = addressedRequests(run.text).filter(([s, e]) => crosses(s, e));
    for (const f of found) out.push({ ...f, start: run.start, end: run.end });
    if (asked.length > 0) out.push(finding(ADDRESSED, run.start, run.end));
  }
  return out;
}

/**
 * Fewest words a chunk needs before the classifier alone may flag it: on two
 * or three words one weighted word decides (`Everything up-to-date`), and
 * short injections are what the patterns catch.
 */
const MIN_WORDS = 5;

/** Words (runs of letters) in text[start, end), counted up to MIN_WORDS. */
function words(text: string, start: number, end: number): number {
  let n = 0;
  let inWord = false;
  for (let i = start; i < end && n < MIN_WORDS; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x2e80) {
      n++; // CJK and Hangul: no spaces, a character carries a word
      inWord = false;
      continue;
    }
    const c = code | 0x20;
    const letter = (c >= 97 && c <= 122) || code > 0x7f;
    if (letter && !inWord) n++;
    inWord = letter;
  }
  return n;
}

/**
 * Least classifier probability that flags a chunk on its own. Training picks
 * its threshold on deepset and tool-output lines; on 377 real documentation
 * files (npm, Node.js and Debian docs, this repository's READMEs: developer
 * prose, which neither holds) the trained 0.89 flagged 13 files and 0.93
 * flagged one, for 3 of deepset's 203 injections (in-sample). With the
 * skip-pair and addressee features (2026-12-03) 0.90 flags 8 of 2,328
 * documentation files (the model before at 0.93: 7; this one at 0.93: 3,
 * at 0.87: 12, at 0.82: 20). With the structural cue features
 * (injection_cues.ts, 2026-12-03) 0.90 flags none of 2,520 files and 0.87
 * flags 5, for 57.4% -> 60% of the attacks of project sets the model never
 * saw (grouped cross-validation, 1.9% false positives). Trained on tune18 and
 * tune19 as well (2026-12-03), the model flags 21 of 2,312 documentation
 * files (/usr/share/doc, global npm packages) at 0.87, 9 at 0.90, 7 at 0.915
 * and 5 at 0.93 (main's model at 0.87: 4); at 0.90 it finds 58.3% of
 * heldout20 (never trained on) against 50.0%. Trained on the reported
 * held-out sets 5-19, 21, 24, 26 and on paragraphs of other documentation
 * (docneg.jsonl, round inj9), it flags 0 of those 2,312 files at 0.90.
 * Trained with a stronger L2 penalty (round inj10, 2026-12-07) the scores
 * are less extreme: the trained threshold (0.76, developer-text false
 * positives out of fold 2.1%, as the old model at 0.90) governs, and this
 * floor only guards against a threshold picked absurdly low; at 0.76 the
 * model flags 5 of the 2,312 files.
 */
const CLASSIFIER_FLOOR = 0.70;

/** Words that, read backwards, are common in injected requests (`erongi`, `dnes`, `eht`). */
const REVERSED_HINT_G =
  /\b(?:erongi|snoitcurtsni|suoiverp|tpmorp|metsys|dnes|daolpu|eteled|drowssap|sterces|terces|snekot|ruoy|uoy|eht|dna|lla|ot|nur|etucexe|hsup)\b/gi;
/** How much of a text is searched for reversed lines. */
const REVERSED_SCAN = 64 * 1024;

/**
 * Lines written backwards (`snoitcurtsni suoiverp lla erongI`): a line with
 * at least two reversed hint words, more than it has read forwards, is
 * reversed and checked like an encoded payload (patterns, or a grave request
 * whoever it addresses).
 */
function reversedFindings(text: string): Finding[] {
  const head = text.length > REVERSED_SCAN
    ? text.slice(0, REVERSED_SCAN)
    : text;
  REVERSED_HINT_G.lastIndex = 0;
  const out: Finding[] = [];
  let lineDone = -1;
  let lines = 0;
  for (
    let m = REVERSED_HINT_G.exec(head);
    m !== null && lines < 64;
    m = REVERSED_HINT_G.exec(head)
  ) {
    if (m.index < lineDone) continue;
    const start = head.lastIndexOf("\n", m.index) + 1;
    let end = head.indexOf("\n", m.index);
    if (end < 0) end = head.length;
    lineDone = end;
    lines++;
    const line = head.slice(start, Math.min(end, start + 2000));
    const back = (line.match(REVERSED_HINT_G) ?? []).length;
    if (back < 2) continue;
    const plain = [...line].reverse().join("");
    if ((plain.match(REVERSED_HINT_G) ?? []).length >= back) continue;
    if (hasPattern(plain) || addressedRequests(plain, true).length > 0) {
      out.push(finding(ENCODED, start, start + line.length));
    }
  }
  return out;
}

/**
 * Policies whose findings on an assistant's turn of a pasted transcript
 * (see {@link assistantTurn}) are the assistant's words, not requests.
 */
const SPOKEN = new Set([
  "sys_injection_agent_command",
  ADDRESSED.id,
  CHANNEL.id,
]);

/**
 * Whether the classifier's chunk text[start, end) holds assistant turns of
 * a transcript and, with their bodies set aside, scores under `floor`: the
 * score came from the assistant's answer, not from a request to the reader.
 */
function answeredInTranscript(
  text: string,
  start: number,
  end: number,
  floor: number,
): boolean {
  const rest = withoutAssistantTurns(text, start, end);
  return rest !== undefined && scoreText(rest).p < floor;
}

/**
 * Whether the words of probe `k` may start a word in the text `pre` was
 * read from: the full pass recorded where they do; the quick pass records
 * none (unknown: may).
 */
function probed(pre: Prefilter, k: number): boolean {
  return pre.probes === undefined || pre.probes[k].length > 0;
}

/**
 * Whether the passes gated by the prefilter's probes (see `probed`) find on
 * `text` what they find ungated; for tests.
 */
export function probeGatesAgree(text: string): boolean {
  const pre = quickPrefilter(text) ?? prefilter(text);
  const same = (a: [number, number][], b: [number, number][]) =>
    JSON.stringify(a) === JSON.stringify(b);
  return same(
    toolUseRequests(text),
    toolUseRequests(
      text,
      probed(pre, PROBE_TOOL_USE),
      probed(pre, PROBE_CALL),
    ),
  ) &&
    same(
      foreignRequests(text),
      foreignRequests(text, probed(pre, PROBE_NAME)),
    ) &&
    same(beaconLinks(text), beaconLinks(text, probed(pre, PROBE_IMAGE)));
}

/** Whether `re` finds a match in `text` only where the prefilter saw one of probe `k`'s words; for tests. */
export function probeCovers(re: RegExp, k: number, text: string): boolean {
  const pre = prefilter(text);
  return !new RegExp(re.source, re.flags.replace("g", "")).test(text) ||
    pre.probes![k].length > 0;
}

/** Prompt-injection findings in a text (patterns, decoded payloads, and the classifier). */
export function findPromptInjection(raw: string): Finding[] {
  if (!raw.trim()) return [];
  // A JSON or JS string's escapes read as what they stand for (same length).
  const text = jsonEscapeView(raw) ?? raw;
  const pre = quickPrefilter(text) ?? prefilter(text);
  let patterns = patternFindings(text, 0, pre);
  const nonAscii = pre.ascii === undefined ? NON_ASCII.test(text) : !pre.ascii;
  if (nonAscii) patterns.push(...scriptFindings(text));
  if (pre.disguised && pre.disguised.length > 0) {
    patterns.push(...skeletonFindings(text, pre.disguised));
  }
  patterns.push(...splitFieldFindings(text));
  // Findings inside quotations the text talks about, or in blocks it shows
  // as examples: the classifier is not to flag a chunk for them either.
  const mentioned: Finding[] = [];
  const talkedAbout = (f: Finding): boolean => {
    const m = quotedMention(text, f) || exhibited(text, f) ||
      (SPOKEN.has(f.policyId) && assistantTurn(text, f.start));
    if (m) mentioned.push(f);
    return m;
  };
  if (patterns.length > 0) patterns = patterns.filter((f) => !talkedAbout(f));
  const out = [
    ...patterns,
    ...addressedRequests(text, false, pre.probes)
      .map(([s, e]) => finding(ADDRESSED, s, e))
      .filter((f) => !talkedAbout(f)),
    ...toolUseRequests(
      text,
      probed(pre, PROBE_TOOL_USE),
      probed(pre, PROBE_CALL),
    ).map(([s, e]) => finding(ADDRESSED, s, e))
      .filter((f) => !talkedAbout(f)),
    ...keyedRequests(text).map(([s, e]) => finding(ADDRESSED, s, e))
      .filter((f) => !talkedAbout(f)),
    ...impersonalRequests(text).map(([s, e]) => finding(ADDRESSED, s, e))
      .filter((f) => !talkedAbout(f)),
    ...foreignRequests(text, probed(pre, PROBE_NAME))
      .map(([s, e]) => finding(ADDRESSED, s, e))
      .filter((f) => !talkedAbout(f)),
    ...channelRequests(
      text,
      pre.probes === undefined || pre.probes[3].length > 0,
    ).map(([s, e]) => finding(CHANNEL, s, e))
      .filter((f) => !talkedAbout(f)),
    ...beaconLinks(text, probed(pre, PROBE_IMAGE))
      .map(([s, e]) => finding(BEACON, s, e))
      .filter((f) => !talkedAbout(f)),
    // Markup quoted or shown in an example block is shown, not hidden (its
    // finding may start in the lead-in, at a `hidden` attribute word: judge
    // its end too).
    ...hiddenMarkup(text).filter((f) =>
      !talkedAbout(f) && !exhibited(text, { ...f, start: f.end - 1 })
    ),
    ...hiddenUnicode(text, pre, patterns.length > 0),
    ...encodedPayloads(text, pre),
  ];
  out.push(...reversedFindings(text));
  const best = scoreText(text, !nonAscii);
  const floor = Math.max(MODEL.threshold, CLASSIFIER_FLOOR);
  if (
    best.p >= floor &&
    words(text, best.start, best.end) >= MIN_WORDS &&
    !mentioned.some((f) => f.start < best.end && f.end > best.start) &&
    !answeredInTranscript(text, best.start, best.end, floor) &&
    // Guidance that warns against a kind of request asks for nothing.
    !defensiveGuidance(text.slice(best.start, best.end))
  ) {
    out.push(finding(CLASSIFIER, best.start, best.end));
  }
  out.sort((a, b) => a.start - b.start || a.end - b.end);
  return out;
}
