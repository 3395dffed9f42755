/**
 * Remote code execution: downloads piped into interpreters, downloads run
 * through substitutions (`bash <(curl …)`, `sh -c "$(curl …)"`), decoded
 * payloads fed to shells, and files downloaded then executed.
 *
 * @module
 */

import type { Script } from "../shell/ast.ts";
import { commandNamedIn } from "./ast_scan.ts";
import {
  FETCHERS,
  inlineCode,
  isDecoder,
  languageOf,
  readsCodeFromStdin,
  scriptFile,
} from "./interpreters.ts";
import { fetchedIn } from "./fetched_vars.ts";
import { resolvePath } from "./paths.ts";
import type { Arg, FetchedVar, State, Unit } from "./unit.ts";
import type { Pipe, Ran } from "./pipe.ts";
import { writtenText } from "./shell_input.ts";

/** What to do instead of running downloaded code unread. */
export const REVIEW = "download the script to a file, read it, then run it";

function urlIn(u: Unit): string {
  const a = u.args.find((x) => x.text.includes("://")) ??
    u.args.find((x) => !x.text.startsWith("-") && /\./.test(x.text));
  return a ? a.text.slice(0, 200) : "a remote address";
}

const decoderTest = (name: string, args: string[]) =>
  isDecoder({
    name,
    args: args.map((t) => ({
      text: t,
      alts: [t],
      known: true,
      prefix: t,
      glob: false,
      subs: [],
      procSub: false,
    })),
    redirects: [],
    stdin: null,
    sudo: false,
    cmd: null,
  });

/**
 * What a unit reads as input through substitutions: `< <(curl …)`,
 * `<<< "$(curl …)"`, a heredoc holding `$(curl …)`.
 */
function inputSubs(u: Unit): Script[] {
  const out: Script[] = [];
  for (const r of u.redirects) {
    if (r.op === "<" || r.op === "<<<") out.push(...r.target.subs);
    if (r.heredoc) out.push(...r.heredoc.subs);
  }
  return out;
}

/** Per pipeline: how many of its first elements were found to hold no fetcher, fetched input or decoder. */
const PLAIN_PREFIX = new WeakMap<Ran[][], number>();

/**
 * How many of the first `upTo` elements of a pipeline hold no fetcher, no
 * fetched input and no decoder: with no download-holding variable on the
 * line, nothing they print is reported by {@link analyzeFetchExec}. Each
 * element is looked at once per pipeline (the elements before a unit are
 * already walked and do not change).
 */
function plainPrefix(elements: Ran[][], upTo: number): number {
  let n = PLAIN_PREFIX.get(elements) ?? 0;
  while (
    n < upTo &&
    elements[n].every((r) =>
      !FETCHERS.has(r.unit.name) && !fetchedInput(r.unit) &&
      !isDecoder(r.unit)
    )
  ) n++;
  PLAIN_PREFIX.set(elements, n);
  return n;
}

/** `cat <(curl …)`, `tee < <(wget -O- …)`: a pipe element that passes a download on. */
function fetchedInput(u: Unit): boolean {
  // Asked for every earlier element of a pipeline into a shell: most have
  // neither a redirection nor a process substitution.
  if (u.redirects.length === 0 && !u.args.some((a) => a.procSub)) return false;
  const subs = u.args.filter((a) => a.procSub).flatMap((a) => a.subs);
  subs.push(...inputSubs(u));
  return subs.length > 0 &&
    commandNamedIn(subs, (n) => FETCHERS.has(n)) !== null;
}

/** Whether `p` lies in a folder cloned from a remote repository earlier on the line (warned, not blocked, when its code runs). */
function cloned(p: string, st: State): boolean {
  for (const d of st.out.clones) if (p.startsWith(d)) return true;
  return false;
}

/** The warning for running code of a repository cloned earlier on the line. */
function warnCloned(what: string, st: State): void {
  st.out.matches.add(
    "unreviewed_remote_code",
    `${what} runs code of a repository cloned earlier in this command, before anyone read it`,
    "read the repository's scripts before running them, or pin a reviewed commit",
  );
}

/**
 * The key a download written to a path that cannot be resolved is
 * remembered under (`f=$(mktemp); curl … > "$f"; bash "$f"`): the same
 * unresolved word running later runs the download.
 */
function unresolvedKey(a: Arg): string {
  return "\0" + a.text;
}

/** Whether `a`, a word naming a file, names one downloaded earlier on the line. */
function downloadedArg(a: Arg, st: State): boolean {
  if (!a.known) return st.out.downloads.has(unresolvedKey(a));
  const p = resolvePath(a.text, st.cwd, st.ctx.home);
  return p !== null && downloaded(p, st);
}

/** Options of cp/mv/install/ln/rsync that take the next word as their value. */
const COPY_VALUES =
  /^(?:-m|--mode|-o|--owner|-g|--group|-S|--suffix|-t|--target-directory|-e|--rsh)$/;

/**
 * `cp dl run.sh`, `mv dl b`, `install -m755 dl ~/.local/bin/t`, `ln -s dl go`,
 * `cat dl > s2`, `dd if=dl of=x`: the copy holds the download too, so running
 * it later on the line runs the download.
 */
export function trackDownloadCopies(u: Unit, st: State): void {
  if (st.out.downloads.size === 0) return;
  const add = (a: Arg, base: string | null) => {
    if (!a.known) {
      st.out.downloads.add(unresolvedKey(a));
      return;
    }
    const p = resolvePath(a.text, st.cwd, st.ctx.home);
    if (!p) return;
    st.out.downloads.add(p);
    // A folder destination: the copy keeps the source's name.
    if (base) st.out.downloads.add(p.replace(/\/+$/, "") + "/" + base);
  };
  const baseOf = (a: Arg) => a.text.replace(/\/+$/, "").replace(/^.*\//, "");
  if (/^(?:cp|mv|install|ln|rsync|gcp|gmv)$/.test(u.name)) {
    const pos: Arg[] = [];
    let target: Arg | null = null;
    for (let i = 0; i < u.args.length && i < 256; i++) {
      const t = u.args[i].text;
      if (t === "-t" || t === "--target-directory") {
        target = u.args[i + 1] ?? null;
        i++;
      } else if (t.startsWith("--target-directory=")) {
        target = { ...u.args[i], text: t.slice(19) };
      } else if (COPY_VALUES.test(t)) i++;
      else if (!t.startsWith("-") || t === "-") pos.push(u.args[i]);
    }
    const dest = target ?? (pos.length > 1 ? pos[pos.length - 1] : null);
    if (!dest) return;
    const sources = target ? pos : pos.slice(0, -1);
    for (const s of sources) if (downloadedArg(s, st)) add(dest, baseOf(s));
    return;
  }
  if (u.name === "cat" || u.name === "dd") {
    const from = u.name === "dd"
      ? u.args.filter((a) => a.text.startsWith("if=")).map((a) => ({
        ...a,
        text: a.text.slice(3),
      }))
      : u.args.filter((a) => !a.text.startsWith("-"));
    if (!from.some((a) => downloadedArg(a, st))) return;
    for (const r of u.redirects) {
      if (r.op === ">" || r.op === ">>") add(r.target, null);
    }
    for (const a of u.args) {
      if (u.name === "dd" && a.text.startsWith("of=")) {
        add({ ...a, text: a.text.slice(3) }, null);
      }
    }
  }
}

/** Whether `p` was downloaded earlier on the line, itself or inside a folder a download was unpacked into. */
function downloaded(p: string, st: State): boolean {
  if (st.out.downloads.has(p)) return true;
  for (const d of st.out.downloads) {
    if (d.endsWith("/") && p.startsWith(d)) return true;
  }
  return false;
}

/**
 * `curl … | tar xz -C /tmp`, `tar xf x.tgz` of a downloaded archive,
 * `unzip -d DIR` of one: the folder it unpacks into holds downloaded files.
 */
export function trackUnpacked(u: Unit, st: State, pipe: Pipe): void {
  if (u.name !== "tar" && u.name !== "bsdtar" && u.name !== "unzip") return;
  const t = u.args.map((a) => a.text);
  let dir: string | null = null;
  let fromDownload = false;
  if (u.name === "tar" || u.name === "bsdtar") {
    const mode = t[0] ?? "";
    if (!/^-?[a-zA-Z]{0,12}x/.test(mode) && !t.includes("--extract")) return;
    for (let i = 0; i < t.length; i++) {
      if ((t[i] === "-C" || t[i] === "--directory") && t[i + 1]) dir = t[i + 1];
      else if (t[i].startsWith("--directory=")) dir = t[i].slice(12);
      if (/^-?[a-zA-Z]{0,12}f$/.test(t[i]) && t[i + 1]) {
        const f = resolvePath(t[i + 1], st.cwd, st.ctx.home);
        if (f && downloaded(f, st)) fromDownload = true;
      }
    }
  } else if (u.name === "unzip") {
    const i = t.indexOf("-d");
    if (i >= 0 && t[i + 1]) dir = t[i + 1];
    const file = t.find((x) => !x.startsWith("-") && x !== dir);
    const f = file ? resolvePath(file, st.cwd, st.ctx.home) : null;
    if (f && downloaded(f, st)) fromDownload = true;
  } else return;
  for (let i = 0; i < pipe.index; i++) {
    for (const r of pipe.elements[i]) {
      if (FETCHERS.has(r.unit.name)) fromDownload = true;
    }
  }
  if (!fromDownload) return;
  const d = resolvePath(dir ?? ".", st.cwd, st.ctx.home);
  if (d) st.out.downloads.add(d.replace(/\/$/, "") + "/");
}

/** Folders on a usual PATH. */
function PATH_DIRS(home: string): string[] {
  return [
    "/usr/local/bin",
    "/usr/local/sbin",
    "/usr/bin",
    "/bin",
    "/usr/sbin",
    "/opt/homebrew/bin",
    home + "/.local/bin",
    home + "/bin",
  ];
}

/** `curl URL | tee FILE`, `wget -O- URL | sudo tee FILE`: the files tee writes hold the download. */
export function trackTeeDownloads(u: Unit, st: State, pipe: Pipe): void {
  if (u.name !== "tee" && u.name !== "sponge") return;
  let fetched = false;
  for (let i = 0; i < pipe.index; i++) {
    for (const r of pipe.elements[i]) {
      if (FETCHERS.has(r.unit.name)) fetched = true;
    }
  }
  if (!fetched) return;
  for (const a of u.args.slice(0, 64)) {
    if (!a.known || a.text.startsWith("-")) continue;
    const p = resolvePath(a.text, st.cwd, st.ctx.home);
    if (p) st.out.downloads.add(p);
  }
}

/** git clone's options that take the next word as their value. */
const CLONE_VALUES =
  /^(-b|--branch|-o|--origin|-c|--config|--depth|--reference|--separate-git-dir|-u|--upload-pack|--template|-j|--jobs|--filter|--shallow-since|--shallow-exclude)$/;

/** `git clone URL [DIR]` (gh repo clone, hg clone too): the folder holds code fetched from the network. */
export function trackCloned(u: Unit, st: State): void {
  if (u.name !== "git" && u.name !== "hg" && u.name !== "gh") return;
  const t = u.args.map((a) => (a.known ? a.text : "\0"));
  let i: number;
  if ((u.name === "git" || u.name === "hg") && t[0] === "clone") i = 1;
  else if (u.name === "gh" && t[0] === "repo" && t[1] === "clone") i = 2;
  else return;
  const pos: string[] = [];
  for (; i < t.length && pos.length < 3; i++) {
    if (CLONE_VALUES.test(t[i])) {
      i++;
      continue;
    }
    if (t[i].startsWith("-") && t[i] !== "-") continue;
    pos.push(t[i]);
  }
  const url = pos[0];
  if (!url || url === "\0") return;
  const remote = u.name === "gh" ||
    /^(?:https?|git|ssh|git\+ssh):\/\/|^[\w.-]{1,64}@[\w.-]{1,255}:/.test(url);
  if (!remote) return;
  const name = url.replace(/[?#].*$/, "").replace(/\/+$/, "").replace(
    /\.git$/,
    "",
  );
  const dir = pos[1] ??
    name.slice(Math.max(name.lastIndexOf("/"), name.lastIndexOf(":")) + 1);
  if (!dir || dir === "\0") return;
  const d = resolvePath(dir, st.cwd, st.ctx.home);
  if (d) st.out.clones.add(d.replace(/\/$/, "") + "/");
}

/** A pipe element that prints a download-holding variable (`echo "$s"`, `printf %s "$s"`, `cat <<< "$s"`). */
function printsFetched(u: Unit, st: State): FetchedVar | null {
  if (st.out.fetchedVars.size === 0) return null;
  if (/^(echo|printf|cat|tee|print)$/.test(u.name)) {
    for (const a of u.args.slice(0, 64)) {
      const f = fetchedIn(a.text, st);
      if (f) return f;
    }
  }
  for (const r of u.redirects) {
    if (r.op === "<<<") {
      const f = fetchedIn(r.target.text, st);
      if (f) return f;
    }
  }
  return null;
}

/** Reports code that comes from a download-holding variable. */
function addFetchedVar(u: Unit, f: FetchedVar, how: string, st: State): void {
  if (f.kind === "fetch") {
    st.out.matches.add(
      "remote_code_substitution",
      `${u.name} ${how}: a variable filled by ${f.via} earlier in this command, so it runs code downloaded from the network without review`,
      REVIEW,
    );
  } else {
    st.out.matches.add(
      "decode_to_shell",
      `${u.name} ${how}: a variable filled by ${f.via} earlier in this command, so the decoded text is executed without being seen`,
      "decode to a file and read it before running anything",
    );
  }
}

/** Interpreters (and eval/source): what feeds them code. */
export function analyzeFetchExec(u: Unit, st: State, pipe: Pipe): void {
  const m = st.out.matches;
  const isEval = u.name === "eval" || u.name === "source" || u.name === ".";
  const lang = isEval ? "shell" : languageOf(u.name);
  if (!lang) return;
  // 1. Piped in: curl … | sh, base64 -d | bash.
  if (!isEval && readsCodeFromStdin(u, lang)) {
    // Elements that feed nothing in are skipped (`| sh | sh | …` many
    // thousand times would otherwise be judged in quadratic time).
    const from = st.out.fetchedVars.size === 0
      ? plainPrefix(pipe.elements, pipe.index)
      : 0;
    for (let i = from; i < pipe.index; i++) {
      for (const r of pipe.elements[i]) {
        if (FETCHERS.has(r.unit.name) || fetchedInput(r.unit)) {
          m.add(
            "pipe_to_shell",
            `${r.unit.name} ${urlIn(r.unit)} | ${
              u.sudo ? "sudo " : ""
            }${u.name} runs code downloaded from the network without anyone reviewing it`,
            REVIEW,
          );
        } else if (isDecoder(r.unit)) {
          m.add(
            "decode_to_shell",
            `${r.unit.name} output piped into ${u.name}: the decoded text is executed without being seen`,
            "decode to a file and read it before running anything",
          );
        } else {
          const f = printsFetched(r.unit, st);
          if (f) addFetchedVar(u, f, `reads its code from ${r.unit.name}`, st);
        }
      }
    }
    const here = printsFetched({ ...u, name: "" }, st);
    if (here) addFetchedVar(u, here, "reads its code from a here-string", st);
  }
  // 2. Substitutions: sh -c "$(curl …)", eval "$(wget …)", bash <(curl …), python -c "$(curl …)".
  const code = isEval ? null : inlineCode(u, lang);
  // …and variables holding one: s=$(curl …); eval "$s" / bash -c "$s".
  const held = isEval
    ? u.args.slice(0, 64).map((a) => fetchedIn(a.text, st)).find((x) => x)
    : code
    ? fetchedIn(code.text, st)
    : null;
  if (held) addFetchedVar(u, held, "runs a variable as code", st);
  const scripts: Script[] = [];
  const procs: Script[] = [];
  if (code) scripts.push(...code.subs);
  if (isEval) { for (const a of u.args) scripts.push(...a.subs); }
  for (const a of u.args) if (a.procSub) procs.push(...a.subs);
  if (readsCodeFromStdin(u, lang) || isEval) procs.push(...inputSubs(u));
  if (u.cmd) scripts.push(...u.cmd.subs);
  const all = [...scripts, ...procs];
  const fetcher = commandNamedIn(all, (n) => FETCHERS.has(n));
  if (fetcher) {
    m.add(
      "remote_code_substitution",
      `${u.name} runs the output of ${fetcher} (code downloaded from the network) without review`,
      REVIEW,
    );
  } else if (commandNamedIn(all, decoderTest)) {
    m.add(
      "decode_to_shell",
      `${u.name} runs decoded text from a substitution: what is executed is hidden`,
      "decode to a file and read it before running anything",
    );
  }
  // 3. A file downloaded earlier in this command line.
  const file: Arg | null = isEval ? u.args[0] ?? null : scriptFile(u, lang);
  if (file && !file.known && st.out.downloads.has(unresolvedKey(file))) {
    m.add(
      "download_then_execute",
      `${u.name} ${file.text} runs a file downloaded earlier in this command without review`,
      REVIEW,
    );
  }
  if (file && file.known) {
    const p = resolvePath(file.text, st.cwd, st.ctx.home);
    if (p && downloaded(p, st)) {
      m.add(
        "download_then_execute",
        `${u.name} ${file.text} runs a file downloaded earlier in this command without review`,
        REVIEW,
      );
    } else if (p && cloned(p, st)) warnCloned(`${u.name} ${file.text}`, st);
  }
}

/** The command word itself: `$(curl …)` as a command, `./x.sh` downloaded earlier. */
export function analyzeCommandWord(u: Unit, st: State): void {
  if (!u.cmd) return;
  if (!u.cmd.known) {
    // $s as the command word: the download's first word runs, the rest are its arguments.
    const f = fetchedIn(u.cmd.text, st);
    if (f) addFetchedVar(u, f, "is run as the command", st);
  }
  if (u.cmd.subs.length && !languageOf(u.name) && u.name !== "eval") {
    const f = commandNamedIn(u.cmd.subs, (n) => FETCHERS.has(n));
    if (f) {
      st.out.matches.add(
        "remote_code_substitution",
        `the command line runs whatever ${f} downloads, as a command`,
        REVIEW,
      );
    }
  }
  if (u.cmd.known && u.cmd.text.includes("/")) {
    const p = resolvePath(u.cmd.text, st.cwd, st.ctx.home);
    const written = p === null ? null : writtenText(p, st);
    if (written !== null && st.depth < 8) {
      // ./x.sh written earlier in this command line: its text is what runs.
      st.out.shell(written.replace(/^#![^\n]*\n/, ""), {
        ...st,
        depth: st.depth + 1,
        env: new Map(st.env),
      });
    }
    if (p && downloaded(p, st)) {
      st.out.matches.add(
        "download_then_execute",
        `${u.cmd.text} runs a file downloaded earlier in this command without review`,
        REVIEW,
      );
    } else if (p && cloned(p, st)) warnCloned(u.cmd.text, st);
  } else if (
    st.out.downloads.size > 0 && u.cmd.known &&
    /^[\w.+-]{1,255}$/.test(u.cmd.text)
  ) {
    // curl … | sudo tee /usr/local/bin/s && s: a download placed in a PATH folder runs by its name.
    for (const dir of PATH_DIRS(st.ctx.home)) {
      if (downloaded(dir + "/" + u.cmd.text, st)) {
        st.out.matches.add(
          "download_then_execute",
          `${u.cmd.text} runs ${dir}/${u.cmd.text}, downloaded earlier in this command, without review`,
          REVIEW,
        );
        break;
      }
    }
  }
}

/** curl -o / wget -O / curl > f: remembers downloaded files. */
export function trackDownloads(u: Unit, st: State): void {
  if (!FETCHERS.has(u.name)) return;
  // aria2c -d DIR -o NAME: the name is relative to the folder.
  const di = u.name === "aria2c"
    ? u.args.findIndex((a) => a.text === "-d" || a.text === "--dir")
    : -1;
  const dir = di >= 0 && u.args[di + 1]?.known ? u.args[di + 1].text : null;
  const add = (t: string) => {
    const p = resolvePath(
      dir && !t.startsWith("/") ? `${dir}/${t}` : t,
      st.cwd,
      st.ctx.home,
    );
    if (p) st.out.downloads.add(p);
  };
  const url = u.args.find((a) => a.text.includes("://"))?.text ?? "";
  const base = url.replace(/[?#].*$/, "").replace(/\/+$/, "");
  const remoteName = base.slice(base.lastIndexOf("/") + 1);
  let named = false;
  for (let i = 0; i < u.args.length; i++) {
    const t = u.args[i].text;
    if (
      t === "-o" || t === "--output" || (t === "-O" && u.name === "wget") ||
      t === "--output-document"
    ) {
      const v = u.args[++i];
      if (v && v.known && v.text !== "-") add(v.text);
      else if (v && !v.known) st.out.downloads.add(unresolvedKey(v));
      named = true;
    } else if (/^--output(-document)?=/.test(t)) {
      const v = t.slice(t.indexOf("=") + 1);
      if (v !== "-") add(v);
      named = true;
    } else if (/^-[a-zA-Z]{0,6}O/.test(t) && u.name === "wget") {
      let v = t.slice(t.indexOf("O") + 1);
      if (!v) {
        // -qO FILE: the value is the next word.
        const next = u.args[++i];
        v = next && next.known ? next.text : "";
      }
      if (v && v !== "-") add(v);
      named = true;
    } else if (u.name === "curl" && /^-[a-zA-Z]{1,8}o$/.test(t)) {
      const v = u.args[++i];
      if (v && v.known && v.text !== "-") add(v.text);
      else if (v && !v.known) st.out.downloads.add(unresolvedKey(v));
      named = true;
    } else if (
      u.name === "curl" &&
      (/^-[a-zA-Z]{0,8}O[a-zA-Z]{0,8}$/.test(t) || t === "--remote-name")
    ) {
      if (remoteName) add(remoteName);
      named = true;
    }
  }
  if (!named && u.name === "wget" && remoteName) add(remoteName);
  if (u.name === "lwp-download") {
    // lwp-download URL [FILE]
    const pos = u.args.filter((a) => !a.text.startsWith("-"));
    if (pos[1]?.known) add(pos[1].text);
    else if (remoteName) add(remoteName);
  }
  for (const r of u.redirects) {
    if (r.op === ">" || r.op === ">>") {
      if (r.target.known) add(r.target.text);
      else st.out.downloads.add(unresolvedKey(r.target));
    }
  }
}
