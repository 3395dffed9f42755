/**
 * String literals a statement runs as SQL: the argument of EXECUTE '...',
 * EXEC('...'), EXECUTE IMMEDIATE '...', PREPARE s FROM '...', and, when the
 * statement runs a variable (`EXEC(@s)`, `sp_executesql @s`, `PREPARE s FROM
 * @q`), the literals assigned to variables that read as statements (`SET @q
 * = 'DROP TABLE users'`). Literals concatenated to the first (`'SEL' +
 * 'ECT ...'`) are joined. The detector judges each as a statement of its
 * own. Pure; each literal is read once, so the pass is linear in the text.
 *
 * @module
 */

import { startsLikeStatement } from "./sqli_lex.ts";

/** One literal run as SQL: its span in the text (quotes included), its pieces and their join. */
export interface DynamicLiteral {
  start: number;
  end: number;
  pieces: string[];
  body: string;
}

/** EXECUTE '...', EXEC('...'), EXECUTE IMMEDIATE '...', PREPARE s FROM '...'. */
const DIRECT_RE =
  /\b(?:exec(?:ute)?\s{0,8}(?:immediate\s{1,8})?\(?\s{0,8}n?|prepare\s{1,8}\w{1,64}\s{1,8}from\s{0,8})'/gi;

/** `@name [type] = '...'` (SET, DECLARE, SELECT assignments). */
const ASSIGNED_RE =
  /@\w{1,64}\s{0,8}(?:[a-z]{1,16}\s{0,8}(?:\(\s{0,8}(?:\d{1,6}|max)\s{0,8}\)\s{0,8})?)?=\s{0,8}n?'/gi;

/** The statement runs a variable as SQL. */
const RUNS_VARIABLE =
  /\b(?:exec(?:ute)?\s{0,8}\(\s{0,8}@|sp_executesql\s{1,8}(?:@|n?')|prepare\s{1,8}\w{1,64}\s{1,8}from\s{0,8}@)/i;

/** Most literals returned, and most characters in all of them. */
const MAX_LITERALS = 8;
const MAX_CHARS = 131072;

/** Offset of the quote closing the literal opened at `open` ('' escapes), or -1. */
function literalEnd(text: string, open: number): number {
  for (let j = open + 1; j < text.length; j++) {
    if (text[j] !== "'") continue;
    if (text[j + 1] === "'") {
      j++;
      continue;
    }
    return j;
  }
  return -1;
}

/** The literal opened at `open` and those concatenated to it with `+` or `||`. */
function readPieces(
  text: string,
  open: number,
): { pieces: string[]; end: number } {
  const pieces: string[] = [];
  let j = open;
  let end = -1;
  for (;;) {
    const close = literalEnd(text, j);
    if (close < 0) break;
    pieces.push(text.slice(j + 1, close).replaceAll("''", "'"));
    end = close + 1;
    const more = /^\s{0,8}(?:\+|\|\|)\s{0,8}n?'/i.exec(
      text.slice(close + 1, close + 24),
    );
    if (more === null || pieces.length >= 64) break;
    j = close + more[0].length;
  }
  return { pieces, end };
}

/** The literals of `text` run as SQL (see the module note). */
export function dynamicLiterals(text: string): DynamicLiteral[] {
  const out: DynamicLiteral[] = [];
  if (!/exec|prepare/i.test(text)) return out;
  let budget = MAX_CHARS;
  const collect = (re: RegExp, mustLookLikeSql: boolean): void => {
    re.lastIndex = 0;
    for (
      let m = re.exec(text);
      m !== null && out.length < MAX_LITERALS;
      m = re.exec(text)
    ) {
      const open = m.index + m[0].length - 1;
      const { pieces, end } = readPieces(text, open);
      if (end < 0) return;
      re.lastIndex = end;
      const body = pieces.join("");
      if (mustLookLikeSql && !startsLikeStatement(body)) continue;
      budget -= body.length;
      if (budget < 0) return;
      out.push({ start: open, end, pieces, body });
    }
  };
  collect(DIRECT_RE, false);
  if (RUNS_VARIABLE.test(text)) collect(ASSIGNED_RE, true);
  return out;
}

/** Words a filter looks for, which pieces may split. */
const KEYWORDS: ReadonlySet<string> = new Set(
  ("select union insert update delete drop exec execute truncate alter " +
    "grant revoke create declare waitfor shutdown xp_cmdshell sleep " +
    "benchmark information_schema from where table database")
    .split(" "),
);

/** Whether joined pieces hold a SQL keyword that no piece holds whole (`'SEL' + 'ECT'`). */
export function splitsKeyword(pieces: readonly string[]): boolean {
  if (pieces.length < 2) return false;
  const words = (t: string): string[] =>
    t.toLowerCase().match(/[a-z_]{2,32}/g) ?? [];
  const whole = new Set(pieces.flatMap(words));
  return words(pieces.join("")).some((w) => KEYWORDS.has(w) && !whole.has(w));
}
