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

let firmLine: RegExp | undefined;

/**
 * A firm's legal form or a commercial register on a line: `Acme GmbH`,
 * `Foo Ltd`, `Handelsregister HRB 12345`, `SIRET`, `KvK`. An address on
 * such a line (an imprint, a letterhead, an invoice's seller) is a firm's.
 * Made on first use (a Unicode-class pattern costs the hook's load time).
 */
const FIRM_LINE = (): RegExp =>
  firmLine ??=
    /(?<![\p{L}\d])(?:GmbH|AG|KG|OHG|UG|e\.V\.|Ltd\.?|Limited|Inc\.?|LLC|LLP|PLC|plc|S\.A\.S?\.?|SAS|SARL|S\.à r\.l\.|S\.p\.A\.|S\.r\.l\.|B\.V\.|N\.V\.|Sp\. z o\.o\.|A\.Ş\.|K\.K\.|Handelsregister|HRB|HRA|Amtsgericht|USt-IdNr\.?|SIRE[NT]|RCS|KvK|Company No\.?|Registered in)(?![\p{L}\d])/u;

/** Longest stretch of a line read around an address for {@link FIRM_LINE}. */
const FIRM_REACH = 200;

/**
 * Whether the street address at `start`..`end` of `text` is a person's: not
 * on a line, or below a line, that names a firm's legal form or register
 * ({@link FIRM_LINE}): an imprint or a letterhead.
 */
export function streetAddressValid(
  text: string,
  start: number,
  end: number,
): boolean {
  const from = Math.max(0, start - FIRM_REACH);
  const seg = text.slice(from, Math.min(text.length, end + FIRM_REACH));
  const ls = seg.lastIndexOf("\n", start - from - 1);
  const le = seg.indexOf("\n", end - from);
  // The line above too (a letterhead's firm line over its street).
  const above = ls > 0 ? seg.lastIndexOf("\n", ls - 1) : ls;
  const line = seg.slice(above + 1, le < 0 ? seg.length : le);
  return !FIRM_LINE().test(line);
}
