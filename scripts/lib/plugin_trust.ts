/**
 * Trust for the hooks of a plugin installed with Codex's own commands
 * (`codex plugin marketplace add` + `codex plugin add NAME@MARKETPLACE`).
 *
 * Codex 0.169.0 copies the plugin to
 * `$CODEX_HOME/plugins/cache/<marketplace>/<name>/<version>/` and runs its
 * hooks only once `[hooks.state."<key>"] trusted_hash` is recorded, with
 * key `NAME@MARKETPLACE:hooks/hooks.json:<event>:<group>:<handler>` and the
 * hash taken over the command as written in the plugin's hooks.json (the
 * literal `${PLUGIN_ROOT}`, before Codex expands it).
 *
 * @module
 */
import { EVENT_KEYS, type HookHandler, trustHash } from "./trust.ts";

/** The snake_case event name of a trust key (`PreToolUse` → `pre_tool_use`). */
export function snakeEvent(event: string): string {
  return EVENT_KEYS[event] ??
    event.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
}

/** A plugin spec `NAME@MARKETPLACE`, split. */
export interface PluginSpec {
  name: string;
  marketplace: string;
}

/** One handler of a plugin's hooks.json with its trust key and hash. */
export interface PluginTrust {
  key: string;
  hash: string;
  event: string;
  matcher: string;
  command: string;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Parse `NAME@MARKETPLACE`; throws with a clear message otherwise. */
export function parsePluginSpec(spec: string): PluginSpec {
  const at = spec.lastIndexOf("@");
  const name = spec.slice(0, at);
  const marketplace = spec.slice(at + 1);
  if (at <= 0 || !NAME.test(name) || !NAME.test(marketplace)) {
    throw new Error(
      `--plugin wants NAME@MARKETPLACE as given to codex plugin add (for example axonflow-governance@axonflow), not ${
        JSON.stringify(spec)
      }`,
    );
  }
  return { name, marketplace };
}

/** Version folders compared as dotted numbers (`0.10.0` after `0.9.1`), text last. */
function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/);
  const pb = b.split(/[.-]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? "";
    const y = pb[i] ?? "";
    const nx = /^\d+$/.test(x) ? Number(x) : NaN;
    const ny = /^\d+$/.test(y) ? Number(y) : NaN;
    if (!Number.isNaN(nx) && !Number.isNaN(ny) && nx !== ny) return nx - ny;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/**
 * The folder Codex installed the plugin into (the highest version when
 * several are cached). Throws, naming the commands to run, when absent.
 */
export async function installedPluginRoot(
  codexHome: string,
  spec: PluginSpec,
): Promise<string> {
  const dir = `${codexHome}/plugins/cache/${spec.marketplace}/${spec.name}`;
  const versions: string[] = [];
  try {
    for await (const e of Deno.readDir(dir)) {
      if (e.isDirectory) versions.push(e.name);
    }
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
  }
  if (!versions.length) {
    throw new Error(
      `plugin ${spec.name}@${spec.marketplace} is not installed in ${codexHome} (no ${dir}); run first:\n` +
        `  codex plugin marketplace add <path of this repository>\n` +
        `  codex plugin add ${spec.name}@${spec.marketplace}`,
    );
  }
  versions.sort(compareVersions);
  return `${dir}/${versions[versions.length - 1]}`;
}

/** The hooks file a plugin declares in `.codex-plugin/plugin.json` (default `hooks/hooks.json`). */
export function pluginHooksPath(manifestText: string | undefined): string {
  if (!manifestText) return "hooks/hooks.json";
  try {
    const hooks = JSON.parse(manifestText).hooks;
    if (typeof hooks === "string" && hooks.startsWith("./")) {
      return hooks.slice(2);
    }
  } catch {
    // a broken manifest: Codex falls back to the default too
  }
  return "hooks/hooks.json";
}

/** Trust entries for every command handler of a plugin's hooks.json text. */
export function pluginTrustEntries(
  hooksText: string,
  spec: PluginSpec,
  hooksPath = "hooks/hooks.json",
): PluginTrust[] {
  const doc = JSON.parse(hooksText);
  const events = doc?.hooks ?? {};
  const out: PluginTrust[] = [];
  for (const [event, groups] of Object.entries(events)) {
    if (!Array.isArray(groups)) continue;
    groups.forEach((group: { matcher?: string; hooks?: HookHandler[] }, g) => {
      (group.hooks ?? []).forEach((h, hi) => {
        if (h.type !== "command" || typeof h.command !== "string") return;
        out.push({
          key: `${spec.name}@${spec.marketplace}:${hooksPath}:${
            snakeEvent(event)
          }:${g}:${hi}`,
          hash: trustHash(snakeEvent(event), group.matcher, h),
          event,
          matcher: group.matcher ?? "",
          command: h.command,
        });
      });
    });
  }
  return out;
}

/** `NAME@MARKETPLACE` of each `[plugins."…"]` table of a config.toml whose plugin name is `name`. */
export function enabledPlugins(configText: string, name: string): string[] {
  const out: string[] = [];
  const re =
    /^\[plugins\."([A-Za-z0-9._-]{1,128}@[A-Za-z0-9._-]{1,128})"\][ \t]*$/gm;
  for (const m of configText.matchAll(re)) {
    if (m[1].startsWith(`${name}@`)) out.push(m[1]);
  }
  return out;
}
