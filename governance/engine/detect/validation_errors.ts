/**
 * Validation errors that name a field on one line and quote its value on
 * the next (pydantic: `steuer_id` / `  value is not valid …
 * input_value='50974312603'`, or `[type=value_error, input_value='…']`):
 * the value is read as `field: value` by the scanner's label reader (see
 * `tables.ts`'s {@link LabelReader}), so a personal number that failed
 * validation is still found by its field's label. Found with `indexOf`
 * only, linear in the text.
 *
 * @module
 */

import type { LabelReader, TableCell } from "./tables.ts";

const MARK = "input_value=";
/** Longest value read. */
const MAX_VALUE = 120;

/** Farthest a line start is looked for. */
const LOOK = 400;

/** Offset of the line break at or before `p` within {@link LOOK} characters, else `p - LOOK` (at least -1): a longer line is no loc line. */
function newlineBefore(text: string, p: number): number {
  const stop = Math.max(-1, p - LOOK);
  for (let i = p; i > stop; i--) if (text.charCodeAt(i) === 10) return i;
  return stop;
}

/** The field a loc line names: its last part (`body -> applicant -> ssn`, `customer.ssn`, `items.0.iban`). */
function fieldOf(line: string): string | undefined {
  const t = line.trim();
  if (t === "" || t.length > 120 || /\s{2}|[=:'"()[\]]/.test(t)) {
    return undefined;
  }
  const parts = t.split(/\s*->\s*|\./).filter((p) =>
    p !== "" && !/^\d+$/.test(p)
  );
  const last = parts[parts.length - 1];
  return last !== undefined && /^[A-Za-z_][\w-]*$/.test(last)
    ? last
    : undefined;
}

/** Values of validation errors read through their field's label (see the module doc). */
export function validationErrorCells(
  text: string,
  labelled: LabelReader,
): TableCell[] {
  const out: TableCell[] = [];
  for (let p = text.indexOf(MARK); p >= 0; p = text.indexOf(MARK, p + 1)) {
    const q = text.charCodeAt(p + MARK.length);
    if (q !== 39 && q !== 34) continue;
    const a = p + MARK.length + 1;
    const close = text.slice(a, a + MAX_VALUE + 1).indexOf(
      String.fromCharCode(q),
    );
    if (close <= 0) continue;
    const b = a + close;
    const value = text.slice(a, b);
    if (value.includes("\n")) continue;
    // The field: the nearest line above the error's own line (at most 3 up)
    // that reads as a loc.
    let end = newlineBefore(text, p);
    for (let k = 0; k < 3 && end > 0; k++) {
      const start = newlineBefore(text, end - 1) + 1;
      const field = fieldOf(text.slice(start, end));
      if (field !== undefined) {
        const id = labelled(field, value);
        if (id !== undefined) out.push({ start: a, end: b, policyId: id });
        break;
      }
      end = start - 1;
    }
  }
  return out;
}
