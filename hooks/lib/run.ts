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

/** Run the work against its deadline; never rejects. */
export async function settle(opts: RunOptions): Promise<HookOutcome> {
  const ac = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<HookOutcome>((resolve) => {
    timer = setTimeout(() => {
      ac.abort();
      resolve(safe(opts.onDeadline, undefined));
    }, opts.deadlineMs);
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
    clearTimeout(timer);
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
