/**
 * `evaluate()` throughput of two checkouts compared in one process: both
 * module trees are imported and timed in turn (ABBA order) on the typical
 * mix of `bench_engine.ts`, then on each of its commands alone. Prints
 * commands per second of main-thread CPU time (read from
 * `/proc/thread-self/schedstat`, steadier than the wall clock when other
 * processes load the machine) for each tree and the median of the
 * per-round ratios (new / base: above 1 means the new tree is faster).
 *
 * Run: `deno run --allow-all scripts/bench_evaluate_compare.ts BASE_DIR NEW_DIR [ROUNDS] [--mix-only]`
 * (each DIR a checkout, e.g. a `git worktree` of main).
 *
 * @module
 */
import { TYPICAL_COMMANDS } from "./bench_engine.ts";

type Evaluate = (call: {
  toolName: string;
  input: { command: string };
  cwd: string;
  home: string;
}) => unknown;

/** Milliseconds the main thread has run (the wall clock where the kernel does not say). */
function cpuMs(): number {
  try {
    const stat = Deno.readTextFileSync("/proc/thread-self/schedstat");
    return Number(stat.split(" ")[0]) / 1e6;
  } catch {
    return performance.now();
  }
}

function median(v: number[]): number {
  const s = [...v].sort((a, b) => a - b);
  return s[s.length >> 1];
}

/** Commands per CPU second of `evaluate` over `commands`, run for about `ms` of wall time. */
function rate(
  evaluate: Evaluate,
  commands: readonly string[],
  ms: number,
): number {
  let n = 0;
  const c0 = cpuMs();
  const end = performance.now() + ms;
  while (performance.now() < end) {
    for (const command of commands) {
      evaluate({
        toolName: "Bash",
        input: { command },
        cwd: "/home/dev/app",
        home: "/home/dev",
      });
    }
    n += commands.length;
  }
  return n / ((cpuMs() - c0) / 1000);
}

/** Base rate, new rate (medians) and the median of the paired ratios new/base. */
function compare(
  base: Evaluate,
  next: Evaluate,
  commands: readonly string[],
  rounds: number,
  ms: number,
): [number, number, number] {
  const rb: number[] = [], rn: number[] = [], ratio: number[] = [];
  for (let i = 0; i < rounds; i++) {
    let a: number, b: number;
    if (i % 2 === 0) {
      a = rate(base, commands, ms);
      b = rate(next, commands, ms);
    } else {
      b = rate(next, commands, ms);
      a = rate(base, commands, ms);
    }
    rb.push(a);
    rn.push(b);
    ratio.push(b / a);
  }
  return [median(rb), median(rn), median(ratio)];
}

if (import.meta.main) {
  const args = Deno.args.filter((a) => !a.startsWith("--"));
  const [baseDir, newDir, roundsArg] = args;
  if (!baseDir || !newDir) {
    console.error(
      "usage: bench_evaluate_compare.ts BASE_DIR NEW_DIR [ROUNDS] [--mix-only]",
    );
    Deno.exit(2);
  }
  const load = async (dir: string): Promise<Evaluate> =>
    (await import(
      new URL(`file://${Deno.realPathSync(dir)}/governance/engine/mod.ts`).href
    )).evaluate;
  const base = await load(baseDir);
  const next = await load(newDir);
  const rounds = Number(roundsArg ?? 10);
  const fmt = (x: number) => Math.round(x).toLocaleString("en");
  // Warm-up: V8 compiles the hot functions over the first seconds.
  for (let i = 0; i < 3; i++) {
    rate(base, TYPICAL_COMMANDS, 1000);
    rate(next, TYPICAL_COMMANDS, 1000);
  }
  console.log(
    "commands (CPU commands/s)                          base        new  new/base",
  );
  const row = (label: string, r: [number, number, number]) =>
    console.log(
      `${label.slice(0, 48).padEnd(48)} ${fmt(r[0]).padStart(8)} ${
        fmt(r[1]).padStart(10)
      } ${r[2].toFixed(3).padStart(9)}`,
    );
  row(
    `typical mix of ${TYPICAL_COMMANDS.length}`,
    compare(base, next, TYPICAL_COMMANDS, rounds, 1000),
  );
  if (!Deno.args.includes("--mix-only")) {
    for (const c of TYPICAL_COMMANDS) {
      row(c, compare(base, next, [c], Math.max(4, rounds >> 1), 200));
    }
  }
}
