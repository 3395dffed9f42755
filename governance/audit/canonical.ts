/**
 * Canonical JSON for hashing: object keys sorted (by UTF-16 code units) at
 * every depth, no whitespace, `undefined`/`null` object members and functions
 * left out, non-finite numbers written as `null`. Two equal values always give
 * the same text, so a hash over it is stable across processes and versions.
 *
 * @module
 */

/** The canonical JSON text of a value (see the module doc for the rules). */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "number":
      return Number.isFinite(value) ? JSON.stringify(value) : "null";
    case "boolean":
      return value ? "true" : "false";
    case "bigint":
      return value.toString();
    case "object":
      break;
    default:
      return "null";
  }
  if (Array.isArray(value)) {
    return "[" + value.map((v) => canonicalJson(v)).join(",") + "]";
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => {
    const v = obj[k];
    return v !== undefined && v !== null && typeof v !== "function";
  }).sort();
  return "{" +
    keys.map((k) => JSON.stringify(k) + ":" + canonicalJson(obj[k])).join(",") +
    "}";
}
