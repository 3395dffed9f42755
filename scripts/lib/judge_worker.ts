/**
 * Worker of `scripts/judge_equivalence.ts`: judges one guard row with the
 * hooks' `judge()` in a module graph of its own (no detector loaded yet)
 * and posts the decision without its random id.
 *
 * @module
 */
import { judge } from "../../hooks/lib/judge.ts";
import { DEFAULT_CONFIG } from "../../governance/engine/config.ts";
import type { GuardCase } from "./guard_corpus.ts";

/** Minimal view of the worker global scope. */
interface WorkerScope {
  onmessage: ((e: MessageEvent<GuardCase>) => void) | null;
  postMessage(message: string): void;
}

const scope = self as unknown as WorkerScope;
scope.onmessage = async (e) => {
  const c = e.data;
  const d = await judge({
    toolName: c.tool,
    input: c.input,
    home: c.home,
    cwd: c.cwd,
    profile: c.profile,
  }, DEFAULT_CONFIG);
  const { decisionId: _id, ...rest } = d;
  scope.postMessage(JSON.stringify(rest));
};
