/**
 * Check rules of national identity numbers of further countries, each by
 * its published algorithm: China's resident identity number (ISO 7064 MOD
 * 11-2 and a birth date), the Dutch BSN (elfproef), Poland's PESEL, the
 * French NIR (key 97 - n mod 97, Corsica 2A/2B), South Africa's identity
 * number (birth date, Luhn), Korea's resident registration number (birth
 * date and sex digit; the old check digit is not required, numbers issued
 * since 2020 have none), Japan's My Number, Germany's tax id (ISO 7064 MOD
 * 11,10), Australia's Medicare number and Mexico's CURP; and shape checks of
 * labelled driving licence, medical record and UK sort code values.
 *
 * @module
 */

import { luhnValid } from "./checksums.ts";

const digitsOf = (v: string): string => v.replace(/[\s.-]/g, "");

/** Whether year/month/day form a calendar date. */
function dateOk(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [
    31,
    y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ];
  return d <= days[m - 1];
}

/** China: 17 digits, a check character (MOD 11-2), a birth date at positions 7–14. */
export function chinaIdValid(v: string): boolean {
  const s = v.replace(/\s/g, "").toUpperCase();
  if (!/^[1-9]\d{16}[\dX]$/.test(s)) return false;
  const y = Number(s.slice(6, 10));
  if (y < 1900 || y > 2030) return false;
  if (!dateOk(y, Number(s.slice(10, 12)), Number(s.slice(12, 14)))) {
    return false;
  }
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (s.charCodeAt(i) - 48) * w[i];
  return "10X98765432"[sum % 11] === s[17];
}

/** Netherlands BSN: 9 digits passing the elfproef (weights 9..2 and -1). */
export function bsnValid(v: string): boolean {
  const s = digitsOf(v);
  if (!/^\d{9}$/.test(s) || /^(\d)\1+$/.test(s)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (s.charCodeAt(i) - 48) * (9 - i);
  sum -= s.charCodeAt(8) - 48;
  return sum % 11 === 0;
}

/** Poland PESEL: 11 digits, a birth date (century in the month), weighted check digit. */
export function peselValid(v: string): boolean {
  const s = digitsOf(v);
  if (!/^\d{11}$/.test(s)) return false;
  const mm = Number(s.slice(2, 4));
  const centuries: Record<number, number> = {
    0: 1900,
    20: 2000,
    40: 2100,
    60: 2200,
    80: 1800,
  };
  const off = Math.floor((mm - 1) / 20) * 20;
  const century = centuries[off];
  if (century === undefined) return false;
  const y = century + Number(s.slice(0, 2));
  if (!dateOk(y, mm - off, Number(s.slice(4, 6)))) return false;
  const w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += (s.charCodeAt(i) - 48) * w[i];
  return (10 - (sum % 10)) % 10 === s.charCodeAt(10) - 48;
}

/** France NIR: sex digit, 12 more (Corsica 2A/2B), and the key 97 - (number mod 97). */
export function nirValid(v: string): boolean {
  const s = v.replace(/[\s.-]/g, "").toUpperCase();
  if (!/^[1-478]\d{4}(?:\d{2}|2A|2B)\d{6}\d{2}$/.test(s)) return false;
  const m = Number(s.slice(3, 5));
  if (!((m >= 1 && m <= 12) || (m >= 20 && m <= 42) || m >= 50)) return false;
  const body = s.slice(0, 13).replace("2A", "19").replace("2B", "18");
  let r = 0;
  for (let i = 0; i < body.length; i++) {
    r = (r * 10 + body.charCodeAt(i) - 48) % 97;
  }
  return 97 - r === Number(s.slice(13));
}

/** South Africa: YYMMDD, 4 digits, citizenship 0-2, a digit, Luhn check. */
export function zaIdValid(v: string): boolean {
  const s = digitsOf(v);
  if (!/^\d{13}$/.test(s)) return false;
  if (
    !dateOk(
      2000 + Number(s.slice(0, 2)),
      Number(s.slice(2, 4)),
      Number(s.slice(4, 6)),
    )
  ) return false;
  if (s[10] > "2") return false;
  return luhnValid(s);
}

/** Korea RRN: YYMMDD-SNNNNNN with a sex/century digit 1-8 and a birth date. */
export function krRrnValid(v: string): boolean {
  const s = digitsOf(v);
  if (!/^\d{6}[1-8]\d{6}$/.test(s)) return false;
  const c = s[6];
  const century = c === "1" || c === "2" || c === "5" || c === "6"
    ? 1900
    : 2000;
  return dateOk(
    century + Number(s.slice(0, 2)),
    Number(s.slice(2, 4)),
    Number(s.slice(4, 6)),
  );
}

/** Japan My Number: 11 digits and the check digit of the published weights. */
export function myNumberValid(v: string): boolean {
  const s = digitsOf(v);
  if (!/^\d{12}$/.test(s) || /^(\d)\1+$/.test(s)) return false;
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    const p = s.charCodeAt(11 - n) - 48;
    sum += p * (n <= 6 ? n + 1 : n - 5);
  }
  const r = sum % 11;
  return (r <= 1 ? 0 : 11 - r) === s.charCodeAt(11) - 48;
}

/** Germany Steuer-ID: 11 digits, not starting 0, ISO 7064 MOD 11,10 check digit. */
export function deTaxIdValid(v: string): boolean {
  const s = digitsOf(v);
  if (!/^[1-9]\d{10}$/.test(s)) return false;
  let product = 10;
  for (let i = 0; i < 10; i++) {
    let sum = (s.charCodeAt(i) - 48 + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  let check = 11 - product;
  if (check === 10) check = 0;
  return check === s.charCodeAt(10) - 48;
}

/** Australia Medicare: first digit 2-6, weighted check digit 9th, issue number (and IRN) after. */
export function medicareValid(v: string): boolean {
  const s = digitsOf(v).replace(/\//g, "");
  if (!/^[2-6]\d{9,10}$/.test(s)) return false;
  const w = [1, 3, 7, 9, 1, 3, 7, 9];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (s.charCodeAt(i) - 48) * w[i];
  return sum % 10 === s.charCodeAt(8) - 48;
}

const CURP_CHARS = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ";

/** Mexico CURP: 4 letters, YYMMDD, sex, state, 3 consonants, a differentiator and the check digit. */
export function curpValid(v: string): boolean {
  const s = v.toUpperCase();
  if (!/^[A-Z]{4}\d{6}[HMX][A-Z]{5}[0-9A-Z]\d$/.test(s)) return false;
  if (
    !dateOk(
      2000 + Number(s.slice(4, 6)),
      Number(s.slice(6, 8)),
      Number(s.slice(8, 10)),
    )
  ) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CURP_CHARS.indexOf(s[i]) * (18 - i);
  return (10 - (sum % 10)) % 10 === s.charCodeAt(17) - 48;
}

/** A labelled identifier (driving licence, medical record number): 5–18 characters with 5+ digits, not a date or one repeated character. */
export function labelledIdValid(v: string): boolean {
  const s = v.replace(/[\s-]/g, "");
  if (s.length < 5 || s.length > 18) return false;
  if ((s.match(/\d/g) ?? []).length < 5) return false;
  if (/^(.)\1+$/.test(s)) return false;
  return !/^\d{4}-\d{2}-\d{2}$|^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$/.test(v);
}

/** A UK sort code: three pairs of digits, not all zero. */
export function sortCodeValid(v: string): boolean {
  const s = digitsOf(v).replace(/[,/]/g, "");
  // A sort code, or a sort code with its 8-digit account number.
  return /^\d{6}(?:\d{8})?$/.test(s) && !s.startsWith("000000");
}

/** True when a CNPJ (14 digits, dots, slash and dash optional) has both mod-11 check digits right and is not one digit repeated. */
export function cnpjValid(v: string): boolean {
  const d = v.replace(/[./-]/g, "");
  if (!/^\d{14}$/.test(d) || /^(\d)\1+$/.test(d)) return false;
  const dv = (n: number) => {
    let s = 0;
    for (let i = 0; i < n; i++) {
      s += (d.charCodeAt(i) - 48) * [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2][
        i + 13 - n
      ];
    }
    const m = s % 11;
    return m < 2 ? 0 : 11 - m;
  };
  return dv(12) === d.charCodeAt(12) - 48 && dv(13) === d.charCodeAt(13) - 48;
}
