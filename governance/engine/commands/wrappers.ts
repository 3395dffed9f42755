/**
 * Peeling command wrappers (sudo, env, timeout, nice, xargs, nohup...) off an
 * argv so the command that really runs is judged.
 *
 * @module
 */

import { givenRun } from "./given_runs.ts";
import { scriptOption, toolRunner } from "./tool_runners.ts";
import { type Arg, commandName, litArg } from "./unit.ts";

interface Spec {
  /** Options that take a value as the next word (or attached, `-uroot`). */
  values?: string[];
  /** Positional words to skip after the options (timeout's duration...). */
  positional?: number;
  sudo?: boolean;
}

const SUDO_VALUES = [
  "-u",
  "-g",
  "-C",
  "-D",
  "-h",
  "-p",
  "-r",
  "-t",
  "-U",
  "-T",
  "--user",
  "--group",
  "--close-from",
  "--chdir",
  "--host",
  "--prompt",
  "--role",
  "--type",
  "--other-user",
  "--command-timeout",
];

const WRAPPERS: Readonly<Record<string, Spec>> = {
  sudo: { values: SUDO_VALUES, sudo: true },
  doas: { values: ["-u", "-C"], sudo: true },
  pkexec: { values: ["--user"], sudo: true },
  run0: {
    values: ["-u", "--user", "-g", "--group", "-D", "--chdir"],
    sudo: true,
  },
  nohup: {},
  time: { values: ["-f", "-o", "--format", "--output"] },
  timeout: { values: ["-s", "-k", "--signal", "--kill-after"], positional: 1 },
  nice: { values: ["-n", "--adjustment"] },
  ionice: { values: ["-c", "-n", "--class", "--classdata"] },
  stdbuf: { values: ["-i", "-o", "-e", "--input", "--output", "--error"] },
  exec: { values: ["-a"] },
  builtin: {},
  busybox: {},
  strace: {
    values: [
      "-o",
      "-e",
      "-p",
      "-s",
      "-u",
      "-E",
      "-P",
      "-I",
      "-b",
      "-a",
      "-X",
      "-O",
      "-S",
    ],
  },
  ltrace: { values: ["-o", "-e", "-p", "-s", "-u", "-n", "-a"] },
  chroot: { values: ["--userspec", "--groups"], positional: 1 },
  setsid: {},
  unbuffer: {},
  chronic: { values: ["-e", "-v"] },
  ifne: {},
  coproc: {},
  eatmydata: {},
  fakeroot: {},
  nocache: {},
  "dbus-run-session": {},
  "xvfb-run": { values: ["-a", "-n", "-s", "-f", "-e"] },
  caffeinate: { values: ["-w", "-t"] },
  catchsegv: {},
  rlwrap: { values: ["-f", "-H", "-l", "-P", "-s", "-t"] },
  proxychains: { values: ["-f"] },
  proxychains4: { values: ["-f"] },
  torsocks: { values: ["-u", "-p", "-a", "-P"] },
  tsocks: {},
  firejail: {},
  chrt: { positional: 1 },
  taskset: { positional: 1 },
  numactl: { values: ["-C", "-N", "-m", "-p", "-i"] },
  faketime: { values: ["-f", "-m"], positional: 1 },
  nsenter: { values: ["-t", "--target"] },
  unshare: {},
  "systemd-run": {
    values: [
      "-p",
      "-u",
      "-E",
      "-M",
      "-H",
      "--property",
      "--unit",
      "--setenv",
      "--machine",
      "--host",
      "--description",
      "--slice",
      "--uid",
      "--gid",
    ],
  },
  flock: {
    values: ["-w", "-E", "--timeout", "--conflict-exit-code"],
    positional: 1,
  },
  sshpass: { values: ["-p", "-f", "-d", "-e"] },
  screen: { values: ["-S", "-c", "-e", "-h", "-p", "-t", "-T", "-Logfile"] },
  "flatpak-spawn": {},
  "host-spawn": {},
  "distrobox-host-exec": {},
  setarch: { positional: 1 },
  linux32: {},
  linux64: {},
  prlimit: { values: ["-p", "--pid", "-o", "--output"] },
  cgexec: { values: ["-g"] },
  tsp: { values: ["-L", "-D", "-N", "-E"] },
  nq: {},
  "systemd-inhibit": { values: ["--what", "--who", "--why", "--mode"] },
  "sandbox-exec": { values: ["-p", "-f", "-n", "-D"] },
  trickle: { values: ["-u", "-d", "-w", "-t", "-l", "-n"] },
  torify: {},
  chpst: { values: ["-u", "-U", "-e", "-/", "-n", "-l", "-L", "-m", "-d"] },
  npx: { values: ["-p", "--package"] },
  bunx: {},
  pnpx: {},
  dbus_launch: {},
  "dbus-launch": { values: ["--config-file"] },
  "ssh-agent": { values: ["-a", "-E", "-P", "-t"] },
  toybox: {},
  proot: {
    values: ["-r", "-R", "-b", "-w", "-k", "-q", "--rootfs", "--bind", "--cwd"],
  },
  entr: {},
  watchexec: {
    values: [
      "-w",
      "--watch",
      "-e",
      "--exts",
      "-i",
      "--ignore",
      "-d",
      "--debounce",
      "-f",
      "--filter",
      "--shell",
      "--signal",
    ],
  },
  valgrind: {},
  env: { values: ["-u", "-C", "--unset", "--chdir"] },
  command: {},
  watch: { values: ["-n", "-d", "--interval", "--differences"] },
  xargs: {
    values: [
      "-I",
      "-L",
      "-n",
      "-P",
      "-s",
      "-d",
      "-E",
      "-a",
      "--arg-file",
      "--delimiter",
      "--max-args",
      "--max-procs",
      "--max-lines",
      "--replace",
      "--eof",
      "--max-chars",
      "--process-slot-var",
    ],
  },
};

/** Two-word runners (`uv run`, `poetry run`, `bundle exec`, `pnpm exec`, `npm exec`, `pnpm dlx`, `bun x`). */
const RUNNERS: Readonly<Record<string, readonly string[]>> = {
  uv: ["run"],
  poetry: ["run"],
  pipenv: ["run"],
  bundle: ["exec"],
  pnpm: ["exec", "dlx"],
  npm: ["exec", "x"],
  yarn: ["dlx", "exec"],
  bun: ["x"],
  rye: ["run"],
  pdm: ["run"],
  hatch: ["run"],
};

/** Deno run options that take the next word as their value. */
const DENO_VALUE_FLAG =
  /^(-c|--config|--import-map|--lock|--cert|--location|--seed|--env-file|--inspect-brk|--ext|-L|--log-level)$/;

/** The result of peeling wrappers. */
export interface Unwrapped {
  args: Arg[];
  sudo: boolean;
  /** `command -v x`, `sudo -l`...: nothing actually runs. */
  query: boolean;
  /** Ran through xargs: more arguments come from stdin. */
  xargs: boolean;
  /** xargs -0 / -d: each input record is one argument (not split on blanks). */
  xargsWhole?: boolean;
  /** `env -C dir` / `sudo -D dir`: the command runs elsewhere. */
  chdir: string | null;
  /** `watch "cmd"`, `env -S "cmd"`: a command string run by a shell. */
  script: string | null;
  /** Wrappers whose own options are judged too (nsenter -t 1 -m): their argv, name first. */
  judged: Arg[][];
  /** Run as a coprocess: its name. */
  coproc?: string;
  /** `env NAME=VALUE cmd`: the variables the command is given (known values only). */
  assigns?: [string, string][];
}

/** Wrappers that are dangerous by their own options, not only by what they run. */
const JUDGED_WRAPPERS = new Set(["nsenter", "npx", "bunx", "pnpx"]);

/** Skips options per spec; returns the index of the first word after them. */
function skipOptions(
  args: Arg[],
  i: number,
  spec: Spec,
  numeric: boolean,
): number {
  const values = spec.values ?? [];
  while (i < args.length) {
    const t = args[i].text;
    if (t === "--") return i + 1;
    if (!t.startsWith("-") || t === "-") break;
    if (numeric && /^-\d{1,6}$/.test(t)) {
      i++;
      continue;
    }
    if (t.startsWith("--")) {
      i += !t.includes("=") && values.includes(t) ? 2 : 1;
      continue;
    }
    let consumed = 1;
    for (let k = 1; k < t.length; k++) {
      if (values.includes("-" + t[k])) {
        if (k === t.length - 1) consumed = 2;
        break;
      }
    }
    i += consumed;
  }
  return i;
}

/** GNU parallel's options that take a value. */
const PARALLEL_VALUES = [
  "-j",
  "--jobs",
  "-S",
  "--sshlogin",
  "--joblog",
  "-a",
  "--arg-file",
  "--delay",
  "--timeout",
  "-N",
  "-n",
  "--colsep",
  "-d",
  "--delimiter",
  "-I",
  "--results",
  "--tmpdir",
  "--workdir",
  "--env",
  "--halt",
];

/**
 * `parallel CMD ::: A B`: the command with each value in place of `{}` (or
 * after it): the argv when the command is words, shell text when it is one
 * quoted string (`parallel 'rm -rf {}' ::: ~`); null without a command.
 */
function parallelCommand(args: Arg[]): Arg[] | string | null {
  const i = skipOptions(args, 1, { values: PARALLEL_VALUES }, false);
  let sep = args.findIndex((a, k) => k >= i && /^:::{1,2}\+?$/.test(a.text));
  if (sep < 0) sep = args.length;
  const cmd = args.slice(i, sep);
  const vals = args.slice(sep + 1).filter((a) => !/^:::/.test(a.text))
    .slice(0, 8);
  if (!cmd.length) return null;
  if (cmd.length === 1 && cmd[0].text === "{}" && vals.length) {
    // parallel {} ::: 'cmd a': each value is the whole command line.
    return vals.map((v) => v.text).join("\n");
  }
  if (cmd.length === 1 && /\s/.test(cmd[0].text)) {
    const text = cmd[0].text;
    return vals.length
      ? vals.map((v) =>
        text.includes("{}")
          ? text.replaceAll("{}", v.text)
          : text + " " + v.text
      ).join("\n")
      : text;
  }
  const slot = cmd.findIndex((a) => a.text === "{}");
  if (slot < 0) return [...cmd, ...vals];
  return [...cmd.slice(0, slot), ...vals, ...cmd.slice(slot + 1)];
}

/** Whether a privilege wrapper given no command opens a shell (`sudo -s`, `sudo -i`, `doas -s`, `run0`, `pkexec`). */
function opensShell(name: string, opts: Arg[]): boolean {
  if (name === "run0" || name === "pkexec") return true;
  return opts.some((a) =>
    /^--(shell|login)$/.test(a.text) ||
    /^-[a-zA-Z]{0,6}[si][a-zA-Z]{0,6}$/.test(a.text) && !a.text.startsWith("--")
  );
}

/** A word as shell text: known words single-quoted, unknown ones (`$HOME`) left to expand. */
function quoteWord(a: Arg): string {
  if (!a.known) return a.text;
  return /^[\w@%+=:,./-]{1,4096}$/.test(a.text)
    ? a.text
    : "'" + a.text.replace(/'/g, "'\\''") + "'";
}

/** Peels every wrapper off `args` (args[0] is the command word). */
export function unwrap(input: Arg[]): Unwrapped {
  let args = input;
  const res: Unwrapped = {
    args,
    sudo: false,
    query: false,
    xargs: false,
    chdir: null,
    script: null,
    judged: [],
  };
  for (let round = 0; round < 16 && args.length; round++) {
    const name = commandName(args[0].text);
    const script = scriptOption(name, args);
    if (script !== null) {
      res.script = script;
      res.args = [];
      return res;
    }
    const tool = toolRunner(name, args);
    if (tool !== null) {
      if (!tool.length) break;
      args = tool;
      continue;
    }
    const given = givenRun(name, args);
    if (given !== null) {
      if ("script" in given) {
        // The program itself is still judged (git filter-branch rewrites history).
        res.script = given.script;
        break;
      }
      args = given.argv;
      continue;
    }
    const runner = RUNNERS[name];
    if (runner && runner.includes(args[1]?.text ?? "")) {
      let i = 2;
      let call = false;
      while (i < args.length && args[i].text.startsWith("-")) {
        const t = args[i].text;
        // `npm exec -c 'cmd'`: a command string, judged in embedded.ts.
        if (/^(-c|--call)(=|$)/.test(t)) call = true;
        if (t === "--") {
          i++;
          break;
        }
        i += /^--(with|python|project|directory|package|env-file)$|^-p$/.test(
            t,
          )
          ? 2
          : 1;
      }
      if (call) break;
      args = args.slice(i);
      continue;
    }
    if (name === "deno" && /^(run|x)$/.test(args[1]?.text ?? "")) {
      // `deno run -A npm:rimraf ~`: an npm package's binary run with the
      // words after it, like `npx rimraf ~`.
      let i = 2;
      while (i < args.length && args[i].text.startsWith("-")) {
        i += DENO_VALUE_FLAG.test(args[i].text) ? 2 : 1;
      }
      const spec = args[i];
      const m = spec?.known
        ? /^npm:(@[\w.-]{1,100}\/)?([\w.-]{1,100})(?:@[\w.^~<>=*-]{0,40})?(?:\/([\w.-]{1,100}))?$/
          .exec(spec.text)
        : null;
      if (m) {
        args = [litArg(m[3] ?? m[2]), ...args.slice(i + 1)];
        continue;
      }
    }
    if (name === "parallel") {
      const p = parallelCommand(args);
      if (p === null) break;
      if (typeof p === "string") {
        res.script = p;
        res.args = [];
        return res;
      }
      // Without ::: the values come from stdin, as with xargs.
      if (!args.some((a) => /^:::/.test(a.text))) res.xargs = true;
      args = p;
      continue;
    }
    if (name === "gdb" || name === "cgdb" || name === "lldb") {
      // gdb [opts] --args prog …, lldb -- prog …: the program is run.
      const k = args.findIndex((a) => a.text === "--args" || a.text === "--");
      if (k < 0 || k + 1 >= args.length) break;
      args = args.slice(k + 1);
      continue;
    }
    if (name === "coproc") {
      // coproc NAME { cmd; } names the coprocess; coproc cmd … is COPROC.
      const named = /^[A-Za-z_]\w{0,63}$/.test(args[1]?.text ?? "") &&
        args[2]?.text === "{";
      res.coproc = named ? args[1].text : "COPROC";
      args = (named ? args.slice(3) : args.slice(1)).filter((a) =>
        a.text !== "{" && a.text !== "}"
      );
      continue;
    }
    const spec = WRAPPERS[name];
    if (!spec) break;
    if (name === "command") {
      if (args.slice(1).some((a) => /^-[pvV]*[vV]/.test(a.text))) {
        res.query = true;
        break;
      }
    }
    if (
      name === "sudo" && args.length > 1 &&
      args.slice(1).every((a) =>
        /^-[lvkKV]+$|^--(list|validate|version|help)$/.test(a.text)
      )
    ) {
      res.query = true;
      break;
    }
    if (name === "env") {
      let i = 1;
      for (; i < args.length; i++) {
        const t = args[i].text;
        if (t === "--") {
          i++;
          break;
        }
        if ((t === "-C" || t === "--chdir") && args[i + 1]) {
          res.chdir = args[++i].text;
          continue;
        }
        if (t.startsWith("--chdir=")) {
          res.chdir = t.slice(8);
          continue;
        }
        if (
          t === "-S" || t === "--split-string" || t.startsWith("-S") ||
          t.startsWith("--split-string=")
        ) {
          const rest = t === "-S" || t === "--split-string"
            ? args.slice(i + 1)
            : t.startsWith("--split-string=")
            ? [{ ...args[i], text: t.slice(15) }, ...args.slice(i + 1)]
            : [{ ...args[i], text: t.slice(2) }, ...args.slice(i + 1)];
          // env -S 'sh -c "x"' y: the string is split into words, the words after it are appended as they are.
          res.script = [
            rest[0]?.text ?? "",
            ...rest.slice(1).map(quoteWord),
          ].join(" ");
          res.args = [];
          return res;
        }
        if (t === "-u" || t === "--unset") {
          i++;
          continue;
        }
        if (t.startsWith("-")) continue;
        if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(t)) {
          if (args[i].known) {
            const k = t.indexOf("=");
            (res.assigns ??= []).push([t.slice(0, k), t.slice(k + 1)]);
          }
          continue;
        }
        break;
      }
      if (i >= args.length) {
        // `env` alone prints the environment: keep it as the command.
        res.args = [args[0]];
        return res;
      }
      args = args.slice(i);
      continue;
    }
    if (spec.sudo) res.sudo = true;
    let i = skipOptions(args, 1, spec, name === "nice");
    if (JUDGED_WRAPPERS.has(name)) res.judged.push(args.slice(0, i));
    if (name === "sudo" || name === "run0") {
      for (let k = 1; k < i; k++) {
        const t = args[k].text;
        if ((t === "-D" || t === "--chdir") && args[k + 1]) {
          res.chdir = args[k + 1].text;
        }
      }
    }
    i += spec.positional ?? 0;
    if (name === "xargs") {
      res.xargs = true;
      if (
        args.slice(1, i).some((a) =>
          /^-[a-zA-Z]{0,4}0|^--null$|^-d|^--delimiter/.test(a.text)
        )
      ) res.xargsWhole = true;
      // xargs -I % sh -c %: the replacement string, spelled {} from here on.
      const opts = args.slice(1, i);
      const k = opts.findIndex((a) => a.text === "-I");
      const repl = k >= 0
        ? opts[k + 1]?.text
        : opts.find((a) => /^-I.|^--replace=./.test(a.text))?.text
          .replace(/^-I|^--replace=/, "");
      if (repl && repl !== "{}" && repl.length <= 16) {
        for (let j = i; j < args.length && j < i + 256; j++) {
          const a = args[j];
          if (!a.known || !a.text.includes(repl)) continue;
          const t = a.text.replaceAll(repl, "{}");
          args[j] = { ...a, text: t, alts: [t], prefix: t };
        }
      }
    }
    if (name === "watch" && args.length - i === 1 && /\s/.test(args[i].text)) {
      res.script = args[i].text;
      res.args = [];
      return res;
    }
    const rest = args.slice(i);
    if (
      spec.sudo && rest.length === 1 && /\s/.test(rest[0].text) &&
      opensShell(name, args.slice(1, i))
    ) {
      // sudo -s 'rm -rf x': the shell runs the text with -c.
      res.script = rest[0].text;
      res.args = [];
      return res;
    }
    if (!rest.length) {
      if (name === "xargs") {
        args = [{ ...args[0], text: "echo", alts: ["echo"], prefix: "echo" }];
      } else if (spec.sudo && opensShell(name, args.slice(1, i))) {
        // sudo -s / sudo -i / doas -s / run0 alone: a root shell reading stdin.
        args = [{ ...args[0], text: "sh", alts: ["sh"], prefix: "sh" }];
      } else if (name !== "exec") args = [];
      break;
    }
    args = rest;
  }
  res.args = args;
  return res;
}
