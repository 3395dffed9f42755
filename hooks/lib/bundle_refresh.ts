/**
 * Keeping the team policy bundle fresh (remote mode only): when the cached
 * copy is older than its lifetime (`AXONFLOW_BUNDLE_TTL_SECONDS`, default
 * 300 s), fetch the server's bundle and replace the cache atomically. When
 * the server is down or answers with something damaged, the last good bundle
 * stays in force, and the next attempt waits a while (a marker file's age),
 * so an outage costs a hook one short try per minute, not one per call.
 *
 * @module
 */

import { fetchBundle } from "../../governance/remote/bundle.ts";
import type { HookEnv } from "./config.ts";
import { BUNDLE_FILE } from "../../governance/policy_bundle.ts";
import { cachedBundle } from "./org_policy.ts";

/** Default lifetime of a fetched bundle (seconds). */
export const BUNDLE_TTL_SECONDS = 300;
/** Pause after a failed fetch before the next try (ms). */
export const RETRY_AFTER_MS = 60_000;
/** Time allowed for one fetch (ms): short, since a call waits for it (once per lifetime, or per minute while the server is down). */
export const FETCH_TIMEOUT_MS = 500;
const RETRY_FILE = "policy-bundle.retry";

/** Refresh the cached bundle when it is stale. Never throws; problems go to `warnings` when `debug`. */
export async function refreshBundle(
  env: Pick<
    HookEnv,
    "endpoint" | "auth" | "dataDir" | "bundleTtlSeconds" | "debug"
  >,
  warnings: string[],
  now = Date.now(),
): Promise<void> {
  if (!env.endpoint) return;
  const ttlMs = (env.bundleTtlSeconds ?? BUNDLE_TTL_SECONDS) * 1000;
  const cached = cachedBundle(env.dataDir, warnings);
  if (cached?.fetchedAt !== undefined && now - cached.fetchedAt < ttlMs) return;
  const retry = `${env.dataDir}/${RETRY_FILE}`;
  try {
    const st = Deno.lstatSync(retry);
    const at = st.mtime?.getTime() ?? 0;
    if (now - at < Math.min(RETRY_AFTER_MS, ttlMs)) return;
  } catch {
    // no marker: try now
  }
  const out = await fetchBundle({
    endpoint: env.endpoint,
    auth: env.auth,
    timeoutMs: FETCH_TIMEOUT_MS,
  });
  try {
    Deno.mkdirSync(env.dataDir, { recursive: true, mode: 0o700 });
    if (out.kind === "none") {
      Deno.writeTextFileSync(retry, String(now), { mode: 0o600 });
      if (env.debug) {
        warnings.push(
          `team policy bundle not refreshed (${out.message}); ${
            cached ? `bundle ${cached.version} stays in force` : "none cached"
          }`,
        );
      }
      return;
    }
    const path = `${env.dataDir}/${BUNDLE_FILE}`;
    const tmp = `${path}.${crypto.randomUUID()}.tmp`;
    Deno.writeTextFileSync(
      tmp,
      JSON.stringify({ ...out.bundle, fetchedAt: now }),
      { mode: 0o600 },
    );
    Deno.renameSync(tmp, path);
    try {
      Deno.removeSync(retry);
    } catch {
      // no marker
    }
  } catch (e) {
    warnings.push(
      `team policy bundle not cached: ${
        e instanceof Error ? e.message : String(e)
      }`,
    );
  }
}
