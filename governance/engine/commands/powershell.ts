/**
 * PowerShell (and cmd.exe) read as the shell commands they amount to, so the
 * shell judges (home deletion, credential reads, guard files, disk wipes,
 * agent kills, download-then-run) apply to
 * `pwsh -c 'Remove-Item -Recurse -Force $env:HOME'` as to `rm -rf ~`, and to
 * the same text typed straight into an agent's shell tool on Windows, where
 * bash would misread it. Only cmdlets with such an effect are translated;
 * every other statement is left out. Windows paths become the POSIX folder
 * of the same kind (`C:\Users\dev` is a home, `C:\Windows` a system folder).
 *
 * @module
 */

import { cmdExpand, cmdForAsShell, hasCmdFor } from "./cmd_for.ts";
import { WINDOWS_SYSTEM_NAMES } from "./windows_system.ts";

/** Cmdlets and their aliases, by the shell program they amount to. */
const CMDLETS: ReadonlyMap<string, string> = new Map([
  ...["remove-item", "ri", "rm", "del", "erase", "rmdir", "rd"].map((
    n,
  ): [string, string] => [n, "rm"]),
  ...["get-content", "gc", "cat", "type"].map((n): [string, string] => [
    n,
    "cat",
  ]),
  ...["copy-item", "cpi", "cp", "copy"].map((n): [string, string] => [
    n,
    "cp",
  ]),
  ...["move-item", "mi", "mv", "move"].map((n): [string, string] => [
    n,
    "mv",
  ]),
  ...["get-childitem", "gci", "ls", "dir"].map((n): [string, string] => [
    n,
    "ls",
  ]),
  ...["invoke-webrequest", "iwr", "wget", "curl", "invoke-restmethod", "irm"]
    .map((n): [string, string] => [n, "curl"]),
  ...["stop-process", "spps", "kill", "taskkill"].map((
    n,
  ): [string, string] => [n, "pkill"]),
  ...["format-volume", "clear-disk", "initialize-disk", "format"].map((
    n,
  ): [string, string] => [n, "mkfs"]),
  ...["set-content", "sc", "out-file", "new-item", "ni"].map((
    n,
  ): [string, string] => [n, "write"]),
  ...["add-content", "ac"].map((n): [string, string] => [n, "append"]),
  ...["start-process", "saps", "start", "&", "."].map((
    n,
  ): [string, string] => [n, "run"]),
  ...["set-location", "sl", "cd", "chdir", "pushd", "push-location"].map((
    n,
  ): [string, string] => [n, "cd"]),
]);

/** The home folder as PowerShell and cmd.exe name it. */
const HOME_VAR =
  /\$(?:env:(?:HOME|USERPROFILE)|HOME)\b|\$\{env:(?:HOME|USERPROFILE)\}|%USERPROFILE%|%HOMEDRIVE%%HOMEPATH%/gi;

/** The temp folder as PowerShell and cmd.exe name it. */
const TEMP_VAR = /\$env:(?:TEMP|TMP)\b|\$\{env:(?:TEMP|TMP)\}|%(?:TEMP|TMP)%/gi;

/** Parameters that take a value which is not a path (skipped with it). */
const VALUE_PARAM =
  /^-(?:filter|include|exclude|encoding|totalcount|tail|head|first|delimiter|stream|credential|readcount|method|headers?|contenttype|useragent|timeoutsec|argumentlist|windowstyle|signal|number|filesystem|newfilesystemlabel|partitionstyle)$/i;

/**
 * Text that reads as PowerShell or cmd.exe rather than POSIX shell: a
 * Verb-Noun cmdlet or `iex`/`iwr`/`irm` where a command starts, `$env:`,
 * `%USERPROFILE%`, `cmd /c`, or a drive-letter path with backslashes.
 */
const SIGNATURE =
  /(?:^|[;|&({\n])\s{0,8}(?:(?:add|remove|get|set|invoke|stop|start|format|clear|new|copy|move|out|initialize|expand|rename|write|import|export|test|disable|enable|restart|register|compress)-[a-z]{2,32}|iex|irm|iwr)\b|\$env:|%(?:userprofile|temp|tmp|appdata|localappdata|programdata)%|\bcmd(?:\.exe)?\s{1,8}\/[ck]\b|\bcertutil(?:\.exe)?\s[^\n]{0,40}-urlcache\b|(?:^|[\s'"=])[a-z]:\\/i;

/**
 * PowerShell's capitalised parameters (`-Recurse`, `-Force`, `-LiteralPath`)
 * and cmd.exe's slash switches on its own commands (`rd /s`, `taskkill /f`),
 * which POSIX tools do not use.
 */
const PARAMS =
  /\s-(?:Recurse|Force|Path|LiteralPath|Uri|OutFile|InFile|ErrorAction|NoProfile|Method|Body|Confirm|DriveLetter)\b|(?:^|[;&|(\s])(?:taskkill|rd|rmdir|del|erase)\s{1,8}\/[a-zA-Z]{1,3}(?=\s|$)/;

/** `Get-ChildItem PATH … | ForEach-Object { … }` (also `gci`, `ls`, `dir`, `%`, `foreach`). */
const EACH_LISTED =
  /(^|[;\n])[ \t]{0,8}(?:get-childitem|gci|ls|dir)\b([^|\n{}]{0,512})\|[ \t]{0,8}(?:foreach-object|foreach|%)[ \t]{0,8}\{([^{}\n]{0,4096})\}/gi;
/** The current item of a ForEach-Object block (`$_`, `$_.FullName`, `$PSItem`). */
const EACH_ITEM = /\$(?:_|psitem)(?:\.(?:fullname|name|pspath))?\b/gi;

/** The entries a listing's arguments name, as a glob (`-Path ~ -Recurse` → `~/*`). */
function listedPath(args: string): string {
  const words = args.trim().split(/[ \t]{1,8}/).filter((w) => w !== "");
  let path = ".";
  for (let i = 0; i < words.length && i < 64; i++) {
    const w = words[i].toLowerCase();
    if (w === "-path" || w === "-literalpath") {
      path = words[++i] ?? path;
      break;
    }
    if (VALUE_PARAM.test(w)) i++;
    else if (!w.startsWith("-")) {
      path = words[i];
      break;
    }
  }
  return unquote(path).replace(/[\\/]+$/, "") + "/*";
}

/** `[System.IO.Directory]::Delete(path, $true)`, `[IO.File]::Delete(path)`. */
const DOTNET_DELETE =
  /\[(?:system\.)?io\.(directory|file)\][ \t]{0,4}::[ \t]{0,4}delete[ \t]{0,4}\([ \t]{0,4}([^,()\s]{1,1024})[ \t]{0,4}(,[ \t]{0,4}(?:\$?true|1)[ \t]{0,4})?\)/gi;

/** Whether shell text reads as PowerShell or cmd.exe (see SIGNATURE). */
export function looksLikePowerShell(text: string): boolean {
  const t = text.length > 65_536 ? text.slice(0, 65_536) : text;
  return SIGNATURE.test(t) || PARAMS.test(t) || hasCmdFor(t) ||
    /\bforfiles(?:\.exe)?[ \t]{1,8}\//i.test(t) ||
    /\[(?:system\.)?io\.(?:directory|file)\][ \t]{0,4}::/i.test(t);
}

function unquote(w: string): string {
  return /^(["']).*\1$/s.test(w) && w.length >= 2 ? w.slice(1, -1) : w;
}

function shellWord(w: string): string {
  return /^[\w@%+=:,./~*-]{1,4096}$/.test(w)
    ? w
    : "'" + w.replace(/'/g, "'\\''") + "'";
}

/** A PowerShell list (`'-c','Remove-Item ~'`) as its unquoted items (commas outside quotes split). */
function splitList(w: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quote = "";
  for (const c of w.slice(0, 65_536)) {
    if (quote) {
      if (c === quote) quote = "";
      else cur += c;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === ",") {
      out.push(cur);
      cur = "";
    } else cur += c;
  }
  out.push(cur);
  return out.filter((x) => x !== "").slice(0, 64);
}

/** A Windows path as the POSIX folder of the same kind. */
function posixPath(p: string): string {
  const s = p.replace(/\\/g, "/");
  const m = /^[a-z]:(\/.*)?$/i.exec(s);
  if (!m) return s;
  const rest = (m[1] ?? "/").replace(/\/{2,}/g, "/");
  const users = /^\/users\/([^/]+)(\/.*)?$/i.exec(rest);
  if (users) return `/home/${users[1]}${users[2] ?? ""}`;
  if (/^\/windows\/temp(?:\/|$)/i.test(rest)) {
    return "/tmp" + rest.slice("/windows/temp".length);
  }
  if (/^\/windows(?:\/|$)/i.test(rest)) return "/usr" + rest;
  return rest;
}

interface Parsed {
  prog: string;
  flags: string[];
  paths: string[];
  uri: string | null;
  outFile: string | null;
  inFile: string | null;
  sends: boolean;
  /** The text a write cmdlet writes (`-Value`, or a string piped in). */
  value: string | null;
  /** Start-Process -ArgumentList: the started program's arguments. */
  argList: string[];
}

function parse(words: readonly string[]): Parsed | null {
  const prog = CMDLETS.get((words[0] ?? "").toLowerCase());
  if (!prog) return null;
  const r: Parsed = {
    prog,
    flags: [],
    paths: [],
    uri: null,
    outFile: null,
    inFile: null,
    sends: false,
    value: null,
    argList: [],
  };
  for (let i = 1; i < words.length; i++) {
    const w = words[i];
    const l = w.toLowerCase();
    // cmd.exe switches: del /s /q, rd /s /q, taskkill /im codex.exe /f.
    // cd /d D:\x: the switch changes drive too; the folder is what counts.
    if (prog === "cd" && l === "/d") continue;
    if (prog === "ls" && /^\/[a-z](?::?-?[a-z]{1,8})?$/.test(l)) {
      // dir /b /a /s: cmd.exe's switches; /a lists hidden entries too.
      if (l.startsWith("/a")) r.flags.push("-A");
      continue;
    }
    if (prog === "pkill" && /^(?:\/pid|-id)$/.test(l)) r.flags.push("pid");
    if (prog === "pkill" && /^\/(?:im|pid|fi)$/.test(l)) {
      // taskkill /im codex.exe, /pid 42: the value is what is killed.
      const v = words[++i];
      if (v) r.paths.push(unquote(v));
      continue;
    }
    if (/^\/[a-z]$/.test(l) && (prog === "rm" || prog === "pkill")) {
      if (l === "/s") r.flags.push("-r");
      if (l === "/q" || l === "/f") r.flags.push("-f");
      continue;
    }
    if (w.startsWith("-")) {
      if (/^-r(?:ecurse|ec?)?$/.test(l)) r.flags.push("-r");
      else if (/^-(?:fo(?:rce)?|f)$/.test(l)) r.flags.push("-f");
      else if (/^-(?:uri|url)$/.test(l)) r.uri = words[++i] ?? null;
      else if (/^-(?:outfile|o)$/.test(l)) r.outFile = words[++i] ?? null;
      else if (l === "-infile") r.inFile = words[++i] ?? null;
      else if (l === "-value" || l === "-inputobject") {
        r.value = unquote(words[++i] ?? "");
      } else if (l === "-itemtype") i++;
      else if (l === "-argumentlist" || l === "-args") {
        r.argList = splitList(words[++i] ?? "");
      } else if (l === "-body") {
        r.sends = true;
        i++;
      } else if (l === "-method") {
        r.sends ||= /^["']?(?:post|put|patch)/i.test(words[i + 1] ?? "");
        i++;
      } else if (VALUE_PARAM.test(l)) i++;
      // -Path, -LiteralPath, -Destination, -Name, -DriveLetter: the value follows as a word.
      continue;
    }
    r.paths.push(posixPath(unquote(w)));
  }
  return r;
}

/** One statement as a shell command, or null when it has no modelled effect. */
function statement(
  words: readonly string[],
  piped: Parsed | null,
): { sh: string; parsed: Parsed } | null {
  const first = (words[0] ?? "").toLowerCase();
  if ((first === "cmd" || first === "cmd.exe") && words.length > 2) {
    const i = words.findIndex((w) => /^\/[ck]$/i.test(w));
    if (i > 0) {
      const sh = powershellAsShell(words.slice(i + 1).map(unquote).join(" "));
      return sh ? { sh, parsed: parse(["start"])! } : null;
    }
  }
  const q = (ws: string[]) => ws.map(shellWord).join(" ");
  if (first === "certutil" || first === "certutil.exe") {
    // certutil -urlcache -f URL FILE downloads URL into FILE.
    const k = words.findIndex((w) => /^["']?https?:\/\//i.test(w));
    if (k > 0 && words.some((w) => /^[-/]urlcache$/i.test(w))) {
      const url = unquote(words[k]);
      const outFile = words[k + 1];
      return {
        sh: outFile
          ? q(["curl", "-o", posixPath(unquote(outFile)), url])
          : q(["curl", url]),
        parsed: parse(["start"])!,
      };
    }
  }
  if (
    (first === "bitsadmin" || first === "bitsadmin.exe") &&
    words.some((w) => /^\/transfer$/i.test(w))
  ) {
    // bitsadmin /transfer NAME [options] URL FILE downloads URL into FILE.
    const k = words.findIndex((w) => /^["']?https?:\/\//i.test(w));
    const outFile = k > 0 ? words[k + 1] : undefined;
    if (k > 0 && outFile) {
      return {
        sh: q(["curl", "-o", posixPath(unquote(outFile)), unquote(words[k])]),
        parsed: parse(["start"])!,
      };
    }
  }
  if (
    WINDOWS_SYSTEM_NAMES.includes(first.replace(/\.exe$/, "")) ||
    first === "sc.exe"
  ) {
    // vssadmin, wevtutil, reg…: judged by the shell's Windows tool rules as they are.
    return { sh: q(words.map(unquote)), parsed: parse(["start"])! };
  }
  if (/^[^-$][^\s]{0,1024}\.(?:exe|bat|cmd|com|ps1)$/i.test(first)) {
    // A program run by its path (C:\Temp\x.exe, .\setup.ps1): the shell runs it.
    return { sh: q([posixPath(unquote(words[0]))]), parsed: parse(["start"])! };
  }
  const p = parse(words);
  if (!p) return null;
  switch (p.prog) {
    case "curl": {
      const url = p.uri ?? p.paths.find((x) => /^https?:/i.test(x)) ?? null;
      if (!url) return null;
      if (p.outFile) {
        return { sh: q(["curl", "-o", posixPath(p.outFile), url]), parsed: p };
      }
      if (p.inFile) {
        return { sh: q(["curl", "-T", posixPath(p.inFile), url]), parsed: p };
      }
      return {
        sh: q(p.sends || piped ? ["curl", "-d", "@-", url] : ["curl", url]),
        parsed: p,
      };
    }
    case "pkill":
      return p.paths.length
        ? {
          // taskkill /pid N, Stop-Process -Id N: a process id, as kill takes it.
          sh: q([
            p.flags.includes("pid") ? "kill" : "pkill",
            ...p.paths.map((x) => x.replace(/\.exe$/i, "")),
          ]),
          parsed: p,
        }
        : null;
    case "mkfs":
      // Formatting or clearing a volume: the shell's own disk wipe.
      return { sh: "mkfs /dev/sda", parsed: p };
    case "run":
      return p.paths.length
        ? { sh: q([p.paths[0], ...p.argList]), parsed: p }
        : null;
    case "cd":
      // cd, pushd, Set-Location: later statements run there.
      return p.paths.length === 1
        ? { sh: q(["cd", p.paths[0]]), parsed: p }
        : null;
    case "ls":
      return p.paths.length
        ? {
          sh: q(["ls", ...p.flags.filter((f) => f === "-A"), ...p.paths]),
          parsed: p,
        }
        : null;
    case "write":
    case "append": {
      // Set-Content PATH VALUE, "text" | Out-File PATH: the file gets the text.
      const target = p.paths[0];
      const text = p.value ?? piped?.value ??
        (p.paths.length > 1 ? unquote(words[words.length - 1]) : "");
      if (!target) return null;
      return {
        sh: `printf '%s\\n' ${shellWord(text)} ${
          p.prog === "append" ? ">>" : ">"
        } ${shellWord(target)}`,
        parsed: p,
      };
    }
  }
  let paths = p.paths;
  // Get-ChildItem ~ -Recurse | Remove-Item: the listed folder's contents go.
  if (
    p.prog === "rm" && paths.length === 0 && piped?.prog === "ls" &&
    !words.some((w) => /^-(?:filter|include|exclude)$/i.test(w))
  ) {
    paths = piped.paths;
    p.flags.push("-r", "-f");
  }
  if (paths.length === 0) return null;
  return { sh: q([p.prog, ...new Set(p.flags), ...paths]), parsed: p };
}

/** `$name = 'a' + 'b'` (quoted or bare literals joined by +): the variable (lower case) and its text. */
function assignment(words: readonly string[]): [string, string] | null {
  const head = /^(\$[a-z_]\w{0,63})(?:=(.*))?$/is.exec(words[0] ?? "");
  if (!head) return null;
  let rest: string;
  if (head[2] !== undefined) rest = [head[2], ...words.slice(1)].join(" ");
  else if (words[1] === "=") rest = words.slice(2).join(" ");
  else return null;
  // 'a' + 'b', "a"+'b', bare words: literals joined by + outside quotes.
  let text = "";
  let expectLit = true;
  const re =
    /\s{0,64}(?:'([^']{0,1024})'|"([^"$`]{0,1024})"|([\w.:\\/~-]{1,1024})|(\+))/y;
  let pos = 0;
  for (let n = 0; n < 256 && pos < rest.length; n++) {
    re.lastIndex = pos;
    const m = re.exec(rest);
    if (!m) break;
    pos = re.lastIndex;
    if (m[4] !== undefined) {
      if (expectLit) return null;
      expectLit = true;
    } else {
      if (!expectLit) return null;
      text += m[1] ?? m[2] ?? m[3];
      expectLit = false;
    }
  }
  if (expectLit || rest.slice(pos).trim() !== "") return null;
  return [head[1].toLowerCase(), text];
}

/**
 * The shell text PowerShell source amounts to, one pipeline a line
 * (`Remove-Item -Recurse -Force ~` → `rm -r -f ~`,
 * `gc ~/.ssh/id_rsa | irm -Method Post -Uri U` → `cat ~/.ssh/id_rsa | curl -d @- U`);
 * empty when there is none. Splits on `;`, `|` and line ends outside quotes.
 */
export function powershellAsShell(src: string): string {
  if (src.length > 65_536) src = src.slice(0, 65_536);
  src = cmdExpand(src);
  let loops: string[] = [];
  if (hasCmdFor(src)) {
    // for /d %d in (…) do …: cmd.exe loops, as POSIX loops.
    const r = cmdForAsShell(src, powershellAsShell);
    src = r.rest;
    loops = r.loops;
  }
  const text = src.replace(HOME_VAR, "~").replace(TEMP_VAR, "/tmp")
    // [scriptblock]::Create(text) and & { } run text as code, as iex does.
    .replace(/\[scriptblock\]\s{0,4}::\s{0,4}create\b/gi, "iex")
    // gci ~ | % { rm -r -fo $_ }: the block runs on each listed entry.
    .replace(
      EACH_LISTED,
      (_all, lead: string, args: string, block: string) =>
        `${lead};${
          block.replace(EACH_ITEM, listedPath(args).replace(/\$/g, "$$$$"))
        };`,
    )
    // [IO.Directory]::Delete(p, $true), [IO.File]::Delete(p): .NET's own deletes.
    .replace(
      DOTNET_DELETE,
      (_all, kind: string, p: string, deep?: string) =>
        `;Remove-Item ${
          kind.toLowerCase() === "directory" && deep ? "-Recurse " : ""
        }-Force ${p};`,
    );
  const out: string[] = [];
  let pipeline: string[] = [];
  let prev: Parsed | null = null;
  let words: string[] = [];
  let word = "";
  let quote = "";
  const endWord = () => {
    if (word) words.push(word);
    word = "";
  };
  const vars = new Map<string, string>();
  const endStatement = (pipeOn: boolean) => {
    endWord();
    const assigned = assignment(words);
    if (assigned && vars.size < 64) vars.set(assigned[0], assigned[1]);
    // $c = 'Remove-' + 'Item'; & $c …: the variable's text is the command word.
    words = words.map((w) => vars.get(w.toLowerCase()) ?? w);
    if (
      (words[0] === "&" || words[0] === ".") &&
      CMDLETS.has((words[1] ?? "").toLowerCase())
    ) words.shift();
    const s = words.length > 0 && !assigned ? statement(words, prev) : null;
    if (s) pipeline.push(s.sh);
    prev = s ? s.parsed : null;
    if (!s && words.length === 1 && /^["']/.test(words[0])) {
      // A string piped on ("text" | Out-File f) is what the next cmdlet writes.
      prev = { ...parse(["start"])!, value: unquote(words[0]) };
    }
    words = [];
    if (!pipeOn) {
      if (pipeline.length && out.length < 64) out.push(pipeline.join(" | "));
      pipeline = [];
      prev = null;
    }
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      word += c;
      if (c === quote) quote = "";
    } else if (c === "'" || c === '"') {
      quote = c;
      word += c;
    } else if (c === "|") {
      endStatement(true);
    } else if (c === ";" || c === "\n" || c === "{" || c === "}") {
      endStatement(false);
    } else if (c === "&" && text[i + 1] === "&") {
      endStatement(false);
      i++;
    } else if (
      c === "&" && (words.length > 0 || word !== "") && /\s/.test(text[i - 1])
    ) {
      // cmd.exe's `a & b` runs b after a (at a statement's start & is PowerShell's call operator).
      endStatement(false);
    } else if (c === " " || c === "\t" || c === "(" || c === ")") {
      endWord();
    } else word += c;
  }
  endStatement(false);
  if (
    /\bWin32_ShadowCopy\b/i.test(text) &&
    /\.Delete\s{0,4}\(|\bRemove-(?:CimInstance|WmiObject)\b|\brcim\b|\brwmi\b/i
      .test(text)
  ) {
    // Get-WmiObject Win32_ShadowCopy | % { $_.Delete() }: the shadow copies go.
    out.push("vssadmin delete shadows /all");
  }
  return [...loops, ...out].join("\n");
}
