/** The validators' helpers: `keyBefore` reads what its reference regex finds. */
import assert from "node:assert/strict";
import { keyBefore } from "./validators.ts";

/** The regex `keyBefore` replaced, as the reference. */
function reference(text: string, start: number): string | undefined {
  const before = text.slice(Math.max(0, start - 60), start);
  const m = /["']?([A-Za-z_][\w.-]{0,40})["']?\s{0,3}[:=]\s{0,3}["']?$/.exec(
    before,
  );
  return m ? m[1].toLowerCase() : undefined;
}

Deno.test("keyBefore agrees with its reference regex on random key/value shapes", () => {
  const alphabet = [
    "a",
    "Z",
    "_",
    "1",
    ".",
    "-",
    " ",
    '"',
    "'",
    ":",
    "=",
    "\n",
    "\t",
    "é",
  ];
  let seed = 7;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  for (let n = 0; n < 20_000; n++) {
    let s = "x".repeat(rand(50));
    for (let i = rand(70); i > 0; i--) s += alphabet[rand(alphabet.length)];
    assert.equal(
      keyBefore(s, s.length),
      reference(s, s.length),
      JSON.stringify(s),
    );
  }
  assert.equal(keyBefore('{"orderId": ', 12), "orderid");
  assert.equal(keyBefore("card = ", 7), "card");
  assert.equal(keyBefore("see ", 4), undefined);
});
