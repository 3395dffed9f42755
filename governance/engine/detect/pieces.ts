/**
 * Secrets in pieces: a value cut into string literals that code joins
 * (`"ghp_ab" + "cd…"`, `"sk_" "live…"`, `'…' \` + newline, `KEY+="…"`,
 * `["ghp_ab", "cd…"]`), a
 * token read out in space-separated groups (`gsk_ Q9AL lr9K …`) and a value
 * printed as hex (`xxd -p`, `67 68 70 5f …`). Each is put back together in a
 * view that remembers where its characters came from; the scanner runs on
 * the view and only findings the plain text cannot show are kept, mapped
 * back onto the original span.
 *
 * Everything here is linear: one bounded regex pass, or a walk from each
 * keyword offset.
 *
 * @module
 */

import type { Finding } from "../types.ts";
import { cutView, type ScanFn, type View } from "./disguise.ts";
import { maySpaceChars, SPACED_CHARS } from "./keywordless.ts";

/** Token characters a cut may join (the alphabet of secrets and their prefixes). */
const TOKEN = String.raw`[A-Za-z0-9_\-+/=.:~]`;

/** The glue of {@link JOIN} with the operators `ops` between the literals. */
function joinGlue(ops: string): RegExp {
  return new RegExp(
    String
      .raw`["'][ \t]{0,8}(?:(?:${ops})[ \t]{0,8}(?:\\[ \t]{0,8})?)?(?:\r?\n[ \t]{0,16}(?:[A-Za-z_]\w{0,40}\+=|(?:\+|\.\.?|&)[ \t]{0,8})?)?["'](?=${TOKEN})`,
    "y",
  );
}

/**
 * The glue between two string literals of one value: a closing quote,
 * spaces, an optional concatenation operator (`+`, `.`, `..`, `&`), a
 * list comma (a JSON array, `["sk_live_ab", "cd…"].join("")`: only a joined
 * value the catalogue then recognises is reported) or a line continuation
 * (alone, or after an operator: `"ab" + \` at a Python line's end),
 * an optional line break with indentation, an optional operator or `NAME+=`
 * there, and the opening quote.
 */
const JOIN = joinGlue(String.raw`\+|\.\.?|&|\\|,`);

/**
 * The glue of a value whose first piece follows a label (`secret: 'ab' +`):
 * a concatenation operator or a line continuation must stand between the
 * literals, on the first line or at the start of the next. A comma ends
 * the value and starts the next entry (`'PWD_STATE': 'yes',` / `'NEXT':
 * ''`), and literals side by side are words in prose (`tokens: "package"
 * "." "subpackage"`).
 */
const JOIN_CONCAT = new RegExp(
  String
    .raw`["'][ \t]{0,8}(?:(?:\+|\.\.?|&|\\)[ \t]{0,8}(?:\\[ \t]{0,8})?(?:\r?\n[ \t]{0,16})?|\r?\n[ \t]{0,16}(?:[A-Za-z_]\w{0,40}\+=|(?:\+|\.\.?|&)[ \t]{0,8}))["'](?=${TOKEN})`,
  "y",
);

/**
 * A keyword's assignment to a literal (`secret: '`, `key = "`, `"token": "`,
 * `password => '`, the literal maybe on the next line): the first piece
 * then starts after its opening quote.
 */
const ASSIGNED =
  /["']?[ \t]{0,4}(?:=>|:=|[:=])[ \t]{0,8}(?:\r?\n[ \t]{0,16})?["']/y;

/** Most cuts one view makes (bounds the work on hostile input). */
const MAX_CUTS = 4096;

/** Secret findings of a view that cross one of its cuts, mapped onto the original. */
function crossing(view: View, scanText: ScanFn): Finding[] {
  const out: Finding[] = [];
  for (const f of scanText(view.text, ["secret"])) {
    if (f.end <= f.start) continue;
    const a = view.from[f.start], b = view.to[f.end - 1];
    if (b - a === f.end - f.start) continue;
    out.push({ ...f, start: a, end: b });
  }
  return out;
}

/** Most literals joined after one keyword. */
const MAX_JOINS = 16;

/**
 * Secrets cut into string literals that the code joins again, starting at
 * a secret keyword (`near`, sorted offsets: a provider prefix is in the
 * first piece): the token there, a closing quote, the glue, the next piece,
 * and so on.
 */
export function joinedFindings(
  text: string,
  near: readonly number[],
  scanText: ScanFn,
): Finding[] {
  const cuts: [number, number][] = [];
  let done = -1;
  for (const p of near) {
    if (p < done || cuts.length >= MAX_CUTS) continue;
    let i = p;
    let glue = JOIN;
    for (let k = 0; k < MAX_JOINS; k++) {
      const from = i;
      while (i - from < 512 && isTokenChar(text.charCodeAt(i))) i++;
      if (k === 0 && i > from) {
        // A label (`secret: 'ab' +`): the value's first piece follows.
        ASSIGNED.lastIndex = i;
        if (ASSIGNED.exec(text) !== null) {
          i = ASSIGNED.lastIndex;
          glue = JOIN_CONCAT;
          const at = i;
          while (i - at < 512 && isTokenChar(text.charCodeAt(i))) i++;
          if (i === at) break;
        }
      }
      const q = text.charCodeAt(i);
      if (i === from || (q !== 34 && q !== 39)) break;
      // Base64 padding ends a value: `"…==", "next"` is a list of two.
      if (text.charCodeAt(i - 1) === 61) break;
      glue.lastIndex = i;
      const m = glue.exec(text);
      if (m === null) break;
      cuts.push([i, i + m[0].length]);
      i += m[0].length;
    }
    done = i;
  }
  return cuts.length === 0 ? [] : crossing(cutView(text, cuts), scanText);
}

const isTokenChar = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ||
  c === 95 || c === 45 || c === 43 || c === 47 || c === 61 || c === 46 ||
  c === 126;

/** Longest group of a token written in groups (`ABCD EFGH`, `A B C`). */
const MAX_GROUP = 8;

/** Longest first piece (the prefix and maybe a group: `github_pat_`, `ghp_Of`). */
const MAX_FIRST = 12;

/** Whether text[a, b) has a digit or a capital (a random group, not a word of prose). */
function randomish(text: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90)) return true;
  }
  return false;
}

/**
 * Tokens written in space-separated groups, starting at a secret keyword
 * (`near`, sorted offsets): the keyword's piece (at most 12 characters),
 * then at least three groups of one size (1–8 token characters; a last,
 * shorter one ends the token), two of them with a digit or a capital, each
 * joined by one space; the spaces are cut.
 */
export function groupedFindings(
  text: string,
  near: readonly number[],
  scanText: ScanFn,
): Finding[] {
  const cuts: [number, number][] = [];
  let done = -1;
  for (const p of near) {
    if (p < done) continue;
    // The keyword's piece is a group itself, not a whole token.
    let i = p;
    while (
      i - p <= MAX_FIRST && i < text.length && isTokenChar(text.charCodeAt(i))
    ) i++;
    if (i - p > MAX_FIRST) {
      // Every later keyword in this same run of token characters starts a
      // piece that is too long as well, unless it lies in the run's last
      // MAX_FIRST characters: skip to there (one keyword repeated without a
      // break would otherwise cost MAX_FIRST reads per occurrence).
      while (i < text.length && isTokenChar(text.charCodeAt(i))) i++;
      done = i - MAX_FIRST;
      continue;
    }
    const mine: [number, number][] = [];
    // Groups of one size k; a shorter group ends the token.
    let k = 0;
    let mixed = 0;
    while (
      text.charCodeAt(i) === 32 && isTokenChar(text.charCodeAt(i + 1)) &&
      mine.length < 256
    ) {
      let j = i + 1;
      while (
        j - i <= MAX_GROUP + 1 && j < text.length &&
        isTokenChar(text.charCodeAt(j))
      ) j++;
      const len = j - i - 1;
      if (k === 0) k = len;
      if (len > MAX_GROUP || len > k) break;
      mine.push([i, i + 1]);
      if (randomish(text, i + 1, j)) mixed++;
      i = j;
      if (len < k) break;
    }
    done = i;
    // Words of prose after a token ("ghp_... for you") are not its groups.
    if (mine.length >= 3 && mixed >= 2) {
      for (const c of mine) cuts.push(c);
    }
  }
  return cuts.length === 0 ? [] : crossing(cutView(text, cuts), scanText);
}

/**
 * Printable ASCII written as hex: at least 16 byte pairs, each `[2-7]` and a
 * hex digit, optionally separated by a space, a colon or a line break (as
 * `xxd -p`, `od` and byte dumps print them).
 */
const HEX_RUN = /(?<![0-9A-Fa-f])(?:[2-7][0-9A-Fa-f](?:[ :]|\r?\n)?){16,4096}/g;

const isHexDigit = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);

/** Most hex runs decoded per text. */
const MAX_HEX_RUNS = 256;

/**
 * Secrets in hex: each run that decodes to text holding a secret becomes
 * one finding over the whole run, typed by the first secret in it.
 */
export function hexFindings(text: string, scanText: ScanFn): Finding[] {
  const out: Finding[] = [];
  HEX_RUN.lastIndex = 0;
  let runs = 0;
  for (let m; (m = HEX_RUN.exec(text)) !== null && runs < MAX_HEX_RUNS;) {
    runs++;
    // Part of a longer hex string (a hash whose bytes are not all printable).
    if (isHexDigit(text.charCodeAt(m.index + m[0].length))) continue;
    const digits = m[0].replace(/[\s:]/g, "");
    if (digits.length % 2 !== 0) continue;
    let decoded = "";
    for (let i = 0; i < digits.length; i += 2) {
      decoded += String.fromCharCode(parseInt(digits.slice(i, i + 2), 16));
    }
    const inner = scanText(decoded, ["secret"]);
    if (inner.length === 0) continue;
    const end = m.index + m[0].trimEnd().replace(/:$/, "").length;
    out.push({ ...inner[0], start: m.index, end });
  }
  return out;
}

/**
 * A list of byte values in source code: C/Java/Go/Rust array literals of
 * hex (`0x67, 0x68`) or decimal (`103, 104`) numbers, at least 12 of them.
 * Every item after the first begins with a comma, so the repetition is
 * unambiguous.
 */
const BYTE_LIST =
  /(?<![\w.])(?:0[xX][0-9a-fA-F]{1,2}|\d{1,3})(?:[ \t]{0,4},[ \t\r\n]{0,16}(?:0[xX][0-9a-fA-F]{1,2}|\d{1,3})){11,4096}(?![\w.])/g;

/** Octal escapes (`\147\150\160`), at least 8 of them. */
const OCTAL_RUN = /(?:\\[0-3][0-7]{2}){8,4096}/g;

/** Decoded bytes when every one is printable ASCII, else undefined. */
function printable(codes: number[]): string | undefined {
  for (const c of codes) if (c < 32 || c > 126) return undefined;
  return String.fromCharCode(...codes);
}

/**
 * Secrets written as byte lists or octal escapes: each list that decodes to
 * printable text holding a secret becomes one finding over the whole list.
 */
export function byteListFindings(text: string, scanText: ScanFn): Finding[] {
  const out: Finding[] = [];
  for (
    const [re, parse] of [
      [BYTE_LIST, (m: string) => m.split(",").map((x) => Number(x.trim()))],
      [
        OCTAL_RUN,
        (m: string) => m.split("\\").slice(1).map((x) => parseInt(x, 8)),
      ],
    ] as const
  ) {
    re.lastIndex = 0;
    let runs = 0;
    for (let m; (m = re.exec(text)) !== null && runs < MAX_HEX_RUNS;) {
      runs++;
      const decoded = printable(parse(m[0]));
      if (decoded === undefined) continue;
      const inner = scanText(decoded, ["secret"]);
      if (inner.length === 0) continue;
      out.push({ ...inner[0], start: m.index, end: m.index + m[0].length });
    }
  }
  return out;
}

/** Words of 3 to 8 letters and digits joined by single spaces, at least three (`U3Ze ILFt 07oy Y7DM`). */
const GROUP_RUN =
  /(?<![!-~])[A-Za-z0-9]{3,8}(?: [A-Za-z0-9]{3,8}){2,64}(?![!-~])/g;

/** Most runs looked at per text (bounds the work on hostile input). */
const MAX_SPACED_RUNS = 1024;

/** How far after a secret keyword grouped characters are looked for. */
const GROUP_WINDOW = 160;

/** Whether text[a, b) has a letter and a digit (a token, not a word or a number). */
function letterAndDigit(text: string, a: number, b: number): boolean {
  let letter = false, digit = false;
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digit = true;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) letter = true;
  }
  return letter && digit;
}

/** Cuts of the spaces of the stretches of equal-size groups in one run (see {@link spacedFindings}). */
function groupCuts(
  text: string,
  a: number,
  b: number,
  cuts: [number, number][],
): void {
  const groups: [number, number][] = [];
  for (let i = a; i < b;) {
    let j = i;
    while (j < b && text.charCodeAt(j) !== 32) j++;
    groups.push([i, j]);
    i = j + 1;
  }
  for (let s = 0; s < groups.length;) {
    const k = groups[s][1] - groups[s][0];
    let e = s + 1;
    while (e < groups.length && groups[e][1] - groups[e][0] === k) e++;
    // A last, shorter group ends the token.
    if (e < groups.length && groups[e][1] - groups[e][0] < k) e++;
    let mixed = 0;
    for (let g = s; g < e; g++) {
      if (randomish(text, groups[g][0], groups[g][1])) mixed++;
    }
    if (
      e - s >= 3 && mixed >= 2 &&
      letterAndDigit(text, groups[s][0], groups[e - 1][1])
    ) {
      for (let g = s + 1; g < e; g++) {
        cuts.push([groups[g][0] - 1, groups[g][0]]);
      }
    }
    s = e > s + 1 ? e : s + 1;
  }
}

/**
 * Secrets written with spaces inside: a token typed one character at a
 * time (`s k _ l i v e _ …`, anywhere), or read out in groups of one size
 * with a letter and a digit (`U3Ze ILFt 07oy`, within {@link GROUP_WINDOW}
 * characters after a secret keyword at one of the sorted offsets `near`).
 * The spaces are cut in a view and only secret findings across a cut are
 * kept.
 */
export function spacedFindings(
  text: string,
  near: readonly number[],
  scanText: ScanFn,
): Finding[] {
  const cuts: [number, number][] = [];
  let runs = 0;
  // No run where its cheap hint is missing: the run's search is skipped.
  const spaced = maySpaceChars(text);
  SPACED_CHARS.lastIndex = 0;
  for (
    let m;
    spaced && (m = SPACED_CHARS.exec(text)) !== null &&
    runs < MAX_SPACED_RUNS;
    runs++
  ) {
    const a = m.index, b = a + m[0].length;
    if (!randomish(text, a, b)) continue;
    for (let i = a + 1; i < b; i += 2) cuts.push([i, i + 1]);
  }
  let done = -1;
  for (const p of near) {
    if (p < done || runs >= MAX_SPACED_RUNS) continue;
    // The groups stand within a sentence of the keyword.
    const end = Math.min(text.length, p + GROUP_WINDOW);
    done = end;
    const part = text.slice(p, end);
    // Groups with a letter and a digit: none in a window without a digit.
    if (!/\d/.test(part)) continue;
    GROUP_RUN.lastIndex = 0;
    for (
      let m;
      (m = GROUP_RUN.exec(part)) !== null && runs < MAX_SPACED_RUNS;
      runs++
    ) {
      groupCuts(text, p + m.index, p + m.index + m[0].length, cuts);
    }
  }
  if (cuts.length === 0) return [];
  cuts.sort((x, y) => x[0] - y[0]);
  return crossing(cutView(text, cuts), scanText);
}
