/**
 * Interpreter code judged by what its calls do: expressions that name the
 * home folder in each language (`os.path.expanduser('~')`, `os.homedir()`,
 * `Deno.env.get('HOME')`, `Dir.home`, `$ENV{HOME}`…) become the literal
 * `"~"`, string building that can be done without running anything
 * (`'r' + 'm -rf '`, `[…].join(' ')`, `os.path.join(…)`, `"a" . "b"`) is
 * folded, and what is left is judged like any literal. A shell-out whose
 * command is still built at run time is opaque code: it is blocked only when
 * the visible pieces put together form a dangerous command.
 *
 * All patterns are bounded and linear; inputs are capped by the caller.
 *
 * @module
 */

import { base64Decode } from "./consts.ts";
import { judgeDockerSdk } from "./engine_api.ts";
import { judgeFileContent } from "./file_content.ts";
import { isBlockDevice, resolvePath } from "./paths.ts";
import { judgeDelete } from "./rm.ts";
import { scriptsAssigned } from "./runner_config.ts";
import { HOME_EXPR } from "./home_expr.ts";
import { isSecretVar } from "./secret_env.ts";
import { litArg, type State } from "./unit.ts";

/** Recursive deletes of fs-extra, del, trash, send2trash, .NET, Java/Kotlin, Go, Rust. */
const LIB_DELETE =
  /\b(?:fse?\.)?(?:removeSync|emptyDirSync|emptyDir|deleteSync|del\.sync|trash|send2trash|rmdir_p|rimrafSync|removeTree|deleteRecursively|Directory\.Delete|os\.RemoveAll|remove_dir_all|FileUtils\.deleteDirectory|Path\.rmtree|rmtree)\s{0,4}\(\s{0,4}(["'])([^"'\n]{1,1024})\1/g;

/** File-writing APIs of the languages. */
const CODE_WRITES =
  /open\s{0,4}\([^)]{0,300}["'][wa]\+?b?["']|\.write_text\(|writeFileSync|appendFileSync|writeFile\(|appendFile\(|Deno\.writeTextFile|File\.write|File\.open\([^)]{0,300}["'][wa]|file_put_contents|io\.open\([^)]{0,300}["'][wa]|>>?\s{0,4}["']?[~/$]/;

/** Write modes the file APIs take apart from the call (Perl `open(F, ">", …)`, `O_WRONLY`, `"r+b"`, streams). */
const DEVICE_WRITE_MODE =
  /["'](?:>{1,2}|\+<|r\+b?|wb?\+?)["']|O_WRONLY|O_RDWR|createWriteStream|open\s{0,4}\(\s{0,4}\w{0,16}\s{0,4},?\s{0,4}["']?>/;

/** `os.chdir("…")`, `process.chdir("…")`, `Dir.chdir("…")`, `chdir("…")`. */
const CHDIR =
  /\b(?:os\.|process\.|Dir\.|Deno\.)?chdir\s{0,4}\(\s{0,4}(["'])([^"'\n]{1,1024})\1/;
/** Openers of code that runs its text as shell: Bun.$`…`, zx $`…`, Ruby/Perl/PHP backticks and %x(…). */
const TEMPLATE_OPEN = /(?:\bBun\.\$|(?<![\w.])\$|(?<![\w$])%x)\s{0,2}([`(])/g;

/** The shell text of each template (closer found with indexOf, so no backtracking over long text). */
function shellTemplates(src: string): string[] {
  const out: string[] = [];
  TEMPLATE_OPEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  let tries = 0;
  while ((m = TEMPLATE_OPEN.exec(src)) && tries++ < 256 && out.length < 16) {
    const from = m.index + m[0].length;
    const end = src.indexOf(m[1] === "`" ? "`" : ")", from);
    if (end <= from || end - from > 4096) continue;
    const body = src.slice(from, end);
    if (body.indexOf("\n") < 0) out.push(body);
  }
  return out;
}
/(?:\bBun\.\$|(?<![\w.])\$|(?<![\w$])%x)\s{0,2}[`(]([^`)\n]{1,4096})[`)]/g;
/** A base64 literal decoded by a library call. */
const DECODE_CALL =
  /\bBuffer\.from\s{0,4}\(\s{0,4}(["'])([A-Za-z0-9+/=]{4,8192})\1\s{0,4},\s{0,4}["']base64["']\s{0,4}\)(?:\.toString\(\s{0,4}(?:["']utf-?8["'])?\s{0,4}\))?|\b(?:atob|(?:base64\.)?b64decode|Base64\.decode64|base64_decode)\s{0,4}\(\s{0,4}b?(["'])([A-Za-z0-9+/=]{4,8192})\3\s{0,4}\)(?:\.decode\(\s{0,4}(?:["']utf-?8["'])?\s{0,4}\))?/g;
/** A path to some process's environment built in code (the pid formatted or concatenated in). */
const PROC_ENVIRON =
  /\/proc\/(?:[^\s'"`/]{1,24}|["'`][^\n"'`]{0,80}["'`])\/environ\b/;
/** Folder walks with a literal root. */
const WALK =
  /\b(?:os\.walk|os\.scandir|os\.listdir|glob\.i?glob|\.rglob|readdirSync|readdir|Dir\.glob|Dir\.children|Dir\.each_child|Find\.find|find|opendir|Deno\.readDirSync|Deno\.readDir|walkSync|walk)\s{0,4}\(\s{0,4}(["'])([^"'\n]{1,1024})\1/;
const DELETES =
  /\b(?:os\.remove|os\.unlink|unlinkSync|unlink|rmSync|rmdirSync|File\.delete|FileUtils\.rm\w{0,8}|Deno\.remove\w{0,4}|shutil\.rmtree|rmtree|\.unlink)\s{0,4}\(/;
/** A secret read from the environment in code: os.environ["X"], getenv("X"), process.env.X, ENV["X"], $ENV{X}. */
const SECRET_READ =
  /(?:os\.environ(?:\.get)?|os\.getenv|getenv|ENV(?:\.fetch)?|Deno\.env\.get|System\.getenv)\s{0,4}[[(]\s{0,4}["']([A-Za-z_][A-Za-z0-9_]{0,63})["']|(?:process\.env|Bun\.env)\.([A-Za-z_][A-Za-z0-9_]{0,63})|\$ENV\{\s{0,4}["']?([A-Za-z_][A-Za-z0-9_]{0,63})/g;
const PRINTS =
  /\b(?:print|println|printf|puts|console\.(?:log|info|error|dir)|echo|say|p|pp|write|cat)\b/;

/** Python's `__import__("mod")`, which evaluates to the module `mod`. */
const PY_IMPORT_CALL =
  /\b__import__\(\s{0,4}\\?(["'])([A-Za-z_][\w.]{0,63})\\?\1\s{0,4}\)/g;

/** `os.path.expanduser("~/x")`, `File.expand_path("~/x")`, `path.expand("~/x")`: the literal path. */
const EXPAND_LIT =
  /(?:\b[A-Za-z_][\w.]{0,32}\.)?(?:expanduser|expand_path|path\.expand)\(\s{0,4}\\?(["'])(~\/[^"'\\\n]{1,1024})\\?\1\s{0,4}\)/g;

/** `"~" / ".ssh"` after `Path.home()` became `"~"`: pathlib's / joins paths. */
const LIT_DIV =
  /(["'])([~/][^"'\\\n]{0,512})\1\s{0,4}\/\s{0,4}(["'])([^"'\\\n]{1,512})\3/;

/** `"~".joinpath(".ssh")` after `Path.home()` became `"~"`: pathlib's joinpath. */
const LIT_JOINPATH =
  /(["'])([~/][^"'\\\n]{0,512})\1\s{0,4}\)?\s{0,4}\.joinpath\(((?:\s{0,4}["'][^"'\\\n]{1,512}["']\s{0,4},?){1,8})\)/;

/** Perl's File::Find: `finddepth(sub { unlink $_ }, ROOT)`, the root after the callback. */
const PERL_FIND =
  /\bfind(?:depth)?\s{0,4}\(\s{0,4}(?:sub\s{0,4}\{([^}]{0,512})\}|\{[^}]{0,512}\})\s{0,4},\s{0,4}(["'])([^"'\n]{1,1024})\2/;

/** `"~/.ssh".iterdir()`, `Path("/x").rglob("*")`: a folder walk written as a method of the literal path. */
const WALK_METHOD =
  /(["'])([~/][^"'\n]{0,1024})\1\s{0,4}\)?\s{0,4}\.(?:iterdir|r?glob|walk)\s{0,4}\(/;

/** `"a" + "b"`, `"a" . "b"`, `"a" .. "b"`, `"a" & "b"`: adjacent literals joined by a concatenation operator. */
const CONCAT =
  /(["'])([^"'\\\n]{0,4096})\1\s{0,4}(?:\+|\.\.?|&|<<)\s{0,4}(["'])([^"'\\\n]{0,4096})\3/;
/** Literals side by side with no operator (Python, awk): `"a" "b"`. */
const ADJACENT =
  /(["'])([^"'\\\n]{0,4096})\1[ \t]{1,4}(["'])([^"'\\\n]{0,4096})\3/;
/** Ruby's `#{Dir.home}` / `#{ENV["HOME"]}` inside a string. */
const RUBY_HOME =
  /#\{\s{0,4}(?:Dir\.home|ENV\[\s{0,4}["']HOME["']\s{0,4}\]|ENV\.fetch\(\s{0,4}["']HOME["']\s{0,4}\))\s{0,4}\}/g;
/** Perl's `$ENV{HOME}` between the quotes of one double-quoted string. */
const PERL_HOME_IN_STRING =
  /"([^"\n]{0,1024})\$ENV\{\s{0,4}['"]?HOME['"]?\s{0,4}\}([^"\n]{0,1024})"/g;
/** `[ "a", "b" ].join("sep")` / `" ".join(["a", "b"])` / `%w[...]`. */
const JOIN_AFTER =
  /\[\s{0,4}((?:["'][^"'\\\n]{0,512}["']\s{0,4},\s{0,4}){0,32}["'][^"'\\\n]{0,512}["'])\s{0,4},?\s{0,4}\]\s{0,4}\.join\(\s{0,4}(["'])([^"'\\\n]{0,16})\2\s{0,4}\)/;
const JOIN_BEFORE =
  /(["'])([^"'\\\n]{0,16})\1\s{0,4}\.join\(\s{0,4}[[(]\s{0,4}((?:["'][^"'\\\n]{0,512}["']\s{0,4},\s{0,4}){0,32}["'][^"'\\\n]{0,512}["'])\s{0,4},?\s{0,4}[\])]\s{0,4}\)/;
/** Path joiners over literals only: `os.path.join("~", ".ssh")`, `path.join(…)`, `File.join(…)`, `Path("~") / ".ssh"`. */
const PATH_JOIN =
  /(?:os\.path\.join|filepath\.Join|path\.join|path\.resolve|File\.join|file\.path|Join-Path|catfile)\(\s{0,4}((?:["'][^"'\\\n]{0,512}["']\s{0,4},\s{0,4}){0,32}["'][^"'\\\n]{0,512}["'])\s{0,4}\)/;
const PATH_DIV =
  /(?:Path|pathlib\.Path)\(\s{0,4}(["'])([^"'\\\n]{0,512})\1\s{0,4}\)\s{0,4}\/\s{0,4}(["'])([^"'\\\n]{0,512})\3/;
/** A conversion or normalisation around one literal: `str("~")`, `path.resolve("~")`, `Path("~")`. */
const WRAPPED =
  /\b(?:str|String|Path|pathlib\.Path|os\.fspath|os\.path\.(?:abspath|realpath|normpath)|path\.(?:resolve|normalize)|File\.expand_path|realpath|abs_path|normalizePath)\(\s{0,4}(["'])([^"'\\\n]{0,512})\1\s{0,4}\)/g;
/** An interpolation of a literal: `${"~"}` in a template, `{"~"}` in an f-string. */
const INTERPOLATED = /\$?\{\s{0,4}(["'])([^"'{}\\\n]{0,512})\1\s{0,4}\}/g;

function listItems(s: string): string[] {
  const out: string[] = [];
  const re = /(["'])([^"'\\\n]{0,512})\1/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) && out.length < 64) out.push(m[2]);
  return out;
}

function shellQuote(s: string): string {
  return /^[\w@%+=:,./~-]{1,4096}$/.test(s) && !s.startsWith("~") ||
      s === "~" ||
      /^~\/[\w@%+=:,./-]{0,4096}$/.test(s)
    ? s
    : "'" + s.replace(/'/g, "'\\''") + "'";
}

function q(s: string): string {
  return '"' + s.replace(/"/g, "'") + '"';
}

/** Replaces later uses of variables assigned the home folder with `"~"` (at most 4 names; code up to 20,000 characters). */
function propagateHome(s: string): string {
  if (s.length > 20_000 || s.indexOf('"~"') < 0) return s;
  const names = new Set<string>();
  HOME_ASSIGN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = HOME_ASSIGN.exec(s)) && names.size < 4) {
    if (!/^(?:if|for|while|return|and|or|not|in|is)$/.test(m[1])) {
      names.add(m[1]);
    }
  }
  for (const name of names) {
    s = s.replace(
      new RegExp(
        String.raw`(?<![\w.$])\$?${name}(?![\w(])(?!\s{0,4}:?=(?!=))`,
        "g",
      ),
      '"~"',
    );
  }
  return s;
}

/**
 * String literals reversed by the code: Perl `scalar reverse "…"` /
 * `reverse(q(…))`, Python `"…"[::-1]`, Ruby `"…".reverse`, JavaScript
 * `"…".split("").reverse().join("")`.
 */
const REVERSED =
  /\bscalar\s{1,4}reverse\s{0,4}\(?\s{0,4}(?:q\s{0,2}\(([^()\n]{1,4096})\)|(?:"|')([^"'\n]{1,4096})["'])\s{0,4}\)?|["']([^"'\n]{1,4096})["']\[\s{0,4}:\s{0,4}:\s{0,4}-1\s{0,4}\]|["']([^"'\n]{1,4096})["']\.reverse\b(?!\s{0,4}\()|["']([^"'\n]{1,4096})["']\.split\(\s{0,4}["']{2}\s{0,4}\)\.reverse\(\s{0,4}\)\.join\(\s{0,4}["']{2}\s{0,4}\)/g;

/**
 * The code with home expressions replaced by `"~"` and constant string
 * building folded into literals (bounded rounds, each a linear scan).
 */
export function resolveCode(code: string, lang = "node"): string {
  // `__import__('shutil').rmtree(__import__('pathlib').Path.home())` is
  // `shutil.rmtree(pathlib.Path.home())`.
  let s = code.replace(PY_IMPORT_CALL, "$2");
  // The home folder interpolated inside a string: Ruby "#{Dir.home}", Perl "…$ENV{HOME}…".
  s = s.replace(RUBY_HOME, "~").replace(
    PERL_HOME_IN_STRING,
    (_m, a: string, b: string) => `"${a}~${b}"`,
  );
  s = s.replace(EXPAND_LIT, (_m, _q: string, p: string) => q(p));
  s = s.replace(HOME_EXPR, '"~"');
  s = propagateHome(s);
  s = s.replace(WRAPPED, (_m, _q: string, body: string) => q(body));
  // Buffer.from('cm0g…','base64').toString(), atob('…'), base64.b64decode('…').decode():
  // a constant payload decoded at run time is the text it decodes to.
  // (Handed straight to exec/eval it stays as written: decoded code run blind
  // is judged as such by the inline analyzer.)
  s = s.replace(
    DECODE_CALL,
    (m0, _q1: string, a: string, _q2, b: string, off: number, all: string) => {
      if (
        /\b(?:exec|eval|compile|Function)\s{0,4}\(\s{0,4}$/.test(
          all.slice(Math.max(0, off - 16), off),
        )
      ) return m0;
      const d = base64Decode(a ?? b ?? "");
      return d !== null && /^[\x20-\x7e\t\n]{1,4096}$/.test(d) ? q(d) : m0;
    },
  );
  // A constant string reversed at run time is the reversed text.
  s = s.replace(
    REVERSED,
    (_m, a?: string, b?: string, c?: string, d?: string, e?: string) =>
      q([...(a ?? b ?? c ?? d ?? e ?? "")].reverse().join("")),
  );
  s = s.replace(INTERPOLATED, (_m, _q: string, body: string) => body);
  s = s.replace(
    /\bf(["'])([^"'\\\n{}]{0,4096})\1/g,
    (_m, _q: string, b: string) => q(b),
  );
  // Backticks are strings only in JavaScript; in Ruby, Perl and PHP they run
  // a shell. A tagged template (Bun.$`…`, $`…`) stays as it is.
  if (lang === "node") {
    s = s.replace(
      /(^|[^\w$`])`([^`$\\\n]{0,4096})`/g,
      (_m, pre: string, body: string) => pre + q(body),
    );
  }
  // Folding is for one-liners; longer code keeps its literals as they are.
  const adjacent = lang === "python" || lang === "awk";
  for (let round = 0; round < 64 && s.length <= 20_000; round++) {
    let m: RegExpExecArray | null;
    if (adjacent && (m = ADJACENT.exec(s))) {
      // Python and awk join literals written side by side: "rm -rf " "~".
      s = s.slice(0, m.index) + q(m[2] + m[4]) + s.slice(m.index + m[0].length);
      continue;
    }
    if ((m = CONCAT.exec(s))) {
      s = s.slice(0, m.index) + q(m[2] + m[4]) + s.slice(m.index + m[0].length);
      continue;
    }
    if ((m = JOIN_AFTER.exec(s))) {
      s = s.slice(0, m.index) + q(listItems(m[1]).join(m[3])) +
        s.slice(m.index + m[0].length);
      continue;
    }
    if ((m = JOIN_BEFORE.exec(s))) {
      s = s.slice(0, m.index) + q(listItems(m[3]).join(m[2])) +
        s.slice(m.index + m[0].length);
      continue;
    }
    if ((m = PATH_JOIN.exec(s))) {
      s = s.slice(0, m.index) + q(listItems(m[1]).join("/")) +
        s.slice(m.index + m[0].length);
      continue;
    }
    if ((m = LIT_JOINPATH.exec(s))) {
      const parts = [...m[3].matchAll(/["']([^"'\\\n]{1,512})["']/g)].map((x) =>
        x[1]
      );
      s = s.slice(0, m.index) + q([m[2], ...parts].join("/")) +
        s.slice(m.index + m[0].length);
      continue;
    }
    if ((m = LIT_DIV.exec(s))) {
      s = s.slice(0, m.index) + q(m[2] + "/" + m[4]) +
        s.slice(m.index + m[0].length);
      continue;
    }
    if ((m = PATH_DIV.exec(s))) {
      s = s.slice(0, m.index) + q(m[2] + "/" + m[4]) +
        s.slice(m.index + m[0].length);
      continue;
    }
    break;
  }
  return s;
}

/** Shell-out calls whose first argument is a literal command (the APIs the generic scan misses). */
/** Perl's word lists run as a command: `system qw(rm -rf ~)`, `exec qw(rm -rf), "~"`. */
const PERL_QW =
  /\b(?:system|exec)\s{0,4}\(?\s{0,4}qw\s{0,4}(?:\(([^)\n]{1,1024})\)|\{([^}\n]{1,1024})\}|\[([^\]\n]{1,1024})\]|\/([^/\n]{1,1024})\/)\s{0,4}((?:,\s{0,4}(["'])[^"'\n]{0,1024}\6\s{0,4}){0,8})/g;
/** awk's command pipes: `"cmd" | getline`, `print … | "cmd"`. */
const AWK_PIPE =
  /(["'])([^"'\n]{1,4096})\1\s{0,4}\|\s{0,4}getline|\|\s{0,4}(["'])([^"'\n]{1,4096})\3/g;
const SHELL_CALL =
  /\b(?:os\.execute|io\.popen|system|exec|shell_exec|passthru|popen|execSync|spawnSync|Kernel\.system|IO\.popen|os\.system|os\.popen|subprocess\.(?:run|call|check_call|check_output|Popen|getoutput|getstatusoutput))\s{0,4}\(\s{0,4}(["'])([^"'\n]{1,4096})\1/g;
/** A process call in argv form: a program literal followed by literal arguments or lists of them. */
const ARGV_CALL =
  /\b(?:system|exec[lv]{1,2}p?e?|spawn|spawnSync|execFile|execFileSync|Command|Popen|call|run|check_call|check_output|pcntl_exec|proc_open|popen|Process\.spawn|Open3\.\w{1,16}|ProcessBuilder|System\.cmd|Cmd)\s{0,4}\(\s{0,4}(["'])([^"'\n]{1,256})\1\s{0,4},([^;\n]{0,2048})/g;
/** Rust's process builder: `Command::new("sh")` and the chain after it, up to the statement's end. */
const RUST_COMMAND =
  /\bCommand::new\(\s{0,4}"([^"\n]{1,256})"\s{0,4}\)([^;]{0,2048})/g;
/** One `.arg("x")` or `.args(["a", "b"])` / `.args(&[…])` / `.args(vec![…])` of a builder chain. */
const RUST_ARG =
  /\.args?\s{0,4}\(\s{0,4}&?\s{0,4}(?:"((?:\\.|[^"\\\n]){0,1024})"|(?:vec!\s{0,4})?\[([^\]]{0,2048})\])\s{0,4}\)/g;

/** Shell-outs written as phrases or Lisp forms: AppleScript `do shell script "…"`, Erlang `os:cmd("…")`, `(system "…")`, `(shell-command "…")`. */
const SHELL_PHRASE =
  /(?:\bdo\s{1,4}shell\s{1,4}script|\bos:cmd\s{0,4}\(|\((?:system|shell-command(?:-to-string)?|call-process-shell-command|process|run-program|uiop:run-program|ext:shell)\s)\s{0,4}(["'])((?:\\.|(?!\1)[^\\\n]){1,4096})\1/g;
/** A string literal run as a command by a method on it: Groovy `"rm -rf x".execute()`. */
const STRING_EXECUTE =
  /(["'])((?:\\.|(?!\1)[^\\\n]){1,4096})\1\s{0,4}\.execute\s{0,4}\(/g;
/** Recursive deletes spelled apart from the call name: Vim `delete(p, "rf")`, Emacs `(delete-directory p t)`, Julia `rm(p; recursive=true)`. */
const SPLIT_DELETE =
  /\bdelete\s{0,4}\(\s{0,4}(["'])([^"'\n]{1,1024})\1\s{0,4},\s{0,4}["']rf["']|\(delete-directory\s{1,4}(["'])([^"'\n]{1,1024})\3\s{1,4}'?t\b|\brm\s{0,4}\(\s{0,4}(["'])([^"'\n]{1,1024})\5\s{0,4}[;,][^)\n]{0,200}?\brecursive\s{0,4}=\s{0,4}true/g;
/** A variable given the home folder (`h, _ := "~"`, `home = "~"`, `my $h = "~"`) after home expressions were folded. */
const HOME_ASSIGN =
  /(?:^|[\s;({,])(?:(?:const|let|var|my|local|final|val|String)\s{1,4})?\$?([A-Za-z_]\w{0,31})(?:\s{0,4},\s{0,4}_\w{0,8})?\s{0,4}:?=\s{0,4}"~"/g;

/** A shell-out call whose argument is not a literal: what runs is built at run time. */
const OPAQUE_CALL =
  /\b(?:os\.execute|io\.popen|system|exec|eval|shell_exec|passthru|popen|execSync|spawnSync|os\.system|os\.popen|subprocess\.(?:run|call|check_call|check_output|Popen)|Kernel\.system|IO\.popen|instance_eval|Function)\s{0,4}\(\s{0,4}(?![\s"'`[)])/;
/** Sockets opened through a module the generic scan does not name. */
const SOCKET_MODULE =
  /socket\.create_connection|socket\.fromfd|asyncio\.open_connection|require\(\s{0,4}["'](?:node:)?(?:net|tls|dgram|socket)["']\s{0,4}\)|from\s{1,4}["'](?:node:)?(?:net|tls)["']|socket\.tcp\(|Deno\.connect(?:Tls)?\(|Bun\.connect\(|\/inet\/tcp\//;
const SPAWNS =
  /subprocess|pty\.spawn|os\.dup2|child_process|\bspawn\b|\bexec(?:Sync)?\b|io\.popen|os\.execute|Deno\.(?:Command|run)|Bun\.spawn|\/bin\/(?:ba|z|da)?sh\b|["'](?:ba|z|da)?sh["']/;

/** Follows a `chdir` into a literal folder: later relative paths in the code are judged from there. */
export function followCodeChdir(src: string, st: State): void {
  const cd = CHDIR.exec(src);
  if (!cd) return;
  const p = resolvePath(cd[2], st.cwd, st.ctx.home);
  if (p) st.cwd = p;
}

/**
 * Extra judgement of resolved interpreter code: literal shell-outs of the
 * APIs the generic scan misses, sockets wired to processes through module
 * names, and opaque shell-outs whose visible pieces form a dangerous command.
 */
export function judgeCodeEffects(
  src: string,
  literals: readonly string[],
  st: State,
  via: string,
): void {
  const inner = { ...st, depth: st.depth + 1, env: new Map(st.env) };
  // '/proc/%d/environ' % pid, "/proc/" + pid + "/environ": a process's environment.
  const environ = PROC_ENVIRON.exec(src);
  if (environ) {
    st.out.matches.add(
      "system_secrets_read",
      `${via} reads ${
        environ[0].slice(0, 60)
      }, the environment of a process, secrets included`,
      "read the one setting you need from your own configuration, not from another process",
    );
  }
  // Shell templates: Bun.$`…`, zx $`…`, Ruby/Perl/PHP backticks and %x().
  for (const body of shellTemplates(src)) {
    st.out.shell(body.replace(/\$\{[^}]{0,256}\}/g, "$X"), inner);
  }
  // Code that writes a start-up or autorun file named by a literal: judged
  // with the text it writes unseen (the code builds it).
  const writes = CODE_WRITES.test(src);
  if (writes || DEVICE_WRITE_MODE.test(src)) {
    // A disk device opened for writing: the disk is overwritten.
    const dev = literals.find((l) => l.length < 64 && isBlockDevice(l));
    if (dev) {
      st.out.matches.add(
        "dd_device",
        `${via} opens the disk device ${dev} for writing: what it writes overwrites the disk`,
        "write to an image file inside the workspace, such as ./disk.img",
      );
    }
  }
  if (writes) {
    for (const lit of literals) {
      if (lit.length > 1024 || !/^[~/.]/.test(lit)) continue;
      const p = resolvePath(lit, st.cwd, st.ctx.home);
      if (p) judgeFileContent(p, null, st, `${via} writing`);
    }
  }
  // Recursive deletion APIs of libraries and other languages the generic scan misses.
  LIB_DELETE.lastIndex = 0;
  let d: RegExpExecArray | null;
  let dn = 0;
  while ((d = LIB_DELETE.exec(src)) && dn++ < 32) {
    judgeDelete(
      litArg(d[2]),
      true,
      st,
      `${via}: ${d[0].slice(0, d[0].indexOf("(")).trim()}()`,
    );
  }
  // Walking a folder and deleting what is found is deleting the folder.
  const pf = PERL_FIND.exec(src);
  if (pf && /\b(?:unlink|rmtree|remove_tree|rmdir)\b/.test(pf[1] ?? "")) {
    judgeDelete(
      litArg(pf[3]),
      true,
      st,
      `${via}: File::Find over ${pf[3]} deleting what it finds`,
    );
  }
  const walk = WALK.exec(src) ?? WALK_METHOD.exec(src);
  if (walk && DELETES.test(src)) {
    judgeDelete(
      litArg(walk[2]),
      true,
      st,
      `${via}: walking ${walk[2]} and deleting its files`,
    );
  }
  // A secret variable read and printed by the code lands in the transcript.
  SECRET_READ.lastIndex = 0;
  let e: RegExpExecArray | null;
  let j = 0;
  while ((e = SECRET_READ.exec(src)) && j++ < 16) {
    const name = e[1] ?? e[2] ?? e[3];
    if (name && isSecretVar(name) && PRINTS.test(src)) {
      st.out.matches.add(
        "secret_env_read",
        `${via} prints the secret environment variable ${name} into the session transcript`,
        "use the variable where it is needed without printing it",
      );
      break;
    }
  }
  judgeDockerSdk(src, st, via);
  // A command assigned to a runner's scripts or tasks (package.json, deno.json) runs later.
  for (const c of scriptsAssigned(src)) st.out.shell(c, inner);
  SHELL_CALL.lastIndex = 0;
  let m: RegExpExecArray | null;
  let n = 0;
  while ((m = SHELL_CALL.exec(src)) && n++ < 32) st.out.shell(m[2], inner);
  if (src.includes("qw")) {
    PERL_QW.lastIndex = 0;
    n = 0;
    while ((m = PERL_QW.exec(src)) && n++ < 16) {
      const words = (m[1] ?? m[2] ?? m[3] ?? m[4]).trim().split(/\s+/);
      const extra = [...m[5].matchAll(/["']([^"'\n]{0,1024})["']/g)].map((x) =>
        x[1]
      );
      st.out.shell([...words, ...extra].join(" "), inner);
    }
  }
  if (/\bgetline\b|\bprint[^|\n]{0,512}\|/.test(src)) {
    AWK_PIPE.lastIndex = 0;
    n = 0;
    while ((m = AWK_PIPE.exec(src)) && n++ < 32) {
      st.out.shell(m[2] ?? m[4], inner);
    }
  }
  SHELL_PHRASE.lastIndex = 0;
  n = 0;
  while ((m = SHELL_PHRASE.exec(src)) && n++ < 32) {
    st.out.shell(m[2].replace(/\\(.)/g, "$1"), inner);
  }
  STRING_EXECUTE.lastIndex = 0;
  n = 0;
  while ((m = STRING_EXECUTE.exec(src)) && n++ < 32) {
    st.out.shell(m[2].replace(/\\(.)/g, "$1"), inner);
  }
  SPLIT_DELETE.lastIndex = 0;
  n = 0;
  while ((m = SPLIT_DELETE.exec(src)) && n++ < 32) {
    const target = m[2] ?? m[4] ?? m[6];
    judgeDelete(litArg(target), true, st, `${via}: ${m[0].slice(0, 20)}`);
  }
  ARGV_CALL.lastIndex = 0;
  n = 0;
  while ((m = ARGV_CALL.exec(src)) && n++ < 32) {
    const rest = listItems(
      m[3].replace(/\b\w{1,16}\s{0,4}[:=]\s{0,4}(?=["'])/g, ""),
    );
    const argv = rest[0] === m[2] || rest[0]?.endsWith("/" + m[2])
      ? rest.slice(1)
      : rest;
    st.out.shell([m[2], ...argv].map(shellQuote).join(" "), inner);
  }
  RUST_COMMAND.lastIndex = 0;
  n = 0;
  while ((m = RUST_COMMAND.exec(src)) && n++ < 32) {
    const argv: string[] = [];
    RUST_ARG.lastIndex = 0;
    let a: RegExpExecArray | null;
    while ((a = RUST_ARG.exec(m[2])) && argv.length < 64) {
      if (a[1] !== undefined) argv.push(a[1].replace(/\\(.)/g, "$1"));
      else argv.push(...listItems(a[2]));
    }
    st.out.shell([m[1], ...argv].map(shellQuote).join(" "), inner);
  }
  if (SOCKET_MODULE.test(src) && SPAWNS.test(src)) {
    st.out.matches.add(
      "reverse_shell_script",
      `${via} opens a network connection and starts a process or shell on it: a reverse shell that hands this machine to a remote host`,
    );
  }
  if (OPAQUE_CALL.test(src)) {
    // What runs is built at run time: judge the visible pieces put together.
    const lits = literals.filter((l) => l.length < 512);
    if (lits.length === 0 || lits.length > 32) return;
    const probe = { ...inner, out: { ...st.out, matches: st.out.matches } };
    const before = st.out.matches.list().length;
    const joined = lits.join("");
    const spaced = lits.join(" ");
    const shadow = new Set(st.out.matches.list().map((x) => x.policyId));
    for (const text of [joined, spaced]) {
      if (
        !/\b(rm|mkfs|dd|shred|chmod|chown|curl|wget|nc|bash|sh)\b|:\(\)/.test(
          text,
        )
      ) continue;
      probe.out.shell(text, probe);
    }
    const added = st.out.matches.list().slice(before).filter((x) =>
      !shadow.has(x.policyId) && x.action === "block"
    );
    if (added.length > 0) {
      st.out.matches.add(
        "interpreter_opaque_exec",
        `${via} builds the command it runs at run time, which hides what runs; its visible pieces put together read ${
          JSON.stringify(joined.slice(0, 80))
        } (${added[0].policyName})`,
        "write the command out literally, or run it as a shell command the guard can read",
      );
    }
  }
}
