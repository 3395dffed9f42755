import assert from "node:assert/strict";
import { findSqlInjection } from "./sqli.ts";
import {
  fromBase64,
  fromHex,
  fromUnicodeEscapes,
  isSqlPayload,
} from "./sqli_decode.ts";

const db = (t: string): string[] =>
  findSqlInjection(t, { isStatement: true }).map((f) => f.type);

function fires(cases: [string, string][]): void {
  for (const [t, type] of cases) {
    assert.ok(db(t).includes(type), `${t} → ${db(t).join(",")}`);
  }
}

function clean(cases: string[]): void {
  for (const t of cases) assert.deepEqual(db(t), [], t);
}

Deno.test("comment truncation: a comment that opens with a quote and leaves one open", () => {
  fires([
    [
      "SELECT * FROM c WHERE code = 'C7' LIMIT 1 --' ORDER BY name",
      "sqli_comment_truncation",
    ],
    [
      "INSERT INTO users (name, role) VALUES ('eve', 'admin')--', 'user')",
      "sqli_comment_truncation",
    ],
    [
      "SELECT * FROM o WHERE ref = 'x'; INSERT INTO admins (login) VALUES ('evil'); --'",
      "sqli_comment_truncation",
    ],
    [
      'SELECT * FROM u WHERE n = "a"-- " AND p = "x"',
      "sqli_comment_truncation",
    ],
  ]);
  clean([
    "SELECT * FROM inventory WHERE qty < 5 -- low stock, don't reorder",
    "SELECT * FROM t WHERE a = 1 -- 'legacy' is the old name",
    "SELECT id FROM users WHERE active = true -- and deleted_at is null (handled by the view)",
    "SELECT 1 -- it's fine",
  ]);
});

Deno.test("dollar quoting: a literal is a literal, a DO body is code", () => {
  fires([
    [
      "SELECT * FROM d WHERE name = '' OR $$x$$ = $$x$$",
      "sqli_tautology_string",
    ],
    [
      "SELECT * FROM d WHERE id = 1 OR $q$1$q$=$q$1$q$",
      "sqli_constant_condition",
    ],
    [
      "SELECT 1; DO $$ BEGIN EXECUTE 'DROP TABLE users'; END $$;",
      "sqli_drop_table",
    ],
    [
      "DO LANGUAGE plpgsql $$ BEGIN PERFORM pg_sleep(5); END $$",
      "sqli_time_sleep",
    ],
  ]);
  clean([
    "CREATE OR REPLACE FUNCTION set_updated_at() RETURNS trigger AS $$ BEGIN NEW.updated_at = now(); RETURN NEW; END; $$ LANGUAGE plpgsql;",
    "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'st') THEN CREATE TYPE st AS ENUM ('a', 'b'); END IF; END $$;",
    `INSERT INTO quotes (text) VALUES ($$He said "don't" and left$$)`,
    "SELECT $tag$literal with 'quotes' and -- dashes$tag$ AS sample",
    "CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN DELETE FROM t; RETURN NEW; END $$ LANGUAGE plpgsql",
  ]);
});

Deno.test("encoded payloads: literals a decoder turns into SQL", () => {
  assert.equal(fromBase64("ZHJvcCB0YWJsZSB1c2Vycw=="), "drop table users");
  assert.equal(fromBase64("not base64!"), "");
  assert.equal(fromHex("44524f50"), "DROP");
  assert.equal(fromUnicodeEscapes("\\0044\\0052OP"), "DROP");
  assert.ok(isSqlPayload("select password from users"));
  assert.ok(!isSqlPayload("a message from bob"));
  fires([
    [
      "SELECT 1; DO $$ BEGIN EXECUTE convert_from(decode('ZHJvcCB0YWJsZSB1c2Vycw==', 'base64'), 'UTF8'); END $$",
      "sqli_hex_encoding",
    ],
    [
      "SELECT * FROM d WHERE id = 1 UNION SELECT convert_from(decode('c2VsZWN0IHBhc3N3b3JkIGZyb20gdXNlcnM=', 'base64'), 'UTF8')",
      "sqli_hex_encoding",
    ],
    [
      "SET @q = FROM_BASE64('RFJPUCBUQUJMRSB1c2Vycw==')",
      "sqli_hex_encoding",
    ],
    [
      "SELECT UTL_RAW.CAST_TO_VARCHAR2(HEXTORAW('44524f50205441424c45207573657273')) FROM dual",
      "sqli_hex_encoding",
    ],
    [
      "SELECT 1; EXECUTE U&'\\0044\\0052\\004F\\0050 TABLE users'",
      "sqli_hex_encoding",
    ],
  ]);
  clean([
    "SELECT convert_from(decode('aGVsbG8gd29ybGQ=', 'base64'), 'UTF8') AS greeting",
    "SELECT decode(avatar_b64, 'base64') FROM profiles WHERE id = 3",
    "SELECT FROM_BASE64(token_b64) FROM api_tokens WHERE id = 4",
    "SELECT U&'d\\0061t\\+000061' AS word",
  ]);
});

Deno.test("dynamic SQL: a literal run as SQL is judged as a statement", () => {
  fires([
    [
      "SELECT 1; EXEC('SEL' + 'ECT * FROM staff')",
      "sqli_concat_obfuscation",
    ],
    ["EXECUTE IMMEDIATE 'DROP TABLE audit'", "sqli_drop_table"],
    ["PREPARE s FROM 'DELETE FROM users'", "sqli_delete_without_where"],
  ]);
  // A variable assigned a statement and then run.
  fires([
    [
      "DECLARE @s NVARCHAR(200) = N'DROP TABLE users'; EXEC(@s)",
      "sqli_drop_table",
    ],
    [
      "SET @q = 'DROP TABLE users'; PREPARE s FROM @q; EXECUTE s;",
      "sqli_drop_table",
    ],
    [
      "DECLARE @c varchar(50); SET @c = 'TRUNCATE TABLE audit'; EXEC sp_executesql @c",
      "sqli_truncate",
    ],
  ]);
  clean([
    "DECLARE @sql nvarchar(max) = N'SELECT name FROM sys.tables'; EXEC sp_executesql @sql",
    "SET @msg = 'DROP TABLE is blocked here'; SELECT @msg",
    "DECLARE @n int = 5; SELECT TOP (@n) * FROM dbo.Orders",
    "EXECUTE 'SELECT count(*) FROM ' || quote_ident(tbl)",
    "EXEC('SELECT name FROM sys.tables')",
    "CREATE TRIGGER trg BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION set_updated_at();",
  ]);
});

Deno.test("time, out-of-band, files, native code, whole-object drops", () => {
  fires([
    [
      "SELECT * FROM p WHERE id = 7 AND DBMS_SESSION.SLEEP(5) IS NULL",
      "sqli_time_sleep",
    ],
    [
      "SELECT * FROM p WHERE id = 7 AND (SELECT count(*) FROM generate_series(1,50000000)) > 0",
      "sqli_time_benchmark",
    ],
    [
      "SELECT dblink_connect('host=evil.example user=a password=b dbname=c')",
      "sqli_out_of_band",
    ],
    ["SET GLOBAL general_log_file = '/var/www/html/s.php'", "sqli_file_access"],
    [
      "CREATE FUNCTION sys(cstring) RETURNS int AS '/lib/libc.so.6', 'system' LANGUAGE C STRICT",
      "sqli_command_exec",
    ],
    [
      "CREATE OR REPLACE FUNCTION pwn() RETURNS text AS $$ import os $$ LANGUAGE plpython3u",
      "sqli_command_exec",
    ],
    ["DROP OWNED BY app_user CASCADE", "sqli_drop_database"],
    ["ATTACH DATABASE '/var/www/html/shell.php' AS pwn", "sqli_file_access"],
    [
      "COPY (SELECT '<?php system($_GET[1]); ?>') TO '/var/www/html/s.php'",
      "sqli_file_access",
    ],
    ["COPY users TO '/home/postgres/.ssh/authorized_keys'", "sqli_file_access"],
    ["SELECT * FROM p WHERE id = 1 AND pg_sleep(5) IS NULL", "sqli_time_sleep"],
  ]);
  clean([
    "SELECT pg_sleep(0.2)",
    "SELECT pg_sleep_for('2 seconds');",
    "SELECT d::date FROM generate_series('2024-01-01'::date, '2024-01-31'::date, interval '1 day') AS d",
    "SELECT generate_series(1, 100)",
    "SELECT * FROM dblink('local_db', 'SELECT id FROM t') AS x(id int)",
    "SET GLOBAL max_connections = 500",
    "CREATE FUNCTION add(a int, b int) RETURNS int AS 'SELECT a + b' LANGUAGE sql",
    "DROP VIEW IF EXISTS tmp_report",
    "COPY (SELECT * FROM orders) TO '/tmp/orders.csv' CSV HEADER",
    "ATTACH DATABASE 'analytics.db' AS a",
  ]);
});

Deno.test("UNION: a negative key before it, secret columns, catalogue next to NULL, glued numbers", () => {
  fires([
    [
      "SELECT n FROM p WHERE id = -1 UNION SELECT card_number, cvv FROM payments",
      "sqli_union_select",
    ],
    [
      "SELECT n FROM p WHERE id = 0 UNION SELECT email, reset_token FROM users",
      "sqli_union_select",
    ],
    [
      "SELECT n FROM p WHERE id = 2 UNION SELECT tablename, NULL FROM pg_catalog.pg_tables",
      "sqli_union_select",
    ],
    [
      "SELECT n FROM p WHERE id = 0 UNION SELECT name FROM sqlite_schema WHERE type = 'table'",
      "sqli_union_select",
    ],
    [
      "SELECT * FROM users WHERE id = 1e0UNION SELECT username, password FROM users",
      "sqli_union_select",
    ],
    [
      "SELECT * FROM i WHERE id = 5\tUNION\tSELECT\tuser_name,\tpass_hash\tFROM\taccounts",
      "sqli_union_select",
    ],
    [
      "SELECT n, p FROM i WHERE id = 5 UNION SELECT api_secret, 1 FROM integrations",
      "sqli_union_select",
    ],
  ]);
  clean([
    "SELECT region, sum(total) FROM sales GROUP BY region UNION ALL SELECT 'TOTAL', sum(total) FROM sales",
    "SELECT 'open' AS s, count(*) FROM t WHERE c IS NULL UNION ALL SELECT 'closed', count(*) FROM t WHERE c IS NOT NULL",
    "SELECT id FROM a WHERE v = -1 OR v = 2",
    "SELECT x1e0 FROM t1union",
    "SELECT username, account_status FROM dba_users WHERE username = 'APP'",
    "SELECT id, content_hash FROM a UNION SELECT id, content_hash FROM b",
  ]);
  // The finding of a glued keyword lies inside the original text.
  const t =
    "SELECT * FROM users WHERE id = 1e0UNION SELECT username, password FROM users";
  for (const f of findSqlInjection(t, { isStatement: true })) {
    assert.ok(f.start >= 0 && f.end <= t.length && f.start <= f.end);
  }
});

Deno.test("LIKE '%' in statements, credential aggregation, prose with a payload", () => {
  fires([
    ["DELETE FROM users WHERE email LIKE '%'", "sqli_always_true_where"],
    [
      "SELECT * FROM u WHERE email = 'x' OR email LIKE '%'",
      "sqli_like_wildcard",
    ],
    [
      "UPDATE staff SET bio = (SELECT group_concat(login, ':', pass) FROM staff) WHERE id = 3",
      "sqli_credential_probe",
    ],
  ]);
  clean([
    "DELETE FROM cache_entries WHERE key LIKE 'user:42:%'",
    "SELECT * FROM products WHERE name ILIKE '%chair%'",
    "SELECT team_id, string_agg(name, ', ') FROM people GROUP BY team_id",
    "SQL injection happens when input like ' OR 1=1 -- is concatenated straight into a query string.",
  ]);
});

Deno.test("new statement classes: 100 KB hostile inputs finish fast", () => {
  for (
    const t of [
      "SELECT 1 " + "--'--'".repeat(2e4),
      "SELECT 1 " + "#''".repeat(3e4),
      "SELECT " + "decode('" + "A".repeat(1e5),
      "SELECT " + "decode('aGVsbG8gd29ybGQ=', 'base64'),".repeat(3e3),
      "SELECT u&'" + "\\0041".repeat(2e4),
      "SELECT 1; " + "create function ".repeat(7e3),
      "SELECT 1 " + "union select null ".repeat(6e3),
      "SELECT 1 WHERE x = " + "(select concat(".repeat(7e3),
      "SELECT 1 WHERE x = " + "1e0union ".repeat(1e4),
      "DO $$ " + "and 1=2 ".repeat(1e4) + " $$",
      "DO $$ " + "$a$ x $a$ ".repeat(1e4),
      "SELECT 1; " + "EXECUTE '".repeat(1e4) + "'",
      "SELECT 1; EXEC('" + "a' + '".repeat(1.5e4) + "')",
      "DO $$ BEGIN " + "EXECUTE 'EXECUTE ''DROP TABLE t'' '; ".repeat(2e3) +
      " END $$",
      "SELECT " + "dblink('".repeat(1e4),
      "DELETE FROM t " + "where a like '%' ".repeat(5e3),
      "SELECT 1; " + "attach database '".repeat(8e3),
      "SELECT a FROM t WHERE x = 1 " + "union select a from users ".repeat(4e3),
      "SELECT 1; " + "x --".repeat(3e4),
      "SELECT 1" + ";".repeat(1e5) + " --",
      "SELECT (select group_concat(" + "a,'x',b ".repeat(1e4),
      "SELECT 1 " + "union select group_concat(a || '".repeat(6e3),
      "COPY t TO " + "to 'x".repeat(2e4),
      "SET @a = 'x'; EXEC(@a); " + "@a = 'select ".repeat(8e3),
    ]
  ) {
    for (const isStatement of [true, false]) {
      const t0 = performance.now();
      const got = findSqlInjection(t, { isStatement });
      assert.ok(Array.isArray(got));
      assert.ok(performance.now() - t0 < 3000, `${t.slice(0, 40)} slow`);
    }
  }
});

Deno.test("heldout13 classes: open block comment, stacked waits, server roles, card and PIN columns", () => {
  fires([
    // A block comment never closed after a value.
    [
      "SELECT * FROM staff WHERE login = 'ops'/* AND pin = '0000'",
      "sqli_comment_truncation",
    ],
    ["SELECT count(*) FROM t; SELECT pg_sleep(5)", "sqli_time_sleep"],
    [
      "CREATE LOGIN eve WITH PASSWORD = 'x'; ALTER SERVER ROLE sysadmin ADD MEMBER eve",
      "sqli_privilege_change",
    ],
    [
      "INSERT INTO reviews (listing_id, body) VALUES (2, (SELECT card_pan FROM cards LIMIT 1))",
      "sqli_credential_probe",
    ],
    [
      "UPDATE listings SET title = (SELECT string_agg(card_pan, ',') FROM cards) WHERE id = 2",
      "sqli_credential_probe",
    ],
    [
      "SELECT c FROM l WHERE id = 2 UNION SELECT card_pan, card_cvc FROM cards",
      "sqli_union_select",
    ],
    [
      "SELECT c FROM l WHERE id = 2 UNION SELECT current_user",
      "sqli_union_select",
    ],
  ]);
  clean([
    "SELECT 1 /*",
    "SELECT pg_sleep(1); SELECT count(*) FROM bookings;",
    "ALTER SERVER ROLE reporting_readers ADD MEMBER ana",
    "INSERT INTO orders (user_id, total) VALUES ((SELECT id FROM users WHERE email = 'a@example.com'), 12)",
    "SELECT card_last4 FROM cards WHERE guest_id = 3",
    "SELECT name FROM a UNION SELECT name FROM b",
  ]);
  const free = (t: string) =>
    findSqlInjection(t, { isStatement: false }).map((f) => f.type);
  assert.ok(
    free("'||(SELECT card_pan FROM cards LIMIT 1)||'").includes(
      "sqli_concat_breakout",
    ),
  );
  assert.deepEqual(free("name || (select_count)"), []);
});

Deno.test("heldout14 classes: open comment after a semicolon, secret_* columns, dictionary views in UNIONs", () => {
  fires([
    [
      "SELECT * FROM members WHERE login = 'root' ;/* AND secret = 'q'",
      "sqli_comment_truncation",
    ],
    [
      "SELECT t FROM n WHERE id = 10 UNION SELECT secret_answer FROM members",
      "sqli_union_select",
    ],
    [
      "SELECT t FROM n WHERE id = 10 UNION SELECT banner FROM v$version",
      "sqli_union_select",
    ],
    [
      "SELECT t FROM n WHERE id = 10 UNION SELECT name FROM master..sysdatabases",
      "sqli_union_select",
    ],
  ]);
  clean([
    "SELECT 1; /*",
    "SELECT id FROM a UNION SELECT id FROM b WHERE kind = 'secretary'",
  ]);
});

Deno.test("heldout15 classes: bare hash columns, CAST constants, stacked text ending in an empty comment, GRANT postgres", () => {
  fires([
    [
      "SELECT name, (SELECT hash FROM admins LIMIT 1) FROM products WHERE id = 3",
      "sqli_credential_probe",
    ],
    [
      "SELECT name, (SELECT group_concat(email, ':', hash) FROM admins) AS x FROM products",
      "sqli_credential_probe",
    ],
    [
      "SELECT * FROM products WHERE id = 3 OR CAST(1 AS int) = 1",
      "sqli_constant_condition",
    ],
    [
      "SELECT * FROM products WHERE id = 3; ALTER TABLE admins ADD COLUMN backdoor text --",
      "sqli_comment_truncation",
    ],
    [
      "SELECT * FROM p WHERE id = 3; CREATE TABLE exfil AS SELECT * FROM admins --",
      "sqli_comment_truncation",
    ],
    ["GRANT postgres TO intruder", "sqli_privilege_change"],
  ]);
  clean([
    "SELECT id, content_hash FROM files WHERE id = 3",
    "SELECT * FROM t WHERE a = 1 OR CAST(b AS int) = 1",
    "SELECT * FROM t WHERE date = '2024-01-01' OR b = 2",
    "SELECT 1; -- connection test",
    "BEGIN; UPDATE t SET a = 1 WHERE id = 2; COMMIT; -- applied by hand",
    "SELECT * FROM t --",
    "GRANT readonly TO ana",
  ]);
});

Deno.test("heldout16 classes: pw columns, a whole table's columns joined and aggregated into one value", () => {
  fires([
    [
      "INSERT INTO notes (student_id, body) VALUES (8, (SELECT pw FROM faculty LIMIT 1))",
      "sqli_credential_probe",
    ],
    [
      "UPDATE students SET nickname = (SELECT group_concat(email, ':', login) FROM faculty) WHERE id = 8",
      "sqli_credential_probe",
    ],
    [
      "SELECT name FROM s WHERE id = 8 UNION SELECT group_concat(email || ':' || login) FROM faculty",
      "sqli_credential_probe",
    ],
    [
      "SELECT n, e FROM s WHERE id = 8 UNION SELECT email, pw FROM faculty",
      "sqli_union_select",
    ],
  ]);
  clean([
    "UPDATE teams SET members = (SELECT string_agg(first || ' ' || last, ', ') FROM people WHERE people.team_id = teams.id) WHERE id = 3",
    "SELECT team_id, string_agg(first_name || ' ' || last_name, ', ') FROM people GROUP BY team_id",
    "SELECT (SELECT count(*) FROM faculty) AS n",
  ]);
  assert.ok(
    findSqlInjection(`{"email": "dean@uni.example", "pw": {"$ne": ""}}`, {
      isStatement: true,
    }).some((f) => f.type === "sqli_nosql_operator"),
  );
});

Deno.test("heldout17 classes: credential columns as quoted camelCase identifiers", () => {
  fires([
    [
      'SELECT n, e FROM c WHERE id = 5 UNION SELECT login, "pwdHash" FROM principals',
      "sqli_union_select",
    ],
    [
      'SELECT n FROM c WHERE id = 5 UNION SELECT "apiToken" FROM integrations',
      "sqli_union_select",
    ],
    [
      'SELECT n FROM c WHERE id = 5 UNION SELECT "otpSeed" FROM principals',
      "sqli_union_select",
    ],
    [
      `SELECT n FROM c WHERE id = 5 UNION SELECT string_agg(login || ':' || "pwdHash", ',') FROM principals`,
      "sqli_credential_probe",
    ],
    [
      'INSERT INTO notes (contact_id, body) VALUES (5, (SELECT "pwdHash" FROM principals LIMIT 1))',
      "sqli_credential_probe",
    ],
  ]);
  clean([
    'SELECT id FROM principals WHERE login = $1 AND "pwdHash" IS NOT NULL',
    'SELECT "apiToken" IS NOT NULL AS connected FROM integrations WHERE name = $1',
    "SELECT sum(tokens_used) FROM usage UNION ALL SELECT sum(tokens_used) FROM usage_archive",
  ]);
});

Deno.test("comment truncation: a closed block comment holding the rest of a condition", () => {
  fires([
    [
      "SELECT * FROM staff WHERE login = 'root' /* AND pass_hash = 'x' */",
      "sqli_comment_truncation",
    ],
    [
      "SELECT * FROM staff WHERE id = 5 /* OR role = 'admin' */ LIMIT 1",
      "sqli_comment_truncation",
    ],
  ]);
  clean([
    "SELECT * FROM staff WHERE id = 5 /* AND tenant_id = 2 */",
    "INSERT INTO t VALUES (1) /* seed: id and name = 'demo' */",
    "SELECT * FROM t WHERE a = 1 /* temporarily: and b = 'x' */",
    "SELECT /*+ INDEX(staff idx) */ * FROM staff WHERE id = 5",
    "SELECT * FROM staff WHERE id = 5 /*!40001 SQL_NO_CACHE */",
  ]);
});

Deno.test("statements: this round's token checks through the whole detector", () => {
  fires([
    ["SELECT * FROM routes WHERE id = 12 && 1=1", "sqli_constant_condition"],
    [
      "SELECT * FROM d WHERE login = 'x'-'' AND pw = 'y'",
      "sqli_constant_condition",
    ],
    [
      "SELECT title FROM news WHERE id = 10 UNION SELECT 1, 2",
      "sqli_union_select",
    ],
    [
      "SELECT * FROM invoices WHERE id = 9; ALTER SYSTEM SET log_statement = 'none'",
      "sqli_stacked_query",
    ],
    [
      "INSERT INTO reviews (id, body) VALUES (5, (SELECT pass FROM admins LIMIT 1))",
      "sqli_credential_probe",
    ],
    [
      "SELECT * FROM users WHERE username = 'admin' AND password = 'x' OR username = 'admin'",
      "sqli_tautology_identifier",
    ],
    ["SELECT * FROM loans ORDER BY IF(1=1, amount, id)", "sqli_constant_probe"],
  ]);
  clean([
    "SELECT * FROM t WHERE tags && ARRAY['a','b']",
    "SELECT 'ID-' || 1 AS code",
    "SELECT '1=1' AS label, 'OR' AS op",
    "INSERT INTO orders (customer_id) VALUES ((SELECT id FROM customers WHERE email = 'x'))",
    "SET statement_timeout = 0; SET client_encoding = 'UTF8'; CREATE EXTENSION IF NOT EXISTS plpgsql",
  ]);
});

Deno.test("comment truncation: the commented-out check may wrap its value in a call", () => {
  fires([
    [
      "SELECT * FROM portal_users WHERE username = 'ops'-- AND pwd_hash = md5('guess')",
      "sqli_comment_truncation",
    ],
    [
      "SELECT * FROM portal_users WHERE username = 'ops' /* AND pwd_hash = sha1('guess') */",
      "sqli_comment_truncation",
    ],
  ]);
  clean([
    "SELECT * FROM t WHERE id = 5 -- AND name = lower(x)",
    "SELECT * FROM t WHERE a = 1 -- note: and then call f('x') later",
  ]);
});

Deno.test("unions: quoted column numbers, SELECT * of an account table, an account subquery in the list", () => {
  fires([
    [
      "SELECT id, starts_at, room FROM appointments WHERE id = 9 UNION SELECT '1', '2', '3'",
      "sqli_union_select",
    ],
    [
      "SELECT * FROM appointments WHERE id = 9 UNION SELECT * FROM staff_accounts",
      "sqli_union_select",
    ],
    [
      "SELECT id, room FROM appointments WHERE id = 9 UNION SELECT 1, (SELECT login FROM staff_accounts WHERE role = 'admin' LIMIT 1)",
      "sqli_union_select",
    ],
  ]);
  clean([
    "SELECT id, label FROM wards WHERE id = 9 UNION SELECT 0, '(all)'",
    "SELECT id, code FROM rooms WHERE id = 9 UNION SELECT '0', 'none'",
    "SELECT * FROM appointments WHERE id = 9 UNION SELECT * FROM appointments_archive WHERE id = 9",
    "SELECT * FROM appointments WHERE patient_id = 4410 UNION SELECT * FROM video_visits",
    "SELECT * FROM users WHERE id = 9 UNION SELECT * FROM users_archive",
    "SELECT id, name FROM projects WHERE id = 9 UNION SELECT id, (SELECT name FROM teams t WHERE t.id = p.team_id) FROM projects p",
  ]);
});

Deno.test("constant conditions: Postgres's ? key-exists operator after a value", () => {
  fires([
    [
      `SELECT * FROM appointments WHERE patient_id = 4410 OR '{"k":1}'::jsonb ? 'k'`,
      "sqli_constant_condition",
    ],
  ]);
  clean([
    "SELECT * FROM t WHERE id = ? OR ? IS NULL",
    "SELECT * FROM t WHERE a = 1 OR (?) = 1",
    "SELECT * FROM t WHERE a = 1 OR meta ? 'k'",
    "SELECT * FROM t WHERE a = ? OR NOT ?",
    "SELECT id FROM appointments WHERE meta ? 'utm' OR meta ?| array['src']",
  ]);
});

Deno.test("comment truncation: a commented-out condition followed by a note passes", () => {
  fires([
    [
      "SELECT * FROM staff_accounts WHERE login = 'admin' /* AND pass_hash = 'x' */",
      "sqli_comment_truncation",
    ],
    [
      "SELECT * FROM staff_accounts WHERE login = 'admin' /* ' AND pass_hash = 'x' ORDER BY id */",
      "sqli_comment_truncation",
    ],
    [
      "SELECT * FROM staff_accounts WHERE login = 'admin' -- AND pass_hash = 'x' LIMIT 1",
      "sqli_comment_truncation",
    ],
  ]);
  clean([
    "SELECT id, starts_at FROM appointments WHERE room = 'B4' /* OR room = 'B5' once the wing reopens */ ORDER BY starts_at",
    "SELECT * FROM rooms WHERE wing = 'B' -- AND floor = '2' until the lifts are fixed",
  ]);
});

Deno.test("tune5 classes: LIKE and its negation, hash-format prefixes, stacked account reads", () => {
  fires([
    [
      "SELECT * FROM claims WHERE claim_no = 'C-7781' OR claim_no NOT LIKE 'C-7781'",
      "sqli_tautology_identifier",
    ],
    [
      "SELECT * FROM claims WHERE claim_no LIKE 'C-7%' OR claim_no NOT LIKE 'C-7%'",
      "sqli_tautology_identifier",
    ],
    [
      "SELECT * FROM t WHERE id = 5 AND EXISTS (SELECT * FROM agent_logins WHERE login = 'admin' AND pwd_hash LIKE 'a%')",
      "sqli_credential_probe",
    ],
    [
      "SELECT * FROM claims WHERE id = 5; SELECT * FROM agent_logins WHERE '1'='1'",
      "sqli_stacked_query",
    ],
    [
      "SELECT * FROM claims WHERE id = 5; SELECT login, pwd_hash FROM agent_logins WHERE id = 2",
      "sqli_stacked_query",
    ],
  ]);
  clean([
    "SELECT * FROM claims WHERE claim_no LIKE 'C-7%' OR claim_no NOT LIKE 'D-%'",
    "SELECT * FROM claims WHERE code NOT LIKE 'X%' AND code LIKE 'X%'",
    "SELECT count(*) FROM agent_logins WHERE pwd_hash LIKE '$2y$%'",
    "SELECT count(*) FROM agent_logins WHERE pwd_hash NOT LIKE '$argon2id$%'",
    "SELECT * FROM claims WHERE id = 5; SELECT count(*) FROM users;",
    "SELECT * FROM orders WHERE id = 5; SELECT * FROM customers WHERE id = 7;",
    "UPDATE claims SET status = 'x' WHERE id = 5; SELECT * FROM claims WHERE id = 5",
  ]);
});

Deno.test("tune5 classes: a branch on the accounts, credentials joined into a copied text, a quote built by chr(39)", () => {
  fires([
    [
      "SELECT * FROM claims ORDER BY (SELECT CASE WHEN (SELECT count(*) FROM agent_logins) > 3 THEN 1 ELSE 2 END)",
      "sqli_constant_probe",
    ],
    [
      "INSERT INTO claim_notes (claim_id, body) SELECT 5, login || ':' || pwd_hash FROM agent_logins",
      "sqli_credential_probe",
    ],
    [
      "INSERT INTO notes (body) SELECT concat(login, ':', pass_hash) FROM users",
      "sqli_credential_probe",
    ],
    [
      "SELECT * FROM claims WHERE claim_no = 'C-7781' || chr(39) || ' OR ''1''=''1'",
      "sqli_char_encoding",
    ],
  ]);
  clean([
    "SELECT CASE WHEN (SELECT count(*) FROM pg_stat_activity) > 100 THEN 'busy' ELSE 'ok' END",
    "SELECT CASE WHEN EXISTS (SELECT 1 FROM users WHERE email = 'a@b.c') THEN 1 ELSE 0 END",
    "SELECT CASE WHEN EXISTS (SELECT 1 FROM users WHERE email = $1) THEN 1 ELSE 0 END",
    "SELECT c.id, CASE WHEN (SELECT count(*) FROM users u WHERE u.id = c.owner_id) > 0 THEN 'y' ELSE 'n' END FROM claims c",
    "INSERT INTO users_v2 (id, login, pass_hash) SELECT id, login, pass_hash FROM users",
    "INSERT INTO password_history (user_id, pass_hash) SELECT id, pass_hash FROM users WHERE id = $1",
    "INSERT INTO exports (line) SELECT login || ',' || email FROM users",
    "SELECT 'It' || chr(39) || 's done' AS msg",
    "UPDATE t SET s = 'O' || chr(39) || 'Brien and sons' WHERE id = 3",
    "SELECT replace(note, chr(39), '') FROM claims",
  ]);
});

Deno.test("tune6 classes: entities and full-width letters, nested keywords, redundant lookups, server identity copied", () => {
  fires([
    [
      "SELECT * FROM leases WHERE unit = '&#39; OR 1=1 --'",
      "sqli_tautology_numeric",
    ],
    [
      "SELECT * FROM leases WHERE unit = 'A4' \uff2f\uff32 1=1",
      "sqli_constant_condition",
    ],
    [
      "SELECT * FROM leases WHERE tenant_id = 88 UNIunionON SELselectECT 1, 2",
      "sqli_nested_keyword",
    ],
    [
      "SELECT * FROM leases WHERE tenant_id = 88 OORR 1=1",
      "sqli_nested_keyword",
    ],
    [
      "SELECT * FROM leases WHERE tenant_id = 88 OR tenant_id BETWEEN 0 AND 999999999",
      "sqli_tautology_identifier",
    ],
    [
      "SELECT * FROM subscribers WHERE account_no = 5521 OR account_no > 0",
      "sqli_tautology_identifier",
    ],
    [
      "DELETE FROM leases WHERE id = 5 OR id BETWEEN 1 AND 999999999",
      "sqli_always_true_where",
    ],
    [
      "UPDATE tenants SET display_name = (SELECT version()) WHERE id = 88",
      "sqli_credential_probe",
    ],
    [
      "UPDATE tenants SET notes = (SELECT group_concat(table_name) FROM information_schema.tables WHERE table_schema = database()) WHERE id = 88",
      "sqli_credential_probe",
    ],
    ["SELECT name, password_hash FROM sys.sql_logins", "sqli_admin_table"],
  ]);
  clean([
    "INSERT INTO notes (body) VALUES ('\u4ef7\u683c\uff08\u542b\u7a0e\uff09\uff1a\uff11\uff10\uff10\u5143')",
    "SELECT * FROM t WHERE name = 'Tom &amp; Jerry &quot;the show&quot; and more'",
    "SELECT * FROM coordinates WHERE information = 'order' OR border = 'sand'",
    "SELECT * FROM t WHERE id = 5 OR id BETWEEN 10 AND 20",
    "SELECT * FROM t WHERE priority = 1 OR priority > 3",
    "SELECT * FROM t WHERE a = 5 OR b > 3",
    "DELETE FROM leases WHERE id BETWEEN 100 AND 200 AND status = 'draft'",
    "UPDATE t SET updated_by = (SELECT current_user) WHERE id = 3",
    "SELECT (SELECT version()) AS v, now()",
    "SELECT (SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public') AS n",
    "SELECT name, is_disabled FROM sys.sql_logins",
    "SELECT unit, NULL AS ended FROM leases WHERE status = 'active' UNION ALL SELECT unit, ended_on FROM leases_archive",
  ]);
});

Deno.test("tune7 classes: one-value IN lists, wide ranges only, correlated sort keys, password patterns in subqueries", () => {
  fires([
    [
      "SELECT * FROM loans WHERE member_no = 'M-301' OR member_no NOT IN ('M-301')",
      "sqli_tautology_identifier",
    ],
    [
      "SELECT * FROM loans WHERE book_id = 12 OR book_id < 999999",
      "sqli_tautology_identifier",
    ],
    [
      "SELECT * FROM routes LIMIT 10 OFFSET (SELECT count(*) FROM dispatchers WHERE passwd_digest LIKE '$2%')",
      "sqli_credential_probe",
    ],
    [
      "SELECT * FROM t ORDER BY (CASE WHEN (SELECT 1 FROM users u WHERE u.name = 'admin') = 1 THEN a ELSE b END)",
      "sqli_boolean_blind",
    ],
  ]);
  clean([
    "SELECT * FROM loans WHERE member_no IN ('M-301') OR member_no NOT IN ('M-302')",
    "SELECT * FROM loans WHERE renewals = 0 OR renewals < 3",
    "SELECT * FROM t WHERE level = 5 OR level > 1",
    "SELECT * FROM books ORDER BY CASE WHEN (SELECT count(*) FROM holds h WHERE h.book_id = books.id) > 3 THEN 0 ELSE 1 END",
  ]);
});

Deno.test("account tables with a prefix of several parts (front_desk_users)", () => {
  fires([
    [
      "SELECT * FROM bookings WHERE id = 7 UNION SELECT * FROM front_desk_users",
      "sqli_union_select",
    ],
    [
      "INSERT INTO guest_notes (guest_id, note) SELECT 5120, login || '=' || pw_hash FROM front_desk_users",
      "sqli_credential_probe",
    ],
    [
      `{"aggregate": "bookings", "pipeline": [{"$unionWith": "front_desk_users"}]}`,
      "sqli_nosql_operator",
    ],
  ]);
  clean([
    "SELECT * FROM bookings WHERE id = 7 UNION ALL SELECT * FROM bookings_2025 WHERE id = 7",
    "INSERT INTO front_desk_users_v2 (id, login, pw_hash) SELECT id, login, pw_hash FROM front_desk_users",
    `{"aggregate": "bookings", "pipeline": [{"$unionWith": "bookings_2025"}]}`,
  ]);
});

Deno.test("tune9: SLEEP as a subquery's WHERE (LIMIT 1, (SELECT 1 FROM dual WHERE SLEEP(2)))", () => {
  fires([
    [
      "SELECT * FROM invoices ORDER BY amount LIMIT 1, (SELECT 1 FROM dual WHERE SLEEP(2))",
      "sqli_time_sleep",
    ],
    ["SELECT * FROM t GROUP BY a HAVING SLEEP(3)", "sqli_time_sleep"],
  ]);
  clean([
    "SELECT * FROM t WHERE sleep_hours > 7",
    "SELECT * FROM sleep_log WHERE sleep_minutes BETWEEN 300 AND 600",
  ]);
});
