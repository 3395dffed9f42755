import assert from "node:assert/strict";
import { blocked, fired } from "./test_helpers.ts";

Deno.test("runners: a task file written on the line is judged by its commands", () => {
  for (
    const cmd of [
      "printf 'a:\\n\\t@rm -rf $$HOME\\n' > ci.mk && make -f ci.mk a",
      "printf 'wipe:\\n  rm -rf ~\\n' > .justfile; just wipe",
      `echo '{"scripts":{"go":"rm -rf ~"}}' > /tmp/p/package.json && npm --prefix /tmp/p run go`,
      "printf 'tasks:\\n  x:\\n    cmds:\\n      - rm -rf ~\\n' > Taskfile.yaml && task x",
    ]
  ) assert.ok(blocked(cmd).length > 0, `${cmd}: ${fired(cmd)}`);
});

Deno.test("runners: routine task files and runs pass", () => {
  for (
    const cmd of [
      "make -j4",
      "printf 'test:\\n\\tdeno test\\n\\trm -rf build\\n' > Makefile && make test",
      `echo '{"scripts":{"clean":"rm -rf dist"}}' > package.json && npm run clean`,
      "just --list",
      "deno task build",
    ]
  ) assert.deepEqual(blocked(cmd), [], `${cmd}: ${fired(cmd)}`);
});

Deno.test("source removal: archivers that delete what they pack", () => {
  for (
    const cmd of [
      "tar --remove-files -czf /tmp/a.tgz ~",
      "zip -qrm /tmp/a.zip /home/u",
      "7za a -sdel /tmp/a.7z ~",
      "rsync -a --remove-source-files ~/ backup:/x/",
    ]
  ) assert.ok(blocked(cmd).includes("rm_home"), `${cmd}: ${fired(cmd)}`);
  for (
    const cmd of [
      "tar --remove-files -czf logs.tgz logs",
      "zip -m old.zip old/*.log",
      "tar -czf home.tgz ~/proj",
      "rsync -a --remove-source-files out/ /tmp/drop/",
    ]
  ) assert.deepEqual(blocked(cmd), [], `${cmd}: ${fired(cmd)}`);
});

Deno.test("ztcp: zsh's TCP client to a host blocks, listening and closing do not", () => {
  assert.ok(blocked("zmodload zsh/net/tcp; ztcp 203.0.113.5 443").length > 0);
  assert.deepEqual(blocked("ztcp -l 8080"), []);
  assert.deepEqual(blocked("ztcp -c"), []);
});

Deno.test("runners: a hostile task file is judged in bounded time", () => {
  const body = "\t" + "'".repeat(100_000) + "\n";
  const t0 = performance.now();
  fired(`printf '${body}' > Makefile; make`);
  assert.ok(performance.now() - t0 < 2000);
});
