/**
 * Numbers read out one digit at a time (a call transcript, a voicemail, a
 * dictated form): `SSN (spoken, from call transcript): 0 1 6 7 0 3 7 2 1`,
 * `call back on 9 7 1 2 6 2 1 3 5 3`. A run of 9 to 19 single digits
 * separated by single spaces is joined and read as the kind its context
 * names: an SSN word before nine digits, a card word before 13 to 19, a
 * phone or call-back word before 10 to 13. The joined digits must pass the
 * kind's own checks (SSN area rules, Luhn and issuer, NANP). A run without
 * such a word close before it (a matrix row, `seq 1 9`, a bit list, a call
 * stack's frame numbers) is not read.
 *
 * One bounded regex pass; the context is a fixed window before each run.
 *
 * @module
 */

import type { TableCell } from "./tables.ts";
import { VALIDATORS } from "./validators.ts";

/**
 * 9 to 19 single digits joined by single spaces, not inside a longer run
 * of digits, words or numbers. Each repetition starts with a space, so the
 * run is matched one way only.
 */
const RUN = /(?<![\w.-]|\d )\d(?: \d){8,18}(?![\w.]| \d)/g;

/** Cheap gate: nine single digits spaced out somewhere in the text. */
const GATE = /\d \d \d \d \d \d \d \d \d/;

/** How far before a run its context word may stand. */
const REACH = 80;

/** Most runs looked at per text (bounds the work on hostile input). */
const MAX_RUNS = 64;

/** Words naming an SSN. */
const SSN_WORD = /(?<![a-z])(?:ssn|social(?: security)?|sozialversicherung)/i;

/** Words naming a payment card. */
const CARD_WORD =
  /(?<![a-z])(?:card|cc|ccn|pan|visa|mastercard|amex|credit|debit|kart[ae]?|tarjeta|carte|carta|cart[aã]o)(?![a-z])/i;

/** Words naming a phone number or a call back (not `call stack`, `call flags`). */
const PHONE_WORD =
  /(?<![a-z])(?:phone|tel|telephone|mobile|cell|call(?:ing)? (?:me |us |her |him |them )?back|callback|call me|ring (?:me|us|her|him)|reach (?:me|us|her|him)|text me|whatsapp|voicemail|caller|number to reach|contact number)/i;

/** Cells of numbers read out digit by digit (see the module doc). */
export function spokenDigitCells(text: string): TableCell[] {
  if (!GATE.test(text)) return [];
  const out: TableCell[] = [];
  RUN.lastIndex = 0;
  let runs = 0;
  for (let m; (m = RUN.exec(text)) !== null && runs < MAX_RUNS; runs++) {
    const start = m.index, end = start + m[0].length;
    const digits = m[0].replace(/ /g, "");
    const before = text.slice(Math.max(0, start - REACH), start);
    const ctx = { text, start, end, match: digits };
    const n = digits.length;
    if (n === 9 && SSN_WORD.test(before) && VALIDATORS.ssn(digits, ctx)) {
      out.push({ start, end, policyId: "sys_pii_ssn" });
    } else if (
      n >= 13 && CARD_WORD.test(before) && VALIDATORS.card(digits, ctx)
    ) {
      out.push({ start, end, policyId: "sys_pii_credit_card" });
    } else if (n >= 10 && n <= 13 && PHONE_WORD.test(before)) {
      if (
        (n === 10 || (n === 11 && digits[0] === "1")) &&
        VALIDATORS.phone_us(digits, ctx)
      ) {
        out.push({ start, end, policyId: "sys_pii_phone_us" });
      } else if (digits[0] === "0" && !/^0(\d)\1+$/.test(digits)) {
        out.push({ start, end, policyId: "sys_pii_phone_labelled" });
      }
    }
  }
  return out;
}
