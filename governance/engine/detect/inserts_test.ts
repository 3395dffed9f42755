/**
 * SQL INSERT and COPY column lists label their values like a table header,
 * with statements whose columns hold nothing sensitive beside them. Values
 * are made up.
 */
import assert from "node:assert/strict";
import { scan } from "../mod.ts";
import { sqlRows } from "./inserts.ts";

const gone = (t: string, v: string) => !scan(t).redacted.includes(v);
const pii = (t: string) => scan(t).findings.filter((f) => f.category === "pii");

Deno.test("INSERT and COPY: values under labelled columns are findings", () => {
  const cases: [string, string][] = [
    [
      "INSERT INTO employees (name, ssn) VALUES ('Ingrid Solberg', '898366555');",
      "898366555",
    ],
    [
      "INSERT INTO members (name, birthdate) VALUES ('Aiko Tanaka', '1971-07-14');",
      "1971-07-14",
    ],
    [
      "insert into `people` (`id`, `dob`, `phone`) values (1, '1980-02-03', '0612345678'), (2, '1975-11-30', '0698765432');",
      "1975-11-30",
    ],
    [
      "INSERT INTO people (id, dob, phone) VALUES (1, '1980-02-03', '0612345678'), (2, NOW(), '0698765432');",
      "0698765432",
    ],
    [
      "COPY public.staff (id, full_name, ssn) FROM stdin;\n1\tJo Roe\t536904399\n2\tAl Poe\t287443558\n\\.",
      "287443558",
    ],
  ];
  for (const [t, v] of cases) assert.ok(gone(t, v), t);
});

Deno.test("INSERT: unlabelled columns, placeholders and malformed statements are not findings", () => {
  for (
    const t of [
      "INSERT INTO orders (id, total, created_at) VALUES (12, 99.50, '1971-07-14');",
      "INSERT INTO employees (name, ssn) VALUES ($1, $2);",
      "INSERT INTO employees (name, ssn) VALUES (?, ?);",
      "INSERT INTO employees (name, ssn) VALUES ('Jo', NULL);",
      "INSERT INTO employees (name, ssn) VALUES ('Jo');",
      "INSERT INTO members (name, birthdate) SELECT name, dob FROM staging;",
    ]
  ) assert.deepEqual(pii(t), [], t);
  assert.equal(sqlRows("INSERT INTO t (a, b) VALUES (1, 2", 0), undefined);
  assert.equal(sqlRows("INSERT INTO t VALUES (1, 2)", 0), undefined);
});

Deno.test("INSERT reader is linear on hostile input", () => {
  const long = "INSERT INTO t (ssn) VALUES " + "('1'),".repeat(100_000) +
    "('x')";
  const t0 = performance.now();
  scan(long);
  const open = "INSERT INTO t (ssn, dob) VALUES ('" + "\\'".repeat(50_000);
  scan(open);
  assert.ok(performance.now() - t0 < 3000);
});
