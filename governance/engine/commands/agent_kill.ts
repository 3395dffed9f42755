/**
 * Stopping the agent or its guard: `pkill codex`, `killall claude`, `kill -9
 * $PPID`, `kill $(pgrep -f claude)`, `pgrep codex | xargs kill`, `pkill -f
 * pre_tool_use`. The agent runs the command line as a child shell, so its
 * parent ($PPID, `ps -o ppid=`) is the agent itself.
 *
 * @module
 */

import type { Script } from "../shell/ast.ts";
import type { Arg, State, Unit } from "./unit.ts";
import type { Pipe } from "./pipe.ts";

/** A process name or command line of the agent or the guard's hooks. */
const AGENT =
  /(?:^|[\s^/*.'"(|\\])(?:codex|claude|claude-code|axonflow)(?:[\s$/.'"*)|\\]|$)|pre_?tool_?use|hooks\/dist/i;

/** Text naming the calling process: `$PPID`, `ps -o ppid=`, `/proc/$$/stat` field 4. */
const PARENT =
  /\bPPID\b|\bppid\b|\bpgid\b|\bsid=|\bgetppid\b|\/proc\/(?:\$\$|self|\$BASHPID)\/stat\b/i;

/** `[c]odex` (the grep trick that hides grep itself) reads as `codex`. */
function unbracket(t: string): string {
  return t.replace(/\[(\w)\]/g, "$1");
}

/** Process finders whose output is a pid list. */
const FINDER =
  /(?:^|[\s;|&(])(?:pgrep|pidof|ps|pstree|lsof|fuser|tasklist|tasklist\.exe|get-process|gps)(?:\s|$)/i;

/** Most text gathered from one substitution (hostile input stays cheap). */
const MAX_TEXT = 4_096;

/** The raw text of a script's simple commands, cut at MAX_TEXT. */
export function scriptText(s: Script, budget = MAX_TEXT): string {
  let out = "";
  const stack = [s];
  let guard = 0;
  while (stack.length && out.length < budget && guard++ < 256) {
    const cur = stack.pop()!;
    for (const item of cur.items) {
      for (const c of item.pipeline.commands) {
        if (c.kind === "simple") {
          out += c.words.map((w) => w.raw).join(" ") + " | ";
        } else if (c.kind === "subshell" || c.kind === "group") {
          stack.push(c.body);
        }
        if (out.length >= budget) return out.slice(0, budget);
      }
    }
  }
  return out.slice(0, budget);
}

/** The raw text of an argument's command substitutions. */
function subsText(a: Arg): string {
  return unbracket(
    a.subs.map((s) => scriptText(s)).join(" ; ").slice(0, MAX_TEXT),
  );
}

/** The producer text of a `read` variable the target refers to (`$p` of `pgrep codex | while read p`). */
function readSource(a: Arg, st: State): string {
  if (st.out.readFrom.size === 0) return "";
  const m = /^\$\{?([A-Za-z_]\w{0,63})\}?$/.exec(a.text);
  return m ? unbracket(st.out.readFrom.get(m[1]) ?? "") : "";
}

/** How a kill target names the agent (its parent pid, pids found for its name), or null. */
function agentTarget(a: Arg, st: State): string | null {
  if (a.known) return null;
  const parent = "targets the agent's own process (the shell's parent pid)";
  if (PARENT.test(a.text.slice(0, MAX_TEXT))) return parent;
  const read = readSource(a, st);
  if (read && FINDER.test(" " + read + " ")) {
    if (AGENT.test(read)) {
      return "targets pids read from a search for the agent's process";
    }
    if (PARENT.test(read)) return parent;
  }
  const sub = subsText(a);
  if (!sub) return null;
  if (PARENT.test(sub)) return parent;
  return FINDER.test(sub) && AGENT.test(sub)
    ? "targets pids found by searching for the agent's process"
    : null;
}

/** The signal `kill` sends (null: the default TERM), and where its targets start. */
function killSignal(args: Arg[]): { sig: string | null; from: number } {
  let sig: string | null = null;
  let i = 0;
  for (; i < args.length; i++) {
    const t = args[i].text;
    if (t === "--") return { sig, from: i + 1 };
    if (t === "-s" || t === "-n" || t === "--signal") {
      sig = args[i + 1]?.text ?? "";
      i++;
      continue;
    }
    if (sig === null && /^-([A-Za-z0-9+]{1,12})$/.test(t)) {
      sig = t.slice(1);
      continue;
    }
    break;
  }
  return { sig, from: i };
}

/** Words of the earlier pipeline elements (`pgrep codex | xargs kill`). */
function upstreamText(pipe: Pipe): string {
  const parts: string[] = [];
  for (let k = 0; k < pipe.index && k < pipe.elements.length; k++) {
    for (const r of pipe.elements[k]) {
      parts.push(r.unit.name, ...r.unit.args.map((a) => a.text));
    }
  }
  return unbracket(parts.join(" ").slice(0, MAX_TEXT));
}

function fire(u: Unit, st: State, what: string): void {
  st.out.matches.add(
    "kill_agent",
    `${u.name} ${what}: that stops the agent running this session or its guard (governance stops with it)`,
    "stop the specific process you started (its own pid, or the port it listens on); end the session from the agent's interface",
  );
}

/** `kill`, `pkill`, `killall` aimed at the agent, its parent shell or the guard's hooks. */
export function analyzeAgentKill(u: Unit, st: State, pipe: Pipe): void {
  if (u.name === "kill") {
    if (u.args.some((a) => /^-[lL]$|^--(list|table)$/.test(a.text))) return;
    const { sig, from } = killSignal(u.args);
    // kill -0 only asks whether the process exists.
    if (sig === "0") return;
    for (const a of u.args.slice(from, from + 64)) {
      const why = agentTarget(a, st);
      if (why) {
        fire(u, st, why);
        return;
      }
    }
    // xargs kill < <(pgrep codex): the pids come from a substitution;
    // pgrep codex | while read p; do kill $p; done: from the loop's input.
    const fromInput = u.xargs ||
      (pipe.index > 0 && u.args.slice(from).some((a) => !a.known));
    if (fromInput) {
      const fed = u.redirects.filter((r) => r.target.procSub).map((r) =>
        subsText(r.target)
      ).join(" ");
      const up = upstreamText(pipe) + " " + fed;
      if (FINDER.test(" " + up + " ") && AGENT.test(up)) {
        fire(u, st, "gets its pids from a search for the agent's process");
      } else if (FINDER.test(" " + up + " ") && PARENT.test(up)) {
        fire(
          u,
          st,
          "gets its pid from a lookup of the shell's parent (the agent)",
        );
      }
    }
    return;
  }
  // pkill / killall: a pattern naming the agent or the guard.
  const values =
    /^-[ugGPstFUoyn]$|^--(signal|euid|uid|group|pgroup|parent|session|terminal|pidfile|ns|nslist|user|older-than|younger-than|context)$/;
  for (let i = 0; i < u.args.length; i++) {
    const a = u.args[i];
    if (values.test(a.text)) {
      i++;
      continue;
    }
    if (a.text.startsWith("-") && a.text.length > 1) continue;
    if (a.known && AGENT.test(a.text.slice(0, MAX_TEXT))) {
      fire(u, st, `matches ${a.text.slice(0, 80)}`);
      return;
    }
  }
}

/** Debuggers and dumpers that read another process's memory. */
const DUMPERS = new Set([
  "gcore",
  "gdb",
  "lldb",
  "pmap",
  "procdump",
  "memdump",
]);

/**
 * `gcore $PPID`, `gdb -p $(pgrep claude)`, `dd if=/proc/$PPID/mem`: the
 * agent's memory (its API keys and session tokens) dumped or read.
 */
export function analyzeAgentMemory(u: Unit, st: State): void {
  const attach = DUMPERS.has(u.name) && u.name !== "pmap";
  for (const a of u.args.slice(0, 64)) {
    const memFile = /^(?:if=)?\/proc\/[^/ ]{1,32}\/mem$/.test(a.text) &&
      !/^(?:if=)?\/proc\/self\//.test(a.text);
    const target = !a.known && attach ? agentTarget(a, st) : null;
    if (memFile || target) {
      st.out.matches.add(
        "agent_memory_read",
        `${u.name} ${a.text.slice(0, 80)} reads the memory of ${
          target ? "the agent's process" : "another process"
        }: API keys and session tokens held there are exposed`,
        "debug a process you started yourself, by its own pid",
      );
      return;
    }
  }
}
