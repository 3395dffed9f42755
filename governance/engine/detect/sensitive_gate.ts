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
  mayHoldWordRun,
} from "./keywordless.ts";
import { type StartIndex, startIndex, startingAt } from "./start_index.ts";

/** Texts longer than this are not read by the gate (the scanner is loaded for them). */
export const GATE_MAX_CHARS = 8_192;

interface GateTables {
  cs: StartIndex;
  ci: StartIndex;
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
  // Hex runs start the pieces pass even without a keyword.
  let traits = TRAIT_BITS.hex;
  for (const t of KEYWORDLESS_TRAITS) traits |= TRAIT_BITS[t];
  return tables = { cs: startIndex(cs), ci: startIndex(ci), traits };
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

/** Whether `text` holds a keyword of `ix`: one pass, each position checked against the keywords starting with its two characters. */
function holdsKeyword(text: string, ix: StartIndex, soft: boolean): boolean {
  for (let i = 0; i < text.length; i++) {
    if (ix.one.has(text.charCodeAt(i))) return true;
    const list = startingAt(ix, text, i);
    if (list === undefined) continue;
    for (const k of list) {
      if (!text.startsWith(k, i)) continue;
      const needs = soft ? SOFT.get(k) : undefined;
      if (needs === undefined || needs.test(text)) return true;
    }
  }
  return false;
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
    holdsSpacedChars(text) || mayHoldWordRun(text) || holdsSplitDigits(text)
  ) return true;
  if (DECODABLE.test(text)) return true;
  const soft = !ESCAPES.test(text);
  return holdsKeyword(text, t.cs, soft) ||
    holdsKeyword(text.toLowerCase(), t.ci, soft);
}
