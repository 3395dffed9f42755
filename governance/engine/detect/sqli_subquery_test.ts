import assert from "node:assert/strict";
import { maskSql } from "./sqli_lex.ts";
import { subqueryHits } from "./sqli_subquery.ts";
import { statementTokens } from "./sqli_struct.ts";

const kinds = (sql: string): string[] => {
  const masked = maskSql(sql).text;
  return subqueryHits(statementTokens(masked), masked).map((h) => h.kind);
};

Deno.test("subquery: an unfiltered account or catalogue read nested as a value", () => {
  for (
    const t of [
      "INSERT INTO reviews (product_id, body) VALUES (5, 'nice'), (6, (SELECT pass FROM admins LIMIT 1))",
      "INSERT INTO reviews (product_id, body) VALUES (5, 'a') ON DUPLICATE KEY UPDATE body = (SELECT pass FROM admins LIMIT 1)",
      "INSERT INTO reviews (product_id, body) VALUES (5, '' + (SELECT TOP 1 name FROM sys.tables) + '')",
      "UPDATE profiles SET bio = (SELECT pass FROM admins LIMIT 1) WHERE user_id = 5",
      "UPDATE profiles SET bio = (SELECT group_concat(table_name) FROM information_schema.tables) WHERE user_id = 5",
      "SELECT id, (SELECT email FROM users LIMIT 1) FROM orders",
      "SELECT * FROM orders ORDER BY (SELECT token FROM api_tokens LIMIT 1)",
      "INSERT INTO notes (body) VALUES (concat('x', (SELECT string_agg(id::text, ',') FROM accounts)))",
      "SELECT * FROM matches LIMIT (SELECT length(totp_secret) FROM players LIMIT 1)",
      "SELECT id, (SELECT api_key FROM integrations LIMIT 1) FROM orders",
      "SELECT device_id, (SELECT pass_digest FROM technicians WHERE login = 'root') FROM readings LIMIT 1",
      "SELECT device_id, (SELECT group_concat(psk) FROM devices) FROM readings LIMIT 1",
    ]
  ) assert.deepEqual(kinds(t), ["piggyback_read"], t);
  for (
    const t of [
      "INSERT INTO projects (name, owner_id) VALUES ('demo', (SELECT id FROM users ORDER BY id LIMIT 1))",
      "INSERT INTO orders (customer_id) VALUES ((SELECT id FROM customers WHERE email = 'x'))",
      "SELECT o.id, (SELECT count(*) FROM users) AS total FROM orders o",
      "SELECT o.id, (SELECT max(created_at) FROM users) FROM orders o",
      "DELETE FROM sessions WHERE user_id NOT IN (SELECT id FROM users)",
      "SELECT * FROM orders WHERE EXISTS (SELECT email FROM users)",
      "SELECT * FROM (SELECT email FROM users) u",
      "WITH u AS (SELECT email FROM users) SELECT * FROM u",
      "SELECT email FROM users WHERE id = (SELECT max(id) FROM users)",
      "UPDATE users SET rank = (SELECT count(*) FROM users u2 WHERE u2.score > users.score)",
      "SELECT name, (SELECT name FROM accounts a WHERE a.id = o.account_id) FROM orders o",
      "SELECT name, (SELECT a.name FROM accounts a JOIN plans p ON p.id = a.plan_id LIMIT 1) FROM orders o",
      "INSERT INTO archive_users SELECT * FROM users",
      "SELECT coalesce((SELECT setting FROM pg_settings WHERE name = 'work_mem'), 'n/a')",
      "SELECT relname, (SELECT count(*) FROM pg_stat_activity) FROM pg_class LIMIT 5",
      "SELECT * FROM orders WHERE customer_id IN (SELECT id FROM customers)",
      "SELECT * FROM t LIMIT (SELECT count(*) FROM users)",
      "SELECT id, (SELECT token_count FROM usage LIMIT 1) FROM orgs",
      "SELECT id, (SELECT max(token_count) FROM usage) FROM orgs",
      "SELECT id, (SELECT pass_digest FROM technicians WHERE login = $1) FROM x",
      "SELECT o.id, (SELECT pin FROM cards c WHERE c.id = o.card_id) FROM orders o",
    ]
  ) assert.deepEqual(kinds(t), [], t);
});

Deno.test("subquery: hostile input stays linear and bounded", () => {
  for (
    const t of [
      "SELECT 1 FROM t WHERE a = " + "(SELECT ".repeat(2e4),
      "SELECT " + "(SELECT email FROM users LIMIT 1), ".repeat(4e3) + "1",
      "SELECT (SELECT " + "count(".repeat(3e4),
    ]
  ) {
    const t0 = performance.now();
    const masked = maskSql(t).text;
    const hits = subqueryHits(statementTokens(masked), masked);
    assert.ok(hits.length <= 16);
    assert.ok(performance.now() - t0 < 2000, `${t.slice(0, 40)} slow`);
  }
});
