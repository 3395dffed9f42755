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
import type { RemoteConfig } from "./axonflow.ts";
import { rpcCall } from "./rpc.ts";

/** The bundle, or why there is none (unreachable, not offered, damaged). */
export type BundleOutcome =
  | { kind: "ok"; bundle: PolicyBundle }
  | { kind: "none"; message: string };

/** Ask the endpoint for its policy bundle. */
export async function fetchBundle(
  cfg: RemoteConfig,
  signal?: AbortSignal,
): Promise<BundleOutcome> {
  const out = await rpcCall(cfg, BUNDLE_METHOD, {}, signal);
  if (out.kind === "none") return out;
  const b = checkBundle(out.result);
  return typeof b === "string"
    ? { kind: "none", message: b }
    : { kind: "ok", bundle: b };
}
