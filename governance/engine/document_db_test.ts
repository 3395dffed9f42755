import assert from "node:assert/strict";
import { DOCUMENT_DB, documentCall } from "./document_db.ts";
import { evaluate } from "./evaluate_all.ts";

const at = { home: "/home/dev", cwd: "/home/dev/app" };
const policies = (toolName: string, input: unknown) =>
  evaluate({ toolName, input, ...at }).matches.map((m) => m.policyId);
const allowed = (toolName: string, input: unknown) =>
  evaluate({ toolName, input, ...at }).allowed;

Deno.test("documentCall: query documents as JSON, destructive operations as statements", () => {
  assert.deepEqual(
    documentCall("find", { collection: "u", filter: { $where: "1" } }),
    { documents: ['{"$where":"1"}'], statements: [] },
  );
  assert.deepEqual(
    documentCall("drop-database", { database: "prod" }).statements,
    ["DROP DATABASE prod"],
  );
  assert.deepEqual(
    documentCall("dropCollection", { collection: "users" }).statements,
    ["DROP TABLE users"],
  );
  assert.deepEqual(
    documentCall("delete-many", { collection: "u", filter: {} }).statements,
    ["DELETE FROM u"],
  );
  assert.deepEqual(
    documentCall("deleteMany", {
      collection: "u",
      filter: { _id: { $exists: true } },
    }).statements,
    ["DELETE FROM u"],
  );
  assert.deepEqual(
    documentCall("delete-many", { collection: "u", filter: { old: true } })
      .statements,
    [],
  );
  assert.deepEqual(
    documentCall("drop-database", { database: "x; rm -rf ~" }).statements,
    ["DROP DATABASE x__rm__rf__"],
  );
  assert.ok(DOCUMENT_DB.test("mongodb") && !DOCUMENT_DB.test("github"));
});

Deno.test("document databases over MCP: injection documents and drops block, ordinary queries pass", () => {
  const blocks: [string, unknown, string][] = [
    ["mcp__mongodb__find", {
      collection: "users",
      filter: { $where: "sleep(5000) || true" },
    }, "sys_sqli_nosql_javascript"],
    ["mcp__mongodb__find", {
      filter: '{"$where":"this.password.match(/^a/)"}',
    }, "sys_sqli_nosql_javascript"],
    [
      "mcp__mongo__find",
      { filter: { password: { $ne: null } } },
      "sys_sqli_nosql_operator",
    ],
    ["mcp__mongodb__aggregate", {
      pipeline: [{ $match: { $where: "1==1" } }],
    }, "sys_sqli_nosql_javascript"],
    [
      "mcp__mongodb__drop-database",
      { database: "production" },
      "sys_sqli_drop_database",
    ],
    [
      "mcp__mongodb__drop-collection",
      { collection: "users" },
      "sys_sqli_drop_table",
    ],
  ];
  for (const [tool, input, id] of blocks) {
    assert.ok(
      policies(tool, input).includes(id),
      `${tool} ${JSON.stringify(input)}`,
    );
    assert.equal(allowed(tool, input), false);
  }
  assert.ok(
    policies("mcp__mongodb__delete-many", { collection: "o", filter: {} })
      .includes("sys_sqli_delete_without_where"),
  );
  const routine: [string, unknown][] = [
    ["mcp__mongodb__find", {
      collection: "users",
      filter: { status: "active" },
    }],
    ["mcp__mongodb__find", {
      collection: "users",
      filter: { age: { $gt: 30 } },
      projection: { password: 0 },
    }],
    ["mcp__mongodb__aggregate", {
      pipeline: [{ $match: { total: { $gt: 100 } } }, {
        $group: { _id: "$customer", n: { $sum: 1 } },
      }],
    }],
    ["mcp__mongodb__delete-many", {
      collection: "sessions",
      filter: { expired: true },
    }],
    ["mcp__mongodb__insert-many", {
      collection: "users",
      documents: [{ name: "a" }],
    }],
  ];
  for (const [tool, input] of routine) {
    assert.equal(
      allowed(tool, input),
      true,
      `${tool} ${JSON.stringify(input)}`,
    );
    assert.deepEqual(
      policies(tool, input).filter((p) => p.startsWith("sys_sqli")),
      [],
      `${tool} ${JSON.stringify(input)}`,
    );
  }
});
