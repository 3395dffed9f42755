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
const VALUE_KEY = String
  .raw`"(?:[a-z]{1,12}_)?(?:value|number|id|no|num|nr|identifier|code)"`;
const S = String.raw`\s{0,3}`;

/** A type field and a value field next to each other, in either order (strings of bounded length, no quotes inside). */
const TYPED = new RegExp(
  `${TYPE_KEY}${S}:${S}"([^"\\n]{1,40})"${S},${S}${VALUE_KEY}${S}:${S}"([^"\\n]{1,60})"|${VALUE_KEY}${S}:${S}"([^"\\n]{1,60})"${S},${S}${TYPE_KEY}${S}:${S}"([^"\\n]{1,40})"`,
  "gi",
);

/** A type key (the cheap one-pass test before the pair regex). */
const TYPE_KEY_RE = new RegExp(TYPE_KEY, "i");

/** A logfmt value: quoted without quotes inside, or bare to a blank. */
const LOGFMT_VALUE = (n: number) =>
  String.raw`(?:"([^"\n]{1,${n}})"|([^\s"]{1,${n}}))`;

/** The same pair in logfmt (`doc_type=P doc_no=K5082732`): a type key, then the value key next. */
const LOGFMT_TYPED = new RegExp(
  String.raw`(?<![\w-])(?:type|kind|id_?type|doc(?:ument)?_?type)=${
    LOGFMT_VALUE(40)
  }[ \t]{1,4}(?:[a-z]{1,12}_)?(?:value|number|id|no|num|nr|identifier)=${
    LOGFMT_VALUE(60)
  }`,
  "gi",
);

/** A logfmt type key (the cheap test before {@link LOGFMT_TYPED}). */
const LOGFMT_KEY_RE = /(?:type|kind)=/i;

/**
 * The document a type code names: ICAO codes of travel documents (`P`,
 * `PP`, `PD`, `PO`: passports) read as `passport`; other labels as written.
 */
function documentLabel(label: string): string {
  return /^P[A-Z<]?$/.test(label) ? "passport" : label;
}

/** Cells of typed pairs whose label reads its value as a PII kind (see the module doc). */
export function typedPairCells(
  text: string,
  labelled: LabelReader,
): TableCell[] {
  const out: TableCell[] = [];
  if (LOGFMT_KEY_RE.test(text)) logfmtCells(text, labelled, out);
  if (!TYPE_KEY_RE.test(text)) return out;
  TYPED.lastIndex = 0;
  for (let m; (m = TYPED.exec(text)) !== null;) {
    const label = m[1] ?? m[4];
    const value = m[2] ?? m[3];
    // The value's offset: the last occurrence of "value" in the match for the first order, the first for the second.
    const at = m[1] !== undefined
      ? m.index + m[0].lastIndexOf(`"${value}"`) + 1
      : m.index + m[0].indexOf(`"${value}"`) + 1;
    const id = labelled(documentLabel(label), value);
    if (id !== undefined) {
      out.push({ start: at, end: at + value.length, policyId: id });
    }
  }
  return out;
}

/** Typed pairs of logfmt lines (see {@link LOGFMT_TYPED}) into `out`. */
function logfmtCells(
  text: string,
  labelled: LabelReader,
  out: TableCell[],
): void {
  LOGFMT_TYPED.lastIndex = 0;
  for (let m; (m = LOGFMT_TYPED.exec(text)) !== null && out.length < 256;) {
    const label = m[1] ?? m[2];
    const value = m[3] ?? m[4];
    const end = m.index + m[0].length - (m[3] !== undefined ? 1 : 0);
    const id = labelled(documentLabel(label), value);
    if (id !== undefined) {
      out.push({ start: end - value.length, end, policyId: id });
    }
  }
}
