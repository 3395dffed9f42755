import assert from "node:assert/strict";
import { filterOutput } from "./text_filters.ts";
import { blocked, fired } from "./test_helpers.ts";

Deno.test("text filters: computed output", () => {
  assert.equal(filterOutput("sed", ["s/X/m/"], "rX -rf ~\n"), "rm -rf ~\n");
  assert.equal(filterOutput("sed", ["s/a.b/c/"], "axb\n"), null);
  assert.equal(filterOutput("cut", ["-c2-"], "xrm\n"), "rm\n");
  assert.equal(filterOutput("head", ["-1"], "a\nb\n"), "a\n");
  assert.equal(filterOutput("tail", ["-n", "1"], "a\nb\n"), "b\n");
  assert.equal(filterOutput("sort", ["-u"], "b\na\nb\n"), "a\nb\n");
  assert.equal(filterOutput("uniq", [], "a\na\nb\n"), "a\nb\n");
  assert.equal(filterOutput("tee", ["/tmp/x"], "z\n"), "z\n");
  assert.equal(filterOutput("yes", ["q"], null)?.split("\n")[0], "q");
  assert.equal(filterOutput("head", ["file.txt"], "a\n"), null);
});

Deno.test("text filters: a command passed through filters into a shell is judged", () => {
  for (
    const cmd of [
      "sed 's/X/m/' <<< 'rX -rf ~' | sh",
      "cut -c2- <<< 'xrm -rf ~' | sh",
      "printf 'rm -rf ~' | tee /tmp/z | sh",
      "yes 'rm -rf ~' | head -1 | sh",
      "echo 'rm -rf ~' | sort | uniq | sh",
      "printf 'ls\\nrm -rf ~\\n' | tail -1 | bash",
    ]
  ) assert.ok(blocked(cmd).length > 0, `${cmd}: ${fired(cmd)}`);
  for (
    const cmd of [
      "echo hello | sed 's/h/j/' | cat",
      "git log --oneline | head -5",
      "ls | sort | uniq -c",
      "yes | head -3",
      "echo 'ls -la' | tee cmd.txt | sh",
    ]
  ) assert.deepEqual(blocked(cmd), [], `${cmd}: ${fired(cmd)}`);
});
