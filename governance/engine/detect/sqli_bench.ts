import { findSqlInjection } from "./sqli.ts";

/** About 1 MB of mixed prose, code, logs and SQL, with a few payloads. */
const LINES = [
  "The migrant workers asked the union to select a new representative.",
  "SELECT id, name FROM users WHERE id = 42 ORDER BY name LIMIT 20;",
  "error[E0308]: mismatched types at src/main.rs:12:5 expected `u32`, found `&str`",
  "2024-05-01T12:00:00Z INFO request_id=abc123 GET /api/orders?status=open 200 12ms",
  "const total = items.reduce((a, b) => a + b.price, 0); // sum in cents",
  "Please select an option or cancel; we drop support for Node 14 next month.",
  '{"id": 7, "status": "open", "tags": ["a", "b"], "owner": {"name": "x"}}',
  "UPDATE users SET name = 'x' WHERE id = 1; DELETE FROM sessions WHERE expires_at < now();",
];
const PAYLOADS = [
  "' or '1'='1",
  "1 union select null,null--",
  "'; waitfor delay '0:0:5'--",
];

function build(size: number): string {
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; n < size; i++) {
    const line = i % 500 === 499
      ? PAYLOADS[(i / 500) % PAYLOADS.length | 0]
      : LINES[i % LINES.length];
    parts.push(line);
    n += line.length + 1;
  }
  return parts.join("\n");
}

const MIXED = build(1 << 20);
const URLISH = "q=shoes%20size%2042&sort=price&page=2&".repeat(30000);

Deno.bench("sqli free text, 1 MB mixed", () => {
  findSqlInjection(MIXED, { isStatement: false });
});

Deno.bench("sqli statement mode, 1 MB mixed", () => {
  findSqlInjection(MIXED, { isStatement: true });
});

Deno.bench("sqli free text, 1 MB url-encoded form data", () => {
  findSqlInjection(URLISH, { isStatement: false });
});

Deno.bench("sqli single short value", () => {
  findSqlInjection("bob' or 1=1--", { isStatement: false });
});

/** Statements as ORMs and migrations send them (the database-channel path). */
const STATEMENTS = [
  'SELECT "users".* FROM "users" WHERE "users"."id" = $1 LIMIT $2',
  "select * from `users` where `email` = ? and `users`.`deleted_at` is null limit 1",
  'UPDATE "users" SET "name"=\'hello\' WHERE "users"."deleted_at" IS NULL AND "id" = 10',
  "SELECT customer_id, sum(amount) FROM payments GROUP BY customer_id HAVING count(*) > 1 ORDER BY 2 DESC",
  "INSERT INTO comments (post_id, body) VALUES (4, 'Try '' OR 1=1 -- it won''t work here')",
  "SELECT * FROM t WHERE (owner_id = $1 OR $1 IS NULL) AND status IN ('a', 'b')",
  "DELETE FROM sessions WHERE expires_at < now()",
  "SELECT id FROM posts WHERE id = 0 UNION SELECT table_name, column_name FROM information_schema.columns",
];

Deno.bench("sqli statements, 8 ORM/migration statements", () => {
  for (const s of STATEMENTS) findSqlInjection(s, { isStatement: true });
});
