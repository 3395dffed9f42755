/**
 * `deno task install`: cache every dependency, then wire the plugin into the
 * user's Codex home (hooks.json + config.toml: MCP server and hook trust) or
 * Claude Code's settings.json. Idempotent, backs up before changing a file,
 * `--dry-run` shows a diff, `--uninstall` removes exactly what was added.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import {
  HOOK_SCRIPTS,
  hookArgs,
  hookCommand,
  type HookEventName,
  isHookScriptCommand,
  shellWord,
} from "../governance/permissions.ts";
import { backupFile } from "./lib/backup.ts";
import { unifiedDiff } from "./lib/diff.ts";
import {
  type GroupsByEvent,
  type HookGroup,
  isEmptyObject,
  mergeGroups,
  ourGroupIndexes,
  unmergeGroups,
} from "./lib/hooks_json.ts";
import {
  removeBlock,
  tomlKey,
  tomlString,
  upsertBlock,
} from "./lib/toml_edit.ts";
import { trustHash, trustKey } from "./lib/trust.ts";
import {
  CODEX_SYSTEM_DIR,
  initialPolicy,
  MANAGED_POLICY_DIR,
  managedBlock,
  ManagedMergeError,
  type ManagedOptions,
  withManagedBlock,
  withoutManagedBlock,
} from "./lib/managed.ts";
import {
  installedPluginRoot,
  parsePluginSpec,
  pluginHooksPath,
  pluginTrustEntries,
} from "./lib/plugin_trust.ts";

/** The project's root folder (the one holding deno.json). */
export const PROJECT_ROOT: string = fileURLToPath(
  new URL("..", import.meta.url),
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
  return Object.fromEntries(HOOK_EVENTS.map((e) => [e, [group(e)]]));
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
  for (const t of trusted) {
    parts.push(
      `[hooks.state.${tomlKey(t.key)}]\ntrusted_hash = ${tomlString(t.hash)}\n`,
    );
  }
  return parts.join("\n");
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
    const h = unmergeGroups(hooksBefore ?? "", isOurGroup, hooksPath);
    const c = removeBlock(configBefore ?? "");
    return {
      changes: [
        {
          path: hooksPath,
          before: hooksBefore,
          after: hooksBefore === undefined || isEmptyObject(h) ? undefined : h,
        },
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
  const h = unmergeGroups(hooksBefore ?? "", isOurGroup, hooksPath);
  const body = trusted.map((t) =>
    `[hooks.state.${tomlKey(t.key)}]\ntrusted_hash = ${tomlString(t.hash)}\n`
  ).join("\n");
  return {
    changes: [
      {
        path: hooksPath,
        before: hooksBefore,
        after: hooksBefore === undefined || isEmptyObject(h) ? undefined : h,
      },
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

async function writeAtomic(path: string, text: string): Promise<void> {
  let mode: number | undefined;
  try {
    mode = (await Deno.stat(path)).mode ?? undefined;
  } catch {
    mode = undefined;
  }
  const tmp = `${path}.axonflow-tmp-${Deno.pid}`;
  await Deno.writeTextFile(tmp, text, { mode: mode ?? 0o644 });
  if (mode !== undefined) await Deno.chmod(tmp, mode & 0o7777);
  await Deno.rename(tmp, path);
}

/** Apply the plan: backup each file that changes, then write or delete it. Returns the backups made. */
export async function applyPlan(
  plan: Plan,
  now = new Date(),
): Promise<{ path: string; backup?: string }[]> {
  const done: { path: string; backup?: string }[] = [];
  for (const c of effective(plan)) {
    const dir = c.path.slice(0, c.path.lastIndexOf("/"));
    await Deno.mkdir(dir, { recursive: true });
    const backup = await backupFile(c.path, now);
    if (c.after === undefined) await Deno.remove(c.path);
    else await writeAtomic(c.path, c.after);
    done.push({ path: c.path, backup });
  }
  return done;
}

/** Entry points whose dependencies get cached up front (the hooks are warmed instead: see {@link cacheDependencies}). */
export async function cacheTargets(
  root: string,
): Promise<{ hooks: string[]; others: string[] }> {
  const list = async (dir: string, pred: (n: string) => boolean) => {
    const out: string[] = [];
    try {
      for await (const e of Deno.readDir(`${root}/${dir}`)) {
        if (e.isFile && pred(e.name)) out.push(`${root}/${dir}/${e.name}`);
      }
    } catch {
      // folder not there yet
    }
    return out.sort();
  };
  const ts = (n: string) =>
    n.endsWith(".ts") && !n.endsWith("_test.ts") && !n.endsWith("_bench.ts");
  return {
    hooks: Object.values(HOOK_SCRIPTS).map((s) => `${root}/${s}`),
    others: [
      ...(await list("mcp", (n) => n === "stdio.ts" || n === "serve.ts")),
      ...(await list("scripts", ts)),
    ],
  };
}

/**
 * Cache every dependency, reporting progress. The hook bundles import nothing
 * from outside, so instead each one is run once, exactly as Codex will run it,
 * with an empty event (which allows and writes nothing): Deno keeps the
 * compiled code, so the first real tool call does not pay for compiling it.
 */
export async function cacheDependencies(
  root: string,
  deno: string,
  dataDir: string,
  progress: (msg: string) => void,
): Promise<void> {
  const { hooks, others } = await cacheTargets(root);
  const steps: {
    label: string;
    args: string[];
    env?: Record<string, string>;
  }[] = hooks.map((script) => ({
    label: `warming ${script.slice(root.length + 1)}`,
    args: hookArgs({ script, dataDir, deno }).slice(1),
    env: { AXONFLOW_HOME: dataDir },
  }));
  if (others.length) {
    steps.push({
      label: `MCP server and scripts (${others.length} files)`,
      args: [
        "install",
        "-q",
        `--config=${root}/deno.json`,
        `--lock=${root}/deno.lock`,
        "--frozen",
        "--entrypoint",
        ...others,
      ],
    });
  }
  let n = 0;
  for (const s of steps) {
    n++;
    progress(`Caching dependencies [${n}/${steps.length}]: ${s.label}...`);
    const out = await new Deno.Command(deno, {
      args: s.args,
      cwd: root,
      env: s.env,
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
    }).output();
    if (!out.success) {
      throw new Error(
        `${s.label} failed:\n${new TextDecoder().decode(out.stderr).trim()}`,
      );
    }
  }
}

const HELP = `Usage: deno task install [options]

Wire the AxonFlow governance plugin into Codex (or Claude Code).

Options:
  --agent codex|claude-code  which agent to wire (default codex)
  --codex-home DIR           Codex home (default $CODEX_HOME or ~/.codex)
  --claude-home DIR          Claude Code config folder (default $CLAUDE_CONFIG_DIR, else ~/.claude)
  --endpoint URL             remote AxonFlow endpoint (default $AXONFLOW_ENDPOINT; none = embedded)
  --profile standard|strict  policy profile for the hooks and MCP server
  --plugin NAME@MARKETPLACE  trust the hooks of the plugin installed with
                             codex plugin add (e.g. axonflow-governance@axonflow)
                             instead of wiring this checkout in directly
  --dry-run                  print the diff, write nothing
  --uninstall                remove exactly what install added
  --skip-cache               do not cache dependencies first
  --yes                      do not ask for confirmation
  --json                     machine-readable result on stdout
  --managed                  organisation-wide, as root: hooks in Codex's managed
                             requirements (no trust needed; [features] hooks = true
                             wins over a user's hooks = false) and a policy file
                             developers cannot change (theirs can only tighten it)
  --codex-system-dir DIR     where requirements.toml goes (default /etc/codex)
  --managed-dir DIR          the organisation's policy folder (default /etc/axonflow)
  --managed-only             also set allow_managed_hooks_only (skip every other hook)
  -h, --help                 this help
`;

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

/** Run the installer with command-line arguments; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const args = argv[0] === "--" ? argv.slice(1) : argv;
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        agent: { type: "string", default: "codex" },
        "codex-home": { type: "string" },
        "claude-home": { type: "string" },
        endpoint: { type: "string" },
        profile: { type: "string" },
        plugin: { type: "string" },
        "dry-run": { type: "boolean", default: false },
        uninstall: { type: "boolean", default: false },
        "skip-cache": { type: "boolean", default: false },
        yes: { type: "boolean", short: "y", default: false },
        json: { type: "boolean", default: false },
        managed: { type: "boolean", default: false },
        "codex-system-dir": { type: "string" },
        "managed-dir": { type: "string" },
        "managed-only": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (values.agent !== "codex" && values.agent !== "claude-code") {
    console.error(`--agent must be codex or claude-code, not ${values.agent}`);
    return 2;
  }
  if (
    values.profile && values.profile !== "standard" &&
    values.profile !== "strict"
  ) {
    console.error(
      `--profile must be standard or strict, not ${values.profile}`,
    );
    return 2;
  }
  if (values.plugin !== undefined) {
    try {
      parsePluginSpec(values.plugin);
    } catch (e) {
      console.error((e as Error).message);
      return 2;
    }
    if (values.agent !== "codex" || values.endpoint || values.profile) {
      console.error(
        "--plugin trusts the hooks exactly as the plugin ships them: it goes with the codex agent only, and takes no " +
          '--endpoint or --profile (set "profile" in policies.json; a remote endpoint needs the direct install)',
      );
      return 2;
    }
  }
  const home = Deno.env.get("HOME") ?? "/";
  const endpoint = values.plugin !== undefined ? undefined : values.endpoint ??
    (Deno.env.get("AXONFLOW_ENDPOINT") || undefined);
  if (endpoint) {
    try {
      const u = new URL(endpoint);
      if (u.protocol !== "http:" && u.protocol !== "https:") {
        throw new Error("not http(s)");
      }
    } catch {
      console.error(`--endpoint must be an http(s) URL, not ${endpoint}`);
      return 2;
    }
  }
  if (values.managed) {
    return await managedMain(values, endpoint);
  }
  const opts: InstallOptions = {
    root: PROJECT_ROOT,
    agent: values.agent,
    codexHome: absolute(
      values["codex-home"] ?? (Deno.env.get("CODEX_HOME") || `${home}/.codex`),
    ),
    claudeHome: absolute(
      values["claude-home"] ??
        (Deno.env.get("CLAUDE_CONFIG_DIR") || `${home}/.claude`),
    ),
    dataDir: absolute(Deno.env.get("AXONFLOW_HOME") || `${home}/.axonflow`),
    endpoint,
    profile: values.profile as InstallOptions["profile"],
    deno: Deno.execPath(),
    denoDir: Deno.env.get("DENO_DIR") || undefined,
    uninstall: values.uninstall,
    plugin: values.plugin,
  };
  const say = (s: string) => {
    if (!values.json) console.log(s);
  };
  const progress = (s: string) => console.error(s);
  try {
    if (!values.uninstall && !values["dry-run"] && !values["skip-cache"]) {
      const root = opts.plugin
        ? await installedPluginRoot(
          opts.codexHome,
          parsePluginSpec(opts.plugin),
        )
        : opts.root;
      await cacheDependencies(root, opts.deno, opts.dataDir, progress);
    }
    const plan = await planInstall(opts);
    const changes = effective(plan);
    if (values["dry-run"]) {
      if (values.json) {
        console.log(
          JSON.stringify(
            {
              dryRun: true,
              mode: plan.mode,
              diff: planDiff(plan),
              trusted: plan.trusted,
            },
            null,
            2,
          ),
        );
      } else {
        say(changes.length ? planDiff(plan) : "Nothing to change.");
        say(plan.mode);
      }
      return 0;
    }
    if (
      changes.length && !values.yes && !values.json && Deno.stdin.isTerminal()
    ) {
      console.log(planDiff(plan));
      if (!confirm("Apply these changes?")) {
        console.log("Not applied: you answered no, so nothing was changed.");
        return 1;
      }
    }
    if (!values.uninstall && opts.agent === "codex") {
      await Deno.mkdir(opts.dataDir, { recursive: true });
    }
    const done = await applyPlan(plan);
    if (values.json) {
      console.log(JSON.stringify(
        {
          action: values.uninstall ? "uninstall" : "install",
          agent: opts.agent,
          mode: plan.mode,
          endpoint: opts.endpoint ?? null,
          dataDir: opts.dataDir,
          changed: done.length > 0,
          files: done,
          trusted: plan.trusted,
        },
        null,
        2,
      ));
      return 0;
    }
    if (!done.length) {
      say(
        "Nothing to change: already " +
          (values.uninstall ? "uninstalled." : "installed."),
      );
    }
    for (const d of done) {
      const c = plan.changes.find((x) => x.path === d.path)!;
      const verb = c.after === undefined
        ? "Removed"
        : c.before === undefined
        ? "Created"
        : "Updated";
      say(`${verb} ${d.path}${d.backup ? ` (backup: ${d.backup})` : ""}`);
    }
    if (!values.uninstall && opts.agent === "codex") {
      const mine = plan.trusted.filter((t, i, a) =>
        a.findIndex((x) => x.hash === t.hash) === i
      );
      say(
        `Trusted ${mine.length} hook handlers (Codex skips untrusted hooks silently):`,
      );
      for (const t of plan.trusted) {
        say(`  [hooks.state."${t.key}"] = ${t.hash}`);
      }
      for (const t of mine) {
        say(`  ${t.event} (matcher ${t.matcher}): ${t.command}`);
      }
      say(
        `Review: the block between "# >>> axonflow-governance" and "# <<< axonflow-governance" in ${opts.codexHome}/config.toml,`,
      );
      say(
        opts.plugin
          ? `the hooks of plugin ${opts.plugin} (${opts.codexHome}/plugins/cache/…/hooks/hooks.json); re-run this after codex plugin add installs a new version`
          : `the hooks in ${opts.codexHome}/hooks.json, and run: deno task axonflow doctor`,
      );
    }
    if (!values.uninstall && opts.agent === "claude-code") {
      say(
        `Claude Code hooks in ${opts.claudeHome}/settings.json: PreToolUse and PermissionRequest (matcher ${CLAUDE_MATCHER}), PostToolUse (every tool), SessionStart, UserPromptSubmit`,
      );
    }
    say(plan.mode);
    return 0;
  } catch (e) {
    console.error(`install failed: ${(e as Error).message}`);
    return 1;
  }
}

async function managedMain(
  values: {
    "codex-system-dir"?: string;
    "managed-dir"?: string;
    "managed-only"?: boolean;
    profile?: string;
    uninstall?: boolean;
    "dry-run"?: boolean;
    yes?: boolean;
    json?: boolean;
  },
  endpoint: string | undefined,
): Promise<number> {
  if (!values["codex-system-dir"] && Deno.uid() !== 0) {
    console.error(
      "--managed writes /etc/codex and /etc/axonflow: run it as root (or give --codex-system-dir and --managed-dir to stage the files for a package)",
    );
    return 2;
  }
  const m = await pluginMatchers(PROJECT_ROOT);
  const opts: ManagedOptions = {
    root: PROJECT_ROOT,
    deno: Deno.execPath(),
    systemDir: absolute(values["codex-system-dir"] ?? CODEX_SYSTEM_DIR),
    policyDir: absolute(values["managed-dir"] ?? MANAGED_POLICY_DIR),
    managedOnly: values["managed-only"] === true,
    endpoint,
    profile: values.profile as ManagedOptions["profile"],
    events: m,
  };
  let plan: Plan;
  try {
    plan = await planManaged(opts, values.uninstall === true);
  } catch (e) {
    if (e instanceof ManagedMergeError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  }
  const changes = effective(plan);
  if (values["dry-run"]) {
    console.log(changes.length ? planDiff(plan) : "Nothing to change.");
    console.log(plan.mode);
    return 0;
  }
  if (
    changes.length && !values.yes && !values.json && Deno.stdin.isTerminal()
  ) {
    console.log(planDiff(plan));
    if (!confirm("Apply these changes?")) {
      console.log("Nothing changed.");
      return 1;
    }
  }
  const done = await applyPlan(plan);
  // The organisation's files: readable by every account, writable by root only.
  if (values.uninstall !== true) {
    await Deno.chmod(opts.policyDir, 0o755);
    for (const c of plan.changes) {
      if (c.after !== undefined) await Deno.chmod(c.path, 0o644);
    }
  } else {
    try {
      await Deno.remove(opts.policyDir); // only when empty
    } catch {
      // not empty or not there: left as it is
    }
  }
  if (values.json) {
    console.log(JSON.stringify(
      {
        action: values.uninstall ? "uninstall" : "install",
        managed: true,
        mode: plan.mode,
        files: done,
      },
      null,
      2,
    ));
    return 0;
  }
  if (!done.length) console.log("Nothing to change.");
  for (const d of done) {
    console.log(
      `${values.uninstall ? "Updated" : "Wrote"} ${d.path}${
        d.backup ? ` (backup: ${d.backup})` : ""
      }`,
    );
  }
  console.log(plan.mode);
  return 0;
}

if (import.meta.main) Deno.exit(await main(Deno.args));
