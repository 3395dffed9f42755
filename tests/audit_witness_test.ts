/**
 * The team server keeps each developer's newest checkpoint: a real
 * PostToolUse hook process in remote mode chains its spool and sends the
 * signed checkpoint to a real `startServer`. Someone who then deletes the
 * newest rows AND throws away the local checkpoint log and key (so the
 * local check has nothing to compare with) is still caught by
 * `axonflow audit verify --remote`, which compares the file with the
 * server's copy. The server never lets a lower count replace a higher one.
 */
import assert from "node:assert/strict";
import { DatabaseSync } from "node:sqlite";
import { startServer } from "../mcp/serve.ts";
import { auditPath, AuditStore } from "../governance/audit/store.ts";
import { CHECKPOINT_FILE, KEY_FILE } from "../governance/audit/checkpoint.ts";
import { journal } from "../hooks/lib/audit.ts";
import { contextFromEnv } from "../mcp/context.ts";
import {
  denoDir,
  POST_HOOK,
  REPO,
  runHookProcess,
  tempHome,
} from "./support/hook_process.ts";
import { codexPost } from "./support/payloads.ts";

async function verifyRemote(
  home: string,
  dataDir: string,
  endpoint: string,
): Promise<{ code: number; out: string }> {
  const r = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "-A",
      `${REPO}/scripts/axonflow.ts`,
      "audit",
      "verify",
      "--remote",
    ],
    env: {
      PATH: Deno.env.get("PATH") ?? "/usr/bin:/bin",
      HOME: home,
      AXONFLOW_HOME: dataDir,
      AXONFLOW_ENDPOINT: endpoint,
      DENO_DIR: await denoDir(),
      NO_COLOR: "1",
    },
    clearEnv: true,
    stdout: "piped",
    stderr: "piped",
  }).output();
  return {
    code: r.code,
    out: new TextDecoder().decode(r.stdout) +
      new TextDecoder().decode(r.stderr),
  };
}

Deno.test({
  name:
    "remote checkpoints: the team server's copy exposes deleted newest rows even when the local log and key are gone",
  sanitizeResources: false,
  sanitizeOps: false,
}, async () => {
  const t = await tempHome();
  const serverData = `${t.home}/server`;
  const server = startServer({ port: 0, dataDir: serverData });
  try {
    // Twelve events wait in the spool, the oldest two minutes old: the next
    // PostToolUse hook chains them in.
    const old = new Date(Date.now() - 120_000).toISOString();
    for (let i = 0; i < 12; i++) {
      assert.equal(
        journal(t.dataDir, {
          time: i === 0 ? old : undefined,
          agent: "codex",
          toolName: "Bash",
          connectorType: "codex.Bash",
          decision: "allowed",
          policies: [],
          severity: "none",
          inputSummary: `ls ${i}`,
          success: true,
        }),
        undefined,
      );
    }
    const r = await runHookProcess(
      POST_HOOK,
      codexPost("Bash", { command: "ls" }, "a.txt\nb.txt\n"),
      { home: t.home, endpoint: server.url, env: { USER: "dev07" } },
    );
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stderr, /checkpoint not sent/);
    const local = AuditStore.open(auditPath(t.dataDir));
    const storeId = local.storeId();
    const count = local.count();
    assert.equal(count, 13);
    local.close();
    const ctx = contextFromEnv(serverData);
    const kept = ctx.audit().witness(storeId);
    assert.equal(kept?.count, 13);
    // A lower count never replaces the kept one.
    assert.equal(ctx.audit().recordWitness({ ...kept!, count: 3 }), false);
    assert.equal(ctx.audit().witness(storeId)?.count, 13);
    ctx.close();

    assert.equal((await verifyRemote(t.home, t.dataDir, server.url)).code, 0);

    // Cut the newest five rows and remove every local trace of checkpoints.
    const db = new DatabaseSync(auditPath(t.dataDir));
    db.prepare("DELETE FROM events WHERE id > 8").run();
    db.close();
    await Deno.remove(`${t.dataDir}/${CHECKPOINT_FILE}`);
    await Deno.remove(`${t.dataDir}/${KEY_FILE}`);
    const plain = AuditStore.open(auditPath(t.dataDir));
    assert.equal(
      plain.verify().ok,
      true,
      "locally nothing is left to compare with",
    );
    plain.close();
    const v = await verifyRemote(t.home, t.dataDir, server.url);
    assert.equal(v.code, 1, v.out);
    assert.match(v.out, /team server's copy: the newest 5 events were deleted/);
  } finally {
    await server.shutdown();
    await t.cleanup();
  }
});
