import assert from "node:assert/strict";
import { scan } from "../scan.ts";

Deno.test("pii: an order or ticket number shaped like a US phone is an id", () => {
  for (
    const t of [
      "Order #375-582-0101 shipped via DHL.",
      "Order 375-582-0101 shipped",
      "ticket no. 540-397-6735 closed",
    ]
  ) assert.equal(scan(t).redacted, t);
  assert.match(
    scan("Call me at 375-582-0101 tomorrow").redacted,
    /REDACTED:phone/,
  );
});

Deno.test("pii: a dotted quad after a version operator is a version", () => {
  for (
    const t of [
      "Requires: libfoo >= 1.2.3.4, glibc 2.35",
      "requires openssl >= 1.1.1.4",
      "gem 'rails', '~> 7.1.3.2'",
      'pin "^4.2.0.1"',
    ]
  ) assert.equal(scan(t).redacted, t);
  for (const t of ["client ip=203.0.113.5 login ok", "from -> 203.0.113.5"]) {
    assert.match(scan(t).redacted, /REDACTED:ipv4/, t);
  }
});
