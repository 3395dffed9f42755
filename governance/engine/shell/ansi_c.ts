/**
 * Decoding of bash ANSI-C quoted strings (`$'…'`), so `$'\x72m'` reads as `rm`.
 *
 * @module
 */

const SIMPLE: Readonly<Record<string, string>> = {
  a: "\x07",
  b: "\b",
  e: "\x1b",
  E: "\x1b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
  "\\": "\\",
  "'": "'",
  '"': '"',
  "?": "?",
};

function isHex(c: string): boolean {
  return (c >= "0" && c <= "9") || (c >= "a" && c <= "f") ||
    (c >= "A" && c <= "F");
}

function readDigits(
  s: string,
  i: number,
  max: number,
  ok: (c: string) => boolean,
): string {
  let j = i;
  while (j < s.length && j - i < max && ok(s[j])) j++;
  return s.slice(i, j);
}

function fromCode(code: number): string {
  if (!Number.isFinite(code) || code < 0 || code > 0x10ffff) return "";
  return String.fromCodePoint(code);
}

/** Decodes the body of a `$'…'` string (without the quotes). */
export function decodeAnsiC(body: string): string {
  let out = "";
  let i = 0;
  while (i < body.length) {
    const c = body[i];
    if (c !== "\\" || i + 1 >= body.length) {
      out += c;
      i++;
      continue;
    }
    const n = body[i + 1];
    i += 2;
    if (n in SIMPLE) {
      out += SIMPLE[n];
    } else if (n === "x") {
      const h = readDigits(body, i, 2, isHex);
      if (h) {
        out += fromCode(parseInt(h, 16));
        i += h.length;
      } else out += "\\x";
    } else if (n === "u" || n === "U") {
      const h = readDigits(body, i, n === "u" ? 4 : 8, isHex);
      if (h) {
        out += fromCode(parseInt(h, 16));
        i += h.length;
      } else out += "\\" + n;
    } else if (n >= "0" && n <= "7") {
      const o = n + readDigits(body, i, 2, (d) => d >= "0" && d <= "7");
      out += fromCode(parseInt(o, 8) & 0xff);
      i += o.length - 1;
    } else if (n === "c" && i < body.length) {
      out += fromCode(body.charCodeAt(i) & 0x1f);
      i++;
    } else {
      out += "\\" + n;
    }
  }
  return out;
}
