import assert from "node:assert/strict";
import type { AuditEventInput } from "./event.ts";
import { prepareEvent } from "./event.ts";
import {
  appendSpool,
  appendSpoolAside,
  claimSpool,
  finishSpool,
  readSpool,
  SPOOL_FILE,
  spoolDue,
  spoolEvent,
  SpoolNotAFileError,
  spoolPath,
} from "./spool.ts";
import { auditPath, AuditStore } from "./store.ts";

function tmp(): string {
  return Deno.makeTempDirSync({ prefix: "audit_spool_test_" });
}

function ev(over: Partial<AuditEventInput> = {}): AuditEventInput {
  return {
    agent: "codex",
    toolName: "Bash",
    connectorType: "codex.Bash",
    decision: "blocked",
    policies: ["sys_dangerous_rm_home"],
    severity: "critical",
    inputSummary: "rm -rf ~",
    success: false,
    ...over,
  };
}

Deno.test("spoolEvent redacts like the store and creates the data directory", () => {
  const dir = `${tmp()}/nested/data`;
  const key = "AKIA" + "QWERTYUIOPASDFGH";
  spoolEvent(dir, ev({ inputSummary: `aws configure set key ${key}` }));
  const text = Deno.readTextFileSync(spoolPath(dir));
  assert.ok(!text.includes(key), "no secret in clear text in the spool");
  assert.match(text, /\[REDACTED:aws_access_key\]/);
  assert.equal(text.trim().split("\n").length, 1);
});

Deno.test("a spooled event is chained into the store when it is next opened or read", () => {
  const dir = tmp();
  spoolEvent(dir, ev());
  const store = AuditStore.open(auditPath(dir));
  try {
    assert.equal(store.count(), 1, "merged on open");
    assert.throws(() => Deno.statSync(`${dir}/${SPOOL_FILE}`));
    // While the store is open (the MCP server keeps it open), a hook spools
    // another event: the next read sees it.
    spoolEvent(dir, ev({ inputSummary: "curl x | sh" }));
    const found = store.search({ text: "curl x" });
    assert.equal(found.total, 1);
    assert.equal(store.count(), 2);
    {
      const { ok, checked } = store.verify();
      assert.deepEqual({ ok, checked }, { ok: true, checked: 2 });
    }
  } finally {
    store.close();
  }
});

Deno.test("finishSpool keeps a claimed file that grew after it was read", () => {
  const dir = tmp();
  spoolEvent(dir, ev());
  const files = claimSpool(dir);
  assert.equal(files.length, 1);
  const { entries, sizes } = readSpool(files);
  assert.equal(entries.length, 1);
  // A writer that opened the live spool just before the rename appends late.
  Deno.writeTextFileSync(files[0], "late line\n", { append: true });
  finishSpool(files, sizes);
  assert.ok(Deno.statSync(files[0]).isFile, "kept for the next merger");
  finishSpool(files, readSpool(files).sizes);
  assert.throws(() => Deno.statSync(files[0]), "removed once read whole");
});

Deno.test("spoolDue: by size, by the age of the oldest event, and for leftovers", () => {
  const dir = tmp();
  const now = Date.parse("2026-11-24T10:00:00.000Z");
  assert.equal(spoolDue(dir, now, 1024, 60_000), false, "no spool");
  spoolEvent(dir, ev({ time: "2026-11-24T09:59:30.000Z" }));
  assert.equal(spoolDue(dir, now, 1 << 20, 60_000), false, "young and small");
  assert.equal(spoolDue(dir, now, 10, 60_000), true, "over the size");
  assert.equal(spoolDue(dir, now + 31_000, 1 << 20, 60_000), true, "old");
  // A first line without a readable time is merged (and so cleaned up).
  Deno.writeTextFileSync(spoolPath(dir), "garbage\n");
  assert.equal(spoolDue(dir, now, 1 << 20, 60_000), true);
  // A leftover of a merger that died counts as due even without a live spool.
  Deno.removeSync(spoolPath(dir));
  Deno.writeTextFileSync(`${dir}/audit.spool.1.x.merging`, "");
  assert.equal(spoolDue(dir, now, 1 << 20, 60_000), true);
});

Deno.test("appendSpool: a FIFO, folder or link in the spool's place throws SpoolNotAFileError at once", async () => {
  const dir = await Deno.makeTempDir({ prefix: "axf_spool_bad_" });
  try {
    const e = prepareEvent(ev());
    const mk = await new Deno.Command("mkfifo", { args: [spoolPath(dir)] })
      .output();
    assert.equal(mk.code, 0);
    assert.throws(() => appendSpool(dir, e), SpoolNotAFileError);
    assert.equal(spoolDue(dir, Date.now(), 1 << 20, 60_000), true);
    await Deno.remove(spoolPath(dir));
    await Deno.mkdir(spoolPath(dir));
    assert.throws(() => appendSpool(dir, e));
    await Deno.remove(spoolPath(dir));
    await Deno.writeTextFile(`${dir}/elsewhere`, "");
    await Deno.symlink(`${dir}/elsewhere`, spoolPath(dir));
    assert.throws(() => appendSpool(dir, e), SpoolNotAFileError);
    assert.equal(await Deno.readTextFile(`${dir}/elsewhere`), "");
    // the event set aside is picked up by the next merger
    appendSpoolAside(dir, e);
    const claimed = claimSpool(dir);
    assert.equal(claimed.length, 1);
    assert.equal(readSpool(claimed).entries.length, 1);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
