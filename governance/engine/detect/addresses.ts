/**
 * The check of a labelled postal address (`Address: 12 High Street,
 * Leeds`): the value reads as an address, with a number and two words, and
 * not as another kind of address a label names the same way (IP, MAC,
 * memory, e-mail, URL, wallet) or as a template.
 *
 * @module
 */

/** Values an `address:` label holds that are not postal addresses. */
const NOT_POSTAL =
  /@|:\/\/|\b0x[0-9a-f]{4,}|\b\d{1,3}(?:\.\d{1,3}){3}\b|\b[0-9a-f]{2}(?::[0-9a-f]{2}){5}\b|::|[{}$<>]|\b[13][a-km-zA-HJ-NP-Z1-9]{25,34}\b|\b0x[0-9a-fA-F]{40}\b|^(?:n\/a|none|null|unknown|redacted|tbd|same as above)\b/i;

/** True when `v` (the rest of a line after an address label) is a postal address. */
export function postalAddressValid(v: string): boolean {
  const s = v.trim();
  if (s.length < 6 || s.length > 120 || NOT_POSTAL.test(s)) return false;
  if (!/\d/.test(s)) return false;
  const words = s.match(/[A-Za-zÀ-ÖØ-öø-ÿ]{2,}/g) ?? [];
  return words.length >= 2 && !/^(?:already|in use|is|was|not)\b/i.test(s);
}
