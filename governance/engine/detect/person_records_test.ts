import assert from "node:assert/strict";
import { scan } from "../scan.ts";
import {
  labelMatchesAgree,
  nameLike,
  recordNameCells,
} from "./person_records.ts";

/** The scanner's redacted text of `t`. */
const redact = (t: string) => scan(t).redacted;

/** Whether a person-name finding was made in `t`. */
const named = (t: string) =>
  scan(t).findings.some((f) => f.policyId === "sys_pii_person_name");

Deno.test("person records: names under generic keys of a person's record", () => {
  const cases: [string, string][] = [
    [
      "id,name,email\n17,Ottilie Braga,ottilie.braga@posteo.de\n",
      "Ottilie Braga",
    ],
    [
      "cliente\tdob\nRenske Aalbers\t1979-03-14\n",
      "Renske Aalbers",
    ],
    [
      " id | owner          | email\n----+----------------+------------------\n  4 | Teodor Vasquez | teo.vz@fastmail.com\n(1 row)",
      "Teodor Vasquez",
    ],
    [
      '[{"id": 3, "Kunde": "Wiebke Sauer", "phone": "+49 151 4830291"}]',
      "Wiebke Sauer",
    ],
    [
      '{\n  "contact": "Anouk van Damme",\n  "email": "anouk.vd@telenet.be"\n}',
      "Anouk van Damme",
    ],
    [
      'guest:\n  navn: Sindre Aasen\n  phone: "+47 912 34 567"\n',
      "Sindre Aasen",
    ],
    [
      'INFO signup customer="Lorcan Deasy" email=lorcan.deasy@eircom.net',
      "Lorcan Deasy",
    ],
    [
      "<table><tr><th>Customer</th><th>Phone</th></tr><tr><td>Ilse Verbeke</td><td>+32 470 12 34 56</td></tr></table>",
      "Ilse Verbeke",
    ],
    [
      "| Owner | Email |\n|---|---|\n| Paulo Tavares | paulo.tavares@sapo.pt |",
      "Paulo Tavares",
    ],
    [
      "From: Mirela Stan <mirela.stan@yahoo.ro>\nSubject: refund",
      "Mirela Stan",
    ],
    [
      "Called back +44 7911 204518 — Declan Furlong",
      "Declan Furlong",
    ],
    [
      "Thanks,\n--\nHelka Lehtonen\nMobile: +358 40 123 4567\n",
      "Helka Lehtonen",
    ],
    [
      "Name: Radu Ionescu\nDate of birth: 1984-02-11\n",
      "Radu Ionescu",
    ],
    [
      'name,address\n"Maud Lindgren","Storgatan 4, 411 38 Göteborg"\n',
      "Maud Lindgren",
    ],
    [
      "<customer>\n  <name>Berit Aune</name>\n  <email>berit.aune@online.no</email>\n</customer>",
      "Berit Aune",
    ],
    [
      "BEGIN:VCARD\nFN:Lauri Koskinen\nTEL;TYPE=cell:+358 40 765 4321\nEND:VCARD",
      "Lauri Koskinen",
    ],
    [
      "dn: uid=ilka,ou=people\ncn: Ilka Marsh\nmail: ilka.marsh@posteo.de",
      "Ilka Marsh",
    ],
    ['To: "Vidal, Arnau" <arnau.vidal@correu.cat>', "Vidal, Arnau"],
    [
      "Please loop in Edda Holm - edda.holm@posteo.de - for the refund.",
      "Edda Holm",
    ],
    [
      "<address>Ines Duarte<br>Rua Augusta 12, 1100-053 Lisboa</address>",
      "Ines Duarte",
    ],
    // Rows without a header: `grep` over a CSV file, `psql -t`.
    [
      "customers.csv:88:Hallvard Moen,hallvard.moen@online.no,NO",
      "Hallvard Moen",
    ],
    [" 41 | Oona Kivelä | oona.kivela@elisa.fi\n", "Oona Kivelä"],
  ];
  for (const [t, name] of cases) {
    assert(!redact(t).includes(name), `${name} kept in ${t}`);
  }
});

Deno.test("person records: names of services, packages, hosts and teams stay", () => {
  const cases = [
    "apiVersion: v1\nkind: Service\nmetadata:\n  name: payments-api\n",
    '{"name": "@acme/ui-kit", "version": "1.2.3"}',
    "NAMES\nbrave_turing\nweb-1",
    "owner: Billing Squad\nrunbook: https://wiki/x\n",
    " id | name       | price\n----+------------+------\n  1 | Pro Plan   | 20.00\n(1 row)",
    // A record with a person's email whose name field names a firm.
    '{"name": "Northwind Traders", "email": "orders@northwind-traders.com"}',
    "supplier_id,name,iban\n820,Nordic Parts AB,CH5298660601473654657",
    "<service>\n  <name>Ledger Sync</name>\n  <port>8080</port>\n</service>",
    // A sentence with commas is not a row; a headed column is not a name column.
    "Liebe Kollegen, bitte schreibt an ops.team@posteo.de",
    "city,email\nNew Haven,k.lund@posteo.de\n",
    // Capitalised words far from any PII.
    "name: Release Train\nstatus: green",
  ];
  for (const t of cases) assert(!named(t), t);
});

Deno.test("person records: a name needs the PII in its own record", () => {
  // The email belongs to the second object, not to the first.
  const t =
    '[{"name": "Gudrun Pike", "status": "ok"}, {"id": 2, "email": "x.y@posteo.de"}]';
  assert(redact(t).includes("Gudrun Pike"));
  // Another row's phone does not make this row's name a person's.
  const csv = "name,phone\nSolveig Rand,\nTorvald Ek,+46 70 123 45 67\n";
  const r = redact(csv);
  assert(r.includes("Solveig Rand"));
  assert(!r.includes("Torvald Ek"));
});

Deno.test("person records: nothing without a personal PII finding", () => {
  assert.deepEqual(recordNameCells("name: Anja Roth\n", []), []);
  assert.deepEqual(
    recordNameCells("name: Anja Roth\nip: 10.0.0.1\n", [
      { start: 20, end: 28, policyId: "sys_pii_ipv4" },
    ]),
    [],
  );
});

Deno.test("person records: name likeness", () => {
  for (const v of ["Anja Roth", "Jonas de Vries", "Siobhán O'Brien"]) {
    assert(nameLike(v), v);
  }
  for (
    const v of ["payments-api", "Pro Plan", "Acme Corp", "Senior Buyer", "Anja"]
  ) {
    assert(!nameLike(v), v);
  }
});

Deno.test("person records: linear on hostile input", () => {
  const long = "name: " + "Ab ".repeat(20000) + "x@y.de\n" +
    "Aa Bb Cc Dd ".repeat(5000) + "<a@b.de>\n" +
    "{".repeat(5000) + '"name": "Anja Roth", "email": "a.r@posteo.de"' +
    "\n  - ".repeat(5000) + "-- \n".repeat(3000);
  const many = '{"name": "Ab Cd", '.repeat(6000) + '"email": "a.r@posteo.de"}';
  const t0 = Date.now();
  scan(long);
  scan(many);
  assert(Date.now() - t0 < 3000, `took ${Date.now() - t0} ms`);
});

Deno.test("person records: label words tried at their starts find what the global patterns find (differential)", () => {
  const pieces = [
    "name",
    "Name",
    "full name",
    "FULL_NAME",
    "user",
    "username",
    "user-name",
    "fn",
    "cn",
    "nom",
    "nome",
    '"',
    "'",
    ":",
    "=",
    " ",
    "\t",
    "\n",
    "-",
    "_",
    "x",
    "9",
    "owner",
    "holder_name",
    "é",
    // Fold to ASCII letters under toUpperCase/toLowerCase: not word characters without `u`.
    "\u017f",
    "\u212a",
    "Kunde",
    "cN",
  ];
  let seed = 5;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  for (let k = 0; k < 3000; k++) {
    let t = "";
    const len = 1 + rnd(20);
    for (let i = 0; i < len; i++) t += pieces[rnd(pieces.length)];
    assert.ok(labelMatchesAgree(t), JSON.stringify(t));
  }
});

Deno.test("person records: label word starts stay linear on a label repeated", () => {
  for (const unit of ["name ", "namename", '"name":', "full name "]) {
    const text = unit.repeat(Math.ceil(2_000_000 / unit.length));
    const t0 = performance.now();
    recordNameCells(text + " ssn 123-45-6789", [{
      start: text.length + 5,
      end: text.length + 16,
      policyId: "sys_pii_ssn",
    }]);
    assert.ok(performance.now() - t0 < 10_000, unit);
  }
});
