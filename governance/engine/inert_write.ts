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
 * - the written text does not start with a `#!` line, and the PII and
 *   secret scan finds nothing in it: its gate (`detect/sensitive_gate.ts`)
 *   clears it, or, for a caller that has the scanner loaded, the scanner;
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

/** Whether a written text may be taken: bounded, and no `#!` line (a script, whatever its name). */
function plainText(text: string): boolean {
  return text.length <= MAX_CHARS && !text.trimStart().startsWith("#!");
}

/**
 * The texts a write or patch subject writes, when it is a plain edit of
 * project source or text files (see the module doc) apart from what the PII
 * and secret scan finds in those texts; null for any other subject. The
 * full analysis of such an edit finds nothing but what the scan finds in
 * these texts.
 */
export function inertEditTexts(
  subject: Subject,
  cwd: string,
  home: string,
  places: GuardPlaces,
): string[] | null {
  if (subject.kind !== "write" && subject.kind !== "patch") return null;
  if (!plainCwd(cwd, home)) return null;
  const plainFile = (path: string, text: string): boolean => {
    const rel = plainTarget(path, cwd);
    return rel !== null && !underGuard(rel, cwd, places.dataDir) &&
      !underGuard(rel, cwd, places.pluginRoot) && plainText(text);
  };
  if (subject.kind === "write") {
    return plainFile(subject.path, subject.content) ? [subject.content] : null;
  }
  const patch = subject.patch;
  if (patch.length === 0 || patch.length > MAX_CHARS) return null;
  if (parseCodexPatch(patch).error !== undefined) return null;
  const files = parsePatch(patch);
  if (files.length === 0 || files.length > MAX_FILES) return null;
  const texts: string[] = [];
  for (const f of files) {
    const text = f.added.join("\n");
    if (f.op === "delete" || f.moveTo !== undefined) return null;
    if (!plainFile(f.path, text)) return null;
    texts.push(text);
  }
  return texts;
}

/**
 * Whether a write or patch subject is a plain edit (see
 * {@link inertEditTexts}) whose texts hold nothing the PII and secret gate
 * must look at, which the full analysis allows with no policy firing.
 */
export function isInertEdit(
  subject: Subject,
  cwd: string,
  home: string,
  places: GuardPlaces,
): boolean {
  const texts = inertEditTexts(subject, cwd, home, places);
  return texts !== null && !texts.some(mayHoldSensitive);
}
