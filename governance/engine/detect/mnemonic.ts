/**
 * Wallet recovery phrases without a label: a run of 12 to 24 words of the
 * BIP-39 English list (`bip39_words.ts`), on one line or wrapped over
 * several, bare, quoted, comma-separated, numbered (`1. word 2. word`,
 * a grid of `01 word` cells) or one per list item (`- word`). Ordinary prose is not such a run: its
 * commonest words (the, a, of, to, and, is, in, for, with) are not on the
 * list. Not a phrase: the published test phrases (one word repeated), the
 * list itself quoted in order (words sorted), fewer than 12 words.
 *
 * @module
 */

import { BIP39_WORDS } from "./bip39_words.ts";
import { bip39ChecksumValid } from "./checksums.ts";

/**
 * Each list word's index (its 11 bits in a phrase), built on first use: most
 * texts hold no run of twelve short words, and building it when the module
 * loads cost every PostToolUse hook about 1 ms.
 */
let index: ReadonlyMap<string, number> | undefined;

function wordIndex(): ReadonlyMap<string, number> {
  return index ??= new Map(BIP39_WORDS.map((w, i) => [w, i]));
}

/**
 * What may stand between two words of a phrase: an optional comma, spaces or
 * a line break, then an optional number (`2.`, `2)`, `02`) or list bullet
 * (`- `, `* `: a YAML or Markdown list). Each piece has
 * one way to match a given stretch, so a failed run is not retried in other
 * splits.
 */
const SEP = String
  .raw`[,;]?(?:[ \t]{1,4}|[ \t]{0,4}\r?\n[ \t]{0,8})(?:(?:\d{1,2}[.):]?|[-*])[ \t]{1,4})?`;

/**
 * A run of at least twelve short lowercase words (BIP-39 words have 3 to 8
 * letters), each followed by spaces, a comma, a line break or a numbering
 * such as `2.`, `2)` or `02` (see {@link SEP}): the cheap first pass. It
 * starts only where a run starts (not after a word and a separator), so a
 * run shorter than twelve words is read once, not once from each word.
 */
const RUN = new RegExp(
  String
    .raw`(?<![A-Za-z0-9_-])(?<!(?<![A-Za-z0-9_-])[a-z]{3,8}${SEP})[a-z]{3,8}(?:${SEP}[a-z]{3,8}){11,40}(?![A-Za-z0-9_])`,
  "g",
);

/**
 * A run that stands as a value of its own: from a line start (after an
 * optional number or bullet) or right after `:`, `=`, `>` or a quote, to a
 * line end, a closing quote or bracket, `<` or a comma (see
 * {@link STANDALONE} for its starts). Searched instead of
 * {@link RUN} where no wallet word is near (with the checksum required):
 * starts are few, so ordinary prose costs little, and a sentence that ends
 * in a full stop is not such a run.
 */
const STANDALONE_BODY = String
  .raw`[ \t]{0,4}(?:(?:\d{1,2}[.):]?|[-*])[ \t]{1,4})?([a-z]{3,8}(?:${SEP}[a-z]{3,8}){11,40})[ \t]{0,4}(?=$|[\r\n"'\x60<,\]}])`;

/** {@link STANDALONE_BODY} after a line break, `:`, `=`, `>` or a quote (a literal first character keeps the search fast). */
const STANDALONE = new RegExp(String.raw`[\n:="'\x60>]${STANDALONE_BODY}`, "g");

/** {@link STANDALONE_BODY} at the start of the text. */
const STANDALONE_AT_START = new RegExp(STANDALONE_BODY, "y");

/** One word of a candidate run, with its offsets. */
const WORD = /[a-z]{3,8}/g;

/** Shortest and longest phrases the standard allows (a run may carry one more list word before or after). */
const MIN_WORDS = 12;
const MAX_WORDS = 26;

/** A recovery phrase's span in `text`. */
export interface PhraseSpan {
  start: number;
  end: number;
}

/**
 * Unlabelled recovery phrases in `text`: runs of 12 to 26 words all on the
 * BIP-39 list (24 words and a neighbour that happens to be a list word),
 * most of them different and not in alphabetical order. With `checksum`
 * (a text with no wallet word near it), only a run standing as a value of
 * its own (see {@link STANDALONE}) of 12, 15, 18, 21 or 24 words that
 * carries a valid BIP-39 checksum counts: list words that happen to stand
 * in a row pass that by chance once in 16 to 256 times.
 */
export function phraseSpans(text: string, checksum = false): PhraseSpan[] {
  const out: PhraseSpan[] = [];
  if (checksum) {
    STANDALONE_AT_START.lastIndex = 0;
    const first = STANDALONE_AT_START.exec(text);
    if (first !== null) standalone(first, out);
    STANDALONE.lastIndex = 0;
    for (let m = STANDALONE.exec(text); m !== null; m = STANDALONE.exec(text)) {
      standalone(m, out);
    }
    return out;
  }
  RUN.lastIndex = 0;
  for (let m = RUN.exec(text); m !== null; m = RUN.exec(text)) {
    for (const span of listRuns(m[0], m.index, false)) out.push(span);
  }
  return out;
}

/** The checked phrase of a {@link STANDALONE} match, if any, into `out`. */
function standalone(m: RegExpExecArray, out: PhraseSpan[]): void {
  const at = m.index + m[0].indexOf(m[1]);
  for (const span of listRuns(m[1], at, true)) out.push(span);
}

/** The sub-runs of list words in a candidate run that read as a phrase. */
function listRuns(run: string, at: number, checksum: boolean): PhraseSpan[] {
  const out: PhraseSpan[] = [];
  let words: string[] = [];
  let ends: [number, number][] = [];
  const flush = () => {
    if (isPhrase(words)) {
      const span = checksum ? checkedWindow(words) : [0, words.length];
      if (span !== undefined) {
        out.push({
          start: at + ends[span[0]][0],
          end: at + ends[span[1] - 1][1],
        });
      }
    }
    words = [];
    ends = [];
  };
  const listed = wordIndex();
  WORD.lastIndex = 0;
  for (let m = WORD.exec(run); m !== null; m = WORD.exec(run)) {
    if (!listed.has(m[0])) {
      flush();
      continue;
    }
    words.push(m[0]);
    ends.push([m.index, m.index + m[0].length]);
  }
  flush();
  return out;
}

/** Phrase lengths the standard allows, longest first. */
const CHECKED_LENGTHS = [24, 21, 18, 15, 12];

/** The longest window `[from, to)` of `words` (at most two more than a phrase) whose BIP-39 checksum is valid. */
function checkedWindow(words: readonly string[]): [number, number] | undefined {
  const ix = wordIndex();
  const idx = words.map((w) => ix.get(w) ?? 0);
  for (const n of CHECKED_LENGTHS) {
    // A phrase and at most two list words beside it; a longer run of list
    // words would pass some window by chance.
    if (idx.length - n > 2) continue;
    for (let i = 0; i + n <= idx.length; i++) {
      if (bip39ChecksumValid(idx.slice(i, i + n))) return [i, i + n];
    }
  }
  return undefined;
}

/** Whether list words read as a phrase: 12 to 26 of them, nearly all different, not sorted. */
function isPhrase(words: readonly string[]): boolean {
  if (words.length < MIN_WORDS || words.length > MAX_WORDS) return false;
  if (new Set(words).size < words.length - 2) return false;
  let sorted = true;
  for (let i = 1; i < words.length && sorted; i++) {
    if (words[i] < words[i - 1]) sorted = false;
  }
  return !sorted;
}
