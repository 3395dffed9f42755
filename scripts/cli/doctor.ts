/**
 * `axonflow doctor`: is Deno new enough, are the hooks installed and trusted
 * (hashes recomputed, stale ones caught), do their permission flags match the
 * configured endpoint, is the audit store writable and its chain valid, is
 * the endpoint reachable and authenticated. One line per check, OK or what to
 * do; non-zero exit on any failure.
 *
 * @module
 */
import { orgChecks } from "./doctor_org.ts";
import { parseArgs } from "node:util";
import { auditPath, AuditStore } from "../../governance/audit/store.ts";
import { callTool, describeOutcome } from "../../governance/remote/axonflow.ts";
import { netTarget } from "../../governance/permissions.ts";
import {
  HOOK_EVENTS,
  hookLine,
  isOurGroup,
  PROJECT_ROOT,
} from "../lib/install_plan.ts";
import { bundleProblems, DIST_DIR } from "../lib/hook_bundle.ts";
import { ourGroupIndexes } from "../lib/hooks_json.ts";
import { tablesAt, trustedHashes } from "../lib/toml_edit.ts";
import { trustHash, trustKey } from "../lib/trust.ts";
import {
  enabledPlugins,
  installedPluginRoot,
  parsePluginSpec,
  pluginHooksPath,
  pluginTrustEntries,
} from "../lib/plugin_trust.ts";
import { dataDir, paint, printJson } from "./common.ts";
import type { Check } from "./doctor_types.ts";
import {
  denoCheck,
  hooksFeatureCheck,
  managedHooksCheck,
  policyFileCheck,
  shellProfileCheck,
} from "./doctor_config.ts";

export type { Check } from "./doctor_types.ts";

const HELP = `Usage: axonflow doctor [--codex-home DIR] [--json]

Checks Deno, the Codex hooks (installed, trusted, permission flags), the MCP server entry,
the audit store (writable, chain valid) and the AxonFlow endpoint (reachable, authenticated).
Exit code 1 when any check fails.
`;

/** Split a shell command line into words (single/double quotes, no expansion). */
export function shellWords(cmd: string): string[] {
  const out: string[] = [];
  let cur = "";
  let has = false;
  let q: string | undefined;
  for (const ch of cmd) {
    if (q) {
      if (ch === q) q = undefined;
      else cur += ch;
    } else if (ch === "'" || ch === '"') {
      q = ch;
      has = true;
    } else if (ch === " " || ch === "\t") {
      if (has || cur) out.push(cur);
      cur = "";
      has = false;
    } else cur += ch;
  }
  if (has || cur) out.push(cur);
  return out;
}

/** What a hook command line says: env prefix, deno path, flags, script. */
export function parseHookCommand(cmd: string): {
  env: Record<string, string>;
  deno: string;
  flags: string[];
  script: string;
} {
  const words = shellWords(cmd);
  const env: Record<string, string> = {};
  while (words.length && /^[A-Z_][A-Z0-9_]{0,64}=/.test(words[0])) {
    const w = words.shift()!;
    const eq = w.indexOf("=");
    env[w.slice(0, eq)] = w.slice(eq + 1);
  }
  const deno = words.shift() ?? "";
  if (words[0] === "run") words.shift();
  const script = words.pop() ?? "";
  return { env, deno, flags: words, script };
}

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Where doctor looks besides the Codex home (tests point these at temporary folders). */
export interface DoctorOptions {
  /** Codex's system folder (managed requirements); default `/etc/codex`. */
  systemDir?: string;
  /** The user's home (shell start-up files); default $HOME. */
  home?: string;
  /** The PATH hooks run with; default this process's PATH. */
  path?: string;
}

/** Run every check. */
export async function runChecks(
  codexHome: string,
  opts: DoctorOptions = {},
): Promise<Check[]> {
  const checks: Check[] = [];
  const add = (c: Check) => checks.push(c);
  const major = Number(Deno.version.deno.split(".")[0]);
  add({
    name: "deno",
    ok: major >= 2,
    detail: `Deno ${Deno.version.deno}`,
    fix: "install Deno 2: npm install -g deno (or Deno's own installer)",
  });
  const bundle = await bundleProblems(PROJECT_ROOT, Deno.execPath()).catch((
    e,
  ) => [
    `cannot check the hook bundles: ${e instanceof Error ? e.message : e}`,
  ]);
  add({
    name: "hook bundles",
    ok: bundle.length === 0,
    detail: bundle.length === 0
      ? `${DIST_DIR}/ matches its sources`
      : bundle.join("; "),
    fix: "run: deno task build (then deno task install)",
  });

  const hooksPath = `${codexHome}/hooks.json`;
  const configPath = `${codexHome}/config.toml`;
  let hooksText = "";
  let configText = "";
  try {
    hooksText = await Deno.readTextFile(hooksPath);
  } catch { /* missing */ }
  try {
    configText = await Deno.readTextFile(configPath);
  } catch { /* missing */ }
  let parsed: Record<
    string,
    {
      matcher?: string;
      hooks: { type: "command"; command: string; timeout?: number }[];
    }[]
  > = {};
  try {
    parsed = hooksText ? JSON.parse(hooksText).hooks ?? {} : {};
  } catch {
    add({
      name: "hooks.json",
      ok: false,
      detail: `${hooksPath} is not valid JSON`,
      fix: "fix the file (a backup is next to it), then deno task install",
    });
  }
  const idx = hooksText
    ? (() => {
      try {
        return ourGroupIndexes(hooksText, isOurGroup);
      } catch {
        return {};
      }
    })()
    : {};
  const envEndpoint = Deno.env.get("AXONFLOW_ENDPOINT") || undefined;
  let endpoint = envEndpoint;
  add(policyFileCheck(dataDir()));
  add(hooksFeatureCheck(codexHome));
  add(shellProfileCheck(opts.home ?? Deno.env.get("HOME") ?? "/"));
  add(
    managedHooksCheck(
      opts.systemDir ?? "/etc/codex",
      (text) => /\/hooks\/(?:dist\/)?pre_tool_use\.(?:js|ts)\b/.test(text),
    ),
  );
  // Installed with codex plugin add: the plugin's own hooks, trusted by key NAME@MARKETPLACE:…
  const plugins = enabledPlugins(configText, "axonflow-governance");
  const stored = trustedHashes(configText);
  for (const spec of plugins) {
    let entries: ReturnType<typeof pluginTrustEntries> = [];
    try {
      const root = await installedPluginRoot(codexHome, parsePluginSpec(spec));
      let manifest: string | undefined;
      try {
        manifest = await Deno.readTextFile(`${root}/.codex-plugin/plugin.json`);
      } catch { /* default path */ }
      const rel = pluginHooksPath(manifest);
      entries = pluginTrustEntries(
        await Deno.readTextFile(`${root}/${rel}`),
        parsePluginSpec(spec),
        rel,
      );
    } catch (e) {
      add({
        name: `plugin ${spec}`,
        ok: false,
        detail: (e as Error).message.split("\n")[0],
        fix: `run: codex plugin add ${spec}`,
      });
      continue;
    }
    const bad = entries.filter((t) => stored.get(t.key) !== t.hash);
    add({
      name: `plugin ${spec} trust`,
      ok: bad.length === 0,
      detail: bad.length === 0
        ? `${entries.length} hook handlers of the installed plugin trusted`
        : `${bad.length} of ${entries.length} hook handlers not trusted (Codex skips them silently): ${
          bad.map((t) => t.key).join(", ")
        }`,
      fix: `run: deno task install --plugin ${spec}`,
    });
  }
  for (const event of HOOK_EVENTS) {
    const groups = idx[event] ?? [];
    if (!groups.length && plugins.length) continue;
    if (!groups.length) {
      add({
        name: `${event} hook`,
        ok: false,
        detail: `not installed in ${hooksPath}`,
        fix: "run: deno task install",
      });
      continue;
    }
    const g = groups[0];
    const group = parsed[event][g];
    const handler = group.hooks[0];
    const cmd = parseHookCommand(handler.command);
    const scriptOk = await exists(cmd.script);
    add(denoCheck(event, cmd.deno, opts.path ?? Deno.env.get("PATH")));
    add({
      name: `${event} hook`,
      ok: scriptOk,
      detail: scriptOk
        ? `installed (group ${g}): ${cmd.script}`
        : `script missing: ${cmd.script}`,
      fix:
        "the checkout moved or was deleted: run deno task install from the project",
    });
    const hash = trustHash(event, group.matcher, handler);
    const stored = trustedHashes(configText);
    const keys = [trustKey(hooksPath, event, g, 0)];
    try {
      const real = `${await Deno.realPath(codexHome)}/hooks.json`;
      if (real !== hooksPath) keys.push(trustKey(real, event, g, 0));
    } catch { /* keep the one key */ }
    const have = keys.map((k) => stored.get(k));
    const trusted = have.every((h) => h === hash);
    add({
      name: `${event} trust`,
      ok: trusted,
      detail: trusted
        ? `trusted: [hooks.state."${keys[0]}"] matches the hook (${
          hash.slice(0, 19)
        }…)`
        : have.some((h) => h)
        ? `stale: the stored trusted_hash no longer matches the hook (Codex skips it silently)`
        : `not trusted: no [hooks.state."${
          keys[0]
        }"] in ${configPath} (Codex skips it silently)`,
      fix:
        "run: deno task install (it records trust), or review and trust it with /hooks in Codex",
    });
    const baked = cmd.env.AXONFLOW_ENDPOINT || undefined;
    if (baked) endpoint = baked;
    const dir = cmd.env.AXONFLOW_HOME ?? dataDir();
    const want = hookLine(
      {
        root: PROJECT_ROOT,
        dataDir: dir,
        endpoint: baked,
        profile: cmd.env.AXONFLOW_PROFILE as "standard" | "strict" | undefined,
        deno: cmd.deno,
      },
      event,
    );
    const netFlag = cmd.flags.find((f) => f.startsWith("--allow-net"));
    const flagsMatch =
      parseHookCommand(want).flags.join(" ") === cmd.flags.join(" ");
    let detail = `least-privilege flags${
      netFlag ? ` (${netFlag})` : " (no network: embedded)"
    }`;
    let ok = flagsMatch;
    if (envEndpoint && envEndpoint !== baked) {
      ok = false;
      detail =
        `AXONFLOW_ENDPOINT=${envEndpoint} is set but the hook was installed for ${
          baked ?? "embedded mode"
        }` +
        (netFlag ? ` (${netFlag})` : " (no --allow-net)");
    } else if (!flagsMatch) {
      detail = `permission flags differ from what this version installs: ${
        cmd.flags.join(" ")
      }`;
    }
    add({
      name: `${event} permissions`,
      ok,
      detail,
      fix:
        "re-run: deno task install (with --endpoint URL for a remote endpoint)",
    });
  }

  const mcp = tablesAt(configText, ["mcp_servers", "axonflow"]);
  add({
    name: "MCP server",
    ok: mcp.length === 1 || plugins.length > 0,
    detail: mcp.length === 1
      ? `[mcp_servers.axonflow] in ${configPath}`
      : plugins.length
      ? `from the plugin's .mcp.json (${plugins.join(", ")})`
      : `no [mcp_servers.axonflow] in ${configPath}`,
    fix: "run: deno task install",
  });

  const dir = dataDir();
  try {
    await Deno.mkdir(dir, { recursive: true });
    const probe = `${dir}/.doctor-${Deno.pid}`;
    await Deno.writeTextFile(probe, "ok");
    await Deno.remove(probe);
    const store = AuditStore.open(auditPath(dir));
    try {
      const v = store.verify();
      add({
        name: "audit store",
        ok: v.ok,
        detail: v.ok
          ? `writable, chain valid (${v.checked} events): ${auditPath(dir)}`
          : `${
            v.brokenAt === undefined
              ? "not intact"
              : `chain broken at event ${v.brokenAt}`
          }: ${(v.problems ?? [v.message ?? ""]).join("; ")}`,
        fix:
          "the trail was edited outside the plugin: keep the file as evidence (axonflow audit export), then move it aside",
      });
    } finally {
      store.close();
    }
  } catch (e) {
    add({
      name: "audit store",
      ok: false,
      detail: `cannot write ${dir}: ${(e as Error).message}`,
      fix:
        `make ${dir} writable, or set AXONFLOW_HOME to a writable folder and re-run deno task install`,
    });
  }

  if (!endpoint) {
    add({
      name: "endpoint",
      ok: true,
      detail: "none configured: embedded mode, nothing leaves this machine",
    });
  } else {
    let target = "";
    try {
      target = netTarget(endpoint);
    } catch { /* reported below */ }
    const timeoutMs = 1000 *
      Number(Deno.env.get("AXONFLOW_TIMEOUT_SECONDS") || 3);
    const o = await callTool(
      { endpoint, auth: Deno.env.get("AXONFLOW_AUTH") || undefined, timeoutMs },
      "list_policies",
      {},
    );
    const ok = o.kind === "ok";
    add({
      name: "endpoint",
      ok,
      detail: ok
        ? `${endpoint} reachable and authenticated (list_policies answered)`
        : `${endpoint} (${target}): ${describeOutcome(o)}`,
      fix: o.kind === "rpcError" && o.code === -32001
        ? "authentication failed: set AXONFLOW_AUTH to base64 of client_id:secret"
        : "start the server (deno task serve) or check the URL, then re-run",
    });
  }
  const systemDir = Deno.env.get("AXONFLOW_CODEX_SYSTEM_DIR") || "/etc/codex";
  for (const c of await orgChecks(systemDir, dir, endpoint)) add(c);
  return checks;
}

/** `axonflow doctor`. */
export async function runDoctor(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      "codex-home": { type: "string" },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const codexHome = values["codex-home"] ??
    (Deno.env.get("CODEX_HOME") || `${Deno.env.get("HOME") ?? ""}/.codex`);
  const checks = await runChecks(codexHome);
  const ok = checks.every((c) => c.ok);
  if (values.json) printJson({ ok, checks });
  else {
    const c = paint();
    for (const ch of checks) {
      console.log(
        `${ch.ok ? c.green("OK  ") : c.red("FAIL")}  ${
          ch.name.padEnd(24)
        } ${ch.detail}`,
      );
      if (!ch.ok && ch.fix) {
        console.log(`      ${"".padEnd(24)} ${c.yellow("→ " + ch.fix)}`);
      }
    }
    console.log(
      ok
        ? "\nAll checks passed."
        : `\n${checks.filter((x) => !x.ok).length} check(s) failed.`,
    );
  }
  return ok ? 0 : 1;
}
