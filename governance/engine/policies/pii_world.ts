/**
 * Identity numbers of further countries and labelled identifiers, as data:
 * each fires only right after its label (in English and the country's own
 * language; labels in other scripts run on texts with such letters only)
 * and only when the value passes its published check (`detect/world_ids.ts`):
 * China's resident id, the Dutch BSN, Poland's PESEL, the French NIR, South
 * Africa's id number, Korea's RRN, Japan's My Number, Germany's tax id,
 * Australia's Medicare number, Mexico's CURP and a person's RFC; plus driving licence and
 * medical record numbers and UK sort codes by their labels.
 *
 * @module
 */

import type { SensitiveSpec, ValidatorName } from "../detect/sensitive_spec.ts";
import type { TraitName } from "../detect/traits.ts";
import { GLUE, LABEL_START } from "./pii_glue.ts";

/** No letter before a label, unless a camelCase key's prefix (see {@link LABEL_START}). */
const LB = LABEL_START;
/** Nothing token-like after a value. */
const VE = String.raw`(?![\w-]|[.:/]\d)`;

/**
 * A qualifier a key or a form puts after a label: one more word of the key
 * (`rut_cliente`, `pesel-klienta`, `ssn_holder`) or a country code in
 * brackets (`personnummer (NO):`). The value is still checked by the
 * kind's validator.
 */
const QUALIFIER = String.raw`(?:[_-][a-z]{3,12}|[ \t]?\([a-z]{2}\))?`;

/** One labelled identity number: its label and value patterns, keywords and validator (see {@link world}). */
export interface WorldEntry {
  key: string;
  name: string;
  description: string;
  type: string;
  label: string;
  value: string;
  keywords: readonly string[];
  validator: ValidatorName;
  requires?: TraitName;
  severity?: "high" | "medium";
}

/** The catalogue entry `sys_pii_<key>` of a labelled identity number: the value right after its label, checked by its validator. */
export function world(e: WorldEntry): SensitiveSpec {
  const ascii = e.requires === undefined;
  return {
    id: `sys_pii_${e.key}`,
    name: e.name,
    category: "pii",
    severity: e.severity ?? "high",
    action: "redact",
    description: e.description,
    appliesTo: "both",
    type: e.type,
    pattern: String.raw`${
      ascii ? LB : ""
    }(?:${e.label})${QUALIFIER}${GLUE}(?<v>${e.value})${VE}`,
    ignoreCase: true,
    keywords: e.keywords,
    anchored: ascii,
    requires: e.requires,
    validator: e.validator,
  };
}

const NO = String.raw`(?:[ _-]?(?:no|nr|num|number|nummer|#))?`;
const CN_VALUE = String.raw`[1-9]\d{16}[\dX]`;
const KR_VALUE = String.raw`\d{6}-?\d{7}`;
const JP_VALUE = String.raw`\d{4}[ -]?\d{4}[ -]?\d{4}`;
/** An identifier of letters and digits, single spaces or dashes between. */
const ID_VALUE = String.raw`[A-Z0-9](?:[A-Z0-9]|[ -](?=[A-Z0-9])){4,17}`;

/** Labelled identity numbers and identifiers, ids `sys_pii_<name>`. */
export const WORLD_ID_POLICIES: readonly SensitiveSpec[] = [
  world({
    key: "cn_resident_id",
    name: "China resident identity number (labelled)",
    description:
      "An 18-character PRC resident identity number (birth date inside, MOD 11-2 check character) after a resident/citizen id or ID card label.",
    type: "national_id",
    label: String
      .raw`(?:resident|citizen|chinese|prc|china|national)[ _-]?id(?:entity)?(?:[ _-]?card)?${NO}|id[ _-]?card${NO}|id(?:entity)?[ _-]?(?:no|nr|num|number)|shenfenzheng`,
    value: CN_VALUE,
    keywords: [
      "resident",
      "citizen",
      "chinese",
      "prc",
      "china",
      "id card",
      "id_card",
      "id-card",
      "idcard",
      "national",
      "id no",
      "id_no",
      "id-no",
      "idno",
      "id nr",
      "id number",
      "id_number",
      "id-number",
      "idnumber",
      "identity",
      "shenfenzheng",
    ],
    validator: "cn_id",
  }),
  world({
    key: "cn_resident_id_script",
    name: "China resident identity number (label in Chinese)",
    description:
      "An 18-character PRC resident identity number after 身份证 / 身份证号码 / 公民身份号码 (texts with such letters only).",
    type: "national_id",
    label: String.raw`身份证(?:号码|号)?|公民身份号码|居民身份证`,
    value: CN_VALUE,
    keywords: [],
    requires: "non_ascii",
    validator: "cn_id",
  }),
  world({
    key: "nl_bsn",
    name: "Netherlands BSN (labelled)",
    description:
      "A 9-digit Dutch citizen service number (elfproef) after a BSN/burgerservicenummer/sofinummer label.",
    type: "national_id",
    label: String.raw`bsn${NO}|burgerservicenummer|sofi[ _-]?nummer`,
    value: String.raw`\d{9}|\d{4}\.\d{2}\.\d{3}|\d{3}[ .]\d{3}[ .]\d{3}`,
    keywords: ["bsn", "burgerservicenummer", "sofi"],
    validator: "nl_bsn",
  }),
  world({
    key: "pl_pesel",
    name: "Poland PESEL (labelled)",
    description:
      "An 11-digit PESEL (birth date, weighted check digit) after a PESEL label.",
    type: "national_id",
    label: String.raw`pesel${NO}`,
    value: String.raw`\d{11}`,
    keywords: ["pesel"],
    validator: "pl_pesel",
  }),
  world({
    key: "fr_nir",
    name: "France social security number / NIR (labelled)",
    description:
      "A 15-digit French NIR (sex, birth year and month, place, key 97 - n mod 97) after a NIR/INSEE/sécurité sociale/carte Vitale label.",
    type: "national_id",
    label: String
      .raw`nir|insee|(?<=s[eé])curit[eé] sociale|carte vitale|secu(?:rite sociale)?`,
    value: String
      .raw`[12478] ?\d{2} ?\d{2} ?(?:\d{2}|2[AB]) ?\d{3} ?\d{3} ?\d{2}`,
    keywords: ["nir", "insee", "curit", "carte vitale", "secu"],
    validator: "fr_nir",
  }),
  world({
    key: "za_id",
    name: "South Africa identity number (labelled)",
    description:
      "A 13-digit South African identity number (birth date, citizenship digit, Luhn check) after an SA ID / ZA ID / identity number / ID number label.",
    type: "national_id",
    label: String
      .raw`(?:rsa|sa|za|south african)[ _-]?id(?:entity)?${NO}|identity[ _-]?(?:no|number)|id[ _-]?(?:no|number)`,
    value: String.raw`\d{13}|\d{6} \d{4} \d{3}`,
    keywords: [
      "rsa",
      "sa id",
      "sa_id",
      "za id",
      "za_id",
      "za-id",
      "south african",
      "identity",
      "id no",
      "id number",
      "id_no",
      "id_number",
      "id-number",
      "idnumber",
      "idno",
    ],
    validator: "za_id",
  }),
  world({
    key: "kr_rrn",
    name: "Korea resident registration number (labelled)",
    description:
      "A Korean RRN YYMMDD-SNNNNNN (birth date, sex/century digit) after an RRN / resident registration label.",
    type: "national_id",
    label: String
      .raw`rrn|resident[ _-]reg(?:istration)?${NO}|jumin(?:[ _-]?deungnok)?`,
    value: KR_VALUE,
    keywords: [
      "rrn",
      "resident registration",
      "resident-registration",
      "resident_registration",
      "resident reg",
      "resident_reg",
      "resident-reg",
      "jumin",
    ],
    validator: "kr_rrn",
  }),
  world({
    key: "kr_rrn_script",
    name: "Korea resident registration number (label in Korean)",
    description:
      "A Korean RRN after 주민등록번호 / 주민번호 (texts with such letters only).",
    type: "national_id",
    label: String.raw`주민등록번호|주민번호`,
    value: KR_VALUE,
    keywords: [],
    requires: "non_ascii",
    validator: "kr_rrn",
  }),
  world({
    key: "jp_my_number",
    name: "Japan My Number (labelled)",
    description:
      "A 12-digit Japanese individual number (check digit) after a My Number / individual number label.",
    type: "national_id",
    label: String.raw`my[ _-]?number|individual[ _-]number|kojin[ _-]?bango`,
    value: JP_VALUE,
    keywords: [
      "my number",
      "my_number",
      "my-number",
      "mynumber",
      "individual number",
      "individual-number",
      "kojin",
    ],
    validator: "jp_my_number",
  }),
  world({
    key: "jp_my_number_script",
    name: "Japan My Number (label in Japanese)",
    description:
      "A 12-digit Japanese individual number after マイナンバー / 個人番号 (texts with such letters only).",
    type: "national_id",
    label: String.raw`マイナンバー|個人番号`,
    value: JP_VALUE,
    keywords: [],
    requires: "non_ascii",
    validator: "jp_my_number",
  }),
  world({
    key: "de_tax_id",
    name: "Germany tax identification number (labelled)",
    description:
      "An 11-digit Steuer-ID (ISO 7064 MOD 11,10 check digit) after a Steuer-ID / IdNr / Steueridentifikationsnummer / tax id label.",
    type: "national_id",
    label: String
      .raw`steuer[ _-]?id(?:entifikationsnummer|nr)?|steueridentifikationsnummer|steuerliche[ _-]identifikations(?:nummer|nr)|idnr|tax[ _-]?id(?:entification)?${NO}`,
    value: String.raw`\d{11}|\d{2} \d{3} \d{3} \d{3}`,
    keywords: [
      "steuer",
      "idnr",
      "tax id",
      "tax_id",
      "tax-id",
      "taxid",
      "tax identification",
    ],
    validator: "de_tax_id",
  }),
  world({
    key: "au_medicare",
    name: "Australia Medicare number (labelled)",
    description:
      "A Medicare card number (first digit 2-6, check digit, issue number) after a Medicare label.",
    type: "national_id",
    label: String.raw`medicare(?:[ _-]?card)?${NO}`,
    value: String.raw`[2-6]\d{3} ?\d{5} ?\d(?:[ /-]?\d)?`,
    keywords: ["medicare"],
    validator: "au_medicare",
  }),
  world({
    key: "mx_curp",
    name: "Mexico CURP (labelled)",
    description:
      "An 18-character CURP (birth date, sex, state, check digit) after a CURP label.",
    type: "national_id",
    label: String.raw`curp`,
    value: String.raw`[A-Z]{4}\d{6}[HMX][A-Z]{5}[0-9A-Z]\d`,
    keywords: ["curp"],
    validator: "mx_curp",
  }),
  world({
    key: "mx_rfc",
    name: "Mexico RFC of a person (labelled)",
    description:
      "A 13-character RFC of a person (four letters, the birth date YYMMDD, a three-character homoclave) after an RFC / Registro Federal de Contribuyentes label; the date must be real (the homoclave is not checked).",
    type: "national_id",
    label: String.raw`rfc|registro federal de contribuyentes`,
    value: String.raw`[A-Z&]{4}\d{6}[A-Z0-9]{3}`,
    keywords: ["rfc", "registro federal"],
    validator: "mx_rfc",
  }),
  world({
    key: "br_cnpj",
    name: "Brazil CNPJ (labelled)",
    description:
      "A 14-digit Brazilian CNPJ (12.345.678/0001-95, both mod-11 check digits) after a CNPJ label (CNPJ da empresa: ...).",
    type: "national_id",
    label: String.raw`cnpj${NO}(?:[ \t]{1,3}d[aoe]s?[ \t]{1,3}[a-z]{2,20})?`,
    value: String.raw`\d{2}\.?\d{3}\.?\d{3}/?\d{4}-?\d{2}`,
    keywords: ["cnpj"],
    validator: "br_cnpj",
  }),
  world({
    key: "id_card",
    name: "Identity card number (labelled)",
    description:
      "An identity card number (5-18 letters and digits, 5+ digits) after an ID card / identity card / national id / Personalausweis / carte d'identité / carta d'identità / identiteitskaart / documento de identidad / cedula / kimlik label.",
    type: "national_id",
    label: String
      .raw`(?:national|personal)[ _-]id(?:entity)?(?:[ _-]?card)?${NO}|id(?:entity)?[ _-]?card${NO}|personalausweis(?:[ _-]?(?:nummer|nr\.?|no))?|ausweis[ _-]?(?:nummer|nr\.?|no)|carte d'identit[eé](?: nationale)?(?: n[°º])?|carta d'identit[aà](?: n\.?)?|identiteitskaart(?:nummer)?|documento de identidad|cedula(?: de (?:identidad|ciudadan[ií]a))?|kimlik(?:[ _-]?no)?`,
    value: ID_VALUE,
    keywords: [
      "national id",
      "national_id",
      "national-id",
      "nationalid",
      "personal id",
      "personal_id",
      "id card",
      "id_card",
      "id-card",
      "idcard",
      "identity card",
      "identity_card",
      "identitycard",
      "personalausweis",
      "ausweis",
      "carte d",
      "carta d",
      "identiteitskaart",
      "documento de identidad",
      "cedula",
      "kimlik",
    ],
    validator: "labelled_id",
  }),
  world({
    key: "driver_license",
    name: "Driving licence number (labelled)",
    description:
      "A driving licence number (5-18 letters and digits, 5+ digits) after a driver's license / DL# / Führerschein / permis de conduire / licencia label.",
    type: "national_id",
    label: String
      .raw`driver(?:'|[ _-])?s?[ _-]?licen[cs]e${NO}|driving[ _-]licen[cs]e${NO}|(?<![/.])dl(?:[ _-]?(?:no|nr|num|number))?#?(?=\s{0,3}[:#=]|(?<=#))|licen[cs]e[ _-]?(?:no|number|#)|(?<=fü)hrerschein(?:nummer)?|fuehrerschein(?:nummer)?|permis de conduire|licencia de conducir`,
    value: ID_VALUE,
    keywords: [
      "driver",
      "driving",
      "dl",
      "licence",
      "license",
      "hrerschein",
      "fuehrerschein",
      "permis de conduire",
      "licencia de conducir",
    ],
    validator: "labelled_id",
  }),
  world({
    key: "medical_record_number",
    name: "Medical record number (labelled)",
    description:
      "A medical record number (5-18 letters and digits, 5+ digits) after an MRN / medical record number label.",
    type: "medical_record",
    label: String.raw`mrn${NO}|medical[ _-]record(?:[ _-]?(?:no|number|#|id))?`,
    value: ID_VALUE,
    keywords: ["mrn", "medical record", "medical_record", "medical-record"],
    validator: "labelled_id",
  }),
  world({
    key: "uk_sort_code",
    name: "UK sort code (labelled)",
    description:
      "A UK bank sort code (three pairs of digits), with the 8-digit account number when it follows, after a sort code (/ account) label.",
    type: "bank_account",
    label: String
      .raw`sort[ _-]?code(?:\s{0,2}(?:/|&|and)\s{0,2}(?:account|acct|a/c)(?:[ _-]?(?:no|number))?)?`,
    value: String
      .raw`(?:\d{2}-\d{2}-\d{2}|\d{2} \d{2} \d{2}|\d{6})(?:[ ,/]{1,3}\d{8})?`,
    keywords: ["sort code", "sort_code", "sort-code", "sortcode"],
    validator: "sort_code",
    severity: "medium",
  }),
];
