/**
 * Trains the prompt-injection classifier and rewrites the weights block of
 * `governance/engine/detect/injection_model.ts`.
 *
 * Data: the deepset prompt-injection texts (path argument; label 1 =
 * injection), the project's own benign developer tool output
 * (`scripts/data/benign_tool_output.txt`, each line and each window of
 * three lines a negative), because the scanner runs on every tool output,
 * and the project's labelled attacks and developer text
 * (`scripts/data/injection/{tune,heldout,heldout2,heldout3}.jsonl`: each
 * held-out set was measured once and then used for tuning; and every
 * `tune2..tune26.jsonl` (not tune27 and tune28, see DEV_PATHS); heldout5..19,
 * 21, 24 and 26, each reported before;
 * and `docneg.jsonl`, paragraphs of real documentation). `heldout4.jsonl`,
 * heldout20, 22, 23, 25, 26i, 27i, 28, 29, 30i, 31 and later held-out sets
 * are never trained on.
 *
 * Reports 5-fold cross-validated precision/recall/FP rate on deepset, the FP
 * rate on held-out folds of tool output and developer text, picks the
 * decision threshold from the out-of-fold scores (lowest threshold keeping
 * tool-output false positives at or under 0.5%, developer-text false
 * positives at or under 2% and deepset benign false positives at or under
 * 5%), then trains on everything but `heldout4.jsonl`, and reports the
 * final model on it. Deterministic (seeded).
 *
 * Run: deno run --allow-read --allow-write=governance/engine/detect scripts/train_injection.ts [train.jsonl] [--oof]
 *
 * @module
 */

import { devArgs } from "./lib/dev_args.ts";
import {
  DIMS,
  featureScale,
  featurize,
} from "../governance/engine/detect/injection_model.ts";
import { findPromptInjection } from "../governance/engine/detect/injection.ts";

/** True when a non-classifier policy (patterns, hidden or encoded text) fires. */
const patternsFire = (text: string): boolean =>
  findPromptInjection(text).some((f) =>
    f.policyId !== "sys_injection_classifier"
  );

const MODEL_PATH = "governance/engine/detect/injection_model.ts";
const BENIGN_PATH = "scripts/data/benign_tool_output.txt";
/** The project's labelled attacks and developer text trained on (rules were tuned on these too). */
// Training on every project set was tried (2026-12-03): the model then
// flagged 108-164 of 2,328 real documentation files (scripts/eval_docs.ts)
// against 3-7 with these four. With the structural cue features
// (injection_cues.ts) the tune sets are added too: 5 of 2,520 files flagged.
const DEV_PATHS = [
  "scripts/data/injection/tune.jsonl",
  "scripts/data/injection/heldout.jsonl",
  "scripts/data/injection/heldout2.jsonl",
  "scripts/data/injection/heldout3.jsonl",
  // tune2..tune26. tune27 and tune28 (round inj11, 2026-12-07) are left
  // out: trained on, the caps below pick 0.74 and the model flags 6 of the
  // 2,312 files of scripts/eval_docs.ts (3 now); held at 0.77 (3 files) it
  // found 87.1% of the never-trained sets at 1.4% false positives against
  // 87.3% at 1.8% now, but patterns + classifier out of fold on deepset fell
  // from 61.6% to 58.6%. Structural cues for people addressed, requests
  // described and phishing awareness changed nothing measurable.
  ...Array.from(
    { length: 25 },
    (_, i) => `scripts/data/injection/tune${i + 2}.jsonl`,
  ),
  // Held-out sets measured and reported in earlier rounds (2026-12-03,
  // round inj9): trained on, they lifted the never-trained sets heldout20,
  // 22, 23, 25 and 28 by 2-17 points; their own figures are in-sample since.
  ...Array.from(
    { length: 15 },
    (_, i) => `scripts/data/injection/heldout${i + 5}.jsonl`,
  ),
  "scripts/data/injection/heldout21.jsonl",
  "scripts/data/injection/heldout24.jsonl",
  "scripts/data/injection/heldout26.jsonl",
  // Paragraphs of real documentation outside the folders eval_docs.ts
  // reports on (scripts/make_doc_negatives.ts): with the sets above and
  // without these the model flagged 70 of 2,312 documentation files.
  "scripts/data/injection/docneg.jsonl",
];
/** Project sets built from templates (scripts/make_injection_tune12.ts). */
const GENERATED_PATHS = ["scripts/data/injection/tune12.jsonl"];
/** Never trained on and never tuned on: the final figure. */
const HELDOUT_PATH = "scripts/data/injection/heldout4.jsonl";
const FOLDS = 5;
/** injection.ts's MIN_WORDS: fewer words and the classifier never flags alone. */
const MIN_WORDS = 5;
/** injection.ts's CLASSIFIER_FLOOR: the least score that flags in the engine. */
const ENGINE_FLOOR = 0.7;

/** Runs of letters in a text, as injection.ts counts them (CJK: one per character). */
function letterWords(text: string): number {
  return (text.match(/[\u2e80-\uffff]|[a-zA-Z\u0080-\u2e7f]+/g) ?? []).length;
}
/**
 * Most out-of-fold false positives on the project's developer text at the
 * chosen threshold. 2% was the cap until L2 was raised (2026-12-07); the
 * smoother model reaches the old recall at 1% and 1.5% keeps part of the
 * gain while the flagged developer text stays under the old figure.
 */
const DEV_FP_CAP = 0.02;
const EPOCHS = 20;
const LR = 0.2;
/**
 * L2 penalty. 1e-5 until 2026-12-07; at 1e-3 the hand-written sets, each
 * scored by a model that never saw it, are found 69% of the time at 2%
 * false positives against 64% (59% -> 64% at 1%): the weaker penalty let
 * rare n-grams of one set carry the score.
 */
const L2 = 1e-3;
/** Tool-output negatives weigh more: the scanner reads tool output all day. */
const TOOL_WEIGHT = 3;

interface Sample {
  idx: Int32Array;
  val: Float32Array;
  label: 0 | 1;
  source: "deepset" | "tool" | "dev";
  fold: number;
}

/** Deterministic PRNG (mulberry32). */
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

function shuffle<T>(xs: T[], rand: () => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
}

function toSample(
  text: string,
  label: 0 | 1,
  source: Sample["source"],
  fold: number,
): Sample {
  const f = featurize(text);
  const x = featureScale(f);
  const idx = new Int32Array(f.size);
  const val = new Float32Array(f.size);
  let i = 0;
  for (const [k, c] of f) {
    idx[i] = k;
    val[i] = c * x;
    i++;
  }
  return { idx, val, label, source, fold };
}

function dot(w: Float64Array, s: Sample): number {
  let z = 0;
  for (let i = 0; i < s.idx.length; i++) z += w[s.idx[i]] * s.val[i];
  return z;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Logistic regression by AdaGrad SGD with L2 and class balancing. */
function train(
  samples: Sample[],
  seed: number,
): { w: Float64Array; b: number } {
  const w = new Float64Array(DIMS);
  const g2 = new Float64Array(DIMS).fill(1e-8);
  let b = 0;
  let gb = 1e-8;
  const pos = samples.filter((s) => s.label === 1).length;
  const neg = samples.length - pos;
  const wPos = samples.length / (2 * Math.max(pos, 1));
  const wNeg = samples.length / (2 * Math.max(neg, 1));
  const rand = rng(seed);
  const order = samples.map((_, i) => i);
  for (let e = 0; e < EPOCHS; e++) {
    shuffle(order, rand);
    for (const i of order) {
      const s = samples[i];
      const p = sigmoid(dot(w, s) + b);
      const g = (p - s.label) * (s.label === 1 ? wPos : wNeg) *
        (s.source === "tool" ? TOOL_WEIGHT : 1);
      for (let j = 0; j < s.idx.length; j++) {
        const k = s.idx[j];
        const gk = g * s.val[j] + L2 * w[k];
        g2[k] += gk * gk;
        w[k] -= (LR / Math.sqrt(g2[k])) * gk;
      }
      gb += g * g;
      b -= (LR / Math.sqrt(gb)) * g;
    }
  }
  return { w, b };
}

function readDeepset(path: string): { text: string; label: 0 | 1 }[] {
  return Deno.readTextFileSync(path).split("\n").filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { text: string; label: number })
    .map((r) => ({ text: r.text, label: r.label === 1 ? 1 : 0 }));
}

/** Benign tool-output lines plus 3-line windows, each tagged with a fold by position. */
function readBenign(path: string): { text: string; fold: number }[] {
  const lines = Deno.readTextFileSync(path).split("\n").filter((l) => l.trim());
  const blockFold = (i: number) => Math.floor(i / 20) % FOLDS;
  const out = lines.map((text, i) => ({ text, fold: blockFold(i) }));
  for (let i = 0; i + 3 <= lines.length; i += 2) {
    if (blockFold(i) !== blockFold(i + 2)) continue;
    out.push({ text: lines.slice(i, i + 3).join("\n"), fold: blockFold(i) });
  }
  return out;
}

interface Stats {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

function stats(scored: { p: number; label: number }[], t: number): Stats {
  const s = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const { p, label } of scored) {
    if (p >= t) label ? s.tp++ : s.fp++;
    else label ? s.fn++ : s.tn++;
  }
  return s;
}

/** Attacks found at the lowest threshold whose false-positive rate is at most `cap`. */
function recallAtFp(
  scored: { p: number; label: number }[],
  cap: number,
): { tp: number; pos: number; t: number } {
  const neg = scored.filter((x) => x.label === 0).map((x) => x.p)
    .sort((a, b) => b - a);
  const allowed = Math.floor(cap * neg.length);
  // Flag strictly above the (allowed+1)-th highest benign score.
  const t = allowed < neg.length ? neg[allowed] : 0;
  const pos = scored.filter((x) => x.label === 1);
  return { tp: pos.filter((x) => x.p > t).length, pos: pos.length, t };
}

const pct = (a: number, b: number) =>
  b === 0 ? "n/a" : `${(100 * a / b).toFixed(1)}%`;

function main(): void {
  const { positionals, values } = devArgs({
    args: Deno.args,
    allowPositionals: true,
    options: {
      oof: { type: "boolean", default: false },
      misses: { type: "boolean", default: false },
    },
  }, "deno task train [--oof] [--misses] [DEEPSET_TRAIN.jsonl]");
  const dataPath = positionals[0] ??
    "../shared/corpora/prompt-injection-deepset/train.jsonl";
  const deep = readDeepset(dataPath);
  const rand = rng(1234);
  // Stratified fold assignment.
  const folds = new Array<number>(deep.length);
  for (const label of [0, 1]) {
    const ids = shuffle(
      deep.map((_, i) => i).filter((i) => deep[i].label === label),
      rand,
    );
    ids.forEach((id, k) => (folds[id] = k % FOLDS));
  }
  const texts: string[] = deep.map((d) => d.text);
  const samples: Sample[] = deep.map((d, i) =>
    toSample(d.text, d.label, "deepset", folds[i])
  );
  for (const b of readBenign(BENIGN_PATH)) {
    samples.push(toSample(b.text, 0, "tool", b.fold));
    texts.push(b.text);
  }
  // Each project set is one group: its texts share a fold, so the
  // out-of-fold figures measure phrasings of sets the model never saw.
  // Template-built sets (GENERATED_PATHS) are spread over the folds: their
  // texts are variations of one another, so a fold of its own would only
  // test the model on templates it never saw a single variant of.
  const dev = DEV_PATHS.flatMap((path, g) =>
    readDeepset(path).map((d, k) => ({
      ...d,
      path,
      fold: GENERATED_PATHS.includes(path) ? k % FOLDS : g % FOLDS,
    }))
  );
  for (const d of dev) {
    samples.push(toSample(d.text, d.label, "dev", d.fold));
    texts.push(d.text);
  }

  // Cross-validation: out-of-fold scores for every sample.
  const oof = new Float64Array(samples.length);
  for (let f = 0; f < FOLDS; f++) {
    const { w, b } = train(samples.filter((s) => s.fold !== f), 99 + f);
    samples.forEach((s, i) => {
      if (s.fold === f) oof[i] = sigmoid(dot(w, s) + b);
    });
  }
  // The engine lets the classifier flag a chunk alone only when it has
  // MIN_WORDS words (injection.ts): shorter texts are scored 0 here, so the
  // threshold is chosen under the rule the engine applies.
  samples.forEach((_, i) => {
    if (letterWords(texts[i]) < MIN_WORDS) oof[i] = 0;
  });
  const deepScored = samples.map((s, i) => ({ s, p: oof[i] }))
    .filter((x) => x.s.source === "deepset")
    .map((x) => ({ p: x.p, label: x.s.label }));
  const toolScored = samples.map((s, i) => ({ s, p: oof[i] }))
    .filter((x) => x.s.source === "tool")
    .map((x) => ({ p: x.p, label: 0 }));
  const devScored = samples.map((s, i) => ({ s, p: oof[i] }))
    .filter((x) => x.s.source === "dev")
    .map((x) => ({ p: x.p, label: x.s.label }));
  // The hand-written sets alone, each scored by a model that never saw it.
  const groupedScored = samples.map((s, i) => ({
    s,
    p: oof[i],
    d: dev[i - (samples.length - dev.length)],
  }))
    .filter((x) => x.s.source === "dev" && !GENERATED_PATHS.includes(x.d.path))
    .map((x) => ({ p: x.p, label: x.s.label }));

  // One figure to compare featurisations and data by: the hand-written
  // sets' recall where their out-of-fold false positives are at most 1% or
  // 2% (a threshold-free comparison; the engine's floor is fixed below).
  for (const cap of [0.01, 0.02]) {
    const r = recallAtFp(groupedScored, cap);
    console.log(
      `hand-written sets out of fold: ${pct(r.tp, r.pos)} of attacks at <= ${
        cap * 100
      }% false positives (threshold ${r.t.toFixed(3)})`,
    );
  }

  let threshold = 0.95;
  for (let t = 0.3; t <= 0.951; t += 0.01) {
    const d = stats(deepScored, t);
    const tool = stats(toolScored, t);
    const v = stats(devScored, t);
    if (
      tool.fp <= 0.005 * toolScored.length && d.fp <= 0.05 * (d.fp + d.tn) &&
      v.fp <= DEV_FP_CAP * (v.fp + v.tn)
    ) {
      threshold = Math.round(t * 100) / 100;
      break;
    }
  }
  // injection.ts flags on the classifier alone at CLASSIFIER_FLOOR or above.
  for (const t of [0.5, threshold, Math.max(threshold, ENGINE_FLOOR)]) {
    const d = stats(deepScored, t);
    const tool = stats(toolScored, t);
    console.log(
      `${FOLDS}-fold CV @${t.toFixed(2)}: deepset precision ${
        pct(d.tp, d.tp + d.fp)
      } recall ${pct(d.tp, d.tp + d.fn)} FP rate ${
        pct(d.fp, d.fp + d.tn)
      } (tp ${d.tp} fp ${d.fp} fn ${d.fn} tn ${d.tn}); tool-output FP ${tool.fp}/${toolScored.length} (${
        pct(tool.fp, toolScored.length)
      })`,
    );
    const v = stats(devScored, t);
    console.log(
      `    project's attacks and developer text (out of fold): attacks found ${
        pct(v.tp, v.tp + v.fn)
      }, false positives ${v.fp}/${v.fp + v.tn} (${pct(v.fp, v.fp + v.tn)})`,
    );
    const g = stats(groupedScored, t);
    console.log(
      `    hand-written sets, each out of fold: attacks found ${
        pct(g.tp, g.tp + g.fn)
      }, false positives ${g.fp}/${g.fp + g.tn} (${pct(g.fp, g.fp + g.tn)})`,
    );
  }
  {
    // What the classifier adds over the patterns on project sets it never saw.
    const devTexts = samples.map((s, i) => ({ s, p: oof[i] }))
      .filter((x) => x.s.source === "dev");
    let missed = 0, added = 0, negClear = 0, negAdded = 0;
    devTexts.forEach((x, k) => {
      if (patternsFire(dev[k].text)) return;
      if (x.s.label === 1) {
        missed++;
        if (x.p >= Math.max(threshold, ENGINE_FLOOR)) added++;
      } else {
        negClear++;
        if (x.p >= Math.max(threshold, ENGINE_FLOOR)) negAdded++;
      }
    });
    console.log(
      `    classifier over patterns (project sets, grouped out of fold): finds ${added}/${missed} attacks the patterns miss, flags ${negAdded}/${negClear} developer texts they pass`,
    );
  }
  {
    // What the engine does: patterns, or the classifier out of fold.
    const d = stats(
      deep.map((x, i) => ({
        p: oof[i] >= Math.max(threshold, ENGINE_FLOOR) || patternsFire(x.text)
          ? 1
          : 0,
        label: x.label,
      })),
      0.5,
    );
    console.log(
      `patterns + classifier (out of fold) on deepset: precision ${
        pct(d.tp, d.tp + d.fp)
      } recall ${pct(d.tp, d.tp + d.fn)} FP rate ${pct(d.fp, d.fp + d.tn)}`,
    );
  }
  if (values.misses) {
    // Project texts the classifier gets wrong out of fold (patterns aside).
    const t = Math.max(threshold, ENGINE_FLOOR);
    samples.forEach((s, i) => {
      if (s.source !== "dev" || (oof[i] >= t) === (s.label === 1)) return;
      console.log(
        `${s.label ? "MISS" : "FP  "} ${oof[i].toFixed(2)} ${
          JSON.stringify(texts[i].slice(0, 160))
        }`,
      );
    });
  }
  if (values.oof) {
    console.log(
      `OOF ${
        JSON.stringify(
          deep.map((d, i) => ({ text: d.text, label: d.label, p: oof[i] })),
        )
      }`,
    );
  }

  // Final model on everything.
  const { w, b } = train(samples, 7);
  const held = readDeepset(HELDOUT_PATH).map((d) => ({
    p: sigmoid(dot(w, toSample(d.text, d.label, "dev", 0)) + b),
    label: d.label,
  }));
  const h = stats(held, threshold);
  console.log(
    `final model on ${HELDOUT_PATH} (never trained on), classifier alone @${threshold}: attacks found ${
      pct(h.tp, h.tp + h.fn)
    }, false positives ${h.fp}/${h.fp + h.tn} (${pct(h.fp, h.fp + h.tn)})`,
  );
  let max = 0;
  for (const x of w) max = Math.max(max, Math.abs(x));
  const scale = max / 127 || 1;
  let bin = "";
  for (const x of w) {
    bin += String.fromCharCode(Math.round(x / scale) & 0xff);
  }
  const block = [
    "// BEGIN WEIGHTS (generated by scripts/train_injection.ts; do not edit)",
    "/** Trained parameters: bias, int8 weight scale, base64 int8 weights, decision threshold. */",
    "export const MODEL = {",
    `  bias: ${b},`,
    `  scale: ${scale},`,
    `  threshold: ${threshold},`,
    `  weights:\n    "${btoa(bin)}",`,
    "};",
    "// END WEIGHTS",
  ].join("\n");
  const src = Deno.readTextFileSync(MODEL_PATH);
  const next = src.replace(
    /\/\/ BEGIN WEIGHTS[\s\S]*?\/\/ END WEIGHTS/,
    () => block,
  );
  Deno.writeTextFileSync(MODEL_PATH, next);
  console.log(
    `wrote ${MODEL_PATH}: ${samples.length} samples, threshold ${threshold}, ${next.length} bytes`,
  );
}

if (import.meta.main) main();
