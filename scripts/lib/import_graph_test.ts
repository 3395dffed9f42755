import assert from "node:assert/strict";
import { engineLeaks, findCycles, type ImportGraph } from "./import_graph.ts";

Deno.test("findCycles: reports a circle once, through type-only edges too, and none in a tree", () => {
  const g: ImportGraph = new Map([
    ["a.ts", ["b.ts", "d.ts"]],
    ["b.ts", ["c.ts"]],
    ["c.ts", ["a.ts"]],
    ["d.ts", []],
  ]);
  assert.deepEqual(findCycles(g), [["a.ts", "b.ts", "c.ts", "a.ts"]]);
  g.set("c.ts", ["d.ts"]);
  assert.deepEqual(findCycles(g), []);
});

Deno.test("findCycles: a 20,000-module chain does not overflow the stack", () => {
  const g: ImportGraph = new Map();
  for (let i = 0; i < 20_000; i++) g.set(`m${i}.ts`, [`m${i + 1}.ts`]);
  g.set("m20000.ts", ["m0.ts"]);
  assert.equal(findCycles(g)[0].length, 20_002);
});

Deno.test("engineLeaks: an engine module importing a door or npm is named", () => {
  const g: ImportGraph = new Map([
    ["governance/engine/a.ts", ["governance/engine/b.ts", "hooks/lib/x.ts"]],
    ["governance/engine/b.ts", []],
    ["hooks/lib/x.ts", ["governance/engine/a.ts"]],
  ]);
  const ext = new Map([["governance/engine/b.ts", ["npm:zod@3"]]]);
  assert.deepEqual(engineLeaks(g, ext), [
    "governance/engine/a.ts -> hooks/lib/x.ts",
    "governance/engine/b.ts -> npm:zod@3",
  ]);
});
