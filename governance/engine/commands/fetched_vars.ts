/**
 * Variables that hold a download: `s=$(curl -s URL)` (or wget, or a decoded
 * payload) remembered by name, so that running the variable later on the
 * line (`eval "$s"`, `bash -c "$s"`, `echo "$s" | sh`, `sh <<< "$s"`, `$s`)
 * is judged like running the substitution itself. Reassigning the variable
 * from anything else forgets it.
 *
 * @module
 */

import type { Script } from "../shell/ast.ts";
import { commandsIn } from "./ast_scan.ts";
import { FETCHERS, isDecoder } from "./interpreters.ts";
import { type Arg, type FetchedVar, litArg, type State } from "./unit.ts";
import { heldVar } from "./var_refs.ts";

/** The fetcher or decoder a set of substitutions runs, if any. */
function sourceOf(scripts: readonly Script[]): FetchedVar | null {
  let decode: FetchedVar | null = null;
  for (const s of scripts.slice(0, 16)) {
    for (const c of commandsIn(s)) {
      if (FETCHERS.has(c.name)) return { kind: "fetch", via: c.name };
      if (
        !decode &&
        isDecoder({
          name: c.name,
          args: c.args.map((t) => litArg(t)),
          redirects: [],
          stdin: null,
          sudo: false,
          cmd: null,
        })
      ) decode = { kind: "decode", via: c.name };
    }
  }
  return decode;
}

/** Remembers (or forgets) `name` as holding a download, from the value assigned to it. */
export function trackFetchedVar(name: string, value: Arg, st: State): void {
  const src = value.subs.length > 0 ? sourceOf(value.subs) : null;
  if (src) st.out.fetchedVars.set(name, src);
  else if (value.known || !refersToFetched(value.text, st)) {
    st.out.fetchedVars.delete(name);
  } else {
    // t="$s": a copy of a download is a download too.
    const from = fetchedIn(value.text, st);
    if (from) st.out.fetchedVars.set(name, from);
  }
}

/** The first download-holding variable an unexpanded text refers to (`$s`, `${s}`), if any. */
export function fetchedIn(text: string, st: State): FetchedVar | null {
  return heldVar(text, st.out.fetchedVars)?.[1] ?? null;
}

function refersToFetched(text: string, st: State): boolean {
  return fetchedIn(text, st) !== null;
}
