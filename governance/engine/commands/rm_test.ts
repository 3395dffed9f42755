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
  ["deno run -A npm:rimraf ~", "rm_home"],
  ["deno run -A npm:rimraf@5 /", "rm_root"],
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
  "deno run -A npm:rimraf dist",
  "deno run -A npm:create-vite@latest app",
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

Deno.test("find: a name filter from / or a system folder blocks unless it only names litter", () => {
  const block: [string, string][] = [
    ['find / -name "*.log" -delete', "log_wipe"],
    ['find /etc -name "*.conf" -exec rm {} \\;', "find_delete_system"],
    ['find /usr -name "*.so" -delete', "find_delete_system"],
    ["find / -type f -size +100M -delete", "find_delete_system"],
    ["find /etc -name '*.conf' | xargs rm", "find_delete_system"],
    ["find / -iname '*.LOG' -print0 | xargs -0 rm -f", "log_wipe"],
  ];
  for (const [cmd, policy] of block) {
    assert.ok(blocked(cmd).includes(policy), `${cmd}: ${fired(cmd)}`);
  }
  for (
    const cmd of [
      "find / -name '*.pyc' -delete",
      "find / -name __pycache__ -exec rm -rf {} +",
      "find / -type f -name '*.bak' -delete",
      "find / -name .DS_Store -delete",
      "find ~ -name '*.log' -delete",
    ]
  ) {
    assert.deepEqual(blocked(cmd), [], cmd);
    assert.ok(
      fired(cmd).includes("find_delete_broad"),
      `${cmd}: ${fired(cmd)}`,
    );
  }
  for (
    const cmd of [
      "find . -name '*.pyc' -delete",
      "find /tmp -name '*.tmp' -delete",
      "find ./logs -name '*.log' -delete",
    ]
  ) {
    assert.deepEqual(blocked(cmd), [], cmd);
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

/** [command, policy that must block in standard, workspace] */
const PRECIOUS: [string, string, string?][] = [
  ["rm -rf ~/Documents", "rm_home_folder"],
  ["rm -rf ~/Documents/", "rm_home_folder"],
  ["rm -rf ~/Documents/*", "rm_home_folder"],
  ["rm -r ~/Desktop", "rm_home_folder"],
  ["rm -rf $HOME/Documents", "rm_home_folder"],
  ['rm -rf "${HOME}/Pictures"', "rm_home_folder"],
  ["rm -rf /home/u/Downloads", "rm_home_folder"],
  ["sudo rm -rf ~/projects", "rm_home_folder"],
  ["rm -rf ~/.config", "rm_home_folder"],
  ["rm -rf ~/.aws", "rm_home_folder"],
  ["rm -rf ~/.kube", "rm_home_folder"],
  ["rm -rf ~/.local", "rm_home_folder"],
  ["rm -rf ~/.cargo", "rm_home_folder"],
  ["rm -rf ~/go", "rm_home_folder"],
  ["rm -rf ~/D*", "rm_home_folder"],
  ["rm -rf /home/other/Documents", "rm_home_folder"],
  ["rm -rf /Users/bob/Library", "rm_home_folder"],
  ["rm -rf ../Documents", "rm_home_folder"],
  ["cd ~ && rm -rf Documents", "rm_home_folder"],
  ["rm -rf Documents", "rm_home_folder", "/home/u"],
  ["rm -rf .config", "rm_home_folder", "/home/u"],
  ["rm -rf ~/Desktop", "rm_home_folder", "/home/u"],
  ["rm -rf .ssh", "rm_key_folder", "/home/u"],
  ["rm -rf ..", "rm_home_folder", "/home/u/code/proj"],
  ["rm -rf ~/code", "rm_home_folder", "/home/u/code/proj"],
  ["find ~/Documents -delete", "rm_home_folder"],
  ["rm -rf ~/.ssh", "rm_key_folder"],
  ["rm -rf ~/.ssh/", "rm_key_folder"],
  ["rm -rf ~/.ssh/old-keys", "rm_key_folder"],
  ["rm -f ~/.ssh/*", "rm_key_folder"],
  ["rm ~/.ssh/id_rsa", "rm_key_folder"],
  ["rm -f $HOME/.ssh/id_ed25519", "rm_key_folder"],
  ["rm -rf ~/.gnupg", "rm_key_folder"],
  ["rm -rf ~/.gnupg/private-keys-v1.d", "rm_key_folder"],
  ["sudo rm -rf /root/.ssh", "rm_key_folder"],
  ["sudo rm -rf /var/lib/postgresql", "rm_system_subfolder"],
  ["sudo rm -rf /var/lib/postgresql/*", "rm_system_subfolder"],
  ["sudo rm -rf /var/lib/docker", "rm_system_subfolder"],
  ["sudo rm -rf /var/lib/mys*", "rm_system_subfolder"],
  ["sudo rm -rf /etc/nginx/conf.d", "rm_system_subfolder"],
  ["sudo rm -rf /etc/nginx", "rm_system"],
  ["sudo rm -rf /etc/ssh/sshd_config.d", "rm_system_subfolder"],
  ["sudo rm -rf /private/etc/ssh", "rm_system_subfolder"],
  ["sudo rm -rf /usr/lib/python3", "rm_system_subfolder"],
  ["sudo rm -rf /usr/share/fonts", "rm_system_subfolder"],
  ["sudo rm -rf /usr/local/bin", "rm_system_subfolder"],
  ["sudo rm -rf /lib/modules/6.1.0", "rm_system_subfolder"],
  ["sudo rm -rf /boot/grub/fonts", "rm_system_subfolder"],
  ["sudo rm -rf /root/app/data", "rm_system_subfolder"],
  ["sudo rm -rf /Library/Preferences", "rm_system_subfolder"],
  ["sudo rm -rf /System/Library/Extensions", "rm_system_subfolder"],
  ["sudo find /var/lib/mysql -delete", "rm_system_subfolder"],
  ["cd /var/lib && sudo rm -rf postgresql", "rm_system_subfolder"],
];

/** Deeper or re-creatable places: today's verdict (warn at most), never a block. */
const NOT_PRECIOUS = [
  "rm -rf ~/.cache",
  "rm -rf ~/.npm",
  "rm -rf ~/.yarn",
  "rm -rf ~/.pnpm-store",
  "rm -rf ~/.node-gyp",
  "rm -rf ~/.gradle",
  "rm -rf ~/.m2",
  "rm -rf ~/.ivy2",
  "rm -rf ~/.sbt",
  "rm -rf ~/.rustup",
  "rm -rf ~/.bun",
  "rm -rf ~/.deno",
  "rm -rf ~/.nvm",
  "rm -rf ~/.pyenv",
  "rm -rf ~/.rbenv",
  "rm -rf ~/.cache/*",
  "rm -rf ~/.cache/pip",
  "rm -rf $HOME/.npm/_cacache",
  "rm -rf ~/.cargo/registry",
  "rm -rf ~/.local/share/Trash",
  "rm -rf ~/go/pkg",
  "rm -rf ~/.terraform.d/plugin-cache",
  "rm -rf ~/.aws/sso/cache",
  "rm -rf ~/.kube/cache",
  "rm -rf ~/projects/old/build",
  "rm -rf ~/Documents/old-project",
  "rm -rf ~/tmp/x",
  "rm -rf ~/proj/build",
  "rm -f ~/.ssh/known_hosts",
  "rm ~/.ssh/id_rsa.pub",
  "rm -f ~/Documents/notes.txt",
  "rm -rf /usr/local/lib/node_modules/typescript",
  "sudo rm -rf /usr/local/go",
  "sudo rm -rf /usr/local/Cellar/node",
  "sudo rm -rf /opt/myapp",
  "sudo rm -rf /srv/www/cache",
  "sudo rm -rf /var/cache/nginx",
  "sudo rm -rf /var/lib/apt/lists/*",
  "sudo rm -rf /Applications/Foo.app",
  "rm -rf ~/Library/Caches/com.example",
  "sudo rm -rf /Library/Caches/com.example",
  "sudo rm -rf /Library/Developer/CommandLineTools",
  "sudo rm -rf /root/.cache/pip",
  "sudo rm -rf /etc/apt/sources.list.d/docker.list",
  "rm /etc/nginx/sites-enabled/default",
  "rm -rf /tmp/build",
  "rm -rf /var/tmp/x",
  "rm -rf /dev/shm/x",
  "rm -rf $TMPDIR/x",
  "find ~/Documents -name '*.tmp' -delete",
];

Deno.test("rm: top-level home folders, key folders and core system folders block", () => {
  for (const [cmd, policy, cwd] of PRECIOUS) {
    const b = blocked(cmd, "standard", cwd);
    assert.ok(
      b.includes(policy),
      `${cmd} (cwd ${cwd ?? "default"}) should block with ${policy}; got ${
        fired(cmd, "standard", cwd)
      }`,
    );
    assert.ok(blocked(cmd, "strict", cwd).includes(policy), `${cmd} strict`);
  }
});

Deno.test("rm: caches, deeper folders and temp folders keep their verdict", () => {
  for (const cmd of NOT_PRECIOUS) {
    assert.deepEqual(
      blocked(cmd),
      [],
      `${cmd} must not block; got ${fired(cmd)}`,
    );
  }
  const warn: [string, string][] = [
    ["rm -rf ~/.cache", "rm_outside_workspace"],
    ["rm -rf ~/Documents/old-project", "rm_outside_workspace"],
    [
      "sudo rm -rf /usr/local/lib/node_modules/typescript",
      "rm_outside_workspace",
    ],
    ["sudo rm -rf /opt/myapp", "rm_outside_workspace"],
    ["sudo rm -rf /var/cache/nginx", "rm_outside_workspace"],
    ["find ~/Documents -name '*.tmp' -delete", "find_delete_broad"],
  ];
  for (const [cmd, policy] of warn) {
    assert.ok(fired(cmd).includes(policy), `${cmd}: ${fired(cmd)}`);
  }
  // The workspace itself, named, blocks (stop 23); its contents only warn.
  assert.ok(blocked("rm -rf ~/proj").includes("workspace_delete"));
  assert.deepEqual(fired("rm -rf /tmp/build"), []);
  assert.deepEqual(fired("rm -f ~/.ssh/known_hosts"), []);
  // A workspace that is the home: its project folders stay deletable.
  assert.deepEqual(blocked("rm -rf ./old-app", "standard", "/home/u"), []);
  assert.deepEqual(blocked("rm -rf build", "standard", "/home/u"), []);
  // Inside the workspace, even when it lives in a core folder.
  assert.deepEqual(blocked("rm -rf node_modules", "standard", "/root/app"), []);
  assert.deepEqual(blocked("rm -rf dist", "standard", "/usr/src/app"), []);
});

Deno.test("rm: reasons for precious folders name the folder and what is lost", () => {
  const h = run("rm -rf ~/Documents").matches.find((m) =>
    m.policyId === "sys_dangerous_rm_home_folder"
  );
  assert.ok(h);
  assert.equal(h.action, "block");
  assert.match(h.reason, /~\/Documents \(\/home\/u\/Documents\)/);
  assert.match(h.reason, /top-level folder of your home/);
  assert.match(h.suggestion ?? "", /specific files/);
  const k = run("rm -rf ~/.ssh").matches.find((m) =>
    m.policyId === "sys_dangerous_rm_key_folder"
  );
  assert.ok(k);
  assert.match(k.reason, /SSH keys folder/);
  assert.match(k.suggestion ?? "", /ssh-keygen -R/);
  const s = run("sudo rm -rf /var/lib/postgresql").matches.find((m) =>
    m.policyId === "sys_dangerous_rm_system_subfolder"
  );
  assert.ok(s);
  assert.match(s.reason, /\/var\/lib\/postgresql inside \/var\/lib/);
  assert.match(s.reason, /databases/);
  assert.match(s.suggestion ?? "", /package manager/);
});

Deno.test("mv: credentials moved out of their folder, default keys emptied", () => {
  for (
    const cmd of [
      "mv ~/.ssh/id_rsa /tmp/x",
      "mv ~/.aws/credentials ./creds",
      "mv ~/.ssh ~/proj/keys",
      "mv -f ~/.config/gh/hosts.yml public/",
      "echo x > ~/.ssh/id_rsa",
      ": > ~/.ssh/id_ed25519",
      "mv notes.txt ~/.ssh/id_ecdsa",
    ]
  ) assert.ok(blocked(cmd).length > 0, `${cmd}: ${fired(cmd)}`);
  for (
    const cmd of [
      "mv ~/.ssh/id_rsa ~/.ssh/id_rsa.old",
      "mv ~/.ssh ~/.ssh.old",
      "mv ~/.ssh/id_rsa.pub /tmp/",
      "mv ~/.ssh/config ~/.ssh/config.bak",
      "mv ~/Downloads/key.pem ~/.ssh/aws.pem",
      "mv ./id_rsa_test tests/fixtures/",
      "mv ~/.kube/config ~/.kube/config.bak",
      "echo 'Host x' >> ~/.ssh/config",
    ]
  ) assert.deepEqual(blocked(cmd), [], `${cmd}: ${fired(cmd)}`);
});

Deno.test("find: a name filter from the home that picks out guard files or keys", () => {
  for (
    const cmd of [
      "find ~ -maxdepth 1 -name '.axon*' -exec rm -rf {} +",
      "find ~ -name audit.db -delete",
      "find ~ -name 'id_*' -delete",
      "find /home/u -name 'settings.json' -delete",
    ]
  ) assert.ok(blocked(cmd).length > 0, `${cmd}: ${fired(cmd)}`);
  for (
    const cmd of [
      "find ~ -name '*.pyc' -delete",
      "find ~ -name node_modules -prune -exec rm -rf {} +",
      "find ~ -name '.DS_Store' -delete",
      "find ~/.ssh -name 'known_hosts.old' -delete",
    ]
  ) assert.deepEqual(blocked(cmd), [], `${cmd}: ${fired(cmd)}`);
});

Deno.test("rm: a glob naming the home, and substitutions that print it", () => {
  for (
    const cmd of [
      "rm -rf /home/u*",
      "rm -rf /home/[u]",
      "rm -rf /home/?",
      'rm -rf "$(git rev-parse --show-toplevel)/.."',
      'rm -rf "$(python3 -c \'import os;print(os.path.expanduser("~"))\')"',
      'rm -rf "$(node -p \'require("os").homedir()\')"',
      "rm -rf $(ruby -e 'puts Dir.home')",
    ]
  ) assert.ok(blocked(cmd).length > 0, `${cmd}: ${fired(cmd)}`);
  for (
    const cmd of [
      "rm -rf /home/x*",
      "rm -rf /home/u*/proj/dist",
      "rm -f /home/u*",
      'cd "$(git rev-parse --show-toplevel)" && rm -rf dist',
      "echo $(python3 -c 'print(1)')",
    ]
  ) assert.deepEqual(blocked(cmd), [], `${cmd}: ${fired(cmd)}`);
});

Deno.test("find -exec: the command also runs on the guard files and keys a name filter picks", () => {
  for (
    const cmd of [
      "find ~/.claude -maxdepth 1 -name 'settings*' -exec truncate -s0 {} +",
      "find ~/.ssh -name 'id_*' -exec cat {} +",
      "find ~ -name policies.json -exec cp /dev/null {} \\;",
    ]
  ) assert.ok(blocked(cmd).length > 0, `${cmd}: ${fired(cmd)}`);
  for (
    const cmd of [
      "find . -name '*.log' -exec truncate -s0 {} +",
      "find ~ -name '*.log' -exec gzip {} +",
    ]
  ) assert.deepEqual(blocked(cmd), [], `${cmd}: ${fired(cmd)}`);
});

Deno.test("tar --remove-files: sources after -C DIR are inside DIR", () => {
  for (
    const cmd of [
      "tar --remove-files -czf /tmp/h.tgz -C / home/u",
      "tar -C ~ --remove-files -cf /tmp/a.tar .ssh",
      "tar --directory=/home --remove-files -cf /tmp/a.tar u",
      "tar czf /tmp/a.tgz --remove-files -C ~ .",
    ]
  ) assert.ok(blocked(cmd).length > 0, cmd);
  for (
    const cmd of [
      "tar --remove-files -czf logs.tgz -C ./logs old",
      "tar -C /tmp/build --remove-files -cf out.tar dist",
      "tar -czf /tmp/h.tgz -C / home/u",
      "tar --remove-files -cf a.tar -C ~/proj/tmp x.log",
    ]
  ) assert.deepEqual(blocked(cmd), [], cmd);
});

Deno.test("rm: a sibling copy of the workspace is routine, the parent and personal folders are not", () => {
  for (
    const cmd of [
      "rm -rf ../proj-worktree-old",
      "rm -rf ../proj-copy ../tmp-worktree",
      "cd .. && rm -rf proj-bak",
      "rm -rf /home/u/proj_archive",
      "rm -rf ../old.proj",
    ]
  ) {
    assert.deepEqual(blocked(cmd), [], `${cmd}: ${fired(cmd)}`);
  }
  for (
    const cmd of [
      "rm -rf ..",
      "rm -rf ../",
      "rm -rf ../Documents",
      "rm -rf ../photos",
      "rm -rf ../work",
      "rm -rf ../.config",
      "rm -rf ../proj/..",
    ]
  ) {
    assert.notDeepEqual(blocked(cmd), [], `${cmd} should block`);
  }
});

Deno.test("rm: the workspace's own .git deleted through a listing blocks; typed, it warns", () => {
  for (
    const c of [
      "find . -maxdepth 2 -name .git -type d > /tmp/g; xargs -a /tmp/g rm -rf",
      "git rev-parse --show-toplevel | xargs -I{} rm -rf {}/.git",
      "ls -d .git | xargs rm -rf",
      "find . -maxdepth 1 -name .git | xargs rm -rf",
      "git rev-parse --git-dir | xargs rm -rf",
    ]
  ) assert.ok(blocked(c).includes("rm_git_dir_listed"), c);
  for (
    const c of [
      "rm -rf .git",
      "find vendor -name .git -type d | xargs rm -rf",
      "git rev-parse --show-toplevel | xargs -I{} rm -f {}/.git/index.lock",
      "git rev-parse --git-dir | xargs -I{} rm -f {}/index.lock",
    ]
  ) assert.ok(!blocked(c).includes("rm_git_dir_listed"), c);
});
