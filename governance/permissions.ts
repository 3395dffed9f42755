/**
 * Least-privilege launch of the hook scripts: the exact `deno run` flags a
 * hook gets, shared by the plugin's hooks.json, the installer and `doctor`.
 *
 * A hook may read the environment variables in {@link HOOK_ENV_VARS}, read and
 * write its data directory, and (only when an AxonFlow endpoint is configured)
 * reach that endpoint's host and port. Nothing else: no subprocesses, no FFI,
 * no system information but the host name (for the audit trail), no config file, no lock file, and no code from
 * elsewhere at run time (`--no-remote --no-npm`: without them Deno 2 would
 * still import `npm:` packages and modules from its default import hosts).
 *
 * @module
 */

/** Env vars a hook may read. */
export const HOOK_ENV_VARS: readonly string[] = Object.freeze([
  "AXONFLOW_HOME",
  "AXONFLOW_ENDPOINT",
  "AXONFLOW_AUTH",
  "AXONFLOW_TIMEOUT_SECONDS",
  "AXONFLOW_PROFILE",
  "AXONFLOW_DEBUG",
  "AXONFLOW_MANAGED_DIR",
  "AXONFLOW_BUNDLE_TTL_SECONDS",
  "HOME",
  // who the developer is, for the audit trail
  "USER",
  "LOGNAME",
  // The variables that name shell start-up files: the hook guards the files
  // they name (a hook's own shell reads them before it starts the hook).
  "BASH_ENV",
  "ENV",
  "ZDOTDIR",
]);

/** The hook events the plugin registers. */
export type HookEventName =
  | "PreToolUse"
  | "PostToolUse"
  | "SessionStart"
  | "UserPromptSubmit"
  | "PermissionRequest";

/**
 * Each hook's script, relative to the plugin root: the minified bundle that
 * `deno task build` makes from `hooks/<event in snake case>.ts` (a handful of
 * files to load instead of about seventy modules).
 */
export const HOOK_SCRIPTS: Readonly<Record<HookEventName, string>> = Object
  .freeze({
    PreToolUse: "hooks/dist/pre_tool_use.js",
    PostToolUse: "hooks/dist/post_tool_use.js",
    SessionStart: "hooks/dist/session_start.js",
    UserPromptSubmit: "hooks/dist/user_prompt_submit.js",
    PermissionRequest: "hooks/dist/permission_request.js",
  });

/** True when a command line ends with one of our hook scripts (bundled, or the source of an earlier version). */
export function isHookScriptCommand(command: string): boolean {
  return /\/hooks\/(?:dist\/)?(?:pre_tool_use|post_tool_use|session_start|user_prompt_submit|permission_request)\.(?:js|ts)['"]?$/
    .test(
      command,
    );
}

/** The data-directory expression used in the plugin's own hooks.json (expanded by the shell Codex runs hooks in). */
export const PLUGIN_DATA_DIR_EXPR = "${AXONFLOW_HOME:-$HOME/.axonflow}";

/** Options for {@link hookArgs} and {@link hookCommand}. */
export interface HookCommandOptions {
  /** Path of the hook script (absolute, or `${PLUGIN_ROOT}/...`). */
  script: string;
  /** Data directory (absolute path, or a shell expression starting with `$`). */
  dataDir: string;
  /** AxonFlow endpoint URL; adds `--allow-net=<host:port>` of that endpoint. */
  endpoint?: string;
  /** The deno executable; default `deno`. */
  deno?: string;
  /** Folders the hook may read but not write (the managed policy folder). */
  readOnly?: string[];
}

/**
 * `host:port` of an endpoint URL, as Deno's `--allow-net` wants it (default
 * ports filled in). Throws on a URL that is not http(s).
 */
export function netTarget(endpoint: string): string {
  const url = new URL(endpoint);
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`AXONFLOW_ENDPOINT must be http(s): ${endpoint}`);
  }
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  return `${url.hostname}:${port}`;
}

/**
 * V8 tuning of a hook process: a 4 MB young generation, so that a hook (which
 * lives about a tenth of a second) finishes without a garbage collection; the
 * first one costs a blocked call about 4 ms. Memory use and large outputs are
 * unaffected (measured in `deno task bench`).
 *
 * `--no-lazy` compiles every function of the bundle when the module is
 * compiled, so Deno's V8 code cache (written after that compile) holds them
 * all; with lazy compilation the functions an evaluation runs were compiled
 * again in every hook process. Measured: 1.5-2.5 ms less CPU for an allowed
 * PreToolUse call, 3 ms for a blocked one, 7 ms for a PostToolUse redaction;
 * the first run of a new bundle (cache miss) compiles everything, about
 * 10-25 ms once. Every process that runs a bundle must use these same flags:
 * V8 rejects a code cache written under other flags, and two flag sets
 * sharing a bundle rewrite each other's cache on every run (measured: 33 ms
 * becomes 65 ms).
 *
 * `--no-regexp-unroll` stops V8 from unrolling small counted repeats
 * (`\s{1,4}`, `(?:\w{1,16}\s{1,4}){0,3}`) when it compiles a regular
 * expression. The detectors' patterns are full of them, and a hook compiles
 * each pattern it runs afresh in every process: unrolled, the 152
 * prompt-injection patterns took about 100 ms to compile, and a clean shell
 * output that opens two of them about 5 ms of a PostToolUse call; without
 * unrolling 17 ms and about 1 ms. Matching is unchanged and as fast on large
 * outputs (`scripts/bench_engine.ts` run under both flags).
 */
export const HOOK_V8_FLAGS =
  "--min-semi-space-size=4,--no-lazy,--no-regexp-unroll";

/** The flags of a hook, in order, unquoted (`dataDir` and `script` exactly as given): permissions, and {@link HOOK_V8_FLAGS}. */
export function hookFlags(
  opts: { dataDir: string; endpoint?: string; readOnly?: string[] },
): string[] {
  const flags = [
    "-q",
    "--no-prompt",
    "--no-config",
    "--no-lock",
    "--no-remote",
    "--no-npm",
    `--v8-flags=${HOOK_V8_FLAGS}`,
    `--allow-env=${HOOK_ENV_VARS.join(",")}`,
    "--allow-sys=hostname",
    `--allow-read=${[opts.dataDir, ...(opts.readOnly ?? [])].join(",")}`,
    `--allow-write=${opts.dataDir}`,
  ];
  if (opts.endpoint) flags.push(`--allow-net=${netTarget(opts.endpoint)}`);
  return flags;
}

/**
 * The folder of a built hook bundle (`…/hooks/dist/<hook>.js`), which the
 * hook may read (never write); undefined for a hook run from its sources.
 *
 * A bundle loads its later chunks (the shell analysis, the detectors, the
 * audit store) with `import()` of specifiers Deno cannot read ahead (see
 * `scripts/build_hooks.ts`): a literal one puts the chunk in the graph Deno
 * reads before the hook starts, and reading the ~1.2 MB of chunks most calls
 * never run cost every PreToolUse call about 3 ms of CPU. A specifier Deno
 * did not read ahead needs read access to its file, so the hook gets it for
 * the bundle's own folder: the plugin's code, which it runs anyway.
 */
export function bundleDirOf(script: string): string | undefined {
  const m = /^(.*[\\/]hooks[\\/]dist)[\\/][a-z_]+\.js$/.exec(script);
  return m ? m[1] : undefined;
}

/** The argv of a hook process (no shell quoting): `deno run <flags> <script>`. */
export function hookArgs(opts: HookCommandOptions): string[] {
  const bundle = bundleDirOf(opts.script);
  return [
    opts.deno ?? "deno",
    "run",
    ...hookFlags(opts),
    ...(bundle ? [`--allow-read=${bundle}`] : []),
    opts.script,
  ];
}

/**
 * Quote one word for a POSIX shell. Words that hold a `$` are shell
 * expressions we wrote on purpose (`${PLUGIN_ROOT}`, `${AXONFLOW_HOME:-...}`)
 * and go in double quotes so the shell expands them (never with a command
 * substitution, backquote, backslash or double quote); everything else goes in
 * single quotes when it needs quoting at all.
 */
export function shellWord(word: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]{1,4096}$/.test(word)) return word;
  if (word.includes("$") && !/["`\\]|\$\(/.test(word)) return `"${word}"`;
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

/** The `deno run ...` argv for a hook script, with exactly the permission flags it needs, as one shell command line. */
export function hookCommand(opts: HookCommandOptions): string {
  const [deno, run, ...rest] = hookArgs(opts);
  const words = [shellWord(deno), run];
  for (const w of rest) {
    const eq = w.indexOf("=");
    if (w.startsWith("--") && eq > 0) {
      words.push(w.slice(0, eq + 1) + shellWord(w.slice(eq + 1)));
    } else {
      words.push(shellWord(w));
    }
  }
  return words.join(" ");
}
