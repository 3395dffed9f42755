/**
 * Value makers for the generated held-out sets (`make_sensitive_heldout3.ts`
 * and later): random values that fit each published format and checksum
 * (GitHub tokens with their CRC32 suffix, cards with Luhn, IBAN mod 97,
 * Aadhaar Verhoeff, NRIC check letter, CPF, SIN, DNI, NHS mod 11), each
 * drawn from a seeded {@link Rng} so a seed is a fixed set.
 *
 * @module
 */

import {
  ibanCheckDigits,
  luhnCheckDigit,
  nricCheckLetter,
  verhoeffCheckDigit,
} from "../../governance/engine/detect/checksums.ts";
import { ALNUM, DIG, HEX, LOW, type Rng, UP } from "./sensitive_corpus.ts";

/** One generated row of a held-out JSON-lines set. */
export interface Row {
  text: string;
  label: "secret" | "pii" | "benign";
  class: string;
  values: string[];
}

/** Adders of rows to `rows`: a secret or PII text with the values that must disappear, or a benign text. */
export function rowAdders(rows: Row[]): {
  sec: (cls: string, text: string, ...values: string[]) => void;
  pii: (cls: string, text: string, ...values: string[]) => void;
  ben: (cls: string, text: string) => void;
} {
  return {
    sec: (cls, text, ...values) => {
      rows.push({ text, label: "secret", class: cls, values });
    },
    pii: (cls, text, ...values) => {
      rows.push({ text, label: "pii", class: cls, values });
    },
    ben: (cls, text) => {
      rows.push({ text, label: "benign", class: cls, values: [] });
    },
  };
}

/** CRC32 (IEEE) of a string's char codes. */
export function crc32(s: string): number {
  let c = ~0;
  for (let i = 0; i < s.length; i++) {
    c ^= s.charCodeAt(i);
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

const B62 = DIG + UP + LOW;

/** `n` in base 62, left-padded with 0 to `width`. */
export function base62(n: number, width: number): string {
  let s = "";
  while (n > 0) {
    s = B62[n % 62] + s;
    n = Math.floor(n / 62);
  }
  return s.padStart(width, "0");
}

/** A GitHub token: prefix, 30 random characters, base62 CRC32 of them. */
export function gh(r: Rng, prefix: string): string {
  const body = r.str(ALNUM, 30);
  return prefix + body + base62(crc32(body), 6);
}

/** A random version-4 UUID. */
export function uuid(r: Rng): string {
  return `${r.str(HEX, 8)}-${r.str(HEX, 4)}-4${r.str(HEX, 3)}-${
    r.pick(["8", "9", "a", "b"])
  }${r.str(HEX, 3)}-${r.str(HEX, 12)}`;
}

/** A card number of `len` digits starting `prefix`, with its Luhn digit. */
export function card(r: Rng, prefix: string, len: number): string {
  const p = prefix + r.str(DIG, len - prefix.length - 1);
  return p + luhnCheckDigit(p);
}

/** `d` cut into groups of `sizes`, joined by `sep`. */
export function group(d: string, sizes: number[], sep: string): string {
  const out: string[] = [];
  let i = 0;
  for (const n of sizes) {
    out.push(d.slice(i, i + n));
    i += n;
  }
  return out.join(sep);
}

/** A valid SSN (area not 000/666/9xx, group and serial not zero), joined by `sep`. */
export function ssn(r: Rng, sep: string): string {
  let area = 1 + r.int(898);
  if (area === 666) area = 667;
  const g = 1 + r.int(99);
  const s = 1 + r.int(9999);
  return [
    String(area).padStart(3, "0"),
    String(g).padStart(2, "0"),
    String(s).padStart(4, "0"),
  ].join(sep);
}

/** An IBAN of `country` with `bban`, check digits computed. */
export function iban(country: string, bban: string): string {
  return country + ibanCheckDigits(country, bban) + bban;
}

/** `s` in groups of four, space-separated. */
export function spaced4(s: string): string {
  return s.replace(/(.{4})(?=.)/g, "$1 ");
}

/** A 12-digit Aadhaar number with its Verhoeff digit. */
export function aadhaar(r: Rng): string {
  const p = String(2 + r.int(8)) + r.str(DIG, 10);
  return p + verhoeffCheckDigit(p);
}

/** A Singapore NRIC/FIN with its check letter. */
export function nric(r: Rng): string {
  const pre = r.pick(["S", "T", "F", "G"]);
  const d = r.str(DIG, 7);
  return pre + d + nricCheckLetter(pre, d);
}

/** A Brazilian CPF (both mod-11 digits), formatted 123.456.789-09 or bare. */
export function cpf(r: Rng, formatted = true): string {
  const d = r.str(DIG, 9).split("").map(Number);
  const dv = (ds: number[]) => {
    let s = 0;
    for (let i = 0; i < ds.length; i++) s += ds[i] * (ds.length + 1 - i);
    const m = (s * 10) % 11;
    return m === 10 ? 0 : m;
  };
  d.push(dv(d));
  d.push(dv(d));
  const s = d.join("");
  return formatted
    ? `${s.slice(0, 3)}.${s.slice(3, 6)}.${s.slice(6, 9)}-${s.slice(9)}`
    : s;
}

/** A Canadian SIN (Luhn), joined by `sep` in 3-3-3. */
export function sin(r: Rng, sep = " "): string {
  const p = String(1 + r.int(7)) + r.str(DIG, 7);
  const d = p + luhnCheckDigit(p);
  return [d.slice(0, 3), d.slice(3, 6), d.slice(6)].join(sep);
}

/** A Spanish DNI (8 digits and the mod-23 letter). */
export function dni(r: Rng): string {
  const n = 10_000_000 + r.int(89_999_999);
  return String(n) + "TRWAGMYFPDXBNJZSQVHLCKE"[n % 23];
}

/** A Spanish NIE (X/Y/Z, 7 digits, the mod-23 letter). */
export function nie(r: Rng): string {
  const k = r.int(3);
  const d = r.str(DIG, 7);
  const n = Number(String(k) + d);
  return "XYZ"[k] + d + "TRWAGMYFPDXBNJZSQVHLCKE"[n % 23];
}

/** A UK NHS number (mod 11), spaced 3-3-4. */
export function nhs(r: Rng): string {
  for (;;) {
    const d = r.str(DIG, 9);
    let s = 0;
    for (let i = 0; i < 9; i++) s += Number(d[i]) * (10 - i);
    const c = 11 - (s % 11);
    if (c === 10) continue;
    const all = d + (c === 11 ? 0 : c);
    return `${all.slice(0, 3)} ${all.slice(3, 6)} ${all.slice(6)}`;
  }
}

/** A UK National Insurance number like AB 12 34 56 C (or compact). */
export function nino(r: Rng, spaced = true): string {
  const a = r.pick([..."ABCEGHJKLMNOPRSTWXYZ"]);
  const b = r.pick([..."ABCEGHJKLMNPRSTWXYZ"]);
  const p = `${a}${b}`;
  const pre = ["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"].includes(p) ? "AB" : p;
  const d = r.str(DIG, 6);
  const s = r.pick(["A", "B", "C", "D"]);
  return spaced
    ? `${pre} ${d.slice(0, 2)} ${d.slice(2, 4)} ${d.slice(4)} ${s}`
    : pre + d + s;
}

/** A US phone number: area and exchange 2-9xx, in one of several layouts. */
export function usPhone(r: Rng, layout: number): string {
  const area = String(2 + r.int(8)) + r.str(DIG, 2);
  const ex = String(2 + r.int(8)) + r.str(DIG, 2);
  const line = r.str(DIG, 4);
  switch (layout % 6) {
    case 0:
      return `(${area}) ${ex}-${line}`;
    case 1:
      return `${area}-${ex}-${line}`;
    case 2:
      return `${area}.${ex}.${line}`;
    case 3:
      return `+1 ${area} ${ex} ${line}`;
    case 4:
      return `+1-${area}-${ex}-${line}`;
    default:
      return `1 (${area}) ${ex}-${line}`;
  }
}

/** First names for e-mail local parts. */
export const FIRST = [
  "maria",
  "jonas",
  "sofia",
  "liam",
  "chen",
  "amara",
  "diego",
  "yuki",
  "noor",
  "elias",
  "fatima",
  "oliver",
];
/** Last names for e-mail local parts. */
export const LAST = [
  "schmidt",
  "okafor",
  "garcia",
  "nguyen",
  "kowalski",
  "haddad",
  "silva",
  "johansson",
  "patel",
  "moreau",
];
/** Mail domains. */
export const MAIL_DOMAINS = [
  "gmail.com",
  "yahoo.co.uk",
  "web.de",
  "icloud.com",
  "mail.ru",
  "orange.fr",
  "acme-corp.io",
  "uni-heidelberg.de",
  "protonmail.com",
  "fastmail.fm",
];

/** A personal e-mail address in one of several local-part shapes. */
export function personEmail(r: Rng): string {
  const f = r.pick(FIRST), l = r.pick(LAST);
  const local = r.pick([
    `${f}.${l}`,
    `${f}${l[0]}`,
    `${f[0]}${l}${r.int(90) + 10}`,
    `${f}_${l}`,
    `${l}.${f}+shop`,
  ]);
  return `${local}@${r.pick(MAIL_DOMAINS)}`;
}

/** A random hex string of `n` digits. */
export function hex(r: Rng, n: number): string {
  return r.str(HEX, n);
}

/** Whether every value occurs in its row's text (a generator bug otherwise). */
export function checkRows(rows: Row[]): void {
  for (const row of rows) {
    for (const v of row.values) {
      if (v === "" || !row.text.includes(v)) {
        throw new Error(`bad row: ${JSON.stringify(v)} in ${row.text}`);
      }
    }
  }
}

/**
 * A generator's output: checks the rows, writes them as JSON lines to stdout
 * and the count of each label that occurs to stderr.
 */
export function emitRows(rows: Row[]): void {
  checkRows(rows);
  for (const row of rows) console.log(JSON.stringify(row));
  const counts = ["secret", "pii", "benign"].flatMap((l) => {
    const n = rows.filter((x) => x.label === l).length;
    return n > 0 ? [`${l} ${n}`] : [];
  });
  console.error(counts.join("  "));
}
