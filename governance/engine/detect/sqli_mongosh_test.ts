import assert from "node:assert/strict";
import { findSqlInjection } from "./sqli.ts";

const ids = (q: string): string[] =>
  findSqlInjection(q, { isStatement: true }).map((f) => f.policyId);

Deno.test("mongosh: a query that is itself a shell call is the statement, not an injection", () => {
  for (
    const q of [
      'db.users.find({"email": "k@example.com"})',
      'db.sessions.find({"user": "u1"}).limit(5)',
      'db.orders.updateOne({"_id": 1}, {"status": "paid"})',
    ]
  ) assert.ok(!ids(q).includes("sys_sqli_nosql_javascript"), q);
  assert.ok(
    findSqlInjection("x'; db.users.drop({})", { isStatement: false }).some(
      (f) => f.policyId === "sys_sqli_nosql_javascript",
    ),
  );
});

Deno.test("mongosh: whole-collection and database destruction", () => {
  assert.ok(
    ids("db.orders.deleteMany({})").includes("sys_sqli_delete_without_where"),
  );
  assert.ok(
    ids("db.orders.remove({ })").includes("sys_sqli_delete_without_where"),
  );
  assert.ok(ids("db.dropDatabase()").includes("sys_sqli_drop_database"));
  assert.ok(ids("db.orders.drop()").includes("sys_sqli_drop_table"));
  assert.deepEqual(ids('db.orders.deleteMany({"status": "expired"})'), []);
});
