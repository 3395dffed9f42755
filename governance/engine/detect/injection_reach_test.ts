import assert from "node:assert/strict";
import { INJECTION_POLICIES } from "../policies/injection.ts";
import { INJECTION_REACH } from "../policies/injection_reach.ts";
import { patternReach } from "./injection.ts";

Deno.test("the generated reach table matches every injection text pattern (run `deno task build` after changing one)", () => {
  let n = 0;
  for (const p of INJECTION_POLICIES) {
    if (p.anchors.length === 0 || p.nonAscii) {
      assert.equal(INJECTION_REACH[p.id], undefined, p.id);
      continue;
    }
    const rows = INJECTION_REACH[p.id];
    assert.ok(rows, `${p.id} is missing from policies/injection_reach.ts`);
    assert.equal(rows.length, p.patterns.length, p.id);
    p.patterns.forEach((re, k) => {
      const r = patternReach(re);
      assert.deepEqual(
        rows[k],
        [Number.isFinite(r.len) ? r.len : -1, r.look, r.whole ? 1 : 0],
        `${p.id} pattern ${k}: the table is stale`,
      );
      n++;
    });
  }
  assert.ok(n > 100, `only ${n} patterns`);
});
