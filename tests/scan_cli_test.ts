/**
 * `axonflow scan` on folders (git and plain, .gitignore respected), git
 * ranges, SARIF and JSON reports, `--redact` byte for byte, and exit codes.
 */
import assert from "node:assert/strict";
import { REPO } from "./support/hook_process.ts";
import { gitignoreMatcher } from "../scripts/lib/gitignore.ts";
import { addedBlocks } from "../scripts/cli/scan.ts";

const AWS = "AKIAQ3ZJ7XK2M4N5P6RW";
const SSN = "536-90-4399";

async function scanCli(
  args: string[],
  stdin?: Uint8Array,
  cwd = REPO,
): Promise<{ code: number; stdout: Uint8Array; text: string; stderr: string }> {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", `${REPO}/scripts/axonflow.ts`, "scan", ...args],
    cwd,
    env: { NO_COLOR: "1", AXONFLOW_PROFILE: "" },
    stdin: stdin ? "piped" : "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  if (stdin) {
    const w = child.stdin.getWriter();
    await w.write(stdin);
    await w.close();
  }
  const out = await child.output();
  return {
    code: out.code,
    stdout: out.stdout,
    text: new TextDecoder().decode(out.stdout),
    stderr: new TextDecoder().decode(out.stderr),
  };
}

async function sh(cwd: string, ...args: string[]) {
  const out = await new Deno.Command("git", {
    args,
    cwd,
    env: {
      GIT_AUTHOR_NAME: "t",
      GIT_AUTHOR_EMAIL: "t@example.com",
      GIT_COMMITTER_NAME: "t",
      GIT_COMMITTER_EMAIL: "t@example.com",
    },
    stdout: "null",
    stderr: "piped",
  }).output();
  assert.ok(out.success, new TextDecoder().decode(out.stderr));
}

async function tree(dir: string) {
  await Deno.mkdir(`${dir}/src`, { recursive: true });
  await Deno.mkdir(`${dir}/build`, { recursive: true });
  await Deno.writeTextFile(`${dir}/.gitignore`, "build/\n*.log\n!keep.log\n");
  await Deno.writeTextFile(`${dir}/src/app.ts`, `// ok\nconst k = "${AWS}";\n`);
  await Deno.writeTextFile(`${dir}/build/out.js`, `"${AWS}"`);
  await Deno.writeTextFile(`${dir}/debug.log`, `ssn ${SSN}\n`);
  await Deno.writeTextFile(`${dir}/keep.log`, `ssn ${SSN}\n`);
  await Deno.writeFile(`${dir}/blob.bin`, new Uint8Array([0, 1, 2, 65, 75]));
}

Deno.test("scan DIR (no git): .gitignore respected, binary skipped, JSON and SARIF reports, exit 1", async () => {
  const dir = await Deno.makeTempDir({ prefix: "axf-scan-" });
  await tree(dir);
  const json = await scanCli([dir, "--format", "json"]);
  assert.equal(json.code, 1, json.stderr);
  const doc = JSON.parse(json.text);
  const files = [...new Set(doc.findings.map((f: { file: string }) => f.file))]
    .sort();
  assert.deepEqual(files, ["keep.log", "src/app.ts"]);
  const aws = doc.findings.find((f: { file: string }) =>
    f.file === "src/app.ts"
  );
  assert.equal(aws.line, 2);
  assert.equal(aws.column, 12);
  assert.ok(!json.text.includes(AWS), "values never printed");
  assert.equal(json.stderr, "", "no progress when stderr is not a terminal");

  const sarif = JSON.parse((await scanCli([dir, "--format", "sarif"])).text);
  assert.equal(sarif.version, "2.1.0");
  const r = sarif.runs[0].results.find((x: { ruleId: string }) =>
    /aws/.test(x.ruleId)
  );
  assert.equal(
    r.locations[0].physicalLocation.artifactLocation.uri,
    "src/app.ts",
  );
  assert.equal(r.locations[0].physicalLocation.region.startLine, 2);
  assert.ok(
    sarif.runs[0].tool.driver.rules.some((x: { id: string }) =>
      x.id === r.ruleId
    ),
  );

  const clean = await Deno.makeTempDir({ prefix: "axf-scan-clean-" });
  await Deno.writeTextFile(`${clean}/a.txt`, "nothing here\n");
  const ok = await scanCli([clean]);
  assert.equal(ok.code, 0, ok.text);
  assert.match(ok.text, /^CLEAN/);
  await Deno.remove(dir, { recursive: true });
  await Deno.remove(clean, { recursive: true });
});

Deno.test("scan DIR in a git work tree: tracked and untracked-but-not-ignored files; --git RANGE: only added lines", async () => {
  const dir = await Deno.makeTempDir({ prefix: "axf-scan-git-" });
  await sh(dir, "init", "-q");
  await tree(dir);
  await sh(dir, "add", "-A");
  await sh(dir, "commit", "-qm", "one");
  const r = JSON.parse((await scanCli([dir, "--format", "json"])).text);
  assert.deepEqual(
    [...new Set(r.findings.map((f: { file: string }) => f.file))].sort(),
    ["keep.log", "src/app.ts"],
  );
  await Deno.writeTextFile(
    `${dir}/src/app.ts`,
    `// ok\nconst k = "${AWS}";\nconst x = 1;\nconst ssn = "${SSN}";\n`,
  );
  await sh(dir, "commit", "-qam", "two");
  const range = await scanCli([
    "--git",
    "HEAD~1..HEAD",
    dir,
    "--format",
    "json",
  ]);
  assert.equal(range.code, 1, range.stderr);
  const found = JSON.parse(range.text).findings;
  assert.equal(found.length, 1, "the old AWS key is not in the range");
  assert.equal(found[0].file, "src/app.ts");
  assert.equal(found[0].line, 4);
  const none = await scanCli(["--git", "HEAD~1..HEAD~1", dir]);
  assert.equal(none.code, 0);
  const bad = await scanCli(["--git", "nope..HEAD", dir]);
  assert.equal(bad.code, 3);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("scan --redact writes the input back byte for byte except the redactions", async () => {
  const enc = new TextEncoder();
  const long = "x".repeat(5000);
  const before = enc.encode(`line one\r\n${long} SSN `);
  const after = enc.encode(`, tail\r\n\tend without newline \xe9`);
  const raw = new Uint8Array([
    ...before,
    ...enc.encode(SSN),
    ...after,
    0xff, // not UTF-8
    ...enc.encode(" done"),
  ]);
  const r = await scanCli(["-", "--redact"], raw);
  assert.equal(r.code, 1);
  const want = new Uint8Array([
    ...before,
    ...enc.encode("[REDACTED:ssn]"),
    ...after,
    0xff,
    ...enc.encode(" done"),
  ]);
  assert.deepEqual(r.stdout, want);
  const clean = enc.encode("nothing\r\nhere");
  const c = await scanCli(["-", "--redact"], clean);
  assert.equal(c.code, 0);
  assert.deepEqual(c.stdout, clean);
});

Deno.test("gitignore matcher and git diff parsing", () => {
  const m = gitignoreMatcher(
    "# c\n/top.txt\nbuild/\n*.log\n!keep.log\ndocs/**/*.md\n",
    "",
    () => false,
  );
  assert.equal(m("top.txt", false), true);
  assert.equal(m("sub/top.txt", false), false);
  assert.equal(m("build", true), true);
  assert.equal(m("build", false), false);
  assert.equal(m("a/b.log", false), true);
  assert.equal(m("keep.log", false), false);
  assert.equal(m("docs/a/b/c.md", false), true);
  // hostile pattern and path: no catastrophic backtracking
  const h = gitignoreMatcher(
    "**/**/**/**/*a*a*a*a*a*b\nx/**/**/**/**/*a*a*a*a*b\n",
    "",
    () => false,
  );
  assert.equal(h("a".repeat(5000), false), false);
  assert.equal(h("x/" + "a/".repeat(300) + "a".repeat(3000), false), false);
  assert.equal(h("x/a/aaaab", false), true);
  const blocks = addedBlocks(
    "diff --git a/f b/f\n--- a/f\n+++ b/f\n@@ -1,0 +2,2 @@\n+one\n+two\n@@ -9 +10 @@\n-old\n+new\n",
  );
  assert.deepEqual(blocks, [
    { file: "f", line: 2, text: "one\ntwo" },
    { file: "f", line: 10, text: "new" },
  ]);
});
