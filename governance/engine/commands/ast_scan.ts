/**
 * A light look inside substitutions (`$(…)`, `<(…)`): which programs they
 * run and with which literal arguments, without full analysis.
 *
 * @module
 */

import type { Command, Script } from "../shell/ast.ts";
import { wordText } from "../shell/parse.ts";
import { unwrap } from "./wrappers.ts";
import { type Arg, commandName, litArg } from "./unit.ts";

/** A command found inside a script: its name and literal argument texts. */
export interface Seen {
  name: string;
  args: string[];
}

/**
 * The name of the first command, among the commands of `scripts` (the
 * first `maxScripts` of them), that `test` accepts, or null: which fetcher,
 * decoder or dumper a set of substitutions runs.
 */
export function commandNamedIn(
  scripts: readonly Script[],
  test: (name: string, args: string[]) => boolean,
  maxScripts = scripts.length,
): string | null {
  for (const s of scripts.slice(0, maxScripts)) {
    for (const c of commandsIn(s)) if (test(c.name, c.args)) return c.name;
  }
  return null;
}

/** Every simple command in `s` (nested ones too), wrappers peeled, at most `limit`. */
export function commandsIn(s: Script, limit = 64): Seen[] {
  const out: Seen[] = [];
  const visit = (sc: Script, depth: number) => {
    if (depth > 8) return;
    for (const item of sc.items) {
      for (const c of item.pipeline.commands) {
        if (out.length >= limit) return;
        visitCommand(c, depth);
      }
    }
  };
  const visitCommand = (c: Command, depth: number) => {
    if (c.kind === "simple") {
      const args: Arg[] = c.words.map((w) => litArg(wordText(w)));
      for (const w of c.words) {
        for (const p of w.parts) {
          if (p.kind === "sub") visit(p.script, depth + 1);
        }
      }
      const u = unwrap(args);
      if (u.args.length) {
        out.push({
          name: commandName(u.args[0].text),
          args: u.args.slice(1).map((a) => a.text),
        });
      }
    } else if (c.kind === "func") visitCommand(c.body, depth + 1);
    else visit(c.body, depth + 1);
  };
  visit(s, 0);
  return out;
}
