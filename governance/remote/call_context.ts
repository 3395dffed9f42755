/**
 * One reading of a tool call on both sides of the wire. A hook sends
 * `check_policy` with the reference plugin's `statement` (so any AxonFlow
 * server can judge it) AND the whole structured call in
 * `parameters.context`; a server of ours that finds a valid context judges
 * exactly the call the embedded engine would judge: same tool name, same
 * input, same working directory, the CLIENT's home and data directory.
 *
 * Wire shape (`parameters.context`, version 1):
 * `{v: 1, tool_name, tool_input, cwd?, home?, data_dir?, plugin_root?, startup_env?, profile?}`.
 * `profile` can only make the server stricter (`"strict"`); a client never
 * loosens the server's policies.
 *
 * @module
 */

import type { Profile, StartupEnv, ToolCall } from "../engine/types.ts";

/** The structured call as it travels in `parameters.context`. */
export interface CallContext {
  v: 1;
  tool_name: string;
  tool_input: unknown;
  cwd?: string;
  home?: string;
  data_dir?: string;
  plugin_root?: string;
  /** BASH_ENV / ENV / ZDOTDIR of the client's hook shell. */
  startup_env?: StartupEnv;
  profile?: Profile;
}

/** The wire form of a tool call (what the embedded engine judges). */
export function toCallContext(call: ToolCall): CallContext {
  const ctx: CallContext = {
    v: 1,
    tool_name: call.toolName,
    tool_input: call.input,
  };
  if (call.cwd !== undefined) ctx.cwd = call.cwd;
  if (call.home !== undefined) ctx.home = call.home;
  if (call.dataDir !== undefined) ctx.data_dir = call.dataDir;
  if (call.pluginRoot !== undefined) ctx.plugin_root = call.pluginRoot;
  if (call.startupEnv !== undefined) ctx.startup_env = call.startupEnv;
  if (call.profile !== undefined) ctx.profile = call.profile;
  return ctx;
}

function absolute(v: unknown): string | undefined {
  return typeof v === "string" && v.startsWith("/") && v.length <= 4096
    ? v
    : undefined;
}

/**
 * The tool call a `parameters.context` describes, or undefined when there is
 * none or it is not a version-1 context with a tool name. Paths that are not
 * absolute are dropped (the server's defaults apply); a `standard` profile is
 * dropped (the server's own applies).
 */
export function fromCallContext(
  value: unknown,
  connectorType: string,
): ToolCall | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return undefined;
  }
  const c = value as Record<string, unknown>;
  if (c.v !== 1) return undefined;
  if (typeof c.tool_name !== "string" || c.tool_name === "") return undefined;
  const call: ToolCall = {
    toolName: c.tool_name,
    input: c.tool_input ?? {},
    connectorType,
  };
  const cwd = absolute(c.cwd);
  const home = absolute(c.home);
  const dataDir = absolute(c.data_dir);
  const pluginRoot = absolute(c.plugin_root);
  if (cwd) call.cwd = cwd;
  if (home) call.home = home;
  if (dataDir) call.dataDir = dataDir;
  if (pluginRoot) call.pluginRoot = pluginRoot;
  if (c.profile === "strict") call.profile = "strict";
  if (typeof c.startup_env === "object" && c.startup_env !== null) {
    const raw = c.startup_env as Record<string, unknown>;
    const env: Partial<Record<"BASH_ENV" | "ENV" | "ZDOTDIR", string>> = {};
    for (const k of ["BASH_ENV", "ENV", "ZDOTDIR"] as const) {
      const v = absolute(raw[k]);
      if (v) env[k] = v;
    }
    if (Object.keys(env).length > 0) call.startupEnv = env;
  }
  return call;
}
