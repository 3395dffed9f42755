import assert from "node:assert/strict";
import {
  guardFailedReason,
  preDeadlineMs,
  remoteBlockMessage,
  remoteVerdict,
} from "./pre.ts";
import { MAX_TIMEOUT_SECONDS } from "./config.ts";

const E = "http://127.0.0.1:8080";
const base = { home: "/h", dataDir: "/d", debug: false, warnings: [] };

Deno.test("remoteVerdict: a well-formed decision decides", () => {
  const allow = remoteVerdict({ kind: "ok", document: { allowed: true } }, E);
  assert.equal(allow.kind === "decided" && allow.allowed, true);
  const block = remoteVerdict({
    kind: "ok",
    document: {
      allowed: false,
      blocked_by: "p1",
      block_reason: "no",
      decision_id: "d1",
    },
  }, E);
  assert.equal(block.kind, "decided");
  if (block.kind === "decided") {
    assert.equal(block.allowed, false);
    assert.match(block.message, /AxonFlow policy p1 blocked this: no/);
    assert.match(block.message, /decision d1/);
  }
});

Deno.test("remoteVerdict: config errors block; everything else falls back", () => {
  for (const code of [-32001, -32601, -32602]) {
    assert.equal(
      remoteVerdict({ kind: "rpcError", code, message: "x" }, E).kind,
      "configError",
    );
  }
  const fallbacks = [
    { kind: "rpcError" as const, code: -32603, message: "x" },
    { kind: "rpcError" as const, code: -32700, message: "x" },
    { kind: "rpcError" as const, code: -1, message: "x" },
    { kind: "unreachable" as const, message: "refused" },
    { kind: "timeout" as const, message: "slow" },
    { kind: "http5xx" as const, status: 502, message: "HTTP 502" },
    { kind: "garbage" as const, message: "empty" },
    { kind: "toolError" as const, message: "db down" },
    { kind: "permissionDenied" as const, message: "no net" },
    { kind: "ok" as const, document: { allowed: "yes" } },
  ];
  for (const o of fallbacks) {
    const v = remoteVerdict(o, E);
    assert.equal(v.kind, "fallback", o.kind);
    assert.match(v.message, /embedded engine decided instead/);
  }
  assert.match(
    remoteVerdict({ kind: "permissionDenied", message: "" }, E).message,
    /re-run deno task install to grant --allow-net=127\.0\.0\.1:8080/,
  );
  assert.match(
    remoteVerdict({ kind: "toolError", message: "" }, E).message,
    /not an approval/,
  );
});

Deno.test("remoteBlockMessage without fields still says it was blocked", () => {
  assert.match(
    remoteBlockMessage({ allowed: false }),
    /AxonFlow policy \(remote\) blocked this/,
  );
});

Deno.test("preDeadlineMs stays below the 15 s hooks.json timeout", () => {
  assert.equal(preDeadlineMs(base), 10_000);
  assert.equal(preDeadlineMs({ ...base, endpoint: E }), 9_000);
  assert.ok(
    preDeadlineMs({
      ...base,
      endpoint: E,
      timeoutSeconds: MAX_TIMEOUT_SECONDS,
    }) < 15_000,
  );
});

Deno.test("guardFailedReason names the failure and how to report it", () => {
  const r = guardFailedReason("boom");
  assert.match(r, /boom/);
  assert.match(r, /Report it/);
});
