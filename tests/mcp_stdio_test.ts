import assert from "node:assert/strict";
import { Client } from "npm:@modelcontextprotocol/sdk@1.32.2/client/index.js";
import { StdioClientTransport } from "npm:@modelcontextprotocol/sdk@1.32.2/client/stdio.js";
import { DatabaseSync } from "node:sqlite";
import {
  childEnv,
  clientSuite,
  ROOT,
  serverFlags,
} from "./mcp_client_cases.ts";

Deno.test("MCP over stdio: the SDK client runs every tool and bad-argument path", async () => {
  const home = Deno.makeTempDirSync({ prefix: "mcp_stdio_" });
  const transport = new StdioClientTransport({
    command: Deno.execPath(),
    args: [...serverFlags(home), "mcp/stdio.ts"],
    cwd: ROOT,
    env: childEnv(home),
    stderr: "inherit",
  });
  const client = new Client({ name: "stdio-test", version: "1.0.0" });
  await client.connect(transport);
  try {
    assert.equal(client.getServerVersion()?.name, "axonflow-governance");
    await clientSuite(client);
  } finally {
    await client.close();
  }
  // The server wrote its audit trail into AXONFLOW_HOME.
  const db = new DatabaseSync(`${home}/audit.db`);
  const n = db.prepare("SELECT count(*) AS n FROM events").get() as {
    n: number;
  };
  db.close();
  assert.ok(n.n >= 5);
});

Deno.test(".mcp.json starts a working server with its own flags", async () => {
  const manifest = JSON.parse(Deno.readTextFileSync(`${ROOT}.mcp.json`));
  const spec = manifest.mcpServers.axonflow;
  const home = Deno.makeTempDirSync({ prefix: "mcp_json_" });
  const client = new Client({ name: "mcp-json-test", version: "1.0.0" });
  await client.connect(
    new StdioClientTransport({
      command: spec.command,
      args: spec.args,
      cwd: `${ROOT}${spec.cwd}`,
      env: childEnv(home),
      stderr: "inherit",
    }),
  );
  try {
    const tools = (await client.listTools()).tools;
    assert.equal(tools.length, 7);
    const r = await client.callTool({
      name: "check_policy",
      arguments: { connector_type: "codex.Bash", statement: "rm -rf /" },
    }) as { content: { text: string }[] };
    assert.equal(JSON.parse(r.content[0].text).allowed, false);
  } finally {
    await client.close();
  }
  assert.ok(Deno.statSync(`${home}/audit.db`).isFile);
});
