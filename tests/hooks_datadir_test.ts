/**
 * The real hook processes against a data directory the agent has booby-trapped:
 * FIFOs, folders, device links and huge files in the places of policies.json,
 * the spool and audit.db. Every run must finish on its own (a FIFO used to
 * make the hook wait until Codex's timeout, and then the tool ran), keep
 * blocking what it blocks, and say what is wrong on stderr.
 */
import assert from "node:assert/strict";
import {
  denyReason,
  POST_HOOK,
  PRE_HOOK,
  runHookProcess,
  type TempHome,
  tempHome,
} from "./support/hook_process.ts";
import { codexPost, codexPre } from "./support/payloads.ts";

const opts = { sanitizeResources: false, sanitizeOps: false };

async function withHome(fn: (t: TempHome) => Promise<void>): Promise<void> {
  const t = await tempHome();
  await Deno.mkdir(t.dataDir, { recursive: true });
  try {
    await fn(t);
  } finally {
    await t.cleanup();
  }
}

async function mkfifo(path: string): Promise<void> {
  const out = await new Deno.Command("mkfifo", { args: [path] }).output();
  assert.equal(out.code, 0, "mkfifo failed");
}

/** A hook run that must end by itself: a hang is killed after 30 s and fails the test. */
async function run(t: TempHome, script: string, payload: string) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<"hang">((resolve) => {
    timer = setTimeout(() => resolve("hang"), 30_000);
  });
  const r = await Promise.race([
    runHookProcess(script, payload, { home: t.home }),
    hang,
  ]);
  clearTimeout(timer);
  assert.notEqual(r, "hang", "the hook did not finish by itself");
  if (r === "hang") throw new Error("unreachable");
  assert.equal(r.code, 0, r.stderr);
  return r;
}

/** A spooled event old enough to make the spool due for merging. */
const OLD_EVENT_LINE = JSON.stringify({
  sid: "s1",
  event: {
    time: "2020-01-01T00:00:00.000Z",
    agent: "codex",
    toolName: "Bash",
    connectorType: "codex.Bash",
    decision: "allowed",
    policies: [],
    severity: "none",
    inputSummary: "ls",
    success: true,
  },
}) + "\n";

const RM_HOME = codexPre("Bash", { command: "rm -rf ~" });
const LS = codexPre("Bash", { command: "ls -la" });

type Trap = [string, (t: TempHome) => Promise<void>];
const POLICY_TRAPS: Trap[] = [
  ["a FIFO", (t) => mkfifo(`${t.dataDir}/policies.json`)],
  ["a folder", (t) => Deno.mkdir(`${t.dataDir}/policies.json`)],
  [
    "a /dev/zero link",
    (t) => Deno.symlink("/dev/zero", `${t.dataDir}/policies.json`),
  ],
  ["a link out of the data dir", async (t) => {
    await Deno.writeTextFile(`${t.home}/mine.json`, '{"disable":["*"]}');
    await Deno.symlink(`${t.home}/mine.json`, `${t.dataDir}/policies.json`);
  }],
  ["a 4 GiB sparse file", async (t) => {
    const f = await Deno.open(`${t.dataDir}/policies.json`, {
      write: true,
      create: true,
    });
    await f.truncate(4 * 1024 * 1024 * 1024);
    f.close();
  }],
];

for (const [what, trap] of POLICY_TRAPS) {
  Deno.test({
    ...opts,
    name:
      `pre hook: policies.json as ${what} → finishes, still blocks, allows routine calls, says strict`,
    fn: () =>
      withHome(async (t) => {
        await trap(t);
        const blocked = await run(t, PRE_HOOK, RM_HOME);
        assert.match(denyReason(blocked.stdout), /^AxonFlow policy /);
        assert.match(
          blocked.stderr,
          /policy file cannot be used.*strict profile/,
        );
        const ls = await run(t, PRE_HOOK, LS);
        assert.equal(ls.stdout, "");
      }),
  });
}

const SPOOL_TRAPS: Trap[] = [
  ["a FIFO", (t) => mkfifo(`${t.dataDir}/audit.spool.jsonl`)],
  ["a folder", (t) => Deno.mkdir(`${t.dataDir}/audit.spool.jsonl`)],
  [
    "a /dev/null link",
    (t) => Deno.symlink("/dev/null", `${t.dataDir}/audit.spool.jsonl`),
  ],
];

for (const [what, trap] of SPOOL_TRAPS) {
  Deno.test({
    ...opts,
    name:
      `hooks: the spool as ${what} → the block still happens and its event is kept beside it`,
    fn: () =>
      withHome(async (t) => {
        await trap(t);
        const r = await run(t, PRE_HOOK, RM_HOME);
        assert.match(denyReason(r.stdout), /^AxonFlow policy /);
        assert.match(r.stderr, /spooled beside it/);
        const aside = [...Deno.readDirSync(t.dataDir)].filter((e) =>
          e.isFile && e.name.endsWith(".merging")
        );
        assert.equal(aside.length, 1);
        const line = await Deno.readTextFile(`${t.dataDir}/${aside[0].name}`);
        assert.match(line, /"decision":"blocked"/);
        // PostToolUse also finishes, and the store chains the set-aside event in.
        const post = await run(
          t,
          POST_HOOK,
          codexPost("Bash", { command: "ls" }, "a\nb\n"),
        );
        assert.doesNotMatch(post.stderr, /audit event lost/);
      }),
  });
}

Deno.test({
  ...opts,
  name:
    "post hook: audit.db as a FIFO → finishes; the spool is kept for later and says why",
  fn: () =>
    withHome(async (t) => {
      await mkfifo(`${t.dataDir}/audit.db`);
      // an old event makes the spool due for merging
      await Deno.writeTextFile(
        `${t.dataDir}/audit.spool.jsonl`,
        OLD_EVENT_LINE,
      );
      const r = await run(
        t,
        POST_HOOK,
        codexPost("Bash", { command: "ls" }, "a\n"),
      );
      assert.match(r.stderr, /audit\.db is a FIFO/);
      const spool = await Deno.readTextFile(`${t.dataDir}/audit.spool.jsonl`);
      assert.equal(spool.trim().split("\n").length, 2);
    }),
});

Deno.test({
  ...opts,
  name:
    "post hook: a huge (sparse) spool file is not read into memory; it is kept for the CLI",
  fn: () =>
    withHome(async (t) => {
      const f = await Deno.open(
        `${t.dataDir}/audit.spool.1.x.merging`,
        { write: true, create: true },
      );
      await f.truncate(8 * 1024 * 1024 * 1024);
      f.close();
      await Deno.writeTextFile(
        `${t.dataDir}/audit.spool.jsonl`,
        OLD_EVENT_LINE,
      );
      const r = await run(
        t,
        POST_HOOK,
        codexPost("Bash", { command: "ls" }, "a\n"),
      );
      assert.match(
        r.stderr,
        /audit spool kept for later .*merging holds 8589934592 bytes/,
      );
    }),
});
