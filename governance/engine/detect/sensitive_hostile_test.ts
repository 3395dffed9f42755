import assert from "node:assert/strict";
import { findSensitive } from "./sensitive.ts";

// Keys repeated without a break: every key's value runs to the end of the
// text (up to the 4 KB a value may hold), so a scan that read each rejected
// value again from the next key was quadratic up to that length.
Deno.test("keys repeated without a break are scanned once (a rejected long value is not searched again from inside)", () => {
  for (
    const unit of [
      "next-auth.session-token=",
      "token=",
      "pwd=",
      "ATATT3=",
      "password: ",
      'api_key="',
    ]
  ) {
    const text = unit.repeat(Math.ceil(400_000 / unit.length));
    const t0 = performance.now();
    findSensitive(text);
    const ms = performance.now() - t0;
    assert.ok(ms < 5_000, `${unit} x 400 KB: ${ms.toFixed(0)} ms`);
  }
});

Deno.test("a secret inside a long value the assignment kind rejects is still found by its own kind", () => {
  const ghp = "ghp_" + "Zq7Rk2Lm9Xv4Tb8Nc1Wd5Hy3Pf6Js0Ga2KeQ";
  const text = "session-token=" + "example.".repeat(60) + ghp + " done";
  const found = findSensitive(text);
  assert.ok(
    found.some((f) => text.slice(f.start, f.end).includes(ghp)),
    JSON.stringify(found),
  );
});
