/**
 * Plain routine shell commands, recognised without the shell analysis:
 * read-only ones (`git status`, `ls -la src`, `rg -n parseArgs scripts`,
 * `cat README.md`) and the routine forms of `inert_routine.ts` (`git add -A`,
 * `git commit -m x`, `npm run build`, `pytest -q`, `cargo test`, `make`).
 * Most tool calls an agent makes are of this kind, and for them the full
 * analysis (parser, expansion, every analyzer) finds nothing; recognising them
 * first lets a hook judge them without loading that code. Plain edits of
 * project source and text files (Write, Edit, apply_patch) are recognised by
 * `inert_write.ts` and decided here too.
 *
 * The test is deliberately narrow, so that it can only say "inert" of text the
 * shell runs exactly as written:
 * - simple commands, joined only by `|` (later commands read-only) and `&&`
 *   (nothing that runs project code after a command that changed the working
 *   tree), optionally after `cd DIR &&` into a plain folder of the project
 *   and with `2>&1` ending a command: no other operators, redirections,
 *   substitutions, variables, globs,
 *   braces, tildes, escapes or comments (only letters, digits, spaces and
 *   `._/:=,@%+-`, plus single and double quotes around such text);
 * - a program from a short list of read-only tools, named without a path,
 *   with no assignment before it, and for git a read-only subcommand; or a
 *   routine form, with only the options listed for it;
 * - no option of those tools that runs a program or writes a file
 *   (`rg --pre`, `git diff --output`, `tree -o`, `git diff --no-index`);
 * - every operand relative, inside the working folder (no `..`), with no
 *   segment that starts with a dot and no name of a credential or secret
 *   store, and a working folder that is a project, not a home, a dot folder
 *   or a system folder.
 * Anything else is judged by the full analysis, so a miss here only costs
 * time. `inert_test.ts`, `inert_fuzz_test.ts` (a differential fuzz) and
 * `tests/inert_corpus_test.ts` check that the full analysis allows, with no
 * policy firing in either profile, every command this accepts, and that no
 * must-block case of the attack corpus is accepted.
 *
 * @module
 */

import type { EngineConfig } from "./config.ts";
import { mayHoldSensitive } from "./detect/sensitive_gate.ts";
import { newDecisionId } from "./decision_id.ts";
import { enabledCount } from "./policy_runs.ts";
import { type Subject, subjectOf } from "./tool_call.ts";
import type { Decision, Finding, ToolCall } from "./types.ts";
import {
  andParts,
  pipeParts,
  plainCwd,
  plainFile,
  plainWords,
  SECRET_NAME,
} from "./inert_words.ts";
import { ROUTINE_PROGRAMS, routineKind } from "./inert_routine.ts";
import { type GuardPlaces, inertEditTexts } from "./inert_write.ts";

/** Longest command considered. */
const MAX_CHARS = 400;

/** Read-only programs and whether their operands are files (checked) or free text. */
const PROGRAMS: ReadonlyMap<string, { operands: "files" | "text" | "none" }> =
  new Map([
    ["ls", { operands: "files" }],
    ["cat", { operands: "files" }],
    ["head", { operands: "files" }],
    ["tail", { operands: "files" }],
    ["wc", { operands: "files" }],
    ["nl", { operands: "files" }],
    ["stat", { operands: "files" }],
    ["du", { operands: "files" }],
    ["grep", { operands: "files" }],
    ["egrep", { operands: "files" }],
    ["fgrep", { operands: "files" }],
    ["rg", { operands: "files" }],
    ["diff", { operands: "files" }],
    ["git", { operands: "files" }],
    ["pwd", { operands: "none" }],
    ["whoami", { operands: "none" }],
    ["echo", { operands: "text" }],
    ["true", { operands: "none" }],
    ["sed", { operands: "files" }],
    ["find", { operands: "files" }],
    ["sort", { operands: "files" }],
    ["uniq", { operands: "files" }],
    ["cut", { operands: "files" }],
    ["tr", { operands: "text" }],
  ]);

/** Shells whose `-c`/`-lc` script is judged as the command itself. */
const SHELLS = new Set(["bash", "sh", "zsh", "dash"]);

/** `sed -n` scripts that only print lines (`1,200p`, `/^export/p`). */
const SED_PRINT = /^(\d{1,9}(,\d{1,9})?|\/[A-Za-z0-9 _.:=,@%+^-]{1,80}\/)p$/;

/** find's tests that only match and print (no -exec, -delete, -fprint, -ok). */
const FIND_TESTS = new Set([
  "-name",
  "-iname",
  "-path",
  "-ipath",
  "-type",
  "-maxdepth",
  "-mindepth",
  "-not",
  "-print",
  "-newer",
  "-size",
  "-mtime",
  "-empty",
  "-o",
  "-a",
]);

/** find's tests that take a value (a pattern or number, never a file it writes). */
const FIND_VALUE = new Set([
  "-name",
  "-iname",
  "-path",
  "-ipath",
  "-type",
  "-maxdepth",
  "-mindepth",
  "-newer",
  "-size",
  "-mtime",
]);

/** git subcommands that only read the repository. */
const GIT_READ = new Set([
  "status",
  "diff",
  "log",
  "show",
  "blame",
  "shortlog",
  "rev-parse",
  "ls-files",
  "describe",
  "branch",
]);

/**
 * Long options that run a program, write a file, read outside the project or
 * change state. git and the GNU tools accept any unambiguous abbreviation of
 * a long option (`git diff --outp=x` is `--output=x`), so a word that is a
 * prefix of one of these counts as it.
 */
const RISKY_LONG = [
  "pre",
  "hostname-bin",
  "output",
  "no-index",
  "ext-diff",
  "textconv",
  "exec",
  "upload-pack",
  "receive-pack",
  "ssh",
  "config",
  "files0-from",
  "from-file",
  "exclude-from",
  "file",
  "devices",
  "delete",
  "move",
  "copy",
  "force",
  "edit-description",
  "set-upstream",
  "set-upstream-to",
  "unset-upstream",
  "track",
  "create",
  "create-reflog",
  "compress-program",
  "in-place",
  "expression",
  "null-data",
  "contents",
  "open-files-in-pager",
];

/** Programs that take no abbreviated long options (ripgrep's parser wants whole names). */
const WHOLE_NAMES = new Set(["rg"]);

/** Whether a `--name[=value]` option of `program` is, or abbreviates, one of {@link RISKY_LONG}. */
function riskyLong(program: string, word: string): boolean {
  if (!word.startsWith("--")) return false;
  const eq = word.indexOf("=");
  const name = (eq < 0 ? word.slice(2) : word.slice(2, eq)).toLowerCase();
  if (name.length === 0) return false;
  if (WHOLE_NAMES.has(program)) return RISKY_LONG.includes(name);
  return RISKY_LONG.some((r) => r.startsWith(name));
}

/** Short option letters that take a file name or change state for the listed programs. */
const RISKY_SHORT: ReadonlyMap<string, RegExp> = new Map([
  ["grep", /f/],
  ["egrep", /f/],
  ["fgrep", /f/],
  ["rg", /f/],
  ["git", /[DdMmCcOo]/],
  ["sort", /[oT]/],
]);

/**
 * Whether `command`, run in `cwd` by a user whose home is `home`, is a plain
 * routine command that the full analysis would let run without any policy
 * firing (see the module doc for the exact test): a read-only command, or
 * one of the routine forms of `inert_routine.ts`. A pipeline whose later
 * commands are read-only is one too, and so is an `&&` list of such
 * pipelines in which nothing that runs project code follows a command that
 * changed the working tree; `bash -lc '<such a command>'` as well.
 */
export function isInertCommand(
  command: string,
  cwd: string,
  home: string,
): boolean {
  if (command.length === 0 || command.length > MAX_CHARS) return false;
  if (!plainCwd(cwd, home)) return false;
  if (!mayStartInert(command)) return false;
  return inertScript(command, 0);
}

/** Every first word an inert command can start with (`cd`, a read-only program, a shell, a routine form's program). */
const FIRST_WORDS: ReadonlySet<string> = new Set([
  "cd",
  ...PROGRAMS.keys(),
  ...SHELLS,
  ...ROUTINE_PROGRAMS,
]);

/**
 * False when the command's first word (up to a space, `&` or `|`, as the
 * splits of {@link inertScript} would cut it) is none of
 * {@link FIRST_WORDS}: `rm -rf dist`, `docker compose up`, `curl …` are
 * refused without splitting them. A quote in the first word leaves the
 * decision to the full test.
 */
function mayStartInert(command: string): boolean {
  let i = 0;
  while (i < command.length && command.charCodeAt(i) === 32) i++;
  let j = i;
  for (; j < command.length; j++) {
    const c = command.charCodeAt(j);
    // space, `&`, `|`: the word ends; a quote: unquoting is the full test's job.
    if (c === 32 || c === 38 || c === 124) break;
    if (c === 34 || c === 39) return true;
  }
  return FIRST_WORDS.has(command.slice(i, j));
}

/** Whether `script` (an `&&` list of pipelines) is inert; `depth` 1 inside `bash -lc`. */
function inertScript(script: string, depth: number): boolean {
  let list = andParts(script);
  if (list === null || list.length > 4) return false;
  // `cd web && npm run build`: into a plain folder of the project, first.
  if (list.length > 1) {
    const cd = plainWords(list[0]);
    if (cd !== null && cd[0] === "cd") {
      if (cd.length !== 2 || cd[1].startsWith("-") || !plainFile(cd[1])) {
        return false;
      }
      list = list.slice(1);
    }
  }
  let changedTree = false;
  for (const item of list) {
    const parts = pipeParts(item);
    if (parts === null || parts.length > 4) return false;
    for (let i = 0; i < parts.length; i++) {
      const words = plainWords(withoutStderrMerge(parts[i]));
      if (words === null || words.length === 0) return false;
      if (SHELLS.has(words[0])) {
        // `bash -lc 'git status'`: the script is judged as the command.
        if (depth > 0 || list.length > 1 || parts.length > 1) return false;
        if (words.length !== 3 || !/^-l?c$/.test(words[1])) return false;
        return inertScript(words[2], 1);
      }
      if (inertSimple(words)) continue;
      // Routine commands read no pipe: they open a pipeline or stand alone.
      if (i > 0) return false;
      const kind = routineKind(words);
      if (kind === null) return false;
      // `git pull && make`: the code run may be what the first command brought.
      if (kind === "run" && changedTree) return false;
      if (kind === "tree") changedTree = true;
    }
  }
  return true;
}

/**
 * A pipeline part without a trailing `2>&1` (errors sent where the output
 * goes: it writes no file and runs nothing). Inside quotes it could not end
 * the part, since the quote would close after it.
 */
function withoutStderrMerge(part: string): string {
  const t = part.trimEnd();
  return t.endsWith(" 2>&1") ? t.slice(0, -5) : part;
}

/** Whether one simple command (its words) is read-only. */
function inertSimple(words: string[]): boolean {
  const program = words[0];
  const spec = PROGRAMS.get(program);
  if (!spec) return false;
  let rest = words.slice(1);
  if (program === "git") {
    if (rest.length === 0 || !GIT_READ.has(rest[0])) return false;
    // `git branch` only lists: no operand (a name would create a branch).
    if (rest[0] === "branch" && rest.slice(1).some((w) => !w.startsWith("-"))) {
      return false;
    }
    rest = rest.slice(1);
  }
  if (program === "sed") return inertSed(rest);
  if (program === "find") return inertFind(rest);
  if (spec.operands === "none" && rest.length > 0) return false;
  const short = RISKY_SHORT.get(program);
  let operands = 0;
  let endOfOptions = false;
  for (const w of rest) {
    if (!endOfOptions && w === "--") {
      endOfOptions = true;
      continue;
    }
    if (!endOfOptions && w.startsWith("-")) {
      if (riskyLong(program, w)) return false;
      if (short && !w.startsWith("--") && short.test(w.slice(1))) return false;
      // An option's value is free text (`--format=%h %s`), never a file it reads.
      if (w.includes("=") && !/^--[a-z][a-z-]{0,40}=[^/]*$/.test(w)) {
        return false;
      }
      continue;
    }
    operands++;
    // Text operands (echo, tr sets) are held to the file rule too: a path in
    // them is judged by the full analysis like any other mention.
    if (spec.operands === "text") {
      if (!plainFile(w)) return false;
      continue;
    }
    // `uniq IN OUT` writes OUT.
    if (program === "uniq" && operands > 1) return false;
    // The first operand of a search is its pattern, not a file.
    const isPattern = operands === 1 &&
      (program === "grep" || program === "egrep" || program === "fgrep" ||
        program === "rg");
    if (isPattern) {
      if (SECRET_NAME.test(w)) return false;
      continue;
    }
    if (!plainFile(w)) return false;
  }
  return true;
}

/** `sed -n SCRIPT FILE...` with a print-only script. */
function inertSed(rest: string[]): boolean {
  let script = "";
  let quiet = false;
  for (const w of rest) {
    if (w === "-n") quiet = true;
    else if (w.startsWith("-")) return false;
    else if (!script) {
      script = w;
      if (!SED_PRINT.test(script)) return false;
    } else if (!plainFile(w)) return false;
  }
  return quiet && script !== "";
}

/** `find PATH... TESTS` with match-and-print tests only. */
function inertFind(rest: string[]): boolean {
  let i = 0;
  for (; i < rest.length && !rest[i].startsWith("-"); i++) {
    if (!plainFile(rest[i])) return false;
  }
  for (; i < rest.length; i++) {
    const w = rest[i];
    if (!FIND_TESTS.has(w)) return false;
    if (FIND_VALUE.has(w)) {
      i++;
      if (i >= rest.length) return false;
    }
  }
  return true;
}

/**
 * The text the PII and secret gate reads for an inert `command`. A `&` is a
 * marker of the scanner's decoding pass, whose only use of it is an entity
 * (`&amp;`, `&#39;`) closed by a `;`; in a command without `;` and without
 * backslashes an `&&` list's operators can start nothing, so the gate reads
 * the command without them (and the whole command in every other case).
 */
function gateText(command: string): string {
  if (command.includes(";") || command.includes("\\")) return command;
  const t = command.replaceAll("&&", "  ");
  return t.includes("&") ? command : t;
}

/** The guard's own folders for a call (its data folder and the plugin's folder). */
function guardPlaces(call: ToolCall, config: EngineConfig): GuardPlaces {
  return {
    dataDir: call.dataDir ?? config.dataDir,
    pluginRoot: call.pluginRoot ?? config.pluginRoot,
  };
}

/**
 * The texts a call writes when it is a plain edit of project source or text
 * files apart from what the PII and secret scan finds in them (see
 * `inertEditTexts` in `inert_write.ts`), with no custom policy; null for
 * every other call. A caller whose gate flags one of them can load the
 * scanner and ask {@link inertDecision} again with it, instead of loading
 * the full analysis.
 */
export function inertEditTextsOf(
  call: ToolCall,
  config: EngineConfig,
): string[] | null {
  if (config.custom.length > 0) return null;
  const home = call.home ?? "/home/user";
  return inertEditTexts(
    subjectOf(call),
    call.cwd ?? home,
    home,
    guardPlaces(call, config),
  );
}

/**
 * The decision on a call that is a plain routine shell command (see
 * {@link isInertCommand}) or a plain edit of project source or text files
 * (`inert_write.ts`), without a custom policy that could match it and
 * without anything the PII and secret scanner could find in it: allowed, no
 * policy fired. An edit's text that the scanner's gate flags is read by
 * `scan` when one is given (the scanner itself: the edit is taken when it
 * finds nothing). Null for every other call, which the full analysis judges.
 */
export function inertDecision(
  call: ToolCall,
  config: EngineConfig,
  scan?: (text: string) => readonly Finding[],
  subject: Subject = subjectOf(call),
): Decision | null {
  if (config.custom.length > 0) return null;
  const home = call.home ?? "/home/user";
  const cwd = call.cwd ?? home;
  if (subject.kind === "shell") {
    if (!isInertCommand(subject.command, cwd, home)) return null;
    if (mayHoldSensitive(gateText(subject.command))) return null;
  } else {
    const texts = inertEditTexts(subject, cwd, home, guardPlaces(call, config));
    if (texts === null) return null;
    for (const text of texts) {
      if (!mayHoldSensitive(text)) continue;
      if (scan === undefined || scan(text).length > 0) return null;
    }
  }
  return {
    allowed: true,
    decisionId: newDecisionId(),
    matches: [],
    reason: "No policy matched.",
    riskLevel: "none",
    policiesEvaluated: enabledCount(
      config,
      "input",
      call.profile ?? config.profile,
    ),
  };
}
