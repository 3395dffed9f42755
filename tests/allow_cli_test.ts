/**
 * Narrow exceptions end to end, with real hook processes and the real CLI:
 * a hook blocks a call, `axonflow allow <decision-id>` shows the rule, writes
 * nothing on "no", writes it on "yes", and the same call then runs while its
 * neighbours stay blocked. A project's `.axonflow/policies.json` loosens
 * nothing until `axonflow project approve`, and loses the approval when the
 * agent edits it.
 */
import assert from "node:assert/strict";
import {
  denyReason,
  PRE_HOOK,
  REPO,
  runHookProcess,
  tempHome,
} from "./support/hook_process.ts";
import { codexPre } from "./support/payloads.ts";

async function cli(
  env: Record<string, string>,
  cwd: string,
  args: string[],
  stdin = "",
): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", `${REPO}/scripts/axonflow.ts`, ...args],
    cwd,
    env: { NO_COLOR: "1", AXONFLOW_PROFILE: "", ...env },
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const w = child.stdin.getWriter();
  await w.write(new TextEncoder().encode(stdin));
  await w.close();
  const out = await child.output();
  const dec = new TextDecoder();
  return {
    code: out.code,
    stdout: dec.decode(out.stdout),
    stderr: dec.decode(out.stderr),
  };
}

const DROP = "psql -h db.internal -c 'DROP TABLE legacy_orders'";

Deno.test("axonflow allow <id>: shows the narrowest rule, 'no' writes nothing, 'yes' lets exactly that call through", async () => {
  const t = await tempHome();
  const work = `${t.home}/app`;
  await Deno.mkdir(`${work}/sub`, { recursive: true });
  const env = { HOME: t.home, AXONFLOW_HOME: t.dataDir };
  const pre = (command: string, cwd = work) =>
    runHookProcess(PRE_HOOK, codexPre("Bash", { command }, cwd), {
      home: t.home,
      cwd,
    });
  try {
    const blocked = await pre(DROP);
    const reason = denyReason(blocked.stdout);
    assert.match(reason, /ask the user/);
    const id = /`axonflow allow ([0-9a-f-]{36})`/.exec(reason)?.[1];
    assert.ok(id, reason);

    // explain: policies, reasons, input, and what the analysis saw
    const ex = await cli(env, work, ["explain", id]);
    assert.equal(ex.code, 0, ex.stderr);
    assert.match(ex.stdout, /^BLOCKED {2}decision /);
    assert.match(ex.stdout, /programs {2}psql/);
    assert.ok(ex.stdout.includes(`cwd       ${work}`), ex.stdout);
    assert.match(
      ex.stdout,
      /sys_dangerous_sql_drop .*DROP TABLE legacy_orders/,
    );
    assert.match(ex.stdout, /sys_sqli_drop_table/);
    assert.ok(ex.stdout.includes(`axonflow allow ${id}`));
    const exJson = JSON.parse(
      (await cli(env, work, ["explain", id, "--json"])).stdout,
    );
    assert.deepEqual(exJson.analysis.programs, ["psql"]);
    assert.equal(exJson.input_summary, JSON.stringify({ command: DROP }));
    assert.equal((await cli(env, work, ["explain", "nope"])).code, 1);

    const no = await cli(env, work, ["allow", id], "n\n");
    assert.equal(no.code, 1);
    assert.match(no.stdout, /"sys_dangerous_sql_drop"/);
    assert.match(no.stdout, /"sys_sqli_drop_table"/);
    assert.match(no.stdout, /checked: the recorded call would now be allowed/);
    assert.match(no.stdout, /Not written/);
    await assert.rejects(Deno.stat(`${t.dataDir}/policies.json`));

    const yes = await cli(env, work, ["allow", id, "--expires", "7d"], "y\n");
    assert.equal(yes.code, 0, yes.stderr);
    const file = JSON.parse(
      await Deno.readTextFile(`${t.dataDir}/policies.json`),
    );
    assert.equal(file.allow.length, 1, "one rule for both policies");
    assert.equal(file.allow[0].command, DROP);
    assert.equal(file.allow[0].project, work);
    assert.ok(Date.parse(file.allow[0].expires) > Date.now());

    assert.equal((await pre(DROP)).stdout, "", "the exact call now runs");
    assert.equal((await pre(DROP, `${work}/sub`)).stdout, "");
    for (
      const [cmd, cwd] of [
        ["psql -h db.internal -c 'DROP TABLE users'", work],
        [`${DROP}; psql -h db.internal -c 'DROP TABLE users'`, work],
        [DROP, t.home],
        [DROP, `${t.home}/app2`],
      ]
    ) {
      await Deno.mkdir(cwd, { recursive: true });
      const r = await pre(cmd, cwd);
      assert.match(denyReason(r.stdout), /sys_/, `${cmd} in ${cwd}`);
    }
    const unknown = await cli(env, work, ["allow", "nope"]);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /no decision nope/);
  } finally {
    await t.cleanup();
  }
});

Deno.test("a project policy file loosens nothing until approved; an edit withdraws the approval", async () => {
  const t = await tempHome();
  const work = `${t.home}/app`;
  await Deno.mkdir(`${work}/.axonflow`, { recursive: true });
  const env = { HOME: t.home, AXONFLOW_HOME: t.dataDir };
  const projectFile = `${work}/.axonflow/policies.json`;
  const loosening = JSON.stringify(
    {
      profile: "strict",
      allow: [{
        id: "allow_scratch",
        policies: ["sys_dangerous_sql_drop", "sys_sqli_drop_table"],
        command: DROP,
      }],
    },
    null,
    2,
  );
  await Deno.writeTextFile(projectFile, loosening);
  const pre = (command: string) =>
    runHookProcess(PRE_HOOK, codexPre("Bash", { command }, work), {
      home: t.home,
      cwd: work,
    });
  try {
    // written by "the agent": the CLI applies its strict profile, not its allow rule
    const check = await cli(env, work, ["check", DROP]);
    assert.equal(check.code, 1);
    assert.match(
      check.stderr,
      /allow \(allow_scratch\) ignored: the project file is not approved/,
    );
    const force = await cli(env, work, [
      "check",
      "git push --force origin main",
    ]);
    assert.equal(force.code, 1, "the project raised the profile to strict");
    assert.match(denyReason((await pre(DROP)).stdout), /sys_/);

    const status = await cli(env, work, ["project", "status", "--json"]);
    assert.equal(JSON.parse(status.stdout).approved, false);
    const no = await cli(env, work, ["project", "approve"], "\n");
    assert.equal(no.code, 1);
    assert.match(no.stdout, /allow allow_scratch/);
    const yes = await cli(env, work, ["project", "approve", "--yes"]);
    assert.equal(yes.code, 0, yes.stderr);

    assert.equal((await cli(env, work, ["check", DROP])).code, 0);
    assert.equal(
      (await pre(DROP)).stdout,
      "",
      "the hook applies the approved text",
    );

    // the agent widens the file: the approval no longer matches
    await Deno.writeTextFile(
      projectFile,
      loosening.replace(DROP, "psql -h db.internal -c 'DROP TABLE users'"),
    );
    const after = await cli(env, work, [
      "check",
      "psql -h db.internal -c 'DROP TABLE users'",
    ]);
    assert.equal(after.code, 1, after.stdout);
    assert.match(
      denyReason(
        (await pre("psql -h db.internal -c 'DROP TABLE users'")).stdout,
      ),
      /sys_/,
    );
  } finally {
    await t.cleanup();
  }
});
