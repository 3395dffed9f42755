import assert from "node:assert/strict";
import { tableCells } from "./tables.ts";
import { findSensitive } from "./sensitive.ts";
import { redact } from "../redact.ts";

/** Cell texts and kinds `tableCells` reports. */
function cells(text: string): [string, string][] {
  return tableCells(text).map((c) => [text.slice(c.start, c.end), c.policyId]);
}

const CSV = `id,name,ssn,dob,email
1,Jane Roe,536-90-4399,1984-03-12,jane.roe@posteo.de
2,John Poe,"412-21-5530",1979-11-30,
3,Ann Lee,NULL,1990-01-01,ann@mailbox.org`;

Deno.test("CSV: header names label the cells below", () => {
  assert.deepEqual(cells(CSV), [
    ["536-90-4399", "sys_pii_ssn"],
    ["1984-03-12", "sys_pii_date_of_birth"],
    ["jane.roe@posteo.de", "sys_pii_email"],
    ["412-21-5530", "sys_pii_ssn"],
    ["1979-11-30", "sys_pii_date_of_birth"],
    ["1990-01-01", "sys_pii_date_of_birth"],
    ["ann@mailbox.org", "sys_pii_email"],
  ]);
  const out = redact(CSV, findSensitive(CSV));
  for (const v of ["536-90-4399", "1984-03-12", "412-21-5530", "1990-01-01"]) {
    assert.ok(!out.includes(v), out);
  }
  assert.ok(out.includes("NULL"), out);
  // The rows are people's records (ssn, dob, email): their bare `name`
  // cells are names too (see person_records.ts).
  assert.ok(!out.includes("Jane Roe"), out);
});

Deno.test("TSV, psql and mysql box tables", () => {
  const tsv =
    "id\tholder\taccount_number\n1\tJane\t266768718\n2\tJohn\t921351151";
  assert.deepEqual(cells(tsv), [
    ["266768718", "sys_pii_bank_account"],
    ["921351151", "sys_pii_bank_account"],
  ]);
  const psql = ` id | name     | card_number      | passport
----+----------+------------------+-----------
  1 | Jane Roe | 4539148803436467 | T47597837
  2 | John Poe |                  | M36570618
(2 rows)`;
  assert.deepEqual(cells(psql), [
    ["4539148803436467", "sys_pii_credit_card"],
    ["T47597837", "sys_pii_passport"],
    ["M36570618", "sys_pii_passport"],
  ]);
  const mysql = `+----+---------+-------------+
| id | user    | phone       |
+----+---------+-------------+
|  1 | jroe    | 415 829 0132|
|  2 | jpoe    | 02079460958 |
+----+---------+-------------+
2 rows in set (0.00 sec)`;
  assert.deepEqual(cells(mysql), [
    ["415 829 0132", "sys_pii_phone_labelled"],
    ["02079460958", "sys_pii_phone_labelled"],
  ]);
  const ids = `customer_id;iban;nik
7;DE89370400440532013000;3205180704750149`;
  assert.deepEqual(cells(ids), [
    ["DE89370400440532013000", "sys_pii_iban"],
    ["3205180704750149", "sys_pii_ktp"],
  ]);
});

Deno.test("tables: cells that fail their kind's check, other tables and prose are not findings", () => {
  for (
    const t of [
      // a card column with non-card values, an ssn column with a bad area
      "id,card,ssn\n1,Visa,000-12-3456\n2,gold,666-12-3456",
      // no header word
      "id,total,currency\n1,4539148803436467,EUR",
      // rows with another shape end the table
      "name,dob\nJane,1984-03-12\n\nlater: 1984-03-12 was a Monday",
      // a header word inside prose is not a header
      "Please update your phone, then call support.\n1, 2, 3",
      // placeholder passwords
      "user,password\nalice,changeme\nbob,<password>",
      // version-like cells under a "tel" column name in a build table
      "pkg,version\nlibtel,1.2.3",
    ]
  ) {
    const found = cells(t);
    const tail = t.split("\n\n")[1];
    if (tail) {
      assert.ok(found.every(([v]) => !tail.includes(v) || v === "1984-03-12"));
      assert.equal(found.length, 1, t);
    } else assert.deepEqual(found, [], t);
  }
});

Deno.test("tables: a secret column is redacted", () => {
  const t =
    "user,password,created\nalice,Zq8RbWk2Xy,2026-01-02\nbob,p4ss-W0rd!x,2026-01-03";
  const out = redact(t, findSensitive(t));
  assert.ok(!out.includes("Zq8RbWk2Xy") && !out.includes("p4ss-W0rd!x"), out);
  assert.ok(out.includes("2026-01-02"), out);
});

Deno.test("tables: a key/value listing is not a header and its rows (vault kv get)", () => {
  // Generated, not a real password.
  const listing = [
    "Key         Value\n---         -----\npassword    Tundra!x8Qe42\nusername    billing_rw",
    "password    Tundra7x8Qe42\nusername    billing_rw",
    "password    x\nusername    billing_rw",
  ];
  for (const t of listing) {
    assert.deepEqual(cells(t), [], t);
    assert.ok(redact(t, findSensitive(t)).includes("username"), t);
  }
  // A real header still labels its rows.
  assert.deepEqual(cells("password    user\nZq8RbWk2Xy    bob"), [[
    "Zq8RbWk2Xy",
    "sys_secret_password_assignment",
  ]]);
});

Deno.test("tables: dates and times under a password column are its metadata, not passwords", () => {
  assert.deepEqual(
    cells("Password\tExpires\tStatus\n2026-12-01\tnever\tok"),
    [],
  );
  assert.deepEqual(cells("user,password\nbob,12/01/2026"), []);
  assert.equal(cells("user,password\nbob,Hunter2Long").length, 1);
});

Deno.test("tables: a header over a million rows is read in linear time", () => {
  const rows = "1,Jane,536-90-4399\n".repeat(200_000);
  const t = "id,name,ssn\n" + rows;
  assert.equal(tableCells(t).length, 200_000);
});

Deno.test("space-aligned columns: header names label the cells below", () => {
  const text = "ID   FULL NAME     SSN          TAX ID\n" +
    "1    Jo March      536904399    412215530\n" +
    "2    Beth March    NULL         -";
  assert.deepEqual(cells(text), [
    ["536904399", "sys_pii_ssn"],
    ["412215530", "sys_pii_ssn"],
  ]);
  // A prose line with double spaces is not a header.
  assert.deepEqual(
    cells("Enter the ssn.  Then press  OK\n536904399  x  y"),
    [],
  );
  // Rows that do not line up with the header end the table.
  assert.deepEqual(cells("user  ssn\nbo 536904399"), []);
});

Deno.test("national id columns (cpf, sin, dni) use their checks", () => {
  assert.deepEqual(cells("nome;cpf\nAna;529.982.247-25\nRui;529.982.247-26"), [
    ["529.982.247-25", "sys_pii_br_cpf"],
  ]);
  assert.deepEqual(cells("name,sin_number\nLee,130 692 544"), [
    ["130 692 544", "sys_pii_ca_sin"],
  ]);
  assert.deepEqual(cells("nombre\tdni\nEva\t12345678Z"), [
    ["12345678Z", "sys_pii_es_dni"],
  ]);
});

Deno.test("CSV: a quoted field may hold the delimiter", () => {
  const csv =
    'id,address,ssn\n1,"12 Elm Street, Springfield",536-90-4399\n2,"4 Oak Road, York","412-21-5530"';
  assert.deepEqual(cells(csv).map((c) => c[0]), [
    "536-90-4399",
    "412-21-5530",
  ]);
  // An odd number of quotes (`5'11"`) is no quoting: the commas split.
  const odd = "id,height,ssn\n1,5'11\",536-90-4399";
  assert.deepEqual(cells(odd), [["536-90-4399", "sys_pii_ssn"]]);
});
