/**
 * The hook run loop: read stdin, do the work, print the outcome, exit 0 —
 * always, and always before a hard internal deadline that sits below the
 * `timeout` of hooks.json (a hook that times out or crashes lets the tool run).
 *
 * @module
 */

import { type HookOutcome, writeAllSync } from "./output.ts";

/** How a hook run is wired. */
export interface RunOptions {
  /** The work; gets a signal that aborts at the deadline. */
  work: (signal: AbortSignal) => Promise<HookOutcome>;
  /** Hard deadline in milliseconds from now. */
  deadlineMs: number;
  /** The outcome when the deadline passes first. */
  onDeadline: () => HookOutcome;
  /** The outcome when the work throws. */
  onCrash: (err: unknown) => HookOutcome;
}

/**
 * Run the work against its deadline; never rejects.
 *
 * The deadline is an `AbortSignal.timeout`, not `setTimeout`: in Deno 2 the
 * first `setTimeout` of a process loads the Node timers layer (over 10 ms of
 * a hook's start-up). The timer keeps the process alive only while our abort
 * listener is attached, which ends when the work settles.
 */
export async function settle(opts: RunOptions): Promise<HookOutcome> {
  const ac = new AbortController();
  const timeout = AbortSignal.timeout(opts.deadlineMs);
  let onTimeout: (() => void) | undefined;
  const deadline = new Promise<HookOutcome>((resolve) => {
    onTimeout = () => {
      ac.abort();
      resolve(safe(opts.onDeadline, undefined));
    };
    timeout.addEventListener("abort", onTimeout, { once: true });
  });
  const work = (async () => {
    try {
      return await opts.work(ac.signal);
    } catch (err) {
      return safe(() => opts.onCrash(err), err);
    }
  })();
  try {
    return await Promise.race([work, deadline]);
  } finally {
    if (onTimeout) timeout.removeEventListener("abort", onTimeout);
  }
}

function safe(fn: () => HookOutcome, err: unknown): HookOutcome {
  try {
    return fn();
  } catch {
    return { stdout: "", stderr: [`axonflow hook: internal error ${err}`] };
  }
}

/** Settle, print stdout and stderr, and exit 0. */
export async function runHook(opts: RunOptions): Promise<never> {
  const out = await settle(opts);
  writeAllSync(Deno.stdout, out.stdout);
  if (out.stderr.length > 0) {
    writeAllSync(
      Deno.stderr,
      out.stderr.map((l) => `axonflow: ${l}`).join("\n") + "\n",
    );
  }
  Deno.exit(0);
}
