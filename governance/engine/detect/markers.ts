/**
 * Marker keywords: literals whose presence means a second look is worth
 * its cost. They ride along in the scanner's keyword index (one pass over
 * the text finds catalogue keywords and markers alike), so text without a
 * marker pays nothing for the disguise views, the base64 decoder or the
 * table reader.
 *
 * @module
 */

import { BASE64_MARKER_KEYWORDS } from "../policies/sensitive_keywords.ts";

/** What a marker hit switches on. */
export const MARK = {
  /** An escape, encoding or obfuscation the decoded view undoes. */
  disguise: 1,
  /** Base64 that may encode a credentials file. */
  base64: 2,
  /** A word that may be a column header. */
  table: 4,
  /** A health record's field structure (HL7 v2 PID segment, FHIR system/value). */
  record: 8,
  /** A JSON type field that may label a sibling value (see `typed_pairs.ts`). */
  typed: 16,
  /** Words that come with a wallet recovery phrase (see `mnemonic.ts`). */
  phrase: 32,
} as const;

/** Escapes and encodings (case-sensitive). ESC starts ANSI colour codes. */
const DISGUISE_CS = [
  "\x1b",
  "\\u",
  "\\U",
  "\\x",
  // Escaped quotes and slashes (JSON written into a JSON string).
  '\\"',
  "\\/",
  "%",
  "&#",
  "&",
  // Markdown escapes inside a word (`sk\_live\_…`).
  "\\_",
  "\\*",
  // Octal escapes of printable characters (decoded by `pieces.ts`).
  // A line continuation that may split a token (`abc\<newline>def`).
  "\\\n",
  "\\0",
  "\\1",
  "\\2",
  "\\3",
];

/** Obfuscated e-mail separators (any case). */
const DISGUISE_CI = [
  "[at]",
  "(at)",
  "{at}",
  "[ at ]",
  "( at )",
  "<at>",
  "<dot>",
  "[.]",
  "(.)",
  " dot ",
  "[dot]",
  "(dot)",
  "{dot}",
  // "ann @ mail . se" under a mail label.
  " @ ",
];

/**
 * Words of credential files, as their base64 encodings show them (the forms,
 * {@link base64Forms} of each word, are generated into
 * `policies/sensitive_keywords.ts`: computing them costs a hook's start-up
 * about 1.5 ms, nearly all of it the first call of `btoa`).
 */
export const BASE64_WORDS: readonly string[] = [
  "secret",
  "SECRET",
  "password",
  "PASSWORD",
  "passwd",
  "token",
  "TOKEN",
  "private",
  "PRIVATE",
  "-----BEGIN",
  "access_key",
  "api_key",
  "apikey",
  "API_KEY",
  "credential",
  "aws_",
  "AKIA",
  "ghp_",
  "sk_live_",
  "xoxb-",
  // Webhook URLs (Slack, Discord, Teams) kept in an encoded config.
  "WEBHOOK",
  "webhook",
  "hooks.slack.com",
  "mongodb",
  "postgres",
  "mysql",
  "redis",
  "amqp",
  // A Docker config.json (`.dockerconfigjson` in a Kubernetes Secret).
  "auths",
  "Bearer",
  "client_secret",
  // .npmrc, .netrc and .pypirc, encoded whole.
  "_authToken",
  "_auth=",
  "machine ",
  "[pypi]",
  // Personal fields of a JSON record (a webhook body or a user-context
  // header sent as base64): quoted, so the forms are long enough to be rare.
  '"ssn"',
  '"tax_id"',
  '"taxId"',
  '"dob"',
  '"date_of_birth"',
  '"birthDate"',
  '"passport',
  '"email"',
  '"phone"',
  '"iban"',
  '"national_id"',
];

/**
 * Words around a wallet recovery phrase (any case): its name, the wallet,
 * what one does with it. Only a text with one of them is searched for an
 * unlabelled phrase, which keeps that search off ordinary text.
 */
const PHRASE_WORDS = [
  "mnemonic",
  "seed",
  "phrase",
  "wallet",
  "words",
  "backup",
  "bip39",
  "bip-39",
  "metamask",
  "ledger",
  "recovery",
];

/** Header words of tables (any case). */
const TABLE_WORDS = [
  "ssn",
  "social",
  "card",
  "cc",
  "dob",
  "birth",
  "mail",
  "phone",
  "mobile",
  "tel",
  "cell",
  "contact",
  "passport",
  // driving licence columns (driver_license, driver's licence, licence_number)
  "driver",
  "driving",
  "licence_n",
  "license_n",
  "iban",
  "account",
  "acct",
  "bank",
  "routing",
  "aba",
  "aadhaar",
  "aadhar",
  "nric",
  "fin",
  "uen",
  "nik",
  "ktp",
  "passw",
  "pwd",
  "secret",
  // Not the bare words "tin", "sin", "tax": prose is full of them.
  "tax_id",
  "tax id",
  "taxpayer",
  "ssn_tin",
  "cpf",
  "sin_number",
  "dni",
  "nif",
];

/**
 * The base64 characters that `word` (ASCII) fixes at each of the three byte
 * alignments it can have in an encoded stream (characters that also
 * depend on neighbouring bytes are left out): the `btoa` of the word behind
 * 0–2 padding bytes, cut to the characters it fixes.
 */
export function base64Forms(word: string): string[] {
  const out: string[] = [];
  for (let shift = 0; shift < 3; shift++) {
    const k0 = Math.ceil((8 * shift) / 6);
    const k1 = Math.floor((8 * (shift + word.length)) / 6);
    const s = btoa("\0".repeat(shift) + word).slice(k0, k1);
    if (s.length >= 4) out.push(s);
  }
  return out;
}

/** A marker: its keywords, their case mode, and the flag it raises. */
export interface Marker {
  flag: number;
  keywords: readonly string[];
  ignoreCase: boolean;
  /** Hits are wanted with their offsets (table headers are read where they occur). */
  anchored: boolean;
}

/** Every marker the scanner indexes. */
export const MARKERS: readonly Marker[] = [
  {
    flag: MARK.disguise,
    keywords: DISGUISE_CS,
    ignoreCase: false,
    anchored: false,
  },
  {
    flag: MARK.disguise,
    keywords: DISGUISE_CI,
    ignoreCase: true,
    anchored: false,
  },
  {
    flag: MARK.base64,
    keywords: BASE64_MARKER_KEYWORDS,
    ignoreCase: false,
    anchored: false,
  },
  { flag: MARK.table, keywords: TABLE_WORDS, ignoreCase: true, anchored: true },
  {
    flag: MARK.record,
    keywords: ["PID|", '"system"'],
    ignoreCase: false,
    anchored: false,
  },
  {
    flag: MARK.typed,
    keywords: [
      '"type"',
      '"kind"',
      '"scheme"',
      '"system"',
      '"idtype"',
      '"id_type"',
      '"doctype"',
      '"doc_type"',
      '"documenttype"',
      '"document_type"',
      '"category"',
      // logfmt (`doc_type=P doc_no=...`).
      "type=",
      "kind=",
    ],
    ignoreCase: true,
    anchored: false,
  },
  {
    flag: MARK.phrase,
    keywords: PHRASE_WORDS,
    ignoreCase: true,
    anchored: false,
  },
];
