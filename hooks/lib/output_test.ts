import assert from "node:assert/strict";
import { denyOutput, postContextOutput, writeAllSync } from "./output.ts";

Deno.test("denyOutput is exactly the fields Codex accepts", () => {
  assert.equal(
    denyOutput('no "way"'),
    '{"hookSpecificOutput":{"hookEventName":"PreToolUse","permissionDecision":"deny","permissionDecisionReason":"no \\"way\\""}}',
  );
});

Deno.test("denyOutput never sends an empty reason (Codex would run the tool)", () => {
  const o = JSON.parse(denyOutput("  "));
  assert.ok(o.hookSpecificOutput.permissionDecisionReason.length > 0);
});

Deno.test("postContextOutput is exactly the fields Codex accepts", () => {
  assert.equal(
    postContextOutput("x\ny"),
    '{"hookSpecificOutput":{"hookEventName":"PostToolUse","additionalContext":"x\\ny"}}',
  );
});

Deno.test("writeAllSync writes in pieces and ignores a broken pipe", () => {
  const got: number[] = [];
  writeAllSync({
    writeSync(p: Uint8Array) {
      got.push(p[0]);
      return 1;
    },
  }, "abc");
  assert.deepEqual(got, [97, 98, 99]);
  writeAllSync({
    writeSync(): number {
      throw new Deno.errors.BrokenPipe("closed");
    },
  }, "abc");
});
