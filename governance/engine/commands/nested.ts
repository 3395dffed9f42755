/**
 * Code inside code: `sh -c '…'`, `eval …`, heredocs and here-strings fed to
 * shells, `echo … | sh`, `ssh host '…'`, `su -c '…'`, and one-liners in
 * other languages. Shell text is re-analysed (depth-bounded); other
 * languages go to the inline analyzer.
 *
 * @module
 */

import { analyzeInline } from "./inline.ts";
import { bindArgv } from "./argv_refs.ts";
import {
  inlineCode,
  languageOf,
  readsCodeFromStdin,
  scriptFile,
} from "./interpreters.ts";
import { fileText, pipeInput } from "./shell_input.ts";
import { REMOTE_RUNNERS, remoteShellText } from "./remote_text.ts";
import { subOutput } from "./expand.ts";
import { base64Decode, hexDecode } from "./consts.ts";
import { type Arg, fork, type State, type Unit } from "./unit.ts";
import type { Pipe } from "./pipe.ts";

/** Maximum nesting of code inside code. */
export const MAX_NESTING = 8;

const SSH_VALUES = /^-[bcDEeFIiJLlmOopQRSWw]$/;

/** Runs nested code analysis for interpreters, eval, ssh and su. */
export function analyzeNested(u: Unit, st: State, pipe: Pipe): void {
  if (st.depth >= MAX_NESTING) {
    if (u.args.length) {
      st.out.unseen = true;
      st.out.flat(u.args.map((a) => a.text).join(" "), st);
    }
    return;
  }
  const inner = () => fork(st, 1);
  if (u.name === "alias") {
    // alias ls='rm -rf ~': the body runs whenever the alias is used.
    for (const a of u.args) {
      const eq = a.text.indexOf("=");
      if (eq > 0) st.out.shell(a.text.slice(eq + 1), inner());
    }
    return;
  }
  if (u.name === "trap") {
    // trap 'rm -rf ~' EXIT: the handler runs when the shell exits.
    const h = u.args.find((a) => !a.text.startsWith("-"));
    if (h && u.args.length > 1) st.out.shell(h.text, inner());
    return;
  }
  if (u.name === "source" || u.name === ".") {
    const text = u.args[0] ? scriptText(u.args[0], u, pipe, st) : null;
    if (text !== null) st.out.shell(text, inner());
    return;
  }
  if (u.name === "eval") {
    st.out.shell(u.args.map((a) => a.text).join(" "), inner());
    return;
  }
  if (u.name === "ssh") {
    let i = 0;
    while (i < u.args.length && u.args[i].text.startsWith("-")) {
      i += SSH_VALUES.test(u.args[i].text) ? 2 : 1;
    }
    const rest = u.args.slice(i + 1);
    if (rest.length) {
      const remote = inner();
      remote.cwd = null;
      st.out.shell(rest.map((a) => a.text).join(" "), remote);
    }
    if (
      i < u.args.length &&
      (!rest.length || /^(?:ba|z|da|k)?sh(?: -s)?$/.test(
        rest.map((a) => a.text).join(" "),
      ))
    ) {
      // echo 'rm -rf ~' | ssh host bash, ssh host < script: the remote shell runs stdin.
      const text = pipeInput(u, pipe, st);
      if (text !== null) {
        const remote = inner();
        remote.cwd = null;
        st.out.shell(text, remote);
      }
    }
    return;
  }
  if (REMOTE_RUNNERS.includes(u.name)) {
    // vagrant ssh -c TEXT, pdsh -w HOSTS TEXT, gcloud compute ssh --command TEXT…
    const text = remoteShellText(u);
    if (text !== null) {
      const remote = inner();
      remote.cwd = null;
      st.out.shell(text, remote);
    }
    return;
  }
  if (
    u.name === "su" || u.name === "runuser" || u.name === "sg" ||
    u.name === "script" || u.name === "flock"
  ) {
    for (let i = 0; i < u.args.length; i++) {
      if (u.args[i].text === "-c" || u.args[i].text === "--command") {
        const c = u.args[i + 1];
        if (c) st.out.shell(c.text, inner());
        return;
      }
    }
    // su / runuser without -c: the user's shell reads the commands from stdin.
    if (u.name === "su" || u.name === "runuser") {
      const text = pipeInput(u, pipe, st);
      if (text !== null) st.out.shell(text, inner());
    }
    return;
  }
  const lang = languageOf(u.name);
  if (!lang) return;
  const code = inlineCode(u, lang);
  let text: string | null = code ? code.text : null;
  let via = code ? `${u.name} inline code` : `${u.name}`;
  if (text === null && readsCodeFromStdin(u, lang)) {
    text = pipeInput(u, pipe, st);
    via = `${u.name} reading a script from stdin`;
    if (text === null && lang === "shell") opaqueProducer(pipe, st);
  }
  if (text === null) {
    const file = scriptFile(u, lang);
    if (file) {
      text = scriptText(file, u, pipe, st);
      via = `${u.name} running ${file.text}, written earlier in this command`;
    }
  }
  if (text === null) return;
  if (lang === "shell") {
    const sub = inner();
    // TARGET=~ sh -c 'rm -rf "$TARGET"': the child shell has the variables it was given.
    for (const [k, v] of u.env ?? []) sub.env.set(k, [v]);
    if (code) {
      // sh -c 'code' a b: $0 is a, "$@" is b…
      const after = u.args.slice(u.args.indexOf(code) + 1);
      if (after.length && after.every((a) => a.known)) {
        sub.env.set("0", [after[0].text]);
        sub.positional = after.slice(1).map((a) => a.text);
      }
    }
    st.out.shell(text, sub);
  } else {
    // python3 -c '…sys.argv[1]…' ~: the code is judged on the arguments it is given.
    const after = code ? u.args.slice(u.args.indexOf(code) + 1) : [];
    if (code && after.length && after.every((a) => a.known)) {
      text = bindArgv(text, lang, after.map((a) => a.text));
    }
    analyzeInline(text, lang, inner(), via);
  }
}

/**
 * A shell reading text we cannot compute from a pipe (`python3 -c "print(…)" | sh`):
 * the quoted strings the producers hold are judged as the commands they may print.
 */
function opaqueProducer(pipe: Pipe, st: State): void {
  if (!pipe || pipe.index === 0) return;
  const prev = pipe.elements[pipe.index - 1];
  let n = 0;
  for (const r of prev) {
    for (const a of r.unit.args) {
      if (++n > 64) return;
      const t = a.text;
      if (t.length > 4096) continue;
      for (const m of t.matchAll(/'([^']{2,512})'|"([^"]{2,512})"/g)) {
        const lit = m[1] ?? m[2];
        st.out.shell(lit, fork(st, 1));
        // print(b64decode("cm0g…")) | sh: an encoded literal is judged decoded.
        const dec = /^[A-Za-z0-9+/]{8,}={0,2}$/.test(lit)
          ? base64Decode(lit)
          : /^(?:[0-9a-fA-F]{2}){4,}$/.test(lit)
          ? hexDecode(lit)
          : null;
        if (dec && /^[\x20-\x7e\t\n]{2,}$/.test(dec)) {
          st.out.shell(dec, fork(st, 1));
        }
      }
      if (/\s/.test(t)) st.out.shell(t, fork(st, 1));
    }
  }
}

/** The text of a script argument: `<(echo …)`, `/dev/stdin`, or a file written earlier on the line. */
function scriptText(a: Arg, u: Unit, pipe: Pipe, st: State): string | null {
  if (a.procSub && a.subs.length === 1) return subOutput(a.subs[0], st);
  if (!a.known) return null;
  if (/^\/(dev\/stdin|proc\/self\/fd\/0|dev\/fd\/0)$/.test(a.text)) {
    return pipeInput(u, pipe, st);
  }
  return fileText(a.text, st);
}
