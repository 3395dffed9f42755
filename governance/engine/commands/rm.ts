/**
 * Deletion: rm (and rimraf/srm/unlink), find -delete / -exec rm, mv of vital
 * folders, rsync --delete. The target's place decides: root, home and system
 * folders block; the workspace is routine in `standard`; elsewhere warns.
 *
 * `rm -rf /$VAR` (root followed only by an unknown variable) blocks: in a
 * hook's environment an unknown variable is most likely unset, leaving `/`.
 * `rm -rf "$VAR/"*` only warns, and `rm -rf "$VAR/"` passes.
 *
 * @module
 */

import { commandsIn } from "./ast_scan.ts";
import { globMatches } from "./glob.ts";
import { followLinks } from "./links.ts";
import type { MatchSet } from "./match.ts";
import {
  coreSystemOf,
  credentialOf,
  guardGlobOf,
  guardPathOf,
  type HomeLoss,
  homeLossOf,
  homeSpotOf,
  isCriticalSystemFile,
  isHistoryFile,
  isHome,
  isInSystem,
  isLogPath,
  isTemp,
  isTempRoot,
  isWorkspaceCopy,
  type Place,
  placeOf,
  resolvePath,
} from "./paths.ts";
import { type Arg, litArg, type State, type Unit } from "./unit.ts";
import type { Pipe } from "./pipe.ts";
import { judgeWrite } from "./writes.ts";
import { judgeWorkspaceGone } from "./workspace_gone.ts";

const SAFER = "delete a specific folder inside the workspace, such as ./build";

/** How a glob or plain path targets the filesystem. */
interface Target {
  path: string;
  /** `self` (the path), `contents` (all of it via `*`), `child` (some entries, via a filtered glob). */
  mode: "self" | "contents" | "child";
  /** For `child`: the glob segment (`D*`, `*.list`). */
  seg?: string;
  /** For `self`: the text names the folder (`../proj`, `~/proj`), not `.`. */
  named?: boolean;
}

const ALL_CONTENTS =
  /^(\*|\.\*|\*\.\*|\.\[!.\]\*|\.\?\*|\.\.\?\*|\{\*,\.\*\}|\{\.\*,\*\})\/?$/;

/** Resolves what a (known) path text targets. */
function targetOf(text: string, glob: boolean, st: State): Target | null {
  if (!glob) {
    const p = resolvePath(text, st.cwd, st.ctx.home);
    // `rm -rf link/` deletes what the link points to; `rm link` only the link.
    return p === null ? null : {
      path: followLinks(p, st, text.endsWith("/")),
      mode: "self",
      named: !/^(?:\.\/*)+$/.test(text),
    };
  }
  const g = text.search(/[*?[]/);
  const slash = text.lastIndexOf("/", g);
  const dir = slash < 0 ? "." : text.slice(0, slash) || "/";
  const seg = text.slice(slash + 1);
  const found = resolvePath(dir, st.cwd, st.ctx.home);
  if (found === null) return null;
  const p = followLinks(found, st);
  if (ALL_CONTENTS.test(seg)) return { path: p, mode: "contents" };
  const home = st.ctx.home;
  if (
    !seg.includes("/") && seg.length < 256 && home !== "/" &&
    p === home.slice(0, home.lastIndexOf("/")) &&
    globMatches(seg, home.slice(home.lastIndexOf("/") + 1))
  ) {
    // rm -rf /home/d*, /home/[d]ev: the glob names the home folder itself.
    return { path: home, mode: "self" };
  }
  return { path: p, mode: "child", seg };
}

function describe(t: Target): string {
  if (t.mode === "contents") return `everything in ${t.path}`;
  if (t.mode === "child") return `entries of ${t.path}`;
  return t.path;
}

/** Judges deleting `a` (recursive or not); `verb` names the command for reasons. */
export function judgeDelete(
  a: Arg,
  recursive: boolean,
  st: State,
  verb: string,
): void {
  const m = st.out.matches;
  const home = st.ctx.home;
  if (!a.known) {
    if (!recursive) return;
    if (a.listed) judgeListedGit(a, st, verb, m);
    const pre = a.prefix;
    if (pre === "") {
      if (
        a.glob && /^\$\w{1,64}\/+\*/.test(a.text) ||
        /^\$\{?\w{1,64}\}?\/\*$/.test(a.text)
      ) {
        m.add(
          "rm_empty_variable_risk",
          `${verb} ${a.text}: if the variable is empty this deletes everything under /`,
          'check the variable first, e.g. rm -rf "${DIR:?}"/*',
        );
      }
      return;
    }
    const dirText = pre.endsWith("/") ? pre : pre + "x/..";
    const dir = resolvePath(dirText, st.cwd, home);
    if (dir === null) return;
    const place = placeOf(dir, st.ctx.cwd, home);
    if (place === "root" && pre.endsWith("/")) {
      m.add(
        "rm_unset_variable_root",
        `${verb} ${a.text}: only a variable follows /, so if it is empty or unset this deletes the whole machine`,
        'use "${VAR:?}" so an empty variable aborts, or name the folder literally',
      );
    } else if ((place === "home" || place === "system") && pre.endsWith("/")) {
      m.add(
        "rm_empty_variable_risk",
        `${verb} ${a.text}: if the variable is empty this deletes ${dir} itself`,
        'use "${VAR:?}" so an empty variable aborts',
      );
    }
    if (!isTemp(dir + "/x")) {
      m.add(
        "rm_outside_temp",
        `${verb} ${a.text} deletes a folder outside the temp folders (strict profile)`,
        "move it to a temp folder or ask the user to delete it",
      );
    }
    return;
  }
  if (recursive && a.listed) judgeListedGit(a, st, verb, m);
  for (const text of a.alts) {
    const t = targetOf(text, a.glob, st);
    if (t) judgeTarget(t, recursive, st, verb, m);
  }
}

/**
 * `find . -name .git > l; xargs -a l rm -rf`, `git rev-parse --show-toplevel
 * | xargs -I{} rm -rf {}/.git`: the workspace's own .git (or one whose
 * folder another command computes) deleted through a listing. Typed
 * plainly, `rm -rf .git` only warns (re-initialising a repository is
 * routine); reached through a listing, it hides what is deleted.
 */
function judgeListedGit(a: Arg, st: State, verb: string, m: MatchSet): void {
  const cwd = st.ctx.cwd;
  // git rev-parse --git-dir | xargs rm -rf: the producer prints the repository's .git.
  const gitDir = a.subs.slice(0, 4).some((sub) =>
    commandsIn(sub, 16).some((c) =>
      c.name === "git" && c.args.includes("rev-parse") &&
      c.args.some((x) => /^--(?:absolute-)?git-dir$|^--git-common-dir$/.test(x))
    )
  );
  if (gitDir && a.text === "$(…)") {
    m.add(
      "rm_git_dir_listed",
      `${verb} deletes the folder git rev-parse prints, the repository's .git: its whole history and unpushed work go with it, and what is deleted is hidden`,
      "make sure everything is pushed, then delete the .git folder by its name so the user sees it",
    );
    return;
  }
  for (const text of a.alts.slice(0, 16)) {
    if (!/(?:^|\/)\.git\/?$/.test(text)) continue;
    const computed = text.includes("$(");
    const p = computed ? null : resolvePath(text, st.cwd, st.ctx.home);
    const dir = p === null ? null : p.replace(/\/\.git\/?$/, "");
    const own = dir !== null &&
      (dir === cwd || cwd.startsWith(dir === "/" ? "/" : dir + "/"));
    if (!computed && !own) continue;
    m.add(
      "rm_git_dir_listed",
      `${verb} deletes ${
        p ?? text
      }, a repository's .git folder named by a listing or another command's output: its whole history and unpushed work go with it, and what is deleted is hidden`,
      "make sure everything is pushed, then delete the .git folder by its name so the user sees it",
    );
    return;
  }
}

function judgeTarget(
  t: Target,
  recursive: boolean,
  st: State,
  verb: string,
  m: MatchSet,
): void {
  const home = st.ctx.home;
  const p = t.path;
  const what = describe(t);
  if (t.mode === "child") {
    // A filtered glob: judge as one entry of the folder.
    const guarded = guardGlobOf(
      p,
      t.seg ?? "*",
      home,
      st.ctx.cwd,
      recursive,
      st.ctx,
    );
    if (guarded) {
      m.add(
        "guard_tamper",
        `${verb} targets ${what} (${
          t.seg ?? "*"
        }), which can name the agent's guard configuration (${guarded}): deleting it switches off governance`,
        "leave the guard's files alone; ask the user to change them",
      );
      return;
    }
    const childPlace = p === "/"
      ? "system"
      : placeOf(p === "/" ? "/x" : p + "/x", st.ctx.cwd, home);
    if (childPlace === "system" || (p === "/" && recursive)) {
      if (recursive || isInSystem(p + "/x")) {
        m.add(
          "rm_system",
          `${verb} targets ${what} (a system folder): deleting them breaks the operating system`,
          SAFER,
        );
      }
      return;
    }
    if (childPlace === "log") {
      m.add("log_wipe", `${verb} targets ${what}: this destroys system logs`);
      return;
    }
    if (recursive) {
      judgeRecursiveRest(
        p + "/" + (t.seg || "x"),
        childPlace,
        st,
        verb,
        what,
        m,
      );
    }
    return;
  }
  const place = placeOf(p, st.ctx.cwd, home);
  const wide = recursive || t.mode === "contents";
  if (place === "root" && wide) {
    m.add(
      "rm_root",
      `${verb} targets ${
        what === "/" ? "/ (the root folder)" : what
      }: this deletes every file on the machine`,
      SAFER,
    );
    return;
  }
  if (place === "home" && wide) {
    const whose = p === home
      ? `your home folder (${p})`
      : p === "/home" || p === "/Users"
      ? `every user's home folder (${p})`
      : `the home folder ${p}`;
    m.add(
      "rm_home",
      `${verb} targets ${
        t.mode === "contents" ? "everything in " + whose : whose
      }: this deletes every file the user owns`,
      SAFER,
    );
    return;
  }
  if (place === "system" && wide) {
    m.add(
      "rm_system",
      `${verb} targets ${what}, a system folder: deleting it breaks the operating system`,
      SAFER,
    );
    return;
  }
  if (place === "log" || isLogPath(p)) {
    m.add(
      "log_wipe",
      `${verb} targets ${what}: this destroys the system logs`,
      "rotate logs with logrotate instead of deleting them",
    );
    return;
  }
  const guard = guardPathOf(p, home, st.ctx.cwd, "delete", st.ctx);
  if (guard) {
    m.add(
      "guard_tamper",
      `${verb} targets ${p}, part of the agent's guard configuration (${guard}): deleting it switches off governance`,
      "leave the guard's files alone; ask the user to change them",
    );
    return;
  }
  if (!recursive && t.mode === "self") {
    const key = credentialOf(p, home, false);
    const ownKey = key !== null && homeSpotOf(p, home) !== null &&
      (key.kind === "ssh_private_key_read" || /\/\.gnupg\//.test(p));
    if (key && ownKey) {
      m.add(
        "rm_key_folder",
        `${verb} deletes ${key.label}: a private key cannot be re-created, and access to whatever trusts it is lost`,
        KEY_SAFER,
      );
    } else if (isCriticalSystemFile(p)) {
      m.add(
        "system_file_delete",
        `${verb} deletes ${p}, a file the system cannot run without`,
      );
    } else if (isHistoryFile(p)) {
      m.add(
        "history_wipe",
        `${verb} deletes the history file ${p}: this erases the record of commands`,
      );
    } else if (isInSystem(p)) {
      m.add(
        "system_path_write",
        `${verb} deletes ${p} inside a system folder`,
      );
    }
    return;
  }
  if (
    !recursive && t.mode === "contents" && place !== "inside" &&
    place !== "workspace" && !isTemp(p + "/x")
  ) {
    if (homeLossOf(p, home) === "keys") {
      m.add(
        "rm_key_folder",
        `${verb} deletes ${what}, ${
          keyFolderWhy(p)
        }: private keys there cannot be re-created`,
        KEY_SAFER,
      );
    } else if (isInSystem(p)) {
      m.add(
        "system_path_write",
        `${verb} deletes the files in ${p}, a system folder`,
      );
    }
    return;
  }
  judgeRecursiveRest(p, place, st, verb, what, m, t.named === true);
}

const KEY_SAFER =
  "back the keys up first; to forget a host use ssh-keygen -R HOST instead";

function keyFolderWhy(p: string): string {
  return /\/\.gnupg(\/|$)/.test(p)
    ? "in a GnuPG keyring folder"
    : "in an SSH keys folder";
}

/** `~/Documents` for the user's own home, the absolute path otherwise. */
function shown(p: string, home: string): string {
  return home !== "/" && p.startsWith(home + "/")
    ? "~" + p.slice(home.length)
    : p;
}

/**
 * What a recursive deletion of `p` loses in a home folder, unless `p` is in
 * the workspace. A workspace that IS a home (an agent started in ~) exempts
 * its folders except the personal ones by name (Documents, .config, .ssh...):
 * there, everything else may be a project the agent works on.
 */
function preciousLoss(p: string, place: Place, st: State): HomeLoss | null {
  if (place === "workspace" || place === "temp") return null;
  if (place === "outside" && isWorkspaceCopy(p, st.ctx.cwd)) return null;
  if (place === "inside") {
    if (!isHome(st.ctx.cwd, st.ctx.home)) return null;
    return homeLossOf(p, st.ctx.home, true);
  }
  return homeLossOf(p, st.ctx.home);
}

/** Adds the block for deleting a precious home folder or inside a core system folder; true if one fired. */
function judgePrecious(
  p: string,
  place: Place,
  st: State,
  verb: string,
  what: string,
  m: MatchSet,
): boolean {
  const home = st.ctx.home;
  const loss = preciousLoss(p, place, st);
  if (loss === "keys") {
    m.add(
      "rm_key_folder",
      `${verb} deletes ${what}, ${
        keyFolderWhy(p)
      }: private keys cannot be re-created, and access to every server or signature that relies on them is lost`,
      KEY_SAFER,
    );
    return true;
  }
  if (loss === "top") {
    const spot = homeSpotOf(p, home);
    const whose = spot && spot.own
      ? `${shown(p, home)} (${p}), a top-level folder of your home`
      : `${p}, a top-level folder of the home ${spot?.home ?? ""}`;
    m.add(
      "rm_home_folder",
      `${verb} targets ${
        what === p ? whose : `${what} (${whose})`
      }: it holds personal files and settings that cannot be re-created`,
      "delete specific files or subfolders inside it, or ask the user to remove the folder",
    );
    return true;
  }
  const core = place === "outside" ? coreSystemOf(p) : null;
  if (core) {
    m.add(
      "rm_system_subfolder",
      `${verb} deletes ${what} inside ${core}, a core system folder: ${
        CORE_WHY[core] ?? "the system depends on what is there"
      }`,
      "uninstall with the package manager (apt remove, brew uninstall), or delete a single file without -r",
    );
    return true;
  }
  return false;
}

const CORE_WHY: Readonly<Record<string, string>> = {
  "/etc": "system and service configuration is lost",
  "/usr": "installed programs and libraries the system runs on disappear",
  "/bin": "programs the system runs on disappear",
  "/sbin": "programs the system runs on disappear",
  "/lib": "libraries the system runs on disappear",
  "/lib32": "libraries the system runs on disappear",
  "/lib64": "libraries the system runs on disappear",
  "/libx32": "libraries the system runs on disappear",
  "/boot": "the machine may no longer boot",
  "/var/lib":
    "the data of installed services (databases, package state, containers) is destroyed",
  "/root": "the administrator's files are lost",
  "/sys": "it is the kernel's live interface, not files to delete",
  "/proc": "it is the kernel's live interface, not files to delete",
  "/dev": "device nodes the system needs disappear",
  "/System": "macOS system files are lost",
  "/Library": "system-wide macOS settings and software are lost",
};

function judgeRecursiveRest(
  p: string,
  place: Place,
  st: State,
  verb: string,
  what: string,
  m: MatchSet,
  named = false,
): void {
  if (judgePrecious(p, place, st, verb, what, m)) {
    // Blocked already; the strict temp-folder rule below still applies.
  } else if (/(^|\/)\.git$/.test(p)) {
    m.add(
      "rm_git_dir",
      `${verb} deletes ${p}: the repository's whole history and unpushed work go with it`,
      "make sure everything is pushed, or delete only build outputs",
    );
  } else if (
    place === "workspace_parent" || place === "workspace" && named
  ) {
    m.add(
      "workspace_delete",
      `${verb} deletes ${what}, ${
        place === "workspace"
          ? "the workspace itself"
          : "a folder containing the workspace"
      } (${st.ctx.cwd}): the work, its uncommitted changes and its git history go with it`,
      "delete specific folders inside the workspace (./build, ./node_modules), or ask the user to remove the project",
    );
  } else if (place === "workspace") {
    m.add(
      "rm_workspace_itself",
      `${verb} targets ${what}, the whole workspace's contents (${st.ctx.cwd})`,
      SAFER,
    );
  } else if (place === "outside" || (place === "system" && !isTemp(p))) {
    m.add(
      "rm_outside_workspace",
      `${verb} deletes ${what}, outside the workspace (${st.ctx.cwd})`,
      "delete only inside the workspace, or ask the user first",
    );
  }
  if (!isTemp(p) && !(isTempRoot(p) && what.startsWith("everything"))) {
    m.add(
      "rm_outside_temp",
      `${verb} deletes ${what}, which is not in a temp folder (strict profile)`,
      "ask the user to delete it, or work in a temp folder",
    );
  }
}

/** Parses rm-style flags; returns targets and whether the deletion is recursive. */
function rmFlags(args: Arg[]): {
  targets: Arg[];
  recursive: boolean;
  noPreserve: boolean;
  help: boolean;
} {
  let recursive = false;
  let noPreserve = false;
  let help = false;
  const targets: Arg[] = [];
  let opts = true;
  for (const a of args) {
    const t = a.text;
    if (opts && t === "--") {
      opts = false;
      continue;
    }
    if (opts && t.startsWith("--")) {
      if (t === "--recursive") recursive = true;
      else if (t === "--no-preserve-root") noPreserve = true;
      else if (t === "--help" || t === "--version") help = true;
      continue;
    }
    if (opts && t.startsWith("-") && t.length > 1 && a.known) {
      if (/[rR]/.test(t)) recursive = true;
      continue;
    }
    targets.push(a);
  }
  return { targets, recursive, noPreserve, help };
}

/** `find ROOT | xargs rm` (or shred): judges deleting what find lists under ROOT; false when not fed by find. */
export function judgeViaFind(u: Unit, st: State): boolean {
  if (!u.viaFind) return false;
  const names = u.viaFind.names ?? [];
  if (names.includes(".git") && rmFlags(u.args).recursive) {
    // find . -name .git | xargs rm -rf: each .git find lists, the workspace's own among them.
    judgeListedGit(
      { ...litArg(u.viaFind.root.replace(/\/+$/, "") + "/.git"), listed: true },
      st,
      `${u.name} -r`,
      st.out.matches,
    );
  }
  judgeFindDelete(
    litArg(u.viaFind.root),
    u.viaFind.filtered,
    litterOnly(names),
    names,
    st,
  );
  return true;
}

/** rm, srm, unlink, rimraf. */
export function analyzeRm(u: Unit, st: State): void {
  if (judgeViaFind(u, st)) return;
  const f = rmFlags(u.args);
  if (f.help) return;
  const recursive = f.recursive || u.name === "rimraf" || u.name === "del" ||
    u.name === "del-cli";
  const verb = recursive ? `${u.name} -r` : u.name;
  if (f.noPreserve) {
    st.out.matches.add(
      "rm_no_preserve_root",
      `${u.name} --no-preserve-root switches off the protection against deleting /`,
      SAFER,
    );
  }
  for (const t of f.targets) judgeDelete(t, recursive, st, verb);
  judgeWorkspaceGone(f.targets, recursive, st, verb);
}

const FIND_FILTER =
  /^-(i?name|i?path|i?wholename|i?regex|newer\w{0,3}|[acm](time|min)|size|user|group|uid|gid|empty|perm|links|inum|samefile|iname)$/;
const DELETERS = new Set(["rm", "shred", "unlink", "rimraf", "srm"]);
/** True when there are name patterns and every one is {@link LITTER_PATTERN}. */
function litterOnly(names: readonly string[]): boolean {
  return names.length > 0 &&
    names.every((n) => LITTER_PATTERN.test(n.replace(/^\*\//, "")));
}

/** Find tests whose argument is a name, path or regex pattern. */
const FIND_NAME_TEST = /^-(i?name|i?path|i?wholename|i?regex)$/;
/**
 * Name patterns of files nobody misses: caches, temporary files, editor and
 * merge leftovers, OS litter. A filtered `find / … -delete` for these only
 * warns; for anything else (logs, configs, libraries, or no name at all) it
 * deletes system files and is blocked.
 */
const LITTER_PATTERN =
  /^(?:\*\.(?:pyc|pyo|tmp|temp|swp|swo|swn|bak|orig|rej|old)|\*~|__pycache__|\.DS_Store|Thumbs\.db|\._\*|\.#\*|#\*#|core|core\.\*|\*\.class|\.pytest_cache|\.mypy_cache|node_modules|\.cache)$/i;

/** find … -delete / -exec CMD {} ;. */
export function analyzeFind(u: Unit, st: State): void {
  const args = u.args;
  let i = 0;
  while (i < args.length && /^-[HLP]$|^-O\d$|^-D$/.test(args[i].text)) i++;
  const roots: Arg[] = [];
  while (i < args.length && !/^[-(!]/.test(args[i].text)) roots.push(args[i++]);
  if (!roots.length) roots.push(litArg("."));
  const expr = args.slice(i);
  // ! -name . / -not -path x: a negated test leaves everything else selected.
  const filtered = expr.some((a, k) =>
    FIND_FILTER.test(a.text) &&
    !(k > 0 && (expr[k - 1].text === "!" || expr[k - 1].text === "-not"))
  );
  const names: string[] = [];
  for (let k = 0; k + 1 < expr.length; k++) {
    if (FIND_NAME_TEST.test(expr[k].text)) names.push(expr[k + 1].text);
  }
  const litter = litterOnly(names);
  let deletes = expr.some((a) => a.text === "-delete");
  const execs: Arg[][] = [];
  for (let k = 0; k < expr.length; k++) {
    if (/^-(exec|execdir|ok|okdir)$/.test(expr[k].text)) {
      const cmd: Arg[] = [];
      k++;
      while (k < expr.length && expr[k].text !== ";" && expr[k].text !== "+") {
        cmd.push(expr[k++]);
      }
      if (cmd.length) execs.push(cmd);
    }
  }
  for (const cmd of execs) {
    const name = cmd[0].text.slice(cmd[0].text.lastIndexOf("/") + 1);
    if (DELETERS.has(name)) deletes = true;
  }
  // -name .git as a test that selects (not `! -name .git`, which keeps it).
  const picksGit = expr.some((a, k) =>
    FIND_NAME_TEST.test(a.text) &&
    /^['"]?\.git['"]?$/.test(expr[k + 1]?.text ?? "") &&
    !(k > 0 && (expr[k - 1].text === "!" || expr[k - 1].text === "-not"))
  );
  const mindepth = expr.findIndex((a) => a.text === "-mindepth");
  const depthFrom = mindepth >= 0 ? Number(expr[mindepth + 1]?.text) : 0;
  for (const root of roots) {
    if (deletes) judgeFindDelete(root, filtered, litter, names, st);
    if (deletes && picksGit && !(depthFrom >= 2)) judgeFoundGit(root, st);
    for (const cmd of execs) {
      const name = cmd[0].text.slice(cmd[0].text.lastIndexOf("/") + 1);
      if (DELETERS.has(name)) continue;
      // -name 'settings*' -exec truncate -s0 {} +: the command also runs on
      // each guard file or key the filter picks out under the root.
      for (const f of protectedPicked(root, names, st)) {
        const sub = cmd.map((a) =>
          a.text.includes("{}") ? litArg(a.text.replaceAll("{}", f)) : a
        );
        st.out.unit({
          name: name.toLowerCase(),
          args: sub.slice(1),
          redirects: [],
          stdin: null,
          sudo: u.sudo,
          cmd: sub[0],
        }, st);
      }
      const sub = cmd.map((a) =>
        a.text.includes("{}")
          ? {
            ...a,
            text: a.text.replaceAll("{}", root.text),
            alts: [a.text.replaceAll("{}", root.text)],
            known: a.known && root.known,
          }
          : a
      );
      st.out.unit(
        {
          name: name.toLowerCase(),
          args: sub.slice(1),
          redirects: [],
          stdin: null,
          sudo: u.sudo,
          cmd: sub[0],
          viaFind: { root: root.text, filtered },
        },
        st,
      );
    }
  }
}

/**
 * `find . -name .git -prune -exec rm -rf {} +` (or `-delete`) from the
 * workspace or a folder above it: the workspace's own .git is among what
 * it deletes, reached by a name filter rather than typed (as a listing fed
 * to rm is). With `-mindepth 2` only nested repositories are found (a
 * vendored checkout's), which is routine.
 */
function judgeFoundGit(root: Arg, st: State): void {
  if (!root.known) return;
  const p = resolvePath(root.text, st.cwd, st.ctx.home);
  const cwd = st.ctx.cwd;
  if (p === null || !(p === cwd || cwd.startsWith(p === "/" ? "/" : p + "/"))) {
    return;
  }
  st.out.matches.add(
    "rm_git_dir_listed",
    `find ${root.text} -name .git … deletes every .git folder under ${p}, the workspace's own (${cwd}/.git) included: its whole history and unpushed work go with it, and what is deleted is hidden behind a name filter`,
    "make sure everything is pushed, then delete the .git folder by its name so the user sees it; for nested checkouts only, add -mindepth 2",
  );
}

/** Files under the home a name filter may pick out: the guard's and the keys. */
const PROTECTED_IN_HOME = [
  ".axonflow",
  ".axonflow/audit.db",
  ".axonflow/policies.json",
  ".codex/hooks.json",
  ".codex/config.toml",
  ".claude/settings.json",
  ".claude/settings.local.json",
  ".ssh/id_rsa",
  ".ssh/id_ed25519",
  ".ssh/id_ecdsa",
  ".gnupg",
  ".aws/credentials",
];

/** The guard files and keys under `root` (a find root) that a name filter picks out. */
function protectedPicked(
  root: Arg,
  names: readonly string[],
  st: State,
): string[] {
  if (!root.known || !names.length) return [];
  const r = resolvePath(root.text, st.cwd, st.ctx.home);
  if (r === null) return [];
  const out: string[] = [];
  for (const rel of PROTECTED_IN_HOME) {
    const full = st.ctx.home + "/" + rel;
    if (!full.startsWith(r.replace(/\/$/, "") + "/")) continue;
    const base = rel.slice(rel.lastIndexOf("/") + 1);
    if (names.some((n) => n.length < 256 && globMatches(n, base))) {
      out.push(full);
    }
  }
  return out;
}

/**
 * `find ~ -name '.axon*' -delete`, `find ~ -name 'id_*' -delete`: a name
 * filter that picks out a guard file or a key under the root is judged as
 * deleting that file. Returns true when it fired.
 */
function protectedMatch(
  root: string,
  names: readonly string[],
  st: State,
): boolean {
  const before = st.out.matches.list().length;
  const home = st.ctx.home;
  for (const rel of PROTECTED_IN_HOME) {
    const full = home + "/" + rel;
    if (!full.startsWith(root.replace(/\/$/, "") + "/")) continue;
    const base = rel.slice(rel.lastIndexOf("/") + 1);
    if (names.some((n) => n.length < 256 && globMatches(n, base))) {
      judgeDelete(litArg(full), true, st, `find ${root} -name …`);
    }
  }
  return st.out.matches.list().length > before;
}

function judgeFindDelete(
  root: Arg,
  filtered: boolean,
  litterOnly: boolean,
  names: readonly string[],
  st: State,
): void {
  const m = st.out.matches;
  if (!root.known) return;
  const raw = resolvePath(root.text, st.cwd, st.ctx.home);
  if (raw === null) return;
  // find link/ starts in the folder a link made on the line points to.
  const p = followLinks(raw, st, root.text.endsWith("/"));
  const place = placeOf(p, st.ctx.cwd, st.ctx.home);
  if (
    filtered && !litterOnly && (place === "root" || place === "system")
  ) {
    // A filter does not make it safe: "*.log", "*.conf", "*.so" or a size
    // test from / or a system folder still deletes system files.
    const what = names.length ? names.join(", ") : "the filter's files";
    if (names.some((n) => /\blog\b|\.log\b|\*log/i.test(n))) {
      m.add(
        "log_wipe",
        `find ${root.text} … -delete of ${what} destroys the system's logs`,
      );
    } else {
      m.add(
        "find_delete_system",
        `find ${root.text} … -delete (or -exec rm) deletes ${what} across ${
          p === "/" ? "the whole machine" : p
        }, system files included`,
        "run find on a specific folder inside the workspace, such as ./build",
      );
    }
    return;
  }
  if (place === "home" && filtered && protectedMatch(p, names, st)) return;
  if (place === "root" || place === "home" || place === "system") {
    if (filtered) {
      m.add(
        "find_delete_broad",
        `find ${root.text} … -delete deletes matching files across ${
          p === "/" ? "the whole machine" : p
        }`,
        "run it on a folder inside the workspace",
      );
    } else {
      m.add(
        "find_delete_system",
        `find ${root.text} -delete (or -exec rm) deletes every file under ${
          p === "/" ? "/ (the whole machine)" : p
        }`,
        "run find on a specific folder inside the workspace, such as ./build",
      );
    }
    return;
  }
  if (place === "log") {
    m.add(
      "log_wipe",
      `find ${root.text} -delete destroys the system logs in ${p}`,
    );
    return;
  }
  const guard = guardPathOf(p, st.ctx.home, st.ctx.cwd, "delete", st.ctx);
  if (guard) {
    m.add(
      "guard_tamper",
      `find ${root.text} -delete deletes the agent's guard configuration (${guard})`,
    );
    return;
  }
  if (filtered) {
    if (
      preciousLoss(p, place, st) || (place === "outside" && coreSystemOf(p))
    ) {
      m.add(
        "find_delete_broad",
        `find ${root.text} … -delete deletes matching files in ${p}, which holds personal or system files`,
        "run it on a folder inside the workspace",
      );
    }
  } else {
    judgePrecious(p, place, st, "find -delete", p, m);
    if (place === "workspace" || place === "workspace_parent") {
      // find . -mindepth 1 -delete, find "$P" -exec rm -rf {} +: with no name
      // or age filter every file of the workspace goes (-type and depth
      // limits do not narrow it to build outputs).
      m.add(
        "workspace_delete",
        `find ${root.text} -delete (or -exec rm) with no filter deletes every file of ${
          place === "workspace"
            ? "the whole workspace"
            : "a folder containing the workspace"
        } (${st.ctx.cwd})`,
        SAFER,
      );
    }
  }
  if (place === "outside" || place === "workspace_parent") {
    m.add(
      "find_delete_outside_workspace",
      `find ${root.text} -delete deletes files outside the workspace (strict profile)`,
      "limit find to a folder inside the workspace",
    );
  }
}

/** mv: moving away vital folders or guard files, or overwriting system files. */
export function analyzeMv(u: Unit, st: State): void {
  const m = st.out.matches;
  const pos: Arg[] = [];
  let dest: Arg | null = null;
  let opts = true;
  for (let i = 0; i < u.args.length; i++) {
    const a = u.args[i];
    if (opts && a.text === "--") {
      opts = false;
      continue;
    }
    if (opts && (a.text === "-t" || a.text === "--target-directory")) {
      dest = u.args[++i] ?? null;
      continue;
    }
    if (opts && a.text.startsWith("--target-directory=")) {
      dest = litArg(a.text.slice(19));
      continue;
    }
    if (opts && (a.text === "-S" || a.text === "--suffix")) {
      i++;
      continue;
    }
    if (opts && a.text.startsWith("-") && a.text.length > 1) continue;
    pos.push(a);
  }
  if (!dest) dest = pos.pop() ?? null;
  for (const s of pos) {
    if (!s.known) continue;
    const p = resolvePath(s.text, st.cwd, st.ctx.home);
    if (p === null) continue;
    const place = placeOf(p, st.ctx.cwd, st.ctx.home);
    if (place === "root" || place === "home" || place === "system") {
      m.add(
        "move_system",
        `mv moves away ${p}${
          place === "home"
            ? " (a home folder)"
            : place === "root"
            ? " (the root folder)"
            : " (a system folder)"
        }: the system breaks without it`,
        "copy what you need instead of moving the folder",
      );
    } else if (place === "log") {
      m.add("log_wipe", `mv moves away ${p}: this hides the system logs`);
    } else {
      const guard = guardPathOf(p, st.ctx.home, st.ctx.cwd, "delete", st.ctx);
      if (guard) {
        m.add(
          "guard_tamper",
          `mv moves ${p}, the agent's guard configuration (${guard}): this switches off governance`,
          "leave the guard's files alone",
        );
      } else if (isCriticalSystemFile(p)) {
        m.add(
          "system_file_delete",
          `mv moves away ${p}, a file the system cannot run without`,
        );
      } else if (isHistoryFile(p)) {
        m.add("history_wipe", `mv moves away the history file ${p}`);
      } else if (credentialMovedOut(p, dest, st)) {
        const c = credentialOf(p, st.ctx.home, true)!;
        m.add(
          c.kind,
          `mv moves ${c.label} out of its folder, where whatever reads the new place gets the secret`,
          "leave credentials where they are; use them through their own tool",
        );
      } else if (isInSystem(p)) {
        m.add("system_path_write", `mv moves ${p} out of a system folder`);
      }
    }
  }
  if (dest && dest.known) {
    const d = resolvePath(dest.text, st.cwd, st.ctx.home);
    if (d === "/dev/null" && pos.length) {
      m.add(
        "move_system",
        `mv onto /dev/null replaces the null device (and loses ${
          pos.map((a) => a.text).join(", ")
        })`,
        "use rm for files you really want gone",
      );
    } else judgeWrite(dest, st, "mv");
  }
}

/**
 * `mv ~/.ssh/id_rsa ./public/`, `mv ~/.aws/credentials /tmp/c`: credential
 * material moved out of its folder. Renaming inside the same folder
 * (`mv ~/.ssh/id_rsa ~/.ssh/id_rsa.old`) or into another credential place passes.
 */
function credentialMovedOut(
  p: string,
  dest: Arg | null,
  st: State,
): boolean {
  if (!credentialOf(p, st.ctx.home, true)) return false;
  if (!dest || !dest.known) return true;
  const d = resolvePath(dest.text, st.cwd, st.ctx.home);
  if (d === null) return true;
  const parent = p.slice(0, p.lastIndexOf("/"));
  if (d === parent || /^[._~-]/.test(d.slice(p.length)) && d.startsWith(p)) {
    return false; // a backup name beside it (id_rsa.old, .ssh.bak)
  }
  return !credentialOf(d, st.ctx.home, true);
}

/** rsync --delete into a vital folder. */
export function analyzeRsync(u: Unit, st: State): void {
  if (!u.args.some((a) => /^--(delete|del$|delete-)/.test(a.text))) return;
  const pos = u.args.filter((a) => !a.text.startsWith("-"));
  const dest = pos[pos.length - 1];
  if (!dest || !dest.known || /^[^/]{1,255}:/.test(dest.text)) return;
  const raw = resolvePath(dest.text, st.cwd, st.ctx.home);
  if (raw === null) return;
  // rsync into link/ writes where the link made on the line points.
  const p = followLinks(raw, st);
  const place = placeOf(p, st.ctx.cwd, st.ctx.home);
  if (place === "root" || place === "home" || place === "system") {
    st.out.matches.add(
      "rsync_delete_system",
      `rsync --delete into ${p} erases everything there that the source lacks`,
      "sync into a folder inside the workspace",
    );
  } else if (place === "workspace" || place === "workspace_parent") {
    // rsync -a --delete /tmp/empty/ ./: the workspace (and its .git) emptied.
    st.out.matches.add(
      "workspace_delete",
      `rsync --delete into ${p} erases every file of the workspace (${st.ctx.cwd}) the source lacks, .git included`,
      "sync into a folder inside the workspace (./public, ./dist)",
    );
  }
}

/** Exposes the pipe type for analyzers with the common signature. */
export type { Pipe };

/** Archivers and copiers whose option deletes the sources once packed: tar --remove-files, zip -m, 7z -sdel, rsync --remove-source-files. */
export function analyzeSourceRemoval(u: Unit, st: State): void {
  const args = u.args;
  const t = args.map((a) => a.text);
  let sources: Arg[] = [];
  if (u.name === "tar" || u.name === "bsdtar" || u.name === "gtar") {
    if (!t.includes("--remove-files")) return;
    // -C DIR: the sources after it are inside DIR.
    let dir: Arg | null = null;
    for (let i = 0; i < args.length; i++) {
      const w = t[i];
      if (w === "-C" || w === "--directory" || w.startsWith("--directory=")) {
        dir = w.startsWith("--directory=")
          ? litArg(w.slice(12))
          : args[++i] ?? null;
      } else if (w === "-f" || w === "--file") {
        i++;
      } else if (
        dir !== null && dir.known && args[i].known && !w.startsWith("-") &&
        !w.startsWith("/") && !(i === 0 && /^[a-zA-Z]{1,12}$/.test(w))
      ) {
        sources.push(litArg(`${dir.text.replace(/\/+$/, "")}/${w}`));
      } else if (
        /^-[A-Za-z]{1,12}$/.test(w) || i === 0 && /^[a-zA-Z]{1,12}$/.test(w)
      ) {
        if (w.includes("f")) i++;
      } else if (!w.startsWith("-")) sources.push(args[i]);
    }
  } else if (u.name === "zip") {
    if (!t.some((w) => w === "--move" || /^-[A-Za-z]{0,12}m/.test(w))) return;
    sources = args.filter((a) => !a.text.startsWith("-")).slice(1);
  } else if (/^7z[az]?$/.test(u.name)) {
    if (!t.includes("-sdel")) return;
    sources = args.filter((a) => !a.text.startsWith("-")).slice(2);
  } else if (u.name === "rsync") {
    if (!t.includes("--remove-source-files")) return;
    const pos = args.filter((a) => !a.text.startsWith("-"));
    sources = pos.slice(0, -1);
  } else return;
  for (const a of sources.slice(0, 64)) {
    judgeDelete(a, true, st, `${u.name} (deleting what it packs)`);
  }
}
