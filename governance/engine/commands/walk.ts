/**
 * Walks a parsed script like a shell would run it: tracks `cd` and variable
 * assignments, forks state for subshells and pipelines, expands words,
 * peels wrappers, analyses substitutions, and hands every resulting unit to
 * the analyzers with its pipeline neighbours.
 *
 * @module
 */

import type {
  Command,
  ListItem,
  Pipeline,
  Script,
  SimpleCommand,
} from "../shell/ast.ts";
import { expandWord, expandWords, subOutput, varValues } from "./expand.ts";
import { parseScript } from "../shell/parse.ts";
import { LISTED, printfOutput } from "./consts.ts";
import { analyzeEnvCommand } from "./embedded.ts";
import {
  elementOutput,
  fileText,
  groupOutput,
  unitOutput,
  writtenText,
} from "./shell_input.ts";
import { resolvePath } from "./paths.ts";
import {
  type Arg,
  commandName,
  fork,
  litArg,
  type State,
  type Unit,
  type URedirect,
} from "./unit.ts";
import { unwrap } from "./wrappers.ts";
import { commandsIn } from "./ast_scan.ts";
import { trackFetchedVar } from "./fetched_vars.ts";
import { trackDumpLoop, trackDumpRead } from "./dump_vars.ts";
import type { Analyzer, Pipe, Ran, Registry } from "./pipe.ts";

let registry: Registry = {
  byName: new Map(),
  all: [],
  func: () => {},
  assign: () => {},
};

/** Installs the analyzers (done once by analyze.ts). */
export function setRegistry(r: Registry): void {
  registry = r;
}

/** Extra analyzers for the duration of one {@link observeWalk}. */
let observers: readonly Analyzer[] = [];

/**
 * Walks a script like {@link walkScript} and also hands every unit it runs
 * (nested shells and substitutions included) to `observe`.
 */
export function observeWalk(s: Script, st: State, observe: Analyzer): Ran[] {
  const prev = observers;
  observers = [...prev, observe];
  try {
    return walkScript(s, st);
  } finally {
    observers = prev;
  }
}

/** Walks a script; returns everything it ran. */
export function walkScript(s: Script, st: State): Ran[] {
  const out: Ran[] = [];

  const loops = s.items.length > 1 ? loopInputs(s) : null;
  for (const item of s.items) {
    if (st.out.budget <= 0) {
      st.out.unseen = true;
      break;
    }
    let p = item.pipeline;
    const extra = loops?.get(item);
    if (extra) {
      const cmds = [...p.commands];
      const last = cmds[cmds.length - 1] as SimpleCommand;
      cmds[cmds.length - 1] = {
        ...last,
        redirects: [...last.redirects, ...extra],
      };
      p = { commands: cmds };
    }
    for (const r of walkPipeline(p, st)) out.push(r);
  }
  if (s.opaque !== undefined) {
    // Past the parser's limits. Out of budget, the whole text is judged flat at the end anyway.
    st.out.unseen = true;
    if (st.out.budget > 0) st.out.flat(s.opaque, st);
  }
  return out;
}

function walkPipeline(p: Pipeline, st: State): Ran[] {
  const multi = p.commands.length > 1;
  const elements: Ran[][] = [];
  for (let i = 0; i < p.commands.length; i++) {
    const c = p.commands[i];
    if (st.out.budget <= 0) {
      // Out of budget: the whole text is judged flat at the end.
      st.out.unseen = true;
      break;
    }
    // git ls-files | { xargs rm -f; }: the group's first command reads the pipeline.
    const feeds = i > 0 && i <= MAX_PRODUCER &&
      (c.kind === "group" || c.kind === "subshell");
    if (feeds) {
      groupFeed = {
        items: [{ pipeline: { commands: p.commands.slice(0, i) }, op: "" }],
      };
    }
    elements.push(walkCommand(c, multi ? fork(st) : st));
    if (feeds) groupFeed = null;
  }
  for (let i = 1; i < elements.length; i++) {
    // echo ~ | while read d; do …: the loop body (walked after) sees the variables.
    const r = elements[i][0];
    if (r && r.unit.name === "read" && r.unit.stdin === null) {
      readInto(r.unit, elementOutput({ elements, index: i - 1 }, i - 1), st);
      noteReadFrom(r.unit, elements.slice(0, i), st);
    }
  }
  for (let i = 0; i < elements.length; i++) {
    for (const r of elements[i]) {
      if (r.done) continue;
      r.done = true;
      if (i > 0 && r.unit.xargs) {
        // The producer as a script, for output that cannot be computed
        // (bounded: a pipeline of thousands of elements is judged flat).
        inferXargs(
          r,
          elements[i - 1],
          { elements, index: i - 1 },
          () =>
            i > MAX_PRODUCER ? null : {
              items: [{
                pipeline: { commands: p.commands.slice(0, i) },
                op: "",
              }],
            },
        );
      }
      const pipe: Pipe = { elements, index: i };
      for (const a of registry.all) a(r.unit, r.st, pipe);
      for (const a of observers) a(r.unit, r.st, pipe);
      const named = registry.byName.get(r.unit.name);
      if (named) { for (const a of named) a(r.unit, r.st, pipe); }
    }
  }
  // Read once by walkScript, which copies the units out.
  if (elements.length === 1) return elements[0];
  const ran: Ran[] = [];
  for (const e of elements) for (const r of e) ran.push(r);
  return ran;
}

/**
 * xargs -I{}: the values go where `{}` stands (inside a word too, as in `sh
 * -c 'rm -rf {}'`); without a slot they are appended.
 */
function placeArgs(u: Unit, vals: Arg[]): void {
  if (!vals.length) return;
  const slot = u.args.findIndex((a) => a.text.includes("{}"));
  if (slot < 0) {
    u.args.push(...vals);
    return;
  }
  const a = u.args[slot];
  if (a.text === "{}") u.args.splice(slot, 1, ...vals);
  else {
    const t = a.text.replaceAll("{}", vals[0].text);
    u.args[slot] = { ...a, text: t, alts: [t], prefix: a.known ? t : a.prefix };
  }
}

/**
 * `find / | xargs rm -rf`, `echo a b | xargs rm`: arguments coming from the
 * producer; `producer` builds the earlier elements as a script, for output
 * that cannot be computed.
 */
function inferXargs(
  r: Ran,
  prev: Ran[],
  before: Pipe,
  producer: () => Script | null,
): void {
  if (!r.unit.xargs) return;
  const n = r.unit.args.length;
  if (!placeProduced(r, prev, before)) {
    const s = producer();
    if (s) placeSub(r.unit, s);
  }
  if (r.unit.args.length !== n) rewrap(r.unit);
}

/**
 * `kubectl get ns -o name | xargs kubectl delete`: output that cannot be
 * computed goes in as a command substitution of the producer would
 * (`kubectl delete $(kubectl get ns -o name)`), so every analyzer that
 * judges targets "whatever a listing returns" sees the listing.
 */
function placeSub(u: Unit, producer: Script): void {
  const text = "$(…)";
  const sub: Arg = {
    text,
    alts: [text],
    known: false,
    prefix: "",
    glob: false,
    subs: [producer],
    procSub: false,
    listed: true,
  };
  const slot = u.args.findIndex((a) => a.text.includes("{}"));
  if (slot < 0) {
    u.args.push(sub);
    return;
  }
  const a = u.args[slot];
  if (a.text === "{}") u.args.splice(slot, 1, sub);
  else {
    // sh -c 'rm -f "{}"': the script gets the producer as its own substitution.
    const raw = rawText(producer);
    const t = a.text.replaceAll("{}", raw === null ? text : `$(${raw})`);
    u.args[slot] = {
      ...a,
      text: t,
      alts: [t],
      known: a.known && raw !== null,
      prefix: a.known ? a.text.slice(0, a.text.indexOf("{}")) : a.prefix,
      subs: [...a.subs, producer],
      listed: true,
    };
  }
}

/** The source text of a script of simple commands (`git ls-files | tr a b`), or null. */
function rawText(s: Script): string | null {
  const parts: string[] = [];
  let n = 0;
  for (const item of s.items) {
    for (const c of item.pipeline.commands) {
      if (c.kind !== "simple" || c.redirects.length || c.assigns.length) {
        return null;
      }
      const t = c.words.map((w) => w.raw).join(" ");
      n += t.length;
      if (n > 4_096) return null;
      parts.push(t);
    }
  }
  return parts.length ? parts.join(" | ") : null;
}

/**
 * `… | xargs sudo` fed `rm -rf /`: once the arguments are placed, a wrapper
 * the unit was named after is peeled like any other, so the command it runs
 * is judged.
 */
function rewrap(u: Unit): void {
  const argv = u.cmd ? [u.cmd, ...u.args] : u.args;
  if (u.cmd ? !WRAPPED_BY_XARGS.has(u.name) : !u.args.length) return;
  const uw = unwrap(argv);
  const head = uw.args[0];
  if (!head || head === u.cmd || uw.query) return;
  u.name = commandName(head.text);
  u.args = uw.args.slice(1);
  u.cmd = head;
  if (uw.sudo) u.sudo = true;
}

/** Most pipeline elements before an xargs that are handed to it as its producer. */
const MAX_PRODUCER = 64;

/** Wrappers xargs may be told to run, whose command then comes from its input. */
const WRAPPED_BY_XARGS = new Set([
  "sudo",
  "doas",
  "env",
  "nice",
  "nohup",
  "timeout",
  "command",
  "exec",
  "builtin",
  "stdbuf",
  "ionice",
  "chrt",
  "setsid",
  "busybox",
]);

/** `ls ~ | xargs -I{} rm -rf ~/{}`: each listed entry is an argument (a glob over them). */
function placeListed(u: Unit, text: string): boolean {
  const pats = text.split("\n").filter((x) => x.includes(LISTED)).slice(0, 8)
    .map((x) => x.replaceAll(LISTED, ""));
  const asArg = (t: string): Arg => ({
    ...litArg(t),
    glob: true,
    listed: true,
  });
  const slot = u.args.findIndex((a) =>
    a.text.includes("{}") || /(^|\/)%(\/|$)/.test(a.text)
  );
  if (slot < 0) u.args.push(...pats.map(asArg));
  else {
    const a = u.args[slot];
    u.args.splice(
      slot,
      1,
      ...pats.map((x) => asArg(a.text.replace(/\{\}|%/, x))),
    );
  }
  return true;
}

/** Places what the producer prints; false when that cannot be computed. */
function placeProduced(r: Ran, prev: Ran[], before: Pipe): boolean {
  const p = prev[prev.length - 1]?.unit;
  if (!p) return true;
  if (
    prev.length !== 1 ||
    p.name !== "echo" && p.name !== "printf" && p.name !== "ls" &&
      p.name !== "compgen" && p.name !== "find"
  ) {
    // readlink -f ~ | xargs rm -rf, printf … | sort | xargs …: computed output.
    const text = elementOutput(before, before.index, r.st);
    if (text === null) return r.unit.stdin !== null;
    // find ~ -maxdepth 1 | tail -n +2 | xargs rm -rf: still a listing.
    if (text.includes(LISTED)) return placeListed(r.unit, text);
    const whole = r.unit.xargsWhole ||
      r.unit.args.some((a) => a.text.includes("{}"));
    const vals = (whole ? text.split("\n") : text.split(/\s+/))
      .filter((x) => x !== "").slice(0, 64).map(litArg);
    placeArgs(r.unit, whole ? vals.slice(0, 1) : vals);
    return true;
  }
  const slot = r.unit.args.some((a) => a.text.includes("{}"));
  if (
    (p.name === "echo" || p.name === "printf") && (r.unit.xargsWhole || slot)
  ) {
    // echo 'rm -rf ~' | xargs -0 sh -c: the whole text is one argument;
    // with -I {} each whole line is (the first is judged).
    const out = unitOutput(p, null);
    const text = out !== null && slot && !r.unit.xargsWhole
      ? out.split("\n")[0]
      : out;
    // printf '%s\0' * .[!.]* | xargs -0 rm -rf: the entries the globs list.
    if (text !== null && text.includes(LISTED)) {
      return placeListed(r.unit, text.replaceAll("\0", "\n"));
    }
    if (text !== null) placeArgs(r.unit, [litArg(text.replace(/\n$/, ""))]);
  } else if (p.name === "printf" && p.args.every((a) => a.known)) {
    // printf '%s/%s\n' /home dev | xargs …: the words printf prints, not its arguments.
    const out = unitOutput(p, null);
    if (out !== null && !out.includes(LISTED)) {
      placeArgs(
        r.unit,
        out.split(/\s+/).filter((x) => x !== "").slice(0, 64).map(litArg),
      );
    } else if (out !== null) placeListed(r.unit, out);
  } else if (p.name === "echo" || p.name === "printf") {
    const words = p.args.filter((a) => !a.text.startsWith("-"));
    if (words.every((a) => a.known)) {
      const vals: Arg[] = [];
      for (const w of words) {
        for (const t of w.text.split(/\s+/)) {
          if (t) vals.push({ ...w, text: t, alts: [t], prefix: t });
        }
      }
      placeArgs(r.unit, vals);
    }
  } else if (p.name === "ls" || p.name === "compgen") {
    // ls ~ | xargs -I{} rm -rf ~/{}: each listed entry is an argument (a glob over them).
    const text = unitOutput(p, null);
    if (text === null || !text.includes(LISTED)) return true;
    placeListed(r.unit, text);
  } else if (p.name === "find") {
    const root = p.args.find((a) => !a.text.startsWith("-"));
    const names: string[] = [];
    for (let k = 0; k + 1 < p.args.length; k++) {
      if (/^-(i?name|i?path|i?wholename|i?regex)$/.test(p.args[k].text)) {
        names.push(p.args[k + 1].text);
      }
    }
    r.unit.viaFind = {
      root: root ? root.text : ".",
      names,
      filtered: findFiltered(p.args.map((a) => a.text)),
    };
  }
  return true;
}

/**
 * Whether a find expression selects only some files: a name, path, time,
 * size or owner test that is not negated (`-not -path './node_modules/*'`
 * and `! -name x` leave everything else in).
 */
function findFiltered(args: readonly string[]): boolean {
  for (let k = 0; k < args.length && k < 256; k++) {
    if (args[k] === "-not" || args[k] === "!") {
      k++;
      continue;
    }
    if (
      /^-(i?name|i?path|i?regex|newer|mtime|mmin|size|user|empty|perm)/.test(
        args[k],
      )
    ) return true;
  }
  return false;
}

function walkCommand(c: Command, st: State): Ran[] {
  switch (c.kind) {
    case "simple": {
      const r = simpleUnit(c, st);
      return r ? [r] : [];
    }
    case "subshell":
    case "group": {
      const inner = c.kind === "subshell" ? fork(st) : st;
      const ran = walkScript(c.body, inner);
      const redirects = expandRedirects(c.redirects, st);
      if (redirects.length) {
        // Redirections of the group apply to what it prints.
        const unit = blankUnit(redirects);
        const printed = groupOutput(ran.map((r) => r.unit), st);
        if (printed !== null) unit.printed = printed;
        ran.push({ unit, st, done: false });
      }
      return ran;
    }
    case "func": {
      st.funcs.set(c.name, c.body);
      // The definition alone: its arguments are not known until a call
      // (which walks the body again with them, see callFunction).
      const def = fork(st);
      def.positional = null;
      const body = walkCommand(c.body, def);
      const flat = [...body];
      // A group body's units are already analysed; also look inside pipelines.
      registry.func(c.name, flat, st);
      return [];
    }
  }
}

function blankUnit(redirects: URedirect[]): Unit {
  return {
    name: "",
    args: [],
    redirects,
    stdin: null,
    sudo: false,
    cmd: null,
  };
}

function walkSubs(a: Arg, st: State): void {
  for (const s of a.subs) {
    if (st.out.budget <= 0) {
      // Out of budget (a word of many thousand substitutions): the whole
      // text is judged flat at the end.
      st.out.unseen = true;
      return;
    }
    // `` (empty) many thousand times in one word: nothing to walk, no state to copy.
    if (s.items.length === 0 && s.opaque === undefined) continue;
    walkScript(s, fork(st, 1));
  }
}

function expandRedirects(
  list: SimpleCommand["redirects"],
  st: State,
): URedirect[] {
  const out: URedirect[] = [];
  for (const r of list) {
    const target = expandWord(r.target, st);
    walkSubs(target, st);
    if (r.heredoc) {
      for (const s of r.heredoc.subs) walkScript(s, fork(st, 1));
    }
    out.push({ op: r.op, fd: r.fd, target, heredoc: r.heredoc });
  }
  return out;
}

/** Words of one command judged in full; a longer command is judged by its ends and as flat text. */
const MAX_WORDS = 2_048;
/** Most redirections of one command judged one by one (each can name a file to judge). */
const MAX_REDIRECTS = 256;

/** Longest variable value followed (as `x+=more` keeps); a longer one makes the variable unknown. */
const MAX_VALUE_CHARS = 65_536;

const DECLARE = new Set(["export", "declare", "typeset", "local", "readonly"]);

function setVar(st: State, name: string, v: Arg, raw?: string): void {
  if (raw !== undefined && raw.startsWith("(") && raw.length < 4096) {
    // name=(a b c): an array; $name is its first element.
    const cmd = parseScript(
      "x " + raw.slice(1, raw.endsWith(")") ? -1 : undefined),
      st.depth + 1,
    )
      .items[0]?.pipeline.commands[0];
    const words = cmd && cmd.kind === "simple"
      ? cmd.words.slice(1).flatMap((w) => expandWords(w, st))
      : [];
    const keyed = words.map((a) => /^\[([^\]]{1,64})\]=(.*)$/s.exec(a.text));
    if (words.length && keyed.every((k) => k !== null)) {
      // declare -A t=([k]=v …), a=([0]=x): each element by its key.
      for (let i = 0; i < keyed.length; i++) {
        const k = keyed[i]!;
        if (words[i].known) st.env.set(`${name}[${k[1]}]`, [k[2]]);
        else st.env.delete(`${name}[${k[1]}]`);
      }
      return;
    }
    if (words.every((a) => a.known)) {
      // a=(* .[!.]*): each element stands for the entries its glob lists.
      const vals = words.map((a) => a.glob ? LISTED + a.text : a.text);
      st.arrays.set(name, vals);
      st.env.set(name, [vals[0] ?? ""]);
    } else {
      st.arrays.delete(name);
      st.env.delete(name);
    }
    return;
  }
  if (v.known && v.text.length > MAX_VALUE_CHARS) {
    // a=$a$a repeated: a value that doubles each time is not followed (its
    // text would outgrow memory); the variable is unknown from here on.
    st.env.delete(name);
    registry.assign(name, {
      ...v,
      text: "$" + name,
      alts: ["$" + name],
      known: false,
      prefix: "",
    }, st);
    return;
  }
  if (v.known) {
    st.env.set(name, v.alts);
    // export GIT_SSH_COMMAND='…': whatever runs next may run it.
    analyzeEnvCommand(name, v.text, st);
  } else st.env.delete(name);
  registry.assign(name, v, st);
}

/** `x+=more`, `a+=(more words)`: the old value (or array) followed by the new one; unknown if the old is. */
function appendVar(st: State, name: string, v: Arg, raw: string): void {
  const arr = st.arrays.get(name);
  const old = st.env.get(name);
  if (raw.startsWith("(") && raw.length < 4096) {
    const before = arr ?? (old ? [old[0]] : []);
    setVar(st, name, v, raw);
    const added = st.arrays.get(name);
    if (added) {
      const all = [...before, ...added].slice(0, 256);
      st.arrays.set(name, all);
      st.env.set(name, [all[0] ?? ""]);
    } else {
      st.arrays.delete(name);
      st.env.delete(name);
    }
    return;
  }
  if (arr) {
    // a+=x on an array appends to its first element.
    if (!v.known) {
      st.arrays.delete(name);
      st.env.delete(name);
      return;
    }
    const first = (arr[0] ?? "") + v.text;
    st.arrays.set(name, [first, ...arr.slice(1)]);
    st.env.set(name, [first]);
    return;
  }
  const base = (old ?? varValues(name, st))?.[0] ?? "";
  const text = (base + v.text).slice(0, 65_536);
  setVar(st, name, { ...v, text, alts: [text], prefix: base + v.prefix });
}

/** The earlier pipeline elements, for the first command of a group that is a later element. */
let groupFeed: Script | null = null;

function simpleUnit(cmd: SimpleCommand, st: State): Ran | null {
  if (--st.out.budget < 0) return null;
  const feed = groupFeed;
  groupFeed = null;
  const standalone = cmd.words.length === 0;
  let given: [string, string][] | null = null;
  for (const a of cmd.assigns) {
    const v = expandWord(a.value, st);
    walkSubs(v, st);
    if (standalone && a.append) appendVar(st, a.name, v, a.value.raw);
    else if (standalone) setVar(st, a.name, v, a.value.raw);
    else {
      registry.assign(a.name, v, st);
      if (v.known) analyzeEnvCommand(a.name, v.text, st);
      if (v.known) (given ??= []).push([a.name, v.text]);
    }
  }
  let words = cmd.words;
  if (words.length > MAX_WORDS) {
    // Hostile length: judge both ends here, and the whole text flat at the end.
    words = [...words.slice(0, MAX_WORDS / 2), ...words.slice(-MAX_WORDS / 2)];
    st.out.unseen = true;
    st.out.budget = 0;
  }
  const args: Arg[] = [];
  for (const w of words) for (const a of expandWords(w, st)) args.push(a);
  for (const a of args) walkSubs(a, st);
  let redirs = cmd.redirects;
  if (redirs.length > MAX_REDIRECTS) {
    // Hostile count (`> a > b > …` many thousand times): judge both ends
    // here, and the whole text flat at the end.
    redirs = [
      ...redirs.slice(0, MAX_REDIRECTS / 2),
      ...redirs.slice(-MAX_REDIRECTS / 2),
    ];
    st.out.unseen = true;
    st.out.budget = 0;
  }
  const redirects = expandRedirects(redirs, st);
  let stdin: string | null = null;
  for (const r of redirects) {
    if (r.heredoc) stdin = r.heredoc.body;
    else if (r.op === "<<<") stdin = r.target.text;
    else if (r.op === "<" && r.target.procSub && r.target.subs.length === 1) {
      // done < <(ls ~), mapfile -t a < <(find ~): what the substitution prints.
      stdin = subOutput(r.target.subs[0], st) ?? stdin;
    } else if (r.op === "<" && r.target.known) {
      const p = resolvePath(r.target.text, st.cwd, st.ctx.home);
      const written = p === null ? null : writtenText(p, st);
      if (written !== null) stdin = written;
    }
  }
  if (!args.length) {
    return redirects.length
      ? { unit: { ...blankUnit(redirects), stdin }, st, done: false }
      : null;
  }
  const first = commandName(args[0].text);
  if (first === "xargs") stdin = xargsFile(args, st) ?? stdin;
  if (first === "for" || first === "select") {
    if (args.length === 2) {
      // for f; do …: the loop runs over "$@".
      if (st.positional) {
        st.env.set(
          args[1].text,
          st.positional.length ? st.positional.slice(0, 16) : [""],
        );
      } else st.env.delete(args[1].text);
    }
    if (args[2]?.text === "in" && args[1]) {
      const vals = args.slice(3);
      trackDumpLoop(args[1].text, vals, st);
      if (vals.length && vals.every((v) => v.known)) {
        // for d in /*: the variable stands for each entry the glob lists.
        st.env.set(
          args[1].text,
          vals.flatMap((v) => v.glob ? v.alts.map((x) => LISTED + x) : v.alts)
            .slice(0, 16),
        );
      } else {
        st.env.delete(args[1].text);
        loopFromSubs(args[1].text, vals, st);
      }
    }
    return null;
  }
  if (first === "case" || first === "in") return null;
  const uw = unwrap(args);
  if (uw.query) return null;
  let ust = st;
  if (uw.chdir !== null) {
    ust = fork(st);
    ust.cwd = resolvePath(uw.chdir, st.cwd, st.ctx.home);
  }
  if (uw.script !== null) st.out.shell(uw.script, fork(ust, 1));
  for (const w of uw.judged) {
    st.out.unit({
      name: commandName(w[0].text),
      args: w.slice(1),
      redirects: [],
      stdin: null,
      sudo: uw.sudo,
      cmd: w[0],
    }, ust);
  }
  if (!uw.args.length && uw.xargs && st.out.budget > 0) {
    // `… | xargs sudo`: the command itself comes from xargs's input.
    const unit: Unit = { ...blankUnit(redirects), stdin, sudo: uw.sudo };
    unit.xargs = true;
    if (stdin !== null) xargsFromStdin(unit, stdin);
    rewrap(unit);
    return { unit, st: ust, done: false };
  }
  if (!uw.args.length) return null;
  const name = commandName(uw.args[0].text);
  const unit: Unit = {
    name,
    args: uw.args.slice(1),
    redirects,
    stdin,
    sudo: uw.sudo,
    cmd: uw.args[0],
  };
  if (uw.coproc) unit.coproc = uw.coproc;
  // TARGET=~ sh -c 'rm -rf "$TARGET"': the variables the command is given.
  if (given || uw.assigns) {
    unit.env = [...(given ?? []), ...(uw.assigns ?? [])].slice(0, 32);
  }
  if (uw.xargs) {
    unit.xargs = true;
    if (uw.xargsWhole) unit.xargsWhole = true;
    if (stdin !== null) xargsFromStdin(unit, stdin);
    else {
      // xargs rm -f < <(git ls-files), xargs -a <(kubectl get ns -o name) …:
      // a listing that cannot be computed, as if substituted.
      const from = redirects.find((r) => r.op === "<" && r.target.procSub)
        ?.target ??
        args.find((a, k) =>
          a.procSub && k > 0 &&
          /^(-a|--arg-file)$/.test(args[k - 1].text)
        );
      if (from && from.subs.length === 1) {
        placeSub(unit, from.subs[0]);
        rewrap(unit);
      } else if (feed) {
        placeSub(unit, feed);
        rewrap(unit);
      }
    }
  }
  const ifs = name === "read"
    ? cmd.assigns.find((a) => a.name === "IFS")
    : undefined;
  if (ifs) {
    // IFS=: read a b <<< "x:y": the split uses the command's own IFS.
    const v = expandWord(ifs.value, st);
    readInto(unit, unit.stdin, st, v.known ? v.text : " \t\n");
  } else track(unit, st);
  if (name === "alias") defineAliases(unit, st);
  const fn = unit.cmd?.known ? st.funcs.get(unit.cmd.text) : undefined;
  if (fn && st.depth < 8) {
    const body = callFunction(fn, unit, ust).filter((r) => r.unit.name !== "");
    if (body.length === 1 && !unit.xargs) {
      // alias g='curl -s URL'; g | sh: in a pipeline the call is the one command it runs.
      const b = body[0].unit;
      return {
        unit: {
          ...b,
          redirects: [...b.redirects, ...redirects],
          stdin: b.stdin ?? stdin,
        },
        st: ust,
        done: false,
      };
    }
  }
  return { unit, st: ust, done: false };
}

/**
 * `alias zap='rm -rf'`: later uses of `zap` run the alias text with their
 * words appended, as a function `zap() { rm -rf "$@"; }` would (bash expands
 * aliases in scripts after `shopt -s expand_aliases`, and on the next line).
 */
function defineAliases(u: Unit, st: State): void {
  for (const a of u.args.slice(0, 32)) {
    const m = a.known ? /^([\w.:@%+-]{1,64})=(.{1,4096})$/s.exec(a.text) : null;
    if (!m || st.funcs.size > 256) continue;
    try {
      const script = parseScript(`{ ${m[2]} "$@"\n}`);
      const body = script.items[0]?.pipeline.commands[0];
      if (body && script.items.length === 1) st.funcs.set(m[1], body);
    } catch {
      // an alias text the parser cannot read defines nothing
    }
  }
}

/** `f() { rm -rf "$1"; }; f ~`: the body runs with the call's arguments. */
function callFunction(body: Command, u: Unit, st: State): Ran[] {
  const inner = fork(st, 1);
  inner.positional = u.args.every((a) => a.known)
    ? u.args.map((a) => a.text)
    : null;
  return walkScript(
    { items: [{ pipeline: { commands: [body] }, op: "" }] },
    inner,
  );
}

/** `xargs -a <(echo ~) rm -rf`, `xargs -a list …`: the text of xargs's argument file, when known. */
function xargsFile(args: Arg[], st: State): string | null {
  for (let i = 1; i < args.length; i++) {
    const t = args[i].text;
    if (!t.startsWith("-")) return null;
    if (t !== "-a" && t !== "--arg-file") continue;
    const f = args[i + 1];
    if (!f) return null;
    if (f.procSub && f.subs.length === 1) return subOutput(f.subs[0], st);
    return f.known ? fileText(f.text, st) : null;
  }
  return null;
}

/** `xargs rm -rf <<< ~`, `xargs -I % rm -rf % < list`: the words xargs reads become arguments. */
function xargsFromStdin(u: Unit, stdin: string): void {
  // xargs -a list rm -rf, where list holds a listing (ls ~ > list): the entries it names.
  if (stdin.includes(LISTED)) {
    placeListed(u, stdin.replaceAll("\0", "\n"));
    return;
  }
  const words = stdin.split(/\s+/).filter((w) => w !== "").slice(0, 64);
  if (!words.length) return;
  const slot = u.args.findIndex((a) => a.text === "%" || a.text === "{}");
  if (slot >= 0) {
    // xargs -I {}: each input line, whole, takes the place of {} (the first is judged).
    const line = stdin.split("\n").find((l) => l.trim() !== "") ?? "";
    for (let k = 0; k < u.args.length; k++) {
      const a = u.args[k];
      if (a.text.includes("{}") && a.text.length < 4096) {
        u.args[k] = litArg(a.text.replaceAll("{}", line.trim()));
      }
    }
    if (u.args[slot].text === "%") u.args.splice(slot, 1, litArg(line.trim()));
  } else u.args.push(...words.map(litArg));
}

/** `read a b <<< text`: the variables get the first line's words (unknown without input), split on `ifs`. */
/**
 * `for c in $(curl -s URL); do $c; done`, `for p in $(pgrep codex); do kill
 * $p; done`: the loop variable holds what the substitutions print, so it is
 * tracked as a download (fetched_vars.ts) and as the words of its producer,
 * as a variable `read` from a pipeline is.
 */
function loopFromSubs(name: string, vals: Arg[], st: State): void {
  const subs = vals.flatMap((v) => v.subs).slice(0, 8);
  if (!subs.length || !/^[A-Za-z_]\w{0,63}$/.test(name)) return;
  trackFetchedVar(name, { ...litArg(""), known: false, subs }, st);
  const words = subs.flatMap((s) =>
    commandsIn(s, 16).flatMap((c) => [c.name, ...c.args])
  );
  st.out.readFrom.set(name, words.join(" ").slice(0, 4_096));
}

/** Remembers what produced the lines a `read` in a pipeline takes (`pgrep codex | while read p`). */
function noteReadFrom(u: Unit, before: Ran[][], st: State): void {
  const words: string[] = [];
  for (const el of before) {
    for (const r of el) {
      words.push(
        r.unit.name,
        ...r.unit.args.map((a) => a.text),
      );
    }
  }
  const text = words.join(" ").slice(0, 4_096);
  const names: string[] = [];
  for (const a of u.args.slice(0, 16)) {
    if (/^[A-Za-z_]\w{0,63}$/.test(a.text)) {
      st.out.readFrom.set(a.text, text);
      names.push(a.text);
    }
  }
  trackDumpRead(names, before.flat().map((r) => r.unit), st);
}

function readInto(
  u: Unit,
  input: string | null,
  st: State,
  ifs = " \t\n",
): void {
  const names = u.args.filter((a) => /^[A-Za-z_]\w{0,63}$/.test(a.text)).map(
    (a) => a.text,
  );
  const text = input?.split("\n")[0];
  const own = ifs.replace(/[\s]/g, "");
  const sep = own === ""
    ? /\s+/
    : new RegExp("[" + own.slice(0, 16).replace(/[\\\]^-]/g, "\\$&") + "]");
  const join = own === "" ? " " : own[0];
  const parts = text?.split(sep) ?? [];
  // read -a NAME (-ra NAME): the words go into the array NAME.
  const k = u.args.findIndex((a) => /^-[a-zA-Z]{0,6}a$/.test(a.text));
  const arrName = k >= 0 ? u.args[k + 1]?.text : undefined;
  if (arrName !== undefined && /^[A-Za-z_]\w{0,63}$/.test(arrName)) {
    if (text === undefined) {
      st.arrays.delete(arrName);
      st.env.delete(arrName);
    } else {
      const words = parts.filter((w) => own !== "" || w !== "").slice(0, 256);
      st.arrays.set(arrName, words);
      st.env.set(arrName, [words[0] ?? ""]);
    }
    return;
  }
  if (names.length === 1 && input?.startsWith(LISTED)) {
    // ls -A | while read f: f stands for each listed entry (hidden ones too).
    const lines = input.split("\n").filter((l) => l.startsWith(LISTED));
    st.env.set(names[0], lines.slice(0, 16));
    return;
  }
  names.forEach((n, k) => {
    if (text === undefined) st.env.delete(n);
    else if (k === names.length - 1) {
      st.env.set(n, [parts.slice(k).join(join)]);
    } else st.env.set(n, [parts[k] ?? ""]);
  });
}

/**
 * `while read d; do …; done <<< ~`: the parser keeps the loop's input
 * redirection as a bare command after the body; hand it to the `read`.
 */
function loopInputs(s: Script): Map<ListItem, SimpleCommand["redirects"]> {
  const out = new Map<ListItem, SimpleCommand["redirects"]>();
  let lastRead: ListItem | null = null;
  for (const item of s.items) {
    const cmds = item.pipeline.commands;
    const c = cmds[cmds.length - 1];
    if (c?.kind !== "simple") continue;
    if (c.words[0]?.raw === "read") lastRead = item;
    else if (
      lastRead && !c.words.length &&
      c.redirects.some((r) => r.op === "<<<" || r.op === "<" || r.heredoc)
    ) {
      out.set(lastRead, c.redirects);
      lastRead = null;
    }
  }
  return out;
}

/** Shell built-ins that change the state: cd, export, unset. */
function track(u: Unit, st: State): void {
  switch (u.name) {
    case "cd":
    case "pushd": {
      const a = u.args.find((x) => !x.text.startsWith("-") || x.text === "-");
      // cd - and "$OLDPWD" go back to where the shell was.
      const back = st.env.get("OLDPWD")?.[0];
      if (st.cwd !== null) st.env.set("OLDPWD", [st.cwd]);
      else st.env.delete("OLDPWD");
      if (a?.text === "-" && back !== undefined) {
        st.cwd = back;
        return;
      }
      if (!a) st.cwd = st.ctx.home;
      else if (a.text === "-" || !a.known) st.cwd = null;
      else st.cwd = resolvePath(a.text, st.cwd, st.ctx.home);
      return;
    }
    case "popd":
      st.cwd = null;
      return;
    case "set": {
      const i = u.args.findIndex((a) => a.text === "--");
      const rest = i >= 0
        ? u.args.slice(i + 1)
        : u.args[0] && !/^[-+]/.test(u.args[0].text)
        ? u.args
        : null;
      if (rest) {
        // set -- ~/*: each positional parameter stands for a listed entry.
        st.positional = rest.every((a) => a.known)
          ? rest.map((a) => a.glob ? LISTED + a.text : a.text)
          : null;
      }
      return;
    }
    case "shopt":
      // shopt -s dotglob: from here on `*` matches hidden entries (.git) too.
      if (
        u.args.some((a) => a.text === "-s") &&
        u.args.some((a) => a.text === "dotglob")
      ) st.out.dotglob = true;
      return;
    case "shift":
      if (st.positional) {
        const n = u.args[0] ? Number(u.args[0].text) : 1;
        st.positional = Number.isFinite(n) ? st.positional.slice(n) : null;
      }
      return;
    case "read":
      readInto(u, u.stdin, st);
      return;
    case "mapfile":
    case "readarray": {
      const name =
        [...u.args].reverse().find((a) => /^[A-Za-z_]\w{0,63}$/.test(a.text))
          ?.text ?? "MAPFILE";
      if (u.stdin === null) {
        st.arrays.delete(name);
        // mapfile -t f < <(git ls-files): the array holds what the producer prints.
        const from = u.redirects.find((r) => r.op === "<" && r.target.procSub);
        if (from) loopFromSubs(name, [from.target], st);
      } else st.arrays.set(name, u.stdin.split("\n").slice(0, 256));
      return;
    }
    case "printf":
      if (u.args[0]?.text === "-v" && u.args[1]) {
        const rest = u.args.slice(2);
        if (rest.every((a) => a.known)) {
          st.env.set(u.args[1].text, [printfOutput(rest.map((a) => a.text))]);
        } else st.env.delete(u.args[1].text);
      }
      return;
    case "unset":
      for (const a of u.args) {
        if (!a.text.startsWith("-")) {
          st.env.set(a.text, [""]);
          registry.assign(a.text, { ...a, text: "", alts: [""] }, st);
        }
      }
      return;
  }
  if (DECLARE.has(u.name)) {
    // declare -n ref=HOME: ref names HOME (its value, as far as it is known).
    const nameref = u.args.some((a) => /^-[a-zA-Z]{0,6}n/.test(a.text));
    for (const a of u.args) {
      const r = nameref
        ? /^([A-Za-z_]\w{0,63})=([A-Za-z_]\w{0,63})$/.exec(a.text)
        : null;
      if (r) {
        const v = varValues(r[2], st);
        if (v) st.env.set(r[1], v);
        else st.env.delete(r[1]);
        continue;
      }
      const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(a.text);
      if (m) {
        const value: Arg = {
          ...a,
          text: m[2],
          alts: a.alts.map((x) => x.slice(m[1].length + 1)),
          prefix: a.prefix.slice(m[1].length + 1),
        };
        // declare -a/-A x=(…): an array literal.
        setVar(st, m[1], value, m[2].startsWith("(") ? m[2] : undefined);
      }
    }
  }
}
