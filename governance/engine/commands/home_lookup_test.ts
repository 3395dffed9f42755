import assert from "node:assert/strict";
import { blocked, fired } from "./test_helpers.ts";

Deno.test("home lookups: a substitution that prints a home from the account database, dscl, xdg-user-dir or an interpreter is judged with that home", () => {
  for (
    const cmd of [
      'rm -rf "$(getent passwd u | cut -d: -f6)"',
      'rm -rf "$(getent passwd $USER | cut -d: -f6)"',
      'rm -rf "$(getent passwd "$(whoami)" | cut -d: -f6)"',
      'rm -rf "$(getent passwd | grep ^u: | cut -d: -f6)"',
      'rm -rf "$(grep ^u: /etc/passwd | cut -d: -f6)"',
      "rm -rf \"$(grep u /etc/passwd | awk -F: '{print $6}')\"",
      "rm -rf $(awk -F: -v n=u '$1==n{print $6}' /etc/passwd)",
      'rm -rf "$(cat /etc/passwd | grep u | cut -f6 -d:)"',
      "rm -rf \"$(dscl . -read /Users/u NFSHomeDirectory | awk '{print $2}')\"",
      'rm -rf "$(python3 -c \'import os;print(os.path.expanduser("~"))\')"',
      'rm -rf "$(node -p \'require("os").homedir()\')"',
      "rm -rf \"$(ruby -e 'puts Dir.home')\"",
      "rm -rf \"$(perl -e 'print $ENV{HOME}')\"",
      'h=$(getent passwd u | cut -d: -f6); rm -rf "$h"',
      'rm -rf "$(getent passwd bob | cut -d: -f6)"',
    ]
  ) {
    assert.ok(
      blocked(cmd).some((p) => p.startsWith("rm_home")),
      `${cmd}: ${fired(cmd)}`,
    );
  }
  assert.ok(
    blocked('rm -rf "$(xdg-user-dir DOCUMENTS)"').includes("rm_home_folder"),
  );
  assert.ok(
    blocked('find "$(getent passwd u | cut -d: -f6)" -delete').length > 0,
  );
});

Deno.test("home lookups: reading the account database, or deleting somewhere else with its help, passes", () => {
  for (
    const cmd of [
      'rm -rf "/tmp/$(getent passwd u | cut -d: -f1)"',
      'rm -rf "$(getent passwd www-data | cut -d: -f6)/cache"',
      'for n in $(cut -d: -f1 /etc/passwd); do echo "$n"; done',
      'echo "$(getent passwd u | cut -d: -f6)"',
      'ls "$(getent passwd u | cut -d: -f6)"',
      "rm -rf \"$(python3 -c 'import tempfile;print(tempfile.mkdtemp())')\"",
      'rm -rf "$(node -p \'require("os").tmpdir()\')/myapp-cache"',
      'rm -rf "$(echo build | cut -d/ -f1)"',
      "grep -c bash /etc/passwd",
      "echo 'ls -la' | grep ls | sh",
    ]
  ) {
    assert.deepEqual(blocked(cmd), [], `${cmd}: ${fired(cmd)}`);
  }
});
