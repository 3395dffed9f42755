/**
 * Round-25 secret and PII classes (held-out set 25), each with near misses
 * beside it: a JSON object named for its setting that holds the value in a
 * `value` field (`terraform output -json`), literals concatenated under a
 * label (`secret: 'ab' +` / `'cd'`, a bare `key` in code), key material with
 * `~` or `.` under a bare `key`, card numbers wrapped onto the next line in
 * runs of any size under a card label, the formatted Belgian national number,
 * a `za_id` label, toll-free service numbers; from set 25b: name/value
 * attributes (`<add key value>`), PHP `define`, WordPress salts, values
 * quoted in validation errors, `A/c No` and `Social:` labels, identity-card
 * MRZ (TD1), numbers in messaging links; from set 25c: letters-only
 * passwords whose case flips every character or two, a Mexican person's
 * RFC; and hostile inputs for every new pattern. Values are made up.
 */
import assert from "node:assert/strict";
import { findSensitive } from "./sensitive.ts";
import { assertScansLinearly, covered } from "./sensitive_test_helpers.ts";
import { nanpTollFree, tollFreeNumber } from "./documentation.ts";

/** Whether `text` has any PII or secret finding. */
const flagged = (text: string) => findSensitive(text).length > 0;

Deno.test("a JSON object named for a secret holds it in its value field (terraform output -json)", () => {
  const s = "kBf5fvL+PVr0Xd/4z3eA6gthGPlsob125efvwcJL";
  const one =
    `{\n  "ci_secret_access_key": {"sensitive": true, "type": "string", "value": "${s}"}\n}`;
  assert.ok(covered(one, s));
  const pretty =
    `{\n  "db_password": {\n    "sensitive": true,\n    "type": "string",\n    "value": "Zq8#vL2m!pZ9xx"\n  }\n}`;
  assert.ok(covered(pretty, "Zq8#vL2m!pZ9xx"));
  // Outputs that name no secret stay.
  assert.ok(
    !flagged(
      `{"db_endpoint": {"sensitive": false, "type": "string", "value": "orders.abc.eu-west-1.rds.amazonaws.com"}, "replicas": {"type": "number", "value": 3}}`,
    ),
  );
  // A nested object between the name and the field: not this object's value.
  assert.ok(
    !flagged(
      `{"db_password": {"meta": {"note": "rotated"}, "value": "orders-db-eu-west"}}`,
    ),
  );
});

Deno.test("literals concatenated under a label are joined (secret: 'ab' + newline 'cd')", () => {
  const t = "  secret: 'iOry3Ggz5nHiCeRbXmUy~' +\n   'XonumpQF7hYvUPMimE1',";
  assert.ok(covered(t, "XonumpQF7hYvUPMimE1"));
  const bare =
    "const cfg = {\n  tenant: \"contoso\",\n  key: 'wHE0ecoOozkMfmTkWsH3' +\n    '~PUEvpmmEBSSK7EzlxXN',\n};";
  assert.ok(covered(bare, "wHE0ecoOozkMfmTkWsH3"));
  assert.ok(covered(bare, "~PUEvpmmEBSSK7EzlxXN"));
  // The literal on the line after the label.
  const next =
    "const key =\n  '6uksOz2Xj7qNQnxq' +\n  'jYpbAQEeWqk5DLOD';\nclient.init(key);";
  assert.ok(covered(next, "6uksOz2Xj7qNQnxq"));
  assert.ok(covered(next, "jYpbAQEeWqk5DLOD"));
  // Keys built from names are code, not key material.
  assert.ok(!flagged("  key: 'orders:' + tenantId + ':' + page,"));
  assert.ok(
    !flagged(
      "cacheKey = \"orders:\" + tenantId\nkey: 'user-' + 'profile-' + 'v2'",
    ),
  );
  assert.ok(!flagged("  key: 'app.Settings.Title2' + '.subtitle',"));
  // Literals side by side after a label are words, not one value.
  assert.ok(
    !flagged(
      '//    package . subpackage field       tokens: "package" "." "subpackage" [TYPE NAME ENDS HERE] "field"',
    ),
  );
  // A comma after a labelled literal ends the entry: the next is a key.
  assert.ok(
    !flagged(
      "{'MODULE_PWD_LDFLAGS': '',\n 'MODULE_PWD_STATE': 'yes',\n 'MODULE_PYEXPAT_CFLAGS': '',\n 'MODULE_SPWD_STATE': 'yes',\n 'MODULE_SYSLOG_LDFLAGS': ''}",
    ),
  );
});

Deno.test("a bare key declared in code holds key material with ~ and . too", () => {
  assert.ok(covered(
    "const key = '6uksOz2Xj7qNQnxqjYpbAQEeWqk5DLOD';",
    "6uksOz2Xj7qNQnxqjYpbAQEeWqk5DLOD",
  ));
  assert.ok(covered(
    'private static final String key = "Wr61Q~gP3nLx.8sKd_2mPq7ZtYv4HcB9aE0fGjR";',
    "Wr61Q~gP3nLx.8sKd_2mPq7ZtYv4HcB9aE0fGjR",
  ));
  assert.ok(!flagged("const key = 'user-profile-v2-settings-cache';"));
  assert.ok(!flagged("const key = process.env.API_KEY_FOR_SERVICE_A1;"));
  assert.ok(!flagged("  key: 'App.Settings.Title2.subtitle', x: 1"));
});

Deno.test("a card number wrapped onto the next line in runs of any size, under a card label", () => {
  const t = "Card: 40372354\n      12783608";
  assert.ok(covered(t, "40372354"));
  assert.ok(covered(t, "12783608"));
  assert.ok(covered("card_number=4037235412\n  783608 (visa)", "783608"));
  // No card word on the first line: ids in a column.
  assert.ok(!flagged("payment_id\n40372354\n12783608"));
  // Luhn fails.
  assert.ok(!flagged("Card: 40372354\n      12783609"));
  // A longer run before: not one card's first part.
  assert.ok(!flagged("Card ref 9940372354\n      12783608"));
});

Deno.test("a formatted Belgian national number stands alone; za_id labels a South African id", () => {
  assert.ok(
    covered(
      "customer_id,be_nn,country\n672638,83.11.05-857.37,XX",
      "83.11.05-857.37",
    ),
  );
  // The mod-97 check fails, or the month is no month.
  assert.ok(!flagged("build 83.11.05-857.38 done"));
  assert.ok(!flagged("ref 83.19.05-857.37"));
  assert.ok(
    covered(
      "level=info event=kyc_check za_id=9303110059085 result=match",
      "9303110059085",
    ),
  );
  assert.ok(!flagged("level=info za_id=9303110059086 result=match"));
});

Deno.test("toll-free service numbers are not personal phones; a record's phone field stays", () => {
  assert.ok(tollFreeNumber("08008978555"));
  assert.ok(tollFreeNumber("448008978555"));
  assert.ok(tollFreeNumber("1800123456"));
  assert.ok(tollFreeNumber("0120123456"));
  // Japanese and Nigerian mobiles, UK 0808 written nationally.
  assert.ok(!tollFreeNumber("08012345678"));
  assert.ok(!tollFreeNumber("08081234567"));
  assert.ok(nanpTollFree("18005557234") && !nanpTollFree("2125557234"));
  assert.ok(!flagged("Support hotline: 0800 897 8555 (Mon–Fri 9–17)"));
  assert.ok(!flagged("Freephone +44 800 897 8555"));
  assert.ok(!flagged("Customer service: 1-800-642-7676"));
  // A North American 8XX number in a person's record is what they entered.
  assert.ok(covered("phone=1 (855) 365-9784", "365-9784"));
  assert.ok(
    covered("id,name,phone\n1,Maria Patel,866-230-4834", "866-230-4834"),
  );
  assert.ok(covered("Mobile: 080-1234-5678", "080-1234-5678"));
});

Deno.test("an element's key or name attribute labels its value attribute (.NET appSettings)", () => {
  const k =
    "0z9NxIgsyal5fomSfI3nAPYXSOfQWpSGmsvi8DRTggzIjO/axD+6WPmP+PkrZqAyPSQnUVTudK+0SmNpa3ZkFi==";
  assert.ok(covered(`<add key="StorageAccountKey" value="${k}" />`, k));
  assert.ok(
    covered(
      `<property name="db.password" value="Vx8sK2!pQm4zT" />`,
      "Vx8sK2!pQm4zT",
    ),
  );
  assert.ok(
    !flagged(
      `<add key="Region" value="westeurope" /><input type="password" name="password" value="" /><add key="ApiToken" value="{{ api_token }}"/>`,
    ),
  );
});

Deno.test("PHP define() of a secret constant; WordPress salts of any characters", () => {
  assert.ok(
    covered("define( 'DB_PASSWORD', 'Qm8sK2!pVx4zT' );", "Qm8sK2!pVx4zT"),
  );
  const salt =
    "~.a-y.B=<8Hiov3P:ur~%9P}W%)gm!?ACCmX/K/gVcO9_M5YW.)u:<=.3bQ:<e|q";
  assert.ok(covered(`define('AUTH_KEY',         '${salt}');`, salt));
  // WordPress's own placeholder, and constants that are no secrets.
  assert.ok(!flagged("define('AUTH_KEY', 'put your unique phrase here');"));
  assert.ok(
    !flagged("define('WP_DEBUG', false);\ndefine('DB_HOST', 'localhost');"),
  );
  // The AWS documentation key stays an example.
  assert.ok(
    !flagged("AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
  );
});

Deno.test("a value quoted in a validation error; A/c No and Social: labels", () => {
  assert.ok(
    covered(
      `ValidationError: field "pesel": value '83042262252' already registered`,
      "83042262252",
    ),
  );
  assert.ok(covered(`field "tckn", got "12337925260"`, "12337925260"));
  assert.ok(
    covered("A/c No: 50100635089429\nIFSC: HDFC0002578", "50100635089429"),
  );
  assert.ok(covered("Social: 872338311  (verified by phone)", "872338311"));
  assert.ok(!flagged("Social media followers: 123456789"));
  assert.ok(!flagged(`field "count": value '12' out of range`));
});

Deno.test("an identity card's three-line MRZ (TD1) is a finding when its check digits hold", () => {
  const td1 =
    "I<D<<MSE0948560<<<<<<<<<<<<<<<\n7605286M3308246D<<<<<<<<<<<<<2\nKOWALSKI<<ELIAS<<<<<<<<<<<<<<<";
  assert.ok(covered(`scan:\n${td1}`, "MSE094856"));
  // One check digit wrong.
  assert.ok(!flagged(`scan:\n${td1.replace("M33", "M34")}`));
});

Deno.test("the number in a click-to-chat link is a phone", () => {
  assert.ok(
    covered(
      "Chat with me: https://wa.me/4915762157108?text=hi",
      "4915762157108",
    ),
  );
  assert.ok(
    covered("https://api.whatsapp.com/send?phone=919882142674", "919882142674"),
  );
  assert.ok(!flagged("https://wa.me/message/ABCDEFGHIJ1"));
  assert.ok(!flagged("see https://wa.me/11111111111"));
});

Deno.test("a letters-only password whose case flips every character or two is no identifier", () => {
  assert.ok(covered(
    "$ mysqldump --user=backup --password=FzLzWiByEwNzdU orders",
    "FzLzWiByEwNzdU",
  ));
  assert.ok(!flagged("password=getUserPassword"));
  assert.ok(!flagged("password = readPasswordFromVault"));
  assert.ok(!flagged("password=DbPassword"));
});

Deno.test("a Mexican person's RFC after its label, with a real birth date", () => {
  assert.ok(covered("RFC: JWWJ730517L6Q\nRégimen: 605", "JWWJ730517L6Q"));
  assert.ok(
    covered(
      "registro federal de contribuyentes: GODE561231GR8",
      "GODE561231GR8",
    ),
  );
  assert.ok(!flagged("see RFC 7231 and RFC: ABCD991399XYZ"));
  // A company's RFC has three letters.
  assert.ok(!flagged("RFC: ABC850101XY1"));
});

Deno.test("round-25 patterns stay linear on hostile input (200k costs at most 8x 50k, past a 20 ms floor)", () => {
  const shapes: ((n: number) => string)[] = [
    (n) => `{"a": {"value": "`.repeat(n / 16),
    (n) => `"value": "x", `.repeat(n / 14),
    (n) => `"n": {` + " ".repeat(n) + `"value": "v"}`,
    (n) => "secret: '" + "a' + '".repeat(n / 7),
    (n) => "key =\n  '" + "Ab1~".repeat(n / 4),
    (n) => "Card: 4037\n".repeat(n / 11),
    (n) => "Card: " + "1 ".repeat(n / 2) + "\n 1",
    (n) => "Support hotline: ".repeat(n / 17) + "0800 897 8555",
    (n) => "12.34.56-".repeat(n / 9),
    (n) => `<add key="a" value="`.repeat(n / 20),
    (n) => "<x " + `name="k" `.repeat(n / 9) + `value="v">`,
    (n) => "define('A', '".repeat(n / 13),
    (n) => "pesel: value ".repeat(n / 13) + "1",
    (n) => "A/c ".repeat(n / 4) + "12345678",
    (n) => ("I<D<<" + "A".repeat(25) + "\n").repeat(n / 31),
    (n) => "wa.me/".repeat(n / 6) + "4915762157108",
    (n) => "password=" + "Ab".repeat(n / 2),
    (n) => "RFC: ".repeat(n / 5) + "ABCD850101XY1",
  ];
  assertScansLinearly(shapes);
});
