import assert from "node:assert/strict";
import { looksLikeProse, maskSql, startsLikeStatement } from "./sqli_lex.ts";

Deno.test("maskSql: same length, literal and comment words masked", () => {
  const t =
    "SELECT 'a b' , 'x', \"users\", 'O''Brien said hi' -- drop it\nFROM t /* note */";
  const m = maskSql(t);
  assert.equal(m.text.length, t.length);
  assert.equal(m.unterminated, false);
  assert.equal(m.startsLikeStatement, true);
  assert.ok(!m.text.includes("drop") && !m.text.includes("Brien"));
  assert.ok(m.text.includes("'x'") && m.text.includes("FROM t"));
  assert.ok(m.text.includes("--") && m.text.includes("/*"));
  // Short literals keep letters and digits, not symbols.
  assert.equal(maskSql("SELECT '#p1'").text, "SELECT '_p1'");
  // Literal offsets cover the contents.
  const lit = maskSql("SELECT 'ab', 'c'").literals;
  assert.deepEqual(lit, [8, 10, 14, 15]);
});

Deno.test("maskSql: open literals and block comments, dollar quotes, empty comments", () => {
  assert.equal(
    maskSql("SELECT * FROM t WHERE a = 'x' AND 'b'='b").unterminated,
    true,
  );
  assert.equal(maskSql("admin'/*").unterminated, true);
  assert.equal(maskSql("SELECT 1 /* ok */").unterminated, false);
  const body = "CREATE FUNCTION f() AS $fn$ DELETE FROM t; $fn$";
  assert.ok(!maskSql(body).text.includes("DELETE"));
  // Comments without words stay visible (`-- -` ends many payloads).
  assert.equal(maskSql("SELECT 1 -- -").text, "SELECT 1 -- -");
  // Postgres #> is an operator, not a comment.
  assert.equal(maskSql("SELECT j #> '{a}'").text, "SELECT j #> '_a_'");
});

Deno.test("startsLikeStatement and looksLikeProse", () => {
  assert.ok(startsLikeStatement("  (SELECT 1)"));
  assert.ok(
    startsLikeStatement("-- note\nWITH r AS (SELECT 1) SELECT * FROM r"),
  );
  assert.ok(!startsLikeStatement("' or 1=1--"));
  assert.ok(!startsLikeStatement("1 union select 1"));
  assert.ok(
    looksLikeProse(
      "The classic payload ' OR '1'='1 is shown in every security training.",
    ),
  );
  assert.ok(
    !looksLikeProse("' grant connect to name; grant resource to name; --"),
  );
  assert.ok(!looksLikeProse("' UNION SELECT username, password FROM users--"));
});

Deno.test("maskSql: 1 MB hostile inputs finish", () => {
  for (
    const t of [
      "'".repeat(1e6),
      "''".repeat(5e5),
      "--".repeat(5e5),
      "$a$".repeat(3e5),
      "/*".repeat(5e5),
      "#".repeat(1e6),
      "SELECT '\\".repeat(2e5),
    ]
  ) {
    const m = maskSql(t);
    assert.equal(m.text.length, t.length);
  }
});

Deno.test("startsLikeStatement: a sentence that opens with a SQL verb is not a statement", () => {
  for (
    const t of [
      "Explain what UNION SELECT NULL, NULL, NULL probes for",
      "Show me the overdue bookings",
      "Check the WAF log for UNION SELECT",
      "Do you know why ' OR 1=1 -- works?",
    ]
  ) assert.ok(!startsLikeStatement(t), t);
  for (
    const t of [
      "EXPLAIN SELECT * FROM t",
      "EXPLAIN ANALYZE SELECT 1",
      "SHOW TABLES",
      "SET search_path TO app",
      "SELECT what FROM t",
      "USE the_hotel",
    ]
  ) assert.ok(startsLikeStatement(t), t);
});
