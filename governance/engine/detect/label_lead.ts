/**
 * A cheap test of a label pattern's leading assertion, made before its
 * sticky regex runs at a keyword hit. Label patterns start with
 * `(?:(?<![A-Za-z])|(?<=(?:customer|user|…)))` (a label starts a word or
 * follows one of a few key prefixes); a keyword found inside a word (`dl` in
 * "handled", `uid` in "guide") fails it, and on a long log such hits come
 * once per line. Reading one character (and, after a letter, the few
 * prefixes) answers what the regex engine answers, without running it.
 *
 * @module
 */

/** The leading assertion of a pattern: the words after which a label may follow a letter. */
export interface LabelLead {
  /** Prefix words (lower case), any of which may stand right before the label. */
  words: readonly string[];
  /** The pattern is case-insensitive (the words match in either case). */
  ci: boolean;
  /** The words by their last character's code (ASCII lower case). */
  byLast: (readonly string[] | undefined)[];
}

const LEAD_START = "(?:(?<![A-Za-z])|(?<=(?:";
const LEAD_END = ")))";

/**
 * The leading assertion of `source` when the pattern starts with exactly
 * `(?:(?<![A-Za-z])|(?<=(?:w1|w2|…)))` (lower-case ASCII words) and has no
 * alternation at its top level after it (so that every match starts with
 * the assertion); undefined otherwise. `flags` are the regex's flags: only
 * `g`, `y` and `i` are understood.
 */
export function labelLead(
  source: string,
  flags: string,
): LabelLead | undefined {
  if (!/^[gyi]*$/.test(flags) || !source.startsWith(LEAD_START)) {
    return undefined;
  }
  const close = source.indexOf(LEAD_END, LEAD_START.length);
  if (close < 0) return undefined;
  const words = source.slice(LEAD_START.length, close).split("|");
  if (!words.every((w) => /^[a-z]+$/.test(w))) return undefined;
  if (topLevelBar(source, close + LEAD_END.length)) return undefined;
  const byLast: string[][] = [];
  for (const w of words) (byLast[w.charCodeAt(w.length - 1)] ??= []).push(w);
  return { words, ci: flags.includes("i"), byLast };
}

/** Whether `source` has a `|` outside every group and class from `from` on (or syntax this reader does not follow). */
function topLevelBar(source: string, from: number): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = from; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") {
      i++;
      continue;
    }
    if (inClass) {
      if (c === "]") inClass = false;
      continue;
    }
    if (c === "[") inClass = true;
    else if (c === "(") depth++;
    else if (c === ")") {
      if (--depth < 0) return true;
    } else if (c === "|" && depth === 0) return true;
  }
  return inClass || depth !== 0;
}

const isAsciiLetter = (c: number): boolean =>
  (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * Whether the assertion holds at `p` in `text`: no ASCII letter before `p`,
 * or one of the words ends at `p` (in either ASCII case when `ci`; the
 * regex's `i` flag without `u` folds no other character to an ASCII one).
 */
export function leadHolds(lead: LabelLead, text: string, p: number): boolean {
  if (p === 0) return true;
  let last = text.charCodeAt(p - 1);
  if (!isAsciiLetter(last)) return true;
  if (lead.ci && last <= 90) last += 32;
  const list = lead.byLast[last];
  if (list === undefined) return false;
  for (const w of list) {
    const a = p - w.length;
    if (a < 0) continue;
    let k = 0;
    for (; k < w.length - 1; k++) {
      let c = text.charCodeAt(a + k);
      if (lead.ci && c >= 65 && c <= 90) c += 32;
      if (c !== w.charCodeAt(k)) break;
    }
    if (k === w.length - 1) return true;
  }
  return false;
}
