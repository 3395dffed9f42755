/**
 * `deno task eval` on a machine without the public corpora says what it needs
 * (and exits 0); given a folder in the documented formats, it measures it.
 */
import assert from "node:assert/strict";
import { REPO } from "./support/hook_process.ts";

async function evalIn(cwd: string, ...args: string[]) {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "--allow-read", `${REPO}/scripts/eval.ts`, ...args],
    cwd,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const dec = new TextDecoder();
  return {
    code: out.code,
    stdout: dec.decode(out.stdout),
    stderr: dec.decode(out.stderr),
  };
}

Deno.test("eval without ../shared/corpora says what it needs; a named missing folder is a usage error", async () => {
  const dir = await Deno.makeTempDir({ prefix: "axf-eval-" });
  await Deno.mkdir(`${dir}/repo`);
  const r = await evalIn(`${dir}/repo`);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /no corpora at \.\.\/shared\/corpora/);
  assert.match(r.stderr, /\*\.toml .*\[\[case\]\]/s);
  assert.match(r.stderr, /deno task eval -- FOLDER/);
  const missing = await evalIn(`${dir}/repo`, "nope");
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /nope does not exist/);
  await Deno.writeTextFile(
    `${dir}/cases.toml`,
    '[[case]]\ncommand = "rm -rf /"\nexpected = "deny"\n\n[[case]]\ncommand = "ls"\nexpected = "allow"\n',
  );
  const ok = await evalIn(`${dir}/repo`, `${dir}/cases.toml`);
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /100\.0%/);
  await Deno.remove(dir, { recursive: true });
});
