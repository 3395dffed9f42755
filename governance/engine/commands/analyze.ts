/**
 * Entry point of command analysis: parses a shell command like a shell,
 * walks it, and runs every analyzer; also judges single paths (file tools)
 * and URLs (fetch tools), and re-exports the apply_patch judge.
 *
 * @example
 * ```ts
 * const a = analyzeCommand("cd ~ && rm -rf .", { cwd: "/home/u/p", home: "/home/u", profile: "standard" });
 * a.matches[0].policyId; // "sys_dangerous_rm_home"
 * ```
 *
 * @module
 */

import { analyzeStoreWipe } from "./store_wipe.ts";
import { analyzeCopiedProgram, trackProgramCopy } from "./program_copies.ts";
import { REMOTE_RUNNERS } from "./remote_text.ts";
import { analyzeForgeAccess } from "./forge_access.ts";
import { trackFetchedVar } from "./fetched_vars.ts";
import { trackDumpVar } from "./dump_vars.ts";
import { analyzeInsmod, analyzeModuleFile, analyzeSysctl } from "./kernel.ts";
import { parseScript } from "../shell/parse.ts";
import { analyzeInline } from "./inline.ts";
import { looksLikePowerShell } from "./powershell.ts";
import { analyzeHostedApi } from "./hosted_api.ts";
import { analyzeMacos, MACOS_NAMES } from "./macos.ts";
import {
  analyzeWindowsSystem,
  WINDOWS_SHELL_NAMES,
  WINDOWS_SYSTEM_NAMES,
} from "./windows_system.ts";
import { fork } from "./unit.ts";
import type { CommandContext, Match } from "../types.ts";
import {
  analyzeCredentialReads,
  analyzeDumpers,
  analyzeKeychain,
  analyzeSinks,
} from "./creds.ts";
import {
  analyzeDd,
  analyzeMkfs,
  analyzeShred,
  analyzeVolumes,
  analyzeWipe,
} from "./disk.ts";
import {
  analyzeCommandWord,
  analyzeFetchExec,
  trackCloned,
  trackDownloadCopies,
  trackDownloads,
  trackTeeDownloads,
  trackUnpacked,
} from "./fetch_exec.ts";
import {
  analyzeAppDestroy,
  analyzeCloudControls,
  analyzeCloudDelete,
} from "./cloud.ts";
import { analyzeAccounts } from "./accounts.ts";
import {
  analyzeAgentAlias,
  analyzeAgentBypassRun,
  analyzeAgentCli,
} from "./agent_cli.ts";
import { analyzeAgentKill, analyzeAgentMemory } from "./agent_kill.ts";
import { analyzeUnpackInto } from "./unpack_into.ts";
import { analyzeFdFeeds } from "./fd_feed.ts";
import {
  analyzeFileServer,
  analyzeOpenExecService,
  analyzePublicTunnel,
  analyzeTunnel,
} from "./exposure.ts";
import { analyzeContainerEscape, analyzeNsenter } from "./container.ts";
import {
  analyzeDestroy,
  analyzeDocker,
  analyzeGit,
  analyzeHelm,
  analyzeKubectl,
  analyzePublish,
} from "./git.ts";
import { analyzeGhVisibility, analyzeGitRemote } from "./git_remote.ts";
import { languageOf } from "./interpreters.ts";
import { analyzeContainerCopy } from "./container_copy.ts";
import {
  analyzeComposeSpec,
  analyzeKubeBinding,
  analyzeKubeSpec,
} from "./k8s_spec.ts";
import { LISTED } from "./consts.ts";
import { judgeTrackedRewrite } from "./workspace_gone.ts";
import { analyzeBindMount } from "./links.ts";
import { analyzeRunnerConfig } from "./runner_config.ts";
import { analyzeEngineApi } from "./engine_api.ts";
import { analyzeRemoteRunner, analyzeRemoteWord } from "./remote_run.ts";
import { analyzeBwrap, analyzeContainerCommand } from "./container_map.ts";
import { analyzeDockerExec, analyzeKubeExec } from "./container_exec.ts";
import { MatchSet } from "./match.ts";
import { analyzeNested, MAX_NESTING } from "./nested.ts";
import { analyzeEmbedded } from "./embedded.ts";
import { flatScan } from "./flat.ts";
import { analyzeHidden } from "./hidden.ts";
import { recordComputedWrites } from "./shell_input.ts";
import { credentialOf, resolvePath, toolPath, traversalOf } from "./paths.ts";
import { analyzeReverseShell } from "./revshell.ts";
import {
  analyzeAct,
  analyzeCodeLoader,
  analyzeInstaller,
  analyzeRunner,
} from "./runners.ts";
import {
  analyzeFind,
  analyzeMv,
  analyzeRm,
  analyzeRsync,
  analyzeSourceRemoval,
} from "./rm.ts";
import {
  analyzeDbClient,
  analyzeDropDb,
  analyzeMongo,
  analyzeRedis,
} from "./sql.ts";
import {
  analyzeAssign,
  analyzeCrontab,
  analyzeGh,
  analyzeHistory,
  analyzeKill,
  analyzePermissions,
  analyzePkill,
  analyzePower,
  analyzeSecurityControls,
  analyzeSetcap,
} from "./system.ts";
import type { FileWrite, Out, State, Unit } from "./unit.ts";
import { analyzeUrls, urlHits } from "./url.ts";
import type { Analyzer, Ran } from "./pipe.ts";
import { setRegistry, walkScript } from "./walk.ts";
import {
  analyzeCopy,
  analyzeCrontabInput,
  analyzeDestinations,
  analyzeInPlace,
  analyzeMakeNode,
  analyzeRedirects,
  analyzeTee,
  analyzeTruncate,
  judgeWrite,
} from "./writes.ts";

export type { FileWrite };

/** What analysing a command found. */
export interface CommandAnalysis {
  /** Dangerous-command policies that fired (policyId from DANGEROUS_POLICIES). */
  matches: Match[];
  /** SQL handed to database clients: psql -c/-f heredoc, mysql -e, sqlite3 DB "SQL", echo SQL | psql. */
  sql: string[];
  /** Text written into files: echo/printf > f, >> f, tee f, cat > f <<EOF … EOF. */
  fileWrites: FileWrite[];
}

/** Work bound for hostile input: commands analysed per call (past it, the text is judged flat). */
const BUDGET = 3_000;
/** Nested code longer than this is judged flat instead of parsed again (eval eval … on 1 MB). */
const MAX_NESTED_TEXT = 65_536;

const BY_NAME: [string[], Analyzer][] = [
  [["rm", "srm", "unlink", "rimraf", "del", "del-cli"], analyzeRm],
  [["find"], analyzeFind],
  [["mv"], analyzeMv],
  [["rsync"], analyzeRsync],
  [
    ["tar", "bsdtar", "gtar", "zip", "7z", "7za", "7zz", "rsync"],
    analyzeSourceRemoval,
  ],
  [["tee", "sponge"], analyzeTee],
  [["cp", "install", "ln"], analyzeCopy],
  [["truncate"], analyzeTruncate],
  [
    ["truncate", "sed", "cp", "chmod"],
    (u, st) => judgeTrackedRewrite(u.name, u.args, st),
  ],
  [["mkfifo", "mknod", "mkdir"], analyzeMakeNode],
  [[
    "mv",
    "rsync",
    "curl",
    "wget",
    "wget2",
    "aria2c",
    "dd",
    "tar",
    "bsdtar",
    "unzip",
    "git",
  ], analyzeDestinations],
  [[
    "tar",
    "bsdtar",
    "gtar",
    "unzip",
    "7z",
    "7za",
    "7zz",
    "7zr",
    "cpio",
    "rsync",
    "cp",
  ], analyzeUnpackInto],
  [["sed", "perl"], analyzeInPlace],
  [["dd"], analyzeDd],
  [
    ["mke2fs", "mkswap", "newfs", "mkdosfs", "mkntfs", "mkexfatfs", "diskutil"],
    analyzeMkfs,
  ],
  [[
    "wipefs",
    "sgdisk",
    "blkdiscard",
    "hdparm",
    "nvme",
    "cryptsetup",
    "parted",
    "fdisk",
    "sfdisk",
    "gdisk",
    "cfdisk",
  ], analyzeWipe],
  [[
    "lvremove",
    "vgremove",
    "pvremove",
    "zpool",
    "zfs",
    "mdadm",
    "badblocks",
    "btrfs",
  ], analyzeVolumes],
  [["shred"], analyzeShred],
  [["sysctl"], analyzeSysctl],
  [["insmod"], analyzeInsmod],
  [["kill"], analyzeKill],
  [["pkill", "killall", "killall5"], analyzePkill],
  [["kill", "pkill", "killall"], analyzeAgentKill],
  [
    [
      "gcore",
      "gdb",
      "lldb",
      "procdump",
      "memdump",
      "dd",
      "cat",
      "xxd",
      "strings",
    ],
    analyzeAgentMemory,
  ],
  [[
    "shutdown",
    "reboot",
    "halt",
    "poweroff",
    "init",
    "telinit",
    "systemctl",
    "loginctl",
  ], analyzePower],
  [[
    "iptables",
    "ip6tables",
    "iptables-legacy",
    "iptables-nft",
    "ip6tables-legacy",
    "ip6tables-nft",
    "nft",
    "ufw",
    "pfctl",
    "netsh",
    "setenforce",
    "aa-teardown",
    "auditctl",
    "journalctl",
    "systemctl",
    "service",
  ], analyzeSecurityControls],
  [[...WINDOWS_SYSTEM_NAMES, ...WINDOWS_SHELL_NAMES], analyzeWindowsSystem],
  [[...MACOS_NAMES], analyzeMacos],
  [["history", "set"], analyzeHistory],
  [["chmod", "chown", "chgrp", "chattr"], analyzePermissions],
  [["setcap"], analyzeSetcap],
  [["crontab"], analyzeCrontab],
  [["gh", "glab"], analyzeGh],
  [["git"], analyzeGit],
  [["git"], analyzeGitRemote],
  [["gh"], analyzeGhVisibility],
  [["gh", "glab", "curl", "http", "xh"], analyzeForgeAccess],
  [["etcdctl", "consul", "curl", "http", "https", "xh"], analyzeStoreWipe],
  [["curl", "http", "https", "xh"], analyzeHostedApi],
  [["docker", "podman", "docker-compose"], analyzeDocker],
  [["docker", "podman", "nerdctl", "ctr"], analyzeContainerEscape],
  [
    ["docker", "podman", "nerdctl", "docker-compose", "podman-compose"],
    analyzeContainerCommand,
  ],
  [["docker", "podman", "nerdctl", "kubectl", "oc"], analyzeContainerCopy],
  [["kubectl", "oc"], analyzeKubeSpec],
  [["kubectl", "oc"], analyzeKubeBinding],
  [
    ["docker", "podman", "docker-compose", "podman-compose"],
    analyzeComposeSpec,
  ],
  [
    ["docker", "podman", "nerdctl", "docker-compose", "podman-compose"],
    analyzeDockerExec,
  ],
  [["kubectl", "oc"], analyzeKubeExec],
  [["bwrap"], analyzeBwrap],
  [["codex", "claude"], analyzeAgentCli],
  [["codex", "claude"], analyzeAgentBypassRun],
  [["alias"], analyzeAgentAlias],
  [
    ["dockerd", "jupyter", "jupyter-notebook", "jupyter-lab"],
    analyzeOpenExecService,
  ],
  [["go", "pip", "pip3", "uv", "python", "python3"], analyzeInstaller],
  [[
    "pytest",
    "py.test",
    "nox",
    "jest",
    "vitest",
    "mocha",
    "eslint",
    "prettier",
    "webpack",
    "vite",
    "rollup",
    "cargo",
    "python",
    "python3",
  ], analyzeCodeLoader],
  [["mount", "bindfs"], analyzeBindMount],
  [["npm", "pnpm", "yarn", "bun", "jq", "yq", "gojq"], analyzeRunnerConfig],
  [["curl", "socat", "nc", "ncat", "netcat"], analyzeEngineApi],
  [
    [
      "deno",
      "bun",
      "pipx",
      "uv",
      "uvx",
      "npx",
      "bunx",
      "pnpx",
      "npm",
      "pnpm",
      "yarn",
      "pip",
      "pip3",
      "python",
      "python3",
    ],
    analyzeRemoteRunner,
  ],
  [["modprobe", "kexec"], analyzeModuleFile],
  [["nsenter"], analyzeNsenter],
  [["kubectl", "oc"], analyzeKubectl],
  [["helm"], analyzeHelm],
  [
    ["terraform", "tofu", "terragrunt", "pulumi", "cdk", "serverless", "sls"],
    analyzeDestroy,
  ],
  [[
    "npm",
    "pnpm",
    "yarn",
    "brew",
    "apt",
    "apt-get",
    "cargo",
    "poetry",
    "flit",
    "hatch",
    "twine",
    "gem",
    "uv",
  ], analyzePublish],
  [["aws", "gsutil", "gcloud", "az", "doctl"], analyzeCloudDelete],
  [["aws", "gcloud", "az"], analyzeCloudControls],
  [
    [
      "heroku",
      "fly",
      "flyctl",
      "rails",
      "rake",
      "vercel",
      "netlify",
      "supabase",
      "firebase",
      "railway",
      "render",
      "wrangler",
      "pscale",
      "neonctl",
      "turso",
    ],
    analyzeAppDestroy,
  ],
  [[
    "useradd",
    "adduser",
    "usermod",
    "luseradd",
    "lusermod",
    "gpasswd",
    "chpasswd",
    "chgpasswd",
    "passwd",
    "newusers",
    "dscl",
    "dseditgroup",
    "pw",
  ], analyzeAccounts],
  [["ssh", "autossh"], analyzeTunnel],
  [["ngrok", "cloudflared", "lt", "localtunnel"], analyzePublicTunnel],
  [["php", "php8", "php7"], analyzeFileServer],
  [[
    "psql",
    "mysql",
    "mariadb",
    "sqlite3",
    "sqlite",
    "duckdb",
    "clickhouse-client",
    "clickhouse",
    "cockroach",
    "sqlcmd",
    "snowsql",
    "trino",
    "presto",
    "usql",
    "cqlsh",
    "bq",
  ], analyzeDbClient],
  [["dropdb", "mysqladmin"], analyzeDropDb],
  [["redis-cli", "valkey-cli", "keydb-cli"], analyzeRedis],
  [["mongo", "mongosh"], analyzeMongo],
  [["security", "secret-tool"], analyzeKeychain],
  [
    [
      "eval",
      "source",
      ".",
      "ssh",
      "su",
      "runuser",
      "sg",
      "script",
      "flock",
      "alias",
      "trap",
      ...REMOTE_RUNNERS,
    ],
    analyzeNested,
  ],
  [["crontab"], analyzeCrontabInput],
  [
    [
      "make",
      "gmake",
      "just",
      "rake",
      "task",
      "npm",
      "pnpm",
      "yarn",
      "bun",
      "deno",
      "poe",
    ],
    analyzeRunner,
  ],
  [["act"], analyzeAct],
  [["eval", "source", "."], analyzeFetchExec],
];

const byName = new Map<string, Analyzer[]>();
for (const [names, fn] of BY_NAME) {
  for (const n of names) {
    const list = byName.get(n) ?? [];
    list.push(fn);
    byName.set(n, list);
  }
}

/** Interpreters and mkfs variants are matched by pattern, not by exact name. */
const byPattern: Analyzer = (u, st, pipe) => {
  if (u.name.startsWith("mkfs")) analyzeMkfs(u, st);
  if (
    u.name.startsWith("pip") && /^pip[0-9.]{1,6}$/.test(u.name) &&
    !byName.has(u.name)
  ) {
    analyzeRemoteRunner(u, st);
  }
  if (languageOf(u.name)) {
    analyzeFetchExec(u, st, pipe);
    analyzeNested(u, st, pipe);
    if (u.name.startsWith("python")) {
      analyzeFileServer(u, st);
      // python3.12 -m pip install URL: versioned names are not in the table.
      if (!byName.has(u.name)) analyzeRemoteRunner(u, st);
      analyzeUnpackInto(u, st);
    }
  }
};

function forkBomb(name: string, body: Ran[], st: State): void {
  const calls = body.filter((r) => r.unit.name === name).length;
  if (calls >= 2) {
    st.out.matches.add(
      "fork_bomb",
      `the function ${name} calls itself ${calls} times per call (pipe/background): a fork bomb that exhausts the process table`,
      "remove the self-calling function",
    );
  }
}

/**
 * Programs a hidden command word is judged as: the destructive ones whose
 * danger comes from their arguments (`rm -rf ~`, `chmod -R 777 /`, `dd
 * of=/dev/sda`), shells and interpreters (`$X -c 'rm -rf ~'`). Programs
 * dangerous whatever their arguments (`killall5`, `dropdb x`) or whose
 * options collide with everyday ones (`crontab -r`, `ssh -R`) are left out:
 * every unknown word would be them.
 */
const HIDDEN_NAMES: readonly string[] = [
  "rm",
  "srm",
  "unlink",
  "shred",
  "find",
  "mv",
  "rsync",
  "chmod",
  "chown",
  "chgrp",
  "chattr",
  "dd",
  "mkfs",
  "wipefs",
  "truncate",
  "tee",
  "cp",
  "ln",
  "git",
  "docker",
  "kubectl",
  "terraform",
  "aws",
  "psql",
  "mysql",
  "redis-cli",
  "mongosh",
  "sh",
  "bash",
  "python3",
  "perl",
  "ruby",
  "node",
  "php",
  "eval",
];

/** Of those, the ones that are catastrophic with plain words alone (no option, no `=`). */
const HIDDEN_PLAIN: ReadonlySet<string> = new Set(["mkfs", "wipefs"]);

/** Programs looked for in flat text: those with an analyzer, less the ones that re-enter shell text. */
const FLAT_NAMES: ReadonlySet<string> = new Set(
  [...byName.keys(), "mkfs"].filter((n) =>
    ![
      "eval",
      "source",
      ".",
      "ssh",
      "su",
      "runuser",
      "sg",
      "script",
      "flock",
      "alias",
      "trap",
    ]
      .includes(n)
  ),
);

/** Judges a unit whose command word is hidden as each dangerous program it could be. */
function hidden(u: Unit, st: State): void {
  analyzeHidden(u, st, HIDDEN_NAMES, HIDDEN_PLAIN);
}

setRegistry({
  byName,
  all: [
    hidden,
    analyzeEmbedded,
    recordComputedWrites,
    analyzeFdFeeds,
    analyzeRedirects,
    analyzeUrls,
    analyzeCredentialReads,
    analyzeSinks,
    analyzeDumpers,
    analyzeReverseShell,
    analyzeCommandWord,
    analyzeCopiedProgram,
    trackProgramCopy,
    analyzeRemoteWord,
    trackDownloads,
    trackUnpacked,
    trackCloned,
    trackTeeDownloads,
    trackDownloadCopies,
    byPattern,
  ],
  func: forkBomb,
  assign: (name, value, st) => {
    analyzeAssign(name, value, st);
    trackFetchedVar(name, value, st);
    trackDumpVar(name, value, st);
  },
});

/** Re-enters shell analysis on nested source text (`Out.shell`): parsed and walked, or judged flat past the limits. */
function walkNested(src: string, st: State): void {
  if (!src) return;
  if (
    st.depth > MAX_NESTING || st.out.budget <= 0 ||
    (st.depth > 0 && src.length > MAX_NESTED_TEXT)
  ) {
    st.out.unseen = true;
    flatScan(src, st, FLAT_NAMES);
    return;
  }
  walkScript(parseScript(src, st.depth), st);
}

/** Judges text that could not be parsed as flat words (`Out.flat`). */
function flatText(src: string, st: State): void {
  flatScan(src, st, FLAT_NAMES);
}

/** The analyzers a synthetic unit (find -exec, xargs) gets besides those of its name. */
const UNIT_ANALYZERS: readonly Analyzer[] = [
  analyzeRedirects,
  analyzeUrls,
  analyzeCredentialReads,
  analyzeReverseShell,
  analyzeEmbedded,
  byPattern,
];

/** Analyses a synthetic unit with every analyzer (`Out.unit`). */
function analyzeUnit(u: Unit, st: State): void {
  const ran: Ran = { unit: u, st, done: true };
  const pipe = { elements: [[ran]], index: 0 };
  for (const a of UNIT_ANALYZERS) a(u, st, pipe);
  for (const a of byName.get(u.name) ?? []) a(u, st, pipe);
}

function newState(ctx: CommandContext): State {
  const home = ctx.home.replace(/\/+$/, "") || "/";
  const cwd = resolvePath(ctx.cwd || home, "/", home) ?? home;
  const norm: CommandContext = { ...ctx, home, cwd };
  const out: Out = {
    matches: new MatchSet(norm),
    sql: [],
    fileWrites: [],
    downloads: new Set(),
    clones: new Set(),
    sensitive: new Map(),
    fetchedVars: new Map(),
    readFrom: new Map(),
    dumpVars: new Map(),
    budget: BUDGET,
    unseen: false,
    shell: walkNested,
    flat: flatText,
    hidden,
    unit: analyzeUnit,
  };
  return {
    ctx: norm,
    cwd,
    env: new Map(),
    // A hook judges a command line run as `bash -c LINE` with no arguments:
    // `$1`, `$@` and `$#` are empty (`rm$IFS$9-rf$IFS$9~` is `rm -rf ~`).
    positional: [],
    arrays: new Map(),
    funcs: new Map(),
    depth: 0,
    out,
  };
}

/** Analyses a shell command line for dangerous actions, SQL and file writes. Never throws. */
export function analyzeCommand(
  command: string,
  ctx: CommandContext,
): CommandAnalysis {
  const st = newState(ctx);
  try {
    const text = typeof command === "string" ? command : "";
    // An agent on Windows types PowerShell or cmd.exe into its shell tool:
    // text that reads as such is judged as that language too (first, since
    // bash may fail to parse it).
    if (looksLikePowerShell(text)) {
      analyzeInline(text, "powershell", fork(st, 1), "PowerShell");
    }
    st.out.shell(text, st);
    if (st.out.budget <= 0) {
      // Out of budget: what was not walked is still judged, as flat words.
      st.out.unseen = true;
      flatScan(text, st, FLAT_NAMES);
    }
  } catch {
    // Whatever was found before the failure still counts; what was not
    // followed could be anything (issue 9, design point 2): the text is
    // judged as flat words, and the command is refused as not judged.
    analysisFailed(typeof command === "string" ? command : "", st);
  }
  return {
    matches: st.out.matches.list(),
    sql: st.out.sql,
    // Listings (ls > files.txt) are kept for later reads on the line, not reported as text.
    fileWrites: st.out.fileWrites.filter((w) => !w.content.includes(LISTED)),
  };
}

/**
 * The walk of `text` stopped on an error (a value grown past what a string
 * holds, `a=$a$a` repeated): every dangerous program named in it is judged
 * with the words after it, and the command is refused, since the rest of
 * it was never followed.
 */
function analysisFailed(text: string, st: State): void {
  st.out.unseen = true;
  try {
    flatScan(text, st, FLAT_NAMES);
  } catch {
    // the refusal below stands on its own
  }
  st.out.matches.add(
    "hidden_command",
    "the command could not be followed to its end (it builds values or nesting past what can be analysed), and what was not followed could be anything",
    "split the command into smaller ones and write values out instead of building them",
  );
}

/** A path a tool reads or writes (Claude Read/Write/Edit, MCP filesystem tools, patch targets). */
export function analyzePathAccess(
  rawPath: string,
  mode: "read" | "write",
  ctx: CommandContext,
): Match[] {
  const path = toolPath(rawPath, ctx.home);
  const st = newState(ctx);
  const m = st.out.matches;
  try {
    const trav = traversalOf(path);
    if (trav) {
      m.add(
        "path_traversal",
        `the path ${path.slice(0, 200)} climbs out with ../ to reach ${
          trav.slice(0, 120)
        }`,
      );
    }
    const p = resolvePath(path, st.cwd, st.ctx.home);
    if (p !== null) {
      if (mode === "read") {
        const c = credentialOf(p, st.ctx.home, true);
        if (c && !c.readable) {
          m.add(
            c.kind,
            `reading ${c.label} exposes secret credentials`,
            "keep credentials out of the agent's context",
          );
        }
      } else {
        judgeWrite(
          {
            text: p,
            alts: [p],
            known: true,
            prefix: p,
            glob: false,
            subs: [],
            procSub: false,
          },
          st,
          "writing",
        );
      }
    }
  } catch {
    // never throw
  }
  return m.list();
}

/** A URL a tool fetches (MCP fetch tools, curl targets): cloud metadata endpoints etc. */
export function analyzeUrl(url: string, ctx: CommandContext): Match[] {
  const st = newState(ctx);
  try {
    for (const h of urlHits(url, st)) {
      st.out.matches.add(
        h.name,
        `fetching ${url.slice(0, 200)}: ${h.reason}`,
        h.suggestion,
      );
    }
  } catch {
    // never throw
  }
  return st.out.matches.list();
}

/** Builds an analysis state for a context (used by the patch judge). */
export function stateFor(ctx: CommandContext): State {
  return newState(ctx);
}
