import assert from "node:assert/strict";
import { judge, readCases } from "./eval_sensitive.ts";
import { sensitiveCorpus } from "./lib/sensitive_corpus.ts";

/** Share of cases of `label` that `judge` passes. */
function share(
  cases: ReturnType<typeof sensitiveCorpus>,
  label: string,
): number {
  const of = cases.filter((c) => c.label === label);
  return of.filter(judge).length / of.length;
}

Deno.test("held-out generated corpus (another seed than the report's): the issue's targets hold", () => {
  const cases = sensitiveCorpus(4242, 400);
  assert.ok(
    share(cases, "secret") >= 0.99,
    `secrets ${share(cases, "secret")}`,
  );
  assert.ok(share(cases, "pii") >= 0.98, `pii ${share(cases, "pii")}`);
  assert.equal(
    share(cases, "benign"),
    0,
    "false positives on benign look-alikes",
  );
});

Deno.test("hand-written unseen carriers: every secret and PII value is redacted", async () => {
  const cases = readCases(
    await Deno.readTextFile(
      new URL("./data/sensitive_unseen.jsonl", import.meta.url),
    ),
  );
  assert.ok(cases.length >= 70);
  assert.equal(share(cases, "secret"), 1);
  assert.equal(share(cases, "pii"), 1);
  // Known, accepted: an example.com address and a Luhn test vector are still flagged.
  assert.ok(
    share(cases, "benign") <= 2 / 35,
    `benign ${share(cases, "benign")}`,
  );
});
