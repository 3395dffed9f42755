import assert from "node:assert/strict";
import { stripSql } from "./sql.ts";
import { blocked, fired, run } from "./test_helpers.ts";

Deno.test("sql: SQL handed to database clients is extracted", () => {
  const cases: [string, string[]][] = [
    ['psql -c "select * from users"', ["select * from users"]],
    ['psql -h db -U app -d prod --command="select 1"', ["select 1"]],
    ["psql mydb <<EOF\nDELETE FROM t WHERE id = 1;\nEOF", [
      "DELETE FROM t WHERE id = 1;",
    ]],
    ["psql -f - <<'SQL'\nselect 2\nSQL", ["select 2"]],
    ['mysql -u root -e "SHOW TABLES"', ["SHOW TABLES"]],
    ["mysql -e'select 3'", ["select 3"]],
    ['mariadb --execute="select 4"', ["select 4"]],
    ['sqlite3 app.db "select count(*) from t"', ["select count(*) from t"]],
    ["sqlite3 -cmd \".mode csv\" app.db 'select 5'", [".mode csv", "select 5"]],
    ["duckdb x.db -c 'select 6'", ["select 6"]],
    ['echo "select 7" | psql', ["select 7"]],
    ["printf 'select 8' | mysql db", ["select 8"]],
    ["mysql db <<< 'select 9'", ["select 9"]],
    ["clickhouse-client --query 'select 10'", ["select 10"]],
    ["sudo -u postgres psql -c 'select 11'", ["select 11"]],
    ["psql", []],
    ["mysql < dump.sql", []],
  ];
  for (const [cmd, sql] of cases) assert.deepEqual(run(cmd).sql, sql, cmd);
});

const BLOCK: [string, string][] = [
  ['psql -c "DROP DATABASE prod"', "sql_drop"],
  ["psql -h db.internal -c 'drop table if exists users'", "sql_drop"],
  ['mysql -h db.internal -e "DROP TABLE users"', "sql_drop"],
  ['mysql -e "drop schema app"', "sql_drop"],
  ['sqlite3 app.db "DROP TABLE users"', "sql_drop"],
  ['echo "DROP TABLE x" | psql -h 10.0.0.5', "sql_drop"],
  [
    "psql app_prod <<EOF\nBEGIN;\nDROP TABLE accounts;\nCOMMIT;\nEOF",
    "sql_drop",
  ],
  ['psql -c "DROP SCHEMA public CASCADE"', "sql_drop"],
  ['docker compose exec db psql -c "DROP DATABASE app"', "sql_drop"],
  ["dropdb prod", "sql_drop"],
  ["mysqladmin -u root drop app", "sql_drop"],
  ['psql -h db.internal -c "TRUNCATE users"', "sql_truncate"],
  ['psql "$DATABASE_URL" -c "truncate table users cascade"', "sql_truncate"],
  ['psql -c "truncate table orders_production"', "sql_truncate"],
  ["redis-cli -h cache.internal FLUSHALL", "redis_flush"],
  ["redis-cli -h cache -n 0 flushdb", "redis_flush"],
  ["echo FLUSHALL | redis-cli -h cache.internal", "redis_flush"],
  ['mongo --host db.internal --eval "db.dropDatabase()"', "mongo_drop"],
  ["psql -h prod-db.acme.com -c 'DELETE FROM users'", "db_prod_rewrite_all"],
  [
    "mongosh --host prod-mongo.internal app --eval 'db.users.deleteMany({})'",
    "db_prod_rewrite_all",
  ],
  ["mongosh mongodb://db.internal/app --eval 'db.users.drop()'", "mongo_drop"],
];

Deno.test("sql: destructive statements block", () => {
  for (const [cmd, policy] of BLOCK) {
    assert.ok(
      blocked(cmd).includes(policy),
      `${cmd} should block ${policy}; got ${fired(cmd)}`,
    );
  }
});

Deno.test("sql: table resets on the default server warn", () => {
  for (
    const cmd of [
      'docker compose exec db psql -U postgres -c "TRUNCATE TABLE events"',
      "psql -c 'drop table if exists users'",
      'psql myapp -c "TRUNCATE sessions"',
      'echo "DROP TABLE x" | psql',
      "redis-cli FLUSHALL",
      'mongo --eval "db.dropDatabase()"',
    ]
  ) {
    assert.ok(fired(cmd).includes("db_reset_default"), `${cmd}: ${fired(cmd)}`);
    assert.deepEqual(blocked(cmd), [], cmd);
  }
});

Deno.test("sql: DELETE/UPDATE without WHERE warn", () => {
  for (
    const cmd of [
      'psql -c "DELETE FROM users"',
      "mysql -e 'delete from logs;'",
      "psql -c 'UPDATE users SET admin = true'",
      "mongosh --eval 'db.x.deleteMany({})'",
    ]
  ) {
    const f = fired(cmd);
    assert.ok(
      f.includes("sql_delete_all") || f.includes("sql_update_all") ||
        f.includes("db_reset_default"),
      `${cmd}: ${f}`,
    );
    assert.deepEqual(blocked(cmd), [], cmd);
  }
});

Deno.test("sql: reads, scoped writes and data text pass", () => {
  for (
    const cmd of [
      'psql -c "select * from users"',
      'psql -c "DELETE FROM users WHERE id = 4"',
      "psql -c \"UPDATE users SET name = 'x' WHERE id = 1\"",
      "psql -c \"select 'drop table users' as note\"",
      'psql -c "-- DROP TABLE users\nselect 1"',
      'psql -c "/* truncate x */ select 1"',
      "rg 'DROP TABLE'",
      'git commit -m "drop table users"',
      "echo 'DROP TABLE users' > migration.sql",
      "redis-cli GET key",
      "redis-cli --scan",
      "mongosh --eval 'db.users.find()'",
      "sqlite3 app.db .tables",
      "psql -c 'DROP VIEW v'",
      "psql -c 'drop index idx'",
    ]
  ) {
    assert.deepEqual(blocked(cmd), [], `${cmd}: ${fired(cmd)}`);
  }
});

Deno.test("sql: stripping comments and strings is linear", () => {
  assert.equal(
    stripSql("select 'a''b' -- c\nfrom t /* d */"),
    "select ''  \nfrom t  ",
  );
  for (
    const s of [
      "/*".repeat(5e5),
      "'".repeat(1e6),
      "--".repeat(5e5),
      "''".repeat(5e5),
      "a".repeat(1e6),
    ]
  ) {
    assert.equal(typeof stripSql(s), "string");
  }
  const big = run('psql -c "' + "DELETE FROM t x ".repeat(6e4) + '"');
  assert.ok(Array.isArray(big.matches));
});

Deno.test("sql: destructive statements are judged by where they run", () => {
  for (
    const cmd of [
      "dropdb --if-exists app_test",
      "psql -h localhost -d app_test -c 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;'",
      "psql -h 127.0.0.1 -c 'DROP DATABASE shop'",
      "redis-cli -n 15 FLUSHDB",
      "redis-cli -h 127.0.0.1 FLUSHALL",
      "mongosh mongodb://localhost/test --eval 'db.dropDatabase()'",
      "mysql -u root -e 'DROP DATABASE test_app'",
      "sqlite3 test.db 'DROP TABLE users'",
    ]
  ) {
    assert.deepEqual(blocked(cmd), [], `${cmd}: ${fired(cmd)}`);
    assert.ok(fired(cmd).includes("db_reset_local"), `${cmd}: ${fired(cmd)}`);
  }
  for (
    const cmd of [
      "psql -h prod-db.example.com -c 'DROP SCHEMA public CASCADE'",
      "psql postgres://admin@prod-db.example.com/app -c 'TRUNCATE users'",
      "psql -h localhost -d prod -c 'DROP TABLE users'",
      "psql -h $DBHOST -c 'DROP TABLE users'",
      "dropdb -h db.prod.internal app",
      "redis-cli -h prod-cache.internal FLUSHALL",
      "redis-cli -u redis://cache.prod.example.com:6379 FLUSHALL",
      "mysql -h db.prod.example.com -e 'DROP DATABASE app'",
      "mongosh mongodb+srv://cluster0.example.net/app --eval 'db.dropDatabase()'",
      "mysql -u root -e 'DROP DATABASE app'",
    ]
  ) assert.ok(blocked(cmd).length > 0, `${cmd}: ${fired(cmd)}`);
});

Deno.test("sql: the guard's own audit database is not rewritten", () => {
  assert.ok(
    blocked('sqlite3 ~/.axonflow/audit.db "DELETE FROM events"').includes(
      "guard_tamper",
    ),
  );
  assert.deepEqual(
    blocked('sqlite3 ~/.axonflow/audit.db "select count(*) from events"'),
    [],
  );
});

Deno.test("sql: statements the guard cannot see sent to its audit database", () => {
  for (
    const cmd of [
      "sqlite3 ~/.axonflow/audit.db < /tmp/wipe.sql",
      "cat /tmp/w.sql | sqlite3 ~/.axonflow/audit.db",
      "sqlite3 ~/.axonflow/audit.db '.read /tmp/w.sql'",
    ]
  ) assert.ok(blocked(cmd).length > 0, `${cmd}: ${fired(cmd)}`);
  for (
    const cmd of [
      "sqlite3 app.db < schema.sql",
      "sqlite3 ~/.axonflow/audit.db 'select count(*) from events'",
      "sqlite3 test.db '.read seed.sql'",
    ]
  ) assert.deepEqual(blocked(cmd), [], `${cmd}: ${fired(cmd)}`);
});

Deno.test("sql: a TRUNCATE of staging or scratch tables only is a load step", () => {
  for (
    const cmd of [
      'psql -c "TRUNCATE staging_orders"',
      "docker compose exec db psql -U app -c 'TRUNCATE TABLE staging.import_rows RESTART IDENTITY'",
      "mysql -e 'TRUNCATE TABLE tmp_totals'",
    ]
  ) assert.deepEqual(blocked(cmd), [], `${cmd}: ${fired(cmd)}`);
  for (
    const cmd of [
      'psql -c "TRUNCATE staging_orders, users"',
      "psql -c 'TRUNCATE staging_orders; TRUNCATE invoices'",
      'psql -c "TRUNCATE audit_log"',
    ]
  ) {
    // no host: the client's default server, where a reset warns (db_reset_default)
    assert.ok(
      fired(cmd).some((p) => p === "sql_truncate" || p === "db_reset_default"),
      `${cmd}: ${fired(cmd)}`,
    );
    const remote = cmd.replace("psql ", "psql -h db.internal ");
    assert.ok(
      fired(remote).includes("sql_truncate"),
      `${remote}: ${fired(remote)}`,
    );
  }
});
