/**
 * Round-6 secret classes, each with near misses beside it: Azure storage
 * keys listed by name (`az storage account keys list`). Values are made up.
 */
import assert from "node:assert/strict";
import { findSensitive } from "./sensitive.ts";

/** A made-up 88-character storage key. */
const AZ =
  "eTxuiBqQGR0EdFJJcg32uOyz2nFFT3/P9zJlAndQSr7eNoQEmnfJdWjTnDQIsiHv76qLvgub3uI5m282lDEeo2==";

/** Whether `value` is inside one finding of `text`. */
function covered(text: string, value: string): boolean {
  const at = text.indexOf(value);
  return findSensitive(text).some((f) =>
    f.start <= at && f.end >= at + value.length
  );
}

Deno.test("Azure storage keys listed by name: table and JSON output", () => {
  const table =
    `KeyName    Permissions    Value\n---------  -------------  -----\nkey1       FULL           ${AZ}`;
  assert.ok(covered(table, AZ));
  const json =
    `[\n  {\n    "creationTime": "2026-11-02T08:00:00+00:00",\n    "keyName": "key1",\n    "permissions": "FULL",\n    "value": "${AZ}"\n  }\n]`;
  assert.ok(covered(json, AZ));
});

Deno.test("Azure listed keys: integrity hashes and keys without a key name are not", () => {
  for (
    const t of [
      `"integrity": "sha512-${AZ}" // key1`,
      `checksum ${AZ}`,
    ]
  ) {
    assert.deepEqual(findSensitive(t), [], t);
  }
});

Deno.test("Azure listed keys on hostile input finish in linear time", () => {
  const started = performance.now();
  findSensitive("key1 " + "A".repeat(100_000));
  findSensitive(("key1 " + "Ab+/".repeat(30) + "== ").repeat(1_000));
  assert.ok(performance.now() - started < 5_000);
});
