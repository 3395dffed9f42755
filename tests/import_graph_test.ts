/**
 * The code layout the design card asks for, checked on this checkout's real
 * import graph: no import circles anywhere in the product's sources, and an
 * engine that depends on nothing but itself.
 *
 * @module
 */
import assert from "node:assert/strict";
import {
  engineLeaks,
  findCycles,
  readImportGraph,
} from "../scripts/lib/import_graph.ts";
import { REPO } from "./support/hook_process.ts";

const { graph, external } = await readImportGraph(REPO, Deno.execPath());

Deno.test("the import graph covers the doors and the engine", () => {
  for (
    const m of [
      "hooks/pre_tool_use.ts",
      "mcp/stdio.ts",
      "scripts/axonflow.ts",
      "governance/engine/evaluate.ts",
      "governance/audit/store.ts",
    ]
  ) assert.ok(graph.has(m), m);
  assert.ok(graph.size > 200, `${graph.size} modules`);
});

Deno.test("no import circles in the product's sources (type-only imports included)", () => {
  assert.deepEqual(findCycles(graph).map((c) => c.join(" -> ")), []);
});

Deno.test("the engine imports only engine modules: no npm, node:, JSR or door imports", () => {
  assert.deepEqual(engineLeaks(graph, external), []);
});
