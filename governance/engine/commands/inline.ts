/**
 * One-liners in other languages (`python -c`, `node -e`, `perl -e`, `ruby -e`,
 * `php -r`, heredocs fed to interpreters): reverse shells, shell-outs (their
 * command strings are analysed as shell), deletion APIs, credential and
 * guard paths, metadata URLs, download-and-exec, fork bombs.
 *
 * All patterns use bounded quantifiers and are fed 1 MB inputs in tests.
 *
 * @module
 */

import { powershellAsShell } from "./powershell.ts";
import { tclAsShell } from "./tcl.ts";
import {
  followCodeChdir,
  judgeCodeEffects,
  resolveCode,
} from "./code_effects.ts";
import { judgeDelete } from "./rm.ts";
import { credentialOf, guardPathOf, resolvePath } from "./paths.ts";
import { fork, litArg, type State } from "./unit.ts";
import { urlHits } from "./url.ts";

/** Socket creation in any of the languages. */
export const SOCKET_RE =
  /socket\.socket|\bsocket\s{0,4}\(|TCPSocket|fsockopen|stream_socket_client|net\.(?:Socket|connect|createConnection)|IO::Socket|\/inet\/(?:tcp|udp)\/|Sockets\.TCPClient|Socket\.new|UDPSocket|\bsocket\s{1,4}(?:-async\s{1,4})?[A-Za-z0-9][\w.-]{0,252}\s{1,4}\d{1,5}\b/i;
/** Handing a process's stdio or a shell to something. */
export const SHELLISH_RE =
  /subprocess|pty\.spawn|dup2|\/bin\/(?:ba|z|da|k)?sh\b|cmd\.exe|child_process|\bspawn\b|\bexec[lv]?p?e?\s{0,4}\(|\bsystem\s{0,4}\(|popen|proc_open|shell_exec|passthru|\bexec\b|\biex\b|Invoke-Expression|STDIN|\$stdin|\|&/i;
/** Shell-out APIs whose string arguments are shell commands. */
export const SHELL_OUT_RE =
  /\b(?:os\.system|os\.popen|subprocess\.\w{1,16}|commands\.getoutput|pty\.spawn|execSync|execFileSync|spawnSync|exec|execFile|spawn|system|shell_exec|passthru|popen|proc_open|Deno\.Command|Bun\.spawn|Kernel\.system|IO\.popen|Open3\.\w{1,16}|qx|Runtime\.getRuntime|Start-Process|Invoke-Expression|iex)\b|`/;
/** Recursive deletion APIs and their first string argument. */
export const RECURSIVE_DEL_RE =
  /(?:rmtree|remove_tree|FileUtils\.rm_rf|FileUtils\.rm_r|FileUtils\.remove_dir|FileUtils\.remove_entry\w{0,8}|\brmSync|\.rm|\brmdirSync|rimraf(?:\.sync)?|Deno\.removeSync|Deno\.remove|\brm_rf|\brm_r)!?\s{0,4}\(\s{0,4}[rfbu]?(['"`])([^'"`\n]{1,4096})\1/g;
/** Single-file deletion APIs and their first string argument. */
export const FILE_DEL_RE =
  /(?:os\.remove|os\.unlink|os\.rmdir|os\.removedirs|\bunlinkSync|\bunlink|File\.delete|File\.unlink|FileUtils\.rm|\brmdir)\s{0,4}\(?\s{0,4}[rfbu]?(['"])([^'"\n]{1,4096})\1/g;
/**
 * String literals (single, double, backtick) in code, by a linear scan: an
 * unterminated literal skips the rest of its line.
 */
export function stringLiterals(src: string, max = 64): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < src.length && out.length < max) {
    const q = src[i];
    if (q !== "'" && q !== '"' && q !== "`") {
      i++;
      continue;
    }
    let j = i + 1;
    let lit = "";
    let closed = false;
    while (j < src.length) {
      const c = src[j];
      if (c === "\\" && j + 1 < src.length) {
        const n = src[j + 1];
        lit += n === "n" ? "\n" : n;
        j += 2;
        continue;
      }
      if (c === q) {
        closed = true;
        break;
      }
      if (c === "\n" && q !== "`") break;
      lit += c;
      j++;
    }
    if (closed && lit.length > 0 && lit.length <= 4096) out.push(lit);
    i = j + 1;
  }
  return out;
}
/** Bracketed lists of string literals (argv form: ['rm', '-rf', '/']). */
export const LIST_RE = /\[([^[\]\n]{1,2048})\]/g;
/** URLs. */
export const URL_RE = /\b[a-z][a-z0-9+.-]{0,15}:\/\/[^\s'"`<>)\]]{1,2048}/gi;
const DOWNLOAD_RE =
  /urlopen|urllib|axios|\bgot\s{0,4}\(|undici|node-fetch|superagent|http::geturl|require\(\s{0,4}['"](?:node:)?https?['"]\s{0,4}\)|\bget\s{0,4}\(\s{0,4}['"]https?:|requests\.(?:get|post)|https?\.get|\bfetch\s{0,4}\(|Net::HTTP|open-uri|URI\.open|LWP::|HTTP::Tiny|file_get_contents\s{0,4}\(\s{0,4}['"]https?:|Invoke-WebRequest|Invoke-RestMethod|\biwr\b|\birm\b|Net\.WebClient|DownloadString|DownloadData|Start-BitsTransfer|\bwget\b|\bcurl\b/i;
const EXEC_RE =
  /\bexec\s{0,4}\(|\beval\b|\bvm\.(?:runIn\w{1,16}Context|compileFunction|Script)\b|\._compile\s{0,4}\(|new\s{1,4}Function|\bFunction\s{0,4}\(|instance_eval|\biex\b|Invoke-Expression|\[scriptblock\]\s{0,4}::\s{0,4}create\b|\|\s{0,4}(?:ba)?sh\b|\bsystem\s{0,4}\(|\bcompile\s{0,4}\(|\brequire\s{0,4}\(\s{0,4}['"]https?:/i;
/**
 * Code loaded straight from a URL and run in one step: `import("https://…")`,
 * PHP `include "https://…"`, R `source("https://…")` / `source_url(…)`,
 * Julia `include(download(…))`.
 */
const REMOTE_IMPORT_RE =
  /\b(?:import|source|(?:include|require)(?:_once)?)\s{0,4}\(?\s{0,4}['"`]https?:\/\/|\bsource_(?:url|gist)\s{0,4}\(|\binclude\s{0,4}\(\s{0,4}download\s{0,4}\(/i;
const DECODE_EXEC_RE =
  /(?:(?:\bexec|\beval|\bsystem|\biex)\s{0,4}\(|\beval\s{1,4}).{0,200}?(?:b64decode|base64|decode\s{0,4}\(|atob|unhexlify|fromhex|hex2bin|fromCharCode|\bunpack\b|\bpack\s{0,4}\(\s{0,4}["']H|\bchr\b|decompress|["']hex["'])/i;
const FORK_RE =
  /fork\s{0,8}while\s{0,8}fork|while\s{0,8}(?:True|1)\s{0,8}:\s{0,8}os\.fork|for\s{0,4}\(\s{0,4};\s{0,4};\s{0,4}\)\s{0,4}\{?\s{0,4}fork|loop\s{0,4}\{\s{0,4}fork|while\s{0,4}\(\s{0,4}(?:1|true)\s{0,4}\)\s{0,4}\{?\s{0,4}(?:pcntl_)?fork/i;
const ENV_RE =
  /os\.environ(?![.[]\s{0,2}(?:get|\[))|process\.env\b(?!\.|\[)|\bENV\.to_h|%ENV|\bgetenv\s{0,4}\(\s{0,4}\)|Get-ChildItem\s{1,4}env:/i;
const SEND_RE =
  /requests\.(?:post|put|get)|urlopen|https?\.(?:request|get)|require\(\s{0,4}['"](?:node:)?(?:https?|net|tls|dgram)['"]\s{0,4}\)|\baxios\b|\bnet\.connect|http\.client|\bhttpx\.|aiohttp|\bfetch\s{0,4}\(|Net::HTTP|\bsocket\b|LWP::|HTTP::Tiny|Invoke-WebRequest|Invoke-RestMethod|curl|wget/i;
/**
 * Calls that change a file or what its path names: writes, deletes, renames,
 * links, FIFOs and device nodes, modes and owners, copies onto it, and SQL
 * run through a database driver unless it is a literal read (SELECT,
 * PRAGMA, WITH, EXPLAIN). Code that does any of them and names a guard file
 * (the data folder, the agents' hook settings) is taken to change that file.
 */
const WRITE_RE =
  /\.exec(?:ute)?(?:script|many)?\s{0,4}\(\s{0,4}[`'"]\s{0,8}(?:delete|drop|update|insert|replace|vacuum|alter)\b|open\s{0,4}\([^)]{0,300}['"][wax]\+?b?['"]|\.write|writeFile|appendFile|unlink|remove|rmtree|rename|replace|truncate|File\.write|file_put_contents|Set-Content|Out-File|Remove-Item|mkfifo|mknod|symlink|\blink\s{0,4}\(|chmod|chown|utime|\bmove\b|copy(?:file|tree|2)?\s{0,4}\(|\.exec(?:ute)?(?:script|many)?\s{0,4}\(\s{0,4}(?![`'"]\s{0,8}(?:select|pragma|with|explain)\b)|O_WRONLY|O_RDWR|O_CREAT|O_TRUNC/i;

/** Judges inline code in `lang`; `via` names the command for reasons (`python3 -c`). */
export function analyzeInline(
  code: string,
  lang: string,
  st: State,
  via: string,
): void {
  if (st.depth > 8 || !code) return;
  const m = st.out.matches;
  const src = resolveCode(
    code.length > 200_000 ? code.slice(0, 200_000) : code,
    lang,
  );
  followCodeChdir(src, st);
  if (lang === "powershell") {
    const b = /^[A-Za-z0-9+/=]{8,}$/.test(src.trim())
      ? decodeUtf16(src.trim())
      : null;
    if (b) analyzeInline(b, lang, fork(st, 1), via + " (decoded)");
    // File cmdlets (Remove-Item, Get-Content, Copy-Item…) judged as the shell commands they amount to.
    const sh = powershellAsShell(src);
    if (sh) st.out.shell(sh, fork(st, 1));
  }
  // Tcl's file and exec commands, Vim's :!cmd lines and Julia's `cmd` objects are shell commands.
  const sh = lang === "tcl"
    ? tclAsShell(src)
    : lang === "vim"
    ? vimShell(src)
    : lang === "julia"
    ? juliaCommands(code)
    : lang === "python"
    ? ipythonShell(code)
    : null;
  if (sh) st.out.shell(sh, fork(st, 1));
  if (SOCKET_RE.test(src) && SHELLISH_RE.test(src)) {
    m.add(
      "reverse_shell_script",
      `${via} opens a network socket and wires it to a shell or process: a reverse shell that hands this machine to a remote host`,
    );
  }
  if (FORK_RE.test(src)) {
    m.add(
      "fork_bomb",
      `${via} forks processes in an endless loop: a fork bomb that hangs the machine`,
    );
  }
  if (
    DOWNLOAD_RE.test(src) && EXEC_RE.test(src) || REMOTE_IMPORT_RE.test(src)
  ) {
    m.add(
      "inline_remote_exec",
      `${via} downloads code and executes it without review`,
      "download the code to a file and read it first",
    );
  }
  if (DECODE_EXEC_RE.test(src)) {
    m.add(
      "decode_to_shell",
      `${via} decodes hidden text and executes it`,
      "decode to a file and read it before running anything",
    );
  }
  if (ENV_RE.test(src) && SEND_RE.test(src)) {
    m.add(
      "env_exfiltration",
      `${via} reads the whole environment and sends it over the network`,
      "never send environment variables off the machine",
    );
  }
  for (const re of [RECURSIVE_DEL_RE, FILE_DEL_RE]) {
    re.lastIndex = 0;
    let hit: RegExpExecArray | null;
    let n = 0;
    while ((hit = re.exec(src)) && n++ < 32) {
      const recursive = re === RECURSIVE_DEL_RE &&
          (!/\.rm\b|rmSync/.test(hit[0]) || /recursive/.test(src)) ||
        /recursive\s{0,4}=\s{0,4}(TRUE|T\b)/.test(src);
      const api = hit[0].slice(
        0,
        hit[0].indexOf("(") >= 0 ? hit[0].indexOf("(") : 20,
      ).trim();
      judgeDelete(litArg(hit[2]), recursive, st, `${via}: ${api}()`);
    }
  }
  const shellOut = SHELL_OUT_RE.test(src);
  const writes = WRITE_RE.test(src);
  const literals = stringLiterals(src);
  judgeCodeEffects(src, literals, st, via);
  for (const lit of literals) {
    if (lit.length < 2048 && /^[~/.]|\/\.|^[A-Za-z]:\\/.test(lit)) {
      const p = resolvePath(lit, st.cwd, st.ctx.home);
      if (p) {
        const c = credentialOf(p, st.ctx.home, false);
        if (c) {
          m.add(
            c.kind,
            `${via} opens ${c.label}: this exposes secret credentials`,
            "keep credentials out of scripts the agent runs",
          );
        }
        if (
          writes && guardPathOf(p, st.ctx.home, st.ctx.cwd, "delete", st.ctx)
        ) {
          m.add(
            "guard_tamper",
            `${via} modifies ${p}, the agent's guard configuration`,
            "leave the guard's files alone",
          );
        }
      }
    }
  }
  URL_RE.lastIndex = 0;
  let u: RegExpExecArray | null;
  let urls = 0;
  while ((u = URL_RE.exec(src)) && urls++ < 32) {
    for (const h of urlHits(u[0], st)) {
      m.add(h.name, `${via}: ${h.reason}`, h.suggestion);
    }
  }
  if (shellOut) {
    const inner = fork(st, 1);
    for (const lit of literals) if (/[ /]/.test(lit)) st.out.shell(lit, inner);
    LIST_RE.lastIndex = 0;
    let l: RegExpExecArray | null;
    let lists = 0;
    while ((l = LIST_RE.exec(src)) && lists++ < 16) {
      const parts = stringLiterals(l[1]).map(quote);
      if (parts.length > 1) st.out.shell(parts.join(" "), inner);
    }
  }
}

/** Vim Ex lines that run a shell command (`!cmd`, `:silent !cmd`, `:r !cmd`). */
function vimShell(src: string): string | null {
  const out: string[] = [];
  // `:!cmd` takes the rest of the line, `|` included; before it, `|`
  // separates commands. An autocmd's command runs when its event fires.
  for (const line of src.split("\n").slice(0, 256)) {
    const parts = line.split("|").slice(0, 32);
    for (let k = 0; k < parts.length; k++) {
      const m =
        /^\s{0,8}:?\s{0,8}(?:au(?:tocmd)?!?\s{1,4}[\w,]{1,200}\s{1,4}\S{1,200}\s{1,4}(?:\+\+nested\s{1,4})?:?)?(?:silent!?\s{1,4}|r(?:ead)?\s{0,4}|w(?:rite)?\s{0,4})?!(.{1,4096})$/s
          .exec(parts.slice(k).join("|"));
      if (m) {
        out.push(m[1]);
        break;
      }
    }
  }
  return out.length ? out.join("\n") : null;
}

/**
 * IPython / Jupyter shell escapes in Python cells: `!cmd`, `x = !cmd`,
 * `%system cmd`, `%sx cmd`, and `%%bash` / `%%sh` / `%%script bash` cells.
 */
function ipythonShell(src: string): string | null {
  const lines = src.split("\n").slice(0, 2000);
  if (/^\s{0,8}%%(?:bash|sh|script\s{1,4}(?:ba|z)?sh)\b/.test(lines[0] ?? "")) {
    return lines.slice(1).join("\n");
  }
  const out: string[] = [];
  for (const line of lines) {
    const m =
      /^\s{0,16}(?:[A-Za-z_]\w{0,31}\s{0,4}=\s{0,4})?(?:!|%(?:system|sx|sc)\s)(.{1,4096})$/
        .exec(line);
    if (m && !/^\s{0,16}!=/.test(line)) out.push(m[1]);
    if (out.length >= 64) break;
  }
  return out.length ? out.join("\n") : null;
}

/** Julia command literals (`` run(`rm -rf ~`) ``): shell-like words run without a shell. */
function juliaCommands(src: string): string | null {
  const out: string[] = [];
  for (const m of src.matchAll(/`([^`\n]{1,4096})`/g)) {
    out.push(m[1].replace(/\$\(homedir\(\)\)|\$HOME\b/g, "~"));
    if (out.length >= 16) break;
  }
  return out.length ? out.join("\n") : null;
}

function quote(s: string): string {
  return /^[\w@%+=:,./-]{1,4096}$/.test(s)
    ? s
    : "'" + s.replace(/'/g, "'\\''") + "'";
}

function decodeUtf16(b64: string): string | null {
  try {
    const bin = atob(b64);
    let out = "";
    for (let i = 0; i + 1 < bin.length; i += 2) {
      out += String.fromCharCode(
        bin.charCodeAt(i) | (bin.charCodeAt(i + 1) << 8),
      );
    }
    return /[\x20-\x7e]{4}/.test(out) ? out : null;
  } catch {
    return null;
  }
}
