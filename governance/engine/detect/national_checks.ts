/**
 * Check rules of further national identity and tax numbers, each by its
 * published algorithm, for the labelled kinds of `policies/pii_checkdigit.ts`:
 * Denmark's CPR (birth date; the mod-11 rule is not required, numbers since
 * 2007 may fail it), Finland's henkilötunnus (birth date, century sign,
 * mod-31 check character), Portugal's NIF (mod 11), Belgium's national
 * number (birth date, 97 - n mod 97, with the 2000s rule), Ireland's PPS
 * number (weighted mod 23 letter), Chile's RUT (mod 11, K), Israel's Teudat
 * Zehut (Luhn-style), Australia's TFN (weighted mod 11), Norway's
 * fødselsnummer (birth date, two mod-11 digits), Turkey's T.C. Kimlik No,
 * Croatia's OIB (ISO 7064 MOD 11,10) and Romania's CNP (birth date, weights
 * 279146358279). A number the issuer's docs print as an example is no
 * finding where the output reads as docs or tests.
 *
 * @module
 */

import type { Validator } from "./sensitive_spec.ts";
import { documentedValue } from "./documentation.ts";

const digitsOf = (v: string): string => v.replace(/[\s.-]/g, "");
const nums = (s: string): number[] => {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i) - 48);
  return out;
};
const weighted = (d: readonly number[], w: readonly number[]): number => {
  let s = 0;
  for (let i = 0; i < w.length; i++) s += d[i] * w[i];
  return s;
};

/** Whether day/month form a date of some year (29 February allowed). */
function dayMonthOk(d: number, m: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

/** One digit repeated: a filler, not a number anyone holds. */
const repeated = (s: string): boolean => /^(\d)\1+$/.test(s);

/** Denmark CPR: DDMMYY-SSSS with a real day and month. */
export function dkCprValid(v: string): boolean {
  const s = digitsOf(v);
  if (!/^\d{10}$/.test(s) || repeated(s)) return false;
  return dayMonthOk(Number(s.slice(0, 2)), Number(s.slice(2, 4)));
}

const HETU_CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY";

/** Finland henkilötunnus: DDMMYY, century sign, three digits, mod-31 check character. */
export function fiHetuValid(v: string): boolean {
  const m = /^(\d{6})([-+A-FU-Y])(\d{3})([0-9A-Y])$/i.exec(v.trim());
  if (m === null) return false;
  if (!dayMonthOk(Number(m[1].slice(0, 2)), Number(m[1].slice(2, 4)))) {
    return false;
  }
  return HETU_CHECK[Number(m[1] + m[3]) % 31] === m[4].toUpperCase();
}

/** Portugal NIF of a person: nine digits (first 1-3, 45 a non-resident, 8 a sole trader; 5, 6 and 9 are companies and bodies, no one's data), mod-11 check digit. */
export function ptNifValid(v: string): boolean {
  const s = digitsOf(v);
  if (!/^(?:[1238]|45)\d{7,8}$/.test(s) || s.length !== 9 || repeated(s)) {
    return false;
  }
  const c = 11 - (weighted(nums(s), [9, 8, 7, 6, 5, 4, 3, 2]) % 11);
  return (c >= 10 ? 0 : c) === s.charCodeAt(8) - 48;
}

/** Belgium national number: YYMMDD (month/day 0 allowed), serial, 97 - n mod 97 (2 prefixed for the 2000s). */
export function beNnValid(v: string): boolean {
  const s = digitsOf(v);
  if (!/^\d{11}$/.test(s) || repeated(s)) return false;
  const m = Number(s.slice(2, 4)) % 20, d = Number(s.slice(4, 6));
  if (m > 12 || d > 31) return false;
  const body = Number(s.slice(0, 9));
  const c = Number(s.slice(9));
  return 97 - (body % 97) === c || 97 - ((2e9 + body) % 97) === c;
}

const PPS_LETTERS = "WABCDEFGHIJKLMNOPQRSTUV";

/** Ireland PPS: seven digits, a check letter (weights 8..2, mod 23), optional second letter (A, B, H, W...). */
export function iePpsValid(v: string): boolean {
  const m = /^(\d{7})([A-W])([A-IW]?)$/i.exec(v.replace(/\s/g, ""));
  if (m === null || repeated(m[1])) return false;
  let s = weighted(nums(m[1]), [8, 7, 6, 5, 4, 3, 2]);
  const second = m[3].toUpperCase();
  if (second !== "" && second !== "W") s += 9 * (second.charCodeAt(0) - 64);
  return PPS_LETTERS[s % 23] === m[2].toUpperCase();
}

/** Chile RUT/RUN: 7-8 digits, a verifier digit or K (mod 11). */
export function clRutValid(v: string): boolean {
  const m = /^(\d{1,2}(?:\.?\d{3}){2})-?([\dK])$/i.exec(v.trim());
  if (m === null) return false;
  const body = m[1].replace(/\./g, "");
  if (repeated(body)) return false;
  let s = 0;
  for (let i = body.length - 1, k = 0; i >= 0; i--, k++) {
    s += (body.charCodeAt(i) - 48) * (2 + (k % 6));
  }
  const c = 11 - (s % 11);
  return (c === 11 ? "0" : c === 10 ? "K" : String(c)) ===
    m[2].toUpperCase();
}

/** Israel Teudat Zehut: nine digits (shorter ones padded), alternate doubling, sum mod 10 = 0. */
export function ilIdValid(v: string): boolean {
  const raw = digitsOf(v);
  if (!/^\d{5,9}$/.test(raw)) return false;
  const s = raw.padStart(9, "0");
  if (repeated(s)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    const p = (s.charCodeAt(i) - 48) * (i % 2 === 0 ? 1 : 2);
    sum += p > 9 ? p - 9 : p;
  }
  return sum % 10 === 0;
}

/** Australia TFN: nine digits, weights 1 4 3 7 5 8 6 9 10, sum mod 11 = 0. */
export function auTfnValid(v: string): boolean {
  const s = digitsOf(v);
  if (!/^\d{9}$/.test(s) || repeated(s)) return false;
  return weighted(nums(s), [1, 4, 3, 7, 5, 8, 6, 9, 10]) % 11 === 0;
}

/** The mod-11 check digit 11 - sum mod 11 (11 reads 0; 10 is no digit). */
function mod11(d: readonly number[], w: readonly number[]): number {
  const c = 11 - (weighted(d, w) % 11);
  return c === 11 ? 0 : c;
}

/** Norway fødselsnummer / D-number: DDMMYY (day +40 for a D-number), three digits, two mod-11 digits. */
export function noFnrValid(v: string): boolean {
  const s = digitsOf(v);
  if (!/^\d{11}$/.test(s) || repeated(s)) return false;
  const d = nums(s);
  const day = Number(s.slice(0, 2)) % 40;
  if (!dayMonthOk(day, Number(s.slice(2, 4)) % 40)) return false;
  return mod11(d, [3, 7, 6, 1, 8, 9, 4, 5, 2]) === d[9] &&
    mod11(d, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) === d[10];
}

/** Turkey T.C. Kimlik No: 11 digits, no leading 0, the two check digits. */
export function trTcknValid(v: string): boolean {
  const s = digitsOf(v);
  if (!/^[1-9]\d{10}$/.test(s) || repeated(s)) return false;
  const d = nums(s);
  const odd = d[0] + d[2] + d[4] + d[6] + d[8];
  const even = d[1] + d[3] + d[5] + d[7];
  if ((((odd * 7 - even) % 10) + 10) % 10 !== d[9]) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += d[i];
  return sum % 10 === d[10];
}

/** Croatia OIB: 11 digits, ISO 7064 MOD 11,10. */
export function hrOibValid(v: string): boolean {
  const s = digitsOf(v);
  if (!/^\d{11}$/.test(s) || repeated(s)) return false;
  let t = 10;
  for (let i = 0; i < 10; i++) {
    t = (t + s.charCodeAt(i) - 48) % 10;
    if (t === 0) t = 10;
    t = (t * 2) % 11;
  }
  return (11 - t) % 10 === s.charCodeAt(10) - 48;
}

/** Romania CNP: sex/century 1-9, YYMMDD, county, serial, weighted mod-11 digit (10 reads 1). */
export function roCnpValid(v: string): boolean {
  const s = digitsOf(v);
  if (!/^[1-9]\d{12}$/.test(s)) return false;
  if (!dayMonthOk(Number(s.slice(5, 7)), Number(s.slice(3, 5)))) return false;
  const c = weighted(nums(s), [2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9]) % 11;
  return (c === 10 ? 1 : c) === s.charCodeAt(12) - 48;
}

/** Numbers the issuers' and vendors' docs print as examples (compact, upper case). */
const EXAMPLES = new Set([
  "123456782", // ATO's TFN
  "131052308T", // Finland's DVV
  "123456785", // Chile's SII (12.345.678-5)
  "123456789", // Portugal's AT
  "000000018", // Israel
  "10000000146", // Turkey
  "93051822361", // Belgium
  "1234567T", // Ireland
  "69435151530", // Croatia
]);

/** A validator that also turns down a documented example where the output reads as docs or tests (see `documentation.ts`). */
function checked(f: (v: string) => boolean): Validator {
  return (v, ctx) =>
    f(v) &&
    !(EXAMPLES.has(v.replace(/[\s.-]/g, "").toUpperCase()) &&
      documentedValue(ctx.text, ctx.start, ctx.end));
}

/** The validators above by the catalogue's validator names. */
export const NATIONAL_CHECKS: Readonly<
  Record<
    | "dk_cpr"
    | "fi_hetu"
    | "pt_nif"
    | "be_nn"
    | "ie_pps"
    | "cl_rut"
    | "il_id"
    | "au_tfn"
    | "no_fnr"
    | "tr_tckn"
    | "hr_oib"
    | "ro_cnp",
    Validator
  >
> = {
  dk_cpr: checked(dkCprValid),
  fi_hetu: checked(fiHetuValid),
  pt_nif: checked(ptNifValid),
  be_nn: checked(beNnValid),
  ie_pps: checked(iePpsValid),
  cl_rut: checked(clRutValid),
  il_id: checked(ilIdValid),
  au_tfn: checked(auTfnValid),
  no_fnr: checked(noFnrValid),
  tr_tckn: checked(trTcknValid),
  hr_oib: checked(hrOibValid),
  ro_cnp: checked(roCnpValid),
};
