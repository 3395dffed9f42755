import assert from "node:assert/strict";
import { personNameValid } from "./person_names.ts";
import { scan } from "../scan.ts";

Deno.test("person names: labelled names in records, tables and forms are redacted", () => {
  for (
    const [t, v] of [
      ['{"kyc": {"full_name": "Siobhán Nowak"}}', "Siobhán Nowak"],
      ['{"firstName": "Jonas", "lastName": "Nowak"}', "Jonas"],
      ["Patient name: Maria van der Berg", "Maria van der Berg"],
      ["Cardholder: JOHN SMITH", "JOHN SMITH"],
      ["first_name,last_name,email\nAna,Silva,ana@x.example", "Silva"],
      [
        " id | full_name | email\n----+-----------+------\n 984 | Wei O'Brien | w@x.example\n",
        "Wei O'Brien",
      ],
      ["customerName=Zoë Kowalska", "Zoë Kowalska"],
    ]
  ) assert.ok(!scan(t).redacted.includes(v), t);
});

Deno.test("person names: bare 'name', placeholders and non-names pass", () => {
  for (
    const t of [
      '{"name": "Billing Sync", "version": "1.2.0"}',
      '{"full_name": "acme/billing-sync"}',
      "full_name: Test User",
      "Contact name: John Doe",
      "last name: field is required",
      '{"display_name": "Release Bot"}',
      "customer_name: Acme Corp",
      "first_name: ${FIRST_NAME}",
    ]
  ) assert.equal(scan(t).redacted, t);
});

Deno.test("person names: the value check", () => {
  assert.ok(personNameValid("Jane Roe", "full_name: "));
  assert.ok(personNameValid("Jonas", "first_name: "));
  assert.ok(!personNameValid("Jonas", "customer_name: "));
  assert.ok(!personNameValid("billing sync", "full_name: "));
  assert.ok(!personNameValid("HTTPServer Config", "full_name: "));
  assert.ok(!personNameValid("a b c d e", "full_name: "));
  const s = performance.now();
  assert.ok(!personNameValid("A".repeat(100_000), "full_name: "));
  assert.ok(performance.now() - s < 1_000);
});
