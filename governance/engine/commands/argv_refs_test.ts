import assert from "node:assert/strict";
import { evaluate } from "../mod.ts";
import { bindArgv } from "./argv_refs.ts";

function blocks(c: string): boolean {
  return !evaluate({
    toolName: "Bash",
    input: { command: c },
    home: "/home/u",
    cwd: "/home/u/p",
  }).allowed;
}

Deno.test("argv_refs: one-liners deleting the path they are given block", () => {
  for (
    const c of [
      "python3 -c 'import shutil,sys; shutil.rmtree(sys.argv[1])' ~",
      "d=$HOME; echo \"$d\" | xargs -I% python3 -c 'import shutil,sys; shutil.rmtree(sys.argv[1])' %",
      "echo $HOME | xargs -I{} node -e 'require(\"fs\").rmSync(process.argv[1],{recursive:true,force:true})' {}",
      "p=/home; u=u; printf '%s/%s\\n' $p $u | xargs -n1 perl -MFile::Path=remove_tree -e 'remove_tree($ARGV[0])'",
      "ruby -rfileutils -e 'FileUtils.rm_rf(ARGV[0])' /home/u",
      "echo 'rm -rf ~' | ssh localhost bash",
    ]
  ) assert.ok(blocks(c), c);
});

Deno.test("argv_refs: one-liners given workspace paths pass", () => {
  for (
    const c of [
      "python3 -c 'import shutil,sys; shutil.rmtree(sys.argv[1])' build",
      "node -e 'require(\"fs\").rmSync(process.argv[1],{recursive:true,force:true})' dist",
      "python3 -c 'import sys; print(sys.argv[1])' ~",
      "printf '%s\\n' dist build | xargs rm -rf",
      "ssh build-01 < deploy.sh",
    ]
  ) assert.ok(!blocks(c), c);
});

Deno.test("argv_refs: bindArgv", () => {
  assert.equal(bindArgv("f(sys.argv[1])", "python", ["/x"]), "f('/x')");
  assert.equal(bindArgv("f(sys.argv[2])", "python", ["/x"]), "f(sys.argv[2])");
  assert.equal(bindArgv("f($ARGV[0])", "perl", ["a'b"]), "f('a\\'b')");
  assert.equal(bindArgv("f(Deno.args[0])", "node", ["/x"]), "f('/x')");
  const t0 = performance.now();
  bindArgv("sys.argv[".repeat(20_000), "python", ["x"]);
  assert.ok(performance.now() - t0 < 1000);
});
