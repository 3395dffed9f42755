import assert from "node:assert/strict";
import { dataEntry, readDataFile } from "./data_files.ts";

async function mkfifo(path: string): Promise<void> {
  const out = await new Deno.Command("mkfifo", { args: [path] }).output();
  assert.equal(out.code, 0, "mkfifo failed");
}

async function withDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "axf_df_" });
  try {
    await fn(dir);
  } finally {
    await Deno.remove(dir, { recursive: true }).catch(() => {});
  }
}

Deno.test("readDataFile: missing folder, missing file, regular file", async () => {
  await withDir(async (dir) => {
    assert.deepEqual(readDataFile(`${dir}/none`, "p.json", 100), {
      kind: "missing",
    });
    assert.deepEqual(readDataFile(dir, "p.json", 100), { kind: "missing" });
    await Deno.writeTextFile(`${dir}/p.json`, "{}");
    assert.deepEqual(readDataFile(dir, "p.json", 100), {
      kind: "text",
      text: "{}",
    });
  });
});

Deno.test("readDataFile: a FIFO is refused at once (no reader waits)", async () => {
  await withDir(async (dir) => {
    await mkfifo(`${dir}/p.json`);
    const r = readDataFile(dir, "p.json", 100);
    assert.equal(r.kind, "bad");
    assert.match((r as { reason: string }).reason, /FIFO/);
  });
});

Deno.test("readDataFile: folder, /dev/zero link, link out, link in", async () => {
  await withDir(async (dir) => {
    await Deno.mkdir(`${dir}/data`);
    const data = `${dir}/data`;
    await Deno.mkdir(`${data}/p.json`);
    assert.match(
      JSON.stringify(readDataFile(data, "p.json", 100)),
      /a folder/,
    );
    await Deno.remove(`${data}/p.json`);
    await Deno.symlink("/dev/zero", `${data}/p.json`);
    assert.match(
      JSON.stringify(readDataFile(data, "p.json", 100)),
      /link out of the data directory/,
    );
    await Deno.remove(`${data}/p.json`);
    await Deno.writeTextFile(`${dir}/outside.json`, "{}");
    await Deno.symlink(`${dir}/outside.json`, `${data}/p.json`);
    assert.equal(readDataFile(data, "p.json", 100).kind, "bad");
    await Deno.remove(`${data}/p.json`);
    await Deno.writeTextFile(`${data}/real.json`, "[1]");
    await Deno.symlink(`${data}/real.json`, `${data}/p.json`);
    assert.deepEqual(readDataFile(data, "p.json", 100), {
      kind: "text",
      text: "[1]",
    });
    await Deno.remove(`${data}/p.json`);
    await Deno.symlink(`${data}/nowhere`, `${data}/p.json`);
    assert.match(
      JSON.stringify(dataEntry(data, "p.json")),
      /cannot be followed/,
    );
  });
});

Deno.test("readDataFile: a huge (sparse) file is refused without reading it", async () => {
  await withDir(async (dir) => {
    const f = await Deno.open(`${dir}/p.json`, { write: true, create: true });
    await f.truncate(8 * 1024 * 1024 * 1024);
    f.close();
    const r = readDataFile(dir, "p.json", 1024 * 1024);
    assert.equal(r.kind, "bad");
    assert.match(
      (r as { reason: string }).reason,
      /over the 1048576-byte limit/,
    );
  });
});

Deno.test("readDataFile: a read-only regular file is still read", async () => {
  await withDir(async (dir) => {
    await Deno.writeTextFile(`${dir}/p.json`, "{}");
    await Deno.chmod(`${dir}/p.json`, 0o444);
    const r = readDataFile(dir, "p.json", 100);
    // root ignores modes; either way the text comes back
    assert.deepEqual(r, { kind: "text", text: "{}" });
  });
});

Deno.test("dataEntry: the data directory itself being a FIFO is bad, not a hang", async () => {
  await withDir(async (dir) => {
    await mkfifo(`${dir}/data`);
    assert.equal(dataEntry(`${dir}/data`, "p.json").kind, "bad");
  });
});
