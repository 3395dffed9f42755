import assert from "node:assert/strict";
import { maskSql } from "./sqli_lex.ts";
import { operatorHits } from "./sqli_ops.ts";
import { statementTokens } from "./sqli_struct.ts";

const kinds = (sql: string): string[] => {
  const masked = maskSql(sql).text;
  return operatorHits(statementTokens(masked), masked).map((h) => h.kind);
};

Deno.test("ops: && and || as AND/OR before a constant condition", () => {
  for (
    const t of [
      "SELECT * FROM p WHERE id = 12 && 1=1",
      "SELECT * FROM p WHERE id = 12 && 'a'='a'",
      "SELECT * FROM p WHERE id = 12 && 2 > 1 -- ",
      "SELECT * FROM p WHERE id = 12 && true",
      "SELECT * FROM p WHERE id = 12 && 1",
      "SELECT * FROM p WHERE id = 12 && NOT 3 = 4",
      "SELECT * FROM p WHERE id = 10 || 1",
      "SELECT * FROM p WHERE id = 10 || true",
      "SELECT * FROM p WHERE code = 'x' || 1=1",
      "SELECT * FROM p WHERE code = 'x' || 'a' LIKE 'a'",
    ]
  ) assert.deepEqual(kinds(t), ["symbol_logic"], t);
  for (
    const t of [
      "SELECT * FROM t WHERE tags && ARRAY['a','b']",
      "SELECT * FROM t WHERE tags && '{a,b}'",
      "SELECT * FROM t WHERE during && tstzrange(now(), now() + interval '1 day')",
      "SELECT int4range(1,5) && int4range(3,7)",
      "SELECT * FROM t WHERE a && b",
      "SELECT 'ID-' || 1 AS code",
      "SELECT * FROM t WHERE code = 'A' || 1",
      "SELECT * FROM t WHERE code = 'A' || '-' || 1",
      "SELECT * FROM t WHERE code = 'A' || suffix",
      "SELECT * FROM t WHERE name = first || ' ' || last",
      "SELECT * FROM t WHERE path = '/a' || '/b'",
      "SELECT id || 1 FROM t",
    ]
  ) assert.deepEqual(kinds(t), [], t);
});

Deno.test("ops: arithmetic between two string literals beside a comparison", () => {
  for (
    const t of [
      "SELECT * FROM d WHERE login = 'x'-'' AND pw = 'y'",
      "SELECT * FROM d WHERE login = ''^'' AND pw = ''",
      "SELECT * FROM d WHERE login = 'a'*'b'",
      "SELECT * FROM d WHERE login = 'a'/'b'",
      "SELECT * FROM d WHERE login = 'a'|'b' AND x = 1",
      "SELECT * FROM d WHERE 'a'&'b' = login",
    ]
  ) assert.deepEqual(kinds(t), ["string_arithmetic"], t);
  for (
    const t of [
      "SELECT * FROM t WHERE d > '2026-12-01' - '1 day'::interval",
      "SELECT '2026-12-01'::date - '2026-11-01'::date",
      "SELECT * FROM t WHERE ts > now() - '1 hour'::interval",
      "SELECT * FROM t WHERE name % 'Jon'",
      "SELECT 'Jon' % 'John'",
      "SELECT 'a' - 'b'",
      "SELECT * FROM t WHERE flags & 4 = 4 OR flags | 2 = 2",
      "SELECT * FROM t WHERE data - 'key' = '{}'",
      "SELECT * FROM t WHERE bits = b'101' | b'010'",
      "SELECT FirstName + ' ' + LastName FROM People WHERE Title = 'Mr' + '.'",
    ]
  ) assert.deepEqual(kinds(t), [], t);
});

Deno.test("ops: a number divided by the constant zero", () => {
  for (
    const t of [
      "SELECT * FROM m ORDER BY (SELECT CASE WHEN current_user = 'postgres' THEN 1 ELSE 1/(SELECT 0) END)",
      "SELECT * FROM t ORDER BY CASE WHEN a = 1 THEN 1 ELSE 1/0 END",
      "SELECT * FROM t WHERE id = 5 AND 1 = 1/(0)",
    ]
  ) assert.deepEqual(kinds(t), ["zero_division"], t);
  for (
    const t of [
      "SELECT total / 0.5 FROM t",
      "SELECT 10 / 2 FROM t",
      "SELECT count(*) / 10 FROM t",
      "SELECT x / NULLIF(y, 0) FROM t",
      "SELECT 1 / 10 FROM t",
      "SELECT 1 / (SELECT 0.0 + count(*) FROM t)",
    ]
  ) assert.deepEqual(kinds(t), [], t);
});

Deno.test("ops: hostile input stays linear and bounded", () => {
  for (
    const t of [
      "SELECT 1 WHERE a = 1 " + "&& 1=1 ".repeat(2e4),
      "SELECT 1 WHERE a = 1 " + "&& (".repeat(3e4),
      "SELECT 1 WHERE a = " + "'x'-'' = ".repeat(2e4),
      "SELECT 1 WHERE a = 1 " + "|| 'x' ".repeat(3e4),
    ]
  ) {
    const t0 = performance.now();
    const masked = maskSql(t).text;
    const hits = operatorHits(statementTokens(masked), masked);
    assert.ok(hits.length <= 16);
    assert.ok(performance.now() - t0 < 2000, `${t.slice(0, 40)} slow`);
  }
});
