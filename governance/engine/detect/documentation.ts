/**
 * Values that are published to be written down, not anyone's data: a
 * placeholder address at a mail domain reserved for documentation (RFC
 * 2606/6761; any address there where the output reads as tests or docs),
 * the role and system mailboxes of an organisation at any domain
 * (`support@`, `noreply@`), the textbook SSN 123-45-6789 in docs and
 * tests, the North American range set aside for fiction
 * (555-0100..0199) and Twilio's magic test numbers (+1 500 555 00xx),
 * toll-free service numbers (0800, 1800, 0120; 1-800 after a service word), the
 * card numbers payment vendors publish for tests, the IBAN registry's
 * example numbers and the documentation address blocks (RFC 5737) where
 * the output reads as tests or docs or they are quoted literals in code,
 * and private IPv4 addresses.
 *
 * @module
 */

/** Domains no one receives mail at (RFC 2606 and RFC 6761). */
function reservedDomain(domain: string): boolean {
  return /^(?:[\w-]+\.)*example\.(?:com|net|org)$/.test(domain) ||
    /\.(?:example|test|invalid|localhost|local)$/.test(domain) ||
    domain === "localhost";
}

/**
 * Mailboxes of systems and of an organisation's roles, not people, at any
 * domain (`noreply@github.com`, `support@acme-corp.io`, `info@`).
 */
const SYSTEM_LOCAL =
  /^(?:no[._-]?reply|do[._-]?not[._-]?reply|mailer[._-]daemon|postmaster|bounces?|support|info|contact|sales|hello|help|helpdesk|service|customer[._-]?service|enquiries|inquiries|feedback|office|admin|webmaster|hostmaster|security|abuse|billing|invoices?|accounts|orders|press|media|legal|privacy|dpo|gdpr|compliance|jobs|careers|hr|recruiting|marketing|newsletter|notifications?|alerts?|team|ops|devops|sre|releases?|release[._-]?bot|bots?|ci|builds?|deploy|maintainers?|packag(?:es|ing)|signing)(?:[+._-][\w.+-]*)?$/;

/** Local parts of documentation addresses: placeholders and roles (a person's name at example.com, `jane.doe@example.com`, stays a finding unless the output reads as tests or docs: fixtures use it for a real address). */
const PLACEHOLDER_LOCAL =
  /^(?:user|username|you|your[\w.-]*|me|my[\w.-]*|name|first[._-]?last|firstname[._-]?lastname|someone|somebody|email|mail|test[\w.-]*|demo|sample|foo|bar|baz|root|dev|devs|ci|bot|build|deploy|releases?|maintainers?|packag(?:es|ing)|signing|status)$/;

/** True when the address is a documentation or system address (see the module doc). */
export function documentationEmail(local: string, domain: string): boolean {
  const l = local.toLowerCase();
  if (SYSTEM_LOCAL.test(l)) return true;
  // Forges' no-reply proxies stand in for an address a user keeps private.
  if (/(?:^|\.)(?:users\.)?noreply\.(?:github|gitlab)\.com$/i.test(domain)) {
    return true;
  }
  return reservedDomain(domain.toLowerCase()) && PLACEHOLDER_LOCAL.test(l);
}

/** True when `domain` is reserved for documentation (RFC 2606 and RFC 6761). */
export function reservedMailDomain(domain: string): boolean {
  return reservedDomain(domain.toLowerCase());
}

/** The SSN of textbooks and forms (`123-45-6789`), never issued. */
const EXAMPLE_SSNS = new Set(["123456789"]);

/** True when nine SSN digits at `start`..`end` of `text` are the textbook example there (see {@link documentedValue}). */
export function exampleSsn(
  digits: string,
  text: string,
  start: number,
  end: number,
): boolean {
  return EXAMPLE_SSNS.has(digits) && documentedValue(text, start, end);
}

/**
 * True when a phone number's digits (with or without a country code) are a
 * toll-free service number outside North America, a business's published
 * line and never a person's: 0800 of the UK and of European numbering plans
 * (+44 800/808, +49 800), Australia's and India's 1800/1300 and Japan's
 * 0120. Not 0808 or 080x written nationally: Nigerian and Japanese mobiles
 * start so.
 */
export function tollFreeNumber(digits: string): boolean {
  return TOLL_FREE.test(digits);
}

const TOLL_FREE = new RegExp(
  [
    String.raw`^0800\d{5,8}$`,
    String
      .raw`^(?:44(?:800|808)|(?:49|43|41|31|32|33|34|39|45|46|47|48|351|353)0?800)\d{5,8}$`,
    String.raw`^(?:61)?1[38]00\d{6}$`,
    String.raw`^(?:91)?1800\d{6,8}$`,
    String.raw`^(?:81)?0?120\d{6}$`,
  ].join("|"),
);

/** True when ten or eleven NANP digits have a toll-free area code (800, 833, 844, 855, 866, 877, 888). */
export function nanpTollFree(digits: string): boolean {
  return /^1?8(?:00|33|44|55|66|77|88)[2-9]\d{6}$/.test(digits);
}

/** True when ten NANP digits (area, exchange, line) or seven (exchange, line) fall in 555-0100..0199, the range for fiction, or are one of Twilio's magic test numbers (500-555-00xx). */
export function fictionalNanp(digits: string): boolean {
  const seven = digits.length >= 7 ? digits.slice(-7) : "";
  return seven.startsWith("55501") ||
    (digits.length >= 10 && digits.slice(-10).startsWith("50055500"));
}

/** A phone number in the NANP range for fiction (555-0100..0199), written with separators. */
const FICTION_PHONE = /(?<!\d)555[-. ]01\d\d(?!\d)/;

/**
 * Whether the text holds a phone number of the range for fiction: output
 * that uses one is an example or a story, and a placeholder address at a
 * reserved mail domain beside it is part of the same example.
 */
export function fictionText(text: string): boolean {
  return FICTION_PHONE.test(text);
}

/** Card numbers payment vendors publish for test mode (Stripe, Adyen, Braintree, PayPal docs). */
const TEST_CARDS = new Set([
  "4242424242424242",
  "4000056655665556",
  "4111111111111111",
  "4012888888881881",
  "4222222222222",
  "4000000000000002",
  "4000000000009995",
  "4000002500003155",
  "5555555555554444",
  "5200828282828210",
  "5105105105105100",
  "2223003122003222",
  "378282246310005",
  "371449635398431",
  "378734493671000",
  "6011111111111117",
  "6011000990139424",
  "3056930009020004",
  "36227206271667",
  "30569309025904",
  "38520000023237",
  "3566002020360505",
  "3530111333300000",
  "6200000000000005",
  "4000000000000077",
  "4000000000000093",
  "4000000000000341",
  "4000000000000069",
  "4000000000000127",
  "4000000000000119",
  "4000000000003220",
  "4000000000003063",
  "4000002760003184",
  "4000008400001629",
  "4100000000000019",
  "4000000000000259",
  "4000000000001976",
  "4000000000005126",
  "4000003720000278",
  "4000000000000036",
  "4000000000000101",
  "2223000048400011",
  "6011981111111113",
  "3566111111111113",
  "36259600000004",
  "6555900000604105",
  "4111111145551142",
  "5555444433331111",
  "370000000000002",
  "4988438843884305",
  "4009348888881881",
  "4012000033330026",
  "4012000077777777",
  "4217651111111119",
  "4500600000000061",
  "5431111111111111",
  "4005519200000004",
  "4012001037141112",
]);

/** Words that say a value is a test value or an example. */
const TEST_WORDS =
  /(?<![@.])\b(?:test(?:s|ing|ed)?|sandbox|example|examples|sample|dummy|fake|demo|mock|fixtures?|vector|placeholder|documentation|docs?|spec)\b|\be\.g\.|[._/-](?:test|spec)s?\b|\b(?:expect|assert\w*|describe|it)\(/i;

let lastText: string | undefined;
let lastTested = false;

/** Whether `text` anywhere has a test or example word (one-entry cache: the scanner asks once per value of one text). */
export function testText(text: string): boolean {
  if (text !== lastText) {
    lastText = text;
    lastTested = TEST_WORDS.test(text);
  }
  return lastTested;
}

/**
 * Decision (round 7): a published test or example value is not a finding
 * when the output it sits in reads as tests, docs or examples anywhere
 * (a test word on any line: `PASS test/checkout.test.ts` above `✓ pays
 * with 4242…`, `## Testing` above a list of cards), or when it is a
 * quoted literal in code (`card: {number: '4242424242424242'}`); it used
 * to need the word on its own line. A bare `member card 4111 1111 1111
 * 1111 on file` stays a finding.
 */
export function documentedValue(
  text: string,
  start: number,
  end: number,
): boolean {
  const q = text.charCodeAt(start - 1);
  if ((q === 34 || q === 39 || q === 96) && text.charCodeAt(end) === q) {
    return true;
  }
  return testText(text);
}

/** True when `digits` at `start`..`end` of `text` is a published test card there (see {@link documentedValue}). */
export function testCard(
  digits: string,
  text: string,
  start: number,
  end: number,
): boolean {
  return TEST_CARDS.has(digits) && documentedValue(text, start, end);
}

/** Example IBANs of the SWIFT IBAN registry and the national formats' documentation. */
const EXAMPLE_IBANS = new Set([
  "GB82WEST12345698765432",
  "GB29NWBK60161331926819",
  "GB33BUKB20201555555555",
  "DE89370400440532013000",
  "DE75512108001245126199",
  "FR1420041010050500013M02606",
  "FR7630006000011234567890189",
  "NL91ABNA0417164300",
  "NL02ABNA0123456789",
  "ES9121000418450200051332",
  "IT60X0542811101000000123456",
  "BE68539007547034",
  "BE71096123456769",
  "CH9300762011623852957",
  "AT611904300234573201",
  "IE29AIBK93115212345678",
  "PL61109010140000071219812874",
  "PT50000201231234567890154",
  "SE4550000000058398257466",
  "DK5000400440116243",
  "FI2112345600000785",
  "NO9386011117947",
  "LU280019400644750000",
]);

/** True when a compact, upper-case IBAN at `start`..`end` of `text` is a published example there (see {@link documentedValue}; a bare payment instruction with it stays a finding). */
export function exampleIban(
  compact: string,
  text: string,
  start: number,
  end: number,
): boolean {
  return EXAMPLE_IBANS.has(compact) && documentedValue(text, start, end);
}

/** True when an IPv4 address with these first three octets is in a block reserved for documentation (RFC 5737: 192.0.2/24, 198.51.100/24, 203.0.113/24). */
export function documentationIpv4(a: number, b: number, c: number): boolean {
  return (a === 192 && b === 0 && c === 2) ||
    (a === 198 && b === 51 && c === 100) || (a === 203 && b === 0 && c === 113);
}

/** True when an IPv4 address with these first octets is in a private, shared (CGNAT) or link-local range. */
export function privateIpv4(a: number, b: number): boolean {
  return a === 10 || (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254);
}

/** Words of network configuration before an address (`inet`, `gateway`, `via`, `netmask`, `nameserver`, an nginx `server` or `proxy_pass`, a URL's scheme, the host part of `user@host` and MySQL's `'app'@'10.0.3.7'`...). */
const NETWORK_WORD =
  /(?:^|[^A-Za-z])(?:inet|gateway|gw|via|netmask|mask|brd|broadcast|subnet|route|nameserver|dns|cidr|network|bind|listen|listening on|address|server|upstream|proxy_pass\s{1,3}https?:\/\/|set_real_ip_from|https?:\/\/|@)\s{0,3}[:=]?\s{0,3}["']?$/i;

/**
 * True when a private address (see {@link privateIpv4}) at `start`..`end`
 * is network configuration, not someone's address: written with a prefix
 * length (`10.0.0.0/8`, `inet 10.1.2.3/24`) or right after a network word.
 */
export function networkConfigIpv4(
  text: string,
  start: number,
  end: number,
): boolean {
  if (text.charCodeAt(end) === 47 && /^\/\d/.test(text.slice(end, end + 2))) {
    return true;
  }
  return NETWORK_WORD.test(text.slice(Math.max(0, start - 24), start));
}

/**
 * Keys that vendors print in their own public documentation for everyone
 * to copy (Stripe's API reference test keys): known to all, they open
 * nothing of anyone's.
 */
const PUBLISHED_KEYS = new Set([
  "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
  "pk_test_TYooMQauvdEDq54NiTphI7jx",
  "sk_test_BQokikJOvBiI2HlWgH4olfQ2",
]);

/** True when `v` is a key a vendor publishes in its documentation (see {@link PUBLISHED_KEYS}). */
export function publishedKey(v: string): boolean {
  return PUBLISHED_KEYS.has(v);
}
