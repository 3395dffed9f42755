import assert from "node:assert/strict";
import { holdsSpacedChars, maySpaceChars } from "./keywordless.ts";

/** The spaced-token run, as `keywordless.ts` spells it (without the hint). */
const RUN = /(?<![!-~])(?:[!-~] ){15,512}[!-~](?![!-~])/;

Deno.test("keywordless: the spaced-token hint holds wherever a run does (differential)", () => {
  const pieces = ["a", "B", "7", "_", " ", "  ", "\n", "ab", "é", "\t"];
  let seed = 3;
  const rnd = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    return seed % n;
  };
  let runs = 0;
  for (let k = 0; k < 20_000; k++) {
    let t = "";
    const len = 1 + rnd(40);
    for (let i = 0; i < len; i++) {
      t += rnd(6) === 0 ? pieces[rnd(pieces.length)] : "x ";
    }
    const run = RUN.test(t);
    if (run) runs++;
    assert.ok(!run || maySpaceChars(t), JSON.stringify(t));
    assert.equal(holdsSpacedChars(t), run, JSON.stringify(t));
  }
  assert.ok(runs > 100);
});

Deno.test("keywordless: the spaced-token hint is linear on hostile input", () => {
  const text = "a a a a a a b".repeat(200_000);
  const t0 = performance.now();
  assert.ok(!maySpaceChars(text.replaceAll(" a b", "ab")));
  holdsSpacedChars(text);
  assert.ok(performance.now() - t0 < 5_000);
});
