/**
 * Task runners run commands kept in a file (`make`, `just`, `rake`, `task`,
 * `npm run`, `deno task`): when that file was written earlier on the same
 * command line, the commands it holds are judged as shell text, so
 * `printf 'x:\n\trm -rf ~' > M && make -f M x` is `rm -rf ~`.
 *
 * @module
 */

import { analyzeInline } from "./inline.ts";
import { resolvePath } from "./paths.ts";
import { fork, type State, type Unit } from "./unit.ts";
import { writtenText } from "./writes.ts";
import { subOutput } from "./expand.ts";

/** Each runner: the options naming its file, and the names it looks for by default. */
const RUNNERS: ReadonlyMap<string, [RegExp, readonly string[]]> = new Map([
  ["make", [/^(?:-f|--file|--makefile)$/, [
    "GNUmakefile",
    "makefile",
    "Makefile",
  ]]],
  ["gmake", [/^(?:-f|--file|--makefile)$/, [
    "GNUmakefile",
    "makefile",
    "Makefile",
  ]]],
  ["just", [/^(?:-f|--justfile)$/, ["justfile", "Justfile", ".justfile"]]],
  ["rake", [/^(?:-f|--rakefile)$/, ["Rakefile", "rakefile"]]],
  ["task", [/^(?:-t|--taskfile)$/, ["Taskfile.yml", "Taskfile.yaml"]]],
  ["npm", [/^--prefix$/, ["package.json"]]],
  ["pnpm", [/^--dir$/, ["package.json"]]],
  ["yarn", [/^--cwd$/, ["package.json"]]],
  ["bun", [/^--cwd$/, ["package.json"]]],
  ["deno", [/^(?:-c|--config)$/, ["deno.json", "deno.jsonc"]]],
  ["poe", [/^--root$/, ["pyproject.toml"]]],
]);

/** Names of standard input as a file. */
const STDIN_FILE = /^(?:-|\/dev\/stdin|\/dev\/fd\/0|\/proc\/self\/fd\/0)$/;

/** Candidate command texts of a task file: indented lines, and quoted strings. */
function commandsOf(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split("\n").slice(0, 2000)) {
    if (/^[ \t]/.test(raw)) {
      out.push(
        raw.trim().replace(/^[-@+]{1,3}\s{0,4}/, "").replace(/\$\$/g, "$"),
      );
    }
    const q = /"((?:[^"\\\n]|\\.){1,4096})"|'([^'\n]{1,4096})'/g;
    let m: RegExpExecArray | null;
    let n = 0;
    while ((m = q.exec(raw)) && n++ < 32) {
      out.push((m[1] ?? m[2]).replace(/\\"/g, '"').replace(/\$\$/g, "$"));
    }
  }
  return out.filter((c) => c.length > 0).slice(0, 256);
}

/** A task runner whose task file was written earlier on the line: its commands are judged. */
export function analyzeRunner(u: Unit, st: State): void {
  const spec = RUNNERS.get(u.name);
  if (!spec || st.depth > 6) return;
  const [opt, names] = spec;
  if (u.name === "deno" && u.args[0]?.text !== "task") return;
  const files: string[] = [];
  let dir: string | null = null;
  for (let i = 0; i < u.args.length; i++) {
    const t = u.args[i].text;
    const next = u.args[i + 1];
    if (opt.test(t) && next?.procSub && next.subs.length === 1) {
      // make -f <(printf 'x:\n\trm -rf ~'): the file is the substitution's output.
      i++;
      const text = subOutput(next.subs[0], st);
      if (text === null) continue;
      const inner = fork(st, 1);
      for (const c of commandsOf(text)) st.out.shell(c, inner);
    } else if (opt.test(t) && next) files.push(u.args[++i].text);
    else if (/^--[a-z]+=/.test(t) && opt.test(t.slice(0, t.indexOf("=")))) {
      files.push(t.slice(t.indexOf("=") + 1));
    } else if ((t === "-C" || t === "--directory") && u.args[i + 1]) {
      dir = u.args[++i].text;
    }
  }
  const base = dir ? resolvePath(dir, st.cwd, st.ctx.home) : st.cwd;
  if (base === null) return;
  // A prefix/dir option names the folder holding package.json.
  const paths = files.length > 0 && names[0] === "package.json"
    ? files.map((f) => f.replace(/\/?$/, "/package.json"))
    : files.length > 0
    ? files
    : names;
  for (const f of paths) {
    if (STDIN_FILE.test(f)) {
      // make -f - <<'EOF' … / printf … | make -f /dev/stdin: the recipe comes on stdin.
      if (u.stdin !== null) {
        const inner = fork(st, 1);
        for (const c of commandsOf(u.stdin)) st.out.shell(c, inner);
      }
      continue;
    }
    const p = resolvePath(f, base, st.ctx.home);
    const text = p === null ? null : writtenText(p, st);
    if (text === null) continue;
    const inner = fork(st, 1);
    for (const c of commandsOf(text)) st.out.shell(c, inner);
  }
}

/**
 * Installers that run a project's build script: `pip install .` (and `-e
 * DIR`, `python -m pip`, `uv pip`) runs DIR/setup.py; `go generate` runs the
 * `//go:generate` lines of the Go files. When those files were written
 * earlier on the line, their code is judged (Python as Python, the generate
 * lines as shell).
 */
export function analyzeInstaller(u: Unit, st: State): void {
  if (st.depth > 6) return;
  let t = u.args.map((a) => a.text);
  if (u.name === "go" && (t[0] === "run" || t[0] === "test")) {
    // go run . / go run ./cmd/x: the package's files written earlier on the line.
    const dir = t.slice(1).find((x) => !x.startsWith("-") && !/\.go$/.test(x));
    const base = dir === undefined || /@/.test(dir)
      ? null
      : resolvePath(dir.replace(/\/\.\.\.$/, ""), st.cwd, st.ctx.home);
    if (base === null) return;
    for (const w of st.out.fileWrites.slice(0, 256)) {
      if (
        w.path.endsWith(".go") &&
        w.path.slice(0, w.path.lastIndexOf("/")) === base
      ) {
        analyzeInline(
          w.content,
          "go",
          fork(st, 1),
          `go ${t[0]} ${dir} (${w.path}, written earlier)`,
        );
      }
    }
    return;
  }
  if (u.name === "go") {
    if (t[0] !== "generate") return;
    for (const w of st.out.fileWrites.slice(0, 256)) {
      if (!w.path.endsWith(".go")) continue;
      for (
        const m of w.content.matchAll(
          /^\/\/go:generate[ \t]{1,8}([^\n]{1,4096})$/gm,
        )
      ) {
        st.out.shell(m[1], fork(st, 1));
      }
    }
    return;
  }
  if (t[0] === "-m" && t[1] === "pip") t = t.slice(2);
  else if (u.name === "uv" && t[0] === "pip") t = t.slice(1);
  else if (!/^pip[0-9.]{0,4}$/.test(u.name)) return;
  if (t[0] !== "install") return;
  for (let i = 1; i < t.length; i++) {
    const x = t[i];
    if (
      /^(-r|--requirement|-c|--constraint|-i|--index-url|--extra-index-url|-t|--target)$/
        .test(x)
    ) {
      i++;
      continue;
    }
    if (x.startsWith("-") && x !== "-e" && x !== "--editable") continue;
    const dir = x === "-e" || x === "--editable" ? t[++i] : x;
    if (dir === undefined || !/^(\.{1,2}|\.{0,2}\/.{0,1024})$/.test(dir)) {
      continue;
    }
    const base = resolvePath(dir, st.cwd, st.ctx.home);
    const text = base === null ? null : writtenText(base + "/setup.py", st);
    if (text !== null) {
      analyzeInline(
        text,
        "python",
        fork(st, 1),
        `${u.name} install running ${dir}/setup.py`,
      );
    }
  }
}

/** Test runners and build tools that load code files of the project by name, and the language of those files. */
const LOADERS: ReadonlyMap<string, [RegExp, string]> = new Map([
  ["pytest", [
    /(?:^|\/)(?:conftest|test_[^/]{1,200}|[^/]{1,200}_test)\.py$/,
    "python",
  ]],
  ["py.test", [
    /(?:^|\/)(?:conftest|test_[^/]{1,200}|[^/]{1,200}_test)\.py$/,
    "python",
  ]],
  ["nox", [/(?:^|\/)noxfile\.py$/, "python"]],
  ["jest", [
    /\.(?:test|spec)\.[cm]?[jt]sx?$|(?:^|\/)jest\.(?:config|setup)\.[cm]?[jt]s$/,
    "node",
  ]],
  ["vitest", [
    /\.(?:test|spec)\.[cm]?[jt]sx?$|(?:^|\/)vite(?:st)?\.config\.[cm]?[jt]s$/,
    "node",
  ]],
  ["mocha", [
    /\.(?:test|spec)\.[cm]?js$|(?:^|\/)\.mocharc\.[cm]?js$|(?:^|\/)test\/[^/]{1,200}\.[cm]?js$/,
    "node",
  ]],
  ["eslint", [/(?:^|\/)(?:eslint\.config|\.eslintrc)\.[cm]?js$/, "node"]],
  ["prettier", [/(?:^|\/)(?:prettier\.config|\.prettierrc)\.[cm]?js$/, "node"]],
  ["webpack", [/(?:^|\/)webpack\.config\.[cm]?[jt]s$/, "node"]],
  ["vite", [/(?:^|\/)vite\.config\.[cm]?[jt]s$/, "node"]],
  ["rollup", [/(?:^|\/)rollup\.config\.[cm]?[jt]s$/, "node"]],
  // cargo build/test/run compiles and runs build.rs first.
  ["cargo", [/(?:^|\/)build\.rs$/, "rust"]],
]);

/**
 * Test runners and build tools that load project files by name (`pytest`
 * imports every conftest.py and test_*.py, `jest` its *.test.js and config,
 * `eslint` its eslint.config.js): such files written earlier on the line,
 * under the folder the tool runs in, are judged as the code they are.
 */
export function analyzeCodeLoader(u: Unit, st: State): void {
  if (st.depth > 6 || st.cwd === null) return;
  let name = u.name;
  if (/^python[0-9.]{0,6}$/.test(name) && u.args[0]?.text === "-m") {
    name = u.args[1]?.text ?? "";
  }
  const spec = LOADERS.get(name);
  if (!spec) {
    // python -m mod: mod.py or mod/__main__.py written in the folder it runs in.
    if (name === u.name || !/^[A-Za-z_][\w.]{0,63}$/.test(name)) return;
    const rel = name.replaceAll(".", "/");
    for (const f of [`${rel}.py`, `${rel}/__main__.py`]) {
      const text = writtenText(st.cwd.replace(/\/$/, "") + "/" + f, st);
      if (text !== null) {
        analyzeInline(text, "python", fork(st, 1), `${u.name} -m ${name}`);
      }
    }
    return;
  }
  const base = st.cwd.replace(/\/$/, "") + "/";
  let n = 0;
  for (const w of st.out.fileWrites.slice(0, 256)) {
    if (!w.path.startsWith(base) || !spec[0].test(w.path)) continue;
    if (++n > 16) return;
    analyzeInline(
      w.content,
      spec[1],
      fork(st, 1),
      `${name} loading ${w.path} (written earlier)`,
    );
  }
}

/** The `run:` commands of a CI workflow (one-line values and `|`/`>` blocks). */
export function workflowRuns(text: string): string[] {
  const out: string[] = [];
  const lines = text.split("\n").slice(0, 4000);
  for (let i = 0; i < lines.length && out.length < 256; i++) {
    const m = /^(\s{0,64})(?:-\s{1,8})?run\s{0,4}:\s{0,8}(.{0,4096})$/.exec(
      lines[i],
    );
    if (!m) continue;
    const v = m[2].trim();
    if (v !== "" && !/^[|>][-+]?$/.test(v)) {
      out.push(v.replace(/^(["'])(.*)\1$/, "$2"));
      continue;
    }
    const block: string[] = [];
    for (let k = i + 1; k < lines.length; k++) {
      const indent = /^\s{0,256}/.exec(lines[k])![0].length;
      if (lines[k].trim() !== "" && indent <= m[1].length) break;
      block.push(lines[k].trim());
      i = k;
    }
    out.push(block.join("\n"));
  }
  return out;
}

/** `act` runs the workflows under .github/workflows (or -W PATH) on this machine: those written earlier on the line are judged. */
export function analyzeAct(u: Unit, st: State): void {
  if (st.depth > 6 || st.cwd === null) return;
  const t = u.args.map((a) => a.text);
  if (t.some((x) => /^(-l|--list|-n|--dryrun|--help|-h)$/.test(x))) return;
  const w = t.findIndex((x) => x === "-W" || x === "--workflows");
  const given = w >= 0 ? t[w + 1] : undefined;
  const base = resolvePath(
    given ?? ".github/workflows",
    st.cwd,
    st.ctx.home,
  );
  if (base === null) return;
  for (const f of st.out.fileWrites.slice(0, 256)) {
    if (f.path !== base && !f.path.startsWith(base.replace(/\/$/, "") + "/")) {
      continue;
    }
    const inner = fork(st, 1);
    for (const c of workflowRuns(f.content)) st.out.shell(c, inner);
  }
}
