/**
 * A scripted "model" for end-to-end tests: a loopback HTTP server speaking
 * just enough of the OpenAI Responses API (SSE) for the Codex CLI. Each
 * request re-sends the whole history, so the step to serve is the number of
 * our scripted calls whose output is already in `input` (robust to retries).
 * It also serves `GET /x.sh` (a script that would create a marker file).
 *
 * @module
 */

/** One scripted step: a shell command, a patch or another function tool call. */
export type Step =
  | {
    kind: "shell";
    command: string;
    /** More exec_command arguments (e.g. `sandbox_permissions`, `justification`). */
    args?: Record<string, unknown>;
  }
  | { kind: "patch"; patch: string }
  | {
    kind: "function";
    name: string;
    /** Codex's namespace of a deferred tool (`mcp__<server>`). */
    namespace?: string;
    arguments: Record<string, unknown>;
    /**
     * Arguments computed from the outputs the model received so far (in call
     * order), merged over `arguments`: e.g. the session id a running
     * exec_command printed, for write_stdin.
     */
    argumentsFrom?: (outputs: string[]) => Record<string, unknown>;
  };

/** What the model received for one of its calls. */
export interface CallResult {
  callId: string;
  /** The tool output string Codex sent back. */
  output: string;
  /** Developer messages (hook additionalContext) Codex sent just before it. */
  developerMessages: string[];
}

/** A running scripted model. */
export interface ModelServer {
  port: number;
  baseUrl: string;
  /** Every request body received on /v1/responses. */
  requests: Record<string, unknown>[];
  /** Requests for /x.sh. */
  scriptFetches: number;
  /** Bodies received on /upload (any method). */
  uploads: string[];
  /** What came back for each scripted call, from the latest request. */
  results(): Map<string, CallResult>;
  close(): Promise<void>;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content.map((c) =>
    isRecord(c) && typeof c.text === "string" ? c.text : ""
  )
    .join("");
}

/** The call id of step `i`. */
export function callId(i: number): string {
  return `call_axf_${i}`;
}

function sse(item: Record<string, unknown>): string {
  return `event: response.output_item.done\ndata: ${
    JSON.stringify({ type: "response.output_item.done", output_index: 0, item })
  }\n\nevent: response.completed\ndata: ${
    JSON.stringify({
      type: "response.completed",
      response: { id: `resp_${crypto.randomUUID()}` },
    })
  }\n\n`;
}

/** Start the scripted model on 127.0.0.1 (a free port). `markerScript` is served at /x.sh. */
export function startModelServer(
  steps: Step[],
  markerScript = "",
): ModelServer {
  const requests: Record<string, unknown>[] = [];
  const ac = new AbortController();
  const state = { scriptFetches: 0, uploads: [] as string[] };
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, signal: ac.signal, onListen: () => {} },
    async (req) => {
      const url = new URL(req.url);
      if (req.method === "GET" && url.pathname === "/x.sh") {
        state.scriptFetches++;
        return new Response(markerScript);
      }
      if (url.pathname === "/upload") {
        state.uploads.push(await req.text());
        return new Response("stored\n");
      }
      if (req.method !== "POST" || !url.pathname.endsWith("/responses")) {
        await req.body?.cancel();
        return new Response("not found", { status: 404 });
      }
      const body: unknown = await req.json().catch(() => ({}));
      const rec = isRecord(body) ? body : {};
      requests.push(rec);
      const input = Array.isArray(rec.input) ? rec.input : [];
      // `steps` may be filled after the server started (it needs the port).
      const ours = new Set(steps.map((_, i) => callId(i)));
      let done = 0;
      const outputs: string[] = [];
      for (const item of input) {
        if (
          isRecord(item) &&
          (item.type === "function_call_output" ||
            item.type === "custom_tool_call_output") &&
          typeof item.call_id === "string" && ours.has(item.call_id)
        ) {
          done++;
          outputs.push(
            typeof item.output === "string"
              ? item.output
              : JSON.stringify(item.output),
          );
        }
      }
      let item: Record<string, unknown>;
      // A safety stop: never loop forever if Codex keeps asking.
      if (done < steps.length && requests.length <= 4 * steps.length + 8) {
        const step = steps[done];
        item = step.kind === "shell"
          ? {
            type: "function_call",
            call_id: callId(done),
            name: "exec_command",
            arguments: JSON.stringify({ cmd: step.command, ...step.args }),
          }
          : step.kind === "function"
          ? {
            type: "function_call",
            call_id: callId(done),
            name: step.name,
            ...(step.namespace ? { namespace: step.namespace } : {}),
            arguments: JSON.stringify({
              ...step.arguments,
              ...step.argumentsFrom?.(outputs),
            }),
          }
          : {
            type: "custom_tool_call",
            call_id: callId(done),
            name: "apply_patch",
            input: step.patch,
          };
      } else {
        item = {
          type: "message",
          role: "assistant",
          content: [{ type: "output_text", text: "done" }],
        };
      }
      return new Response(sse(item), {
        headers: {
          "content-type": "text/event-stream",
          "cache-control": "no-cache",
        },
      });
    },
  );
  const port = server.addr.port;
  return {
    port,
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    get scriptFetches() {
      return state.scriptFetches;
    },
    get uploads() {
      return state.uploads;
    },
    results() {
      const out = new Map<string, CallResult>();
      const last = requests.at(-1);
      const input = last && Array.isArray(last.input) ? last.input : [];
      let pendingDev: string[] = [];
      for (const item of input) {
        if (!isRecord(item)) continue;
        if (item.type === "function_call" || item.type === "custom_tool_call") {
          pendingDev = [];
          continue;
        }
        if (item.type === "message" && item.role === "developer") {
          pendingDev.push(textOf(item.content));
          continue;
        }
        if (
          (item.type === "function_call_output" ||
            item.type === "custom_tool_call_output") &&
          typeof item.call_id === "string"
        ) {
          const output = typeof item.output === "string"
            ? item.output
            : isRecord(item.output) || Array.isArray(item.output)
            ? JSON.stringify(item.output)
            : "";
          out.set(item.call_id, {
            callId: item.call_id,
            output,
            developerMessages: pendingDev,
          });
          pendingDev = [];
        }
      }
      return out;
    },
    async close() {
      ac.abort();
      await server.finished;
    },
  };
}
