/**
 * `deno task eval [FOLDER...]`: runs the engine over labelled corpora and
 * prints recall and false-positive rate per corpus and sub-folder.
 *
 * Formats, recognised by file: `*.toml` with `[[case]]` tables (`command`,
 * `expected = "allow"|"deny"`) are shell commands, judged as a Codex `Bash`
 * call in both profiles; `*.jsonl` with `{"text","label"}` are prompt-injection
 * texts, scanned as tool output; `*.sql.jsonl` with `{"text","label"}` are
 * statements (label 1 = attack) sent to a `postgres` database connector;
 * `*.txt` are attack payloads (all positive), judged twice: as text sent to a
 * tool and as a statement sent to a database (SQL-injection policies).
 * `--split a|b` keeps one half of every corpus (by a hash of each case), so
 * rules can be tuned on one half and reported on the other.
 *
 * @module
 */
import { devArgs } from "./lib/dev_args.ts";
import { join, relative } from "node:path";
import { evaluate, type Profile, scan } from "../governance/engine/mod.ts";
import {
  type LabelledCase,
  parseCommandCases,
  parseLabelledJsonl,
  parsePayloadList,
} from "./lib/corpus.ts";

type Kind = "commands" | "injection" | "sqli" | "sql-statements";

/**
 * How a corpus is judged. Commands run in both profiles; injection texts run
 * with the whole engine and with patterns only, because the classifier was
 * trained on the public injection corpus and its in-sample figures flatter it
 * (the honest figures for the classifier are the cross-validated ones printed
 * by `deno task train`).
 */
type Variant = Profile | "patterns-only" | "text" | "statement";

interface Tally {
  kind: Kind;
  group: string;
  profile?: Variant;
  tp: number;
  fn: number;
  fp: number;
  tn: number;
  misses: string[];
  falseAlarms: string[];
}

const WORKSPACE = "/home/dev/project";
const CLASSIFIER = "sys_injection_classifier";
const HOME = "/home/dev";

/** True when the engine flags the case. */
function flagged(kind: Kind, text: string, variant: Variant): boolean {
  if (kind === "commands") {
    const profile = variant === "strict" ? "strict" : "standard";
    return !evaluate({
      toolName: "Bash",
      input: { command: text },
      cwd: WORKSPACE,
      home: HOME,
      profile,
    }).allowed;
  }
  if (kind === "injection") {
    return scan(text).findings.some((f) =>
      f.category === "injection" &&
      (variant !== "patterns-only" || f.policyId !== CLASSIFIER)
    );
  }
  if (kind === "sql-statements" || variant === "statement") {
    return evaluate({ toolName: "postgres", input: { query: text } }).matches
      .some((m) => m.category === "sqli");
  }
  return evaluate({ toolName: "web_form", input: text }).matches.some((m) =>
    m.category === "sqli"
  );
}

/** FNV-1a hash of a case, to split a corpus into two stable halves. */
function half(text: string): "a" | "b" {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  }
  return (h >>> 0) % 2 === 0 ? "a" : "b";
}

async function* files(root: string): AsyncGenerator<string> {
  const info = await Deno.stat(root);
  if (info.isFile) {
    yield root;
    return;
  }
  const entries = [];
  for await (const e of Deno.readDir(root)) entries.push(e);
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const p = join(root, e.name);
    if (e.isDirectory) yield* files(p);
    else if (e.isFile) yield p;
  }
}

function kindOf(path: string): Kind | undefined {
  if (path.endsWith(".toml")) return "commands";
  if (path.endsWith(".sql.jsonl")) return "sql-statements";
  if (path.endsWith(".jsonl")) return "injection";
  if (path.endsWith(".txt") && !/LICENSE|README/i.test(path)) return "sqli";
  return undefined;
}

function parse(kind: Kind, text: string): LabelledCase[] {
  if (kind === "commands") return parseCommandCases(text);
  if (kind === "injection" || kind === "sql-statements") {
    return parseLabelledJsonl(text);
  }
  return parsePayloadList(text);
}

function pct(n: number, d: number): string {
  return d === 0 ? "   -  " : `${(100 * n / d).toFixed(1).padStart(5)}%`;
}

const { values, positionals } = devArgs({
  args: Deno.args.filter((a) => a !== "--"),
  allowPositionals: true,
  options: {
    verbose: { type: "boolean", short: "v" },
    json: { type: "boolean" },
    split: { type: "string" },
    help: { type: "boolean", short: "h" },
  },
}, "deno task eval [--verbose] [--json] [--split a|b] [FOLDER...]");

if (values.help) {
  console.log(
    `Usage: deno task eval [--verbose] [--json] [--split a|b] [FOLDER...]

Runs the engine over labelled corpora (default: ../shared/corpora) and prints,
per corpus and sub-folder, recall (positives flagged) and false-positive rate
(negatives flagged). Shell commands are judged in both profiles. Injection
texts are judged by the whole engine and by its patterns alone: the
classifier was trained on the public injection corpus, so its figures there
are in-sample (deno task train prints cross-validated ones). SQL payload
lists are judged as text sent to a tool and as statements sent to a
database. --split a|b keeps one stable half of every corpus.`,
  );
  Deno.exit(0);
}

/** What eval needs, said when there is nothing to run on. */
const NEEDS =
  `eval needs labelled corpora: one or more folders (or files) holding
  *.toml   shell commands, [[case]] tables with command = "..." and
           expected = "deny" | "allow" (or expected_decision)
  *.jsonl  texts, one {"text": "...", "label": 1|0} a line (1 = injection)
  *.txt    SQL-injection payloads, one a line (all positive)
Run: deno task eval -- FOLDER...   (the default, ../shared/corpora, holds the
public corpora this project was measured on; it is not part of the repository)`;

if (values.split !== undefined && !/^[ab]$/.test(values.split)) {
  console.error("eval: --split takes a or b");
  Deno.exit(2);
}
const DEFAULT_ROOT = "../shared/corpora";
const roots = positionals.length > 0 ? positionals : [DEFAULT_ROOT];
if (positionals.length === 0) {
  try {
    await Deno.stat(DEFAULT_ROOT);
  } catch {
    console.error(`eval: no corpora at ${DEFAULT_ROOT}\n\n${NEEDS}`);
    Deno.exit(0);
  }
}
const tallies = new Map<string, Tally>();
let done = 0;
const started = performance.now();
const progress = Deno.stderr.isTerminal();

for (const root of roots) {
  try {
    await Deno.stat(root);
  } catch {
    console.error(`eval: ${root} does not exist\n\n${NEEDS}`);
    Deno.exit(2);
  }
  for await (const path of files(root)) {
    const kind = kindOf(path);
    if (!kind) continue;
    const rel = relative(root, path);
    const group = `${
      rel.split("/").slice(0, kind === "sqli" ? 3 : 2).join("/")
    }`
      .replace(/\.(toml|jsonl|txt)$/, "");
    const cases = parse(kind, await Deno.readTextFile(path)).filter((c) =>
      values.split === undefined || half(c.text) === values.split
    );
    const profiles: Variant[] = kind === "commands"
      ? ["standard", "strict"]
      : kind === "injection"
      ? ["standard", "patterns-only"]
      : kind === "sqli"
      ? ["text", "statement"]
      : ["standard"];
    for (const profile of profiles) {
      const key = `${kind}\t${group}\t${profile}`;
      const t = tallies.get(key) ??
        {
          kind,
          group,
          profile: kind === "sql-statements" ? undefined : profile,
          tp: 0,
          fn: 0,
          fp: 0,
          tn: 0,
          misses: [],
          falseAlarms: [],
        };
      tallies.set(key, t);
      for (const c of cases) {
        const hit = flagged(kind, c.text, profile);
        if (c.positive && hit) t.tp++;
        else if (c.positive) {
          t.fn++;
          t.misses.push(c.text);
        } else if (hit) {
          t.fp++;
          t.falseAlarms.push(c.text);
        } else t.tn++;
        done++;
        if (progress && done % 200 === 0) {
          Deno.stderr.writeSync(
            new TextEncoder().encode(`\r${done} cases judged…`),
          );
        }
      }
    }
  }
}
if (progress) Deno.stderr.writeSync(new TextEncoder().encode("\r\x1b[K"));

const rows = [...tallies.values()];
const totals = new Map<string, Tally>();
for (const t of rows) {
  const key = `${t.kind}\t${t.profile ?? ""}`;
  const s = totals.get(key) ??
    {
      kind: t.kind,
      group: "ALL",
      profile: t.profile,
      tp: 0,
      fn: 0,
      fp: 0,
      tn: 0,
      misses: [],
      falseAlarms: [],
    };
  s.tp += t.tp;
  s.fn += t.fn;
  s.fp += t.fp;
  s.tn += t.tn;
  totals.set(key, s);
}

if (values.json) {
  console.log(JSON.stringify(
    [...rows, ...totals.values()].map((t) => ({
      kind: t.kind,
      group: t.group,
      profile: t.profile,
      positives: t.tp + t.fn,
      flagged_positives: t.tp,
      negatives: t.fp + t.tn,
      flagged_negatives: t.fp,
      recall: t.tp + t.fn ? t.tp / (t.tp + t.fn) : null,
      false_positive_rate: t.fp + t.tn ? t.fp / (t.fp + t.tn) : null,
      misses: t.misses,
      false_alarms: t.falseAlarms,
    })),
    null,
    2,
  ));
  Deno.exit(0);
}

console.log(
  "kind           profile       group                                        pos  recall    neg   FP rate",
);
for (const t of [...rows, ...totals.values()]) {
  console.log(
    `${t.kind.padEnd(14)} ${(t.profile ?? "-").padEnd(13)} ${
      t.group.slice(0, 44).padEnd(44)
    } ${String(t.tp + t.fn).padStart(4)} ${pct(t.tp, t.tp + t.fn)} ${
      String(t.fp + t.tn).padStart(5)
    } ${pct(t.fp, t.fp + t.tn)}`,
  );
  if (values.verbose && t.group !== "ALL") {
    for (const m of t.misses) {
      console.log(`    missed:      ${m.slice(0, 140)}`);
    }
    for (const m of t.falseAlarms) {
      console.log(`    false alarm: ${m.slice(0, 140)}`);
    }
  }
}
console.log(
  `\n${done} judgements in ${
    ((performance.now() - started) / 1000).toFixed(1)
  } s`,
);
