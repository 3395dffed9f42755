/**
 * `deno run -A scripts/eval_sensitive.ts [--seed N] [--n N] [--file F] [--verbose]`:
 * the PII and secret scanner on a generated held-out corpus
 * (`scripts/lib/sensitive_corpus.ts`), or on a JSON-lines file of
 * `{"text", "label": "secret"|"pii"|"benign", "values": [...]}` cases
 * (`scripts/data/sensitive_unseen.jsonl`: hand-written carriers the
 * generator does not use; a row may name its `class`, which then is its
 * family, else the family is the line number). Prints, per label and family, the
 * share of positives whose values are all gone from the redacted text, and
 * the share of benign texts with any PII or secret finding.
 *
 * @module
 */
import { devArgs } from "./lib/dev_args.ts";
import { scan } from "../governance/engine/mod.ts";
import { type SensitiveCase, sensitiveCorpus } from "./lib/sensitive_corpus.ts";

/** Outcome of one case: redacted fully (positives) or flagged at all (benign). */
export function judge(c: SensitiveCase): boolean {
  for (const v of c.values) {
    if (!c.text.includes(v)) throw new Error(`bad case: ${v} not in ${c.text}`);
  }
  const r = scan(c.text);
  if (c.label === "benign") {
    return r.findings.some((f) =>
      f.category === "pii" || f.category === "secret"
    );
  }
  return c.values.every((v) => !r.redacted.includes(v));
}

/** Cases of a JSON-lines file (see the module doc); the family is the row's class, else its line number. */
export function readCases(text: string): SensitiveCase[] {
  return text.split("\n").filter((l) => l.trim() !== "").map((line, i) => {
    const row = JSON.parse(line) as
      & Omit<SensitiveCase, "family">
      & { class?: string };
    const { class: cls, ...rest } = row;
    return { ...rest, family: cls ?? `line ${i + 1}` };
  });
}

if (import.meta.main) {
  const { values } = devArgs(
    {
      args: Deno.args,
      options: {
        seed: { type: "string", default: "20261202" },
        n: { type: "string", default: "2000" },
        file: { type: "string" },
        verbose: { type: "boolean", short: "v" },
      },
    },
    "deno run --allow-read scripts/eval_sensitive.ts [--file CASES.jsonl | --seed N --n COUNT] [--verbose]",
  );
  const cases = values.file !== undefined
    ? readCases(await Deno.readTextFile(values.file))
    : sensitiveCorpus(Number(values.seed), Number(values.n));
  const byLabel = new Map<string, [number, number]>();
  const byFamily = new Map<string, [number, number, string[]]>();
  for (const c of cases) {
    const hit = judge(c);
    const l = byLabel.get(c.label) ?? [0, 0];
    l[0] += hit ? 1 : 0;
    l[1]++;
    byLabel.set(c.label, l);
    const fam = c.family;
    const f = byFamily.get(`${c.label}\t${fam}`) ?? [0, 0, []];
    f[0] += hit ? 1 : 0;
    f[1]++;
    const bad = c.label === "benign" ? hit : !hit;
    if (bad && (values.verbose || f[2].length < 3)) {
      f[2].push(JSON.stringify(c.text).slice(0, 160));
    }
    byFamily.set(`${c.label}\t${fam}`, f);
  }
  const pct = (a: number, b: number) => `${(100 * a / b).toFixed(1)}%`;
  for (const [label, [a, b]] of byLabel) {
    const what = label === "benign" ? "false positives" : "redacted";
    console.log(
      `${label.padEnd(7)} ${what.padEnd(16)} ${
        pct(a, b).padStart(6)
      }  (${a}/${b})`,
    );
  }
  console.log("\nper family:");
  for (const [key, [a, b, ex]] of [...byFamily].sort()) {
    const [label, fam] = key.split("\t");
    const good = label === "benign" ? b - a : a;
    if (!values.verbose && good === b) continue;
    console.log(
      `  ${label.padEnd(6)} ${fam.padEnd(28)} ${
        pct(a, b).padStart(6)
      } (${a}/${b})`,
    );
    for (const e of ex) console.log(`      ${e}`);
  }
}
