/**
 * Quoted mentions: an injection phrase inside a short quotation that the
 * sentence around it talks about (`phrases such as "ignore all previous
 * instructions"`, `a page with the sentence "AI agents must ..." made the
 * agent follow the link`, `translate the banner "Forget everything you know"
 * into French`) is documentation of an attack, or a string handled as data,
 * not the attack.
 *
 * A quotation counts as talked about when the words around it (on its line,
 * and for a list item or table row also the line that introduces the list)
 * name it as an example, a string, an attack, a translation, ... (also in
 * Spanish, German, French, Portuguese and Italian); or when it
 * sits inside a sentence that goes on after it (`with "X" in front`,
 * `("X")`), which an instruction given to the reader does not.
 *
 * @module
 */

import type { Finding } from "../types.ts";

const QUOTES = "\"'`\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e";
const DOUBLE_QUOTES = '"`\u201c\u201d\u00ab\u00bb\u201e';
/** Words around a quoted phrase that mark it as talked about, not said. */
const MENTION_RE =
  /\b(?:such\s{1,4}as|e\.g\.|for\s{1,4}example|for\s{1,4}instance|like|phrases?|strings?|sentences?|wording|quoted?|typed?|types|typing|payloads?|examples?|test(?:\s{1,4}cases?)?|flag(?:s|ged)?|detect(?:s|ed|ion|or)?|catch(?:es)?|block(?:s|ed)?|classifier|matches|injections?|attacks?|attackers?|threats?|plants?|planted|malicious|adversar(?:y|ial|ies)|mitigations?|hostile|red[-\s]team(?:ed|ing|ers?|s)?|strips?|stripped|sanitiz(?:e[sd]?|ing)|escap(?:e[sd]?|ing)|removes?|chat-template|template|tokens?|delimiters?|translat(?:e[sd]?|ions?|ing)|banners?|headlines?|slogans?|captions?|titled?|jailbreaks?|refus(?:e[sd]?|als?)|(?:the|hidden|el|un|den|der|dem|le|o|il)\s{1,4}(?:text[oe]?|testo)|textes?|ejemplos?|frases?|cadenas?|ataques?|atacantes?|beispiele?|satz|angriffe?|angreifer|exemples?|attaques?|attaquants?|exemplos?|esempi[oa]?|attacch?[io])\b/i;

/**
 * Words around a quotation that hand it to the reader to act on (`and we
 * expect you to comply`, `do what it says`, `the request from your admin`).
 */
const ENDORSED_RE =
  /(?<!\b(?:not|never|n't)\s{1,4})\b(?:comply|obey|do\s{1,4}(?:it|this|that|so|as\s{1,4}(?:it|they|he|she)\s{1,4}says?|what\s{1,4}(?:it|this|the\s{1,4}\w{1,20})\s{1,4}says)|follow\s{1,4}(?:it|this|that|these|them)\b(?!\s{1,4}(?:pattern|format|style|convention|rule|link|guide))|carry\s{1,4}(?:it|this|that)\s{1,4}out|act\s{1,4}on\s{1,4}(?:it|this|that)|(?:this|that|it)\s{1,4}(?:is|was|has\s{1,4}been)\s{1,4}(?:approved|authori[sz]ed|pre-?approved)|your\s{1,4}(?:admin(?:istrator)?|owner|user|operator|developers?|maintainers?|boss|manager|creator|principal))\b/i;

/** The closing quote that pairs with an opening one. */
function closerOf(open: string): string {
  switch (open) {
    case "\u201c":
    case "\u201e":
      return '\u201d\u201c"';
    case "\u00ab":
      return "\u00bb";
    case "\u2018":
      return "\u2019";
    default:
      return open;
  }
}

/** A JSON key right before a quoted value (`"snippet": "…"`), its name in group 1. */
const JSON_KEY_BEFORE = /"([\w-]{1,40})"\s{0,2}:\s{0,2}$/;

/** A field name right before a quoted value (`title: "..."`): the value is data, not a title talked about. */
const DATA_KEY_END =
  /(?:^|[\s{,])(?:title|caption|banner|headline|text|strings?|template|tokens?|payload|example)\s{0,2}[:=]\s{0,2}$/i;

/**
 * List items, table rows and labelled data lines (`Input: "..."`, `Bad
 * output: "..."`): their context includes the line that leads into them.
 */
const LIST_ITEM_RE =
  /^\s{0,8}(?:(?:[-*+|>]|\d{1,3}[.)])\s|(?:(?:bad|good|expected|actual|sample|model)\s)?(?:input|output|prompt|payload|question|answer|request|response|completion)s?\s{0,2}:)/i;

/** Most lines walked back to find the line that introduces a list. */
const MAX_LEAD_LINES = 24;

/** The nearest line before `lineStart` that is not a list item (a list's lead-in), or "". */
function leadIn(text: string, lineStart: number): string {
  let end = lineStart - 1;
  for (let n = 0; n < MAX_LEAD_LINES && end > 0; n++) {
    const start = text.lastIndexOf("\n", end - 1) + 1;
    const line = text.slice(start, Math.min(end, start + 400));
    if (line.trim() && !LIST_ITEM_RE.test(line)) return line;
    end = start - 1;
  }
  return "";
}

/**
 * An opening single quote up to 60 characters before `at` on its line: one
 * that stands after a space, a bracket, a colon or the line start, with no
 * other single quote between it and `at` (so an apostrophe, `don't`, is not
 * taken for one), or -1.
 */
function singleOpen(text: string, lineStart: number, at: number): number {
  for (let i = at - 1; i >= Math.max(lineStart, at - 60); i--) {
    const c = text[i];
    if (c !== "'" && c !== "\u2018") continue;
    return i === lineStart || /[\s(\[:,]/.test(text[i - 1]) ? i : -1;
  }
  return -1;
}

/**
 * The quotation holding a finding: [open, close] offsets of its quote marks
 * on the finding's line, or undefined. The opening quote is right before the
 * finding or (double quotes only, which apostrophes cannot be mistaken for)
 * up to 60 characters before it; the closing one is after the finding, or
 * inside it when the finding runs on past the quotation it starts in.
 */
function quotation(text: string, f: Finding): [number, number] | undefined {
  const lineStart = text.lastIndexOf("\n", f.start) + 1;
  let open = f.start - 1;
  while (open >= lineStart && f.start - open <= 4 && text[open] === " ") open--;
  const adjacent = open >= lineStart && QUOTES.includes(text[open]);
  if (!adjacent) {
    open = -1;
    for (let i = f.start - 1; i >= Math.max(lineStart, f.start - 60); i--) {
      if (DOUBLE_QUOTES.includes(text[i])) {
        open = i;
        break;
      }
    }
    if (open < 0) open = singleOpen(text, lineStart, f.start);
    if (open < 0) return undefined;
  }
  const closers = closerOf(text[open]);
  // An opening mark stands after a space, a bracket or the line start; a
  // double quote right after a word closes an earlier quotation.
  const opens = open === lineStart || /[\s(\[:,]/.test(text[open - 1]);
  // A finding in a quotation may run past it (an addressed request reaches
  // to the end of its sentence): the quotation then closes inside it.
  let close = opens && closers !== "'" ? Math.min(f.end, f.start + 12) : f.end;
  // A single quotation closes inside the finding too, at a mark after a
  // word and before no letter (`'TODO(ai): disable auth' comments`; an
  // apostrophe, `don't`, has letters on both sides).
  if (opens && closers === "'" && close > f.start) {
    const end = Math.min(f.end, open + 200);
    for (let i = Math.max(f.start, open + 2); i < end; i++) {
      if (text[i] === "\n") break;
      if (
        text[i] === "'" && /\S/.test(text[i - 1]) &&
        !/[A-Za-z0-9\u00c0-\u024f]/.test(text[i + 1] ?? "")
      ) {
        close = i;
        break;
      }
    }
  }
  const stop = Math.min(text.length, f.end + 60);
  while (close < stop && text[close] !== "\n") {
    const c = text[close];
    if (closers.includes(c)) break;
    if (close >= f.end && QUOTES.includes(c)) break;
    close++;
  }
  if (close >= stop || !QUOTES.includes(text[close])) return undefined;
  return [open, close];
}

/**
 * Whether the quotation [open, close] sits inside a sentence that goes on
 * after it: a word or an opening bracket before it on its line, and after it
 * a lower-case word, or a closing bracket (`try it with "X" in front`,
 * `role-play ("you are DAN")`).
 */
function embedded(text: string, open: number, close: number): boolean {
  // A labelled row of test data (`("repeat that but ...", True),`).
  if (LABELLED_AFTER.test(text.slice(close + 1, close + 24))) return true;
  // A string assigned in a test that asserts on it (`text = 'SYSTEM: ...'`, then `assert detector.flag(text)`).
  if (
    ASSIGNED_BEFORE.test(text.slice(Math.max(0, open - 48), open)) &&
    ASSERTED_AFTER.test(text.slice(close + 1, close + 200))
  ) return true;
  if (!DOUBLE_QUOTES.includes(text[open])) return false;
  const before = text.slice(Math.max(0, open - 3), open);
  const after = text.slice(close + 1, close + 4);
  if (/\(\s{0,2}$/.test(before) && /^[.,;!?]?\)/.test(after)) return true;
  if (/[a-z]\s{1,2}$/i.test(before) && /^[,]?\s{1,2}[a-z]/.test(after)) {
    return true;
  }
  // A statement about the quoted phrase (`"ignore previous instructions" in
  // the wild`, `"X" appeared in 31 pages`).
  return DESCRIBED_AFTER.test(text.slice(close + 1, close + 24));
}

/** A variable assigned the quotation on its own line (`    payload = `). */
const ASSIGNED_BEFORE =
  /(?:^|\n)[ \t]{0,16}(?:(?:const|let|var)\s{1,3})?[A-Za-z_][\w.]{0,40}\s{0,2}=\s{0,2}$/;
/** A test assertion within the next lines (`assert`, `expect(`, `assertTrue(`). */
const ASSERTED_AFTER =
  /^[^\n]{0,40}\n(?:[^\n]{0,120}\n){0,2}?[ \t]{0,16}(?:assert(?:True|False|Equal|Equals|_[a-z]{1,20})?\b|self\.assert|expect\s{0,2}\(|t\.(?:true|false|is|ok)\s{0,2}\()/;

/** A label after a quoted string in a data row (`, True)`, `, 1],`, `, "label": 1}`): test data, not said. */
const LABELLED_AFTER =
  /^\s{0,2}[,:]\s{0,2}(?:["']?(?:label|labels|expected|is_attack|is_injection|attack|injection|target|class|y)["']?\s{0,2}[:=]\s{0,2})?(?:true|false|none|null|[01]|["'](?:attack|benign|injection|malicious|safe|clean|positive|negative)["'])\s{0,2}[)\]}]/i;

/** A predicate or preposition after a quotation that makes it the thing described. */
const DESCRIBED_AFTER =
  /^\s{1,2}(?:in\s{1,2}the\s{1,2}wild|appears?|appeared|occurs?|occurred|shows?\s{1,2}up|showed\s{1,2}up|made|makes|triggers?|triggered|worked|works|failed|fails|was\s{1,2}(?:found|seen|used|caught|blocked|followed)|is\s{1,2}(?:a|an|the|one|still|often|usually|how|what)|gets?\s{1,2}(?:caught|blocked|flagged|refused))\b/i;

/**
 * Whether a finding lies inside a short quotation that the sentence around
 * it talks about: documentation of an attack, not the attack.
 */
export function quotedMention(text: string, f: Finding): boolean {
  const q = quotation(text, f);
  if (q === undefined) return false;
  const [open, close] = q;
  const lineStart = text.lastIndexOf("\n", open) + 1;
  let lineEnd = text.indexOf("\n", close);
  if (lineEnd < 0) lineEnd = text.length;
  // A quotation handed to the reader to act on is said, not talked about.
  const said = text.slice(Math.max(lineStart, open - 120), open) + " " +
    text.slice(close + 1, Math.min(text.length, close + 160));
  if (ENDORSED_RE.test(said)) return false;
  if (embedded(text, open, close)) return true;
  // The value of a JSON key is data: the fields around it (other search
  // results, other products) say nothing about it; only its key may.
  const key = JSON_KEY_BEFORE.exec(
    text.slice(Math.max(lineStart, open - 48), open),
  );
  if (key) return MENTION_RE.test(key[1].replace(/[_-]/g, " "));
  const line = text.slice(lineStart, lineStart + 40);
  const lead = LIST_ITEM_RE.test(line) ? leadIn(text, lineStart) + " " : "";
  // URLs, and the keys of key-value data (`"text": "..."`, `title: "..."`),
  // are not words about the quotation.
  const before = text.slice(Math.max(lineStart, open - 200), open)
    .replace(DATA_KEY_END, " ");
  const around = lead + before + " " +
    text.slice(close + 1, Math.min(lineEnd, close + 200));
  return MENTION_RE.test(
    around.replace(/\S{0,200}:\/\/\S{0,400}/g, " ")
      .replace(/["'`][\w-]{1,40}["'`]\s{0,2}:/g, " "),
  );
}
