/**
 * Project files whose text is commands a runner starts by itself or at the
 * next routine step: Makefile and justfile recipes (`make`, `just`),
 * package.json scripts (install hooks run on `npm install`), VS Code tasks
 * (`runOn: folderOpen` runs when the folder opens), dev container lifecycle
 * commands (run when the container is built or started), Jupyter cells
 * (`!cmd` lines and `%%bash` cells are shell, the rest Python), husky and
 * project git hooks, Taskfile and pre-commit commands, CMake `COMMAND`s
 * (configure runs them) and Python files a routine step runs (conftest.py
 * under pytest, setup.py on install), Cargo build scripts and config
 * (`build.rs`, `.cargo/config.toml` runners), node-gyp actions, Meson
 * commands, tox commands and Gemfiles. Written by
 * any tool, these commands are judged where they are written, as shell text,
 * the way `npm pkg set scripts.x=…` already is.
 *
 * @module
 */

import { makeLineToShell } from "./make_vars.ts";

const MAKEFILE = /(?:^|\/)(?:GNUmakefile|[Mm]akefile|[^/]{1,200}\.mk)$/;
const JUSTFILE = /(?:^|\/)\.?[Jj]ustfile$|(?:^|\/)[^/]{1,200}\.just$/;
const PACKAGE_JSON = /(?:^|\/)package\.json$/;
const VSCODE_TASKS = /(?:^|\/)\.vscode\/tasks\.json$|\.code-workspace$/;
const DEVCONTAINER =
  /(?:^|\/)\.devcontainer(?:\/[^/]{1,255})?\/devcontainer\.json$|(?:^|\/)\.devcontainer\.json$/;
const NOTEBOOK = /\.ipynb$/;
/** Hooks a hook manager installs from the project (husky, a core.hooksPath folder). */
const PROJECT_HOOK =
  /(?:^|\/)(?:\.husky\/(?!_\/)[^/]{1,255}|\.githooks\/[^/]{1,255}|\.hooks\/[^/]{1,255}|\.config\/husky\/[^/]{1,255})$/;
const TASKFILE = /(?:^|\/)[Tt]askfile(?:\.dist)?\.ya?ml$/;
const CMAKE = /(?:^|\/)CMakeLists\.txt$|\.cmake$/;
/** Python files a routine step imports and runs: pytest's conftest, setup.py on install, nox/invoke task files. */
const PYTHON_RUN =
  /(?:^|\/)(?:conftest|setup|noxfile|tasks|dodo|fabfile|manage)\.py$/;
const PRE_COMMIT =
  /(?:^|\/)\.pre-commit-config\.ya?ml$|(?:^|\/)lefthook\.ya?ml$/;
/** Gradle build and settings scripts (Groovy or Kotlin): any `gradle` or `./gradlew` run evaluates them. */
const GRADLE = /(?:^|\/)[^/]{1,200}\.gradle(?:\.kts)?$/;
/** Maven's project file: exec-maven-plugin and antrun executions run during the build. */
const POM = /(?:^|\/)pom\.xml$/;
/** cargo-make task files: `script` and `command` + `args` of each task. */
const CARGO_MAKE = /(?:^|\/)Makefile\.toml$/;
/** Composer's project file: its scripts (post-install-cmd…) run on `composer install`. */
const COMPOSER = /(?:^|\/)composer\.json$/;
/** PowerShell profiles: every new PowerShell session runs them. */
const PS_PROFILE =
  /(?:^|[\\/])(?:Microsoft\.(?:PowerShell|VSCode)_)?profile\.ps1$/i;
/** Vim and Neovim start-up files (Vim script): every editor start runs them. */
const VIMRC =
  /(?:^|\/)(?:[._]?g?vimrc|\.exrc|init\.vim|\.config\/nvim\/(?:plugin|after\/plugin)\/[^/]{1,200}\.vim)$/;
/** Neovim's Lua start-up files. */
const NVIM_LUA =
  /(?:^|\/)\.config\/nvim\/(?:init|(?:lua|plugin|after\/plugin)\/.{1,200})\.lua$/;
/** Emacs start-up files (Emacs Lisp). */
const EMACS_INIT =
  /(?:^|\/)(?:\.emacs(?:\.el)?|\.emacs\.d\/(?:early-)?init\.el)$/;
/** Rake and sbt build files: Ruby and Scala code the build tool evaluates. */
const RAKEFILE = /(?:^|\/)[Rr]akefile(?:\.rb)?$|\.rake$/;

/** Cargo build scripts: `cargo build`, `check` and `test` compile and run them first. */
const BUILD_RS = /(?:^|\/)build\.rs$/;
/** Cargo's configuration: `runner` runs every `cargo run`/`test` binary, `rustc-wrapper` every compile. */
const CARGO_CONFIG = /(?:^|\/)\.cargo\/config(?:\.toml)?$/;
/** node-gyp build files: their `action`s run on `npm install`. */
const GYP = /(?:^|\/)[^/]{1,200}\.gypi?$/;
/** Meson build files: `run_command()` runs at configure time, `command:` lists at build time. */
const MESON = /(?:^|\/)meson\.build$/;
/** tox's configuration: `commands`, `commands_pre` and `commands_post` run on `tox`. */
const TOX = /(?:^|\/)tox\.ini$/;
/** Bundler's Gemfile and gem specs: Ruby that `bundle install` evaluates. */
const GEMFILE = /(?:^|\/)(?:Gemfile|[^/]{1,200}\.gemspec)$/;

/** VS Code's (and its forks') settings: terminal profiles and the variables every integrated terminal starts with. */
const VSCODE_SETTINGS =
  /(?:^|\/)(?:\.vscode\/settings\.json|(?:Code|Code - Insiders|VSCodium|Cursor|Windsurf)\/User\/settings\.json)$/;

/** Largest file text read here (UTF-16 units); longer text is not parsed. */
const MAX_TEXT = 200_000;
/** At most this many commands are taken from one file. */
const MAX_COMMANDS = 64;

const LIFECYCLE_KEYS =
  /^(?:initializeCommand|onCreateCommand|updateContentCommand|postCreateCommand|postStartCommand|postAttachCommand)$/;
const NPM_LIFECYCLE =
  "preinstall|install|postinstall|prepare|preprepare|postprepare|prepack|postpack|prepublish|prepublishOnly|dependencies|preuninstall|postuninstall";
/** `"postinstall": "cmd"` in a fragment of package.json that does not parse. */
const NPM_FRAGMENT = new RegExp(
  `"(?:${NPM_LIFECYCLE})"\\s{0,8}:\\s{0,8}"((?:\\\\.|[^"\\\\\\n]){1,4096})"`,
  "g",
);
/** `"command": "cmd"` or `"postCreateCommand": "cmd"` in a JSON fragment. */
const COMMAND_FRAGMENT =
  /"(?:command|initializeCommand|onCreateCommand|updateContentCommand|postCreateCommand|postStartCommand|postAttachCommand)"\s{0,8}:\s{0,8}"((?:\\.|[^"\\\n]){1,4096})"/g;

function quote(s: string): string {
  return /^[\w@%+=:,./~-]{1,4096}$/.test(s)
    ? s
    : "'" + s.replace(/'/g, "'\\''") + "'";
}

function rec(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v)
    ? v as Record<string, unknown>
    : {};
}

function strings(v: unknown): string[] {
  return Array.isArray(v)
    ? v.filter((x): x is string => typeof x === "string")
    : [];
}

/** JSON, or JSON with `//` comment lines and trailing commas (VS Code's files). */
function parseJsonc(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // fall through
  }
  const stripped = text.split("\n").filter((l) => !/^\s{0,64}\/\//.test(l))
    .join("\n").replace(/,(\s{0,64}[}\]])/g, "$1");
  try {
    return JSON.parse(stripped);
  } catch {
    return undefined;
  }
}

function fragmentValues(re: RegExp, text: string): string[] {
  const out: string[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && out.length < MAX_COMMANDS) {
    try {
      out.push(JSON.parse(`"${m[1]}"`));
    } catch {
      out.push(m[1]);
    }
  }
  return out;
}

/** A command given as a string (a shell line) or an array (argv). */
function commandValue(v: unknown): string | null {
  if (typeof v === "string") return v;
  const argv = strings(v);
  return argv.length ? argv.map(quote).join(" ") : null;
}

function makeRecipes(text: string, make: boolean): string[] {
  const out: string[] = [];
  for (const line of text.split("\n")) {
    if (out.length >= MAX_COMMANDS) break;
    if (make ? !line.startsWith("\t") : !/^[ \t]/.test(line)) continue;
    let cmd = line.replace(/^[ \t]{1,64}[@+-]{0,3}/, "");
    if (cmd === "" || cmd.startsWith("#")) continue;
    if (make) {
      // $(HOME) and ${HOME} are make's view of the environment; $$ is a $.
      cmd = makeLineToShell(cmd);
    }
    out.push(cmd);
  }
  return out;
}

function npmScripts(text: string): string[] {
  const cfg = parseJsonc(text);
  if (cfg === undefined) return fragmentValues(NPM_FRAGMENT, text);
  return Object.values(rec(rec(cfg).scripts)).filter((x): x is string =>
    typeof x === "string"
  ).slice(0, MAX_COMMANDS);
}

function vscodeTasks(text: string): string[] {
  const cfg = parseJsonc(text);
  if (cfg === undefined) return fragmentValues(COMMAND_FRAGMENT, text);
  const root = rec(cfg);
  const tasks = Array.isArray(root.tasks)
    ? root.tasks
    : Array.isArray(rec(root.tasks).tasks)
    ? rec(root.tasks).tasks as unknown[]
    : [];
  const out: string[] = [];
  for (const t of tasks.slice(0, MAX_COMMANDS)) {
    for (const v of [t, rec(t).linux, rec(t).osx, rec(t).windows]) {
      const task = rec(v);
      const cmd = commandValue(task.command);
      if (cmd === null) continue;
      const args = (Array.isArray(task.args) ? task.args : []).map((a) =>
        typeof a === "string" ? a : String(rec(a).value ?? "")
      );
      out.push([cmd, ...args.map(quote)].join(" "));
    }
  }
  return out;
}

function devcontainerCommands(text: string): string[] {
  const cfg = parseJsonc(text);
  if (cfg === undefined) return fragmentValues(COMMAND_FRAGMENT, text);
  const out: string[] = [];
  for (const [k, v] of Object.entries(rec(cfg))) {
    if (!LIFECYCLE_KEYS.test(k)) continue;
    const one = commandValue(v);
    if (one !== null) out.push(one);
    for (const x of Object.values(rec(v))) {
      const c = commandValue(x);
      if (c !== null) out.push(c);
    }
  }
  return out.slice(0, MAX_COMMANDS);
}

/** One cell's source as shell: `!` lines and shell cells as themselves, Python as `python3 -c`. */
function cellCommands(src: string): string[] {
  const lines = src.split("\n");
  if (/^%%(?:bash|sh|script\s{1,8}(?:ba)?sh|system)\b/.test(lines[0] ?? "")) {
    return [lines.slice(1).join("\n")];
  }
  const shell: string[] = [];
  const py: string[] = [];
  for (const l of lines) {
    const m = /^\s{0,64}(?:!!?|%(?:system|sx)\s)(.{1,4096})$/.exec(l);
    if (m) shell.push(m[1]);
    else py.push(l);
  }
  const code = py.join("\n").trim();
  if (code !== "") shell.push(`python3 -c ${quote(code)}`);
  return shell;
}

function notebookCommands(text: string): string[] {
  let cells: unknown[] | null = null;
  if (text.trimStart().startsWith("{")) {
    try {
      const nb = rec(JSON.parse(text));
      if (Array.isArray(nb.cells)) cells = nb.cells;
    } catch {
      // a cell's source, not a notebook
    }
  }
  if (cells === null) return cellCommands(text);
  const out: string[] = [];
  for (const c of cells.slice(0, MAX_COMMANDS)) {
    const cell = rec(c);
    if (cell.cell_type !== undefined && cell.cell_type !== "code") continue;
    const src = typeof cell.source === "string"
      ? cell.source
      : strings(cell.source).join("");
    out.push(...cellCommands(src));
  }
  return out;
}

/** Taskfile `cmds:` items (`- cmd`, `- cmd: cmd`) and `cmd:` values; pre-commit/lefthook `entry:`/`run:` values. */
function yamlCommands(text: string): string[] {
  const out: string[] = [];
  const re =
    /^[ \t]{0,64}(?:-[ \t]{1,8}(?:cmd:[ \t]{0,8})?|(?:cmd|entry|run|sh):[ \t]{1,8})(.{1,4096})$/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && out.length < MAX_COMMANDS) {
    let v = m[1].trim();
    if (/^["'].*["']$/.test(v)) v = v.slice(1, -1);
    // Plain list items that are keys or names (`- task: build`) are not commands.
    if (/^[\w.-]{1,64}:(\s|$)/.test(v) || v === "|" || v === ">") continue;
    out.push(v);
  }
  return out;
}

/** CMake's `execute_process(COMMAND …)` (runs at configure time) and custom command/target `COMMAND …` lines. */
function cmakeCommands(text: string): string[] {
  const out: string[] = [];
  const re = /\bCOMMAND[ \t]{1,16}([^)\n]{1,4096})/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && out.length < MAX_COMMANDS) {
    // Later keywords end the command; a second COMMAND starts another.
    for (const part of m[1].split(/[ \t]COMMAND[ \t]/).slice(0, 8)) {
      const cmd = part.split(
        /[ \t](?:WORKING_DIRECTORY|OUTPUT_VARIABLE|RESULT_VARIABLE|ERROR_VARIABLE|DEPENDS|COMMENT|VERBATIM|OUTPUT_QUIET|ERROR_QUIET|BYPRODUCTS|USES_TERMINAL)\b/,
      )[0];
      out.push(
        cmd.replace(/\$ENV\{([A-Za-z_][A-Za-z0-9_]{0,63})\}/g, "$$$1")
          .replace(/"/g, "'"),
      );
    }
  }
  return out;
}

/** XML element texts by tag name (bounded, no nesting). */
function xmlTexts(text: string, tag: string): string[] {
  const out: string[] = [];
  const re = new RegExp(`<${tag}>([^<]{1,4096})</${tag}>`, "g");
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && out.length < MAX_COMMANDS) {
    out.push(
      m[1].trim().replace(/&quot;/g, '"').replace(/&apos;/g, "'")
        .replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&"),
    );
  }
  return out;
}

/**
 * exec-maven-plugin executions (`<executable>sh</executable>` with its
 * `<argument>`s or `<commandlineArgs>`) and antrun `<exec executable=…>`
 * as argv, one command per executable.
 */
function pomCommands(text: string): string[] {
  const out: string[] = [];
  const blocks = text.split(/<\/execution>|<\/plugin>/).slice(0, MAX_COMMANDS);
  for (const b of blocks) {
    const exe = xmlTexts(b, "executable")[0];
    if (exe) {
      const args = xmlTexts(b, "argument");
      const line = xmlTexts(b, "commandlineArgs")[0];
      out.push([exe, ...args].map(quote).join(" ") + (line ? " " + line : ""));
    }
    const ant = /<exec\s[^>]{0,400}executable\s{0,4}=\s{0,4}"([^"]{1,400})"/
      .exec(b);
    if (ant) {
      const vals: string[] = [];
      const re =
        /<arg\s[^>]{0,100}(?:value|line)\s{0,4}=\s{0,4}"([^"]{0,4096})"/g;
      let m: RegExpExecArray | null;
      while ((m = re.exec(b)) && vals.length < 64) vals.push(m[1]);
      out.push([ant[1], ...vals].map(quote).join(" "));
    }
  }
  return out.slice(0, MAX_COMMANDS);
}

/** cargo-make `script = "…"` / `script = ['…']` and `command = "x"` with `args = [...]`. */
function cargoMakeCommands(text: string): string[] {
  const out: string[] = [];
  // Multi-line scripts: script = """…""" or script = [ '''…''' ].
  // Found with indexOf, so unclosed openers cost linear time.
  const open = /script\s{0,8}=\s{0,8}\[?\s{0,8}("""|''')/g;
  let mm: RegExpExecArray | null;
  while ((mm = open.exec(text)) && out.length < MAX_COMMANDS) {
    const end = text.indexOf(mm[1], open.lastIndex);
    if (end < 0) break;
    out.push(text.slice(open.lastIndex, end));
    open.lastIndex = end + 3;
  }
  const str = /"((?:\\.|[^"\\\n]){0,4096})"|'([^'\n]{0,4096})'/g;
  for (const line of text.split("\n").slice(0, 20_000)) {
    if (out.length >= MAX_COMMANDS) break;
    const m = /^\s{0,16}(script|command|args)\s{0,8}=\s{0,8}(.{1,8192})$/.exec(
      line,
    );
    if (!m) continue;
    const vals = [...m[2].matchAll(str)].map((x) => x[1] ?? x[2] ?? "");
    if (m[1] === "script") out.push(...vals);
    else if (m[1] === "command") out.push(vals.map(quote).join(" "));
    else if (out.length) out[out.length - 1] += " " + vals.map(quote).join(" ");
  }
  return out.slice(0, MAX_COMMANDS);
}

/** `"post-install-cmd": "cmd"` in a fragment of composer.json that does not parse. */
const COMPOSER_FRAGMENT =
  /"(?:pre|post)-[a-z-]{1,40}"\s{0,8}:\s{0,8}"((?:\\.|[^"\\\n]){1,4096})"/g;

function composerScripts(text: string): string[] {
  const cfg = parseJsonc(text);
  if (cfg === undefined) return fragmentValues(COMPOSER_FRAGMENT, text);
  const out: string[] = [];
  for (const v of Object.values(rec(rec(cfg).scripts))) {
    for (const c of typeof v === "string" ? [v] : strings(v)) {
      // @php, @composer and Class::method entries are not shell lines.
      if (!/^@|^[A-Za-z_\\]{1,200}::[A-Za-z_]{1,100}$/.test(c)) out.push(c);
    }
  }
  return out.slice(0, MAX_COMMANDS);
}

/** Rake's `sh "cmd"` lines, with Ruby's home expressions (`#{Dir.home}`, `#{ENV['HOME']}`) as `~`. */
function rakeShell(text: string): string[] {
  const out: string[] = [];
  const re =
    /\bsh\s{0,4}\(?\s{0,4}(?:"((?:\\.|[^"\\\n]){1,4096})"|'([^'\n]{1,4096})')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && out.length < MAX_COMMANDS) {
    out.push(
      (m[1] ?? m[2]).replace(
        /#\{\s{0,4}(?:Dir\.home(?:\(\))?|ENV\[\s{0,4}["']HOME["']\s{0,4}\])\s{0,4}\}/g,
        "~",
      ),
    );
  }
  return out;
}

/** The quoted string literals of a list's text (`'sh', "-c", 'x'`), in order. */
function literals(text: string): string[] {
  const out: string[] = [];
  const re = /"((?:\\.|[^"\\\n]){0,4096})"|'((?:\\.|[^'\\\n]){0,4096})'/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && out.length < 256) out.push(m[1] ?? m[2]);
  return out;
}

/** Lists of literals after `open` up to the next `close` (found with indexOf: linear). */
function literalLists(text: string, open: RegExp, close: string): string[] {
  const out: string[] = [];
  open.lastIndex = 0;
  while (open.exec(text) !== null && out.length < MAX_COMMANDS) {
    const end = text.indexOf(close, open.lastIndex);
    if (end < 0) break;
    const argv = literals(text.slice(open.lastIndex, end));
    if (argv.length) out.push(argv.map(quote).join(" "));
    open.lastIndex = end + 1;
  }
  return out;
}

/** Cargo config `runner` / `rustc-wrapper` / `rustc` / `linker` values (a string or an argv list). */
function cargoConfigCommands(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split("\n").slice(0, 20_000)) {
    const m =
      /^\s{0,16}(?:runner|rustc-wrapper|rustc-workspace-wrapper|rustc|linker)\s{0,8}=\s{0,8}(.{1,8192})$/
        .exec(line);
    if (!m) continue;
    const vals = literals(m[1]);
    if (m[1].trimStart().startsWith("[")) out.push(vals.map(quote).join(" "));
    else if (vals[0] !== undefined) out.push(vals[0]);
    if (out.length >= MAX_COMMANDS) break;
  }
  return out;
}

/** Variables a shell runs or sources when it starts (PROMPT_COMMAND runs at each prompt). */
const STARTUP_VARS = /^(?:PROMPT_COMMAND|PS0|BASH_ENV|ENV)$/;

/** VS Code terminal settings as commands: profile programs with their args, start-up variables. */
function vscodeSettingsCommands(text: string): string[] {
  const cfg = rec(parseJsonc(text));
  const out: string[] = [];
  for (const [k, v] of Object.entries(cfg).slice(0, 4096)) {
    if (/^terminal\.integrated\.env\.(?:linux|osx|windows)$/.test(k)) {
      for (const [name, val] of Object.entries(rec(v))) {
        if (!STARTUP_VARS.test(name) || typeof val !== "string") continue;
        out.push(
          /^(?:PROMPT_COMMAND|PS0)$/.test(name) ? val : `. ${quote(val)}`,
        );
      }
    } else if (
      /^terminal\.integrated\.(?:profiles\.(?:linux|osx|windows)|automationProfile\.(?:linux|osx|windows))$/
        .test(k)
    ) {
      const profiles = /automationProfile/.test(k) ? { a: v } : rec(v);
      for (const prof of Object.values(profiles)) {
        const p = rec(prof);
        const path = typeof p.path === "string"
          ? p.path
          : strings(p.path)[0] ?? null;
        if (path === null) continue;
        out.push([path, ...strings(p.args)].map(quote).join(" "));
      }
    }
    if (out.length >= MAX_COMMANDS) break;
  }
  return out;
}

/** tox `commands*` values: the rest of the key's line and the indented lines after it. */
function toxCommands(text: string): string[] {
  const out: string[] = [];
  let inCommands = false;
  for (const line of text.split("\n").slice(0, 20_000)) {
    if (out.length >= MAX_COMMANDS) break;
    const m = /^(commands(?:_pre|_post)?)\s{0,8}=\s{0,8}(.{0,4096})$/.exec(
      line,
    );
    if (m) {
      inCommands = true;
      if (m[2].trim()) out.push(m[2].trim());
    } else if (inCommands && /^[ \t]{1,64}\S/.test(line)) {
      out.push(line.trim());
    } else inCommands = false;
  }
  // tox's own prefixes: `- cmd` ignores failure, `!` negates; {posargs} is the user's words.
  // tox's substitutions: {env:NAME[:default]} is the variable, {homedir} the home, {toxinidir} the project.
  return out.map((c) =>
    c.replace(/^[-!]\s{0,4}/, "")
      .replace(/\{env:(\w{1,64})(?::[^{}]{0,256})?\}/g, "${$1}")
      .replace(/\{homedir\}/g, "${HOME}")
      .replace(/\{(?:toxinidir|tox_root)\}/g, ".")
  );
}

/** The project files whose text a runner runs, each with its own pattern (see {@link projectRunCommands}). */
const PROJECT_RUN_FILES: readonly RegExp[] = [
  MAKEFILE,
  JUSTFILE,
  PACKAGE_JSON,
  VSCODE_TASKS,
  DEVCONTAINER,
  PROJECT_HOOK,
  TASKFILE,
  PRE_COMMIT,
  CMAKE,
  PYTHON_RUN,
  GRADLE,
  POM,
  CARGO_MAKE,
  COMPOSER,
  RAKEFILE,
  PS_PROFILE,
  VIMRC,
  NVIM_LUA,
  EMACS_INIT,
  VSCODE_SETTINGS,
  BUILD_RS,
  CARGO_CONFIG,
  GYP,
  MESON,
  TOX,
  GEMFILE,
];

/**
 * The case-sensitive patterns of {@link PROJECT_RUN_FILES} as one
 * alternation (a path matches it exactly when it matches one of them): one
 * pass over a path instead of two dozen, for every file written.
 */
const PROJECT_RUN_ANY = new RegExp(
  PROJECT_RUN_FILES.filter((re) => re.flags === "").map((re) =>
    `(?:${re.source})`
  ).join("|"),
);
/** The patterns of {@link PROJECT_RUN_FILES} with flags (tested one by one). */
const PROJECT_RUN_FLAGGED = PROJECT_RUN_FILES.filter((re) => re.flags !== "");

/** Whether `p` is a project file whose text a runner runs (see {@link projectRunCommands}). */
export function isProjectRunFile(p: string): boolean {
  return PROJECT_RUN_ANY.test(p) ||
    PROJECT_RUN_FLAGGED.some((re) => re.test(p));
}

/**
 * The shell commands a project file at `p` holding `text` hands to its
 * runner (make, just, npm, VS Code, dev containers, Jupyter), or an empty
 * list when `p` is no such file.
 */
export function projectRunCommands(p: string, text: string): string[] {
  if (text.length > MAX_TEXT) return [];
  // Most files written are none of them: one test instead of each in turn.
  if (!isProjectRunFile(p) && !NOTEBOOK.test(p)) return [];
  if (MAKEFILE.test(p)) return makeRecipes(text, true);
  if (JUSTFILE.test(p)) return makeRecipes(text, false);
  if (PACKAGE_JSON.test(p)) return npmScripts(text);
  if (VSCODE_TASKS.test(p)) return vscodeTasks(text);
  if (DEVCONTAINER.test(p)) return devcontainerCommands(text);
  if (NOTEBOOK.test(p)) return notebookCommands(text);
  if (PROJECT_HOOK.test(p)) return [text];
  if (TASKFILE.test(p) || PRE_COMMIT.test(p)) return yamlCommands(text);
  if (CMAKE.test(p)) return cmakeCommands(text);
  if (PYTHON_RUN.test(p)) return [`python3 -c ${quote(text)}`];
  if (GRADLE.test(p)) return [`groovy -e ${quote(text)}`];
  if (POM.test(p)) return pomCommands(text);
  if (CARGO_MAKE.test(p)) return cargoMakeCommands(text);
  if (COMPOSER.test(p)) return composerScripts(text);
  if (RAKEFILE.test(p)) return [`ruby -e ${quote(text)}`, ...rakeShell(text)];
  if (PS_PROFILE.test(p)) return [`pwsh -c ${quote(text)}`];
  if (VIMRC.test(p)) return [`vim -es -c ${quote(text)}`];
  if (NVIM_LUA.test(p)) return [`lua -e ${quote(text)}`];
  if (EMACS_INIT.test(p)) return [`emacs --batch --eval ${quote(text)}`];
  if (VSCODE_SETTINGS.test(p)) return vscodeSettingsCommands(text);
  if (BUILD_RS.test(p)) return [`rust-script -e ${quote(text)}`];
  if (CARGO_CONFIG.test(p)) return cargoConfigCommands(text);
  if (GYP.test(p)) {
    return literalLists(text, /["']action["']\s{0,8}:\s{0,8}\[/g, "]");
  }
  if (MESON.test(p)) {
    return [
      ...literalLists(text, /\brun_command\s{0,4}\(/g, ")"),
      ...literalLists(text, /\bcommand\s{0,4}:\s{0,4}\[/g, "]"),
    ].slice(0, MAX_COMMANDS);
  }
  if (TOX.test(p)) return toxCommands(text);
  if (GEMFILE.test(p)) {
    // `source "https://rubygems.org"` names the gem registry; it is not Ruby loading code.
    const dsl = text.replace(
      /^[ \t]{0,16}source[ \t(]{1,8}["']https?:\/\/[^"'\n]{1,512}["'][ \t)]{0,8}(?:do)?[ \t]{0,8}$/gm,
      "",
    );
    return [`ruby -e ${quote(dsl)}`];
  }
  return [];
}
