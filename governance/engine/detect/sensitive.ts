/**
 * The PII and secret scanner. The catalogues (`policies/pii.ts`,
 * `policies/secrets.ts`) are data: a regex source, a named validator and
 * literal keywords per kind. This module compiles them once and scans text:
 *
 * 1. one pass over the keyword index (`keywords.ts`) decides which kinds can
 *    occur at all, and where;
 * 2. an anchored kind is tried only at its keyword hits (sticky regex), other
 *    kinds run one global pass when a keyword occurred (or always, when they
 *    have none, as digit-shaped PII does);
 * 3. each candidate goes through its validator (`validators.ts`); survivors
 *    are made non-overlapping, longest first (`resolve.ts`).
 *
 * @module
 */

import type { Finding } from "../types.ts";
// The catalogues as the scanner reads them, generated from policies/pii.ts
// and policies/secrets.ts: plain data loads faster than the code that
// builds the catalogues.
import { SCAN_SPECS } from "../policies/sensitive_specs.ts";
import type {
  CheckContext,
  ScanSpec,
  SensitiveOptions,
  Validator,
} from "./sensitive_spec.ts";
import { VALIDATORS } from "./validators.ts";
import {
  collectBoth,
  collectShort,
  collectTable,
  collectTrie,
  type Hits,
  type KeywordIndex,
  keywordIndex,
  tableBytes,
} from "./keywords.ts";
import {
  type Candidate,
  type Candidates,
  mergedOrder,
  pickCluster,
  sortedOrder,
} from "./resolve.ts";
import { asciiBytes } from "./ascii.ts";
import { disguisedFindings } from "./disguise.ts";
import { gutterView } from "./gutter.ts";
import { spokenDigitCells } from "./spoken_digits.ts";
import { honorificNameCells } from "./honorific_names.ts";
import {
  byteListFindings,
  groupedFindings,
  hexFindings,
  joinedFindings,
  spacedFindings,
} from "./pieces.ts";
import { recurrences, recurs } from "./recur.ts";
import { healthCells } from "./health.ts";
import {
  type LabelReader,
  scriptHeaderHints,
  type TableCell,
  tableCells,
} from "./tables.ts";
import { typedPairCells } from "./typed_pairs.ts";
import { splitCardCells } from "./split_cards.ts";
import { htmlTableCells } from "./html_tables.ts";
import { validationErrorCells } from "./validation_errors.ts";
import { sheetCells } from "./sheet_cells.ts";

/** Two reference-named cells on a line (`A1: … | B1: …`), the cheap test before `sheetCells`. */
const SHEET_REF =
  /(?:^|\n)\s{0,3}[A-Z]{1,3}\d{1,7}\s{0,2}:[^\n|]{0,200}\|\s{0,3}[A-Z]{1,3}\d{1,7}\s{0,2}:/;
import { keyValueRows } from "./kv_rows.ts";
import { recordNameCells } from "./person_records.ts";
import { secretDataCells } from "./k8s_secret_data.ts";
import { pairRows } from "./pair_rows.ts";
import { phraseSpans } from "./mnemonic.ts";
import { MARK, MARKERS } from "./markers.ts";
import { foldedTraits, textTraits, TRAIT_BITS } from "./traits.ts";
import { installScanner } from "./sensitive_slot.ts";
import { type LabelLead, labelLead, leadHolds } from "./label_lead.ts";

export type {
  SensitiveOptions,
  SensitiveSpec,
  ValidatorName,
} from "./sensitive_spec.ts";
export { isPlaceholder } from "./validators.ts";
export { keywordTrie } from "./keywords.ts";

// ----------------------------------------------------------------- engine

interface Compiled {
  spec: ScanSpec;
  /** The kind's regex, built the first time the kind is scanned (see {@link regexOf}). */
  re: RegExp | undefined;
  /** The leading assertion of an anchored kind's pattern, read with its regex (null: none understood). */
  lead: LabelLead | null | undefined;
  validate?: Validator;
  priority: number;
  /** Keyword offsets are collected (an anchored or a windowed kind). */
  anchored: boolean;
  /** For a windowed kind, the spec's `window` (0: none). */
  window: number;
  /** Bit of the spec's `requires` condition (0: none). */
  gate: number;
  /**
   * The spec's finding fields, copied into one object shape for every kind
   * (the specs themselves come in many shapes, which makes reading them slow).
   */
  id: string;
  type: string;
  severity: Finding["severity"];
  action: Finding["action"];
  category: Finding["category"];
  /** For a marker (not a catalogue kind): the flag its hits raise (see `markers.ts`); 0 otherwise. */
  marker: number;
}

interface Engine {
  kinds: Compiled[];
  /** Case-sensitive and case-insensitive keyword indexes. */
  cs: KeywordIndex;
  ci: KeywordIndex;
  always: number[];
  /** Which kinds a scan with no options runs (all of them). */
  allActive: Uint8Array;
  /** Kind index by policy id. */
  byId: Map<string, number>;
  /** 1 for the catalogue's secret kinds. */
  isSecret: Uint8Array;
}

function compile(specs: readonly ScanSpec[]): Engine {
  const kinds = specs.map((spec): Compiled => {
    return {
      spec,
      re: undefined,
      lead: undefined,
      validate: spec.validator ? VALIDATORS[spec.validator] : undefined,
      priority: spec.priority ?? 2,
      anchored: spec.anchored === true || spec.window !== undefined,
      window: spec.window ?? 0,
      gate: spec.requires ? TRAIT_BITS[spec.requires] : 0,
      id: spec.id,
      type: spec.type,
      severity: spec.severity,
      action: spec.action,
      category: spec.category,
      marker: 0,
    };
  });
  for (const m of MARKERS) {
    const spec: ScanSpec = {
      id: `marker_${m.flag}`,
      category: "secret",
      severity: "low",
      action: "log",
      type: "marker",
      pattern: "(?!)",
      keywords: m.keywords,
      ignoreCase: m.ignoreCase,
      anchored: m.anchored,
    };
    kinds.push({
      spec,
      re: undefined,
      lead: undefined,
      priority: 0,
      anchored: m.anchored,
      window: 0,
      gate: 0,
      id: spec.id,
      type: spec.type,
      severity: spec.severity,
      action: spec.action,
      category: spec.category,
      marker: m.flag,
    });
  }
  const cs = keywordIndex(kinds, false);
  const ci = keywordIndex(kinds, true);
  const always = kinds.flatMap((k, i) =>
    k.spec.keywords.length === 0 ? [i] : []
  );
  return {
    kinds,
    cs,
    ci,
    always,
    allActive: new Uint8Array(kinds.length).fill(1),
    byId: new Map(kinds.map((k, i) => [k.id, i])),
    isSecret: Uint8Array.from(
      kinds,
      (k) => k.marker === 0 && k.category === "secret" ? 1 : 0,
    ),
  };
}

let ENGINE: Engine | undefined;

/** Every catalogue entry the scanner runs, as it reads them: PII then secrets. */
export const SENSITIVE_SPECS: readonly ScanSpec[] = SCAN_SPECS;

function engine(): Engine {
  return ENGINE ??= compile(SENSITIVE_SPECS);
}

/** One validator context, reused for every candidate (validators keep no reference). */
const CTX: CheckContext = { text: "", start: 0, end: 0, match: "" };

/** A rejected value longer than this is not searched again from inside. */
const LONG_REJECT = 256;
/**
 * Where the last candidate `consider` rejected ends, when its value was long
 * (else -1): the scans resume there, not one character on. A long text of
 * `session-token=` repeated without a break otherwise had every key read
 * the same 4 KB value again (quadratic up to that length); a real secret
 * inside such a value is still found by its own kind's pattern.
 */
let rejectedEnd = -1;

function consider(
  k: Compiled,
  text: string,
  m: RegExpExecArray,
  run: number,
  out: Candidates,
): boolean {
  const m0 = m[0];
  const end = m.index + m0.length;
  let start = m.index;
  const g = m.groups;
  if (g !== undefined) {
    if (g.v !== undefined) start = end - g.v.length;
    else if (g.pre !== undefined) start -= g.pre.length;
  }
  if (end <= start) return false;
  const validate = k.validate;
  if (validate !== undefined) {
    CTX.text = text;
    CTX.start = start;
    CTX.end = end;
    CTX.match = m0;
    const ok = validate(text.slice(start, end), CTX);
    CTX.text = CTX.match = "";
    if (!ok) {
      rejectedEnd = end - start > LONG_REJECT ? end : -1;
      return false;
    }
  }
  out.start.push(start);
  out.end.push(end);
  out.list.push(run);
  return true;
}

/** A kind's regex: sticky when anchored at keywords, else global. */
function regexOf(k: Compiled): RegExp {
  return k.re ??= new RegExp(
    k.spec.pattern,
    (k.anchored && k.window === 0 ? "y" : "g") +
      (k.spec.ignoreCase ? "i" : ""),
  );
}

function globalScan(
  k: Compiled,
  text: string,
  run: number,
  out: Candidates,
): void {
  const re = regexOf(k);
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    rejectedEnd = -1;
    if (!consider(k, text, m, run, out)) {
      re.lastIndex = Math.max(m.index + 1, rejectedEnd);
    }
  }
}

/**
 * A windowed kind's global regex over the lines around each keyword hit
 * (`window` characters either side, widened to whole lines); each part of
 * the text is searched at most once, and its line ends are looked for once
 * (linear however many hits a long line holds).
 */
function windowScan(
  k: Compiled,
  text: string,
  positions: number[],
  run: number,
  out: Candidates,
): void {
  const re = regexOf(k);
  let covered = 0;
  for (let j = 0; j < positions.length; j++) {
    const p = positions[j];
    // A window that ends in the part searched already adds nothing (and
    // looking for its line ends would read a long line once per hit).
    if (p + k.window < covered) continue;
    // Past the first part, `covered` is a line break: a window starting
    // before it starts the next part there.
    const from = covered > 0 && p - k.window < covered ? covered : Math.max(
      covered,
      text.lastIndexOf("\n", Math.max(0, p - k.window)) + 1,
    );
    let to = text.indexOf("\n", Math.min(text.length, p + k.window));
    if (to < 0) to = text.length;
    if (to <= from) continue;
    const part = text.slice(from, to);
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(part)) !== null) {
      m.index += from;
      rejectedEnd = -1;
      const ok = consider(k, text, m, run, out);
      re.lastIndex = ok
        ? m.index - from + m[0].length
        : Math.max(m.index - from + 1, rejectedEnd - from);
    }
    covered = to;
  }
}

function anchoredScan(
  k: Compiled,
  text: string,
  positions: number[],
  run: number,
  out: Candidates,
): void {
  const re = regexOf(k);
  const lead = k.lead ??= labelLead(re.source, re.flags) ?? null;
  let covered = -1;
  for (let j = 0; j < positions.length; j++) {
    const p = positions[j];
    if (p < covered) continue;
    // A hit inside a word fails the pattern's leading assertion: the
    // sticky regex would find nothing there.
    if (lead !== null && !leadHolds(lead, text, p)) continue;
    re.lastIndex = p;
    const m = re.exec(text);
    if (!m) continue;
    rejectedEnd = -1;
    if (consider(k, text, m, run, out)) covered = m.index + m[0].length;
    else if (rejectedEnd > 0) covered = rejectedEnd;
  }
}

function toFinding(
  e: Engine,
  kind: number,
  start: number,
  end: number,
): Finding {
  const s = e.kinds[kind];
  const f: Finding = {
    policyId: s.id,
    type: s.type,
    start,
    end,
    severity: s.severity,
    action: s.action,
    category: s.category,
  };
  return f;
}

/** Non-overlapping findings: one linear sweep over start-sorted candidates. */
function resolve(e: Engine, c: Candidates, textLength: number): Finding[] {
  const n = c.start.length;
  if (n === 0) return [];
  const { start, end, run } = mergedOrder(c) ??
    sortedOrder(c, c.runKind.length, textLength);
  const out: Finding[] = [];
  let i = 0;
  while (i < n) {
    let clusterEnd = end[i];
    let j = i + 1;
    while (j < n && start[j] < clusterEnd) {
      if (end[j] > clusterEnd) clusterEnd = end[j];
      j++;
    }
    if (j === i + 1) {
      out.push(toFinding(e, c.runKind[run[i]], start[i], end[i]));
    } else {
      const cluster: Candidate[] = [];
      for (let x = i; x < j; x++) {
        const kind = c.runKind[run[x]];
        cluster.push({
          start: start[x],
          end: end[x],
          kind,
          priority: e.kinds[kind].priority,
        });
      }
      const taken: Candidate[] = [];
      pickCluster(cluster, taken);
      for (const t of taken) out.push(toFinding(e, t.kind, t.start, t.end));
    }
    i = j;
  }
  return out;
}

function activeKinds(e: Engine, opts: SensitiveOptions): Uint8Array {
  const cats = opts.categories;
  const disabled = opts.disabled;
  if (!cats && (!disabled || disabled.size === 0)) return e.allActive;
  const active = new Uint8Array(e.kinds.length);
  for (let i = 0; i < e.kinds.length; i++) {
    const spec = e.kinds[i].spec;
    const on = e.kinds[i].marker !== 0 ||
      (!cats || cats.includes(spec.category as "pii" | "secret")) &&
        !disabled?.has(spec.id);
    active[i] = on ? 1 : 0;
  }
  return active;
}

/**
 * Keyword hits of a text as kind ids: global kinds in first-hit order and
 * anchored kinds with their keyword offsets. `way` forces the indexOf path
 * (`"short"`, ASCII texts only), the keyword table (`"table"`), the trie
 * regex (`"trie"`) or the scan's own way, both tables in one pass on a long
 * text (`"both"`); for tests that they agree.
 */
export function keywordHits(
  text: string,
  way: "short" | "table" | "trie" | "both",
): { triggered: number[]; anchored: [number, number[]][] } {
  const e = engine();
  const hits: Hits = {
    triggered: [],
    isTriggered: new Uint8Array(e.kinds.length),
    anchoredOrder: [],
    positions: new Array(e.kinds.length),
  };
  if (way === "both") {
    collectBoth(e.cs, e.ci, text, e.allActive, e.kinds, hits);
  } else {
    for (const ix of [e.cs, e.ci]) {
      if (way === "short") collectShort(ix, text, e.allActive, e.kinds, hits);
      else if (way === "table") {
        collectTable(ix, tableBytes(ix, text), e.allActive, e.kinds, hits);
      } else collectTrie(ix, text, e.allActive, e.kinds, hits);
    }
  }
  return {
    triggered: hits.triggered,
    anchored: hits.anchoredOrder.map((i) => [i, hits.positions[i]!]),
  };
}

/**
 * All PII and secret findings in text, non-overlapping (longest/most
 * specific wins), sorted by start; values in disguise (escaped, encoded,
 * coloured, wrapped, base64) are found in decoded views and reported at
 * their span in `text` (see `disguise.ts`); a file view with numbered
 * lines is read without its line-number gutters (see `gutter.ts`).
 */
export function findSensitive(
  text: string,
  opts: SensitiveOptions = {},
): Finding[] {
  if (text.length === 0) return [];
  // A file view with numbered lines is read without its gutters.
  const view = gutterView(text);
  if (view === undefined) return findInText(text, opts);
  return findInText(view.text, opts).map((f) => ({
    ...f,
    start: view.from[f.start],
    end: view.to[f.end - 1],
  }));
}

/** {@link findSensitive} on a text as it stands. */
function findInText(text: string, opts: SensitiveOptions): Finding[] {
  const plain = scanPlain(text, opts);
  let marks = plain.marks;
  let labelAt = plain.labelAt;
  // Invisible and full-width characters are not ASCII: any other text may hold them.
  if (asciiBytes(text) === undefined) {
    marks |= MARK.disguise;
    // Header labels in other scripts, which the keyword pass does not index.
    const script = scriptHeaderHints(text);
    if (script.length > 0) {
      labelAt = [...labelAt, ...script].sort((a, b) => a - b);
    }
  }
  // A labelled cell's kind: the label and its value read as `label: value`.
  const kindOf: LabelReader = (label, value) =>
    labelledKind(label, value, opts);
  const extra = (marks & MARK.table) !== 0 || labelAt.length > 0
    ? cellFindings(tableCells(text, plain.tableAt, labelAt, kindOf), opts)
    : [];
  // Carriers whose labels sit apart from their values, in this order.
  const labelled = labelAt.length > 0;
  for (
    const [on, cells] of [
      [labelled && SHEET_REF.test(text), sheetCells],
      [labelled && text.includes("input_value="), validationErrorCells],
      [labelled, htmlTableCells],
    ] as const
  ) {
    if (on) {
      for (const f of cellFindings(cells(text, kindOf), opts)) extra.push(f);
    }
  }
  for (const f of cellFindings(splitCardCells(text), opts)) extra.push(f);
  // Digits read out one by one: only where nine stand in a row (a trait).
  if ((plain.traits & TRAIT_BITS.spoken) !== 0) {
    for (const f of cellFindings(spokenDigitCells(text), opts)) extra.push(f);
  }
  if ((marks & MARK.typed) !== 0) {
    for (const f of cellFindings(typedPairCells(text, kindOf), opts)) {
      extra.push(f);
    }
  }
  if ((marks & MARK.record) !== 0) {
    for (const f of cellFindings(healthCells(text), opts)) extra.push(f);
  }
  if (plain.secretHit) {
    for (const f of settingFindings(text, opts)) extra.push(f);
  }
  for (const f of cellFindings(secretDataCells(text), opts)) extra.push(f);
  // Without a wallet word near it a phrase must carry its checksum.
  for (const f of phraseFindings(text, opts, (marks & MARK.phrase) === 0)) {
    extra.push(f);
  }
  if ((marks & (MARK.disguise | MARK.base64)) !== 0 || plain.secretHit) {
    const hidden = disguisedFindings(text, (t, cats) =>
      scanPlain(
        t,
        cats === undefined ? opts : {
          ...opts,
          categories: cats.filter((c) => opts.categories?.includes(c) ?? true),
        },
      ).findings, {
      decode: (marks & MARK.disguise) !== 0,
      base64: (marks & MARK.base64) !== 0,
      unwrap: plain.secretAt ?? plain.secretHit,
    });
    for (const f of hidden) extra.push(f);
  }
  if (
    plain.secretHit || (plain.traits & TRAIT_BITS.hex) !== 0 ||
    (marks & MARK.disguise) !== 0
  ) {
    for (const f of pieceFindings(text, opts, plain)) extra.push(f);
  }
  if (opts.categories === undefined || opts.categories.includes("secret")) {
    const hidden = spacedFindings(
      text,
      plain.secretAnchors,
      (t) => scanPlain(t, { ...opts, categories: ["secret"] }).findings,
    );
    for (const f of hidden) extra.push(f);
  }
  let found = extra.length === 0
    ? plain.findings
    : mergeFindings(plain.findings, extra);
  // Names under generic labels, read by the record around them.
  const pii = piiOf(found);
  const names = cellFindings(recordNameCells(text, pii), opts);
  // Names with a bracketed Japanese honorific beside other PII.
  for (const f of cellFindings(honorificNameCells(text, pii), opts)) {
    names.push(f);
  }
  if (names.length > 0) found = mergeFindings(found, names);
  if (!plain.secretHit && !found.some(recurs)) return found;
  const again = recurrences(text, found);
  return again.length === 0 ? found : mergeFindings(found, again);
}

/** The PII findings among `found`. */
function piiOf(found: readonly Finding[]): Finding[] {
  return found.filter((f) => f.category === "pii");
}

// Redaction outside the engine's evaluation (audit summaries and events)
// uses the scanner once it is loaded (see sensitive_slot.ts).
installScanner((text) => findSensitive(text));

/**
 * Secrets put back together from pieces (see `pieces.ts`): literals joined
 * by concatenation, byte lists and octal escapes, groups read out near a
 * secret keyword (when a secret keyword occurred), hex runs (when the text
 * has a chain of hex digits).
 */
function pieceFindings(
  text: string,
  opts: SensitiveOptions,
  plain: PlainScan,
): Finding[] {
  if (opts.categories !== undefined && !opts.categories.includes("secret")) {
    return [];
  }
  const scanText = (t: string) =>
    scanPlain(t, { ...opts, categories: ["secret"] }).findings;
  const out: Finding[] = [];
  if (plain.secretAnchors.length > 0) {
    const near = plain.secretAnchors;
    for (const f of joinedFindings(text, near, scanText)) out.push(f);
    for (const f of groupedFindings(text, near, scanText)) out.push(f);
  }
  // Byte lists and octal escapes: only where a hex literal, a byte type or a backslash occurs.
  if (
    (plain.secretHit &&
      (text.includes("0x") || text.includes("byte") ||
        text.includes("Byte") || text.includes("u8"))) ||
    text.includes("\\")
  ) {
    for (const f of byteListFindings(text, scanText)) out.push(f);
  }
  if ((plain.traits & TRAIT_BITS.hex) !== 0) {
    for (const f of hexFindings(text, scanText)) out.push(f);
  }
  return out;
}

/**
 * The PII kind that `label: value` is a finding of, the finding covering the
 * whole value (a table's header read as the label of each cell below it).
 */
function labelledKind(
  label: string,
  value: string,
  opts: SensitiveOptions,
): string | undefined {
  const t = `${label}: ${value}`;
  const from = label.length + 2;
  const found = scanPlain(t, { ...opts, categories: ["pii"] }).findings;
  for (const f of found) {
    if (f.start <= from && f.end >= t.length) return f.policyId;
  }
  return undefined;
}

/**
 * Secrets in the value cells of name/value tables (see `kv_rows.ts`) and of
 * name/value pairs without a label of their own (`pair_rows.ts`): each
 * row is scanned as the assignment `name=value`, and a finding in its value
 * part is reported at the value cell.
 */
function settingFindings(text: string, opts: SensitiveOptions): Finding[] {
  if (opts.categories !== undefined && !opts.categories.includes("secret")) {
    return [];
  }
  const out: Finding[] = [];
  for (const row of [...keyValueRows(text), ...pairRows(text)]) {
    const value = text.slice(row.start, row.end);
    // A value holding spaces or shell characters is quoted, so the
    // assignment reads it whole (`AUTH_KEY='a;b<c'`).
    const q = !/[\s"'\x60;&|<>()]/.test(value)
      ? ""
      : !value.includes("'")
      ? "'"
      : !value.includes('"')
      ? '"'
      : "";
    const off = row.key.length + 1 + q.length;
    const line = `${row.key}=${q}${value}${q}`;
    const found = scanPlain(line, { ...opts, categories: ["secret"] });
    for (const f of found.findings) {
      if (f.start < off) continue;
      out.push({
        ...f,
        start: row.start + f.start - off,
        end: Math.min(row.end, row.start + f.end - off),
      });
    }
  }
  return out;
}

/** Unlabelled wallet recovery phrases (see `mnemonic.ts`) as findings of the labelled phrase's kind; with `checksum` (no phrase word in the text, see `markers.ts`) only those with a valid BIP-39 checksum. */
function phraseFindings(
  text: string,
  opts: SensitiveOptions,
  checksum: boolean,
): Finding[] {
  if (opts.categories !== undefined && !opts.categories.includes("secret")) {
    return [];
  }
  const spans = phraseSpans(text, checksum);
  if (spans.length === 0) return [];
  return cellFindings(
    spans.map((s) => ({ ...s, policyId: PHRASE_POLICY })),
    opts,
  );
}

/** The kind an unlabelled recovery phrase is reported as. */
const PHRASE_POLICY = "sys_secret_wallet_mnemonic";

/** Cells of labelled table columns (see `tables.ts`) or record fields (see `health.ts`) as findings of their catalogue kind. */
function cellFindings(
  cells: readonly TableCell[],
  opts: SensitiveOptions,
): Finding[] {
  if (cells.length === 0) return [];
  const e = engine();
  const active = activeKinds(e, opts);
  const out: Finding[] = [];
  for (const c of cells) {
    const kind = e.byId.get(c.policyId);
    if (kind === undefined || active[kind] === 0) continue;
    out.push(toFinding(e, kind, c.start, c.end));
  }
  return out;
}

/**
 * Plain findings and those of the decoded views as one sorted,
 * non-overlapping list: in each cluster of overlapping findings the longer
 * wins (a view's finding spans the escapes around the value).
 */
function mergeFindings(a: Finding[], b: Finding[]): Finding[] {
  const all = [...a, ...b].sort((x, y) =>
    x.start - y.start || (y.end - y.start) - (x.end - x.start)
  );
  const out: Finding[] = [];
  for (let i = 0; i < all.length;) {
    let end = all[i].end;
    let j = i + 1;
    while (j < all.length && all[j].start < end) {
      if (all[j].end > end) end = all[j].end;
      j++;
    }
    const cluster = all.slice(i, j).sort((x, y) =>
      (y.end - y.start) - (x.end - x.start) || x.start - y.start
    );
    const kept: Finding[] = [];
    for (const f of cluster) {
      if (kept.every((k) => f.end <= k.start || k.end <= f.start)) kept.push(f);
    }
    kept.sort((x, y) => x.start - y.start);
    out.push(...kept);
    i = j;
  }
  return out;
}

/** Texts longer than this run the card pass over the lines a card number can be on only. */
const LINES_FROM = 4096;

/** The catalogue's findings in the text as it stands (no decoded views). */
function scanPlain(text: string, opts: SensitiveOptions): PlainScan {
  if (text.length === 0) {
    return {
      findings: [],
      marks: 0,
      tableAt: undefined,
      secretHit: false,
      secretAt: undefined,
      secretAnchors: [],
      labelAt: [],
      traits: 0,
    };
  }
  const e = engine();
  const active = activeKinds(e, opts);
  const hits: Hits = {
    triggered: [],
    isTriggered: new Uint8Array(e.kinds.length),
    anchoredOrder: [],
    positions: new Array(e.kinds.length),
  };
  collectBoth(e.cs, e.ci, text, active, e.kinds, hits);
  const cands: Candidates = {
    start: [],
    end: [],
    list: [],
    runKind: [],
    runFrom: [],
  };
  const scan = (kind: number, positions?: number[]) => {
    const run = cands.runKind.length;
    cands.runKind.push(kind);
    cands.runFrom.push(cands.start.length);
    const k = e.kinds[kind];
    if (positions && k.window > 0) {
      windowScan(k, text, positions, run, cands);
    } else if (positions) anchoredScan(k, text, positions, run, cands);
    else globalScan(k, text, run, cands);
  };
  // Conditions of the keyword-less kinds, read from the text's bytes (or
  // its folded code units, when it is not all ASCII).
  let traits = -1;
  /** Where a card number can be (see `textTraits`); read only on a gated text. */
  const cardAt: number[] = [];
  if (!opts.ungated) {
    const bytes = asciiBytes(text);
    traits = bytes !== undefined
      ? textTraits(bytes, text, cardAt)
      : foldedTraits(text, cardAt);
  }
  for (const i of e.always) {
    const gate = e.kinds[i].gate;
    if (!active[i] || (gate !== 0 && (traits & gate) === 0)) continue;
    // A long text's card pass reads only the lines a card number can be on.
    if (gate === TRAIT_BITS.card && traits !== -1 && text.length > LINES_FROM) {
      const run = cands.runKind.length;
      cands.runKind.push(i);
      cands.runFrom.push(cands.start.length);
      windowScan(e.kinds[i], text, cardAt, run, cands);
    } else scan(i);
  }
  let marks = 0;
  let tableAt: number[] | undefined;
  let secretHit = false;
  let globalSecret = false;
  const secretAt: number[] = [];
  const labelAt: number[] = [];
  for (const i of hits.triggered) {
    const mark = e.kinds[i].marker;
    if (mark !== 0) marks |= mark;
    else {
      if (e.isSecret[i] === 1) secretHit = globalSecret = true;
      scan(i);
    }
  }
  for (const i of hits.anchoredOrder) {
    const mark = e.kinds[i].marker;
    if (mark !== 0) {
      marks |= mark;
      if (mark === MARK.table) tableAt = hits.positions[i];
    } else {
      if (e.isSecret[i] === 1) {
        secretHit = true;
        for (const p of hits.positions[i]!) secretAt.push(p);
      } else if (e.kinds[i].category === "pii") {
        // A label starts a word or a camelCase part (not "uid" in "guide").
        for (const p of hits.positions[i]!) {
          if (labelStart(text, p)) labelAt.push(p);
        }
      }
      scan(i, hits.positions[i]);
    }
  }
  const anchors = secretAt.length > 1
    ? sortedUnique(secretAt, text.length)
    : secretAt;
  return {
    findings: resolve(e, cands, text.length),
    marks,
    tableAt,
    secretHit,
    secretAt: globalSecret ? undefined : anchors,
    secretAnchors: anchors,
    labelAt: labelAt.length > 1 ? sortedUnique(labelAt, text.length) : labelAt,
    traits,
  };
}

/** Whether a keyword hit at `p` starts a word or a camelCase part (a lower-case letter before an upper-case one). */
function labelStart(text: string, p: number): boolean {
  if (p === 0) return true;
  const b = text.charCodeAt(p - 1) | 32;
  if (b < 97 || b > 122) return true;
  const c = text.charCodeAt(p);
  return c >= 65 && c <= 90 && (text.charCodeAt(p - 1) & 32) !== 0;
}

/**
 * Offsets sorted and without repeats. Several kinds share a keyword, so a
 * text of one keyword repeated holds each offset several times; a typed
 * array sorts millions of them without a comparator call each.
 */
function sortedUnique(offsets: readonly number[], length: number): number[] {
  if (offsets.length * 8 > length) {
    // Dense (a keyword repeated over the whole text): mark and read the
    // offsets in order, linear in the text instead of n log n in the hits.
    const at = new Uint8Array(length + 1);
    for (const p of offsets) at[p] = 1;
    const out: number[] = [];
    for (let i = 0; i <= length; i++) if (at[i] === 1) out.push(i);
    return out;
  }
  const sorted = Int32Array.from(offsets).sort();
  const out: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) out.push(sorted[i]);
  }
  return out;
}

/** A plain scan's findings and what its keyword pass saw. */
interface PlainScan {
  findings: Finding[];
  /** Flags of the markers that occurred (see `markers.ts`). */
  marks: number;
  /** Offsets of table header words. */
  tableAt: number[] | undefined;
  /** A keyword of a secret kind occurred (a token may be wrapped over lines). */
  secretHit: boolean;
  /** Offsets of the anchored secret kinds' keywords, sorted (undefined when a global secret kind's keyword occurred too). */
  secretAt: number[] | undefined;
  /** Offsets of the anchored secret kinds' keywords, sorted (whatever else occurred). */
  secretAnchors: number[];
  /** Offsets of the anchored PII kinds' label keywords, sorted. */
  labelAt: number[];
  /** The text's traits (see `traits.ts`; all bits on a non-ASCII or ungated text). */
  traits: number;
}
