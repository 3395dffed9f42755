import assert from "node:assert/strict";
import { blocked } from "./test_helpers.ts";
import { tclAsShell } from "./tcl.ts";

Deno.test("tcl: file delete, exec and pipes read as shell", () => {
  assert.equal(tclAsShell("file delete -force ~"), "rm -rf ~");
  assert.equal(tclAsShell("file delete a.txt"), "rm -f a.txt");
  assert.equal(tclAsShell("exec rm -rf /x >@stdout"), "rm -rf /x");
  assert.equal(tclAsShell('set f [open "|rm -rf ~"]'), "rm -rf ~");
  assert.equal(tclAsShell("puts hello"), null);
  assert.equal(
    tclAsShell("foreach f [glob -nocomplain ~/*] { file delete -force $f }"),
    "rm -rf ~/*",
  );
  assert.equal(
    tclAsShell("foreach f [glob *.tmp] { file delete $f }"),
    "rm -f *.tmp",
  );
  assert.equal(
    tclAsShell("file delete -force [file normalize $env(HOME)]"),
    "rm -rf ~",
  );
});

Deno.test("tcl: through tclsh", () => {
  assert.ok(blocked("tclsh <<< 'file delete -force ~'").includes("rm_home"));
  assert.ok(blocked("echo 'exec rm -rf /home/u' | tclsh").includes("rm_home"));
  assert.deepEqual(blocked("echo 'file delete -force build' | tclsh"), []);
  assert.deepEqual(blocked("tclsh <<< 'puts [expr {1+2}]'"), []);
});

Deno.test("tcl: linear on hostile text", () => {
  const t0 = performance.now();
  tclAsShell("exec " + "a ".repeat(50_000));
  tclAsShell("[file join " + "x ".repeat(50_000));
  tclAsShell("{".repeat(100_000));
  assert.ok(performance.now() - t0 < 1_000);
});
