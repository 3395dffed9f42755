/**
 * How many calls of the everyday routine sets the read-only shortcut
 * (`governance/engine/inert.ts`) decides, per set; with `--list`, the shell
 * commands it leaves to the full analysis that the analysis allows with no
 * policy firing in both profiles (the shortcut's ceiling).
 *
 * Usage: deno run --allow-read scripts/inert_share.ts [--list]
 *
 * @module
 */
import { join } from "node:path";
import { loadGuardCorpus } from "./lib/guard_corpus.ts";
import { inertDecision } from "../governance/engine/inert.ts";
import { analyseWith } from "../governance/engine/evaluate.ts";
import { ALL_DETECTORS } from "../governance/engine/evaluate_all.ts";
import { DEFAULT_CONFIG } from "../governance/engine/config.ts";
import type { ToolCall } from "../governance/engine/types.ts";

const SETS = [
  "routine_real20.jsonl",
  "routine_lead19.jsonl",
  "routine_shell.jsonl",
  "routine_round10.jsonl",
  "routine_round10i.jsonl",
];

const root = join(import.meta.dirname ?? ".", "..", "tests", "guard");
const cases = await loadGuardCorpus(root);
const list = Deno.args.includes("--list");
let allTotal = 0, allShell = 0, allTaken = 0, allClean = 0;
for (const set of SETS) {
  const mine = cases.filter((c) => c.file === set);
  let shell = 0, taken = 0, clean = 0;
  for (const c of mine) {
    const call: ToolCall = {
      toolName: c.tool,
      input: c.input,
      home: c.home,
      cwd: c.cwd,
      profile: c.profile,
    };
    const cmd = (c.input as { command?: unknown }).command;
    if (typeof cmd !== "string") continue;
    shell++;
    if (inertDecision(call, DEFAULT_CONFIG) !== null) {
      taken++;
      clean++;
      continue;
    }
    const quiet = (["standard", "strict"] as const).every((profile) => {
      const d = analyseWith(
        { ...call, profile },
        DEFAULT_CONFIG,
        ALL_DETECTORS,
      );
      return d.allowed && d.matches.length === 0;
    });
    if (quiet) clean++;
    if (quiet && list) console.log(`  ${c.id}\t${cmd}`);
  }
  const pct = (a: number, b: number) =>
    `${(100 * a / Math.max(b, 1)).toFixed(1)}%`;
  console.log(
    `${set}: ${mine.length} calls, ${shell} shell; taken ${taken} (${
      pct(taken, shell)
    } of shell, ${
      pct(taken, mine.length)
    } of all); quiet under the full analysis ${clean}`,
  );
  allTotal += mine.length;
  allShell += shell;
  allTaken += taken;
  allClean += clean;
}
console.log(
  `all: ${allTotal} calls, ${allShell} shell; taken ${allTaken} (${
    (100 * allTaken / allShell).toFixed(1)
  }% of shell, ${
    (100 * allTaken / allTotal).toFixed(1)
  }% of all); quiet ${allClean}`,
);
