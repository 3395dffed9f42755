/**
 * One plain JSON-RPC call to an AxonFlow endpoint for this project's own
 * team-server methods (`axonflow/…`: the policy bundle, audit checkpoints),
 * with the same URL, headers and transports as the policy checks. Never
 * throws: an endpoint that does not offer the method (an AxonFlow platform)
 * answers with an error, which is one more `none`.
 *
 * @module
 */

import { mcpUrl, type RemoteConfig, requestHeaders } from "./axonflow.ts";
import { postHttp1 } from "./http1.ts";

/** The result, or why there is none. */
export type RpcOutcome =
  | { kind: "ok"; result: unknown }
  | { kind: "none"; message: string };

/** Call `method` with `params`. */
export async function rpcCall(
  cfg: RemoteConfig,
  method: string,
  params: Record<string, unknown>,
  signal?: AbortSignal,
): Promise<RpcOutcome> {
  const body = JSON.stringify({ jsonrpc: "2.0", id: 1, method, params });
  const timeout = AbortSignal.timeout(Math.max(1, cfg.timeoutMs));
  const sig = signal ? AbortSignal.any([timeout, signal]) : timeout;
  let status: number;
  let text: string;
  try {
    const url = new URL(mcpUrl(cfg.endpoint));
    if (url.protocol === "http:") {
      ({ status, text } = await postHttp1(url, requestHeaders(cfg), body, sig));
    } else {
      const res = await fetch(url, {
        method: "POST",
        headers: requestHeaders(cfg),
        body,
        signal: sig,
      });
      status = res.status;
      text = await res.text();
    }
  } catch (e) {
    return {
      kind: "none",
      message: `unreachable (${e instanceof Error ? e.message : String(e)})`,
    };
  }
  if (status !== 200) return { kind: "none", message: `HTTP ${status}` };
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { kind: "none", message: "the answer is not JSON" };
  }
  const rec = doc as Record<string, unknown> | null;
  if (!rec || typeof rec !== "object") {
    return { kind: "none", message: "the answer is not a JSON-RPC object" };
  }
  if (rec.error !== undefined) {
    const m = (rec.error as { message?: unknown })?.message;
    return {
      kind: "none",
      message: `the endpoint refused ${method}${
        typeof m === "string" ? `: ${m.slice(0, 200)}` : ""
      }`,
    };
  }
  return { kind: "ok", result: rec.result };
}
