/**
 * Identifiers stored as a typed pair in JSON: the label is the value of a
 * type field and the identifier sits in a sibling field
 * (`{"type": "BSN", "value": "..."}`, `{"kind": "passport", "number":
 * "..."}`, either order), as identity, KYC and FHIR-like records write them.
 * The scanner reads each pair as `label: value` (see `tables.ts`'s
 * {@link LabelReader}).
 *
 * @module
 */

import type { LabelReader, TableCell } from "./tables.ts";

const TYPE_KEY = String
  .raw`"(?:type|kind|scheme|system|id_?type|doc(?:ument)?_?type|category)"`;
const VALUE_KEY = String.raw`"(?:value|number|id|no|num|identifier|code)"`;
const S = String.raw`\s{0,3}`;

/** A type field and a value field next to each other, in either order (strings of bounded length, no quotes inside). */
const TYPED = new RegExp(
  `${TYPE_KEY}${S}:${S}"([^"\\n]{1,40})"${S},${S}${VALUE_KEY}${S}:${S}"([^"\\n]{1,60})"|${VALUE_KEY}${S}:${S}"([^"\\n]{1,60})"${S},${S}${TYPE_KEY}${S}:${S}"([^"\\n]{1,40})"`,
  "gi",
);

/** A type key (the cheap one-pass test before the pair regex). */
const TYPE_KEY_RE = new RegExp(TYPE_KEY, "i");

/** Cells of typed pairs whose label reads its value as a PII kind (see the module doc). */
export function typedPairCells(
  text: string,
  labelled: LabelReader,
): TableCell[] {
  if (!TYPE_KEY_RE.test(text)) return [];
  const out: TableCell[] = [];
  TYPED.lastIndex = 0;
  for (let m; (m = TYPED.exec(text)) !== null;) {
    const label = m[1] ?? m[4];
    const value = m[2] ?? m[3];
    // The value's offset: the last occurrence of "value" in the match for the first order, the first for the second.
    const at = m[1] !== undefined
      ? m.index + m[0].lastIndexOf(`"${value}"`) + 1
      : m.index + m[0].indexOf(`"${value}"`) + 1;
    const id = labelled(label, value);
    if (id !== undefined) {
      out.push({ start: at, end: at + value.length, policyId: id });
    }
  }
  return out;
}
