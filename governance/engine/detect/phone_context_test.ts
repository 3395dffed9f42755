import assert from "node:assert/strict";
import { scan } from "../mod.ts";

Deno.test("phones: digits numbered by an id noun (build, order, ticket, release) are not phone numbers", () => {
  for (
    const t of [
      "Build 0123 4567890 finished in 4m",
      "order #0161 4960000 shipped",
      "ticket 06 12 34 56 78 closed",
      "release 0123 456 7890 tagged",
      "Tracking no. 01632 960123",
    ]
  ) assert.equal(scan(t).redacted, t, t);
});

Deno.test("phones: the same layouts as a person's number stay redacted", () => {
  for (
    const [t, v] of [
      ["Call me on 020 7946 0958", "020 7946 0958"],
      ["Tel: 07700 900123", "07700 900123"],
      ["ring 07700 900123 after the build", "07700 900123"],
      ["Mein Handy: 0176/12345678", "0176/12345678"],
      ["portable 06 12 34 56 78", "06 12 34 56 78"],
    ]
  ) assert.ok(!scan(t).redacted.includes(v), t);
});
