/**
 * Cheap conditions of the scanner's passes that start without a keyword:
 * a token typed with spaces between its characters (`pieces.ts`), a run of
 * twelve short lowercase words that may be a recovery phrase
 * (`mnemonic.ts`), digit groups cut by a line break that may be one card
 * number (`split_cards.ts`). The passes use them to skip ordinary text,
 * and the gate (`sensitive_gate.ts`) uses them so that it never clears a
 * text one of these passes would find something in.
 *
 * @module
 */

/** A token typed with a space between its characters (`g h p _ a B 3 …`): 16 or more single characters each followed by one space. */
export const SPACED_CHARS = /(?<![!-~])(?:[!-~] ){15,512}[!-~](?![!-~])/g;

/**
 * What every {@link SPACED_CHARS} run holds (seven characters between eight
 * single spaces), without its lookbehind: the regex engine skips to a
 * space two characters after a space about twice as fast as it tests that
 * lookbehind at every place.
 */
const SPACED_HINT = / [!-~] [!-~] [!-~] [!-~] [!-~] [!-~] [!-~] /;

/** False when `text` cannot hold a {@link SPACED_CHARS} run (true: it may). */
export function maySpaceChars(text: string): boolean {
  return SPACED_HINT.test(text);
}

/** Whether `text` holds a {@link SPACED_CHARS} run. */
export function holdsSpacedChars(text: string): boolean {
  if (!SPACED_HINT.test(text)) return false;
  SPACED_CHARS.lastIndex = 0;
  const hit = SPACED_CHARS.test(text);
  SPACED_CHARS.lastIndex = 0;
  return hit;
}

/** Fewest words of a recovery phrase. */
const MIN_WORDS = 12;

/** Characters a phrase's separators may hold: blanks, line breaks, `,` `;`, numbering (digits `.` `)` `:`) and bullets (`-` `*`). */
function gapChar(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 44 ||
    c === 59 || (c >= 48 && c <= 58) || c === 46 || c === 41 || c === 45 ||
    c === 42;
}

/**
 * Common English words that are not in the BIP-39 list (checked by
 * `keywordless_test.ts`): a run of short words that holds one is prose, not
 * a recovery phrase. Without them the gate loaded the scanner for most
 * sentences (every block message has twelve short words in a row).
 */
export const PROSE_WORDS: readonly string[] = [
  "the",
  "and",
  "with",
  "from",
  "for",
  "are",
  "was",
  "were",
  "your",
  "not",
  "but",
  "has",
  "would",
  "should",
  "could",
  "onto",
  "than",
  "its",
  "our",
  "their",
  "which",
  "who",
  "how",
  "why",
  "been",
  "being",
  "some",
  "each",
  "here",
  "these",
  "those",
  "them",
  "does",
  "did",
  "done",
  "uses",
  "using",
  "via",
  "per",
  "may",
  "let",
  "get",
  "got",
  "set",
  "runs",
  "see",
  "files",
  "folder",
  "data",
  "line",
  "lines",
  "most",
  "many",
  "made",
  "well",
  "after",
  "while",
  "shall",
];

/** FNV-1a hash of a lowercase word, as {@link mayHoldWordRun} computes it while reading. */
export function wordHash(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    h = Math.imul(h ^ word.charCodeAt(i), 0x01000193) >>> 0;
  }
  return h;
}

const PROSE_HASHES = new Set(PROSE_WORDS.map(wordHash));

/**
 * Whether `text` has twelve words of 3 to 8 lowercase letters in a row with
 * only {@link gapChar} characters between them and none of the
 * {@link PROSE_WORDS}: a cheap loop (a running hash, no allocation) that
 * every phrase run of `mnemonic.ts` passes.
 */
export function mayHoldWordRun(text: string): boolean {
  let words = 0, len = 0, h = 0x811c9dc5;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    if (c >= 97 && c <= 122) {
      len++;
      h = Math.imul(h ^ c, 0x01000193) >>> 0;
      continue;
    }
    if (len > 0) {
      // A word ends at anything but a letter, digit or underscore; the run
      // goes on only across gap characters.
      const glued = (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
      if (len >= 3 && len <= 8 && !glued && !PROSE_HASHES.has(h)) {
        if (++words >= MIN_WORDS) return true;
      } else words = 0;
      len = 0;
      h = 0x811c9dc5;
    }
    if (!gapChar(c)) words = 0;
  }
  return false;
}

/** Digit groups to a line end (a separator may end the line), then more groups after an optional mail quote (`> `). */
export const SPLIT_DIGITS =
  /(?<![\d.-])\d{4}(?:[ -]\d{4}){0,3}[ -]?\r?\n(?:[ \t]{0,4}>)?[ \t]{0,4}\d{1,4}(?:[ -]\d{1,4}){0,4}(?![\d])/g;

/** {@link SPLIT_DIGITS} tried at one position. */
const SPLIT_AT = new RegExp(SPLIT_DIGITS.source, "y");

/** Most characters a {@link SPLIT_DIGITS} match holds before its line break (four groups, three separators, a separator, `\r`). */
const SPLIT_REACH = 4 * 4 + 3 + 1 + 1;

/** Whether the character at `i` is an ASCII digit. */
function digitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/**
 * The first {@link SPLIT_DIGITS} match that starts at or after `from`: the
 * match `SPLIT_DIGITS.exec` gives with `lastIndex = from`, found without
 * running the pattern over the whole text. Every match holds exactly one
 * line break, with four digits before it (then an optional separator and
 * `\r`), and starts at most {@link SPLIT_REACH} characters before it; the
 * pattern is tried (sticky) only at those starts of such line breaks, in
 * order, so the first hit is the leftmost match.
 */
export function nextSplitDigits(
  text: string,
  from: number,
): RegExpExecArray | null {
  let tried = from;
  for (
    let nl = text.indexOf("\n", from);
    nl >= 0;
    nl = text.indexOf("\n", nl + 1)
  ) {
    let i = nl - 1;
    if (i >= 0 && text.charCodeAt(i) === 13) i--;
    const sep = i >= 0 ? text.charCodeAt(i) : -1;
    if (sep === 32 || sep === 45) i--;
    if (
      i < 3 || !digitAt(text, i) || !digitAt(text, i - 1) ||
      !digitAt(text, i - 2) || !digitAt(text, i - 3)
    ) continue;
    for (let s = Math.max(tried, nl - SPLIT_REACH); s < nl; s++) {
      SPLIT_AT.lastIndex = s;
      const m = SPLIT_AT.exec(text);
      if (m !== null) return m;
    }
    tried = Math.max(tried, nl);
  }
  return null;
}

/** Whether `text` holds a {@link SPLIT_DIGITS} candidate. */
export function holdsSplitDigits(text: string): boolean {
  return nextSplitDigits(text, 0) !== null;
}

/**
 * Whether `text` may hold a card number continued in the next row of a
 * table (`| Ana Ruiz | 60110009` / `|          | 90139424`): a line ending
 * in four digits (a closing `|` and spaces allowed), the next line's first
 * digit after at most 40 spaces, tabs, quotes and `|`, one `|` among them.
 * The cheap test the gate runs for `split_cards.ts`; each line break costs
 * a bounded look each way.
 */
export function holdsTableSplit(text: string): boolean {
  for (
    let nl = text.indexOf("\n");
    nl >= 0;
    nl = text.indexOf("\n", nl + 1)
  ) {
    let i = nl - 1;
    let k = 0;
    while (i >= 0 && k++ < 40 && /[ \t\r|]/.test(text[i])) i--;
    if (
      i < 3 || !digitAt(text, i) || !digitAt(text, i - 1) ||
      !digitAt(text, i - 2) || !digitAt(text, i - 3)
    ) continue;
    let b = nl + 1;
    let pipes = 0;
    while (b - nl <= 40 && /[ \t>|]/.test(text[b] ?? "")) {
      if (text[b] === "|") pipes++;
      b++;
    }
    if (pipes > 0 && digitAt(text, b)) return true;
  }
  return false;
}
