/**
 * The shortcut for plain routine commands and plain edits of project files
 * (`governance/engine/inert.ts`, `inert_write.ts`, given the scanner) against
 * the full analysis, on the whole guard corpus: it never accepts a
 * must-block case, and every routine call it accepts is one the full
 * analysis allows with no policy firing, in both profiles.
 *
 * @module
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { loadGuardCorpus } from "../scripts/lib/guard_corpus.ts";
import { inertDecision } from "../governance/engine/inert.ts";
import { analyseWith } from "../governance/engine/evaluate.ts";
import { ALL_DETECTORS } from "../governance/engine/evaluate_all.ts";
import { DEFAULT_CONFIG } from "../governance/engine/config.ts";
import type { ToolCall } from "../governance/engine/types.ts";
import { REPO } from "./support/hook_process.ts";

const cases = await loadGuardCorpus(join(REPO, "tests", "guard"));
/** The scanner, which lets the shortcut take edits whose text the gate flags (it takes a superset of what it takes without). */
const scanner = ALL_DETECTORS.findSensitive;

function callOf(c: (typeof cases)[number]): ToolCall {
  return {
    toolName: c.tool,
    input: c.input,
    home: c.home,
    cwd: c.cwd,
    profile: c.profile,
  };
}

Deno.test("inert shortcut: no must-block case of the guard corpus is taken for a plain read-only command", () => {
  const taken = cases.filter((c) =>
    c.expect === "block" &&
    inertDecision(callOf(c), DEFAULT_CONFIG, scanner) !== null
  ).map((c) => c.id);
  assert.deepEqual(taken, []);
});

Deno.test("inert shortcut: every corpus command it takes is allowed by the full analysis with no policy firing, standard and strict", () => {
  let taken = 0;
  const differ: string[] = [];
  for (const c of cases) {
    for (const profile of ["standard", "strict"] as const) {
      const call = { ...callOf(c), profile };
      if (inertDecision(call, DEFAULT_CONFIG, scanner) === null) continue;
      taken++;
      const full = analyseWith(call, DEFAULT_CONFIG, ALL_DETECTORS);
      if (!full.allowed || full.matches.length > 0) {
        differ.push(
          `${c.id} (${profile}): ${full.matches.map((m) => m.policyId)}`,
        );
      }
    }
  }
  assert.deepEqual(differ, []);
  // The shortcut must still take the plain commands of the routine sets.
  assert.ok(taken >= 24, `only ${taken} corpus calls taken`);
});
