import assert from "node:assert/strict";

const ROOT = new URL("../..", import.meta.url).pathname;

async function run(script: string, args: string[]) {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "--allow-read", "--allow-env", `${ROOT}${script}`, ...args],
    cwd: ROOT,
    stdout: "piped",
    stderr: "piped",
  }).output();
  return { code: out.code, stderr: new TextDecoder().decode(out.stderr) };
}

Deno.test("devArgs: an unknown option or a missing value ends a developer script with its usage and exit code 2, not a stack trace", async () => {
  for (
    const [script, args, said] of [
      ["scripts/eval.ts", ["--zzz"], /Unknown option '--zzz'/],
      ["scripts/eval.ts", ["--split"], /argument missing/],
      ["scripts/eval_sensitive.ts", ["data.jsonl"], /positional/],
      ["scripts/guard_eval.ts", ["--nope"], /Unknown option '--nope'/],
    ] as const
  ) {
    const r = await run(script, [...args]);
    assert.equal(r.code, 2, `${script} ${args.join(" ")}: ${r.stderr}`);
    assert.match(r.stderr, said);
    assert.match(r.stderr, /^usage: /m);
    assert.doesNotMatch(r.stderr, /\bat .*parse_args/);
  }
});
