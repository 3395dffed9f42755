/**
 * Command words that hide what runs (rule: what cannot be resolved is not
 * harmless). A command word that stays unknown (`$X -rf ~`, `$(curl …) -rf ~`)
 * or a glob that can name a program (`/bin/r? -rf ~`) is judged as every
 * dangerous program it could be, with the arguments that are visible; when
 * one of them would be blocked, the command is blocked with a reason saying
 * the command hides what runs. Unknown words with harmless arguments
 * (`"$EDITOR" notes.md`, `$CC -o x x.c`) stay allowed.
 *
 * @module
 */

import { MatchSet } from "./match.ts";
import type { Match } from "../types.ts";
import { fork, litArg, type State, type Unit } from "./unit.ts";
import { globMatches } from "./glob.ts";

export { globMatches };

/** The program names a command word could stand for, and why, or null when it is plain. */
function candidates(
  u: Unit,
  names: readonly string[],
): { list: readonly string[]; why: string } | null {
  const c = u.cmd;
  if (!c) return null;
  if (!c.known) {
    if (!u.args.length) return null;
    // $JAVA_HOME/bin/java: only the folder is unknown, the program is named.
    const slash = c.text.lastIndexOf("/");
    if (slash >= 0 && !/[$`]/.test(c.text.slice(slash + 1))) return null;
    return {
      list: names,
      why: `the command word ${c.text.slice(0, 80)} is only known when it runs`,
    };
  }
  if (!c.glob) return null;
  const base = c.text.slice(c.text.lastIndexOf("/") + 1);
  if (!/[*?[]/.test(base) || base.length > 64) return null;
  const list = names.filter((n) => globMatches(base, n));
  return list.length
    ? {
      list,
      why: `the pattern ${c.text.slice(0, 80)} can name ${
        list.slice(0, 4).join(", ")
      }`,
    }
    : null;
}

/** The first blocking match a unit gets, judged on a scratch copy of the state. */
function blockedAs(u: Unit, st: State): Match | undefined {
  const scratch = fork(st);
  scratch.out = {
    ...st.out,
    matches: new MatchSet(st.ctx),
    sql: [],
    fileWrites: [...st.out.fileWrites],
    downloads: new Set(st.out.downloads),
    clones: new Set(st.out.clones),
    sensitive: new Map(st.out.sensitive),
    fetchedVars: new Map(st.out.fetchedVars),
    readFrom: new Map(st.out.readFrom),
    dumpVars: new Map(st.out.dumpVars),
  };
  scratch.out.unit(u, scratch);
  return scratch.out.matches.list().find((m) => m.action === "block");
}

/** Judges a hidden command word as each dangerous program it could be. */
export function analyzeHidden(
  u: Unit,
  st: State,
  names: readonly string[],
  plainNames: ReadonlySet<string>,
): void {
  // A command word written out (not a glob) hides nothing: the common case,
  // decided before any argument is read (`candidates` returns null for it).
  const c = u.cmd;
  if (!c || (c.known && !c.glob)) return;
  if (st.out.matches.has("hidden_command")) return;
  // "$PAGER" /etc/hosts: plain words alone are judged only as the programs they suffice for.
  const plain = u.args.every((a) => !/^-|=/.test(a.text));
  const cand = candidates(
    u,
    plain && u.cmd && !u.cmd.known
      ? names.filter((n) => plainNames.has(n))
      : names,
  );
  if (!cand) return;
  // A huge argument list is judged by its two ends (hostile input stays linear).
  if (u.args.length > 64) {
    u = { ...u, args: [...u.args.slice(0, 32), ...u.args.slice(-32)] };
  }
  const args = u.args.map((a) => a.text).join(" ").slice(0, 120);
  const neutral = u.args.map(() => litArg("x"));
  for (const name of cand.list) {
    const hit = blockedAs({ ...u, name, cmd: null }, st);
    // Dangerous whatever the arguments (dropdb x): the visible arguments are not what makes it so.
    if (hit && !blockedAs({ ...u, name, cmd: null, args: neutral }, st)) {
      st.out.matches.add(
        "hidden_command",
        `the command hides what runs: ${cand.why}, and as ${name} ${args} it would be blocked (${hit.policyName}: ${
          hit.reason.slice(0, 160)
        })`,
        "write the program name and its targets out in full",
      );
      return;
    }
  }
}
