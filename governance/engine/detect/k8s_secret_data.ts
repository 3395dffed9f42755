/**
 * The values of a Kubernetes Secret (`kind: Secret`): everything under its
 * `data:` (base64) and `stringData:` (plain) is secret by what the object
 * is, whatever its keys are called (`aws:`, `tls.key:`, `session:`), as
 * `kubectl get secret -o yaml|json`, Helm renders and manifests print them.
 * ConfigMaps and other kinds are left alone; so are empty values,
 * placeholders and base64 of placeholders (`cGFzc3dvcmQ=`, "password") or
 * of configuration (a region, a log level, a port, a host name, a URL
 * without credentials).
 *
 * @module
 */

import type { TableCell } from "./tables.ts";
import { isPlaceholder } from "./validators.ts";

/** The kind a value found here is reported as. */
const POLICY = "sys_secret_secret_assignment";

/** `kind: Secret` in YAML or JSON. */
const SECRET_KIND = /(?:^|[\s{,])["']?kind["']?[ \t]*:[ \t]*["']?Secret\b/m;

/** A YAML `data:` or `stringData:` line opening a block; group 1 the indentation, 2 the field. */
const YAML_DATA = /^([ \t]*)(data|stringData):[ \t]*$/gm;

/** A YAML `key: value` line of such a block; group 1 the indentation, 2 the value. */
const YAML_ENTRY =
  /^([ \t]+)[\w.-]{1,253}:[ \t]+(["']?)([^\s"'#]{1,8192})\2[ \t]*$/;

/** A JSON `"data": {` or `"stringData": {` opening; group 1 the field. */
const JSON_DATA = /"(data|stringData)"[ \t]*:[ \t]*\{/g;

/** A JSON `"key": "value"` entry; group 1 the value. */
const JSON_ENTRY = /"[\w.-]{1,253}"[ \t]*:[ \t]*"([^"\\\n]{1,8192})"/g;

/** A base64 value (standard alphabet, padded or not). */
const BASE64 = /^[A-Za-z0-9+/]{4,}={0,2}$/;

/**
 * A decoded value that is configuration, not a secret: a cloud region
 * (`eu-west-1`), a log level or switch, a port, a host name, a URL without
 * credentials or query.
 */
const PLAIN_CONFIG =
  /^(?:[a-z]{2}(?:-[a-z]{2,12}){1,2}-\d{1,2}|true|false|yes|no|on|off|trace|debug|info|warn|warning|error|fatal|\d{1,6}|[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,8}|https?:\/\/[a-z0-9.-]{1,253}(?::\d{1,5})?(?:\/[\w.\/-]{0,200})?)$/;

/** Longest `data` object read in JSON. */
const JSON_REACH = 200_000;

/** Whether `v`, a value of the field `field`, is a secret (not empty, short or a placeholder, also once decoded). */
function secretValue(v: string, field: string): boolean {
  if (v.length < 8 || isPlaceholder(v)) return false;
  if (field === "stringData") return true;
  if (!BASE64.test(v) || v.length % 4 === 1) return false;
  let plain: string;
  try {
    plain = atob(v.padEnd(Math.ceil(v.length / 4) * 4, "="));
  } catch {
    return false;
  }
  return plain.length >= 6 && !isPlaceholder(plain) &&
    !/^(?:password|changeme|secret|admin|test|dummy)\d*$/i.test(plain) &&
    !PLAIN_CONFIG.test(plain);
}

/**
 * Whether the YAML document (between `---` lines) around an offset is of
 * kind Secret, for ascending offsets: each document is tested once.
 */
function secretDocuments(text: string): (p: number) => boolean {
  const starts = [0];
  for (
    let i = text.indexOf("\n---");
    i >= 0;
    i = text.indexOf("\n---", i + 4)
  ) {
    starts.push(i + 4);
  }
  const known = new Map<number, boolean>();
  let k = 0;
  return (p) => {
    while (k + 1 < starts.length && starts[k + 1] <= p) k++;
    let v = known.get(k);
    if (v === undefined) {
      const end = k + 1 < starts.length ? starts[k + 1] : text.length;
      v = SECRET_KIND.test(text.slice(starts[k], end));
      known.set(k, v);
    }
    return v;
  };
}

/** Values of `data:` / `stringData:` blocks in YAML documents of kind Secret. */
function yamlValues(text: string, out: TableCell[]): void {
  const isSecret = secretDocuments(text);
  YAML_DATA.lastIndex = 0;
  for (let m; (m = YAML_DATA.exec(text)) !== null;) {
    if (!isSecret(m.index)) continue;
    const base = m[1].length;
    let pos = m.index + m[0].length + 1;
    while (pos < text.length) {
      const e0 = text.indexOf("\n", pos);
      const e = e0 < 0 ? text.length : e0;
      const line = text.slice(pos, e).replace(/\r$/, "");
      const entry = YAML_ENTRY.exec(line);
      if (entry === null || entry[1].length <= base) break;
      const v = entry[3];
      if (secretValue(v, m[2])) {
        const a = pos + line.lastIndexOf(v);
        out.push({ start: a, end: a + v.length, policyId: POLICY });
      }
      pos = e + 1;
    }
    YAML_DATA.lastIndex = Math.max(YAML_DATA.lastIndex, pos);
  }
}

/** Values of `"data": {…}` / `"stringData": {…}` objects in JSON of kind Secret (no ConfigMap beside them). */
function jsonValues(text: string, out: TableCell[]): void {
  if (/"kind"[ \t]*:[ \t]*"ConfigMap"/.test(text)) return;
  // The next `}` and `{` after an opening, kept between openings (each
  // search starts where the last one ended: linear on hostile input).
  let close = -1, open = -1;
  JSON_DATA.lastIndex = 0;
  for (let m; (m = JSON_DATA.exec(text)) !== null;) {
    const from = m.index + m[0].length;
    if (close < from) {
      close = text.indexOf("}", from);
      if (close < 0) break;
    }
    if (open < from) {
      const o = text.indexOf("{", from);
      open = o < 0 ? text.length : o;
    }
    // A nested object: not a flat map of keys to values.
    if (open < close || close - from > JSON_REACH) continue;
    const body = text.slice(from, close);
    JSON_ENTRY.lastIndex = 0;
    for (let e; (e = JSON_ENTRY.exec(body)) !== null;) {
      if (!secretValue(e[1], m[1])) continue;
      const a = from + e.index + e[0].length - 1 - e[1].length;
      out.push({ start: a, end: a + e[1].length, policyId: POLICY });
    }
    JSON_DATA.lastIndex = close;
  }
}

/** Values of Kubernetes Secrets' `data` and `stringData` (see the module doc) as cells of a secret kind. */
export function secretDataCells(text: string): TableCell[] {
  if (!text.includes("Secret") || !SECRET_KIND.test(text)) return [];
  const out: TableCell[] = [];
  if (text.includes("ata:")) yamlValues(text, out);
  if (text.includes('ata"')) jsonValues(text, out);
  return out;
}
