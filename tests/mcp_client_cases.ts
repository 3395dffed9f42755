/**
 * Shared cases for the MCP client tests (stdio and HTTP): every tool and every
 * bad-argument path, through the SDK's own Client.
 *
 * @module
 */
import assert from "node:assert/strict";
import type { Client } from "npm:@modelcontextprotocol/sdk@1.32.2/client/index.js";

/** The tight permission flags the servers run with in tests (as in the task definitions). */
export function serverFlags(home: string): string[] {
  const extra =
    Deno.env.get("AXONFLOW_TEST_DENO_FLAGS")?.split(" ").filter(Boolean) ?? [];
  return [
    "run",
    "--no-prompt",
    `--lock=${ROOT}deno.lock`,
    "--frozen",
    "--allow-env=AXONFLOW_HOME,HOME,AXONFLOW_PROFILE,AXONFLOW_SERVER_AUTH",
    `--allow-read=${home}`,
    `--allow-write=${home}`,
    ...extra,
  ];
}

/** The environment of a server child process: AXONFLOW_HOME plus what deno needs (HOME, PATH, DENO_DIR). */
export function childEnv(home: string): Record<string, string> {
  const env: Record<string, string> = { AXONFLOW_HOME: home };
  for (const k of ["HOME", "PATH", "DENO_DIR"]) {
    const v = Deno.env.get(k);
    if (v !== undefined) env[k] = v;
  }
  return env;
}

/** Repository root. */
export const ROOT = new URL("..", import.meta.url).pathname;

interface ListedTool {
  name: string;
  annotations?: { readOnlyHint?: boolean };
  outputSchema?: unknown;
  inputSchema: { required?: string[] };
}

interface TextResult {
  content?: { type: string; text?: string }[];
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
}

/** Call a tool and return the parsed contract document (asserting it is not an error). */
export async function callDoc(
  client: Client,
  name: string,
  args: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const r = await client.callTool({ name, arguments: args }) as TextResult;
  assert.notEqual(r.isError, true, `${name} failed: ${r.content?.[0]?.text}`);
  const doc = JSON.parse(r.content![0].text!);
  assert.deepEqual(
    r.structuredContent,
    doc,
    "structuredContent mirrors content[0].text",
  );
  return doc;
}

/** Assert a call is refused with a message naming `arg`. */
export async function expectArgError(
  client: Client,
  name: string,
  args: Record<string, unknown>,
  arg: string,
): Promise<void> {
  let text: string;
  try {
    const r = await client.callTool({ name, arguments: args }) as TextResult;
    assert.equal(
      r.isError,
      true,
      `${name}(${JSON.stringify(args)}) should fail`,
    );
    text = r.content?.[0]?.text ?? "";
  } catch (e) {
    text = e instanceof Error ? e.message : String(e);
  }
  assert.ok(
    text.includes(arg),
    `error for ${name} should name ${arg}: ${text}`,
  );
}

/** Run every tool and every bad-argument path through a connected client. */
export async function clientSuite(client: Client): Promise<void> {
  const tools = (await client.listTools()).tools as unknown as ListedTool[];
  assert.deepEqual(tools.map((t) => t.name).sort(), [
    "audit_tool_call",
    "check_output",
    "check_policy",
    "explain_decision",
    "get_policy_stats",
    "list_policies",
    "search_audit_events",
  ]);
  const byName = new Map(tools.map((t) => [t.name, t]));
  assert.equal(byName.get("list_policies")?.annotations?.readOnlyHint, true);
  assert.equal(byName.get("check_policy")?.annotations?.readOnlyHint, false);
  assert.ok(
    byName.get("check_policy")?.outputSchema,
    "structured output declared",
  );
  assert.deepEqual(byName.get("check_policy")?.inputSchema.required?.sort(), [
    "connector_type",
    "statement",
  ]);

  const blocked = await callDoc(client, "check_policy", {
    connector_type: "codex.Bash",
    statement: "rm -rf /",
    operation: "execute",
  });
  assert.equal(blocked.allowed, false);
  assert.equal(typeof blocked.decision_id, "string");
  assert.equal(typeof blocked.blocked_by, "string");
  assert.ok(Array.isArray(blocked.policy_matches));
  const allowed = await callDoc(client, "check_policy", {
    connector_type: "codex.Bash",
    statement: "ls -la",
  });
  assert.equal(allowed.allowed, true);
  assert.ok(Number(allowed.policies_evaluated) > 0);

  const out = await callDoc(client, "check_output", {
    connector_type: "codex.Bash",
    message: "name Jane, SSN 123-45-6789",
    response_data: [{ ssn: "123-45-6789", ok: 1 }],
  });
  assert.match(String(out.redacted_message), /\[REDACTED:ssn\]/);
  assert.ok(!JSON.stringify(out.redacted_data).includes("123-45-6789"));
  const clean = await callDoc(client, "check_output", {
    connector_type: "codex.Bash",
    message: "all good",
  });
  assert.equal(clean.redacted_message, undefined);

  const rec = await callDoc(client, "audit_tool_call", {
    tool_name: "Bash",
    tool_type: "codex",
    caller_name: "test",
    input: { command: "echo hi" },
    output: { summary: "hi" },
    success: true,
    duration_ms: 12,
  });
  assert.equal(rec.recorded, true);
  assert.equal(rec.tool_name, "Bash");
  const details = rec.details as Record<string, unknown>;
  assert.equal(details.status, "recorded");
  assert.match(String(details.audit_id), /^\d+$/);
  assert.ok(Number.isFinite(Date.parse(String(rec.timestamp))));

  const crit = await callDoc(client, "list_policies", { severity: "critical" });
  const policies = crit.policies as { severity: string }[];
  assert.equal(crit.count, policies.length);
  assert.ok(policies.length > 0);
  assert.ok(policies.every((p) => p.severity === "critical"));

  const stats = await callDoc(client, "get_policy_stats", {});
  assert.ok(Number(stats.total_requests) >= 4);
  assert.ok(Number(stats.blocked_requests) >= 1);
  assert.ok(Number(stats.compliance_score) < 100);
  assert.ok(Array.isArray(stats.top_policies));
  const pg = await callDoc(client, "get_policy_stats", {
    connector_type: "postgres",
  });
  assert.equal(pg.total_requests, 0);
  assert.equal(pg.compliance_score, 100);

  const found = await callDoc(client, "search_audit_events", {
    decision: "blocked",
  });
  const entries = found.entries as Record<string, unknown>[];
  assert.ok(entries.length >= 1);
  assert.ok(entries.every((e) => e.decision === "blocked"));
  const byPolicy = await callDoc(client, "search_audit_events", {
    policy_id: String(blocked.blocked_by),
  });
  assert.ok(Number(byPolicy.total) >= 1);
  const page = await callDoc(client, "search_audit_events", {
    limit: 1,
    offset: 1,
  });
  assert.equal((page.entries as unknown[]).length, 1);
  assert.equal(page.limit, 1);
  assert.equal(page.offset, 1);
  const text = await callDoc(client, "search_audit_events", {
    text: "echo hi",
    request_type: "tool_call",
  });
  assert.equal(text.total, 1);

  const why = await callDoc(client, "explain_decision", {
    decision_id: blocked.decision_id,
  });
  assert.equal(why.decision, "blocked");
  assert.match(String(why.input_summary), /rm -rf \//);
  assert.ok(
    (why.policies as { policy_id: string }[]).some((p) =>
      p.policy_id === blocked.blocked_by
    ),
  );
  const unknown = await client.callTool({
    name: "explain_decision",
    arguments: { decision_id: "no-such-id" },
  }) as TextResult;
  assert.equal(unknown.isError, true);
  assert.match(
    unknown.content![0].text!,
    /no decision with decision_id "no-such-id"/,
  );

  // Every bad-argument path names the argument.
  await expectArgError(
    client,
    "check_policy",
    { statement: "ls" },
    "connector_type",
  );
  await expectArgError(
    client,
    "check_policy",
    { connector_type: "codex.Bash" },
    "statement",
  );
  await expectArgError(client, "check_policy", {
    connector_type: "codex.Bash",
    statement: 5,
  }, "statement");
  await expectArgError(client, "check_policy", {
    connector_type: "codex.Bash",
    statement: "ls",
    parameters: "x",
  }, "parameters");
  await expectArgError(
    client,
    "check_output",
    { message: "x" },
    "connector_type",
  );
  await expectArgError(client, "check_output", {
    connector_type: "c",
    response_data: "rows",
  }, "response_data");
  await expectArgError(client, "audit_tool_call", {
    tool_name: "Bash",
    input: {},
  }, "success");
  await expectArgError(client, "audit_tool_call", {
    tool_name: "Bash",
    input: "ls",
    success: true,
  }, "input");
  await expectArgError(
    client,
    "audit_tool_call",
    { input: {}, success: true },
    "tool_name",
  );
  await expectArgError(client, "audit_tool_call", {
    tool_name: "B",
    input: {},
    success: true,
    duration_ms: -1,
  }, "duration_ms");
  await expectArgError(
    client,
    "list_policies",
    { severity: "extreme" },
    "severity",
  );
  await expectArgError(
    client,
    "get_policy_stats",
    { from: "last tuesday" },
    "from",
  );
  await expectArgError(client, "search_audit_events", { limit: 500 }, "limit");
  await expectArgError(client, "search_audit_events", { offset: -1 }, "offset");
  await expectArgError(
    client,
    "search_audit_events",
    { decision: "maybe" },
    "decision",
  );
  await expectArgError(client, "search_audit_events", { to: "soon" }, "to");
  await expectArgError(client, "explain_decision", {}, "decision_id");
  await expectArgError(client, "no_such_tool", {}, "no_such_tool");
}

/** Start `mcp/serve.ts --port 0` with the tight flags; resolve with its URL (its first stdout line). */
export async function startServe(
  home: string,
  env: Record<string, string> = {},
): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = new Deno.Command(Deno.execPath(), {
    args: [
      ...serverFlags(home),
      "--allow-net=127.0.0.1",
      "mcp/serve.ts",
      "--port",
      "0",
    ],
    cwd: ROOT,
    env: { ...childEnv(home), ...env },
    clearEnv: true,
    stdout: "piped",
    stderr: "inherit",
  }).spawn();
  const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  let buf = "";
  while (!buf.includes("\n")) {
    const { value, done } = await reader.read();
    if (done) throw new Error("serve exited before printing its URL");
    buf += value;
  }
  const url = buf.split("\n")[0].trim();
  return {
    url,
    stop: async () => {
      child.kill("SIGTERM");
      await child.status;
      await reader.cancel().catch(() => {});
    },
  };
}
