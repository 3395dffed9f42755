/**
 * Health records label their fields by position or by a coding system, not
 * by a word beside the value. An HL7 v2 `PID` segment holds the patient's
 * identifiers (PID-3, each with its type code: `SS` social security, `NH`
 * NHS number, `PPN` passport), date of birth (PID-7, `YYYYMMDD`), home and
 * business phones (PID-13, PID-14) and SSN (PID-19); a FHIR `identifier` or
 * `telecom` names its kind in `system` (`http://hl7.org/fhir/sid/us-ssn`,
 * `https://fhir.nhs.uk/Id/nhs-number`, `phone`). Each value found there is
 * reported as the catalogue kind its field holds, after that kind's
 * validator.
 *
 * @module
 */

import type { CheckContext, ValidatorName } from "./sensitive_spec.ts";
import type { TableCell } from "./tables.ts";
import { VALIDATORS } from "./validators.ts";

interface Field {
  policyId: string;
  validator: ValidatorName;
}

const SSN: Field = { policyId: "sys_pii_ssn_labelled", validator: "ssn" };
const NHS: Field = { policyId: "sys_pii_uk_nhs", validator: "nhs" };
const PASSPORT: Field = {
  policyId: "sys_pii_passport",
  validator: "passport",
};
const PHONE: Field = {
  policyId: "sys_pii_phone_labelled",
  validator: "phone_any",
};
const DOB: Field = { policyId: "sys_pii_date_of_birth", validator: "date" };

/** PID-3 identifier type codes (HL7 table 0203) and what they identify. */
const ID_TYPES: Readonly<Record<string, Field>> = {
  SS: SSN,
  SSN: SSN,
  NH: NHS,
  NHS: NHS,
  PPN: PASSPORT,
};

/** Segment separators: HL7 ends segments with CR; logs print LF. */
const isSegmentEnd = (c: number): boolean => c === 13 || c === 10;

/** A compact HL7 date `YYYYMMDD` (time may follow) as `YYYY-MM-DD`, for the date validator. */
function hl7Date(v: string): string | undefined {
  const m =
    /^((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:\d{2,6}(?:\.\d{1,4})?)?(?:[+-]\d{4})?$/
      .exec(v);
  return m === null ? undefined : `${m[1]}-${m[2]}-${m[3]}`;
}

/** Findings of the PID segments in `text` (see the module doc). */
function pidCells(text: string, ctx: CheckContext, out: TableCell[]): void {
  const push = (f: Field, a: number, b: number, value = text.slice(a, b)) => {
    if (b <= a) return;
    ctx.start = a;
    ctx.end = b;
    ctx.match = value;
    if (VALIDATORS[f.validator](value, ctx)) {
      out.push({ start: a, end: b, policyId: f.policyId });
    }
  };
  for (
    let p = text.indexOf("PID|"), done = 0;
    p >= 0;
    p = text.indexOf("PID|", Math.max(p + 4, done))
  ) {
    if (p > 0 && !isSegmentEnd(text.charCodeAt(p - 1)) && text[p - 1] !== " ") {
      continue;
    }
    let end = p;
    while (end < text.length && !isSegmentEnd(text.charCodeAt(end))) end++;
    // A segment is read once (hostile input repeats "PID|" on one line).
    done = end;
    // Field spans, PID-0 being the segment name.
    const fields: [number, number][] = [];
    let a = p;
    for (let i = p; i <= end; i++) {
      if (i === end || text.charCodeAt(i) === 124) {
        fields.push([a, i]);
        a = i + 1;
        if (fields.length > 20) break;
      }
    }
    const comps = (k: number): [number, number][][] => {
      if (k >= fields.length) return [];
      const [fa, fb] = fields[k];
      const reps: [number, number][][] = [];
      let ra = fa;
      for (let i = fa; i <= fb; i++) {
        if (i === fb || text[i] === "~") {
          const cs: [number, number][] = [];
          let ca = ra;
          for (let j = ra; j <= i; j++) {
            if (j === i || text[j] === "^") {
              cs.push([ca, j]);
              ca = j + 1;
            }
          }
          reps.push(cs);
          ra = i + 1;
        }
      }
      return reps;
    };
    for (const cs of comps(3)) {
      const type = cs.length > 4 ? text.slice(cs[4][0], cs[4][1]) : "";
      const f = ID_TYPES[type.toUpperCase()];
      if (f !== undefined) push(f, cs[0][0], cs[0][1]);
    }
    for (const cs of comps(7)) {
      const [da, db] = cs[0];
      const iso = hl7Date(text.slice(da, db));
      if (iso !== undefined) push(DOB, da, db, iso);
    }
    for (const k of [13, 14]) {
      for (const cs of comps(k)) push(PHONE, cs[0][0], cs[0][1]);
    }
    for (const cs of comps(19)) push(SSN, cs[0][0], cs[0][1]);
  }
}

/** FHIR `system` URIs and codes, by the kind of value they name. */
function systemField(system: string): Field | undefined {
  const s = system.toLowerCase();
  if (s.endsWith("/us-ssn") || s === "urn:oid:2.16.840.1.113883.4.1") {
    return SSN;
  }
  if (s.endsWith("/nhs-number") || s === "urn:oid:2.16.840.1.113883.2.1.4.1") {
    return NHS;
  }
  if (s.includes("passport")) return PASSPORT;
  if (s === "phone" || s === "sms" || s === "fax") return PHONE;
  return undefined;
}

/** `"system": "…", "value": "…"` in either order, as FHIR JSON writes identifiers and telecoms. */
const SYSTEM_VALUE =
  /"system"\s{0,4}:\s{0,4}"([^"\n]{1,200})"\s{0,4},\s{0,4}(?:"use"\s{0,4}:\s{0,4}"[a-z]{1,12}"\s{0,4},\s{0,4})?"value"\s{0,4}:\s{0,4}"([^"\n]{1,100})"|"value"\s{0,4}:\s{0,4}"([^"\n]{1,100})"\s{0,4},\s{0,4}"system"\s{0,4}:\s{0,4}"([^"\n]{1,200})"/g;

/** Findings of FHIR identifiers and telecoms in `text`. */
function fhirCells(text: string, ctx: CheckContext, out: TableCell[]): void {
  SYSTEM_VALUE.lastIndex = 0;
  for (let m; (m = SYSTEM_VALUE.exec(text)) !== null;) {
    const system = m[1] ?? m[4];
    const value = m[2] ?? m[3];
    const f = systemField(system);
    if (f === undefined) continue;
    // The value's offset: the last quoted occurrence in the match for the
    // first order, the first for the second.
    const rel = m[2] !== undefined
      ? m[0].lastIndexOf(`"${value}"`) + 1
      : m[0].indexOf(`"${value}"`) + 1;
    const a = m.index + rel;
    const b = a + value.length;
    ctx.start = a;
    ctx.end = b;
    ctx.match = value;
    if (VALIDATORS[f.validator](value, ctx)) {
      out.push({ start: a, end: b, policyId: f.policyId });
    }
  }
}

/** PII in HL7 v2 PID segments and FHIR identifiers/telecoms of `text` (see the module doc). */
export function healthCells(text: string): TableCell[] {
  const out: TableCell[] = [];
  const ctx: CheckContext = { text, start: 0, end: 0, match: "" };
  if (text.includes("PID|")) pidCells(text, ctx, out);
  if (text.includes('"system"')) fhirCells(text, ctx, out);
  return out;
}
