import assert from "node:assert/strict";
import { readJsArguments, readJsLiteral } from "./js_literal.ts";

Deno.test("js literals: shell-style objects read as plain values", () => {
  assert.deepEqual(
    readJsLiteral(
      `{ price: { $gte: 10, $lte: 50 }, 'name': "a\\"b", tags: ['x', 'y',], }`,
    ),
    { price: { $gte: 10, $lte: 50 }, name: 'a"b', tags: ["x", "y"] },
  );
  assert.deepEqual(
    readJsLiteral(
      `{ _id: ObjectId("65f1a2b3c4d5e6f7a8b9c0d1"), at: new Date(), n: -1.5 }`,
    ),
    { _id: "<ObjectId()>", at: "<Date()>", n: -1.5 },
  );
  assert.deepEqual(readJsLiteral(`{ email: /@example\\.com$/i }`), {
    email: { $regex: "@example\\.com$" },
  });
  assert.deepEqual(
    readJsLiteral(`{ ts: { $gte: new Date(Date.now() - 86400000) } }`),
    { ts: { $gte: "<Date()>" } },
  );
  assert.deepEqual(readJsLiteral(`{ a: x * 2 + 1 }`), { a: "<expr>" });
  assert.deepEqual(readJsLiteral(`{ a: undefined, b: null, c: true }`), {
    a: undefined,
    b: null,
    c: true,
  });
});

Deno.test("js literals: what is not exactly one literal reads as undefined", () => {
  for (
    const t of [
      "{ a: 1 } extra",
      "{ a: 1",
      "{ a: function () { return 1 } }",
      "{ : 1 }",
      "SELECT 1",
      "'open",
      "{ a: /unclosed }",
    ]
  ) assert.equal(readJsLiteral(t), undefined, t);
  // `__proto__` is kept as data, not as the prototype.
  const v = readJsLiteral(`{ "__proto__": { "polluted": 1 } }`) as Record<
    string,
    unknown
  >;
  assert.deepEqual(Object.keys(v), ["__proto__"]);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});

Deno.test("js literals: call arguments and where they end", () => {
  const t = `db.x.find({ a: 1 }, { b: 0 }).limit(5)`;
  const open = t.indexOf("(");
  const r = readJsArguments(t, open);
  assert.deepEqual(r?.args, [{ a: 1 }, { b: 0 }]);
  assert.equal(t.slice(r?.end), ".limit(5)");
  assert.equal(readJsArguments(t, 0), undefined);
});

Deno.test("js literals: hostile input is read in linear time and bounded depth", () => {
  const deep = "[".repeat(100_000) + "]".repeat(100_000);
  const wide = "{" + "a: 1, ".repeat(200_000) + "}";
  const str = "'" + "\\'".repeat(200_000);
  const ops = "1" + " - 1".repeat(100_000);
  const started = performance.now();
  assert.equal(readJsLiteral(deep), undefined);
  assert.equal(readJsLiteral(wide), undefined); // more values than read
  assert.equal(readJsLiteral(str), undefined);
  assert.equal(readJsLiteral(ops), undefined);
  assert.ok(performance.now() - started < 2000);
});
