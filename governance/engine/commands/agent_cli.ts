/**
 * The agents' own command lines turned against the guard: removing or
 * disabling the AxonFlow plugin (`codex plugin remove axonflow-governance`,
 * `claude plugin disable axonflow-governance`, removing the `axonflow`
 * marketplace), switching hooks off for a run (`codex -c features.hooks=false`,
 * `codex --disable hooks`, `codex features disable hooks`), or clearing
 * Claude Code's hook settings (`claude config set hooks …`). Other plugins,
 * listings and ordinary runs pass.
 *
 * @module
 */

import type { State, Unit } from "./unit.ts";

/**
 * Options and settings that run Codex or Claude Code with approvals and the
 * sandbox switched off, in a command line or in text (an alias, a config
 * line): `--dangerously-skip-permissions`,
 * `--dangerously-bypass-approvals-and-sandbox`, `--yolo`,
 * `--permission-mode bypassPermissions`, `danger-full-access`.
 */
export const AGENT_BYPASS =
  /--(?:allow-)?dangerously-(?:skip-permissions|bypass-approvals-and-sandbox)\b|--permission-mode[= ]{1,4}["']?bypassPermissions\b|(?:^|[\s'"=])--yolo\b|\bdanger-full-access\b/;

const UNGUARDED_SAFER =
  "run the agent with its approvals and sandbox on (codex --full-auto keeps the workspace sandbox); ask the user to start an unguarded run themselves";

/** codex / claude started with approvals and the sandbox switched off. */
export function analyzeAgentBypassRun(u: Unit, st: State): void {
  for (let i = 0; i < u.args.length && i < 256; i++) {
    const t = u.args[i].text;
    const next = u.args[i + 1]?.text ?? "";
    const hit = AGENT_BYPASS.exec(t) ??
      (/^(-s|--sandbox|--permission-mode)$/.test(t)
        ? AGENT_BYPASS.exec(`${t}=${next}`) ??
          (/^(danger-full-access|bypassPermissions)$/.test(next)
            ? [next]
            : null)
        : null);
    if (hit) {
      st.out.matches.add(
        "agent_unguarded_run",
        `${u.name} ${
          hit[0].trim()
        } starts an agent with its approvals and sandbox switched off: what it does is no longer held back`,
        UNGUARDED_SAFER,
      );
      return;
    }
  }
}

/** `alias codex='codex --yolo'`: an alias that starts an agent unguarded. */
export function analyzeAgentAlias(u: Unit, st: State): void {
  for (const a of u.args.slice(0, 64)) {
    const m = AGENT_BYPASS.exec(a.text);
    if (m) {
      st.out.matches.add(
        "agent_unguarded_run",
        `alias ${a.text.slice(0, 80)} makes the agent start with ${
          m[0].trim()
        }: approvals and the sandbox switched off on every run`,
        UNGUARDED_SAFER,
      );
      return;
    }
  }
}

const GUARD_NAME = /axonflow/i;
const REMOVE = /^(remove|rm|uninstall|disable|delete)$/;
/** Codex options that take the next word as their value. */
const CODEX_VALUES =
  /^(-c|--config|-m|--model|-p|--profile|-s|--sandbox|-a|--ask-for-approval|-C|--cd|-i|--image|--enable|--disable)$/;

function tamper(u: Unit, st: State, what: string): void {
  st.out.matches.add(
    "guard_tamper",
    `${u.name} ${what}: this switches off the guard`,
    "leave the guard installed and enabled; ask the user to change it",
  );
}

/** codex / claude: plugin removal, hooks switched off, hook settings cleared. */
export function analyzeAgentCli(u: Unit, st: State): void {
  const t = u.args.map((a) => a.text);
  const pos: string[] = [];
  for (let i = 0; i < t.length && i < 256; i++) {
    const x = t[i];
    const value = u.name === "codex" && CODEX_VALUES.test(x)
      ? t[i + 1] ?? ""
      : /^--(config|disable)=/.test(x)
      ? x.slice(x.indexOf("=") + 1)
      : null;
    if (value !== null) {
      const opt = x.startsWith("--disable") ? "--disable" : x.split("=")[0];
      if (
        (opt === "--disable" && /^hooks$/i.test(value)) ||
        (/^(-c|--config)$/.test(opt) &&
          /(^|\.)hooks\s{0,4}=\s{0,4}(false|0|"?off"?)/i.test(value))
      ) {
        tamper(u, st, `${x} ${value} runs the agent with hooks switched off`);
      }
      if (CODEX_VALUES.test(x)) i++;
      continue;
    }
    if (!x.startsWith("-")) pos.push(x);
  }
  const [a, b, c, d] = pos;
  if ((a === "plugin" || a === "plugins") && REMOVE.test(b ?? "")) {
    if (pos.slice(2).some((x) => GUARD_NAME.test(x))) {
      tamper(u, st, `plugin ${b} ${c} removes the AxonFlow guard plugin`);
    }
  }
  if (
    (a === "plugin" || a === "plugins") && b === "marketplace" &&
    REMOVE.test(c ?? "") && GUARD_NAME.test(d ?? "")
  ) {
    tamper(
      u,
      st,
      `plugin marketplace ${c} ${d} removes the guard's marketplace`,
    );
  }
  if (a === "features" && REMOVE.test(b ?? "") && /^hooks$/i.test(c ?? "")) {
    tamper(u, st, "features disable hooks turns every hook off");
  }
  if (
    u.name === "claude" && a === "config" &&
    /^(set|remove|rm|unset|add)$/.test(b ?? "") && /^hooks\b/i.test(c ?? "")
  ) {
    tamper(u, st, `config ${b} ${c} changes the hooks that run the guard`);
  }
}
