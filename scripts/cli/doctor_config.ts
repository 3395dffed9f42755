/**
 * The `doctor` checks of what can switch governance off or weaken it outside
 * the hooks themselves: a broken policy file, Codex's `hooks` feature turned
 * off (config.toml, a config profile, `--disable hooks` in a shell start-up
 * file), managed-hooks-only requirements that leave our hooks out, and a
 * `deno` the hooks cannot find.
 *
 * Each function reads only and returns {@link Check}s; they never throw.
 *
 * @module
 */
import { parsePolicyFile } from "../../governance/engine/mod.ts";
import { scanTables, simpleValues, type TomlTable } from "../lib/toml_edit.ts";
import type { Check } from "./doctor_types.ts";

function readOr(path: string): string | undefined {
  try {
    const info = Deno.statSync(path);
    if (!info.isFile || info.size > 4 * 1024 * 1024) return undefined;
    return Deno.readTextFileSync(path);
  } catch {
    return undefined;
  }
}

/** The policy file: absent (fine), valid (what is in force), or broken (every error with its line). */
export function policyFileCheck(dataDir: string): Check {
  const path = `${dataDir}/policies.json`;
  const text = readOr(path);
  if (text === undefined) {
    let present = false;
    try {
      Deno.lstatSync(path);
      present = true;
    } catch { /* absent */ }
    return present
      ? {
        name: "policy file",
        ok: false,
        detail: `${path} exists but cannot be read as a file`,
        fix: `make ${path} a readable regular file, or remove it`,
      }
      : {
        name: "policy file",
        ok: true,
        detail: `none at ${path} (built-in policies, standard profile)`,
      };
  }
  const { config, errors } = parsePolicyFile(text);
  if (errors.length > 0) {
    return {
      name: "policy file",
      ok: false,
      detail:
        `${path} is broken, so parts of it are NOT in force (now: profile ${config.profile}, ${config.custom.length} custom, ${config.disabled.length} disabled): ${
          errors.map((e) => `line ${e.line}: ${e.message}`).join("; ")
        }`,
      fix:
        `fix the file; deno task axonflow policies test ${path} names each problem`,
    };
  }
  return {
    name: "policy file",
    ok: true,
    detail:
      `${path}: profile ${config.profile}, ${config.custom.length} custom, ${config.disabled.length} disabled, ${
        config.autoApprove?.length ?? 0
      } auto-approve`,
  };
}

/** True when a TOML table body sets `key = false` (raw value). */
function setsFalse(text: string, table: TomlTable, key: string): boolean {
  return simpleValues(text, table)[key]?.replace(/\s*#.*$/, "") === "false";
}

/** Where a config.toml text turns the `hooks` feature off (`[features] hooks = false`, `features.hooks = false`, or in a `[profiles.X]`). */
export function hooksFeatureOff(text: string): string[] {
  const out: string[] = [];
  for (const t of scanTables(text)) {
    const p = t.path;
    if (p.length === 1 && p[0] === "features" && setsFalse(text, t, "hooks")) {
      out.push("[features] hooks = false");
    }
    if (
      p.length === 3 && p[0] === "profiles" && p[2] === "features" &&
      setsFalse(text, t, "hooks")
    ) {
      out.push(`[profiles.${p[1]}.features] hooks = false`);
    }
    if (
      p.length === 2 && p[0] === "profiles" &&
      setsFalse(text, t, "features.hooks")
    ) {
      out.push(`[profiles.${p[1]}] features.hooks = false`);
    }
  }
  // A dotted key before any table header.
  const head = text.slice(0, scanTables(text)[0]?.start ?? text.length);
  if (/^\s*features\.hooks\s*=\s*false\b/m.test(head)) {
    out.push("features.hooks = false");
  }
  return out;
}

/**
 * Codex's `hooks` feature: off in `$CODEX_HOME/config.toml`, in one of its
 * profiles, or in a `$CODEX_HOME/<name>.config.toml` profile layer. Any of
 * them makes Codex run no hook at all, ours included.
 */
export function hooksFeatureCheck(codexHome: string): Check {
  const found: string[] = [];
  const main = readOr(`${codexHome}/config.toml`);
  if (main) {
    for (const f of hooksFeatureOff(main)) {
      found.push(`${codexHome}/config.toml: ${f}`);
    }
  }
  try {
    for (const e of Deno.readDirSync(codexHome)) {
      if (!e.isFile || !/^[^/]{1,200}\.config\.toml$/.test(e.name)) continue;
      const text = readOr(`${codexHome}/${e.name}`);
      if (!text) continue;
      for (const f of hooksFeatureOff(text)) {
        found.push(
          `${codexHome}/${e.name} (profile ${
            e.name.replace(/\.config\.toml$/, "")
          }): ${f}`,
        );
      }
    }
  } catch { /* no folder */ }
  return found.length === 0
    ? {
      name: "hooks feature",
      ok: true,
      detail: "Codex's hooks feature is not turned off",
    }
    : {
      name: "hooks feature",
      ok: false,
      detail: `Codex runs no hooks (governance is OFF) where ${
        found.join("; ")
      }`,
      fix: "delete that line (or set it to true)",
    };
}

/** Shell start-up files a user's `codex` alias or function usually lives in. */
export const SHELL_STARTUP_FILES: readonly string[] = [
  ".bashrc",
  ".bash_profile",
  ".bash_aliases",
  ".profile",
  ".zshrc",
  ".zshenv",
  ".zprofile",
  ".config/fish/config.fish",
];

/** Lines of a shell start-up text that start Codex with hooks off (`--disable hooks`, `-c features.hooks=false`). */
export function disablingLines(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split("\n")) {
    if (line.length > 4000 || /^\s*#/.test(line)) continue;
    if (!/\bcodex\b/.test(line)) continue;
    if (
      /--disable(?:=|\s+)["']?hooks\b/.test(line) ||
      /features\.hooks\s*=\s*["']?false\b/.test(line)
    ) out.push(line.trim());
  }
  return out;
}

/** `--disable hooks` (or `-c features.hooks=false`) in an alias or function in the user's shell start-up files. */
export function shellProfileCheck(home: string): Check {
  const found: string[] = [];
  for (const f of SHELL_STARTUP_FILES) {
    const text = readOr(`${home}/${f}`);
    if (!text) continue;
    for (const l of disablingLines(text)) found.push(`~/${f}: ${l}`);
  }
  return found.length === 0
    ? {
      name: "shell profile",
      ok: true,
      detail: "no codex alias turns hooks off",
    }
    : {
      name: "shell profile",
      ok: false,
      detail: `Codex is started with hooks off: ${found.join("; ")}`,
      fix: "remove --disable hooks from that alias or function",
    };
}

/**
 * Managed requirements: `allow_managed_hooks_only = true` in
 * `<systemDir>/requirements.toml` makes Codex skip user, project and plugin
 * hooks. Fine only when our hooks are themselves managed (in requirements.toml,
 * `<systemDir>/config.toml` `[hooks]` or `<systemDir>/hooks.json`).
 */
export function managedHooksCheck(
  systemDir: string,
  isOurs: (text: string) => boolean,
): Check {
  const req = readOr(`${systemDir}/requirements.toml`);
  const only = req !== undefined &&
    (/^\s*allow_managed_hooks_only\s*=\s*true\b/m.test(req));
  if (!only) {
    return {
      name: "managed hooks",
      ok: true,
      detail: `${systemDir}/requirements.toml does not restrict hooks`,
    };
  }
  const managed = [
    req,
    readOr(`${systemDir}/config.toml`),
    readOr(`${systemDir}/hooks.json`),
  ].some((t) => t !== undefined && isOurs(t));
  return managed
    ? {
      name: "managed hooks",
      ok: true,
      detail:
        `allow_managed_hooks_only is set in ${systemDir}/requirements.toml and our hooks are managed there`,
    }
    : {
      name: "managed hooks",
      ok: false,
      detail:
        `allow_managed_hooks_only = true in ${systemDir}/requirements.toml: Codex skips user and plugin hooks, so ours never run`,
      fix:
        `ask whoever manages ${systemDir} to add our hooks there (same [hooks] tables as config.toml), or to drop allow_managed_hooks_only`,
    };
}

/** Where `deno` resolves to on a PATH (undefined when it does not). */
export function findOnPath(
  program: string,
  path: string | undefined,
): string | undefined {
  if (program.includes("/")) return executable(program) ? program : undefined;
  for (const dir of (path ?? "").split(":")) {
    if (dir === "") continue;
    const p = `${dir}/${program}`;
    if (executable(p)) return p;
  }
  return undefined;
}

function executable(path: string): boolean {
  try {
    const s = Deno.statSync(path);
    return s.isFile && ((s.mode ?? 0o111) & 0o111) !== 0;
  } catch {
    return false;
  }
}

/**
 * The deno a hook command starts: an absolute path must exist; a bare `deno`
 * must be on the PATH Codex gives hooks (this shell's PATH: Codex runs hooks
 * with `$SHELL -c`, not a login shell, so PATH set only in
 * `~/.bash_profile` is missing there).
 */
export function denoCheck(
  event: string,
  deno: string,
  path: string | undefined,
): Check {
  const found = findOnPath(deno, path);
  return found
    ? { name: `${event} deno`, ok: true, detail: `runs ${found}` }
    : {
      name: `${event} deno`,
      ok: false,
      detail: deno.includes("/")
        ? `the hook starts ${deno}, which does not exist or is not executable: the hook fails and Codex runs the tool unguarded`
        : `the hook starts "deno" but it is not on PATH: the hook fails and Codex runs the tool unguarded`,
      fix:
        "re-run deno task install (it writes the absolute path of the deno that ran it)",
    };
}
