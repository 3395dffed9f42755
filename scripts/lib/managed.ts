/**
 * `deno task install --managed`: governance an organisation switches on for
 * every account of a machine, and that neither a developer nor the agent can
 * switch off. Codex reads `/etc/codex/requirements.toml` (the "managed
 * requirements"): hooks there run without a trust entry, `[features] hooks =
 * true` there wins over a user's `hooks = false` or `--disable hooks`, and
 * `allow_managed_hooks_only = true` makes Codex skip every other hook source.
 *
 * What this writes:
 * - `<codex system dir>/requirements.toml`: one block between markers with
 *   `[features] hooks = true`, our hooks for every event (absolute
 *   paths: this checkout, the deno executable) and, with `--managed-only`,
 *   `allow_managed_hooks_only = true`. A file that already holds other
 *   settings is not merged automatically (TOML's top-level keys and tables do
 *   not nest safely); the block is printed to merge by hand.
 * - `<managed dir>/policies.json` (default `/etc/axonflow`), when missing:
 *   the organisation's policy, read-only to developers; each developer's
 *   own `~/.axonflow/policies.json` can only tighten it.
 *
 * `--uninstall` removes exactly that: the block (the file when nothing else
 * is left) and the policy file when it still holds what was written.
 *
 * @module
 */

import {
  HOOK_SCRIPTS,
  hookCommand,
  type HookEventName,
  shellWord,
} from "../../governance/permissions.ts";
import { tomlString } from "./toml_edit.ts";

/** First line of our block in requirements.toml. */
export const MANAGED_BEGIN = "# >>> axonflow-governance (managed)";
/** Last line of our block. */
export const MANAGED_END = "# <<< axonflow-governance (managed)";
/** Default Codex system folder. */
export const CODEX_SYSTEM_DIR = "/etc/codex";
/** Default folder of the organisation's policy file. */
export const MANAGED_POLICY_DIR = "/etc/axonflow";
/** Each developer's data directory, expanded by the shell Codex runs hooks in. */
export const MANAGED_DATA_DIR = "$HOME/.axonflow";

/** What a managed install depends on. */
export interface ManagedOptions {
  /** The plugin checkout (absolute; readable by every account). */
  root: string;
  /** Absolute path of deno. */
  deno: string;
  /** Codex's system folder (requirements.toml). */
  systemDir: string;
  /** The organisation's policy folder. */
  policyDir: string;
  /** Skip user, project and plugin hooks (`allow_managed_hooks_only`). */
  managedOnly: boolean;
  endpoint?: string;
  profile?: "standard" | "strict";
  /** Matcher (absent: the event takes none) and timeout per event, from the plugin's hooks.json. */
  events: Partial<Record<HookEventName, { matcher?: string; timeout: number }>>;
}

/** The command line of one managed hook. */
export function managedHookLine(
  opts: ManagedOptions,
  event: HookEventName,
): string {
  const env = [
    `AXONFLOW_MANAGED_DIR=${shellWord(opts.policyDir)}`,
    `AXONFLOW_HOME=${shellWord(MANAGED_DATA_DIR)}`,
  ];
  if (opts.endpoint) env.push(`AXONFLOW_ENDPOINT=${shellWord(opts.endpoint)}`);
  if (opts.profile) env.push(`AXONFLOW_PROFILE=${shellWord(opts.profile)}`);
  return env.join(" ") + " " + hookCommand({
    script: `${opts.root}/${HOOK_SCRIPTS[event]}`,
    dataDir: MANAGED_DATA_DIR,
    endpoint: opts.endpoint,
    deno: opts.deno,
    readOnly: [opts.policyDir],
  });
}

/** Our block of requirements.toml (markers included, ends with a newline). */
export function managedBlock(opts: ManagedOptions): string {
  const lines = [MANAGED_BEGIN];
  if (opts.managedOnly) lines.push("allow_managed_hooks_only = true");
  lines.push("", "[features]", "hooks = true", "");
  for (const [event, e] of Object.entries(opts.events)) {
    const name = event as HookEventName;
    if (!e) continue;
    lines.push(`[[hooks.${name}]]`);
    if (e.matcher !== undefined) {
      lines.push(`matcher = ${tomlString(e.matcher)}`);
    }
    lines.push(
      "",
      `[[hooks.${name}.hooks]]`,
      'type = "command"',
      `command = ${tomlString(managedHookLine(opts, name))}`,
      `timeout = ${e.timeout}`,
      "",
    );
  }
  lines.push(MANAGED_END, "");
  return lines.join("\n");
}

/** The text of requirements.toml without our block (undefined when nothing else is left). */
export function withoutManagedBlock(text: string): string | undefined {
  const start = text.indexOf(MANAGED_BEGIN);
  const end = text.indexOf(MANAGED_END);
  if (start < 0 || end < start) return text.trim() === "" ? undefined : text;
  let after = end + MANAGED_END.length;
  if (text[after] === "\n") after++;
  const rest = text.slice(0, start) + text.slice(after);
  return rest.trim() === "" ? undefined : rest;
}

/** requirements.toml with our block in place; throws when the file holds other settings (merge by hand). */
export function withManagedBlock(
  text: string | undefined,
  block: string,
): string {
  const before = text ?? "";
  const start = before.indexOf(MANAGED_BEGIN);
  const end = before.indexOf(MANAGED_END);
  if (start >= 0 && end > start) {
    let after = end + MANAGED_END.length;
    if (before[after] === "\n") after++;
    const rest = before.slice(0, start) + before.slice(after);
    if (rest.trim() === "") return block;
    throw new ManagedMergeError(block);
  }
  if (before.trim() === "") return block;
  throw new ManagedMergeError(block);
}

/** requirements.toml already holds settings of its own: the block must be merged by hand. */
export class ManagedMergeError extends Error {
  /** Carries the block to merge. */
  constructor(readonly block: string) {
    super(
      "requirements.toml already holds other settings; merge this block by hand " +
        "(its top-level key must stay above every table):\n" + block,
    );
    this.name = "ManagedMergeError";
  }
}

/** The policy file a managed install creates when there is none. */
export function initialPolicy(
  profile: "standard" | "strict" | undefined,
): string {
  return JSON.stringify(
    { profile: profile ?? "standard", disable: [], policies: [] },
    null,
    2,
  ) +
    "\n";
}

/** What `doctor` says about a machine's managed state. */
export interface ManagedStatus {
  requirements: string;
  installed: boolean;
  hooksForced: boolean;
  managedOnly: boolean;
  /** The hook commands in our block. */
  commands: string[];
}

/** Read the managed state from a requirements.toml text (undefined text: no file). */
export function managedStatus(
  path: string,
  text: string | undefined,
): ManagedStatus {
  const start = text?.indexOf(MANAGED_BEGIN) ?? -1;
  const end = text?.indexOf(MANAGED_END) ?? -1;
  const block = text && start >= 0 && end > start ? text.slice(start, end) : "";
  const commands = [...block.matchAll(/^command = (".*")$/gm)].map((m) => {
    try {
      return String(JSON.parse(m[1]));
    } catch {
      return m[1];
    }
  });
  return {
    requirements: path,
    installed: block !== "",
    hooksForced: /^\[features\]\s*\nhooks = true$/m.test(text ?? ""),
    managedOnly: /^allow_managed_hooks_only\s*=\s*true\b/m.test(text ?? ""),
    commands,
  };
}
