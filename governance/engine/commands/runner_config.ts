/**
 * Commands written into a runner's configuration run later, whenever the
 * runner runs the task (and install hooks run on `npm install` by
 * themselves): `npm pkg set scripts.x="rm -rf ~"`, `npm set-script`, a jq
 * filter or a one-liner that sets `.scripts.x` / `.tasks.x`. The command is
 * judged where it is written, as shell text. `npm config set script-shell`
 * to anything but a shell makes every script run that program.
 *
 * @module
 */

import { fork, type State, type Unit } from "./unit.ts";

/** `scripts.x = "cmd"`, `.tasks["x"] |= 'cmd'`, `d["scripts"]["x"] = "cmd"`: the assigned command text. */
const ASSIGNED =
  /\b(?:scripts|tasks)["']?\]?\s{0,4}(?:\.\s{0,4}|\[\s{0,4}["'])["']?[\w:.-]{1,64}["']?\]?\s{0,4}[|+]?=\s{0,4}(["'])((?:\\.|(?!\1)[^\\\n]){1,4096})\1/g;

/** The command texts a piece of code or a jq filter assigns to runner scripts or tasks. */
export function scriptsAssigned(text: string): string[] {
  const out: string[] = [];
  if (text.length > 200_000 || !/scripts|tasks/.test(text)) return out;
  ASSIGNED.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ASSIGNED.exec(text)) && out.length < 16) {
    out.push(m[2].replace(/\\(.)/g, "$1"));
  }
  return out;
}

/** Shells a script-shell setting may name. */
const SHELL_PROGRAM =
  /^(?:\/(?:usr\/)?(?:local\/)?bin\/)?(?:sh|bash|zsh|dash|fish|pwsh|powershell(?:\.exe)?|cmd(?:\.exe)?|git-bash(?:\.exe)?)$/i;

function judgeScript(cmd: string, st: State): void {
  if (st.depth < 8) st.out.shell(cmd, fork(st, 1));
}

/** npm / pnpm / yarn / bun pkg set, npm set-script, config set script-shell; jq / yq filters. */
export function analyzeRunnerConfig(u: Unit, st: State): void {
  const t = u.args.map((a) => a.text);
  if (u.name === "jq" || u.name === "yq" || u.name === "gojq") {
    for (const a of u.args) {
      if (a.known && !a.text.startsWith("-")) {
        for (const c of scriptsAssigned(a.text)) judgeScript(c, st);
      }
    }
    return;
  }
  if (t[0] === "pkg" && t[1] === "set") {
    for (const x of t.slice(2)) {
      const m = /^(?:scripts|tasks)\.[^=\s]{1,64}=(.{1,4096})$/s.exec(x);
      if (m) judgeScript(m[1], st);
    }
    return;
  }
  if (t[0] === "set-script" && t[2] !== undefined) {
    judgeScript(t[2], st);
    return;
  }
  const c = t.indexOf("config");
  if (c < 0 || t[c + 1] !== "set") return;
  const kv = t.slice(c + 2).filter((x) => !x.startsWith("-"));
  const eq = /^script-shell=(.*)$/.exec(kv[0] ?? "");
  const value = eq ? eq[1] : kv[0] === "script-shell" ? kv[1] : undefined;
  if (value !== undefined) {
    judgeScriptShell(value, st, `${u.name} config set script-shell`);
  }
}

/** A script-shell setting (npm config, npm_config_script_shell=…) that names anything but a shell. */
export function judgeScriptShell(value: string, st: State, how: string): void {
  if (SHELL_PROGRAM.test(value)) return;
  st.out.matches.add(
    "autorun_write",
    `${how} ${
      value.slice(0, 80)
    } makes every package script run through that program`,
    "leave script-shell at the default shell",
  );
}
