/**
 * Routine commands that are not read-only but that the full shell analysis
 * allows with no policy firing when they are written plainly: recording work
 * in git (`git add -A`, `git commit -m "fix: x"`, `git fetch`, `git stash`),
 * moving the working tree to repository content (`git switch main`,
 * `git pull --rebase`, `git stash pop`), creating empty folders and files
 * (`mkdir -p src/a`, `touch src/a.ts`), running the project's own build and
 * tests (`npm test`, `npm run build`, `pytest -q`, `cargo test`,
 * `go test ./...`, `make`, `deno test -A`, `tsc --noEmit`, `docker build -t
 * app .`, `npx tsc --noEmit`, `npx eslint . --fix`), sending commits to a
 * named remote (`git push -u origin feature/x`), looking at what the container engine runs and printed
 * (`docker ps -a`, `docker logs -f api`), listing and showing the
 * repository's pull requests, issues and runs (`gh pr list`, `gh pr view 42`)
 * and asking a tool for its version (`node --version`).
 *
 * Each form is an exact list of options: an option that names a program,
 * configuration, plugin, other folder or output file (`git -c`,
 * `npm --prefix`, `make -f`, `cargo --config`, `pytest -p`, `go build -o`,
 * `deno --config`) is not on it, nor are variable assignments (`make CC=x`),
 * and every operand is a plain relative name inside the project
 * (`plainFile`). The caller (`inert.ts`) checks the words are plain text and
 * orders a list: a command that runs project code never follows one that
 * changed the working tree on the same line.
 *
 * @module
 */

import { plainFile, SECRET_NAME } from "./inert_words.ts";

/**
 * What a routine command does, for ordering the parts of a list:
 * `record` writes only git's own store, or files no later command runs
 * (`git add`, `git commit`, `git fetch`, `go mod tidy`); `tree` changes files
 * of the working tree (`git switch`, `git pull`, `git stash`, `mkdir`,
 * `touch`); `run`
 * runs the project's code (`npm test`, `make`); `read` only reports.
 */
export type RoutineKind = "read" | "record" | "tree" | "run";

/** A name: a branch, target, package or test (no option, path escape, URL or secret name). */
const NAME = /^[A-Za-z0-9_][A-Za-z0-9_./@+-]{0,80}$/;

/** Whether `w` is a plain name (see {@link NAME}). */
function plainName(w: string): boolean {
  return NAME.test(w) && !w.includes("..") && !w.includes("//") &&
    !w.endsWith("/") && !w.includes("/.") && !SECRET_NAME.test(w);
}

/** A package script or task name (`build`, `test:unit`). */
const SCRIPT_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.:-]{0,60}$/;

/** A URL scheme or `host:` prefix (`https:`, `git:`, `x.py:`), which a tool may fetch from. */
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/** Whether `w` is a file operand a routine tool may be given: a plain file ({@link plainFile}) that is no URL, option or assignment (`--config=/tmp/x`). */
function projectFile(w: string): boolean {
  return plainFile(w) && !SCHEME.test(w) && !w.includes("//") &&
    !w.startsWith("-") && !w.includes("=");
}

/** A git remote: a bare name, never a URL or transport (`ext::sh`, `host:path`). */
const REMOTE = /^[A-Za-z0-9_][A-Za-z0-9_-]{0,40}$/;

/** A count or job number. */
const COUNT = /^[0-9]{1,4}$/;

/** A commit message: words and common punctuation, no shell text. */
const MESSAGE = /^[A-Za-z0-9 ._:,=@%+()#/-]{1,200}$/;

/** Whether `w` is a commit message that names no path outside the project and no secret. */
function plainMessage(w: string): boolean {
  if (!MESSAGE.test(w)) return false;
  for (const token of w.split(" ")) {
    if (token === "") continue;
    if (token.startsWith("/") || SECRET_NAME.test(token)) return false;
    if (token.split("/").some((s) => s.startsWith(".") && s !== ".")) {
      return false;
    }
  }
  return true;
}

/** An image name and tag given to a build (`app`, `myapp:dev`, `team/api:1.2`): no registry host with a port, no digest. */
const IMAGE =
  /^[a-z0-9][a-z0-9._/-]{0,80}(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,63})?$/;

/** A pytest `-k`/`-m` expression: names joined by `and`, `or`, `not` and spaces. */
const EXPRESSION = /^[A-Za-z0-9_ ]{1,80}$/;

/** A Go package pattern: `.`, `./...`, `./cmd/server`, `./internal/...`. */
function goPackage(w: string): boolean {
  if (w === "." || w === "./...") return true;
  if (!w.startsWith("./")) return false;
  const segs = w.slice(2).split("/");
  return segs.every((s, i) =>
    (s === "..." && i === segs.length - 1) ||
    (s !== "" && !s.startsWith(".") && plainName(s))
  );
}

/** How the value of an option, or an operand, is checked. */
type Rule =
  | "file"
  | "name"
  | "script"
  | "remote"
  | "count"
  | "message"
  | "expression"
  | "package"
  | "image";

/** Whether `w` passes `rule`. */
function passes(rule: Rule, w: string): boolean {
  switch (rule) {
    case "file":
      return projectFile(w);
    case "name":
      return plainName(w);
    case "script":
      return SCRIPT_NAME.test(w) && !SECRET_NAME.test(w);
    case "remote":
      return REMOTE.test(w);
    case "count":
      return COUNT.test(w);
    case "message":
      return plainMessage(w);
    case "expression":
      return EXPRESSION.test(w) && !SECRET_NAME.test(w);
    case "package":
      return goPackage(w);
    case "image":
      return IMAGE.test(w) && !w.includes("..") && !SECRET_NAME.test(w);
  }
}

/** One routine form: its exact options and what its operands may be. */
interface Form {
  kind: RoutineKind;
  /** Options without a value. */
  flags?: readonly string[];
  /** Options that take a value (the next word, or after `=` for a long one). */
  valued?: Readonly<Record<string, Rule>>;
  /** Operands, in order; the last rule repeats. Empty: no operand. */
  operands: readonly Rule[];
  /** Most operands (default: any number). */
  maxOperands?: number;
  /** Fewest operands. */
  minOperands?: number;
  /** Whether words after `--` are passed on (checked as flags or files). */
  passOn?: boolean;
}

const NPM_FLAGS = ["--silent", "-s", "--if-present"];
const PYTEST: Form = {
  kind: "run",
  flags: [
    "-q",
    "-qq",
    "-v",
    "-vv",
    "-x",
    "-s",
    "-l",
    "-ra",
    "-rA",
    "--lf",
    "--ff",
    "--last-failed",
    "--failed-first",
    "--exitfirst",
    "--quiet",
    "--verbose",
    "--no-header",
    "--disable-warnings",
    "--collect-only",
    "--co",
    "--tb=short",
    "--tb=line",
    "--tb=no",
    "--tb=long",
    "--cov-report=term",
    "--cov-report=term-missing",
  ],
  valued: {
    "--cov": "name",
    "-k": "expression",
    "-m": "expression",
    "--maxfail": "count",
    "--durations": "count",
  },
  operands: ["file"],
};
const CARGO_FLAGS = [
  "--release",
  "-r",
  "--all-targets",
  "--workspace",
  "--all",
  "--lib",
  "--bins",
  "--tests",
  "--examples",
  "--all-features",
  "--no-default-features",
  "-q",
  "--quiet",
  "-v",
  "--verbose",
  "--locked",
  "--offline",
  "--frozen",
];
const CARGO_VALUED: Record<string, Rule> = {
  "-p": "name",
  "--package": "name",
  "--features": "name",
  "--bin": "name",
  "--test": "name",
  "-j": "count",
};
const CARGO: Form = {
  kind: "run",
  flags: CARGO_FLAGS,
  valued: CARGO_VALUED,
  operands: ["name"],
  maxOperands: 1,
  passOn: true,
};
const GO: Form = {
  kind: "run",
  flags: ["-race", "-v", "-short", "-cover", "-failfast", "-json"],
  valued: { "-count": "count", "-run": "name", "-p": "count" },
  operands: ["package"],
};
const DENO_RUN_FLAGS = [
  "-A",
  "--allow-all",
  "-q",
  "--quiet",
  "--no-check",
  "--reload",
  "-r",
];
const SCRIPT: Form = {
  kind: "run",
  flags: NPM_FLAGS,
  operands: ["script"],
  minOperands: 1,
  maxOperands: 1,
  passOn: true,
};
const NO_ARGS: Form = { kind: "run", operands: [], passOn: true };
const INSTALL: Form = { kind: "run", operands: [] };
/** `pip install -r requirements.txt`, `pip install -e .`: what the project declares, never a package named on the line. */
const PIP_INSTALL: Form = {
  kind: "run",
  valued: { "-r": "file", "--requirement": "file", "-e": "file" },
  operands: [],
};
/** `gh pr list --limit 5`: a listing of the current repository (no `-R` for another, no `--json` templates). */
const GH_LIST: Form = {
  kind: "read",
  valued: { "--limit": "count", "-L": "count" },
  operands: [],
};
/** `gh pr view 42`: one numbered pull request or issue of the current repository, as text. */
const GH_VIEW: Form = {
  kind: "read",
  flags: ["-c", "--comments"],
  operands: ["count"],
  maxOperands: 1,
};
/** `yarn`, `pnpm` and `bun` run a script named after them only for names that are not their own commands. */
const SCRIPT_NAMES = ["build", "lint", "dev", "start", "typecheck", "format"];

/** Version questions: program and the one word that asks. */
const VERSION: ReadonlyMap<string, readonly string[]> = new Map([
  ["node", ["--version", "-v"]],
  ["npm", ["--version", "-v"]],
  ["pnpm", ["--version", "-v"]],
  ["yarn", ["--version", "-v"]],
  ["bun", ["--version"]],
  ["deno", ["--version", "-V"]],
  ["python", ["--version", "-V"]],
  ["python3", ["--version", "-V"]],
  ["pip", ["--version", "-V"]],
  ["pip3", ["--version", "-V"]],
  ["cargo", ["--version", "-V"]],
  ["rustc", ["--version", "-V"]],
  ["go", ["version"]],
  ["git", ["--version"]],
  ["make", ["--version"]],
  ["tsc", ["--version", "-v"]],
  ["uv", ["--version"]],
]);

/** Routine forms by program and subcommand (`"git add"`), or program alone (`"make"`). */
const FORMS: ReadonlyMap<string, Form> = new Map<string, Form>([
  ["git add", {
    kind: "record",
    flags: [
      "-A",
      "--all",
      "-u",
      "--update",
      "-v",
      "--verbose",
      "-n",
      "--dry-run",
      "-N",
      "--intent-to-add",
    ],
    operands: ["file"],
  }],
  ["git commit", {
    kind: "record",
    flags: [
      "-a",
      "--all",
      "-q",
      "--quiet",
      "-s",
      "--signoff",
      "--amend",
      "--no-edit",
      "--allow-empty",
    ],
    valued: { "-m": "message", "--message": "message", "-am": "message" },
    operands: ["file"],
  }],
  ["git checkout", {
    kind: "record",
    valued: { "-b": "name" },
    operands: ["name"],
    maxOperands: 1,
  }],
  ["git switch", {
    kind: "tree",
    valued: { "-c": "name", "--create": "name" },
    operands: ["name"],
    maxOperands: 1,
  }],
  ["git stash", {
    kind: "tree",
    flags: ["-u", "--include-untracked", "-q", "--quiet"],
    operands: [],
  }],
  ["git stash push", {
    kind: "tree",
    flags: ["-u", "--include-untracked", "-q", "--quiet"],
    valued: { "-m": "message", "--message": "message" },
    operands: [],
  }],
  ["git stash list", { kind: "read", operands: [] }],
  ["git stash show", { kind: "read", flags: ["-p", "--stat"], operands: [] }],
  ["git stash pop", { kind: "tree", flags: ["-q", "--quiet"], operands: [] }],
  ["git stash apply", { kind: "tree", flags: ["-q", "--quiet"], operands: [] }],
  ["git fetch", {
    kind: "record",
    flags: ["--all", "--prune", "-p", "--tags", "--no-tags", "-q", "--quiet"],
    operands: ["remote", "name"],
  }],
  ["git pull", {
    kind: "tree",
    flags: [
      "--rebase",
      "-r",
      "--no-rebase",
      "--ff-only",
      "--prune",
      "-q",
      "--quiet",
    ],
    operands: ["remote", "name"],
    maxOperands: 2,
  }],
  ["npm test", { ...NO_ARGS, flags: NPM_FLAGS }],
  ["npm t", { ...NO_ARGS, flags: NPM_FLAGS }],
  ["npm start", { ...NO_ARGS, flags: NPM_FLAGS }],
  ["npm run", SCRIPT],
  ["npm run-script", SCRIPT],
  ["npm ci", INSTALL],
  ["npm install", INSTALL],
  ["npm i", INSTALL],
  ["pnpm test", NO_ARGS],
  ["pnpm run", SCRIPT],
  ["pnpm install", { ...INSTALL, flags: ["--frozen-lockfile"] }],
  ["yarn test", NO_ARGS],
  ["yarn run", SCRIPT],
  ["yarn install", { ...INSTALL, flags: ["--frozen-lockfile"] }],
  ["bun test", NO_ARGS],
  ["bun run", SCRIPT],
  ["bun install", INSTALL],
  ...(["pnpm", "yarn", "bun"].flatMap((p) =>
    SCRIPT_NAMES.map((s): [string, Form] => [`${p} ${s}`, NO_ARGS])
  )),
  ["pytest", PYTEST],
  ["python -m pytest", PYTEST],
  ["python3 -m pytest", PYTEST],
  ["cargo build", CARGO],
  ["cargo test", { ...CARGO, flags: [...CARGO_FLAGS, "--no-run", "--doc"] }],
  ["cargo check", CARGO],
  ["cargo clippy", CARGO],
  ["cargo fmt", {
    kind: "run",
    flags: ["--all", "--check", "-q", "--quiet"],
    operands: [],
    passOn: true,
  }],
  ["go build", GO],
  ["go test", GO],
  ["go vet", GO],
  ["go mod tidy", { kind: "record", operands: [] }],
  ["make", {
    kind: "run",
    flags: ["-k", "--keep-going", "-s", "--silent"],
    valued: { "-j": "count" },
    operands: ["name"],
  }],
  ["mkdir", {
    kind: "tree",
    flags: ["-p", "--parents", "-v"],
    operands: ["file"],
    minOperands: 1,
  }],
  ["touch", { kind: "tree", operands: ["file"], minOperands: 1 }],
  ["tsc", {
    kind: "run",
    flags: ["--noEmit", "--pretty"],
    valued: { "-p": "file", "--project": "file" },
    operands: [],
  }],
  ["deno test", {
    kind: "run",
    flags: [...DENO_RUN_FLAGS, "--fail-fast", "--parallel", "--doc"],
    valued: { "--filter": "expression" },
    operands: ["file"],
  }],
  ["deno check", {
    kind: "run",
    flags: ["-q", "--quiet", "--all", "-r", "--reload"],
    operands: ["file"],
  }],
  ["deno fmt", {
    kind: "run",
    flags: ["--check", "-q", "--quiet"],
    operands: ["file"],
  }],
  ["deno lint", {
    kind: "run",
    flags: ["--fix", "-q", "--quiet"],
    operands: ["file"],
  }],
  ["deno task", { ...SCRIPT, flags: ["-q", "--quiet"] }],
  ["pip install", PIP_INSTALL],
  ["pip3 install", PIP_INSTALL],
  ["uv sync", { ...INSTALL, flags: ["--frozen", "--locked"] }],
  ["poetry install", { ...INSTALL, flags: ["--no-root", "--sync"] }],
  ["ruff check", {
    kind: "run",
    flags: ["--fix", "-q", "--quiet"],
    operands: ["file"],
  }],
  ["ruff format", {
    kind: "run",
    flags: ["--check", "--diff", "-q", "--quiet"],
    operands: ["file"],
  }],
  ["black", {
    kind: "run",
    flags: ["--check", "--diff", "-q", "--quiet"],
    operands: ["file"],
  }],
  ["mypy", { kind: "run", flags: ["--strict"], operands: ["file"] }],
  ["git restore", {
    kind: "record",
    flags: ["--staged", "-S"],
    operands: ["file"],
    minOperands: 1,
  }],
  // The project's Dockerfile in a folder of the project, built by the
  // engine (its steps run in a build container; no -f, -o, --network,
  // --secret or --build-arg).
  ["docker build", {
    kind: "run",
    flags: ["-q", "--quiet", "--pull", "--no-cache"],
    valued: { "-t": "image", "--tag": "image" },
    operands: ["file"],
    minOperands: 1,
    maxOperands: 1,
  }],
  ["docker compose build", {
    kind: "run",
    flags: ["-q", "--quiet", "--pull", "--no-cache"],
    operands: ["name"],
  }],
  // What the engine runs and what it printed.
  ["docker ps", {
    kind: "read",
    flags: ["-a", "--all", "-q", "--quiet"],
    operands: [],
  }],
  ["docker images", {
    kind: "read",
    flags: ["-a", "--all", "-q", "--quiet"],
    operands: [],
  }],
  ["docker logs", {
    kind: "read",
    flags: ["-f", "--follow", "-t", "--timestamps"],
    valued: { "--tail": "count", "-n": "count" },
    operands: ["name"],
    minOperands: 1,
    maxOperands: 1,
  }],
  ["docker compose ps", {
    kind: "read",
    flags: ["-a", "--all", "-q", "--quiet"],
    operands: ["name"],
  }],
  ["docker compose logs", {
    kind: "read",
    flags: ["-f", "--follow", "-t", "--timestamps"],
    valued: { "--tail": "count", "-n": "count" },
    operands: ["name"],
  }],
  // The project's own type checker, linter, formatter and test runners
  // through npx (their configuration is the project's; no -c, --config,
  // --plugin, --rulesdir or output folder; npx's own options not at all).
  ["npx tsc", {
    kind: "run",
    // --noEmit is required (below).
    flags: ["--noEmit", "--pretty"],
    valued: { "-p": "file", "--project": "file" },
    operands: [],
  }],
  ["npx eslint", {
    kind: "run",
    flags: ["--fix", "--quiet", "--cache"],
    valued: { "--max-warnings": "count" },
    operands: ["file"],
  }],
  ["npx prettier", {
    kind: "run",
    flags: ["--write", "-w", "--check", "-c", "--list-different", "-l"],
    operands: ["file"],
  }],
  ["npx jest", {
    kind: "run",
    flags: ["--ci", "--coverage", "--silent", "-i", "--runInBand"],
    operands: ["file"],
  }],
  ["npx vitest", {
    kind: "run",
    flags: ["--run", "--coverage", "--silent"],
    operands: ["file"],
  }],
  // Commits sent to a named branch of a named remote (not whatever the
  // branch's upstream is): no force, delete, mirror, --all, refspec with a
  // colon or `+`, URL or push options.
  ["git push", {
    kind: "record",
    flags: ["-u", "--set-upstream", "--tags", "-q", "--quiet"],
    operands: ["remote", "name"],
    minOperands: 2,
    maxOperands: 2,
  }],
  // The repository's pull requests, issues and workflow runs, listed or shown.
  ["gh pr list", GH_LIST],
  ["gh issue list", GH_LIST],
  ["gh run list", GH_LIST],
  ["gh pr status", { kind: "read", operands: [] }],
  ["gh pr view", GH_VIEW],
  ["gh issue view", GH_VIEW],
  ["gh pr checks", GH_VIEW],
]);

/** Subcommands that are two words (`git stash pop`, `go mod tidy`, `python -m pytest`). */
const TWO_WORD = new Set([
  "git stash",
  "go mod",
  "python -m",
  "python3 -m",
  "docker compose",
  "gh pr",
  "gh issue",
  "gh run",
]);

/** The form of `words` and how many words name it; null when none is known. */
function formOf(words: readonly string[]): [Form, number] | null {
  if (words.length === 0) return null;
  const one = words[0];
  const two = words.length >= 2 ? one + " " + words[1] : "";
  if (words.length >= 3 && TWO_WORD.has(two)) {
    const form = FORMS.get(two + " " + words[2]);
    if (form) return [form, 3];
  }
  if (words.length >= 2) {
    const form = FORMS.get(two);
    if (form) return [form, 2];
  }
  const form = FORMS.get(one);
  return form ? [form, 1] : null;
}

/** Words passed on after `--`: plain flags (`--nocapture`, `-D`) and plain names. */
function passedOn(words: readonly string[]): boolean {
  return words.every((w) =>
    w.startsWith("-")
      ? /^--?[A-Za-z][A-Za-z0-9-]{0,40}$/.test(w)
      : projectFile(w)
  );
}

/** Every program a routine form or version query starts with (a command whose first word is none of these has no routine form). */
export const ROUTINE_PROGRAMS: ReadonlySet<string> = new Set([
  ...VERSION.keys(),
  ...[...FORMS.keys()].map((k) => k.split(" ")[0]),
]);

/**
 * What the plain command `words` (quotes already removed by the caller) does
 * when it is one of the routine forms of this module; null for anything
 * else, which the caller leaves to the full analysis.
 */
export function routineKind(words: readonly string[]): RoutineKind | null {
  if (words.length === 2) {
    const asks = VERSION.get(words[0]);
    if (asks && asks.includes(words[1])) return "read";
  }
  const found = formOf(words);
  if (!found) return null;
  const [form, n] = found;
  let operands = 0;
  const rest = words.slice(n);
  for (let i = 0; i < rest.length; i++) {
    const w = rest[i];
    if (w === "--") {
      if (form.passOn) {
        if (!passedOn(rest.slice(i + 1))) return null;
        break;
      }
      // `git add -- a b`: the rest are operands.
      for (const o of rest.slice(i + 1)) {
        const rule =
          form.operands[Math.min(operands, form.operands.length - 1)];
        if (!rule || !passes(rule, o)) return null;
        operands++;
      }
      break;
    }
    if (w.startsWith("-")) {
      if (form.flags?.includes(w)) continue;
      const eq = w.indexOf("=");
      const name = eq < 0 ? w : w.slice(0, eq);
      const rule = form.valued?.[name];
      if (!rule) {
        // `-j4`, `-count=1`: a short count glued on.
        const glued = /^(-j)([0-9]{1,4})$/.exec(w);
        if (glued && form.valued?.[glued[1]] === "count") continue;
        return null;
      }
      let value: string;
      if (eq >= 0) {
        value = w.slice(eq + 1);
      } else {
        if (i + 1 >= rest.length) return null;
        value = rest[++i];
      }
      if (!passes(rule, value)) return null;
      continue;
    }
    const rule = form.operands[Math.min(operands, form.operands.length - 1)];
    if (!rule || !passes(rule, w)) return null;
    // `make CC=x` and other assignments change what runs.
    if (w.includes("=")) return null;
    operands++;
  }
  if (form.maxOperands !== undefined && operands > form.maxOperands) {
    return null;
  }
  if (operands < (form.minOperands ?? 0)) return null;
  // `git restore FILE` discards the file's changes: only `--staged` is routine.
  if (
    words[0] === "git" && words[1] === "restore" &&
    !rest.includes("--staged") && !rest.includes("-S")
  ) {
    return null;
  }
  // `npx tsc` without --noEmit writes compiled files next to the sources.
  if (words[0] === "npx" && words[1] === "tsc" && !rest.includes("--noEmit")) {
    return null;
  }
  // `git checkout NAME` may discard a file's changes: only `-b NAME` is routine.
  if (words[0] === "git" && words[1] === "checkout" && !rest.includes("-b")) {
    return null;
  }
  // `git checkout -b w -- FILE` also restores FILE from the index.
  if (words[0] === "git" && words[1] === "checkout" && rest.includes("--")) {
    return null;
  }
  return form.kind;
}
