/**
 * Machine-readable zones of passports (ICAO 9303 TD3) and identity cards
 * (TD1, three lines of 30): the document number, birth date and expiry each
 * carry a check digit, and a final digit checks them together, so a random
 * run of capitals, digits and `<` almost never passes.
 *
 * @module
 */

/** The ICAO 9303 check digit of `s` from `a` to `b` (weights 7, 3, 1; `<` counts 0, letters 10..35). */
function mrzCheckDigit(s: string, a: number, b: number, w0 = 0): number {
  const W = [7, 3, 1];
  let sum = 0;
  for (let i = a; i < b; i++) {
    const c = s.charCodeAt(i);
    const v = c === 60 ? 0 : c <= 57 ? c - 48 : c - 55;
    sum += v * W[(i - a + w0) % 3];
  }
  return sum % 10;
}

/** True when a TD3 line 2 (the last 44 characters of `v`) has all four check digits right and a real birth month and day. */
export function mrzValid(v: string): boolean {
  if (v.length < 44) return false;
  const s = v.slice(v.length - 44);
  const digit = (i: number) => s.charCodeAt(i) - 48;
  const month = Number(s.slice(15, 17));
  const day = Number(s.slice(17, 19));
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  if (mrzCheckDigit(s, 0, 9) !== digit(9)) return false;
  if (mrzCheckDigit(s, 13, 19) !== digit(19)) return false;
  if (mrzCheckDigit(s, 21, 27) !== digit(27)) return false;
  // The personal number's digit may be `<` when the field is empty.
  if (s[42] !== "<" && mrzCheckDigit(s, 28, 42) !== digit(42)) return false;
  // Composite: number+digit, birth date+digit, expiry+personal number+digit.
  let sum = 0;
  let k = 0;
  const W = [7, 3, 1];
  for (const [a, b] of [[0, 10], [13, 20], [21, 43]]) {
    for (let i = a; i < b; i++) {
      const c = s.charCodeAt(i);
      sum += (c === 60 ? 0 : c <= 57 ? c - 48 : c - 55) * W[k++ % 3];
    }
  }
  return sum % 10 === digit(43) && !/^<+$/.test(s.slice(0, 9));
}

/** Value of an MRZ character (`<` 0, digits, letters 10..35). */
function mrzValue(c: number): number {
  return c === 60 ? 0 : c <= 57 ? c - 48 : c - 55;
}

/**
 * True when `v` holds a TD1 identity card's first two lines (30 characters
 * each, a line break between): the document number's, birth date's and
 * expiry's check digits and the composite digit right, and a real birth
 * month and day.
 */
export function mrzTd1Valid(v: string): boolean {
  const lines = v.split(/\r?\n/);
  if (lines.length < 2) return false;
  const [a, b] = lines;
  if (a.length !== 30 || b.length !== 30) return false;
  const digit = (s: string, i: number) => s.charCodeAt(i) - 48;
  const month = Number(b.slice(2, 4)), day = Number(b.slice(4, 6));
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  if (/^<+$/.test(a.slice(5, 14))) return false;
  if (mrzCheckDigit(a, 5, 14) !== digit(a, 14)) return false;
  if (mrzCheckDigit(b, 0, 6) !== digit(b, 6)) return false;
  if (mrzCheckDigit(b, 8, 14) !== digit(b, 14)) return false;
  // Composite: line 1 after type and state, birth date, expiry, optional data.
  const comp = a.slice(5) + b.slice(0, 7) + b.slice(8, 15) + b.slice(18, 29);
  const W = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < comp.length; i++) {
    sum += mrzValue(comp.charCodeAt(i)) * W[i % 3];
  }
  return sum % 10 === digit(b, 29);
}
