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

Deno.test("consts: cut fields, awk print and plain-text grep over constant text; other forms stay unknown", () => {
  const pw = "root:x:0:0:root:/root:/bin/sh\nu:x:1000:1000:u:/home/u:/bin/sh\n";
  assert.equal(constOutput("cut", ["-d:", "-f6"], pw), "/root\n/home/u\n");
  assert.equal(
    constOutput("cut", ["-f", "1,6", "-d", ":"], pw),
    "root:/root\nu:/home/u\n",
  );
  assert.equal(constOutput("cut", ["-d:", "-f6-"], "a:b:c:d:e:f:g\n"), "f:g\n");
  assert.equal(constOutput("cut", ["-d:", "-f1", "x.txt"], pw), null);
  assert.equal(
    constOutput("awk", ["-F:", "{print $6}"], pw),
    "/root\n/home/u\n",
  );
  assert.equal(
    constOutput("awk", ["-F", ":", '$1=="u"{print $6}'], pw),
    "/home/u\n",
  );
  assert.equal(constOutput("awk", ["{print $2}"], "a b\nc  d\n"), "b\nd\n");
  assert.equal(constOutput("awk", ["{s+=$1} END {print s}"], "1\n2\n"), null);
  assert.equal(
    constOutput("grep", ["^u:"], pw),
    "u:x:1000:1000:u:/home/u:/bin/sh\n",
  );
  assert.equal(
    constOutput("grep", ["-v", "root"], pw),
    "u:x:1000:1000:u:/home/u:/bin/sh\n",
  );
  assert.equal(constOutput("grep", ["nobody"], pw), "");
  assert.equal(constOutput("grep", ["r.*t"], pw), null);
  assert.equal(constOutput("grep", ["-c", "root"], pw), null);
});
