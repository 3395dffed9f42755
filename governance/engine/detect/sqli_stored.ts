/**
 * Second-order payloads: an INSERT or UPDATE that stores, in a short value
 * of an identity column (username, login, email, display name), a quote
 * that closes the value followed by SQL (`'admin''--'`, `'x'' OR
 * ''1''=''1'`, `'bob''; DROP TABLE pets;--'`). The statement itself is
 * harmless; the stored value breaks the query of whatever later builds SQL
 * from it (a login lookup, a report). The same text in a free-text column
 * (a ticket, a search log, a note quoting a payload) is data. Names with an apostrophe (`'O''Brien'`)
 * and text that quotes a payload while explaining it (a knowledge-base
 * article: long, or reading as prose) pass. Pure; each literal is read once, with bounded patterns.
 *
 * @module
 */

import { looksLikeProse } from "./sqli_lex.ts";

/** Longest stored value judged: identity fields and short labels, not articles. */
const MAX_VALUE = 160;

/** Verbs of statements that store values. */
const STORING = /^\s{0,64}(?:insert|update|replace|merge|upsert)\b/i;

/**
 * What follows the quote that closes a stored value in a payload: a comment
 * (`--`, `/*`, `#` not before a digit as in `Apt' #4`), a stacked statement,
 * UNION SELECT, or OR/AND and a comparison.
 */
const BREAKOUT =
  /'\s{0,4}\)?\s{0,4}(?:--|\/\*|#(?!\s{0,2}\d)|;\s{0,4}(?:drop|delete|update|insert|select|truncate|exec|execute|shutdown|create|alter|grant|--|$)|union\s{1,8}(?:all\s{1,8})?select\b|(?:or|and|\|\||&&)\s{1,8}(?:['"]?\w{0,20}['"]?\s{0,4}(?:=|<>|!=|>|<|like\b|between\b|is\s{1,4}not\b)|\d|true\b|not\s{1,4}\d|exists\s{0,4}\(|sleep\s{0,4}\())/i;

/** Columns that name an account or a person: values later read back into login lookups, greetings and reports. */
const IDENTITY_COLUMN =
  /^(?:user_?name|user|login(?:_?name)?|e_?mail(?:_?address)?|display_?name|nick_?name|nick|handle|screen_?name|first_?name|last_?name|full_?name|given_?name|surname|account(?:_?name)?|owner|author|name)$/i;

/** The identifier just before `=` that ends `before` (`SET display_name = `), lower-cased, or "". */
function assignedColumn(before: string): string {
  const m = /([\w"`[\]]{1,64})\s{0,8}=\s{0,8}$/.exec(before.slice(-96));
  return m === null ? "" : m[1].replace(/["`[\]]/g, "").toLowerCase();
}

/**
 * The column an INSERT's value at `at` goes to: its position among the
 * items of its VALUES tuple, matched against the column list. `masked` is
 * the statement with literal contents masked (commas in values do not
 * count). "" when the statement names no columns.
 */
function insertedColumn(masked: string, at: number): string {
  const lower = masked.slice(0, at).toLowerCase();
  const v = lower.lastIndexOf("values");
  if (v < 0) return "";
  const head =
    /\binto\s{1,8}[\w."`[\]]{1,128}\s{0,8}\(([^()]{1,2000})\)\s{0,8}$/
      .exec(lower.slice(Math.max(0, v - 2100), v));
  if (head === null) return "";
  const columns = head[1].split(",").map((c) =>
    c.trim().replace(/["`[\]]/g, "")
  );
  let depth = 0;
  let index = 0;
  for (let i = v + 6; i < at; i++) {
    const c = lower[i];
    if (c === "(") {
      if (depth === 0) index = 0;
      depth++;
    } else if (c === ")") depth--;
    else if (c === "," && depth === 1) index++;
  }
  return depth === 1 ? columns[index] ?? "" : "";
}

/** Whether the value at `at` (the offset of its opening quote) is stored into an identity column. */
function intoIdentity(text: string, masked: string, at: number): boolean {
  const before = text.slice(0, at);
  const lower = before.toLowerCase();
  if (/^\s{0,64}update\b/i.test(text)) {
    // Only SET assignments: a value in the WHERE clause is a lookup.
    if (lower.lastIndexOf(" where ") > lower.lastIndexOf(" set ")) return false;
    return IDENTITY_COLUMN.test(assignedColumn(before));
  }
  return IDENTITY_COLUMN.test(insertedColumn(masked, at));
}

/**
 * Pairs (start, end) of the stored values that carry a breakout, given the
 * statement, its masked copy (`maskSql`) and its literal spans.
 */
export function storedBreakouts(
  text: string,
  masked: string,
  literals: readonly number[],
): number[] {
  if (!STORING.test(text.slice(0, 128))) return [];
  const out: number[] = [];
  for (let i = 0; i + 1 < literals.length; i += 2) {
    const start = literals[i];
    const end = literals[i + 1];
    if (text[start - 1] !== "'" || end - start > MAX_VALUE) continue;
    const body = text.slice(start, end);
    if (!body.includes("''") && !body.includes("\\'")) continue;
    const value = body.replace(/''|\\'/g, "'");
    if (
      BREAKOUT.test(value) && !looksLikeProse(value) &&
      intoIdentity(text, masked, start - 1)
    ) {
      out.push(start - 1, end + 1);
    }
  }
  return out;
}
