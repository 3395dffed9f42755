import assert from "node:assert/strict";
import { mayHoldWordRun, PROSE_WORDS, wordHash } from "./keywordless.ts";
import { BIP39_WORDS } from "./bip39_words.ts";

Deno.test("keywordless: no prose word is a BIP-39 word, and no hash of one collides", () => {
  const list = new Set(BIP39_WORDS);
  const prose = new Set(PROSE_WORDS.map(wordHash));
  for (const w of PROSE_WORDS) assert.ok(!list.has(w), w);
  for (const w of BIP39_WORDS) assert.ok(!prose.has(wordHash(w)), w);
});

Deno.test("keywordless: prose is not a word run, a phrase is", () => {
  assert.equal(
    mayHoldWordRun(
      "If it is really needed, stop and ask the user; they can allow exactly this call by running it",
    ),
    false,
  );
  assert.equal(
    mayHoldWordRun(
      "ded, stop and ask the user; they can allow exactly this cal",
    ),
    false,
  );
  assert.equal(
    mayHoldWordRun(
      "abandon ability able about above absent absorb abstract absurd abuse access accident",
    ),
    true,
  );
  const s = performance.now();
  mayHoldWordRun("word ".repeat(200_000));
  assert.ok(performance.now() - s < 5_000);
});
