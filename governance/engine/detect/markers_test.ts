import assert from "node:assert/strict";
import { BASE64_WORDS, base64Forms, MARKERS } from "./markers.ts";
import { BASE64_MARKER_KEYWORDS } from "../policies/sensitive_keywords.ts";

Deno.test("base64Forms: the characters a word fixes at each alignment", () => {
  assert.deepEqual(base64Forms("secret"), ["c2VjcmV0", "NlY3Jld", "zZWNyZX"]);
  assert.deepEqual(base64Forms("ab"), []);
});

Deno.test("base64Forms: every form occurs in the base64 of a text holding the word at that alignment", () => {
  for (
    const word of ["password", "AKIA", "-----BEGIN", "client_secret", "x_y"]
  ) {
    const forms = base64Forms(word);
    for (let shift = 0; shift < 3; shift++) {
      const encoded = btoa("#".repeat(shift) + word + "#");
      const k0 = Math.ceil((8 * shift) / 6);
      const k1 = Math.floor((8 * (shift + word.length)) / 6);
      if (k1 - k0 < 4) continue;
      assert.ok(
        forms.some((f) => encoded.includes(f)),
        `${word} at ${shift}: ${forms} not in ${encoded}`,
      );
    }
  }
  const base64 = MARKERS.find((m) => m.flag === 2);
  assert.ok(base64 && base64.keywords.includes("c2VjcmV0"));
});

Deno.test("the generated base64 marker keywords are the forms of the marker's words (run `deno task build` when this fails)", () => {
  assert.deepEqual(BASE64_MARKER_KEYWORDS, [
    ...new Set(BASE64_WORDS.flatMap(base64Forms)),
  ]);
});
