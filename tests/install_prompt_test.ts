/**
 * The installer on a terminal (a pseudo-terminal from script(1)): it shows
 * the diff, asks, and on "no" says so and changes nothing. Rerunning with
 * --profile strict keeps a created hooks.json formatted, and the diff lists
 * removed lines before added ones.
 */
import assert from "node:assert/strict";
import { REPO } from "./support/hook_process.ts";

async function home() {
  const dir = await Deno.makeTempDir({ prefix: "axf-prompt-" });
  await Deno.mkdir(`${dir}/codex`);
  await Deno.mkdir(`${dir}/home`);
  return {
    dir,
    env: {
      HOME: `${dir}/home`,
      CODEX_HOME: `${dir}/codex`,
      AXONFLOW_HOME: `${dir}/data`,
      AXONFLOW_ENDPOINT: "",
      AXONFLOW_PROFILE: "",
      NO_COLOR: "1",
    },
  };
}

async function install(env: Record<string, string>, ...args: string[]) {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", `${REPO}/scripts/install.ts`, "--skip-cache", ...args],
    env,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const dec = new TextDecoder();
  return { code: out.code, stdout: dec.decode(out.stdout) };
}

const hasScript = await new Deno.Command("script", {
  args: ["--version"],
  stdout: "null",
  stderr: "null",
}).output().then((o) => o.success, () => false);

Deno.test({
  name: "on a terminal, answering no says so and writes nothing",
  ignore: !hasScript,
}, async () => {
  const { dir, env } = await home();
  const child = new Deno.Command("script", {
    args: [
      "-qec",
      `${Deno.execPath()} run -A ${REPO}/scripts/install.ts --skip-cache`,
      "/dev/null",
    ],
    env,
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const w = child.stdin.getWriter();
  await w.write(new TextEncoder().encode("n\n"));
  await w.close();
  const out = await child.output();
  const text = new TextDecoder().decode(out.stdout);
  assert.equal(out.code, 1, text);
  assert.match(text, /Apply these changes\?/);
  assert.match(text, /Not applied: you answered no, so nothing was changed\./);
  const left: string[] = [];
  for await (const e of Deno.readDir(`${dir}/codex`)) left.push(e.name);
  assert.deepEqual(left, []);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("rerun with --profile strict: hooks.json stays formatted; the diff removes before it adds", async () => {
  const { dir, env } = await home();
  assert.equal((await install(env, "--yes")).code, 0);
  const dry = await install(env, "--dry-run", "--profile", "strict");
  const lines = dry.stdout.split("\n").filter((l) =>
    /^[-+] .*"command"/.test(l)
  );
  assert.ok(lines.length >= 2, dry.stdout);
  assert.ok(lines[0].startsWith("-"), lines.join("\n"));
  assert.ok(!/^\+\{"hooks"/m.test(dry.stdout), dry.stdout);
  assert.equal((await install(env, "--yes", "--profile", "strict")).code, 0);
  const text = await Deno.readTextFile(`${dir}/codex/hooks.json`);
  assert.equal(text, JSON.stringify(JSON.parse(text), null, 2) + "\n");
  assert.match(text, /AXONFLOW_PROFILE=strict/);
  await Deno.remove(dir, { recursive: true });
});
