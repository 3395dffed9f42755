/**
 * A snapshot of the engine's verdicts, to prove a speed change changed none:
 * `evaluate()` over every row of `tests/guard/*.jsonl` (verdict, reason,
 * every match and finding; not the random decision id) and `scan()` over every text of
 * `scripts/data/**` (the JSONL rows' `text`, or each line of a text file:
 * findings and redacted text), one JSON line each, written to a file. Run
 * it on the code before and after a change and compare the files byte for
 * byte (`cmp`).
 *
 * Run: `deno run --allow-read --allow-write scripts/verdict_snapshot.ts OUT [--root DIR]`
 * (`--root` a checkout to load the engine from; this one by default).
 *
 * @module
 */
import { devArgs } from "./lib/dev_args.ts";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url)).replace(/\/$/, "");

/** Files under `dir` (recursive), sorted, with their path relative to it. */
function filesUnder(dir: string, rel = ""): string[] {
  const out: string[] = [];
  const entries = [...Deno.readDirSync(`${dir}/${rel}`)].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0
  );
  for (const e of entries) {
    const p = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory) out.push(...filesUnder(dir, p));
    else if (e.isFile) out.push(p);
  }
  return out;
}

/** Texts of one data file: each JSONL row's `text` (or `input`), or each line of a text file. */
function textsOf(path: string): string[] {
  const raw = Deno.readTextFileSync(path);
  if (!path.endsWith(".jsonl")) return raw.split("\n");
  const out: string[] = [];
  for (const line of raw.split("\n")) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as Record<string, unknown>;
    for (const k of ["text", "input", "prompt", "output"]) {
      if (typeof row[k] === "string") out.push(row[k] as string);
    }
  }
  return out;
}

if (import.meta.main) {
  const { values, positionals } = devArgs({
    args: Deno.args,
    allowPositionals: true,
    options: { root: { type: "string", default: ROOT } },
  }, "verdict_snapshot.ts OUT [--root DIR]");
  const out = positionals[0];
  if (!out) throw new Error("usage: verdict_snapshot.ts OUT [--root DIR]");
  const root = Deno.realPathSync(values.root);
  const { evaluate, scan } = await import(
    `file://${root}/governance/engine/mod.ts`
  );
  const lines: string[] = [];
  const guard = `${ROOT}/tests/guard`;
  let rows = 0, texts = 0;
  for (const f of filesUnder(guard).filter((p) => p.endsWith(".jsonl"))) {
    for (const line of Deno.readTextFileSync(`${guard}/${f}`).split("\n")) {
      if (!line.trim()) continue;
      const c = JSON.parse(line);
      const d = evaluate({
        toolName: c.tool,
        input: c.input,
        home: c.home,
        cwd: c.cwd,
        profile: c.profile,
      });
      // The decision id is random per call: everything else is compared.
      const { decisionId: _id, ...rest } = d;
      lines.push(JSON.stringify({ f, id: c.id, d: rest }));
      rows++;
    }
  }
  const data = `${ROOT}/scripts/data`;
  for (const f of filesUnder(data)) {
    textsOf(`${data}/${f}`).forEach((t, i) => {
      lines.push(JSON.stringify({ f, i, s: scan(t) }));
      texts++;
    });
  }
  Deno.writeTextFileSync(out, lines.join("\n") + "\n");
  console.log(`${rows} guard rows, ${texts} texts -> ${out}`);
}
