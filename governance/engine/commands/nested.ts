/**
 * Code inside code: `sh -c '…'`, `eval …`, heredocs and here-strings fed to
 * shells, `echo … | sh`, `ssh host '…'`, `su -c '…'`, and one-liners in
 * other languages. Shell text is re-analysed (depth-bounded); other
 * languages go to the inline analyzer.
 *
 * @module
 */

import { analyzeInline } from "./inline.ts";
import { inlineCode, languageOf, readsCodeFromStdin } from "./interpreters.ts";
import { fork, type State, type Unit } from "./unit.ts";
import type { Pipe } from "./walk.ts";
import { stdinOf } from "./writes.ts";

/** Maximum nesting of code inside code. */
export const MAX_NESTING = 8;

const SSH_VALUES = /^-[bcDEeFIiJLlmOopQRSWw]$/;

/** Runs nested code analysis for interpreters, eval, ssh and su. */
export function analyzeNested(u: Unit, st: State, pipe: Pipe): void {
  if (st.depth >= MAX_NESTING) return;
  const inner = () => fork(st, 1);
  if (u.name === "alias") {
    // alias ls='rm -rf ~': the body runs whenever the alias is used.
    for (const a of u.args) {
      const eq = a.text.indexOf("=");
      if (eq > 0) st.out.shell(a.text.slice(eq + 1), inner());
    }
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
    return;
  }
  const lang = languageOf(u.name);
  if (!lang) return;
  const code = inlineCode(u, lang);
  let text: string | null = code ? code.text : null;
  let via = code ? `${u.name} inline code` : `${u.name}`;
  if (text === null && readsCodeFromStdin(u, lang)) {
    text = stdinOf(u, pipe);
    via = `${u.name} reading a script from stdin`;
  }
  if (text === null) return;
  if (lang === "shell") st.out.shell(text, inner());
  else analyzeInline(text, lang, inner(), via);
}
