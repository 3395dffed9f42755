/**
 * Symbolic links and bind mounts made earlier in the same command line
 * (`ln -s ~ h && rm -rf h/`, `mount --bind ~ /mnt/h`): later paths through
 * the link are judged at the place it points to. The links live beside one analysis's output, so nothing leaks between
 * calls.
 *
 * @module
 */

import { guardPathOf, resolvePath } from "./paths.ts";
import type { Out, State, Unit } from "./unit.ts";

const LINKS = new WeakMap<Out, Map<string, string>>();
/** Names that are bind mounts: the name itself shows the target (`rm -rf /mnt/h` empties it). */
const BINDS = new WeakMap<Out, Set<string>>();

/** Records that `name` (absolute) now points to `target` (absolute). */
export function recordLink(name: string, target: string, st: State): void {
  let m = LINKS.get(st.out);
  if (!m) LINKS.set(st.out, m = new Map());
  if (m.size < 64 && name !== target) m.set(name, target);
}

/**
 * `p` with links made earlier replaced by their targets. `self` says whether
 * the link itself counts (a write through it or `rm -rf link/` does; a bare
 * `rm link` removes only the link).
 */
export function followLinks(p: string, st: State, self = true): string {
  const m = LINKS.get(st.out);
  if (!m) return p;
  let cur = p;
  for (let hop = 0; hop < 8; hop++) {
    let next: string | null = null;
    for (const [name, target] of m) {
      if (cur === name && (self || hop > 0 || BINDS.get(st.out)?.has(name))) {
        next = target;
      } else if (cur.startsWith(name + "/")) {
        next = target.replace(/\/$/, "") + cur.slice(name.length);
      }
      if (next !== null) break;
    }
    if (next === null) return cur;
    cur = next;
  }
  return cur;
}

/** `ln -s TARGET NAME` / `ln -s TARGET DIR/`: records the link for the rest of the command line. */
export function trackLink(
  target: string,
  dest: string,
  st: State,
): void {
  const t = resolvePath(target, st.cwd, st.ctx.home);
  const d = resolvePath(dest, st.cwd, st.ctx.home);
  if (t === null || d === null) return;
  recordLink(d, t, st);
  const base = t.slice(t.lastIndexOf("/") + 1);
  if (base) recordLink(d + "/" + base, t, st);
}

/** `mount --bind SRC DST`, `mount -o bind`, `bindfs SRC DST`: DST shows SRC for the rest of the command line. */
/** `mount -t tmpfs none ~/.axonflow`, `bindfs /tmp/x ~/.claude`: a file system laid over the guard's folders hides them. */
function mountOverGuard(u: Unit, st: State): void {
  const pos = u.args.filter((a, i) =>
    !a.text.startsWith("-") &&
    !/^(-o|-t|--options|--types|-O)$/.test(u.args[i - 1]?.text ?? "")
  );
  const target = pos[pos.length - 1];
  if (!target?.known || pos.length < 1) return;
  const p = resolvePath(target.text, st.cwd, st.ctx.home);
  if (p === null) return;
  const home = st.ctx.home;
  const guard = [home + "/.codex", home + "/.claude"].includes(p)
    ? p
    : guardPathOf(p, home, st.ctx.cwd, "write", st.ctx);
  if (!guard) return;
  st.out.matches.add(
    "guard_tamper",
    `${u.name} lays a file system over ${guard}: the guard's settings and audit trail underneath disappear from view`,
    "leave the guard's folders alone; mount somewhere inside the workspace",
  );
}

export function analyzeBindMount(u: Unit, st: State): void {
  const t = u.args.map((a) => a.text);
  mountOverGuard(u, st);
  const bind = u.name === "bindfs" ||
    t.some((x, i) =>
      /^--r?bind$|^-[a-zA-Z]{0,4}B$|^--move$/.test(x) ||
      x === "-o" && /(^|,)r?bind(,|$)/.test(t[i + 1] ?? "")
    );
  if (!bind) return;
  const pos: string[] = [];
  for (let i = 0; i < t.length; i++) {
    if (/^(-o|-t|--options|--types|-O)$/.test(t[i])) i++;
    else if (!t[i].startsWith("-")) {
      if (!u.args[i].known) return;
      pos.push(t[i]);
    }
  }
  if (pos.length !== 2) return;
  trackLink(pos[0], pos[1], st);
  const d = resolvePath(pos[1], st.cwd, st.ctx.home);
  if (d === null) return;
  let b = BINDS.get(st.out);
  if (!b) BINDS.set(st.out, b = new Set());
  if (b.size < 64) b.add(d);
}
