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
import { projectRunCommands } from "./project_runs.ts";
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
    judgeWrite(litArg(path), st, verb);
    const p = resolvePath(path, st.cwd, st.ctx.home);
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
        }
      }
    }
  } catch {
    // never throw
  }
  return [...st.out.matches.list(), ...out];
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
