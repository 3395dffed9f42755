/**
 * The validators a catalogue entry names (checksums, placeholders, entropy,
 * context around the value), and the helpers they share.
 *
 * @module
 */

import {
  abaValid,
  codiceFiscaleValid,
  cpfValid,
  dniValid,
  ibanValid,
  luhnValid,
  nhsValid,
  nricValid,
  personnummerValid,
  shannonEntropy,
  sinValid,
  ssnValid,
  verhoeffValid,
} from "./checksums.ts";
import { postalAddressValid, streetAddressValid } from "./addresses.ts";
import {
  documentationEmail,
  documentationIpv4,
  documentedValue,
  exampleIban,
  exampleSsn,
  fictionalNanp,
  fictionText,
  nanpTollFree,
  privateIpv4,
  publishedKey,
  reservedMailDomain,
  testCard,
  testText,
  tollFreeNumber,
} from "./documentation.ts";
import {
  bsnValid,
  chinaIdValid,
  cnpjValid,
  curpValid,
  deTaxIdValid,
  krRrnValid,
  labelledIdValid,
  medicareValid,
  myNumberValid,
  nirValid,
  peselValid,
  sortCodeValid,
  zaIdValid,
} from "./world_ids.ts";
import type {
  CheckContext,
  Validator,
  ValidatorName,
} from "./sensitive_spec.ts";
import { hostRecord, versionConnected } from "./ip_context.ts";
import { serverAddress } from "./ip_servers.ts";
import { mrzTd1Valid, mrzValid } from "./mrz.ts";
import { personNameValid } from "./person_names.ts";
import { NATIONAL_CHECKS } from "./national_checks.ts";

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

/** A path segment of random key material: 16+ characters mixing lower case, upper case and digits. */
const RANDOM_SEGMENT =
  /^(?=[^/]{0,200}[a-z])(?=[^/]{0,200}[A-Z])(?=[^/]{0,200}\d)[A-Za-z0-9]{16,}$/;

/**
 * Whether a value starting with `/` is base64 key material rather than a
 * path (`/q5yY…` of an AWS secret key): 20+ characters of the base64
 * alphabet with a `+` or `=`, or with a segment of random mixed case and
 * digits. `/var/lib/app` and `/run/secrets/jwt.key` stay paths.
 */
function slashLeadKey(s: string): boolean {
  if (s.length < 20 || !/^\/[A-Za-z0-9+/]+={0,2}$/.test(s)) return false;
  return /[+=]/.test(s) || s.split("/").some((p) => RANDOM_SEGMENT.test(p));
}

/** True when `v` is a template, variable reference, mask or placeholder word. */
export function isPlaceholder(v: string): boolean {
  const s = v.trim();
  if (s.length === 0) return true;
  return templateShape(s) || placeholderText(s);
}

/** A template or reference by its shape: a sigil first (`$X`, `%X%`, `<X>`, `~/…`) or `${`, `{{`, `%(` inside. */
function templateShape(s: string): boolean {
  return /^[$%@!&*#<[({~]/.test(s) ||
    /\$\{|\{\{|\}\}|%\(|<[A-Za-z_-]|\]\]/.test(s);
}

/** A placeholder by its text: masks, `example`, `your…`, `…here`, relative paths, placeholder words. */
function placeholderText(s: string): boolean {
  if (/x{4}|X{4}|\*{3}|\.{3}|[•…]|(.)\1{5}|example/i.test(s)) return true;
  const lower = s.toLowerCase();
  if (/^your|here$|^<|^~\/|^\.\.?\//.test(lower)) return true;
  if (s.startsWith("/") && !slashLeadKey(s)) return true;
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
export function keyBefore(text: string, start: number): string | undefined {
  // What /["']?([A-Za-z_][\w.-]{0,40})["']?\s{0,3}[:=]\s{0,3}["']?$/ finds
  // in the 60 characters before `start`, read backwards (the regex, run on
  // every bare digit run, was the scanner's hottest spot).
  const from = Math.max(0, start - 60);
  let i = start;
  if (i > from && isQuote(text.charCodeAt(i - 1))) i--;
  for (let k = 0; k < 3 && i > from && isSpace(text.charCodeAt(i - 1)); k++) {
    i--;
  }
  if (i <= from) return undefined;
  const glue = text.charCodeAt(i - 1);
  if (glue !== 58 && glue !== 61) return undefined;
  i--;
  for (let k = 0; k < 3 && i > from && isSpace(text.charCodeAt(i - 1)); k++) {
    i--;
  }
  if (i > from && isQuote(text.charCodeAt(i - 1))) i--;
  let a = i;
  while (a > from && i - a < 41 && isKeyChar(text.charCodeAt(a - 1))) a--;
  while (a < i && !isKeyStart(text.charCodeAt(a))) a++;
  return a === i ? undefined : text.slice(a, i).toLowerCase();
}

const isQuote = (c: number): boolean => c === 34 || c === 39;
/** What `\s` matches among the characters a log holds. */
const isSpace = (c: number): boolean =>
  c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0xfeff ||
  c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 ||
  c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
const isKeyStart = (c: number): boolean =>
  (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isKeyChar = (c: number): boolean =>
  isKeyStart(c) || (c >= 48 && c <= 57) || c === 46 || c === 45;

const ID_KEY =
  /(?:id|ids|uuid|ts|seq|time|stamp|order|invoice|offset|hash|version|count|total|size|bytes|amount|nonce|serial|tx|block|height|ref|epoch|ms|ns|sequence|index|idx|key)$/;
const PII_KEY =
  /card|cc|ccn|pan|credit|debit|aadhaa?r|uid|ssn|phone|mobile|iban|account/;

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

/** Words that say a number is a payment card. */
const CARD_WORD =
  /(?:card|cc|ccn|pan|visa|master|maestro|amex|unionpay|jcb|discover|credit|debit|payment|kart[ae]?|tarjeta|carte|carta|cart[aã]o)/i;

/** True when a card word occurs in the 60 characters before the value. */
function cardWordBefore(ctx: CheckContext): boolean {
  return CARD_WORD.test(ctx.text.slice(Math.max(0, ctx.start - 60), ctx.start));
}

/** Group lengths of a grouped card number, joined with "-" (e.g. "4-4-4-4"); undefined when two different separators are used. */
function cardShape(v: string): string | undefined {
  const parts = v.split(/[^0-9]+/);
  const seps = v.match(/[^0-9]+/g) ?? [];
  for (const s of seps) if (s !== seps[0]) return undefined;
  return parts.map((p) => p.length).join("-");
}

function cardValid(v: string, ctx: CheckContext): boolean {
  let grouped = false;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c < 48 || c > 57) {
      grouped = true;
      break;
    }
  }
  const digits = grouped ? v.replace(/[^0-9]/g, "") : v;
  if (digits.length < 13 || digits.length > 19) return false;
  if (grouped) {
    const shape = cardShape(v);
    if (shape === undefined || !CARD_GROUPINGS.has(shape)) return false;
  } else if (idContext(ctx)) {
    return false;
  } else if (
    (digits.length > 16 || digits.length === 13) && !cardWordBefore(ctx)
  ) {
    // 17-19 digits in one run are far more often message, order and
    // snowflake ids than cards, and 13 are an EAN-13 barcode or an epoch
    // in milliseconds far more often than one of the old 13-digit Visa
    // numbers: a card word must say it is one.
    return false;
  }
  if (/^(\d)\1+$/.test(digits)) return false;
  if (testCard(digits, ctx.text, ctx.start, ctx.end)) return false;
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

/**
 * Decision (round 7): an address in a private, shared (CGNAT) or link-local
 * range is never personal data: it names a host inside some network (a
 * health check's source, a pod, a gateway), not a subscriber line,
 * wherever it is written. One in a documentation block is not either
 * where the output reads as docs or tests (see `documentedValue`).
 */
function nonPersonalIpv4(
  a: number,
  b: number,
  c: number,
  ctx: CheckContext,
): boolean {
  return privateIpv4(a, b) ||
    (documentationIpv4(a, b, c) &&
      documentedValue(ctx.text, ctx.start, ctx.end));
}

/** Four dot-separated parts of 1–3 digits each, as the catalogue's pattern matches. */
const IPV4_SHAPE = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/** Like {@link ipv4ValidGeneral}, read straight from the characters for the usual shape. */
function ipv4Valid(v: string, ctx: CheckContext): boolean {
  if (!IPV4_SHAPE.test(v)) return ipv4ValidGeneral(v, ctx);
  const octets = [0, 0, 0, 0];
  let n = 0;
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
    octets[n++] = value;
    value = 0;
    from = i + 1;
  }
  const first = octets[0];
  if (first === 0 || first === 127 || first >= 224) return false;
  if (nonPersonalIpv4(first, octets[1], octets[2], ctx)) return false;
  return !versionBefore(ctx) && !productBefore(ctx) &&
    !versionOperatorBefore(ctx) &&
    !versionConnected(ctx.text, ctx.start) &&
    !hostRecord(ctx.text, ctx.start) &&
    !serverAddress(ctx.text, ctx.start, ctx.end);
}

/** A version constraint's operator right before the value (`libfoo >= 1.2.3.4`, `~> 2.1.0.3`, `^1.2.3.4`); not `=` or `->`, which log fields use. */
const VERSION_OPERATOR = /(?:>=|<=|==|!=|~=|~>|\^)[ \t]{0,2}$/;

/** True when a version operator stands right before the value (see {@link VERSION_OPERATOR}). */
function versionOperatorBefore(ctx: CheckContext): boolean {
  return VERSION_OPERATOR.test(
    ctx.text.slice(Math.max(0, ctx.start - 4), ctx.start),
  );
}

/**
 * Words that introduce a version or build number ("Windows build
 * 5.0.14.89", "V8 10.7.193.22", "Chrome/120.0.6099.109"): a dotted quad
 * right after one is a version, not an address.
 */
const VERSION_WORD =
  /(?:^|[^A-Za-z])(?:version|ver|v|rev|revision|release|build|firmware|fw|kernel|driver|patch|sdk|runtime|v8|bios|os|windows|chrome|chromium|firefox|edge|safari|opera|nvidia|cuda|framework|office|ios|android|macos|python|node|java|jdk|jre)\.?\s{0,2}[:=/]?\s{0,2}v?$/i;

/** True when the value follows a version word (see {@link VERSION_WORD}). */
function versionBefore(ctx: CheckContext): boolean {
  // Cheap exit: the nearest non-space, non-glue character before is not a letter or digit.
  let i = ctx.start - 1;
  while (i >= 0 && i > ctx.start - 5) {
    const c = ctx.text.charCodeAt(i);
    if (c === 32 || c === 58 || c === 61 || c === 47 || c === 118 || c === 86) {
      i--;
    } else break;
  }
  if (i < 0) return false;
  const c = ctx.text.charCodeAt(i) | 32;
  if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) return false;
  const before = ctx.text.slice(Math.max(0, ctx.start - 24), ctx.start);
  return VERSION_WORD.test(before);
}

/**
 * Words that put an address after them: prepositions, labels, network
 * nouns and the commands and verbs of logs ("from 203.0.113.7",
 * "nameserver 8.8.8.8", "ping 1.1.1.1", "Ban 198.51.100.4").
 */
const ADDRESS_WORDS = new Set(
  ("from to by at for via on of in is was as and or with against into onto " +
    "ip ips ipv4 addr address addrs inet host hosts hostname server servers " +
    "nameserver dns resolver peer peers client clients remote local src dst " +
    "source dest destination gateway gw default route router proxy upstream " +
    "downstream backend origin target endpoint node nodes master worker lb " +
    "vip nat snat dnat public private internal external lan wan vpn tunnel " +
    "subnet network net broadcast neighbor neighbour arp lease dhcp relay " +
    "sender forward forwarded forwarder ping ping6 connect ssh scp sftp rsync " +
    "curl wget telnet nc ncat netcat nmap dig nslookup traceroute tracepath " +
    "whois mtr allow deny block ban unban reject drop accept user login " +
    "attacker attack scan probe new old the a an your my our their this that " +
    "use try reach reply answer query request answered address: listen bind " +
    "interface iface eth0 wlan0 ens3 docker0 tun0 lo " +
    "mail smtp imap pop3 mx ns ntp ldap syslog http https tcp udp icmp")
    .split(" "),
);

/**
 * A dotted quad right after a product name ("openssl 3.0.13.1", "VLC media
 * player 3.0.20.3") is a version: one space, then a bare word before it
 * that is not a label (`Address: ...`) and puts no address after it (see
 * {@link ADDRESS_WORDS}; verbs in -ed/-ing, "blocked", "connecting", too),
 * and no port, prefix length or "port" after the quad.
 */
function productBefore(ctx: CheckContext): boolean {
  const t = ctx.text;
  const s = ctx.start;
  if (s < 2 || t.charCodeAt(s - 1) !== 32) return false;
  const after = t.charCodeAt(ctx.end);
  if (after === 58 || after === 47) return false;
  if (t.startsWith(" port", ctx.end)) return false;
  let a = s - 1;
  while (a > 0 && s - 1 - a < 30 && isWordChar(t.charCodeAt(a - 1))) a--;
  if (a === s - 1 || s - 1 - a >= 30) return false;
  const first = t.charCodeAt(a) | 32;
  if (first < 97 || first > 122) return false;
  if (a > 0) {
    const c = t.charCodeAt(a - 1);
    // Part of a path, key, address or flag (`--host 1.2.3.4`, `x.y 1.2.3.4`).
    if (c === 45 || c === 46 || c === 47 || c === 64 || c === 61) return false;
  }
  const word = t.slice(a, s - 1).toLowerCase();
  if (ADDRESS_WORDS.has(word)) return false;
  return !(word.endsWith("ed") || word.endsWith("ing"));
}

/** Letters, digits, `_`, `+`, `-` (a product name's characters). */
const isWordChar = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ||
  c === 95 || c === 43 || c === 45;

function ipv4ValidGeneral(v: string, ctx: CheckContext): boolean {
  const parts = v.split(".");
  if (parts.length !== 4) return false;
  for (const p of parts) {
    if (p.length > 1 && p[0] === "0") return false;
    if (Number(p) > 255) return false;
  }
  const [a, b] = parts.map(Number);
  if (a === 0 || a === 127 || a >= 224) return false;
  if (nonPersonalIpv4(a, b, Number(parts[2]), ctx)) return false;
  return !versionBefore(ctx) && !productBefore(ctx) &&
    !versionOperatorBefore(ctx) &&
    !versionConnected(ctx.text, ctx.start) &&
    !hostRecord(ctx.text, ctx.start) &&
    !serverAddress(ctx.text, ctx.start, ctx.end);
}

/**
 * Decision: a unique local IPv6 address (fc00::/7, `fd12:3456:789a::1`) is a
 * private network's address like 10.0.0.0/8, not a person's; link-local
 * addresses (fe80::/10) may embed a device's MAC and stay findings.
 */
function uniqueLocalIpv6(lower: string): boolean {
  const colon = lower.indexOf(":");
  if (colon !== 4) return false;
  const a = parseInt(lower.slice(0, 4), 16);
  return a >= 0xfc00 && a <= 0xfdff;
}

/** A compressed IPv6 address: not loopback or unspecified, at most 8 groups, a digit somewhere, and not two tiny groups (`1::2`). */
function ipv6Valid(v: string, ctx: CheckContext): boolean {
  const lower = v.toLowerCase();
  if (lower === "::1" || lower === "::" || !/\d/.test(v)) return false;
  if (uniqueLocalIpv6(lower)) return false;
  if (lower.startsWith("::ffff:")) {
    return lower.slice(7).split(".").every((p) => Number(p) <= 255);
  }
  const groups = v.split(":").filter((g) => g !== "");
  if (groups.length > 7 || groups.length === 0) return false;
  if (groups.every((g) => /^0+$/.test(g))) return false;
  if (groups.length <= 2 && groups.every((g) => g.length <= 2)) return false;
  return !versionBefore(ctx);
}

/** An IPv6 address in eight groups: a digit somewhere, not all zeros, not eight byte pairs (a key fingerprint). */
function ipv6FullValid(v: string, ctx: CheckContext): boolean {
  const groups = v.split(":");
  if (groups.length !== 8 || !/\d/.test(v)) return false;
  if (uniqueLocalIpv6(v.toLowerCase())) return false;
  if (groups.every((g) => /^0+$/.test(g))) return false;
  if (groups.every((g) => g.length === 2)) return false;
  return !versionBefore(ctx);
}

/** India mobile with trunk 0: not an id value, not one repeated digit. */
function phoneIndiaValid(v: string, ctx: CheckContext): boolean {
  const d = v.replace(/\D/g, "");
  if (/^0(\d)\1+$/.test(d)) return false;
  return d !== v || !idContext(ctx);
}

/** Indonesian province codes (the first two digits of a NIK). */
const KTP_PROVINCES = new Set([
  11,
  12,
  13,
  14,
  15,
  16,
  17,
  18,
  19,
  21,
  31,
  32,
  33,
  34,
  35,
  36,
  51,
  52,
  53,
  61,
  62,
  63,
  64,
  65,
  71,
  72,
  73,
  74,
  75,
  76,
  81,
  82,
  91,
  92,
  93,
  94,
  95,
  96,
]);

/** A NIK's structure: province, regency and district codes, birth date (women: day + 40), serial. */
export function ktpValid(v: string): boolean {
  if (!/^\d{16}$/.test(v)) return false;
  const n = (a: number) => Number(v.slice(a, a + 2));
  if (!KTP_PROVINCES.has(n(0)) || n(2) === 0 || n(4) === 0) return false;
  const day = n(6) > 40 ? n(6) - 40 : n(6);
  const month = n(8);
  if (day < 1 || day > 31 || month < 1 || month > 12) return false;
  return v.slice(12) !== "0000";
}

/** A UEN's shape (the pattern) and a plausible year for the dated forms. */
function uenValid(v: string): boolean {
  if (/^[TSR]\d{2}/.test(v)) return true;
  if (v.length === 10) {
    const year = Number(v.slice(0, 4));
    return year >= 1900 && year <= 2100;
  }
  return !/^(\d)\1+$/.test(v.slice(0, 8));
}

function sepsSane(v: string): boolean {
  // No doubled separators except around a parenthesis; balanced parentheses.
  if (/[ .-]{2}/.test(v.replace(/\) |\s\(/g, "|"))) return false;
  const open = v.split("(").length - 1;
  const close = v.split(")").length - 1;
  return open === close && open <= 1;
}

function nanpValid(ten: string): boolean {
  return /^[2-9]\d{2}[2-9]\d{6}$/.test(ten) && !/^(\d)\1+$/.test(ten) &&
    !fictionalNanp(ten);
}

function phoneUsValid(v: string, ctx?: CheckContext): boolean {
  if (!sepsSane(v)) return false;
  if (ctx && idNounBefore(ctx)) return false;
  let d = v.replace(/\D/g, "");
  if (d.length === 11 && d[0] === "1") d = d.slice(1);
  if (d.length !== 10) return false;
  // the two separators after the area code must agree unless it is in parentheses
  const seps = v.replace(/^1[ .-]?/, "").match(/[ .-]/g) ?? [];
  if (!v.includes("(") && seps.length === 2 && seps[0] !== seps[1]) {
    return false;
  }
  return nanpValid(d) && !serviceNumber(v, ctx);
}

function phoneIntlValid(v: string, ctx?: CheckContext): boolean {
  if (!sepsSane(v)) return false;
  const d = v.replace(/\D/g, "");
  if (d.length < 8 || d.length > 15 || serviceNumber(v, ctx)) return false;
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

/** A noun naming what the digits number (`Build 0123 4567890`, `order #0161 496 0000`): an id, not a phone. */
const ID_NOUN_BEFORE =
  /\b(?:build|order|ticket|job|release|version|invoice|ref|reference|case|issue|bug|pipeline|commit|serial|sku|part|batch|lot|tracking|shipment|parcel|transaction|txn|run)\s{0,2}(?:#|no\.?)?\s{0,2}[:#]?\s{0,2}$/i;

/** True when an id noun stands right before the value (see {@link ID_NOUN_BEFORE}). */
function idNounBefore(ctx: CheckContext): boolean {
  return ID_NOUN_BEFORE.test(
    ctx.text.slice(Math.max(0, ctx.start - 32), ctx.start),
  );
}

/** Words that present a service's line (`Support hotline:`, `call us toll-free`). */
const SERVICE_WORD =
  /\b(?:hotline|helpline|help ?desk|support|service|toll[ -]?free|free ?phone|call us|customer care|sales line|info ?line|reservations)\b/i;

/**
 * Whether phone digits are a toll-free service number (see
 * `tollFreeNumber`): outside North America by the prefix alone; a North
 * American 8XX number only after a service word on its line, since a
 * record's phone field keeps what the person entered.
 */
function serviceNumber(v: string, ctx?: CheckContext): boolean {
  const d = v.replace(/\D/g, "");
  if (tollFreeNumber(d)) return true;
  if (ctx === undefined || !nanpTollFree(d)) return false;
  const ls = ctx.text.lastIndexOf("\n", ctx.start - 1) + 1;
  return SERVICE_WORD.test(
    ctx.text.slice(Math.max(ls, ctx.start - 80), ctx.start),
  );
}

function phoneUkValid(v: string, ctx?: CheckContext): boolean {
  if (ctx && idNounBefore(ctx)) return false;
  const d = v.replace(/\D/g, "");
  if (d.length !== 11 && d.length !== 10) return false;
  if (!/[ -]/.test(v) && !d.startsWith("07")) return false;
  return !/^0(\d)\1+$/.test(d) && !serviceNumber(v, ctx);
}

function phoneAnyValid(v: string, ctx?: CheckContext): boolean {
  if (!sepsSane(v)) return false;
  if (
    /^\d{4}[-./]\d{1,2}[-./]\d{1,2}$|^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$/.test(v)
  ) {
    return false;
  }
  const d = v.replace(/\D/g, "");
  // The range for fiction, bare or with a North American area code.
  if (
    (d.length === 7 || d.length === 10 ||
      (d.length === 8 || d.length === 11) && d[0] === "1") &&
    fictionalNanp(d)
  ) return false;
  return d.length >= 7 && d.length <= 15 && !/^(\d)\1+$/.test(d) &&
    !serviceNumber(v, ctx);
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

/** A date's day, month name and year (`25 de julio de 1952`, `3 mai 1980`, `12 März 1981`). */
const NAMED_MONTH_DATE =
  /^(\d{1,2})(?:º|°|er)?\.? (?:de )?([a-zà-ÿąćęłńśźżğış]{3,12})\.?(?: de)? (\d{4})$/;

/** Month name prefixes (accents dropped) of English, German, Dutch, French, Spanish, Portuguese, Italian, Polish (genitive) and Turkish, by month. */
const MONTH_PREFIXES: readonly (readonly string[])[] = [
  ["jan", "ene", "gen", "sty", "oca"],
  ["feb", "fev", "lut", "sub"],
  ["mar", "maa"],
  ["apr", "abr", "avr", "kwi", "nis"],
  ["may", "mai", "mag", "mei", "maj"],
  ["juin", "jun", "giu", "cze", "haz"],
  ["juil", "jul", "lug", "lip", "tem"],
  ["aug", "ago", "aou", "sie", "agu"],
  ["sep", "set", "wrz", "eyl"],
  ["oct", "okt", "out", "ott", "paz", "eki"],
  ["nov", "lis", "kas"],
  ["dec", "dic", "dez", "gru", "ara"],
];

/** The month (1-12) a month name (any case, accents allowed) names in one of {@link MONTH_PREFIXES}' languages; 0 for none. */
function monthOf(word: string): number {
  const w = word.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
  if (w.startsWith("jui")) {
    return w.startsWith("juin") ? 6 : w.startsWith("juil") ? 7 : 0;
  }
  for (let i = 0; i < MONTH_PREFIXES.length; i++) {
    if (MONTH_PREFIXES[i].some((p) => w.startsWith(p))) return i + 1;
  }
  return 0;
}

function dateValid(v: string): boolean {
  const s = v.toLowerCase();
  let y: number, m: number, d: number;
  let x: RegExpExecArray | null;
  if ((x = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s))) {
    [y, m, d] = [Number(x[1]), Number(x[2]), Number(x[3])];
  } else if (
    // Year first with slashes, dots or 年月日: 1980/12/02, 1980.12.02, 1980年12月2日.
    (x = /^(\d{4})([/.年])(\d{1,2})[/.月](\d{1,2})日?$/.exec(s)) &&
    (x[2] === "年") === s.endsWith("日")
  ) {
    [y, m, d] = [Number(x[1]), Number(x[3]), Number(x[4])];
  } else if ((x = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})$/.exec(s))) {
    const a = Number(x[1]), b = Number(x[2]);
    y = Number(x[3]);
    // US month/day or European day/month: accept either reading.
    [m, d] = a <= 12 ? [a, b] : [b, a];
    if (x[3].length === 3) return false;
  } else if ((x = /^(\d{4})(\d{2})(\d{2})$/.exec(s))) {
    [y, m, d] = [Number(x[1]), Number(x[2]), Number(x[3])];
  } else if (
    (x = /^(\d{1,2})([-/])([a-z]{3,9})\2(\d{4})$/.exec(s)) &&
    monthOf(x[3]) > 0
  ) {
    [d, m, y] = [Number(x[1]), monthOf(x[3]), Number(x[4])];
  } else if ((x = NAMED_MONTH_DATE.exec(s)) && monthOf(x[2]) > 0) {
    [d, m, y] = [Number(x[1]), monthOf(x[2]), Number(x[3])];
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

/** A mail header naming messages, not people: its ids are `<local@host>` but no address. */
const MESSAGE_ID_HEADER =
  /(?:^|\n)(?:message-id|in-reply-to|references|content-id|x-message-id)[ \t]*:[^\n]{0,400}<$/i;

/** A message id named in prose or a log field (`(message-id <…>)`, `msgid=<…>`): the bracketed id right after its label. */
const MESSAGE_ID_LABEL =
  /\b(?:message[-_ ]?id|msg[-_]?id|mail[-_]?id|in-reply-to)\s{0,3}[:=]?\s{0,3}<$/i;

/** True when the address at `start` is a message id in brackets of a Message-ID, References... header, or right after such a label. */
function inMessageIdHeader(text: string, start: number): boolean {
  if (text.charCodeAt(start - 1) !== 60) return false; // "<"
  if (MESSAGE_ID_LABEL.test(text.slice(Math.max(0, start - 40), start))) {
    return true;
  }
  return MESSAGE_ID_HEADER.test(text.slice(Math.max(0, start - 420), start));
}

function emailValid(v: string, ctx: CheckContext): boolean {
  if (inUrlUserinfo(ctx.text, ctx.start)) return false;
  if (inMessageIdHeader(ctx.text, ctx.start)) return false;
  const at = v.lastIndexOf("@");
  const local = v.slice(0, at);
  const domain = v.slice(at + 1).toLowerCase();
  if (local.endsWith(".") || local.includes("..")) return false;
  if (documentationEmail(local, domain)) return false;
  // At a reserved domain, in output that reads as tests or docs (not only
  // quoted: JSON quotes every address).
  if (
    reservedMailDomain(domain) &&
    (testText(ctx.text) || fictionText(ctx.text))
  ) return false;
  const tld = domain.slice(domain.lastIndexOf(".") + 1);
  if (FILE_EXTENSIONS.has(tld)) return false;
  if (serviceAccountDomain(domain)) return false;
  return !(local === "git" &&
    /^(?:github\.com|gitlab\.com|bitbucket\.org)$/.test(domain));
}

/**
 * Decision: a Google Cloud service-account address
 * (`name@project.iam.gserviceaccount.com`, `…@developer.gserviceaccount.com`,
 * `…@appspot.gserviceaccount.com`) names a machine account, not a person:
 * it is not personal data, and not a secret either (knowing it grants
 * nothing; the key file's private_key is the secret). It is not reported as
 * an e-mail address, in a key file or anywhere else.
 */
function serviceAccountDomain(domain: string): boolean {
  return domain === "gserviceaccount.com" ||
    domain.endsWith(".gserviceaccount.com");
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
  if (publishedKey(v)) return false;
  if (
    hasRunOf6(v) || v.includes("xxxx") || v.includes("XXXX") ||
    v.includes("***")
  ) return false;
  if (v.length < 30 && lowerWord(v)) return false;
  if (/EXAMPLE|[Ee]xample/.test(v)) return false;
  // A counting run (0123456789abcdef, abcdefghijkl): a format shown, not a token.
  if (/0123456789abcdef|0123456789ABCDEF|abcdefghijkl|ABCDEFGHIJKL/.test(v)) {
    return false;
  }
  if (v.startsWith("eyJ") && isSampleJwt(v)) return false;
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

/** A dotted part of 10+ characters with two separate runs of digits (`xxfx48juecgnu5il`): random, not an identifier. */
const RANDOM_PART = /(?:^|\.)(?=[^.]{10})[^.\d]*\d+[^.\d]+\d/;

function codeReference(v: string): boolean {
  // Each dotted part an identifier: "config.db.password" is code,
  // "Ember.49895tnvz" (a part starting with a digit) is not, nor is a
  // kubeadm token "abcdef.0123456789abcdef" or a part with scattered digits.
  return /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/.test(v) &&
      !RANDOM_PART.test(v) ||
    /[()]/.test(v) ||
    /^(?:[A-Za-z_]+)$/.test(v) && /[a-z][A-Z]|_/.test(v) && !randomCamel(v);
}

/**
 * Letters whose case changes every one or two characters (`FzLzWiByEwNzdU`):
 * a generated password, not an identifier, whose camel-case words are
 * longer (`getUserPassword`, `DbPassword`).
 */
function randomCamel(v: string): boolean {
  if (v.includes("_")) return false;
  const words = v.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])/g) ?? [];
  return words.length >= 5 && v.length / words.length < 3;
}

/** A date or a time of day, as logs and records print them (`2026-12-02`, `10:14:07`, `2026-12-02T10:14:07Z`). */
const DATE_OR_TIME =
  /^(?:\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?|\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?)$/;

/**
 * A base64 value that decodes to a placeholder (`Y2hhbmdlbWU=` is
 * "changeme"): a Kubernetes Secret's data or a config's encoded field
 * holding a stand-in, not a password.
 */
function encodedPlaceholder(v: string): boolean {
  if (v.length < 8 || v.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(v)) {
    return false;
  }
  const decoded = base64Decode(v);
  return decoded !== undefined && /^[\x20-\x7e]{3,}$/.test(decoded) &&
    isPlaceholder(decoded);
}

function assignedPasswordValid(v: string, ctx: CheckContext): boolean {
  if (v.length < 6 || v.length > 200 || isPlaceholder(v)) return false;
  // A password field's metadata (password_changed_at: 2026-12-02), not a password.
  if (DATE_OR_TIME.test(v)) return false;
  if (v.trim().split(/\s+/).length >= 3) return false;
  if (encodedPlaceholder(v)) return false;
  if (unquoted(ctx)) {
    if (codeReference(v) && !envAssignment(ctx)) return false;
    if (/^[A-Za-z]+$/.test(v) && v.length < 12) return false;
  }
  return shannonEntropy(v) >= 2;
}

/** An environment line's `NAME=` right before the value: upper-case name, no spaces around `=` (`.env`, `export`, `docker -e`). */
const ENV_NAME_BEFORE = /(?:^|[\s"'])[A-Z][A-Z0-9_]{1,63}=$/;

/**
 * Whether the value follows `NAME=` of an environment line: there the
 * value is literal text (a reference would be `$NAME`), so a dotted value
 * such as `Falcon.iFnzVRN6149` is a password, not code.
 */
function envAssignment(ctx: CheckContext): boolean {
  return ENV_NAME_BEFORE.test(
    ctx.text.slice(Math.max(0, ctx.start - 66), ctx.start),
  );
}

/**
 * A bare `key =` line of a credential file (rclone, INI) or of a config
 * object in code (`key: '…'`): key material is long, random and one token,
 * with upper case, lower case and digits; not a name, path, host or
 * placeholder (`key = /etc/ssl/app.key`).
 */
function configKeyValid(v: string, ctx: CheckContext): boolean {
  // `~` and `.` occur in client secrets (Azure's `…Q~…`); a dotted name
  // (`app.Settings.Title2`) is a reference, not key material.
  if (v.length < 20 || !/^[A-Za-z0-9+/=_~.-]+$/.test(v)) return false;
  if (/^[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)+$/.test(v)) return false;
  if (!/[a-z]/.test(v) || !/[A-Z]/.test(v) || !/\d/.test(v)) return false;
  return assignedSecretValid(v, ctx) && shannonEntropy(v) >= 3.5;
}

/** Key material stated in prose (`the new secret key is ...`): one long random token, not a word. */
function proseSecretValid(v: string, ctx: CheckContext): boolean {
  const s = v.replace(/[.,;:!?)]+$/, "");
  if (s.length < 20 || !/\d/.test(s)) return false;
  return assignedSecretValid(s, ctx) && shannonEntropy(s) >= 3.5;
}

/**
 * Whether the value at `ctx.start` is part of an Amazon Resource Name
 * (`arn:aws:secretsmanager:…:secret:prod/api-AbCdEf`): an ARN names a
 * resource, it grants nothing.
 */
function inArn(ctx: CheckContext): boolean {
  let a = ctx.start;
  while (
    a > 0 && ctx.start - a < 512 && !/[\s"'\x60=,(]/.test(ctx.text[a - 1])
  ) {
    a--;
  }
  return /^arn:aws(?:-[a-z]+)*:/i.test(ctx.text.slice(a, ctx.start));
}

/**
 * A long random run of every character class (a WordPress salt, a
 * generated key): no template, even when it starts with `~` or holds `{{`
 * or `<a` by chance.
 */
function randomRun(v: string): boolean {
  return v.length >= 40 && !/\s/.test(v) && charClasses(v) === 4 &&
    shannonEntropy(v) >= 4.5;
}

function assignedSecretValid(v: string, ctx: CheckContext): boolean {
  if (v.length < 12 || v.length > 4096) return false;
  const t = v.trim();
  if (t.length === 0 || placeholderText(t)) return false;
  if (templateShape(t) && !randomRun(t)) return false;
  if (inArn(ctx)) return false;
  if (v.startsWith("eyJ") && isSampleJwt(v)) return false;
  if (/\s/.test(v)) return false;
  if (unquoted(ctx) && codeReference(v)) return false;
  if (/^\d+$/.test(v)) return false;
  return charClasses(v) >= 2 && shannonEntropy(v) >= 3;
}

/** Passwords of example and local-development URLs (`postgres://postgres:postgres@localhost`). */
const DEFAULT_PASSWORDS = new Set([
  "postgres",
  "root",
  "guest",
  "admin",
  "pass",
  "passw0rd",
  "pa55word",
  "secret",
  "mysql",
  "redis",
  "rabbitmq",
  "mongo",
  "toor",
  "user",
  "demo",
  "letmein",
  "123456",
  "12345678",
  "qwerty",
  "sa",
  "dev",
  "local",
]);

function urlPasswordValid(v: string, ctx: CheckContext): boolean {
  if (isPlaceholder(v) || /^(?:pw|pwd|p|x)$/i.test(v)) return false;
  const lower = v.toLowerCase();
  if (DEFAULT_PASSWORDS.has(lower)) return false;
  // The user name repeated as the password (`app:app@`).
  const colon = ctx.start - 1;
  const slash = ctx.text.lastIndexOf("//", colon);
  if (slash >= 0 && ctx.text.slice(slash + 2, colon).toLowerCase() === lower) {
    return false;
  }
  return true;
}

/** 64 hex digits that are not one repeated digit, a run of filler or a counting sequence. */
function hexKeyValid(v: string): boolean {
  if (hasRunOf6(v) || /^(?:0123456789abcdef)+$/i.test(v)) return false;
  return shannonEntropy(v.toLowerCase()) >= 3;
}

/** Words in CamelCase (`MinLength`, `Required`): a name, not a password. */
const CAMEL_WORDS = /^(?:[A-Z][a-z]+)+$/;

/**
 * A value with no key glue to vouch for it (the line a secret-reading
 * command prints, a value after spaces or on the line below its key): a
 * password's checks, and a digit, a symbol or mixed case that is not a
 * CamelCase name (an error word such as `PERMISSION_DENIED`, `not_found`
 * or `Required` has none of them).
 */
function printedSecretValid(v: string, ctx: CheckContext): boolean {
  const mixed = /[a-z]/.test(v) && /[A-Z]/.test(v) && !CAMEL_WORDS.test(v);
  if (!/\d/.test(v) && !/[!#$%&*+=?@^~]/.test(v) && !mixed) return false;
  return assignedPasswordValid(v, ctx);
}

/** Word counts of a BIP-39 recovery phrase. */
const MNEMONIC_WORDS = new Set([12, 15, 18, 21, 24]);

/**
 * A wallet recovery phrase: 12, 15, 18, 21 or 24 words, most of them
 * different (the published test phrases `abandon abandon … about` and
 * `test test … junk` repeat one word), no placeholder words.
 */
function mnemonicValid(v: string): boolean {
  const words = v.split(/[ ,]+/).filter((w) => w !== "");
  if (!MNEMONIC_WORDS.has(words.length)) return false;
  if (words.some((w) => /^(?:word|words|xxx+|foo|bar|example)$/.test(w))) {
    return false;
  }
  return new Set(words).size >= words.length - 2;
}

/** An AWS access key id (AKIA/ASIA + 16 base32 characters). */
const AWS_KEY_ID = /(?<![A-Z0-9])A(?:KIA|SIA)[A-Z2-7]{16}(?![A-Z0-9])/;

/** A 40-character AWS secret near its key id: random-looking, mixed case and digits, not hex (a git SHA-1). */
function awsSecretPairedValid(v: string, ctx: CheckContext): boolean {
  if (/^[0-9a-fA-F]+$/.test(v) || /^[A-Za-z]+$/.test(v)) return false;
  if (!/[a-z]/.test(v) || !/[A-Z]/.test(v) || !/\d/.test(v)) return false;
  if (!tokenValid(v)) return false;
  // The key id on the same line (within 400 characters either side).
  const from = Math.max(0, ctx.start - 400),
    to = Math.min(ctx.text.length, ctx.end + 400);
  const a = ctx.text.lastIndexOf("\n", ctx.start) + 1;
  let b = ctx.text.indexOf("\n", ctx.end);
  if (b < 0) b = ctx.text.length;
  return AWS_KEY_ID.test(ctx.text.slice(Math.max(from, a), Math.min(to, b)));
}

/**
 * The claims of the sample token that JWT documentation prints (jwt.io's
 * debugger and most tutorials): `sub` 1234567890 with the name John Doe.
 */
const SAMPLE_JWT_CLAIMS = /"sub":\s*"1234567890".*"name":\s*"John Doe"/;

/** Whether `v` is a JWT whose claims are the documentation sample's ({@link SAMPLE_JWT_CLAIMS}). */
function isSampleJwt(v: string): boolean {
  const dot = v.indexOf(".");
  if (dot < 0) return false;
  const end = v.indexOf(".", dot + 1);
  const claims = base64Decode(v.slice(dot + 1, end < 0 ? v.length : end));
  return claims !== undefined && SAMPLE_JWT_CLAIMS.test(claims);
}

function jwtValid(v: string): boolean {
  const header = base64Decode(v.slice(0, v.indexOf(".")));
  if (header === undefined) return false;
  try {
    const h: unknown = JSON.parse(header);
    return typeof h === "object" && h !== null && "alg" in h &&
      !isSampleJwt(v);
  } catch {
    return false;
  }
}

/** Fewest base64 characters of a key body that does not state its length (OpenSSH, PGP). */
const PEM_MIN_BODY = 100;

/** Fewest base64 characters of any key body (an Ed25519 PKCS#8 key has 64). */
const PEM_MIN_DER = 60;

/**
 * The base64 length a DER body states in its first bytes (a SEQUENCE tag
 * and its length), or undefined when the body is not DER.
 */
function derChars(first: string): number | undefined {
  const head = base64Decode(first.slice(0, 8));
  if (head === undefined || head.charCodeAt(0) !== 0x30) return undefined;
  const l = head.charCodeAt(1);
  let total: number;
  if (l < 0x80) total = 2 + l;
  else if (l === 0x81) total = 3 + head.charCodeAt(2);
  else if (l === 0x82) {
    total = 4 + (head.charCodeAt(2) << 8) + head.charCodeAt(3);
  } else return undefined;
  return Math.ceil(total / 3) * 4;
}

/** A tool's gutter before a line: `path:12:` (grep), `12 | `, `12→`, `12<tab>` (numbered views), `+ ` (diffs), then an opening quote. */
const PEM_GUTTER =
  /^[ \t]{0,12}(?:[\w./-]{1,200}:\d{1,7}:|\d{1,7}(?:[ \t]{0,4}[|│:→][ \t]?|\t)|[+>][ \t]?)?[ \t]{0,12}["']?/;

/** A closing quote and a string concatenation or list comma after a line (`"…\n" +`). */
const PEM_TAIL = /["']?[ \t]{0,4}[+,]?[ \t]{0,4}$/;

/** A line of a PEM body without the gutter and quotes a viewer, a diff or source code puts around it. */
function pemLine(line: string): string {
  return line.replace(PEM_GUTTER, "").replace(PEM_TAIL, "");
}

function pemValid(v: string): boolean {
  // The body between the header and the END line, as base64 words: lines
  // may be escaped once or more (\\n, \\\\n: a key file inside a JSON string
  // inside JSON), joined by spaces (a key pasted into one line),
  // quoted ("> " in mail and Markdown) or numbered (a file viewer's gutter,
  // see pemLine); header fields (Proc-Type:, DEK-Info:) and quote marks are
  // not base64 and drop out.
  const header = v.indexOf("-----", 5);
  const rest = v.slice(header < 0 ? 0 : header + 5).split("-----END")[0];
  const body = rest.replace(/(?:\\{1,8}r)?\\{1,8}n/g, "\n").split("\n")
    .map(pemLine)
    .join("\n").split(/\s+/)
    .filter((w) => /^[A-Za-z0-9+/=]+$/.test(w));
  const first = body[0] ?? "";
  if (!/^[A-Za-z0-9+/=]{16,}$/.test(first)) return false;
  // A body too short to be a key (a truncated example, "MIIEpAIBAAKCAQEA..."):
  // 100 characters, or fewer when its DER header says the key is that short
  // (an Ed25519 or X25519 key).
  let chars = 0;
  for (const w of body) chars += w.length;
  const der = derChars(first);
  const enough = chars >= PEM_MIN_BODY ||
    der !== undefined && chars >= PEM_MIN_DER && chars >= der - 4;
  return enough && !/EXAMPLE|x{8}/i.test(v);
}

function basicAuthValid(v: string): boolean {
  const decoded = base64Decode(v);
  if (decoded === undefined) return false;
  const i = decoded.indexOf(":");
  if (i <= 0 || i >= decoded.length - 1 || !/^[\x20-\x7e]+$/.test(decoded)) {
    return false;
  }
  // A random password may start with a symbol (`@eJj6…`): only the symbol
  // is left out of the placeholder test (`${PASS}`, `<password>` stay out).
  const pw = decoded.slice(i + 1);
  const core = /^[@!&#%*~]/.test(pw) && pw.length >= 9 &&
      /[A-Za-z]/.test(pw) && /\d/.test(pw)
    ? pw.slice(1)
    : pw;
  return !isPlaceholder(core);
}

/** The URL around a reported value: the run of characters up to whitespace, a quote or a bracket on either side. */
function urlAround(ctx: CheckContext): string {
  const stop = /[\s"'<>()\x60]/;
  let a = ctx.start, b = ctx.end;
  while (a > 0 && a > ctx.start - 4096 && !stop.test(ctx.text[a - 1])) a--;
  while (
    b < ctx.text.length && b < ctx.end + 4096 && !stop.test(ctx.text[b])
  ) b++;
  return ctx.text.slice(a, b);
}

/**
 * A presigned URL's signature or session token: not a placeholder, not the
 * documentation's example credential; a bare `Signature=` only in a URL
 * that also says when it expires and who signed it (S3 SigV2's
 * AWSAccessKeyId, GCS V2's GoogleAccessId, CloudFront's Key-Pair-Id, Alibaba
 * OSS's OSSAccessKeyId).
 */
function signedUrlValid(v: string, ctx: CheckContext): boolean {
  if (isPlaceholder(v) || hasRunOf6(v) || /EXAMPLE|x{6}/i.test(v)) {
    return false;
  }
  const url = urlAround(ctx);
  if (/EXAMPLE/.test(url)) return false;
  if (ctx.match.startsWith("Signature=")) {
    return /[?&;]Expires=\d/.test(url) &&
      /[?&;](?:AWSAccessKeyId|GoogleAccessId|Key-Pair-Id|OSSAccessKeyId)=/
        .test(url);
  }
  return true;
}

/**
 * A macaroon-style token (Fly.io's `FlyV1 fm2_…`): base64 of a binary
 * structure, whose zero bytes make runs of `A` a random token never has, so
 * the run checks of {@link tokenValid} and {@link isPlaceholder} do not
 * apply; still not an `xxxx` or EXAMPLE stand-in.
 */
function macaroonValid(v: string): boolean {
  const body = v.slice(v.indexOf("_") + 1);
  return !/xxxx|XXXX|EXAMPLE|example/.test(body) && charClasses(body) >= 3;
}

function gcpServiceAccountValid(_v: string, ctx: CheckContext): boolean {
  const from = Math.max(0, ctx.start - 2000);
  return ctx.text.slice(from, ctx.end + 2000).includes("service_account");
}

function sasValid(v: string, ctx: CheckContext): boolean {
  const before = ctx.text.slice(Math.max(0, ctx.start - 400), ctx.start);
  // Service Bus / Event Hubs tokens start `SharedAccessSignature sr=` and
  // may put se= and skn= after the signature.
  const after = ctx.text.slice(ctx.end, ctx.end + 200);
  return (/(?:[?&;]|SharedAccessSignature )(?:sv|se|sp|spr|srt|ss|sr)=/.test(
    before,
  ) || /^[^\s]{0,120}?&(?:se|skn|sv|sp)=/.test(after)) && tokenValid(v);
}

/** A password named in prose: a letter and a digit or symbol, no URL or path, a password's length. */
function prosePasswordValid(v: string, ctx: CheckContext): boolean {
  const s = v.replace(/[.,;:!?)]+$/, "");
  if (s.length < 6 || s.length > 64 || !/[A-Za-z]/.test(s)) return false;
  if (!/[0-9!#$%&*+?@^_~]/.test(s) || /:\/\/|^\/|\\/.test(s)) return false;
  return assignedPasswordValid(s, ctx);
}

/** Eight digits that read as a date (YYYYMMDD, 1900-2099): a build id or timestamp, not a DNI. */
const DATE_8 = /^(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])/;

/** An unlabelled DNI/NIE: the mod-23 letter, and the digits of a DNI not a date. */
function dniUnlabelledValid(v: string): boolean {
  return dniValid(v) && !DATE_8.test(v);
}

/** An unlabelled SIN: Luhn, and not three equal groups or the digits counted up or down. */
function sinUnlabelledValid(v: string): boolean {
  const g = v.split(/[ -]/);
  if (g[0] === g[1] && g[1] === g[2]) return false;
  const d = g.join("");
  return sinValid(d) && d !== "123456789" && d !== "987654321";
}

/** A Swedish coordination number (day + 60): rare, and a random YYMMDD-NNNN reads as one as often as as a birth date. */
function coordinationNumber(v: string): boolean {
  const m = /^(?:\d{2})?\d{4}(\d{2})[-+]/.exec(v);
  return m !== null && Number(m[1]) > 60;
}

/** A Swedish identity label on the value's line, up to 80 characters before it. */
const SE_LABEL = /personnumm?er|personnr|samordningsnummer|\bpnr\b/i;

function seLabelOnLine(ctx: CheckContext): boolean {
  const ls = ctx.text.lastIndexOf("\n", ctx.start - 1) + 1;
  return SE_LABEL.test(ctx.text.slice(Math.max(ls, ctx.start - 80), ctx.start));
}

/** Every named validator, by the name a catalogue entry uses. */
export const VALIDATORS: Readonly<Record<ValidatorName, Validator>> = {
  card: cardValid,
  ssn: (v, ctx) =>
    ssnValid(v.replace(/\D/g, "")) &&
    !exampleSsn(v.replace(/\D/g, ""), ctx.text, ctx.start, ctx.end) &&
    // Dotted, it could be a version ("version 536.90.4399").
    (!v.includes(".") || !versionBefore(ctx)),
  aadhaar: aadhaarValid,
  iban: (v, ctx) =>
    ibanValid(v) &&
    !exampleIban(
      v.replace(/[ -]/g, "").toUpperCase(),
      ctx.text,
      ctx.start,
      ctx.end,
    ),
  cpf: (v) => cpfValid(v),
  sin: (v) => sinValid(v),
  dni: (v) => dniValid(v),
  nric: (v) => nricValid(v),
  ipv4: ipv4Valid,
  phone_us: phoneUsValid,
  person_name: (v, ctx) =>
    personNameValid(
      v,
      ctx ? ctx.text.slice(Math.max(0, ctx.start - 48), ctx.start) : "",
    ),
  phone_intl: phoneIntlValid,
  phone_uk: (v, ctx) => phoneUkValid(v, ctx),
  phone_national: (v, ctx) => !idNounBefore(ctx) && !serviceNumber(v, ctx),
  phone_any: phoneAnyValid,
  phone_india: phoneIndiaValid,
  uen: uenValid,
  ktp: (v) => ktpValid(v),
  ipv6: ipv6Valid,
  ipv6_full: ipv6FullValid,
  date: dateValid,
  passport: passportValid,
  aba: (v) => abaValid(v),
  bank_account: (v) => !/^(\d)\1+$/.test(v),
  email: emailValid,
  token: tokenValid,
  labelled: labelledValid,
  assigned_password: assignedPasswordValid,
  assigned_secret: assignedSecretValid,
  config_key: configKeyValid,
  prose_secret: proseSecretValid,
  url_password: urlPasswordValid,
  hex_key: hexKeyValid,
  mnemonic: mnemonicValid,
  printed_secret: printedSecretValid,
  aws_secret_paired: awsSecretPairedValid,
  jwt: jwtValid,
  pem: pemValid,
  basic_auth: basicAuthValid,
  signed_url: signedUrlValid,
  macaroon: macaroonValid,
  docker_auth: basicAuthValid,
  gcp_sa: gcpServiceAccountValid,
  sas: sasValid,
  nhs: (v) => nhsValid(v),
  // Under a bare `pass` key a count or ratio ("Pass: 1523/1530") is no password.
  pass_value: (v, ctx) => /[A-Za-z]/.test(v) && assignedPasswordValid(v, ctx),
  prose_password: prosePasswordValid,
  // 9XX-GG-NNNN with an ITIN group (50-65, 70-88, 90-92, 94-99).
  itin: (v) => /^9\d{2}\D?(?:5\d|6[0-5]|7\d|8[0-8]|9[0-24-9])\D?\d{4}$/.test(v),
  personnummer: (v, ctx) =>
    personnummerValid(v) && (!coordinationNumber(v) || seLabelOnLine(ctx)),
  codice_fiscale: (v) => codiceFiscaleValid(v),
  dni_unlabelled: dniUnlabelledValid,
  sin_unlabelled: sinUnlabelledValid,
  cn_id: (v) => chinaIdValid(v),
  nl_bsn: (v) => bsnValid(v),
  pl_pesel: (v) => peselValid(v),
  fr_nir: (v) => nirValid(v),
  za_id: (v) => zaIdValid(v),
  kr_rrn: (v) => krRrnValid(v),
  jp_my_number: (v) => myNumberValid(v),
  de_tax_id: (v) => deTaxIdValid(v),
  au_medicare: (v) => medicareValid(v),
  mx_curp: (v) => curpValid(v),
  mrz: (v) => mrzValid(v),
  mrz_td1: (v) => mrzTd1Valid(v),
  // A person's RFC: four letters, a real birth date YYMMDD, the homoclave.
  mx_rfc: (v) => {
    const m = /^[A-Z&]{4}\d{2}(\d{2})(\d{2})[A-Z0-9]{3}$/i.exec(v);
    return m !== null && Number(m[1]) >= 1 && Number(m[1]) <= 12 &&
      Number(m[2]) >= 1 && Number(m[2]) <= 31;
  },
  // A link's number has its country code: read it as written with a +.
  phone_link: (v, ctx) => phoneIntlValid(v, ctx),
  // Unlabelled: not the value of an id-like key ("order_id": ...).
  cn_id_unlabelled: (v, ctx) => chinaIdValid(v) && !idContext(ctx),
  mx_curp_unlabelled: (v, ctx) => curpValid(v) && !idContext(ctx),
  br_cnpj: (v) => cnpjValid(v),
  labelled_id: (v) => labelledIdValid(v) && !isPlaceholder(v),
  // A duplicated row value under a personal-data index: 5+ digits, not a placeholder.
  db_row_value: (v) => /(?:\d\D?){5}/.test(v) && !isPlaceholder(v),
  sort_code: (v) => sortCodeValid(v),
  postal_address: (v) => postalAddressValid(v),
  street_address: (_v, ctx) => streetAddressValid(ctx.text, ctx.start, ctx.end),
  ...NATIONAL_CHECKS,
};
