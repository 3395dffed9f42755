/**
 * Phone numbers in national layouts written without a label or a `+`
 * country code, and in messaging links (`wa.me/<number>`), as data: only layouts distinctive enough to stand alone
 * (French pairs, spaced or dotted mobiles, Japanese and Korean mobiles, German and Dutch mobiles, Brazilian and Russian mobiles, German-style
 * landlines with a 0-led area code then a space or slash).
 *
 * @module
 */

import type { SensitiveSpec } from "../detect/sensitive_spec.ts";

/** No digit group, word or path may continue on either side. */
const L = String.raw`(?<![\w.+$/-]|\d[ -])`;
const R = String.raw`(?![\w-]|[.:/]\d|[ -]\d)`;

/**
 * The layouts after their first character, by that character; each
 * alternative starts with its literal, then checks the left boundary (so
 * the regex engine can skip to candidate characters). A Chinese mobile
 * without +86 (138 1234 5678) is left out: meeting ids and other 3-4-4
 * numbers look the same.
 */
const ZERO_LED = [
  String.raw`[1-9](?: \d{2}){4}`,
  String.raw`[67](?:\.\d{2}){4}`,
  String.raw`[789]0-[1-9]\d{3}-\d{4}`,
  String.raw`1[016789]-[1-9]\d{2,3}-\d{4}`,
  String.raw`[67]-\d{8}`,
  String.raw`1[5-7]\d[ /]\d{7,8}`,
  String.raw`[2-9]\d{1,3}[ /]\d{6,8}`,
].join("|");
const LAYOUTS = [
  String.raw`0(?<=${L}0)(?:${ZERO_LED})`,
  String.raw`\((?<=${L}\()[1-9][1-9]\) ?9\d{4}-\d{4}`,
  String.raw`8(?<=${L}8) ?\(9\d{2}\) ?\d{3}-\d{2}-\d{2}`,
].join("|");

/** Unlabelled national phone kinds, ids `sys_pii_<name>`. */
export const NATIONAL_PHONE_POLICIES: readonly SensitiveSpec[] = [
  {
    id: "sys_pii_phone_national",
    name: "Phone number (national layout)",
    category: "pii",
    severity: "medium",
    action: "redact",
    description:
      "A phone number in a national layout distinctive on its own: 06 12 34 56 78, 06.12.34.56.78, 090-1234-5678, 010-1234-5678, 0176/12345678, 06-12345678, 030 12345678, (11) 98765-4321, 8 (912) 345-67-89.",
    appliesTo: "both",
    type: "phone",
    pattern: String.raw`(?:${LAYOUTS})${R}`,
    keywords: [],
    requires: "phone_nat",
    validator: "phone_national",
  },
  {
    id: "sys_pii_phone_link",
    name: "Phone number in a messaging link",
    category: "pii",
    severity: "medium",
    action: "redact",
    description:
      "The international number a click-to-chat or text link carries without a + (https://wa.me/4915112345678, api.whatsapp.com/send?phone=..., sms:...): the link is the person's number.",
    appliesTo: "both",
    type: "phone",
    pattern: String
      .raw`(?:wa\.me/|whatsapp\.com/send/?\?phone=|sms:(?://)?)\+?(?<v>[1-9]\d{7,14})(?!\d)`,
    keywords: ["wa.me/", "whatsapp.com/send", "sms:"],
    anchored: true,
    validator: "phone_link",
  },
];
