/**
 * Values that are published to be written down, not anyone's data: mail
 * domains reserved for documentation (RFC 2606/6761) under a placeholder or
 * role mailbox, no-reply and system mailboxes, the North American range
 * set aside for fiction (555-0100..0199), the card numbers payment vendors
 * publish for tests and the IBAN registry's example numbers (only where
 * the text says it is a test or an example), and private IPv4 addresses
 * written as network configuration (`inet 10.1.2.3/24`, `gateway
 * 192.168.0.1`).
 *
 * @module
 */

/** Domains no one receives mail at (RFC 2606 and RFC 6761). */
function reservedDomain(domain: string): boolean {
  return /^(?:[\w-]+\.)*example\.(?:com|net|org)$/.test(domain) ||
    /\.(?:example|test|invalid|localhost|local)$/.test(domain) ||
    domain === "localhost";
}

/** Local parts of documentation addresses: placeholders and roles (a person's name at example.com, `jane.doe@example.com`, stays a finding: tests and fixtures use it for a real address). */
const PLACEHOLDER_LOCAL =
  /^(?:user|username|you|your[\w.-]*|me|my[\w.-]*|name|first[._-]?last|firstname[._-]?lastname|someone|somebody|email|mail|test[\w.-]*|demo|sample|foo|bar|baz|admin|root|info|support|help|contact|sales|hello|team|dev|devs|ops|ci|bot|build|deploy|webmaster|security|abuse|billing|releases?|maintainers?|packag(?:es|ing)|signing|press|legal|privacy|jobs|careers|alerts|notifications|status)$/;

/** Mailboxes of systems, not people, at any domain. */
const SYSTEM_LOCAL =
  /^(?:no[._-]?reply|do[._-]?not[._-]?reply|mailer[._-]daemon|postmaster|bounces?)(?:[+._-][\w.+-]*)?$/;

/** True when the address is a documentation or system address (see the module doc). */
export function documentationEmail(local: string, domain: string): boolean {
  const l = local.toLowerCase();
  if (SYSTEM_LOCAL.test(l)) return true;
  return reservedDomain(domain.toLowerCase()) && PLACEHOLDER_LOCAL.test(l);
}

/** True when ten NANP digits (area, exchange, line) or seven (exchange, line) fall in 555-0100..0199, the range for fiction. */
export function fictionalNanp(digits: string): boolean {
  const seven = digits.length >= 7 ? digits.slice(-7) : "";
  return seven.startsWith("55501");
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
]);

/** Words that say a value is a test value or an example. */
const TEST_WORDS =
  /\b(?:test(?:s|ing|ed)?|sandbox|example|examples|sample|dummy|fake|demo|mock|fixture|vector|placeholder|documentation|docs?)\b|\be\.g\./i;

/** True when `digits` is a published test card and the line around `start` in `text` says so. */
export function testCard(digits: string, text: string, start: number): boolean {
  return TEST_CARDS.has(digits) && testContext(text, start);
}

/** True when the line around `start` (200 characters either side at most) has a test or example word. */
function testContext(text: string, start: number): boolean {
  const a = text.lastIndexOf("\n", start - 1) + 1;
  let b = text.indexOf("\n", start);
  if (b < 0) b = text.length;
  return TEST_WORDS.test(
    text.slice(Math.max(a, start - 200), b - start > 200 ? start + 200 : b),
  );
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

/** True when a compact, upper-case IBAN is a published example and the line around `start` in `text` says it is one (a payment instruction with it stays a finding). */
export function exampleIban(
  compact: string,
  text: string,
  start: number,
): boolean {
  return EXAMPLE_IBANS.has(compact) && testContext(text, start);
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
