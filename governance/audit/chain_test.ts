import assert from "node:assert/strict";
import { chainHash, GENESIS_HASH, hashBody } from "./chain.ts";
import { sha256Hex } from "../engine/sha256.ts";
import { ev } from "./_test_util.ts";

const TIME = "2026-01-02T03:04:05.000Z";

Deno.test("chainHash is SHA-256 over the previous hash, a newline and the body", () => {
  assert.equal(GENESIS_HASH, "0".repeat(64));
  assert.equal(
    chainHash(GENESIS_HASH, "{}"),
    sha256Hex(`${GENESIS_HASH}\n{}`),
  );
  assert.notEqual(
    chainHash(GENESIS_HASH, "{}"),
    chainHash("1".repeat(64), "{}"),
  );
});

Deno.test("hashBody covers the id and every field, in a canonical order", () => {
  const a = { ...ev(), time: TIME };
  const body = hashBody(1, a);
  assert.equal(JSON.parse(body).id, 1);
  assert.equal(JSON.parse(body).inputSummary, "ls -la");
  // The same event with its fields in another order hashes the same.
  const reordered = Object.fromEntries(Object.entries(a).reverse()) as typeof a;
  assert.equal(hashBody(1, reordered), body);
  // Another id, or any changed field, does not.
  assert.notEqual(hashBody(2, a), body);
  assert.notEqual(hashBody(1, { ...a, inputSummary: "ls -l" }), body);
  assert.notEqual(hashBody(1, { ...a, sessionId: "s1" }), body);
  // Fields outside the event (a stored row's hashes) are not part of it.
  assert.equal(
    hashBody(1, { ...a, prevHash: "x", hash: "y" } as typeof a),
    body,
  );
});
