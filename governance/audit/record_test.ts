import assert from "node:assert/strict";
import { AUDIT_FILE, auditPath } from "./paths.ts";
import { recordEvent } from "./record.ts";
import { SPOOL_FILE } from "./spool.ts";
import { AuditStore } from "./store.ts";
import { ev, tmp } from "./_test_util.ts";

const RECORD_URL = new URL("./record.ts", import.meta.url).href;

Deno.test("recordEvent creates a missing data directory", () => {
  const dir = tmp() + "/nested/data";
  const r = recordEvent(dir, ev());
  assert.equal(r.stored, true);
  assert.equal(r.event?.id, 1);
  assert.ok(Deno.statSync(`${dir}/${AUDIT_FILE}`).isFile);
});

Deno.test("recordEvent on an unusable directory reports the error without throwing", () => {
  const parent = tmp();
  Deno.writeTextFileSync(`${parent}/not-a-dir`, "a file");
  const r = recordEvent(`${parent}/not-a-dir/data`, ev());
  assert.equal(r.stored, false);
  assert.equal(r.spooled, false);
  assert.match(r.error!, /audit store unavailable.*spool failed too/);
});

Deno.test("a corrupt file spools the event; the next good write merges it exactly once", () => {
  const dir = tmp();
  Deno.writeTextFileSync(`${dir}/${AUDIT_FILE}`, "garbage ".repeat(1000));
  const r1 = recordEvent(
    dir,
    ev({ inputSummary: "spooled one SSN 123-45-6789" }),
  );
  const r2 = recordEvent(dir, ev({ inputSummary: "spooled two" }));
  assert.equal(r1.stored, false);
  assert.equal(r1.spooled, true);
  assert.match(r1.error!, /not a database|file is not/i);
  assert.equal(r2.spooled, true);
  const spool = Deno.readTextFileSync(`${dir}/${SPOOL_FILE}`);
  assert.ok(!spool.includes("123-45-6789"), "the spool holds no PII in clear");
  // Someone moves the corrupt file away; the next write merges the spool first.
  Deno.renameSync(`${dir}/${AUDIT_FILE}`, `${dir}/audit.db.corrupt`);
  const r3 = recordEvent(dir, ev({ inputSummary: "direct" }));
  assert.equal(r3.stored, true);
  const store = AuditStore.open(auditPath(dir));
  assert.deepEqual(
    store.search({ limit: 10 }).entries.map((e) => e.inputSummary).sort(),
    ["direct", "spooled one SSN [REDACTED:ssn]", "spooled two"],
  );
  assert.equal(store.verify().ok, true);
  assert.throws(() => Deno.statSync(`${dir}/${SPOOL_FILE}`));
  assert.equal(store.mergeSpool(), 0);
  store.close();
  recordEvent(dir, ev({ inputSummary: "later" }));
  const again = AuditStore.open(auditPath(dir));
  assert.equal(again.count(), 4);
  again.close();
});

Deno.test("a leftover .merging file of a crashed merger is not merged twice", () => {
  const dir = tmp();
  Deno.writeTextFileSync(`${dir}/${AUDIT_FILE}`, "not sqlite at all, sorry");
  recordEvent(dir, ev({ inputSummary: "once" }));
  Deno.removeSync(`${dir}/${AUDIT_FILE}`);
  const line = Deno.readTextFileSync(`${dir}/${SPOOL_FILE}`);
  // Merge it, then put the same entry back as if the merger had died before deleting its file.
  assert.equal(recordEvent(dir, ev({ inputSummary: "trigger" })).stored, true);
  Deno.writeTextFileSync(
    `${dir}/audit.spool.999.dead.merging`,
    line + "not json\n",
  );
  assert.equal(
    recordEvent(dir, ev({ inputSummary: "trigger 2" })).stored,
    true,
  );
  const store = AuditStore.open(auditPath(dir));
  assert.equal(store.search({ text: "once" }).total, 1);
  assert.equal(store.count(), 3);
  assert.throws(() => Deno.statSync(`${dir}/audit.spool.999.dead.merging`));
  store.close();
});

Deno.test("a store locked by another process spools, and the spool merges after release", async () => {
  const dir = tmp();
  recordEvent(dir, ev({ inputSummary: "before" }));
  const holder = new Deno.Command(Deno.execPath(), {
    args: [
      "eval",
      `import { DatabaseSync } from "node:sqlite";
       const db = new DatabaseSync(${JSON.stringify(auditPath(dir))});
       db.exec("BEGIN EXCLUSIVE");
       db.exec("INSERT INTO schema_version(version) SELECT version FROM schema_version LIMIT 0");
       console.log("locked");
       for await (const _ of Deno.stdin.readable) { /* wait for close */ }
       db.exec("COMMIT");`,
    ],
    stdin: "piped",
    stdout: "piped",
    stderr: "inherit",
  }).spawn();
  const reader = holder.stdout.getReader();
  const first = await reader.read();
  assert.match(new TextDecoder().decode(first.value), /locked/);
  const r = recordEvent(dir, ev({ inputSummary: "during lock" }), {
    busyTimeoutMs: 150,
  });
  assert.equal(r.stored, false);
  assert.equal(r.spooled, true);
  assert.match(r.error!, /locked/);
  await holder.stdin.close();
  reader.releaseLock();
  await holder.stdout.cancel();
  assert.equal((await holder.status).code, 0);
  assert.equal(recordEvent(dir, ev({ inputSummary: "after" })).stored, true);
  const store = AuditStore.open(auditPath(dir));
  assert.deepEqual(
    store.search({}).entries.map((e) => e.inputSummary).sort(),
    ["after", "before", "during lock"],
  );
  assert.equal(store.verify().ok, true);
  store.close();
});

/** Run recordEvent in a child process as an unprivileged user when we are root (chmod binds only non-root). */

async function recordAsOtherUser(dir: string, summary: string) {
  const root = Deno.uid() === 0;
  const denoDir = root
    ? Deno.makeTempDirSync({ prefix: "deno_dir_" })
    : undefined;
  if (denoDir) Deno.chmodSync(denoDir, 0o777);
  const out = await new Deno.Command(Deno.execPath(), {
    args: [
      "eval",
      `import { recordEvent } from ${JSON.stringify(RECORD_URL)};
       const r = recordEvent(${
        JSON.stringify(dir)
      }, { agent: "codex", toolName: "Bash",
         connectorType: "codex.Bash", decision: "allowed", policies: [], severity: "none",
         inputSummary: ${JSON.stringify(summary)}, success: true });
       console.log(JSON.stringify({ stored: r.stored, spooled: r.spooled, error: r.error }));`,
    ],
    cwd: "/tmp",
    env: denoDir ? { DENO_DIR: denoDir, HOME: denoDir } : {},
    ...(root ? { uid: 65534, gid: 65534 } : {}),
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder().decode(out.stdout);
  assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
  return JSON.parse(text) as {
    stored: boolean;
    spooled: boolean;
    error?: string;
  };
}

Deno.test("a read-only file spools; a read-only directory reports the error", async () => {
  const dir = tmp();
  Deno.chmodSync(dir, 0o777);
  recordEvent(dir, ev({ inputSummary: "before" }));
  for (const f of Deno.readDirSync(dir)) {
    Deno.chmodSync(`${dir}/${f.name}`, 0o666);
  }
  Deno.chmodSync(auditPath(dir), 0o444);
  const r = await recordAsOtherUser(dir, "while read-only");
  assert.equal(r.stored, false);
  assert.equal(r.spooled, true);
  assert.match(r.error!, /readonly|read-only|permission|denied/i);
  Deno.chmodSync(auditPath(dir), 0o666);
  assert.equal(recordEvent(dir, ev({ inputSummary: "after" })).stored, true);
  const store = AuditStore.open(auditPath(dir));
  assert.equal(store.search({ text: "while read-only" }).total, 1);
  store.close();

  const ro = tmp();
  Deno.chmodSync(ro, 0o555);
  const r2 = await recordAsOtherUser(ro, "nowhere to go");
  assert.equal(r2.stored, false);
  assert.equal(r2.spooled, false);
  assert.match(r2.error!, /spool failed too/);
});
