/**
 * What a written file will do: shell start-up files (read before every
 * shell, including the one that starts a hook) must not gain lines that stop
 * or redirect the hook, and files that run code later (git hooks and exec
 * keys of git config, SSH ProxyCommand, systemd units, cron tables, launch
 * agents) must not be written by the agent at all. Content that cannot be
 * seen (`cp x ~/.bashrc`) counts as the worst case.
 *
 * @module
 */

import { AGENT_BYPASS } from "./agent_cli.ts";
import {
  autorunOf,
  isShellStartup,
  isTemp,
  isTempRoot,
  isUnder,
  normalizeAbs,
} from "./paths.ts";
import type { State } from "./unit.ts";
import { judgeKernelWrite } from "./kernel.ts";
import { judgeSpecWrite } from "./spec_write.ts";
import { gitValueRuns } from "./git_config_runs.ts";

/** Names a hook's shell resolves on its way to the guard: a function or alias by one of these names replaces it. */
const HOOK_WORDS =
  "deno|sh|bash|zsh|dash|env|exec|command|builtin|node|npx|npm|source|cd|test|true|false";
const FUNC_RE = new RegExp(
  `^\\s{0,16}(?:function\\s{1,8})?(${HOOK_WORDS})\\s{0,8}(?:\\(\\s{0,4}\\)|;|\\{|$)`,
  "m",
);
const FISH_FUNC_RE = new RegExp(
  `^\\s{0,16}function\\s{1,8}(${HOOK_WORDS})\\b`,
  "m",
);
const ALIAS_RE = new RegExp(
  `^\\s{0,16}alias\\s{1,8}(?:-g\\s{1,8})?['"]?(${HOOK_WORDS})['"]?\\s{0,4}[= ]`,
  "m",
);
/** A line that ends the shell before it runs the hook (`exit`, `logout`, `exec …`, `kill $$`). */
const EXIT_RE =
  /(?:^|[;&|])\s{0,16}(?:exit|logout)(?:\s{1,8}-?\d{1,4})?\s{0,8}(?:[;#]|$)|^\s{0,16}exec\s{1,8}\S|\bkill\s{1,8}(?:-\w{1,8}\s{1,8})?(?:\$\$|-9\s{1,8}\$\$)/m;
const TRAP_RE = /^\s{0,16}(?:builtin\s{1,8})?trap\s{1,8}\S/m;
/** Variables that redirect the guard or what every program loads. */
const VAR_RE =
  /^\s{0,16}(?:export\s{1,8}|declare\s{1,8}-x\s{1,8}|set\s{1,8}-[gxU]{1,3}\s{1,8}|setenv\s{1,8}|typeset\s{1,8}-x\s{1,8})?(AXONFLOW_[A-Z_]{1,40}|DENO_(?:DIR|V8_FLAGS|CERT|TLS_CA_STORE|AUTH_TOKENS|NO_PROMPT)|BASH_ENV|ZDOTDIR|LD_PRELOAD|DYLD_INSERT_LIBRARIES|CODEX_HOME|CLAUDE_CONFIG_DIR)\s{0,4}[= ]/m;
/** A prompt hook that runs a network client (`PROMPT_COMMAND="curl …"`, `precmd() { curl …; }`). */
const PROMPT_HOOK_RE =
  /(?:^|[;&|]|\bthen\b|\bdo\b)\s{0,16}(?:export\s{1,8})?(PROMPT_COMMAND|PS0|precmd_functions|precmd|preexec)\b[^\n]{0,512}?\b(curl|wget|nc|ncat|socat|telnet|ssh)\b/m;
const UNSET_RE =
  /^\s{0,16}(?:unset|set\s{1,8}-e)\s{1,8}(?:-[fv]\s{1,8})?(AXONFLOW_[A-Z_]{1,40}|PATH|HOME)\b/m;
const PATH_RE =
  /^\s{0,16}(?:export\s{1,8}|declare\s{1,8}-x\s{1,8})?(?:PATH|LD_LIBRARY_PATH|DYLD_LIBRARY_PATH)\s{0,4}=\s{0,4}([^\n]*)$/gm;
/** Variables assigned in the text (`DENO_INSTALL="$HOME/.deno"`), to resolve later PATH entries. */
const ASSIGN_RE =
  /^\s{0,16}(?:export\s{1,8})?([A-Za-z_][A-Za-z0-9_]{0,63})=["']?([^"'\s;]{0,1024})/gm;
/** Variables that name a tool's install folder in the home by convention. */
const INSTALL_VAR =
  /^(HOME|[A-Z][A-Z0-9_]{0,40}_(HOME|INSTALL|ROOT|PREFIX)|GOPATH|GOROOT|PNPM_HOME|BUN_INSTALL|NVM_BIN)$/;
const FISH_PATH_RE =
  /^\s{0,16}(?:set\s{1,8}-[gxUp]{1,4}\s{1,8}(?:fish_user_paths|PATH)|fish_add_path(?:\s{1,8}-\w{1,8}){0,3})\s{1,8}([^\n]*)$/gm;

/** A PATH entry the agent can fill with its own programs: relative, empty, temp, the workspace. */
function writableEntry(
  e: string,
  st: State,
  vars: ReadonlyMap<string, string>,
): boolean {
  let v = e.replace(/^["']|["']$/g, "").trim();
  const ref = /^\$\{?([A-Za-z_][A-Za-z0-9_]{0,63})\}?/.exec(v);
  if (ref && ref[1] !== "HOME" && vars.has(ref[1])) {
    v = vars.get(ref[1])! + v.slice(ref[0].length); // assigned earlier in the same text
  }
  if (v === "" || v === "." || !/^[/$~]/.test(v)) return true;
  if (/^\$(\{)?(PATH|path|LD_LIBRARY_PATH|DYLD_LIBRARY_PATH)\b/.test(v)) {
    return false;
  }
  if (/^(\$\{?HOME\}?|~)(\/|$)/.test(v)) {
    return false; // tool folders in the home (~/.cargo/bin, ~/.local/bin) are routine
  }
  const named = /^\$\{?([A-Za-z_][A-Za-z0-9_]{0,63})\}?/.exec(v);
  if (named) return !INSTALL_VAR.test(named[1]); // another variable: could be anything
  const p = normalizeAbs(v);
  if (isTemp(p) || isTempRoot(p)) return true;
  const cwd = st.ctx.cwd;
  return !!cwd && cwd !== st.ctx.home && isUnder(p, cwd);
}

/** The first PATH entry placed before the existing PATH that the agent could control, or null. */
function badPathPrepend(text: string, st: State): string | null {
  const vars = new Map<string, string>();
  ASSIGN_RE.lastIndex = 0;
  let a: RegExpExecArray | null;
  let k = 0;
  while ((a = ASSIGN_RE.exec(text)) && k++ < 256) {
    if (!/PATH$/.test(a[1])) vars.set(a[1], a[2]);
  }
  for (const re of [PATH_RE, FISH_PATH_RE]) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    let n = 0;
    while ((m = re.exec(text)) && n++ < 64) {
      const value = m[1].replace(/\s{0,8}(#.{0,1024})?$/, "").replace(/;$/, "");
      const parts = re === PATH_RE
        ? value.replace(/^["']|["']$/g, "").split(":")
        : value.split(/\s{1,8}/);
      for (const part of parts.slice(0, 256)) {
        if (
          /^\$\{?(PATH|LD_LIBRARY_PATH|DYLD_LIBRARY_PATH)\}?$/.test(
            part.replace(/["']/g, ""),
          )
        ) break;
        if (writableEntry(part, st, vars)) return part || "(empty entry)";
      }
    }
  }
  return null;
}

/** CI pipeline definitions of the code hosts. */
const CI_FILE =
  /\/\.github\/workflows\/[^/]{1,255}\.ya?ml$|\/\.gitlab-ci\.ya?ml$|\/\.forgejo\/workflows\/[^/]{1,255}\.ya?ml$|\/\.gitea\/workflows\/[^/]{1,255}\.ya?ml$/;
/** Every secret of the repository at once. */
const ALL_SECRETS = /toJSON\s{0,4}\(\s{0,4}secrets\s{0,4}\)/i;

/** Why a start-up file's new text would stop or redirect the hook, or null. */
export function startupThreat(text: string, st: State): string | null {
  if (text.length > 1_000_000) return "is too long for the guard to read";
  let m = FUNC_RE.exec(text) ?? FISH_FUNC_RE.exec(text);
  if (m) {
    return `defines a function named ${m[1]}, which replaces the real ${
      m[1]
    } in every later shell`;
  }
  if ((m = ALIAS_RE.exec(text))) return `defines an alias named ${m[1]}`;
  if ((m = AGENT_BYPASS.exec(text))) {
    return `starts the agent with ${
      m[0].trim()
    } (approvals and sandbox switched off) on every later run`;
  }
  if ((m = EXIT_RE.exec(text))) {
    return `ends the shell before anything else runs (${
      m[0].trim().slice(0, 40)
    })`;
  }
  if (TRAP_RE.test(text)) {
    return "installs a trap that runs before or instead of later commands";
  }
  if ((m = VAR_RE.exec(text))) {
    return `sets ${
      m[1]
    }, which redirects the guard or what every program loads`;
  }
  if ((m = UNSET_RE.exec(text))) return `unsets ${m[1]}`;
  if ((m = PROMPT_HOOK_RE.exec(text))) {
    return `sets ${m[1]} to run ${
      m[2]
    } before every prompt, sending what the shell did to another machine`;
  }
  const bad = badPathPrepend(text, st);
  if (bad) return `puts ${bad}, a folder the agent can write, in front of PATH`;
  return null;
}

/** Commands that ask for a password: an alias or function by one of these names can capture it. */
const PASSWORD_WORDS =
  /^(sudo|su|doas|ssh|scp|sftp|passwd|gpg|gpg2|pinentry|kinit|login|mysql|psql|op|bw|vault)$/;
/** `alias NAME=` at a line start (`alias -g` too); group 1 the name. */
const ALIAS_HEAD = String
  .raw`^[ \t]{0,16}alias[ \t]{1,8}(?:-g[ \t]{1,8})?['"]?([\w.-]{1,64})['"]?[ \t]{0,4}=[ \t]{0,4}`;

/** `alias NAME=VALUE` and `NAME() { VALUE`: the name and the first word it runs. */
const ALIAS_ANY_RE = new RegExp(
  String.raw`${ALIAS_HEAD}['"]?[ \t]{0,4}([^\s'";&|]{1,1024})`,
  "gm",
);
const FUNC_ANY_RE =
  /^[ \t]{0,16}(?:function[ \t]{1,8})?([\w.-]{1,64})[ \t]{0,8}\([ \t]{0,4}\)[ \t]{0,8}\{[ \t]{0,8}(?:command[ \t]{1,8})?([^\s;&|}]{1,1024})/gm;
/** A program path in command position (`nohup /tmp/.k &`, `(~/.cache/.u &)`). */
const PROGRAM_RE =
  /(?:^|[;&|(`]|\$\()[ \t]{0,16}(?:(?:nohup|setsid|exec|command|disown|env)[ \t]{1,8}){0,3}((?:\/|~\/|\$\{?HOME\}?\/)[^\s;&|)`'"]{1,1024})/gm;
/** Hidden folders of the home where installers put their tools (`~/.local/bin`, `~/.cargo/bin`). */
const TOOL_DOT_DIRS =
  /^\.(local|cargo|deno|bun|nvm|volta|pyenv|rbenv|asdf|sdkman|dotnet|krew|linuxbrew|nix-profile|npm-global|npm|yarn|pnpm|go|ghcup|juliaup|rye|poetry|fzf|opam|rvm|jenv|nodenv|goenv|tfenv|config|oh-my-zsh|zsh|bash_it|fig|wasmer|wasmtime|elan|foundry|orbstack|docker|rd|lmstudio|codeium|console-ninja|vscode|cursor|windsurf|antigen|zinit|zplug|zgen|tmux|vim|emacs\.d|ghcup|platformio|rustup|composer|gem|phpenv|plenv|swiftenv|pixi|mise|proto|moon|sst|cabal|stack|nimble|raku|turso|fly|railway|modular|pulumi|tiup)$/;

/** `script-shell=…` / `node-options=…` lines of an .npmrc. */
const NPMRC_RUNNER =
  /^[ \t]{0,8}(script-shell|node-options)[ \t]{0,4}=[ \t]{0,4}([^\n]{1,1024})$/gim;

/**
 * Why an .npmrc's text makes npm run a program of the agent's choosing
 * (`script-shell=/tmp/x.sh`, `node-options=--require /tmp/hook.js`), or null.
 */
function npmrcRunner(text: string): string | null {
  for (const m of text.slice(0, 65_536).matchAll(NPMRC_RUNNER)) {
    const v = m[2].trim().replace(/^["']|["']$/g, "");
    if (m[1].toLowerCase() === "script-shell") {
      if (
        /^(?:\/usr)?\/bin\/(?:ba|z|da|k|fi)?sh$|^(?:ba|z|da)?sh$|^(?:pwsh|powershell|cmd)(?:\.exe)?$/i
          .test(v)
      ) continue;
      return `sets npm's script shell to ${v.slice(0, 80)}`;
    }
    if (
      /(?:^|\s)(?:-r|--require|--import|--loader|--experimental-loader)(?:[ =]|$)/
        .test(v)
    ) {
      return `makes node load ${v.slice(0, 80)} before every script`;
    }
  }
  return null;
}

/** Why `prog` (a program path in a start-up file) looks like a hidden implant, or null. */
function implantPlace(prog: string, home: string): string | null {
  const p = normalizeAbs(prog.replace(/^(~|\$\{?HOME\}?)(?=\/)/, home));
  if (isTemp(p) || /^\/dev\/shm\//.test(p)) return `a temp folder (${p})`;
  const parts = p.split("/").filter((x) => x !== "");
  const base = parts[parts.length - 1] ?? "";
  if (base.startsWith(".") && base.length > 1) return `a hidden file (${p})`;
  for (const d of parts.slice(0, -1)) {
    if (d.startsWith(".") && !TOOL_DOT_DIRS.test(d)) {
      return `a hidden folder (${p})`;
    }
  }
  return null;
}

/** `alias NAME=VALUE` with the whole value (quoted or one word). */
const ALIAS_VALUE_RE = new RegExp(
  String
    .raw`${ALIAS_HEAD}('[^'\n]{0,2048}'|"[^"\n]{0,2048}"|[^\s]{1,2048})`,
  "gm",
);
/** `NAME() {` or `function NAME {`: where a function's body starts. */
const FUNC_HEAD_RE =
  /^[ \t]{0,16}(?:function[ \t]{1,8})?([\w.-]{1,64})[ \t]{0,8}(?:\([ \t]{0,4}\))?[ \t]{0,8}\{/gm;
/** What, in a wrapper's body, takes what is typed or sends it away. */
const CAPTURE_RE =
  /(?:^|[\s;&|(`'"])(?:curl|wget|nc|ncat|socat|telnet|tee|script|logger)(?=[\s'"]|$)|\/dev\/(?:tcp|udp)\/|(?:^|[\s;&|(`'"])read[ \t]{1,8}-[a-zA-Z]{0,4}s/;

/**
 * An alias or function named after a password-asking command (`sudo`,
 * `ssh`) that, besides running it, sends something out or reads what is
 * typed: `alias sudo='sudo -v && curl -d "$(whoami)" …; sudo'`.
 */
function passwordCapture(text: string): string | null {
  ALIAS_VALUE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let n = 0;
  while ((m = ALIAS_VALUE_RE.exec(text)) && n++ < 256) {
    if (PASSWORD_WORDS.test(m[1]) && CAPTURE_RE.test(m[2])) {
      return `wraps ${
        m[1]
      } in an alias that also runs a program that sends or records what is typed (${
        m[2].slice(0, 80)
      })`;
    }
  }
  FUNC_HEAD_RE.lastIndex = 0;
  n = 0;
  while ((m = FUNC_HEAD_RE.exec(text)) && n++ < 256) {
    if (!PASSWORD_WORDS.test(m[1])) continue;
    const start = m.index + m[0].length;
    const body = text.slice(start, start + 2048);
    const end = body.search(/\n[ \t]{0,16}\}|\}[ \t]{0,8}(?:;|$)/m);
    if (CAPTURE_RE.test(end < 0 ? body : body.slice(0, end))) {
      return `wraps ${
        m[1]
      } in a function that also runs a program that sends or records what is typed`;
    }
  }
  return null;
}

/**
 * A start-up file line that runs a program from a temp or hidden place, or
 * that turns a password-asking command (sudo, ssh, gpg) into another
 * program: both run on every shell, long after this session.
 */
function hiddenProgramIn(text: string, st: State): string | null {
  const home = st.ctx.home;
  for (const re of [ALIAS_ANY_RE, FUNC_ANY_RE]) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    let n = 0;
    while ((m = re.exec(text)) && n++ < 256) {
      if (!PASSWORD_WORDS.test(m[1]) || m[2] === m[1]) continue;
      const place = /^[/~$]/.test(m[2]) ? implantPlace(m[2], home) : null;
      if (
        place ||
        /^(nc|ncat|socat|curl|wget|tee|script|python3?|perl)$/.test(m[2])
      ) {
        return `turns ${m[1]} into ${m[2]}${
          place ? ` from ${place}` : ""
        }, which sees the password typed into it`;
      }
    }
  }
  const capture = passwordCapture(text);
  if (capture) return capture;
  PROGRAM_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let n = 0;
  while ((m = PROGRAM_RE.exec(text)) && n++ < 256) {
    const place = implantPlace(m[1], home);
    if (place) return `runs a program from ${place} every time a shell starts`;
  }
  return null;
}

const GIT_EXEC_RE =
  /^\s{0,16}(fsmonitor|hookspath|sshcommand|pager|editor|askpass|gitproxy|textconv|clean|smudge|process|program|uploadpack|receivepack|helper|cmd|path|command|tool)\s{0,8}=\s{0,8}(.{0,200})$/gim;
const SSH_EXEC_RE =
  /^\s{0,16}(ProxyCommand|LocalCommand|PermitLocalCommand|KnownHostsCommand|Match\s{1,8}(?:.{0,200}\s)?exec|Include|PKCS11Provider|SecurityKeyProvider)\b/im;

/** Why writing `text` into the autorun file `what` is dangerous, or null when it only holds data. */
function autorunThreat(what: string, text: string | null): string | null {
  if (what === "git configuration") {
    if (text === null) {
      return "replaces git configuration with content the guard cannot see";
    }
    GIT_EXEC_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    let n = 0;
    while ((m = GIT_EXEC_RE.exec(text)) && n++ < 64) {
      const key = m[1].toLowerCase();
      // `path` only matters in [include]/[includeIf].
      if (key === "path" && !/\[include/i.test(text)) continue;
      if (
        (key === "cmd" || key === "tool" || key === "command") &&
        !/\[(mergetool|difftool|sequence)/i.test(text)
      ) continue;
      if (
        key === "path" || key === "cmd" || key === "command" ||
        gitValueRuns(key, m[2])
      ) {
        return `sets ${m[1]}, which makes git run a program`;
      }
    }
    if (/^\s{0,16}[\w.-]{1,64}\s{0,8}=\s{0,8}["']?!/m.test(text)) {
      return "defines an alias that runs a shell command (!…)";
    }
    return null;
  }
  if (what === "the SSH client configuration") {
    if (text === null) {
      return "replaces the SSH configuration with content the guard cannot see";
    }
    const m = SSH_EXEC_RE.exec(text);
    return m
      ? `adds ${m[1]}, which makes ssh run a command on every connection`
      : null;
  }
  // A git hook's visible text is judged as code where it is written (writes.ts
  // runsLater); only text the guard cannot see is refused outright.
  if (what === "a git hook") {
    return text === null
      ? "installs a git hook with content the guard cannot see"
      : null;
  }
  return `adds ${what}, which runs its commands later outside the guard`;
}

/** MCP client configurations whose servers the agent starts by running their command. */
const MCP_CONFIG =
  /(?:^|\/)(?:\.mcp\.json|\.cursor\/mcp\.json|\.vscode\/mcp\.json|\.gemini\/settings\.json|mcp_config\.json)$/;

function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]{1,4096}$/.test(s)
    ? s
    : "'" + s.replace(/'/g, "'\\''") + "'";
}

/** `{"mcpServers": {"x": {"command": "sh", "args": ["-c", "…"]}}}`: each server's command line, judged as run. */
function mcpServersRun(text: string, st: State): void {
  if (text.length > 200_000) return;
  let cfg: unknown;
  try {
    cfg = JSON.parse(text);
  } catch {
    return;
  }
  const rec = (v: unknown): Record<string, unknown> =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? v as Record<string, unknown>
      : {};
  const root = rec(cfg);
  const servers = rec(root.mcpServers ?? root.servers ?? root.mcp_servers);
  let n = 0;
  for (const s of Object.values(servers)) {
    if (++n > 32) return;
    const srv = rec(s);
    if (typeof srv.command !== "string") continue;
    const args = Array.isArray(srv.args)
      ? srv.args.filter((a): a is string => typeof a === "string")
      : [];
    st.out.shell([srv.command, ...args].map(shellQuote).join(" "), {
      ...st,
      depth: st.depth + 1,
    });
  }
}

/** The SSH server's configuration (sshd_config and its drop-in folder). */
const SSHD_CONFIG = /^\/etc\/ssh\/sshd_config(?:\.d\/[^/]{1,255})?$/;
/** Settings that open the SSH server to root by password or to accounts without one. */
const SSHD_BACKDOOR =
  /(?:^|[\n;/])[ \t]{0,16}(?:PermitRootLogin[ \t]{1,16}yes|PermitEmptyPasswords[ \t]{1,16}yes)\b/i;

/**
 * Judges text written into `p` (absolute, links followed); `text` null when
 * the content cannot be seen (a copy, a download, a variable).
 */
export function judgeFileContent(
  p: string,
  text: string | null,
  st: State,
  verb: string,
): void {
  const m = st.out.matches;
  if (judgeKernelWrite(p, text, st, verb)) return;
  judgeSpecWrite(p, text, st, verb);
  if (text !== null && CI_FILE.test(p) && ALL_SECRETS.test(text)) {
    m.add(
      "ci_secret_dump",
      `${verb} ${p}: the pipeline serialises every repository secret (toJSON(secrets)), so the next run hands all of them to whatever the step does with it`,
      "pass the one secret a step needs (${{ secrets.NAME }}), or secrets: inherit to a reusable workflow",
    );
  }
  const npmRuns = text !== null && /(?:^|\/)\.npmrc$/.test(p)
    ? npmrcRunner(text)
    : null;
  if (npmRuns) {
    m.add(
      "autorun_write",
      `${verb} ${p}: ${npmRuns}, so every later npm script runs it first`,
      "leave npm's shell and node options at their defaults; ask the user to change them",
    );
  }
  if (text !== null && SSHD_CONFIG.test(p) && SSHD_BACKDOOR.test(text)) {
    m.add(
      "account_backdoor",
      `${verb} ${p} to let root log in with a password or accounts with no password: a way into the machine that outlives this session`,
      "leave the SSH server's login rules as they are; ask the user to change them if it is really needed",
    );
  }
  if (isShellStartup(p, st.ctx.home, st.ctx.startupEnv)) {
    const why = text === null
      ? "replaces it with content the guard cannot see"
      : startupThreat(text, st);
    if (why) {
      m.add(
        "guard_tamper",
        `${verb} changes ${p}, a shell start-up file every shell (the hook's too) reads first: the new text ${why}`,
        "add ordinary settings only (PATH entries in your home, aliases with other names); ask the user for anything else",
      );
      return;
    }
    const implant = text === null ? null : hiddenProgramIn(text, st);
    if (implant) {
      m.add(
        "autorun_write",
        `${verb} changes ${p}, a shell start-up file: the new text ${implant}`,
        "install tools in their usual folders and add only ordinary settings; ask the user for anything else",
      );
    } else if (text !== null && st.depth < 8) {
      // The text runs in every later shell: judged as the commands it runs.
      st.out.shell(text, { ...st, depth: st.depth + 1 });
    }
    return;
  }
  if (text !== null && MCP_CONFIG.test(p) && st.depth < 8) {
    mcpServersRun(text, st);
  }
  const what = autorunOf(p, st.ctx.home);
  if (!what) return;
  if (what === "git configuration" && text !== null && st.depth < 8) {
    // editor = rm -rf ~ #: the program keys' values run through a shell later.
    GIT_EXEC_RE.lastIndex = 0;
    let g: RegExpExecArray | null;
    let k = 0;
    while ((g = GIT_EXEC_RE.exec(text)) && k++ < 32) {
      if (/^(editor|pager|sshcommand|askpass|fsmonitor)$/i.test(g[1])) {
        st.out.shell(g[2].replace(/^["']|["']$/g, ""), {
          ...st,
          depth: st.depth + 1,
        });
      }
    }
  }
  const why = autorunThreat(what, text);
  if (why) {
    m.add(
      "autorun_write",
      `${verb} writes ${p}: it ${why}`,
      "show the user the change and let them make it",
    );
  }
}
