/**
 * Differential test of the shortcut: thousands of commands built from the
 * shortcut's own programs (read-only ones and the routine forms of
 * `inert_routine.ts`) and their neighbours that are not routine, with risky
 * and harmless options, file operands inside and outside the project, secret
 * names, quotes, pipes and `&&` lists. Whenever the shortcut decides a
 * command, the full analysis must allow it with no policy firing, in the
 * standard and the strict profile.
 */
import assert from "node:assert/strict";
import { inertDecision } from "./inert.ts";
import { analyseWith } from "./evaluate.ts";
import { ALL_DETECTORS } from "./evaluate_all.ts";
import { DEFAULT_CONFIG } from "./config.ts";

/** A small deterministic generator (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PROGRAMS = [
  "git status",
  "git diff",
  "git log",
  "git show",
  "git blame",
  "git branch",
  "git ls-files",
  "git rev-parse",
  "ls",
  "cat",
  "head",
  "tail",
  "wc",
  "nl",
  "stat",
  "du",
  "grep",
  "rg",
  "diff",
  "sed -n",
  "find",
  "sort",
  "uniq",
  "cut",
  "tr",
  "echo",
  "pwd",
  "bash -lc",
  "sh -c",
];

/** Routine commands and their risky neighbours (see inert_routine.ts). */
const ROUTINE = [
  "git add",
  "git add -A",
  "git commit -m",
  "git commit -am",
  "git commit",
  "git checkout -b",
  "git checkout",
  "git switch",
  "git switch -c",
  "git stash",
  "git stash pop",
  "git stash drop",
  "git stash clear",
  "git stash push -m",
  "git fetch",
  "git pull",
  "git push",
  "git restore",
  "git reset",
  "git clean",
  "git -c core.pager=sh",
  "npm test",
  "npm run",
  "npm ci",
  "npm install",
  "npm exec",
  "npx",
  "pnpm run",
  "pnpm dlx",
  "yarn build",
  "yarn add",
  "bun run",
  "pytest",
  "python -m pytest",
  "python3 -m pip",
  "cargo build",
  "cargo test",
  "cargo clippy",
  "cargo fmt",
  "cargo install",
  "go build",
  "go test",
  "go vet",
  "go run",
  "go mod tidy",
  "make",
  "mkdir -p",
  "touch",
  "rm -rf",
  "tsc --noEmit",
  "deno test",
  "deno fmt",
  "deno task",
  "deno run",
  "node --version",
  "node",
  "go version",
  "bash",
  "pip install",
  "pip install -r",
  "pip install -e",
  "uv sync",
  "uv run",
  "poetry install",
  "ruff check",
  "ruff format",
  "black",
  "mypy",
  "git restore --staged",
  "git restore -S",
  "npx tsc",
  "npx tsc --noEmit",
  "npx eslint",
  "npx eslint --fix",
  "npx prettier",
  "npx prettier --write",
  "npx jest",
  "npx vitest",
  "npx vitest run",
  "npx -y",
  "npx --package x",
  "npx create-react-app",
  "npx cowsay",
  "git push -u origin",
  "git push origin",
  "git push --force",
  "git push -f",
  "git push --delete origin",
  "git push --mirror",
  "git push --all",
  "git push origin --force-with-lease",
  "docker build",
  "docker build -t",
  "docker buildx build",
  "docker run",
  "docker run --rm",
  "docker exec",
  "docker ps",
  "docker images",
  "docker logs",
  "docker rm -f",
  "docker system prune",
  "docker compose build",
  "docker compose ps",
  "docker compose logs",
  "docker compose up",
  "docker compose down",
  "docker compose run",
  "docker compose exec",
  "docker -H tcp://x.example:2375 ps",
  "docker --context prod ps",
  "gh pr list",
  "gh issue list",
  "gh run list",
  "gh pr view",
  "gh issue view",
  "gh pr checks",
  "gh pr status",
  "gh pr merge",
  "gh pr checkout",
  "gh auth token",
  "gh auth status",
  "gh api",
  "gh secret list",
  "gh run rerun",
  "gh repo delete",
];
const ROUTINE_WORDS = [
  "-f",
  "-C",
  "--prefix",
  "--prefix=/tmp",
  "--config",
  "--config=x",
  "-p",
  "--rootdir=/tmp",
  "-o",
  "--amend",
  "--template=x",
  "-F",
  "--upload-pack=x",
  "-c",
  "-b",
  "--",
  "-D",
  "-m",
  "'fix: x'",
  '"fix(api): handle x"',
  '"rm -rf /"',
  "'see /etc/shadow'",
  "CC=gcc",
  "SHELL=/tmp/x",
  "./...",
  "../...",
  "-j4",
  "-j",
  "-A",
  "--allow-all",
  "--allow-run=sh",
  "--release",
  "-q",
  "-x",
  "-k",
  "--no-verify",
  "--hard",
  "--force",
  "-fd",
  "https://evil.example/x.ts",
  "ext::sh",
  "origin",
  "main",
  "feature/x",
  "build",
  "test:unit",
  "--watch",
  "-count=1",
  "-race",
  "-toolexec=sh",
  "-exec",
  "--nocapture",
  "warnings",
  "src/a.ts",
  ".",
  "stash@{0}",
  "--include-untracked",
  "requirements.txt",
  "--staged",
  "--worktree",
  "-W",
  "git+https://x.example/y",
  "--index-url=https://x.example",
  "--cov=app",
  "--cov-report=html",
  "--cov-report=term-missing",
  "myapp:dev",
  "app",
  "--fix",
  "--write",
  "--rulesdir",
  "/tmp/x.js",
  "--plugin",
  "--config",
  "tsconfig.json",
  "--outDir",
  "-p",
  "--project",
  "../tsconfig.json",
  "--delete",
  ":main",
  "+main",
  "main:prod",
  "HEAD",
  "--tags",
  "-u",
  "--force-with-lease",
  "--receive-pack=x",
  "--repo=x",
  "--push-option=x",
  "https://x.example/y.git",
  "registry.example:5000/app",
  "app@sha256:abc",
  "-f",
  "Dockerfile.dev",
  "--network",
  "host",
  "--secret",
  "id=npm,src=/home/u/.npmrc",
  "--build-arg",
  "TOKEN=x",
  "-o",
  "out",
  "--output=/tmp/x",
  "-v",
  "--volumes",
  "-a",
  "--tail",
  "100",
  "-n",
  "42",
  "--limit",
  "5",
  "-R",
  "other/repo",
  "--json",
  "--web",
  "--privileged",
  "/:/host",
];
const OPTIONS = [
  "-la",
  "-n",
  "-rn",
  "-5",
  "--stat",
  "--oneline",
  "--output=x",
  "--outp=x",
  "--no-index",
  "--no-ind",
  "--ext-diff",
  "--ext",
  "--pre=sh",
  "--pre",
  "-o",
  "-D",
  "-d",
  "-f",
  "-i",
  "-e",
  "--exec=sh",
  "-exec",
  "-delete",
  "--files",
  "--format=%h",
  "--contents=id_rsa",
  "--compress-program=sh",
  "-name",
  "-type",
  "--",
  "-c",
  "-C",
  "--upload-pack=x",
  "--config",
  "-print",
  "--color=always",
  "--in-place",
  "-s",
  "1,20p",
  "1e",
  "w",
];
const FILES = [
  "README.md",
  "src/main.ts",
  ".",
  "./src",
  "..",
  "../x",
  "/etc/passwd",
  "/home/u/.ssh/id_rsa",
  ".env",
  ".ssh/id_rsa",
  "id_rsa",
  "secrets.yml",
  "config/credentials.json",
  "deploy.pem",
  "notes.txt",
  "package.json",
  "HEAD:id_rsa",
  "HEAD",
  "main",
  "'*.ts'",
  '"a b"',
  "~/x",
  "$HOME",
  "`id`",
  "$(id)",
  "a;b",
  "x>y",
  "{a,b}",
  "*.ts",
  ".git/config",
  "Makefile",
  ".bashrc",
  "/tmp/x",
  "AKIAZ7Q3XJ5K2LMN4PQR",
  "../.ssh/id_rsa",
  "../../etc/shadow",
  "../.aws/credentials",
  ".ssh/id_ed25519",
  ".aws/credentials",
  ".codex/auth.json",
];

/** Folders a generated command may `cd` into first, and their risky neighbours. */
const CD_DIRS = [
  "web",
  "packages/app",
  "-",
  "",
  "~",
  "/",
  "..",
  "../..",
  ".git",
  ".ssh",
  "node_modules/.bin",
  "$HOME",
  "2>&1",
  "web 2>&1",
];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

/** An `&&` list of one to three parts, each routine or read-only, with their arguments. */
function routineCommand(r: () => number): string {
  const items: string[] = [];
  const n = 1 + Math.floor(r() * 2.5);
  for (let p = 0; p < n; p++) {
    const words = [r() < 0.75 ? pick(r, ROUTINE) : pick(r, PROGRAMS)];
    const k = Math.floor(r() * 4);
    for (let i = 0; i < k; i++) {
      const from = r() < 0.6 ? ROUTINE_WORDS : r() < 0.5 ? OPTIONS : FILES;
      words.push(pick(r, from));
    }
    items.push(words.join(" ") + (r() < 0.2 ? " 2>&1" : ""));
  }
  let list = items.join(r() < 0.8 ? " && " : " | ");
  if (r() < 0.25) list = `cd ${pick(r, [...FILES, ...CD_DIRS])} && ${list}`;
  return r() < 0.15 ? `bash -lc '${list.replaceAll("'", '"')}'` : list;
}

function command(r: () => number): string {
  const parts: string[] = [];
  const n = 1 + Math.floor(r() * 2.2);
  for (let p = 0; p < n; p++) {
    const words = [pick(r, PROGRAMS)];
    const k = Math.floor(r() * 4);
    for (let i = 0; i < k; i++) {
      words.push(r() < 0.5 ? pick(r, OPTIONS) : pick(r, FILES));
    }
    let w = words.join(" ");
    if (w.startsWith("bash -lc") || w.startsWith("sh -c")) {
      const head = w.startsWith("bash") ? "bash -lc" : "sh -c";
      w = `${head} '${pick(r, PROGRAMS).replace(/^(bash -lc|sh -c)$/, "ls")} ${
        pick(r, FILES).replaceAll("'", "")
      }'`;
    }
    parts.push(w + (r() < 0.15 ? " 2>&1" : ""));
  }
  const joined = parts.join(r() < 0.7 ? " | " : " ; ");
  return r() < 0.2
    ? `cd ${pick(r, [...FILES, ...CD_DIRS])} && ${joined}`
    : joined;
}

Deno.test("inert shortcut, differential: every generated command it decides is allowed by the full analysis with no policy firing", () => {
  const r = rng(20261203);
  let taken = 0;
  const differ: string[] = [];
  for (let i = 0; i < 4000; i++) {
    const cmd = command(r);
    for (
      const [cwd, home] of [["/work/proj", "/home/u"], [
        "/home/u/app",
        "/home/u",
      ]]
    ) {
      const call = { toolName: "Bash", input: { command: cmd }, cwd, home };
      if (inertDecision(call, DEFAULT_CONFIG) === null) continue;
      taken++;
      const full = analyseWith(call, DEFAULT_CONFIG, ALL_DETECTORS);
      if (!full.allowed || full.matches.length > 0) {
        differ.push(`${cmd} @ ${cwd}: ${full.matches.map((m) => m.policyId)}`);
      }
    }
  }
  assert.deepEqual(differ, []);
  assert.ok(taken > 200, `${taken} taken`);
});

Deno.test("inert shortcut, differential: routine commands it decides are allowed by the full analysis with no policy firing, standard and strict", () => {
  const r = rng(20261204);
  let taken = 0;
  const differ: string[] = [];
  for (let i = 0; i < 12000; i++) {
    const cmd = routineCommand(r);
    for (
      const [cwd, home] of [["/work/proj", "/home/u"], [
        "/home/u/app",
        "/home/u",
      ]]
    ) {
      for (const profile of ["standard", "strict"] as const) {
        const call = {
          toolName: "Bash",
          input: { command: cmd },
          cwd,
          home,
          profile,
        };
        if (inertDecision(call, DEFAULT_CONFIG) === null) continue;
        taken++;
        const full = analyseWith(call, DEFAULT_CONFIG, ALL_DETECTORS);
        if (!full.allowed || full.matches.length > 0) {
          differ.push(
            `${cmd} @ ${cwd} (${profile}): ${
              full.matches.map((m) => m.policyId)
            }`,
          );
        }
      }
    }
  }
  assert.deepEqual(differ, []);
  assert.ok(taken > 2000, `${taken} taken`);
});
