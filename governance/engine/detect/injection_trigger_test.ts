import assert from "node:assert/strict";
import { nextTrigger, TRIGGER_WORDS } from "./injection.ts";
import { nextStart, startTable } from "./start_table.ts";

const REFERENCE =
  /ignor|disregard|forget|instruct|prompt|system|assistant|\bai\b|llm|agent|pretend|act as|you are|reveal|jailbreak|vergiss|anweisung|oubli|olvid|must|now\b|task|role/gi;

/** Offsets of every match of `re` in `text`. */
function offsets(re: RegExp, text: string): number[] {
  const out: number[] = [];
  re.lastIndex = 0;
  for (let m; (m = re.exec(text)) !== null;) out.push(m.index);
  return out;
}

/** Offsets of every trigger `nextTrigger` finds, each search from one past the last. */
function triggerOffsets(
  text: string,
  ascii = !/[\u0080-\uffff]/.test(text),
): number[] {
  const out: number[] = [];
  for (let p = nextTrigger(text, 0, ascii); p < Infinity;) {
    out.push(p);
    p = nextTrigger(text, p + 1, ascii);
  }
  return out;
}

Deno.test("injection: the trigger words are plain ASCII literals", () => {
  for (const w of TRIGGER_WORDS) assert.ok(/^[a-z ]+$/.test(w), w);
});

Deno.test("injection: the byte-table trigger search finds what the regex finds (differential)", () => {
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
    "i",
    "a",
    "é",
    "ſ",
  ];
  let seed = 11;
  const rnd = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    return seed % n;
  };
  for (let k = 0; k < 3000; k++) {
    let t = "";
    const len = 1 + rnd(24);
    for (let i = 0; i < len; i++) t += pieces[rnd(pieces.length)];
    // Each search starts one past the last match, as a search of the regex
    // from there finds the leftmost match: the same offsets as a global loop.
    const want: number[] = [];
    for (let p = 0; p <= t.length; p++) {
      REFERENCE.lastIndex = p;
      const m = REFERENCE.exec(t);
      if (!m) break;
      want.push(m.index);
      p = m.index;
    }
    assert.deepEqual(triggerOffsets(t), want, JSON.stringify(t));
    assert.deepEqual(triggerOffsets(t, false), want, JSON.stringify(t));
  }
  assert.deepEqual(offsets(REFERENCE, "say AI now"), [4, 7]);
});

Deno.test("injection: the byte-table trigger search is linear on hostile input", () => {
  const text = "ignorXdisregarXa ai_now_".repeat(50_000);
  const t0 = performance.now();
  triggerOffsets(text);
  assert.ok(performance.now() - t0 < 5_000);
});

Deno.test("start table: every place a word starts is returned, and the last two places", () => {
  const words = ["ab", "cde", "x", "Fgh"];
  const t = startTable(words, true);
  const text = "zzabzzcdezzxzzfGhzzcdqq";
  const bytes = new TextEncoder().encode(text);
  const at: number[] = [];
  for (let p = nextStart(t, bytes, 0); p < bytes.length;) {
    at.push(p);
    p = nextStart(t, bytes, p + 1);
  }
  // ab, cde, x (any third byte), fGh (either case), then the last two places.
  assert.deepEqual(at, [2, 6, 11, 14, 21, 22]);
  assert.equal(nextStart(t, new Uint8Array(0), 0), 0);
});

/** The places {@link nextStart} must give: each offset whose first bytes may begin a word (the last two always). */
function referenceStarts(words: string[], text: string): number[] {
  const out: number[] = [];
  const lower = text.toLowerCase();
  for (let p = 0; p < text.length; p++) {
    if (p + 2 >= text.length) {
      out.push(p);
      continue;
    }
    if (words.some((w) => lower.startsWith(w.slice(0, 3).toLowerCase(), p))) {
      out.push(p);
    }
  }
  return out;
}

Deno.test("start table: the odd-offset pass finds every place the bytes name (differential)", () => {
  const words = ["ab", "cde", "x", "Fgh", "cdz", "ij"];
  const t = startTable(words, true);
  const alphabet = "abcdefghijxyzABC ";
  let seed = 17;
  const rnd = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    return seed % n;
  };
  for (let k = 0; k < 5000; k++) {
    let text = "";
    const len = rnd(30);
    for (let i = 0; i < len; i++) text += alphabet[rnd(alphabet.length)];
    const bytes = new TextEncoder().encode(text);
    const want = referenceStarts(words, text);
    for (let from = 0; from <= text.length; from++) {
      const first = want.find((p) => p >= from) ?? text.length;
      assert.equal(nextStart(t, bytes, from), first, `${text} ${from}`);
    }
  }
});
