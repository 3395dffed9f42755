import assert from "node:assert/strict";
import { TRIGGER_LOWER_G } from "./injection.ts";

/** Offsets of every match of `re` in `text`. */
function offsets(re: RegExp, text: string): number[] {
  const out: number[] = [];
  re.lastIndex = 0;
  for (let m; (m = re.exec(text)) !== null;) out.push(m.index);
  return out;
}

Deno.test("injection: the trigger words are lower-case ASCII, so the lower-cased search is the case-blind one", () => {
  const src = TRIGGER_LOWER_G.source;
  assert.equal(src, src.toLowerCase());
  assert.ok(/^[\x20-\x7e]+$/.test(src));
  assert.ok(!TRIGGER_LOWER_G.flags.includes("i"));
});

Deno.test("injection: trigger search on the lower-cased ASCII text finds the same offsets (differential)", () => {
  const blind = new RegExp(TRIGGER_LOWER_G.source, "gi");
  const pieces = [
    "IGNORE",
    "Ignor",
    "AI",
    "ai_",
    "Ai.",
    "NOW",
    "nowhere",
    "Task",
    "ROLE",
    "You Are",
    "act  as",
    "ACT AS",
    "llM",
    " ",
    "\n",
    "_",
    "x",
    "9",
    "-",
    "Sys",
    "TEM",
    "aI",
    "Must",
  ];
  let seed = 11;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  for (let k = 0; k < 3000; k++) {
    let t = "";
    const len = 1 + rnd(24);
    for (let i = 0; i < len; i++) t += pieces[rnd(pieces.length)];
    assert.deepEqual(
      offsets(TRIGGER_LOWER_G, t.toLowerCase()),
      offsets(blind, t),
      JSON.stringify(t),
    );
  }
});

Deno.test("injection: the lower-cased trigger search is linear on hostile input", () => {
  const text = "ignorXdisregarXa ai_now_".repeat(50_000).toLowerCase();
  const t0 = performance.now();
  offsets(TRIGGER_LOWER_G, text);
  assert.ok(performance.now() - t0 < 5_000);
});
