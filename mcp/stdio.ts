/**
 * Entry point of `deno task mcp`: the governance MCP server over stdio, as
 * Codex starts it from `.mcp.json`. Data directory: `$AXONFLOW_HOME`, else
 * `~/.axonflow`; profile override: `$AXONFLOW_PROFILE` (standard|strict).
 * Exits when stdin closes. `--help` prints the usage (any other argument is
 * a usage error: the server takes none).
 *
 * @module
 */

import process from "node:process";
import { StdioServerTransport } from "npm:@modelcontextprotocol/sdk@1.32.2/server/stdio.js";
import { defaultDataDir } from "../governance/audit/paths.ts";
import { buildServer } from "./server.ts";
import { contextFromEnv } from "./context.ts";

/** Usage of `deno task mcp`. */
export const MCP_HELP = `Usage: deno task mcp

The governance MCP server over stdio (JSON-RPC messages, one a line), as
Codex starts it from .mcp.json or [mcp_servers.axonflow]. It takes no
arguments; it exits when stdin closes.
Tools: check_policy, check_output, audit_tool_call, list_policies,
get_policy_stats, search_audit_events, explain_decision.
Environment: AXONFLOW_HOME (data directory, default ~/.axonflow),
AXONFLOW_PROFILE (standard or strict).
For HTTP, run: deno task serve --help
`;

if (import.meta.main) {
  const args = Deno.args.filter((a) => a !== "--");
  if (args.includes("--help") || args.includes("-h")) {
    console.log(MCP_HELP);
    Deno.exit(0);
  }
  if (args.length) {
    console.error(`unexpected argument ${args[0]}\n\n${MCP_HELP}`);
    Deno.exit(2);
  }
  const ctx = contextFromEnv(defaultDataDir());
  const server = buildServer(ctx);
  const stop = () => {
    ctx.close();
    Deno.exit(0);
  };
  process.stdin.on("end", stop);
  process.stdin.on("close", stop);
  await server.connect(new StdioServerTransport());
}
