/**
 * `axonflow scan`: PII, secrets and injected instructions in a file, stdin,
 * a folder (its git-tracked and untracked-but-not-ignored files, or every
 * file outside `.gitignore` when it is no git work tree) or the lines a git
 * range adds. Reports as text, JSON or SARIF; `--redact` writes the input
 * back byte for byte except the redactions. Exit code 1 when something is
 * found (see EXIT).
 *
 * @module
 */
import { parseArgs } from "node:util";
import {
  builtinPolicyInfo,
  type EngineConfig,
  type Finding,
  scan,
} from "../../governance/engine/mod.ts";
import { formatScan, scanDocument } from "./check.ts";
import { EXIT, loadConfig, printJson, UsageError } from "./common.ts";
import {
  jsonReport,
  lineColumn,
  type LocatedFinding,
  sarifLog,
} from "../lib/sarif.ts";
import { gitignoreMatcher } from "../lib/gitignore.ts";

const HELP =
  `Usage: axonflow scan FILE|DIR|- [--format text|json|sarif] [--out FILE] [--profile P]
       axonflow scan --git RANGE [DIR] [--format text|json|sarif] [--out FILE]
       axonflow scan FILE|- --redact [--out FILE]

Scan for PII, secrets and injected instructions, as the PostToolUse hook does.
  DIR           every file git would track there (tracked, or untracked and not
                ignored); outside a git work tree, every file not matched by a
                .gitignore (.git itself skipped); binary files skipped
  --git RANGE   only the lines a git range adds (main..HEAD, HEAD~3, a commit)
  --format F    text (default), json (file, line, column, policy per finding)
                or sarif (SARIF 2.1.0 for code-scanning tools); values are never
                printed
  --out FILE    write the report (or the redacted copy) there instead of stdout
  --redact      print the input with each PII or secret value replaced by
                [REDACTED:type], every other byte unchanged
  --json        for one input: the check_output document plus the findings

Exit code: 0 nothing found, 1 something found, 2 usage error, 3 input unreadable.
Progress goes to stderr, only when stderr is a terminal.
`;

/** Bytes as text: UTF-8 when valid, else one character per byte (so they round-trip). */
export function decodeExact(
  bytes: Uint8Array,
): { text: string; latin1: boolean } {
  try {
    return {
      text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(
        bytes,
      ),
      latin1: false,
    };
  } catch {
    let s = "";
    for (let i = 0; i < bytes.length; i += 8192) {
      s += String.fromCharCode(...bytes.subarray(i, i + 8192));
    }
    return { text: s, latin1: true };
  }
}

/** Text back to bytes, in the encoding {@link decodeExact} read it with. */
export function encodeExact(text: string, latin1: boolean): Uint8Array {
  if (!latin1) return new TextEncoder().encode(text);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

function isBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

async function git(dir: string, args: string[]): Promise<string | undefined> {
  try {
    const out = await new Deno.Command("git", {
      args: ["-C", dir, ...args],
      stdout: "piped",
      stderr: "piped",
      stdin: "null",
    }).output();
    if (!out.success) return undefined;
    return new TextDecoder().decode(out.stdout);
  } catch {
    return undefined;
  }
}

/** The files of a folder to scan, relative to it, sorted. */
export async function folderFiles(dir: string): Promise<string[]> {
  const inside = await git(dir, ["rev-parse", "--is-inside-work-tree"]);
  if (inside?.trim() === "true") {
    const list = await git(dir, [
      "ls-files",
      "-z",
      "--cached",
      "--others",
      "--exclude-standard",
    ]);
    if (list !== undefined) {
      return [...new Set(list.split("\0").filter(Boolean))].sort();
    }
  }
  const out: string[] = [];
  const walk = async (
    rel: string,
    ignored: (p: string, d: boolean) => boolean,
  ) => {
    const abs = rel ? `${dir}/${rel}` : dir;
    let here = ignored;
    try {
      const gi = await Deno.readTextFile(`${abs}/.gitignore`);
      here = gitignoreMatcher(gi, rel, ignored);
    } catch {
      // no .gitignore here
    }
    const entries = [];
    for await (const e of Deno.readDir(abs)) entries.push(e);
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.name === ".git") continue;
      if (here(p, e.isDirectory)) continue;
      if (e.isDirectory) await walk(p, here);
      else if (e.isFile) out.push(p);
    }
  };
  await walk("", () => false);
  return out;
}

/** Added lines of a git range, per file: blocks of consecutive added lines with their first line number. */
export function addedBlocks(
  diff: string,
): { file: string; line: number; text: string }[] {
  const out: { file: string; line: number; text: string }[] = [];
  let file: string | undefined;
  let next = 0;
  let block: { file: string; line: number; lines: string[] } | undefined;
  const flush = () => {
    if (block?.lines.length) {
      out.push({
        file: block.file,
        line: block.line,
        text: block.lines.join("\n"),
      });
    }
    block = undefined;
  };
  for (const raw of diff.split("\n")) {
    if (raw.startsWith("+++ ")) {
      flush();
      const p = raw.slice(4);
      file = p === "/dev/null" ? undefined : p.replace(/^b\//, "");
      continue;
    }
    const h = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(raw);
    if (h) {
      flush();
      next = Number(h[1]);
      continue;
    }
    if (!file) continue;
    if (raw.startsWith("+")) {
      if (!block) block = { file, line: next, lines: [] };
      block.lines.push(raw.slice(1));
      next++;
    } else {
      flush();
      if (raw.startsWith(" ")) next++;
    }
  }
  flush();
  return out;
}

function locate(
  file: string,
  text: string,
  findings: readonly Finding[],
  firstLine = 1,
): LocatedFinding[] {
  const at = lineColumn(text);
  return findings.map((f) => {
    const s = at(f.start);
    const e = at(Math.max(f.start, f.end));
    return {
      file,
      line: s.line + firstLine - 1,
      column: s.column,
      endLine: e.line + firstLine - 1,
      endColumn: e.column,
      policyId: f.policyId,
      type: f.type,
      severity: f.severity,
      action: f.action,
      category: f.category,
    };
  });
}

function progress(): (done: number, total: number) => void {
  if (!Deno.stderr.isTerminal()) return () => {};
  let last = 0;
  const enc = new TextEncoder();
  return (done, total) => {
    const now = Date.now();
    if (done < total && now - last < 100) return;
    last = now;
    Deno.stderr.writeSync(
      enc.encode(
        done < total ? `\rscanning ${done}/${total}…` : "\r\x1b[K",
      ),
    );
  };
}

function describe(id: string): { name: string; description: string } {
  const p = builtinPolicyInfo(id);
  return { name: p?.name ?? id, description: p?.description ?? id };
}

function report(
  findings: LocatedFinding[],
  files: number,
  format: string,
): string {
  if (format === "sarif") {
    return JSON.stringify(sarifLog(findings, describe), null, 2) + "\n";
  }
  if (format === "json") {
    return JSON.stringify(jsonReport(findings, files), null, 2) + "\n";
  }
  if (!findings.length) return `CLEAN  nothing found in ${files} files\n`;
  const lines = findings.map((f) =>
    `${f.file}:${f.line}:${f.column}  ${
      f.severity.padEnd(8)
    } ${f.policyId} (${f.type})`
  );
  return `FOUND ${findings.length}  findings in ${
    new Set(findings.map((f) => f.file)).size
  } of ${files} files (values not shown)\n\n${lines.join("\n")}\n`;
}

async function emit(text: string | Uint8Array, out?: string): Promise<void> {
  const bytes = typeof text === "string"
    ? new TextEncoder().encode(text)
    : text;
  if (out) await Deno.writeFile(out, bytes);
  else {
    let off = 0;
    while (off < bytes.length) {
      off += await Deno.stdout.write(bytes.subarray(off));
    }
  }
}

async function scanMany(
  root: string,
  files: string[],
  config: EngineConfig,
): Promise<{ findings: LocatedFinding[]; scanned: number }> {
  const show = progress();
  const findings: LocatedFinding[] = [];
  let scanned = 0;
  for (const [i, rel] of files.entries()) {
    show(i, files.length);
    let bytes: Uint8Array;
    try {
      bytes = await Deno.readFile(`${root}/${rel}`);
    } catch {
      continue; // listed by git but gone, or unreadable
    }
    if (isBinary(bytes)) continue;
    scanned++;
    const { text } = decodeExact(bytes);
    findings.push(...locate(rel, text, scan(text, config).findings));
  }
  show(files.length, files.length);
  return { findings, scanned };
}

/** `axonflow scan`. */
export async function runScan(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      profile: { type: "string" },
      json: { type: "boolean", default: false },
      format: { type: "string" },
      out: { type: "string" },
      git: { type: "string" },
      redact: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    allowPositionals: true,
  });
  if (values.help) {
    console.log(HELP);
    return EXIT.ok;
  }
  const format = values.format ?? (values.json ? "legacy-json" : "text");
  if (!["text", "json", "sarif", "legacy-json"].includes(format)) {
    throw new UsageError(`--format must be text, json or sarif\n\n${HELP}`);
  }
  const { config, warnings } = loadConfig(values.profile);
  for (const w of warnings) console.error(`warning: ${w}`);

  if (values.git !== undefined) {
    const dir = positionals[0] ?? Deno.cwd();
    const diff = await git(dir, [
      "diff",
      "--no-color",
      "--no-ext-diff",
      "--unified=0",
      values.git,
    ]);
    if (diff === undefined) {
      throw new UsageError(
        `git diff ${values.git} failed in ${dir} (is it a git work tree, and the range valid?)`,
        EXIT.error,
      );
    }
    const blocks = addedBlocks(diff);
    const findings = blocks.flatMap((b) =>
      locate(b.file, b.text, scan(b.text, config).findings, b.line)
    );
    const files = new Set(blocks.map((b) => b.file)).size;
    await emit(
      report(findings, files, format === "legacy-json" ? "json" : format),
      values.out,
    );
    return findings.length ? EXIT.found : EXIT.ok;
  }

  if (positionals.length !== 1) {
    throw new UsageError(`give one FILE, DIR or -\n\n${HELP}`);
  }
  const target = positionals[0];
  let isDir = false;
  if (target !== "-") {
    try {
      isDir = (await Deno.stat(target)).isDirectory;
    } catch (e) {
      throw new UsageError(
        `cannot read ${target}: ${(e as Error).message}`,
        EXIT.error,
      );
    }
  }
  if (isDir) {
    if (values.redact) {
      throw new UsageError("--redact takes one FILE or -, not a folder");
    }
    const files = await folderFiles(target);
    const { findings, scanned } = await scanMany(target, files, config);
    await emit(
      report(findings, scanned, format === "legacy-json" ? "json" : format),
      values.out,
    );
    return findings.length ? EXIT.found : EXIT.ok;
  }

  let bytes: Uint8Array;
  if (target === "-") {
    bytes = new Uint8Array(
      await new Response(Deno.stdin.readable).arrayBuffer(),
    );
  } else {
    try {
      bytes = await Deno.readFile(target);
    } catch (e) {
      throw new UsageError(
        `cannot read ${target}: ${(e as Error).message}`,
        EXIT.error,
      );
    }
  }
  const { text, latin1 } = decodeExact(bytes);
  const big = text.length > 4_000_000 && Deno.stderr.isTerminal();
  if (big) console.error(`scanning ${(text.length / 1e6).toFixed(1)} MB…`);
  const r = scan(text, config);
  if (values.redact) {
    await emit(encodeExact(r.redacted, latin1), values.out);
    return r.findings.length ? EXIT.found : EXIT.ok;
  }
  const name = target === "-" ? "<stdin>" : target;
  if (format === "legacy-json") {
    printJson({
      ...scanDocument(r, config),
      findings: r.findings.map((f) => ({
        policy_id: f.policyId,
        type: f.type,
        start: f.start,
        end: f.end,
        severity: f.severity,
        action: f.action,
      })),
    });
  } else if (format === "text") {
    await emit(formatScan(text, r) + "\n", values.out);
  } else {
    await emit(report(locate(name, text, r.findings), 1, format), values.out);
  }
  return r.findings.length ? EXIT.found : EXIT.ok;
}
