/**
 * Differential test of the read-only shortcut: thousands of commands built
 * from the shortcut's own programs with risky and harmless options, file
 * operands inside and outside the project, secret names, quotes and pipes.
 * Whenever the shortcut decides a command, the full analysis must allow it
 * with no policy firing.
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

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
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
    parts.push(w);
  }
  return parts.join(r() < 0.7 ? " | " : " ; ");
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
