import assert from "node:assert/strict";
import { maskSql } from "./sqli_lex.ts";
import { structuralHits } from "./sqli_struct.ts";

const kinds = (sql: string): string[] =>
  structuralHits(maskSql(sql).text).map((h) => h.kind);

Deno.test("struct: OR with a constant condition", () => {
  for (
    const t of [
      "SELECT * FROM t WHERE a = 1 OR 2 > 1",
      "SELECT * FROM t WHERE a = 1 OR (2*3)>5",
      "SELECT * FROM t WHERE a = 1 OR 'a' LIKE 'a'",
      "SELECT * FROM t WHERE a = 1 OR 5 BETWEEN 4 AND 6 LIMIT 1",
      "SELECT * FROM t WHERE a = 1 OR EXISTS (SELECT 'x')",
      "SELECT * FROM t WHERE a = 1 OR NULL IS NULL",
    ]
  ) assert.deepEqual(kinds(t), ["or_constant"], t);
});

Deno.test("struct: columns, parameters and plainly false constants are not hits", () => {
  for (
    const t of [
      "SELECT * FROM t WHERE a = 1 OR b = 2",
      "SELECT * FROM t WHERE a = 1 OR 1 = 0",
      "SELECT * FROM t WHERE a = 1 OR (0 <> 0)",
      "SELECT * FROM t WHERE a = 1 OR FALSE",
      "SELECT * FROM t WHERE a = 1 OR :flag = 1",
      "SELECT * FROM t WHERE a = 1 OR %(flag)s = 1",
      "SELECT * FROM t WHERE a = 1 OR @p0 = 1",
      "SELECT * FROM t WHERE a = 1 OR length(name) > 3",
      "SELECT * FROM t WHERE a = 1 OR t.b = 'x'",
      'SELECT * FROM t WHERE a = 1 OR "b" = 2',
      "SELECT * FROM t WHERE x = 1",
      "UPDATE t SET a = 1, b = 2 WHERE id = 3",
    ]
  ) assert.deepEqual(kinds(t), [], t);
});

Deno.test("struct: a DELETE/UPDATE whose whole WHERE is a true constant", () => {
  assert.deepEqual(kinds("DELETE FROM t WHERE 'x' LIKE '%'"), [
    "dml_constant_where",
  ]);
  assert.deepEqual(kinds("UPDATE t SET a = 1 WHERE 2 > 1 RETURNING *"), [
    "dml_constant_where",
  ]);
  // A SELECT may say WHERE 1=0 (column metadata) and a DML WHERE 1=0 changes nothing.
  assert.deepEqual(kinds("SELECT * FROM t WHERE 1 = 0"), []);
  assert.deepEqual(kinds("DELETE FROM t WHERE 1 = 0"), []);
  // A constant followed by a real condition is a builder's `WHERE 1=1 AND`.
  assert.deepEqual(kinds("DELETE FROM t WHERE 1 = 1 AND id = 3"), []);
});

Deno.test("struct: comparisons chained onto a constant", () => {
  assert.deepEqual(kinds("SELECT * FROM t WHERE a = '' = ''"), [
    "chained_comparison",
  ]);
  assert.deepEqual(kinds("SELECT * FROM t WHERE j->>'a' = 'b'"), []);
  assert.deepEqual(kinds("SELECT * FROM t WHERE a <=> NULL"), []);
});

Deno.test("struct: offsets point at the condition; long input is linear", () => {
  const sql = "SELECT * FROM t WHERE a = 1 OR 7-6=1";
  const [h] = structuralHits(maskSql(sql).text);
  assert.equal(sql.slice(h.start, h.end), "OR 7-6=1");
  const t0 = performance.now();
  const long = "SELECT 1 WHERE " + "1 or ".repeat(2e5);
  assert.ok(structuralHits(maskSql(long).text).length <= 16);
  assert.ok(performance.now() - t0 < 2000);
});

Deno.test("struct: SOUNDS LIKE, SIMILAR TO, casts and server variables in constants", () => {
  for (
    const t of [
      "SELECT * FROM t WHERE a = 5 OR 'a' SOUNDS LIKE 'a'",
      "SELECT * FROM t WHERE a = 5 OR 'abc' SIMILAR TO 'a%'",
      "SELECT * FROM t WHERE a = 5 OR 1::bool",
      "SELECT * FROM t WHERE a = 5 OR 1::int = 1",
      "SELECT * FROM t WHERE a = 5 OR @@version IS NOT NULL",
      "SELECT * FROM t WHERE a = 5 OR @@hostname LIKE '%'",
    ]
  ) assert.deepEqual(kinds(t), ["or_constant"], t);
  for (
    const t of [
      "SELECT * FROM t WHERE name SIMILAR TO 'a%' OR name SOUNDS LIKE 'smith'",
      "SELECT * FROM t WHERE x = 5 OR y::int = 1",
      "SELECT * FROM t WHERE x = 5 OR @@FETCH_STATUS = 0",
      "SELECT * FROM t WHERE x = 5 OR @n > 3",
    ]
  ) assert.deepEqual(kinds(t), [], t);
});

Deno.test("struct: WHERE <true constant> OR, and COLLATE inside a constant", () => {
  for (
    const t of [
      "SELECT * FROM orders WHERE 1 = 1 OR id = 5",
      "SELECT * FROM orders WHERE id = 5 OR 'a' COLLATE \"C\" = 'a'",
      "SELECT * FROM orders WHERE id = 5 OR 'a' COLLATE utf8mb4_bin = 'a'",
    ]
  ) assert.deepEqual(kinds(t), ["or_constant"], t);
  for (
    const t of [
      "SELECT * FROM orders WHERE 1=0 OR id = 5 OR id = 6",
      "SELECT * FROM orders WHERE 1 = 1 AND id = 5",
      "SELECT * FROM orders WHERE name = 'a' COLLATE \"C\" OR name = 'b'",
    ]
  ) assert.deepEqual(kinds(t), [], t);
});

Deno.test("struct: OR and WHERE inside a short literal are data", () => {
  for (
    const t of [
      "SELECT '1=1' AS label, 'OR' AS op",
      "SELECT 'or' AS a, 'x' AS b",
      "SELECT * FROM t WHERE a = 'it''s or' AND b = 1",
      "INSERT INTO ops (name, sym) VALUES ('OR', '||'), ('WHERE', 'w')",
    ]
  ) assert.deepEqual(kinds(t), [], t);
  assert.deepEqual(kinds("SELECT 'OR' AS op FROM t WHERE a = 1 OR 2 > 1"), [
    "or_constant",
  ]);
});
