/**
 * Writes: redirections, tee, cp/install/ln destinations, truncate, sed -i.
 * Judges the destination (devices, guard files, account files, history,
 * logs, system folders) and records the text written into files.
 *
 * @module
 */

import { isKernelHelper } from "./kernel.ts";
import { decodeAnsiC } from "../shell/ansi_c.ts";
import {
  guardPathOf,
  isAuthFile,
  isBlockDevice,
  isCriticalSystemFile,
  isDenoShim,
  isHarmlessDevice,
  isHistoryFile,
  isInSystem,
  isLogPath,
  isMemoryDevice,
  resolvePath,
} from "./paths.ts";
import { type Arg, type State, type Unit, writtenText } from "./unit.ts";

export { writtenText };
import { followLinks, trackLink } from "./links.ts";
import { judgeFileContent, startupThreat } from "./file_content.ts";
import { isProjectRunFile, projectRunCommands } from "./project_runs.ts";
import type { Pipe } from "./pipe.ts";

/**
 * Judges writing to `a`; `truncating` when the file is emptied first (`>`,
 * truncate); `folder` when `a` is a folder filled by unpacking or cloning.
 */
export function judgeWrite(
  a: Arg,
  st: State,
  verb: string,
  truncating = false,
  folder = false,
): void {
  if (!a.known) return;
  const m = st.out.matches;
  for (const text of a.alts) {
    const raw = resolvePath(text, st.cwd, st.ctx.home);
    if (raw === null) continue;
    const p = followLinks(raw, st);
    if (p.startsWith("/dev/")) {
      if (isHarmlessDevice(p) || /^\/dev\/(tcp|udp)\//.test(p)) continue;
      if (isMemoryDevice(p)) {
        m.add(
          "memory_device_write",
          `${verb} writes into ${p}, the kernel's memory: this corrupts the running system`,
        );
      } else if (isBlockDevice(p)) {
        m.add(
          "device_overwrite",
          `${verb} writes straight into the disk device ${p}: this destroys its partition table and data`,
          "write to an image file inside the workspace, such as ./disk.img",
        );
      }
      continue;
    }
    // core_pattern is judged by what is written (file_content.ts): a file pattern is routine.
    if (isKernelHelper(p) && p !== "/proc/sys/kernel/core_pattern") {
      m.add(
        "kernel_helper_write",
        `${verb} writes to ${p}: the kernel runs the program named there as root`,
        "leave kernel helpers alone; ask the user",
      );
      continue;
    }
    if (p === "/proc/sysrq-trigger") {
      m.add(
        "sysrq_trigger",
        `${verb} writes to /proc/sysrq-trigger, which can crash, reboot or power off the machine instantly`,
      );
      continue;
    }
    const guard = guardPathOf(p, st.ctx.home, st.ctx.cwd, "write", st.ctx);
    if (guard) {
      m.add(
        "guard_tamper",
        `${verb} writes to ${p}, the agent's guard configuration: this can switch off governance`,
        "leave the guard's files alone; ask the user to change them",
      );
      continue;
    }
    if (!folder && isDenoShim(p, st.ctx.cwd)) {
      m.add(
        "guard_tamper",
        `${verb} writes a program named deno to ${p}: a PATH entry in front of the real one makes every hook start it instead of the runtime, which switches off governance`,
        "install deno with its installer into ~/.deno/bin, or write project files inside the workspace",
      );
      continue;
    }
    if (isAuthFile(p)) {
      m.add(
        "auth_file_write",
        `${verb} writes to ${p}: changing account or sudo files can grant root access`,
        "use useradd/visudo under the user's own supervision",
      );
      continue;
    }
    if (
      truncating &&
      /\/\.ssh\/id_(rsa|ed25519|ecdsa|dsa|ed25519_sk|ecdsa_sk)$/.test(p)
    ) {
      // The default key names: the file is there, and > empties it.
      m.add(
        "rm_key_folder",
        `${verb} overwrites ${p}, a private key: the key it held is lost for good`,
        "generate a new key under another name (ssh-keygen -f ~/.ssh/id_new)",
      );
      continue;
    }
    if (/\/authorized_keys2?$/.test(p)) {
      m.add(
        "authorized_keys_write",
        `${verb} writes to ${p}: whoever holds the added key can log in as this user`,
        "ask the user to add SSH keys themselves",
      );
      continue;
    }
    if (truncating && isHistoryFile(p)) {
      m.add(
        "history_wipe",
        `${verb} empties the history file ${p}: this erases the record of commands`,
      );
      continue;
    }
    if (truncating && isLogPath(p)) {
      m.add(
        "log_wipe",
        `${verb} empties the log ${p}: this destroys the record of what happened`,
        "rotate logs with logrotate",
      );
      continue;
    }
    if (truncating && isCriticalSystemFile(p)) {
      m.add(
        "system_file_delete",
        `${verb} empties ${p}, a file the system cannot run without`,
      );
      continue;
    }
    if (isInSystem(p)) {
      m.add(
        "system_path_write",
        `${verb} writes to ${p} inside a system folder`,
      );
    }
  }
}

/** Interprets echo's arguments into the printed text. */
function echoText(args: Arg[]): string {
  let i = 0;
  let escapes = false;
  while (i < args.length && /^-[neE]{1,3}$/.test(args[i].text)) {
    if (args[i].text.includes("e")) escapes = true;
    i++;
  }
  const t = args.slice(i).map((a) => a.text).join(" ");
  return escapes ? decodeAnsiC(t) : t;
}

function printfText(args: Arg[]): string {
  let i = 0;
  if (args[0]?.text === "-v") i = 2;
  const fmt = args[i]?.text ?? "";
  const rest = args.slice(i + 1).map((a) => a.text);
  let k = 0;
  const out = decodeAnsiC(fmt).replace(
    /%[-+ #0-9.]{0,8}[sdbqcf%]/g,
    (s) => s === "%%" ? "%" : rest[k++] ?? "",
  );
  return k < rest.length ? out + rest.slice(k).join(" ") : out;
}

/** The text a unit prints, when it is plain data we can know (echo, printf, cat of a heredoc). */
export function outputOf(u: Unit): string | null {
  if (u.name === "echo") return echoText(u.args);
  if (u.name === "printf") return printfText(u.args);
  if ((u.name === "cat" || u.name === "tee") && u.stdin !== null) {
    if (
      u.name === "cat" &&
      u.args.some((a) => !a.text.startsWith("-") || a.text === "-")
    ) return null;
    return u.stdin;
  }
  return null;
}

/** The text a unit reads on stdin: its heredoc / here-string, or what the previous pipeline element prints. */
export function stdinOf(u: Unit, pipe: Pipe | null): string | null {
  if (u.stdin !== null) return u.stdin;
  if (!pipe || pipe.index === 0) return null;
  const prev = pipe.elements[pipe.index - 1];
  const last = prev[prev.length - 1]?.unit;
  return last ? outputOf(last) : null;
}

const WRITE_OPS = new Set([">", ">>", "&>", "&>>", ">|", "<>"]);

/** Every unit: its output redirections. */
export function analyzeRedirects(u: Unit, st: State, pipe: Pipe): void {
  for (const r of u.redirects) {
    let op = r.op;
    if (op === ">&" && !/^(\d{1,4}|-)$/.test(r.target.text)) op = ">";
    if (!WRITE_OPS.has(op)) continue;
    if (r.fd !== null && r.fd > 2 && op === "<>") continue;
    const truncating = op === ">" || op === "&>" || op === ">|";
    judgeWrite(
      r.target,
      st,
      u.name ? `${u.name} ${op} ${r.target.text}` : `${op} ${r.target.text}`,
      truncating,
    );
    if (r.fd !== null && r.fd !== 1 && op !== "&>" && op !== "&>>") continue;
    const content = u.name === ""
      ? u.printed ?? ""
      : outputOf(u) ?? (u.name === "tee" ? stdinOf(u, pipe) : null);
    if (content === null) judgeUnseen(r.target, st, `${u.name} ${op}`);
    else if (!r.target.known) judgeStartupVar(r.target, content, st);
    recordWrite(r.target, content, st);
  }
}

/** Variables that name a file every later shell reads first. */
const STARTUP_VAR = /^\$\{?(BASH_ENV|ENV)\}?$/;

/**
 * `echo 'exit 0' > "$BASH_ENV"`: whatever path the variable holds, it is a
 * start-up file of every later shell (the hook's too), so its new text is
 * judged as one.
 */
function judgeStartupVar(target: Arg, content: string, st: State): void {
  const m = STARTUP_VAR.exec(target.text);
  if (!m) return;
  const why = startupThreat(content, st);
  if (why) {
    st.out.matches.add(
      "guard_tamper",
      `writing to $${
        m[1]
      } changes a shell start-up file every later shell (the hook's too) reads first: the new text ${why}`,
      "add ordinary settings only (PATH entries in your home, exported variables); ask the user for anything else",
    );
  }
}

/** A write whose content cannot be seen: judged as the worst text for start-up and autorun files. */
function judgeUnseen(target: Arg, st: State, verb: string): void {
  if (!target.known) return;
  const raw = resolvePath(target.text, st.cwd, st.ctx.home);
  if (raw !== null) judgeFileContent(followLinks(raw, st), null, st, verb);
}

function recordWrite(target: Arg, content: string | null, st: State): void {
  if (content === null || !target.known) return;
  const raw = resolvePath(target.text, st.cwd, st.ctx.home);
  if (raw === null) return;
  const p = followLinks(raw, st);
  if (p.startsWith("/dev/")) return;
  judgeFileContent(p, content, st, "writing");
  st.out.fileWrites.push({ path: p, content });
  if (runsLater(p) && st.depth < 8) {
    // Shell start-up files, cron tables and git hooks run their text later: judge it as code.
    st.out.shell(cronToShell(p, content), {
      ...st,
      depth: st.depth + 1,
      env: new Map(st.env),
    });
  }
  const cmds = st.depth < 8 ? projectRunCommands(p, content) : [];
  if (cmds.length) {
    // Recipes, scripts, hooks and tasks written into the project run at its next routine step.
    st.out.shell(cmds.join("\n"), {
      ...st,
      depth: st.depth + 1,
      env: new Map(st.env),
    });
  }
}

/**
 * Files whose text the system runs later as shell commands: start-up and
 * log-out files of every shell (fish's too), `~/.ssh/rc` (run at each SSH
 * login), cron tables, git hooks, and programs placed in a PATH folder of
 * the user or the system (`~/.local/bin/git` runs whenever git is typed).
 */
export function runsLater(p: string): boolean {
  return /\/\.(bashrc|bash_profile|bash_login|bash_logout|profile|zshrc|zshenv|zprofile|zlogin|zlogout|kshrc|mkshrc|cshrc|tcshrc|login|xprofile|xsessionrc|envrc|bash_aliases)$/
    .test(p) ||
    /\/\.config\/fish\/(config\.fish|conf\.d\/[^/]{1,255}|functions\/[^/]{1,255})$|^\/etc\/(fish|zsh)\/[^/]{1,255}$|\/\.ssh\/rc$/
      .test(p) ||
    /\/\.config\/(autostart-scripts|plasma-workspace\/(env|shutdown))\/[^/]{1,255}$/
      .test(p) ||
    /\/\.local\/bin\/[^/]{1,255}$|^\/usr\/local\/s?bin\/[^/]{1,255}$|^\/(home\/[^/]{1,255}|Users\/[^/]{1,255}|root)\/bin\/[^/]{1,255}$/
      .test(p) ||
    /^\/etc\/(profile|bash\.bashrc|zsh\/zshrc|rc\.local|environment)$/.test(
      p,
    ) ||
    /^\/etc\/(profile\.d|cron\.(d|daily|hourly|weekly|monthly))\//.test(p) ||
    /^\/etc\/crontab$|^\/var\/spool\/cron\//.test(p) ||
    /\/\.git\/hooks\/[^/]{1,64}$/.test(p);
}

/** Cron lines to plain commands (drops the five time fields or an @keyword). */
export function cronToShell(p: string, text: string): string {
  if (!/cron/.test(p)) return text;
  const withUser = /^\/etc\/(crontab$|cron\.d\/)/.test(p);
  return text.split("\n").map((l) => {
    const t = l.replace(
      /^\s{0,64}(@\w{1,16}\s{1,64}|(\S{1,64}\s{1,64}){5})/,
      "",
    );
    return withUser ? t.replace(/^\w{1,32}\s{1,64}/, "") : t;
  }).join("\n");
}

/** crontab reading a new table from stdin or a file given as text (`echo … | crontab -`). */
export function analyzeCrontabInput(u: Unit, st: State, pipe: Pipe): void {
  // `crontab FILE` installs FILE: a file written earlier on the line is what is installed.
  // crontab -u USER FILE: the user's name is not the file.
  const file = u.args.find((a, i) =>
    a.known && !a.text.startsWith("-") && a.text !== "-" &&
    u.args[i - 1]?.text !== "-u"
  );
  const path = file ? resolvePath(file.text, st.cwd, st.ctx.home) : null;
  const text = path !== null ? writtenText(path, st) : stdinOf(u, pipe);
  if (text !== null && st.depth < 8) {
    st.out.shell(cronToShell("cron", text), {
      ...st,
      depth: st.depth + 1,
      env: new Map(st.env),
    });
  }
}

/** tee FILE…: writes stdin to each file. */
export function analyzeTee(u: Unit, st: State, pipe: Pipe): void {
  const append = u.args.some((a) => a.text === "-a" || a.text === "--append");
  const content = stdinOf(u, pipe);
  for (const a of u.args) {
    if (a.text.startsWith("-")) continue;
    judgeWrite(a, st, append ? "tee -a" : "tee", !append);
    if (content === null) judgeUnseen(a, st, "tee");
    recordWrite(a, content, st);
  }
}

/** cp / install / ln: judge the destination. */
export function analyzeCopy(u: Unit, st: State): void {
  const pos: Arg[] = [];
  let dest: Arg | null = null;
  for (let i = 0; i < u.args.length; i++) {
    const a = u.args[i];
    if (a.text === "-t" || a.text === "--target-directory") {
      dest = u.args[++i] ?? null;
      continue;
    }
    if (/^-[mogS]$/.test(a.text) && u.name === "install") {
      i++;
      continue;
    }
    if (a.text.startsWith("-") && a.text.length > 1) continue;
    pos.push(a);
  }
  if (!dest && pos.length >= 2) dest = pos[pos.length - 1];
  if (!dest) return;
  if ((u.name === "cp" || u.name === "install") && dest.known) {
    // A copy of a shell or interpreter: a later chmod u+s on it is a root shell.
    const src = pos.find((a) => a !== dest && a.known);
    if (src && SHELL_BINARY.test(src.text)) {
      const d = resolvePath(dest.text, st.cwd, st.ctx.home);
      if (d) st.out.sensitive.set(d, "shell");
      const mode = u.args.findIndex((a) =>
        a.text === "-m" || a.text.startsWith("--mode")
      );
      const mv = mode >= 0
        ? (u.args[mode].text.includes("=")
          ? u.args[mode].text.split("=")[1]
          : u.args[mode + 1]?.text ?? "")
        : "";
      if (
        /^[2-7][0-7]{3}$/.test(mv) && (Number(mv[0]) & 6) !== 0 ||
        /[ug]\+s|^u?=?[rwx]{0,3}s/.test(mv)
      ) {
        st.out.matches.add(
          "setuid_shell",
          `${u.name} -m ${mv} ${src.text} makes a setuid copy of a shell: anyone can then run it as root`,
        );
      }
    }
  }
  if (u.name === "ln" && pos[0]?.known && pos[0].text === "/dev/null") {
    const p = resolvePath(dest.text, st.cwd, st.ctx.home);
    if (p && isHistoryFile(p)) {
      st.out.matches.add(
        "history_wipe",
        `ln links the history file ${p} to /dev/null: commands stop being recorded and past ones are lost`,
      );
      return;
    }
  }
  judgeWrite(dest, st, u.name, true);
  judgeUnseen(dest, st, u.name);
  if (
    u.name === "ln" && pos[0]?.known && dest.known &&
    u.args.some((a) => /^-[a-zA-Z]{0,6}s|^--symbolic$/.test(a.text))
  ) {
    trackLink(pos[0].text, dest.text, st);
  }
}

/** Shells and interpreters by path (`/bin/bash`, `/usr/bin/python3`). */
const SHELL_BINARY =
  /(^|\/)((ba|da|z|k|c|tc|fi|a|mk)?sh|busybox|(python|perl|ruby|php|node|lua)[0-9.]{0,6}|env|find|vim?|awk|gawk)$/;

/** Where programs that are not redirections write: their destination arguments. */
function destinations(u: Unit): Arg[] {
  const a = u.args;
  const t = a.map((x) => x.text);
  const out: Arg[] = [];
  const valueOf = (i: number, opt: string): Arg | null => {
    if (t[i] === opt) return a[i + 1] ?? null;
    if (t[i].startsWith(opt + "=")) {
      const v = t[i].slice(opt.length + 1);
      return { ...a[i], text: v, alts: [v], prefix: v };
    }
    return null;
  };
  const positional = () => a.filter((x) => !x.text.startsWith("-"));
  switch (u.name) {
    case "mv":
    case "rsync": {
      for (let i = 0; i < t.length; i++) {
        const v = valueOf(i, "-t") ?? valueOf(i, "--target-directory");
        if (v) out.push(v);
      }
      const pos = positional().filter((x) =>
        u.name !== "rsync" ||
        !/^([\w.-]{1,64}@)?[\w.-]{1,255}:|^rsync:\/\//.test(x.text)
      );
      if (out.length === 0 && pos.length >= 2) out.push(pos[pos.length - 1]);
      break;
    }
    case "curl":
    case "wget":
    case "wget2":
    case "aria2c":
      for (let i = 0; i < t.length; i++) {
        const v = valueOf(i, "-o") ?? valueOf(i, "--output") ??
          valueOf(i, "-O") ?? valueOf(i, "--output-document");
        if (v && !(u.name === "curl" && t[i] === "-O")) out.push(v);
      }
      break;
    case "dd":
      for (const x of a) {
        if (x.text.startsWith("of=")) {
          const v = x.text.slice(3);
          out.push({ ...x, text: v, alts: [v], prefix: v });
        }
      }
      break;
    case "tar":
    case "bsdtar":
      if (t.some((x) => /^-?[a-zA-Z]{0,6}x|^--extract$|^--get$/.test(x))) {
        for (let i = 0; i < t.length; i++) {
          const v = valueOf(i, "-C") ?? valueOf(i, "--directory");
          if (v) out.push(v);
        }
      }
      break;
    case "unzip":
      for (let i = 0; i < t.length; i++) {
        const v = valueOf(i, "-d");
        if (v) out.push(v);
      }
      break;
    case "git":
      if (t[0] === "clone") {
        const pos = positional().slice(1);
        if (pos.length >= 2) out.push(pos[pos.length - 1]);
      }
      break;
  }
  return out.filter((x) => x && x.known);
}

/** mv, rsync, curl -o, wget -O, dd of=, tar -C, unzip -d, git clone DIR: the destination is written with text the guard cannot see. */
export function analyzeDestinations(u: Unit, st: State): void {
  const unpacks = u.name === "tar" || u.name === "bsdtar" ||
    u.name === "unzip" ||
    u.name === "git";
  for (const d of destinations(u)) {
    judgeWrite(d, st, u.name, true, unpacks);
    judgeUnseen(d, st, u.name);
    if (!unpacks) continue;
    // Unpacking into a folder whose files run later writes those files.
    const raw = resolvePath(d.text, st.cwd, st.ctx.home);
    const p = raw === null ? null : followLinks(raw, st);
    const sample = p === null
      ? null
      : RUNS_FROM_FOLDER.find(([re]) => re.test(p));
    if (p && sample) judgeFileContent(p + "/" + sample[1], null, st, u.name);
  }
}

/** Folders whose files run later, and a file name that stands for them. */
const RUNS_FROM_FOLDER: readonly [RegExp, string][] = [
  [/\/\.config\/fish(\/conf\.d|\/functions)?$/, "config.fish"],
  [/\/\.config\/systemd\/user$/, "x.service"],
  [/\/\.config\/autostart$/, "x.desktop"],
  [/\/Library\/(LaunchAgents|LaunchDaemons)$/, "x.plist"],
  [/\/\.git\/hooks$/, "pre-commit"],
  [/^\/etc\/(cron\.d|profile\.d)$/, "x"],
];

/** mkfifo / mknod / mkdir inside the guard's folders: a FIFO or folder in place of a file the hook opens. */
export function analyzeMakeNode(u: Unit, st: State): void {
  for (let i = 0; i < u.args.length; i++) {
    const a = u.args[i];
    if (/^-[mZ]$|^--(mode|context)$/.test(a.text)) {
      i++;
      continue;
    }
    if (a.text.startsWith("-") || !a.known) continue;
    const raw = resolvePath(a.text, st.cwd, st.ctx.home);
    if (raw === null) continue;
    const p = followLinks(raw, st);
    const guard = guardPathOf(p, st.ctx.home, st.ctx.cwd, "write", st.ctx);
    // Creating the data folder itself is how it is set up.
    if (!guard || (u.name === "mkdir" && p === guard)) continue;
    st.out.matches.add(
      "guard_tamper",
      `${u.name} ${a.text} puts a ${
        u.name === "mkdir" ? "folder" : "special file"
      } where the guard expects its own file (${guard}): the hook would block or fail on it`,
      "leave the guard's files alone",
    );
    return;
  }
}

/** truncate -s SIZE FILE…. */
export function analyzeTruncate(u: Unit, st: State): void {
  for (let i = 0; i < u.args.length; i++) {
    const t = u.args[i].text;
    if (/^-[sr]$|^--(size|reference)$/.test(t)) {
      i++;
      continue;
    }
    if (t.startsWith("-")) continue;
    judgeWrite(u.args[i], st, "truncate", true);
  }
}

/** The text a sed/perl edit script puts into the file: `i`/`a`/`c` text and `s` replacements. */
function editText(script: string): string {
  const out: string[] = [];
  const iac =
    /(?:^|[;\n])\s{0,8}[0-9$,/^\w.*\\]{0,64}?[iac]\\?\s{0,8}([^;\n]{1,4096})/g;
  let m: RegExpExecArray | null;
  let n = 0;
  while ((m = iac.exec(script)) && n++ < 32) out.push(m[1]);
  const sub = /s(.)(?:(?!\1)[^\n]){0,4096}?\1((?:(?!\1)[^\n]){0,4096})\1/g;
  n = 0;
  while ((m = sub.exec(script)) && n++ < 32) out.push(m[2]);
  return out.join("\n");
}

/** sed -i / perl -i: in-place edits of files. */
export function analyzeInPlace(u: Unit, st: State): void {
  const inPlace = u.args.some((a) =>
    // perl's -0 / -0777 (record separator) may lead the cluster: perl -0pi.
    /^-[0-9a-zA-Z]{0,8}i/.test(a.text) || a.text.startsWith("--in-place")
  );
  if (!inPlace) return;
  let scriptGiven = false;
  const pos: Arg[] = [];
  for (let i = 0; i < u.args.length; i++) {
    const t = u.args[i].text;
    if (
      /^-[0-9a-zA-Z]{0,8}[ef]$/.test(t) || t === "--expression" ||
      t === "--file"
    ) {
      scriptGiven = true;
      i++;
      continue;
    }
    if (t.startsWith("-")) continue;
    pos.push(u.args[i]);
  }
  const files = scriptGiven ? pos : pos.slice(1);
  // The text an edit script inserts (sed 1i/a/c TEXT, s/x/TEXT/, perl s//TEXT/).
  const script = scriptGiven
    ? u.args.filter((_a, i) =>
      i > 0 &&
      /^-[0-9a-zA-Z]{0,8}[e]$|^--expression$/.test(u.args[i - 1].text)
    ).map((a) => a.text)
    : pos.slice(0, 1).map((a) => a.text);
  const inserted = script.map(editText).join("\n");
  for (const f of files) {
    judgeWrite(f, st, `${u.name} -i`);
    if (f.known) {
      const raw = resolvePath(f.text, st.cwd, st.ctx.home);
      if (raw) {
        const p = followLinks(raw, st);
        judgeFileContent(p, inserted, st, `${u.name} -i`);
        if (inserted && isProjectRunFile(p) && st.depth < 8) {
          // sed -i 's/vitest/CMD/' package.json: the new text becomes a recipe, script or hook.
          st.out.shell(inserted, {
            ...st,
            depth: st.depth + 1,
            env: new Map(st.env),
          });
        }
        // The inserted text is in the file now: a runner or shell reading it later on the line runs it.
        if (inserted) st.out.fileWrites.push({ path: p, content: inserted });
      }
    }
  }
}
