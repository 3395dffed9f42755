/**
 * The text a program reads as its input or script, when this command line
 * makes it: a here-document or here-string, what the earlier pipeline
 * elements print (computed through decoders: `echo … | base64 -d | sh`), or
 * a file written earlier on the line (`printf … > /tmp/x.sh; sh /tmp/x.sh`).
 *
 * @module
 */

import { constOutput, LISTED } from "./consts.ts";
import { resolvePath } from "./paths.ts";
import type { State, Unit } from "./unit.ts";
import type { Pipe } from "./pipe.ts";
import { outputOf, writtenText } from "./writes.ts";

export { writtenText };

/** The text a file argument holds when this command line wrote it, or null. */
export function fileText(path: string, st: State): string | null {
  const p = resolvePath(path, st.cwd, st.ctx.home);
  return p === null ? null : writtenText(p, st);
}

/** What a unit prints given its input, when that is computable (`st`: files written earlier on the line). */
export function unitOutput(
  u: Unit,
  input: string | null,
  st?: State,
): string | null {
  if (!u.args.every((a) => a.known)) return outputOf(u);
  if (
    st && (u.name === "realpath" || u.name === "readlink" || u.name === "pwd")
  ) {
    // readlink -f ~ | xargs rm -rf: the paths it prints.
    const paths = u.args.filter((a) => !a.text.startsWith("-"));
    if (u.name === "pwd") return st.cwd === null ? null : st.cwd + "\n";
    if (
      u.name === "readlink" && !u.args.some((a) => /^-[a-z]*[fem]/.test(a.text))
    ) return null;
    const out = paths.slice(0, 16).map((a) =>
      resolvePath(a.text, st.cwd, st.ctx.home)
    );
    if (out.length && out.every((p) => p !== null)) {
      return out.join("\n") + "\n";
    }
  }
  if (
    st && u.name === "cat" && u.args.length > 0 && u.args.length <= 8 &&
    u.args.every((a) => !a.text.startsWith("-"))
  ) {
    // cat f | sh: the text written into f earlier on the line.
    const texts = u.args.map((a) => fileText(a.text, st));
    if (texts.every((t) => t !== null)) return texts.join("\n");
  }
  const own = u.stdin !== null ? u.stdin + "\n" : input;
  // echo ~/*, printf '%s\n' /*: a glob argument prints the entries it lists.
  const lists = u.name === "echo" || u.name === "printf";
  const args = u.args.map((a) => lists && a.glob ? LISTED + a.text : a.text);
  return constOutput(u.name, args, own) ?? outputOf(u);
}

/** What pipeline element `index` prints (its last unit), computed through the elements before it. */
export function elementOutput(
  pipe: Pipe,
  index: number,
  st?: State,
): string | null {
  let input: string | null = null;
  for (let k = 0; k <= index; k++) {
    const el = pipe.elements[k];
    const last = el[el.length - 1]?.unit;
    if (!last) return null;
    input = el.length === 1
      ? unitOutput(last, k === 0 ? null : input, st)
      : k === 0
      ? groupOutput(el.map((r) => r.unit), st)
      : null;
    if (input === null) return null;
  }
  return input;
}

/** Most commands of a group whose printed text is computed. */
const MAX_GROUP = 64;

/**
 * What a group or subshell prints (`{ echo rm; echo -rf ~; } | sh`): the
 * outputs of its commands in order, when each is computable; commands whose
 * output is redirected away print nothing here. Null when any is unknown.
 */
export function groupOutput(
  units: readonly Unit[],
  st?: State,
): string | null {
  if (units.length === 0 || units.length > MAX_GROUP) return null;
  let out = "";
  for (const u of units) {
    if (u.redirects.some(redirectsStdout)) continue;
    if (u.name === "" && u.args.length === 0) continue;
    const t = unitOutput(u, null, st);
    if (t === null) return null;
    out += t;
    if (out.length > MAX_GROUP_TEXT) return null;
  }
  return out;
}

/** Longest group output computed. */
const MAX_GROUP_TEXT = 65_536;

function redirectsStdout(r: Unit["redirects"][number]): boolean {
  if (!/^(>|>>|>\||&>|&>>)$/.test(r.op)) return false;
  return r.fd === null || r.fd === 1 || r.op.startsWith("&");
}

/** The text a unit reads on stdin, when this command line makes it. */
export function pipeInput(
  u: Unit,
  pipe: Pipe | null,
  st: State,
): string | null {
  if (u.stdin !== null) return u.stdin;
  if (!pipe || pipe.index === 0) return null;
  return elementOutput(pipe, pipe.index - 1, st);
}

/** `echo … | base64 -d > f`: remembers text we computed but writes.ts could not (so `bash f` is judged). */
export function recordComputedWrites(u: Unit, st: State, pipe: Pipe): void {
  if ((u.name === "cp" || u.name === "install") && u.args.length === 2) {
    // cp /dev/stdin f <<< text: f holds the text.
    const [from, to] = u.args;
    const text = /^\/dev\/(stdin|fd\/0)$/.test(from.text)
      ? pipeInput(u, pipe, st)
      : from.known
      ? fileText(from.text, st)
      : null;
    const p = to.known ? resolvePath(to.text, st.cwd, st.ctx.home) : null;
    if (text !== null && p !== null) {
      st.out.fileWrites.push({ path: p, content: text });
    }
  }
  if (u.name === "dd" && !u.args.some((a) => a.text.startsWith("if="))) {
    // … | dd of=f: f holds what dd reads.
    const of = u.args.find((a) => a.text.startsWith("of="));
    const p = of?.known
      ? resolvePath(of.text.slice(3), st.cwd, st.ctx.home)
      : null;
    const text = p === null ? null : pipeInput(u, pipe, st);
    if (text !== null && p !== null) {
      st.out.fileWrites.push({ path: p, content: text });
    }
  }
  if (!u.name || !u.redirects.length) return;
  for (const r of u.redirects) {
    if ((r.op !== ">" && r.op !== ">>") || (r.fd !== null && r.fd !== 1)) {
      continue;
    }
    if (!r.target.known || outputOf(u) !== null) continue;
    const text = elementOutput(pipe, pipe.index);
    const p = resolvePath(r.target.text, st.cwd, st.ctx.home);
    if (text !== null && p !== null) {
      st.out.fileWrites.push({ path: p, content: text });
    }
  }
}
