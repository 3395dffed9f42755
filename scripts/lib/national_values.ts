/**
 * Value makers for national identifiers with check digits that the older
 * value modules lack (Denmark, Finland, Portugal, Belgium, Ireland, Chile,
 * Israel, Australia, Norway, South Africa, Turkey, Croatia, Romania), for
 * the held-out sets from `make_sensitive_heldout20.ts` on. Each maker
 * implements the published rule on its own, independent of the detector's
 * checksum code, so a wrong detector rule shows up as a miss.
 *
 * @module
 */

import { DIG, type Rng } from "./sensitive_corpus.ts";

const pad = (n: number, w = 2) => String(n).padStart(w, "0");
const digits = (s: string) => s.split("").map(Number);

/** A date of birth [year, month, day] between 1945 and 2006. */
function dob(r: Rng): [number, number, number] {
  return [1945 + r.int(62), 1 + r.int(12), 1 + r.int(28)];
}

/** A Danish CPR number DDMMYY-SSSS that also passes the old mod-11 rule. */
export function dkCpr(r: Rng, dash = true): string {
  const w = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
  for (;;) {
    const [y, m, d] = dob(r);
    const s = pad(d) + pad(m) + pad(y % 100) + r.str(DIG, 4);
    const sum = digits(s).reduce((a, x, i) => a + x * w[i], 0);
    if (sum % 11 !== 0) continue;
    return dash ? `${s.slice(0, 6)}-${s.slice(6)}` : s;
  }
}

/** A Finnish henkilötunnus DDMMYYCZZZQ (century sign -, A). */
export function fiHetu(r: Rng): string {
  const [y, m, d] = dob(r);
  const n = 2 + r.int(897);
  const base = pad(d) + pad(m) + pad(y % 100);
  const q = "0123456789ABCDEFHJKLMNPRSTUVWXY"[Number(base + pad(n, 3)) % 31];
  return base + (y >= 2000 ? "A" : "-") + pad(n, 3) + q;
}

/** A Portuguese NIF of a person (leading 1, 2 or 3) with its mod-11 digit. */
export function ptNif(r: Rng): string {
  const b = String(1 + r.int(3)) + r.str(DIG, 7);
  const s = digits(b).reduce((a, x, i) => a + x * (9 - i), 0);
  const c = 11 - (s % 11);
  return b + (c >= 10 ? 0 : c);
}

/** A Belgian national number YY.MM.DD-SSS.CC (mod 97, 2000+ rule). */
export function beNn(r: Rng, formatted = true): string {
  const [y, m, d] = dob(r);
  const s = pad(y % 100) + pad(m) + pad(d) + pad(1 + r.int(997), 3);
  const n = Number((y >= 2000 ? "2" : "") + s);
  const c = pad(97 - (n % 97));
  return formatted
    ? `${s.slice(0, 2)}.${s.slice(2, 4)}.${s.slice(4, 6)}-${s.slice(6)}.${c}`
    : s + c;
}

/** An Irish PPS number: seven digits, the mod-23 letter, optionally a second letter. */
export function iePps(r: Rng): string {
  const d = r.str(DIG, 7);
  const second = r.pick(["", "", "A", "W"]);
  let s = digits(d).reduce((a, x, i) => a + x * (8 - i), 0);
  if (second !== "") s += 9 * (second.charCodeAt(0) - 64);
  return d + "WABCDEFGHIJKLMNOPQRSTUV"[s % 23] + second;
}

/** A Chilean RUT 12.345.678-K with its mod-11 verifier. */
export function clRut(r: Rng, dotted = true): string {
  const body = String(5_000_000 + r.int(20_000_000));
  let s = 0;
  digits(body).reverse().forEach((x, i) => s += x * (2 + (i % 6)));
  const v = 11 - (s % 11);
  const dv = v === 11 ? "0" : v === 10 ? "K" : String(v);
  const b = dotted ? body.replace(/\B(?=(\d{3})+$)/g, ".") : body;
  return `${b}-${dv}`;
}

/** An Israeli Teudat Zehut number (nine digits, Luhn-style check). */
export function ilId(r: Rng): string {
  const b = r.str(DIG, 8);
  let s = 0;
  digits(b).forEach((x, i) => {
    const p = x * (i % 2 === 0 ? 1 : 2);
    s += p > 9 ? p - 9 : p;
  });
  return b + ((10 - (s % 10)) % 10);
}

/** An Australian TFN (nine digits, weighted mod 11), spaced 3-3-3 or bare. */
export function auTfn(r: Rng, spaced = true): string {
  const w = [1, 4, 3, 7, 5, 8, 6, 9, 10];
  for (;;) {
    const d = String(1 + r.int(9)) + r.str(DIG, 8);
    const s = digits(d).reduce((a, x, i) => a + x * w[i], 0);
    if (s % 11 !== 0) continue;
    return spaced ? `${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}` : d;
  }
}

/** A Norwegian fødselsnummer DDMMYYIIIKK with both mod-11 digits. */
export function noFnr(r: Rng): string {
  const w1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
  const w2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  for (;;) {
    const [y, m, d] = dob(r);
    const b = pad(d) + pad(m) + pad(y % 100) + r.str(DIG, 3);
    const k = (ds: number[], w: number[]) => {
      const c = 11 - (ds.reduce((a, x, i) => a + x * w[i], 0) % 11);
      return c === 11 ? 0 : c;
    };
    const k1 = k(digits(b), w1);
    if (k1 === 10) continue;
    const k2 = k(digits(b + k1), w2);
    if (k2 === 10) continue;
    return b + k1 + k2;
  }
}

/** A South African ID number YYMMDDSSSSCAZ (Luhn). */
export function zaId(r: Rng): string {
  const [y, m, d] = dob(r);
  const b = pad(y % 100) + pad(m) + pad(d) + r.str(DIG, 4) +
    r.pick(["0", "1"]) + "8";
  let s = 0;
  digits(b).reverse().forEach((x, i) => {
    const p = i % 2 === 0 ? x * 2 : x;
    s += p > 9 ? p - 9 : p;
  });
  return b + ((10 - (s % 10)) % 10);
}

/** A Turkish T.C. Kimlik number (11 digits, two check digits). */
export function trTckn(r: Rng): string {
  const d = digits(String(1 + r.int(9)) + r.str(DIG, 8));
  const odd = d[0] + d[2] + d[4] + d[6] + d[8];
  const even = d[1] + d[3] + d[5] + d[7];
  const d10 = ((odd * 7 - even) % 10 + 10) % 10;
  const d11 = (d.reduce((a, x) => a + x, 0) + d10) % 10;
  return d.join("") + d10 + d11;
}

/** A Croatian OIB (11 digits, ISO 7064 MOD 11,10). */
export function hrOib(r: Rng): string {
  const b = String(1 + r.int(9)) + r.str(DIG, 9);
  let t = 10;
  for (const x of digits(b)) {
    t = (t + x) % 10;
    if (t === 0) t = 10;
    t = (t * 2) % 11;
  }
  return b + ((11 - t) % 10);
}

/** A Romanian CNP S YYMMDD JJ NNN C (weights 279146358279). */
export function roCnp(r: Rng): string {
  const [y, m, d] = dob(r);
  const sex = y >= 2000 ? r.pick(["5", "6"]) : r.pick(["1", "2"]);
  const b = sex + pad(y % 100) + pad(m) + pad(d) + pad(1 + r.int(46)) +
    pad(1 + r.int(998), 3);
  const w = digits("279146358279");
  const c = digits(b).reduce((a, x, i) => a + x * w[i], 0) % 11;
  return b + (c === 10 ? 1 : c);
}

/** A US ABA routing number with its 3-7-1 check digit. */
export function abaRouting(r: Rng): string {
  const b = pad(1 + r.int(12)) + r.str(DIG, 6);
  const w = [3, 7, 1, 3, 7, 1, 3, 7];
  const s = digits(b).reduce((a, x, i) => a + x * w[i], 0);
  return b + ((10 - (s % 10)) % 10);
}
