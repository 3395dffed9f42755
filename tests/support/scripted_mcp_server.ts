/**
 * A stdio MCP server for end-to-end tests whose tool results are scripted
 * (newline-delimited JSON-RPC, no SDK so it starts fast). The file named by
 * `MCP_SCRIPT` holds `{ "<tool name>": <CallToolResult> }`; each key becomes
 * a tool with an empty input schema, and calling it returns that result as it
 * is (`content` text blocks, `structuredContent`, or both). The reserved key
 * `__resources` maps resource URIs to their text instead (served by
 * `resources/list` and `resources/read`).
 *
 * @module
 */

const encoder = new TextEncoder();
const scriptPath = Deno.env.get("MCP_SCRIPT") ?? "";
const script: Record<string, unknown> = scriptPath
  ? JSON.parse(Deno.readTextFileSync(scriptPath))
  : {};
const resources = (script.__resources ?? {}) as Record<string, string>;
const results: Record<string, unknown> = Object.fromEntries(
  Object.entries(script).filter(([k]) => k !== "__resources"),
);

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
          capabilities: {
            tools: {},
            ...(Object.keys(resources).length ? { resources: {} } : {}),
          },
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
    case "resources/list":
      send({
        jsonrpc: "2.0",
        id,
        result: {
          resources: Object.keys(resources).map((uri) => ({
            uri,
            name: uri.split("/").at(-1) ?? uri,
            mimeType: "text/plain",
          })),
        },
      });
      return;
    case "resources/templates/list":
      send({ jsonrpc: "2.0", id, result: { resourceTemplates: [] } });
      return;
    case "resources/read": {
      const uri = String(params.uri ?? "");
      if (uri in resources) {
        send({
          jsonrpc: "2.0",
          id,
          result: {
            contents: [{ uri, mimeType: "text/plain", text: resources[uri] }],
          },
        });
      } else {
        send({
          jsonrpc: "2.0",
          id,
          error: { code: -32002, message: `no resource ${uri}` },
        });
      }
      return;
    }
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
