import assert from "node:assert/strict";
import { findSqlInjection } from "./sqli.ts";

const ids = (q: string): string[] =>
  findSqlInjection(q, { isStatement: true }).map((f) => f.policyId);
const ALL_ROWS = "sys_sqli_always_true_where";

Deno.test("all rows: filters that look narrow and hold for every row", () => {
  for (
    const q of [
      "UPDATE accounts SET balance = 0 WHERE account_id IS NOT NULL",
      "DELETE FROM invoices WHERE invoice_id IS NOT NULL",
      'DELETE FROM "orders" WHERE "orders"."id" IS NOT NULL',
      "UPDATE categories SET x = 1 WHERE category_id IS NOT NULL",
      "DELETE FROM audit_log WHERE created_at < now() + interval '100 years'",
      "DELETE FROM logs WHERE ts < DATEADD(year, 200, GETDATE())",
      "DELETE FROM subscriptions WHERE user_id IN (SELECT id FROM users)",
      "UPDATE line_items SET price = 0 WHERE order_id IN (SELECT o.id FROM orders o)",
      "DELETE FROM comments WHERE post_id IN (SELECT DISTINCT post_id FROM posts)",
      'DELETE FROM "comments" WHERE "comments"."post_id" IN (SELECT "posts"."id" FROM "posts")',
      "DELETE FROM accounts WHERE LENGTH(email) >= 0",
      "DELETE FROM customers WHERE char_length(name) > -1",
      "DELETE FROM messages WHERE coalesce(deleted, false) = coalesce(deleted, false)",
      "UPDATE users SET role = 'admin' WHERE upper(email) = upper(email)",
      "DELETE FROM sessions WHERE user_id NOT IN (-1)",
      "DELETE FROM wallets WHERE wallet_id <> -1",
      "UPDATE staff SET salary = 1 WHERE id NOT IN (0)",
    ]
  ) assert.ok(ids(q).includes(ALL_ROWS), `${q}: ${ids(q)}`);
  // In a query, as an OR branch: a tautology on a column.
  assert.ok(
    ids("SELECT * FROM users WHERE name = 'x' OR length(password) >= 0")
      .length > 0,
  );
});

Deno.test("all rows: the filters they resemble pass", () => {
  for (
    const q of [
      "DELETE FROM notifications WHERE read_at IS NOT NULL",
      "UPDATE orders SET archived = true WHERE shipped_at IS NOT NULL",
      "DELETE FROM sessions WHERE user_id IS NOT NULL AND expires_at < now()",
      "DELETE FROM audit_log WHERE created_at < now() - interval '7 years'",
      "UPDATE trials SET sent = true WHERE ends_at < now() + interval '3 days'",
      "DELETE FROM reservations WHERE starts_at > now() + interval '10 years'",
      "UPDATE users SET dob = NULL WHERE dob < '1900-01-01'",
      "DELETE FROM order_items WHERE order_id IN (SELECT id FROM orders WHERE status = 'cancelled')",
      "DELETE FROM users WHERE id IN (SELECT user_id FROM deletion_requests)",
      "DELETE FROM users WHERE id IN (SELECT id FROM banned_users)",
      "UPDATE orders SET hold = true WHERE customer_id IN (SELECT id FROM flagged_accounts)",
      "UPDATE accounts SET flagged = true WHERE account_id IN (SELECT account_id FROM fraud_reports)",
      "DELETE FROM order_items WHERE order_id NOT IN (SELECT id FROM orders)",
      "DELETE FROM tmp WHERE id IN (SELECT id FROM tmp_keep LIMIT 10)",
      "UPDATE products SET name = trim(name) WHERE length(name) > 0",
      "UPDATE products SET name = trim(name) WHERE name <> trim(name)",
      "UPDATE users SET email = lower(email) WHERE email <> lower(email)",
      "DELETE FROM products WHERE category_id <> 0",
      "SELECT * FROM contracts WHERE valid_to < '9999-12-31'",
      "SELECT * FROM users WHERE user_id IN (SELECT id FROM users)",
    ]
  ) assert.deepEqual(ids(q), [], q);
});

Deno.test("scratch tables: dropping or emptying a load step's own table passes", () => {
  for (
    const q of [
      "DROP TABLE IF EXISTS tmp_report_20261207",
      "DROP TABLE staging.import_orders",
      "DROP TABLE #t",
      "DROP TABLE IF EXISTS tmp_a, staging_b",
      "DELETE FROM t_staging_import",
      "DELETE FROM staging_orders",
    ]
  ) assert.deepEqual(ids(q), [], q);
  for (
    const q of [
      "DROP TABLE orders",
      "DROP TABLE IF EXISTS tmp_a, customers",
      "DELETE FROM customers",
      "DELETE FROM staging_orders; DELETE FROM orders",
    ]
  ) assert.ok(ids(q).length > 0, q);
});

Deno.test("all rows: the own key of a schema-qualified table", () => {
  for (
    const q of [
      "UPDATE public.accounts SET balance = 0 WHERE account_id IS NOT NULL",
      "DELETE FROM dbo.Invoices WHERE InvoiceId IS NOT NULL",
      "SELECT pg_cancel_backend(pid) FROM pg_stat_activity",
    ]
  ) assert.ok(ids(q).length > 0, q);
  assert.deepEqual(
    ids("UPDATE public.accounts SET x = 1 WHERE closed_at IS NOT NULL"),
    [],
  );
});

Deno.test("ALTER TABLE ... DROP: an index loses no data; a column does", () => {
  assert.deepEqual(
    ids("ALTER TABLE players DROP INDEX idx_players_legacy"),
    [],
  );
  assert.deepEqual(ids("ALTER TABLE players DROP KEY uniq_nick"), []);
  assert.ok(
    ids("ALTER TABLE players DROP COLUMN nick").includes("sys_sqli_alter_drop"),
  );
  assert.ok(
    ids("ALTER TABLE players DROP nick").includes("sys_sqli_alter_drop"),
  );
  assert.ok(
    ids("ALTER TABLE players DROP indexed_at").includes("sys_sqli_alter_drop"),
  );
});
