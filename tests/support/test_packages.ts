/**
 * Test-only npm packages (the real Codex CLI) and how to run them.
 *
 * They are pinned in their own lock file, `tests/test_packages.lock`, never in
 * the product's `deno.lock`: Deno installs every npm package of the lock a
 * program runs with, so a Codex CLI pinned there made a user's first
 * `deno task check` download about 436 MB. Children run them with
 * `--no-config --lock=<that file> --frozen`: no project config, integrity
 * checked against the pinned hashes, and an error (not a silent re-resolve)
 * if the pin is missing.
 *
 * @module
 */
import { REPO } from "./hook_process.ts";

/** The pinned Codex CLI. */
export const CODEX = "npm:@openai/codex@0.169.0";

/** The lock file that pins the test-only packages. */
export const TEST_LOCK = `${REPO}/tests/test_packages.lock`;

/** `deno run` arguments that start a pinned test-only npm package, before its own arguments. */
export function runPackageArgs(spec: string): string[] {
  return [
    "run",
    "-A",
    "--no-config",
    `--lock=${TEST_LOCK}`,
    "--frozen",
    spec,
  ];
}
