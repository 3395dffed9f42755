/**
 * Codex / Claude Code PreToolUse hook: judges every tool call before it runs.
 * Prints nothing to allow; prints exactly one deny object to block; for a call
 * allowed with warnings (embedded engine) prints `additionalContext` for the
 * model and `systemMessage` for the user, no decision (a shape Codex 0.169.0
 * accepts; were it rejected, the call would run as it is meant to anyway);
 * always exits 0, before its internal deadline (below hooks.json's `timeout`).
 *
 * Blocks (and guard failures) are audited by appending one line to the
 * spool in the data directory, not by opening SQLite: the next user of the
 * store (the PostToolUse hook, the MCP server, the CLI) chains them in.
 *
 * Failure paths (each one tested in tests/hooks_process_test.ts and
 * tests/hooks_remote_test.ts):
 *
 * | situation                                            | verdict | why / what is printed                                    |
 * | ---------------------------------------------------- | ------- | -------------------------------------------------------- |
 * | empty stdin (0 bytes or whitespace)                  | allow   | no tool call to judge                                     |
 * | non-JSON, binary bytes, JSON that is not an object   | DENY    | a payload Codex sent that we cannot read is a bug or a    |
 * | or has no `tool_name`                                |         | protocol change: fail closed, say how to report; audited  |
 * | stdin over 64 MiB                                    | DENY    | cannot be parsed whole: fail closed                       |
 * | event other than PreToolUse (`hook_event_name`)      | allow   | not ours to judge; stderr note                            |
 * | unknown tool name                                    | judged  | the engine judges its arguments as text                   |
 * | policies.json unreadable / invalid lines             | judged  | stderr warning naming the line; built-ins still apply     |
 * | data dir cannot be created or spool not writable      | judged  | verdict unchanged; stderr note (event lost)               |
 * | exception inside the engine                          | DENY    | "guard failed" reason + how to report; audited as error   |
 * | internal deadline passed (remote timeout + 1 s;      | DENY    | "guard timed out"; hooks.json timeout is 15 s             |
 * | 10 s embedded)                                       |         |                                                           |
 * | remote ok, allowed / blocked                         | remote  | the remote decision (block message names its policy)      |
 * | remote unreachable, timeout, 5xx, garbage, -32700,   | local   | embedded engine decides; stderr says so; audited with     |
 * | -32603, other codes, isError result (not approval)   |         | the fallback reason (allowed ones too)                    |
 * | remote -32001 / -32601 / -32602 (or HTTP 401/404)    | DENY    | says what to fix: AXONFLOW_AUTH / endpoint / versions     |
 * | hook lacks --allow-net for the endpoint              | local   | embedded + "re-run deno task install to grant ..."        |
 * | statement over 512 KiB in remote mode                | local   | the remote request limit is 1 MB                          |
 * | stdout closed by the reader                          | -       | ignored; exit 0                                           |
 *
 * @module
 */

import { readHookEnv } from "./lib/config.ts";
import { denyOutput } from "./lib/output.ts";
import { guardFailedReason, handlePre, preDeadlineMs } from "./lib/pre.ts";
import { runHook } from "./lib/run.ts";
import { readHookEvent } from "./lib/stdin.ts";

if (import.meta.main) {
  const env = readHookEnv();
  await runHook({
    deadlineMs: preDeadlineMs(env),
    work: async (signal) => handlePre(await readHookEvent(), env, signal),
    onDeadline: () => {
      const reason = guardFailedReason("the guard timed out");
      return { stdout: denyOutput(reason), stderr: [reason] };
    },
    onCrash: (err) => {
      const reason = guardFailedReason(
        `internal error: ${err instanceof Error ? err.message : String(err)}`,
      );
      return { stdout: denyOutput(reason), stderr: [reason] };
    },
  });
}
