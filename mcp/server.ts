/**
 * The MCP server: the seven governance tools registered with the MCP SDK
 * (zod argument schemas, annotations, structured output), each answering with
 * `content[0].text` = the wire contract's JSON document.
 *
 * @module
 */

import { McpServer } from "npm:@modelcontextprotocol/sdk@1.32.2/server/mcp.js";
import type { CallToolResult } from "npm:@modelcontextprotocol/sdk@1.32.2/types.js";
import { z } from "npm:zod@4.6.7";
import { VERSION } from "../governance/version.ts";
import type { ToolContext, ToolOutcome } from "./context.ts";
import {
  INPUT_SHAPES,
  OUTPUT_SHAPES,
  TOOL_INFO,
  type ToolName,
} from "./shapes.ts";
import { runTool } from "./tools.ts";

/** Name the server reports in `initialize`. */
export const SERVER_NAME = "axonflow-governance";

/** What the server tells a client about itself at `initialize`. */
export const SERVER_INSTRUCTIONS =
  "Local AxonFlow-compatible governance: call check_policy before running a risky command or statement, check_output on tool output that may hold PII or secrets, and search_audit_events / explain_decision to review what was allowed or blocked.";

/** The MCP CallToolResult for a tool outcome (text = contract JSON; structured copy; isError on failure). */
export function callToolResult(outcome: ToolOutcome): CallToolResult {
  if (!outcome.ok) {
    return { content: [{ type: "text", text: outcome.error }], isError: true };
  }
  return {
    content: [{ type: "text", text: JSON.stringify(outcome.doc) }],
    structuredContent: outcome.doc,
  };
}

/** Build an McpServer offering the seven tools over `ctx`. */
export function buildServer(ctx: ToolContext): McpServer {
  const server = new McpServer(
    { name: SERVER_NAME, version: VERSION },
    { instructions: SERVER_INSTRUCTIONS },
  );
  for (const name of Object.keys(INPUT_SHAPES) as ToolName[]) {
    const info = TOOL_INFO[name];
    server.registerTool(
      name,
      {
        title: info.title,
        description: info.description,
        inputSchema: INPUT_SHAPES[name] as z.ZodRawShape,
        outputSchema: z.looseObject(OUTPUT_SHAPES[name]),
        annotations: { title: info.title, ...info.annotations },
      },
      (args: Record<string, unknown>) =>
        callToolResult(runTool(name, args, ctx)),
    );
  }
  return server;
}
