import assert from "node:assert/strict";
import { findSensitive } from "./sensitive.ts";
import { redact } from "../redact.ts";

const red = (t: string) => redact(t, findSensitive(t));

Deno.test("obfuscated e-mail: angle brackets and a bracketed dot", () => {
  for (
    const [t, v] of [
      ["reach me: jane.doe<at>gmail<dot>com", "jane.doe<at>gmail<dot>com"],
      ["jane.doe@gmail[.]com", "jane.doe@gmail[.]com"],
      ["contact ana_silva(at)web(.)de today", "ana_silva(at)web(.)de"],
    ]
  ) assert.ok(!red(t).includes(v), t);
});

Deno.test("obfuscated e-mail: regexes and templates with [.] or (.) stay", () => {
  for (
    const t of [
      String.raw`const re = /^(.)\1+$/; const dot = /[.]/;`,
      "split on [.] then join with (.)",
      "user<at>domain<dot>tld is the format",
    ]
  ) assert.equal(red(t), t);
});

Deno.test("obfuscated e-mail: long runs of separators are linear", () => {
  const t0 = performance.now();
  findSensitive("a<at>".repeat(20_000));
  findSensitive("x@y[.]".repeat(15_000));
  assert.ok(performance.now() - t0 < 5_000);
});
