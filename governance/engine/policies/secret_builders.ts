/**
 * Builders of the secret catalogue's entries (`secrets.ts` and the lists
 * beside it): token boundaries, assignment glue, and the shapes of a
 * prefixed token and of a value labelled by its vendor's name.
 *
 * @module
 */

import type { Severity } from "../types.ts";
import type { SensitiveSpec, ValidatorName } from "../detect/sensitive_spec.ts";

/** Token boundary before a match: no token character may touch it. */
export const B = String.raw`(?<![A-Za-z0-9_-])`;
/** Token boundary after a match. */
export const E = String.raw`(?![A-Za-z0-9_-])`;
/**
 * Assignment glue after a key: closing quote (and after it a bracket:
 * `env["API_TOKEN"] =`, not a bare `[csrf_token] =>`), `:`/`=`/`:=`/`=>`,
 * Makefile `?=`/`+=`; the value is on the key's line, or is a quoted
 * literal a code formatter wrapped onto the next one (`String TOKEN =\n
 * "…";`).
 */
export const GLUE = String
  .raw`(?:["']\]?)?\s{0,4}(?::=|=>|[?+]=|[:=])(?:[ \t]{0,4}\r?\n[ \t]{1,24}(?=["'\x60])|[ \t]{0,4})`;
/** Assignment glue plus an optional opening quote (for values without spaces). */
export const ASSIGN = String.raw`${GLUE}["'\x60]?`;

/** What a secret entry states; {@link secret} fills in the rest of its policy. */
export interface Entry {
  key: string;
  name: string;
  type: string;
  description: string;
  pattern: string;
  keywords: readonly string[];
  severity?: Severity;
  validator?: ValidatorName;
  anchored?: boolean;
  window?: number;
  ignoreCase?: boolean;
  priority?: number;
}

/** A secret policy from an entry (anchored at its keywords, checked as a token, unless it says otherwise). */
export function secret(e: Entry): SensitiveSpec {
  return {
    id: `sys_secret_${e.key}`,
    name: e.name,
    category: "secret",
    severity: e.severity ?? "high",
    action: "redact",
    description: e.description,
    appliesTo: "both",
    type: e.type,
    pattern: e.pattern,
    keywords: e.keywords,
    anchored: e.anchored ?? true,
    window: e.window,
    ignoreCase: e.ignoreCase,
    validator: e.validator ?? "token",
    priority: e.priority ?? 3,
  };
}

/** `<vendor><rest of key> = <value>`: vendors whose secrets have no prefix of their own. */
export function labelled(
  key: string,
  name: string,
  vendor: string,
  keywords: readonly string[],
  value: string,
  severity: Severity = "high",
): SensitiveSpec {
  return secret({
    key,
    name,
    type: "api_key",
    severity,
    description: `A ${name} value assigned to a key naming the vendor (${
      keywords[0]
    }...key/token/secret).`,
    pattern: String
      .raw`(?<![a-z0-9])(?:${vendor})[\w.-]{0,40}${ASSIGN}(?<v>${value})(?![A-Za-z0-9_+/=-])`,
    keywords,
    ignoreCase: true,
    validator: "labelled",
  });
}

/** Prefix-format token: `prefix` + body, with token boundaries on both sides. */
export function prefixed(
  key: string,
  name: string,
  type: string,
  prefixes: readonly string[],
  body: string,
  severity: Severity = "high",
  extra: Partial<Entry> = {},
): SensitiveSpec {
  const alt = prefixes.map((p) => p.replace(/[.$]/g, "\\$&")).join("|");
  return secret({
    key,
    name,
    type,
    severity,
    description: `A ${name} (${prefixes.join(", ")} prefix).`,
    pattern: String.raw`${B}(?:${alt})${body}${E}`,
    keywords: prefixes,
    ...extra,
  });
}
