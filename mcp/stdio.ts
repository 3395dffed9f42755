/**
 * Entry point of `deno task mcp`: the governance MCP server over stdio, as
 * Codex starts it from `.mcp.json`. Data directory: `$AXONFLOW_HOME`, else
 * `~/.axonflow`; profile override: `$AXONFLOW_PROFILE` (standard|strict).
 *
 * @module
 */

import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { defaultDataDir } from "../governance/audit/store.ts";
import { buildServer } from "./server.ts";
import { contextFromEnv } from "./tools.ts";

if (import.meta.main) {
  const ctx = contextFromEnv(defaultDataDir());
  const server = buildServer(ctx);
  await server.connect(new StdioServerTransport());
  const stop = () => {
    ctx.close();
    Deno.exit(0);
  };
  Deno.addSignalListener("SIGTERM", stop);
  Deno.addSignalListener("SIGINT", stop);
}
