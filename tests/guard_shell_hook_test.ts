/**
 * The shell rules through the real PreToolUse hook process: one case of
 * every class in tests/guard/{shell,routine_shell}.jsonl, with the corpus
 * home rewritten to a real temporary home, plus a 1 MB adversarial command
 * (past every parser and walk limit) that must still be refused.
 */
import assert from "node:assert/strict";
import {
  firstOfEachClass as classFirsts,
  type GuardCase,
  parseGuardCases,
} from "../scripts/lib/guard_corpus.ts";
import {
  denyReason,
  PRE_HOOK,
  runHookProcess,
  tempHome,
} from "./support/hook_process.ts";
import { codexPre } from "./support/payloads.ts";

function firstOfEachClass(file: string): GuardCase[] {
  const text = Deno.readTextFileSync(
    new URL(`./guard/${file}`, import.meta.url),
  );
  return classFirsts(parseGuardCases(text, file));
}

const opts = { sanitizeResources: false, sanitizeOps: false };

Deno.test({
  name: "shell through the hook process: one case per class, block and allow",
  ...opts,
}, async () => {
  const t = await tempHome();
  try {
    const cwd = `${t.home}/project`;
    await Deno.mkdir(cwd, { recursive: true });
    const cases = [
      ...firstOfEachClass("shell.jsonl"),
      ...firstOfEachClass("routine_shell.jsonl"),
    ];
    assert.ok(cases.length >= 12, `only ${cases.length} classes`);
    for (const c of cases) {
      const command = String((c.input as { command: unknown }).command)
        .replaceAll("/home/dev", t.home);
      const r = await runHookProcess(
        PRE_HOOK,
        codexPre("Bash", { command }, cwd),
        { home: t.home, cwd },
      );
      assert.equal(r.code, 0, `${c.id}: ${r.stderr}`);
      if (c.expect === "block") {
        assert.match(denyReason(r.stdout), /^AxonFlow policy /, c.id);
      } else {
        assert.equal(r.stdout, "", `${c.id} should pass: ${r.stdout}`);
      }
    }
  } finally {
    await t.cleanup();
  }
});

Deno.test({
  name:
    "shell through the hook process: hidden words are named, 1 MB of noise does not hide rm -rf ~",
  ...opts,
}, async () => {
  const t = await tempHome();
  try {
    const stdout = async (command: string) =>
      (await runHookProcess(PRE_HOOK, codexPre("Bash", { command }), {
        home: t.home,
      })).stdout;
    const deny = async (command: string) => denyReason(await stdout(command));
    assert.match(await deny("$X -rf ~"), /hides what runs/);
    assert.match(await deny(":;".repeat(500_000) + " rm -rf ~"), /AxonFlow/);
    assert.match(
      await deny("( ".repeat(30) + "rm -rf ~" + " )".repeat(30)),
      /AxonFlow/,
    );
    assert.equal(await stdout('"$EDITOR" notes.md'), "");
    // Past the budget, a hidden command word is still judged as what it could be.
    assert.match(
      await deny(":;".repeat(5_000) + " $(echo rm) -rf ~"),
      /hides what runs/,
    );
    assert.match(
      await deny("a=rm; " + "a=$a$a; ".repeat(28) + "b=rm; $b -rf ~"),
      /AxonFlow/,
    );
    assert.equal(await stdout(":;".repeat(5_000) + ' "$EDITOR" notes.md'), "");
  } finally {
    await t.cleanup();
  }
});
