/**
 * Programs copied or linked under another name earlier on the line (`cp
 * /bin/rm ./tidy && ./tidy -rf ~`, `ln -s "$(command -v rm)" x && ./x -rf
 * ~`, `install /bin/rm /tmp/t`): running the copy is judged as running the
 * program it is. The copies live beside one analysis's output, so nothing
 * leaks between calls.
 *
 * @module
 */

import { commandsIn } from "./ast_scan.ts";
import { resolvePath } from "./paths.ts";
import type { Arg, Out, State, Unit } from "./unit.ts";

const COPIES = new WeakMap<Out, Map<string, string>>();

/** Folders whose programs keep their name as their identity. */
const BIN_DIR =
  /^\/(?:usr\/(?:local\/)?)?s?bin\/|^\/opt\/homebrew\/bin\/|^\/snap\/bin\//;

/** The program an argument names: `/bin/rm`, `$(command -v rm)`, `$(which rm)`, `` `type -P rm` ``. */
export function programNamed(a: Arg): string | null {
  if (a.known) {
    if (!BIN_DIR.test(a.text)) return null;
    const base = a.text.slice(a.text.lastIndexOf("/") + 1);
    return /^[\w.+-]{1,64}$/.test(base) ? base : null;
  }
  for (const s of a.subs.slice(0, 4)) {
    for (const c of commandsIn(s, 8)) {
      const args = c.args.filter((x) => !x.startsWith("-"));
      const looked = (c.name === "command" && c.args.includes("-v")) ||
        c.name === "which" || (c.name === "type" && c.args.includes("-P")) ||
        c.name === "whereis";
      const last = args[args.length - 1];
      if (looked && last && /^[\w.+-]{1,64}$/.test(last)) return last;
    }
  }
  return null;
}

/** cp / ln / install / mv of a program: remembers the new name for the rest of the line. */
export function trackProgramCopy(u: Unit, st: State): void {
  if (!/^(cp|ln|install|mv|rsync)$/.test(u.name)) return;
  const pos = u.args.filter((a) =>
    !a.text.startsWith("-") || (!a.known && a.subs.length > 0)
  );
  if (u.name === "install") {
    // install -m 755 SRC DEST: the mode's value is not a path.
    const k = u.args.findIndex((a) => a.text === "-m" || a.text === "--mode");
    if (k >= 0) pos.splice(pos.indexOf(u.args[k + 1]), 1);
  }
  if (pos.length < 2) return;
  const dest = pos[pos.length - 1];
  if (!dest.known) return;
  for (const src of pos.slice(0, -1).slice(0, 16)) {
    const prog = programNamed(src);
    if (!prog) continue;
    const d = resolvePath(dest.text, st.cwd, st.ctx.home);
    if (d === null) continue;
    let m = COPIES.get(st.out);
    if (!m) COPIES.set(st.out, m = new Map());
    if (m.size >= 64) return;
    m.set(d, prog);
    m.set(d.replace(/\/$/, "") + "/" + prog, prog);
  }
}

/** A command word that runs a copy of a program made earlier: judged as that program. */
export function analyzeCopiedProgram(u: Unit, st: State): void {
  const m = COPIES.get(st.out);
  if (!m || !u.cmd || !u.cmd.known || st.depth > 6) return;
  const p = resolvePath(u.cmd.text, st.cwd, st.ctx.home);
  const prog = p === null ? undefined : m.get(p);
  if (!prog || prog === u.name) return;
  st.out.unit({ ...u, name: prog }, { ...st, depth: st.depth + 1 });
}
