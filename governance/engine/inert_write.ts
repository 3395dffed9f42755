/**
 * Plain edits of a project's source and text files, recognised without the
 * shell analysis: a Write, Edit or MultiEdit of `src/util.ts`, or an
 * apply_patch that adds or updates such files. For them the full analysis
 * (the write's path rules, what the written text does in that file, the
 * PII and secret scan of the text) finds nothing; recognising them first
 * lets a hook judge them without loading that code, as `inert.ts` does for
 * routine shell commands.
 *
 * The test is deliberately narrow:
 * - every target is a file inside the working folder, which is a project
 *   (`plainCwd`), named by a plain relative path or by an absolute path
 *   under that folder: segments of letters, digits and `_.@+-` that do not
 *   start with a dot or a dash, no `..`, no name of a credential or secret
 *   store (`SECRET_NAME`), no folder of installed packages, nothing under the
 *   plugin's folder or the guard's data folder;
 * - the file is source or prose by its extension (`.ts`, `.py`, `.go`,
 *   `.md`, …), and not one a routine step runs or an agent reads as its
 *   instructions (`setup.py`, `conftest.py`, `build.rs`, `CMakeLists.txt`,
 *   `AGENTS.md`, `sitecustomize.py`);
 * - the written text does not start with a `#!` line and holds nothing the
 *   PII and secret gate (`detect/sensitive_gate.ts`) must look at;
 * - a patch is one Codex reads without error, whose sections only add or
 *   update files (no delete, no `*** Move to:`).
 * Anything else is judged by the full analysis, so a miss here only costs
 * time. `inert_write_test.ts` checks, by a differential fuzz over paths,
 * names and texts (with their risky neighbours), that the full analysis
 * allows every edit this accepts with no policy firing in either profile,
 * and that no must-block case of the attack corpora is accepted.
 *
 * @module
 */

import { mayHoldSensitive } from "./detect/sensitive_gate.ts";
import { plainCwd, SECRET_NAME } from "./inert_words.ts";
import { parseCodexPatch, parsePatch } from "./patch_parse.ts";
import type { Subject } from "./tool_call.ts";

/** Longest text written (or patch) considered. */
const MAX_CHARS = 100_000;
/** Most files one patch may touch. */
const MAX_FILES = 32;
/** Most segments of a target's relative path. */
const MAX_DEPTH = 16;

/** One segment of a plain relative path: no dot or dash first, no shell or path meaning. */
const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9_.@+-]{0,127}$/;

/** Extensions of source and prose files, whose text nothing runs by being written. */
const PLAIN_EXT =
  /\.(?:ts|tsx|mts|cts|js|jsx|mjs|cjs|py|go|rs|java|kt|scala|c|h|cc|cpp|hpp|cs|swift|md|mdx|txt|rst|css|scss|less|html|vue|svelte)$/;

/**
 * Base names a routine step runs (pytest's conftest, setup.py on install,
 * task files, cargo's build.rs, CMake's lists) or an agent reads as its
 * instructions, and Python's start-up code: judged by the full analysis.
 */
const SPECIAL_NAME =
  /^(?:conftest|setup|noxfile|tasks|dodo|fabfile|manage|sitecustomize|usercustomize|build|cmakelists|agents|gemini|copilot-instructions|requirements|constraints)\./i;

/** Folders of installed packages (code other programs import and run). */
const PACKAGE_DIR = /^(?:node_modules|site-packages|dist-packages)$/i;

/** The places the guard keeps its own code and data, which no shortcut may write into. */
export interface GuardPlaces {
  dataDir?: string;
  pluginRoot?: string;
}

/**
 * The project-relative path of `raw` when it is a plain source or text file
 * inside `cwd` (see the module doc), else null.
 */
function plainTarget(raw: string, cwd: string): string | null {
  let rel = raw;
  if (raw.startsWith("/")) {
    const base = cwd.replace(/\/+$/, "") + "/";
    if (!raw.startsWith(base)) return null;
    rel = raw.slice(base.length);
  }
  const segs = rel.split("/");
  if (segs.length > MAX_DEPTH) return null;
  for (const seg of segs) {
    if (!SEGMENT.test(seg) || PACKAGE_DIR.test(seg)) return null;
  }
  const name = segs[segs.length - 1];
  if (!PLAIN_EXT.test(name) || SPECIAL_NAME.test(name)) return null;
  return SECRET_NAME.test(rel) ? null : rel;
}

/** Whether a guard folder (`dir`) could hold the file `rel` of `cwd`: unknown forms count as yes. */
function underGuard(
  rel: string,
  cwd: string,
  dir: string | undefined,
): boolean {
  if (dir === undefined || dir === "") return false;
  if (!dir.startsWith("/")) return true;
  const d = dir.replace(/\/+$/, "");
  const abs = cwd.replace(/\/+$/, "") + "/" + rel;
  return abs === d || abs.startsWith(d + "/");
}

/** Whether a written text is plain: bounded, no `#!` line, nothing for the PII and secret gate. */
function plainText(text: string): boolean {
  if (text.length > MAX_CHARS) return false;
  if (text.trimStart().startsWith("#!")) return false;
  return !mayHoldSensitive(text);
}

/**
 * Whether a write or patch subject, in `cwd` by a user whose home is `home`,
 * is a plain edit of project source or text files that the full analysis
 * allows with no policy firing (see the module doc). Every other subject
 * kind is not.
 */
export function isInertEdit(
  subject: Subject,
  cwd: string,
  home: string,
  places: GuardPlaces,
): boolean {
  if (subject.kind !== "write" && subject.kind !== "patch") return false;
  if (!plainCwd(cwd, home)) return false;
  const plainFile = (path: string, text: string): boolean => {
    const rel = plainTarget(path, cwd);
    return rel !== null && !underGuard(rel, cwd, places.dataDir) &&
      !underGuard(rel, cwd, places.pluginRoot) && plainText(text);
  };
  if (subject.kind === "write") {
    return plainFile(subject.path, subject.content);
  }
  const patch = subject.patch;
  if (patch.length === 0 || patch.length > MAX_CHARS) return false;
  if (parseCodexPatch(patch).error !== undefined) return false;
  const files = parsePatch(patch);
  if (files.length === 0 || files.length > MAX_FILES) return false;
  return files.every((f) =>
    f.op !== "delete" && f.moveTo === undefined &&
    plainFile(f.path, f.added.join("\n"))
  );
}
