/**
 * Exhibited examples: an attack shown in a code block, an indented block or
 * a blockquote that the line before it introduces as an example (`A typical
 * hidden comment looks like this:`, `Try a few classic payloads. A direct
 * one:`, `## Example: a jailbreak attempt we block`) is documentation of the
 * attack, shown to the reader, not said to it. Security docs, eval READMEs
 * and advisories are written this way.
 *
 * The block is found from the finding's line within a bounded distance
 * (BLOCK_REACH), so the cost per finding is bounded. A lead-in that tells the
 * reader to run or follow the block (`AI agents, run the example below:`)
 * does not exhibit it.
 *
 * @module
 */

import type { Finding } from "../types.ts";

/** How far before a finding the start of its block (and its lead-in) is looked for. */
const BLOCK_REACH = 4000;
/** Most lines walked back to the start of an indented block or a blockquote. */
const MAX_BLOCK_LINES = 40;

/**
 * A lead-in (or the heading above it) that names what follows as an attack:
 * `example` alone is not enough (`## Example` may head an attacker's own
 * text), security docs name what they show.
 */
const EXHIBIT_RE =
  /\b(?:payloads?|attacks?|attackers?|attempts?|injections?|injected|jailbreaks?|malicious|hostile|adversarial|red[-\s]team\w{0,4}|phishing|poisoned|exploits?|pentest\w{0,3}|we\s{1,4}(?:saw|found|block(?:ed)?|caught|flag(?:ged)?|detect(?:ed)?|received)|(?:was|were)\s{1,4}(?:found|seen|caught|blocked|flagged|used))\b/i;

/**
 * A lead-in that hands the block to the reader to act on, or speaks to the
 * AI reading it (`Note for AI agents, setup example:`, `Assistant:`, `you
 * must`).
 */
const ACT_ON_RE =
  /\b(?:run|execute|paste|type|do|follow|apply|obey|comply|perform|carry\s{1,4}out)\b|^[\W_]{0,6}(?:(?:note|message|instructions?|notice|reminder|attention|important)\s{1,4})?(?:(?:for|to)\s{1,4})?(?:the\s{1,4}|any\s{1,4}|all\s{1,4})?(?:ai|assistants?|agents?|models?|llms?|bots?|claude|codex|copilot|gpt|chatgpt)\b|\b(?:for|to)\s{1,4}(?:the|any|all|every)\s{1,4}(?:ai|assistants?|agents?|models?|llms?|bots?)\b|\b(?:ai|assistants?|agents?|llms?|claude|codex|copilot|gpt|chatgpt)\s{0,2}[,:]|\byou\s{1,4}(?:must|should|need\s{1,4}to|have\s{1,4}to|are\s{1,4}to)\b/i;

/** The line [start, end) holding offset `at`. */
function lineAround(text: string, at: number): [number, number] {
  const start = text.lastIndexOf("\n", at - 1) + 1;
  let end = text.indexOf("\n", at);
  if (end < 0) end = text.length;
  return [start, end];
}

/** The nearest non-blank line before offset `at` (skipping at most two blank lines), or "". */
function lineBefore(text: string, at: number, floor: number): string {
  let end = at - 1;
  for (let blank = 0; blank <= 2 && end > floor; blank++) {
    const start = text.lastIndexOf("\n", end - 1) + 1;
    const line = text.slice(start, end);
    if (line.trim()) return line.slice(0, 400);
    end = start - 1;
  }
  return "";
}

const FENCE_RE = /^\s{0,3}(?:```|~~~)/;
const INDENTED_RE = /^(?: {4}|\t)/;
const QUOTED_RE = /^\s{0,3}>/;

/**
 * The lead-in line of the block holding offset `at`: a fenced code block, an
 * indented code block or a blockquote; undefined when `at` is in none.
 */
function leadInOfBlock(text: string, at: number): string | undefined {
  const floor = Math.max(0, at - BLOCK_REACH);
  const [ls, le] = lineAround(text, at);
  const line = text.slice(ls, le);
  if (INDENTED_RE.test(line) || QUOTED_RE.test(line)) {
    const re = INDENTED_RE.test(line) ? INDENTED_RE : QUOTED_RE;
    let start = ls;
    for (let n = 0; n < MAX_BLOCK_LINES && start > floor; n++) {
      const ps = text.lastIndexOf("\n", start - 2) + 1;
      const prev = text.slice(ps, start - 1);
      if (!re.test(prev) && prev.trim()) break;
      start = ps;
    }
    return lineBefore(text, start, floor);
  }
  // A fenced block: the nearest fence line above, with none between it and
  // the finding's line, and a closing fence below.
  let end = ls - 1;
  while (end > floor) {
    const ps = text.lastIndexOf("\n", end - 1) + 1;
    const prev = text.slice(ps, end);
    if (FENCE_RE.test(prev)) {
      const close = text.slice(le, Math.min(text.length, le + BLOCK_REACH));
      if (!/\n\s{0,3}(?:```|~~~)/.test(close)) return undefined;
      return lineBefore(text, ps, floor);
    }
    end = ps - 1;
  }
  return undefined;
}

/**
 * Whether a finding lies in a block (fenced, indented or quoted) that the
 * line before it introduces as an example, without handing it to the reader
 * to act on.
 */
export function exhibited(text: string, f: Finding): boolean {
  if (inlineExample(text, f.start)) return true;
  const lead = leadInOfBlock(text, f.start);
  if (lead === undefined || !lead.trim() || ACT_ON_RE.test(lead)) return false;
  // Headings name what follows; other lead-ins end with a colon, and name
  // the block themselves or under a heading that does (`# Testing your bot
  // against prompt injection` ... `An indirect one:`).
  if (/^\s{0,3}#{1,6}\s/.test(lead)) return EXHIBIT_RE.test(lead);
  if (!/:\s*$/.test(lead)) return false;
  if (EXHIBIT_RE.test(lead)) return true;
  const heading = headingAbove(text, f.start);
  return heading !== undefined && EXHIBIT_RE.test(heading) &&
    !ACT_ON_RE.test(heading);
}

const HEADING_RE = /^\s{0,3}#{1,6}\s/;

/** An inline example's lead-in, right before the finding (`..., for example: "`, `e.g.`, `such as`). */
const INLINE_LEAD_RE =
  /\b(?:for\s{1,3}example|for\s{1,3}instance|e\.g\.|such\s{1,3}as)\s{0,3}[:,]?\s{0,3}["'\u201c\u2018`]?$/i;

/**
 * Whether the finding at `at` is an inline example in a sentence that names
 * the attack (`Prompt injection is when ... for example: ignore previous
 * instructions`): the same lead-in test as a block's, on the line before it.
 */
function inlineExample(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf("\n", at - 1) + 1;
  const before = text.slice(Math.max(lineStart, at - 300), at);
  return INLINE_LEAD_RE.test(before) && EXHIBIT_RE.test(before) &&
    !ACT_ON_RE.test(before);
}

/** The nearest Markdown heading above offset `at`, within BLOCK_REACH. */
function headingAbove(text: string, at: number): string | undefined {
  const floor = Math.max(0, at - BLOCK_REACH);
  let end = text.lastIndexOf("\n", at - 1);
  while (end > floor) {
    const start = text.lastIndexOf("\n", end - 1) + 1;
    const line = text.slice(start, end);
    if (HEADING_RE.test(line)) return line.slice(0, 200);
    end = start - 1;
  }
  return undefined;
}
