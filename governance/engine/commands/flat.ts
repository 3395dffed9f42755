/**
 * The last resort for text the parser or the walk could not follow (nested
 * past the depth limit, code inside code too often, past the work budget):
 * the text is read as flat words, quotes and nesting ignored, and every
 * dangerous program name in it is judged with the words that follow it, and
 * every file it redirects output into is judged as a write. So running out of
 * depth or budget never lets a dangerous fragment through.
 *
 * @module
 */

import { FETCHERS } from "./interpreters.ts";
import { commandName, litArg, type State } from "./unit.ts";

/** Distinct fragments judged per text; past it the rest is refused as unjudgeable. */
const MAX_FRAGMENTS = 2_000;
/** Words after a program name that are judged with it. */
const MAX_ARGS = 32;

const SEPARATORS = /[;&|\n(){}`]+|\$\(/;

/** Distinct redirection targets judged per text; past it the rest is refused as unjudgeable. */
const MAX_TARGETS = 512;

/** An output redirection and its target word (`> f`, `>> f`, `2> f`, `&> f`, `>| f`). */
const REDIRECT =
  /(?:^|[^<>&0-9])(\d{0,2}>>?|&>>?|>\|)[ \t]{0,64}([^\s;&|<>()`]{1,4096})/g;

/** The name of the stand-in program that writes each flat redirection (never a real name). */
const UNSEEN_WRITER = "\u0000";

/** A substitution that starts with a program: `$(curl …`, `` `wget …``, `<(fetch …`. */
const SUB_START = /(?:\$\(|`|<\()[ \t]{0,8}([\w.\/-]{1,64})/g;

/**
 * A download run inside a substitution, past what was judged: where its
 * output goes (a command word, an interpreter) could not be followed, so it
 * is taken to be run.
 */
function flatDownloads(src: string, st: State): void {
  SUB_START.lastIndex = 0;
  // `x` many thousand times: each distinct word is named once.
  const tried = new Set<string>();
  let m: RegExpExecArray | null;
  while ((m = SUB_START.exec(src))) {
    if (tried.has(m[1])) continue;
    if (tried.size < 4_096) tried.add(m[1]);
    const name = commandName(m[1]);
    if (!FETCHERS.has(name)) continue;
    st.out.matches.add(
      "remote_code_substitution",
      `the command is too large to follow, and a substitution in it runs ${name}: what it downloads may be run as a command`,
      "download the script to a file, read it, then run it",
    );
    return;
  }
}

/** Judges every distinct output redirection target in `src` as a write. */
function flatRedirects(src: string, st: State): void {
  const seen = new Set<string>();
  REDIRECT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = REDIRECT.exec(src))) {
    const target = m[2].replace(/["']/g, "");
    if (seen.has(target) || /^&?\d$|^&-$/.test(target)) continue;
    seen.add(target);
    if (seen.size > MAX_TARGETS) {
      st.out.matches.add(
        "hidden_command",
        "the command is too large to judge and it writes to more files than were judged",
        "split the command into smaller ones",
      );
      return;
    }
    const op = m[1].replace(/^\d{1,2}/, "");
    // A program of no name we know: what it writes is unseen, so a start-up
    // or autorun file is judged by the worst text it could hold.
    st.out.unit({
      name: UNSEEN_WRITER,
      args: [],
      redirects: [{ op, fd: null, target: litArg(target) }],
      stdin: null,
      sudo: false,
      cmd: null,
    }, st);
  }
}

/** Distinct unknown command words (with the words after them) judged per text; past it the text is refused. */
const MAX_HIDDEN = 64;

/** A substitution with none inside it: `$(…)`, `` `…` `` (its body stops at the next parenthesis or backtick, so a scan is linear). */
const INNER_SUB = /\$\([^()`]{0,4096}\)|`[^`]{0,4096}`/g;

/** Levels of nested substitutions replaced by an unknown word. */
const SUB_LEVELS = 4;

/** Quotes and backslashes, which the shell removes from inside a word (`r"m"`, `\\rm` are `rm`). */
const QUOTING = /["'\\]/g;

/** A plain parameter in braces (`${b}`). */
const BRACED_VAR = /\$\{([A-Za-z_][A-Za-z0-9_]{0,63})\}/g;

/** An assignment to IFS anywhere in the text. */
const IFS_ASSIGNED = /(?:^|[\s;&|(){}`])IFS=/;

/** An unquoted variable alone (`$c`, `${c}`, `${c[@]}`), which IFS splits into words. */
const BARE_VAR =
  /^\$(?:[A-Za-z_][A-Za-z0-9_]{0,63}|\{[A-Za-z_][A-Za-z0-9_]{0,63}(?:\[[@*0-9]{1,8}\])?\})$/;

/** A leading assignment of a simple command (`x=1 $cmd …`). */
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]{0,63}=/;

/**
 * Command words of flat text that hide what runs (issue 9, design point 2):
 * substitutions are replaced by an unknown word, quotes are removed as the
 * shell removes them, and each segment whose command word is then unknown
 * (`$b -rf ~`, `$(echo rm) -rf ~`) is judged as every dangerous program it
 * could be; one made a program name by quote removal (`r"m" -rf ~`) is
 * judged as that program. Past {@link MAX_HIDDEN} distinct ones the text is
 * refused.
 */
function flatHidden(
  src: string,
  st: State,
  names: ReadonlySet<string>,
): void {
  // ${b} -rf ~: the braces of a plain parameter are not separators here.
  let text = src.includes("${")
    ? src.replace(BRACED_VAR, (_, name: string) => "$" + name)
    : src;
  for (let i = 0; i < SUB_LEVELS && /\$\(|`/.test(text); i++) {
    const next = text.replace(INNER_SUB, () => "$S");
    if (next === text) break;
    text = next;
  }
  const seen = new Set<string>();
  // IFS=_; c=rm_-rf_~; $c: with IFS changed, an unquoted variable alone splits into a command and its arguments.
  const ifsChanged = IFS_ASSIGNED.test(src);
  for (const seg of text.split(SEPARATORS)) {
    if (seg.length < 2 || !/["'\\$]/.test(seg)) continue;
    const words = seg.split(/[ \t\r]+/).filter((w) => w !== "");
    let k = 0;
    while (k < words.length && ASSIGNMENT.test(words[k])) k++;
    if (k + 1 === words.length && ifsChanged && BARE_VAR.test(words[k])) {
      st.out.matches.add(
        "hidden_command",
        `the command is too large to judge, and past what was judged it changes IFS and runs ${
          words[k].slice(0, 80)
        }, whose words (the program and its arguments) are only known when it runs`,
        "write the program name and its arguments out in full",
      );
      return;
    }
    if (k + 1 >= words.length) continue;
    const word = words[k].replace(QUOTING, "");
    const unknown = word.includes("$");
    const name = commandName(word);
    if (!unknown && (word === words[k] || !names.has(name))) continue;
    const rest = words.slice(k + 1, k + 1 + MAX_ARGS).map((w) =>
      w.replace(QUOTING, "")
    );
    const key = word + "\0" + rest.join("\0");
    if (seen.has(key)) continue;
    seen.add(key);
    if (seen.size > MAX_HIDDEN) {
      st.out.matches.add(
        "hidden_command",
        "the command is too large to judge, and past what was judged it runs more commands whose names are only known when they run than were judged",
        "split the command into smaller ones and write program names out in full",
      );
      return;
    }
    const cmd = unknown
      ? { ...litArg(word), known: false, prefix: "" }
      : litArg(word);
    const u = {
      name: unknown ? word : name,
      args: rest.map((w) =>
        litArg(w.replace(/^\$\{?HOME\}?(?=\/|$)/, st.ctx.home))
      ),
      redirects: [],
      stdin: null,
      sudo: false,
      cmd,
    };
    if (unknown) st.out.hidden(u, st);
    else st.out.unit(u, st);
    if (st.out.matches.has("hidden_command")) return;
  }
}

/**
 * Judges `src` as flat text: each program in `names` found as a word is
 * analysed (through `st.out.unit`) with the words after it, and so is each
 * command word that hides what runs (see {@link flatHidden}).
 */
export function flatScan(
  src: string,
  st: State,
  names: ReadonlySet<string>,
): void {
  flatRedirects(src, st);
  flatDownloads(src, st);
  let fragments = 0;
  const seen = new Set<string>();
  const home = st.ctx.home;
  const segments = src.split(SEPARATORS);
  for (const seg of segments) {
    if (seg.length < 2) continue;
    const words = seg.replace(/["'\\]/g, " ").split(/[ \t\r]+/).filter((w) =>
      w !== ""
    );
    for (let k = 0; k < words.length; k++) {
      const name = commandName(words[k]);
      if (!names.has(name)) continue;
      const rest = words.slice(k + 1, k + 1 + MAX_ARGS);
      const key = name + "\0" + rest.join("\0");
      if (seen.has(key)) continue;
      seen.add(key);
      if (++fragments > MAX_FRAGMENTS) {
        st.out.matches.add(
          "hidden_command",
          "the command is too large and too deeply built to judge, and it names dangerous programs past what was judged",
          "split the command into smaller ones",
        );
        return;
      }
      const args = rest.map((w) => litArg(w.replace(/^\$\{?HOME\}?/, home)));
      st.out.unit({
        name,
        args,
        redirects: [],
        stdin: null,
        sudo: false,
        cmd: litArg(words[k]),
      }, { ...st, cwd: st.cwd });
    }
  }
  flatHidden(src, st, names);
}
