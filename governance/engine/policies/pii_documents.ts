/**
 * Identity documents read by machines, as data: the machine-readable zone
 * of a passport (ICAO 9303 TD3), its second line checked by its four check
 * digits (`detect/mrz.ts`) and the first line, with the holder's name,
 * taken along when it stands right above; and the three lines of an
 * identity card's zone (TD1), checked the same way.
 *
 * @module
 */

import type { SensitiveSpec } from "../detect/sensitive_spec.ts";

/** Machine-readable identity documents, ids `sys_pii_<name>`. */
export const DOCUMENT_POLICIES: readonly SensitiveSpec[] = [
  {
    id: "sys_pii_passport_mrz",
    name: "Passport machine-readable zone",
    category: "pii",
    severity: "high",
    action: "redact",
    description:
      "The two 44-character lines at the foot of a passport's data page (P<UTO...<<...; number, nationality, birth date, sex, expiry), the second line's four check digits right.",
    appliesTo: "both",
    type: "passport",
    pattern: String
      .raw`(?<![A-Z0-9<])(?:P[A-Z<][A-Z<]{42}\r?\n)?[A-Z0-9<]{9}\d[A-Z<]{3}\d{7}[MFX<]\d{7}[A-Z0-9<]{14}[\d<]\d(?![A-Z0-9<])`,
    keywords: ["<<"],
    window: 100,
    validator: "mrz",
  },
  {
    id: "sys_pii_id_card_mrz",
    name: "Identity card machine-readable zone",
    category: "pii",
    severity: "high",
    action: "redact",
    description:
      "The three 30-character lines on the back of an identity card or residence permit (I<, A< or C<; document number, birth date, sex, expiry, name), the document number's, dates' and composite check digits right.",
    appliesTo: "both",
    type: "passport",
    pattern: String
      .raw`(?<![A-Z0-9<])[ACI][A-Z<][A-Z][A-Z<]{2}[A-Z0-9<]{9}\d[A-Z0-9<]{15}?
\d{7}[MFX<]\d{7}[A-Z<]{3}[A-Z0-9<]{11}\d(?:?
[A-Z<]{30})?(?![A-Z0-9<])`,
    keywords: ["<<"],
    window: 100,
    validator: "mrz_td1",
  },
];
