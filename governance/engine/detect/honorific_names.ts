/**
 * People's names written with a Japanese honorific in brackets, as order
 * mails, call notes and shipping slips do (`（Bastien Takahashi様）`,
 * `(Chen Jie さま)`, `（Anna Müller 殿）`). The name must be two to four
 * capitalised words in Latin letters, and other PII (a card, a phone, an
 * email) must stand near it: a bracketed honorific alone also greets
 * companies and readers (`（株式会社テスト様）`, `（ご担当者様）`), which
 * are not names in Latin letters.
 *
 * One bounded regex pass, gated on the honorific's characters.
 *
 * @module
 */

import type { Finding } from "../types.ts";
import type { TableCell } from "./tables.ts";

/**
 * A bracket, two to four capitalised words, an honorific and the closing
 * bracket. Every word after the first starts with a space and a capital,
 * so the words are matched one way only. Group 1: the name.
 */
const BRACKETED =
  /[（(][ \t　]?([A-Z][a-zà-ÿ'-]{1,20}(?: [A-Z][a-zà-ÿ'-]{1,20}){1,3})[ \t　]?(?:様|さま|殿|さん)[ \t　]?[）)]/g;

/** How far from the name other PII must stand. */
const NEAR = 160;

/** Most names looked at per text (bounds the work on hostile input). */
const MAX_NAMES = 64;

/** The catalogue kind the name is reported as. */
const NAME_POLICY = "sys_pii_person_name";

/**
 * Cells of names with a bracketed Japanese honorific (see the module doc)
 * that stand within {@link NEAR} characters of one of the PII findings `pii`.
 */
export function honorificNameCells(
  text: string,
  pii: readonly Finding[],
): TableCell[] {
  if (pii.length === 0) return [];
  if (
    !text.includes("様") && !text.includes("さま") && !text.includes("殿") &&
    !text.includes("さん")
  ) return [];
  const out: TableCell[] = [];
  BRACKETED.lastIndex = 0;
  let seen = 0;
  for (let m; (m = BRACKETED.exec(text)) !== null && seen < MAX_NAMES; seen++) {
    const start = m.index + m[0].indexOf(m[1]);
    const end = start + m[1].length;
    if (!pii.some((f) => f.start < end + NEAR && f.end > start - NEAR)) {
      continue;
    }
    out.push({ start, end, policyId: NAME_POLICY });
  }
  return out;
}
