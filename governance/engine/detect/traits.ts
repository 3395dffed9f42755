/**
 * Cheap necessary conditions for the keyword-less PII kinds, all read in one
 * pass over a text's digit runs. A kind whose condition does not hold cannot
 * report anything, so its regex pass is skipped: on ordinary logs (dates,
 * times, ports, durations) most digit-shaped kinds never run.
 *
 * Each condition follows from its catalogue regex (and validator), e.g. a
 * card number is 13–19 digits in groups joined by one separator (space,
 * dash, dot, underscore, slash, apostrophe or " - "), so some chain of digit runs joined
 * that way holds at least 13 digits.
 *
 * @module
 */

/** Names of the conditions a catalogue entry can require (`SensitiveSpec.requires`). */
export type TraitName =
  | "card"
  | "aadhaar"
  | "ssn"
  | "phone_us"
  | "phone_intl"
  | "phone_uk"
  | "ipv4"
  | "pan"
  | "nric"
  | "iban"
  | "nino"
  | "phone_in"
  | "iban_spaced"
  | "cpf"
  | "dni"
  | "sin"
  | "hex"
  | "se_pnr"
  | "it_cf"
  | "aadhaar_grouped"
  | "ipv6_full"
  | "phone_nat"
  | "uk_postcode"
  | "world_id"
  | "spoken"
  | "non_ascii";

/** Bit of each condition in the mask {@link textTraits} returns. */
export const TRAIT_BITS: Readonly<Record<TraitName, number>> = {
  card: 1,
  aadhaar: 2,
  ssn: 4,
  phone_us: 8,
  phone_intl: 16,
  phone_uk: 32,
  ipv4: 64,
  pan: 128,
  nric: 256,
  iban: 512,
  nino: 1024,
  phone_in: 2048,
  iban_spaced: 4096,
  cpf: 8192,
  dni: 16384,
  sin: 32768,
  hex: 65536,
  se_pnr: 131072,
  it_cf: 262144,
  aadhaar_grouped: 524288,
  ipv6_full: 1048576,
  /** A character beyond ASCII (set only by {@link foldedTraits}). */
  non_ascii: 2097152,
  phone_nat: 4194304,
  uk_postcode: 8388608,
  world_id: 16777216,
  /** Nine single digits in a row, each joined to the one before by one space (a number read out digit by digit, see `spoken_digits.ts`). */
  spoken: 33554432,
};

const isUpper = (b: number): boolean => b >= 65 && b <= 90;
const isLetter = (b: number): boolean => isUpper(b) || (b >= 97 && b <= 122);
const isDigitByte = (b: number): boolean => b >= 48 && b <= 57;

/** NRIC/FIN series letters, either case. */
const NRIC_SERIES = "STFGMstfgm";

/**
 * Whether the bytes in [a, b) can separate digit runs in hex of printable
 * text: one hex letter or separator (space, colon, line break), or a hex
 * letter then a separator (two letters in a row cannot occur: every other
 * digit is a high nibble, 2-7).
 */
function hexGap(bytes: Uint8Array, a: number, b: number): boolean {
  if (a < 0 || b - a > 2) return false;
  const c = bytes[a];
  const letter = (c | 32) >= 97 && (c | 32) <= 102;
  if (b - a === 1) return letter || hexSep(c);
  return letter && hexSep(bytes[a + 1]);
}

/** A separator between the bytes of a hex dump: space, colon or line break. */
const hexSep = (x: number): boolean =>
  x === 32 || x === 58 || x === 10 || x === 13;

/** First digit at or after `i` (`n` when none). */
function nextDigit(bytes: Uint8Array, i: number, n: number): number {
  while (i < n && (bytes[i] < 48 || bytes[i] > 57)) i++;
  return i;
}

/** End of the digit run at `i`. */
function runEnd(bytes: Uint8Array, i: number, n: number): number {
  while (i < n && bytes[i] >= 48 && bytes[i] <= 57) i++;
  return i;
}

/**
 * The conditions that hold in an ASCII text (its bytes), as a mask of
 * {@link TRAIT_BITS}. Every digit run is looked at once, with the runs just
 * before it that are joined to it by one separator character; the checks
 * that depend on a run's length are only read for runs of that length.
 * Colons are looked at in a second pass (see {@link ipv6Full}), found in
 * `text` when given (the same characters as a string, searched faster).
 * `cardAt`, when given, receives the start of each run at which a chain of
 * card separators first holds 13 digits: such a chain never crosses a line,
 * so every card number lies on a line holding one of these offsets.
 */
export function textTraits(
  bytes: Uint8Array,
  text?: string,
  cardAt?: number[],
): number {
  const n = bytes.length;
  let mask = ipv6Full(bytes, n, text) ? TRAIT_BITS.ipv6_full : 0;
  /** Digits in the current chain of runs joined by one card separator. */
  let dashChain = 0;
  /** Digits in the current chain of runs joined by single spaces. */
  let spaceChain = 0;
  /** Digits of that chain from its first run that starts with 0 (0: none). */
  let zeroChain = 0;
  /** Characters in the current chain of runs joined by at most two of `[a-fA-F :\r\n]` (hex of printable text). */
  let hexChain = 0;
  /** Dots in the current chain of runs joined by single dots. */
  let dots = 0;
  /** Single-digit runs in the current chain of them joined by single spaces. */
  let singles = 0;
  // The previous two runs: lengths, starts, and the separator before each (0: not joined).
  let prevEnd = -2;
  let len1 = 0, sep1 = 0;
  let len2 = 0, start2 = 0, start1 = 0;
  for (let s = nextDigit(bytes, 0, n); s < n;) {
    const e = runEnd(bytes, s, n);
    const len = e - s;
    const before = s > 0 ? bytes[s - 1] : 0;
    const after = e < n ? bytes[e] : 0;
    // Joined by one separator character, or by " - " (read as a dash).
    const sep = s - 1 === prevEnd
      ? before
      : s - 3 === prevEnd && before === 32 && bytes[s - 2] === 45 &&
          bytes[s - 3] === 32
      ? 45
      : 0;
    // Two spaces join card groups too ("6011  0590  1426  9377").
    const dashBefore = sep === 32 || sep === 45 || sep === 46 || sep === 95 ||
        sep === 47 || sep === 39 ||
        (sep === 0 && s - 2 === prevEnd && before === 32 &&
          bytes[s - 2] === 32)
      ? dashChain
      : 0;
    dashChain = dashBefore + len;
    if (sep === 32) {
      spaceChain += len;
      if (zeroChain > 0) zeroChain += len;
      else if (bytes[s] === 48) zeroChain = len;
    } else {
      spaceChain = len;
      zeroChain = bytes[s] === 48 ? len : 0;
    }
    // In hex of printable ASCII every other character is a digit 2-7, so
    // digit runs are at most two characters apart.
    const gap = s - prevEnd;
    hexChain = (gap <= 2 && hexGap(bytes, prevEnd, s) ? hexChain + gap : 0) +
      len;
    if (hexChain >= 32) mask |= TRAIT_BITS.hex;
    dots = sep === 46 ? dots + 1 : 0;
    singles = len !== 1 ? 0 : sep === 32 && len1 === 1 ? singles + 1 : 1;
    if (singles >= 9) mask |= TRAIT_BITS.spoken;
    if (dashChain >= 12) {
      if (dashChain >= 13) {
        mask |= TRAIT_BITS.aadhaar | TRAIT_BITS.card;
        if (cardAt !== undefined && dashBefore < 13) cardAt.push(s);
      } else mask |= TRAIT_BITS.aadhaar;
    }
    // A UK number starts with 0 and has 10 or 11 digits in runs joined by single spaces.
    if (zeroChain >= 10) mask |= TRAIT_BITS.phone_uk;
    if (dots >= 3) mask |= TRAIT_BITS.ipv4;
    // 06.12.34.56.78: a French number in dotted pairs.
    if (dots === 4 && len === 2 && len1 === 2) mask |= TRAIT_BITS.phone_nat;
    if (before === 43 && bytes[s] !== 48) mask |= TRAIT_BITS.phone_intl;
    const upper2 = s >= 2 && isUpper(before) && isUpper(bytes[s - 2]);
    if (upper2 && len >= 2) mask |= TRAIT_BITS.iban;
    // A UK postcode's inward part (" 6NW" of "SE15 6NW"): one digit after a
    // space, two capitals, and a capital or digit before the space.
    if (
      len === 1 && before === 32 && s >= 3 && e + 1 < n &&
      isUpper(after) && isUpper(bytes[e + 1]) &&
      !(e + 2 < n && (isLetter(bytes[e + 2]) || isDigitByte(bytes[e + 2]))) &&
      (isUpper(bytes[s - 2]) || isDigitByte(bytes[s - 2]))
    ) mask |= TRAIT_BITS.uk_postcode;
    // Unlabelled ids of other countries: 18 digits, or 17 and an X (China's
    // resident id); 4 capitals, 6 digits and H/M/X (Mexico's CURP); a
    // formatted Belgian national number.
    if (
      len === 18 || (len === 17 && (after === 88 || after === 120)) ||
      // dd.dd.dd-ddd.dd: the last runs of a formatted Belgian national number.
      (len === 2 && sep === 46 && len1 === 3 && sep1 === 45 && len2 === 2) ||
      (len === 6 && s >= 4 && isUpper(before) && isUpper(bytes[s - 4]) &&
        (after === 72 || after === 77 || after === 88))
    ) mask |= TRAIT_BITS.world_id;
    switch (len) {
      case 2:
        // Two letters (not both capitals), two digits and a space: a spaced IBAN's start ("de89 3704").
        if (
          (after === 32 || after === 45) && s >= 2 && isLetter(before) &&
          isLetter(bytes[s - 2]) && !upper2
        ) mask |= TRAIT_BITS.iban_spaced;
        if (
          (before === 32 || before === 45) && s >= 3 &&
          isUpper(bytes[s - 2]) && isUpper(bytes[s - 3])
        ) {
          mask |= TRAIT_BITS.nino;
          // "FR 50 71158 …": an IBAN whose country and check digits are split.
          if (before === 32 && (after === 32 || after === 45)) {
            mask |= TRAIT_BITS.iban;
          }
        }
        // ddd.ddd.ddd-dd: the last two runs of a formatted CPF.
        if (sep === 45 && len1 === 3 && sep1 === 46 && len2 === 3) {
          mask |= TRAIT_BITS.cpf;
        }
        // Six capitals then two digits: how an Italian codice fiscale starts.
        if (s >= 6 && upper2) {
          let k = 3;
          while (k <= 6 && isUpper(bytes[s - k])) k++;
          if (k > 6) mask |= TRAIT_BITS.it_cf;
        }
        break;
      case 3:
        // ddd ddd ddd or ddd-ddd-ddd.
        if (
          len1 === 3 && len2 === 3 && (sep === 32 || sep === 45) &&
          sep1 === sep
        ) mask |= TRAIT_BITS.sin;
        break;
      case 4:
        if (sep === 32 || sep === 45 || sep === 46) {
          // ...ddd-dddd: a run of exactly 3, then one of exactly 4, joined by [ .-].
          if (len1 === 3) {
            mask |= TRAIT_BITS.phone_us;
            // ddd-dd-dddd: runs of exactly 3, 2 and 4 joined by one repeated separator.
          } else if (len1 === 2 && len2 === 3 && sep1 === sep) {
            mask |= TRAIT_BITS.ssn;
          }
          // dddd dddd dddd or dddd-dddd-dddd, the first group 2-9, not part of a longer grouping.
          if (
            len1 === 4 && len2 === 4 && sep !== 46 && sep1 === sep &&
            bytes[start2] >= 50 && !groupedBefore(bytes, start2) &&
            !groupedAfter(bytes, e, n)
          ) mask |= TRAIT_BITS.aadhaar_grouped;
        }
        // YYMMDD-NNNN or YYYYMMDD-NNNN (a Swedish personnummer; + past 100 years).
        if ((sep === 45 || sep === 43) && (len1 === 6 || len1 === 8)) {
          mask |= TRAIT_BITS.se_pnr;
        }
        if (s >= 5) {
          let k = 1;
          while (k <= 5 && isUpper(bytes[s - k])) k++;
          if (k > 5) mask |= TRAIT_BITS.pan;
        }
        break;
      case 5:
        // 0 then [6-9] and nine more digits, as 6 + 5 joined by a space or dash.
        if (
          len1 === 6 && (sep === 32 || sep === 45) &&
          bytes[start1] === 48 && bytes[start1 + 1] >= 54
        ) mask |= TRAIT_BITS.phone_in;
        break;
      case 6:
        if (upper2) mask |= TRAIT_BITS.nino;
        break;
      case 7:
        if (
          isLetter(before) &&
          NRIC_SERIES.includes(String.fromCharCode(before)) && isLetter(after)
        ) mask |= TRAIT_BITS.nric;
        // X/Y/Z + ddddddd + capital (NIE).
        if (
          isUpper(after) && (before === 88 || before === 89 || before === 90)
        ) {
          mask |= TRAIT_BITS.dni;
        }
        break;
      case 8:
        // dddddddd + capital (DNI).
        if (isUpper(after)) mask |= TRAIT_BITS.dni;
        break;
      case 11:
        // 0 then [6-9] and nine more digits in one run.
        if (bytes[s] === 48 && bytes[s + 1] >= 54) mask |= TRAIT_BITS.phone_in;
        break;
    }
    // National phone layouts: a group of 4 joined to one of 3-5 before it
    // (090-1234-5678, 138 1234 5678, (11) 98765-4321), 7-8 digits after a
    // short group starting with 0 (0176/12345678, 06-12345678), ddd-dd-dd
    // ((912) 345-67-89), or a 0-led chain of single-spaced runs (06 12 34 56 78).
    if (sep === 32 || sep === 45 || sep === 47) {
      if (
        (len === 4 && len1 >= 3 && len1 <= 5) ||
        ((len === 7 || len === 8) && len1 <= 4 && bytes[start1] === 48) ||
        (len === 2 && len1 === 2 && len2 === 3 && sep === 45)
      ) mask |= TRAIT_BITS.phone_nat;
    }
    if (zeroChain >= 10) mask |= TRAIT_BITS.phone_nat;
    len2 = len1;
    len1 = len;
    start2 = start1;
    start1 = s;
    sep1 = sep;
    prevEnd = e;
    s = nextDigit(bytes, e, n);
  }
  return mask;
}

/** A digit then a space or dash just before `s` (the grouped Aadhaar's `\d[ -]` lookbehind). */
function groupedBefore(bytes: Uint8Array, s: number): boolean {
  if (s < 2) return false;
  const b = bytes[s - 1];
  return (b === 32 || b === 45) && bytes[s - 2] >= 48 && bytes[s - 2] <= 57;
}

/** What the grouped Aadhaar's right context `(?![\w-]|[.:/]\d|[ -]\d)` rejects at `e`, the end of a digit run. */
function groupedAfter(bytes: Uint8Array, e: number, n: number): boolean {
  if (e >= n) return false;
  const b = bytes[e];
  if (b === 45 || b === 95 || isLetter(b)) return true;
  if (b !== 32 && b !== 46 && b !== 58 && b !== 47) return false;
  return e + 1 < n && bytes[e + 1] >= 48 && bytes[e + 1] <= 57;
}

const isHex = (b: number): boolean =>
  (b >= 48 && b <= 57) || (b >= 65 && b <= 70) || (b >= 97 && b <= 102);

/**
 * Whether the text holds eight groups of 1–4 hex digits joined by single
 * colons (an IPv6 address written out in full), read from its colons only
 * (a native search): seven colons in a row, each 2–5 bytes after the one
 * before with hex digits between, a hex digit before the first and one to
 * four after the last, then no hex digit.
 */
function ipv6Full(bytes: Uint8Array, n: number, text?: string): boolean {
  const colon = text === undefined
    ? (i: number) => bytes.indexOf(58, i)
    : (i: number) => text.indexOf(":", i);
  let joined = 0;
  let prev = -10;
  for (let c = colon(0); c >= 0; c = colon(c + 1)) {
    const gap = c - prev;
    if (joined > 0 && gap >= 2 && gap <= 5 && allHex(bytes, prev + 1, c)) {
      joined++;
    } else joined = c > 0 && isHex(bytes[c - 1]) ? 1 : 0;
    prev = c;
    if (joined >= 7) {
      let t = c + 1;
      while (t < n && t - c <= 5 && isHex(bytes[t])) t++;
      const tail = t - c - 1;
      if (tail >= 1 && tail <= 4 && (t >= n || !isHex(bytes[t]))) return true;
    }
  }
  return false;
}

let foldBuffer = new Uint8Array(0);

/**
 * {@link textTraits} of a text that is not all ASCII, read from its code
 * units with every non-ASCII one folded to an ASCII control code that the
 * keyword-less kinds' patterns treat alike: a Unicode space to form feed
 * (`\s`, not a line end), any other character to 0x01 (neither `\w`, `\d`,
 * `\s` nor a separator). Without `u`, no pattern matches a non-ASCII
 * character as a digit, letter or separator, so a match in the text is a
 * match in the folded text and its condition holds there
 * (`traits_test.ts` checks that no such pattern names either control code
 * or a non-ASCII character). A text with U+2028/U+2029 (line ends that `.`
 * does not match but no ASCII code stands for) gets every condition.
 */
export function foldedTraits(text: string, cardAt?: number[]): number {
  const n = text.length;
  if (foldBuffer.length < n) {
    foldBuffer = new Uint8Array(Math.max(n, foldBuffer.length * 2));
  }
  const out = foldBuffer.subarray(0, n);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) out[i] = c;
    else if (c === 0x2028 || c === 0x2029) return -1;
    else out[i] = isUnicodeSpace(c) ? 12 : 1;
  }
  return textTraits(out, text, cardAt) | TRAIT_BITS.non_ascii;
}

/** Whether a non-ASCII code unit is white space to a regex `\s`. */
function isUnicodeSpace(c: number): boolean {
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Whether every byte in [a, b) is a hex digit. */
function allHex(bytes: Uint8Array, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (!isHex(bytes[i])) return false;
  return true;
}
