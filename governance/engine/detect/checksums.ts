/**
 * Check-digit and structure rules for identifiers and a Shannon entropy
 * helper. Pure functions over strings; callers strip separators first unless
 * a function says otherwise.
 *
 * @module
 */

import { sha256 } from "../sha256.ts";

/** True when `digits` (only 0-9) passes the Luhn mod-10 check. */
export function luhnValid(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** The Luhn check digit to append to `payload` (digits only). */
export function luhnCheckDigit(payload: string): string {
  for (let d = 0; d <= 9; d++) {
    if (luhnValid(payload + d)) return String(d);
  }
  throw new Error("unreachable");
}

const VERHOEFF_D: readonly (readonly number[])[] = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const VERHOEFF_P: readonly (readonly number[])[] = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];
const VERHOEFF_INV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];

function verhoeffState(digits: string, shift: number): number {
  let c = 0;
  for (let i = 0; i < digits.length; i++) {
    const d = digits.charCodeAt(digits.length - 1 - i) - 48;
    c = VERHOEFF_D[c][VERHOEFF_P[(i + shift) % 8][d]];
  }
  return c;
}

/** True when `digits` (only 0-9, check digit last) passes the Verhoeff check. */
export function verhoeffValid(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  return verhoeffState(digits, 0) === 0;
}

/** The Verhoeff check digit to append to `payload` (digits only). */
export function verhoeffCheckDigit(payload: string): string {
  return String(VERHOEFF_INV[verhoeffState(payload, 1)]);
}

/** IBAN length per country code (ISO 13616 registry). */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24,
  AE: 23,
  AL: 28,
  AT: 20,
  AZ: 28,
  BA: 20,
  BE: 16,
  BG: 22,
  BH: 22,
  BI: 27,
  BR: 29,
  BY: 28,
  CH: 21,
  CR: 22,
  CY: 28,
  CZ: 24,
  DE: 22,
  DJ: 27,
  DK: 18,
  DO: 28,
  EE: 20,
  EG: 29,
  ES: 24,
  FI: 18,
  FK: 18,
  FO: 18,
  FR: 27,
  GB: 22,
  GE: 22,
  GI: 23,
  GL: 18,
  GR: 27,
  GT: 28,
  HR: 21,
  HU: 28,
  IE: 22,
  IL: 23,
  IQ: 23,
  IS: 26,
  IT: 27,
  JO: 30,
  KW: 30,
  KZ: 20,
  LB: 28,
  LC: 32,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  LY: 25,
  MC: 27,
  MD: 24,
  ME: 22,
  MK: 19,
  MN: 20,
  MR: 27,
  MT: 31,
  MU: 30,
  NI: 28,
  NL: 18,
  NO: 15,
  OM: 23,
  PK: 24,
  PL: 28,
  PS: 29,
  PT: 25,
  QA: 29,
  RO: 24,
  RS: 22,
  RU: 33,
  SA: 24,
  SC: 31,
  SD: 18,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  SO: 23,
  ST: 25,
  SV: 28,
  TL: 23,
  TN: 24,
  TR: 26,
  UA: 29,
  VA: 22,
  VG: 24,
  XK: 20,
  YE: 30,
};

/** ISO 7064 mod 97 of an alphanumeric string (letters count A=10 ... Z=35). */
export function mod97(alnum: string): number {
  let rem = 0;
  for (let i = 0; i < alnum.length; i++) {
    const c = alnum.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      rem = (rem * 10 + (c - 48)) % 97;
    } else if (c >= 65 && c <= 90) {
      rem = (rem * 100 + (c - 55)) % 97;
    } else {
      return -1;
    }
  }
  return rem;
}

/** True when `iban` (spaces allowed) has a known country, its length and mod-97 == 1. */
export function ibanValid(iban: string): boolean {
  const s = iban.replace(/[\s-]/g, "").toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(s)) return false;
  if (IBAN_LENGTHS[s.slice(0, 2)] !== s.length) return false;
  return mod97(s.slice(4) + s.slice(0, 4)) === 1;
}

/** Two check digits making `country + checks + bban` a valid IBAN. */
export function ibanCheckDigits(country: string, bban: string): string {
  const r = mod97(bban.toUpperCase() + country.toUpperCase() + "00");
  return String(98 - r).padStart(2, "0");
}

const NRIC_WEIGHTS = [2, 7, 6, 5, 4, 3, 2];

/** The check letter for a Singapore NRIC/FIN with `prefix` (S, T, F, G, M) and 7 digits. */
export function nricCheckLetter(prefix: string, digits: string): string {
  let sum = 0;
  for (let i = 0; i < 7; i++) {
    sum += (digits.charCodeAt(i) - 48) * NRIC_WEIGHTS[i];
  }
  switch (prefix) {
    case "S":
      return "JZIHGFEDCBA"[sum % 11];
    case "T":
      return "JZIHGFEDCBA"[(sum + 4) % 11];
    case "F":
      return "XWUTRQPNMLK"[sum % 11];
    case "G":
      return "XWUTRQPNMLK"[(sum + 4) % 11];
    case "M":
      return "KLJNPQRTUWX"[10 - ((sum + 3) % 11)];
    default:
      return "";
  }
}

/** True when `id` is a Singapore NRIC/FIN (S/T/F/G/M series) with the right check letter. */
export function nricValid(id: string): boolean {
  const s = id.toUpperCase();
  if (!/^[STFGM]\d{7}[A-Z]$/.test(s)) return false;
  return nricCheckLetter(s[0], s.slice(1, 8)) === s[8];
}

const FAKE_SSNS = new Set(["078051120", "219099999"]);

/**
 * True when a US SSN's 9 digits follow the SSA's rules: area not 000, 666 or
 * 900-999, group not 00, serial not 0000, not a famous published fake, and
 * not all one digit.
 */
export function ssnValid(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  const area = Number(digits.slice(0, 3));
  if (area === 0 || area === 666 || area >= 900) return false;
  if (digits.slice(3, 5) === "00" || digits.slice(5) === "0000") return false;
  if (FAKE_SSNS.has(digits)) return false;
  return !/^(\d)\1{8}$/.test(digits);
}

/** True when `pan` has India's PAN shape: 5 letters (4th an entity type), 4 digits, a letter. */
export function panValid(pan: string): boolean {
  return /^[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z]$/.test(pan);
}

/** True when a 9-digit US ABA routing number has a valid prefix and checksum. */
export function abaValid(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  const p = Number(digits.slice(0, 2));
  const prefixOk = p <= 12 || (p >= 21 && p <= 32) || (p >= 61 && p <= 72) ||
    p === 80;
  if (!prefixOk) return false;
  const d = (i: number) => digits.charCodeAt(i) - 48;
  const sum = 3 * (d(0) + d(3) + d(6)) + 7 * (d(1) + d(4) + d(7)) +
    (d(2) + d(5) + d(8));
  return sum % 10 === 0;
}

const COUNTS = new Uint32Array(65536);

/** Strings up to this length read their entropy terms from {@link TERMS}. */
const TERM_MAX = 64;
/**
 * `p * Math.log2(p)` for `p = k / n` at `[n * (TERM_MAX + 1) + k]`, each row
 * `n` filled on first use (the same expression, so the same numbers).
 */
const TERMS = new Float64Array((TERM_MAX + 1) * (TERM_MAX + 1));
const TERM_ROWS = new Uint8Array(TERM_MAX + 1);

function termRow(n: number): number {
  const row = n * (TERM_MAX + 1);
  if (TERM_ROWS[n] === 0) {
    for (let k = 1; k <= n; k++) {
      const p = k / n;
      TERMS[row + k] = p * Math.log2(p);
    }
    TERM_ROWS[n] = 1;
  }
  return row;
}

/** Shannon entropy of `s` in bits per character (0 for empty). */
export function shannonEntropy(s: string): number {
  const n = s.length;
  if (n === 0) return 0;
  for (let i = 0; i < n; i++) COUNTS[s.charCodeAt(i)]++;
  let h = 0;
  if (n <= TERM_MAX) {
    const row = termRow(n);
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      const k = COUNTS[c];
      if (k === 0) continue;
      h -= TERMS[row + k];
      COUNTS[c] = 0;
    }
    return h;
  }
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    const k = COUNTS[c];
    if (k === 0) continue;
    const p = k / n;
    h -= p * Math.log2(p);
    COUNTS[c] = 0;
  }
  return h;
}

/** True when a Brazilian CPF (11 digits, punctuation allowed) has both mod-11 check digits right and is not one repeated digit. */
export function cpfValid(cpf: string): boolean {
  const d = cpf.replace(/[.\- ]/g, "");
  if (!/^\d{11}$/.test(d) || /^(\d)\1{10}$/.test(d)) return false;
  for (let n = 9; n <= 10; n++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += (d.charCodeAt(i) - 48) * (n + 1 - i);
    const check = (sum * 10) % 11 % 10;
    if (check !== d.charCodeAt(n) - 48) return false;
  }
  return true;
}

/** True when a Canadian Social Insurance Number (9 digits, spaces or dashes allowed) passes Luhn and does not start with 0 or 8. */
export function sinValid(sin: string): boolean {
  const d = sin.replace(/[ -]/g, "");
  if (!/^[1-79]\d{8}$/.test(d)) return false;
  return luhnValid(d);
}

const DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";

/** True when a Spanish DNI (8 digits + letter) or NIE (X/Y/Z + 7 digits + letter) has the right mod-23 letter. */
export function dniValid(id: string): boolean {
  const s = id.replace(/[ -]/g, "").toUpperCase();
  const m = /^([XYZ]?)(\d{7,8})([A-Z])$/.exec(s);
  if (m === null) return false;
  if ((m[1] === "") !== (m[2].length === 8)) return false;
  // An NIE's letter stands for a leading digit: X 0, Y 1, Z 2.
  const lead = m[1] === "" ? "" : String("XYZ".indexOf(m[1]));
  const n = Number(lead + m[2]);
  return DNI_LETTERS[n % 23] === m[3];
}

/** True when a UK NHS number (10 digits, spaces or dashes allowed) has the right mod-11 check digit and is not one repeated digit. */
export function nhsValid(nhs: string): boolean {
  const d = nhs.replace(/[ -]/g, "");
  if (!/^\d{10}$/.test(d) || /^(\d)\1{9}$/.test(d)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (d.charCodeAt(i) - 48) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === d.charCodeAt(9) - 48;
}

/** Values of the characters in odd positions of a codice fiscale (A-Z; a digit counts as the letter of its value). */
const CF_ODD = [
  1,
  0,
  5,
  7,
  9,
  13,
  15,
  17,
  19,
  21,
  2,
  4,
  18,
  20,
  11,
  3,
  6,
  8,
  12,
  14,
  16,
  10,
  22,
  25,
  24,
  23,
];

/** True when an Italian codice fiscale (16 characters) has the right check letter. */
export function codiceFiscaleValid(cf: string): boolean {
  const s = cf.toUpperCase();
  if (!/^[A-Z0-9]{15}[A-Z]$/.test(s)) return false;
  return s[15] === codiceFiscaleCheckLetter(s.slice(0, 15));
}

/** The check letter of the first 15 characters (upper-case letters and digits) of an Italian codice fiscale. */
export function codiceFiscaleCheckLetter(first15: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const c = first15.charCodeAt(i);
    const n = c <= 57 ? c - 48 : c - 65;
    sum += i % 2 === 0 ? CF_ODD[n] : n;
  }
  return String.fromCharCode(65 + sum % 26);
}

/** True when a Swedish personnummer (YYMMDD-NNNC, YYYYMMDD-NNNC, - or +) has a valid date and Luhn digit. */
export function personnummerValid(pnr: string): boolean {
  const m = /^(?:\d{2})?(\d{2})(\d{2})(\d{2})[-+](\d{4})$/.exec(pnr);
  if (m === null) return false;
  const month = Number(m[2]);
  // Coordination numbers add 60 to the day.
  const day = Number(m[3]) > 60 ? Number(m[3]) - 60 : Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  return luhnValid(m[1] + m[2] + m[3] + m[4]);
}

/**
 * Whether word indexes (0 to 2047 each; 12, 15, 18, 21 or 24 of them) carry
 * a valid BIP-39 checksum: the last bits are the first bits of the SHA-256
 * of the entropy the other bits spell.
 */
export function bip39ChecksumValid(indexes: readonly number[]): boolean {
  const n = indexes.length;
  if (n < 12 || n > 24 || n % 3 !== 0) return false;
  const totalBits = n * 11;
  const csBits = n / 3;
  const entBytes = (totalBits - csBits) / 8;
  const bits = new Uint8Array(totalBits);
  for (let i = 0; i < n; i++) {
    const x = indexes[i];
    if (x < 0 || x > 2047) return false;
    for (let k = 0; k < 11; k++) bits[i * 11 + k] = (x >> (10 - k)) & 1;
  }
  const ent = new Uint8Array(entBytes);
  for (let i = 0; i < entBytes * 8; i++) {
    ent[i >> 3] |= bits[i] << (7 - (i & 7));
  }
  const hash = sha256(ent);
  for (let i = 0; i < csBits; i++) {
    if (bits[entBytes * 8 + i] !== ((hash[i >> 3] >> (7 - (i & 7))) & 1)) {
      return false;
    }
  }
  return true;
}
