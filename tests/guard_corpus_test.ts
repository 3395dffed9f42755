/**
 * The guard attack corpus (`tests/guard/*.jsonl`) through `evaluate()`:
 * every non-gap case gets its expected verdict, and every case flagged `gap`
 * still gets the wrong one (so the list of known misses stays honest).
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import {
  assertUniqueIds,
  judgeGuardCase,
  loadGuardCorpus,
  parseGuardCases,
} from "../scripts/lib/guard_corpus.ts";

const DIR = join(import.meta.dirname ?? ".", "guard");
const cases = await loadGuardCorpus(DIR);

Deno.test("guard corpus: the files hold cases", () => {
  assert(cases.length > 0, "no case found under tests/guard");
});

for (const file of [...new Set(cases.map((c) => c.file))]) {
  Deno.test(`guard corpus: ${file}`, () => {
    const wrong: string[] = [];
    const stale: string[] = [];
    for (const c of cases.filter((x) => x.file === file)) {
      const r = judgeGuardCase(c);
      if (!c.gap && !r.ok) {
        wrong.push(
          `${c.id} (line ${c.line}): want ${c.expect}, got ${
            r.blocked ? "block" : "allow"
          } — ${r.reason.slice(0, 120)}`,
        );
      }
      if (c.gap && r.ok) {
        stale.push(`${c.id} (line ${c.line}) now holds: remove "gap"`);
      }
    }
    assert.deepEqual(wrong, [], "cases with the wrong verdict");
    assert.deepEqual(stale, [], "gap cases that hold");
  });
}

Deno.test("guard corpus: a malformed line names its file and line", () => {
  assert.throws(
    () =>
      parseGuardCases(
        '{"id":"a","class":"x","tool":"Bash","input":{},"expect":"block"}\n{',
        "f.jsonl",
      ),
    /f\.jsonl:2/,
  );
  assert.throws(
    () =>
      parseGuardCases(
        '{"id":"a","class":"x","tool":"Bash","input":{},"expect":"deny"}',
        "f.jsonl",
      ),
    /expect/,
  );
  assert.throws(
    () =>
      parseGuardCases(
        '{"id":"a","class":"Not Kebab","tool":"Bash","input":{},"expect":"block"}',
        "f.jsonl",
      ),
    /kebab/,
  );
  assert.throws(
    () =>
      parseGuardCases(
        '{"id":"a","class":"x","tool":"Bash","input":{},"expect":"block","extra":1}',
        "f.jsonl",
      ),
    /unknown field/,
  );
});

Deno.test("guard corpus: duplicate ids across files are refused", () => {
  const line =
    '{"id":"same","class":"x","tool":"Bash","input":{"command":"ls"},"expect":"allow"}';
  const both = [
    ...parseGuardCases(line, "a.jsonl"),
    ...parseGuardCases(line, "b.jsonl"),
  ];
  assert.throws(() => assertUniqueIds(both), /a\.jsonl:1 and b\.jsonl:1/);
});

Deno.test("guard corpus: defaults and verdicts through evaluate", () => {
  const [c] = parseGuardCases(
    '{"id":"d","class":"x","tool":"Bash","input":{"command":"rm -rf ~"},"expect":"block"}',
    "f.jsonl",
  );
  assert.deepEqual([c.home, c.cwd, c.profile, c.gap], [
    "/home/dev",
    "/home/dev/project",
    "standard",
    false,
  ]);
  assert(judgeGuardCase(c).ok);
  const [allow] = parseGuardCases(
    '{"id":"e","class":"x","tool":"Bash","input":{"command":"rm -rf ~"},"expect":"allow"}',
    "f.jsonl",
  );
  assert(!judgeGuardCase(allow).ok);
});
