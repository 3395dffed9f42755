/**
 * Entry point of `deno task serve`: the governance server over HTTP.
 * `--host` (default 127.0.0.1), `--port` (default 8080; 0 picks a free port),
 * `--auth <base64 of client_id:secret>` (default `$AXONFLOW_SERVER_AUTH`),
 * `--forward URL` (repeatable: an OTLP/HTTP logs URL such as
 * `http://collector:4318/v1/logs`, or `syslog+tcp://host:514`; every audit
 * event the server holds is forwarded, in order, and kept until accepted).
 * The first line on stdout is the URL it listens on, the second the MCP
 * endpoint (`<url>/api/v1/mcp-server`). `--help` prints the usage.
 *
 * A team can run one such server and point every developer's hooks at it
 * (`AXONFLOW_ENDPOINT=http://host:8080`, `AXONFLOW_AUTH=<base64>`); the audit
 * trail then lives on that server. A team that outgrows one server points the
 * same variables at an AxonFlow platform deployment: the hooks speak the same
 * wire contract (`POST /api/v1/mcp-server`, JSON-RPC `tools/call`) unchanged.
 *
 * @module
 */

import { parseArgs } from "node:util";
import { defaultDataDir } from "../governance/audit/paths.ts";
import { Forwarder, sinkFromUrl } from "../governance/ship/forwarder.ts";
import { createHandler, MCP_PATH } from "./http.ts";
import { contextFromEnv } from "./context.ts";

/** Start the server; resolves with the URL and a shutdown function. */
export function startServer(opts: {
  host?: string;
  port?: number;
  auth?: string;
  dataDir?: string;
  /** Where to forward every audit event: OTLP/HTTP collector URLs and `syslog+tcp://host:port`. */
  forward?: string[];
}): {
  url: string;
  shutdown: () => Promise<void>;
  forwarders: Forwarder[];
} {
  const ctx = contextFromEnv(opts.dataDir ?? defaultDataDir());
  const forwarders = (opts.forward ?? []).map((u) =>
    new Forwarder(() => ctx.audit(), sinkFromUrl(u))
  );
  for (const f of forwarders) f.start();
  const handler = createHandler(ctx, { auth: opts.auth || undefined });
  const server = Deno.serve({
    hostname: opts.host ?? "127.0.0.1",
    port: opts.port ?? 8080,
    onListen: () => {},
  }, handler);
  const addr = server.addr as Deno.NetAddr;
  const host = addr.hostname.includes(":")
    ? `[${addr.hostname}]`
    : addr.hostname;
  return {
    url: `http://${host}:${addr.port}`,
    forwarders,
    shutdown: async () => {
      await server.shutdown();
      await Promise.all(forwarders.map((f) => f.stop()));
      ctx.close();
    },
  };
}

/** Usage of `deno task serve`. */
export const SERVE_HELP =
  `Usage: deno task serve [--host 127.0.0.1] [--port 8080] [--auth BASE64]

The governance server over HTTP: MCP (Streamable HTTP) and plain JSON-RPC on
${MCP_PATH}, health on /health. Prints the base URL, then the MCP endpoint.
  --host H      address to listen on (0.0.0.0 for a team server)
  --port N      port (0 picks a free one)
  --auth B64    require Authorization: Basic <base64 of client_id:secret>
                (default $AXONFLOW_SERVER_AUTH; none = no authentication)
Limits: request bodies up to 1 MB, read within 10 s; batches up to 100 messages.
Data directory: $AXONFLOW_HOME (default ~/.axonflow).
`;

if (import.meta.main) {
  let values;
  try {
    ({ values } = parseArgs({
      args: Deno.args.filter((a) => a !== "--"),
      options: {
        host: { type: "string", default: "127.0.0.1" },
        port: { type: "string", default: "8080" },
        auth: { type: "string" },
        forward: { type: "string", multiple: true },
        help: { type: "boolean", short: "h", default: false },
      },
    }));
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${SERVE_HELP}`);
    Deno.exit(2);
  }
  if (values.help) {
    console.log(SERVE_HELP);
    Deno.exit(0);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be an integer 0-65535, got ${values.port}`);
    Deno.exit(2);
  }
  let envAuth: string | undefined;
  try {
    envAuth = Deno.env.get("AXONFLOW_SERVER_AUTH");
  } catch {
    envAuth = undefined;
  }
  const { url, shutdown } = startServer({
    host: values.host,
    port,
    auth: values.auth ?? envAuth,
    forward: values.forward,
  });
  console.log(url);
  console.log(`MCP endpoint: ${url}${MCP_PATH}`);
  const stop = async () => {
    await shutdown();
    Deno.exit(0);
  };
  Deno.addSignalListener("SIGTERM", stop);
  Deno.addSignalListener("SIGINT", stop);
}
