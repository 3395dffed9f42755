/**
 * A stdio MCP server for end-to-end tests whose tool results are scripted
 * (newline-delimited JSON-RPC, no SDK so it starts fast). The file named by
 * `MCP_SCRIPT` holds `{ "<tool name>": <CallToolResult> }`; each key becomes
 * a tool with an empty input schema, and calling it returns that result as it
 * is (`content` text blocks, `structuredContent`, or both).
 *
 * @module
 */

const encoder = new TextEncoder();
const scriptPath = Deno.env.get("MCP_SCRIPT") ?? "";
const results: Record<string, unknown> = scriptPath
  ? JSON.parse(Deno.readTextFileSync(scriptPath))
  : {};

function send(msg: unknown): void {
  Deno.stdout.writeSync(encoder.encode(JSON.stringify(msg) + "\n"));
}

function answer(req: Record<string, unknown>): void {
  const id = req.id;
  const params = (req.params ?? {}) as Record<string, unknown>;
  switch (req.method) {
    case "initialize":
      send({
        jsonrpc: "2.0",
        id,
        result: {
          protocolVersion: params.protocolVersion ?? "2025-06-18",
          capabilities: { tools: {} },
          serverInfo: { name: "scripted", version: "1.0.0" },
        },
      });
      return;
    case "tools/list":
      send({
        jsonrpc: "2.0",
        id,
        result: {
          tools: Object.keys(results).map((name) => ({
            name,
            description: `Returns the ${name.replaceAll("_", " ")}.`,
            inputSchema: { type: "object", properties: {} },
          })),
        },
      });
      return;
    case "tools/call": {
      const name = String(params.name ?? "");
      if (name in results) {
        send({ jsonrpc: "2.0", id, result: results[name] });
      } else {
        send({
          jsonrpc: "2.0",
          id,
          result: {
            content: [{ type: "text", text: `no tool ${name}` }],
            isError: true,
          },
        });
      }
      return;
    }
    default:
      if (id !== undefined) {
        send({
          jsonrpc: "2.0",
          id,
          error: { code: -32601, message: "method not found" },
        });
      }
  }
}

let buf = "";
const decoder = new TextDecoder();
for await (const chunk of Deno.stdin.readable) {
  buf += decoder.decode(chunk, { stream: true });
  let nl: number;
  while ((nl = buf.indexOf("\n")) >= 0) {
    const line = buf.slice(0, nl).trim();
    buf = buf.slice(nl + 1);
    if (!line) continue;
    try {
      answer(JSON.parse(line));
    } catch {
      // ignore garbage
    }
  }
}
