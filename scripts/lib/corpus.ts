/**
 * Readers for the labelled corpora `deno task eval` runs over: TOML command
 * cases, JSON-lines texts with labels, and plain payload lists.
 *
 * @module
 */

/** A labelled example: `positive` means the engine should flag it. */
export interface LabelledCase {
  text: string;
  positive: boolean;
  note?: string;
}

/** Unescapes a TOML basic string body (JSON-compatible escapes plus \e and \U). */
function tomlBasic(body: string): string {
  const fixed = body
    .replace(/\\e/g, "\\u001b")
    .replace(/\\U([0-9a-fA-F]{8})/g, (_m, hex: string) => {
      const cp = parseInt(hex, 16);
      return String.fromCodePoint(cp).split("").map((u) =>
        `\\u${u.charCodeAt(0).toString(16).padStart(4, "0")}`
      ).join("");
    });
  return JSON.parse(`"${fixed}"`);
}

/** One-line `key = value` string of a TOML table, for basic ("...") and literal ('...') strings. */
function tomlString(line: string): [string, string] | undefined {
  const m =
    /^\s*([A-Za-z0-9_]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)')\s*(?:#.*)?$/
      .exec(line);
  if (!m) return undefined;
  return [m[1], m[3] !== undefined ? m[3] : tomlBasic(m[2])];
}

/** Cases of a TOML file made of `[[case]]` tables with `command` and `expected`/`expected_decision`. */
export function parseCommandCases(text: string): LabelledCase[] {
  const out: LabelledCase[] = [];
  let cur: Record<string, string> | undefined;
  const flush = () => {
    if (!cur?.command) return;
    const expected = cur.expected ?? cur.expected_decision;
    if (expected !== "allow" && expected !== "deny") return;
    out.push({
      text: cur.command,
      positive: expected === "deny",
      note: cur.description ?? cur.id,
    });
  };
  for (const line of text.split("\n")) {
    if (/^\s*\[\[case\]\]\s*$/.test(line)) {
      flush();
      cur = {};
      continue;
    }
    if (/^\s*\[/.test(line)) {
      flush();
      cur = undefined;
      continue;
    }
    const kv = cur && tomlString(line);
    if (kv && cur) cur[kv[0]] = kv[1];
  }
  flush();
  return out;
}

/** Cases of a JSON-lines file of `{"text": ..., "label": 0|1}`. */
export function parseLabelledJsonl(text: string): LabelledCase[] {
  const out: LabelledCase[] = [];
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as { text?: unknown; label?: unknown };
    if (typeof row.text !== "string") continue;
    out.push({ text: row.text, positive: Number(row.label) === 1 });
  }
  return out;
}

/** Cases of a payload list (one attack a line, all positive; blank lines skipped). */
export function parsePayloadList(text: string): LabelledCase[] {
  return text.split("\n").map((l) => l.replace(/\r$/, "")).filter((l) =>
    l.trim() !== ""
  ).map((l) => ({ text: l, positive: true }));
}
