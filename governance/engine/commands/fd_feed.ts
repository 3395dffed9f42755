/**
 * Shells fed through file descriptors: `exec 3<<<'cmd'; bash /dev/fd/3`,
 * `exec 4< <(echo cmd); sh <&4`, and coprocesses running a shell that are
 * written to (`coproc S { bash; }; echo cmd >&"${S[1]}"`). The text that
 * reaches the shell is judged as shell.
 *
 * @module
 */

import { commandNamedIn } from "./ast_scan.ts";
import { REVIEW } from "./fetch_exec.ts";
import { subOutput } from "./expand.ts";
import { FETCHERS, SHELLS } from "./interpreters.ts";
import { resolvePath } from "./paths.ts";
import { fork, type Out, type State, type Unit, writtenText } from "./unit.ts";
import { outputOf } from "./writes.ts";

interface Feeds {
  /** Text readable on a descriptor opened by `exec N<…`. */
  fds: Map<number, string>;
  /** Descriptors opened on a download (`exec 3< <(curl …)`): the fetcher's name. */
  fetched: Map<number, string>;
  /** Names of coprocesses that run a shell reading its input. */
  coprocShells: Set<string>;
}

const FEEDS = new WeakMap<Out, Feeds>();

function feedsOf(st: State): Feeds {
  let f = FEEDS.get(st.out);
  if (!f) {
    f = { fds: new Map(), fetched: new Map(), coprocShells: new Set() };
    FEEDS.set(st.out, f);
  }
  return f;
}

/** A descriptor path: /dev/fd/N, /proc/self/fd/N, /proc/$$/fd/N. */
const FD_PATH = /^\/(?:dev\/fd|proc\/(?:self|\$\$|\$BASHPID)\/fd)\/(\d{1,4})$/;

/** The coprocess a redirect target names (`${S[1]}` expands, unknown, to `$S`). */
const COPROC_IN = /^\$\{?([A-Za-z_]\w{0,63})(?:\[1\]\}?)?$/;

/** A shell that reads code from a descriptor opened on a download. */
function runFetched(u: Unit, fetcher: string, st: State): void {
  st.out.matches.add(
    "remote_code_substitution",
    `${u.name} reads its code from a descriptor opened on the output of ${fetcher} (code downloaded from the network) without review`,
    REVIEW,
  );
}

function run(text: string, st: State): void {
  if (text.trim() && st.depth < 8) st.out.shell(text, fork(st, 1));
}

/** Records what `exec N<…` opens, runs what a shell reads from such a descriptor or a coprocess receives. */
export function analyzeFdFeeds(u: Unit, st: State): void {
  const isExec = u.name === "exec" && u.args.length === 0;
  const isShell = SHELLS.has(u.name) || u.name === "source" || u.name === ".";
  // Most units open no descriptor and feed no shell: no state to look up.
  if (!isExec && !isShell && !FEEDS.has(st.out)) return;
  const f = feedsOf(st);
  if (isExec) {
    for (const r of u.redirects.slice(0, 64)) {
      if (r.fd === null || r.fd < 3) continue;
      let text: string | null = null;
      if (r.heredoc) text = r.heredoc.body;
      else if (r.op === "<<<" && r.target.known) text = r.target.text;
      else if (r.op === "<" && r.target.procSub && r.target.subs.length === 1) {
        text = subOutput(r.target.subs[0], st);
      } else if (r.op === "<" && r.target.known) {
        const p = resolvePath(r.target.text, st.cwd, st.ctx.home);
        text = p === null ? null : writtenText(p, st);
      }
      if (text === null) f.fds.delete(r.fd);
      else f.fds.set(r.fd, text.slice(0, 65_536));
      const fetcher = r.op === "<" && r.target.procSub
        ? commandNamedIn(r.target.subs, (n) => FETCHERS.has(n))
        : null;
      if (fetcher) f.fetched.set(r.fd, fetcher);
      else f.fetched.delete(r.fd);
    }
    return;
  }
  if (isShell) {
    if (u.coproc && u.args.every((a) => a.text.startsWith("-"))) {
      f.coprocShells.add(u.coproc);
    }
    for (const a of u.args.slice(0, 64)) {
      const m = FD_PATH.exec(a.text);
      const text = m ? f.fds.get(Number(m[1])) : undefined;
      if (text !== undefined) run(text, st);
      const fetcher = m ? f.fetched.get(Number(m[1])) : undefined;
      if (fetcher) runFetched(u, fetcher, st);
    }
    for (const r of u.redirects) {
      if (r.op !== "<&" && r.op !== "<") continue;
      const m = r.op === "<&"
        ? /^(\d{1,4})$/.exec(r.target.text)
        : FD_PATH.exec(r.target.text);
      const text = m ? f.fds.get(Number(m[1])) : undefined;
      if (text !== undefined) run(text, st);
      const fetcher = m ? f.fetched.get(Number(m[1])) : undefined;
      if (fetcher) runFetched(u, fetcher, st);
    }
  }
  if (!f.coprocShells.size) return;
  for (const r of u.redirects) {
    if (r.op !== ">&" && r.op !== ">" && r.op !== ">>") continue;
    const m = COPROC_IN.exec(r.target.text);
    if (!m || !f.coprocShells.has(m[1])) continue;
    const text = outputOf(u);
    if (text !== null) run(text, st);
  }
}
