// This file must not import sensitive.ts statically: it checks the slot
// before and after the scanner is loaded.
import assert from "node:assert/strict";
import {
  scannerLoaded,
  ScannerNotLoaded,
  sensitiveFindings,
} from "./sensitive_slot.ts";

Deno.test("before the scanner loads, the slot answers what the gate clears and refuses the rest; after, it scans", async () => {
  assert.equal(scannerLoaded(), false);
  assert.deepEqual(sensitiveFindings("git status"), []);
  assert.throws(
    () => sensitiveFindings("key AKIAQWERTYUIOPASDFGH"),
    ScannerNotLoaded,
  );
  await import("./sensitive.ts");
  assert.equal(scannerLoaded(), true);
  const found = sensitiveFindings("key AKIAQWERTYUIOPASDFGH");
  assert.ok(found.length > 0);
  assert.deepEqual(sensitiveFindings("git status"), []);
});
