/**
 * Recurrences (`recur.ts`): a value found once is redacted wherever it
 * recurs in the same text.
 */
import assert from "node:assert/strict";
import { findSensitive } from "./sensitive.ts";
import { redact } from "../redact.ts";

Deno.test("a person's name found beside their data is redacted where it recurs (a signature)", () => {
  const text =
    "Details they sent us:\n\nFull Name: Kayla Brennan\nSSN: 415-25-5773\n\nThanks,\nsupport\n\n----- original message -----\nPlease update my account.\nKayla Brennan\n";
  const out = redact(text, findSensitive(text));
  assert.ok(!out.includes("Kayla Brennan"), out);
  // A name that was never found as a person's is left where it stands.
  const plain = "Release notes by Kayla Brennan.\nReviewed by Kayla Brennan.";
  assert.equal(redact(plain, findSensitive(plain)), plain);
});
