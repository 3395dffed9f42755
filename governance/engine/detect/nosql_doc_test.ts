import assert from "node:assert/strict";
import { queryDocument, queryDocumentHits } from "./nosql_doc.ts";
import { findSqlInjection } from "./sqli.ts";

const ids = (q: string) =>
  findSqlInjection(q, { isStatement: true }).map((f) => f.policyId);

Deno.test("query documents: operators in ordinary filters are syntax, not injection", () => {
  for (
    const q of [
      `{"find":"orders","filter":{"total":{"$gt":100},"status":"paid"}}`,
      `{"find":"products","filter":{"tags":{"$in":["sale","new"]}}}`,
      `{"find":"logs","filter":{"level":{"$ne":"debug"},"ts":{"$gte":"2026-12-01"}}}`,
      `{"aggregate":"events","pipeline":[{"$match":{"n":{"$lt":5}}},{"$group":{"_id":"$kind"}}]}`,
      `{"find":"users","filter":{"email":{"$in":["a@example.com"]}}}`,
      `{"find":"users","filter":{"login":{"$in":["admin","root"]}}}`,
      `{"filter":{"$or":[{"a":1},{"b":{"$lt":2}}]}}`,
      `[{"$match":{"deleted":{"$exists":false}}}]`,
    ]
  ) assert.deepEqual(ids(q), [], q);
});

Deno.test("query documents: server-side JavaScript and match-anything credentials are injection", () => {
  const cases: [string, string][] = [
    [
      `{"find":"users","filter":{"username":"admin","password":{"$ne":null}}}`,
      "sys_sqli_nosql_operator",
    ],
    [
      `{"find":"users","filter":{"user":{"$gt":""},"pass":{"$gt":""}}}`,
      "sys_sqli_nosql_operator",
    ],
    [`{"filter":{"token":{"$regex":".*"}}}`, "sys_sqli_nosql_operator"],
    [`{"filter":{"pwd":{"$exists":true}}}`, "sys_sqli_nosql_operator"],
    [`{"filter":{"password":{"$ne":"x"}}}`, "sys_sqli_nosql_operator"],
    [`{"$gt": "", "username": "admin"}`, "sys_sqli_nosql_operator"],
    [
      `{"find":"users","filter":{"$where":"this.password.match(/.*/)"}}`,
      "sys_sqli_nosql_javascript",
    ],
    [
      `{"aggregate":"u","pipeline":[{"$match":{"$expr":{"$function":{"body":"function(){return true}","args":[],"lang":"js"}}}}]}`,
      "sys_sqli_nosql_javascript",
    ],
    // a SQL payload in a field of the document is still seen
    [
      `{"find":"x","filter":{"name":"a' OR 1=1 --"}}`,
      "sys_sqli_tautology_numeric",
    ],
  ];
  for (const [q, id] of cases) {
    assert.ok(ids(q).includes(id), `${q}: ${ids(q)}`);
  }
});

Deno.test("query documents: not a document, or too deep to parse, is judged as text", () => {
  assert.equal(queryDocument("SELECT 1"), undefined);
  assert.equal(queryDocument("{not json"), undefined);
  assert.equal(queryDocument('"a string"'), undefined);
  const deep = "[".repeat(200_000) + "]".repeat(200_000);
  // parsed or not, it must not throw
  const d = queryDocument(deep);
  if (d !== undefined) assert.deepEqual(queryDocumentHits(d), []);
  assert.doesNotThrow(() => findSqlInjection(deep, { isStatement: true }));
  // a wide document is walked with a bound
  const wide = JSON.stringify(
    Array.from({ length: 300_000 }, (_, i) => ({ ["k" + i]: i })),
  );
  assert.doesNotThrow(() => findSqlInjection(wide, { isStatement: true }));
});

Deno.test("query documents: a secret as one part of a field name (pass_hash, apiSecret)", () => {
  for (
    const q of [
      `{"user_name": "admin", "pass_hash": {"$regex": "^"}}`,
      `{"login": "a", "passwordDigest": {"$ne": ""}}`,
      `{"name": "svc", "api_secret": {"$gt": ""}}`,
      `{"reset_token": {"$exists": true}}`,
      `{"psk": {"$exists": true, "$ne": ""}}`,
    ]
  ) {
    assert.ok(
      ids(q).includes("sys_sqli_nosql_operator"),
      `${q} → ${ids(q).join(",")}`,
    );
  }
  for (
    const q of [
      `{"content_hash": {"$in": ["ab12", "cd34"]}}`,
      `{"passenger_count": {"$gt": 2}}`,
      `{"tokens_used": {"$lt": 1000}}`,
      `{"pinned": {"$ne": true}}`,
    ]
  ) assert.deepEqual(ids(q), [], q);
});

Deno.test("query documents: an $expr comparing two constants matches every document", () => {
  for (
    const q of [
      `{"login": "ops", "$expr": {"$eq": [1, 1]}}`,
      `{"$expr": {"$ne": ["a", "b"]}}`,
    ]
  ) assert.ok(ids(q).includes("sys_sqli_nosql_operator"), q);
  for (
    const q of [
      `{"$expr": {"$gt": ["$spent", "$budget"]}}`,
      `{"$expr": {"$eq": ["$a", 1]}}`,
    ]
  ) assert.deepEqual(ids(q), [], q);
});

Deno.test("query documents: an account collection joined or appended wholesale", () => {
  for (
    const q of [
      `{"aggregate": "claims", "pipeline": [{"$lookup": {"from": "agent_logins", "pipeline": [], "as": "x"}}]}`,
      `{"aggregate": "claims", "pipeline": [{"$lookup": {"from": "users", "as": "x", "pipeline": [{"$project": {"password": 1}}]}}]}`,
      `{"aggregate": "claims", "pipeline": [{"$unionWith": "users"}]}`,
      `{"aggregate": "claims", "pipeline": [{"$unionWith": {"coll": "admins", "pipeline": []}}]}`,
    ]
  ) assert.deepEqual(ids(q), ["sys_sqli_nosql_operator"], q);
  // Joins on a key, correlated pipelines, and an account collection's own joins pass.
  for (
    const q of [
      `{"aggregate": "claims", "pipeline": [{"$lookup": {"from": "users", "localField": "adjuster_id", "foreignField": "_id", "as": "adjuster"}}]}`,
      `{"aggregate": "claims", "pipeline": [{"$lookup": {"from": "users", "let": {"a": "$adjuster_id"}, "pipeline": [{"$match": {"$expr": {"$eq": ["$_id", "$$a"]}}}], "as": "adj"}}]}`,
      `{"aggregate": "users", "pipeline": [{"$lookup": {"from": "sessions", "pipeline": [], "as": "s"}}]}`,
      `{"aggregate": "claims", "pipeline": [{"$unionWith": "claims_archive"}]}`,
    ]
  ) assert.deepEqual(ids(q), [], q);
});

Deno.test("query documents: an empty branch of an $or matches every document", () => {
  assert.deepEqual(
    ids(
      `{"find": "leases", "filter": {"tenant": "x", "$or": [{}, {"a": "a"}]}}`,
    ),
    ["sys_sqli_nosql_operator"],
  );
  for (
    const q of [
      `{"find": "leases", "filter": {"$or": [{"status": "active"}, {"status": "pending"}]}}`,
      `{"find": "leases", "filter": {"$and": [{}, {"status": "active"}]}}`,
      `{"find": "leases", "filter": {}}`,
    ]
  ) assert.deepEqual(ids(q), [], q);
});

Deno.test("query documents: a PIN or one-time-code hash is a secret field", () => {
  for (
    const q of [
      `{"find": "hangar_logins", "filter": {"badge": "M-77", "pin_hash": {"$ne": null}}}`,
      `{"find": "staff", "filter": {"otpDigest": {"$gt": ""}}}`,
    ]
  ) assert.deepEqual(ids(q), ["sys_sqli_nosql_operator"], q);
  for (
    const q of [
      `{"find": "files", "filter": {"file_hash": {"$in": ["ab12", "cd34"]}}}`,
      `{"find": "builds", "filter": {"commit_hash": {"$ne": null}}}`,
      `{"find": "hangar_logins", "filter": {"badge": "M-77"}, "projection": {"pin_hash": 0}}`,
    ]
  ) assert.deepEqual(ids(q), [], q);
});

Deno.test("query documents written as JavaScript literals are read too, and findings point at the key", () => {
  const q = '{ username: "admin", password: { $ne: "" } }';
  const f = findSqlInjection(q, { isStatement: true }).find((x) =>
    x.policyId === "sys_sqli_nosql_operator"
  );
  assert.ok(f !== undefined);
  assert.equal(q.slice(f.start, f.end), "password");
  assert.deepEqual(
    ids('{ status: { $ne: "archived" }, total: { $gt: 5 } }'),
    [],
  );
  assert.deepEqual(queryDocument("{ a: 1 }"), { a: 1 });
});
