/**
 * National identity numbers written without a label, as data: formats
 * distinctive enough in shape and checksum to stand alone in running text
 * and CSV rows (a Brazilian CPF 123.456.789-09, a Belgian national number
 * 85.07.30-033.28, a Singapore NRIC S1234567D,
 * a Spanish DNI 12345678Z / NIE X1234567L, an Aadhaar number in 4-4-4
 * groups, a Canadian SIN in 3-3-3 groups), plus the UK NHS number next to
 * its label. Bare digit runs (an 11-digit CPF, 12 plain digits, 9 plain
 * digits) stay labelled-only (`pii.ts`): ids and counters look the same.
 *
 * @module
 */

import type { SensitiveSpec } from "../detect/sensitive_spec.ts";
import { GLUE, LABEL_START } from "./pii_glue.ts";

/** No digit group, word or path may continue on either side. */
const L = String.raw`(?<![\w.+$/-]|\d[ -])`;
/**
 * `first` preceded by the `L` boundary, written so the regex starts with a
 * character class (V8 then skips quickly to candidate characters).
 */
const start = (first: string) => String.raw`${first}(?<=${L}${first})`;
const R = String.raw`(?![\w-]|[.:/]\d|[ -]\d)`;

/** Unlabelled national-id kinds and the NHS number, ids `sys_pii_<name>`. */
export const NATIONAL_ID_POLICIES: readonly SensitiveSpec[] = [
  {
    id: "sys_pii_br_cpf_formatted",
    name: "Brazil CPF (formatted)",
    category: "pii",
    severity: "high",
    action: "redact",
    description:
      "A Brazilian CPF in its printed form 123.456.789-09, with both mod-11 check digits right, anywhere in text.",
    appliesTo: "both",
    type: "national_id",
    pattern: String.raw`${start("\\d")}\d{2}\.\d{3}\.\d{3}-\d{2}${R}`,
    keywords: [],
    requires: "cpf",
    validator: "cpf",
  },
  {
    id: "sys_pii_be_national_number_formatted",
    name: "Belgium national number (formatted)",
    category: "pii",
    severity: "high",
    action: "redact",
    description:
      "A Belgian national (register) number in its printed form YY.MM.DD-SSS.CC, with a real month and day and the mod-97 check right, anywhere in text.",
    appliesTo: "both",
    type: "national_id",
    pattern: String.raw`${start("\\d")}\d\.\d{2}\.\d{2}-\d{3}\.\d{2}${R}`,
    keywords: [],
    requires: "world_id",
    validator: "be_nn",
    priority: 1,
  },
  {
    id: "sys_pii_nric_unlabelled",
    name: "Singapore NRIC/FIN",
    category: "pii",
    severity: "high",
    action: "redact",
    description:
      "A Singapore NRIC or FIN (S/T/F/G/M, 7 digits, check letter) in capitals with the right check letter, anywhere in text.",
    appliesTo: "both",
    type: "nric",
    pattern: String
      .raw`(?<![A-Za-z0-9_/.-])[STFGM]\d{7}[A-Z](?![A-Za-z0-9_-]|/\w)`,
    keywords: [],
    requires: "nric",
    validator: "nric",
    priority: 1,
  },
  {
    id: "sys_pii_cn_resident_id_unlabelled",
    name: "China resident identity number",
    category: "pii",
    severity: "high",
    action: "redact",
    description:
      "An 18-character PRC resident identity number (a real birth date at positions 7-14, the MOD 11-2 check character) anywhere in text; not as the value of an id-like key.",
    appliesTo: "both",
    type: "national_id",
    pattern: String.raw`${start("[1-9]")}\d{16}[\dXx]${R}`,
    keywords: [],
    requires: "world_id",
    validator: "cn_id_unlabelled",
    priority: 1,
  },
  {
    id: "sys_pii_mx_curp_unlabelled",
    name: "Mexico CURP",
    category: "pii",
    severity: "high",
    action: "redact",
    description:
      "An 18-character Mexican CURP (4 letters, birth date, H/M/X, state and consonants, the check digit) in capitals anywhere in text; not as the value of an id-like key.",
    appliesTo: "both",
    type: "national_id",
    pattern: String
      .raw`(?<![A-Za-z0-9_/.-])[A-Z]{4}\d{6}[HMX][A-Z]{5}[0-9A-Z]\d(?![A-Za-z0-9_-])`,
    keywords: [],
    requires: "world_id",
    validator: "mx_curp_unlabelled",
    priority: 1,
  },
  {
    id: "sys_pii_es_dni_unlabelled",
    name: "Spain DNI / NIE",
    category: "pii",
    severity: "high",
    action: "redact",
    description:
      "A Spanish DNI (12345678Z, digits not a date) or NIE (X1234567L) with the right mod-23 letter, anywhere in text.",
    appliesTo: "both",
    type: "national_id",
    pattern: String
      .raw`(?<![A-Za-z0-9_/.-])(?:\d{8}|[XYZ]\d{7})[A-Z](?![A-Za-z0-9_-]|/\w)`,
    keywords: [],
    requires: "dni",
    validator: "dni_unlabelled",
    priority: 1,
  },
  {
    id: "sys_pii_aadhaar_grouped",
    name: "India Aadhaar number (grouped)",
    category: "pii",
    severity: "high",
    action: "redact",
    description:
      "A 12-digit Aadhaar number printed in 4-4-4 groups (2345 6789 0123, space or dash) with a valid Verhoeff check digit, anywhere in text.",
    appliesTo: "both",
    type: "aadhaar",
    pattern: String.raw`${start("[2-9]")}\d{3}(?<s>[ -])\d{4}\k<s>\d{4}${R}`,
    keywords: [],
    requires: "aadhaar_grouped",
    validator: "aadhaar",
    priority: 1,
  },
  {
    id: "sys_pii_ca_sin_grouped",
    name: "Canada SIN (grouped)",
    category: "pii",
    severity: "high",
    action: "redact",
    description:
      "A Canadian SIN printed in 3-3-3 groups passing Luhn, not a counting run: dashed (046-454-286) anywhere in text, spaced (046 454 286) as a cell or at a clause end.",
    appliesTo: "both",
    type: "national_id",
    // Spaced, it is also how some locales group thousands ("130 692 544
    // rows"): only as a cell or at a clause's end.
    pattern: String
      .raw`${
      start("[1-79]")
    }\d{2}(?:-\d{3}-\d{3}${R}| \d{3} \d{3}(?=[ \t]{0,3}(?:[,;|\t\r\n)\].]|$)))`,
    keywords: [],
    requires: "sin",
    validator: "sin_unlabelled",
    priority: 1,
  },
  {
    id: "sys_pii_uk_nhs",
    name: "UK NHS number (labelled)",
    category: "pii",
    severity: "high",
    action: "redact",
    description:
      "A 10-digit NHS number (3-3-4 spaced, dashed or plain) with the right mod-11 check digit, next to an 'NHS' label.",
    appliesTo: "both",
    type: "national_id",
    pattern: String
      .raw`${LABEL_START}nhs(?:[ _-]?(?:no|num|number|#|id))?${GLUE}(?<v>\d{3}(?<s>[ -]?)\d{3}\k<s>\d{4})(?![\w-])`,
    ignoreCase: true,
    keywords: ["nhs"],
    anchored: true,
    validator: "nhs",
  },
  {
    id: "sys_pii_us_itin",
    name: "US ITIN",
    category: "pii",
    severity: "high",
    action: "redact",
    description:
      "A US Individual Taxpayer Identification Number 9XX-GG-NNNN (group 50-65, 70-88, 90-92 or 94-99), dashed or spaced.",
    appliesTo: "both",
    type: "ssn",
    pattern: String.raw`${start("9")}\d{2}(?<s>[- ])\d{2}\k<s>\d{4}${R}`,
    keywords: [],
    requires: "ssn",
    validator: "itin",
  },
  {
    id: "sys_pii_se_personnummer",
    name: "Swedish personnummer",
    category: "pii",
    severity: "high",
    action: "redact",
    description:
      "A Swedish personal identity number YYMMDD-NNNC or YYYYMMDD-NNNC (+ for age 100+) with a valid date and Luhn check digit.",
    appliesTo: "both",
    type: "national_id",
    pattern: String
      .raw`(?<![\w.+/-])(?:(?:19|20)\d{2}|\d{2})(?:0[1-9]|1[0-2])(?:[0-2]\d|3[01]|[6-8]\d|9[01])[-+]\d{4}(?![\w-]|[.:/]\d)`,
    keywords: [],
    requires: "se_pnr",
    validator: "personnummer",
  },
  {
    id: "sys_pii_it_codice_fiscale",
    name: "Italian codice fiscale",
    category: "pii",
    severity: "high",
    action: "redact",
    description:
      "An Italian tax code: 6 letters, birth year, month letter, day (+40 for women), place code, check letter, with the right check letter.",
    appliesTo: "both",
    type: "national_id",
    pattern: String
      .raw`(?<![A-Za-z0-9])[A-Z]{6}\d{2}[ABCDEHLMPRST][0-7]\d[A-Z]\d{3}[A-Z](?![A-Za-z0-9])`,
    keywords: [],
    requires: "it_cf",
    validator: "codice_fiscale",
  },
  {
    id: "sys_pii_iban_labelled",
    name: "IBAN (labelled, any case)",
    category: "pii",
    severity: "high",
    action: "redact",
    description:
      "A compact IBAN in lower or mixed case right after an 'IBAN' label, with a known country length and mod-97 check.",
    appliesTo: "both",
    type: "iban",
    pattern: String
      .raw`(?<![a-z])iban["']?[ \t]{0,3}[:=#-]?[ \t]{0,3}["']?(?<v>[A-Za-z]{2}\d{2}[A-Za-z0-9]{11,30})(?![A-Za-z0-9])`,
    ignoreCase: true,
    keywords: ["iban"],
    anchored: true,
    validator: "iban",
  },
];
