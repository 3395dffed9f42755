/**
 * Whether raw values reached a model: searches what a CLI sent (request
 * bodies) for each value and for the forms it can be decoded back from. The
 * views searched are the raw text, every JSON string in it (JSON inside JSON
 * strings too), and each of those with ANSI escapes, zero-width characters,
 * markdown backslash escapes and whitespace removed, with %XX escapes
 * decoded, and with long base64 runs decoded.
 *
 * Test-only; every expression here is linear (no nested quantifiers).
 *
 * @module
 */

// deno-lint-ignore no-control-regex
const ANSI = /\x1b\[[0-9;?]{0,32}[A-Za-z]/g;
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const MD_ESCAPE = /\\([\\`*_{}[\]()#+\-.!|~<>])/g;
const PERCENT = /%([0-9A-Fa-f]{2})/g;
const BASE64_RUN = /[A-Za-z0-9+/_-]{16,}={0,2}/g;
const WHITESPACE = /\s+/g;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Every string (keys too) of a JSON value; strings that are JSON documents are opened as well. */
export function jsonStrings(value: unknown, out: string[] = [], depth = 0) {
  if (depth > 64) return out;
  if (typeof value === "string") {
    out.push(value);
    const t = value.trim();
    if ((t.startsWith("{") || t.startsWith("[")) && t.length > 1) {
      try {
        jsonStrings(JSON.parse(t), out, depth + 1);
      } catch {
        // not JSON
      }
    }
  } else if (typeof value === "number") {
    out.push(String(value));
  } else if (Array.isArray(value)) {
    for (const v of value) jsonStrings(v, out, depth + 1);
  } else if (isRecord(value)) {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      jsonStrings(v, out, depth + 1);
    }
  }
  return out;
}

function decodeBase64(run: string): string | undefined {
  const std = run.replaceAll("-", "+").replaceAll("_", "/").replace(/=+$/, "");
  const padded = std + "=".repeat((4 - (std.length % 4)) % 4);
  try {
    return atob(padded);
  } catch {
    return undefined;
  }
}

/** The decoded views of one text (see the module doc). */
export function decodedViews(text: string): string[] {
  const clean = text.replace(ANSI, "").replace(ZERO_WIDTH, "")
    .replace(MD_ESCAPE, "$1");
  const views = [text, clean, clean.replace(WHITESPACE, "")];
  if (clean.includes("%")) {
    const dec = clean.replace(
      PERCENT,
      (_, h: string) => String.fromCharCode(parseInt(h, 16)),
    );
    views.push(dec, dec.replace(WHITESPACE, ""));
  }
  for (const m of clean.matchAll(BASE64_RUN)) {
    const d = decodeBase64(m[0]);
    if (d !== undefined) views.push(d, d.replace(WHITESPACE, ""));
  }
  return views;
}

/** All views of request bodies: each body's raw JSON text and its decoded strings. */
export function requestViews(bodies: readonly unknown[]): string[] {
  const views: string[] = [];
  for (const b of bodies) {
    views.push(...decodedViews(JSON.stringify(b)));
    for (const s of jsonStrings(b)) views.push(...decodedViews(s));
  }
  return views;
}

/** The forms of a value to look for: itself, and its digits when it is a number with separators. */
export function valueForms(value: string): string[] {
  const forms = [value];
  const digits = value.replace(/[^0-9]/g, "");
  if (digits.length >= 9 && digits.length >= value.length - 6) {
    forms.push(digits);
  }
  return forms;
}

/** Names of the values found in any view (none = nothing leaked). */
export function leakedNames(
  views: readonly string[],
  values: Readonly<Record<string, string>>,
): string[] {
  const out: string[] = [];
  for (const [name, value] of Object.entries(values)) {
    const forms = valueForms(value);
    if (views.some((v) => forms.some((f) => v.includes(f)))) out.push(name);
  }
  return out;
}
