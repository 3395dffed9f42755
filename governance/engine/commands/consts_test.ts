import assert from "node:assert/strict";
import { constOutput, printfOutput } from "./consts.ts";

Deno.test("consts: printing and decoding constant text", () => {
  assert.equal(constOutput("echo", ["-n", "rm"], null), "rm");
  assert.equal(constOutput("echo", ["-e", "\\x72m"], null), "rm\n");
  assert.equal(printfOutput(["r%s", "m"]), "rm");
  assert.equal(printfOutput(["%s\\n", "a", "b"]), "a\nb\n");
  assert.equal(constOutput("base64", ["-d"], "cm0gLXJmIH4="), "rm -rf ~");
  assert.equal(
    constOutput("base64", ["--decode"], "cm0gLXJmIH4=\n"),
    "rm -rf ~",
  );
  assert.equal(
    constOutput("xxd", ["-r", "-p"], "726d202d7266207e"),
    "rm -rf ~",
  );
  assert.equal(constOutput("rev", [], "~ fr- mr"), "rm -rf ~");
  assert.equal(constOutput("tr", ["a-z", "n-za-m"], "ez"), "rm");
  assert.equal(constOutput("which", ["rm"], null), "/usr/bin/rm\n");
  assert.equal(constOutput("dirname", ["/home/u/x"], null), "/home/u\n");
  assert.equal(constOutput("cat", [], "x"), "x");
});

Deno.test("consts: what we cannot compute is null", () => {
  assert.equal(constOutput("cat", ["file"], null), null);
  assert.equal(constOutput("curl", ["https://x"], null), null);
  // gzip bytes are not text.
  assert.equal(constOutput("base64", ["-d"], "H4sIAAAAAAAAAytK"), null);
  assert.equal(constOutput("base64", ["-d"], "not base64!"), null);
  assert.equal(constOutput("printf", ["-v", "x", "y"], null), null);
  assert.equal(typeof printfOutput(["%s".repeat(1e5), "a"]), "string");
});
