/**
 * `deno task eval:guard [FILE_OR_FOLDER...]`: runs the guard attack corpus
 * (`tests/guard/*.jsonl` by default) through `evaluate()` and prints, per file
 * and per class, the share of `block` cases blocked and of `allow` cases
 * allowed, then lists every case that got the wrong verdict (gap cases, the
 * documented known misses, are marked `gap`).
 *
 * Flags: `--class NAME` keeps one class; `--quiet` prints the tables only;
 * `--check` exits 1 when a non-gap case is wrong or a gap case now holds.
 *
 * @module
 */
import { devArgs } from "./lib/dev_args.ts";
import { basename, join } from "node:path";
import {
  assertUniqueIds,
  type GuardCase,
  type GuardResult,
  judgeGuardCase,
  loadGuardCorpus,
  parseGuardCases,
} from "./lib/guard_corpus.ts";

const DEFAULT_DIR = join(import.meta.dirname ?? ".", "..", "tests", "guard");

interface Tally {
  block: number;
  blocked: number;
  allow: number;
  allowed: number;
}

function emptyTally(): Tally {
  return { block: 0, blocked: 0, allow: 0, allowed: 0 };
}

function add(t: Tally, r: GuardResult): void {
  if (r.case.expect === "block") {
    t.block++;
    if (r.blocked) t.blocked++;
  } else {
    t.allow++;
    if (!r.blocked) t.allowed++;
  }
}

function share(n: number, of: number): string {
  if (of === 0) return "-";
  return `${n}/${of} (${(100 * n / of).toFixed(1)}%)`;
}

function row(label: string, t: Tally): string {
  return `  ${label.padEnd(34)} blocked ${
    share(t.blocked, t.block).padEnd(18)
  } allowed ${share(t.allowed, t.allow)}`;
}

/** The command (or a compact JSON of the input), cut to one short line. */
function excerpt(c: GuardCase): string {
  const input = c.input as Record<string, unknown> | undefined;
  const text = typeof input?.command === "string"
    ? input.command
    : JSON.stringify(c.input);
  const one = text.replace(/\s+/g, " ");
  return one.length > 110 ? `${one.slice(0, 107)}...` : one;
}

async function load(paths: string[]): Promise<GuardCase[]> {
  if (paths.length === 0) return await loadGuardCorpus(DEFAULT_DIR);
  const cases: GuardCase[] = [];
  for (const p of paths) {
    const info = await Deno.stat(p);
    if (info.isDirectory) cases.push(...await loadGuardCorpus(p));
    else {cases.push(
        ...parseGuardCases(await Deno.readTextFile(p), basename(p)),
      );}
  }
  assertUniqueIds(cases);
  return cases;
}

async function main(): Promise<number> {
  const { values, positionals } = devArgs({
    args: Deno.args,
    allowPositionals: true,
    options: {
      class: { type: "string" },
      quiet: { type: "boolean", default: false },
      check: { type: "boolean", default: false },
    },
  }, "deno task eval:guard [--class NAME] [--quiet] [--check] [FILE...]");
  let cases = await load(positionals);
  if (values.class) cases = cases.filter((c) => c.class === values.class);
  const results = cases.map(judgeGuardCase);

  const files = new Map<string, GuardResult[]>();
  for (const r of results) {
    const list = files.get(r.case.file) ?? [];
    list.push(r);
    files.set(r.case.file, list);
  }
  const total = emptyTally();
  for (const [file, list] of files) {
    const all = emptyTally();
    const classes = new Map<string, Tally>();
    for (const r of list) {
      add(all, r);
      add(total, r);
      const t = classes.get(r.case.class) ?? emptyTally();
      add(t, r);
      classes.set(r.case.class, t);
    }
    console.log(`${file} (${list.length} cases)`);
    for (const [cls, t] of [...classes].sort((a, b) => a[0] < b[0] ? -1 : 1)) {
      console.log(row(cls, t));
    }
    console.log(row("= all", all));
  }
  console.log(row("TOTAL", total));

  const wrong = results.filter((r) => !r.ok);
  const unexpected = results.filter((r) => r.ok === r.case.gap);
  if (!values.quiet && wrong.length > 0) {
    console.log(`\nwrong verdicts (${wrong.length}):`);
    for (const r of wrong) {
      const c = r.case;
      const got = r.blocked ? "blocked" : "allowed";
      console.log(
        `  ${
          c.gap ? "gap " : "    "
        }${c.id} [${c.file}:${c.line}] want ${c.expect}, ${got}: ${excerpt(c)}`,
      );
      if (r.blocked) console.log(`        reason: ${r.reason.slice(0, 160)}`);
    }
  }
  const fixedGaps = results.filter((r) => r.ok && r.case.gap);
  if (!values.quiet && fixedGaps.length > 0) {
    console.log(`\ngap cases that now hold (remove their gap flag):`);
    for (const r of fixedGaps) {
      console.log(`  ${r.case.id} [${r.case.file}:${r.case.line}]`);
    }
  }
  return values.check && unexpected.length > 0 ? 1 : 0;
}

if (import.meta.main) Deno.exit(await main());
