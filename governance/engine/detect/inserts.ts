/**
 * SQL dumps as tables: `INSERT INTO t (c1, c2) VALUES (v1, v2), (…)` and
 * PostgreSQL's `COPY t (c1, c2) FROM stdin;` followed by tab-separated
 * rows up to `\.`. The column list names the values the way a header names
 * a table's cells; `tables.ts` then checks each value against its column.
 * A hand-written reader, one pass over the statement, no regex over the
 * values.
 *
 * @module
 */

/** Column names (as written) and, per row, the span of each value (quotes excluded). */
export interface SqlRows {
  names: string[];
  rows: [number, number][][];
}

const isSpace = (c: number): boolean =>
  c === 32 || c === 9 || c === 10 || c === 13;

/** How far a statement is read (a dump line can be long; this bounds the work per header hit). */
const MAX_STATEMENT = 200_000;

/** `INSERT [IGNORE] INTO name (` or `COPY name (` at the start of the line at `ls`. */
const HEAD =
  /[ \t]*(?:(insert)[ \t]+(?:ignore[ \t]+)?into|(copy))[ \t]+[`"[\]\w.]{1,128}[ \t]*\(/iy;

/** The column list starting after `(` at `i`: names and the offset after `)`. */
function columnList(
  text: string,
  i: number,
): [string[], number] | undefined {
  const close = text.indexOf(")", i);
  if (close < 0 || close - i > 4000) return undefined;
  const names = text.slice(i, close).split(",").map((n) =>
    n.trim().replace(/^[`"[]|[`"\]]$/g, "")
  );
  if (names.some((n) => !/^[\w$ -]{1,64}$/.test(n))) return undefined;
  return [names, close + 1];
}

/** One value at `i` (after spaces): its inner span and the offset after it. */
function value(text: string, i: number, end: number): [number, number, number] {
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  const q = text.charCodeAt(i);
  if (q === 39 || q === 34) {
    let j = i + 1;
    while (j < end) {
      const c = text.charCodeAt(j);
      if (c === 92) j += 2;
      else if (c === q && text.charCodeAt(j + 1) === q) j += 2;
      else if (c === q) break;
      else j++;
    }
    return [i + 1, Math.min(j, end), j + 1];
  }
  let depth = 0;
  let j = i;
  while (j < end) {
    const c = text.charCodeAt(j);
    if (c === 40) depth++;
    else if (c === 41) {
      if (depth === 0) break;
      depth--;
    } else if (c === 44 && depth === 0) break;
    j++;
  }
  let b = j;
  while (b > i && isSpace(text.charCodeAt(b - 1))) b--;
  return [i, b, j];
}

/** Tuples after `VALUES` at `i`. */
function tuples(text: string, i: number, n: number): [number, number][][] {
  const end = Math.min(text.length, i + MAX_STATEMENT);
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  if (text.slice(i, i + 6).toLowerCase() !== "values") return [];
  i += 6;
  const rows: [number, number][][] = [];
  for (;;) {
    while (i < end && isSpace(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== 40) break;
    i++;
    const row: [number, number][] = [];
    for (;;) {
      const [a, b, next] = value(text, i, end);
      row.push([a, b]);
      i = next;
      while (i < end && isSpace(text.charCodeAt(i))) i++;
      if (text.charCodeAt(i) === 44) {
        i++;
        continue;
      }
      break;
    }
    if (text.charCodeAt(i) !== 41) break;
    i++;
    if (row.length === n) rows.push(row);
    while (i < end && isSpace(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== 44) break;
    i++;
  }
  return rows;
}

/** Tab-separated rows after a `COPY … FROM stdin;` line ending at `i`, up to `\.`. */
function copyRows(text: string, i: number, n: number): [number, number][][] {
  const le = text.indexOf("\n", i);
  if (le < 0 || !/from\s+stdin/i.test(text.slice(i, le))) return [];
  const rows: [number, number][][] = [];
  let pos = le + 1;
  while (pos < text.length && pos - le < MAX_STATEMENT) {
    let e = text.indexOf("\n", pos);
    if (e < 0) e = text.length;
    if (text.startsWith("\\.", pos)) break;
    const row: [number, number][] = [];
    let a = pos;
    for (let k = pos; k <= e; k++) {
      if (k === e || text.charCodeAt(k) === 9) {
        row.push([a, k > a && text.charCodeAt(k - 1) === 13 ? k - 1 : k]);
        a = k + 1;
      }
    }
    if (row.length !== n) break;
    rows.push(row);
    pos = e + 1;
  }
  return rows;
}

/** The rows of an INSERT or COPY statement starting on the line at `ls`, if it has a column list. */
export function sqlRows(text: string, ls: number): SqlRows | undefined {
  HEAD.lastIndex = ls;
  const m = HEAD.exec(text);
  if (m === null) return undefined;
  const list = columnList(text, HEAD.lastIndex);
  if (list === undefined) return undefined;
  const [names, after] = list;
  const rows = m[1] !== undefined
    ? tuples(text, after, names.length)
    : copyRows(text, after, names.length);
  return rows.length === 0 ? undefined : { names, rows };
}
