/**
 * Identity and tax numbers of further countries whose values carry a check
 * digit, as data: each fires only right after its label (English and the
 * country's own words) and only when the value passes its published rule
 * (`detect/national_checks.ts`): Denmark's CPR, Finland's henkilötunnus,
 * Portugal's NIF, Belgium's national number, Ireland's PPS number, Chile's
 * RUT, Israel's Teudat Zehut, Australia's TFN, Norway's fødselsnummer,
 * Turkey's T.C. Kimlik No, Croatia's OIB and Romania's CNP. A column header
 * with one of these labels labels the cells below it (`detect/tables.ts`).
 *
 * @module
 */

import type { SensitiveSpec } from "../detect/sensitive_spec.ts";
import { world } from "./pii_world.ts";

const NO = String.raw`(?:[ _-]?(?:no|nr|num|number|nummer|#)\.?)?`;

/** Labelled check-digit identity numbers, ids `sys_pii_<name>`; a checked number wins a tie with a generic labelled id (`kimlik no`). */
export const CHECK_DIGIT_ID_POLICIES: readonly SensitiveSpec[] = ([
  world({
    key: "dk_cpr",
    name: "Denmark CPR number (labelled)",
    description:
      "A Danish CPR number DDMMYY-SSSS (a real day and month) after a CPR / CPR-nr. label.",
    type: "national_id",
    label: String.raw`cpr${NO}|cpr[ _-]?nummer|personnummer|c\.p\.r\.`,
    value: String.raw`\d{6}-?\d{4}`,
    keywords: ["cpr", "personnummer", "c.p.r."],
    validator: "dk_cpr",
  }),
  world({
    key: "fi_hetu",
    name: "Finland personal identity code / henkilötunnus (labelled)",
    description:
      "A Finnish henkilötunnus DDMMYY, century sign, three digits and the mod-31 check character after a henkilötunnus / HETU / personbeteckning / personal identity code label.",
    type: "national_id",
    label: String
      .raw`henkil[öo]tunnus|hetu|sotu|sosiaaliturvatunnus|personbeteckning|(?:finnish )?personal identity code`,
    value: String.raw`\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]`,
    keywords: [
      "henkil",
      "hetu",
      "sotu",
      "sosiaaliturvatunnus",
      "personbeteckning",
      "personal identity code",
      "finnish personal identity code",
    ],
    validator: "fi_hetu",
  }),
  world({
    key: "pt_nif",
    name: "Portugal NIF (labelled)",
    description:
      "A 9-digit Portuguese tax number (mod-11 check digit) after a NIF / NIPC / contribuinte label.",
    type: "national_id",
    label: String
      .raw`nif${NO}|nipc|contribuinte`,
    value: String.raw`\d{9}|\d{3} \d{3} \d{3}`,
    keywords: ["nif", "nipc", "contribuinte"],
    validator: "pt_nif",
  }),
  world({
    key: "be_national_number",
    name: "Belgium national number (labelled)",
    description:
      "An 11-digit Belgian national (register) number YY.MM.DD-SSS.CC (97 - n mod 97) after a Rijksregisternummer / numéro national / INSZ / NISS / national number label.",
    type: "national_id",
    label: String
      .raw`rijksregister(?:nummer|[ _-]?(?:nr|no)\.?)?|(?:national[ _-]?)?(?:register|registry|registration)[ _-]?number|national[ _-]number|numero (?:de registre )?national|(?<=num[eé])ro (?:de registre )?national|registre national|insz|niss|rrn`,
    value: String.raw`\d{2}\.?\d{2}\.?\d{2}[- ]?\d{3}\.?\d{2}`,
    keywords: [
      "rijksregister",
      "national register",
      "national registration",
      "national registry",
      "national_register",
      "national number",
      "national_number",
      "register number",
      "registration number",
      "numero national",
      "numero de registre",
      "ro national",
      "ro de registre",
      "registre national",
      "insz",
      "niss",
      "rrn",
    ],
    validator: "be_nn",
  }),
  world({
    key: "ie_pps",
    name: "Ireland PPS number (labelled)",
    description:
      "An Irish Personal Public Service number (seven digits, mod-23 check letter, optional second letter) after a PPS / PPSN label.",
    type: "national_id",
    label: String.raw`ppsn?${NO}|personal public service(?: number| no)?`,
    value: String.raw`\d{7}[A-W][A-IW]?`,
    keywords: ["pps", "personal public service"],
    validator: "ie_pps",
  }),
  world({
    key: "cl_rut",
    name: "Chile RUT / RUN (labelled)",
    description:
      "A Chilean RUT 12.345.678-K (mod-11 verifier) after a RUT / R.U.N. / rol único tributario label.",
    type: "national_id",
    label: String
      .raw`rut${NO}|r\.u\.[tn]\.?|rol unico (?:tributario|nacional)`,
    value: String.raw`\d{1,2}\.\d{3}\.\d{3}-[\dK]|\d{7,8}-[\dK]`,
    keywords: ["rut", "r.u.", "rol unico"],
    validator: "cl_rut",
  }),
  world({
    key: "il_id",
    name: "Israel identity number / Teudat Zehut (labelled)",
    description:
      "A 9-digit Israeli identity number (Luhn-style check) after a Teudat Zehut / mispar zehut / Israeli ID label.",
    type: "national_id",
    label: String
      .raw`teudat[ _-]?zehut${NO}|mispar[ _-]?zehut|(?:israeli|il)[ _-]?id${NO}|zehut`,
    value: String.raw`\d{9}`,
    keywords: [
      "teudat",
      "mispar",
      "israeli",
      "il id",
      "il_id",
      "il-id",
      "zehut",
    ],
    validator: "il_id",
  }),
  world({
    key: "il_id_script",
    name: "Israel identity number (label in Hebrew)",
    description:
      "A 9-digit Israeli identity number (Luhn-style check) after מספר זהות / תעודת זהות / ת.ז. (texts with such letters only).",
    type: "national_id",
    label: String.raw`מספר זהות|תעודת זהות|ת\.?ז\.?`,
    value: String.raw`\d{9}`,
    keywords: [],
    requires: "non_ascii",
    validator: "il_id",
  }),
  world({
    key: "au_tfn",
    name: "Australia tax file number (labelled)",
    description:
      "A 9-digit Australian tax file number (weighted mod-11 check) after a TFN / tax file number label.",
    type: "national_id",
    label: String.raw`tfn${NO}|tax[ _-]?file[ _-]?(?:number|no)`,
    value: String.raw`\d{3} \d{3} \d{3}|\d{9}`,
    keywords: ["tfn", "tax file", "tax_file", "tax-file", "taxfile"],
    validator: "au_tfn",
  }),
  world({
    key: "no_fnr",
    name: "Norway national identity number / fødselsnummer (labelled)",
    description:
      "An 11-digit Norwegian fødselsnummer or D-number (birth date, two mod-11 check digits) after a fødselsnummer / FNR / D-nummer label.",
    type: "national_id",
    label: String
      .raw`(?<=fø)dselsn(?:ummer|r\.?)|foe?dselsn(?:ummer|r\.?)|fnr|d-nummer|personnummer`,
    value: String.raw`\d{6} ?\d{5}`,
    keywords: [
      "dselsn",
      "fodselsn",
      "foedselsn",
      "fnr",
      "d-nummer",
      "personnummer",
    ],
    validator: "no_fnr",
  }),
  world({
    key: "tr_tckn",
    name: "Turkey T.C. Kimlik No (labelled)",
    description:
      "An 11-digit Turkish identity number (two check digits) after a T.C. Kimlik No / TCKN label.",
    type: "national_id",
    label: String
      .raw`kimlik(?:[ _-]?(?:no|numaras[ıi]))?|tckn|tc[ _-]?no`,
    value: String.raw`[1-9]\d{10}`,
    keywords: ["kimlik", "tckn", "tc no", "tc_no", "tc-no", "tcno"],
    validator: "tr_tckn",
  }),
  world({
    key: "hr_oib",
    name: "Croatia OIB (labelled)",
    description:
      "An 11-digit Croatian personal identification number (ISO 7064 MOD 11,10) after an OIB label.",
    type: "national_id",
    label: String.raw`oib${NO}|osobni identifikacijski broj`,
    value: String.raw`\d{11}`,
    keywords: ["oib", "osobni identifikacijski"],
    validator: "hr_oib",
  }),
  world({
    key: "ro_cnp",
    name: "Romania CNP (labelled)",
    description:
      "A 13-digit Romanian personal numeric code (birth date, weighted mod-11 check) after a CNP / cod numeric personal label.",
    type: "national_id",
    label: String.raw`cnp${NO}|cod(?:ul)? numeric personal`,
    value: String.raw`[1-9]\d{12}`,
    keywords: ["cnp", "cod numeric", "codul numeric"],
    validator: "ro_cnp",
  }),
] as SensitiveSpec[]).map((s) => ({ ...s, priority: 3 }));
