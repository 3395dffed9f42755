import assert from "node:assert/strict";
import { scan } from "../scan.ts";
import { secretDataCells } from "./k8s_secret_data.ts";

/** Base64 of `n` random letters and digits (generated, no real secret). */
function b64(n: number): string {
  const a = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  let s = "";
  for (let i = 0; i < n; i++) s += a[(i * 7919 + n * 31) % a.length];
  return btoa(s);
}

Deno.test("k8s secret data: every data and stringData value of a Secret", () => {
  const a = b64(40), b = b64(24);
  const yaml =
    `apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\ntype: Opaque\ndata:\n  aws: ${a}\n  tls.key: "${b}"\nstringData:\n  session: Kq8vN2mXr4Lp\n`;
  const r = scan(yaml).redacted;
  for (const v of [a, b, "Kq8vN2mXr4Lp"]) assert.ok(!r.includes(v), r);
  assert.ok(r.includes("name: app"), r);
  const json =
    `{"apiVersion":"v1","kind":"Secret","metadata":{"name":"x"},"data":{"token":"${a}","ca":"${b}"}}`;
  const j = scan(json).redacted;
  assert.ok(!j.includes(a) && !j.includes(b), j);
  assert.ok(j.includes('"name":"x"'), j);
});

Deno.test("k8s secret data: ConfigMaps, placeholders and short values stay", () => {
  const a = b64(40);
  const cm =
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  blob: ${a}\n  LOG_LEVEL: info\n`;
  assert.deepEqual(secretDataCells(cm), []);
  // A Secret and a ConfigMap in one stream: only the Secret's values.
  const both = `${cm}---\nkind: Secret\ndata:\n  key: ${a}\n`;
  const cells = secretDataCells(both);
  assert.equal(cells.length, 1);
  assert.ok(cells[0].start > cm.length);
  const ph =
    "kind: Secret\ndata:\n  password: cGFzc3dvcmQ=\n  user: YWRtaW4=\n  token: ${TOKEN_B64}\n";
  assert.deepEqual(secretDataCells(ph), []);
});

Deno.test("k8s secret data: linear on hostile input", () => {
  const t = "kind: Secret\n" + "data:\n  k: AAAA\n".repeat(20000) +
    '"data": {' + '"k": "AAAA", '.repeat(20000);
  const t2 = '"kind": "Secret", ' + '"data": {'.repeat(30000) + "}";
  const t0 = Date.now();
  secretDataCells(t);
  secretDataCells(t2);
  assert.ok(Date.now() - t0 < 2000, `${Date.now() - t0} ms`);
});
