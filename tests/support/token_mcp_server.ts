/**
 * A tiny stdio MCP server for end-to-end tests (newline-delimited JSON-RPC,
 * no SDK so it starts fast): one tool, `get_config`, whose result holds the
 * token given in the TOKEN_VALUE environment variable.
 *
 * @module
 */

const token = Deno.env.get("TOKEN_VALUE") ?? "";
const encoder = new TextEncoder();

function send(msg: unknown): void {
  Deno.stdout.writeSync(encoder.encode(JSON.stringify(msg) + "\n"));
}

function answer(req: Record<string, unknown>): void {
  const id = req.id;
  switch (req.method) {
    case "initialize":
      send({
        jsonrpc: "2.0",
        id,
        result: {
          protocolVersion: (req.params as Record<string, unknown> | undefined)
            ?.protocolVersion ?? "2025-06-18",
          capabilities: { tools: {} },
          serverInfo: { name: "tokens", version: "1.0.0" },
        },
      });
      return;
    case "tools/list":
      send({
        jsonrpc: "2.0",
        id,
        result: {
          tools: [{
            name: "get_config",
            description: "Returns the service configuration.",
            inputSchema: { type: "object", properties: {} },
          }],
        },
      });
      return;
    case "tools/call":
      send({
        jsonrpc: "2.0",
        id,
        result: {
          content: [{
            type: "text",
            text: `service: billing\napi_token: ${token}\nregion: eu-west-1`,
          }],
        },
      });
      return;
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
