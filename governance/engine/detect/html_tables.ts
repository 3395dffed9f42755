/**
 * HTML tables: a `<th>` header row labels the `<td>` cells below it
 * (`<tr><th>Name</th><th>PESEL</th></tr><tr><td>…</td><td>62020149879</td></tr>`),
 * where a label and its value are several tags apart. Each cell is read
 * as `header: value` by the scanner's label reader (see `tables.ts`'s
 * {@link LabelReader}). Rows and cells are found with `indexOf` only, so the
 * pass is linear in the text.
 *
 * @module
 */

import type { LabelReader, TableCell } from "./tables.ts";

/** A header cell's opening tag, in any case. */
const HEADER_CELL = /<th[\s>]/i;

/** Longest cell text read. */
const MAX_CELL = 200;

/** A cell of a row: its tag (`h` or `d`) and the span of its text. */
interface HtmlCell {
  kind: "h" | "d";
  start: number;
  end: number;
}

/**
 * A forward search for `needle` in `low`: the first offset at or after
 * `from`, or -1. Calls must come with `from` never decreasing; a result
 * still ahead is reused, so all calls together read the text once.
 */
function forward(low: string, needle: string): (from: number) => number {
  let at = -2;
  return (from) => {
    if (at === -1 || (at >= from && at !== -2)) return at;
    at = low.indexOf(needle, from);
    return at;
  };
}

/** A forward search (see {@link forward}) for the tag `<t` + `ch` (`<tr>`, `<th class=…>`, not `<track>`). */
function tagSearch(low: string, ch: string): (from: number) => number {
  const find = forward(low, "<t" + ch);
  return (from) => {
    for (let p = find(from); p >= 0; p = find(p + 3)) {
      const c = low.charCodeAt(p + 3);
      if (c === 62 || c === 32 || c === 9 || c === 10 || c === 13) return p;
    }
    return -1;
  };
}

/** The searches one pass over a text shares. */
interface Searches {
  th: (from: number) => number;
  td: (from: number) => number;
  gt: (from: number) => number;
  lt: (from: number) => number;
}

/** The `<th>`/`<td>` cells of the row `from`..`to`. */
function rowCells(
  low: string,
  s: Searches,
  from: number,
  to: number,
): HtmlCell[] {
  const out: HtmlCell[] = [];
  let p = from;
  while (p < to) {
    const h = s.th(p), d = s.td(p);
    const at = h < 0 ? d : d < 0 ? h : Math.min(h, d);
    if (at < 0 || at >= to) break;
    const open = s.gt(at);
    if (open < 0 || open >= to) break;
    let end = s.lt(open + 1);
    if (end < 0 || end > to) end = to;
    let a = open + 1, b = end;
    while (a < b && low.charCodeAt(a) <= 32) a++;
    while (b > a && low.charCodeAt(b - 1) <= 32) b--;
    out.push({ kind: at === h ? "h" : "d", start: a, end: b });
    p = end;
  }
  return out;
}

/** Cells of HTML table rows whose `<th>` header reads the cell as a PII kind (see the module doc). */
export function htmlTableCells(
  text: string,
  labelled: LabelReader,
): TableCell[] {
  // Most texts hold no header cell: one pass, no lower-cased copy.
  if (!HEADER_CELL.test(text)) return [];
  const low = text.toLowerCase();
  const s: Searches = {
    th: tagSearch(low, "h"),
    td: tagSearch(low, "d"),
    gt: forward(low, ">"),
    lt: forward(low, "<"),
  };
  const tr = tagSearch(low, "r");
  const closeTr = forward(low, "</tr");
  const closeTable = forward(low, "</table");
  const out: TableCell[] = [];
  let header: string[] | undefined;
  let p = tr(0);
  while (p >= 0) {
    const next = tr(p + 3);
    const close = closeTr(p);
    const end = close >= 0 && (next < 0 || close < next)
      ? close
      : next < 0
      ? low.length
      : next;
    const cells = rowCells(low, s, p, end);
    if (cells.length > 0 && cells.every((c) => c.kind === "h")) {
      header = cells.map((c) => text.slice(c.start, c.end));
    } else if (header !== undefined) {
      const names = header;
      cells.forEach((c, k) => {
        const h = names[k];
        if (h === undefined || h === "" || c.end <= c.start) return;
        if (c.end - c.start > MAX_CELL) return;
        const id = labelled(h, text.slice(c.start, c.end));
        if (id !== undefined) {
          out.push({ start: c.start, end: c.end, policyId: id });
        }
      });
    }
    // A table's end forgets its header.
    const tableEnd = closeTable(end);
    if (next >= 0 && tableEnd >= 0 && tableEnd < next) header = undefined;
    p = next;
  }
  return out;
}
