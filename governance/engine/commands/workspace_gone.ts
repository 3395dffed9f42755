/**
 * Deleting the workspace piece by piece: every file git tracks
 * (`git ls-files | xargs rm -f`, `rm -f $(git ls-files)`), or its contents
 * and its `.git` on one line (`rm -rf * .[!.]*`, `rm -rf ./* && rm -rf .git`,
 * `ls -A | xargs rm -rf`). Each half alone is routine or only warns
 * (`rm -rf *` keeps the history, `rm -rf .git` keeps the files); together,
 * or every tracked file at once, the project is gone as surely as by
 * `rm -rf ../project`.
 *
 * @module
 */

import { commandsIn, type Seen } from "./ast_scan.ts";
import { globMatches } from "./glob.ts";
import { resolvePath } from "./paths.ts";
import type { Arg, State } from "./unit.ts";

const SAFER =
  "delete specific files or folders inside the workspace (./build, ./node_modules), or ask the user to remove the project";

/** Programs that pass a listing on whole (reorder or re-delimit it, or add to it: `{ git ls-files; echo .git; }`). */
const PASS_THROUGH = new Set([
  "tr",
  "sort",
  "uniq",
  "cat",
  "tac",
  "shuf",
  "echo",
  "printf",
]);

/** git options before the subcommand that take the next word as their value. */
const GIT_VALUE_OPTS = new Set(["-C", "-c", "--git-dir", "--work-tree"]);

/** ls-files options that keep the listing every tracked file (names only). */
const LS_FILES_ALL =
  /^(-[zco]{1,3}|--cached|--others|--exclude-standard|--full-name|--recurse-submodules|--)$/;

/** The folder an unfiltered `git [-C dir] ls-files` lists, or null. */
function lsFilesDir(c: Seen, st: State): string | null {
  if (c.name !== "git") return null;
  let dir = ".";
  let i = 0;
  while (i < c.args.length && c.args[i].startsWith("-")) {
    const o = c.args[i];
    if (GIT_VALUE_OPTS.has(o)) {
      if (o === "-C") dir = c.args[i + 1] ?? ".";
      i += 2;
    } else i++;
  }
  const dirOf = () => resolvePath(dir, st.cwd, st.ctx.home);
  if (c.args[i] === "ls-tree") {
    // git ls-tree -r --name-only HEAD: every file of a commit, by name.
    const rest = c.args.slice(i + 1);
    const flags = rest.filter((a) => a.startsWith("-"));
    const refs = rest.filter((a) => !a.startsWith("-"));
    return flags.includes("-r") && flags.includes("--name-only") &&
        flags.every((f) => /^(-r|--name-only|--full-tree|-z)$/.test(f)) &&
        refs.length === 1
      ? dirOf()
      : null;
  }
  if (c.args[i] !== "ls-files") return null;
  const rest = c.args.slice(i + 1);
  for (const a of rest) {
    if (a === "." || a === ":/") continue;
    if (!LS_FILES_ALL.test(a)) return null;
  }
  // --others alone lists untracked files only; with --cached, every file.
  const others = rest.some((a) => a === "--others" || /^-[zc]{0,2}o/.test(a));
  const cached = rest.some((a) => a === "--cached" || /^-[zo]{0,2}c/.test(a));
  return others && !cached ? null : dirOf();
}

/**
 * Whether `a` is the output of an unfiltered `git ls-files` of the
 * workspace (`$(git ls-files)`, or a listing xargs feeds in).
 */
export function tracksWorkspace(a: Arg, st: State): boolean {
  if (a.known) return false;
  const read = /^\$\{?([A-Za-z_]\w{0,63})\}?$/.exec(a.text);
  const from = read ? st.out.readFrom.get(read[1]) : undefined;
  if (from !== undefined) {
    // git ls-files | while read f; do rm "$f"; done, for f in $(git ls-files).
    const words = from.split(/\s+/).filter((w) => w !== "").slice(0, 64);
    const c = { name: words[0] ?? "", args: words.slice(1) };
    return lsFilesDir(c, st) === st.ctx.cwd;
  }
  for (const s of a.subs.slice(0, 8)) {
    const cmds = commandsIn(s, 16);
    const lister = cmds.find((c) => c.name === "git");
    if (!lister) continue;
    if (!cmds.every((c) => c === lister || PASS_THROUGH.has(c.name))) continue;
    if (lsFilesDir(lister, st) === st.ctx.cwd) return true;
  }
  return false;
}

/** Which part of the workspace a known deletion target takes, if any. */
function partOf(text: string, glob: boolean, recursive: boolean, st: State) {
  const ws = st.ctx.cwd;
  if (!glob) {
    const p = resolvePath(text, st.cwd, st.ctx.home);
    return recursive && p === ws + "/.git" ? { git: true, files: false } : null;
  }
  const slash = text.lastIndexOf("/", text.search(/[*?[{]/));
  const dir = slash < 0 ? "." : text.slice(0, slash) || "/";
  const seg = text.slice(slash + 1).replace(/\/$/, "");
  if (seg.length > 64 || resolvePath(dir, st.cwd, st.ctx.home) !== ws) {
    return null;
  }
  // A leading dot is matched only by a leading dot (`.[!.]*`, `.??*`, `.*`),
  // unless dotglob is on (shopt -s dotglob, GLOBIGNORE=…).
  const dotted = seg.startsWith(".");
  const dotglob = st.out.dotglob === true || st.env.has("GLOBIGNORE");
  return {
    git: recursive && (dotted || dotglob) && globMatches(seg, ".git"),
    files: recursive && !dotted && globMatches(seg, "src") &&
      globMatches(seg, "a.md"),
  };
}

/**
 * Judges the deletion targets of one command (`rm`, `shred`, `unlink`):
 * blocks every tracked file of the workspace at once, and remembers the
 * contents or `.git` taken so the two halves on one line are judged as
 * deleting the workspace.
 */
export function judgeWorkspaceGone(
  targets: readonly Arg[],
  recursive: boolean,
  st: State,
  verb: string,
): void {
  const ws = st.ctx.cwd;
  if (ws === null || ws === "/" || ws === st.ctx.home) return;
  const out = st.out;
  for (const a of targets.slice(0, 256)) {
    if (tracksWorkspace(a, st)) {
      out.matches.add(
        "workspace_delete",
        `${verb} deletes every file git tracks in the workspace (${ws}): the work is gone, with every uncommitted change`,
        SAFER,
      );
      out.workspaceParts = {
        git: out.workspaceParts?.git ?? false,
        files: true,
      };
      continue;
    }
    if (!a.known) continue;
    for (const alt of a.alts.slice(0, 16)) {
      const part = partOf(alt, a.glob, recursive, st);
      if (!part) continue;
      out.workspaceParts = {
        files: out.workspaceParts?.files || part.files,
        git: out.workspaceParts?.git || part.git,
      };
    }
  }
  if (out.workspaceParts?.files && out.workspaceParts.git) {
    out.matches.add(
      "workspace_delete",
      `${verb} deletes the workspace's files and its .git folder (${ws}): the work, its uncommitted changes and its history are gone`,
      SAFER,
    );
  }
}

/** Programs that empty or rewrite the files they are given (`truncate -s 0`, `sed -i`, `cp /dev/null`). */
const REWRITERS = new Set(["truncate", "sed", "cp", "chmod"]);

/**
 * `git ls-files | xargs truncate -s 0`, `… | xargs sed -i d`,
 * `… | xargs -I{} cp /dev/null {}`, `… | xargs chmod 000`: every tracked
 * file emptied, blanked or locked in place is the work lost as surely as
 * deleted.
 */
export function judgeTrackedRewrite(
  name: string,
  args: readonly Arg[],
  st: State,
): void {
  if (!REWRITERS.has(name)) return;
  const t = args.map((a) => a.text);
  // sed -i d, sed -i 's/.*//': every line of every file gone (a search and
  // replace across the files is routine).
  if (
    name === "sed" && (
      !t.some((x) => /^-[a-zA-Z]{0,4}i|^--in-place/.test(x)) ||
      !t.some((x) => /^(?:d|1,\$d|s\/\^?\.\*\$?\/\/g?)$/.test(x))
    )
  ) return;
  if (name === "cp" && !t.includes("/dev/null")) return;
  if (name === "chmod" && !t.some((x) => /^0{0,1}00{2}$|^a?-rwx$/.test(x))) {
    return;
  }
  const ws = st.ctx.cwd;
  if (ws === null || ws === "/" || ws === st.ctx.home) return;
  if (args.slice(0, 256).some((a) => tracksWorkspace(a, st))) {
    st.out.matches.add(
      "workspace_delete",
      `${name} ${
        t.slice(0, 3).join(" ")
      } … rewrites every file git tracks in the workspace (${ws}): their content is lost, with every uncommitted change`,
      SAFER,
    );
  }
}
