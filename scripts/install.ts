/**
 * `deno task install`: cache every dependency, then wire the plugin into the
 * user's Codex home (hooks.json + config.toml: MCP server and hook trust) or
 * Claude Code's settings.json. Idempotent, backs up before changing a file,
 * `--dry-run` shows a diff, `--uninstall` removes exactly what was added.
 *
 * @module
 */
import { parseArgs } from "node:util";
import {
  CODEX_SYSTEM_DIR,
  MANAGED_POLICY_DIR,
  ManagedMergeError,
  type ManagedOptions,
} from "./lib/managed.ts";
import { installedPluginRoot, parsePluginSpec } from "./lib/plugin_trust.ts";
import { applyPlan } from "./lib/install_apply.ts";
import { cacheDependencies } from "./lib/install_cache.ts";
import {
  absolute,
  CLAUDE_MATCHER,
  effective,
  type InstallOptions,
  type Plan,
  planDiff,
  planInstall,
  planManaged,
  pluginMatchers,
  PROJECT_ROOT,
} from "./lib/install_plan.ts";

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
        `Claude Code hooks in ${opts.claudeHome}/settings.json: PreToolUse and PermissionRequest (matcher ${CLAUDE_MATCHER}), PostToolUse and PostToolUseFailure (every tool), SessionStart, UserPromptSubmit`,
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
