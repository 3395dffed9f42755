import assert from "node:assert/strict";
import { blocked, fired } from "./test_helpers.ts";
import { guardGlobOf } from "./paths.ts";

Deno.test("guard globs: a glob that can name the guard's files is tampering", () => {
  for (
    const cmd of [
      "rm -f ~/.axonflow/*.jsonl",
      "rm -f ~/.axonflow/spool*",
      "rm -f ~/.axonflow/audit*",
      "rm -rf ~/.ax*",
      "rm -rf ~/.[a]xonflow",
      "rm ~/.c?dex/hooks.json",
      "rm -f ~/.codex/*.json",
      "rm -f ~/.codex/*.toml",
      "rm -rf ~/.c*/plugins",
      "rm -f ~/.claude/settings*",
      "rm -rf ~/.codex/hoo*",
    ]
  ) {
    assert.ok(blocked(cmd).includes("guard_tamper"), `${cmd}: ${fired(cmd)}`);
  }
});

Deno.test("guard globs: globs in other folders, or that cannot name a guard file, pass", () => {
  for (
    const cmd of [
      "rm -rf node_modules/*",
      "rm -f ~/Downloads/*.zip",
      "rm -f ~/*.log",
      "rm -f ~/.codex/log/*.log",
      "rm -f ~/.codex/sessions/*",
      "rm -f *.tmp",
      "rm -rf dist/* build/*",
    ]
  ) assert.deepEqual(blocked(cmd), [], `${cmd}: ${fired(cmd)}`);
});

Deno.test("guard globs: the shell's dot rule and recursion are respected", () => {
  const home = "/home/u";
  // `*` does not match a leading dot, so `~/*` cannot name ~/.axonflow
  assert.equal(guardGlobOf(home, "*", home, null, true), null);
  assert.ok(guardGlobOf(home, ".*", home, null, true));
  // without -r, a glob naming a folder that holds guard files deletes nothing there
  // (but `.c*` names ~/.claude.json itself)
  assert.equal(
    guardGlobOf(home, ".c*", home, null, false),
    home + "/.claude.json",
  );
  assert.equal(guardGlobOf(home, ".cod*", home, null, false), null);
  assert.equal(
    guardGlobOf(home + "/.axonflow", "*.db", home, null, false),
    home + "/.axonflow",
  );
  assert.equal(
    guardGlobOf("/srv", "ax*", home, null, true, { dataDir: "/srv/axon" }),
    "/srv/axon",
  );
  // a long hostile glob is bounded
  assert.equal(
    guardGlobOf(home, "*".repeat(100_000), home, null, true),
    null,
  );
});
