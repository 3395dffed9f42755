/**
 * The hook command the installer writes (Codex and Claude Code alike) names
 * the data directory and the deno executable by absolute path: an
 * AXONFLOW_HOME or PATH the agent manages to put in the hook's environment
 * cannot redirect it. Run for real through `bash -c`, as the agents do.
 */
import assert from "node:assert/strict";
import { hookLine } from "../scripts/lib/install_plan.ts";
import { denoDir, denyReason, REPO, tempHome } from "./support/hook_process.ts";
import { codexPre } from "./support/payloads.ts";

const opts = { sanitizeResources: false, sanitizeOps: false };

Deno.test("installer hook command: absolute data dir and deno, no shell expansion", () => {
  for (const event of ["PreToolUse", "PostToolUse"] as const) {
    const line = hookLine({
      root: "/opt/axonflow",
      dataDir: "/home/u/.axonflow",
      deno: "/opt/deno/bin/deno",
    }, event);
    assert.ok(
      line.startsWith(
        "AXONFLOW_HOME=/home/u/.axonflow /opt/deno/bin/deno run ",
      ),
      line,
    );
    assert.ok(!line.includes("$"), line);
    assert.match(line, /--allow-read=\/home\/u\/\.axonflow /);
    assert.match(line, /--allow-write=\/home\/u\/\.axonflow /);
  }
});

Deno.test({
  ...opts,
  name:
    "installer hook command: a hostile AXONFLOW_HOME and a fake deno first on PATH change nothing",
  fn: async () => {
    const t = await tempHome();
    try {
      const fake = `${t.home}/bin`;
      await Deno.mkdir(fake);
      await Deno.writeTextFile(`${fake}/deno`, "#!/bin/sh\nexit 0\n");
      await Deno.chmod(`${fake}/deno`, 0o755);
      const empty = `${t.home}/empty`;
      await Deno.mkdir(empty);
      await Deno.mkdir(t.dataDir);
      await Deno.writeTextFile(`${t.dataDir}/policies.json`, "");
      const line = hookLine({
        root: REPO,
        dataDir: t.dataDir,
        deno: Deno.execPath(),
      }, "PreToolUse");
      const child = new Deno.Command("bash", {
        args: ["-c", line],
        env: {
          PATH: `${fake}:/usr/bin:/bin`,
          HOME: t.home,
          AXONFLOW_HOME: empty,
          DENO_DIR: await denoDir(),
        },
        clearEnv: true,
        cwd: t.home,
        stdin: "piped",
        stdout: "piped",
        stderr: "piped",
      }).spawn();
      const w = child.stdin.getWriter();
      await w.write(
        new TextEncoder().encode(
          codexPre("Bash", { command: "rm -rf ~" }, t.home),
        ),
      );
      await w.close();
      const out = await child.output();
      const stdout = new TextDecoder().decode(out.stdout);
      assert.match(denyReason(stdout), /^AxonFlow policy /);
      // the block was spooled in the installed data dir, not the agent's
      assert.ok(
        [...Deno.readDirSync(t.dataDir)].some((e) =>
          e.name === "audit.spool.jsonl"
        ),
      );
      assert.deepEqual([...Deno.readDirSync(empty)], []);
    } finally {
      await t.cleanup();
    }
  },
});
