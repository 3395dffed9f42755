/**
 * File tools that are not the shell (Claude Write/Edit/NotebookEdit, MCP
 * filesystem tools, apply_patch targets): the same judgement a shell write,
 * delete or move of that path gets, including what the written text does.
 *
 * @module
 */

import type { CommandContext, Match } from "../types.ts";
import { analyzeCommand, stateFor } from "./analyze.ts";
import { judgeFileContent } from "./file_content.ts";
import {
  isProjectClaudeSettings,
  plainClaudeSettings,
} from "./claude_settings.ts";
import { projectRunCommands } from "./project_runs.ts";
import {
  ciFileKind,
  ciRunCommands,
  composeCommands,
  dockerfileCommands,
} from "./ci_runs.ts";
import { isHistoryFile, resolvePath, toolPath } from "./paths.ts";
import { judgeDelete } from "./rm.ts";
import { litArg } from "./unit.ts";
import { cronToShell, judgeWrite, runsLater } from "./writes.ts";

/** Largest text of a file that runs later which is analysed as shell (bytes of UTF-16). */
const MAX_CODE = 200_000;

/**
 * Writing `content` into `path` (null when the tool does not say what, as
 * with a copy or move destination): the path, what the text does in that
 * file, and, for files that run their text later, the text as shell.
 */
export function analyzeFileWrite(
  rawPath: string,
  content: string | null,
  ctx: CommandContext,
  verb = "writing",
): Match[] {
  const path = toolPath(rawPath, ctx.home);
  const st = stateFor(ctx);
  const out: Match[] = [];
  try {
    const p = resolvePath(path, st.cwd, st.ctx.home);
    const plainSettings = p !== null && content !== null &&
      isProjectClaudeSettings(p, st.ctx.cwd) && plainClaudeSettings(content);
    // A project's settings with only plain permission rules are routine (see claude_settings.ts).
    if (!plainSettings) judgeWrite(litArg(path), st, verb);
    if (p !== null && isHistoryFile(p)) {
      // A tool write replaces or rewrites the record of commands.
      st.out.matches.add(
        "history_wipe",
        `${verb} ${p} ${
          content !== null && content.trim() === ""
            ? "empties the shell history"
            : "rewrites the shell history"
        }: this erases or forges the record of commands`,
      );
    }
    if (p !== null) {
      // Text that runs later is read as code, up to a size that stays fast;
      // beyond it the file is judged as if its content could not be seen.
      const tooLong = content !== null && content.length > MAX_CODE &&
        runsLater(p);
      judgeFileContent(p, tooLong ? null : content, st, verb);
      if (content && runsLater(p) && !tooLong) {
        out.push(...analyzeCommand(cronToShell(p, content), ctx).matches);
      }
      if (content && !tooLong) {
        // Recipes, scripts, tasks and cells run at the runner's next step.
        const cmds = projectRunCommands(p, content);
        if (cmds.length) {
          out.push(...analyzeCommand(cmds.join("\n"), ctx).matches);
        } else if (!runsLater(p) && isShellScript(p, content)) {
          out.push(...scriptHazards(p, content, ctx, verb));
        }
        out.push(...ciHazards(p, content, ctx, verb));
      }
    }
  } catch {
    // never throw
  }
  return [...st.out.matches.list(), ...out];
}

/** Shell scripts by name or by their `#!` line. */
const SCRIPT_NAME = /\.(?:sh|bash|zsh|ksh|command)$/;
const SHEBANG = /^#!\s{0,4}\S{0,64}\b(?:sh|bash|zsh|dash|ksh)\b/;

/** Whether a written file is a shell script (by its name or its `#!` line). */
function isShellScript(p: string, content: string): boolean {
  return SCRIPT_NAME.test(p) || SHEBANG.test(content.slice(0, 128));
}

/**
 * What a written script would do that no script of a project needs to: wipe
 * a home, the root, a disk or the keys, open a reverse shell, send secrets
 * or the environment out, or switch the guard off. Writing one is planting it
 * for the next run (`./scripts/clean.sh`, a CI step, the user), so those
 * blocks apply to the write; everything else a script may do (install with
 * curl | sh, deploy, delete build outputs) is judged when it runs.
 */
const PLANTED = new Set([
  "sys_dangerous_rm_root",
  "sys_dangerous_rm_home",
  "sys_dangerous_rm_system",
  "sys_dangerous_rm_no_preserve_root",
  "sys_dangerous_rm_key_folder",
  "sys_dangerous_rm_unset_variable_root",
  "sys_dangerous_find_delete_system",
  "sys_dangerous_dd_device",
  "sys_dangerous_mkfs",
  "sys_dangerous_device_overwrite",
  "sys_dangerous_disk_wipe",
  "sys_dangerous_shred_device",
  "sys_dangerous_fork_bomb",
  "sys_dangerous_reverse_shell_devtcp",
  "sys_dangerous_reverse_shell_netcat",
  "sys_dangerous_reverse_shell_socat",
  "sys_dangerous_reverse_shell_script",
  "sys_dangerous_env_exfiltration",
  "sys_dangerous_env_file_exfiltration",
  "sys_dangerous_credential_exfiltration",
  "sys_dangerous_guard_tamper",
  "sys_dangerous_kill_agent",
]);

function scriptHazards(
  p: string,
  content: string,
  ctx: CommandContext,
  verb: string,
): Match[] {
  // $0 and BASH_SOURCE name the script itself (cd "$(dirname "$0")/..").
  // (Only a plain path is put in: it needs no quoting inside quotes.)
  const text = /^[\w./@+-]{1,1024}$/.test(p)
    ? content.replace(
      /\$\{BASH_SOURCE(?:\[0\])?\}|\$BASH_SOURCE\b|\$\{0\}|\$0\b/g,
      p,
    )
    : content;
  const found = analyzeCommand(text, ctx).matches;
  const out: Match[] = [];
  for (const m of found) {
    if (m.action !== "block" || !PLANTED.has(m.policyId)) continue;
    out.push({
      ...m,
      reason: `${verb} ${p}, a script that, when it runs: ${m.reason}`,
      suggestion: m.suggestion ??
        "write scripts that touch only the project's own files, and show the user anything else",
    });
  }
  return out;
}

/**
 * What reaches outside a container: a shell handed to another machine,
 * secrets or the environment sent out. Inside a Dockerfile's build or a
 * Compose service, deleting or installing touches only the container.
 */
const CONTAINER_PLANTED = new Set([
  "sys_dangerous_fork_bomb",
  "sys_dangerous_reverse_shell_devtcp",
  "sys_dangerous_reverse_shell_netcat",
  "sys_dangerous_reverse_shell_socat",
  "sys_dangerous_reverse_shell_script",
  "sys_dangerous_env_exfiltration",
  "sys_dangerous_env_file_exfiltration",
  "sys_dangerous_credential_exfiltration",
]);

function plantedIn(
  text: string,
  keep: ReadonlySet<string> | null,
  ctx: CommandContext,
  what: string,
): Match[] {
  if (text.trim() === "") return [];
  const out: Match[] = [];
  for (const m of analyzeCommand(text, ctx).matches) {
    if (m.action !== "block" || (keep && !keep.has(m.policyId))) continue;
    out.push({
      ...m,
      reason: `${what}: ${m.reason}`,
      suggestion: m.suggestion ??
        "keep pipeline steps and container commands to the project's own build, test and deploy work, and show the user anything else",
    });
  }
  return out;
}

/**
 * CI steps, Dockerfile commands and Compose services written by a tool:
 * a CI step is judged like a script on the runner (the blocks a planted
 * script gets), a Dockerfile's or Compose service's command by what reaches
 * outside its container (its host mounts and privileges are judged by
 * spec_write.ts).
 */
function ciHazards(
  p: string,
  content: string,
  ctx: CommandContext,
  verb: string,
): Match[] {
  const kind = ciFileKind(p);
  if (kind === "ci") {
    return plantedIn(
      ciRunCommands(content).join("\n"),
      PLANTED,
      ctx,
      `${verb} ${p}, a CI pipeline whose step, when it runs`,
    );
  }
  if (kind === "dockerfile") {
    return plantedIn(
      dockerfileCommands(content).join("\n"),
      CONTAINER_PLANTED,
      ctx,
      `${verb} ${p}, a Dockerfile whose command, when the image is built or run`,
    );
  }
  if (kind === "compose") {
    return plantedIn(
      composeCommands(content).join("\n"),
      CONTAINER_PLANTED,
      ctx,
      `${verb} ${p}, a Compose service whose command, when it starts`,
    );
  }
  return [];
}

/**
 * A shell command writing `content` to `path` (already resolved): the CI
 * steps, Dockerfile and Compose commands in it, judged as for a tool write
 * (`cat > .github/workflows/x.yml <<EOF …`). Other files' text is judged
 * where the shell writes it.
 */
export function analyzeShellWrittenRunFile(
  path: string,
  content: string,
  ctx: CommandContext,
): Match[] {
  if (!ciFileKind(path) || content.length > MAX_CODE) return [];
  try {
    return ciHazards(path, content, ctx, "writing");
  } catch {
    return [];
  }
}

/** A tool deleting `path` (a file or a whole folder): judged like `rm -rf`. */
export function analyzeFileDelete(
  rawPath: string,
  ctx: CommandContext,
): Match[] {
  const path = toolPath(rawPath, ctx.home);
  const st = stateFor(ctx);
  try {
    judgeDelete(litArg(path), true, st, "deleting");
  } catch {
    // never throw
  }
  return st.out.matches.list();
}

/** A tool moving or copying `from` to `to`: the destination is a write of unseen text; a move also deletes the source. */
export function analyzeFileMove(
  from: string,
  to: string,
  move: boolean,
  ctx: CommandContext,
): Match[] {
  const out = analyzeFileWrite(
    to,
    null,
    ctx,
    move ? "moving a file to" : "copying a file to",
  );
  if (move && from) {
    const st = stateFor(ctx);
    try {
      judgeDelete(litArg(from), false, st, "moving away");
    } catch {
      // never throw
    }
    out.push(...st.out.matches.list());
  }
  return out;
}
