/**
 * Word expansion for analysis: variables we know ($HOME, $PWD, assignments
 * earlier on the line, for-loop values) are substituted, unknown ones stay
 * visible as `$NAME` and make the word "unknown" from that point on.
 *
 * @module
 */

import type { Part, Word } from "../shell/ast.ts";
import { parseScript } from "../shell/parse.ts";
import type { Arg, State } from "./unit.ts";

const MAX_ALTS = 16;

/** The value(s) of a variable, or null when unknown. */
export function varValues(name: string, st: State): string[] | null {
  const v = st.env.get(name);
  if (v) return v;
  switch (name) {
    case "HOME":
      return [st.ctx.home];
    case "BASH_ENV":
    case "ENV":
    case "ZDOTDIR": {
      const v = st.ctx.startupEnv?.[name];
      return v ? [v] : null;
    }
    case "PWD":
      return st.cwd === null ? null : [st.cwd];
    case "TMPDIR":
    case "TMP":
    case "TEMP":
      return ["/tmp"];
    case "USER":
    case "LOGNAME": {
      const h = st.ctx.home;
      return [h.slice(h.lastIndexOf("/") + 1)];
    }
  }
  return null;
}

function tildeValue(user: string, st: State): string {
  if (!user) return varValues("HOME", st)?.[0] ?? st.ctx.home;
  if (user === "root") return "/root";
  if (user === "+") return st.cwd ?? "~+";
  const h = st.ctx.home;
  const parent = h.slice(0, h.lastIndexOf("/")) || "/home";
  return parent + "/" + user;
}

/** Expands a default-value argument (`${X:-/tmp}`) as a word. */
function defaultValue(raw: string, st: State): string | null {
  if (raw.length > 4096) return null;
  const s = parseScript("x " + raw, st.depth + 1);
  const cmd = s.items[0]?.pipeline.commands[0];
  if (!cmd || cmd.kind !== "simple" || cmd.words.length < 2) return "";
  const a = expandWord(cmd.words[1], st);
  return a.known ? a.text : null;
}

/** Expands a word into an {@link Arg}. */
export function expandWord(w: Word, st: State): Arg {
  let alts = [""];
  let known = true;
  let prefix = "";
  let glob = false;
  let procSub = false;
  const subs: Arg["subs"] = [];
  let brace = false;
  const append = (vals: string[]) => {
    if (vals.length === 1) {
      for (let i = 0; i < alts.length; i++) alts[i] += vals[0];
      return;
    }
    const next: string[] = [];
    for (const a of alts) {
      for (const v of vals) if (next.length < MAX_ALTS) next.push(a + v);
    }
    alts = next;
  };
  const unknown = (marker: string) => {
    if (known) prefix = alts[0];
    known = false;
    append([marker]);
  };
  for (const p of w.parts as Part[]) {
    switch (p.kind) {
      case "lit":
        if (!p.quoted) {
          if (/[*?[]/.test(p.text)) glob = true;
          if (p.text.indexOf("{") >= 0 && p.text.indexOf(",") >= 0) {
            brace = true;
          }
        }
        append([p.text]);
        break;
      case "tilde":
        append([tildeValue(p.user, st)]);
        break;
      case "var": {
        let vals = p.op && p.op !== ":-" && p.op !== "-" && p.op !== ":=" &&
            p.op !== "="
          ? null
          : varValues(p.name, st);
        if (!vals && p.arg !== undefined && /^:?[-=]$/.test(p.op ?? "")) {
          const d = defaultValue(p.arg, st);
          if (d !== null) vals = [d];
        }
        if (vals) append(vals);
        else unknown("$" + p.name);
        break;
      }
      case "sub":
        subs.push(p.script);
        if (p.form !== "$") procSub = true;
        unknown(p.form === "$" ? "$(…)" : p.form + "(…)");
        break;
      case "arith":
        unknown("$((…))");
        break;
    }
  }
  if (brace && known) alts = alts.flatMap(expandBraces).slice(0, MAX_ALTS);
  return {
    text: alts[0],
    alts,
    known,
    prefix: known ? alts[0] : prefix,
    glob,
    subs,
    procSub,
  };
}

/** One level of brace expansion: `a{b,c}d` → `abd`, `acd` (first group only, bounded). */
export function expandBraces(s: string): string[] {
  const open = s.indexOf("{");
  if (open < 0) return [s];
  const close = s.indexOf("}", open);
  if (close < 0 || close - open > 1024) return [s];
  const inner = s.slice(open + 1, close);
  if (inner.indexOf(",") < 0 || inner.indexOf("{") >= 0) return [s];
  const head = s.slice(0, open);
  const tail = s.slice(close + 1);
  return inner.split(",").slice(0, MAX_ALTS).map((x) => head + x + tail);
}
