/**
 * Fetching the team server's policy bundle: one JSON-RPC call
 * (`axonflow/policy_bundle`) to the same endpoint and with the same
 * credentials as the policy checks. Never throws.
 *
 * @module
 */

import {
  BUNDLE_METHOD,
  checkBundle,
  type PolicyBundle,
} from "../policy_bundle.ts";
import { mcpUrl, type RemoteConfig, requestHeaders } from "./axonflow.ts";
import { postHttp1 } from "./http1.ts";

/** The bundle, or why there is none (unreachable, not offered, damaged). */
export type BundleOutcome =
  | { kind: "ok"; bundle: PolicyBundle }
  | { kind: "none"; message: string };

/** Ask the endpoint for its policy bundle. */
export async function fetchBundle(
  cfg: RemoteConfig,
  signal?: AbortSignal,
): Promise<BundleOutcome> {
  const body = JSON.stringify({
    jsonrpc: "2.0",
    id: 1,
    method: BUNDLE_METHOD,
    params: {},
  });
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
  if (!rec || typeof rec !== "object" || rec.error !== undefined) {
    return { kind: "none", message: "the endpoint offers no policy bundle" };
  }
  const b = checkBundle(rec.result);
  return typeof b === "string"
    ? { kind: "none", message: b }
    : { kind: "ok", bundle: b };
}
