/**
 * The effect rules through the real PreToolUse hook process: one case of
 * every class in tests/guard/{effects,tools,routine_effects}.jsonl, with the
 * corpus home rewritten to a real temporary home (so the home sits under
 * /tmp, as in issue 9), plus a data folder configured elsewhere.
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
import { claudePre, codexPre } from "./support/payloads.ts";

function firstOfEachClass(file: string): GuardCase[] {
  const text = Deno.readTextFileSync(
    new URL(`./guard/${file}`, import.meta.url),
  );
  return classFirsts(parseGuardCases(text, file));
}

const opts = { sanitizeResources: false, sanitizeOps: false };

Deno.test({
  name: "effects through the hook process: one case per class, block and allow",
  ...opts,
}, async () => {
  const t = await tempHome();
  try {
    const cwd = `${t.home}/project`;
    await Deno.mkdir(cwd, { recursive: true });
    const cases = [
      ...firstOfEachClass("effects.jsonl"),
      ...firstOfEachClass("tools.jsonl"),
      ...firstOfEachClass("routine_effects.jsonl"),
    ];
    assert.ok(cases.length >= 30, `only ${cases.length} classes`);
    for (const c of cases) {
      const input = JSON.parse(
        JSON.stringify(c.input).replaceAll("/home/dev", t.home),
      );
      const payload = c.tool === "Bash"
        ? codexPre("Bash", input, cwd)
        : claudePre(c.tool, input, cwd);
      const r = await runHookProcess(PRE_HOOK, payload, { home: t.home, cwd });
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
    "effects through the hook process: a data folder set by AXONFLOW_HOME is guarded",
  ...opts,
}, async () => {
  const t = await tempHome();
  const data = await Deno.makeTempDir({ prefix: "axf_data_" });
  try {
    const deny = async (payload: string) =>
      denyReason(
        (await runHookProcess(PRE_HOOK, payload, {
          home: t.home,
          dataDir: data,
        }))
          .stdout,
      );
    assert.match(
      await deny(
        codexPre("Bash", { command: `echo '{}' > ${data}/policies.json` }),
      ),
      /guard_tamper/,
    );
    assert.match(
      await deny(
        claudePre("Write", {
          file_path: `${data}/policies.json`,
          content: "{}",
        }),
      ),
      /guard_tamper/,
    );
    assert.match(
      await deny(
        codexPre("Bash", {
          command: `sqlite3 ${data}/audit.db 'DELETE FROM events'`,
        }),
      ),
      /guard_tamper/,
    );
    // The hook knows its own folder: its bundles and sources are guarded.
    const root = new URL("..", import.meta.url).pathname.replace(/\/$/, "");
    assert.match(
      await deny(
        claudePre("Write", {
          file_path: `${root}/hooks/dist/pre_tool_use.js`,
          content: "",
        }, t.home),
      ),
      /guard_tamper/,
    );
    assert.match(
      await deny(codexPre("Bash", { command: `rm -rf ${root}/hooks` }, t.home)),
      /guard_tamper/,
    );
  } finally {
    await t.cleanup();
    await Deno.remove(data, { recursive: true }).catch(() => {});
  }
});
