import assert from "node:assert/strict";
import { hostRecord, versionConnected } from "./ip_context.ts";
import { findSensitive } from "./sensitive.ts";

const ipFound = (t: string) =>
  findSensitive(t).some((f) => f.policyId === "sys_pii_ipv4");

Deno.test("versions after a connector and DNS host records are not addresses", () => {
  for (
    const t of [
      "Upgraded the driver to 5.0.14.89 (build 22631.4460)",
      "bump openssl from 3.0.13.1 to 3.0.13.2",
      "firmware now 2.1.0.77",
      ";; ANSWER SECTION:\napi.github.com.   60  IN  A  140.82.112.3",
      "example.net has address 93.184.216.34",
      "upstream backend {\n  server 192.168.1.20:8080;\n}",
      "proxy_pass http://10.2.3.4:3000;",
    ]
  ) assert.ok(!ipFound(t), t);
});

Deno.test("visitors' addresses stay findings", () => {
  for (
    const t of [
      '81.2.69.160 - - [03/Dec/2026:10:14:22 +0000] "GET / HTTP/1.1" 200',
      "login from 176.34.2.9 after the upgrade",
      "client 31.13.64.35 connected to server",
    ]
  ) assert.ok(ipFound(t), t);
});

Deno.test("the context checks are linear on long hostile lines", () => {
  const long = "upgrade ".repeat(13_000) + "x";
  const dns = "a".repeat(100_000) + ". 60 IN ";
  const t0 = performance.now();
  versionConnected(long, long.length);
  hostRecord(dns, dns.length);
  findSensitive("upgraded to 1.2.3.4 ".repeat(5_000));
  assert.ok(performance.now() - t0 < 5_000);
});

Deno.test("a private address as the host of user@host is configuration", () => {
  for (
    const t of [
      "ERROR 1045 (28000): Access denied for user 'app'@'10.0.3.7' (using password: YES)",
      "ssh deploy@192.168.4.20 'systemctl restart api'",
    ]
  ) assert.ok(!ipFound(t), t);
  assert.ok(
    ipFound("Access denied for user 'app'@'10.0.3.7' from 81.2.69.160"),
  );
});
