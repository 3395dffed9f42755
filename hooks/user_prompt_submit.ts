/**
 * Codex / Claude Code UserPromptSubmit hook: stops a prompt that holds a
 * secret or a card number before it reaches the model provider and tells the
 * user how to send it without the value. Always exits 0; fails open (see the
 * table in hooks/lib/prompt.ts).
 *
 * @module
 */

import { readHookEnv } from "./lib/config.ts";
import { handlePrompt, PROMPT_DEADLINE_MS } from "./lib/prompt.ts";
import { runHook } from "./lib/run.ts";
import { readHookEvent } from "./lib/stdin.ts";

if (import.meta.main) {
  const env = readHookEnv();
  await runHook({
    deadlineMs: PROMPT_DEADLINE_MS,
    work: async () => handlePrompt(await readHookEvent(), env),
    onDeadline: () => ({
      stdout: "",
      stderr: ["the prompt check timed out; the prompt was not checked"],
    }),
    onCrash: (err) => ({
      stdout: "",
      stderr: [
        `the prompt check failed (${
          err instanceof Error ? err.message : String(err)
        }); the prompt was not checked`,
      ],
    }),
  });
}
