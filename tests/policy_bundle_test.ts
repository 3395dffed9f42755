/**
 * Central policy: a real team server (`startServer` on 127.0.0.1) publishes
 * its policies.json as a bundle with a version and a content hash; real
 * PreToolUse hook processes in remote mode fetch and cache it, pick up an
 * update, keep enforcing the last good bundle while the server is down, and
 * never let the developer's own file loosen it.
 */
import assert from "node:assert/strict";
import { startServer } from "../mcp/serve.ts";
import { bundleHash } from "../governance/policy_bundle.ts";
import {
  denyReason,
  PRE_HOOK,
  runHookProcess,
  tempHome,
} from "./support/hook_process.ts";
import { codexPre } from "./support/payloads.ts";

function policy(ids: [string, string][]): string {
  return JSON.stringify({
    policies: ids.map(([id, prefix]) => ({
      id,
      name: id,
      severity: "high",
      action: "block",
      appliesTo: "input",
      commandPrefix: prefix,
    })),
  });
}

Deno.test({
  name:
    "team bundle: fetched and cached, an update reaches the hook, the last bundle applies during an outage, local files cannot loosen it",
  sanitizeResources: false,
  sanitizeOps: false,
}, async () => {
  const t = await tempHome();
  const serverData = `${t.home}/server`;
  await Deno.mkdir(serverData, { recursive: true });
  await Deno.writeTextFile(
    `${serverData}/policies.json`,
    policy([["user_no_deploy", "make deploy"]]),
  );
  const server = startServer({ port: 0, dataDir: serverData });
  const run = (command: string) =>
    runHookProcess(PRE_HOOK, codexPre("Bash", { command }, "/tmp/proj"), {
      home: t.home,
      endpoint: server.url,
      env: { AXONFLOW_BUNDLE_TTL_SECONDS: "0" },
    });
  const cache = () =>
    JSON.parse(Deno.readTextFileSync(`${t.dataDir}/policy-bundle.json`));
  let stopped = false;
  try {
    const first = await run("make deploy");
    assert.match(denyReason(first.stdout), /user_no_deploy/);
    const c1 = cache();
    assert.equal(
      c1.hash,
      bundleHash(JSON.parse(policy([["user_no_deploy", "make deploy"]]))),
    );
    assert.equal(
      (Deno.statSync(`${t.dataDir}/policy-bundle.json`).mode ?? 0) & 0o777,
      0o600,
    );

    // The organisation adds a policy: the next hook call picks it up.
    await new Promise((r) => setTimeout(r, 20));
    await Deno.writeTextFile(
      `${serverData}/policies.json`,
      policy([["user_no_deploy", "make deploy"], [
        "user_no_drop",
        "make drop",
      ]]),
    );
    const ok = await run("ls");
    assert.equal(ok.stdout, "");
    const c2 = cache();
    assert.notEqual(c2.hash, c1.hash);
    assert.notEqual(c2.version, c1.version);
    assert.equal(c2.policy.policies.length, 2);

    // The developer's own file tries to loosen it.
    await Deno.writeTextFile(
      `${t.dataDir}/policies.json`,
      JSON.stringify({
        profile: "standard",
        policies: [{
          id: "user_no_drop",
          name: "mine",
          severity: "low",
          action: "log",
          appliesTo: "input",
          commandPrefix: "make drop",
        }],
      }),
    );

    // The server goes down: the embedded engine judges with the last bundle.
    await server.shutdown();
    stopped = true;
    const down = await run("make drop");
    assert.match(denyReason(down.stdout), /user_no_drop/);
    assert.match(down.stderr, /embedded engine/);
    assert.match(down.stderr, /ignored policy "user_no_drop"/);
    assert.equal(cache().hash, c2.hash, "the last good bundle is kept");
    const fine = await run("git status");
    assert.equal(fine.stdout, "", "routine work goes on during the outage");
  } finally {
    if (!stopped) await server.shutdown();
    await t.cleanup();
  }
});

Deno.test({
  name: "team bundle: a damaged cache is not enforced, and says so",
  sanitizeResources: false,
  sanitizeOps: false,
}, async () => {
  const t = await tempHome();
  try {
    await Deno.mkdir(t.dataDir, { recursive: true });
    const pol = JSON.parse(policy([["user_no_deploy", "make deploy"]]));
    await Deno.writeTextFile(
      `${t.dataDir}/policy-bundle.json`,
      JSON.stringify({
        version: "v",
        hash: "sha256:00",
        policy: pol,
        fetchedAt: Date.now(),
      }),
    );
    const r = await runHookProcess(
      PRE_HOOK,
      codexPre("Bash", { command: "rm -rf ~" }, "/tmp/proj"),
      // an endpoint nobody listens on: the embedded engine decides
      { home: t.home, endpoint: "http://127.0.0.1:9" },
    );
    assert.match(denyReason(r.stdout), /sys_dangerous_rm_home/);
    assert.match(r.stderr, /does not match its hash/);
  } finally {
    await t.cleanup();
  }
});
