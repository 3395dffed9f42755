/**
 * Name/value pairs printed in layouts that carry no `=` or `:` label of
 * their own, read as the assignment they stand for (the scanner then judges
 * `name=value` as it would in a config file; see `sensitive.ts`):
 * - `chpasswd` input: cloud-init's `chpasswd: list: |` block of `user:password`
 *   lines, and `echo 'user:password' | chpasswd`;
 * - `redis-cli` replies to `CONFIG GET` / `HGETALL`: a numbered line with the
 *   name in quotes, the next numbered line with its value;
 * - a JSON object named for the setting that holds it in a `value` field
 *   (`terraform output -json`: `"db_password": {"sensitive": true, "type":
 *   "string", "value": "…"}`);
 * - an element naming the setting in a `key` or `name` attribute and
 *   holding it in `value` (.NET `<add key="StorageKey" value="…" />`, Maven
 *   and Ant properties);
 * - PHP's `define('DB_PASSWORD', '…')` (wp-config.php).
 *
 * @module
 */

import { lineEnd } from "./lines.ts";
import type { KeyValueRow } from "./kv_rows.ts";

/** Lines after a `chpasswd` mention that may hold its `user:password` list. */
const CHPASSWD_LINES = 32;

/** `user:password` on a line of its own (indented, optionally a YAML list item); a YAML key has a space after its colon. */
const USER_PASSWORD_LINE =
  /^[ \t]{1,32}(?:-[ \t]{1,8})?[A-Za-z_][\w.-]{0,31}:([^\s:'"]{4,256})[ \t]{0,8}$/;

/** `'user:password'` handed to chpasswd on the same line (`echo … | chpasswd`, `chpasswd <<< …`). */
const INLINE_PAIR =
  /(?:^|[\s'"])[A-Za-z_][\w.-]{0,31}:([^\s:'"|;&]{4,256})(?=['"]?\s{0,8}(?:\||$))|<<<\s{0,8}['"]?[A-Za-z_][\w.-]{0,31}:([^\s:'"|;&]{4,256})/g;

/** A numbered redis-cli reply line holding a quoted string. */
const REDIS_LINE =
  /^[ \t]{0,8}\d{1,4}\) "((?:[^"\\\n]|\\.){0,512})"[ \t]{0,8}$/;

/** A setting name as redis prints it (`requirepass`, `masterauth`, a hash field). */
const REDIS_NAME = /^[A-Za-z_][\w.-]{0,63}$/;

function chpasswdRows(text: string, out: KeyValueRow[]): void {
  let at = text.indexOf("chpasswd");
  let doneTo = -1;
  while (at >= 0 && out.length < 256) {
    const ls = text.lastIndexOf("\n", at) + 1;
    let le = lineEnd(text, at);
    if (ls > doneTo) {
      const line = text.slice(ls, le);
      if (line.length <= 400) {
        INLINE_PAIR.lastIndex = 0;
        for (let m; (m = INLINE_PAIR.exec(line)) !== null;) {
          const v = m[1] ?? m[2];
          const start = ls + m.index + m[0].lastIndexOf(v);
          out.push({ key: "password", start, end: start + v.length });
        }
      }
      // The lines below (cloud-init's `list: |` block).
      let p = le + 1;
      for (let k = 0; k < CHPASSWD_LINES && p <= text.length; k++) {
        const e = lineEnd(text, p);
        const l = text.slice(p, e);
        if (l.length <= 300) {
          const m = USER_PASSWORD_LINE.exec(l);
          if (m) {
            const start = p + l.lastIndexOf(m[1]);
            out.push({ key: "password", start, end: start + m[1].length });
          } else if (
            !/^[ \t]{1,32}(?:list|users|expire|type)[ \t]{0,8}:/.test(l)
          ) {
            break;
          }
        }
        le = e;
        p = e + 1;
      }
      doneTo = le;
    }
    at = text.indexOf("chpasswd", Math.max(at + 8, le));
  }
}

function redisRows(text: string, out: KeyValueRow[]): void {
  let p = text.indexOf(') "');
  while (p >= 0 && out.length < 256) {
    const ls = text.lastIndexOf("\n", p) + 1;
    const le = lineEnd(text, p);
    const name = REDIS_LINE.exec(text.slice(ls, le));
    if (name && REDIS_NAME.test(name[1]) && le < text.length) {
      const ns = le + 1;
      const ne = lineEnd(text, ns);
      const value = REDIS_LINE.exec(text.slice(ns, ne));
      if (value && value[1].length > 0) {
        const start = text.indexOf('"', ns) + 1;
        // redis's own password settings are named for what they hold.
        const key = /^(?:requirepass|masterauth)$/i.test(name[1])
          ? "password"
          : name[1];
        out.push({ key, start, end: start + value[1].length });
        p = text.indexOf(') "', ne);
        continue;
      }
    }
    p = text.indexOf(') "', le);
  }
}

/** A `"value": "` field of a JSON object (its string's opening quote ends the match). */
const VALUE_FIELD = /"value"[ \t]{0,4}:[ \t]{0,4}"/gi;

/** The object's name before its opening brace: `"NAME": ` (a setting name, not prose). */
const OBJECT_NAME = /"([A-Za-z_][\w.-]{0,63})"[ \t]{0,8}:[ \t\r\n]{0,16}$/;

/** Farthest a `value` field is looked for from its object's opening brace. */
const OBJECT_REACH = 512;

/** The end of the JSON string opened before `from` (its closing quote), or -1 past `max` characters. */
function stringEnd(text: string, from: number, max: number): number {
  for (let i = from; i < text.length && i - from <= max; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 34) return i;
    else if (c === 10) return -1;
  }
  return -1;
}

/**
 * `"NAME": {… "value": "V" …}`: the object's name labels its value field
 * (Terraform's outputs, other wrappers of one setting). The brace is looked
 * for backwards from the field, never past the previous field read, so the
 * text is walked once.
 */
function wrappedRows(text: string, out: KeyValueRow[]): void {
  let floor = 0;
  VALUE_FIELD.lastIndex = 0;
  for (let m; (m = VALUE_FIELD.exec(text)) !== null && out.length < 256;) {
    const start = m.index + m[0].length;
    const end = stringEnd(text, start, 512);
    let b = m.index - 1;
    const stop = Math.max(floor, m.index - OBJECT_REACH);
    while (b >= stop) {
      const c = text.charCodeAt(b);
      if (c === 123 || c === 125) break;
      b--;
    }
    floor = end < 0 ? start : end;
    if (end <= start || b < stop || text.charCodeAt(b) !== 123) continue;
    const name = OBJECT_NAME.exec(text.slice(Math.max(0, b - 96), b));
    if (name === null) continue;
    out.push({ key: name[1], start, end });
  }
}

/** The end of the string opened by quote `q` before `from` (its closing quote), or -1 past `max` characters or a line end. */
function quotedEnd(text: string, from: number, q: number, max: number): number {
  for (let i = from; i < text.length && i - from <= max; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) i++;
    else if (c === q) return i;
    else if (c === 10) return -1;
  }
  return -1;
}

/** A `value="` attribute (its opening quote ends the match). */
const VALUE_ATTR = /(?<![\w-])value[ \t]{0,2}=[ \t]{0,2}["']/gi;

/** The element's `key="NAME"` or `name="NAME"` attribute before it. */
const NAME_ATTR =
  /(?<![\w-])(?:key|name)[ \t]{0,2}=[ \t]{0,2}["']([A-Za-z_][\w.:-]{0,63})["']/i;

/** Names of a form's anti-forgery fields (`csrf_token`, Rails' `authenticity_token`). */
const ANTI_FORGERY = /csrf|xsrf|authenticity|requestverification/i;

/** Farthest the element's `<` is looked for before its `value` attribute. */
const ELEMENT_REACH = 256;

/** `<add key="NAME" value="V" />`: the element's name attribute labels its value attribute. */
function attributeRows(text: string, out: KeyValueRow[]): void {
  let floor = 0;
  VALUE_ATTR.lastIndex = 0;
  for (let m; (m = VALUE_ATTR.exec(text)) !== null && out.length < 256;) {
    const start = m.index + m[0].length;
    const end = quotedEnd(text, start, m[0].charCodeAt(m[0].length - 1), 512);
    let b = m.index - 1;
    const stop = Math.max(floor, m.index - ELEMENT_REACH);
    while (b >= stop) {
      const c = text.charCodeAt(b);
      if (c === 60 || c === 62 || c === 10) break;
      b--;
    }
    floor = end < 0 ? start : end;
    if (end <= start || b < stop || text.charCodeAt(b) !== 60) continue;
    const name = NAME_ATTR.exec(text.slice(b, m.index));
    // A form's anti-forgery field is sent to every visitor of the page.
    if (name !== null && !ANTI_FORGERY.test(name[1])) {
      out.push({ key: name[1], start, end });
    }
  }
}

/** `define('NAME', '` of PHP (the value's opening quote ends the match). */
const PHP_DEFINE =
  /(?<![\w$>])define[ \t]{0,2}\([ \t]{0,4}(["'])([A-Za-z_]\w{0,63})\1[ \t]{0,4},[ \t]{0,32}(["'])/g;

/** PHP constants defined to a string literal (wp-config's `DB_PASSWORD`, `AUTH_KEY`). */
function defineRows(text: string, out: KeyValueRow[]): void {
  PHP_DEFINE.lastIndex = 0;
  for (let m; (m = PHP_DEFINE.exec(text)) !== null && out.length < 256;) {
    const start = m.index + m[0].length;
    const end = quotedEnd(text, start, m[3].charCodeAt(0), 512);
    if (end > start) out.push({ key: m[2], start, end });
  }
}

/** The name/value pairs of chpasswd input, redis-cli replies, named JSON wrappers, name/value attributes and PHP constants in `text`, as settings rows. */
export function pairRows(text: string): KeyValueRow[] {
  const out: KeyValueRow[] = [];
  if (text.includes("chpasswd")) chpasswdRows(text, out);
  if (text.includes(') "')) redisRows(text, out);
  if (text.includes('"value"') || text.includes('"Value"')) {
    wrappedRows(text, out);
  }
  if (/value[ \t]{0,2}=/i.test(text)) attributeRows(text, out);
  if (text.includes("define")) defineRows(text, out);
  return out;
}
