/**
 * Markdown backslash escapes, as an HTML-to-markdown converter writes them
 * (Claude Code's WebFetch turns a page into markdown and escapes `_`, `*`,
 * backticks, brackets and backslashes everywhere): `ghp\_…` or
 * `jane\_roe@…` hides a token or an address from a detector reading the
 * text as it is. These helpers undo and redo that escaping.
 *
 * @module
 */

/** The characters such a converter escapes anywhere in a line. */
const ESCAPED = /\\([\\*`[\]_])/g;
const ESCAPABLE = /[\\*`[\]_]/g;
/** A line holding an escaped underscore (the escape that splits identifiers). */
const LINE_WITH_ESCAPE = /^.*\\_.*$/gm;

/** The lines of `text` that hold `\_`, with the markdown escapes undone ("" when there are none). */
export function unescapedMarkdownLines(text: string): string {
  if (!text.includes("\\_")) return "";
  const out: string[] = [];
  for (const m of text.matchAll(LINE_WITH_ESCAPE)) {
    out.push(m[0].replace(ESCAPED, "$1"));
  }
  return out.join("\n");
}

/** `value` as such a converter would write it (undefined when nothing needs escaping). */
export function markdownEscaped(value: string): string | undefined {
  const e = value.replace(ESCAPABLE, "\\$&");
  return e === value ? undefined : e;
}
