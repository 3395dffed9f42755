/**
 * Programs that run a command they are given, for the wrapper peeler
 * (wrappers.ts): `git bisect run CMD`, `git rebase --exec TEXT`, `git
 * submodule foreach TEXT`, `git filter-branch --tree-filter TEXT`, `hg
 * --config hooks.x=TEXT`, `flock F -c TEXT`, terminal emulators (`xterm -e CMD`, `gnome-terminal -- CMD`), `ansible
 * HOST -m shell -a TEXT`, `sudo -s TEXT`.
 *
 * @module
 */

import { type Arg, litArg } from "./unit.ts";

/** What a program runs: an argv, or shell text. */
export type Given = { argv: Arg[] } | { script: string };

/** git's global options that take a value as the next word. */
const GIT_VALUES = new Set([
  "-C",
  "-c",
  "--git-dir",
  "--work-tree",
  "--namespace",
  "--config-env",
  "--exec-path",
]);

/** git subcommand options whose value is shell text git runs. */
const GIT_SCRIPT_OPTS: Readonly<Record<string, RegExp>> = {
  rebase: /^(?:-x|--exec)$/,
  difftool: /^(?:-x|--extcmd)$/,
  "filter-branch": /^--(?:tree|index|msg|env|commit|parent|tag-name)-filter$/,
  mergetool: /^--tool-cmd$/,
};

/** Values of `opt VALUE`, `--opt=VALUE` and `-xVALUE` forms in args. */
function optionValues(args: Arg[], opt: RegExp, from: number): string[] {
  const out: string[] = [];
  for (let k = from; k < args.length && out.length < 16; k++) {
    const t = args[k].text;
    if (opt.test(t) && args[k + 1]) {
      out.push(args[++k].text);
      continue;
    }
    const eq = t.indexOf("=");
    if (eq > 0 && t.startsWith("--") && opt.test(t.slice(0, eq))) {
      out.push(t.slice(eq + 1));
    } else if (/^-x./.test(t) && opt.test("-x")) out.push(t.slice(2));
  }
  return out;
}

function gitGiven(args: Arg[]): Given | null {
  let i = 1;
  while (i < args.length && args[i].text.startsWith("-")) {
    i += GIT_VALUES.has(args[i].text) ? 2 : 1;
  }
  const sub = args[i]?.text;
  if (sub === "bisect" && args[i + 1]?.text === "run" && args[i + 2]) {
    return { argv: args.slice(i + 2) };
  }
  if (sub === "submodule") {
    let k = i + 1;
    while (k < args.length && /^(-q|--quiet)$/.test(args[k].text)) k++;
    if (args[k]?.text !== "foreach") return null;
    k++;
    while (k < args.length && /^(--recursive|-q|--quiet)$/.test(args[k].text)) {
      k++;
    }
    if (k >= args.length) return null;
    return { script: args.slice(k).map((a) => a.text).join(" ") };
  }
  const opt = sub ? GIT_SCRIPT_OPTS[sub] : undefined;
  if (!opt) return null;
  const vals = optionValues(args, opt, i + 1);
  return vals.length ? { script: vals.join("\n") } : null;
}

/** `hg --config hooks.NAME=TEXT`, `--config alias.NAME=!TEXT`: shell text hg runs. */
function hgGiven(args: Arg[]): Given | null {
  const cmds: string[] = [];
  for (const v of optionValues(args, /^--config$/, 1)) {
    const m =
      /^(hooks\.[^=]{1,64}|alias\.[^=]{1,64}|ui\.(?:merge|ssh|editor))=(.*)$/s
        .exec(v);
    if (m) cmds.push(m[2].replace(/^!/, "").replace(/^shell:/, ""));
  }
  return cmds.length ? { script: cmds.join("\n") } : null;
}

/** `flock [opts] FILE -c TEXT` (and `flock -c TEXT FILE`). */
function flockGiven(args: Arg[]): Given | null {
  const vals = optionValues(args, /^(?:-c|--command)$/, 1);
  return vals.length ? { script: vals.join("\n") } : null;
}

/** Terminal emulators: what follows `-e`, `-x`, `--command`, `--`. */
const TERMINALS = new Set([
  "xterm",
  "uxterm",
  "urxvt",
  "rxvt",
  "st",
  "kitty",
  "alacritty",
  "konsole",
  "gnome-terminal",
  "mate-terminal",
  "xfce4-terminal",
  "tilix",
  "terminator",
  "foot",
  "footclient",
  "wezterm",
  "lxterminal",
  "qterminal",
  "terminology",
  "x-terminal-emulator",
  "sakura",
  "ghostty",
  "eterm",
  "aterm",
  "cool-retro-term",
]);

function terminalGiven(args: Arg[]): Given | null {
  for (let k = 1; k < args.length; k++) {
    const t = args[k].text;
    const eq = t.indexOf("=");
    if (
      eq > 0 && /^--(command|execute|exec|cmd|e)$/.test(t.slice(0, eq))
    ) return { script: t.slice(eq + 1) };
    if (!/^(-e|-x|--command|--execute|--exec|--|start|-c)$/.test(t)) continue;
    // wezterm start -- CMD / foot -c is its config: only wezterm's `start` and real exec flags.
    if (t === "-c") continue;
    if (t === "start" && args[0].text.indexOf("wezterm") < 0) continue;
    let rest = args.slice(k + 1);
    if (t === "start" && rest[0]?.text === "--") rest = rest.slice(1);
    if (!rest.length) return null;
    if (rest.length === 1 && /\s/.test(rest[0].text)) {
      return { script: rest[0].text };
    }
    return { argv: rest };
  }
  return null;
}

/** Ansible modules whose `-a` text is a command line. */
const ANSIBLE_RUN =
  /^(?:ansible\.builtin\.|ansible\.legacy\.)?(?:shell|command|raw|script)$/;

/** `ansible HOSTS -m shell -a TEXT` (the default module is `command`). */
function ansibleGiven(args: Arg[]): Given | null {
  const mods = optionValues(args, /^(?:-m|--module-name)$/, 1);
  if (mods.length && !mods.some((m) => ANSIBLE_RUN.test(m))) return null;
  const vals = optionValues(args, /^(?:-a|--args)$/, 1);
  return vals.length ? { script: vals.join("\n") } : null;
}

/** cmake -E subcommands that are file operations, as the shell command doing the same. */
const CMAKE_E: Readonly<Record<string, string[]>> = {
  rm: ["rm"],
  remove: ["rm", "-f"],
  remove_directory: ["rm", "-rf"],
  rmdir: ["rm", "-rf"],
  copy: ["cp"],
  copy_directory: ["cp", "-r"],
  rename: ["mv"],
  create_symlink: ["ln", "-s"],
  touch: ["touch"],
};

/** `cmake -E rm -rf DIR`, `cmake -E remove_directory DIR`: the file operation as argv. */
function cmakeGiven(args: Arg[]): Given | null {
  const k = args.findIndex((a) => a.text === "-E");
  if (k < 0 || !args[k + 1]) return null;
  const sub = args[k + 1].text;
  if (sub === "env") {
    // cmake -E env VAR=x CMD…
    let i = k + 2;
    while (i < args.length && /^[A-Za-z_]\w{0,63}=|^--/.test(args[i].text)) i++;
    return i < args.length ? { argv: args.slice(i) } : null;
  }
  const as = CMAKE_E[sub];
  if (!as) return null;
  return { argv: [...as.map((t) => litArg(t)), ...args.slice(k + 2)] };
}

/** The words after the first `--` (or null). */
function afterDashes(args: Arg[], from = 1): Arg[] | null {
  const k = args.findIndex((a, i) => i >= from && a.text === "--");
  return k >= 0 && k + 1 < args.length ? args.slice(k + 1) : null;
}

/** The first word after options (some taking values) from `from` on, and the rest. */
function afterOptions(args: Arg[], from: number, values: RegExp): Arg[] | null {
  let i = from;
  while (i < args.length && args[i].text.startsWith("-")) {
    if (args[i].text === "--") return args.slice(i + 1);
    i += values.test(args[i].text) ? 2 : 1;
  }
  return i < args.length ? args.slice(i) : null;
}

/** Programs that run the rest of their line in another environment sharing this machine's files. */
function hostRunGiven(name: string, args: Arg[]): Given | null {
  const t1 = args[1]?.text;
  let argv: Arg[] | null = null;
  switch (name) {
    case "capsh": {
      // capsh … -- -c TEXT: the arguments after -- go to bash.
      const rest = afterDashes(args);
      if (rest && rest[0]?.text === "-c" && rest[1]) {
        return { script: rest[1].text };
      }
      return null;
    }
    case "setpriv":
      argv = afterOptions(
        args,
        1,
        /^--(reuid|regid|ruid|rgid|euid|egid|groups|inh-caps|ambient-caps|bounding-set|securebits|selinux-label|apparmor-profile|pdeathsig|landlock-access|landlock-rule)$/,
      );
      break;
    case "schroot":
      argv = afterDashes(args) ??
        afterOptions(
          args,
          1,
          /^(-c|--chroot|-u|--user|-d|--directory|-n|--session-name|-p|--preserve-environment)$/,
        );
      break;
    case "distrobox":
      if (t1 === "enter") argv = afterDashes(args, 2);
      break;
    case "distrobox-enter":
      argv = afterDashes(args);
      break;
    case "toolbox":
      if (t1 === "run") {
        argv = afterOptions(
          args,
          2,
          /^(-c|--container|-d|--distro|-r|--release)$/,
        );
      }
      break;
    case "perf":
      if (/^(record|stat|trace|top|ftrace)$/.test(t1 ?? "")) {
        argv = afterDashes(args, 2);
      }
      break;
    case "devcontainer":
      if (t1 === "exec") {
        argv = afterOptions(
          args,
          2,
          /^--(workspace-folder|container-id|id-label|config|override-config|remote-env|docker-path|log-level|log-format|terminal-columns|terminal-rows|user-data-folder|mount-workspace-git-root)$/,
        );
      }
      break;
    case "runuser":
      // runuser -u USER [--] CMD (the -l/-c forms are judged as nested shells).
      if (args.some((a) => a.text === "-c" || a.text === "--command")) {
        return null;
      }
      if (args.some((a) => a.text === "-u" || a.text === "--user")) {
        argv = afterOptions(
          args,
          1,
          /^(-u|--user|-g|--group|-G|--supp-group|-w|--whitelist-environment)$/,
        );
      }
      break;
    case "salt":
    case "salt-call": {
      // salt '*' cmd.run 'TEXT': every minion runs the text.
      const k = args.findIndex((a) =>
        /^cmd\.(run|shell|run_all|run_stdout|exec_code_all)$/.test(a.text)
      );
      const v = k >= 0 ? args[k + 1] : undefined;
      return v ? { script: v.text } : null;
    }
  }
  return argv && argv.length ? { argv } : null;
}

/**
 * `mvn exec:exec -Dexec.executable=sh -Dexec.args='-c "…"'`: the
 * exec-maven-plugin runs the executable with those arguments (a `-D`
 * property may also be two words, `-D exec.args=…`).
 */
function mavenGiven(args: Arg[]): Given | null {
  let exe: string | null = null;
  let rest = "";
  for (let k = 1; k < args.length; k++) {
    let t = args[k].text;
    if (t === "-D" && args[k + 1]) t = "-D" + args[++k].text;
    const m = /^-Dexec\.(executable|args|commandlineArgs)=(.*)$/s.exec(t);
    if (!m) continue;
    if (m[1] === "executable") exe = m[2];
    else rest = m[2];
  }
  if (!exe) return null;
  const q = /^[\w@%+=:,./~-]{1,4096}$/.test(exe)
    ? exe
    : "'" + exe.replace(/'/g, "'\\''") + "'";
  return { script: rest ? `${q} ${rest}` : q };
}

/**
 * The command a program runs when it is given one (see the module doc), or
 * null when `args` (args[0] the program, already normalised as `name`) is
 * not such a call.
 */
export function givenRun(name: string, args: Arg[]): Given | null {
  switch (name) {
    case "git":
      return gitGiven(args);
    case "hg":
    case "chg":
      return hgGiven(args);
    case "flock":
      return flockGiven(args);
    case "ansible":
      return ansibleGiven(args);
    case "cmake":
      return cmakeGiven(args);
    case "mvn":
    case "mvnw":
    case "./mvnw":
      return mavenGiven(args);
  }
  const host = hostRunGiven(name, args);
  if (host) return host;
  return TERMINALS.has(name) ? terminalGiven(args) : null;
}
