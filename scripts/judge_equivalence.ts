/**
 * The hooks judge as `evaluate()` does: every guard row whose arguments'
 * JSON the PII/secret gate does not clear but whose scanned text it does
 * (the hook then judges without the scanner first, and loads it only when
 * the engine asks) is judged by `hooks/lib/judge.ts` in a fresh worker and
 * compared with `evaluate()` (decision ids left out). `--edits` takes every
 * row of a file-editing tool instead (Write, Edit, MultiEdit, NotebookEdit,
 * apply_patch: the hook may judge them by the scanner alone, see
 * governance/engine/inert_write.ts); `--all` takes every row (slow: one
 * worker each). Exits 1 on a difference.
 *
 * Run: `deno run --allow-read scripts/judge_equivalence.ts [--all | --edits]`
 *
 * @module
 */
import { devArgs } from "./lib/dev_args.ts";
import { join } from "node:path";
import { loadGuardCorpus } from "./lib/guard_corpus.ts";
import { evaluate } from "../governance/engine/mod.ts";
import { mayHoldSensitive } from "../governance/engine/detect/sensitive_gate.ts";
import { safeJson } from "../governance/engine/tool_call.ts";
import { scannedText } from "../hooks/lib/judge.ts";

/** Tools that write or patch files. */
const EDIT_TOOL = /^(?:write|create|edit|multiedit|notebookedit|apply_patch)$/i;

if (import.meta.main) {
  const { values } = devArgs({
    args: Deno.args,
    options: {
      all: { type: "boolean", default: false },
      edits: { type: "boolean", default: false },
    },
  }, "judge_equivalence.ts [--all | --edits]");
  const dir = join(import.meta.dirname ?? ".", "..", "tests", "guard");
  const rows = await loadGuardCorpus(dir);
  const picked = values.all
    ? rows
    : values.edits
    ? rows.filter((c) => EDIT_TOOL.test(c.tool))
    : rows.filter((c) => {
      const call = { toolName: c.tool, input: c.input };
      return mayHoldSensitive(safeJson(c.input)) &&
        !mayHoldSensitive(scannedText(call));
    });
  const url = new URL("./lib/judge_worker.ts", import.meta.url).href;
  let diff = 0;
  for (const c of picked) {
    const w = new Worker(url, { type: "module" });
    const got = await new Promise<string>((resolve) => {
      w.onmessage = (e: MessageEvent<string>) => resolve(e.data);
      w.postMessage(c);
    });
    w.terminate();
    const { decisionId: _id, ...want } = evaluate({
      toolName: c.tool,
      input: c.input,
      home: c.home,
      cwd: c.cwd,
      profile: c.profile,
    });
    if (JSON.stringify(want) !== got) {
      diff++;
      console.log(`differs: ${c.file} ${c.id}`);
    }
  }
  console.log(
    `${picked.length} of ${rows.length} guard rows judged in a fresh worker: ${diff} differ from evaluate()`,
  );
  if (diff > 0) Deno.exit(1);
}
