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

Deno.test("mongosh on a database channel: query operators are the call's syntax", () => {
  for (
    const q of [
      "db.products.find({ price: { $gte: 10, $lte: 50 } }).limit(20)",
      'db.logs.deleteMany({ ts: { $lt: ISODate("2026-06-01") } })',
      'db.tickets.find({"status": {"$ne": "closed"}, "assignee": "maria"}).limit(20)',
      'db.users.updateOne({ email: "k@example.com" }, { $set: { verified: true } })',
      'db.users.updateMany({ plan: "trial" }, { $set: { plan: "free" } })',
      "db.events.countDocuments({ ts: { $gte: new Date(Date.now() - 86400000) } })",
      'db.orders.aggregate([{ $match: { status: "shipped" } }, { $count: "n" }])',
      'db.users.find({ name: { $regex: "^Jo", $options: "i" } })',
      "db.users.find({ email: /@example\\.com$/ })",
      'db.getSiblingDB("analytics").events.find({ kind: "click" })',
      "db.runCommand({ find: 'orders', filter: { total: { $gt: 10 } } })",
      "db.adminCommand({ listDatabases: 1 })",
      'db.createUser({ user: "app", pwd: passwordPrompt(), roles: [{ role: "readWrite", db: "shop" }] })',
      'db.grantRolesToUser("analyst", [{ role: "read", db: "reports" }])',
      "db.products.deleteMany({ discontinued: true })",
      '{ status: { $ne: "archived" } }',
      "db.orders.find({ a: 1 }); db.orders.find({ b: { $in: [1, 2] } })",
    ]
  ) assert.deepEqual(ids(q), [], q);
});

Deno.test("mongosh on a database channel: what the call does", () => {
  const cases: [string, string][] = [
    ["db.users.updateMany({}, { $set: { role: 'admin' } })", "update_without"],
    [
      "db.accounts.updateMany({ _id: { $ne: null } }, { $set: { b: 0 } })",
      "update_without",
    ],
    [
      "db.customers.deleteMany({ _id: { $exists: true } })",
      "delete_without",
    ],
    [
      "db.getCollection('payments').deleteMany({ n: { $exists: true } })",
      "delete_without",
    ],
    ['db.getCollection("orders").drop()', "drop_table"],
    ["db.runCommand({ dropDatabase: 1 })", "drop_database"],
    [
      'db.createUser({ user: "svc", pwd: "p", roles: [{ role: "root", db: "admin" }] })',
      "privilege_change",
    ],
    [
      'db.getSiblingDB("admin").createUser({user: "x", pwd: "y", roles: ["userAdmin"]})',
      "privilege_change",
    ],
    [
      'db.grantRolesToUser("webapp", ["userAdminAnyDatabase"])',
      "privilege_change",
    ],
    [
      'db.createRole({ role: "x", privileges: [{ resource: { anyResource: true }, actions: ["anyAction"] }], roles: [] })',
      "privilege_change",
    ],
    ["db.adminCommand({ shutdown: 1 })", "shutdown"],
    ['db.getSiblingDB("admin").shutdownServer()', "shutdown"],
    ['db.users.find({ password: { $regex: "^a" } })', "nosql_operator"],
    [
      'db.users.findOne({ username: "admin", password: { $ne: "" } })',
      "nosql_operator",
    ],
    ['db.users.find({ $where: "sleep(3000) || true" })', "nosql_javascript"],
    ['{ username: { $gt: "" }, password: { $gt: "" } }', "nosql_operator"],
    ['{"msisdn": {"$gt": ""}}', "nosql_operator"],
    [
      '{"delete": "orders", "deletes": [{"q": {"_id": {"$ne": -1}}, "limit": 0}]}',
      "nosql_operator",
    ],
  ];
  for (const [q, want] of cases) {
    assert.ok(ids(q).some((id) => id.includes(want)), `${q}: ${ids(q)}`);
  }
});

Deno.test("mongosh: a text that is not a chain of shell calls is judged as before", () => {
  // A function argument is not a literal: the free-text patterns judge it.
  assert.ok(
    ids("db.users.find({ $where: function () { return true } })").length > 0,
  );
  // A long hostile chain is read in bounded time.
  const chain = "db.x" + ".find({a: 1})".repeat(20_000);
  const started = performance.now();
  ids(chain);
  assert.ok(performance.now() - started < 3000);
});

Deno.test("mongosh: batched, account-wide and audit operations", () => {
  const cases: [string, string][] = [
    ["db.orders.bulkWrite([{ deleteMany: { filter: {} } }])", "delete_without"],
    [
      "db.orders.bulkWrite([{ updateMany: { filter: { _id: { $exists: true } }, update: { $set: { a: 1 } } } }])",
      "update_without",
    ],
    ["db.dropAllUsers()", "privilege_change"],
    [
      "db.adminCommand({ setParameter: 1, auditAuthorizationSuccess: false })",
      "audit_disable",
    ],
    ["db.users.deleteMany({ name: /.*/ })", "delete_without"],
  ];
  for (const [q, want] of cases) {
    assert.ok(ids(q).some((id) => id.includes(want)), `${q}: ${ids(q)}`);
  }
  for (
    const q of [
      "db.orders.bulkWrite([{ deleteMany: { filter: { status: 'void' } } }])",
      "db.adminCommand({ setParameter: 1, logLevel: 1 })",
      "db.dropUser('old_report_user')",
    ]
  ) assert.deepEqual(ids(q), [], q);
});
