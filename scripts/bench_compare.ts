/**
 * `scan()` throughput of two checkouts compared in one process: both module
 * trees are imported and run in turn (ABBA order) on the texts of
 * `bench_engine.ts` (clean log lines; a finding per ~2 KB), at 1 MB and
 * 10 MB. Prints the median wall and CPU times and the median of the
 * per-round ratios (base / new: above 1 means the new tree is faster). On a
 * shared, loaded machine only such paired ratios mean anything; CPU time is
 * the main thread's, read from `/proc/thread-self/schedstat` (Linux).
 *
 * Run: `deno run --allow-all scripts/bench_compare.ts BASE_DIR NEW_DIR [ROUNDS]`
 * (each DIR a checkout, e.g. a `git worktree` of main).
 *
 * @module
 */

type Scan = (text: string) => unknown;

const CLEAN_LINE =
  "2026-11-24 07:01:12 INFO  server listening on port 8080, handled 1532 requests in 12.5 ms (p95 40 ms) build 9f3c2a1\n";
const FINDING_LINE =
  "card 4111 1111 1111 1111 and aws AKIAQ3EGRSWK5TZ7LB2N in the log\n";

function makeText(unit: string, bytes: number): string {
  return unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
}

/** Milliseconds the main thread has run, or NaN where the kernel does not say. */
function cpuMs(): number {
  try {
    const stat = Deno.readTextFileSync("/proc/thread-self/schedstat");
    return Number(stat.split(" ")[0]) / 1e6;
  } catch {
    return NaN;
  }
}

function median(v: number[]): number {
  const s = [...v].sort((a, b) => a - b);
  return s[s.length >> 1];
}

/** Wall and CPU milliseconds of one `scan`. */
function timed(scan: Scan, text: string): [number, number] {
  const c = cpuMs();
  const t = performance.now();
  scan(text);
  return [performance.now() - t, cpuMs() - c];
}

if (import.meta.main) {
  const [baseDir, newDir, roundsArg] = Deno.args;
  if (!baseDir || !newDir) {
    console.error("usage: bench_compare.ts BASE_DIR NEW_DIR [ROUNDS]");
    Deno.exit(2);
  }
  const load = async (dir: string): Promise<Scan> =>
    (await import(
      new URL(`file://${Deno.realPathSync(dir)}/governance/engine/mod.ts`).href
    )).scan;
  const base = await load(baseDir);
  const next = await load(newDir);
  const rounds = Number(roundsArg ?? 6);
  const mixed = CLEAN_LINE.repeat(35) + FINDING_LINE;
  console.log(
    "text                 base ms  new ms   wall ratio  cpu ratio (base/new)",
  );
  for (const [label, unit] of [["clean", CLEAN_LINE], ["finding/2KB", mixed]]) {
    for (const mb of [1, 10]) {
      const text = makeText(unit, mb * 1_000_000);
      base(text);
      next(text);
      const n = mb === 1 ? rounds * 3 : rounds;
      const wall: number[] = [],
        cpu: number[] = [],
        tb: number[] = [],
        tn: number[] = [];
      for (let i = 0; i < n; i++) {
        let a: [number, number], b: [number, number];
        if (i % 2 === 0) {
          a = timed(base, text);
          b = timed(next, text);
        } else {
          b = timed(next, text);
          a = timed(base, text);
        }
        tb.push(a[0]);
        tn.push(b[0]);
        wall.push(a[0] / b[0]);
        cpu.push(a[1] / b[1]);
      }
      console.log(
        `${`${label} ${mb} MB`.padEnd(20)} ${
          median(tb).toFixed(0).padStart(8)
        } ${median(tn).toFixed(0).padStart(7)} ${
          median(wall).toFixed(3).padStart(11)
        } ${median(cpu).toFixed(3).padStart(10)}`,
      );
    }
  }
}
