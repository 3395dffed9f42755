// This file must not import the scanner statically: it checks when the
// hook's judge loads it.
import assert from "node:assert/strict";
import { judge } from "./judge.ts";
import { scannerLoaded } from "../../governance/engine/detect/sensitive_slot.ts";
import { withStandIns } from "../../governance/engine/detectors.ts";
import { DEFAULT_CONFIG } from "../../governance/engine/config.ts";

const call = (command: string) => ({
  toolName: "Bash",
  input: { command },
  cwd: "/home/u/app",
  home: "/home/u",
});

Deno.test("the scanner's stand-in answers cleared texts and asks for the rest", () => {
  const missing = new Set<
    "findSensitive" | "findSqlInjection" | "findPromptInjection"
  >();
  const d = withStandIns({}, missing);
  assert.deepEqual(d.findSensitive("git status"), []);
  assert.equal(missing.size, 0);
  assert.deepEqual(d.findSensitive("AKIAQWERTYUIOPASDFGH"), []);
  assert.deepEqual([...missing], ["findSensitive"]);
});

Deno.test("a file tool's key names and a patch's envelope do not load the scanner: a clean Write or apply_patch is judged without it", async () => {
  const d = await judge({
    toolName: "Write",
    input: {
      file_path: "/home/u/app/src/x.ts",
      content: "export const x = 1;\n",
    },
    cwd: "/home/u/app",
    home: "/home/u",
  }, DEFAULT_CONFIG);
  assert.equal(d.allowed, true);
  assert.equal(d.matches.length, 0);
  assert.equal(scannerLoaded(), false);
  const p = await judge({
    toolName: "apply_patch",
    input: {
      input:
        "*** Begin Patch\n*** Update File: src/a.ts\n@@\n-const a = 1;\n+const a = 2;\n*** End Patch\n",
    },
    cwd: "/home/u/app",
    home: "/home/u",
  }, DEFAULT_CONFIG);
  assert.equal(p.allowed, true);
  assert.equal(scannerLoaded(), false);
});

Deno.test("a routine command is judged without the scanner; a secret loads it and is found", async () => {
  const clean = await judge(call("git status"), DEFAULT_CONFIG);
  assert.equal(clean.allowed, true);
  assert.equal(clean.matches.length, 0);
  assert.equal(scannerLoaded(), false);
  const d = await judge(
    call("echo 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 > creds.txt"),
    DEFAULT_CONFIG,
  );
  assert.equal(scannerLoaded(), true);
  assert.ok(
    d.matches.some((m) => m.category === "secret"),
    JSON.stringify(d.matches.map((m) => m.policyId)),
  );
});
