import assert from "node:assert/strict";
import {
  bundleDirOf,
  HOOK_ENV_VARS,
  HOOK_SCRIPTS,
  hookArgs,
  hookCommand,
  isHookScriptCommand,
  netTarget,
  PLUGIN_DATA_DIR_EXPR,
  shellWord,
} from "./permissions.ts";

Deno.test("HOOK_ENV_VARS lists exactly the variables a hook reads", () => {
  assert.deepEqual([...HOOK_ENV_VARS].sort(), [
    "AXONFLOW_AUTH",
    "AXONFLOW_BUNDLE_TTL_SECONDS",
    "AXONFLOW_DEBUG",
    "AXONFLOW_ENDPOINT",
    "AXONFLOW_HOME",
    "AXONFLOW_MANAGED_DIR",
    "AXONFLOW_PROFILE",
    "AXONFLOW_TIMEOUT_SECONDS",
    "BASH_ENV",
    "ENV",
    "HOME",
    "LOGNAME",
    "USER",
    "ZDOTDIR",
  ]);
});

Deno.test("netTarget fills in default ports", () => {
  assert.equal(netTarget("http://127.0.0.1:8080/x"), "127.0.0.1:8080");
  assert.equal(netTarget("https://gov.example.com"), "gov.example.com:443");
  assert.equal(netTarget("http://gov.example.com/"), "gov.example.com:80");
  assert.throws(() => netTarget("ftp://x"));
});

Deno.test("hookArgs has exactly the least-privilege flags", () => {
  assert.deepEqual(
    hookArgs({ script: "/p/hooks/pre_tool_use.ts", dataDir: "/d" }),
    [
      "deno",
      "run",
      "-q",
      "--no-prompt",
      "--no-config",
      "--no-lock",
      "--no-remote",
      "--no-npm",
      "--v8-flags=--min-semi-space-size=4,--no-lazy,--no-regexp-unroll",
      `--allow-env=${HOOK_ENV_VARS.join(",")}`,
      "--allow-sys=hostname",
      "--allow-read=/d",
      "--allow-write=/d",
      "/p/hooks/pre_tool_use.ts",
    ],
  );
  const withNet = hookArgs({
    script: "/s.ts",
    dataDir: "/d",
    endpoint: "http://localhost:8080",
    deno: "/usr/bin/deno",
  });
  assert.equal(withNet[0], "/usr/bin/deno");
  assert.ok(withNet.includes("--allow-net=localhost:8080"));
  assert.equal(withNet.filter((a) => a.startsWith("--allow-")).length, 5);
});

Deno.test("a built bundle may read its own folder, and nothing else more", () => {
  const args = hookArgs({
    script: "/p/hooks/dist/pre_tool_use.js",
    dataDir: "/d",
  });
  assert.deepEqual(args.filter((a) => a.startsWith("--allow-read")), [
    "--allow-read=/d",
    "--allow-read=/p/hooks/dist",
  ]);
  assert.deepEqual(args.filter((a) => a.startsWith("--allow-write")), [
    "--allow-write=/d",
  ]);
  assert.equal(args.at(-1), "/p/hooks/dist/pre_tool_use.js");
  assert.equal(
    bundleDirOf("${PLUGIN_ROOT}/hooks/dist/post_tool_use.js"),
    "${PLUGIN_ROOT}/hooks/dist",
  );
  assert.equal(
    bundleDirOf("C:\\p\\hooks\\dist\\pre_tool_use.js"),
    "C:\\p\\hooks\\dist",
  );
  // Sources, other folders and other files get no such flag.
  assert.equal(bundleDirOf("/p/hooks/pre_tool_use.ts"), undefined);
  assert.equal(bundleDirOf("/p/hooks/dist/sub/pre_tool_use.js"), undefined);
  assert.equal(bundleDirOf("/p/dist/pre_tool_use.js"), undefined);
  assert.equal(bundleDirOf("/p/hooks/dist/pre_tool_use.js.map"), undefined);
});

Deno.test("bundleDirOf stays linear on 1 MB hostile input", () => {
  for (
    const h of [
      "/hooks/dist/".repeat(1e5),
      "/hooks/dist/" + "a".repeat(1e6),
      ("/hooks/dist/" + "a".repeat(100)).repeat(1e4) + ".j",
    ]
  ) {
    const t = performance.now();
    assert.equal(bundleDirOf(h), undefined);
    assert.ok(performance.now() - t < 1000);
  }
});

Deno.test("hookCommand quotes paths and keeps shell expansions", () => {
  assert.equal(
    hookCommand({
      script: "${PLUGIN_ROOT}/hooks/pre_tool_use.ts",
      dataDir: PLUGIN_DATA_DIR_EXPR,
    }),
    `deno run -q --no-prompt --no-config --no-lock --no-remote --no-npm --v8-flags=--min-semi-space-size=4,--no-lazy,--no-regexp-unroll --allow-env=${
      HOOK_ENV_VARS.join(",")
    } --allow-sys=hostname --allow-read="\${AXONFLOW_HOME:-$HOME/.axonflow}" --allow-write="\${AXONFLOW_HOME:-$HOME/.axonflow}" "\${PLUGIN_ROOT}/hooks/pre_tool_use.ts"`,
  );
  const cmd = hookCommand({
    script: "/my plugins/it's/pre.ts",
    dataDir: "/home/a b/.axonflow",
  });
  assert.ok(cmd.includes(`--allow-read='/home/a b/.axonflow'`));
  assert.ok(cmd.endsWith(`'/my plugins/it'\\''s/pre.ts'`));
});

Deno.test("hookCommand round-trips through a real shell", async () => {
  const cmd = hookCommand({
    script: "/x y/$(touch pwned)/'q'.ts",
    dataDir: "/d d",
    deno: "printf '%s\\n'",
  });
  // The deno word is quoted as one word; replace it to print the argv instead.
  const printer = cmd.replace(shellWord("printf '%s\\n'"), "printf '%s\\n'");
  const out = await new Deno.Command("bash", {
    args: ["-c", printer],
    stdout: "piped",
  }).output();
  const lines = new TextDecoder().decode(out.stdout).trimEnd().split("\n");
  assert.equal(lines.at(-1), "/x y/$(touch pwned)/'q'.ts");
  assert.ok(lines.includes("--allow-read=/d d"));
});

Deno.test("shellWord leaves plain words alone", () => {
  assert.equal(shellWord("/usr/bin/deno"), "/usr/bin/deno");
  assert.equal(shellWord("a b"), "'a b'");
});

Deno.test("shellWord's patterns stay linear on 1 MB hostile input", () => {
  for (
    const h of [
      "a".repeat(1e6),
      "=".repeat(1e6),
      "$(".repeat(5e5),
      "${".repeat(5e5) + '"',
    ]
  ) {
    assert.ok(shellWord(h).length >= h.length);
  }
});

Deno.test("HOOK_SCRIPTS are the bundles; isHookScriptCommand knows them and earlier source paths", () => {
  assert.deepEqual({ ...HOOK_SCRIPTS }, {
    PreToolUse: "hooks/dist/pre_tool_use.js",
    PostToolUse: "hooks/dist/post_tool_use.js",
    SessionStart: "hooks/dist/session_start.js",
    UserPromptSubmit: "hooks/dist/user_prompt_submit.js",
    PermissionRequest: "hooks/dist/permission_request.js",
  });
  for (
    const c of [
      "deno run /p/hooks/dist/pre_tool_use.js",
      "deno run /p/hooks/dist/session_start.js",
      `deno run "\${PLUGIN_ROOT}/hooks/dist/permission_request.js"`,
      `deno run "\${PLUGIN_ROOT}/hooks/dist/post_tool_use.js"`,
      "deno run '/a b/hooks/pre_tool_use.ts'",
    ]
  ) assert.ok(isHookScriptCommand(c), c);
  for (
    const c of [
      "deno run /p/hooks/pre_tool_use.ts --x",
      "/opt/other/pre_tool_use.js",
      "deno run /p/hooks/dist/other.js",
    ]
  ) assert.ok(!isHookScriptCommand(c), c);
});
