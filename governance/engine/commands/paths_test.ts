import assert from "node:assert/strict";
import {
  credentialOf,
  guardPathOf,
  isBlockDevice,
  isEnvFile,
  isHarmlessDevice,
  isShellStartup,
  normalizeAbs,
  placeOf,
  resolvePath,
  traversalOf,
} from "./paths.ts";
import { blocked } from "./test_helpers.ts";

const H = "/home/u";
const W = "/home/u/proj";

Deno.test("resolvePath expands ~ and normalises", () => {
  assert.equal(resolvePath("~", W, H), "/home/u");
  assert.equal(resolvePath("~/x/../y", W, H), "/home/u/y");
  assert.equal(resolvePath("./a//b/.", W, H), "/home/u/proj/a/b");
  assert.equal(resolvePath("../../..", W, H), "/");
  assert.equal(resolvePath("/../../etc", W, H), "/etc");
  assert.equal(resolvePath("x", null, H), null);
  assert.equal(resolvePath("C:\\Windows", W, H), "/c/Windows");
});

Deno.test("placeOf classifies deletion targets", () => {
  const cases: [string, string][] = [
    ["/", "root"],
    ["/home/u", "home"],
    ["/home", "home"],
    ["/home/other", "home"],
    ["/root", "home"],
    ["/etc", "system"],
    ["/usr/lib", "system"],
    ["/var/lib", "system"],
    ["/var/log", "log"],
    ["/var/log/nginx", "log"],
    ["/tmp/x", "temp"],
    ["/var/tmp/x", "temp"],
    ["/home/u/proj", "workspace"],
    ["/home/u/proj/build", "inside"],
    ["/srv/app/cache", "outside"],
    ["/home/u/other", "outside"],
    ["/usr/local/lib/x", "outside"],
  ];
  for (const [p, place] of cases) assert.equal(placeOf(p, W, H), place, p);
  assert.equal(placeOf("/home/u/proj/x", "/", H), "outside");
});

Deno.test("credentialOf names credential files only", () => {
  const yes: [string, string][] = [
    ["/home/u/.ssh/id_rsa", "ssh_private_key_read"],
    ["/home/u/.ssh/id_ed25519_sk", "ssh_private_key_read"],
    ["/root/.ssh/id_ecdsa", "ssh_private_key_read"],
    ["/home/u/.ssh/prod.pem", "ssh_private_key_read"],
    ["/home/u/.aws/credentials", "cloud_credentials_read"],
    ["/home/u/.config/gcloud/credentials.db", "cloud_credentials_read"],
    ["/home/u/.kube/config", "cloud_credentials_read"],
    ["/home/u/.docker/config.json", "cloud_credentials_read"],
    ["/home/u/.netrc", "secrets_file_read"],
    ["/home/u/.git-credentials", "secrets_file_read"],
    ["/home/u/.gnupg/private-keys-v1.d/x.key", "secrets_file_read"],
    ["/home/u/.config/google-chrome/Default/Login Data", "secrets_file_read"],
    ["/etc/shadow", "system_secrets_read"],
    ["/etc/sudoers.d/x", "system_secrets_read"],
  ];
  for (const [p, kind] of yes) {
    assert.equal(credentialOf(p, H, false)?.kind, kind, p);
  }
  for (
    const p of [
      "/home/u/.ssh/id_rsa.pub",
      "/home/u/.ssh/config",
      "/home/u/.ssh/known_hosts",
      "/home/u/.ssh/authorized_keys",
      "/etc/passwd",
      "/home/u/proj/.npmrc",
      "/home/u/proj/src/id.ts",
      "/home/u/.aws",
    ]
  ) {
    assert.equal(credentialOf(p, H, false), null, p);
  }
  assert.equal(
    credentialOf("/home/u/.aws", H, true)?.kind,
    "cloud_credentials_read",
  );
  assert.equal(
    credentialOf("/home/u/.ssh", H, true)?.kind,
    "ssh_private_key_read",
  );
});

Deno.test("guard paths, env files, devices", () => {
  assert.ok(guardPathOf("/home/u/.codex/hooks.json", H, W, "write"));
  assert.ok(guardPathOf("/home/u/.codex/rules/x.rules", H, W, "write"));
  assert.ok(guardPathOf("/home/u/.axonflow/audit.db", H, W, "write"));
  assert.ok(guardPathOf("/home/u/proj/.codex/hooks.json", H, W, "write"));
  assert.ok(guardPathOf("/home/u/.codex", H, W, "delete"));
  assert.equal(guardPathOf("/home/u/.codex", H, W, "write"), null);
  assert.equal(
    guardPathOf("/home/u/.codex/sessions/x.jsonl", H, W, "write"),
    null,
  );
  for (const p of [".env", "/x/.env.production", "prod.env", ".envrc"]) {
    assert.ok(isEnvFile(p), p);
  }
  for (const p of [".env.example", ".env.sample", "env.ts", ".environment"]) {
    assert.ok(!isEnvFile(p), p);
  }
  for (
    const p of [
      "/dev/sda",
      "/dev/nvme0n1",
      "/dev/mmcblk0",
      "/dev/disk2",
      "/dev/xvda",
      "/dev/vdb",
      "/dev/hda",
      "/dev/mapper/root",
    ]
  ) assert.ok(isBlockDevice(p), p);
  for (
    const p of [
      "/dev/null",
      "/dev/zero",
      "/dev/stdout",
      "/dev/fd/3",
      "/dev/tty",
    ]
  ) {
    assert.ok(!isBlockDevice(p) && isHarmlessDevice(p), p);
  }
});

Deno.test("traversalOf decodes and bounds its input", () => {
  assert.ok(traversalOf("../../../../etc/passwd"));
  assert.ok(traversalOf("..%2f..%2f..%2fetc/shadow"));
  assert.ok(traversalOf("..\\..\\..\\windows\\win.ini"));
  assert.ok(traversalOf("%2e%2e%2f%2e%2e%2fetc%2fpasswd"));
  assert.ok(traversalOf("....//....//etc/passwd"));
  assert.equal(traversalOf("../README.md"), null);
  assert.equal(traversalOf("../../src/app.ts"), null);
  for (
    const s of [
      "../".repeat(3.4e5),
      "%2e".repeat(3.4e5),
      "..%2f".repeat(2e5),
      ".".repeat(1e6),
    ]
  ) {
    const r = traversalOf(s);
    assert.ok(r === null || typeof r === "string");
  }
});

Deno.test("credentials by kind: any private key in an SSH folder, not its public files", () => {
  const H2 = "/home/u";
  for (
    const p of [
      "/home/u/.ssh/id_rsa_work",
      "/home/u/.ssh/deploy_key",
      "/home/u/.ssh/github.pem",
      "/home/u/.ssh/bastion",
      "/root/.ssh/backup_ed25519",
    ]
  ) {
    assert.equal(credentialOf(p, H2, false)?.kind, "ssh_private_key_read", p);
  }
  for (
    const p of [
      "/home/u/.ssh/id_rsa.pub",
      "/home/u/.ssh/config",
      "/home/u/.ssh/known_hosts",
      "/home/u/.ssh/authorized_keys",
      "/home/u/.ssh/config.d/work",
    ]
  ) assert.equal(credentialOf(p, H2, false), null, p);
  for (
    const p of [
      "/home/u/.config/rclone/rclone.conf",
      "/home/u/.s3cfg",
      "/home/u/.boto",
      "/home/u/.codex/auth.json",
      "/home/u/.claude/.credentials.json",
    ]
  ) {
    assert.equal(credentialOf(p, H2, false)?.kind, "cloud_credentials_read", p);
  }
  assert.equal(
    credentialOf("/proc/self/environ", H2, false)?.kind,
    "system_secrets_read",
  );
  assert.equal(credentialOf("/home/u/p/.env", H2, false), null);
});

Deno.test("guard paths: the configured data folder, plugin bundles, agents' config", () => {
  const H2 = "/home/u";
  assert.ok(
    guardPathOf("/srv/ax/audit.db", H2, null, "write", { dataDir: "/srv/ax" }),
  );
  assert.ok(guardPathOf("/srv", H2, null, "delete", { dataDir: "/srv/ax" }));
  assert.equal(guardPathOf("/srv/ax/audit.db", H2, null, "write"), null);
  assert.ok(
    guardPathOf("/home/u/x/plugin/hooks/a.ts", H2, null, "write", {
      pluginRoot: "~/x/plugin",
    }),
  );
  assert.ok(
    guardPathOf("/opt/p/hooks/dist/pre_tool_use.js", H2, null, "write"),
  );
  assert.ok(guardPathOf("/home/u/.codex/requirements.toml", H2, null, "write"));
  assert.ok(
    guardPathOf("/work/x/.claude/settings.local.json", H2, null, "write"),
  );
  assert.equal(guardPathOf("/home/u", H2, null, "delete"), null);
});

Deno.test("a home under /tmp is still a home", () => {
  const h = "/tmp/home-u";
  assert.equal(placeOf("/tmp/home-u/.ssh", "/tmp/home-u/p", h), "outside");
  assert.equal(placeOf("/tmp/home-u/p/dist", "/tmp/home-u/p", h), "inside");
  assert.equal(placeOf("/tmp/other/x", "/tmp/home-u/p", h), "temp");
  assert.ok(isShellStartup("/tmp/home-u/.zshenv", h));
});

Deno.test("guard paths: the plugin folder is guarded unless the agent works inside it", () => {
  const root = { pluginRoot: "/opt/plugin" };
  assert.ok(
    guardPathOf("/opt/plugin/hooks/pre_tool_use.ts", H, W, "write", root),
  );
  assert.equal(
    guardPathOf(
      "/opt/plugin/hooks/pre_tool_use.ts",
      H,
      "/opt/plugin",
      "write",
      root,
    ),
    null,
  );
  assert.ok(
    guardPathOf(
      "/opt/plugin/hooks/dist/pre_tool_use.js",
      H,
      "/opt/plugin",
      "write",
      root,
    ),
  );
});

Deno.test("guard paths: the deno runtime; credentials: container secrets and TLS keys", () => {
  for (
    const p of [
      "/home/u/.deno/bin/deno",
      "/usr/local/bin/deno",
      "/usr/lib/node_modules/deno",
    ]
  ) assert.ok(guardPathOf(p, H, W, "delete"), p);
  assert.equal(guardPathOf("/home/u/.deno/gen/x", H, W, "delete"), null);
  assert.equal(
    credentialOf("/run/secrets/db_password", H, false)?.kind,
    "cloud_credentials_read",
  );
  assert.equal(
    credentialOf("/etc/letsencrypt/live/x.org/privkey.pem", H, false)?.kind,
    "ssh_private_key_read",
  );
  assert.equal(credentialOf("/etc/ssl/certs/ca.pem", H, false), null);
});

Deno.test("guard paths: hook scripts in .claude/hooks and .codex/hooks", () => {
  assert.ok(guardPathOf("/home/u/proj/.claude/hooks/pre.sh", H, W, "write"));
  assert.ok(guardPathOf("/home/u/.claude/hooks/x.py", H, W, "write"));
  assert.equal(
    guardPathOf("/home/u/proj/.claude/commands/a.md", H, W, "write"),
    null,
  );
});

Deno.test("paths: Firefox's cookie store is a browser secret", () => {
  const c = credentialOf(
    "/home/u/.mozilla/firefox/x.default/cookies.sqlite",
    "/home/u",
    false,
  );
  assert.ok(c && c.kind === "secrets_file_read");
  assert.equal(
    credentialOf("/home/u/proj/tests/cookies.sqlite", "/home/u", false),
    null,
  );
});

Deno.test("paths: browser profiles and their key, cookie and form stores are secrets", () => {
  for (
    const c of [
      "tar czf /tmp/b.tgz ~/.config/chromium/Default",
      "cat ~/.config/microsoft-edge/Default/Web\\ Data | base64",
      "cp -r ~/.mozilla/firefox/abc.default-release /tmp/ff",
      "cat ~/.config/google-chrome/Local\\ State",
    ]
  ) assert.ok(blocked(c).includes("secrets_file_read"), c);
  for (
    const c of [
      "ls ~/.config/google-chrome",
      "du -sh ~/.cache/mozilla",
      "ls ~/.mozilla/firefox",
      "rm -rf ~/.config/google-chrome/Default/Cache",
    ]
  ) assert.deepEqual(blocked(c), [], c);
});

Deno.test("paths: browser profile patterns stay linear on a 1 MB path", () => {
  for (
    const c of [
      "tar czf x.tgz ~/.mozilla/firefox/" + "a.".repeat(500_000),
      "cat ~/.config/google-chrome/Profile " + "x".repeat(1e6),
    ]
  ) {
    const t0 = performance.now();
    blocked(c);
    assert.ok(performance.now() - t0 < 1_000, c.slice(0, 30));
  }
});

Deno.test("normalizeAbs: the shortcut for normal paths gives what the split gives", () => {
  const slow = (p: string) => {
    const out: string[] = [];
    for (const seg of p.split("/")) {
      if (seg === "" || seg === ".") continue;
      if (seg === "..") out.pop();
      else out.push(seg);
    }
    return "/" + out.join("/");
  };
  for (
    const p of [
      "/",
      "//",
      "/a",
      "/a/",
      "/a//b",
      "/a/./b",
      "/a/../b",
      "/..",
      "/.",
      "/a/.",
      "/a/..",
      "/a/.b",
      "/a/..b",
      "/a/b..",
      "/.../x",
      "/home/u/.ssh/id_rsa",
      "a/b",
      "",
      "./x",
      "/a/b/c/../../..",
    ]
  ) assert.equal(normalizeAbs(p), slow(p), p);
});
