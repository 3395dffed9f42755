import assert from "node:assert/strict";
import { findSensitive } from "./sensitive.ts";

const ips = (t: string) =>
  findSensitive(t).filter((f) => f.type === "ipv4").map((f) =>
    t.slice(f.start, f.end)
  );

Deno.test("server addresses in network diagnostics are not findings", () => {
  for (
    const t of [
      "PING github.com (140.82.121.4): 56 data bytes",
      "Resolving registry.npmjs.org (registry.npmjs.org)... 104.16.2.35, 104.16.3.35",
      "traceroute to 8.8.8.8 (8.8.8.8), 30 hops max\n 1  192.168.1.1  1.2 ms\n 2  84.116.240.1  8.1 ms",
      "*   Trying 140.82.112.3:443...\n* Connected to github.com (140.82.112.3) port 443",
      "tcp 0 0 192.168.1.5:53422 140.82.112.3:443 ESTABLISHED 4412/git",
    ]
  ) assert.deepEqual(ips(t), [], t);
});

Deno.test("visitors' addresses stay findings beside the server rules", () => {
  for (
    const [t, v] of [
      ["client 31.13.64.35 connected to server", "31.13.64.35"],
      ["login by alice.smith (81.2.69.160)", "81.2.69.160"],
      ["tcp 0 0 81.2.69.1:443 31.13.64.35:53422 ESTABLISHED", "31.13.64.35"],
    ]
  ) assert.ok(ips(t).includes(v), t);
});

Deno.test("server address checks are linear on long lines", () => {
  const t0 = performance.now();
  findSensitive("a".repeat(100_000) + ".com (81.2.69.160)");
  findSensitive(("x.com (" + "1".repeat(60)).repeat(2_000) + " 81.2.69.160");
  findSensitive("Resolving " + "a".repeat(100_000) + " 81.2.69.160");
  assert.ok(performance.now() - t0 < 5_000);
});
