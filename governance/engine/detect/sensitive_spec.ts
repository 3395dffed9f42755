/**
 * Types shared by the PII and secret scanner and its catalogues: what a
 * catalogue entry holds, the names of the validators it can ask for, and
 * what a validator sees.
 *
 * @module
 */

import type { PolicyInfo } from "../types.ts";
import type { TraitName } from "./traits.ts";

/** Names of the checks a catalogue entry can ask for (see `VALIDATORS`). */
export type ValidatorName =
  | "card"
  | "phone_national"
  | "config_key"
  | "prose_secret"
  | "db_row_value"
  | "ssn"
  | "aadhaar"
  | "iban"
  | "cpf"
  | "sin"
  | "dni"
  | "nric"
  | "ipv4"
  | "phone_us"
  | "phone_intl"
  | "phone_uk"
  | "phone_any"
  | "phone_india"
  | "uen"
  | "ktp"
  | "ipv6"
  | "ipv6_full"
  | "date"
  | "passport"
  | "aba"
  | "bank_account"
  | "email"
  | "token"
  | "labelled"
  | "assigned_password"
  | "assigned_secret"
  | "url_password"
  | "hex_key"
  | "mnemonic"
  | "printed_secret"
  | "aws_secret_paired"
  | "jwt"
  | "pem"
  | "basic_auth"
  | "signed_url"
  | "macaroon"
  | "docker_auth"
  | "gcp_sa"
  | "sas"
  | "nhs"
  | "pass_value"
  | "prose_password"
  | "itin"
  | "personnummer"
  | "codice_fiscale"
  | "dni_unlabelled"
  | "sin_unlabelled"
  | "cn_id"
  | "nl_bsn"
  | "pl_pesel"
  | "fr_nir"
  | "za_id"
  | "kr_rrn"
  | "jp_my_number"
  | "de_tax_id"
  | "au_medicare"
  | "mx_curp"
  | "mrz"
  | "mrz_td1"
  | "mx_rfc"
  | "phone_link"
  | "cn_id_unlabelled"
  | "mx_curp_unlabelled"
  | "br_cnpj"
  | "labelled_id"
  | "sort_code"
  | "postal_address"
  | "street_address"
  | "dk_cpr"
  | "person_name"
  | "fi_hetu"
  | "pt_nif"
  | "be_nn"
  | "ie_pps"
  | "cl_rut"
  | "il_id"
  | "au_tfn"
  | "no_fnr"
  | "tr_tckn"
  | "hr_oib"
  | "ro_cnp";

/** A catalogue entry: the policy a reviewer reads plus how it detects. */
export interface SensitiveSpec extends PolicyInfo {
  /** Marker type: redaction writes `[REDACTED:<type>]`. */
  type: string;
  /**
   * Regex source, linear-time on hostile input. A named group `v` marks the
   * part to report and redact (an assignment's value, a URL's password) and
   * must end the match (put trailing context in a lookahead). Without `v`
   * the whole match is reported, extended left over a group `pre` captured
   * in a lookbehind that ends where the match starts.
   */
  pattern: string;
  /** Pattern and keywords ignore case. */
  ignoreCase?: boolean;
  /** Literal keywords; the pattern runs only when one occurs. Empty: always runs. */
  keywords: readonly string[];
  /** Every match starts exactly at a keyword, so the pattern is tried only there. */
  anchored?: boolean;
  /**
   * The pattern runs only on the lines within this many characters of a
   * keyword hit (the match need not start at the keyword): a value that is
   * only a secret beside something else, such as an AWS secret key beside
   * its key id.
   */
  window?: number;
  /** Named check applied to the reported value. */
  validator?: ValidatorName;
  /** Tie-break between equal-length overlapping findings; higher wins (default 2). */
  priority?: number;
  /**
   * A cheap necessary condition on the whole text (see `traits.ts`); on an
   * ASCII text where it fails, the pattern is not run.
   */
  requires?: TraitName;
}

/** What the scanner reads of a catalogue entry: everything but the words for people. */
export type ScanSpec = Omit<
  SensitiveSpec,
  "name" | "description" | "appliesTo" | "profile"
>;

/** A catalogue entry as the scanner reads it (see `policies/sensitive_specs.ts`, generated with this). */
export function scanSpec(spec: SensitiveSpec): ScanSpec {
  const { name: _n, description: _d, appliesTo: _a, profile: _p, ...rest } =
    spec;
  return rest;
}

/** Which findings a scan reports. */
export interface SensitiveOptions {
  categories?: ("pii" | "secret")[];
  /** Policy ids switched off. */
  disabled?: ReadonlySet<string>;
  /** Run every pattern even where its `requires` condition fails (for tests that both ways agree). */
  ungated?: boolean;
}

/** What a validator sees besides the value. */
export interface CheckContext {
  text: string;
  /** Offsets of the reported value. */
  start: number;
  end: number;
  /** The whole regex match. */
  match: string;
}

/** A named check on a reported value. */
export type Validator = (value: string, ctx: CheckContext) => boolean;
