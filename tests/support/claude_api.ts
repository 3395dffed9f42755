/**
 * A scripted Anthropic Messages API for end-to-end tests with the real Claude
 * Code CLI: a loopback HTTP server that answers `POST /v1/messages` (streamed
 * SSE, or plain JSON when `stream` is false) and records every request.
 *
 * The step to serve is derived from the request alone: the number of our
 * scripted `tool_use` ids whose `tool_result` is already in `messages` (robust
 * to retries and to Claude Code's side requests). Requests that carry no
 * `tools` (titles, summaries, quota probes) get a short text answer and do
 * not advance the script.
 *
 * @module
 */

/** One scripted step: a tool call with its input (in the tool's own shape). */
export interface ClaudeStep {
  tool: string;
  input: Record<string, unknown>;
}

/** What the model received for one of its tool calls. */
export interface ClaudeToolResult {
  toolUseId: string;
  /** The tool_result content as text (text blocks joined). */
  text: string;
  isError: boolean;
  /** Text that arrived after this result in the same user turn (hook context, system reminders). */
  after: string[];
}

/** A running scripted Anthropic API. */
export interface ClaudeApi {
  port: number;
  /** `ANTHROPIC_BASE_URL` for the CLI. */
  baseUrl: string;
  /** Every request body received on /v1/messages (main and side requests). */
  requests: Record<string, unknown>[];
  /** Request paths seen (for requests to other endpoints). */
  paths: string[];
  /** Results of our scripted tool calls, read from the latest main request. */
  results(): Map<string, ClaudeToolResult>;
  /** Every text sent to the API, all requests joined (system, messages, tool results). */
  allText(): string;
  close(): Promise<void>;
}

/** The tool_use id of step `i` of the `k`-th subagent script. */
export function subToolUseId(k: number, i: number): string {
  return `toolu_axs${k}_${String(i).padStart(4, "0")}`;
}

/** The tool_use id of step `i`. */
export function claudeToolUseId(i: number): string {
  return `toolu_axf_${String(i).padStart(4, "0")}`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Text of a content value (string, or a list of blocks). */
export function contentText(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content.map((c) => {
    if (!isRecord(c)) return "";
    if (typeof c.text === "string") return c.text;
    if (c.type === "tool_result") return contentText(c.content);
    return "";
  }).join("\n");
}

function messagesOf(body: Record<string, unknown>): Record<string, unknown>[] {
  return Array.isArray(body.messages) ? body.messages.filter(isRecord) : [];
}

function blocksOf(msg: Record<string, unknown>): Record<string, unknown>[] {
  return Array.isArray(msg.content) ? msg.content.filter(isRecord) : [];
}

function isMain(body: Record<string, unknown>): boolean {
  return Array.isArray(body.tools) && body.tools.length > 0;
}

interface Reply {
  content: Record<string, unknown>[];
  stopReason: "tool_use" | "end_turn";
}

function sseOf(model: string, reply: Reply): string {
  const id = `msg_${crypto.randomUUID().replaceAll("-", "")}`;
  const ev = (name: string, data: Record<string, unknown>) =>
    `event: ${name}\ndata: ${JSON.stringify({ type: name, ...data })}\n\n`;
  let out = ev("message_start", {
    message: {
      id,
      type: "message",
      role: "assistant",
      model,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { input_tokens: 10, output_tokens: 1 },
    },
  });
  reply.content.forEach((block, index) => {
    if (block.type === "tool_use") {
      out += ev("content_block_start", {
        index,
        content_block: {
          type: "tool_use",
          id: block.id,
          name: block.name,
          input: {},
        },
      });
      out += ev("content_block_delta", {
        index,
        delta: {
          type: "input_json_delta",
          partial_json: JSON.stringify(block.input),
        },
      });
    } else {
      out += ev("content_block_start", {
        index,
        content_block: { type: "text", text: "" },
      });
      out += ev("content_block_delta", {
        index,
        delta: { type: "text_delta", text: String(block.text ?? "") },
      });
    }
    out += ev("content_block_stop", { index });
  });
  out += ev("message_delta", {
    delta: { stop_reason: reply.stopReason, stop_sequence: null },
    usage: { output_tokens: 5 },
  });
  out += ev("message_stop", {});
  return out;
}

/**
 * Start the scripted API on 127.0.0.1 (a free port). `steps` may be filled
 * after the start; `subScripts` maps a marker in a subagent's first message
 * to that subagent's steps; `sideReply` answers requests without tools
 * (titles, WebFetch's summariser), "ok" by default.
 */
export function startClaudeApi(
  steps: ClaudeStep[],
  finalText = "done",
  subScripts: Record<string, ClaudeStep[]> = {},
  sideReply: (body: Record<string, unknown>) => string = () => "ok",
): ClaudeApi {
  const requests: Record<string, unknown>[] = [];
  const paths: string[] = [];
  const ac = new AbortController();
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, signal: ac.signal, onListen: () => {} },
    async (req) => {
      const url = new URL(req.url);
      paths.push(`${req.method} ${url.pathname}`);
      if (req.method !== "POST" || !url.pathname.endsWith("/messages")) {
        if (url.pathname.endsWith("/count_tokens")) {
          await req.body?.cancel();
          return Response.json({ input_tokens: 10 });
        }
        await req.body?.cancel();
        return new Response("not found", { status: 404 });
      }
      const body: unknown = await req.json().catch(() => ({}));
      const rec = isRecord(body) ? body : {};
      requests.push(rec);
      const model = typeof rec.model === "string" ? rec.model : "claude";
      let reply: Reply;
      if (!isMain(rec)) {
        reply = {
          content: [{ type: "text", text: sideReply(rec) }],
          stopReason: "end_turn",
        };
      } else {
        // A subagent's conversation (its first message holds a marker of
        // `subScripts`) follows that script, with its own tool_use ids.
        const first = contentText(messagesOf(rec)[0]?.content);
        const sub = Object.keys(subScripts).findIndex((k) => first.includes(k));
        const script = sub >= 0 ? Object.values(subScripts)[sub] : steps;
        const idOf = (i: number) =>
          sub >= 0 ? subToolUseId(sub, i) : claudeToolUseId(i);
        const ours = new Set(script.map((_, i) => idOf(i)));
        let done = 0;
        for (const m of messagesOf(rec)) {
          for (const b of blocksOf(m)) {
            if (
              b.type === "tool_result" && typeof b.tool_use_id === "string" &&
              ours.has(b.tool_use_id)
            ) done++;
          }
        }
        const mainCount = requests.filter(isMain).length;
        if (done < script.length && mainCount <= 4 * steps.length + 16) {
          const step = script[done];
          reply = {
            content: [{
              type: "tool_use",
              id: idOf(done),
              name: step.tool,
              input: step.input,
            }],
            stopReason: "tool_use",
          };
        } else {
          reply = {
            content: [{ type: "text", text: finalText }],
            stopReason: "end_turn",
          };
        }
      }
      if (rec.stream === true) {
        return new Response(sseOf(model, reply), {
          headers: {
            "content-type": "text/event-stream",
            "cache-control": "no-cache",
          },
        });
      }
      return Response.json({
        id: `msg_${crypto.randomUUID().replaceAll("-", "")}`,
        type: "message",
        role: "assistant",
        model,
        content: reply.content,
        stop_reason: reply.stopReason,
        stop_sequence: null,
        usage: { input_tokens: 10, output_tokens: 5 },
      });
    },
  );
  const port = server.addr.port;
  return {
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    paths,
    results() {
      const out = new Map<string, ClaudeToolResult>();
      // Main and subagent conversations alike: the latest request of each
      // holds its whole history, so later requests win.
      for (const req of requests.filter(isMain)) readResults(req, out);
      return out;
    },
    allText() {
      return requests.map((r) => JSON.stringify(r)).join("\n");
    },
    async close() {
      ac.abort();
      await server.finished;
    },
  };
}

/** Record the tool results of one request in `out`. */
function readResults(
  req: Record<string, unknown>,
  out: Map<string, ClaudeToolResult>,
): void {
  let current: ClaudeToolResult | undefined;
  for (const m of messagesOf(req)) {
    if (m.role !== "user") {
      current = undefined;
      continue;
    }
    if (typeof m.content === "string" && current) {
      current.after.push(m.content);
    }
    for (const b of blocksOf(m)) {
      if (b.type === "tool_result" && typeof b.tool_use_id === "string") {
        current = {
          toolUseId: b.tool_use_id,
          text: contentText(b.content),
          isError: b.is_error === true,
          after: [],
        };
        out.set(b.tool_use_id, current);
      } else if (current && typeof b.text === "string") {
        current.after.push(b.text);
      }
    }
  }
}
