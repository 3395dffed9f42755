import assert from "node:assert/strict";
import {
  holdsSplitDigits,
  mayHoldWordRun,
  nextSplitDigits,
  PROSE_WORDS,
  SPLIT_DIGITS,
  wordHash,
} from "./keywordless.ts";
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

/** Every match of the global pattern, from the start, as [index, text] pairs. */
function globalMatches(text: string): [number, string][] {
  const re = new RegExp(SPLIT_DIGITS.source, "g");
  const out: [number, string][] = [];
  for (let m; (m = re.exec(text)) !== null;) out.push([m.index, m[0]]);
  return out;
}

/** Every match of nextSplitDigits, from the start. */
function nextMatches(text: string): [number, string][] {
  const out: [number, string][] = [];
  for (let at = 0, m; (m = nextSplitDigits(text, at)) !== null;) {
    out.push([m.index, m[0]]);
    at = m.index + m[0].length;
  }
  return out;
}

Deno.test("keywordless: nextSplitDigits finds exactly the pattern's matches (differential)", () => {
  const alphabet = "0123456789012345  --\r\n\n\t>.a";
  let seed = 7;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  for (let k = 0; k < 4000; k++) {
    let t = "";
    const len = 1 + rnd(120);
    for (let i = 0; i < len; i++) t += alphabet[rnd(alphabet.length)];
    assert.deepEqual(nextMatches(t), globalMatches(t), JSON.stringify(t));
  }
  for (
    const t of [
      "Card number: 5567 9002\n7165 4316",
      "4007-6779-\n> 5600-0186",
      "4007 6779 5600 0186 1234\r\n  >  12 3",
      "x.1234\n5678",
      "1234\n\n5678",
      "no digits here\n",
      "12345678\n1234",
    ]
  ) {
    assert.deepEqual(nextMatches(t), globalMatches(t), t);
    assert.equal(holdsSplitDigits(t), globalMatches(t).length > 0, t);
  }
});

Deno.test("keywordless: nextSplitDigits is linear on hostile input", () => {
  for (
    const unit of [
      "1234 1234 1234 1234 \r\n",
      "1234\n",
      "1234-1234-\n>    ",
      "9999 9999 9999 9999 9999 9999\n",
    ]
  ) {
    const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const t0 = performance.now();
    const n = nextMatches(text).length;
    assert.ok(performance.now() - t0 < 5_000, unit);
    assert.equal(n, globalMatches(text).length, unit);
  }
});
