import assert from "node:assert/strict";
import { blocked, fired } from "./test_helpers.ts";

Deno.test("links: a link made earlier in the command is followed", () => {
  const cases: [string, string][] = [
    ["ln -s ~ h && rm -rf h/", "rm_home"],
    ["ln -s /home/u link; rm -rf link/*", "rm_home"],
    ["ln -s / r; rm -rf r/", "rm_root"],
    ["ln -sfn ~/.axonflow ax && echo '{}' > ax/policies.json", "guard_tamper"],
    ["ln -s ~/.codex cx; cp /tmp/evil.json cx/hooks.json", "guard_tamper"],
    ["ln -s ~/.codex c && rm c/hooks.json", "guard_tamper"],
    ["ln -s /etc e && ln -s e f && rm -rf f/", "rm_system"],
  ];
  for (const [cmd, policy] of cases) {
    assert.ok(blocked(cmd).includes(policy), `${cmd}: ${fired(cmd)}`);
  }
});

Deno.test("links: removing the link itself, or links into the workspace, pass", () => {
  for (
    const cmd of [
      "ln -s ~ h && rm h",
      "ln -s build/out out && rm -rf out/",
      "ln -s ../shared/config.json config.json",
      "ln -sf /usr/local/bin/python3 ~/.local/bin/python",
    ]
  ) assert.deepEqual(blocked(cmd), [], `${cmd}: ${fired(cmd)}`);
});

Deno.test("links: a link cycle ends", () => {
  assert.ok(Array.isArray(fired("ln -s a b; ln -s b a; rm -rf a/")));
});

Deno.test("links and printed paths: find, rsync through a link; xargs over readlink/realpath/filters", () => {
  for (
    const cmd of [
      "ln -s ~ /tmp/h; find /tmp/h/ -delete",
      "ln -s ~ /tmp/h; rsync -a --delete /tmp/empty/ /tmp/h/",
      "readlink -f ~ | xargs rm -rf",
      "realpath ~/.. | xargs -I{} rm -rf {}/u",
      "printf '%s\\n' ~ | sort | xargs rm -rf",
    ]
  ) assert.ok(blocked(cmd).length > 0, `${cmd}: ${fired(cmd)}`);
  for (
    const cmd of [
      "realpath src | xargs ls",
      "pwd | xargs -I{} echo {}",
      "printf '/tmp/a\\n/tmp/b\\n' | sort | xargs rm -rf",
      "ln -s ~/proj/dist /tmp/d; find /tmp/d/ -name '*.map' -delete",
      "git ls-files -z | xargs -0 wc -l",
    ]
  ) assert.deepEqual(blocked(cmd), [], `${cmd}: ${fired(cmd)}`);
});

Deno.test("links: a file system mounted over the guard's folders is guard tampering", () => {
  for (
    const c of [
      "mount -t tmpfs none ~/.axonflow",
      "sudo mount --bind /tmp/empty /home/u/.claude",
      "bindfs /tmp/x ~/.codex",
    ]
  ) assert.ok(blocked(c).includes("guard_tamper"), c);
  for (
    const c of [
      "sudo mount -t tmpfs none /home/u/proj/tmp",
      "mount",
      "mount | grep tmpfs",
    ]
  ) assert.deepEqual(blocked(c), [], c);
});
