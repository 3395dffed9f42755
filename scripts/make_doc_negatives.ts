/**
 * Writes `scripts/data/injection/docneg.jsonl`: paragraphs of real
 * documentation (label 0) for training the injection classifier, so it
 * learns that prose about AI tools, agents and their settings is not an
 * attack. Paragraphs the current model scores highest are kept first (hard
 * negatives), then an even sample of the rest. The folders read here must
 * not be the ones `scripts/eval_docs.ts` reports on (`/usr/share/doc`,
 * global npm packages): those stay the unseen false-flag check. The
 * committed file (2026-12-03) was mined with the model trained on the
 * reported held-out sets but not on this file, from ~/.pyenv/versions,
 * /usr/share/cmake-3.25, /usr/lib/google-cloud-sdk, ~/.cache/deno and
 * /usr/lib/jvm; rerun with the current model, it picks other paragraphs.
 *
 * Run: deno run --allow-read --allow-write=scripts/data/injection scripts/make_doc_negatives.ts DIR...
 *
 * @module
 */
import { join } from "node:path";
import { injectionScore } from "../governance/engine/detect/injection.ts";

const OUT = "scripts/data/injection/docneg.jsonl";
const DOC_NAME =
  /^(?:readme|changelog|history|changes|news|contributing|security)(?:\.[\w.]{1,12})?$|\.(?:md|markdown|rst|txt)$|^METADATA$/i;
/** Hard negatives kept (highest scores first). */
const HARD = 300;
/** Other paragraphs kept, sampled evenly. */
const EASY = 1200;

async function* walk(root: string, depth = 0): AsyncGenerator<string> {
  if (depth > 12) return;
  const entries: Deno.DirEntry[] = [];
  try {
    for await (const e of Deno.readDir(root)) entries.push(e);
  } catch {
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const p = join(root, e.name);
    if (e.isDirectory && !e.isSymlink) yield* walk(p, depth + 1);
    else if (
      e.isFile && DOC_NAME.test(e.name) && !/^licen[cs]e/i.test(e.name)
    ) {
      yield p;
    }
  }
}

const seen = new Set<string>();
const scored: { text: string; p: number }[] = [];
for (const root of Deno.args) {
  for await (const path of walk(root)) {
    let text: string;
    try {
      text = new TextDecoder().decode(
        (await Deno.readFile(path)).subarray(0, 256 * 1024),
      );
    } catch {
      continue;
    }
    if (text.includes("\u0000")) continue;
    for (const para of text.split(/\n\s*\n/)) {
      const t = para.trim();
      if (t.length < 60 || t.length > 700 || seen.has(t)) continue;
      seen.add(t);
      scored.push({ text: t, p: injectionScore(t) });
    }
  }
}
scored.sort((a, b) => b.p - a.p);
const keep = scored.slice(0, HARD);
const rest = scored.slice(HARD);
const step = Math.max(1, Math.floor(rest.length / EASY));
for (let i = 0; i < rest.length && keep.length < HARD + EASY; i += step) {
  keep.push(rest[i]);
}
await Deno.writeTextFile(
  OUT,
  keep.map((k) => JSON.stringify({ text: k.text, label: 0 })).join("\n") +
    "\n",
);
console.log(
  `${scored.length} paragraphs, kept ${keep.length} (scores >= ${
    keep[HARD - 1]?.p.toFixed(3)
  } among the hard ones)`,
);
