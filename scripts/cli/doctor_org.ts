/**
 * `doctor`'s organisation checks: the managed requirements Codex reads
 * (`/etc/codex/requirements.toml`: our hooks, `[features] hooks = true`,
 * `allow_managed_hooks_only`) and, in remote mode, which team policy bundle
 * the hooks enforce (version, hash, age).
 *
 * @module
 */

import { managedStatus } from "../lib/managed.ts";
import { BUNDLE_FILE, checkBundle } from "../../governance/policy_bundle.ts";

/** One doctor check (the shape doctor.ts prints). */
export interface OrgCheck {
  name: string;
  ok: boolean;
  detail: string;
  fix?: string;
}

/** The managed-state and team-bundle checks. */
export async function orgChecks(
  systemDir: string,
  dataDir: string,
  endpoint: string | undefined,
): Promise<OrgCheck[]> {
  const out: OrgCheck[] = [];
  const path = `${systemDir}/requirements.toml`;
  let text: string | undefined;
  try {
    text = await Deno.readTextFile(path);
  } catch {
    text = undefined;
  }
  const m = managedStatus(path, text);
  if (!m.installed) {
    out.push({
      name: "managed",
      ok: true,
      detail: text === undefined
        ? `no ${path}: governance is per user (a user's [features] hooks = false would switch it off)`
        : `${path} holds no AxonFlow hooks${
          m.managedOnly
            ? "; allow_managed_hooks_only = true makes Codex skip this plugin's user hooks"
            : ""
        }`,
      fix: m.managedOnly
        ? "install the managed hooks: sudo deno task install --managed"
        : "for an organisation-wide guard: sudo deno task install --managed",
    });
    if (m.managedOnly) out[out.length - 1].ok = false;
  } else {
    const missing = m.commands.filter((c) => {
      const script = c.match(/(\S+\/hooks\/dist\/\S+\.js)['"]?$/)?.[1];
      if (!script) return false;
      try {
        Deno.statSync(script.replace(/^['"]/, ""));
        return false;
      } catch {
        return true;
      }
    });
    out.push({
      name: "managed",
      ok: m.hooksForced && missing.length === 0,
      detail: `${path}: ${m.commands.length} AxonFlow hooks, ${
        m.hooksForced ? "[features] hooks = true" : "hooks NOT forced on"
      }${m.managedOnly ? ", allow_managed_hooks_only" : ""}${
        missing.length ? `; missing bundles: ${missing.join(", ")}` : ""
      }`,
      fix: "re-run: sudo deno task install --managed",
    });
  }
  if (endpoint) {
    let bundle: ReturnType<typeof checkBundle> | undefined;
    try {
      bundle = checkBundle(
        JSON.parse(await Deno.readTextFile(`${dataDir}/${BUNDLE_FILE}`)),
      );
    } catch {
      bundle = undefined;
    }
    out.push({
      name: "team policy bundle",
      ok: typeof bundle !== "string",
      detail: bundle === undefined
        ? "none cached yet (the next hook call fetches it)"
        : typeof bundle === "string"
        ? `${dataDir}/${BUNDLE_FILE}: ${bundle}`
        : `version ${bundle.version}, ${bundle.hash.slice(0, 19)}…, fetched ${
          bundle.fetchedAt ? new Date(bundle.fetchedAt).toISOString() : "?"
        }`,
      fix: "delete the cached file; the next hook call fetches a fresh copy",
    });
  }
  return out;
}
