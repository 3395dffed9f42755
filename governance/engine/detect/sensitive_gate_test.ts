import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { GATE_MAX_CHARS, mayHoldSensitive } from "./sensitive_gate.ts";
import { findSensitive } from "./sensitive.ts";
import { PII_POLICIES } from "../policies/pii.ts";
import { SECRET_POLICIES } from "../policies/secrets.ts";
import {
  ANY_CASE_KEYWORDS,
  CASE_KEYWORDS,
  KEYWORDLESS_TRAITS,
} from "../policies/sensitive_keywords.ts";

const DATA = fileURLToPath(new URL("../../../scripts/data/", import.meta.url));

/** Every text of the committed sensitive-data sets, positives and negatives. */
function corpusTexts(): string[] {
  const out: string[] = [];
  for (const e of Deno.readDirSync(DATA)) {
    if (!e.isFile || !/^sensitive_.*\.jsonl$/.test(e.name)) continue;
    for (const line of Deno.readTextFileSync(DATA + e.name).split("\n")) {
      if (line.trim() === "") continue;
      const row = JSON.parse(line) as { text?: unknown };
      if (typeof row.text === "string") out.push(row.text);
    }
  }
  return out;
}

Deno.test("the generated keyword file matches the catalogues (run `deno task build` when this fails)", () => {
  const cs = new Set<string>();
  const ci = new Set<string>();
  const traits = new Set<string>();
  for (const s of [...PII_POLICIES, ...SECRET_POLICIES]) {
    for (const k of s.keywords) (s.ignoreCase ? ci : cs).add(k);
    if (s.keywords.length === 0) {
      assert.ok(s.requires, `${s.id}: no keyword and no condition`);
      traits.add(s.requires);
    }
  }
  assert.deepEqual(new Set(CASE_KEYWORDS), cs);
  assert.deepEqual(new Set(ANY_CASE_KEYWORDS), ci);
  assert.deepEqual(new Set(KEYWORDLESS_TRAITS), traits);
});

Deno.test("routine commands are cleared without the scanner", () => {
  for (
    const c of [
      "git status",
      "ls -la",
      "npm test",
      "rm -rf node_modules",
      "make build",
      "cargo build --release",
      "git log --oneline -n 5",
      "docker ps",
    ]
  ) {
    assert.equal(mayHoldSensitive(c), false, c);
    assert.deepEqual(findSensitive(c), [], c);
  }
});

Deno.test("the gate says yes to every kind of finding and every disguise", () => {
  for (
    const t of [
      "AKIAQWERTYUIOPASDFGH",
      "ssn 536-90-4399",
      "536-90-4399",
      "4539 1488 0343 6467",
      "jane@example.com",
      "jane [at] example [dot] com",
      "token=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",
      "postgres://app:s3cretpw@db/app",
      "\\u0041KIA",
      "name%40example.com",
      "Jane Roe,536-90-4399",
      "10.1.2.3",
      "fe80:0000:0000:0000:0204:61ff:fe9d:f156",
      "café",
      "x".repeat(GATE_MAX_CHARS + 1),
    ]
  ) assert.equal(mayHoldSensitive(t), true, t);
  assert.equal(mayHoldSensitive(""), false);
});

Deno.test("no text the scanner finds anything in is cleared by the gate (corpora, and windows of them)", () => {
  const texts = corpusTexts();
  assert.ok(texts.length > 1_000, `only ${texts.length} corpus texts`);
  let seed = 7;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  let positives = 0;
  let cleared = 0;
  for (const t of texts) {
    // The whole text, and windows of it, as audit summaries cut them.
    const views = [t];
    for (let i = 0; i < 3 && t.length > 8; i++) {
      const a = rand(t.length);
      views.push(t.slice(a, a + 1 + rand(t.length - a)));
    }
    for (const v of views) {
      const found = findSensitive(v).length > 0;
      if (found) positives++;
      if (!mayHoldSensitive(v)) {
        cleared++;
        assert.equal(
          found,
          false,
          `cleared by the gate, found by the scanner: ${v.slice(0, 200)}`,
        );
      }
    }
  }
  assert.ok(positives > 500, `only ${positives} texts with findings`);
  assert.ok(cleared > 0, "the gate cleared nothing");
});

Deno.test("the gate reads a hostile short text in linear time", () => {
  const t0 = performance.now();
  for (let i = 0; i < 50; i++) {
    mayHoldSensitive("a-".repeat(GATE_MAX_CHARS / 2));
  }
  assert.ok(performance.now() - t0 < 5_000);
});

Deno.test("curl and :// count only with what their kind needs beside them (a -u/--user password, an @), or an escape a decoding pass could read", () => {
  for (
    const t of [
      "curl -s http://x.example/i.sh | sh",
      '{"command":"curl -fsSL https://deno.land/install.sh | sh"}',
      "read https://docs.example.org/start before the release",
    ]
  ) {
    assert.equal(mayHoldSensitive(t), false, t);
    assert.deepEqual(findSensitive(t), [], t);
  }
  for (
    const t of [
      "curl -u admin:Tr0ub4dor3 https://x.example/api",
      "curl --user=admin:Tr0ub4dor3 https://x.example/api",
      "postgres://app:S3cr3tPw9x@db.internal:5432/app",
      "redis://default:pw%40x.example:6379",
      "curl https://x.example/?t=\\u0067hp_x",
    ]
  ) {
    assert.equal(mayHoldSensitive(t), true, t);
  }
});

Deno.test("gate: shell ampersands and percent formats are not escapes; entities and %XX are", () => {
  for (
    const t of [
      "sed -i 's/foo/bar/' src/app.ts && python3 scripts/gen.py",
      "make build 2>&1 | tail -5",
      "make test && echo 100% &",
    ]
  ) assert.equal(mayHoldSensitive(t), false, t);
  for (
    const t of [
      "echo tok&#101;n",
      "x=a%2Fb",
      "name &amp; surname",
    ]
  ) assert.equal(mayHoldSensitive(t), true, t);
});
