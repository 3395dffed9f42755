/**
 * Codex / Claude Code PermissionRequest hook: denies an approval request the
 * policies block (with the policy's reason), approves what the user listed
 * as routine in policies.json (`autoApprove`), and otherwise leaves the
 * decision to the user. Always exits 0; on any failure it gives no decision,
 * so the user is asked (see the table in hooks/lib/permission.ts).
 *
 * @module
 */

import { readHookEnv } from "./lib/config.ts";
import { handlePermission, PERMISSION_DEADLINE_MS } from "./lib/permission.ts";
import { runHook } from "./lib/run.ts";
import { readHookEvent } from "./lib/stdin.ts";

if (import.meta.main) {
  const env = readHookEnv();
  await runHook({
    deadlineMs: PERMISSION_DEADLINE_MS,
    work: async () => handlePermission(await readHookEvent(), env),
    onDeadline: () => ({
      stdout: "",
      stderr: ["the approval check timed out; no decision, the user is asked"],
    }),
    onCrash: (err) => ({
      stdout: "",
      stderr: [
        `the approval check failed (${
          err instanceof Error ? err.message : String(err)
        }); no decision, the user is asked`,
      ],
    }),
  });
}
