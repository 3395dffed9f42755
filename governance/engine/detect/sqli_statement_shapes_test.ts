/**
 * Statement shapes an independent set (wave 5) showed: a word spelled as a
 * 0x literal and compared to a column (quote-free strings), and two
 * routine statements that looked like attacks (a delay in a health-check
 * query's select list, a CSV import from a data folder under /var).
 */
import assert from "node:assert/strict";
import { findSqlInjection } from "./sqli.ts";

const db = (t: string): string[] =>
  findSqlInjection(t, { isStatement: true }).map((f) => f.type);

Deno.test("sqli: a 0x literal that spells a word, compared to a column, is a quote-free string", () => {
  for (
    const t of [
      "SELECT * FROM users WHERE username = 0x61646d696e AND 1=1",
      "SELECT id FROM accounts WHERE login LIKE 0x726f6f74",
      "UPDATE users SET role = 'admin' WHERE name = 0x616c696365",
    ]
  ) assert.ok(db(t).length > 0, t);
  for (
    const t of [
      "SELECT * FROM files WHERE sha = 0x9f86d081884c7d65 AND owner = 7",
      "SELECT * FROM blobs WHERE id = 0x00ff10ab",
      "INSERT INTO flags (mask) VALUES (0x0000ffff)",
    ]
  ) assert.deepEqual(db(t), [], t);
});

Deno.test("sqli: a delay in a select list and an import from a data folder are routine", () => {
  for (
    const t of [
      "SELECT pg_sleep(0.5), now()  -- healthcheck delay used by the drain script",
      "SELECT now(), pg_sleep(2)",
      "COPY public.daily_metrics FROM '/var/lib/etl/daily_2025_10_14.csv' WITH (FORMAT csv, HEADER true)",
      "COPY events FROM '/var/data/events.jsonl'",
    ]
  ) assert.deepEqual(db(t), [], t);
  for (
    const t of [
      "SELECT * FROM users WHERE id = 1 AND pg_sleep(5) IS NULL",
      "SELECT CASE WHEN (1=1) THEN pg_sleep(5) ELSE pg_sleep(0) END",
      "COPY t FROM '/var/log/auth.log'",
      "COPY t FROM '/etc/passwd'",
      "COPY t FROM '/var/lib/postgresql/.pgpass'",
    ]
  ) assert.ok(db(t).length > 0, t);
});

Deno.test("sqli: the new statement patterns run in linear time on hostile input", () => {
  const long = "SELECT a = 0x" + "41".repeat(200_000) + " AND " +
    "SELECT " + "f(), ".repeat(50_000) + "pg_sleep(1)";
  const t0 = performance.now();
  db(long);
  assert.ok(performance.now() - t0 < 2000);
});
