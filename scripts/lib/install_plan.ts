/**
 * What `deno task install` would change, reading only: the hook groups for
 * Codex's hooks.json or Claude Code's settings.json, the MCP server table and
 * hook trust in config.toml, the plugin-mode trust block, the managed
 * (organisation-wide) files; and the diff of a plan.
 *
 * @module
 */
import { fileURLToPath } from "node:url";
import {
  HOOK_SCRIPTS,
  hookCommand,
  type HookEventName,
  isHookScriptCommand,
  shellWord,
} from "../../governance/permissions.ts";
import { unifiedDiff } from "./diff.ts";
import {
  type GroupsByEvent,
  type HookGroup,
  isEmptyObject,
  mergeGroups,
  ourGroupIndexes,
  unmergeGroups,
} from "./hooks_json.ts";
import { removeBlock, tomlKey, tomlString, upsertBlock } from "./toml_edit.ts";
import { trustHash, trustKey } from "./trust.ts";
import {
  initialPolicy,
  managedBlock,
  type ManagedOptions,
  withManagedBlock,
  withoutManagedBlock,
} from "./managed.ts";
import {
  installedPluginRoot,
  parsePluginSpec,
  pluginHooksPath,
  pluginTrustEntries,
} from "./plugin_trust.ts";

/** The project's root folder (the one holding deno.json). */
export const PROJECT_ROOT: string = fileURLToPath(
  new URL("../..", import.meta.url),
)
  .replace(/\/$/, "");

/**
 * Matcher used for Claude Code's tool events (its tool names), the same as
 * the README's: anchored, so `Edit` does not also match `NotebookEdit` by
 * accident, and NotebookEdit and WebFetch are named.
 */
export const CLAUDE_MATCHER =
  "^(Bash|Write|Edit|MultiEdit|NotebookEdit|Read|WebFetch|mcp__.+)$";
/**
 * PostToolUse matches every tool, in both agents: any tool's output reaches
 * the model, and a list of names misses some (both CLIs' MCP resource tools,
 * `read_mcp_resource` and `ReadMcpResourceTool`, carried file contents past
 * the named matcher; seen through the real CLIs).
 */
export const POST_MATCHER = "*";
/** Claude Code's event for a failed call, handled by the PostToolUse hook (Codex has none). */
export const CLAUDE_FAILURE_EVENT = "PostToolUseFailure";
/** Every event the plugin installs a hook for, in the order written. */
export const HOOK_EVENTS: readonly HookEventName[] = [
  "PreToolUse",
  "PostToolUse",
  "SessionStart",
  "UserPromptSubmit",
  "PermissionRequest",
];
/** Events that take no matcher (Claude Code ignores one; Codex matches all without one). */
export const MATCHERLESS_EVENTS: ReadonlySet<HookEventName> = new Set([
  "SessionStart",
  "UserPromptSubmit",
]);
/** Fallback Codex matcher when the plugin's hooks/hooks.json is not readable. */
export const CODEX_FALLBACK_MATCHER =
  "^(Bash|exec_command|shell|shell_command|local_shell|apply_patch|Write|Edit|mcp__.*)$";
/** Hook timeout in seconds, when hooks/hooks.json gives none. */
export const DEFAULT_TIMEOUT = 15;
/** Env vars the MCP server (stdio) may read (the same list as the plugin's .mcp.json). */
export const MCP_ENV_VARS: readonly string[] = [
  "AXONFLOW_HOME",
  "HOME",
  "AXONFLOW_PROFILE",
];

/** Everything an install or uninstall run depends on. */
export interface InstallOptions {
  root: string;
  agent: "codex" | "claude-code";
  codexHome: string;
  claudeHome: string;
  dataDir: string;
  endpoint?: string;
  profile?: "standard" | "strict";
  deno: string;
  /** DENO_DIR at install time, passed on to the MCP server (Codex gives MCP servers a reduced environment). */
  denoDir?: string;
  uninstall: boolean;
  /**
   * `NAME@MARKETPLACE` of a plugin installed with `codex plugin add`: record
   * trust for that plugin's own hooks (no hooks.json entries, no MCP table:
   * the plugin brings both) instead of wiring this checkout in directly.
   */
  plugin?: string;
}

/** One file the run would create, change or delete (`after` undefined = delete). */
export interface FileChange {
  path: string;
  before: string | undefined;
  after: string | undefined;
}

/** A hook handler whose trust the run records. */
export interface TrustEntry {
  key: string;
  hash: string;
  event: string;
  matcher: string;
  command: string;
}

/** What a run will do. */
export interface Plan {
  changes: FileChange[];
  trusted: TrustEntry[];
  mode: string;
}

/** The one line that says where decisions and audit go. */
export function modeLine(dataDir: string, endpoint?: string): string {
  return endpoint
    ? `Mode: remote AxonFlow endpoint ${endpoint}`
    : `Mode: embedded (decisions and audit stay on this machine: ${dataDir})`;
}

/** True for a hook group written by this installer (any version, any checkout). */
export function isOurGroup(group: unknown): boolean {
  if (!group || typeof group !== "object") return false;
  const hooks = (group as { hooks?: unknown }).hooks;
  if (!Array.isArray(hooks)) return false;
  return hooks.some((h) => {
    const c = typeof h?.command === "string" ? h.command : "";
    return c.includes("--allow-env=") && isHookScriptCommand(c);
  });
}

async function readText(path: string): Promise<string | undefined> {
  try {
    return await Deno.readTextFile(path);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return undefined;
    throw e;
  }
}

/** Matcher and timeout per event from the plugin's own hooks/hooks.json (kept in one place); `matcher` undefined = none. */
export async function pluginMatchers(
  root: string,
): Promise<
  Record<HookEventName, { matcher?: string; timeout: number }>
> {
  const out = Object.fromEntries(
    HOOK_EVENTS.map((e) => [e, {
      matcher: MATCHERLESS_EVENTS.has(e)
        ? undefined
        : e === "PostToolUse"
        ? POST_MATCHER
        : CODEX_FALLBACK_MATCHER,
      timeout: DEFAULT_TIMEOUT,
    }]),
  ) as Record<HookEventName, { matcher?: string; timeout: number }>;
  const text = await readText(`${root}/hooks/hooks.json`);
  if (!text) return out;
  try {
    const hooks = JSON.parse(text).hooks ?? {};
    for (const event of HOOK_EVENTS) {
      for (const g of hooks[event] ?? []) {
        const h = (g.hooks ?? []).find((x: { command?: string }) =>
          typeof x.command === "string" &&
          x.command.includes(HOOK_SCRIPTS[event])
        );
        if (h) {
          out[event] = {
            matcher: typeof g.matcher === "string" ? g.matcher : undefined,
            timeout: typeof h.timeout === "number"
              ? h.timeout
              : DEFAULT_TIMEOUT,
          };
          break;
        }
      }
    }
  } catch {
    // fall back to the defaults above
  }
  return out;
}

/** The shell command line of one hook: env it needs, then the least-privilege `deno run`. */
export function hookLine(
  opts: Pick<
    InstallOptions,
    "root" | "dataDir" | "endpoint" | "profile" | "deno"
  >,
  event: HookEventName,
): string {
  const env = [`AXONFLOW_HOME=${shellWord(opts.dataDir)}`];
  if (opts.profile) env.push(`AXONFLOW_PROFILE=${shellWord(opts.profile)}`);
  if (opts.endpoint) env.push(`AXONFLOW_ENDPOINT=${shellWord(opts.endpoint)}`);
  return env.join(" ") + " " + hookCommand({
    script: `${opts.root}/${HOOK_SCRIPTS[event]}`,
    dataDir: opts.dataDir,
    endpoint: opts.endpoint,
    deno: opts.deno,
  });
}

/** Our groups for the agent: one per event in {@link HOOK_EVENTS}. */
export async function desiredGroups(
  opts: InstallOptions,
): Promise<GroupsByEvent> {
  const m = await pluginMatchers(opts.root);
  const group = (event: HookEventName): HookGroup => {
    const matcher = MATCHERLESS_EVENTS.has(event)
      ? undefined
      : opts.agent === "claude-code"
      ? (event === "PostToolUse" ? POST_MATCHER : CLAUDE_MATCHER)
      : m[event].matcher;
    return {
      ...(matcher === undefined ? {} : { matcher }),
      hooks: [{
        type: "command",
        command: hookLine(opts, event),
        timeout: m[event].timeout,
      }],
    };
  };
  const groups: GroupsByEvent = Object.fromEntries(
    HOOK_EVENTS.map((e) => [e, [group(e)]]),
  );
  if (opts.agent === "claude-code") {
    // A failed call's output (non-zero exit, an MCP isError result) comes as
    // PostToolUseFailure, which PostToolUse never sees: the same hook warns
    // the model about what was in it and audits the exposure.
    groups[CLAUDE_FAILURE_EVENT] = [group("PostToolUse")];
  }
  return groups;
}

/** The `[mcp_servers.axonflow]` table text. */
export function mcpTable(opts: InstallOptions): string {
  const args = [
    "run",
    "-q",
    "--no-prompt",
    `--config=${opts.root}/deno.json`,
    `--lock=${opts.root}/deno.lock`,
    "--frozen",
    `--allow-env=${MCP_ENV_VARS.join(",")}`,
    `--allow-read=${opts.dataDir}`,
    `--allow-write=${opts.dataDir}`,
    `${opts.root}/mcp/stdio.ts`,
  ];
  const env: string[] = [`AXONFLOW_HOME = ${tomlString(opts.dataDir)}`];
  if (opts.profile) env.push(`AXONFLOW_PROFILE = ${tomlString(opts.profile)}`);
  if (opts.denoDir) env.push(`DENO_DIR = ${tomlString(opts.denoDir)}`);
  return [
    "[mcp_servers.axonflow]",
    `command = ${tomlString(opts.deno)}`,
    `args = [${args.map(tomlString).join(", ")}]`,
    `env = { ${env.join(", ")} }`,
    "",
  ].join("\n");
}

/** The trust entries for our handlers in a merged hooks.json text. */
export function trustEntries(
  hooksText: string,
  hooksPaths: string[],
): TrustEntry[] {
  const parsed = JSON.parse(hooksText).hooks ?? {};
  const idx = ourGroupIndexes(hooksText, isOurGroup);
  const out: TrustEntry[] = [];
  for (const [event, groups] of Object.entries(idx)) {
    for (const g of groups) {
      const group = parsed[event][g] as HookGroup;
      group.hooks.forEach((h, hi) => {
        const hash = trustHash(event, group.matcher, h);
        for (const p of hooksPaths) {
          out.push({
            key: trustKey(p, event, g, hi),
            hash,
            event,
            matcher: group.matcher ?? "",
            command: h.command,
          });
        }
      });
    }
  }
  return out;
}

/** The managed config.toml block body for these trust entries. */
export function tomlBody(opts: InstallOptions, trusted: TrustEntry[]): string {
  const parts = [mcpTable(opts)];
  for (const t of trusted) parts.push(trustTable(t));
  return parts.join("\n");
}

/** The config.toml table that records one handler's trust. */
function trustTable(t: TrustEntry): string {
  return `[hooks.state.${tomlKey(t.key)}]\ntrusted_hash = ${
    tomlString(t.hash)
  }\n`;
}

/** hooks.json with this installer's groups taken out (deleted when nothing else is left). */
function withoutOurGroups(
  hooksPath: string,
  hooksBefore: string | undefined,
): FileChange {
  const h = unmergeGroups(hooksBefore ?? "", isOurGroup, hooksPath);
  return {
    path: hooksPath,
    before: hooksBefore,
    after: hooksBefore === undefined || isEmptyObject(h) ? undefined : h,
  };
}

/** Absolute, normalised path (relative paths are taken from the current directory). */
export function absolute(path: string): string {
  const p = path.startsWith("/") ? path : `${Deno.cwd()}/${path}`;
  const out: string[] = [];
  for (const part of p.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return "/" + out.join("/");
}

async function realOr(path: string): Promise<string> {
  try {
    return await Deno.realPath(path);
  } catch {
    return path;
  }
}

/** Work out every file change of an install or uninstall, reading only. */
export async function planInstall(opts: InstallOptions): Promise<Plan> {
  const mode = modeLine(opts.dataDir, opts.endpoint);
  if (opts.agent === "claude-code") {
    const path = `${opts.claudeHome}/settings.json`;
    const before = await readText(path);
    let after: string | undefined;
    if (opts.uninstall) {
      const t = unmergeGroups(before ?? "", isOurGroup, path);
      after = isEmptyObject(t) ? undefined : t;
      if (before === undefined) after = undefined;
    } else {
      after = mergeGroups(
        before ?? "",
        await desiredGroups(opts),
        isOurGroup,
        path,
      );
    }
    return { changes: [{ path, before, after }], trusted: [], mode };
  }
  const hooksPath = `${opts.codexHome}/hooks.json`;
  const configPath = `${opts.codexHome}/config.toml`;
  const hooksBefore = await readText(hooksPath);
  const configBefore = await readText(configPath);
  if (opts.uninstall) {
    const hooks = withoutOurGroups(hooksPath, hooksBefore);
    const c = removeBlock(configBefore ?? "");
    return {
      changes: [
        hooks,
        {
          path: configPath,
          before: configBefore,
          after: configBefore === undefined || c === "" ? undefined : c,
        },
      ],
      trusted: [],
      mode,
    };
  }
  if (opts.plugin) {
    return await planPluginTrust(opts, hooksBefore, configBefore);
  }
  const hooksAfter = mergeGroups(
    hooksBefore ?? "",
    await desiredGroups(opts),
    isOurGroup,
    hooksPath,
  );
  // Codex 0.169.0 resolves a symlinked CODEX_HOME; seen running: it needs both spellings trusted.
  const real = `${await realOr(opts.codexHome)}/hooks.json`;
  const paths = real === hooksPath ? [hooksPath] : [hooksPath, real];
  const trusted = trustEntries(hooksAfter, paths);
  const owns = [
    ["mcp_servers", "axonflow"],
    ...trusted.map((t) => ["hooks", "state", t.key]),
  ];
  const configAfter = upsertBlock(
    configBefore ?? "",
    tomlBody(opts, trusted),
    owns,
  );
  return {
    changes: [
      { path: hooksPath, before: hooksBefore, after: hooksAfter },
      { path: configPath, before: configBefore, after: configAfter },
    ],
    trusted,
    mode,
  };
}

/**
 * Plugin mode: the managed config.toml block holds only the trust entries of
 * the installed plugin's hooks; hook groups a direct install put into
 * hooks.json are taken out (they would run every hook twice).
 */
async function planPluginTrust(
  opts: InstallOptions,
  hooksBefore: string | undefined,
  configBefore: string | undefined,
): Promise<Plan> {
  const spec = parsePluginSpec(opts.plugin ?? "");
  const root = await installedPluginRoot(opts.codexHome, spec);
  const rel = pluginHooksPath(
    await readText(`${root}/.codex-plugin/plugin.json`),
  );
  const hooksText = await readText(`${root}/${rel}`);
  if (hooksText === undefined) {
    throw new Error(`${root}/${rel} is missing: reinstall the plugin`);
  }
  const trusted = pluginTrustEntries(hooksText, spec, rel);
  const hooksPath = `${opts.codexHome}/hooks.json`;
  const configPath = `${opts.codexHome}/config.toml`;
  const body = trusted.map(trustTable).join("\n");
  return {
    changes: [
      withoutOurGroups(hooksPath, hooksBefore),
      {
        path: configPath,
        before: configBefore,
        after: upsertBlock(
          configBefore ?? "",
          body,
          trusted.map((t) => ["hooks", "state", t.key]),
        ),
      },
    ],
    trusted,
    mode: modeLine(opts.dataDir, opts.endpoint),
  };
}

/** Changes that actually change something. */
export function effective(plan: Plan): FileChange[] {
  return plan.changes.filter((c) => c.before !== c.after);
}

/** The unified diff of every effective change. */
export function planDiff(plan: Plan): string {
  return effective(plan).map((c) =>
    unifiedDiff(
      c.before ?? "",
      c.after ?? "",
      c.before === undefined ? "/dev/null" : c.path,
      c.after === undefined ? "/dev/null" : c.path,
    )
  ).join("");
}

/** Plan a managed install or uninstall: requirements.toml and the organisation's policy file. */
export async function planManaged(
  opts: ManagedOptions,
  uninstall: boolean,
): Promise<Plan> {
  const reqPath = `${opts.systemDir}/requirements.toml`;
  const polPath = `${opts.policyDir}/policies.json`;
  const reqBefore = await readText(reqPath);
  const polBefore = await readText(polPath);
  const initial = initialPolicy(opts.profile);
  const mode = `Mode: managed (every account on this machine; ${
    opts.endpoint ? `decisions by ${opts.endpoint}` : "embedded engine"
  }; organisation policy ${polPath}; audit in each developer's ~/.axonflow)`;
  if (uninstall) {
    return {
      changes: [
        {
          path: reqPath,
          before: reqBefore,
          after: reqBefore === undefined
            ? undefined
            : withoutManagedBlock(reqBefore),
        },
        {
          path: polPath,
          before: polBefore,
          // only what the installer wrote, unchanged, is removed
          after: polBefore === initial ? undefined : polBefore,
        },
      ],
      trusted: [],
      mode,
    };
  }
  return {
    changes: [
      {
        path: reqPath,
        before: reqBefore,
        after: withManagedBlock(reqBefore, managedBlock(opts)),
      },
      { path: polPath, before: polBefore, after: polBefore ?? initial },
    ],
    trusted: [],
    mode,
  };
}
