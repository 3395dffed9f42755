/**
 * The organisation's policy bundle: the team server's policy document (the
 * policies.json format: profile, disable, policies) published with a version
 * and a content hash, so that every developer's hooks enforce the same
 * policy and can tell a complete copy from a damaged one.
 *
 * @module
 */

import { sha256Hex } from "./engine/sha256.ts";
import { canonicalJson } from "./audit/canonical.ts";

/** A policy bundle as the team server publishes it and a hook caches it. */
export interface PolicyBundle {
  /** The server's version label (its policy file's modification time, or `none`). */
  version: string;
  /** `sha256:<hex>` of the canonical JSON of `policy`. */
  hash: string;
  /** The policy document (the policies.json format). */
  policy: Record<string, unknown>;
  /** When a hook fetched it (ms since the epoch); absent on the server's copy. */
  fetchedAt?: number;
}

/** File name of a hook's cached copy of the bundle, in its data directory. */
export const BUNDLE_FILE = "policy-bundle.json";

/** The JSON-RPC method a team server answers with its bundle. */
export const BUNDLE_METHOD = "axonflow/policy_bundle";

/** The content hash of a bundle's policy document. */
export function bundleHash(policy: unknown): string {
  return `sha256:${sha256Hex(canonicalJson(policy))}`;
}

/** A bundle for a policy document. */
export function makeBundle(
  policy: Record<string, unknown>,
  version: string,
): PolicyBundle {
  return { version, hash: bundleHash(policy), policy };
}

/** Check a bundle document (shape and content hash): the bundle, or a sentence saying what is wrong. */
export function checkBundle(doc: unknown): PolicyBundle | string {
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
    return "the bundle is not a JSON object";
  }
  const b = doc as Record<string, unknown>;
  if (typeof b.version !== "string" || typeof b.hash !== "string") {
    return "the bundle has no version or hash";
  }
  if (
    typeof b.policy !== "object" || b.policy === null || Array.isArray(b.policy)
  ) return "the bundle has no policy object";
  if (bundleHash(b.policy) !== b.hash) {
    return "the bundle's content does not match its hash";
  }
  return {
    version: b.version,
    hash: b.hash,
    policy: b.policy as Record<string, unknown>,
    fetchedAt: typeof b.fetchedAt === "number" ? b.fetchedAt : undefined,
  };
}
