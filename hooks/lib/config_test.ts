import assert from "node:assert/strict";
import {
  ensureDataDir,
  loadEngineConfig,
  MAX_TIMEOUT_SECONDS,
  policyFilePath,
  readHookEnv,
  safeDataDir,
} from "./config.ts";

const VARS = [
  "AXONFLOW_HOME",
  "AXONFLOW_ENDPOINT",
  "AXONFLOW_AUTH",
  "AXONFLOW_TIMEOUT_SECONDS",
  "AXONFLOW_PROFILE",
  "AXONFLOW_DEBUG",
  "HOME",
  "BASH_ENV",
  "ENV",
  "ZDOTDIR",
];

function withEnv(vars: Record<string, string>, fn: () => void): void {
  const saved = new Map(VARS.map((k) => [k, Deno.env.get(k)]));
  try {
    for (const k of VARS) Deno.env.delete(k);
    for (const [k, v] of Object.entries(vars)) Deno.env.set(k, v);
    fn();
  } finally {
    for (const [k, v] of saved) {
      if (v === undefined) Deno.env.delete(k);
      else Deno.env.set(k, v);
    }
  }
}

Deno.test("readHookEnv: defaults", () => {
  withEnv({ HOME: "/home/u/" }, () => {
    const env = readHookEnv();
    assert.equal(env.dataDir, "/home/u/.axonflow");
    assert.equal(env.endpoint, undefined);
    assert.equal(env.timeoutSeconds, undefined);
    assert.equal(env.debug, false);
    assert.deepEqual(env.warnings, []);
  });
});

Deno.test("readHookEnv: values, clamping and warnings", () => {
  withEnv({
    HOME: "/h",
    AXONFLOW_HOME: "/data",
    AXONFLOW_ENDPOINT: "http://127.0.0.1:8080",
    AXONFLOW_AUTH: "abc=",
    AXONFLOW_TIMEOUT_SECONDS: "60",
    AXONFLOW_PROFILE: "strict",
    AXONFLOW_DEBUG: "1",
  }, () => {
    const env = readHookEnv();
    assert.equal(env.dataDir, "/data");
    assert.equal(env.endpoint, "http://127.0.0.1:8080");
    assert.equal(env.auth, "abc=");
    assert.equal(env.timeoutSeconds, MAX_TIMEOUT_SECONDS);
    assert.equal(env.profile, "strict");
    assert.equal(env.debug, true);
    assert.match(env.warnings[0], /above the hook limit/);
  });
  withEnv({
    HOME: "/h",
    AXONFLOW_TIMEOUT_SECONDS: "soon",
    AXONFLOW_PROFILE: "lax",
  }, () => {
    const env = readHookEnv();
    assert.equal(env.timeoutSeconds, undefined);
    assert.equal(env.profile, undefined);
    assert.equal(env.warnings.length, 2);
  });
});

Deno.test("loadEngineConfig: missing file → defaults; profile override; broken lines warn", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const warnings: string[] = [];
    assert.equal(
      loadEngineConfig({ dataDir: dir }, warnings).profile,
      "standard",
    );
    assert.deepEqual(warnings, []);
    assert.equal(
      loadEngineConfig({ dataDir: dir, profile: "strict" }, warnings).profile,
      "strict",
    );
    await Deno.writeTextFile(
      policyFilePath(dir),
      '{\n  "profile": "strict",\n  "disabled": [ nope ]\n}\n',
    );
    const w2: string[] = [];
    loadEngineConfig({ dataDir: dir }, w2);
    assert.ok(w2.length > 0);
    assert.match(w2[0], /policies\.json line \d+/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("ensureDataDir creates nested dirs and reports failures", async () => {
  const dir = await Deno.makeTempDir();
  try {
    assert.equal(ensureDataDir(`${dir}/a/b`), undefined);
    assert.ok((await Deno.stat(`${dir}/a/b`)).isDirectory);
    await Deno.writeTextFile(`${dir}/file`, "x");
    assert.match(ensureDataDir(`${dir}/file/sub`) ?? "", /cannot create/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("loadEngineConfig: a policy file that is a FIFO, folder or link out → strict built-ins and a warning", async () => {
  const dir = await Deno.makeTempDir({ prefix: "axf_cfg_bad_" });
  try {
    const mk = await new Deno.Command("mkfifo", { args: [policyFilePath(dir)] })
      .output();
    assert.equal(mk.code, 0);
    const w: string[] = [];
    assert.equal(loadEngineConfig({ dataDir: dir }, w).profile, "strict");
    assert.match(w.join("\n"), /FIFO.*strict profile/);
    await Deno.remove(policyFilePath(dir));
    await Deno.mkdir(policyFilePath(dir));
    const w2: string[] = [];
    assert.equal(loadEngineConfig({ dataDir: dir }, w2).profile, "strict");
    assert.match(w2.join("\n"), /folder/);
    await Deno.remove(policyFilePath(dir));
    await Deno.symlink("/dev/zero", policyFilePath(dir));
    const w3: string[] = [];
    assert.equal(loadEngineConfig({ dataDir: dir }, w3).profile, "strict");
    assert.match(w3.join("\n"), /link out of the data directory/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("safeDataDir: only plain absolute paths; otherwise $HOME/.axonflow with a warning", () => {
  const w: string[] = [];
  assert.equal(safeDataDir(undefined, "/home/u/", w), "/home/u/.axonflow");
  assert.equal(safeDataDir("/srv/axf//", "/home/u", w), "/srv/axf");
  assert.equal(w.length, 0);
  for (const bad of ["rel/dir", "./x", "/a/../b", "/a/./b", "/a\nb", "~/x"]) {
    const ws: string[] = [];
    assert.equal(safeDataDir(bad, "/home/u", ws), "/home/u/.axonflow");
    assert.equal(ws.length, 1, bad);
  }
  assert.equal(safeDataDir(undefined, "/", w), "/.axonflow");
});

Deno.test("readHookEnv: BASH_ENV, ENV and ZDOTDIR are kept when absolute", () => {
  withEnv({
    HOME: "/home/u",
    BASH_ENV: "/home/u/.bash_env",
    ENV: "relative/file",
    ZDOTDIR: "/home/u/.config/zsh",
  }, () => {
    assert.deepEqual(readHookEnv().startupEnv, {
      BASH_ENV: "/home/u/.bash_env",
      ZDOTDIR: "/home/u/.config/zsh",
    });
  });
});
