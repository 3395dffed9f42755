import assert from "node:assert/strict";
import { scan } from "../mod.ts";

const found = (t: string) =>
  scan(t).findings.filter((f) =>
    f.category === "pii" || f.category === "secret"
  );
const gone = (t: string, v: string) => !scan(t).redacted.includes(v);

Deno.test("documentation values are not PII: reserved domains, system mailboxes, fiction phones, test cards, example IBANs, private addresses in network configuration", () => {
  for (
    const t of [
      'git config user.email "you@example.com"',
      "From: Support <support@example.com>",
      "Author: CI Bot <ci@example.org>",
      'gpg: key 0462D10DE6537BFC: public key "Release Signing <release@example.org>" imported',
      "Maintainer: Packaging Team <maintainers@example.net>",
      "mail admin@corp.example and test@api.test",
      "noreply@github.com",
      "From: GitHub <no-reply+notifications@github.com>",
      "Return-Path: <MAILER-DAEMON@mx.acme.net>",
      'phone: "+1-555-0100"',
      "Call (212) 555-0187 in the movie",
      "Use 4242 4242 4242 4242 with any future expiry in Stripe test mode.",
      'assert luhn("4111111111111111") is True  # test vector',
      "Example IBAN: GB82 WEST 1234 5698 7654 32",
      "e.g. DE89370400440532013000",
      "inet 10.174.136.32/24 brd 10.0.0.255",
      "gateway 192.168.47.1",
      "route add -net 172.20.0.0/16 gw 172.20.0.1",
      "nameserver 10.96.0.10",
      "listen 192.168.1.10:8080;",
      "multicast 239.255.255.250:1900",
    ]
  ) assert(found(t).length === 0, t);
});

Deno.test("documentation rules keep real-looking values: people at example domains, real phones, cards and IPs outside tests", () => {
  const cases: [string, string][] = [
    [
      "customer kimberly65@example.org placed an order",
      "kimberly65@example.org",
    ],
    ["a.b@example.com", "a.b@example.com"],
    ["contact: jane.doe@example.com", "jane.doe@example.com"],
    ["spooled one SSN 123-45-6789", "123-45-6789"],
    ["reply to maria.schmidt@gmail.com", "maria.schmidt@gmail.com"],
    ["Call (212) 555-0287", "(212) 555-0287"],
    ["call (415) 829-0132 now", "(415) 829-0132"],
    ["card 4111 1111 1111 1111, SSN 123-45-6789", "4111 1111 1111 1111"],
    ["paid with 4242424242424242 yesterday", "4242424242424242"],
    ["IBAN DE17370502990532013000", "DE17370502990532013000"],
    ["X-Real-IP: 81.2.69.160", "81.2.69.160"],
    [
      "wire to IBAN GB82 WEST 1234 5698 7654 32 ref inv-2211",
      "GB82 WEST 1234 5698 7654 32",
    ],
    ["login ok ip=203.0.113.45", "203.0.113.45"],
    ["sshd: Accepted publickey from 172.32.4.5 port 50122", "172.32.4.5"],
    ["from 192.169.4.5", "192.169.4.5"],
  ];
  for (const [t, v] of cases) assert(gone(t, v), t);
});

Deno.test("phone and passport labels in other languages and scripts", () => {
  const cases: [string, string][] = [
    ["Teléfono: 01 77 98 31 09", "01 77 98 31 09"],
    ["Tél. : 01 23 45 67 89", "01 23 45 67 89"],
    ["電話: 03-8335-0180", "03-8335-0180"],
    ["携帯：090-1234-5678", "090-1234-5678"],
    ["手机: 138 0013 8000", "138 0013 8000"],
    ["Телефон: 8 495 123-45-67", "8 495 123-45-67"],
    ["Handy: 0171 2345678", "0171 2345678"],
    ["Telefoon: 06-12345678", "06-12345678"],
    ["Reisepassnummer: QF1928564", "QF1928564"],
    ["N° de passeport : 18AB12345", "18AB12345"],
    ["pasaporte: PAA123456", "PAA123456"],
  ];
  for (const [t, v] of cases) assert(gone(t, v), t);
  for (
    const t of [
      "Öffnungszeiten: Mo–Fr 09:00–17:00, PLZ 10115",
      "Tél: 2026-12-01",
      "電話番号を入力してください",
      "Телефон: не указан",
      "This is handy: 3 tips",
      "passeport valide jusqu'en 2031",
    ]
  ) assert(found(t).length === 0, t);
});

Deno.test("XML and HTML element names label their values", () => {
  const cases: [string, string][] = [
    ["<birthDate>01/09/1950</birthDate>", "01/09/1950"],
    ['<td class="phone">0612345678</td>', "0612345678"],
    ["<passportNumber>EC2819876</passportNumber>", "EC2819876"],
  ];
  for (const [t, v] of cases) assert(gone(t, v), t);
  for (
    const t of [
      "<phone/>",
      "<birthDate></birthDate>",
      "<dob>unknown</dob>",
      '<input type="tel" name="phone">',
    ]
  ) assert(found(t).length === 0, t);
});

Deno.test("birth dates and passports under labels in other scripts; year-first dates", () => {
  const cases: [string, string][] = [
    ["生年月日: 1980年12月2日", "1980年12月2日"],
    ["出生日期：1985-04-12", "1985-04-12"],
    ["Дата рождения: 12.04.1985", "12.04.1985"],
    ["パスポート番号: TK1234567", "TK1234567"],
    ["护照号码：E12345678", "E12345678"],
    ["Pasaporte nº: PAA123456", "PAA123456"],
    ["dob: 1980/12/02", "1980/12/02"],
    ["birth_date=1975.03.09", "1975.03.09"],
  ];
  for (const [t, v] of cases) assert(gone(t, v), t);
  for (
    const t of [
      "生日快乐",
      "生年月日: 2026年13月2日",
      "dob: 2026/13/45",
      "version 2026.12.02",
      "パスポート番号を入力",
    ]
  ) assert(found(t).length === 0, t);
});

Deno.test("requests to call label a phone number; times, dates and addresses after them do not", () => {
  const cases: [string, string][] = [
    ["My phone is 555-123-4567", "555-123-4567"],
    ["call me at (555) 123-4567", "(555) 123-4567"],
    ["reach the on-call at 853/886-9870", "853/886-9870"],
    ["message me at 0612345678", "0612345678"],
  ];
  for (const [t, v] of cases) assert(gone(t, v), t);
  for (
    const t of [
      "call at 10:30",
      "call on 2024-11-30",
      "text me 12/11/2024",
      "function call at 0x7ffd1234",
      "reach us on 2024/11/30",
      "the call at line 1234567 failed",
    ]
  ) assert(found(t).length === 0, t);
});

Deno.test("round 7: addresses at reserved mail domains in tests and docs, role mailboxes and private addresses are no one's data", () => {
  for (
    const t of [
      "INSERT INTO users (name, email) VALUES ('Test User', 'test@example.com'), ('Jane Doe', 'jane@example.org');",
      "support@acme-corp.io",
      "write to info@ferreira-lda.pt or sales@acme.de",
      "Author: Release Bot <releases@acme.io>",
      "Author: Jane Roe <1234+jane.roe@users.noreply.github.com>",
      "Failed password for root from 192.168.1.45 port 22",
      "host=10.0.0.12",
      'Started GET "/health" for 10.85.61.131 at 2026-12-03 10:00:00 +0000',
    ]
  ) assert(found(t).length === 0, t);
  // A person's mailbox at a real domain, and a public address, stay findings.
  assert(found("reply to maria.schmidt@gmail.com").length === 1);
  assert(
    found("sshd: Accepted publickey from 172.32.4.5 port 50122").length === 1,
  );
});

Deno.test("round 7: published test values are benign where the output reads as tests or they are quoted literals", () => {
  for (
    const t of [
      "stripe.paymentMethods.create({type: 'card', card: {number: '4242424242424242', exp_month: 12}})",
      "  PASS  test/checkout.test.ts\n    ✓ pays with 4242424242424242 exp 12/34 (412 ms)\n    ✓ 3DS with 4000002760003184",
      "## Testing\nUse 4242 4242 4242 4242.\nFor a declined payment use 4000 0000 0000 0002.",
      'it("validates GB82WEST12345698765432", () => expect(isValidIban("GB82WEST12345698765432")).toBe(true));',
      "SSNs look like AAA-GG-SSSS, e.g. 123-45-6789.",
      "Use the magic number +15005550006 as the To number with test credentials.",
      "docs: the server answers on 203.0.113.7",
    ]
  ) assert(found(t).length === 0, t);
  // The same values in a bare payment or log line stay findings.
  for (
    const t of [
      "member card 4111 1111 1111 1111 on file",
      "wire to IBAN GB82 WEST 1234 5698 7654 32 ref inv-2211",
      "login ok ip=203.0.113.45",
    ]
  ) assert(found(t).length === 1, t);
});

Deno.test("documentation: a reserved-domain address beside a phone of the fiction range is an example", () => {
  const t = "Contact: jane.doe@example.com, phone +1 555-0100";
  assert.deepEqual(scan(t).findings, []);
  // Either half alone keeps the address a finding.
  for (
    const s of [
      "Contact: jane.doe@example.com, phone +1 415-555-2671",
      "Contact: jane.doe@posteo.de, phone +1 555-0100",
    ]
  ) {
    assert.ok(scan(s).findings.some((f) => f.type === "email"), s);
  }
});
