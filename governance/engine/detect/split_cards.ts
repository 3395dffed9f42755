/**
 * Payment card numbers split over two lines: a mail client or a terminal
 * wrapped the number (`4007-6779-` / `> 5600-0186`), or a form printed its
 * groups on two rows (`Card number: 5567 9002` / `7165 4316`). The digits
 * of both lines are read as one number, which must pass the card checks
 * (issuer prefix, length, Luhn, not a published test number) and follow a
 * card word, as a number in one run of 13 or 17 to 19 digits must.
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

/** Spans of card numbers split over a line break (see the module doc). */
export function splitCardCells(text: string): TableCell[] {
  if (!text.includes("\n")) return [];
  const out: TableCell[] = [];
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
