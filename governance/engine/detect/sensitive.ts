/**
 * The PII and secret scanner. The catalogues (`policies/pii.ts`,
 * `policies/secrets.ts`) are data: a regex source, a named validator and
 * literal keywords per kind. This module compiles them once and scans text:
 *
 * 1. one pass of a combined keyword regex (case-sensitive and insensitive)
 *    decides which kinds can occur at all, and where;
 * 2. an anchored kind is tried only at its keyword hits (sticky regex), other
 *    kinds run one global pass when a keyword occurred (or always, when they
 *    have none, as digit-shaped PII does);
 * 3. each candidate goes through its validator (checksums, placeholders,
 *    entropy, context); survivors are made non-overlapping, longest first.
 *
 * @module
 */

import type { Finding, PolicyInfo } from "../types.ts";
import { PII_POLICIES } from "../policies/pii.ts";
import { SECRET_POLICIES } from "../policies/secrets.ts";
import {
  abaValid,
  ibanValid,
  luhnValid,
  nricValid,
  shannonEntropy,
  ssnValid,
  verhoeffValid,
} from "./checksums.ts";
import { asciiBytes } from "./ascii.ts";
import { textTraits, TRAIT_BITS, type TraitName } from "./traits.ts";

/** Names of the checks a catalogue entry can ask for (see `VALIDATORS`). */
export type ValidatorName =
  | "card"
  | "ssn"
  | "aadhaar"
  | "iban"
  | "nric"
  | "ipv4"
  | "phone_us"
  | "phone_intl"
  | "phone_uk"
  | "phone_any"
  | "date"
  | "passport"
  | "aba"
  | "bank_account"
  | "email"
  | "token"
  | "labelled"
  | "assigned_password"
  | "assigned_secret"
  | "url_password"
  | "jwt"
  | "pem"
  | "basic_auth"
  | "docker_auth"
  | "gcp_sa"
  | "sas";

/** A catalogue entry: the policy a reviewer reads plus how it detects. */
export interface SensitiveSpec extends PolicyInfo {
  /** Marker type: redaction writes `[REDACTED:<type>]`. */
  type: string;
  /**
   * Regex source, linear-time on hostile input. A named group `v` marks the
   * part to report and redact (an assignment's value, a URL's password) and
   * must end the match (put trailing context in a lookahead). Without `v`
   * the whole match is reported, extended left over a group `pre` captured
   * in a lookbehind that ends where the match starts.
   */
  pattern: string;
  /** Pattern and keywords ignore case. */
  ignoreCase?: boolean;
  /** Literal keywords; the pattern runs only when one occurs. Empty: always runs. */
  keywords: readonly string[];
  /** Every match starts exactly at a keyword, so the pattern is tried only there. */
  anchored?: boolean;
  /** Named check applied to the reported value. */
  validator?: ValidatorName;
  /** Tie-break between equal-length overlapping findings; higher wins (default 2). */
  priority?: number;
  /**
   * A cheap necessary condition on the whole text (see `traits.ts`); on an
   * ASCII text where it fails, the pattern is not run.
   */
  requires?: TraitName;
}

/** Which findings a scan reports. */
export interface SensitiveOptions {
  categories?: ("pii" | "secret")[];
  /** Policy ids switched off. */
  disabled?: ReadonlySet<string>;
  /** Run every pattern even where its `requires` condition fails (for tests that both ways agree). */
  ungated?: boolean;
}

/** What a validator sees besides the value. */
interface CheckContext {
  text: string;
  /** Offsets of the reported value. */
  start: number;
  end: number;
  /** The whole regex match. */
  match: string;
}

type Validator = (value: string, ctx: CheckContext) => boolean;

// ---------------------------------------------------------------- helpers

const FILE_EXTENSIONS = new Set([
  "png",
  "jpg",
  "jpeg",
  "gif",
  "svg",
  "webp",
  "ico",
  "bmp",
  "js",
  "mjs",
  "ts",
  "tsx",
  "jsx",
  "css",
  "scss",
  "json",
  "map",
  "html",
  "md",
  "txt",
  "py",
  "rb",
  "go",
  "rs",
  "java",
  "yml",
  "yaml",
  "toml",
  "lock",
  "zip",
  "gz",
  "tgz",
]);

const PLACEHOLDER_WORDS = new Set([
  "changeme",
  "change",
  "your",
  "yours",
  "here",
  "placeholder",
  "example",
  "examples",
  "sample",
  "dummy",
  "fake",
  "test",
  "testing",
  "redacted",
  "hidden",
  "masked",
  "todo",
  "tbd",
  "foo",
  "bar",
  "baz",
  "foobar",
  "xxx",
  "password",
  "passwd",
  "secret",
  "token",
  "apikey",
  "null",
  "none",
  "nil",
  "undefined",
  "true",
  "false",
  "string",
  "str",
  "required",
  "optional",
  "empty",
  "default",
  "value",
  "insert",
  "replace",
  "mypassword",
  "mysecret",
  "mytoken",
  "yourpassword",
  "yoursecret",
  "yourtoken",
  "secretkey",
  "env",
  "environ",
  "getenv",
  "process",
  "config",
  "settings",
  "vault",
  "bytes",
  "int",
  "bool",
  "number",
  "any",
  "char",
  "varchar",
  "text",
  "boolean",
  "object",
  "self",
  "this",
  "sha256",
  "md5",
  "bcrypt",
  "hash",
  "hashed",
  "encrypted",
]);

/** True when `v` is a template, variable reference, mask or placeholder word. */
export function isPlaceholder(v: string): boolean {
  const s = v.trim();
  if (s.length === 0) return true;
  if (
    /^[$%@!&*#<[({~]/.test(s) || /\$\{|\{\{|\}\}|%\(|<[A-Za-z_-]|\]\]/.test(s)
  ) {
    return true;
  }
  if (/x{4}|X{4}|\*{3}|\.{3}|•|(.)\1{5}/.test(s)) return true;
  const lower = s.toLowerCase();
  if (/^your|here$|^<|^\/|^~\/|^\.\.?\//.test(lower)) return true;
  for (const word of lower.split(/[^a-z0-9]+/)) {
    if (word && PLACEHOLDER_WORDS.has(word)) return true;
  }
  return false;
}

function charClasses(s: string): number {
  let n = 0;
  if (/[a-z]/.test(s)) n++;
  if (/[A-Z]/.test(s)) n++;
  if (/\d/.test(s)) n++;
  if (/[^A-Za-z0-9]/.test(s)) n++;
  return n;
}

/** The key of a `key: value` / `key=value` right before `start`, if any. */
function keyBefore(text: string, start: number): string | undefined {
  const from = Math.max(0, start - 60);
  const before = text.slice(from, start);
  const m = /["']?([A-Za-z_][\w.-]{0,40})["']?\s{0,3}[:=]\s{0,3}["']?$/.exec(
    before,
  );
  return m ? m[1].toLowerCase() : undefined;
}

const ID_KEY =
  /(?:id|ids|uuid|ts|seq|time|stamp|order|invoice|offset|hash|version|count|total|size|bytes|amount|nonce|serial|tx|block|height|ref|epoch|ms|ns|sequence|index|idx|key)$/;
const PII_KEY =
  /card|cc|ccn|pan|credit|debit|aadhaa?r|uidai|ssn|phone|mobile|iban|account/;

/** True when the number sits as the value of an id-like key (`"orderId": 4111...`). */
function idContext(ctx: CheckContext): boolean {
  const key = keyBefore(ctx.text, ctx.start);
  if (key === undefined) return false;
  if (PII_KEY.test(key)) return false;
  return ID_KEY.test(key);
}

function base64Decode(s: string): string | undefined {
  try {
    let b = s.replace(/-/g, "+").replace(/_/g, "/");
    while (b.length % 4 !== 0) b += "=";
    return atob(b);
  } catch {
    return undefined;
  }
}

// ------------------------------------------------------------- validators

const CARD_GROUPINGS = new Set([
  "4-4-4-1",
  "4-4-4-2",
  "4-4-4-3",
  "4-4-4-4",
  "4-4-4-4-1",
  "4-4-4-4-2",
  "4-4-4-4-3",
  "4-6-4",
  "4-6-5",
]);

function cardBrandOk(d: string): boolean {
  const n = d.length;
  const p2 = Number(d.slice(0, 2));
  const p3 = Number(d.slice(0, 3));
  const p4 = Number(d.slice(0, 4));
  const p6 = Number(d.slice(0, 6));
  if (d[0] === "4") return n === 13 || n === 16 || n === 19; // Visa
  if (p2 >= 51 && p2 <= 55) return n === 16; // Mastercard
  if (p4 >= 2221 && p4 <= 2720) return n === 16; // Mastercard 2-series
  if (p4 >= 2200 && p4 <= 2204) return n === 16; // Mir
  if (p2 === 34 || p2 === 37) return n === 15; // Amex
  if (p4 === 6011 || (p3 >= 644 && p3 <= 649) || p2 === 65) {
    return n >= 16 && n <= 19; // Discover
  }
  if (p6 >= 622126 && p6 <= 622925) return n >= 16 && n <= 19;
  if (p4 >= 3528 && p4 <= 3589) return n >= 16 && n <= 19; // JCB
  if (p2 === 36) return n === 14; // Diners
  if ((p3 >= 300 && p3 <= 305) || p4 === 3095) return n === 14 || n === 16;
  if (p2 === 38 || p2 === 39) return n === 14 || n === 16;
  if (p2 === 62) return n >= 16 && n <= 19; // UnionPay
  if (p2 === 50 || (p2 >= 56 && p2 <= 69)) return n >= 13 && n <= 19; // Maestro
  return false;
}

/** Group lengths of `v` split at `sep`, joined with "-" (e.g. "4-4-4-4"). */
function groupShape(v: string, sep: number): string {
  let shape = "";
  let len = 0;
  for (let i = 0; i < v.length; i++) {
    if (v.charCodeAt(i) === sep) {
      shape += len + "-";
      len = 0;
    } else {
      len++;
    }
  }
  return shape + len;
}

function cardValid(v: string, ctx: CheckContext): boolean {
  // One pass: the digits without spaces/dashes, and the first separator.
  let digits = "";
  let sep = -1;
  let from = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === 32 || c === 45) {
      if (sep < 0) sep = c;
      digits += v.slice(from, i);
      from = i + 1;
    }
  }
  digits = from === 0 ? v : digits + v.slice(from);
  if (digits.length < 13 || digits.length > 19) return false;
  if (sep >= 0) {
    if (!CARD_GROUPINGS.has(groupShape(v, sep))) return false;
  } else if (idContext(ctx)) {
    return false;
  }
  if (/^(\d)\1+$/.test(digits)) return false;
  return cardBrandOk(digits) && luhnValid(digits);
}

const DATE_TIME_12 =
  /^(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:[01]\d|2[0-3])[0-5]\d$/;

function aadhaarValid(v: string, ctx: CheckContext): boolean {
  const digits = v.replace(/[ -]/g, "");
  if (digits.length !== 12 || !/^[2-9]/.test(digits)) return false;
  if (/^(\d)\1+$/.test(digits)) return false;
  if (digits === v && (DATE_TIME_12.test(digits) || idContext(ctx))) {
    return false;
  }
  return verhoeffValid(digits);
}

/** Four dot-separated parts of 1–3 digits each, as the catalogue's pattern matches. */
const IPV4_SHAPE = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/** Like {@link ipv4ValidGeneral}, read straight from the characters for the usual shape. */
function ipv4Valid(v: string, ctx: CheckContext): boolean {
  if (!IPV4_SHAPE.test(v)) return ipv4ValidGeneral(v, ctx);
  let first = -1;
  let value = 0;
  let from = 0;
  for (let i = 0; i <= v.length; i++) {
    const c = i < v.length ? v.charCodeAt(i) : 46;
    if (c !== 46) {
      value = value * 10 + c - 48;
      continue;
    }
    if (i - from > 1 && v.charCodeAt(from) === 48) return false;
    if (value > 255) return false;
    if (first < 0) first = value;
    value = 0;
    from = i + 1;
  }
  if (v === "0.0.0.0" || first === 127 || first === 255) return false;
  // The context regex needs an "e" (every word in it has one).
  const from12 = Math.max(0, ctx.start - 12);
  let e = false;
  for (let i = from12; i < ctx.start; i++) {
    const c = ctx.text.charCodeAt(i);
    if (c === 101 || c === 69) {
      e = true;
      break;
    }
  }
  if (!e) return true;
  const before = ctx.text.slice(from12, ctx.start);
  return !/(?:version|ver|release|rev)\.?\s{0,2}[:=]?\s{0,2}$/i.test(before);
}

function ipv4ValidGeneral(v: string, ctx: CheckContext): boolean {
  const parts = v.split(".");
  if (parts.length !== 4) return false;
  for (const p of parts) {
    if (p.length > 1 && p[0] === "0") return false;
    if (Number(p) > 255) return false;
  }
  const [a] = parts.map(Number);
  if (v === "0.0.0.0" || a === 127 || a === 255) return false;
  const before = ctx.text.slice(Math.max(0, ctx.start - 12), ctx.start);
  return !/(?:version|ver|release|rev)\.?\s{0,2}[:=]?\s{0,2}$/i.test(before);
}

function sepsSane(v: string): boolean {
  // No doubled separators except around a parenthesis; balanced parentheses.
  if (/[ .-]{2}/.test(v.replace(/\) |\s\(/g, "|"))) return false;
  const open = v.split("(").length - 1;
  const close = v.split(")").length - 1;
  return open === close && open <= 1;
}

function nanpValid(ten: string): boolean {
  return /^[2-9]\d{2}[2-9]\d{6}$/.test(ten) && !/^(\d)\1+$/.test(ten);
}

function phoneUsValid(v: string): boolean {
  if (!sepsSane(v)) return false;
  let d = v.replace(/\D/g, "");
  if (d.length === 11 && d[0] === "1") d = d.slice(1);
  if (d.length !== 10) return false;
  // the two separators after the area code must agree unless it is in parentheses
  const seps = v.replace(/^1[ .-]?/, "").match(/[ .-]/g) ?? [];
  if (!v.includes("(") && seps.length === 2 && seps[0] !== seps[1]) {
    return false;
  }
  return nanpValid(d);
}

function phoneIntlValid(v: string): boolean {
  if (!sepsSane(v)) return false;
  const d = v.replace(/\D/g, "");
  if (d.length < 8 || d.length > 15) return false;
  if (/^(\d)\1+$/.test(d.slice(1))) return false;
  if (d[0] === "1") return d.length === 11 && nanpValid(d.slice(1));
  if (d.startsWith("91")) return d.length === 12 && /^[6-9]/.test(d.slice(2));
  if (d.startsWith("44")) {
    const rest = d.slice(2).replace(/^0/, "");
    return rest.length === 10 || rest.length === 9;
  }
  if (d.startsWith("65")) return d.length === 10 && /^[3689]/.test(d.slice(2));
  return true;
}

function phoneUkValid(v: string): boolean {
  const d = v.replace(/\D/g, "");
  if (d.length !== 11 && d.length !== 10) return false;
  if (!/[ -]/.test(v) && !d.startsWith("07")) return false;
  return !/^0(\d)\1+$/.test(d);
}

function phoneAnyValid(v: string): boolean {
  if (!sepsSane(v)) return false;
  if (
    /^\d{4}[-./]\d{1,2}[-./]\d{1,2}$|^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$/.test(v)
  ) {
    return false;
  }
  const d = v.replace(/\D/g, "");
  return d.length >= 7 && d.length <= 15 && !/^(\d)\1+$/.test(d);
}

const MONTHS = [
  "jan",
  "feb",
  "mar",
  "apr",
  "may",
  "jun",
  "jul",
  "aug",
  "sep",
  "oct",
  "nov",
  "dec",
];

function dateValid(v: string): boolean {
  const s = v.toLowerCase();
  let y: number, m: number, d: number;
  let x: RegExpExecArray | null;
  if ((x = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s))) {
    [y, m, d] = [Number(x[1]), Number(x[2]), Number(x[3])];
  } else if ((x = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})$/.exec(s))) {
    const a = Number(x[1]), b = Number(x[2]);
    y = Number(x[3]);
    // US month/day or European day/month: accept either reading.
    [m, d] = a <= 12 ? [a, b] : [b, a];
    if (x[3].length === 3) return false;
  } else if ((x = /(\d{1,2})\D+?([a-z]{3})[a-z]*\.?,? (\d{4})$/.exec(s))) {
    [d, m, y] = [Number(x[1]), MONTHS.indexOf(x[2]) + 1, Number(x[3])];
  } else if ((x = /^([a-z]{3})[a-z]*\.? (\d{1,2})\D*?(\d{4})$/.exec(s))) {
    [m, d, y] = [MONTHS.indexOf(x[1]) + 1, Number(x[2]), Number(x[3])];
  } else {
    return false;
  }
  if (y >= 100 && (y < 1900 || y > 2100)) return false;
  return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

function passportValid(v: string): boolean {
  return /\d/.test(v) && !/^(.)\1+$/.test(v) && v.length >= 6;
}

/** True when `start` sits in the user:password part of a URL (`scheme://user:pw@`). */
function inUrlUserinfo(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 256), start);
  return /:\/\/[^\s/?#@]*$/.test(before);
}

function emailValid(v: string, ctx: CheckContext): boolean {
  if (inUrlUserinfo(ctx.text, ctx.start)) return false;
  const at = v.lastIndexOf("@");
  const local = v.slice(0, at);
  const domain = v.slice(at + 1).toLowerCase();
  if (local.endsWith(".") || local.includes("..")) return false;
  const tld = domain.slice(domain.lastIndexOf(".") + 1);
  if (FILE_EXTENSIONS.has(tld)) return false;
  return !(local === "git" &&
    /^(?:github\.com|gitlab\.com|bitbucket\.org)$/.test(domain));
}

/** True when a character other than a line break occurs 6 times in a row (what `/(.)\1{5}/` finds). */
function hasRunOf6(v: string): boolean {
  let prev = -1;
  let run = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) {
      prev = -1;
      run = 0;
      continue;
    }
    run = c === prev ? run + 1 : 1;
    if (run >= 6) return true;
    prev = c;
  }
  return false;
}

/** True when `v` is non-empty and only `[a-z_]`. */
function lowerWord(v: string): boolean {
  if (v.length === 0) return false;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if ((c < 97 || c > 122) && c !== 95) return false;
  }
  return true;
}

/** A vendor-format token: not a mask or repeated filler, and random-looking. */
function tokenValid(v: string): boolean {
  if (
    hasRunOf6(v) || v.includes("xxxx") || v.includes("XXXX") ||
    v.includes("***")
  ) return false;
  if (v.length < 30 && lowerWord(v)) return false;
  return shannonEntropy(v) >= (v.length >= 20 ? 3 : 2.5);
}

/** A value a vendor label points at: a token that is not a placeholder. */
function labelledValid(v: string): boolean {
  return !isPlaceholder(v) && tokenValid(v) && charClasses(v) >= 2;
}

function unquoted(ctx: CheckContext): boolean {
  const before = ctx.text[ctx.start - 1];
  return before !== '"' && before !== "'" && before !== "`";
}

function codeReference(v: string): boolean {
  return /^[A-Za-z_$][\w$]*(?:\.[\w$]+)+$/.test(v) || /[()]/.test(v) ||
    /^(?:[A-Za-z_]+)$/.test(v) && /[a-z][A-Z]|_/.test(v);
}

function assignedPasswordValid(v: string, ctx: CheckContext): boolean {
  if (v.length < 6 || v.length > 200 || isPlaceholder(v)) return false;
  if (v.trim().split(/\s+/).length >= 3) return false;
  if (unquoted(ctx)) {
    if (codeReference(v)) return false;
    if (/^[A-Za-z]+$/.test(v) && v.length < 12) return false;
  }
  return shannonEntropy(v) >= 2;
}

function assignedSecretValid(v: string, ctx: CheckContext): boolean {
  if (v.length < 12 || v.length > 4096 || isPlaceholder(v)) return false;
  if (/\s/.test(v)) return false;
  if (unquoted(ctx) && codeReference(v)) return false;
  if (/^\d+$/.test(v)) return false;
  return charClasses(v) >= 2 && shannonEntropy(v) >= 3;
}

function urlPasswordValid(v: string): boolean {
  return !isPlaceholder(v) && !/^(?:pw|pwd|p|x)$/i.test(v);
}

function jwtValid(v: string): boolean {
  const header = base64Decode(v.slice(0, v.indexOf(".")));
  if (header === undefined) return false;
  try {
    const h: unknown = JSON.parse(header);
    return typeof h === "object" && h !== null && "alg" in h;
  } catch {
    return false;
  }
}

function pemValid(v: string): boolean {
  const body = v.replace(/\\r\\n|\\n/g, "\n").split("\n").slice(1)
    .map((l) => l.trim())
    .filter((l) => l !== "" && !/^[A-Za-z-]+:/.test(l));
  const first = body[0] ?? "";
  return /^[A-Za-z0-9+/=]{16,}$/.test(first);
}

function basicAuthValid(v: string): boolean {
  const decoded = base64Decode(v);
  if (decoded === undefined) return false;
  const i = decoded.indexOf(":");
  return i > 0 && i < decoded.length - 1 && /^[\x20-\x7e]+$/.test(decoded) &&
    !isPlaceholder(decoded.slice(i + 1));
}

function gcpServiceAccountValid(_v: string, ctx: CheckContext): boolean {
  const from = Math.max(0, ctx.start - 2000);
  return ctx.text.slice(from, ctx.end + 2000).includes("service_account");
}

function sasValid(v: string, ctx: CheckContext): boolean {
  const before = ctx.text.slice(Math.max(0, ctx.start - 400), ctx.start);
  return /[?&;](?:sv|se|sp|spr|srt|ss|sr)=/.test(before) && tokenValid(v);
}

/** Every named validator, by the name a catalogue entry uses. */
const VALIDATORS: Readonly<Record<ValidatorName, Validator>> = {
  card: cardValid,
  ssn: (v) => ssnValid(v.replace(/\D/g, "")),
  aadhaar: aadhaarValid,
  iban: (v) => ibanValid(v),
  nric: (v) => nricValid(v),
  ipv4: ipv4Valid,
  phone_us: phoneUsValid,
  phone_intl: phoneIntlValid,
  phone_uk: phoneUkValid,
  phone_any: phoneAnyValid,
  date: dateValid,
  passport: passportValid,
  aba: (v) => abaValid(v),
  bank_account: (v) => !/^(\d)\1+$/.test(v),
  email: emailValid,
  token: tokenValid,
  labelled: labelledValid,
  assigned_password: assignedPasswordValid,
  assigned_secret: assignedSecretValid,
  url_password: urlPasswordValid,
  jwt: jwtValid,
  pem: pemValid,
  basic_auth: basicAuthValid,
  docker_auth: basicAuthValid,
  gcp_sa: gcpServiceAccountValid,
  sas: sasValid,
};

// ----------------------------------------------------------------- engine

interface Compiled {
  spec: SensitiveSpec;
  /** The kind's regex, built the first time the kind is scanned (see {@link regexOf}). */
  re: RegExp | undefined;
  validate?: Validator;
  priority: number;
  anchored: boolean;
  /** Bit of the spec's `requires` condition (0: none). */
  gate: number;
  /**
   * The spec's finding fields, copied into one object shape for every kind
   * (the specs themselves come in many shapes, which makes reading them slow).
   */
  id: string;
  type: string;
  severity: Finding["severity"];
  action: Finding["action"];
  category: Finding["category"];
}

interface Engine {
  kinds: Compiled[];
  /** Case-sensitive and case-insensitive keyword indexes. */
  cs: KeywordIndex;
  ci: KeywordIndex;
  always: number[];
  /** Which kinds a scan with no options runs (all of them). */
  allActive: Uint8Array;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}

/**
 * The keywords of one case mode. Everything past the word list is built on
 * first use: the trie regex only for long (or non-ASCII) texts, and the kinds
 * of a keyword only once that keyword is seen.
 */
interface KeywordIndex {
  ci: boolean;
  /** Per keyword (lower case when `ci`), its own kinds, in catalogue order. */
  own: Map<string, number[]>;
  /** Per keyword, its kinds and those of every keyword that is its prefix. */
  kinds: Map<string, number[]>;
  /** Combined trie regex (a reference for tests; scans use {@link KeywordIndex.table}). */
  re?: RegExp;
  /** The keywords as a transition table (undefined until a long text needs it). */
  table?: KeywordTable;
}

/**
 * A keyword trie as flat arrays, walked by {@link collectTable}. Keywords are
 * ASCII, so only ASCII characters have symbols; in a case-insensitive index
 * an upper-case letter shares its lower-case letter's symbol. (A regex with
 * the `i` flag and no `u` flag never matches a non-ASCII character to an
 * ASCII one, so this folding is exactly the regex's.)
 */
interface KeywordTable {
  /** ASCII code → symbol (0: in no keyword). */
  sym: Uint8Array;
  /** Symbols per node (row width of `next`). */
  width: number;
  /** Transitions `[node * width + symbol]`, −1 for none; node 0 is the root. */
  next: Int32Array;
  /** Per node, the index in `words` of the keyword ending there, or −1. */
  term: Int32Array;
  /** Index keys, by `term` value. */
  words: string[];
  /**
   * Per pair of ASCII codes `(a << 7) | b`: 1 when a keyword can start with
   * `a` followed by `b` (or is `a` alone); `b` is 0 at the end of the text.
   * Most positions fail this one lookup, so the trie walk is rare.
   */
  pairs: Uint8Array;
}

function keywordTable(ix: KeywordIndex): KeywordTable {
  if (ix.table !== undefined) return ix.table;
  const words = [...ix.own.keys()];
  const sym = new Uint8Array(128);
  let width = 1;
  let nodes = 1;
  for (const w of words) {
    nodes += w.length;
    for (let i = 0; i < w.length; i++) {
      const c = w.charCodeAt(i);
      if (c >= 128) throw new Error(`non-ASCII keyword ${w}`);
      if (sym[c] === 0) sym[c] = width++;
    }
  }
  if (ix.ci) {
    for (let c = 65; c <= 90; c++) sym[c] = sym[c + 32];
  }
  const next = new Int32Array(nodes * width).fill(-1);
  const term = new Int32Array(nodes).fill(-1);
  let used = 1;
  words.forEach((w, k) => {
    let node = 0;
    for (let i = 0; i < w.length; i++) {
      const at = node * width + sym[w.charCodeAt(i)];
      if (next[at] < 0) next[at] = used++;
      node = next[at];
    }
    term[node] = k;
  });
  const pairs = new Uint8Array(128 * 128);
  for (let a = 0; a < 128; a++) {
    const first = next[sym[a]];
    if (first < 0) continue;
    for (let b = 0; b < 128; b++) {
      if (term[first] >= 0 || next[first * width + sym[b]] >= 0) {
        pairs[(a << 7) | b] = 1;
      }
    }
  }
  return ix.table = { sym, width, next, term, words, pairs };
}

function keywordIndex(kinds: Compiled[], ci: boolean): KeywordIndex {
  const own = new Map<string, number[]>();
  kinds.forEach((k, i) => {
    if (Boolean(k.spec.ignoreCase) !== ci) return;
    for (const raw of k.spec.keywords) {
      const kw = ci ? raw.toLowerCase() : raw;
      const list = own.get(kw);
      if (list === undefined) own.set(kw, [i]);
      else if (!list.includes(i)) list.push(i);
    }
  });
  return { ci, own, kinds: new Map() };
}

/** Kinds a hit on keyword `kw` triggers (a hit also stands for every keyword that is its prefix). */
function kindsOf(ix: KeywordIndex, kw: string): number[] {
  let list = ix.kinds.get(kw);
  if (list !== undefined) return list;
  const all = new Set<number>();
  for (const [other, set] of ix.own) {
    if (kw.startsWith(other)) { for (const i of set) all.add(i); }
  }
  list = [...all];
  ix.kinds.set(kw, list);
  return list;
}

function keywordRe(ix: KeywordIndex): RegExp {
  return ix.re ??= new RegExp(
    keywordTrie([...ix.own.keys()]),
    ix.ci ? "gi" : "g",
  );
}

interface TrieNode {
  next: Map<string, TrieNode>;
  terminal: boolean;
}

/**
 * A regex source matching any of `words`, factored as a trie so the engine
 * follows one branch per character instead of trying every word. At each
 * node the longer continuations come before stopping, and sibling branches
 * start with different characters, so a match is the longest word starting
 * there (what a longest-first alternation would give).
 */
export function keywordTrie(words: readonly string[]): string {
  const root: TrieNode = { next: new Map(), terminal: false };
  for (const w of words) {
    let node = root;
    for (const ch of w) {
      let child = node.next.get(ch);
      if (!child) {
        node.next.set(ch, child = { next: new Map(), terminal: false });
      }
      node = child;
    }
    node.terminal = true;
  }
  const emit = (node: TrieNode): string => {
    const alts: string[] = [];
    for (const [ch, child] of node.next) alts.push(escapeRe(ch) + emit(child));
    if (alts.length === 0) return "";
    const group = `(?:${alts.join("|")})`;
    if (node.terminal) return group + "?";
    return alts.length === 1 ? alts[0] : group;
  };
  return emit(root);
}

function compile(specs: readonly SensitiveSpec[]): Engine {
  const kinds = specs.map((spec): Compiled => {
    return {
      spec,
      re: undefined,
      validate: spec.validator ? VALIDATORS[spec.validator] : undefined,
      priority: spec.priority ?? 2,
      anchored: spec.anchored === true,
      gate: spec.requires ? TRAIT_BITS[spec.requires] : 0,
      id: spec.id,
      type: spec.type,
      severity: spec.severity,
      action: spec.action,
      category: spec.category,
    };
  });
  const cs = keywordIndex(kinds, false);
  const ci = keywordIndex(kinds, true);
  const always = kinds.flatMap((k, i) =>
    k.spec.keywords.length === 0 ? [i] : []
  );
  return {
    kinds,
    cs,
    ci,
    always,
    allActive: new Uint8Array(kinds.length).fill(1),
  };
}

let ENGINE: Engine | undefined;

/** Every catalogue entry the scanner runs: PII then secrets. */
export const SENSITIVE_SPECS: readonly SensitiveSpec[] = [
  ...PII_POLICIES,
  ...SECRET_POLICIES,
];

function engine(): Engine {
  return ENGINE ??= compile(SENSITIVE_SPECS);
}

/**
 * Candidates of one scan as flat arrays (no object per candidate). Each kind
 * scanned appends one run of candidates; `list` numbers the runs in scan
 * order, which breaks ties between identical spans the way a stable sort of
 * the scan order would.
 */
interface Candidates {
  start: number[];
  end: number[];
  list: number[];
  /** Kind of each run. */
  runKind: number[];
  /** Index of each run's first candidate (a run's candidates are contiguous). */
  runFrom: number[];
}

/** One validator context, reused for every candidate (validators keep no reference). */
const CTX: CheckContext = { text: "", start: 0, end: 0, match: "" };

function consider(
  k: Compiled,
  text: string,
  m: RegExpExecArray,
  run: number,
  out: Candidates,
): boolean {
  const m0 = m[0];
  const end = m.index + m0.length;
  let start = m.index;
  const g = m.groups;
  if (g !== undefined) {
    if (g.v !== undefined) start = end - g.v.length;
    else if (g.pre !== undefined) start -= g.pre.length;
  }
  if (end <= start) return false;
  const validate = k.validate;
  if (validate !== undefined) {
    CTX.text = text;
    CTX.start = start;
    CTX.end = end;
    CTX.match = m0;
    const ok = validate(text.slice(start, end), CTX);
    CTX.text = CTX.match = "";
    if (!ok) return false;
  }
  out.start.push(start);
  out.end.push(end);
  out.list.push(run);
  return true;
}

/** Kinds whose keywords occur: global kinds and, for anchored ones, where. */
interface Hits {
  /** Global kinds in first-hit order, and a flag per kind. */
  triggered: number[];
  isTriggered: Uint8Array;
  /** Anchored kinds in first-hit order, and each one's keyword offsets. */
  anchoredOrder: number[];
  positions: (number[] | undefined)[];
}

/** Texts up to this length (and all ASCII) find keywords with indexOf instead of the trie regex. */
const SHORT_TEXT = 4096;

/** Record one keyword hit `word` (index key) at `at`. */
function hitKeyword(
  ix: KeywordIndex,
  word: string,
  at: number,
  active: Uint8Array,
  kinds: Compiled[],
  hits: Hits,
): void {
  const list = kindsOf(ix, word);
  for (let j = 0; j < list.length; j++) {
    const i = list[j];
    if (active[i] === 0) continue;
    if (kinds[i].anchored) {
      let pos = hits.positions[i];
      if (pos === undefined) {
        hits.positions[i] = pos = [];
        hits.anchoredOrder.push(i);
      }
      pos.push(at);
    } else if (hits.isTriggered[i] === 0) {
      hits.isTriggered[i] = 1;
      hits.triggered.push(i);
    }
  }
}

/**
 * Keyword hits of a short ASCII text, exactly as the trie regex finds them:
 * scanning left to right, the longest keyword starting at a position, then on
 * from its end. (On ASCII text, a case-insensitive regex equals matching the
 * lower-cased text.)
 */
function collectShort(
  ix: KeywordIndex,
  text: string,
  active: Uint8Array,
  kinds: Compiled[],
  hits: Hits,
): void {
  if (ix.own.size === 0) return;
  const t = ix.ci ? text.toLowerCase() : text;
  let longest: Uint16Array | undefined;
  for (const kw of ix.own.keys()) {
    for (let p = t.indexOf(kw); p >= 0; p = t.indexOf(kw, p + 1)) {
      longest ??= new Uint16Array(t.length);
      if (kw.length > longest[p]) longest[p] = kw.length;
    }
  }
  if (longest === undefined) return;
  for (let p = 0; p < t.length;) {
    const len = longest[p];
    if (len === 0) {
      p++;
      continue;
    }
    hitKeyword(ix, t.slice(p, p + len), p, active, kinds, hits);
    p += len;
  }
}

function collectHits(
  ix: KeywordIndex,
  text: string,
  active: Uint8Array,
  kinds: Compiled[],
  hits: Hits,
): void {
  if (ix.own.size === 0) return;
  if (text.length <= SHORT_TEXT && !NON_ASCII_RE.test(text)) {
    collectShort(ix, text, active, kinds, hits);
    return;
  }
  const bytes = asciiBytes(text);
  if (bytes !== undefined) collectTable(ix, bytes, active, kinds, hits);
  else collectTrie(ix, text, active, kinds, hits);
}

/**
 * Keyword hits of an ASCII text (as bytes) by walking the keyword table: at
 * each position the longest keyword starting there, then on from its end
 * (what the trie regex finds).
 */
function collectTable(
  ix: KeywordIndex,
  bytes: Uint8Array,
  active: Uint8Array,
  kinds: Compiled[],
  hits: Hits,
): void {
  if (ix.own.size === 0) return;
  const table = keywordTable(ix);
  const pairs = table.pairs;
  const last = bytes.length - 1;
  for (let i = nextPair(pairs, bytes, 0, last); i <= last;) {
    const end = walk(table, bytes, i);
    if (end < 0) {
      i = nextPair(pairs, bytes, i + 1, last);
      continue;
    }
    hitKeyword(ix, table.words[lastTerm], i, active, kinds, hits);
    i = nextPair(pairs, bytes, end, last);
  }
}

/** First position from `i` whose pair of bytes can start a keyword (`last + 1` when none). */
function nextPair(
  pairs: Uint8Array,
  bytes: Uint8Array,
  i: number,
  last: number,
): number {
  for (; i < last; i++) {
    if (pairs[(bytes[i] << 7) | bytes[i + 1]] !== 0) return i;
  }
  if (i === last && pairs[bytes[i] << 7] !== 0) return i;
  return last + 1;
}

/** Keyword index found by the last {@link walk}. */
let lastTerm = -1;

/** End of the longest keyword starting at `i` (its index in `lastTerm`), or −1. */
function walk(t: KeywordTable, bytes: Uint8Array, i: number): number {
  const { sym, width, next, term } = t;
  let node = next[sym[bytes[i]]];
  if (node < 0) return -1;
  let best = term[node];
  let bestEnd = i + 1;
  for (let j = i + 1; j < bytes.length; j++) {
    node = next[node * width + sym[bytes[j]]];
    if (node < 0) break;
    if (term[node] >= 0) {
      best = term[node];
      bestEnd = j + 1;
    }
  }
  lastTerm = best;
  return best < 0 ? -1 : bestEnd;
}

/** Keyword hits by the trie regex (the reference the other two ways are tested against). */
function collectTrie(
  ix: KeywordIndex,
  text: string,
  active: Uint8Array,
  kinds: Compiled[],
  hits: Hits,
): void {
  if (ix.own.size === 0) return;
  const re = keywordRe(ix);
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const word = m[0];
    // Keys of the case-insensitive index are lower case: try the hit as is first.
    const key = ix.own.has(word) || !ix.ci ? word : word.toLowerCase();
    if (!ix.own.has(key)) continue;
    hitKeyword(ix, key, m.index, active, kinds, hits);
  }
}

const NON_ASCII_RE = /[\u0080-\uffff]/;

/** A kind's regex: sticky when anchored at keywords, else global. */
function regexOf(k: Compiled): RegExp {
  return k.re ??= new RegExp(
    k.spec.pattern,
    (k.anchored ? "y" : "g") + (k.spec.ignoreCase ? "i" : ""),
  );
}

function globalScan(
  k: Compiled,
  text: string,
  run: number,
  out: Candidates,
): void {
  const re = regexOf(k);
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (!consider(k, text, m, run, out)) re.lastIndex = m.index + 1;
  }
}

function anchoredScan(
  k: Compiled,
  text: string,
  positions: number[],
  run: number,
  out: Candidates,
): void {
  const re = regexOf(k);
  let covered = -1;
  for (let j = 0; j < positions.length; j++) {
    const p = positions[j];
    if (p < covered) continue;
    re.lastIndex = p;
    const m = re.exec(text);
    if (m && consider(k, text, m, run, out)) covered = m.index + m[0].length;
  }
}

interface Candidate {
  start: number;
  end: number;
  kind: number;
  priority: number;
}

/** Longest wins, then higher priority, then earlier start. */
function better(a: Candidate, b: Candidate): boolean {
  const la = a.end - a.start, lb = b.end - b.start;
  if (la !== lb) return la > lb;
  if (a.priority !== b.priority) return a.priority > b.priority;
  return a.start < b.start;
}

/** Greedy best-first choice inside one cluster of overlapping candidates. */
function pickCluster(cluster: Candidate[], out: Candidate[]): void {
  if (cluster.length === 1) {
    out.push(cluster[0]);
    return;
  }
  if (cluster.length === 2) {
    // Two candidates in a cluster overlap: the better one (the first on a tie) wins.
    const [a, b] = cluster;
    out.push(better(b, a) ? b : a);
    return;
  }
  const order = [...cluster].sort((a, b) =>
    better(a, b) ? -1 : better(b, a) ? 1 : 0
  );
  const chosen: Candidate[] = [];
  for (const c of order) {
    if (chosen.every((d) => c.end <= d.start || d.end <= c.start)) {
      chosen.push(c);
    }
  }
  chosen.sort((a, b) => a.start - b.start);
  for (const c of chosen) out.push(c);
}

/**
 * The {@link sortedOrder} order by merging the runs, each already in order
 * of start (a scan moves forward): at each step the head that starts first,
 * longer first, then the earlier run. Undefined when a run is not in strict
 * start order.
 */
function mergedOrder(c: Candidates): {
  start: Int32Array;
  end: Int32Array;
  run: Int32Array;
} | undefined {
  const n = c.start.length;
  const runs = c.runFrom.length;
  const cs = c.start, ce = c.end;
  const at = new Int32Array(runs), stop = new Int32Array(runs);
  const live = new Int32Array(runs);
  let alive = 0;
  for (let r = 0; r < runs; r++) {
    at[r] = c.runFrom[r];
    stop[r] = r + 1 < runs ? c.runFrom[r + 1] : n;
    for (let i = at[r] + 1; i < stop[r]; i++) {
      if (cs[i] <= cs[i - 1]) return undefined;
    }
    if (at[r] < stop[r]) live[alive++] = r;
  }
  const start = new Int32Array(n), end = new Int32Array(n);
  const run = new Int32Array(n);
  for (let o = 0; o < n; o++) {
    let best = 0;
    let i = at[live[0]];
    let bs = cs[i], be = ce[i];
    for (let q = 1; q < alive; q++) {
      i = at[live[q]];
      const s = cs[i];
      if (s < bs || (s === bs && ce[i] > be)) {
        best = q;
        bs = s;
        be = ce[i];
      }
    }
    const r = live[best];
    start[o] = bs;
    end[o] = be;
    run[o] = r;
    if (++at[r] === stop[r]) {
      for (let q = best + 1; q < alive; q++) live[q - 1] = live[q];
      alive--;
    }
  }
  return { start, end, run };
}

/**
 * Candidate order for the overlap sweep: by start, longer first, then scan
 * order. Each candidate packs into one exactly representable number
 * (start, inverted length, run), so a plain numeric sort does it; texts too
 * long for that fall back to a comparator sort.
 */
function sortedOrder(c: Candidates, runs: number, textLength: number): {
  start: Int32Array;
  end: Int32Array;
  run: Int32Array;
} {
  const n = c.start.length;
  const start = new Int32Array(n), end = new Int32Array(n);
  const run = new Int32Array(n);
  let maxLen = 0;
  for (let i = 0; i < n; i++) {
    const len = c.end[i] - c.start[i];
    if (len > maxLen) maxLen = len;
  }
  let lenSpan = 1;
  while (lenSpan <= maxLen) lenSpan *= 2;
  let runSpan = 1;
  while (runSpan < runs) runSpan *= 2;
  if ((textLength + 1) * lenSpan * runSpan <= Number.MAX_SAFE_INTEGER) {
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const len = c.end[i] - c.start[i];
      keys[i] = (c.start[i] * lenSpan + (lenSpan - 1 - len)) * runSpan +
        c.list[i];
    }
    keys.sort();
    for (let i = 0; i < n; i++) {
      const key = keys[i];
      const r = key % runSpan;
      const rest = (key - r) / runSpan;
      const inv = rest % lenSpan;
      const s = (rest - inv) / lenSpan;
      start[i] = s;
      end[i] = s + (lenSpan - 1 - inv);
      run[i] = r;
    }
  } else {
    const idx = Array.from({ length: n }, (_, i) => i);
    idx.sort((a, b) => c.start[a] - c.start[b] || c.end[b] - c.end[a] || a - b);
    for (let i = 0; i < n; i++) {
      start[i] = c.start[idx[i]];
      end[i] = c.end[idx[i]];
      run[i] = c.list[idx[i]];
    }
  }
  return { start, end, run };
}

function toFinding(
  e: Engine,
  kind: number,
  start: number,
  end: number,
): Finding {
  const s = e.kinds[kind];
  const f: Finding = {
    policyId: s.id,
    type: s.type,
    start,
    end,
    severity: s.severity,
    action: s.action,
    category: s.category,
  };
  return f;
}

/** Non-overlapping findings: one linear sweep over start-sorted candidates. */
function resolve(e: Engine, c: Candidates, textLength: number): Finding[] {
  const n = c.start.length;
  if (n === 0) return [];
  const { start, end, run } = mergedOrder(c) ??
    sortedOrder(c, c.runKind.length, textLength);
  const out: Finding[] = [];
  let i = 0;
  while (i < n) {
    let clusterEnd = end[i];
    let j = i + 1;
    while (j < n && start[j] < clusterEnd) {
      if (end[j] > clusterEnd) clusterEnd = end[j];
      j++;
    }
    if (j === i + 1) {
      out.push(toFinding(e, c.runKind[run[i]], start[i], end[i]));
    } else {
      const cluster: Candidate[] = [];
      for (let x = i; x < j; x++) {
        const kind = c.runKind[run[x]];
        cluster.push({
          start: start[x],
          end: end[x],
          kind,
          priority: e.kinds[kind].priority,
        });
      }
      const taken: Candidate[] = [];
      pickCluster(cluster, taken);
      for (const t of taken) out.push(toFinding(e, t.kind, t.start, t.end));
    }
    i = j;
  }
  return out;
}

function activeKinds(e: Engine, opts: SensitiveOptions): Uint8Array {
  const cats = opts.categories;
  const disabled = opts.disabled;
  if (!cats && (!disabled || disabled.size === 0)) return e.allActive;
  const active = new Uint8Array(e.kinds.length);
  for (let i = 0; i < e.kinds.length; i++) {
    const spec = e.kinds[i].spec;
    const on = (!cats || cats.includes(spec.category as "pii" | "secret")) &&
      !disabled?.has(spec.id);
    active[i] = on ? 1 : 0;
  }
  return active;
}

/**
 * Keyword hits of a text as kind ids: global kinds in first-hit order and
 * anchored kinds with their keyword offsets. `way` forces the indexOf path
 * (`"short"`, ASCII texts only), the keyword table (`"table"`, ASCII texts
 * only) or the trie
 * regex (`"trie"`); for tests that they agree.
 */
export function keywordHits(
  text: string,
  way: "short" | "table" | "trie",
): { triggered: number[]; anchored: [number, number[]][] } {
  const e = engine();
  const hits: Hits = {
    triggered: [],
    isTriggered: new Uint8Array(e.kinds.length),
    anchoredOrder: [],
    positions: new Array(e.kinds.length),
  };
  for (const ix of [e.cs, e.ci]) {
    if (way === "short") collectShort(ix, text, e.allActive, e.kinds, hits);
    else if (way === "table") {
      const bytes = asciiBytes(text);
      if (bytes === undefined) throw new Error("not an ASCII text");
      collectTable(ix, bytes, e.allActive, e.kinds, hits);
    } else collectTrie(ix, text, e.allActive, e.kinds, hits);
  }
  return {
    triggered: hits.triggered,
    anchored: hits.anchoredOrder.map((i) => [i, hits.positions[i]!]),
  };
}

/** All PII and secret findings in text, non-overlapping (longest/most specific wins), sorted by start. */
export function findSensitive(
  text: string,
  opts: SensitiveOptions = {},
): Finding[] {
  if (text.length === 0) return [];
  const e = engine();
  const active = activeKinds(e, opts);
  const hits: Hits = {
    triggered: [],
    isTriggered: new Uint8Array(e.kinds.length),
    anchoredOrder: [],
    positions: new Array(e.kinds.length),
  };
  collectHits(e.cs, text, active, e.kinds, hits);
  collectHits(e.ci, text, active, e.kinds, hits);
  const cands: Candidates = {
    start: [],
    end: [],
    list: [],
    runKind: [],
    runFrom: [],
  };
  const scan = (kind: number, positions?: number[]) => {
    const run = cands.runKind.length;
    cands.runKind.push(kind);
    cands.runFrom.push(cands.start.length);
    const k = e.kinds[kind];
    if (positions) anchoredScan(k, text, positions, run, cands);
    else globalScan(k, text, run, cands);
  };
  // Conditions of the keyword-less kinds, read from the text's bytes (all
  // assumed to hold on a non-ASCII text).
  let traits = -1;
  if (!opts.ungated) {
    const bytes = asciiBytes(text);
    if (bytes !== undefined) traits = textTraits(bytes);
  }
  for (const i of e.always) {
    const gate = e.kinds[i].gate;
    if (active[i] && (gate === 0 || (traits & gate) !== 0)) scan(i);
  }
  for (const i of hits.triggered) scan(i);
  for (const i of hits.anchoredOrder) scan(i, hits.positions[i]);
  return resolve(e, cands, text.length);
}
