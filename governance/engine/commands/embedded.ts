/**
 * Programs that run a command given in one of their options or settings,
 * unwrapped like `bash -c`: git config that runs commands (`-c
 * core.fsmonitor=…`, `core.pager`, `core.sshCommand`, `alias.x='!…'`,
 * `protocol.ext.allow` with an `ext::` URL, `diff.external`, editors),
 * `GIT_SSH_COMMAND=`/`PAGER=`/`LESSOPEN=` before a command, `ssh -o
 * ProxyCommand=`/`LocalCommand=`, `tar --to-command`/`--checkpoint-action=exec`,
 * `rsync -e`, `vim -c ':!…'`, `script -c`, `parallel`, `at`/`batch`,
 * `tmux`/`screen`, `gdb -ex 'shell …'`, `sqlite3 '.shell …'`, `zip -TT`,
 * `npm exec -c`, `expect -c 'spawn …'`, `make` reading its recipe from stdin,
 * `osascript -e 'do shell script "…"'`.
 *
 * @module
 */

import { resolvePath } from "./paths.ts";
import { makeLineToShell } from "./make_vars.ts";
import { fork, type State, type Unit, writtenText } from "./unit.ts";
import { judgeScriptShell } from "./runner_config.ts";
import type { Pipe } from "./pipe.ts";
import { fileText, pipeInput } from "./shell_input.ts";

/** AppleScript's `do shell script "…"`: the string is run by /bin/sh. */
const DO_SHELL_SCRIPT =
  /do\s{1,4}shell\s{1,4}script\s{1,4}"((?:[^"\\\n]|\\.){1,4096})"/gi;

/** git settings whose value is a command line run by a shell. */
const GIT_COMMAND_KEYS =
  /^(core\.(fsmonitor|pager|sshcommand|editor|askpass|hookspath_never)|pager\.[\w.-]{1,64}|sequence\.editor|diff\.external|diff\.[\w.-]{1,64}\.(textconv|command)|merge\.[\w.-]{1,64}\.driver|filter\.[\w.-]{1,64}\.(clean|smudge|process)|credential\.helper|gpg\.program|uploadpack\.packobjectshook|remote\.[\w.-]{1,64}\.(uploadpack|receivepack)|web\.browser|browser\.[\w.-]{1,64}\.cmd)$/i;

/** Environment variables whose value a program runs as a command. */
const ENV_COMMANDS =
  /^(GIT_SSH_COMMAND|GIT_PAGER|GIT_EDITOR|GIT_SEQUENCE_EDITOR|GIT_ASKPASS|GIT_EXTERNAL_DIFF|GIT_PROXY_COMMAND|PAGER|MANPAGER|LESSOPEN|LESSCLOSE|EDITOR|VISUAL|SSH_ASKPASS|SUDO_ASKPASS|BROWSER|PROMPT_COMMAND|RSYNC_RSH|CVS_RSH)$/;

function run(text: string, st: State): void {
  if (text.trim()) st.out.shell(text, fork(st, 1));
}

/** The value of `-x VALUE`, `-xVALUE`, `--long=VALUE` or `--long VALUE` options of a unit. */
function optionValues(u: Unit, short: string[], long: string[]): string[] {
  const out: string[] = [];
  const a = u.args;
  for (let i = 0; i < a.length; i++) {
    const t = a[i].text;
    if (short.includes(t) || long.includes(t)) {
      if (a[i + 1]) out.push(a[++i].text);
      continue;
    }
    for (const l of long) {
      if (t.startsWith(l + "=")) out.push(t.slice(l.length + 1));
    }
    for (const s of short) {
      if (t.startsWith(s) && t.length > s.length && !t.startsWith("--")) {
        out.push(t.slice(s.length));
      }
    }
  }
  return out;
}

/** `ext::sh -c rm% -rf% ~`: git splits on unescaped spaces, `%` escapes the next character. */
function extCommand(url: string): string {
  const words: string[] = [];
  let cur = "";
  const body = url.slice(5);
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === "%" && i + 1 < body.length) cur += body[++i];
    else if (c === " ") {
      if (cur) words.push(cur);
      cur = "";
    } else cur += c;
  }
  if (cur) words.push(cur);
  return words.map((w) => `'${w.replace(/'/g, "'\\''")}'`).join(" ");
}

/**
 * `git -c core.hooksPath=DIR commit`: the hooks git runs are the files in
 * DIR; those written earlier on the line are judged as the code they are.
 */
function runWrittenHooks(dir: string, st: State): void {
  const d = resolvePath(dir, st.cwd, st.ctx.home);
  if (d === null) return;
  let n = 0;
  for (const w of st.out.fileWrites) {
    if (!w.path.startsWith(d.replace(/\/$/, "") + "/")) continue;
    if (++n > 16) return;
    run(w.content.replace(/^#![^\n]*\n/, ""), st);
  }
}

function analyzeGitConfig(u: Unit, st: State): void {
  const args = u.args;
  let ext = false;
  for (let i = 0; i < args.length; i++) {
    const t = args[i].text;
    let kv: string | null = null;
    if (t === "-c" && args[i + 1]) kv = args[++i].text;
    else if (t.startsWith("-c") && t.includes("=")) kv = t.slice(2);
    else if (t.startsWith("--config-env=")) continue;
    if (kv === null) continue;
    const eq = kv.indexOf("=");
    if (eq < 0) continue;
    const key = kv.slice(0, eq);
    const value = kv.slice(eq + 1);
    if (/^alias\./i.test(key) && value.startsWith("!")) run(value.slice(1), st);
    else if (GIT_COMMAND_KEYS.test(key)) run(value, st);
    else if (/^core\.hookspath$/i.test(key)) runWrittenHooks(value, st);
    else if (
      /^protocol\.(ext\.)?allow$/i.test(key) && /always|user/.test(value)
    ) {
      ext = true;
    }
  }
  if (ext || args.some((a) => /^ext::/.test(a.text))) {
    for (const a of args) {
      if (/^ext::/.test(a.text)) {
        run(extCommand(a.text), st);
      }
    }
  }
}

function sshOptions(u: Unit, st: State): void {
  for (const v of optionValues(u, ["-o"], [])) {
    const m =
      /^\s*(ProxyCommand|LocalCommand|KnownHostsCommand|RemoteCommand_never)\s*[= ]\s*(.*)$/is
        .exec(v);
    if (m && m[2].toLowerCase() !== "none") run(m[2], st);
  }
}

/**
 * The programs {@link analyzeEmbedded} reads (every `case` of its switch
 * that does something): any other unit is left before its arguments are
 * read. `embedded_test.ts` checks the two lists agree.
 */
export const EMBEDDING_PROGRAMS: ReadonlySet<string> = new Set([
  "git",
  "ssh",
  "scp",
  "sftp",
  "sshfs",
  "tar",
  "gtar",
  "bsdtar",
  "rsync",
  "vim",
  "vi",
  "nvim",
  "ex",
  "view",
  "gvim",
  "script",
  "parallel",
  "at",
  "batch",
  "tmux",
  "screen",
  "gdb",
  "sqlite3",
  "sqlite",
  "zip",
  "man",
  "less",
  "sed",
  "gsed",
  "osascript",
  "npm",
  "pnpm",
  "yarn",
  "npx",
  "expect",
  "make",
  "gmake",
]);

/** Runs the commands a unit embeds in its options (see the module doc). */
export function analyzeEmbedded(u: Unit, st: State, pipe: Pipe): void {
  if (st.depth >= 8 || !EMBEDDING_PROGRAMS.has(u.name)) return;
  const a = u.args.map((x) => x.text);
  switch (u.name) {
    case "git":
      analyzeGitConfig(u, st);
      break;
    case "ssh":
    case "scp":
    case "sftp":
    case "sshfs":
      sshOptions(u, st);
      break;
    case "tar":
    case "gtar":
    case "bsdtar":
      for (
        const v of optionValues(u, ["-I"], [
          "--to-command",
          "--use-compress-program",
          "--rsh-command",
          "--info-script",
          "--new-volume-script",
        ])
      ) run(v, st);
      for (const t of a) {
        const m = /^--checkpoint-action=(?:exec|\|?)=?(.*)$/s.exec(t);
        if (m && /^--checkpoint-action=exec/.test(t)) run(m[1], st);
      }
      break;
    case "rsync":
      for (const v of optionValues(u, ["-e"], ["--rsh", "--rsync-path"])) {
        run(v, st);
      }
      break;
    case "vim":
    case "vi":
    case "nvim":
    case "ex":
    case "view":
    case "gvim":
      for (
        const v of [
          ...optionValues(u, ["-c"], ["--cmd"]),
          ...a.filter((t) => t.startsWith("+")).map((t) => t.slice(1)),
        ]
      ) {
        const m =
          /^\s*:?\s*(?:!|sil(?:ent)?!?\s*!|call\s+system\s*\(\s*['"]|terminal\s+|r(?:ead)?\s*!|w(?:rite)?\s*!)(.*)$/s
            .exec(v);
        if (m) run(m[1].replace(/['"]\s*\)\s*$/, ""), st);
      }
      break;
    case "script":
      for (const v of optionValues(u, [], ["--command"])) run(v, st);
      for (let i = 0; i < a.length; i++) {
        if (
          /^-[a-zA-Z]{1,6}$/.test(a[i]) && a[i].endsWith("c") &&
          a[i] !== "-c" && a[i + 1]
        ) {
          run(a[i + 1], st);
        }
      }
      break;
    case "parallel": {
      const sep = a.findIndex((t) => t === ":::" || t === "::::");
      if (sep < 0) break;
      const cmd = a.slice(0, sep).filter((t) => !t.startsWith("-"));
      if (cmd.length) run(cmd.join(" ").replace(/\{\}/g, a[sep + 1] ?? ""), st);
      else for (const t of a.slice(sep + 1)) run(t, st);
      break;
    }
    case "at":
    case "batch": {
      if (a.includes("-l") || a.includes("-r") || a.includes("-d")) break;
      // at -f job.sh: the job file written earlier on the line.
      const f = optionValues(u, ["-f"], []);
      // at -f /dev/stdin <<< 'cmd': the job is what comes on stdin.
      const fromStdin = f.length === 0 ||
        /^(?:-|\/dev\/stdin|\/dev\/fd\/0|\/proc\/self\/fd\/0)$/.test(f[0]);
      const text = fromStdin ? pipeInput(u, pipe, st) : fileText(f[0], st);
      if (text !== null) run(text, st);
      break;
    }
    case "tmux":
      if (
        /^(new|new-session|new-window|neww|split-window|splitw|respawn-pane|run-shell|run|send-keys|send)$/
          .test(a[0] ?? "")
      ) {
        const rest = a.slice(1).filter((t, i, all) =>
          !t.startsWith("-") && !/^-[stcnxyFeT]$/.test(all[i - 1] ?? "")
        );
        if (rest.length) run(rest.join(" "), st);
      }
      break;
    case "screen": {
      let i = 0;
      while (i < a.length && a[i].startsWith("-")) {
        i += /^-[SLcpTtXe]$/.test(a[i]) ? 2 : 1;
      }
      if (i < a.length) {
        run(
          a.slice(i).map((t) => /\s/.test(t) ? `'${t.replace(/'/g, "")}'` : t)
            .join(" "),
          st,
        );
      }
      break;
    }
    case "gdb":
      for (
        const v of optionValues(u, ["-ex", "--ex", "-eval-command"], [
          "--eval-command",
        ])
      ) {
        const m = /^\s*(?:shell|!|pipe\s.*\|)\s*(.*)$/s.exec(v);
        if (m) run(m[1], st);
      }
      break;
    case "sqlite3":
    case "sqlite":
      for (const t of [...a, u.stdin ?? ""]) {
        for (const line of t.split("\n")) {
          const m = /^\s*\.(?:shell|system)\s+(.*)$/s.exec(line);
          if (m) run(m[1], st);
        }
      }
      break;
    case "zip":
      for (const v of optionValues(u, ["-TT"], ["--unzip-command"])) run(v, st);
      break;
    case "man":
      // man -P 'cmd' / --pager=cmd: the pager is run by a shell.
      for (const v of optionValues(u, ["-P"], ["--pager"])) run(v, st);
      break;
    case "less":
      // less '+!cmd': a command less runs at start.
      for (const t of a) {
        const m = /^\+\s{0,4}!(.{1,4096})$/s.exec(t);
        if (m) run(m[1], st);
      }
      break;
    case "sed":
    case "gsed": {
      // GNU sed's e command (`1e cmd`, `e cmd`) runs a command.
      const scripts = optionValues(u, ["-e"], ["--expression"]);
      if (!scripts.length) {
        const first = a.find((t) => !t.startsWith("-"));
        if (first !== undefined) scripts.push(first);
      }
      for (const sc of scripts) {
        for (const line of sc.split(/\n|;/).slice(0, 64)) {
          const m =
            /^\s{0,8}(?:\$|\d{1,9}|\/[^/\n]{0,256}\/)?\s{0,4}e\s{1,8}(.{1,4096})$/
              .exec(line);
          if (m) run(m[1], st);
        }
      }
      break;
    }
    case "osascript":
      // osascript -e 'do shell script "rm -rf ~"' (and the script on stdin).
      for (const v of [...optionValues(u, ["-e"], []), u.stdin ?? ""]) {
        for (const m of v.matchAll(DO_SHELL_SCRIPT)) {
          run(m[1].replace(/\\(["\\])/g, "$1"), st);
        }
      }
      break;
    case "npm":
    case "pnpm":
    case "yarn":
    case "npx":
      for (const v of optionValues(u, ["-c"], ["--call"])) run(v, st);
      break;
    case "expect":
      for (const v of optionValues(u, ["-c"], [])) {
        for (const m of v.matchAll(/(?:^|[;\n])\s*spawn\s+([^;\n]*)/g)) {
          run(m[1], st);
        }
        for (const m of v.matchAll(/\bexec\s+([^;\n]*)/g)) run(m[1], st);
      }
      break;
    case "make":
    case "gmake": {
      // make --eval='x: ; cmd' / $'x:\n\tcmd': recipe lines given on the command line.
      for (const v of optionValues(u, ["-E"], ["--eval"])) {
        run(
          v.split("\n").map((l) =>
            makeLineToShell(
              l.startsWith("\t")
                ? l.slice(1).replace(/^[@+-]+/, "")
                : (/^[^:=#\t]{1,256}:[^=;]{0,256};(.*)$/.exec(l)?.[1] ?? "")
                  .replace(/^\s{0,8}[@+-]+/, ""),
            )
          ).filter((l) => l.trim() !== "").join("\n"),
          st,
        );
      }
      const files = optionValues(u, ["-f"], ["--file", "--makefile"]);
      if (files.some((f) => f === "-" || f === "/dev/stdin")) {
        const text = pipeInput(u, pipe, st);
        if (text !== null) {
          run(
            text.split("\n").filter((l) => l.startsWith("\t")).map((l) =>
              makeLineToShell(l.slice(1).replace(/^[@+-]+/, ""))
            ).join("\n"),
            st,
          );
        }
      }
      break;
    }
    case "watch":
    case "timeout":
    case "nice":
    case "chronic":
    case "ts":
      break;
  }
}

/** `GIT_SSH_COMMAND='…' git fetch`: an assignment before a command whose value it runs. */
export function analyzeEnvCommand(
  name: string,
  value: string,
  st: State,
): void {
  if (/^npm_config_script_shell$/i.test(name)) {
    judgeScriptShell(value, st, name);
  }
  if ((name === "BASH_ENV" || name === "ENV") && st.depth < 8) {
    // BASH_ENV=/tmp/e bash -c …: every later shell runs that file first.
    const p = resolvePath(value, st.cwd, st.ctx.home);
    const text = p === null ? null : writtenText(p, st);
    if (text !== null) run(text, st);
    return;
  }
  if (!ENV_COMMANDS.test(name) || st.depth >= 8) return;
  run(
    name.startsWith("LESS")
      ? value.replace(/^\s*\|{1,2}/, "").replace(/%s/g, "x")
      : value,
    st,
  );
}
