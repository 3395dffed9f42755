/**
 * Every fenced `sh` block of README.md runs, in order, against a temporary
 * CODEX_HOME, AXONFLOW_HOME and HOME, and must exit 0. Blocks fenced as
 * `sh no-test` are documentation only (they would recurse into the test
 * suite, install things globally or never exit). A line ending in a comment
 * `# exit N` (N > 0) must exit with N, not 0: `check` exits 1 on a block.
 */
import assert from "node:assert/strict";
import { outboundEnv } from "./support/env.ts";

const ROOT = new URL("..", import.meta.url).pathname.replace(/\/$/, "");

/** The fenced blocks of a Markdown text with their info strings. */
export function fencedBlocks(
  md: string,
): { info: string; code: string; line: number }[] {
  const out: { info: string; code: string; line: number }[] = [];
  const lines = md.split("\n");
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].startsWith("```")) continue;
    const info = lines[i].slice(3).trim();
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !lines[i].startsWith("```"); i++) {
      body.push(lines[i]);
    }
    out.push({ info, code: body.join("\n"), line: start + 1 });
  }
  return out;
}

/**
 * A block as bash runs it: each line ending in `# exit N` is wrapped so that
 * it must exit N (the block stops with an error otherwise).
 */
export function withExpectedExits(code: string): string {
  return code.split("\n").map((line) => {
    const m = /^(.*\S)\s+# exit (\d+)\b.*$/.exec(line);
    if (!m) return line;
    const want = m[2];
    return `{ set +e; ${
      m[1]
    }\nc=$?; set -e; [ "$c" -eq ${want} ] || { echo "expected exit ${want}, got $c: ${
      m[1].replace(/["$`\\]/g, "\\$&")
    }" >&2; exit 1; }; }`;
  }).join("\n");
}

Deno.test("README: '# exit N' lines must exit N", async () => {
  const run = async (code: string) =>
    (await new Deno.Command("bash", {
      args: ["-e", "-o", "pipefail", "-c", withExpectedExits(code)],
      stdout: "null",
      stderr: "null",
    }).output()).code;
  assert.equal(await run("sh -c 'exit 1'   # exit 1: blocked\ntrue"), 0);
  assert.equal(await run("true   # exit 1: blocked"), 1);
  assert.equal(await run("sh -c 'exit 2'   # exit 1"), 1);
});

async function denoDir(): Promise<string> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["info", "--json"],
    stdout: "piped",
  }).output();
  return JSON.parse(new TextDecoder().decode(out.stdout)).denoDir;
}

Deno.test("README: fences are parsed and the setup commands are there", async () => {
  const md = await Deno.readTextFile(`${ROOT}/README.md`);
  const blocks = fencedBlocks(md);
  const setup = blocks.find((b) =>
    b.code.includes("deno task install\ndeno task test")
  );
  assert.ok(setup, "the two setup commands appear together");
  assert.equal(
    setup.info,
    "sh no-test",
    "deno task test must not run inside the test suite",
  );
  assert.ok(blocks.filter((b) => b.info === "sh").length >= 8);
  for (const b of blocks) {
    if (b.info === "sh") {
      assert.ok(
        !/deno task test\b/.test(b.code),
        `line ${b.line}: deno task test must be in a no-test block`,
      );
      assert.ok(
        !/deno task serve\b|deno install -g/.test(b.code),
        `line ${b.line}: must be no-test`,
      );
    }
  }
});

Deno.test("README: every sh block runs against a temporary Codex home", async () => {
  const md = await Deno.readTextFile(`${ROOT}/README.md`);
  const tmp = await Deno.makeTempDir({ prefix: "axf-readme-" });
  await Deno.mkdir(`${tmp}/home`);
  const env: Record<string, string> = {
    PATH: Deno.env.get("PATH") ?? "/usr/bin:/bin",
    HOME: `${tmp}/home`,
    CODEX_HOME: `${tmp}/codex`,
    AXONFLOW_HOME: `${tmp}/data`,
    TMPDIR: tmp,
    NO_COLOR: "1",
    DENO_DIR: await denoDir(),
    ...outboundEnv(),
  };
  let ran = 0;
  for (const b of fencedBlocks(md)) {
    if (b.info !== "sh") continue;
    const out = await new Deno.Command("bash", {
      args: ["-e", "-o", "pipefail", "-c", withExpectedExits(b.code)],
      cwd: ROOT,
      env,
      clearEnv: true,
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
    }).output();
    const dec = new TextDecoder();
    assert.equal(
      out.code,
      0,
      `README.md line ${b.line} failed:\n${b.code}\n--- stdout\n${
        dec.decode(out.stdout)
      }\n--- stderr\n${dec.decode(out.stderr)}`,
    );
    ran++;
  }
  assert.ok(ran >= 8);
  // the blocks really touched the temporary homes, not the real ones
  // (the last block uninstalls: the files the install created are gone, their backups remain)
  const left: string[] = [];
  for await (const e of Deno.readDir(`${tmp}/codex`)) left.push(e.name);
  assert.ok(
    left.some((n) => n.startsWith("config.toml.axonflow-backup-")),
    left.join(","),
  );
  assert.ok(
    !left.includes("config.toml") && !left.includes("hooks.json"),
    left.join(","),
  );
  await Deno.stat(`${tmp}/data/policies.json`);
  await Deno.stat(`${tmp}/axonflow-audit.csv`);
  await Deno.remove(tmp, { recursive: true });
});

Deno.test("README: the example policy file switches no built-in protection off", async () => {
  const md = await Deno.readTextFile(`${ROOT}/README.md`);
  const block = fencedBlocks(md).find((b) =>
    b.info === "sh" && b.code.includes("policies.json\" <<'EOF'")
  );
  assert.ok(block, "the example policy file is shown");
  const json = block.code.split("<<'EOF'\n")[1].split("\nEOF")[0];
  const doc = JSON.parse(json);
  assert.deepEqual(doc.disable ?? [], []);
  assert.ok(
    (doc.allow ?? []).every((r: Record<string, unknown>) =>
      r.command || r.path || r.pattern || r.commandPrefix
    ),
    "every example exception is scoped",
  );
});
