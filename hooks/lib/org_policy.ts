/**
 * The organisation's layer of a hook's configuration: the managed policy
 * file (`$AXONFLOW_MANAGED_DIR/policies.json`, owned by an administrator and
 * read-only to the developer) and the policy bundle last fetched from the
 * team server (`<dataDir>/policy-bundle.json`). Both are the floor the
 * developer's own policies.json may only tighten (see `layerConfig`).
 *
 * Files are checked before they are opened (a regular file, not a FIFO, a
 * device or a folder) and read with a size bound, so nothing placed in their
 * way can stall a hook. A managed file that exists but cannot be read or
 * parsed fails closed: the strict profile applies and the fault is reported.
 *
 * @module
 */

import {
  DEFAULT_CONFIG,
  type EngineConfig,
} from "../../governance/engine/config.ts";
import { parsePolicyFile } from "../../governance/engine/user_policies.ts";
import { layerConfig } from "../../governance/engine/layers.ts";
import {
  BUNDLE_FILE,
  checkBundle,
  type PolicyBundle,
} from "../../governance/policy_bundle.ts";

/** Largest policy file or bundle read (bytes). */
export const POLICY_MAX_BYTES = 1024 * 1024;

/** Read a regular file of at most `max` bytes; `undefined` when it does not exist. Throws on anything else. */
export function readRegularFile(path: string, max: number): string | undefined {
  let st: Deno.FileInfo;
  try {
    st = Deno.lstatSync(path);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return undefined;
    throw e;
  }
  if (!st.isFile) throw new Error(`${path} is not a regular file`);
  if (st.size > max) throw new Error(`${path} is larger than ${max} bytes`);
  const f = Deno.openSync(path, { read: true });
  try {
    const buf = new Uint8Array(Math.min(st.size, max) + 1);
    let off = 0;
    while (off < buf.length) {
      const n = f.readSync(buf.subarray(off));
      if (n === null || n === 0) break;
      off += n;
    }
    if (off > max) throw new Error(`${path} is larger than ${max} bytes`);
    return new TextDecoder().decode(buf.subarray(0, off));
  } finally {
    f.close();
  }
}

/** The cached bundle in `dataDir`, when there is a valid one. Problems become warnings. */
export function cachedBundle(
  dataDir: string,
  warnings: string[],
): PolicyBundle | undefined {
  const path = `${dataDir}/${BUNDLE_FILE}`;
  try {
    const text = readRegularFile(path, POLICY_MAX_BYTES);
    if (text === undefined) return undefined;
    const b = checkBundle(JSON.parse(text));
    if (typeof b === "string") {
      warnings.push(`${path}: ${b}; ignored until the next fetch`);
      return undefined;
    }
    return b;
  } catch (e) {
    warnings.push(
      `${path}: ${e instanceof Error ? e.message : String(e)}; ignored`,
    );
    return undefined;
  }
}

/** Where the organisation's layer came from, for the session context and `doctor`. */
export interface OrgSource {
  managed?: string;
  bundle?: { version: string; hash: string };
}

/**
 * The organisation's configuration, when there is one: the managed file and
 * the cached bundle combined (each may only tighten the other's profile; both
 * policies apply). `undefined` when neither exists. `dataDir` undefined:
 * no bundle is looked for (embedded mode).
 */
export function orgConfig(
  managedDir: string | undefined,
  dataDir: string | undefined,
  warnings: string[],
  source: OrgSource = {},
): EngineConfig | undefined {
  let org: EngineConfig | undefined;
  if (managedDir) {
    const path = `${managedDir}/policies.json`;
    try {
      const text = readRegularFile(path, POLICY_MAX_BYTES);
      if (text !== undefined) {
        const parsed = parsePolicyFile(text);
        org = parsed.config;
        source.managed = path;
        if (parsed.errors.length > 0) {
          org = { ...org, profile: "strict" };
          for (const e of parsed.errors) {
            warnings.push(
              `managed policy ${path} line ${e.line}: ${e.message} (failing closed: strict profile)`,
            );
          }
        }
      }
    } catch (e) {
      org = { ...DEFAULT_CONFIG, profile: "strict" };
      source.managed = path;
      warnings.push(
        `managed policy ${path} unreadable (${
          e instanceof Error ? e.message : String(e)
        }); failing closed: strict profile`,
      );
    }
  }
  const bundle = dataDir === undefined
    ? undefined
    : cachedBundle(dataDir, warnings);
  if (bundle) {
    const parsed = parsePolicyFile(JSON.stringify(bundle.policy));
    source.bundle = { version: bundle.version, hash: bundle.hash };
    for (const e of parsed.errors) {
      warnings.push(`team policy bundle ${bundle.version}: ${e.message}`);
    }
    org = org ? layerConfig(parsed.config, org).config : parsed.config;
  }
  return org;
}
