import assert from "node:assert/strict";
import { maskSql } from "./sqli_lex.ts";
import { probeHits } from "./sqli_probe.ts";

const kinds = (sql: string): string[] =>
  probeHits(maskSql(sql).text).map((h) => h.kind);

Deno.test("probe: constants after AND that builders do not write", () => {
  for (
    const t of [
      "SELECT * FROM p WHERE id = 12 AND 1=2",
      "SELECT * FROM p WHERE id = 12 AND 3 > 4",
      "SELECT * FROM p WHERE slug = 'x' AND 'a'='b'",
      "SELECT * FROM p WHERE id = 5 AND NOT 1=1",
      "SELECT * FROM p WHERE id = 5 AND length(database())=8",
      "SELECT * FROM p WHERE id = 5 AND ascii(substring(current_user,1,1))>64",
      "SELECT * FROM p WHERE id = 5 AND 1=IF(2>1,1,0)",
      "SELECT * FROM p WHERE id = 5 AND false --",
      "SELECT * FROM p WHERE id = 5 AND 1 BETWEEN 0 AND 2",
      "SELECT * FROM p WHERE id = 5 AND 1=(CASE WHEN 2>1 THEN 1 ELSE 0 END)",
      "SELECT a, b FROM p WHERE sku = 'A' AND 1=0 UNION SELECT a, b FROM c",
      "SELECT a, b FROM p WHERE 1=0 UNION SELECT a, b FROM c",
    ]
  ) assert.deepEqual(kinds(t), ["and_constant"], t);
  assert.deepEqual(
    kinds(
      "SELECT * FROM t WHERE id = 88 AND 1=(CASE WHEN (SELECT count(*) FROM users) > 0 THEN 1 ELSE 0 END)",
    ),
    ["uncorrelated_subquery"],
  );
});

Deno.test("probe: builder constants, columns, parameters and BETWEEN ranges pass", () => {
  for (
    const t of [
      "SELECT * FROM t WHERE 1=1 AND status = 'paid'",
      "SELECT * FROM t WHERE a = 1 AND 1 = 1",
      'SELECT * FROM "t" WHERE ("t"."a" = $1 AND 1=1) LIMIT $2',
      "select * from tasks where project_id = ? and 1 = 0",
      "SELECT id FROM users WHERE 1 != 1",
      "SELECT * FROM t WHERE a = 1 AND (1 <> 1)",
      "SELECT * FROM t WHERE a = 1 AND true",
      "SELECT * FROM t WHERE a = %s AND 1",
      "SELECT * FROM t WHERE price BETWEEN 10 AND 20 AND category_id IN (3, 4)",
      "SELECT sum(x) OVER (ORDER BY d ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM t",
      "SELECT * FROM t WHERE a = 1 AND :flag = 1",
      "SELECT * FROM t WHERE a = 1 AND $1::int IS NULL",
      "SELECT * FROM t WHERE a = 1 AND b > now() - interval '1 day'",
      "SELECT * FROM t WHERE a = 1 AND NOT discontinued",
      "SELECT * FROM events WHERE kind = 'click' AND random() < 0.01",
      "SELECT * FROM t WHERE a = 1 AND 'admin' = ANY(roles)",
      "SELECT * FROM t WHERE a = 1 AND current_date BETWEEN starts AND ends",
      "SELECT * FROM t WHERE 1=0",
      "SELECT a FROM t WHERE 1=0 OR a = 2 UNION SELECT a FROM u",
      "SELECT CASE WHEN a > 1 THEN 'x' ELSE 'y' END FROM t WHERE b = 1 AND c = 2",
    ]
  ) assert.deepEqual(kinds(t), [], t);
});

Deno.test("probe: uncorrelated subqueries as conditions; correlated ones pass", () => {
  for (
    const t of [
      "SELECT * FROM u WHERE id = 3 OR EXISTS(SELECT * FROM users)",
      "SELECT * FROM u WHERE id = 3 AND (SELECT COUNT(*) FROM users WHERE name = 'admin') = 1",
      "SELECT * FROM u WHERE id = 1 AND (SELECT 1) = 1",
      "SELECT * FROM r WHERE id = 7 AND (SELECT label FROM things LIMIT 1)::regclass IS NOT NULL",
    ]
  ) assert.deepEqual(kinds(t), ["uncorrelated_subquery"], t);
  // A secret table aggregated unfiltered is also a read nested as a value.
  assert.deepEqual(
    kinds(
      "SELECT * FROM u WHERE id = 1 AND json_extract((SELECT group_concat(secret) FROM api_keys), '$') IS NOT NULL",
    ),
    ["uncorrelated_subquery", "piggyback_read"],
  );
  for (
    const t of [
      "SELECT id FROM users u WHERE active AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.user_id = u.id)",
      'SELECT * FROM "users" WHERE a = 1 AND EXISTS (SELECT 1 FROM "orders" WHERE "orders"."user_id" = "users"."id")',
      "SELECT * FROM u WHERE a = 1 AND u.id IN (SELECT user_id FROM admins)",
      "SELECT * FROM u WHERE a = 1 AND (SELECT count(*) FROM orders o WHERE o.user_id = u.id) > 5",
      "SELECT * FROM u WHERE a = 1 AND amount > (SELECT avg(amount) FROM orders)",
    ]
  ) assert.deepEqual(kinds(t), [], t);
});

Deno.test("probe: DELETE/UPDATE with a branch every row satisfies", () => {
  for (
    const t of [
      "DELETE FROM users WHERE id = 5 OR id IS NOT NULL",
      "DELETE FROM orders WHERE id IS NOT NULL OR customer_id = 3",
      "DELETE FROM users WHERE name = 'bob' OR name IS NOT NULL",
      "UPDATE orders SET status = 'x' WHERE id = 10 OR status IS NOT NULL",
      "DELETE FROM invoices WHERE id IN (SELECT id FROM invoices)",
      "DELETE FROM carts WHERE id <> -1",
      "DELETE FROM carts WHERE id != 0",
      "UPDATE carts SET total = 0 WHERE id <> 0",
      "DELETE FROM carts WHERE created_at > '1970-01-01'",
      "UPDATE carts SET total = 0 WHERE updated_at >= '1900-01-01'",
    ]
  ) assert.deepEqual(kinds(t), ["dml_all_rows"], t);
  for (
    const t of [
      "DELETE FROM tokens WHERE revoked_at IS NOT NULL OR expires_at < now()",
      "DELETE FROM users WHERE deleted_at IS NOT NULL AND deleted_at < now() - interval '90 days'",
      "UPDATE users SET f = true WHERE (email IS NOT NULL OR phone IS NOT NULL) AND verified = false",
      "UPDATE orders SET status = 'shipped' WHERE id = 42 OR parent_id = 42",
      "DELETE FROM t WHERE id IN (SELECT id FROM t2 WHERE x IS NOT NULL OR id IS NOT NULL)",
      "DELETE FROM invoices WHERE id IN (SELECT id FROM invoices WHERE paid)",
      "SELECT * FROM t WHERE id = 5 OR t.parent_id IS NOT NULL",
      "DELETE FROM carts WHERE created_at > '2026-01-01'",
      "DELETE FROM carts WHERE quantity <> 0",
      "DELETE FROM carts WHERE user_id <> 5",
      "UPDATE products SET price = price * 1.1 WHERE category_id <> 0",
      "UPDATE carts SET total = 0 WHERE status <> 'paid'",
      "SELECT * FROM carts WHERE id <> 0",
      "DELETE FROM events WHERE occurred_at < '1980-01-01'",
      "DELETE FROM people WHERE created_at > '1970-01-01' AND tenant_id = 4",
    ]
  ) assert.deepEqual(kinds(t), [], t);
});

Deno.test("probe: a column compared to a value OR'ed with its complement", () => {
  for (
    const t of [
      "SELECT * FROM users WHERE id = 5 OR id IS NOT NULL",
      "SELECT * FROM users WHERE username = 'x' OR username IS NOT NULL",
      "SELECT * FROM users WHERE name = 'a' OR NOT name = 'a'",
      "SELECT * FROM users WHERE name = 'a' OR name <> 'a'",
      "SELECT * FROM orders WHERE total > 0 OR total <= 0",
      "SELECT * FROM orders WHERE total < 10 OR total >= 10",
      "SELECT * FROM devices WHERE payload->>'model' = 'T100' OR payload->>'model' <> 'T100'",
      "SELECT * FROM users WHERE (u.name = 'a') OR u.name != 'a'",
      // A range that holds the value looked up makes the lookup redundant: an appended widening.
      "SELECT * FROM t WHERE id = 1 OR id >= 0",
    ]
  ) assert.deepEqual(kinds(t), ["column_tautology"], t);
  for (
    const t of [
      "SELECT o.id FROM orders o LEFT JOIN refunds r ON r.order_id = o.id WHERE o.id = 5 OR r.id IS NOT NULL",
      "SELECT * FROM t WHERE status <> 'deleted' OR status IS NULL",
      "SELECT * FROM users WHERE name = 'a' OR name IS NULL",
      "SELECT * FROM t WHERE a = 'x' OR a <> 'y'",
      "SELECT * FROM t WHERE a = 1 OR b IS NOT NULL",
      "SELECT * FROM t WHERE id = 1 OR id >= 5",
      "SELECT * FROM orders WHERE total > 100 OR total <= 10",
      "SELECT * FROM t WHERE a < 5 OR b >= 5",
      "SELECT * FROM devices WHERE payload->>'model' = 'T100' OR payload->>'model' = 'T200'",
      "SELECT * FROM devices WHERE payload->>'model' = 'T100' OR payload->>'make' <> 'T100'",
    ]
  ) assert.deepEqual(kinds(t), [], t);
  assert.deepEqual(
    kinds("DELETE FROM comments WHERE post_id = 7 OR post_id >= 0"),
    ["dml_all_rows"],
  );
  for (
    const t of [
      "DELETE FROM audit_trail WHERE event_id > 0",
      "DELETE FROM logs WHERE id >= 1",
      "UPDATE t SET a = 1 WHERE userId > -1",
    ]
  ) assert.deepEqual(kinds(t), ["dml_all_rows"], t);
  for (
    const t of [
      "DELETE FROM logs WHERE id > 1000",
      "DELETE FROM logs WHERE id >= 500 AND id < 1000",
      "UPDATE t SET a = 1 WHERE score > 0",
    ]
  ) assert.deepEqual(kinds(t), [], t);
});

Deno.test("probe: 100 KB hostile inputs finish fast", () => {
  for (
    const t of [
      "SELECT 1 WHERE x = 1 " + "and (select ".repeat(8e3),
      "SELECT 1 WHERE x = 1 " + "and (select 1 from t ".repeat(4e3) +
      ")".repeat(4e3),
      "SELECT 1 WHERE x = 1 " + "and 1=2 ".repeat(1.2e4),
      "SELECT 1 WHERE x = 1 " + "and a between 1 ".repeat(7e3),
      "DELETE FROM t " + "where id = 1 or ".repeat(6e3),
      "DELETE FROM t WHERE " + "id is not null or ".repeat(5e3),
      "SELECT 1 WHERE " + "(".repeat(1e5),
      "SELECT 1 WHERE a = 1 AND " + "((".repeat(4e4),
      "SELECT 1 WHERE " + "a = 'x' OR a <> 'x' OR ".repeat(5e3),
      "DELETE FROM t WHERE " + "not not not ".repeat(8e3),
      "SELECT 1 WHERE " + "a.b.c.d.e.".repeat(1e4),
    ]
  ) {
    const t0 = performance.now();
    const hits = probeHits(maskSql(t).text);
    assert.ok(hits.length <= 16);
    assert.ok(performance.now() - t0 < 2000, `${t.slice(0, 40)} slow`);
  }
});

Deno.test("probe: an explicit list UNIONed onto a SELECT *", () => {
  for (
    const t of [
      "SELECT * FROM items WHERE id = 5 UNION SELECT user_name, pass_hash FROM vault",
      "SELECT * FROM items WHERE id = 5 UNION ALL SELECT note FROM memos",
      "select * from t where a = 'x' union (select b, c from u)",
    ]
  ) assert.deepEqual(kinds(t), ["star_union"], t);
  for (
    const t of [
      "SELECT * FROM a UNION SELECT * FROM b",
      "SELECT * FROM a UNION ALL SELECT a.* FROM a JOIN b ON a.id = b.id",
      "SELECT id, name FROM customers UNION SELECT id, name FROM suppliers",
      "SELECT * FROM (SELECT id, name FROM a) s UNION SELECT id, name FROM b",
      "SELECT * FROM t WHERE id IN (SELECT id FROM a UNION SELECT id FROM b)",
      "SELECT count(*) FROM t UNION ALL SELECT count(*) FROM u",
    ]
  ) assert.deepEqual(kinds(t), [], t);
});

Deno.test("probe: self-joins through an alias and clock conditions are not probes", () => {
  for (
    const t of [
      "SELECT * FROM staff WHERE role = 'owner' AND (SELECT count(*) FROM staff s2 WHERE s2.role = 'owner' AND s2.id <> staff.id) = 0",
      "SELECT * FROM t WHERE a = 1 AND EXISTS (SELECT 1 FROM public.t AS x WHERE x.p = t.id)",
      "SELECT * FROM b WHERE checkin::date = current_date AND current_time > '14:00'",
      "SELECT * FROM promos WHERE code = 'X' AND now() < '2025-01-01'",
    ]
  ) assert.deepEqual(kinds(t), [], t);
  // Unaliased, the inner table's own name is its own.
  assert.deepEqual(
    kinds(
      "SELECT * FROM t WHERE a = 1 AND EXISTS (SELECT 1 FROM staff WHERE staff.role = 'owner')",
    ),
    ["uncorrelated_subquery"],
  );
});

Deno.test("probe: an unfiltered account-table read UNIONed onto a filtered query", () => {
  for (
    const t of [
      "SELECT name, price FROM products WHERE id = 3 UNION SELECT email, hash FROM admins",
      "SELECT title FROM news WHERE slug = 'x' UNION ALL SELECT login FROM members",
    ]
  ) assert.deepEqual(kinds(t), ["account_union"], t);
  for (
    const t of [
      "SELECT name FROM guests WHERE country = 'FR' UNION SELECT name FROM staff WHERE country = 'FR'",
      "SELECT email FROM subscribers UNION SELECT email FROM users",
      "SELECT email FROM users WHERE id = 3 UNION SELECT email FROM users",
      "SELECT name FROM products WHERE id = 3 UNION SELECT name FROM products_archive",
    ]
  ) assert.deepEqual(kinds(t), [], t);
});

Deno.test("probe: column numbers UNIONed onto a filtered read count its columns", () => {
  for (
    const t of [
      "SELECT title FROM news WHERE id = 10 UNION SELECT 1, 2",
      "SELECT title FROM news WHERE id = 10 UNION SELECT 1",
      "SELECT title FROM news WHERE id = 10 UNION ALL SELECT NULL, 2 --",
      "SELECT a FROM t WHERE b = 'x' UNION (SELECT 1, 2, 3)",
      "SELECT a FROM t WHERE b = 'x' UNION SELECT 1, 2 FROM dual",
      "SELECT (SELECT version()) AS v, name FROM products WHERE id = 3 UNION SELECT 1, 2",
    ]
  ) assert.ok(kinds(t).includes("count_union"), t);
  for (
    const t of [
      "SELECT id, name FROM depots WHERE region = 'north' UNION SELECT 0, '(all)'",
      "SELECT 1 AS n UNION ALL SELECT 2",
      "SELECT n FROM t UNION ALL SELECT 1",
      "SELECT count(*) FROM a WHERE x = 1 UNION ALL SELECT 0",
      "SELECT x FROM t WHERE y = 1 UNION SELECT 2",
      "SELECT a, b FROM t WHERE y = 1 UNION SELECT 1, b FROM u",
      "SELECT id FROM a WHERE x = 1 UNION SELECT id FROM b WHERE x = 1",
    ]
  ) assert.ok(!kinds(t).includes("count_union"), t);
});

Deno.test("probe: an unfiltered read of a secret table UNIONed onto a filtered query", () => {
  for (
    const t of [
      "SELECT name FROM students WHERE id = 8 UNION SELECT value FROM tokens",
      "SELECT title FROM posts WHERE id = 2 UNION SELECT secret FROM oauth_clients",
      "SELECT title FROM posts WHERE id = 2 UNION SELECT k FROM api_keys",
      "SELECT title FROM posts WHERE id = 2 UNION SELECT login FROM moderators",
    ]
  ) assert.deepEqual(kinds(t), ["account_union"], t);
  for (
    const t of [
      "SELECT title FROM posts WHERE id = 2 UNION SELECT title FROM drafts",
      "SELECT name FROM projects WHERE id = 3 UNION SELECT name FROM sort_keys",
      "SELECT token FROM tokens WHERE id = 3 UNION SELECT token FROM tokens_old WHERE id = 3",
    ]
  ) assert.deepEqual(kinds(t), [], t);
});

Deno.test("probe: a catalogue read, or columns the first query does not select, UNIONed onto a filtered query", () => {
  for (
    const t of [
      "SELECT id, amount FROM loans WHERE id = 3 UNION SELECT id, iban FROM borrowers",
      "SELECT id, amount FROM loans WHERE id = 3 UNION SELECT 1, json_agg(t) FROM tellers t",
      "SELECT id, amount FROM loans WHERE id = 3 UNION SELECT 1, tablename FROM pg_tables",
      "SELECT a FROM t WHERE id = 3 UNION SELECT relname FROM pg_catalog.pg_class WHERE relkind = 'r'",
      "SELECT a FROM t WHERE id = 3 UNION SELECT table_name FROM all_tables",
    ]
  ) assert.deepEqual(kinds(t), ["account_union"], t);
  for (
    const t of [
      "SELECT id, name FROM depots WHERE region = 'north' UNION ALL SELECT id, name FROM partner_depots",
      "SELECT d.id, d.name FROM depots d WHERE d.region = 'north' UNION ALL SELECT p.id, p.name FROM partner_depots p",
      "SELECT id, name AS label FROM depots WHERE region = 'north' UNION SELECT id, label FROM extra_labels",
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' UNION SELECT viewname FROM pg_views",
      "SELECT 'Customer' AS type, contact_name, city FROM customers WHERE country = 'FR' UNION SELECT 'Supplier', contact_name, city FROM suppliers",
      "SELECT id, note FROM a WHERE id = 3 UNION SELECT id, body FROM b WHERE id = 3",
      "SELECT name FROM user_profiles WHERE id = 3 UNION SELECT nick FROM user_aliases WHERE id = 3",
    ]
  ) assert.deepEqual(kinds(t), [], t);
});

Deno.test("probe: a CASE WHEN or IF() branch condition that reads nothing", () => {
  for (
    const t of [
      "SELECT * FROM loans WHERE id = 3 ORDER BY IF(1=1, amount, id)",
      "SELECT * FROM loans ORDER BY IIF(1=1, amount, id)",
      "SELECT * FROM loans ORDER BY CASE WHEN 2>1 THEN amount ELSE id END",
      "SELECT amount, CASE WHEN 'a'='a' THEN 1 ELSE 0 END FROM loans",
      "SELECT * FROM t ORDER BY IF(ascii(substr(database(),1,1))>100, a, b)",
    ]
  ) assert.deepEqual(kinds(t), ["branch_constant"], t);
  for (
    const t of [
      "IF (OBJECT_ID('dbo.t') IS NOT NULL) SELECT 1",
      "IF (1=1) BEGIN SELECT 1 END",
      "SELECT CASE WHEN current_user = 'auditor' THEN ssn ELSE '***' END FROM borrowers",
      "SELECT CASE WHEN now() > '2026-01-01' THEN 'new' ELSE 'old' END",
      "SELECT IF(rating >= 2000, 'pro', 'rookie') FROM players",
      "SELECT CASE WHEN amount > 100 THEN 'big' END FROM loans",
      "SELECT CASE WHEN EXISTS (SELECT 1 FROM t) THEN 1 END",
      "SELECT CASE WHEN random() < 0.5 THEN 'a' ELSE 'b' END",
      "SELECT CASE WHEN $1 THEN 'a' END",
      "SELECT CASE WHEN @flag = 1 THEN 'a' END",
      "SELECT * FROM t ORDER BY CASE status WHEN 1 THEN 0 ELSE 1 END",
      "SELECT CASE 1 WHEN 1 THEN 'one' END",
      "SELECT CASE WHEN current_setting('server_version_num')::int >= 160000 THEN 'ok' END",
    ]
  ) assert.deepEqual(kinds(t), [], t);
});
