/**
 * Whether the PII and secret scanner could find anything in a text, decided
 * without loading it. The scanner (`sensitive.ts`, its catalogues and
 * validators) is the largest part of what a hook would load for a shell
 * command, and most commands (`git status`, `ls -la`, `npm test`) cannot hold
 * any of its kinds; a hook asks this gate first and loads the scanner only
 * when the answer is yes.
 *
 * The answer is "no" only when the scanner's own first step finds nothing to
 * do: every kind is reached through a keyword (generated from the catalogues
 * into `policies/sensitive_keywords.ts`, with the markers of `markers.ts`) or
 * through a condition on the text's digit runs (`traits.ts`), and every later
 * pass (disguises, tables, pieces, recurrences) starts from a keyword hit, a
 * non-ASCII character, the hex condition or a condition of
 * `keywordless.ts`. A text with none of them gets no finding. Long texts are not read: the answer is yes.
 *
 * @module
 */

import {
  ANY_CASE_KEYWORDS,
  CASE_KEYWORDS,
  KEYWORDLESS_TRAITS,
} from "../policies/sensitive_keywords.ts";
import { MARKERS } from "./markers.ts";
import { textTraits, TRAIT_BITS } from "./traits.ts";
import { asciiBytes } from "./ascii.ts";
import {
  holdsSpacedChars,
  holdsSplitDigits,
  holdsTableSplit,
  mayHoldWordRun,
} from "./keywordless.ts";
import {
  PAIR_CI,
  PAIR_CS,
  PAIR_HIT,
  type PairIndex,
  pairIndex,
  thirdMay,
  wordAt,
} from "./pair_index.ts";

/** Texts longer than this are not read by the gate (the scanner is loaded for them). */
export const GATE_MAX_CHARS = 8_192;

interface GateTables {
  keywords: PairIndex;
  traits: number;
}

let tables: GateTables | undefined;

function gateTables(): GateTables {
  if (tables !== undefined) return tables;
  const cs = new Set(CASE_KEYWORDS);
  const ci = new Set(ANY_CASE_KEYWORDS.map((k) => k.toLowerCase()));
  for (const m of MARKERS) {
    for (const k of m.keywords) {
      if (m.ignoreCase) ci.add(k.toLowerCase());
      else cs.add(k);
    }
  }
  // `&` and `%` are markers of entities and percent-escapes; the decoded view
  // changes nothing unless one is really there (see DECODABLE), and shell
  // commands are full of both (`a && b`, `2>&1`, `date +%s`).
  cs.delete("&");
  cs.delete("%");
  // `imi` anchors the Polish label Imię, whose ę is non-ASCII: a text holding
  // it passes the gate as non-ASCII anyway, while a bare "imi" is in limit,
  // delimiter, optimize (commands and logs that would otherwise all pass).
  ci.delete("imi");
  for (const k of SOFT.keys()) {
    // A keyword of one or two characters is a hit by its pair alone.
    if (k.length < 3) throw new Error(`soft keyword ${k} is too short`);
  }
  // Hex runs start the pieces pass even without a keyword.
  let traits = TRAIT_BITS.hex;
  for (const t of KEYWORDLESS_TRAITS) traits |= TRAIT_BITS[t];
  return tables = { keywords: pairIndex(cs, ci), traits };
}

/**
 * Keywords whose only kind needs something else in the text as well: `curl`
 * (a password after `-u` / `--user`) and `://` (a password before `@` in a
 * URL). A hit on one of them counts only when that is there too, or when
 * the text holds an escape a later pass could decode it from; so a block
 * of `curl … | sh` is journaled without loading the scanner.
 */
const SOFT: ReadonlyMap<string, RegExp> = new Map([
  ["curl", /(?:^|\s)(?:-u|--user)/],
  ["://", /@/],
]);

/** An escape, entity or control sequence the scanner's decoding passes read. */
const ESCAPES = new RegExp(
  String.raw`\\|%[0-9A-Fa-f]{2}|&#|&[A-Za-z]{2,8};|` + String.fromCharCode(27),
);

/** An HTML entity or a percent-escape the decoded view would turn into a character (`&amp;`, `&#39;`, `%2F`). */
const DECODABLE = /&#?[A-Za-z0-9]{1,8};|%[0-9A-Fa-f]{2}/;

/** Whether a keyword of `list` occurs at `i` (and what a soft one needs is in `text`, read in lower case when `ci`). */
function listHit(
  list: readonly string[],
  bytes: Uint8Array,
  i: number,
  ci: boolean,
  text: string,
  soft: boolean,
): boolean {
  for (const k of list) {
    if (!wordAt(bytes, i, k, ci)) continue;
    const needs = soft ? SOFT.get(k) : undefined;
    if (needs === undefined) return true;
    if (needs.test(ci ? text.toLowerCase() : text)) return true;
  }
  return false;
}

/**
 * Whether the ASCII `bytes` of `text` hold a keyword of `ix` (case-sensitive
 * ones as they are, the others in any case): one pass, one table read per
 * position, and the keywords starting with a position's two codes compared
 * only when the read says some do and one of them has its third code.
 */
function holdsKeyword(
  bytes: Uint8Array,
  text: string,
  ix: PairIndex,
  soft: boolean,
): boolean {
  const { flags, cs, ci, lists } = ix;
  const last = bytes.length - 1;
  for (let i = 0; i < last; i++) {
    const pair = (bytes[i] << 7) | bytes[i + 1];
    const f = flags[pair];
    if (f === 0) continue;
    if ((f & PAIR_HIT) !== 0) return true;
    // Longer keywords need a third code.
    if (i + 2 > last) continue;
    const c = bytes[i + 2];
    if ((f & PAIR_CS) !== 0) {
      const l = cs[pair] - 1;
      if (
        thirdMay(ix, l, c) && listHit(lists[l], bytes, i, false, text, soft)
      ) {
        return true;
      }
    }
    if ((f & PAIR_CI) !== 0) {
      const l = ci[pair] - 1;
      if (thirdMay(ix, l, c) && listHit(lists[l], bytes, i, true, text, soft)) {
        return true;
      }
    }
  }
  return last >= 0 && ix.one[bytes[last]] !== 0;
}

/** Whether the ASCII `text` holds a keyword or marker of the gate, soft ones counted as {@link mayHoldSensitive} counts them (for tests). */
export function holdsGateKeyword(text: string): boolean {
  const bytes = asciiBytes(text);
  if (bytes === undefined) throw new Error("not ASCII");
  return holdsKeyword(bytes, text, gateTables().keywords, !ESCAPES.test(text));
}

/**
 * False only when `findSensitive(text)` (default options) is sure to return
 * no finding: the text is ASCII, short, holds no keyword of any PII or secret
 * kind or marker, and meets no condition of a kind without keywords.
 */
export function mayHoldSensitive(text: string): boolean {
  if (text.length === 0) return false;
  if (text.length > GATE_MAX_CHARS) return true;
  const bytes = asciiBytes(text);
  if (bytes === undefined) return true;
  const t = gateTables();
  if ((textTraits(bytes, text) & t.traits) !== 0) return true;
  // Passes that start without a keyword (see `keywordless.ts`).
  if (
    holdsSpacedChars(text) || mayHoldWordRun(text) ||
    holdsSplitDigits(text) || holdsTableSplit(text)
  ) return true;
  if (DECODABLE.test(text)) return true;
  const soft = !ESCAPES.test(text);
  // The view `bytes` may have been reused by a check above: take it again
  // (the same view when nothing else was encoded since).
  return holdsKeyword(asciiBytes(text) ?? bytes, text, t.keywords, soft);
}
