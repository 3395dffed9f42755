/**
 * HL7 v2 PID fields and FHIR identifiers/telecoms as labels, with the
 * fields and systems that hold no PII beside them. Values are made up
 * (checksums valid where the kind has one).
 */
import assert from "node:assert/strict";
import { scan } from "../mod.ts";
import { healthCells } from "./health.ts";

const gone = (t: string, v: string) => !scan(t).redacted.includes(v);
const pii = (t: string) => scan(t).findings.filter((f) => f.category === "pii");

Deno.test("HL7 PID: SSN (PID-19), DOB (PID-7), phones (PID-13/14), typed identifiers (PID-3)", () => {
  const seg =
    "PID|1||8955278^^^HOSP^MR~287443558^^^SSA^SS||DOE^ALEX||19800101|M|||1 Main St^^Springfield^IL^62704||(217)829-4411|(217)829-9000||||||287-44-3558";
  for (
    const v of [
      "287443558",
      "19800101",
      "(217)829-4411",
      "(217)829-9000",
      "287-44-3558",
    ]
  ) {
    assert.ok(gone(seg, v), v);
  }
  // The medical record number (type MR) is not one of the catalogue's kinds.
  assert.ok(scan(seg).redacted.includes("8955278"));
  assert.ok(gone("PID|1||5412445772^^^NHS^NH||SMITH^JO", "5412445772"));
  assert.ok(
    gone(
      "MSH|^~\\&|LAB\rPID|1||X1^^^H^MR||ROE^JO||19740412083000|F",
      "19740412083000",
    ),
  );
});

Deno.test("HL7: other segments, invalid values and PID look-alikes are not findings", () => {
  for (
    const t of [
      "MSH|^~\\&|LAB|HOSP|EHR|HOSP|20261202101407||ORU^R01|MSG00001|P|2.5",
      "OBX|1|NM|2345-7^GLUCOSE||95|mg/dL|70-105|N|||F|||20261202101407",
      "PID|1||8955278^^^HOSP^MR||DOE^ALEX||19801301|M",
      "PID|1||000000000^^^SSA^SS||DOE^ALEX",
      "grep 'PID|' *.log | wc -l",
      "ps -o PID|head",
    ]
  ) assert.deepEqual(pii(t), [], t);
});

Deno.test("FHIR: identifier systems and telecom systems label their values", () => {
  const cases: [string, string][] = [
    [
      '{"identifier": [{"system": "http://hl7.org/fhir/sid/us-ssn", "value": "287443558"}]}',
      "287443558",
    ],
    [
      '{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "9665791729"}',
      "9665791729",
    ],
    [
      '{"value": "9665791729", "system": "https://fhir.nhs.uk/Id/nhs-number"}',
      "9665791729",
    ],
    [
      '"telecom": [{"system": "phone", "use": "home", "value": "030 82914455"}]',
      "030 82914455",
    ],
  ];
  for (const [t, v] of cases) assert.ok(gone(t, v), t);
  for (
    const t of [
      '{"system": "http://loinc.org", "value": "2345-7"}',
      '{"system": "http://hl7.org/fhir/sid/us-npi", "value": "1234567893"}',
      '{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "1234567890"}',
      '{"system": "phone", "value": "n/a"}',
      '"coding": [{"system": "http://snomed.info/sct", "code": "38341003"}]',
    ]
  ) assert.deepEqual(healthCells(t), [], t);
});

Deno.test("health records, SQL rows and wrapped-token views stay linear on hostile input", () => {
  const hostile = [
    "PID| ".repeat(50_000),
    "PID|1||" + "~".repeat(100_000),
    "PID|1||" + "^".repeat(100_000),
    '{"system": "phone", "value": "' + "1".repeat(100_000),
    '"system": "'.repeat(20_000),
    "2026-12-02T10:14:07Z | token=IMz05PWoxnD8\n".repeat(5_000),
    'k = ["sk_live_a", '.repeat(10_000),
    "abc\\\n".repeat(30_000),
  ];
  for (const t of hostile) {
    const t0 = performance.now();
    scan(t);
    assert.ok(performance.now() - t0 < 4000, t.slice(0, 30));
  }
});
