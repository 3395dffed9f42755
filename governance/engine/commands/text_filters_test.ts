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

Deno.test("text filters: paste -s, rev and tr", () => {
  assert.equal(
    filterOutput("paste", ["-sd", " "], "rm -rf\n~\n"),
    "rm -rf ~\n",
  );
  assert.equal(filterOutput("paste", ["-s", "-d,"], "a\nb\n"), "a,b\n");
  assert.equal(filterOutput("paste", ["-s"], "a\nb\n"), "a\tb\n");
  assert.equal(filterOutput("paste", ["a.txt"], "a\n"), null);
  assert.equal(filterOutput("paste", ["-d,"], "a\nb\n"), null);
  assert.equal(filterOutput("rev", [], "~ fr- mr\n"), "rm -rf ~\n");
  assert.equal(filterOutput("tr", ["a-z", "n-za-m"], "ez\n"), "rm\n");
  assert.equal(filterOutput("tr", ["X", "m"], "rX -rf ~"), "rm -rf ~");
  assert.equal(filterOutput("tr", ["-d", "_"], "r_m -r_f"), "rm -rf");
  assert.equal(filterOutput("tr", ["[:lower:]", "[:upper:]"], "a"), null);
  assert.equal(filterOutput("tr", ["a-\u{10ffff}", "b"], "a"), null);
  for (
    const cmd of [
      "printf 'rm -rf\\n~\\n' | paste -sd' ' | sh",
      "echo '~ fr- mr' | rev | sh",
      "echo 'rX -rf ~' | tr X m | bash",
    ]
  ) assert.ok(blocked(cmd).length > 0, cmd);
  for (
    const cmd of [
      "printf 'a\\nb\\n' | paste -sd,",
      "echo hello | tr a-z A-Z",
    ]
  ) assert.equal(blocked(cmd).length, 0, cmd);
  const t0 = performance.now();
  filterOutput("tr", ["a-z".repeat(5000), "b"], "x".repeat(100_000));
  filterOutput("paste", ["-sd", " "], "a\n".repeat(90_000));
  assert.ok(performance.now() - t0 < 2000);
});

Deno.test("aliases and reversed strings: the text they stand for is judged", () => {
  for (
    const cmd of [
      "shopt -s expand_aliases; alias zap='rm -rf'; zap ~",
      "alias x='rm -rf ~'; x",
      "perl -e 'system scalar reverse q(~ fr- mr)'",
      "python3 -c \"import os; os.system('~ fr- mr'[::-1])\"",
      "node -e \"require('child_process').execSync('~ fr- mr'.split('').reverse().join(''))\"",
      "ruby -e 'system(\"~ fr- mr\".reverse)'",
    ]
  ) assert.ok(blocked(cmd).length > 0, cmd);
  for (
    const cmd of [
      "alias ll='ls -la'; ll ~",
      "alias rmf='rm -rf'; rmf dist",
      "python3 -c \"print('olleh'[::-1])\"",
      "perl -e 'print scalar reverse q(olleh)'",
    ]
  ) assert.equal(blocked(cmd).length, 0, cmd);
});
