import assert from "node:assert/strict";
import { blocked, fired } from "./test_helpers.ts";

Deno.test("store wipe: whole key-value and search stores emptied block", () => {
  for (
    const cmd of [
      "etcdctl --endpoints=https://etcd.prod.internal:2379 del '' --prefix",
      "etcdctl del / --prefix",
      "etcdctl del --from-key ''",
      "consul kv delete -recurse /",
      "curl -s -X DELETE 'http://es.prod.internal:9200/_all'",
      "curl -XDELETE https://search.acme.com/*",
      "http DELETE es.internal:9200/_all",
    ]
  ) {
    assert.ok(blocked(cmd).includes("store_wipe"), `${cmd}: ${fired(cmd)}`);
  }
  for (
    const cmd of [
      "etcdctl del /app/config/feature-x",
      "etcdctl get '' --prefix --keys-only",
      "etcdctl --endpoints=http://127.0.0.1:2379 del '' --prefix",
      "consul kv delete -recurse app/tmp",
      "curl -s -X DELETE http://localhost:9200/_all",
      "curl -X DELETE http://es.internal:9200/logs-2024.01.01",
      "curl -s http://es.internal:9200/_all/_search",
    ]
  ) {
    assert.deepEqual(blocked(cmd), [], `${cmd}: ${fired(cmd)}`);
  }
});
