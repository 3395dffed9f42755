import assert from "node:assert/strict";
import { DANGEROUS_POLICIES } from "../policies/dangerous.ts";
import { analyzeCommand, analyzePathAccess } from "./analyze.ts";
import { blocked, CWD, fired, HOME, run } from "./test_helpers.ts";

const ctx = { cwd: CWD, home: HOME, profile: "standard" as const };

/** Everyday developer commands that must never block in the standard profile. */
const EVERYDAY = [
  "rm -rf dist build .cache coverage",
  "npm run clean && rm -rf .next",
  "git clean -fdx",
  "docker compose down -v",
  "kill -9 $(lsof -t -i:3000)",
  "rm -f package-lock.json && npm install",
  "cat ~/.ssh/config",
  "ls ~/.ssh",
  "chmod 600 ~/.ssh/id_rsa",
  'ssh-keygen -t ed25519 -f ~/.ssh/id_ed25519 -N ""',
  "rm -rf ~/.cache/pip",
  "rm -rf $HOME/.npm/_cacache",
  "rm -rf ~/.nvm",
  "aws s3 rm s3://bucket/one-key.txt",
  "aws s3 ls",
  "docker run -v $(pwd):/app node npm test",
  "rm -rf /tmp/build",
];

Deno.test("everyday developer commands never block in standard", () => {
  for (const cmd of EVERYDAY) {
    assert.deepEqual(blocked(cmd), [], `${cmd} must not block; ${fired(cmd)}`);
  }
  // The same home-relative commands also pass when the agent runs in ~.
  for (const cmd of EVERYDAY) {
    assert.deepEqual(blocked(cmd, "standard", HOME), [], `${cmd} from ~`);
  }
});

Deno.test("analyzeCommand returns matches from the catalogue with reasons", () => {
  const a = analyzeCommand("cd / && rm -rf *", ctx);
  assert.equal(a.matches.length, 1);
  const m = a.matches[0];
  const p = DANGEROUS_POLICIES.find((x) => x.id === m.policyId);
  assert.ok(p);
  assert.equal(m.policyName, p.name);
  assert.equal(m.severity, p.severity);
  assert.equal(m.action, p.action);
  assert.equal(m.category, "dangerous");
  assert.match(m.reason, /every file on the machine/);
  assert.deepEqual(a.sql, []);
  assert.deepEqual(a.fileWrites, []);
});

Deno.test("data is not code: echo, grep, commit messages, man, which", () => {
  for (
    const cmd of [
      'echo "rm -rf /"',
      "echo 'rm -rf /'",
      "echo $'rm -rf /'",
      "printf 'curl x | sh'",
      'grep -r "rm -rf" .',
      'rg -n "rm -rf" README.md',
      "rg 'DROP TABLE'",
      'git commit -m "drop table users"',
      "git commit -m 'fix: do not rm -rf root'",
      'git log --grep="rm -rf"',
      "man rm",
      "which rm",
      "type rm",
      "command -v rm",
      "command -V git",
      "whereis rm",
      "hash rm",
      "help cd",
      "VAR='rm -rf /'; echo \"$VAR\"",
      "GIT_DIR=/home/user echo $GIT_DIR",
      "echo 'git reset --hard'",
      "grep 'git reset' file.txt",
      "echo -- -- -- --",
      "echo -rf -rf -rf",
      "echo --force --force",
      "echo system prune --all --force",
      "ls -f -f -f",
      "if command -v git >/dev/null; then echo found; fi",
      "test -x /usr/bin/git && echo exists",
      "[ -x /usr/bin/rm ] && echo exists",
      "form submit",
      "transform data",
      "firmware update",
      "format disk --help",
      "cat .gitignore",
      "curl https://github.com/user/repo",
      "ls /usr/share/doc/git/",
    ]
  ) {
    assert.deepEqual(fired(cmd, "strict"), [], cmd);
  }
});

Deno.test("wrappers are peeled off", () => {
  for (
    const cmd of [
      "sudo rm -rf /",
      "sudo -u root -E rm -rf /",
      "sudo -- rm -rf /",
      "doas rm -rf /",
      "env rm -rf /",
      "env -i PATH=/bin rm -rf /",
      "/usr/bin/env rm -rf /",
      "nohup rm -rf / &",
      "timeout 5 rm -rf /",
      "timeout -s KILL 5 rm -rf /",
      "nice -n 5 rm -rf /",
      "nice -10 rm -rf /",
      "ionice -c 3 rm -rf /",
      "stdbuf -oL rm -rf /",
      "time rm -rf /",
      "time -p rm -rf /",
      "exec rm -rf /",
      "command rm -rf /",
      "builtin command rm -rf /",
      "busybox rm -rf /",
      "watch -n 1 rm -rf /",
      "watch 'rm -rf /'",
      "strace -f -o /tmp/t rm -rf /",
      "xargs -0 -I{} rm -rf /",
      "FOO=1 BAR=2 rm -rf /",
      "sudo env FOO=1 nice timeout 3 rm -rf /",
      "env -S 'rm -rf /'",
      "chroot /mnt rm -rf /",
      "setsid rm -rf /",
      "flock /tmp/l rm -rf /",
      "su -c 'rm -rf /'",
      "su root -c 'rm -rf /'",
      "ssh host 'rm -rf /'",
      "ssh -p 22 -i key host rm -rf /",
      "find . -exec sh -c 'rm -rf /' \\;",
      "uv run rm -rf /",
      "poetry run rm -rf /",
    ]
  ) {
    assert.ok(blocked(cmd).includes("rm_root"), `${cmd}: ${fired(cmd)}`);
  }
});

Deno.test("obfuscated command names are normalised", () => {
  for (
    const cmd of [
      'r""m -rf /',
      "'r'm -rf /",
      "\\rm -rf /",
      "$'\\x72m' -rf /",
      "$'\\162\\155' -rf /",
      "ｒｍ -rf /",
      "r\u200bm -rf /",
      "r\u200dm -rf /",
      "\u0433m -rf /".replace("\u0433", "r"),
      "RM -rf /",
      "rm.exe -rf /",
      "/bin/rm -rf /",
      "../../bin/rm -rf /",
      "eval 'rm -rf /'",
      'eval "r""m -rf /"',
      'bash -c \'bash -c "sh -c \\"rm -rf /\\""\'',
      "x=rm; $x -rf /",
    ]
  ) {
    assert.ok(blocked(cmd).includes("rm_root"), `${cmd}: ${fired(cmd)}`);
  }
});

Deno.test("nested code is bounded and never crashes", () => {
  let s = "rm -rf /";
  for (let i = 0; i < 20; i++) s = `bash -c ${JSON.stringify(s)}`;
  assert.ok(Array.isArray(fired(s)));
  for (
    const garbage of [
      "'",
      '"',
      "$(",
      "`",
      "{",
      "((",
      "<<",
      "|||",
      "&&&",
      ";;;",
      "\\",
      "${x",
      "$'",
      "cat <<",
      "sudo",
      "env",
      "xargs",
      "find",
      'rm -rf "',
      "a\u0000b",
      "",
    ]
  ) {
    assert.ok(Array.isArray(run(garbage).matches), garbage);
  }
  assert.deepEqual(
    analyzeCommand(undefined as unknown as string, ctx).matches,
    [],
  );
});

Deno.test("multi-segment command lines: any segment counts", () => {
  for (
    const cmd of [
      "echo hi; rm -rf /",
      "ls && rm -rf /",
      "false || rm -rf /",
      "echo y | rm -rf / | cat",
      "rm -rf / &",
      "rm -rf /home & disown",
      "(rm -rf /)",
      "{ rm -rf /; }",
      "echo $(rm -rf /)",
      "echo `rm -rf /`",
      "x=$(rm -rf /)",
      "if true; then rm -rf /; fi",
      "while true; do rm -rf /; done",
      "case x in x) rm -rf /;; esac",
      "echo hi\nrm -rf /",
      "pwd && ls && rm -rf /home",
    ]
  ) {
    assert.ok(blocked(cmd).length > 0, `${cmd}: ${fired(cmd)}`);
  }
});

Deno.test("analyzePathAccess: credential reads and guard writes", () => {
  const ids = (p: string, mode: "read" | "write") =>
    analyzePathAccess(p, mode, ctx).map((m) =>
      m.policyId.replace("sys_dangerous_", "")
    );
  assert.deepEqual(ids("~/.ssh/id_rsa", "read"), ["ssh_private_key_read"]);
  assert.deepEqual(ids("/home/u/.aws/credentials", "read"), [
    "cloud_credentials_read",
  ]);
  assert.deepEqual(ids("/etc/shadow", "read"), ["system_secrets_read"]);
  assert.deepEqual(ids("../../../../etc/passwd", "read"), ["path_traversal"]);
  assert.deepEqual(ids("~/.ssh/id_rsa.pub", "read"), []);
  assert.deepEqual(ids("src/app.ts", "read"), []);
  assert.deepEqual(ids("~/.codex/hooks.json", "read"), []);
  assert.deepEqual(ids("~/.codex/hooks.json", "write"), ["guard_tamper"]);
  assert.deepEqual(ids(".codex/hooks.json", "write"), ["guard_tamper"]);
  assert.deepEqual(ids("/etc/sudoers", "write"), ["auth_file_write"]);
  assert.deepEqual(ids("~/.ssh/authorized_keys", "write"), [
    "authorized_keys_write",
  ]);
  assert.deepEqual(ids("/etc/nginx/nginx.conf", "write"), [
    "system_path_write",
  ]);
  assert.deepEqual(ids("src/app.ts", "write"), []);
  assert.deepEqual(ids("/tmp/x", "write"), []);
});

Deno.test("1 MB adversarial command lines finish", () => {
  for (
    const s of [
      "rm -rf " + "a".repeat(1e6),
      "echo " + "'x' ".repeat(2.5e5),
      "a;".repeat(1e5),
      "$(".repeat(3e5),
      "cat <<EOF\n" + "rm -rf /\n".repeat(1.1e5) + "EOF",
      "bash -c '".repeat(5e4),
      'python3 -c "' + "os.system('ls');".repeat(6e4) + '"',
      "curl " + "http://".repeat(1.4e5),
      "rm -rf /" + "../".repeat(3e5),
      "git " + "push -f ".repeat(1.2e5),
    ]
  ) {
    assert.ok(Array.isArray(run(s).matches));
  }
  assert.ok(blocked("a;".repeat(5e4) + "rm -rf /").includes("rm_root"));
  // A pipeline 500,000 long: past the limits the rest is still judged.
  assert.ok(blocked("a|".repeat(5e5) + " rm -rf /").includes("rm_root"));
  assert.ok(blocked("(a|".repeat(2e5) + " rm -rf /").includes("rm_root"));
});

Deno.test("bash 5.3 funsub `${ cmd; }` runs its command", () => {
  assert.ok(blocked("echo ${ rm -rf /; }").includes("rm_root"));
  assert.ok(blocked("x=${| rm -rf /; }").includes("rm_root"));
  assert.deepEqual(blocked('echo "${HOME}" ${x:-y}'), []);
});
