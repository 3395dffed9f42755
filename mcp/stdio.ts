/**
 * Entry point of `deno task mcp`: the governance MCP server over stdio, as
 * Codex starts it from `.mcp.json`. Data directory: `$AXONFLOW_HOME`, else
 * `~/.axonflow`; profile override: `$AXONFLOW_PROFILE` (standard|strict).
 * Exits when stdin closes.
 *
 * @module
 */

import process from "node:process";
import { StdioServerTransport } from "npm:@modelcontextprotocol/sdk@1.32.2/server/stdio.js";
import { defaultDataDir } from "../governance/audit/store.ts";
import { buildServer } from "./server.ts";
import { contextFromEnv } from "./tools.ts";

if (import.meta.main) {
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
