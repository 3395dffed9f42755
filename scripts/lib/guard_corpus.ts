/**
 * The guard attack corpus (`tests/guard/*.jsonl`): one tool call per line
 * with the verdict it must get. Shared by `deno task eval:guard` (figures)
 * and `tests/guard_corpus_test.ts` (every non-gap case holds, every gap case
 * is still wrong).
 *
 * @module
 */
import { evaluate, type Profile } from "../../governance/engine/mod.ts";

/** One labelled tool call of the corpus. */
export interface GuardCase {
  /** Unique across every file of the corpus. */
  id: string;
  /** Short kebab-case class name. */
  class: string;
  /** `tool_name` as Codex or Claude Code sends it. */
  tool: string;
  /** The `tool_input` object. */
  input: unknown;
  expect: "block" | "allow";
  home: string;
  cwd: string;
  profile: Profile;
  note?: string;
  /** True for a case the engine still gets wrong on documented grounds. */
  gap: boolean;
  /** The file (base name) and line the case came from. */
  file: string;
  line: number;
}

/** The verdict the engine gave one case. */
export interface GuardResult {
  case: GuardCase;
  blocked: boolean;
  /** True when the verdict is the expected one. */
  ok: boolean;
  reason: string;
}

const DEFAULT_HOME = "/home/dev";
const DEFAULT_CWD = "/home/dev/project";
const KNOWN_FIELDS = new Set([
  "id",
  "class",
  "tool",
  "input",
  "expect",
  "home",
  "cwd",
  "profile",
  "note",
  "gap",
]);
const CLASS_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function optionalString(
  o: Record<string, unknown>,
  key: string,
  where: string,
): string | undefined {
  const v = o[key];
  if (v === undefined) return undefined;
  if (typeof v !== "string" || v === "") {
    throw new Error(`${where}: "${key}" must be a non-empty string`);
  }
  return v;
}

function requiredString(
  o: Record<string, unknown>,
  key: string,
  where: string,
): string {
  const v = optionalString(o, key, where);
  if (v === undefined) throw new Error(`${where}: "${key}" is missing`);
  return v;
}

/**
 * Parses one corpus file. Blank lines are skipped; any other line must be a
 * JSON object with the corpus fields, or this throws naming the file and line.
 */
export function parseGuardCases(text: string, file: string): GuardCase[] {
  const out: GuardCase[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].trim();
    if (raw === "") continue;
    const where = `${file}:${i + 1}`;
    let v: unknown;
    try {
      v = JSON.parse(raw);
    } catch (e) {
      throw new Error(`${where}: not JSON (${(e as Error).message})`);
    }
    if (typeof v !== "object" || v === null || Array.isArray(v)) {
      throw new Error(`${where}: not a JSON object`);
    }
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      if (!KNOWN_FIELDS.has(k)) {
        throw new Error(`${where}: unknown field "${k}"`);
      }
    }
    const cls = requiredString(o, "class", where);
    if (!CLASS_NAME.test(cls)) {
      throw new Error(`${where}: class "${cls}" is not kebab-case`);
    }
    const expect = requiredString(o, "expect", where);
    if (expect !== "block" && expect !== "allow") {
      throw new Error(`${where}: expect must be "block" or "allow"`);
    }
    const profile = optionalString(o, "profile", where) ?? "standard";
    if (profile !== "standard" && profile !== "strict") {
      throw new Error(`${where}: profile must be "standard" or "strict"`);
    }
    if (o.input === undefined) throw new Error(`${where}: "input" is missing`);
    if (o.gap !== undefined && typeof o.gap !== "boolean") {
      throw new Error(`${where}: "gap" must be true or false`);
    }
    out.push({
      id: requiredString(o, "id", where),
      class: cls,
      tool: requiredString(o, "tool", where),
      input: o.input,
      expect,
      home: optionalString(o, "home", where) ?? DEFAULT_HOME,
      cwd: optionalString(o, "cwd", where) ?? DEFAULT_CWD,
      profile,
      note: optionalString(o, "note", where),
      gap: o.gap === true,
      file,
      line: i + 1,
    });
  }
  return out;
}

/**
 * The first case of each class that a hook run in a fresh temporary home can
 * replay: not a gap, the corpus's default home and working folder (a test
 * rewrites `/home/dev` to its own home), the standard profile. In file order.
 */
export function firstOfEachClass(cases: readonly GuardCase[]): GuardCase[] {
  const seen = new Set<string>();
  const out: GuardCase[] = [];
  for (const c of cases) {
    if (c.gap || c.home !== DEFAULT_HOME || c.cwd !== DEFAULT_CWD) continue;
    if (c.profile !== "standard" || seen.has(c.class)) continue;
    seen.add(c.class);
    out.push(c);
  }
  return out;
}

/** Throws when two cases share an id (ids are unique across all files). */
export function assertUniqueIds(cases: readonly GuardCase[]): void {
  const seen = new Map<string, GuardCase>();
  for (const c of cases) {
    const prev = seen.get(c.id);
    if (prev) {
      throw new Error(
        `duplicate id "${c.id}": ${prev.file}:${prev.line} and ${c.file}:${c.line}`,
      );
    }
    seen.set(c.id, c);
  }
}

/** Reads every `*.jsonl` file of a folder (sorted by name) into cases. */
export async function loadGuardCorpus(dir: string): Promise<GuardCase[]> {
  const names: string[] = [];
  for await (const e of Deno.readDir(dir)) {
    if (e.isFile && e.name.endsWith(".jsonl")) names.push(e.name);
  }
  names.sort();
  const cases: GuardCase[] = [];
  for (const name of names) {
    const text = await Deno.readTextFile(`${dir}/${name}`);
    cases.push(...parseGuardCases(text, name));
  }
  assertUniqueIds(cases);
  return cases;
}

/** Judges one case through `evaluate()`, as the PreToolUse hook would. */
export function judgeGuardCase(c: GuardCase): GuardResult {
  const d = evaluate({
    toolName: c.tool,
    input: c.input,
    home: c.home,
    cwd: c.cwd,
    profile: c.profile,
  });
  const blocked = !d.allowed;
  return {
    case: c,
    blocked,
    ok: blocked === (c.expect === "block"),
    reason: d.reason,
  };
}
