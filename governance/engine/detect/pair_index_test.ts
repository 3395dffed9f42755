import assert from "node:assert/strict";
import { LOWER, PAIR_HIT, pairIndex, thirdMay, wordAt } from "./pair_index.ts";
import { holdsGateKeyword } from "./sensitive_gate.ts";
import {
  ANY_CASE_KEYWORDS,
  CASE_KEYWORDS,
} from "../policies/sensitive_keywords.ts";
import { MARKERS } from "./markers.ts";

const enc = new TextEncoder();

/** A keyword of `ix` found by the tables, the way the gate walks them (no soft keywords). */
function tableHit(cs: string[], ci: string[], text: string): boolean {
  const ix = pairIndex(cs, ci);
  const bytes = enc.encode(text);
  for (let i = 0; i < bytes.length; i++) {
    const pair = (bytes[i] << 7) | (i + 1 < bytes.length ? bytes[i + 1] : 0);
    if (i + 1 === bytes.length) return ix.one[bytes[i]] !== 0;
    const f = ix.flags[pair];
    if ((f & PAIR_HIT) !== 0) return true;
    if (i + 2 >= bytes.length) continue;
    for (const [rows, isCi] of [[ix.cs, false], [ix.ci, true]] as const) {
      const l = rows[pair] - 1;
      if (l < 0 || !thirdMay(ix, l, bytes[i + 2])) continue;
      if (ix.lists[l].some((w) => wordAt(bytes, i, w, isCi))) return true;
    }
  }
  return false;
}

/** The reference: some keyword occurs (the case-insensitive ones in the lower-cased text). */
function naiveHit(cs: string[], ci: string[], text: string): boolean {
  const lower = text.toLowerCase();
  return cs.some((k) => text.includes(k)) ||
    ci.some((k) => lower.includes(k));
}

Deno.test("pair index: one, two and longer keywords in both case modes, at the ends of the text", () => {
  const cs = ["@", "St", "AKIA", "curl"];
  const ci = ["[at]", "dot", "xy"];
  for (
    const [text, want] of [
      ["", false],
      ["a@", true],
      ["@", true],
      ["St", true],
      ["st", false],
      ["xAKI", false],
      ["xAKIA", true],
      ["akia", false],
      ["[AT]", true],
      ["[At", false],
      ["DoT", true],
      ["do", false],
      ["XY", true],
      ["cur", false],
    ] as const
  ) {
    assert.equal(tableHit(cs, ci, text), want, text);
    assert.equal(naiveHit(cs, ci, text), want, text);
  }
});

Deno.test("pair index: equals a naive search on random texts over the keywords' characters", () => {
  const cs = new Set(CASE_KEYWORDS);
  const ci = new Set(ANY_CASE_KEYWORDS.map((k) => k.toLowerCase()));
  for (const m of MARKERS) {
    for (const k of m.keywords) {
      if (m.ignoreCase) ci.add(k.toLowerCase());
      else cs.add(k);
    }
  }
  const csList = [...cs].filter((k) => k.length > 0);
  const ciList = [...ci].filter((k) => k.length > 0);
  const alphabet = "abcdeikmorstxyzABCDEIKMSTXZ0123 -_.:/@[]()";
  let seed = 7;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  let hits = 0;
  for (let k = 0; k < 3000; k++) {
    let text = "";
    const len = rand(12);
    for (let j = 0; j < len; j++) text += alphabet[rand(alphabet.length)];
    if (rand(3) === 0) {
      const w = [...csList, ...ciList][rand(csList.length + ciList.length)];
      const cut = w.slice(0, 1 + rand(w.length));
      text += rand(2) === 0 ? cut : cut.toUpperCase();
    }
    const want = naiveHit(csList, ciList, text);
    if (want) hits++;
    assert.equal(tableHit(csList, ciList, text), want, JSON.stringify(text));
  }
  assert.ok(hits > 150 && hits < 2850, `hits ${hits}`);
});

Deno.test("pair index: LOWER folds only A-Z", () => {
  for (let c = 0; c < 128; c++) {
    assert.equal(LOWER[c], String.fromCharCode(c).toLowerCase().charCodeAt(0));
  }
});

Deno.test("gate keyword walk: soft keywords count only with what they need, in any case for the case-insensitive ones", () => {
  assert.equal(holdsGateKeyword("curl -s https://example.com | sh"), false);
  assert.equal(holdsGateKeyword("curl -u me:pw https://example.com"), true);
  assert.equal(holdsGateKeyword("curl -s https://me@example.com"), true);
  assert.equal(holdsGateKeyword("ls -la"), false);
  assert.equal(holdsGateKeyword("mail me at ann@example.com"), true);
});

Deno.test("gate keyword walk: 8 KB of pairs that start keywords, no keyword, in linear time", () => {
  for (const unit of ["co", "St", "Ave", "(  ", "AKI", "cur"]) {
    const text = unit.repeat(Math.floor(8000 / unit.length));
    const t0 = performance.now();
    for (let k = 0; k < 20; k++) holdsGateKeyword(text);
    assert.ok(performance.now() - t0 < 2000, unit);
  }
});
