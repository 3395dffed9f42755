/**
 * `deno run --allow-read scripts/eval_docs.ts [--verbose] DIR...`: the
 * prompt-injection false-flag count on real documentation. Every
 * documentation file under the folders (README*, CHANGELOG*, HISTORY*,
 * *.md, *.markdown, *.rst, *.txt, Python METADATA, and the same gzipped,
 * as /usr/share/doc keeps them) is scanned as tool output, the way an agent
 * reading it would have it judged; the files flagged are counted, per
 * policy. Documentation is taken as benign: a flag is a false positive
 * unless reading it shows otherwise.
 *
 * Typical folders on a developer machine: the Deno cache (`~/.cache/deno`),
 * `/usr/share/doc`, global npm packages (`$(npm root -g)`), Python
 * site-packages.
 *
 * @module
 */
import { devArgs } from "./lib/dev_args.ts";
import { join } from "node:path";
import { scan } from "../governance/engine/mod.ts";

/** Largest file read, in bytes (larger ones are cut: a page is what an agent reads). */
const MAX_BYTES = 256 * 1024;
const DOC_NAME =
  /^(?:readme|changelog|history|changes|news|contributing|security|authors|upgrading|migration)(?:\.[\w.]{1,12})?$|\.(?:md|markdown|rst|txt)$|^METADATA$/i;

/** True for the name of a documentation file (a `.gz` one too). */
function isDoc(name: string): boolean {
  return DOC_NAME.test(name.replace(/\.gz$/, "")) &&
    !/^(?:license|copying)/i.test(name) &&
    !/\.(?:py|js|mjs|cjs|ts|c|h|cc|rb|pl|sh|go|java|rs)$/i.test(name);
}

async function* walk(root: string, depth = 0): AsyncGenerator<string> {
  if (depth > 12) return;
  let entries: Deno.DirEntry[] = [];
  try {
    for await (const e of Deno.readDir(root)) entries.push(e);
  } catch {
    return;
  }
  entries = entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const p = join(root, e.name);
    if (e.isDirectory) yield* walk(p, depth + 1);
    else if (e.isFile && isDoc(e.name)) yield p;
  }
}

async function readDoc(path: string): Promise<string | undefined> {
  try {
    let bytes = await Deno.readFile(path);
    if (path.endsWith(".gz")) {
      const stream = new Blob([bytes]).stream().pipeThrough(
        new DecompressionStream("gzip"),
      );
      bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    }
    const text = new TextDecoder("utf-8", { fatal: false }).decode(
      bytes.subarray(0, MAX_BYTES),
    );
    // Binary files that happen to carry a doc name.
    return text.includes("\u0000") ? undefined : text;
  } catch {
    return undefined;
  }
}

const { values, positionals } = devArgs({
  args: Deno.args.filter((a) => a !== "--"),
  allowPositionals: true,
  options: { verbose: { type: "boolean", short: "v" } },
}, "deno run --allow-read scripts/eval_docs.ts [--verbose] DIR...");
if (positionals.length === 0) {
  console.error("usage: eval_docs.ts [--verbose] DIR...");
  Deno.exit(2);
}

const seen = new Set<string>();
let files = 0;
let bytes = 0;
const flagged: { path: string; policies: string[]; excerpt: string }[] = [];
const perPolicy = new Map<string, number>();
const started = performance.now();
for (const root of positionals) {
  for await (const path of walk(root)) {
    const text = await readDoc(path);
    if (text === undefined || !text.trim()) continue;
    // The same README ships in several versions of a package: count it once.
    if (seen.has(text)) continue;
    seen.add(text);
    files++;
    bytes += text.length;
    const found = scan(text).findings.filter((f) => f.category === "injection");
    if (found.length === 0) continue;
    const policies = [...new Set(found.map((f) => f.policyId))];
    for (const p of policies) perPolicy.set(p, (perPolicy.get(p) ?? 0) + 1);
    const f = found[0];
    flagged.push({
      path,
      policies,
      excerpt: text.slice(f.start, Math.min(f.end, f.start + 160))
        .replace(/\s+/g, " "),
    });
  }
}
console.log(
  `${files} documentation files (${
    (bytes / 1e6).toFixed(1)
  } MB, duplicates dropped), ${flagged.length} flagged (${
    files ? (100 * flagged.length / files).toFixed(2) : "0"
  }%) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
for (const [p, n] of [...perPolicy].sort((a, b) => b[1] - a[1])) {
  console.log(`  ${p}: ${n}`);
}
if (values.verbose) {
  for (const f of flagged) {
    console.log(`${f.path}  [${f.policies.join(", ")}]\n    ${f.excerpt}`);
  }
}
