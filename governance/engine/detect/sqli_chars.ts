/**
 * One character of a secret cut out of its column, by tokens (the lexer of
 * `sqli_struct.ts` on the masked statement of `sqli_lex.ts`):
 * `substr(pass_hash, 1, 1)`, `MID(api_token, 7, 1)`, `left(pin, 1)`,
 * `ascii(totp_secret)`, `substring(pwd from 3 for 1)`. That is how a blind
 * injection reads a password hash or a token a character at a time (each
 * guess a true or false page, a delay, an error); an application compares a
 * secret whole, and a DBA who looks at hash formats reads a prefix of
 * several characters (`left(pass_hash, 4) = '$2b$'`), which passes, as do
 * the first digit of a card number (its network) and the last four.
 *
 * One pass over the tokens, a bounded look at each call.
 *
 * @module
 */

import type { Tok } from "./sqli_struct.ts";

/** One hit: the call that cuts the character (offsets in the input). */
export interface CharHit {
  kind: "secret_char";
  start: number;
  end: number;
}

/** Most hits reported for one statement. */
const MAX_CHAR_HITS = 16;

/** Calls that cut a string: (column, start, length) or (column, length). */
const SLICE_START: ReadonlySet<string> = new Set([
  "substr",
  "substring",
  "mid",
  "substr2",
]);
const SLICE_END: ReadonlySet<string> = new Set(["left", "right"]);
/** Calls that give the code of a string's first character. */
const FIRST_CODE: ReadonlySet<string> = new Set(["ascii", "ord", "unicode"]);

/**
 * Columns that hold a password, its hash or salt, a token, a key, a PIN or a
 * one-time seed (card and national numbers are not here: their first and
 * last digits are read by ordinary code).
 */
const SECRET =
  /^(?:pass|passwd|password|pwd|pw|passphrase|hash|salt|pin|otp|psk)$|^\w{0,20}_(?:pass|passwd|password|pwd|pw|hash|digest|secret|token|key|pin|seed|salt)$|^(?:pass|passwd|password|pwd|pw)_?(?:hash|hashed|digest|enc|crypt|md5|sha\d{0,3})$|^(?:secret|token|totp|otp|api_?key|private_?key)(?:_?(?:key|value|hash|seed|secret))?$/;

/** The index after a (possibly qualified) column starting at `i` when it names a secret, else -1. */
function secretColumn(toks: Tok[], i: number): number {
  let k = i;
  // `s.pass_hash`, `"staff"."pass_hash"`: the last part is the column.
  while (
    (toks[k]?.kind === "word" || toks[k]?.kind === "ident") &&
    toks[k + 1]?.text === "."
  ) k += 2;
  const c = toks[k];
  if (c === undefined || (c.kind !== "word" && c.kind !== "ident")) return -1;
  return SECRET.test(c.text) ? k + 1 : -1;
}

const isOne = (t: Tok | undefined): boolean =>
  t?.kind === "num" && Number(t.text) === 1;

/** The index of the `)` closing a call whose `(` is at `open` when its arguments cut one character of a secret, else -1. */
function cutsOne(toks: Tok[], name: string, open: number): number {
  const after = secretColumn(toks, open + 1);
  if (after < 0) return -1;
  const a = toks[after];
  const b = toks[after + 1];
  const c = toks[after + 2];
  const d = toks[after + 3];
  const e = toks[after + 4];
  if (FIRST_CODE.has(name)) return a?.kind === "close" ? after : -1;
  if (SLICE_END.has(name)) {
    return a?.kind === "comma" && isOne(b) && c?.kind === "close"
      ? after + 2
      : -1;
  }
  // substr(col, n, 1) or substring(col FROM n FOR 1).
  const sep1 = a?.kind === "comma" || a?.text === "from";
  const sep2 = c?.kind === "comma" || c?.text === "for";
  return sep1 && b?.kind === "num" && sep2 && isOne(d) && e?.kind === "close"
    ? after + 4
    : -1;
}

/** The hits of a masked statement's tokens (see the module note). */
export function charHits(toks: Tok[]): CharHit[] {
  const hits: CharHit[] = [];
  for (let i = 0; i + 1 < toks.length && hits.length < MAX_CHAR_HITS; i++) {
    const t = toks[i];
    if (t.kind !== "word" || toks[i + 1].kind !== "open") continue;
    if (
      !SLICE_START.has(t.text) && !SLICE_END.has(t.text) &&
      !FIRST_CODE.has(t.text)
    ) continue;
    const close = cutsOne(toks, t.text, i + 1);
    if (close < 0) continue;
    hits.push({ kind: "secret_char", start: t.start, end: toks[close].end });
    i = close;
  }
  return hits;
}
