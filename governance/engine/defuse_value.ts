/**
 * Defusing a structured tool response field by field (Claude Code's Bash
 * `{stdout, stderr, ...}`, Read `{type, file: {content}}`, MCP content
 * blocks, object-shaped MCP results), keeping its shape so the agent accepts
 * it as the tool's own output.
 *
 * Each string is scanned with its key as context (`password: hunter2` is a
 * secret where `hunter2` alone is not), and so are keys and numbers (a token
 * used as a map key, a card number sent as a JSON number); binary payloads (image and audio
 * blocks, `isImage` output, data: URIs of binary media) are left as they
 * are. Raw values
 * found elsewhere (`raws`) are replaced in every string as well.
 *
 * @module
 */

import { DEFAULT_CONFIG, type EngineConfig } from "./config.ts";
import { defuse, type Defused, rawValues, replaceRaw } from "./defuse.ts";
import { redact } from "./redact.ts";
import { isRedactable, scan } from "./scan.ts";
import { mayHoldSensitive } from "./detect/sensitive_gate.ts";
import type { Finding } from "./types.ts";

/** Keys whose name says nothing about the value (no context prefix). */
const PLAIN_KEYS = new Set([
  "stdout",
  "stderr",
  "content",
  "text",
  "output",
  "result",
  "message",
  "body",
  "value",
  "data",
  "type",
]);

/**
 * Deepest nesting walked field by field; a value nested deeper is replaced
 * by its JSON text, scanned and defused like any string (or withheld when it
 * cannot be written out), so nothing below the limit passes unscanned.
 */
export const VALUE_MAX_DEPTH = 32;

/** What stands in for a value too deep even to write out as JSON. */
export const TOO_DEEP = "[withheld by AxonFlow: nested too deep to scan]";
/** Most strings scanned in one value. */
export const VALUE_MAX_STRINGS = 20_000;

/** A structured response after defusing. */
export interface DefusedValue extends Omit<Defused, "text"> {
  value: unknown;
  changed: boolean;
  findings: Finding[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

const BINARY_BLOCK = new Set(["image", "audio", "blob", "resource_link"]);

/** A data: URI of binary media (images, audio, video, fonts, archives, PDFs). */
const BINARY_DATA_URI =
  /^data:(?:image|audio|video|font)\/[a-z0-9.+-]{1,40};base64,|^data:application\/(?:octet-stream|pdf|zip|gzip|x-tar|wasm|x-protobuf)[a-z0-9.+;=-]{0,40};base64,/i;

/** Whether a string field holds binary data that must not be scanned or changed. */
function isBinaryField(parent: Record<string, unknown>, key: string): boolean {
  if (parent.isImage === true && (key === "stdout" || key === "content")) {
    return true;
  }
  const t = parent.type;
  return key === "data" && typeof t === "string" && BINARY_BLOCK.has(t);
}

/** Defuses every string inside `value`; never throws. */
export function defuseValue(
  value: unknown,
  config: EngineConfig = DEFAULT_CONFIG,
  raws: readonly { value: string; type: string }[] = [],
): DefusedValue {
  const acc = {
    findings: [] as Finding[],
    types: new Set<string>(),
    policies: new Set<string>(),
    redacted: 0,
    removed: 0,
    strings: 0,
  };
  const text = (s: string, key: string | undefined): string => {
    if (acc.strings++ >= VALUE_MAX_STRINGS || s === "") {
      return replaceRaw(s, raws);
    }
    // Binary media as a data: URI is left as it is; text as one (text/plain,
    // JSON, a script) is scanned like any string (the scanner reads base64).
    if (BINARY_DATA_URI.test(s)) return s;
    const prefix = key !== undefined && !PLAIN_KEYS.has(key.toLowerCase()) &&
        key.length <= 64
      ? `${key}: `
      : "";
    const whole = prefix + s;
    const r = scan(whole, config);
    let findings = r.findings;
    if (prefix) {
      findings = findings.filter((f) => f.end > prefix.length).map((f) => ({
        ...f,
        start: Math.max(f.start, prefix.length) - prefix.length,
        end: f.end - prefix.length,
      }));
    }
    if (findings.length === 0) return replaceRaw(s, raws);
    // The scan's redacted text includes the prefix: redact `s` alone.
    const redactedOf = {
      findings,
      redacted: prefix ? redact(s, findings.filter(isRedactable)) : r.redacted,
    };
    const d = defuse(s, redactedOf);
    acc.findings.push(...findings);
    for (const t of d.redactedTypes) acc.types.add(t);
    for (const p of d.injectionPolicies) acc.policies.add(p);
    acc.redacted += d.redactedCount;
    acc.removed += d.removedCount;
    return replaceRaw(d.text, [...rawValues(s, findings), ...raws]);
  };
  const walk = (
    v: unknown,
    key: string | undefined,
    depth: number,
  ): unknown => {
    if (typeof v === "string") return text(v, key);
    if (typeof v === "number" && Number.isFinite(v)) {
      // A card or account number sent as a JSON number: a string once redacted.
      const digits = String(v);
      if (digits.length < 6 || !mayHoldSensitive(`${key ?? ""}: ${digits}`)) {
        return v;
      }
      const t = text(digits, key);
      return t === digits ? v : t;
    }
    if (v === null || typeof v !== "object") return v;
    if (depth > VALUE_MAX_DEPTH) {
      let json: string;
      try {
        json = JSON.stringify(v);
      } catch {
        return TOO_DEEP;
      }
      const t = text(json, key);
      // Nothing found in it: the value stays as it was, shape and all.
      return t === json ? v : t;
    }
    if (Array.isArray(v)) return v.map((x) => walk(x, key, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      // A key is text too (a token used as a map key); a redacted key that
      // collides with another keeps both, numbered.
      let name = k.length >= 6 ? text(k, undefined) : k;
      for (let n = 2; name !== k && Object.hasOwn(out, name); n++) {
        name = `${name.replace(/#\d+$/, "")}#${n}`;
      }
      out[name] = typeof x === "string" && isRecord(v) && isBinaryField(v, k)
        ? x
        : walk(x, k, depth + 1);
    }
    return out;
  };
  const out = walk(value, undefined, 0);
  let changed: boolean;
  try {
    changed = JSON.stringify(out) !== JSON.stringify(value);
  } catch {
    changed = true;
  }
  return {
    value: out,
    changed,
    findings: acc.findings,
    redactedTypes: [...acc.types].sort(),
    injectionPolicies: [...acc.policies].sort(),
    redactedCount: acc.redacted,
    removedCount: acc.removed,
  };
}
