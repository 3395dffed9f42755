import assert from "node:assert/strict";
import { scannerLoaded } from "../../governance/engine/detect/sensitive_slot.ts";
import { mayHoldSensitive } from "../../governance/engine/detect/sensitive_gate.ts";
import { readSpool, spoolPath } from "../../governance/audit/spool.ts";
import type { HookEnv } from "./config.ts";
import { handlePre } from "./pre.ts";

// One test: the order matters, because once loaded the scanner stays loaded
// in this module graph (each test file has its own).

function env(dataDir: string): HookEnv {
  return { home: "/home/u", dataDir, debug: false, warnings: [] };
}
function pre(command: string) {
  const text = JSON.stringify({
    session_id: "s",
    turn_id: "t",
    hook_event_name: "PreToolUse",
    tool_name: "Bash",
    tool_input: { command },
    cwd: "/home/u/app",
  });
  return { text, truncated: false, bytes: text.length };
}
function rows(dir: string): string[] {
  return readSpool([spoolPath(dir)]).entries.map((e) => JSON.stringify(e));
}

Deno.test("scanned: a block whose texts the gate clears is spooled without loading the scanner; a block holding a secret loads it and is spooled redacted", async () => {
  const dir = await Deno.makeTempDir();
  try {
    assert.equal(scannerLoaded(), false);
    const r1 = await handlePre(pre("rm -rf ~"), env(dir));
    assert.equal(
      JSON.parse(r1.stdout).hookSpecificOutput.permissionDecision,
      "deny",
    );
    const first = rows(dir);
    assert.equal(first.length, 1);
    assert.match(first[0], /rm -rf ~/);
    // The row's texts hold a random decision id, which the gate may (rarely)
    // not clear: then loading the scanner was right.
    const row = (JSON.parse(first[0]) as { event: Record<string, unknown> })
      .event;
    const texts = ["reason", "inputSummary", "outputSummary", "context"]
      .map((k) => row[k]).filter((v): v is string => typeof v === "string");
    assert.ok(
      !scannerLoaded() || texts.some(mayHoldSensitive),
      `the scanner was loaded for rm -rf ~ although the gate clears its row: ${
        first[0]
      }`,
    );

    const token = "ghp_" + "Zq7Rk2Lm9Xv4Tb8Nc1Wd5Hy3Pf6Js0Ga2Ke";
    const r2 = await handlePre(
      pre(`rm -rf ~ && echo GITHUB_TOKEN=${token}`),
      env(dir),
    );
    assert.equal(
      JSON.parse(r2.stdout).hookSpecificOutput.permissionDecision,
      "deny",
    );
    assert.equal(scannerLoaded(), true);
    const all = rows(dir);
    assert.equal(all.length, 2, "the first try of the redaction left a row");
    assert.ok(!all[1].includes(token), "the secret reached the spool");
    assert.ok(!r2.stdout.includes(token), "the secret reached the model");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
