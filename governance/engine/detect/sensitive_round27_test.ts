/**
 * Round-27 PII and secret classes (`scripts/data/sensitive_tune27.jsonl`,
 * round pii13), each with near misses beside it: French, Dutch, Polish,
 * Portuguese and Turkish first/last name labels (`nom;prénom`, `Nazwisko:`),
 * a name one space before a card or an IBAN, the name line above a postal
 * address, first and last name in two cells of a header-less row and a bare
 * nine-digit SSN in that row, dates of birth with the month's name in
 * several languages or run together, an account number before its routing
 * number, IBANs grouped by dashes or oddly, firms' addresses on imprint
 * lines, configuration values in a Kubernetes Secret, provider tokens
 * (SonarQube, Neon, Yandex, Honeycomb, Duffel, Adafruit, Zapier,
 * Deno Deploy, Scaleway, Harness); and hostile inputs for every new
 * pattern. Values are made up.
 */
import assert from "node:assert/strict";
import { findSensitive } from "./sensitive.ts";
import { assertScansLinearly, covered } from "./sensitive_test_helpers.ts";

/** Whether `text` has any PII or secret finding. */
const flagged = (text: string) => findSensitive(text).length > 0;

Deno.test("first and last name labels of more languages (nom;prénom, Nazwisko:, Soyadı:)", () => {
  const csv =
    "nom;prénom;courriel\nLefèvre;Marie-Christine;marie.lefevre12@orange.fr";
  assert.ok(covered(csv, "Lefèvre"));
  assert.ok(covered(csv, "Marie-Christine"));
  assert.ok(covered("Nazwisko: Kowalczyk\nImię: Łukasz", "Kowalczyk"));
  assert.ok(covered("Nazwisko: Kowalczyk\nImię: Łukasz", "Łukasz"));
  assert.ok(covered("Soyadı: Yılmaz", "Yılmaz"));
  assert.ok(covered("voornaam: Sanne", "Sanne"));
  // Not a person's name: lower case, or `nom` qualified by another word.
  assert.ok(!flagged(`nom: "lodash"`));
  assert.ok(!flagged("Nom du fichier: Rapport Final"));
  assert.ok(!flagged("the anomaly: Foo Bar"));
});

Deno.test("a name one space before a card or an IBAN, the name line above a postal address", () => {
  const card = "Christopher O'Neill 4539/5507/0860/1469 exp 11/28";
  assert.ok(covered(card, "Christopher O'Neill"));
  assert.ok(covered(card, "4539/5507/0860/1469"));
  assert.ok(
    covered("Wang Fang DE89370400440532013000", "Wang Fang"),
  );
  const block =
    "Ship to:\nKimberly Wade\n7176 Cedar Blvd, Apt 2, Springfield, IL 62701";
  assert.ok(covered(block, "Kimberly Wade"));
  // Card brands and headings are not names.
  const brand = findSensitive("Pay With Visa 4539831739133775");
  assert.equal(brand.length, 1);
  const heading = findSensitive(
    "Release Notes\n7176 Cedar Blvd, Apt 2, Springfield, IL 62701",
  );
  assert.ok(heading.every((f) => f.type !== "person_name"));
});

Deno.test("first and last name in two cells of a header-less person row, and its bare SSN", () => {
  const row =
    "Tyler,Whitaker,tyler.whitaker68@web.de,039546985,1984-03-12,Columbus OH";
  assert.ok(covered(row, "Tyler"));
  assert.ok(covered(row, "Whitaker"));
  assert.ok(covered(row, "039546985"));
  // A town and a state code is no name.
  assert.ok(!covered(row, "Columbus OH"));
  // Nine digits in a row without a name stay (an order id).
  assert.ok(
    !covered("2026-01-01,Deploy,Done,ops@acme.io,123456789", "123456789"),
  );
  // Words of a status row are not names.
  assert.ok(!covered("Open,High,bob@example.org,4242", "Open"));
});

Deno.test("dates of birth with the month's name in several languages, or run together", () => {
  for (
    const [t, v] of [
      ["Fecha de nacimiento: 25 de julio de 1952", "25 de julio de 1952"],
      ["Geboortedatum: 3 mei 1980", "3 mei 1980"],
      ["date de naissance : 1er août 1975", "1er août 1975"],
      ["Geburtsdatum: 12. März 1981", "12. März 1981"],
      ["born 12 junho 1990", "12 junho 1990"],
      ["Data di nascita: 4 giugno 1966", "4 giugno 1966"],
      ["birth_date=19651009", "19651009"],
    ]
  ) assert.ok(covered(t, v), t);
  assert.ok(!flagged("born on 45 foobar 1990"));
  assert.ok(!flagged("birth_date=19651341"));
  assert.ok(!flagged("build date: 20261208"));
});

Deno.test("an account number before its routing number on the line", () => {
  const t = "ACH payout to acct 340635441 (ABA 026009593) scheduled";
  assert.ok(covered(t, "340635441"));
  assert.ok(!flagged("account 12345678 created; see routing docs"));
});

Deno.test("IBANs grouped by dashes or oddly", () => {
  assert.ok(
    covered(
      "Bitte überweisen an DE23-2724-1228-6630-6455-59",
      "DE23-2724-1228-6630-6455-59",
    ),
  );
  assert.ok(
    covered(
      "IBAN FR 50 71158 27470 E3166202276 49",
      "FR 50 71158 27470 E3166202276 49",
    ),
  );
  assert.ok(
    covered(
      "to DE89 370 400 440 532 013 000 BIC COBADEFFXXX",
      "DE89 370 400 440 532 013 000",
    ),
  );
  // The check digits must hold.
  assert.ok(!flagged("Bitte überweisen an DE24-2724-1228-6630-6455-59"));
  assert.ok(!flagged("trace ids: 08-83-60-27-54 / 12-34-56-78-90"));
});

Deno.test("a firm's address on an imprint line is not a person's", () => {
  assert.ok(
    !flagged(
      "Acme GmbH · Friedrichstraße 68 · 10117 Berlin · Handelsregister HRB 12345",
    ),
  );
  assert.ok(!flagged("Foo Ltd, 12 Elm Street, Leeds"));
  assert.ok(
    covered("Anschrift: Lindenstraße 5, 10115 Berlin", "Lindenstraße 5"),
  );
  assert.ok(covered("Jane Roe, 12 Elm Street, Springfield", "12 Elm Street"));
});

Deno.test("configuration values in a Kubernetes Secret are not secrets; passwords still are", () => {
  const b = (s: string) => btoa(s);
  const y = `kind: Secret\ndata:\n  REGION: ${b("eu-west-1")}\n  HOST: ${
    b("db.prod.svc.cluster.local")
  }\n  PORT: ${b("543200")}\n  PW: ${b("Sup3r-s3cret!x")}`;
  const found = findSensitive(y).map((f) => y.slice(f.start, f.end));
  assert.deepEqual(found, [b("Sup3r-s3cret!x")]);
});

Deno.test("provider tokens without a label (SonarQube, Neon, Yandex, Honeycomb, Duffel, Adafruit, Zapier, Deno Deploy, Scaleway, Harness)", () => {
  const tokens = [
    "squ_3a1fe64a9643f09f6885a16d72e0c2b1a4f9d8e7",
    "napi_bGtNwDAW03iZrwr1TgdhBJjrX7kPq2Lm9NfRtYv8WcEdHs5Jk3Lp0QwErTyUiOpAsDfGh",
    "y0_LiSDUmf8ece0Ex16Y38u1nLpFFN7kPq2Lm9NfRtYv8WcEdHs5Jk3Lp0QwE",
    "hcaik_b4ca0b58525a1328f4b90ff4a1b2c3d4e5f60718293a4b5c6d7e8f90",
    "duffel_live_kQNAOoPi5cTQXWi4Dc7kPq2Lm9NfRtYv8WcEdHs5Jk3",
    "aio_wj7tifYLVq59a5deXyvWUxCaA5kP",
    "sk-ak-LTdsbaFdD44vZDtXndH77J08kPq2Lm9N",
    "ddp_esGqjjrJUe5bi0Odz4VgYxrRCN7kPq2Lm9Nx",
    "SCWDEAQ35DKZ8B0RB1RD",
    "pat.PZ3Ll6var7DNTWyfufbVI2.8a4b5c6d7e8f90a1b2c3d4e5.Kq2Lm9NfRtYv8WcEdHs5",
  ];
  for (const t of tokens) {
    const text = `$ cat ~/.config/ci/cred\n${t}\n`;
    assert.ok(covered(text, t), t);
  }
  // Prefixes named in prose, and an upper-case word after SCW, stay.
  assert.ok(
    !flagged("squ_ prefixes SonarQube user tokens; napi_ prefixes Neon keys"),
  );
  assert.ok(!flagged("SCWABCDEFGHIJKLMNOPQ"));
  // Identifiers of code under the same prefixes (no digit) stay.
  assert.ok(!flagged("x = aio_connectionpoolmanagerimplxy"));
  assert.ok(!flagged("y = ddp_distributeddataparallelwrapperabcdefgh"));
});

Deno.test("tune27b: payee and beneficiary fields, a name after a card behind a dash, a flat before the address", () => {
  const pay =
    `{"transfer": {"payee": "Chen Jing", "iban": "DE44500105175407324931"}}`;
  assert.ok(covered(pay, "Chen Jing"));
  const ben =
    `{\n  "beneficiary": "Daan Smits",\n  "beneficiary_iban": "DE44500105175407324931"\n}`;
  assert.ok(covered(ben, "Daan Smits"));
  assert.ok(covered("5425/8442/3607/8868 — Femke Bakker", "Femke Bakker"));
  const uk =
    "Deliver to:\nMrs Chiara Lombardi\nFlat 9, 12 Moss Lane\nManchester M14 9UU";
  assert.ok(covered(uk, "Chiara Lombardi"));
  // A payee without any identifier in its object stays.
  assert.ok(!flagged(`{"payee": "Chen Jing", "amount": 12}`));
});

Deno.test("tune27b: dotted French mobiles, Turkish and Polish month names, Acc after a sort code, dashed lower-case IBANs", () => {
  assert.ok(covered("Chiara Lombardi|06.59.20.03.17", "06.59.20.03.17"));
  assert.ok(!flagged("version 01.02.03.04.05"));
  assert.ok(covered("Doğum tarihi: 28 Nisan 1982", "28 Nisan 1982"));
  assert.ok(covered("Data urodzenia: 2 listopada 1995 r.", "2 listopada 1995"));
  assert.ok(covered("Sort Code 20-00-00 / Acc 57488481", "57488481"));
  assert.ok(
    covered("iban de89-3704-0044-0532-0130-00", "de89-3704-0044-0532-0130-00"),
  );
  assert.ok(!flagged("iban de88-3704-0044-0532-0130-00"));
});

Deno.test("tune27b: a firm's letterhead over its street is not a person's address", () => {
  assert.ok(
    !flagged(
      "Acme Logistics GmbH\nFriedrichstraße 55\n10117 Berlin\nAmtsgericht Charlottenburg HRB 12345",
    ),
  );
  assert.ok(
    covered(
      "Herrn\nGrzegorz Wójcik\nLindenstraße 5\n10115 Berlin",
      "Lindenstraße 5",
    ),
  );
});

Deno.test("tune27c: markdown bold labels and cards, dd-Mon-yyyy birth dates", () => {
  const md =
    "### Emergency contact\n- **Name:** Li Xiuying\n- **Phone:** 0049 151 40388174";
  assert.ok(covered(md, "Li Xiuying"));
  assert.ok(covered(md, "0049 151 40388174"));
  assert.ok(covered("**DOB**: 1980-02-03", "1980-02-03"));
  assert.ok(covered("DOB: 10-Jun-1984", "10-Jun-1984"));
  assert.ok(covered("DOB: 10/Jun/1984", "10/Jun/1984"));
  // A package card in bold labels names no person; a bad month is no date.
  assert.ok(!flagged("- **Name:** lodash\n- **Version:** 1.2.3"));
  assert.ok(!flagged("DOB: 10-Foo-1984"));
  assert.ok(!flagged("**Version:** 1.2.3"));
});

Deno.test("round-27 patterns stay linear on hostile input (200k costs at most 8x 50k, past a 20 ms floor)", () => {
  const shapes: ((n: number) => string)[] = [
    (n) => "Jane Roe ".repeat(n / 9) + "4539/5507/0860/1469",
    (n) => "Ship to:\n" + "Jane Roe ".repeat(n / 9) + "\n12 Elm Street",
    (n) => "Tyler,Whitaker,".repeat(n / 15) + "t@web.de,039546985",
    (n) => "born 12 de ".repeat(n / 11) + "julio 1952",
    (n) => "acct 1234567890 ".repeat(n / 16) + "ABA",
    (n) => "IBAN FR 50" + " 1A".repeat(n / 3),
    (n) => "DE23" + "-2724".repeat(n / 5),
    (n) => "Acme GmbH · Friedrichstraße 68 · ".repeat(n / 33),
    (n) =>
      `kind: Secret\ndata:\n` + `  K: ${btoa("eu-west-1")}\n`.repeat(n / 18),
    (n) => "squ_" + "a".repeat(n),
    (n) => "pat." + "A".repeat(22) + ".".repeat(n),
    (n) => "SCW" + "A".repeat(n),
    (n) => "06" + ".12".repeat(n / 3),
    (n) => "Doğum tarihi: 12 " + "ş".repeat(n),
    (n) =>
      "Deliver to:\nMrs Jane Roe\n" + "Flat 9, ".repeat(n / 8) + "12 Moss Lane",
    (n) => "iban de89" + "-3704".repeat(n / 5),
    (n) => "Acme GmbH\n".repeat(n / 10) + "Friedrichstraße 55",
    (n) =>
      "- **Name:** Jane Roe\n".repeat(n / 21) + "- **Phone:** +44 7911 123456",
    (n) => "**Phone:**".repeat(n / 10) + " 0049 151 40388174",
    (n) => "DOB: 10-" + "Jun-".repeat(n / 4) + "1984",
  ];
  assertScansLinearly(shapes);
});
