import assert from "node:assert/strict";
import { foldedTraits, textTraits, TRAIT_BITS } from "./traits.ts";
import { spokenDigitCells } from "./spoken_digits.ts";

/** The run `spoken_digits.ts` reads (its RUN pattern): 9 to 19 single digits joined by single spaces. */
const RUN = /(?<![\w.-]|\d )\d(?: \d){8,18}(?![\w.]| \d)/;

const spoken = (text: string): boolean => {
  const bytes = new TextEncoder().encode(text);
  const mask = bytes.length === text.length
    ? textTraits(bytes, text)
    : foldedTraits(text);
  return (mask & TRAIT_BITS.spoken) !== 0;
};

Deno.test("traits: the spoken trait holds wherever a digit-by-digit number can be read (differential)", () => {
  const pieces = [
    "1",
    "2",
    "0",
    " ",
    "  ",
    "-",
    ".",
    "x",
    "12",
    "\n",
    "é",
    "\u00a0",
  ];
  let seed = 5;
  const rnd = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    return seed % n;
  };
  let held = 0;
  for (let k = 0; k < 20_000; k++) {
    let t = "";
    const len = 1 + rnd(40);
    for (let i = 0; i < len; i++) {
      t += rnd(5) === 0 ? pieces[rnd(pieces.length)] : `${rnd(10)} `;
    }
    if (RUN.test(t)) {
      held++;
      assert.ok(spoken(t), JSON.stringify(t));
    }
  }
  assert.ok(held > 100);
});

Deno.test("traits: the spoken trait", () => {
  assert.ok(spoken("SSN: 0 1 6 7 0 3 7 2 1"));
  assert.ok(spoken("call 9 7 1 2 6 2 1 3 5 3 now"));
  assert.ok(!spoken("0 1 6 7 0 3 7 2"));
  assert.ok(!spoken("2026-11-24 07:01:12 build 1 2 3 4 5 6 7 8 10"));
  assert.equal(spokenDigitCells("ssn 0 1 6 7 0 3 7 2").length, 0);
});
