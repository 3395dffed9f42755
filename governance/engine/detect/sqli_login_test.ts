import assert from "node:assert/strict";
import { maskSql } from "./sqli_lex.ts";
import { loginHits } from "./sqli_login.ts";
import { statementTokens } from "./sqli_struct.ts";

const kinds = (sql: string): string[] =>
  loginHits(statementTokens(maskSql(sql).text)).map((h) => h.kind);

Deno.test("login: an OR round a password check", () => {
  for (
    const t of [
      "SELECT * FROM users WHERE username = 'admin' AND password = 'x' OR username = 'admin'",
      "SELECT * FROM users WHERE username = 'admin' AND password = 'x' OR username LIKE 'a%'",
      "SELECT * FROM users WHERE username = 'admin' AND password = 'x' OR username IS NOT NULL",
      "SELECT * FROM users WHERE username = 'admin' AND password = 'x' OR password IS NOT NULL",
      "SELECT * FROM users WHERE login = 'a' AND pass_hash = md5('x') OR login = 'root'",
      "SELECT id FROM staff WHERE badge = 1234 AND pin = 9999 OR badge = 1",
    ]
  ) assert.deepEqual(kinds(t), ["login_bypass"], t);
  for (
    const t of [
      "SELECT * FROM users WHERE login = $1 AND password_hash = $2 OR sso_subject = $3",
      "DELETE FROM tokens WHERE user_id = 5 AND token = 'abc' OR expires_at < now()",
      "SELECT * FROM users WHERE email = 'a@b.c' AND password_hash = 'x'",
      "SELECT * FROM users WHERE (email = 'a@b.c' AND pin = '1234') OR (email = 'a@b.c' AND pin = '4321')",
      "SELECT * FROM users WHERE email = 'x' AND password_changed_at < '2026-01-01' OR status = 'new'",
      "SELECT * FROM users WHERE status = 'active' AND password_hash IS NULL OR email LIKE '%@test.local'",
      "SELECT * FROM users WHERE username = 'a' OR username = 'b'",
      "SELECT id FROM users WHERE username = 'ana' AND pin = '1234' OR username = 'ana' AND backup_code = 'zz'",
    ]
  ) assert.deepEqual(kinds(t), [], t);
});

Deno.test("login: hostile input stays linear and bounded", () => {
  for (
    const t of [
      "SELECT 1 FROM t WHERE " + "a = 'x' AND pw = 'y' OR ".repeat(8e3) + "1",
      "SELECT 1 FROM t " + "WHERE a = 1 OR b = 2; ".repeat(8e3),
      "SELECT 1 FROM t WHERE " + "(".repeat(5e4),
    ]
  ) {
    const t0 = performance.now();
    const hits = loginHits(statementTokens(maskSql(t).text));
    assert.ok(hits.length <= 4);
    assert.ok(performance.now() - t0 < 2000, `${t.slice(0, 40)} slow`);
  }
});
