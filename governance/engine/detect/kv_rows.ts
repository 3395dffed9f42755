/**
 * Tables whose rows are settings: a header with a name column (`Key`,
 * `Name`, `Variable`, `Field`, `Setting`...) and a `Value` column, as
 * `vault kv get`, psql selects of a settings table, markdown docs of
 * environment variables and config dumps print them. The row's name labels
 * its value the way `NAME=value` would, so the scanner reads each row as
 * that assignment (see `sensitive.ts`); this module only finds the rows.
 *
 * @module
 */

import { lineEnd } from "./lines.ts";
import { cells, DELIMITERS, RULE, trimCell } from "./tables.ts";

/** One settings row: the name cell's text and the span of its value cell. */
export interface KeyValueRow {
  key: string;
  start: number;
  end: number;
}

/** Header names of the column that names a setting. */
const KEY_COLUMNS = new Set([
  "key",
  "name",
  "variable",
  "var",
  "env",
  "env_var",
  "field",
  "property",
  "setting",
  "parameter",
  "param",
  "option",
  "config",
  "key_name",
  "name_key",
  "setting_name",
  "var_name",
  "variable_name",
  "env_name",
  "config_key",
  "param_name",
  "parameter_name",
  "secret_name",
  "property_name",
]);

/** Header names of the column that holds its value. */
const VALUE_COLUMNS = new Set([
  "value",
  "val",
  "current_value",
  "setting_value",
]);

/** A `Value` header word (the cheap test before any line is split). */
const VALUE_HINT = /(?<![A-Za-z])val(?:ue)?(?![A-Za-z])/gi;

/** A setting's name: an identifier, not prose. */
const KEY_SHAPE = /^[A-Za-z_][\w.-]{1,63}$/;

/** Most rows returned (each is scanned as one assignment). */
const MAX_ROWS = 256;
/** Longest value cell read. */
const MAX_VALUE = 512;

/** A cell's span without spaces, quotes and markdown backticks. */
function bare(text: string, c: [number, number]): [number, number] {
  let [a, b] = trimCell(text, c);
  while (b - a >= 2 && text[a] === "`" && text[b - 1] === "`") {
    a++;
    b--;
  }
  return [a, b];
}

function columnName(s: string): string {
  return s.trim().replace(/^[`"']|[`"']$/g, "").toLowerCase().replace(
    /[\s-]+/g,
    "_",
  );
}

/**
 * Settings rows of every name/value table in `text`: under a header line
 * with a name and a value column, each row of as many cells (rule lines
 * skipped) whose name is an identifier and whose value is not empty.
 */
export function keyValueRows(text: string): KeyValueRow[] {
  const out: KeyValueRow[] = [];
  let doneTo = -1;
  VALUE_HINT.lastIndex = 0;
  for (let m; (m = VALUE_HINT.exec(text)) !== null;) {
    if (m.index < doneTo) continue;
    const ls = text.lastIndexOf("\n", m.index) + 1;
    const le = lineEnd(text, m.index);
    doneTo = le;
    if (le - ls > 400) continue;
    const line = text.slice(ls, le);
    for (const d of DELIMITERS) {
      if (!line.includes(d)) continue;
      const header = cells(text, ls, le, d);
      if (header.length < 2 || header.length > 12) continue;
      const names = header.map((c) => columnName(text.slice(c[0], c[1])));
      const k = names.findIndex((n) => KEY_COLUMNS.has(n));
      const v = names.findIndex((n) => VALUE_COLUMNS.has(n));
      if (k < 0 || v < 0) continue;
      let pos = le + 1;
      while (pos < text.length && out.length < MAX_ROWS) {
        const e = lineEnd(text, pos);
        const row = text.slice(pos, e);
        if (RULE.test(row) && row.trim() !== "") {
          pos = e + 1;
          continue;
        }
        const cs = cells(text, pos, e, d);
        if (cs.length !== header.length) break;
        const [ka, kb] = bare(text, cs[k]);
        const [va, vb] = bare(text, cs[v]);
        const key = text.slice(ka, kb);
        if (KEY_SHAPE.test(key) && vb > va && vb - va <= MAX_VALUE) {
          out.push({ key, start: va, end: vb });
        }
        pos = e + 1;
      }
      doneTo = pos;
      VALUE_HINT.lastIndex = Math.max(VALUE_HINT.lastIndex, pos);
      break;
    }
    if (out.length >= MAX_ROWS) break;
  }
  return out;
}
