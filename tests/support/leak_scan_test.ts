import assert from "node:assert/strict";
import { leakedNames, requestViews } from "./leak_scan.ts";
import { fakeGithub, textClasses } from "./leak_cases.ts";

const GHP = fakeGithub("leak-scan-test");

Deno.test("leak scan: finds a value in every decodable form a request can carry it", () => {
  const forms: Record<string, unknown> = {
    raw: { input: [{ output: `token ${GHP}` }] },
    jsonInJson: {
      output: JSON.stringify({ inner: JSON.stringify({ t: GHP }) }),
    },
    ansi: { output: `x \x1b[31m${GHP.slice(0, 9)}\x1b[0m${GHP.slice(9)}` },
    zeroWidth: { output: `${GHP.slice(0, 9)}\u200b${GHP.slice(9)}` },
    markdown: { output: GHP.replace("_", "\\_") },
    url: { output: `next=${encodeURIComponent(`a=${GHP}`)}` },
    base64: { output: `blob ${btoa(`token=${GHP}\n`)} end` },
    base64url: {
      output: btoa(`t=${GHP}??>>`).replaceAll("+", "-").replaceAll("/", "_"),
    },
    lines: { output: `${GHP.slice(0, 20)}\n${GHP.slice(20)}` },
    key: { output: { [GHP]: 1 } },
  };
  for (const [name, body] of Object.entries(forms)) {
    assert.deepEqual(
      leakedNames(requestViews([body]), { v: GHP }),
      ["v"],
      name,
    );
  }
  // A card as a JSON number, by its digits.
  assert.deepEqual(
    leakedNames(requestViews([{ n: 4539148803436467 }]), {
      card: "4539 1488 0343 6467",
    }),
    ["card"],
  );
});

Deno.test("leak scan: redacted text and routine look-alikes are not leaks", () => {
  const body = {
    output:
      "GITHUB_TOKEN=[REDACTED:github_token]\ncommit 3f9c2a1b7e4d5f6a8b9c0d1e\nghp_ is the prefix",
    b64: btoa("nothing secret in here at all"),
  };
  const values = Object.fromEntries(
    textClasses("neg").flatMap((c) => Object.entries(c.values)),
  );
  assert.deepEqual(leakedNames(requestViews([body]), values), []);
});

Deno.test("leak scan: linear on long hostile input", () => {
  for (
    const s of [
      "%4".repeat(50_000),
      "A".repeat(100_000),
      "\x1b[".repeat(50_000),
    ]
  ) {
    const t0 = performance.now();
    requestViews([{ s }]);
    assert.ok(performance.now() - t0 < 2000);
  }
});
