/**
 * Spreadsheet dumps that name each cell by its reference (`A1: Name | B1:
 * Aadhaar` then `A2: … | B2: 669095097299`): the first row's cells label
 * their columns, and each later cell is read as `header: value` by the
 * scanner's label reader (see `tables.ts`'s {@link LabelReader}). One pass
 * over the lines, each split with `indexOf`.
 *
 * @module
 */

import type { LabelReader, TableCell } from "./tables.ts";

/** A cell reference and its separator at the start of a piece (`B12: `). */
const REF = /^\s{0,3}([A-Z]{1,3})(\d{1,7})\s{0,2}[:=]\s{0,3}/;
/** Longest line read. */
const MAX_LINE = 4000;

/** A line of reference cells: [column, row, value start, value end] of each. */
function refCells(
  text: string,
  a: number,
  b: number,
): [string, number, number, number][] {
  const out: [string, number, number, number][] = [];
  let p = a;
  while (p <= b) {
    let e = text.indexOf("|", p);
    if (e < 0 || e > b) e = b;
    const piece = text.slice(p, e);
    const m = REF.exec(piece);
    if (m === null) return [];
    const vs = p + m[0].length;
    let ve = e;
    while (ve > vs && text.charCodeAt(ve - 1) <= 32) ve--;
    out.push([m[1], Number(m[2]), vs, ve]);
    p = e + 1;
    if (e === b) break;
  }
  return out;
}

/** Cells of reference-named spreadsheet rows whose first-row header reads them as a PII kind (see the module doc). */
export function sheetCells(text: string, labelled: LabelReader): TableCell[] {
  const out: TableCell[] = [];
  let headers: Map<string, string> | undefined;
  let headerRow = 0;
  for (let a = 0; a <= text.length;) {
    let b = text.indexOf("\n", a);
    if (b < 0) b = text.length;
    const cells = b - a <= MAX_LINE ? refCells(text, a, b) : [];
    if (cells.length < 2) headers = undefined;
    else if (headers === undefined || cells[0][1] <= headerRow) {
      headers = new Map(
        cells.map(([col, , vs, ve]) => [col, text.slice(vs, ve)]),
      );
      headerRow = cells[0][1];
    } else {
      for (const [col, , vs, ve] of cells) {
        const h = headers.get(col);
        if (h === undefined || h === "" || ve <= vs || ve - vs > 200) continue;
        const id = labelled(h, text.slice(vs, ve));
        if (id !== undefined) out.push({ start: vs, end: ve, policyId: id });
      }
    }
    a = b + 1;
  }
  return out;
}
