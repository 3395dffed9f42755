/**
 * The AxonFlow reference Codex plugin's own hook flow, against `deno task serve`:
 * the same requests its bash hooks send (plain JSON-RPC `tools/call`, no
 * initialize, `Accept: application/json`, `X-Axonflow-Client`), read the way
 * they read the answers.
 */
import assert from "node:assert/strict";
import { startServe } from "./mcp_client_cases.ts";

async function post(url: string, payload: unknown): Promise<string> {
  const res = await fetch(`${url}/api/v1/mcp-server`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      "Accept": "application/json",
      "X-Axonflow-Client": "codex-plugin/0.1.0",
    },
    body: JSON.stringify(payload),
  });
  return await res.text();
}

/** What the pre-tool hook decides from a response: block (exit 2) or allow (exit 0). */
function preToolVerdict(response: string): { block: boolean; reason: string } {
  if (response === "") return { block: false, reason: "" };
  const r = JSON.parse(response);
  if (r.error?.message) {
    return { block: r.error.code !== -32700, reason: r.error.message };
  }
  const text = r.result?.content?.[0]?.text;
  if (!text) return { block: false, reason: "" };
  const doc = JSON.parse(text);
  return { block: doc.allowed === false, reason: doc.block_reason ?? "" };
}

Deno.test("the reference plugin's hook flow works unchanged against deno task serve", async () => {
  const home = Deno.makeTempDirSync({ prefix: "ref_flow_" });
  const server = await startServe(home);
  try {
    // Pre-tool: a catastrophic command is blocked...
    const pre = (statement: string) =>
      post(server.url, {
        jsonrpc: "2.0",
        id: "hook-pre",
        method: "tools/call",
        params: {
          name: "check_policy",
          arguments: {
            connector_type: "codex.Bash",
            statement,
            operation: "execute",
          },
        },
      });
    const bad = preToolVerdict(await pre("rm -rf /"));
    assert.equal(bad.block, true);
    assert.ok(bad.reason.length > 0);
    // ...and the hook records the blocked attempt.
    const blockedAudit = JSON.parse(
      await post(server.url, {
        jsonrpc: "2.0",
        id: "hook-audit-blocked",
        method: "tools/call",
        params: {
          name: "audit_tool_call",
          arguments: {
            tool_name: "Bash",
            tool_type: "codex",
            input: { statement: "rm -rf /" },
            output: {
              policy_decision: "blocked",
              block_reason: bad.reason,
              policies_evaluated: "12",
            },
            success: false,
            error_message: "Blocked by policy: " + bad.reason,
          },
        },
      }),
    );
    assert.equal(
      JSON.parse(blockedAudit.result.content[0].text).recorded,
      true,
    );

    // A benign command is allowed.
    assert.equal(preToolVerdict(await pre("ls -la")).block, false);

    // Post-tool: audit the call that ran...
    const audit = JSON.parse(
      await post(server.url, {
        jsonrpc: "2.0",
        id: "hook-audit",
        method: "tools/call",
        params: {
          name: "audit_tool_call",
          arguments: {
            tool_name: "Bash",
            tool_type: "codex",
            input: { command: "ls -la" },
            output: { summary: '"total 0\\n"' },
            success: true,
            error_message: "",
          },
        },
      }),
    );
    const rec = JSON.parse(audit.result.content[0].text);
    assert.equal(rec.recorded, true);
    assert.equal(rec.details.status, "recorded");

    // ...and scan its output: an SSN comes back redacted.
    const scan = JSON.parse(
      await post(server.url, {
        jsonrpc: "2.0",
        id: "hook-scan",
        method: "tools/call",
        params: {
          name: "check_output",
          arguments: {
            connector_type: "codex.Bash",
            message: "Customer SSN 123-45-6789",
          },
        },
      }),
    );
    const doc = JSON.parse(scan.result.content[0].text);
    assert.match(doc.redacted_message, /\[REDACTED:ssn\]/);
    assert.ok(!doc.redacted_message.includes("123-45-6789"));
    assert.ok(doc.policies_evaluated > 0);

    // The server's trail holds all of it, and the blocked record is findable.
    const search = JSON.parse(
      await post(server.url, {
        jsonrpc: "2.0",
        id: 9,
        method: "tools/call",
        params: {
          name: "search_audit_events",
          arguments: { decision: "blocked", limit: 100 },
        },
      }),
    );
    const found = JSON.parse(search.result.content[0].text);
    assert.equal(found.total, 2); // the check_policy verdict and the hook's blocked record
  } finally {
    await server.stop();
  }
});
