/**
 * Codex / Claude Code SessionStart hook: tells the model which governance is
 * active (mode, profile, policy file state, hook bundle) and names any fault,
 * such as a broken policies.json; a fault is also shown to the user
 * (`systemMessage`). Blocks nothing; always exits 0. See hooks/lib/session.ts.
 *
 * @module
 */

import { readHookEnv } from "./lib/config.ts";
import { runHook } from "./lib/run.ts";
import { handleSessionStart, sessionFailedOutput } from "./lib/session.ts";
import { readHookEvent } from "./lib/stdin.ts";

if (import.meta.main) {
  const env = readHookEnv();
  const bundle = new URL(import.meta.url).pathname.split("/").pop() ??
    "session_start";
  await runHook({
    deadlineMs: 5_000,
    work: async () => handleSessionStart(await readHookEvent(), env, bundle),
    onDeadline: () => sessionFailedOutput("it timed out"),
    onCrash: (err) =>
      sessionFailedOutput(err instanceof Error ? err.message : String(err)),
  });
}
