import assert from "node:assert/strict";
import {
  denoCheck,
  disablingLines,
  hooksFeatureCheck,
  hooksFeatureOff,
  managedHooksCheck,
  policyFileCheck,
  shellProfileCheck,
} from "./doctor_config.ts";
import { runChecks } from "./doctor.ts";

async function temp(): Promise<string> {
  return await Deno.makeTempDir({ prefix: "axf-doctor-" });
}

Deno.test("doctor: a trailing comma in policies.json fails and says what is not in force", async () => {
  const d = await temp();
  try {
    assert.equal(policyFileCheck(d).ok, true);
    await Deno.writeTextFile(
      `${d}/policies.json`,
      `{\n  "profile": "strict",\n  "policies": [],\n}\n`,
    );
    const c = policyFileCheck(d);
    assert.equal(c.ok, false);
    assert.match(c.detail, /line 4/);
    assert.match(c.detail, /NOT in force \(now: profile standard/);
    assert.match(c.fix ?? "", /policies test/);
    await Deno.writeTextFile(`${d}/policies.json`, `{"profile":"strict"}`);
    assert.match(policyFileCheck(d).detail, /profile strict/);
    await Deno.remove(`${d}/policies.json`);
    await Deno.mkdir(`${d}/policies.json`);
    assert.equal(policyFileCheck(d).ok, false, "a folder in its place");
  } finally {
    await Deno.remove(d, { recursive: true });
  }
});

Deno.test("doctor: the hooks feature off in config.toml, a profile, or a profile layer file", async () => {
  assert.deepEqual(
    hooksFeatureOff(`model = "x"\n[features]\nhooks = false\n`),
    [
      "[features] hooks = false",
    ],
  );
  assert.deepEqual(hooksFeatureOff(`[features]\nhooks = true\n`), []);
  assert.deepEqual(
    hooksFeatureOff(`[profiles.fast.features]\nhooks = false # quicker\n`),
    ["[profiles.fast.features] hooks = false"],
  );
  assert.deepEqual(
    hooksFeatureOff(`[profiles.ci]\nfeatures.hooks = false\n`),
    ["[profiles.ci] features.hooks = false"],
  );
  assert.deepEqual(hooksFeatureOff(`features.hooks = false\n[x]\n`), [
    "features.hooks = false",
  ]);
  const d = await temp();
  try {
    assert.equal(hooksFeatureCheck(d).ok, true);
    await Deno.writeTextFile(
      `${d}/work.config.toml`,
      `[features]\nhooks = false\n`,
    );
    const c = hooksFeatureCheck(d);
    assert.equal(c.ok, false);
    assert.match(c.detail, /profile work/);
  } finally {
    await Deno.remove(d, { recursive: true });
  }
});

Deno.test("doctor: --disable hooks in a shell alias is found; comments and other tools are not", async () => {
  assert.equal(disablingLines(`alias codex='codex --disable hooks'`).length, 1);
  assert.equal(
    disablingLines(`alias cx="codex --disable=hooks -m o3"`).length,
    1,
  );
  assert.equal(
    disablingLines(`codex() { command codex -c features.hooks=false "$@"; }`)
      .length,
    1,
  );
  assert.equal(
    disablingLines(`# alias codex='codex --disable hooks'`).length,
    0,
  );
  assert.equal(disablingLines(`alias g='git --disable hooks'`).length, 0);
  assert.equal(
    disablingLines(`alias codex='codex --disable web_search'`).length,
    0,
  );
  const d = await temp();
  try {
    assert.equal(shellProfileCheck(d).ok, true);
    await Deno.writeTextFile(
      `${d}/.zshrc`,
      `export X=1\nalias codex='codex --disable hooks'\n`,
    );
    const c = shellProfileCheck(d);
    assert.equal(c.ok, false);
    assert.match(c.detail, /~\/\.zshrc/);
  } finally {
    await Deno.remove(d, { recursive: true });
  }
});

Deno.test("doctor: allow_managed_hooks_only without our hooks in the managed layer fails", async () => {
  const d = await temp();
  const ours = (t: string) => t.includes("/hooks/dist/pre_tool_use.js");
  try {
    assert.equal(managedHooksCheck(d, ours).ok, true, "no requirements file");
    await Deno.writeTextFile(
      `${d}/requirements.toml`,
      `allow_managed_hooks_only = true\n`,
    );
    const c = managedHooksCheck(d, ours);
    assert.equal(c.ok, false);
    assert.match(c.detail, /ours never run/);
    await Deno.writeTextFile(
      `${d}/hooks.json`,
      JSON.stringify({
        hooks: {
          PreToolUse: [{
            hooks: [{
              type: "command",
              command: "deno run /p/hooks/dist/pre_tool_use.js",
            }],
          }],
        },
      }),
    );
    assert.equal(managedHooksCheck(d, ours).ok, true);
  } finally {
    await Deno.remove(d, { recursive: true });
  }
});

Deno.test("doctor: deno missing from the hook's PATH, or an absolute deno that is gone", () => {
  assert.equal(denoCheck("PreToolUse", Deno.execPath(), "").ok, true);
  assert.equal(
    denoCheck("PreToolUse", "/nonexistent/bin/deno", "/usr/bin").ok,
    false,
  );
  const dir = Deno.execPath().replace(/\/[^/]+$/, "");
  const name = Deno.execPath().split("/").pop()!;
  assert.equal(denoCheck("PreToolUse", name, `/nope:${dir}`).ok, true);
  const c = denoCheck("PreToolUse", name, "/nope:/also-nope");
  assert.equal(c.ok, false);
  assert.match(c.detail, /not on PATH/);
});

Deno.test("doctor: hooks that point at a missing bundle, and missing events, fail", async () => {
  const d = await temp();
  try {
    await Deno.writeTextFile(
      `${d}/hooks.json`,
      JSON.stringify({
        hooks: {
          PreToolUse: [{
            matcher: "Bash",
            hooks: [{
              type: "command",
              command:
                `${Deno.execPath()} run --allow-env=HOME /gone/hooks/dist/pre_tool_use.js`,
            }],
          }],
        },
      }),
    );
    const checks = await runChecks(d, { systemDir: d, home: d, path: "" });
    const byName = new Map(checks.map((c) => [c.name, c]));
    assert.equal(byName.get("PreToolUse hook")?.ok, false);
    assert.match(byName.get("PreToolUse hook")?.detail ?? "", /script missing/);
    assert.equal(byName.get("PreToolUse deno")?.ok, true);
    assert.equal(byName.get("SessionStart hook")?.ok, false);
    assert.match(
      byName.get("SessionStart hook")?.detail ?? "",
      /not installed/,
    );
  } finally {
    await Deno.remove(d, { recursive: true });
  }
});
