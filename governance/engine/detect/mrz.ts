/**
 * Machine-readable zones of passports (ICAO 9303 TD3): the second line's
 * document number, birth date and expiry each carry a check digit, and a
 * final digit checks them together, so a random 44-character run of
 * capitals, digits and `<` almost never passes.
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
