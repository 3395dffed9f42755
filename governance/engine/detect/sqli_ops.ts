/**
 * Operators an injection borrows from MySQL's reading of SQL, by tokens (the
 * lexer of `sqli_struct.ts` on the masked statement of `sqli_lex.ts`):
 *
 * - `&&` and `||` used as AND and OR before a constant condition (`id = 12
 *   && 1=1`, `id = 10 || 1`). Elsewhere `&&` is the overlap of two arrays or
 *   ranges and `||` joins strings: the right side of either is then a value
 *   (an array, a range, a string), not a comparison, and nobody joins a
 *   number to a number;
 * - arithmetic or bit operators between two string literals, next to a
 *   comparison (`login = 'x'-''`, `login = ''^''`): MySQL turns both strings
 *   into 0, so the comparison holds for almost every row. A date minus an
 *   interval casts one side (`'2026-12-01' - '1 day'::interval`) and is not
 *   read as this;
 * - a number divided by the constant zero (`ELSE 1/0 END`, `1/(SELECT 0)`):
 *   the error an error-based probe raises on one branch of a condition.
 *
 * One pass over the tokens, each condition read a bounded number of tokens.
 *
 * @module
 */

import { COMPARISON, constantCondition, type Tok } from "./sqli_struct.ts";

/** One hit: which check fired and where (offsets in the input). */
export interface OpsHit {
  kind: "symbol_logic" | "string_arithmetic" | "zero_division";
  start: number;
  end: number;
}

/** Most tokens of a constant read after `&&` or `||` (a probe is short). */
const MAX_OPERAND_TOKENS = 64;

/** Most hits reported for one statement. */
const MAX_OPS_HITS = 16;

/** Words that make a constant a condition rather than a value. */
const CONDITION_WORDS: ReadonlySet<string> = new Set([
  "like",
  "ilike",
  "rlike",
  "regexp",
  "is",
  "in",
  "between",
  "not",
  "exists",
  "sounds",
  "similar",
  "xor",
]);

/** Operators that turn two strings into numbers in MySQL (`%` is also pg_trgm's similarity, so left out). */
const STRING_ARITHMETIC: ReadonlySet<string> = new Set([
  "-",
  "*",
  "/",
  "^",
  "|",
  "&",
]);

/** Whether a constant's tokens form a condition: a comparison or a condition word in them, or one number or truth value alone. */
export function conditionShape(toks: Tok[]): boolean {
  if (toks.length === 1) {
    const t = toks[0];
    return t.kind === "num" ||
      (t.kind === "word" && (t.text === "true" || t.text === "false"));
  }
  return toks.some((t) =>
    (t.kind === "op" && COMPARISON.has(t.text)) ||
    (t.kind === "word" && CONDITION_WORDS.has(t.text))
  );
}

/** Whether a token is a cast operator (`::`), which gives a literal a type. */
const isCast = (t: Tok | undefined): boolean =>
  t !== undefined && t.kind === "op" && t.text === "::";

/** Whether a literal has a letter prefix (`b'1'`, `x'0f'`, `N'a'`, `E'a'`): the lexer starts it at its quote. */
const prefixed = (masked: string, t: Tok): boolean => {
  const c = masked.charCodeAt(t.start - 1) | 0x20;
  return c >= 0x61 && c <= 0x7a;
};

/** Whether a token is a comparison operator. */
const isComparison = (t: Tok | undefined): boolean =>
  t !== undefined && t.kind === "op" && COMPARISON.has(t.text);

/** The index of the last token of a constant zero starting at `k` (`0`, `(0)`, `(SELECT 0)`), or -1. */
function zeroAt(toks: Tok[], k: number): number {
  let open = 0;
  while (toks[k]?.kind === "open" && open < 4) {
    k++;
    open++;
  }
  if (toks[k]?.text === "select") k++;
  const z = toks[k];
  if (z === undefined || z.kind !== "num" || Number(z.text) !== 0) return -1;
  for (let c = 0; c < open; c++) {
    if (toks[k + 1]?.kind !== "close") return -1;
    k++;
  }
  return k;
}

/** The hits of a masked statement's tokens (see the module note). */
export function operatorHits(toks: Tok[], masked: string): OpsHit[] {
  const hits: OpsHit[] = [];
  for (let i = 1; i < toks.length && hits.length < MAX_OPS_HITS; i++) {
    const t = toks[i];
    if (t.kind === "op" && (t.text === "&&" || t.text === "||")) {
      const left = toks[i - 1];
      // `||` is OR only where a number (or a string before a comparison)
      // ends a comparison's right side: `id = 10 || 1`.
      if (
        t.text === "||" &&
        !((left.kind === "num" || left.kind === "str") &&
          isComparison(toks[i - 2]))
      ) continue;
      const c = constantCondition(masked, t.end, MAX_OPERAND_TOKENS);
      if (c === null || !conditionShape(c.toks)) continue;
      // A string joined to a lone number is still a string.
      if (t.text === "||" && left.kind === "str" && c.toks.length === 1) {
        continue;
      }
      hits.push({
        kind: "symbol_logic",
        start: t.start,
        end: c.toks[c.toks.length - 1].end,
      });
      continue;
    }
    if (t.kind === "op" && t.text === "/" && toks[i - 1].kind === "num") {
      const end = zeroAt(toks, i + 1);
      if (end >= 0) {
        hits.push({
          kind: "zero_division",
          start: toks[i - 1].start,
          end: toks[end].end,
        });
      }
      continue;
    }
    if (
      t.kind !== "op" || !STRING_ARITHMETIC.has(t.text) ||
      toks[i - 1].kind !== "str" || toks[i + 1]?.kind !== "str"
    ) continue;
    if (isCast(toks[i + 2])) continue;
    // b'101' | b'010', x'0f' & x'ff': bit and hex strings are numbers.
    if (prefixed(masked, toks[i - 1]) || prefixed(masked, toks[i + 1])) {
      continue;
    }
    if (!isComparison(toks[i - 2]) && !isComparison(toks[i + 2])) continue;
    hits.push({
      kind: "string_arithmetic",
      start: toks[i - 1].start,
      end: toks[i + 1].end,
    });
  }
  return hits;
}
