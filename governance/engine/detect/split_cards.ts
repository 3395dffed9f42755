/**
 * Payment card numbers split over two lines: a mail client or a terminal
 * wrapped the number (`4007-6779-` / `> 5600-0186`), or a form printed its
 * groups on two rows (`Card number: 5567 9002` / `7165 4316`). The digits
 * of both lines are read as one number, which must pass the card checks
 * (issuer prefix, length, Luhn, not a published test number) and follow a
 * card word, as a number in one run of 13 or 17 to 19 digits must. A number
 * cut into runs of other sizes (`Card: 40372354` / `      12783608`, a
 * label's column width of indentation) is read when the card word is on
 * its first line.
 *
 * @module
 */

import type { TableCell } from "./tables.ts";
import { VALIDATORS } from "./validators.ts";
import { nextSplitDigits } from "./keywordless.ts";

/** Words that say a number is a payment card. */
const CARD_WORD =
  /(?:card|cc|ccn|pan|visa|master|maestro|amex|unionpay|jcb|discover|credit|debit|payment|kart[ae]?|tarjeta|carte|carta|cart[aã]o)/i;

/** Most candidates looked at per text (bounds the work on hostile input). */
const MAX_CANDIDATES = 256;

/** The catalogue kind a split card is reported as. */
const CARD_POLICY = "sys_pii_credit_card";

/** Whether `c` is a digit, a space or a hyphen (a card number's characters). */
const cardChar = (c: number): boolean =>
  (c >= 48 && c <= 57) || c === 32 || c === 45;

/** Longest part of a wrapped card number on one line (digits and separators). */
const MAX_PART = 23;

/** Farthest the card word may stand before the first part, on its line. */
const WORD_REACH = 40;

/** Longest lead of a continued table row (its empty cells) before the digits. */
const TABLE_LEAD = 40;

/** One or two groups of four digits, a space between (half a printed card). */
const FOUR_GROUPS = /^\d{4}(?: \d{4})?$/;

/** Farthest a table's card header may stand before the first part. */
const HEADER_REACH = 400;

/**
 * Card numbers whose line ends in a run of digits (any group sizes) under a
 * card word on that line, continued at the start of the next line after at
 * most 16 spaces or a mail quote, or in the next cell of a table row whose
 * first cells are empty (the card word then may head the column; a number
 * printed in four groups of four over the two rows needs none).
 */
function wrappedCards(text: string, out: TableCell[]): void {
  let seen = 0;
  for (
    let nl = text.indexOf("\n");
    nl > 0 && seen < MAX_CANDIDATES;
    nl = text.indexOf("\n", nl + 1)
  ) {
    let e = nl;
    if (text.charCodeAt(e - 1) === 13) e--;
    while (
      e > 0 && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 45)
    ) e--;
    // A table row may close its last cell (`| 4539 1488 |`).
    let row = false;
    if (text.charCodeAt(e - 1) === 124) {
      row = true;
      e--;
      while (e > 0 && text.charCodeAt(e - 1) === 32) e--;
    }
    const last = text.charCodeAt(e - 1);
    if (!(last >= 48 && last <= 57)) continue;
    // The next line opens with a digit after indentation or a quote, or
    // after the empty cells of a table row (`|       | 4211 4339`).
    let b = nl + 1;
    let pipes = 0;
    while (b - nl <= TABLE_LEAD && /[ \t>|]/.test(text[b] ?? "")) {
      if (text[b] === "|") pipes++;
      else if (text[b] === ">" && pipes > 0) break;
      b++;
    }
    if (pipes === 0 && b - nl > 17) continue;
    // Cells of a table row: the card word may head its column.
    const table = pipes >= 2 || (row && pipes > 0);
    if (pipes > 0 && !table) continue;
    const first = text.charCodeAt(b);
    if (!(first >= 48 && first <= 57)) continue;
    seen++;
    let a = e;
    while (a > 0 && e - a < MAX_PART && cardChar(text.charCodeAt(a - 1))) a--;
    while (a < e && !(text.charCodeAt(a) >= 48 && text.charCodeAt(a) <= 57)) {
      a++;
    }
    // A longer run of digits is not one card's first part.
    const before = text.charCodeAt(a - 1);
    if (before >= 48 && before <= 57) continue;
    let c = b;
    while (
      c < text.length && c - b < MAX_PART && cardChar(text.charCodeAt(c))
    ) c++;
    // The number ends there: no word or longer run continues it.
    if (c < text.length && /[\w]/.test(text[c])) continue;
    while (
      c > b && !(text.charCodeAt(c - 1) >= 48 && text.charCodeAt(c - 1) <= 57)
    ) c--;
    const digits = (text.slice(a, e) + text.slice(b, c)).replace(/\D/g, "");
    if (digits.length < 13 || digits.length > 19) continue;
    const ls = table ? 0 : text.lastIndexOf("\n", a - 1) + 1;
    const reach = table ? HEADER_REACH : WORD_REACH;
    // Two rows of a table holding four groups of four, as a card prints.
    const printed = table && digits.length === 16 &&
      FOUR_GROUPS.test(text.slice(a, e)) && FOUR_GROUPS.test(text.slice(b, c));
    if (
      !printed && !CARD_WORD.test(text.slice(Math.max(ls, a - reach), a))
    ) continue;
    const ctx = { text, start: a, end: c, match: text.slice(a, c) };
    if (!VALIDATORS.card(digits, ctx)) continue;
    out.push({ start: a, end: c, policyId: CARD_POLICY });
  }
}

/** Spans of card numbers split over a line break (see the module doc). */
export function splitCardCells(text: string): TableCell[] {
  if (!text.includes("\n")) return [];
  const out: TableCell[] = [];
  wrappedCards(text, out);
  let seen = 0, at = 0;
  for (
    let m;
    (m = nextSplitDigits(text, at)) !== null && seen < MAX_CANDIDATES;
    seen++
  ) {
    at = m.index + m[0].length;
    const digits = m[0].replace(/\D/g, "");
    if (digits.length < 13 || digits.length > 19) continue;
    const start = m.index, end = m.index + m[0].length;
    if (!CARD_WORD.test(text.slice(Math.max(0, start - 60), start))) continue;
    const ctx = { text, start, end, match: m[0] };
    if (!VALIDATORS.card(digits, ctx)) continue;
    out.push({ start, end, policyId: CARD_POLICY });
  }
  return out;
}
