import assert from "node:assert/strict";
import type { Finding } from "./types.ts";
import { redact } from "./redact.ts";

function f(start: number, end: number, type: string): Finding {
  return {
    policyId: `sys_pii_${type}`,
    type,
    start,
    end,
    severity: "high",
    action: "redact",
    category: "pii",
  };
}

Deno.test("redact replaces spans and keeps the rest", () => {
  const text = "ssn 536-22-5491 mail a@b.io end";
  assert.equal(
    redact(text, [f(4, 15, "ssn"), f(21, 27, "email")]),
    "ssn [REDACTED:ssn] mail [REDACTED:email] end",
  );
});

Deno.test("redact accepts unsorted and overlapping findings", () => {
  const text = "0123456789";
  assert.equal(
    redact(text, [f(6, 8, "b"), f(1, 4, "a"), f(3, 5, "c")]),
    "0[REDACTED:a]5[REDACTED:b]89",
  );
  assert.equal(
    redact(text, [f(2, 8, "outer"), f(3, 4, "inner")]),
    "01[REDACTED:outer]89",
  );
});

Deno.test("redact with no findings returns the text unchanged", () => {
  assert.equal(redact("nothing here", []), "nothing here");
  assert.equal(redact("abc", [f(1, 1, "empty")]), "abc");
  assert.equal(redact("abc", [f(0, 3, "all")]), "[REDACTED:all]");
  assert.equal(redact("abc", [f(2, 99, "clip")]), "ab[REDACTED:clip]");
});

Deno.test("redact: sorted and shuffled findings give the same text", () => {
  const text = "abcdefghijklmnopqrstuvwxyz".repeat(4);
  let seed = 5;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  for (let t = 0; t < 300; t++) {
    const fs: Finding[] = [];
    for (let k = rnd(8); k > 0; k--) {
      const start = rnd(110) - 5;
      fs.push(f(start, start + rnd(12) - 2, `t${k}`));
    }
    const sorted = fs.map((x, i) => ({ x, i })).sort((a, b) =>
      Math.max(0, Math.min(a.x.start, 104)) -
        Math.max(0, Math.min(b.x.start, 104)) ||
      Math.max(0, Math.min(b.x.end, 104)) -
        Math.max(0, Math.min(a.x.end, 104)) ||
      a.i - b.i
    ).map((e) => e.x);
    assert.equal(redact(text, fs), redact(text, sorted));
  }
  assert.equal(
    redact(text, [f(0, 3, "a"), f(0, 3, "b")]).slice(0, 14),
    "[REDACTED:a]de",
  );
});

/** The string-piece redaction, written plainly, to compare the byte path against. */
function plainRedact(text: string, sorted: Finding[]): string {
  let out = "";
  let pos = 0;
  for (const x of sorted) {
    const start = Math.max(0, Math.min(x.start, text.length));
    const end = Math.max(0, Math.min(x.end, text.length));
    if (end <= start) continue;
    if (start < pos) {
      if (end > pos) pos = end;
      continue;
    }
    out += text.slice(pos, start) + `[REDACTED:${x.type}]`;
    pos = end;
  }
  return out + text.slice(pos);
}

Deno.test("redact: long ASCII texts (byte path) match piecewise redaction", () => {
  const text = "0123456789abcdefghij-_.:/ ".repeat(400);
  let seed = 11;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  for (let t = 0; t < 100; t++) {
    const fs: Finding[] = [];
    for (let k = rnd(200); k > 0; k--) {
      const start = rnd(text.length + 20) - 10;
      fs.push(f(start, start + rnd(80) - 5, `t${rnd(5)}`));
    }
    const sorted = fs.map((x, i) => ({ x, i })).sort((a, b) =>
      Math.max(0, Math.min(a.x.start, text.length)) -
        Math.max(0, Math.min(b.x.start, text.length)) ||
      Math.max(0, Math.min(b.x.end, text.length)) -
        Math.max(0, Math.min(a.x.end, text.length)) ||
      a.i - b.i
    ).map((e) => e.x);
    assert.equal(redact(text, fs), plainRedact(text, sorted));
  }
  // A non-ASCII type, and offsets that are not integers (sliced as slice() does).
  assert.equal(
    redact(text, [f(1, 3, "ünï")]),
    "0[REDACTED:ünï]" + text.slice(3),
  );
  assert.equal(
    redact(text, [f(1.5, 3.7, "x")]),
    "0[REDACTED:x]" + text.slice(3),
  );
});
