/**
 * Value makers for national identifiers and personal data of many
 * countries, for the generated held-out sets from `make_sensitive_heldout14.ts`
 * on: each value is drawn from a seeded {@link Rng} and valid by its
 * published rule (check digits, date and region structure), so a detector
 * cannot pass a row by rejecting a bad checksum.
 *
 * @module
 */

import {
  codiceFiscaleCheckLetter,
  luhnCheckDigit,
} from "../../governance/engine/detect/checksums.ts";
import { DIG, type Rng, UP } from "./sensitive_corpus.ts";

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** A random calendar date between 1940 and 2005: [year, month, day]. */
export function birthDate(r: Rng): [number, number, number] {
  return [1940 + r.int(66), 1 + r.int(12), 1 + r.int(28)];
}

/** An India PAN of a person (4th letter P): ABCPD1234E. */
export function pan(r: Rng): string {
  return r.str(UP, 3) + "P" + r.str(UP, 1) + r.str(DIG, 4) + r.str(UP, 1);
}

/** An Indian mobile number in one of several layouts (+91-, +91 space, trunk 0, bare). */
export function inPhone(r: Rng, layout: number): string {
  const d = String(6 + r.int(4)) + r.str(DIG, 9);
  switch (layout % 4) {
    case 0:
      return `+91-${d}`;
    case 1:
      return `+91 ${d.slice(0, 5)} ${d.slice(5)}`;
    case 2:
      return `0${d.slice(0, 5)} ${d.slice(5)}`;
    default:
      return `0${d}`;
  }
}

/** A Singapore UEN of a local company (year, five digits, a letter). */
export function uen(r: Rng): string {
  return String(1995 + r.int(31)) + r.str(DIG, 5) + r.str(UP, 1);
}

const KTP_PROV = [11, 12, 13, 14, 31, 32, 33, 34, 35, 36, 51, 52, 61, 64, 73];

/** An Indonesian NIK (KTP): region codes, birth date (women day + 40), serial. */
export function ktp(r: Rng): string {
  const [y, m, d] = birthDate(r);
  const day = r.int(2) === 0 ? d : d + 40;
  return pad(r.pick(KTP_PROV)) + pad(1 + r.int(70)) + pad(1 + r.int(30)) +
    pad(day) + pad(m) + pad(y % 100) + pad(1 + r.int(999), 4);
}

/** A Brazilian CNPJ with both check digits, formatted 12.345.678/0001-95. */
export function cnpj(r: Rng): string {
  const d = (r.str(DIG, 8) + "0001").split("").map(Number);
  const dv = (ds: number[]) => {
    const w = ds.length === 12
      ? [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]
      : [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
    let s = 0;
    for (let i = 0; i < ds.length; i++) s += ds[i] * w[i];
    const m = s % 11;
    return m < 2 ? 0 : 11 - m;
  };
  d.push(dv(d));
  d.push(dv(d));
  const s = d.join("");
  return `${s.slice(0, 2)}.${s.slice(2, 5)}.${s.slice(5, 8)}/${
    s.slice(8, 12)
  }-${s.slice(12)}`;
}

const CURP_ALPHA = "0123456789ABCDEFGHIJKLMN\u00d1OPQRSTUVWXYZ";
const MX_STATES = ["AS", "BC", "CL", "DF", "JC", "MC", "NL", "PL", "VZ", "YN"];

/** A Mexican CURP with its check digit. */
export function curp(r: Rng): string {
  const [y, m, d] = birthDate(r);
  const v = "AEIOU";
  const c = "BCDFGHJKLMNPRSTVZ";
  const head = r.str(c, 1) + r.str(v, 1) + r.str(c, 1) + r.str(c, 1) +
    pad(y % 100) + pad(m) + pad(d) + r.pick(["H", "M"]) + r.pick(MX_STATES) +
    r.str(c, 3) + (y < 2000 ? r.str(DIG, 1) : r.str(UP, 1));
  let s = 0;
  for (let i = 0; i < 17; i++) s += CURP_ALPHA.indexOf(head[i]) * (18 - i);
  return head + String((10 - (s % 10)) % 10);
}

/** An Italian codice fiscale with its check letter. */
export function codiceFiscale(r: Rng): string {
  const [y, m, d] = birthDate(r);
  const c = "BCDFGHLMNPRSTVZ";
  const day = r.int(2) === 0 ? d : d + 40;
  const head = r.str(c, 3) + r.str(c, 2) + r.str("AEIOU", 1) + pad(y % 100) +
    "ABCDEHLMPRST"[m - 1] + pad(day) + r.pick(["H", "F", "L", "A"]) +
    r.str(DIG, 3);
  return head + codiceFiscaleCheckLetter(head);
}

/** A French INSEE/NIR number with its key, spaced 1 23 45 67 890 123 45 or compact. */
export function insee(r: Rng, spaced: boolean): string {
  const [y, m] = birthDate(r);
  const body = String(1 + r.int(2)) + pad(y % 100) + pad(m) +
    pad(1 + r.int(95)) + pad(1 + r.int(900), 3) + pad(1 + r.int(998), 3);
  const key = 97 - Number(BigInt(body) % 97n);
  const all = body + pad(key);
  return spaced
    ? `${all[0]} ${all.slice(1, 3)} ${all.slice(3, 5)} ${all.slice(5, 7)} ${
      all.slice(7, 10)
    } ${all.slice(10, 13)} ${all.slice(13)}`
    : all;
}

/** A German Steuer-ID (11 digits, one digit repeated, ISO 7064 mod 11,10). */
export function steuerId(r: Rng): string {
  for (;;) {
    const d = String(1 + r.int(9)) + r.str(DIG, 9);
    const counts = new Map<string, number>();
    for (const ch of d) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    const rep = [...counts.values()].filter((n) => n > 1);
    if (rep.length !== 1 || rep[0] > 3) continue;
    let p = 10;
    for (const ch of d) {
      let s = (Number(ch) + p) % 10;
      if (s === 0) s = 10;
      p = (s * 2) % 11;
    }
    const c = (11 - p) % 10;
    return d + String(c);
  }
}

/** A Dutch BSN (9 digits passing the 11-proof). */
export function bsn(r: Rng): string {
  for (;;) {
    const d = String(1 + r.int(9)) + r.str(DIG, 7);
    let s = 0;
    for (let i = 0; i < 8; i++) s += Number(d[i]) * (9 - i);
    const c = s % 11;
    if (c < 10) return d + String(c);
  }
}

/** A Polish PESEL (birth date, serial, check digit). */
export function pesel(r: Rng): string {
  const [y, m, d] = birthDate(r);
  const mm = y >= 2000 ? m + 20 : m;
  const body = pad(y % 100) + pad(mm) + pad(d) + r.str(DIG, 4);
  const w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
  let s = 0;
  for (let i = 0; i < 10; i++) s += Number(body[i]) * w[i];
  return body + String((10 - (s % 10)) % 10);
}

/** A Swedish personnummer YYMMDD-NNNC (or YYYYMMDD-NNNC) with its Luhn digit. */
export function personnummer(r: Rng, long: boolean): string {
  const [y, m, d] = birthDate(r);
  const p = pad(y % 100) + pad(m) + pad(d) + r.str(DIG, 3);
  const all = p + luhnCheckDigit(p);
  return (long ? String(Math.floor(y / 100)) : "") + all.slice(0, 6) + "-" +
    all.slice(6);
}

/** A Korean resident registration number YYMMDD-GNNNNNC. */
export function krRrn(r: Rng): string {
  const [y, m, d] = birthDate(r);
  const g = y >= 2000 ? 3 + r.int(2) : 1 + r.int(2);
  const body = pad(y % 100) + pad(m) + pad(d) + String(g) + r.str(DIG, 5);
  const w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
  let s = 0;
  for (let i = 0; i < 12; i++) s += Number(body[i]) * w[i];
  const c = (11 - (s % 11)) % 10;
  return body.slice(0, 6) + "-" + body.slice(6) + String(c);
}

/** A Japanese My Number (12 digits with its check digit), spaced 4-4-4 or bare. */
export function myNumber(r: Rng, spaced: boolean): string {
  const body = String(1 + r.int(9)) + r.str(DIG, 10);
  let s = 0;
  for (let n = 1; n <= 11; n++) {
    const p = Number(body[11 - n]);
    const q = n <= 6 ? n + 1 : n - 5;
    s += p * q;
  }
  const rem = s % 11;
  const all = body + String(rem <= 1 ? 0 : 11 - rem);
  return spaced ? `${all.slice(0, 4)} ${all.slice(4, 8)} ${all.slice(8)}` : all;
}

const CN_REGIONS = ["110101", "310104", "440305", "510107", "330106", "420102"];

/** A Chinese resident identity number (region, birth date, sequence, ISO 7064 mod 11-2). */
export function chinaId(r: Rng): string {
  const [y, m, d] = birthDate(r);
  const body = r.pick(CN_REGIONS) + String(y) + pad(m) + pad(d) +
    r.str(DIG, 3);
  let s = 0;
  for (let i = 0; i < 17; i++) {
    s += Number(body[i]) * (2 ** (17 - i) % 11);
  }
  return body + "10X98765432"[s % 11];
}

/** The ICAO 9303 check digit of an MRZ field (weights 7, 3, 1; `<` is 0, letters 10..35). */
export function mrzCheck(field: string): string {
  const w = [7, 3, 1];
  let s = 0;
  for (let i = 0; i < field.length; i++) {
    const ch = field[i];
    const v = ch === "<"
      ? 0
      : /\d/.test(ch)
      ? Number(ch)
      : ch.charCodeAt(0) - 55;
    s += v * w[i % 3];
  }
  return String(s % 10);
}

/** A passport's two TD3 MRZ lines (44 characters each) and its document number. */
export function mrz(
  r: Rng,
  surname: string,
  given: string,
): { lines: [string, string]; number: string } {
  const nat = r.pick(["GBR", "DEU", "FRA", "NLD", "IND", "USA", "ESP"]);
  const num = r.str(UP, 2) + r.str(DIG, 7);
  const [y, m, d] = birthDate(r);
  const dob = pad(y % 100) + pad(m) + pad(d);
  const exp = pad(27 + r.int(9)) + pad(1 + r.int(12)) + pad(1 + r.int(28));
  const personal = "<".repeat(14);
  const l1 = `P<${nat}${surname.toUpperCase()}<<${given.toUpperCase()}`
    .padEnd(44, "<");
  const a = num + mrzCheck(num);
  const b = dob + mrzCheck(dob);
  const c = exp + mrzCheck(exp);
  const p = personal + mrzCheck(personal);
  const comp = a + b + c + p;
  const l2 = `${a}${nat}${b}${r.pick(["M", "F"])}${c}${p}${mrzCheck(comp)}`;
  return { lines: [l1, l2], number: num };
}

/** An ISBN-13 with its check digit, hyphenated. */
export function isbn13(r: Rng): string {
  const body = "978" + r.str(DIG, 9);
  let s = 0;
  for (let i = 0; i < 12; i++) s += Number(body[i]) * (i % 2 === 0 ? 1 : 3);
  const all = body + String((10 - (s % 10)) % 10);
  return `${all.slice(0, 3)}-${all.slice(3, 4)}-${all.slice(4, 8)}-${
    all.slice(8, 12)
  }-${all.slice(12)}`;
}

/** A public IPv4 address outside private, loopback and documentation ranges. */
export function publicIpv4(r: Rng): string {
  const first = r.pick([31, 46, 62, 77, 81, 89, 91, 109, 151, 176, 185, 213]);
  return `${first}.${r.int(256)}.${r.int(256)}.${1 + r.int(254)}`;
}

/** A public (global unicast) IPv6 address of a consumer line. */
export function publicIpv6(r: Rng): string {
  const h = () => (r.int(0xffff) + 1).toString(16);
  return `${
    r.pick(["2a02:8109", "2a01:cb00", "2001:16b8", "2a00:23c5"])
  }:${h()}:${h()}:${h()}:${h()}:${h()}:${h()}`;
}
