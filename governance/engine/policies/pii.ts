/**
 * The PII catalogue, as data. Each entry is a policy (what a reviewer reads)
 * plus how it detects: a linear-time regex, a named validator (checksums and
 * context rules live in `detect/checksums.ts` and `detect/sensitive.ts`),
 * keywords that gate the regex, and the redaction marker type.
 *
 * Boundaries matter more than anything else here: a match inside a longer
 * run of digits or letters, a timestamp, a version string or a UUID is not a
 * match. Labelled kinds (passport, date of birth, bare SSN, bank numbers)
 * only fire next to their label.
 *
 * @module
 */

import type { SensitiveSpec } from "../detect/sensitive_spec.ts";
import { ADDRESS_POLICIES } from "./pii_address.ts";
import { DOCUMENT_POLICIES } from "./pii_documents.ts";
import { NATIONAL_PHONE_POLICIES } from "./pii_phones.ts";
import { NATIONAL_ID_POLICIES } from "./pii_national.ts";
import { WORLD_ID_POLICIES } from "./pii_world.ts";
import { CHECK_DIGIT_ID_POLICIES } from "./pii_checkdigit.ts";
import { PERSON_NAME_POLICIES } from "./pii_names.ts";
import { GLUE, LABEL_START, LABEL_START_ACCENTED } from "./pii_glue.ts";

/**
 * Digits/separators may not continue on either side of a numeric match. A
 * comma may: it separates CSV cells (`Jane Roe,536-90-4399`), and a
 * thousands separator only ever groups three digits, which no numeric kind
 * here matches on its own.
 */
const L = String.raw`(?<![\w.+$/-])`;
/**
 * `first` preceded by the `L` boundary, written so the regex starts with a
 * character class (V8 then skips quickly to candidate characters).
 */
const start = (first: string) => String.raw`${first}(?<=${L}${first})`;
const R = String.raw`(?![\w-]|[.:/]\d)`;
/** One IPv6 group. */
const H4 = "[0-9A-Fa-f]{1,4}";

/** PII kinds, ids `sys_pii_<name>`. */
export const PII_POLICIES: readonly SensitiveSpec[] = [
  {
    id: "sys_pii_ssn",
    name: "US Social Security number",
    category: "pii",
    severity: "high",
    action: "redact",
    description:
      "A US SSN written 123-45-6789, 123 45 6789 or 123.45.6789 with a valid area, group and serial.",
    appliesTo: "both",
    type: "ssn",
    pattern: String.raw`${start("\\d")}\d{2}(?<s>[- .])\d{2}\k<s>\d{4}${R}`,
    keywords: [],
    requires: "ssn",
    validator: "ssn",
  },
  {
    id: "sys_pii_ssn_labelled",
    name: "US SSN (labelled, digits only)",
    category: "pii",
    severity: "high",
    action: "redact",
    description:
      "Nine bare digits right after an 'SSN', 'social security', 'Social:', 'tax id' or 'ITIN' label, with valid SSN rules.",
    appliesTo: "both",
    type: "ssn",
    pattern: String
      .raw`${LABEL_START}(?:ssn|social[ _-]security(?:[ _-]?(?:number|num|no))?|social(?=[ \t]{0,2}[:=#])|tax[ _-]?id|taxpayer[ _-]id|itin)[^\n\d]{0,20}?(?<v>\d{9})(?![\d-])`,
    ignoreCase: true,
    keywords: [
      "ssn",
      "social",
      "tax_id",
      "taxid",
      "tax id",
      "tax-id",
      "taxpayer",
      "itin",
    ],
    anchored: true,
    validator: "ssn",
  },
  {
    id: "sys_pii_credit_card",
    name: "Payment card number",
    category: "pii",
    severity: "high",
    action: "redact",
    description:
      "A 13-19 digit card number (plain, or 4-4-4-4 / 4-6-5 grouped by spaces (one or two), dashes, dots, underscores, slashes, apostrophes or ' - ') with a known issuer prefix and a valid Luhn digit.",
    appliesTo: "both",
    type: "credit_card",
    pattern: String
      .raw`${
      start("\\d")
    }(?:\d{12,18}|\d{3}(?<s> - | {2}|[ ._/'-])\d{4}\k<s>\d{4}\k<s>\d{1,4}(?:\k<s>\d{1,3})?|\d{3}(?<t> - | {2}|[ ._/'-])\d{6}\k<t>\d{4,5})${R}`,
    keywords: [],
    requires: "card",
    validator: "card",
  },
  {
    id: "sys_pii_email",
    name: "Email address",
    category: "pii",
    severity: "medium",
    action: "redact",
    description:
      "An email address (not an image@2x file name, not git@github.com).",
    appliesTo: "both",
    type: "email",
    pattern: String
      .raw`(?<=(?<![\w.%+-])(?<pre>[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}))@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\.){1,8}[A-Za-z]{2,24}(?![\w-]|\.[A-Za-z0-9])`,
    keywords: ["@"],
    anchored: true,
    validator: "email",
  },
  {
    id: "sys_pii_phone_us",
    name: "US phone number",
    category: "pii",
    severity: "medium",
    action: "redact",
    description:
      "A North American number like (415) 555-0132, 415-555-0132 or 415.555.0132 (valid area and exchange).",
    appliesTo: "both",
    type: "phone",
    pattern: String
      .raw`${L}(?:1[ .-]?)?(?:\(\d{3}\)[ .-]?|\d{3}[ .-])\d{3}[ .-]\d{4}${R}`,
    keywords: [],
    requires: "phone_us",
    validator: "phone_us",
  },
  {
    id: "sys_pii_phone_intl",
    name: "International phone number",
    category: "pii",
    severity: "medium",
    action: "redact",
    description:
      "A +<country code> number (E.164 or spaced), with country rules for +1, +44, +65 and +91.",
    appliesTo: "both",
    type: "phone",
    pattern: String
      .raw`(?<![\w+])\+(?:[1-9]\d{7,14}(?!\d)|[1-9]\d{0,3}(?:(?:[ .-]|(?<=\))|(?=\())(?:\(\d{1,10}\)|\d{1,10})){1,6}${R})`,
    keywords: [],
    requires: "phone_intl",
    validator: "phone_intl",
  },
  {
    id: "sys_pii_phone_uk",
    name: "UK phone number",
    category: "pii",
    severity: "medium",
    action: "redact",
    description: "A UK national number like 07911 123456 or 020 7946 0958.",
    appliesTo: "both",
    type: "phone",
    pattern: String
      .raw`${
      start("0")
    }(?:7\d{3} ?\d{3} ?\d{3}|[1-9]\d{1,3} \d{3,4} ?\d{3,4})${R}`,
    keywords: [],
    requires: "phone_uk",
    validator: "phone_uk",
  },
  {
    id: "sys_pii_phone_labelled",
    name: "Phone number (labelled)",
    category: "pii",
    severity: "medium",
    action: "redact",
    description:
      "7-15 digits right after a phone/telephone/Telefon/mobile/tel/cell/whatsapp label, or one in another language written in ASCII letters (Teléfono, Telefoon, Handy, Mobil, Celular, Cellulare, Portable, GSM), or a request to call (call me at, reach us on, text me, on-call at): India and Singapore local numbers, 00-prefixed international and trunk-prefixed national numbers, others.",
    appliesTo: "both",
    type: "phone",
    pattern: String
      .raw`${LABEL_START_ACCENTED}(?:phone|mobile|t[eé]l[eé]?phone|tel[eé]fono|telefone?|telefonnummer|t[eé]l|cell(?:phone|ulare)?|whatsapp|contact|telefoon|handy|mobil(?:telefon|e)?|movil|celular|portable|gsm|(?:call|reach)(?: (?:me|us))? (?:at|on)|(?:text|ring|dial|sms|message) (?:me|us)(?: (?:at|on))?)(?:[ _-]?(?:no|num|number|nummer|numero|número|#))?(?: (?:is|number is))?${GLUE}(?<v>\+?\(?\d[\d ()./-]{5,18}\d)${R}`,
    ignoreCase: true,
    keywords: [
      "phone",
      "mobile",
      "tel",
      "cell",
      "whatsapp",
      "contact",
      "handy",
      "mobil",
      "movil",
      "celular",
      "portable",
      "gsm",
      // The requests as the pattern reads them (call me at, text us): the
      // single words (call, text, message) are in most texts, and each one
      // made the scanner run here and the hooks' gate load it.
      ...["call", "reach", "text", "ring", "dial", "sms", "message"].flatMap(
        (verb) => ["me", "us", "at", "on"].map((w) => `${verb} ${w}`),
      ),
    ],
    anchored: true,
    validator: "phone_any",
  },
  {
    id: "sys_pii_phone_labelled_script",
    name: "Phone number (label with non-ASCII letters)",
    category: "pii",
    severity: "medium",
    action: "redact",
    description:
      "7-15 digits right after a phone label written with letters beyond ASCII (Tél, Téléphone, Móvil, 電話, 携帯, 电话, 手机, Телефон, Тел, Моб, Τηλέφωνο); runs only on texts with such letters.",
    appliesTo: "both",
    type: "phone",
    pattern: String
      .raw`(?<![A-Za-zÀ-ÿА-яЁё])(?:T[ée]l[ée]phone|Tél|Tel[ée]fono|Telèfon|Telefón|Móvil|Número de teléfono|電話番号|電話|携帯電話|携帯|电话号码|电话|手机号码|手机|Телефон|Тел|Мобильный|Моб|Τηλέφωνο|Τηλ|Κινητό)(?<=[^\x00-\x7f][^]{0,20})(?:[ _-]?(?:no|nr|n°|#))?\.?\s{0,3}[:：=]?\s{0,3}(?<v>\+?\(?\d[\d ().-]{5,18}\d)${R}`,
    ignoreCase: true,
    keywords: [],
    requires: "non_ascii",
    validator: "phone_any",
  },
  {
    id: "sys_pii_aadhaar",
    name: "India Aadhaar number (labelled)",
    category: "pii",
    severity: "high",
    action: "redact",
    description:
      "A 12-digit Aadhaar number (first digit 2-9, optionally 4-4-4 spaced) with a valid Verhoeff check digit, next to an 'Aadhaar', 'UID' or 'UIDAI' label (log fields such as uid=...).",
    appliesTo: "both",
    type: "aadhaar",
    pattern: String
      .raw`${LABEL_START}(?:aadhaa?r|uidai|uid)(?:[ _-]?(?:no|num|number|card|#|id))?${GLUE}(?:(?:no|number|num)\.?:?\s{0,3})?(?<v>[2-9]\d{3}(?<s>[ -]?)\d{4}\k<s>\d{4})${R}`,
    ignoreCase: true,
    keywords: ["aadhaar", "aadhar", "uid"],
    anchored: true,
    validator: "aadhaar",
  },
  {
    id: "sys_pii_phone_india",
    name: "India phone number (trunk 0)",
    category: "pii",
    severity: "medium",
    action: "redact",
    description:
      "An Indian mobile number dialled with the trunk prefix: 0 then ten digits starting 6-9 (09876543210, 098765 43210, 098765-43210).",
    appliesTo: "both",
    type: "phone",
    pattern: String.raw`${start("0")}[6-9]\d{4}[ -]?\d{5}${R}`,
    keywords: [],
    requires: "phone_in",
    validator: "phone_india",
  },
  {
    id: "sys_pii_pan",
    name: "India PAN",
    category: "pii",
    severity: "high",
    action: "redact",
    description:
      "An Indian Permanent Account Number like ABCPE1234F (4th letter a valid holder type).",
    appliesTo: "both",
    type: "pan",
    pattern: String
      .raw`(?<![A-Za-z0-9])[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z](?![A-Za-z0-9])`,
    keywords: [],
    requires: "pan",
  },
  {
    id: "sys_pii_nric",
    name: "Singapore NRIC/FIN (labelled)",
    category: "pii",
    severity: "high",
    action: "redact",
    description:
      "A Singapore NRIC or FIN (S/T/F/G/M series) with the correct check letter, next to an 'NRIC', 'FIN' or 'IC' label.",
    appliesTo: "both",
    type: "nric",
    pattern: String
      .raw`${LABEL_START}(?:nric(?:[ /]fin)?|fin|ic)(?:[ _-]?(?:no|num|number|#))?${GLUE}(?<v>[STFGM]\d{7}[A-Z])(?![A-Za-z0-9])`,
    ignoreCase: true,
    // "fin" and "ic" are words' endings: only their label forms are keys.
    keywords: [
      "nric",
      "fin:",
      "fin ",
      "fin=",
      "fin#",
      "fin_",
      "fin-",
      "ic no",
      "ic_no",
      "ic-no",
      "ic number",
      "ic:",
      "ic=",
    ],
    anchored: true,
    validator: "nric",
  },
  {
    id: "sys_pii_uen",
    name: "Singapore UEN (labelled)",
    category: "pii",
    severity: "medium",
    action: "redact",
    description:
      "A Singapore Unique Entity Number (business 12345678X, local company 201912345X, other entities T19LL1234X) next to a 'UEN' label.",
    appliesTo: "both",
    type: "uen",
    pattern: String
      .raw`${LABEL_START}(?:uen|unique[ _-]entity[ _-]number)(?:[ _-]?(?:no|num|number|#))?${GLUE}(?<v>\d{8}[A-Z]|(?:19|20)\d{7}[A-Z]|[TSR]\d{2}[A-Z]{2}\d{4}[A-Z])(?![A-Za-z0-9])`,
    ignoreCase: true,
    keywords: ["uen", "unique entity", "unique_entity", "unique-entity"],
    anchored: true,
    validator: "uen",
  },
  {
    id: "sys_pii_sg_postal",
    name: "Singapore postal code (labelled)",
    category: "pii",
    severity: "low",
    action: "redact",
    description:
      "A six-digit Singapore postal code (sector 01-82) after a 'Singapore' or 'postal code' label, as addresses print it.",
    appliesTo: "both",
    type: "postal_code",
    pattern: String
      .raw`(?<![a-z])(?:singapore|postal[ _-]?code|post[ _-]?code)${GLUE}(?<v>(?:0[1-9]|[1-7]\d|8[0-2])\d{4})(?![\w-])`,
    ignoreCase: true,
    keywords: ["singapore", "postal", "postcode", "post code"],
    anchored: true,
  },
  {
    id: "sys_pii_ktp",
    name: "Indonesia KTP / NIK (labelled)",
    category: "pii",
    severity: "high",
    action: "redact",
    description:
      "A 16-digit Indonesian identity number (NIK, on the KTP card): a valid province code, region digits, a birth date (day + 40 for women) and a serial, next to a 'NIK' or 'KTP' label.",
    appliesTo: "both",
    type: "ktp",
    pattern: String
      .raw`${LABEL_START}(?:nik|(?:no(?:mor)?\.? ?)?e?-?ktp|nomor induk kependudukan)${GLUE}(?<v>\d{16})(?![\w-])`,
    ignoreCase: true,
    keywords: ["nik", "ktp", "nomor induk"],
    anchored: true,
    validator: "ktp",
  },
  {
    id: "sys_pii_iban",
    name: "IBAN",
    category: "pii",
    severity: "high",
    action: "redact",
    description:
      "An International Bank Account Number with a known country length and mod-97 check, compact, in groups of 4 or in other groups joined by spaces or dashes (DE23-2724-1228-6630-6455-59, FR 50 71158 27470 E3166202276 49).",
    appliesTo: "both",
    type: "iban",
    pattern: String
      .raw`(?<![A-Za-z0-9])[A-Z]{2}(?:\d{2}(?:[A-Z0-9]{11,30}|(?: [A-Z0-9]{4}){2,7}(?: [A-Z0-9]{1,3})?)(?![A-Za-z0-9])| ?\d{2}(?<g>[ -])(?=[A-Z]{0,10}\d)[A-Z0-9]{1,11}(?:\k<g>(?=[A-Z]{0,10}\d)[A-Z0-9]{1,11}){1,8}(?![A-Za-z0-9-]))`,
    keywords: [],
    requires: "iban",
    validator: "iban",
  },
  {
    id: "sys_pii_iban_spaced",
    name: "IBAN (spaced, lower or mixed case)",
    category: "pii",
    severity: "high",
    action: "redact",
    description:
      "An IBAN written in groups of 4 (spaces or dashes) in lower or mixed case (de89 3704 0044 0532 0130 00, de89-3704-…), with a known country length and mod-97 check.",
    appliesTo: "both",
    type: "iban",
    pattern: String
      .raw`(?<![A-Za-z0-9])(?![A-Z]{2})[A-Za-z]{2}\d{2}(?:(?: [A-Za-z0-9]{4}){2,7}(?: [A-Za-z0-9]{1,3})?|(?:-[A-Za-z0-9]{4}){2,7}(?:-[A-Za-z0-9]{1,3})?)(?![A-Za-z0-9-])`,
    keywords: [],
    requires: "iban_spaced",
    validator: "iban",
  },
  {
    id: "sys_pii_ipv4",
    name: "IPv4 address",
    category: "pii",
    severity: "low",
    action: "log",
    description:
      "A dotted-quad IPv4 address with valid octets; not loopback/0.0.0.0/netmasks, not a network range (140.82.112.0/20: the host part zero), not a version string (v1.2.3.4, ==1.2.3.4).",
    appliesTo: "both",
    type: "ipv4",
    pattern: String
      .raw`\d(?<=(?<![\w.@^~-]|[=<>!~]=)\d)\d{0,2}\.(?:\d{1,3}\.){2}\d{1,3}(?![\w-]|\.\w|(?<=\.0)\/(?:3[01]|[12]?\d)(?!\d))`,
    keywords: [],
    requires: "ipv4",
    validator: "ipv4",
  },
  {
    id: "sys_pii_ipv6_full",
    name: "IPv6 address (written out)",
    category: "pii",
    severity: "low",
    action: "log",
    description:
      "An IPv6 address written out in eight groups (2a02:d7c1:ee9:25ff:407f:70f:4902:b313), as access logs and login records print a client's address; not all zeros, not eight two-digit byte pairs (a fingerprint).",
    appliesTo: "both",
    type: "ipv6",
    pattern: String.raw`(?<![\w:.])(?:${H4}:){7}${H4}(?![\w:])`,
    keywords: [],
    requires: "ipv6_full",
    validator: "ipv6_full",
  },
  {
    id: "sys_pii_ipv6",
    name: "IPv6 address",
    category: "pii",
    severity: "low",
    action: "log",
    description:
      "A compressed IPv6 address (with '::', as logs print them, including ::ffff:a.b.c.d); not the loopback ::1, not a network prefix (fe80::/10), not code such as std::vector.",
    appliesTo: "both",
    type: "ipv6",
    pattern: String
      .raw`(?<![\w:.])(?:(?:${H4}:){1,6}(?::${H4}){1,6}|(?:${H4}:){1,7}:|::(?:${H4}:){0,5}${H4}|::ffff:\d{1,3}(?:\.\d{1,3}){3})(?![\w:/]|\.\d)`,
    keywords: ["::"],
    validator: "ipv6",
  },
  {
    id: "sys_pii_passport",
    name: "Passport number (labelled)",
    category: "pii",
    severity: "high",
    action: "redact",
    description:
      "A 6-9 character passport number right after a 'passport' label (or Reisepass, passeport, pasaporte, passaporto, paspoort, paszport, Passnummer).",
    appliesTo: "both",
    type: "passport",
    pattern: String
      .raw`(?:passport|reisepass|passeport|pasaporte|passaporte|passaporto|pasaport|paspoort|paszportu?|paspor|passnummer)(?:[ _-]?(?:no|num|number|nummer|numéro|número|numero|nr|n°|n\.?º|#|id))?${GLUE}(?<v>[A-Z0-9]{6,9})(?![A-Za-z0-9])`,
    ignoreCase: true,
    keywords: [
      "passport",
      "reisepass",
      "passeport",
      "pasaporte",
      "passaporte",
      "passaporto",
      "pasaport",
      "paspor",
      "paspoort",
      "paszport",
      "passnummer",
    ],
    anchored: true,
    validator: "passport",
  },
  {
    id: "sys_pii_db_duplicate_entry",
    name: "Personal value quoted by a duplicate-key error",
    category: "pii",
    severity: "high",
    action: "redact",
    description:
      "The value a MySQL/MariaDB duplicate-key error quotes (Duplicate entry '...' for key 'uniq_ssn') when the key's name is a personal-data column: SSN, SIN, Aadhaar, passport, licence, birth date, NI/NHS number, national or tax id, IBAN, card.",
    appliesTo: "both",
    type: "national_id",
    pattern: String
      .raw`duplicate entry '(?=[^'\n]{5,64}' for key '[^'\n]{0,64}?(?:ssn|sin|aadhaa?r|passport|licen[cs]e|birth|dob|nino|nhs|national|tax_?id|iban|card|cpf|dni|nie)(?![a-z]))(?<v>[^'\n]{5,64})(?=')`,
    ignoreCase: true,
    keywords: ["duplicate entry"],
    anchored: true,
    validator: "db_row_value",
  },
  {
    id: "sys_pii_date_of_birth",
    name: "Date of birth (labelled)",
    category: "pii",
    severity: "medium",
    action: "redact",
    description:
      "A date right after a 'DOB', 'date of birth', 'birthday', vCard 'BDAY' or 'born on' label, or the same label in German, Dutch, Spanish, French, Italian, Portuguese, Polish or Indonesian (Geburtsdatum, Geburtstag, geboren am/op, fecha de nacimiento, nacido el, date de naissance, data di nascita, nato il, data de nascimento, data urodzenia, tanggal/tarikh lahir, fødselsdato, syntymäaika, datum narození), also with a format hint after the label (DOB (MM/DD/YYYY): ...); the date as digits, written out with the month's name in those languages (25 de julio de 1952, 3 mai 1980, 12 Nisan 1985, 2 listopada 1995, 10-Jun-1984) or run together (19651009).",
    appliesTo: "both",
    type: "date_of_birth",
    pattern: String
      .raw`${LABEL_START}(?:dob|d\.o\.b\.?|date[ _-]?of[ _-]?birth|birth[ _-]?date|birthday|bday(?:;[a-z]{1,8}=[a-z-]{1,12})?|born(?: on)?|birth(?=\s{0,3}[:=])|geburtsdatum|geburtstag|geb(?:urts)?\.?[ -]?datum|geb\.(?: am)?|geboren(?: am| op)?|geboortedatum|fecha[ _-](?:de[ _-])?nac(?:imiento|\.)?|f\. ?nacimiento|nacid[oa] el|date[ _-](?:de[ _-])?naissance|data[ _-](?:di[ _-])?nascita|nat[oa] il|data[ _-](?:de[ _-])?nasc(?:imento|\.)?|data[ _-]urodzenia|nascimento|nacimiento|naissance|nascita|tanggal[ _-]lahir|tarikh[ _-]lahir|f[oø]dselsdato|fodselsdag|syntymaaika|datum[ _-]narozeni|datum[ _-]rodjenja)(?:\s?\([A-Za-z/.\- ]{4,14}\))?${GLUE}(?<v>(?:19|20)\d{2}年\d{1,2}月\d{1,2}日|\d{4}-\d{1,2}-\d{1,2}|\d{4}/\d{1,2}/\d{1,2}|\d{4}\.\d{1,2}\.\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?,? \d{4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}|\d{1,2}(?:º|°|er)?\.? (?:de )?[a-zà-ÿąćęłńśźżğış]{3,12}\.?(?: de)? \d{4}|\d{1,2}(?<s>[-/])(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\k<s>\d{4}|(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))(?:(?=T\d{2}:\d{2})|(?![\w/-]))`,
    ignoreCase: true,
    keywords: [
      "dob",
      "d.o.b",
      "date",
      "bday",
      "birth",
      "born",
      "geburtsdatum",
      "geb.",
      "geboren",
      "geboortedatum",
      "geburtstag",
      "fecha",
      "f. nac",
      "f.nac",
      "nacido el",
      "nacida el",
      "data di nasc",
      "data_di_nasc",
      "data de nasc",
      "data_de_nasc",
      "data nasc",
      "data_nasc",
      "nato il",
      "nata il",
      "nascimento",
      "nacimiento",
      "naissance",
      "nascita",
      "data urodz",
      "data_urodz",
      "tanggal lahir",
      "tanggal_lahir",
      "tarikh lahir",
      "tarikh_lahir",
      "fodsels",
      "syntymaaika",
      "datum narozeni",
      "datum_narozeni",
      "datum rodjenja",
      "datum_rodjenja",
    ],
    anchored: true,
    validator: "date",
  },
  {
    id: "sys_pii_date_of_birth_script",
    name: "Date of birth (label with non-ASCII letters)",
    category: "pii",
    severity: "medium",
    action: "redact",
    description:
      "A date (2026-12-02, 02.12.1980, 1980年12月2日) right after a birth-date label written with letters beyond ASCII (生年月日, 出生日期, 生日, 생년월일, Дата рождения, Ημερομηνία γέννησης, Doğum tarihi, Fødselsdato, Születési dátum, ngày sinh), also with a Latin month name (12 Nisan 1985); runs only on texts with such letters.",
    appliesTo: "both",
    type: "date_of_birth",
    pattern: String
      .raw`(?:生年月日|出生日期|出生年月日|出生年月|生日|생년월일|Дата рождения|Дата народження|Ημερομηνία γέννησης|Ημ\. γέννησης|Doğum tarihi|Fødselsdato|Fødselsdag|Födelsedatum|Syntymäaika|Születési dátum|Ngày sinh|Data de naixement|Fecha de nacimiento|Date de naissance|Datum narození|Dátum narodenia|Née? le|تاريخ الميلاد|जन्म तिथि)(?<=[^\x00-\x7f][^]{0,24})\s{0,3}[:：=]?\s{0,3}(?<v>(?:19|20)\d{2}年\d{1,2}月\d{1,2}日|\d{4}-\d{1,2}-\d{1,2}|\d{4}[/.]\d{1,2}[/.]\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{1,2}\.? (?:de )?[a-zà-ÿąćęłńśźżğış]{3,12}\.?(?: de)? \d{4})(?![\w/-])`,
    ignoreCase: true,
    keywords: [],
    requires: "non_ascii",
    validator: "date",
  },
  {
    id: "sys_pii_passport_script",
    name: "Passport number (label with non-ASCII letters)",
    category: "pii",
    severity: "high",
    action: "redact",
    description:
      "A 6-9 character passport number right after a passport label written with letters beyond ASCII (旅券番号, パスポート番号, 护照号码, 護照號碼, 여권번호, Паспорт, Διαβατήριο, Pasaporte nº, Numéro de passeport); runs only on texts with such letters.",
    appliesTo: "both",
    type: "passport",
    pattern: String
      .raw`(?:旅券番号|パスポート番号|护照号码|护照号|護照號碼|護照|여권번호|Паспорт|Номер паспорта|Διαβατήριο|Pasaporte n[ºo°]\.?|Numéro de passeport|Passnummer|Pasaport no)(?<=[^\x00-\x7f][^]{0,24})\s{0,3}[:：=]?\s{0,3}(?<v>[A-Z0-9]{6,9})(?![A-Za-z0-9])`,
    ignoreCase: true,
    keywords: [],
    requires: "non_ascii",
    validator: "passport",
  },
  {
    id: "sys_pii_iban_wrapped",
    name: "IBAN wrapped onto the next line",
    category: "pii",
    severity: "high",
    action: "redact",
    description:
      "An IBAN after an IBAN label whose characters go on at the start of the next line (a PDF's text or a narrow terminal wrapped it: `IBAN: DE34586232361` / `  814546771`), valid by its country length and mod-97 check once joined.",
    appliesTo: "both",
    type: "iban",
    pattern: String
      .raw`${LABEL_START}iban${GLUE}(?<v>[A-Z]{2}\d{2}[A-Z0-9]{2,30}\r?\n[ \t]{0,40}[A-Z0-9]{2,30})(?![A-Za-z0-9])`,
    ignoreCase: true,
    keywords: ["iban"],
    anchored: true,
    validator: "iban",
  },
  {
    id: "sys_pii_bank_routing",
    name: "US bank routing number (labelled)",
    category: "pii",
    severity: "medium",
    action: "redact",
    description:
      "A 9-digit ABA routing number after a 'routing'/'ABA' label, with a valid ABA checksum.",
    appliesTo: "both",
    type: "bank_routing",
    pattern: String
      .raw`${LABEL_START}(?:routing|aba)(?:[ _-]?(?:no|num|number|#|transit))?${GLUE}(?<v>\d{9})(?![\d-])`,
    ignoreCase: true,
    keywords: ["routing", "aba"],
    anchored: true,
    validator: "aba",
  },
  {
    id: "sys_pii_bank_account",
    name: "Bank account number (labelled)",
    category: "pii",
    severity: "high",
    action: "redact",
    description:
      "An 8-17 digit number (or a 26-digit NRB) after an 'account number'/'acct no'/'A/c No' label (Kontonummer, rekeningnummer, numer konta, numero di conto, numéro de compte, número de cuenta/conta), or after a plain 'account' label on the line of a routing number, sort code, BLZ or BSB (before or after it) or the line after it ('Routing: 031563176  Account: 80642407583', 'acct 340635441 (ABA 026009593)').",
    appliesTo: "both",
    type: "bank_account",
    pattern: String
      .raw`${LABEL_START}(?:(?:bank[ _-]?)?(?:account|acct)[ _-]?(?:no|num|number|#)|a/c(?:[ _-]?(?:no|num|number|#)\.?)?|konto[ _-]?(?:nummer|nr\.?|no)|rekening[ _-]?(?:nummer|nr\.?)|numer[ _]konta|numero[ _](?:di[ _])?conto|(?<=(?:num[eé]ro|n[uú]mero|n[°º]\.?)[ _]d[ea][ _])(?:compte|cuenta|conta)|(?<=(?<![A-Za-z])(?:routing|aba|sort[ _-]?code|blz|bsb)(?![A-Za-z])[^\n]{0,80}(?:\n[^\n]{0,80})?)(?:account|acct|acc|konto)|(?:account|acct|acc|konto)(?=[^\n]{0,80}(?<![A-Za-z])(?:routing|aba|sort[ _-]?code|blz|bsb)(?![A-Za-z])[^\n\d]{0,20}\d))${GLUE}(?<v>\d{8,17}|\d{26})(?![\d-])`,
    ignoreCase: true,
    keywords: [
      "bank",
      "account",
      "acct",
      "acc",
      "a/c",
      "konto",
      "rekening",
      "numer konta",
      "numer_konta",
      "numero conto",
      "numero di conto",
      "numero_conto",
      "compte",
      "cuenta",
      "conta",
    ],
    anchored: true,
    validator: "bank_account",
  },
  {
    id: "sys_pii_br_cpf",
    name: "Brazil CPF (labelled)",
    category: "pii",
    severity: "high",
    action: "redact",
    description:
      "A Brazilian CPF taxpayer number (123.456.789-09 or 11 digits) with both mod-11 check digits right, next to a 'CPF' label (or 'CPF do titular', 'CPF da empresa').",
    appliesTo: "both",
    type: "national_id",
    pattern: String
      .raw`${LABEL_START}cpf(?:[ _-]?(?:no|num|number|n[ºo°]|#))?(?:[ \t]{1,3}d[aoe]s?[ \t]{1,3}[a-z]{2,20})?${GLUE}(?<v>\d{3}\.?\d{3}\.?\d{3}-?\d{2})(?![\w-]|[.]\d)`,
    ignoreCase: true,
    keywords: ["cpf"],
    anchored: true,
    validator: "cpf",
  },
  {
    id: "sys_pii_ca_sin",
    name: "Canada Social Insurance Number (labelled)",
    category: "pii",
    severity: "high",
    action: "redact",
    description:
      "A Canadian SIN (123 456 782, 123-456-782 or 9 digits) passing Luhn, next to a 'SIN' or 'social insurance' label.",
    appliesTo: "both",
    type: "national_id",
    pattern: String
      .raw`${LABEL_START}(?:sin|social[ _-]insurance(?:[ _-]?(?:number|num|no))?)(?:[ _-]?(?:no|num|number|#))?${GLUE}(?<v>\d{3}(?<s>[ -]?)\d{3}\k<s>\d{3})${R}`,
    ignoreCase: true,
    // "sin" ends and starts words ("using", "single"): only its label forms are keys.
    keywords: [
      "sin:",
      "sin ",
      "sin=",
      "sin#",
      "sin_",
      "sin-",
      // a JSON or SQL key: {"sin":"..."}, Key (sin)=(...)
      'sin"',
      "sin'",
      "sin)",
      // an HTML header cell: <th>SIN</th>
      "sin<",
      "social insurance",
      "social_insurance",
    ],
    anchored: true,
    validator: "sin",
  },
  {
    id: "sys_pii_es_dni",
    name: "Spain DNI / NIE (labelled)",
    category: "pii",
    severity: "high",
    action: "redact",
    description:
      "A Spanish DNI (12345678Z) or NIE (X1234567L) with the right mod-23 letter, next to a 'DNI', 'NIE' or 'NIF' label.",
    appliesTo: "both",
    type: "national_id",
    pattern: String
      .raw`${LABEL_START}(?:dni|nie|nif)(?:[ _-]?(?:no|num|number|#))?${GLUE}(?<v>\d{8}-?[A-Z]|[XYZ]-?\d{7}-?[A-Z])(?![A-Za-z0-9])`,
    ignoreCase: true,
    keywords: ["dni", "nie:", "nie ", "nie=", "nif:", "nif ", "nif="],
    anchored: true,
    validator: "dni",
  },
  {
    id: "sys_pii_uk_nino",
    name: "UK National Insurance number",
    category: "pii",
    severity: "high",
    action: "redact",
    description:
      "A UK National Insurance number like QQ 12 34 56 C or QQ-12-34-56-C (valid prefix letters).",
    appliesTo: "both",
    type: "uk_nino",
    pattern: String
      .raw`(?<![A-Za-z0-9])(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z](?: \d{2} \d{2} \d{2} |-\d{2}-\d{2}-\d{2}-|\d{6})[A-D](?![A-Za-z0-9])`,
    keywords: [],
    requires: "nino",
  },
  ...NATIONAL_ID_POLICIES,
  ...WORLD_ID_POLICIES,
  ...CHECK_DIGIT_ID_POLICIES,
  ...PERSON_NAME_POLICIES,
  ...DOCUMENT_POLICIES,
  ...NATIONAL_PHONE_POLICIES,
  ...ADDRESS_POLICIES,
];
