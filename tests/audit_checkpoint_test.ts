/**
 * What the hash chain alone cannot show, the signed checkpoints do: the
 * newest rows deleted, the oldest forged or cut, the whole file replaced, and
 * the checkpoint log itself edited. Each attack works on the real SQLite file
 * with another connection, as someone with shell access would.
 */
import assert from "node:assert/strict";
import { DatabaseSync } from "node:sqlite";
import {
  type AuditEventInput,
  auditPath,
  AuditStore,
} from "../governance/audit/store.ts";
import { recordEvent } from "../governance/audit/record.ts";
import { CHECKPOINT_FILE } from "../governance/audit/checkpoint.ts";

function ev(i: number, extra: Partial<AuditEventInput> = {}): AuditEventInput {
  return {
    agent: "codex",
    toolName: "Bash",
    connectorType: "codex.Bash",
    decision: i % 5 === 0 ? "blocked" : "allowed",
    decisionId: `d${i}`,
    policies: i % 5 === 0 ? ["sys_dangerous_rm_home"] : [],
    severity: i % 5 === 0 ? "critical" : "none",
    inputSummary: i % 5 === 0 ? "rm -rf ~" : `ls ${i}`,
    success: true,
    ...extra,
  };
}

/** A data directory holding `n` recorded events (one write, one checkpoint each). */
function trail(n: number): string {
  const dir = Deno.makeTempDirSync({ prefix: "audit_cp_" });
  for (let i = 1; i <= n; i++) {
    assert.equal(recordEvent(dir, ev(i)).stored, true);
  }
  return dir;
}

function verify(dir: string) {
  const s = AuditStore.open(auditPath(dir));
  try {
    return s.verify();
  } finally {
    s.close();
  }
}

function sql(dir: string, text: string, ...args: (string | number)[]): void {
  const db = new DatabaseSync(auditPath(dir));
  db.prepare(text).run(...args);
  db.close();
}

Deno.test("an untouched trail verifies against its latest checkpoint", () => {
  const dir = trail(12);
  const v = verify(dir);
  assert.equal(v.ok, true, v.message);
  assert.equal(v.checked, 12);
  assert.equal(v.checkpoint?.count, 12);
  const lines = Deno.readTextFileSync(`${dir}/${CHECKPOINT_FILE}`).trim()
    .split("\n");
  assert.equal(lines.length, 12);
  assert.equal((Deno.statSync(`${dir}/audit.key`).mode ?? 0) & 0o777, 0o600);
});

Deno.test("deleting the newest events is reported with what was lost", () => {
  const dir = trail(20);
  sql(dir, "DELETE FROM events WHERE id > 17");
  const v = verify(dir);
  assert.equal(v.ok, false);
  assert.match(v.message!, /newest 3 events were deleted/);
  assert.match(v.message!, /events 18–20 lost/);
  // A later write does not bless the cut: the trail stays reported.
  assert.equal(recordEvent(dir, ev(99)).stored, true);
  const again = verify(dir);
  assert.equal(again.ok, false);
  assert.ok(
    again.problems!.some((p) => /chain was rewritten|newest/.test(p)),
    again.problems!.join("; "),
  );
});

Deno.test("cutting the oldest events behind a forged retention anchor is reported", () => {
  const dir = trail(15);
  const db = new DatabaseSync(auditPath(dir));
  const h = db.prepare("SELECT hash FROM events WHERE id = 5").get() as {
    hash: string;
  };
  db.prepare("DELETE FROM events WHERE id <= 5").run();
  db.prepare(
    "INSERT INTO anchors(cut_id, hash, time, removed) VALUES (5, ?, ?, 5)",
  ).run(h.hash, new Date().toISOString());
  db.close();
  const v = verify(dir);
  assert.equal(v.ok, false);
  assert.match(v.message!, /oldest events were cut without a recorded prune/);
  assert.match(v.message!, /events 1–5 lost/);
});

Deno.test("a chain forged from its first event (hashes recomputed) is reported", () => {
  const dir = trail(10);
  // The forger copies the file, empties it and re-chains edited events with
  // our own code (so every link is valid), then puts the copy in place.
  const forgeDir = Deno.makeTempDirSync({ prefix: "audit_forge_" });
  Deno.copyFileSync(auditPath(dir), auditPath(forgeDir));
  sql(forgeDir, "DELETE FROM events");
  sql(forgeDir, "DELETE FROM stats_hourly");
  const forged = AuditStore.open(auditPath(forgeDir), {
    witnessDir: forgeDir,
  });
  for (let i = 1; i <= 10; i++) {
    forged.append(
      i === 5
        ? ev(i, {
          inputSummary: "ls",
          decision: "allowed",
          policies: [],
          severity: "none",
        })
        : ev(i),
    );
  }
  forged.close();
  Deno.copyFileSync(auditPath(forgeDir), auditPath(dir));
  const v = verify(dir);
  assert.equal(v.ok, false);
  assert.equal(v.brokenAt, undefined, "the chain itself is valid");
  assert.ok(v.problems!.some((p) => /oldest event \(1\) was forged/.test(p)));
  assert.ok(v.problems!.some((p) => /chain was rewritten/.test(p)));
});

Deno.test("replacing the whole file is reported, even with a valid chain", () => {
  const dir = trail(8);
  Deno.removeSync(auditPath(dir));
  for (const ext of ["-wal", "-shm"]) {
    try {
      Deno.removeSync(auditPath(dir) + ext);
    } catch {
      // not there
    }
  }
  // A fresh file with an innocent history of its own.
  const other = AuditStore.open(auditPath(dir), {
    witnessDir: Deno.makeTempDirSync(),
  });
  other.append(ev(1));
  other.close();
  const v = verify(dir);
  assert.equal(v.ok, false);
  assert.match(v.message!, /audit file was replaced/);
  assert.match(v.message!, /8 events/);
});

Deno.test("an edited checkpoint log is reported", () => {
  const dir = trail(6);
  const path = `${dir}/${CHECKPOINT_FILE}`;
  const text = Deno.readTextFileSync(path).replace(/"count":6/, '"count":5');
  Deno.writeTextFileSync(path, text);
  const v = verify(dir);
  assert.equal(v.ok, false);
  assert.match(v.message!, /1 checkpoint line fails its signature/);
});

Deno.test("a checkpoint log that is a FIFO does not hang verify or a write", async () => {
  const dir = trail(3);
  Deno.removeSync(`${dir}/${CHECKPOINT_FILE}`);
  const mk = await new Deno.Command("mkfifo", {
    args: [`${dir}/${CHECKPOINT_FILE}`],
  }).output();
  assert.equal(mk.code, 0);
  assert.equal(recordEvent(dir, ev(4)).stored, true);
  const v = verify(dir);
  assert.equal(v.ok, false);
  assert.match(v.message!, /checkpoint log unusable: .* not a regular file/);
});

Deno.test("a legitimate prune keeps the trail verifiable", () => {
  const dir = Deno.makeTempDirSync({ prefix: "audit_cp_prune_" });
  const day = 86400_000;
  for (let i = 1; i <= 6; i++) {
    recordEvent(
      dir,
      ev(i, { time: new Date(Date.now() - 40 * day).toISOString() }),
    );
  }
  for (let i = 7; i <= 9; i++) recordEvent(dir, ev(i));
  const s = AuditStore.open(auditPath(dir));
  assert.deepEqual(s.prune(30), { removed: 6 });
  s.append(ev(10));
  const v = s.verify();
  s.close();
  assert.equal(v.ok, true, v.message);
  assert.equal(v.checkpoint?.count, 10);
});
