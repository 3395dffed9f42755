/**
 * The analysis model: a parsed command after expansion and unwrapping (a
 * "unit"), its arguments with what is known about them, and the state an
 * analysis carries across a command line (cwd, variables, outputs).
 *
 * @module
 */

import type { Command, Heredoc, Script, Word } from "../shell/ast.ts";
import type { CommandContext } from "../types.ts";
import type { MatchSet } from "./match.ts";
import { resolvePath } from "./paths.ts";

/** An argument after expansion. */
export interface Arg {
  /** Expanded text; unknown expansions stay as `$NAME` / `$(…)`. */
  text: string;
  /** Possible values (brace expansion, for-loop variables); `alts[0] === text`. */
  alts: string[];
  /** Every part is known (no unknown variable or substitution). */
  known: boolean;
  /** The known text before the first unknown expansion. */
  prefix: string;
  /** Contains an unquoted glob character. */
  glob: boolean;
  /** Command / process substitutions inside the word. */
  subs: Script[];
  /** Process substitution `<(…)` present. */
  procSub: boolean;
  /** Its alternatives come from brace expansion (so they are separate words, not choices). */
  brace?: boolean;
  /** Placed by xargs from what a listing or another command printed, not typed. */
  listed?: boolean;
}

/** A redirection with its target expanded. */
export interface URedirect {
  op: string;
  fd: number | null;
  target: Arg;
  heredoc?: Heredoc;
}

/** One command to judge, after wrappers (sudo, env, timeout...) are peeled off. */
export interface Unit {
  /** Normalised command name (basename, NFKC, no zero-width, lower case). */
  name: string;
  args: Arg[];
  redirects: URedirect[];
  /** Text fed on stdin by a here-document or here-string, when known. */
  stdin: string | null;
  /** Run through sudo / doas / su. */
  sudo: boolean;
  /** The command word as written (before normalisation), null for a bare redirection. */
  cmd: Arg | null;
  /** Ran as a coprocess: its name (`coproc NAME { … }`, else COPROC). */
  coproc?: string;
  /** Ran through xargs (more arguments come from stdin). */
  xargs?: boolean;
  /** xargs -0 / -d: the input is whole arguments, not blank-separated words. */
  xargsWhole?: boolean;
  /** The redirections of a group (`{ echo …; } > f`): what the group printed, when known. */
  printed?: string;
  /** `NAME=VALUE cmd`, `env NAME=VALUE cmd`: variables given to the command only (known values). */
  env?: [string, string][];
  /** Set when run by `find … -exec` / `xargs` over a find: the root searched. */
  viaFind?: { root: string; filtered: boolean; names?: string[] };
}

/** A file write discovered in a command. */
export interface FileWrite {
  path: string;
  content: string;
}

/** What a variable was filled from: the fetcher or decoder that ran. */
export interface FetchedVar {
  kind: "fetch" | "decode";
  via: string;
}

/** What one analysis accumulates. */
export interface Out {
  matches: MatchSet;
  sql: string[];
  fileWrites: FileWrite[];
  /** Files downloaded earlier in this command line. */
  downloads: Set<string>;
  /** Folders cloned from a remote repository earlier in this command line (each ends with `/`). */
  clones: Set<string>;
  /** Files that received secrets (env dumps, copied keys) earlier in this command line. */
  sensitive: Map<string, string>;
  /** Variables assigned a download or a decoded payload earlier in this command line (`s=$(curl …)`). */
  fetchedVars: Map<string, FetchedVar>;
  /** Variables filled by `read` from an earlier pipeline element (`pgrep x | while read p`): the words of that element. */
  readFrom: Map<string, string>;
  /** Variables holding a dump of the environment (`for l in $(env | base32)`): the dumping program. */
  dumpVars: Map<string, string>;
  /** `shopt -s dotglob` (or GLOBIGNORE set) earlier on this line: `*` matches hidden entries too. */
  dotglob?: boolean;
  /** Parts of the workspace deleted earlier on this line: every file, its `.git` (workspace_gone.ts). */
  workspaceParts?: { files: boolean; git: boolean };
  /** What dropped git's recovery data earlier on this line (`git reflog expire --expire=now`), if anything. */
  gitSafetyDropped?: string;
  /** Units still allowed (bounds work on hostile input). */
  budget: number;
  /** Set when part of the text was not analysed (too deep, nested too often, out of budget). */
  unseen: boolean;
  /** Re-enters shell analysis on nested source text (sh -c, eval, heredocs). */
  shell: (src: string, st: State) => void;
  /** Judges text that could not be parsed as nested code (too deep) as flat words. */
  flat: (src: string, st: State) => void;
  /** Analyses a synthetic unit (find -exec, xargs) with every analyzer. */
  unit: (u: Unit, st: State) => void;
  /** Judges a unit whose command word is unknown as each dangerous program it could be (flat text past the budget). */
  hidden: (u: Unit, st: State) => void;
}

/** Analysis state along a command line. */
export interface State {
  ctx: CommandContext;
  /** Current directory; null once it becomes unknown (cd $X). */
  cwd: string | null;
  /** Known variables (possibly several candidate values). */
  env: Map<string, string[]>;
  /** Positional parameters (`set -- …`, function arguments); null when unknown. */
  positional: string[] | null;
  /** Arrays assigned earlier on the line (`a=(rm -rf ~)`). */
  arrays: Map<string, string[]>;
  /** Functions defined earlier on the line, by name. */
  funcs: Map<string, Command>;
  depth: number;
  out: Out;
}

/** A copy of the state for a subshell (cwd and variables do not leak back). */
export function fork(st: State, depthDelta = 0): State {
  return {
    ctx: st.ctx,
    cwd: st.cwd,
    env: new Map(st.env),
    positional: st.positional,
    arrays: new Map(st.arrays),
    funcs: new Map(st.funcs),
    depth: st.depth + depthDelta,
    out: st.out,
  };
}

/** The text written into file `p` earlier in this command line, or null. */
export function writtenText(p: string, st: State): string | null {
  let text: string | null = null;
  for (const w of st.out.fileWrites) {
    if (w.path === p) {
      text = text === null ? w.content : text + "\n" + w.content;
    }
  }
  return text;
}

/** Resolves an argument's text to an absolute path (null if unknown / relative with unknown cwd). */
export function argPath(a: Arg | string, st: State): string | null {
  const t = typeof a === "string" ? a : a.text;
  if (typeof a !== "string" && !a.known) return null;
  return resolvePath(t, st.cwd, st.ctx.home);
}

/** Every resolvable absolute path an argument may stand for. */
export function argPaths(a: Arg, st: State): string[] {
  if (!a.known) return [];
  const out: string[] = [];
  for (const t of a.alts) {
    const p = resolvePath(t, st.cwd, st.ctx.home);
    if (p !== null) out.push(p);
  }
  return out;
}

/** A synthetic, fully known argument. */
export function litArg(text: string): Arg {
  return {
    text,
    alts: [text],
    known: true,
    prefix: text,
    glob: false,
    subs: [],
    procSub: false,
  };
}

/** The word as the shell would see it. */
export type { Word };

const ZERO_WIDTH = /[\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]/g;
const CONFUSABLE: Readonly<Record<string, string>> = {
  "а": "a",
  "с": "c",
  "е": "e",
  "һ": "h",
  "і": "i",
  "ј": "j",
  "к": "k",
  "м": "m",
  "о": "o",
  "р": "p",
  "г": "r",
  "ѕ": "s",
  "т": "t",
  "у": "y",
  "х": "x",
  "ԁ": "d",
  "ɡ": "g",
  "ո": "n",
  "ν": "v",
  "ο": "o",
  "α": "a",
  "ε": "e",
  "ι": "i",
  "κ": "k",
  "ρ": "p",
  "τ": "t",
  "υ": "u",
  "χ": "x",
};

/** Normalises text for judging: NFKC, zero-width characters removed, look-alike letters mapped. */
export function normalizeText(s: string): string {
  // deno-lint-ignore no-control-regex
  if (!/[^\x00-\x7f]/.test(s)) return s;
  let t = s.normalize("NFKC").replace(ZERO_WIDTH, "");
  if (/[\u0370-\u052f\u0250-\u02af]/.test(t)) {
    t = t.replace(/[\u0370-\u052f\u0250-\u02af]/g, (c) => CONFUSABLE[c] ?? c);
  }
  return t;
}

/** Normalises a command word to the program name: basename, lower case, no `.exe`. */
export function commandName(s: string): string {
  let t = normalizeText(s);
  const slash = Math.max(t.lastIndexOf("/"), t.lastIndexOf("\\"));
  if (slash >= 0) t = t.slice(slash + 1);
  t = t.toLowerCase();
  if (t.endsWith(".exe")) t = t.slice(0, -4);
  return t;
}
