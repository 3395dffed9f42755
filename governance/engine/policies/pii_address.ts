/**
 * Postal addresses, as data: a street line in the shapes countries print
 * it (number first: `742 Evergreen Terrace`, `12 rue des Lilas`; street
 * first: `Hauptstraße 12`, `Keizersgracht 123`, `Via Roma 15`, `Calle Mayor
 * 5`), and whatever follows an address label (`Address:`, `Anschrift:`,
 * `Dirección:`) when it reads as an address (a number and two words; not an
 * IP, memory, e-mail or wallet address).
 *
 * @module
 */

import type { SensitiveSpec } from "../detect/sensitive_spec.ts";

/** Street types printed after the name (English). */
const EN_TYPES = String
  .raw`Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Lane|Ln\.?|Drive|Dr\.?|Court|Ct\.?|Terrace|Crescent|Close|Parkway|Pkwy\.?|Highway|Hwy\.?|Square|Sq\.?|Place|Pl\.?|Way|Ter\.?|Terr\.?|Circle|Cir\.?|Trail|Trl\.?|Plaza|Pike`;

/** Street words of German, Dutch and Scandinavian names (`Hauptstraße`, `Keizersgracht`, `Storgatan`). */
const SUFFIX_TYPES = String
  .raw`straße|strasse|str\.|weg|gasse|allee|platz|damm|ufer|chaussee|laan|straat|gracht|plein|kade|singel|dijk|gatan|gata|gade|vej|veien`;

/** Street words printed before the name (French, Spanish, Italian, Portuguese, Catalan). */
const PREFIX_TYPES = [
  "rue",
  "avenue",
  "boulevard",
  "chemin",
  "allée",
  "impasse",
  "quai",
  "calle",
  "avenida",
  "paseo",
  "plaza",
  "carrer",
  "via",
  "viale",
  "piazza",
  "corso",
  "largo",
  "rua",
  "travessa",
  "praça",
].map((w) => `[${w[0].toUpperCase()}${w[0]}]${w.slice(1)}`).join("|");

/** Letters of Latin-script names (the scanner's patterns run without the `u` flag). */
const LU = "A-ZÀ-ÖØ-Þ";
const LL = "a-zß-öø-ÿ";

/** Han letters, kana, and the full-width dash of Japanese block numbers (the scanner's patterns run without the `u` flag). */
const HAN = String.raw`\u4e00-\u9fff`;
const KANA = String.raw`\u3040-\u30ff`;

/** Postal address kinds, ids `sys_pii_<name>`. */
export const ADDRESS_POLICIES: readonly SensitiveSpec[] = [
  {
    id: "sys_pii_uk_postcode_address",
    name: "UK postcode after a town",
    category: "pii",
    severity: "medium",
    action: "redact",
    description:
      "A full UK postcode (SE15 6NW, SW1A 1AA) right after a capitalised town name, as the last line of a British address prints it (London SE15 6NW, Leeds, LS1 4AP).",
    appliesTo: "both",
    type: "address",
    pattern: String
      .raw`(?<=[A-Z][a-z]{2,20},? )[A-Z]{1,2}\d[A-Z\d]? \d[ABD-HJLNP-UW-Z]{2}(?![A-Za-z0-9])`,
    keywords: [],
    requires: "uk_postcode",
  },
  {
    id: "sys_pii_address_cjk",
    name: "Street address (Japanese, Chinese, Korean)",
    category: "pii",
    severity: "medium",
    action: "redact",
    description:
      "A Japanese address (prefecture, city or ward, then block numbers: 東京都新宿区西新宿2-8-1), a Chinese one (province or city, district, road and number: 北京市朝阳区建国路88号) or a Korean road address (서울시 강남구 테헤란로 152); texts with such letters only.",
    appliesTo: "both",
    type: "address",
    pattern: String
      .raw`(?:東京都|北海道|大阪府|京都府|[${HAN}]{2,3}県)[${HAN}${KANA}]{1,12}?[市区町村郡][${HAN}${KANA}]{0,12}?\d{1,4}(?:[-－−丁目番地号]{1,2}\d{1,4}){1,3}|[${HAN}]{2,4}[省市][${HAN}]{1,8}?[区县市][${HAN}]{1,10}?(?:大道|路|街|巷)\d{1,5}号|[가-힣]{2,4}(?:시|도) [가-힣]{1,6}(?:구|군|시) [가-힣0-9]{1,10}(?:로|길) ?\d{1,4}(?:-\d{1,4})?`,
    keywords: [],
    requires: "non_ascii",
  },
  {
    id: "sys_pii_street_address",
    name: "Street address (number first)",
    category: "pii",
    severity: "medium",
    action: "redact",
    description:
      "A house number, a compass direction, one to four capitalised words and an English street type (742 Evergreen Terrace, 221B Baker Street, 4214 S Lakeview Ter, 1600 Pennsylvania Ave).",
    appliesTo: "both",
    type: "address",
    pattern: String
      .raw`(?<=(?<![\w.,/-])(?<pre>\d{1,5}[A-Za-z]?,? (?:[NSEW]{1,2}\.? )?(?:[A-Z][a-z]{1,20}\.? ){1,4}))(?:${EN_TYPES})(?![\w-])(?:,? (?:Apt|Apartment|Suite|Ste|Unit|Flat)\.? ?#?[\dA-Z]{1,6})?`,
    keywords: [
      "Street",
      "St",
      "Avenue",
      "Ave",
      "Road",
      "Rd",
      "Boulevard",
      "Blvd",
      "Lane",
      "Ln",
      "Drive",
      "Dr",
      "Court",
      "Ct",
      "Terrace",
      "Crescent",
      "Close",
      "Parkway",
      "Pkwy",
      "Highway",
      "Hwy",
      "Square",
      "Sq",
      "Place",
      "Pl",
      "Way",
      "Ter",
      "Terr",
      "Circle",
      "Cir",
      "Trail",
      "Trl",
      "Plaza",
      "Pike",
    ],
    anchored: true,
    validator: "street_address",
  },
  {
    id: "sys_pii_street_address_prefixed",
    name: "Street address (street word first)",
    category: "pii",
    severity: "medium",
    action: "redact",
    description:
      "A house number and a street whose type word comes first (12 rue des Lilas, 12, rue de la Paix; Calle Mayor 5, Via Roma 15, Rua Augusta 120).",
    appliesTo: "both",
    type: "address",
    pattern: String
      .raw`(?<![${LL}${LU}])(?:(?<=(?<![\w.,/-])(?<pre>\d{1,4}(?: ?bis| ?ter)?,? ))(?:${PREFIX_TYPES}) (?:d[eu']s? |de la |del |della |di |do |da )?[${LU}][${LL}${LU}'-]{1,24}(?: [${LU}][${LL}${LU}'-]{1,24}){0,2}|(?:${PREFIX_TYPES}) (?:d[eu']s? |de la |del |della |di |do |da )?[${LU}][${LL}${LU}'-]{1,24}(?: [${LU}][${LL}${LU}'-]{1,24}){0,2},? (?:n[º°.] ?)?\d{1,4}[a-z]?(?![\w-]))`,
    keywords: [
      "rue",
      "Rue",
      "avenue",
      "Avenue",
      "boulevard",
      "Boulevard",
      "chemin",
      "Chemin",
      // Not "all" for Allée (nor "pra" for Praça): keywords are ASCII, and
      // "all" is in most texts (the hooks' gate loaded the scanner for every
      // "allow"); those two street types are found with a label only.
      "impasse",
      "Impasse",
      "quai",
      "Quai",
      "calle",
      "Calle",
      "avenida",
      "Avenida",
      "paseo",
      "Paseo",
      "plaza",
      "Plaza",
      "carrer",
      "Carrer",
      "via",
      "Via",
      "piazza",
      "Piazza",
      "corso",
      "Corso",
      "largo",
      "Largo",
      "rua",
      "Rua",
      "travessa",
      "Travessa",
    ],
    anchored: true,
    validator: "street_address",
  },
  {
    id: "sys_pii_street_address_suffixed",
    name: "Street address (street word last)",
    category: "pii",
    severity: "medium",
    action: "redact",
    description:
      "A street name ending in a street word and its house number (Hauptstraße 12, Lindenallee 3a, Keizersgracht 123, Storgatan 7).",
    appliesTo: "both",
    type: "address",
    pattern: String
      .raw`(?<=(?<![${LL}${LU}\d_-])(?<pre>[${LU}][${LL}-]{1,30}))(?:${SUFFIX_TYPES}) \d{1,4}[a-z]?(?:-\d{1,4})?(?![\w-])`,
    keywords: [
      "stra",
      "str.",
      "weg",
      "gasse",
      "allee",
      "platz",
      "damm",
      "ufer",
      "chaussee",
      "laan",
      "straat",
      "gracht",
      "plein",
      "kade",
      "singel",
      "dijk",
      "gatan",
      "gata",
      "gade",
      "vej",
      "veien",
    ],
    anchored: true,
    validator: "street_address",
  },
  {
    id: "sys_pii_address_jp_latin",
    name: "Street address (Japanese, in Latin letters)",
    category: "pii",
    severity: "medium",
    action: "redact",
    description:
      "A Japanese address written in Latin letters: block numbers, district, a ward, city or town (-ku, -shi, -cho, -machi, -gun, -mura), the prefecture and the NNN-NNNN postcode (2-12-20 Shibuya, Shibuya-ku, Tokyo 150-9623).",
    appliesTo: "both",
    type: "address",
    pattern: String
      .raw`(?<![\w-])\d{1,2}-\d{1,3}(?:-\d{1,4})?,?\s{1,2}[${LU}][${LL}]{2,20}(?:[ -][${LU}]?[${LL}]{2,20}){0,2},\s{1,2}[${LU}][${LL}]{2,20}-(?:ku|shi|cho|machi|gun|mura),\s{1,2}[${LU}][${LL}]{2,20}(?:-(?:to|fu|ken|do))?,?\s{1,2}(?:\d{3}-\d{4})(?![\w-])`,
    keywords: ["-ku,", "-shi,", "-cho,", "-machi,", "-gun,", "-mura,"],
  },
  {
    id: "sys_pii_address_in_house",
    name: "Street address (India, house number first)",
    category: "pii",
    severity: "medium",
    action: "redact",
    description:
      "An Indian address that starts with a house, flat, plot or door number (H.No. 12-166, Banjara Hills, Hyderabad 500057) and ends with a six-digit PIN code.",
    appliesTo: "both",
    type: "address",
    pattern: String
      .raw`(?<![\w.])(?:H\.\s?No\.?|H\.?No\.|House\s(?:No\.?|Number)|Flat\s(?:No\.?)|Plot\s(?:No\.?)|D\.\s?No\.?|Door\s(?:No\.?))\s{0,2}[\w/-]{1,12},\s{1,2}[${LU}][\w .'-]{2,60}?,\s{1,2}[${LU}][${LL}]{2,30}(?:\s[${LU}][${LL}]{2,30})?(?:\s{0,2}[-–]\s{0,2}|\s{1,2})[1-9]\d{5}(?!\d)`,
    ignoreCase: false,
    keywords: [
      "H.No",
      "H. No",
      "House No",
      "House Number",
      "Flat No",
      "Plot No",
      "D.No",
      "D. No",
      "Door No",
    ],
  },
  {
    id: "sys_pii_address_labelled",
    name: "Postal address (labelled)",
    category: "pii",
    severity: "medium",
    action: "redact",
    description:
      "The rest of the line after an address label (address, home/mailing/billing/shipping address and home_address-style keys, Adresse, Anschrift, dirección, indirizzo, endereço, adres) when it holds a number and two words: not an IP, MAC, memory, e-mail, web or wallet address.",
    appliesTo: "both",
    type: "address",
    pattern: String
      .raw`(?:(?<![\w-])|(?<=(?:home|shipping|billing|mailing|postal|street|residential|residence|delivery|customer|user|contact|current|permanent|previous|primary|work|registered|correspondence|invoice|pickup|patient|employee|member|guest|owner|holder|applicant)[_-]))(?<!(?:e-?mail|ip|ipv4|ipv6|mac|memory|wallet|server|bind|listen|remote|local|base|return|physical|virtual|web|url|network|hardware|bluetooth|contract|sender|recipient|from|reply|ethernet|inet|link|broadcast|load|start|end|mail)[ _-]?)(?:address|addr|adresse|anschrift|direcci[oó]n|indirizzo|endere[cç]o|adres)(?:[ _-]?(?:line[ _-]?1|1))?["']?\s{0,3}[:=]\s{0,3}["']?(?<v>[^\n"']{6,120})`,
    ignoreCase: true,
    keywords: [
      "address",
      "addr",
      "adresse",
      "anschrift",
      "direcci",
      "indirizzo",
      "endere",
      "adres",
    ],
    anchored: true,
    validator: "postal_address",
  },
];
