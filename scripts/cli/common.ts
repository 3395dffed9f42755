/**
 * Shared bits of the `axonflow` CLI: data directory, engine configuration
 * from the user's policy file, colours (only on a terminal, never with
 * NO_COLOR), plain tables, progress on stderr, and reading inputs.
 *
 * @module
 */
import {
  DEFAULT_CONFIG,
  type EngineConfig,
  parsePolicyFile,
  type Profile,
} from "../../governance/engine/mod.ts";
import { withProjectConfig } from "../../governance/projects.ts";

/** The data directory: $AXONFLOW_HOME, else ~/.axonflow. */
export function dataDir(): string {
  const env = Deno.env.get("AXONFLOW_HOME");
  if (env) return env;
  return `${Deno.env.get("HOME") ?? "."}/.axonflow`;
}

/** The user's policy file path. */
export function policyFile(dir = dataDir()): string {
  return `${dir}/policies.json`;
}

/**
 * Engine configuration: the policy file when present, then the profile
 * override ($AXONFLOW_PROFILE or --profile), then the project file above
 * `cwd` (tightening always, loosening once approved).
 */
export function loadConfig(
  profile?: string,
  dir = dataDir(),
  cwd: string | undefined = Deno.cwd(),
): { config: EngineConfig; warnings: string[] } {
  let config: EngineConfig = DEFAULT_CONFIG;
  const warnings: string[] = [];
  let text: string | undefined;
  try {
    text = Deno.readTextFileSync(policyFile(dir));
  } catch {
    text = undefined;
  }
  if (text !== undefined) {
    const parsed = parsePolicyFile(text);
    config = parsed.config;
    for (const e of parsed.errors) {
      warnings.push(`${policyFile(dir)}:${e.line}: ${e.message}`);
    }
  }
  const p = profile ?? Deno.env.get("AXONFLOW_PROFILE");
  if (p === "standard" || p === "strict") {
    config = { ...config, profile: p as Profile };
  } else if (p) {
    warnings.push(`unknown profile "${p}" ignored (standard|strict)`);
  }
  config = withProjectConfig(config, cwd, dir, warnings);
  return { config, warnings };
}

/** ANSI colour helpers; identity functions when colour is off. */
export interface Paint {
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

/** Colour only when stdout is a terminal and NO_COLOR is unset. */
export function paint(enabled = useColor()): Paint {
  const wrap = (code: string) => (s: string) =>
    enabled ? `\x1b[${code}m${s}\x1b[0m` : s;
  return {
    red: wrap("31"),
    green: wrap("32"),
    yellow: wrap("33"),
    dim: wrap("2"),
    bold: wrap("1"),
  };
}

/** True when colour should be used on stdout. */
export function useColor(): boolean {
  const noColor = Deno.env.get("NO_COLOR");
  return Deno.stdout.isTerminal() && (noColor === undefined || noColor === "");
}

/** Visible length of a string (ANSI sequences not counted). */
function visible(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "\x1b") {
      const m = s.indexOf("m", i);
      if (m > 0) {
        i = m;
        continue;
      }
    }
    n++;
  }
  return n;
}

/** A plain-text table with a header row; cells already coloured are fine. */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) =>
    Math.max(visible(h), ...rows.map((r) => visible(r[i] ?? "")))
  );
  const line = (cells: string[]) =>
    cells.map((c, i) =>
      i === cells.length - 1 ? c : c + " ".repeat(widths[i] - visible(c))
    ).join("  ").trimEnd();
  return [
    line(headers),
    line(widths.map((w) => "-".repeat(w))),
    ...rows.map(line),
  ]
    .join("\n");
}

/** Cut a string to `n` characters on one line. */
export function clip(s: string, n: number): string {
  const one = s.replace(/\s+/g, " ");
  return one.length > n ? one.slice(0, n - 1) + "…" : one;
}

/** Drop the `--` that `deno task x -- args` passes through. */
export function stripDashDash(args: string[]): string[] {
  return args[0] === "--" ? args.slice(1) : args;
}

/** Read a file, or stdin for `-`. */
export async function readInput(path: string): Promise<string> {
  if (path === "-") {
    return new TextDecoder().decode(
      await new Response(Deno.stdin.readable).arrayBuffer(),
    );
  }
  return await Deno.readTextFile(path);
}

/**
 * Progress on stderr for work that may take more than a second: the message
 * appears only if the work is still running after `afterMs`.
 */
export async function withProgress<T>(
  message: string,
  work: () => Promise<T> | T,
  afterMs = 1000,
): Promise<T> {
  const timer = setTimeout(() => console.error(`${message}...`), afterMs);
  try {
    return await work();
  } finally {
    clearTimeout(timer);
  }
}

/** An error whose message is shown to the user as is, with an exit code. */
/**
 * Exit codes of `check` and `scan` (as gitleaks does for leaks): 0 the call
 * would be allowed / nothing found, 1 it would be blocked / something found,
 * 2 a usage error, 3 the input could not be read.
 */
export const EXIT = { ok: 0, found: 1, usage: 2, error: 3 } as const;

/** Read an input (see {@link readInput}); a failure is a {@link UsageError} with exit code 3. */
export async function readInputOrFail(path: string): Promise<string> {
  try {
    return await readInput(path);
  } catch (e) {
    throw new UsageError(
      `cannot read ${path === "-" ? "stdin" : path}: ${(e as Error).message}`,
      EXIT.error,
    );
  }
}

/** A command-line error with its exit code. */
export class UsageError extends Error {
  /** Exit code (2 for usage errors). */
  code: number;
  constructor(message: string, code = 2) {
    super(message);
    this.code = code;
  }
}

/** Print a JSON document on stdout. */
export function printJson(doc: unknown): void {
  console.log(JSON.stringify(doc, null, 2));
}
