import assert from "node:assert/strict";
import { blocked, fired, run } from "./test_helpers.ts";

/** [command, policy that must block in standard] */
const BLOCK: [string, string][] = [
  ["rm -rf /", "rm_root"],
  ["rm -rf /*", "rm_root"],
  ["rm -rf /.*", "rm_root"],
  ["rm   -rf   /", "rm_root"],
  ["rm -f -r /", "rm_root"],
  ["rm -fr /", "rm_root"],
  ["rm -Rf /", "rm_root"],
  ["rm -r -f /", "rm_root"],
  ["rm --recursive --force /", "rm_root"],
  ["rm -rf -- /", "rm_root"],
  ["rm -r /", "rm_root"],
  ["sudo rm -rf /", "rm_root"],
  ["rm -rf / || echo failed", "rm_root"],
  ["rm -rf C:\\", "rm_root"],
  ["rm -rf /mnt/c", "rm_root"],
  ["rm --no-preserve-root -rf /", "rm_no_preserve_root"],
  ["rm -rf ~", "rm_home"],
  ["rm -rf ~/", "rm_home"],
  ["rm -rf ~/*", "rm_home"],
  ["rm -rf $HOME", "rm_home"],
  ["rm -rf ${HOME}", "rm_home"],
  ['rm -rf "$HOME"', "rm_home"],
  ["rm -rf $HOME/*", "rm_home"],
  ['rm -rf "${HOME}/"', "rm_home"],
  ["rm -rf /home", "rm_home"],
  ["rm -rf /home/other", "rm_home"],
  ["rm -rf ~bob", "rm_home"],
  ["rm -rf /Users", "rm_home"],
  ["rm -rf /root", "rm_home"],
  ["rm -rf ..", "rm_home"],
  ["cd ~ && rm -rf .", "rm_home"],
  ["cd ~ && rm -rf *", "rm_home"],
  ["cd && rm -rf *", "rm_home"],
  ["rm -rf /etc", "rm_system"],
  ["rm -rf /usr/", "rm_system"],
  ["rm -rf /etc/*", "rm_system"],
  ["rm -rf /bin /sbin", "rm_system"],
  ["rm -rf /lib64", "rm_system"],
  ["rm -rf /boot", "rm_system"],
  ["rm -rf /var", "rm_system"],
  ["rm -rf /var/lib", "rm_system"],
  ["rm -rf /opt", "rm_system"],
  ["rm -rf /usr/lib", "rm_system"],
  ["rm -rf /usr/local", "rm_system"],
  ["rm -rf /proc /sys /dev", "rm_system"],
  ["rm -rf /etc/ss*", "rm_system"],
  ["rm -r /etc", "rm_system"],
  ["rm --recursive --force /etc", "rm_system"],
  ["rm -rf /System", "rm_system"],
  ["rm -rf /var/log", "log_wipe"],
  ["rm /var/log/syslog", "log_wipe"],
  ["rm -rf /var/log/*", "log_wipe"],
  ["cd / && rm -rf *", "rm_root"],
  ["cd /etc; rm -rf *", "rm_system"],
  ["rm -rf /$VAR", "rm_unset_variable_root"],
  ["rm -rf /${UNSET}", "rm_unset_variable_root"],
  ["X=/; rm -rf $X", "rm_root"],
  ['D=~; rm -rf "$D"', "rm_home"],
  ["export T=/etc; rm -rf $T", "rm_system"],
  ["for d in build /; do rm -rf $d; done", "rm_root"],
  ["rm -rf /{etc,tmp}", "rm_system"],
  ["find / -delete", "find_delete_system"],
  ["find / -type f -delete", "find_delete_system"],
  ["find ~ -exec rm -rf {} +", "find_delete_system"],
  ["find /etc -exec rm {} \\;", "find_delete_system"],
  ["find /var/log -delete", "log_wipe"],
  ["echo / | xargs rm -rf", "rm_root"],
  ["find / | xargs rm -rf", "find_delete_system"],
  ["rm /etc/passwd", "system_file_delete"],
  ["rm -f /etc/shadow", "system_file_delete"],
  ["rm ~/.bash_history", "history_wipe"],
  ["mv /etc /tmp/etc", "move_system"],
  ["mv ~ /tmp/old", "move_system"],
  ["mv important.txt /dev/null", "move_system"],
  ["mv /usr /usr.bak", "move_system"],
  ["rsync -a --delete empty/ /", "rsync_delete_system"],
  ["rsync -a --delete ./x/ ~/", "rsync_delete_system"],
  ["rimraf /", "rm_root"],
  ["npx rimraf ~", "rm_home"],
  ["unlink /etc/passwd", "system_file_delete"],
  ["rm -rf ~/.codex", "guard_tamper"],
  ["rm -rf ~/.axonflow", "guard_tamper"],
  ["rm .codex/hooks.json", "guard_tamper"],
  ["rm -rf .codex", "guard_tamper"],
  ["mv ~/.codex/hooks.json ~/.codex/hooks.bak", "guard_tamper"],
];

/** Routine deletions: nothing may block in standard. */
const ROUTINE = [
  "rm -rf node_modules",
  "rm -rf ./build dist .next target",
  "rm -rf build/",
  "rm -rf /tmp/x",
  "rm -rf /tmp/*",
  "rm -rf /tmp/project/build/artifacts",
  "rm -rf /var/tmp/build",
  "rm -rf $TMPDIR/build",
  "rm -rf ${TMPDIR}/build",
  'rm -rf "$TMPDIR/build"',
  "rm -rf ${TMPDIR:-/tmp}/build",
  "rm -r -f /tmp/build",
  "rm --force --recursive /tmp/build",
  "rm file.txt",
  "rm -f file1.txt file2.txt",
  "rm -i file.txt",
  'rm -rf "$BUILD_DIR/"',
  "rm -rf $OUT_DIR",
  "cd $OUT && rm -rf *",
  "cd build && rm -rf *",
  "mkdir -p /tmp/x && cd /tmp/x && rm -rf *",
  "for d in build dist; do rm -rf $d; done",
  "rm -rf .pytest_cache __pycache__ .mypy_cache",
  "find . -name '*.pyc' -delete",
  "find . -type d -name node_modules -prune -exec rm -rf {} +",
  "find /tmp -name 'x*' -delete",
  "find . -name '*.txt' -exec rm {} \\;",
  "rm -rf build && mkdir build",
  "rm rm rm rm",
  "rm",
  "rm --help",
  "rm --version",
  "rmdir empty_folder",
  "srm -z file.txt",
  "npx rimraf dist",
  "rm -f *.o",
  "rm -rf ./.git/hooks/pre-commit.sample",
  "mv old.txt new.txt",
  "mv src/a.ts src/b.ts",
  "rsync -a --delete src/ /tmp/mirror/",
  "rm -rf ~/.cache/pip",
  "rm -rf /srv/app/cache",
  "rm -rf ../other-project/build",
  "sudo rm -rf /opt/myapp/cache",
  "rm -rf .",
  "rm -rf *",
  "rm -rf .git",
  "echo yes | rm -rf && echo done",
];

Deno.test("rm: catastrophic deletions block in standard", () => {
  for (const [cmd, policy] of BLOCK) {
    assert.ok(
      blocked(cmd).includes(policy),
      `${cmd} should block with ${policy}; got ${fired(cmd)}`,
    );
  }
});

Deno.test("rm: routine deletions never block in standard", () => {
  for (const cmd of ROUTINE) {
    assert.deepEqual(
      blocked(cmd),
      [],
      `${cmd} must not block; got ${fired(cmd)}`,
    );
  }
});

Deno.test("rm: notable deletions warn in standard", () => {
  const warn: [string, string][] = [
    ["rm -rf /srv/app/cache", "rm_outside_workspace"],
    ["rm -rf ~/.cache/pip", "rm_outside_workspace"],
    ["rm -rf .", "rm_workspace_itself"],
    ["rm -rf *", "rm_workspace_itself"],
    ["rm -rf .git", "rm_git_dir"],
    ['rm -rf "$DIR"/*', "rm_empty_variable_risk"],
    ["rm -rf $HOME/$SUB", "rm_empty_variable_risk"],
    ["find / -name '*.pyc' -delete", "find_delete_broad"],
  ];
  for (const [cmd, policy] of warn) {
    assert.ok(
      fired(cmd).includes(policy),
      `${cmd} should warn ${policy}; got ${fired(cmd)}`,
    );
    assert.deepEqual(blocked(cmd), [], `${cmd} must not block`);
  }
});

Deno.test("rm: strict blocks deletion outside temp folders, even in the workspace", () => {
  for (
    const cmd of [
      "rm -rf ./build",
      "rm -rf node_modules",
      "rm -rf *",
      "rm -rf .*",
      "rm -r build/",
      "npx rimraf dist",
      "rm -rf /srv/app/cache",
      "rm -rf ./$X",
    ]
  ) {
    assert.ok(blocked(cmd, "strict").includes("rm_outside_temp"), cmd);
  }
  for (
    const cmd of [
      "rm -rf /tmp/build",
      "rm -rf /tmp/*",
      "rm -rf $TMPDIR/build",
      "rm -rf /var/tmp/x",
      "rm -f file.txt",
      'rm -rf "$BUILD_DIR/"',
    ]
  ) {
    assert.deepEqual(blocked(cmd, "strict"), [], cmd);
  }
  assert.ok(
    blocked("find /srv/app -name x -delete", "strict").includes(
      "find_delete_outside_workspace",
    ),
  );
  assert.deepEqual(blocked("find . -name x -delete", "strict"), []);
});

Deno.test("rm: reasons name the target and offer a safer way", () => {
  const m = run("rm -rf ~").matches[0];
  assert.equal(m.policyId, "sys_dangerous_rm_home");
  assert.match(m.reason, /home folder \(\/home\/u\)/);
  assert.ok(m.suggestion && /inside the workspace/.test(m.suggestion));
  assert.equal(m.action, "block");
  assert.equal(m.severity, "critical");
  const r = run("rm -rf /etc").matches[0];
  assert.match(r.reason, /\/etc/);
});

Deno.test("rm: working directory decides what * and . mean", () => {
  assert.deepEqual(blocked("rm -rf *", "standard", "/"), ["rm_root"]);
  assert.deepEqual(blocked("rm -rf .", "standard", "/home/u"), ["rm_home"]);
  assert.deepEqual(blocked("rm -rf ./proj", "standard", "/home/u"), []);
  assert.deepEqual(blocked("(cd / && ls); rm -rf *"), []);
  assert.deepEqual(blocked("(cd /tmp/x && rm -rf *); cd /; rm -rf *"), [
    "rm_root",
  ]);
  assert.deepEqual(blocked("cd - && rm -rf *"), []);
  assert.deepEqual(blocked("env -C / rm -rf *"), ["rm_root"]);
});
