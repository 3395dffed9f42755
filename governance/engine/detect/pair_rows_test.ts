import assert from "node:assert/strict";
import { pairRows } from "./pair_rows.ts";
import { scan } from "../mod.ts";

// Generated values, not real credentials.
const PW = "Rt5#kLm92QxzPw";

Deno.test("chpasswd: cloud-init's list block and echo | chpasswd are passwords", () => {
  for (
    const t of [
      `#cloud-config\nchpasswd:\n  list: |\n    ubuntu:${PW}\n    root:${PW}x\n  expire: false`,
      `chpasswd:\n  expire: false\n  list:\n    - ubuntu:${PW}`,
      `echo 'deploy:${PW}' | sudo chpasswd`,
      `sudo chpasswd <<< "deploy:${PW}"`,
    ]
  ) {
    const r = scan(t).redacted;
    assert.ok(!r.includes(PW), r);
  }
});

Deno.test("chpasswd: YAML keys, placeholders and prose stay", () => {
  for (
    const t of [
      "chpasswd:\n  expire: false\n  list: |\n    root:RANDOM",
      "use chpasswd to set passwords in bulk: user:password per line",
      "chpasswd:\n  expire: true\nruncmd:\n  - echo done",
      "the chpasswd module\nserver: db01\nport: 5432",
    ]
  ) assert.equal(scan(t).redacted, t, t);
});

Deno.test("redis-cli replies: a secret-named field's value on the next line is a secret", () => {
  const t =
    '127.0.0.1:6379> CONFIG GET requirepass\n1) "requirepass"\n2) "Nq8vL3xP0tZr5sKm"';
  assert.ok(!scan(t).redacted.includes("Nq8vL3xP0tZr5sKm"));
  const h =
    '> HGETALL user:1\n1) "name"\n2) "bob"\n3) "api_token"\n4) "tk_9f8e7d6c5b4a39281706f5e4d3c2b1a0"';
  const r = scan(h).redacted;
  assert.ok(!r.includes("tk_9f8e7d6c5b4a39281706f5e4d3c2b1a0"), r);
  assert.ok(r.includes('"bob"'), r);
  const plain = '> CONFIG GET maxmemory\n1) "maxmemory"\n2) "0"';
  assert.equal(scan(plain).redacted, plain);
});

Deno.test("pairRows: spans point at the values", () => {
  const t = `chpasswd:\n  list: |\n    ubuntu:${PW}`;
  const [row] = pairRows(t);
  assert.equal(t.slice(row.start, row.end), PW);
});

Deno.test("pairRows: hostile input stays linear", () => {
  const inputs = [
    "chpasswd ".repeat(100_000),
    "chpasswd:\n" + "    a:bbbbbb\n".repeat(50_000),
    '1) "a"\n'.repeat(100_000),
    "x:" + "y".repeat(200_000) + " | chpasswd",
  ];
  for (const t of inputs) {
    const t0 = performance.now();
    pairRows(t);
    assert.ok(performance.now() - t0 < 1_000, t.slice(0, 20));
  }
});
