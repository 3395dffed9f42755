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
  | "ipv6_full";

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
};

const isUpper = (b: number): boolean => b >= 65 && b <= 90;
const isLetter = (b: number): boolean => isUpper(b) || (b >= 97 && b <= 122);

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
  const sep = (x: number) => x === 32 || x === 58 || x === 10 || x === 13;
  if (b - a === 1) return letter || sep(c);
  return letter && sep(bytes[a + 1]);
}

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
 * before it that are joined to it by one separator character.
 */
export function textTraits(bytes: Uint8Array): number {
  const n = bytes.length;
  let mask = 0;
  /** Digits in the current chain of runs joined by one card separator. */
  let dashChain = 0;
  /** Digits in the current chain of runs joined by single spaces. */
  let spaceChain = 0;
  /** Characters in the current chain of runs joined by at most two of `[a-fA-F :\r\n]` (hex of printable text). */
  let hexChain = 0;
  /** Dots in the current chain of runs joined by single dots. */
  let dots = 0;
  // The previous two runs: lengths, and the separator before each (0: not joined).
  let prevEnd = -2;
  let len1 = 0, sep1 = 0;
  let len2 = 0;
  /** End of the last stretch read for a written-out IPv6 address. */
  let ipv6Read = -1;
  for (let s = nextDigit(bytes, 0, n); s < n;) {
    const e = runEnd(bytes, s, n);
    const len = e - s;
    if (len <= 4 && s >= ipv6Read && (mask & TRAIT_BITS.ipv6_full) === 0) {
      const end = ipv6Around(bytes, s, e, n);
      if (end < 0) mask |= TRAIT_BITS.ipv6_full;
      ipv6Read = end;
    }
    const before = s > 0 ? bytes[s - 1] : 0;
    const after = e < n ? bytes[e] : 0;
    // Joined by one separator character, or by " - " (read as a dash).
    const sep = s - 1 === prevEnd
      ? before
      : s - 3 === prevEnd && before === 32 && bytes[s - 2] === 45 &&
          bytes[s - 3] === 32
      ? 45
      : 0;
    dashChain = (sep === 32 || sep === 45 || sep === 46 || sep === 95 ||
        sep === 47 || sep === 39
      ? dashChain
      : 0) + len;
    spaceChain = (sep === 32 ? spaceChain : 0) + len;
    // In hex of printable ASCII every other character is a digit 2-7, so
    // digit runs are at most two characters apart.
    const gap = s - prevEnd;
    hexChain = (gap <= 2 && hexGap(bytes, prevEnd, s) ? hexChain + gap : 0) +
      len;
    if (hexChain >= 32) mask |= TRAIT_BITS.hex;
    dots = sep === 46 ? dots + 1 : 0;
    if (dashChain >= 13) mask |= TRAIT_BITS.card;
    if (dashChain >= 12) mask |= TRAIT_BITS.aadhaar;
    // 0 then [6-9] and nine more digits, in one run or as 6 + 5 joined by a space or dash.
    if (
      (len === 11 && bytes[s] === 48 && bytes[s + 1] >= 54) ||
      (len === 5 && len1 === 6 && (sep === 32 || sep === 45) &&
        bytes[prevEnd - 6] === 48 && bytes[prevEnd - 5] >= 54)
    ) mask |= TRAIT_BITS.phone_in;
    if (spaceChain >= 10) mask |= TRAIT_BITS.phone_uk;
    if (dots >= 3) mask |= TRAIT_BITS.ipv4;
    // ddd-dd-dddd: runs of exactly 3, 2 and 4 joined by one repeated separator.
    if (
      len === 4 && len1 === 2 && len2 === 3 &&
      (sep === 32 || sep === 45 || sep === 46) && sep1 === sep
    ) mask |= TRAIT_BITS.ssn;
    // ...ddd-dddd: a run of exactly 3, then one of exactly 4, joined by [ .-].
    if (len === 4 && len1 === 3 && (sep === 32 || sep === 45 || sep === 46)) {
      mask |= TRAIT_BITS.phone_us;
    }
    if (before === 43 && bytes[s] !== 48) mask |= TRAIT_BITS.phone_intl;
    if (s >= 2 && isUpper(before) && isUpper(bytes[s - 2])) {
      if (len >= 2) mask |= TRAIT_BITS.iban;
      if (len === 6) mask |= TRAIT_BITS.nino;
    }
    // Two letters (not both capitals), two digits and a space: a spaced IBAN's start ("de89 3704").
    if (
      len === 2 && after === 32 && s >= 2 && isLetter(before) &&
      isLetter(bytes[s - 2]) && !(isUpper(before) && isUpper(bytes[s - 2]))
    ) mask |= TRAIT_BITS.iban_spaced;
    if (
      len === 2 && before === 32 && s >= 3 && isUpper(bytes[s - 2]) &&
      isUpper(bytes[s - 3])
    ) mask |= TRAIT_BITS.nino;
    if (len === 4 && s >= 5) {
      let k = 1;
      while (k <= 5 && isUpper(bytes[s - k])) k++;
      if (k > 5) mask |= TRAIT_BITS.pan;
    }
    if (
      len === 7 && isLetter(before) &&
      NRIC_SERIES.includes(String.fromCharCode(before)) && isLetter(after)
    ) {
      mask |= TRAIT_BITS.nric;
    }
    // ddd.ddd.ddd-dd: the last two runs of a formatted CPF.
    if (len === 2 && sep === 45 && len1 === 3 && sep1 === 46 && len2 === 3) {
      mask |= TRAIT_BITS.cpf;
    }
    // dddddddd + capital (DNI) or X/Y/Z + ddddddd + capital (NIE).
    if (
      isUpper(after) &&
      (len === 8 ||
        (len === 7 && (before === 88 || before === 89 || before === 90)))
    ) mask |= TRAIT_BITS.dni;
    // dddd dddd dddd or dddd-dddd-dddd.
    if (
      len === 4 && len1 === 4 && len2 === 4 && (sep === 32 || sep === 45) &&
      sep1 === sep
    ) mask |= TRAIT_BITS.aadhaar_grouped;
    // ddd ddd ddd or ddd-ddd-ddd.
    if (
      len === 3 && len1 === 3 && len2 === 3 && (sep === 32 || sep === 45) &&
      sep1 === sep
    ) mask |= TRAIT_BITS.sin;
    // YYMMDD-NNNN or YYYYMMDD-NNNN (a Swedish personnummer; + past 100 years).
    if (len === 4 && (sep === 45 || sep === 43) && (len1 === 6 || len1 === 8)) {
      mask |= TRAIT_BITS.se_pnr;
    }
    // Six capitals then two digits: how an Italian codice fiscale starts.
    if (len === 2 && s >= 6) {
      let k = 1;
      while (k <= 6 && isUpper(bytes[s - k])) k++;
      if (k > 6) mask |= TRAIT_BITS.it_cf;
    }
    len2 = len1;
    len1 = len;
    sep1 = sep;
    prevEnd = e;
    s = nextDigit(bytes, e, n);
  }
  return mask;
}

const isHex = (b: number): boolean =>
  (b >= 48 && b <= 57) || (b >= 65 && b <= 70) || (b >= 97 && b <= 102);

/**
 * Whether the hex-and-colon stretch around the digit run at `s` holds eight
 * groups of 1–4 hex digits joined by single colons (an IPv6 address written
 * out in full), and where the stretch ends. Only runs with a colon within
 * four bytes are looked at (every digit of such an address has one), and a
 * stretch is read once. Returns −1 when found, else where the stretch ends.
 */
function ipv6Around(
  bytes: Uint8Array,
  s: number,
  e: number,
  n: number,
): number {
  let near = false;
  for (let k = Math.max(0, s - 4); k < Math.min(n, e + 4); k++) {
    if (bytes[k] === 58) {
      near = true;
      break;
    }
  }
  if (!near) return e;
  let start = s;
  while (start > 0 && s - start < 40 && isHexOrColon(bytes[start - 1])) {
    start--;
  }
  let groups = 0;
  let glen = 0;
  let i = start;
  for (; i < n; i++) {
    const b = bytes[i];
    if (b === 58) {
      groups = glen >= 1 && glen <= 4 ? groups + 1 : 0;
      glen = 0;
    } else if (isHex(b)) glen++;
    else break;
    // Seven groups and their colons, then a group that ends here.
    if (
      groups >= 7 && glen >= 1 && glen <= 4 &&
      (i + 1 >= n || !isHex(bytes[i + 1]))
    ) return -1;
  }
  return i;
}

const isHexOrColon = (b: number): boolean => b === 58 || isHex(b);

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
export function foldedTraits(text: string): number {
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
  return textTraits(out);
}

/** Whether a non-ASCII code unit is white space to a regex `\s`. */
function isUnicodeSpace(c: number): boolean {
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
