/**
 * Tabular output (query results, CSV/TSV exports, psql and mysql box
 * tables): a column header labels the cells below it. `ssn`, `card_number`,
 * `dob`, `passport`, `account_number`... make bare values in that column
 * findings even where the value alone is too weak to report (a date, nine
 * digits, a passport number), after the same validator the labelled kind
 * uses.
 *
 * @module
 */

import { lineEnd } from "./lines.ts";
import type { CheckContext, ValidatorName } from "./sensitive_spec.ts";
import { sqlRows } from "./inserts.ts";
import { isPlaceholder, VALIDATORS } from "./validators.ts";

/** A labelled cell: its span and the catalogue kind it is reported as. */
export interface TableCell {
  start: number;
  end: number;
  policyId: string;
}

/**
 * Reads a header word as a label: the catalogue kind (its policy id) that
 * `label: value` is a finding of, with the finding covering the whole value;
 * undefined when it is none.
 */
export type LabelReader = (label: string, value: string) => string | undefined;

interface Column {
  policyId: string;
  /** The header's own text, for a column read through a {@link LabelReader}. */
  label?: string;
  validator?: ValidatorName;
  /** The whole cell must look like this before the validator runs. */
  shape?: RegExp;
  /**
   * A known column's header text when it also holds a catalogue label: a
   * cell that fails the column's own check is read as `header: value` too
   * (`nif` is Spain's DNI or Portugal's nine-digit NIF).
   */
  alsoLabel?: string;
}

/** Column names (lower case, `_` for spaces and dashes) and what their cells hold. */
const COLUMNS: ReadonlyMap<string, Column> = new Map<string, Column>([
  ...names([
    "ssn",
    "social_security_number",
    "ssn_number",
    "social_security",
    "tax_id",
    "taxpayer_id",
    "tin",
    "ssn_tin",
    "ssn_itin",
  ], {
    policyId: "sys_pii_ssn",
    validator: "ssn",
    shape: /^\d{3}([- .]?)\d{2}\1\d{4}$/,
  }),
  ...names([
    "card_number",
    "card",
    "card_no",
    "cc",
    "cc_number",
    "ccn",
    "credit_card",
    "credit_card_number",
    "pan_number",
    "card_pan",
  ], {
    policyId: "sys_pii_credit_card",
    validator: "card",
    shape: /^\d[\d ._/-]{11,22}\d$/,
  }),
  ...names([
    "dob",
    "date_of_birth",
    "birth_date",
    "birthdate",
    "birthday",
  ], { policyId: "sys_pii_date_of_birth", validator: "date" }),
  ...names(["email", "email_address", "e_mail", "mail"], {
    policyId: "sys_pii_email",
    validator: "email",
    shape: /^[^\s@]{1,64}@[^\s@]{1,200}\.[A-Za-z]{2,24}$/,
  }),
  ...names([
    "phone",
    "phone_number",
    "mobile",
    "mobile_number",
    "tel",
    "telephone",
    "cell",
    "contact_number",
  ], {
    policyId: "sys_pii_phone_labelled",
    validator: "phone_any",
    shape: /^\+?[\d ().-]{7,20}$/,
  }),
  ...names(["passport", "passport_no", "passport_number", "passport_id"], {
    policyId: "sys_pii_passport",
    validator: "passport",
    shape: /^[A-Z0-9]{6,9}$/i,
  }),
  ...names(["iban"], { policyId: "sys_pii_iban", validator: "iban" }),
  ...names([
    "account_number",
    "account_no",
    "acct_no",
    "acct_number",
    "bank_account",
    "bank_account_number",
  ], {
    policyId: "sys_pii_bank_account",
    validator: "bank_account",
    shape: /^\d[\d -]{4,20}\d$/,
  }),
  ...names(["routing_number", "aba", "routing"], {
    policyId: "sys_pii_bank_routing",
    validator: "aba",
    shape: /^\d{9}$/,
  }),
  ...names(["aadhaar", "aadhaar_no", "aadhaar_number", "aadhar"], {
    policyId: "sys_pii_aadhaar",
    validator: "aadhaar",
    shape: /^[2-9]\d{3}([ -]?)\d{4}\1\d{4}$/,
  }),
  ...names(["nric", "nric_fin", "fin", "nric_no"], {
    policyId: "sys_pii_nric",
    validator: "nric",
    shape: /^[STFGM]\d{7}[A-Z]$/i,
  }),
  ...names(["uen"], {
    policyId: "sys_pii_uen",
    validator: "uen",
    shape: /^(?:\d{8}[A-Z]|(?:19|20)\d{7}[A-Z]|[TSR]\d{2}[A-Z]{2}\d{4}[A-Z])$/,
  }),
  ...names(["nik", "ktp", "no_ktp"], {
    policyId: "sys_pii_ktp",
    validator: "ktp",
  }),
  ...names(["cpf", "cpf_number"], {
    policyId: "sys_pii_br_cpf",
    validator: "cpf",
    shape: /^\d{3}\.?\d{3}\.?\d{3}-?\d{2}$/,
  }),
  ...names(["sin", "sin_number", "social_insurance_number"], {
    policyId: "sys_pii_ca_sin",
    validator: "sin",
    shape: /^\d{3}([ -]?)\d{3}\1\d{3}$/,
  }),
  ...names(["dni", "nie", "nif", "dni_nie"], {
    policyId: "sys_pii_es_dni",
    validator: "dni",
    shape: /^(?:\d{8}|[XYZ]\d{7})-?[A-Z]$/i,
  }),
  ...names([
    "driver_license",
    "drivers_license",
    "driver_s_license",
    "driver_licence",
    "drivers_licence",
    "driver_s_licence",
    "driver's_license",
    "driver's_licence",
    "driving_license",
    "driving_licence",
    "dl_number",
    "license_number",
    "licence_number",
  ], {
    policyId: "sys_pii_driver_license",
    validator: "labelled_id",
    shape: /^[A-Z0-9-]{5,18}$/i,
  }),
  ...names(["password", "passwd", "pwd", "secret", "secret_access_key"], {
    policyId: "sys_secret_password_assignment",
  }),
]);

function names(list: string[], c: Column): [string, Column][] {
  return list.map((n) => [n, c]);
}

/** A header word somewhere in the text (the cheap test before any line is split). */
const HEADER_HINT =
  /(?<![a-z])(?:ssn|social|card|cc|dob|birth|e_?-?mail|mail|phone|mobile|tel|cell|contact|passport|iban|acc(?:oun)?t|bank|routing|aba|aadhaa?r|nric|fin|uen|nik|ktp|no_ktp|passw|pwd|secret|tax[_ ]id|taxpayer|cpf|sin_number|dni|nif|driv|licen[cs]e_?n)/gi;

/**
 * Header words in scripts beyond ASCII that the catalogue's script-label
 * kinds know (birth date, phone, passport, national ids): the keyword pass
 * indexes ASCII words only, so a text with other letters looks for these.
 */
const SCRIPT_HEADER =
  /出生日期|出生年月日|生年月日|生日|생년월일|Дата рождения|Ημερομηνία γέννησης|Doğum tarihi|Fødselsdato|Födelsedatum|Születési dátum|Ngày sinh|电话|電話|手机|携帯|Телефон|Тел\.|Мобильный|Τηλέφωνο|Κινητό|旅券番号|パスポート番号|护照|護照|여권번호|Паспорт|Номер паспорта|Διαβατήριο|身份证|公民身份号码|주민등록번호|주민번호|マイナンバー|個人番号/gi;

/** Offsets of non-ASCII header words (see {@link SCRIPT_HEADER}), for a text that is not all ASCII. */
export function scriptHeaderHints(text: string): number[] {
  const out: number[] = [];
  SCRIPT_HEADER.lastIndex = 0;
  for (let m; (m = SCRIPT_HEADER.exec(text)) !== null;) out.push(m.index);
  return out;
}

/** Offsets of header words, by {@link HEADER_HINT} (when the scanner's keyword pass did not provide them). */
function headerHints(text: string): number[] {
  const out: number[] = [];
  HEADER_HINT.lastIndex = 0;
  for (let m; (m = HEADER_HINT.exec(text)) !== null;) out.push(m.index);
  return out;
}

/** Delimiters a table row is split at; `"  "` is a run of two or more spaces (aligned columns). */
export const DELIMITERS = [",", "\t", "|", "│", ";", "  "] as const;

/** Cells of one line of space-aligned columns: runs separated by two or more spaces. */
function spacedCells(
  text: string,
  start: number,
  end: number,
): [number, number][] {
  const out: [number, number][] = [];
  let i = start;
  while (i < end && text.charCodeAt(i) === 32) i++;
  let a = i;
  while (i < end) {
    if (
      text.charCodeAt(i) === 32 && i + 1 < end &&
      text.charCodeAt(i + 1) === 32
    ) {
      out.push([a, i]);
      while (i < end && text.charCodeAt(i) === 32) i++;
      a = i;
    } else i++;
  }
  if (a < end && text.slice(a, end).trim() !== "") out.push([a, end]);
  return out;
}

/** Cells of one line split at `d`, with their spans (box borders at the ends dropped). */
export function cells(
  text: string,
  start: number,
  end: number,
  d: string,
): [number, number][] {
  if (d === "  ") return spacedCells(text, start, end);
  const out: [number, number][] = [];
  let a = start;
  // A CSV field in double quotes may hold the delimiter (`"12 Elm St, York"`).
  const quoted = (d === "," || d === ";" || d === "\t") &&
    evenQuotes(text.slice(start, end));
  let inQuote = false;
  for (let i = start; i <= end; i++) {
    if (quoted && i < end && text.charCodeAt(i) === 34) inQuote = !inQuote;
    if (i === end || (text[i] === d && !inQuote)) {
      out.push([a, i]);
      a = i + 1;
    }
  }
  if (d === "|" || d === "│") {
    const blank = (c: [number, number]) => text.slice(c[0], c[1]).trim() === "";
    if (out.length > 0 && blank(out[0])) out.shift();
    if (out.length > 0 && blank(out[out.length - 1])) out.pop();
  }
  return out;
}

/** Whether `line` holds double quotes, an even number of them (balanced CSV quoting). */
function evenQuotes(line: string): boolean {
  let n = 0;
  for (let i = line.indexOf('"'); i >= 0; i = line.indexOf('"', i + 1)) n++;
  return n > 0 && n % 2 === 0;
}

/** Trimmed span of a cell (spaces and one pair of quotes removed). */
export function trimCell(
  text: string,
  [a, b]: [number, number],
): [number, number] {
  while (a < b && (text[a] === " " || text[a] === "\t")) a++;
  while (
    b > a &&
    (text[b - 1] === " " || text[b - 1] === "\t" || text[b - 1] === "\r")
  ) b--;
  if (
    b - a >= 2 && (text[a] === '"' || text[a] === "'") &&
    text[b - 1] === text[a]
  ) {
    a++;
    b--;
  }
  return [a, b];
}

/** A header cell's name as a key of {@link COLUMNS}. */
function columnName(s: string): string {
  return s.trim().replace(/^["'`]|["'`]$/g, "").toLowerCase().replace(
    /[\s-]+/g,
    "_",
  );
}

/** Rows that separate a header from the body (`----+----`, `+----+`, `|---|`). */
export const RULE = /^[\s+|─┼┬┴├┤╋━-]*$/;

/** Cell values that are empty on purpose. */
const EMPTY = /^(?:null|\\n|none|n\/a|na|-|—|\(null\)|\[redacted[^\]]*\])$/i;

/** What {@link tableCells} reads with: the validators' context and the label reader. */
interface TableContext extends CheckContext {
  labelled?: LabelReader;
}

/** A date or time (`2026-12-01`, `12/01/2026`, `10:00:00`): a password column's metadata (`chage -l`, `passwd -S`), not a password. */
const DATE_CELL =
  /^(?:\d{4}-\d{2}-\d{2}(?:[T ][\d:.]{5,15}Z?)?|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}:\d{2}(?::\d{2})?)$/;

/** Pushes the cell `a`..`b` of column `col` when its value passes the column's shape and validator. */
function checkCell(
  col: Column,
  text: string,
  a: number,
  b: number,
  ctx: TableContext,
  out: TableCell[],
): void {
  if (b <= a || b - a > 200) return;
  const v = text.slice(a, b);
  if (EMPTY.test(v)) return;
  if (col.label !== undefined) {
    const id = ctx.labelled?.(col.label, v);
    if (id !== undefined) out.push({ start: a, end: b, policyId: id });
    return;
  }
  if (fixedCheck(col, v, a, b, ctx)) {
    out.push({ start: a, end: b, policyId: col.policyId });
  } else if (col.alsoLabel !== undefined) {
    const id = ctx.labelled?.(col.alsoLabel, v);
    if (id !== undefined) out.push({ start: a, end: b, policyId: id });
  }
}

/** Whether the cell `v` at `a`..`b` passes a known column's shape and validator. */
function fixedCheck(
  col: Column,
  v: string,
  a: number,
  b: number,
  ctx: TableContext,
): boolean {
  if (col.shape !== undefined && !col.shape.test(v)) return false;
  if (col.validator === undefined) {
    return !(v.length < 6 || isPlaceholder(v) || DATE_CELL.test(v));
  }
  ctx.start = a;
  ctx.end = b;
  ctx.match = v;
  return VALIDATORS[col.validator](v, ctx);
}

/** Characters a column name does not hold but a password or token may. */
const NOT_A_NAME = /[!$%^*=+@~\\{}<>?&]/;

/** Names of fields that a key/value listing has beside a password (besides the column names). */
const FIELD_NAMES = new Set([
  "user",
  "username",
  "user_name",
  "login",
  "host",
  "hostname",
  "port",
  "database",
  "db",
  "url",
  "name",
  "key",
  "value",
]);

/** Whether the cell `c` is a field name ({@link FIELD_NAMES} or a column name). */
function fieldName(text: string, c: [number, number]): boolean {
  const [a, b] = trimCell(text, c);
  if (b - a > 40) return false;
  const n = columnName(text.slice(a, b));
  return FIELD_NAMES.has(n) || COLUMNS.has(n);
}

/** Longest stretch of rule lines looked back over for the row above a header. */
const LOOK_BACK = 4;

/**
 * Whether the line above `ls` (rule lines skipped) splits at `d` into `n`
 * cells: then the line at `ls` is a row of that table, not its header.
 */
function belowRow(text: string, ls: number, d: string, n: number): boolean {
  let end = ls - 1;
  for (let k = 0; end > 0 && k < LOOK_BACK; k++) {
    const start = text.lastIndexOf("\n", end - 1) + 1;
    if (end - start > 2000) return false;
    const line = text.slice(start, end);
    if (line.trim() === "") return false;
    if (RULE.test(line)) {
      end = start - 1;
      continue;
    }
    return line.includes(d) && cells(text, start, end, d).length === n;
  }
  return false;
}

/** A line that may start an SQL statement with a column list (`INSERT INTO`, `COPY`). */
const SQL_START = /^[ \t]*(?:insert|copy)[ \t]/i;

/**
 * Labelled cells of every table in `text`: a header line split by one
 * delimiter into at least two cells, one of them a known column name, then
 * the rows below with the same number of cells (rule lines skipped), up to
 * the first line that does not fit. With `labels` (sorted offsets of the
 * catalogue's label keywords) and `labelled`, a header cell that holds such
 * a keyword labels its column too: each cell below is judged as
 * `header: value` by `labelled`.
 */
export function tableCells(
  text: string,
  at?: readonly number[],
  labels?: readonly number[],
  labelled?: LabelReader,
): TableCell[] {
  const out: TableCell[] = [];
  let doneTo = -1;
  const ctx: TableContext = { text, start: 0, end: 0, match: "", labelled };
  let li = 0;
  /** Whether a label keyword starts inside `a`..`b` (calls come in ascending order of `a`). */
  const labelIn = (a: number, b: number): boolean => {
    if (labels === undefined || labelled === undefined) return false;
    while (li > 0 && labels[li - 1] >= a) li--;
    while (li < labels.length && labels[li] < a) li++;
    return li < labels.length && labels[li] < b;
  };
  const hits = labels === undefined
    ? at ?? headerHints(text)
    : mergeSorted(at ?? [], labels);
  for (let h = 0; h < hits.length; h++) {
    const p = hits[h];
    if (p < doneTo) continue;
    const before = p > 0 ? text.charCodeAt(p - 1) | 32 : 0;
    if (before >= 97 && before <= 122) continue;
    const ls = text.lastIndexOf("\n", p) + 1;
    const le = lineEnd(text, p);
    doneTo = le;
    if (le - ls > 2000) continue;
    const line = text.slice(ls, le);
    if (SQL_START.test(line)) {
      const sql = sqlRows(text, ls);
      if (sql !== undefined) {
        // With a label reader, the other named columns are read as labels.
        const cols = sql.names.map((n): Column | undefined => {
          const known = COLUMNS.get(columnName(n));
          if (labelled === undefined || !/[a-z]/i.test(n)) return known;
          return known === undefined
            ? { policyId: "", label: n }
            : { ...known, alsoLabel: n };
        });
        for (const row of sql.rows) {
          row.forEach(([a, b], k) => {
            const col = cols[k];
            if (col !== undefined) checkCell(col, text, a, b, ctx, out);
          });
        }
        const last = sql.rows[sql.rows.length - 1];
        doneTo = Math.max(le, last[last.length - 1][1]);
        continue;
      }
    }
    for (const d of DELIMITERS) {
      if (!line.includes(d)) continue;
      const header = cells(text, ls, le, d);
      if (header.length < 2) continue;
      const cols = header.map((c): Column | undefined => {
        const name = text.slice(c[0], c[1]);
        const known = COLUMNS.get(columnName(name));
        if (!labelIn(c[0], c[1])) return known;
        const [a, b] = trimCell(text, c);
        return known === undefined
          ? { policyId: "", label: text.slice(a, b) }
          : { ...known, alsoLabel: text.slice(a, b) };
      });
      if (cols.every((c) => c === undefined)) continue;
      // Header cells are short names, not sentences (a box pads a name to its widest value).
      if (
        header.some((c) => {
          const [a, b] = trimCell(text, c);
          return b - a > 60;
        })
      ) continue;
      // Nor values: `password    Tundra!x8` is a row of a key/value listing
      // (`vault kv get`), and so is a line below a row of as many cells.
      if (header.some((c) => NOT_A_NAME.test(text.slice(c[0], c[1])))) {
        continue;
      }
      if (belowRow(text, ls, d, header.length)) continue;
      let pos = le + 1;
      while (pos < text.length) {
        const e = lineEnd(text, pos);
        const line = text.slice(pos, e);
        if (RULE.test(line) && line.trim() !== "") {
          pos = e + 1;
          continue;
        }
        let row = cells(text, pos, e, d);
        if (d === "," && row.length > header.length) {
          row = joinCommaDates(text, row);
        }
        if (row.length !== header.length) break;
        // A field name under a known column (`username` below `password`):
        // the lines are keys and values, not a header and its rows.
        if (row.some((c, k) => cols[k] !== undefined && fieldName(text, c))) {
          break;
        }
        row.forEach((c, k) => {
          const col = cols[k];
          if (col === undefined) return;
          const [a, b] = trimCell(text, c);
          checkCell(col, text, a, b, ctx, out);
        });
        pos = e + 1;
      }
      doneTo = pos;
      break;
    }
  }
  return out;
}

/** A CSV cell holding a month and a day, the first half of `March 14, 1987` cut at its comma. */
const MONTH_DAY =
  /^[ \t]{0,2}(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.? \d{1,2}(?:st|nd|rd|th)?$/i;

/** A CSV cell holding the year after that comma. */
const YEAR_CELL = /^ \d{4}[ \t]{0,2}$/;

/**
 * A CSV row's cells with unquoted dates put back together: a `Month day`
 * cell and the ` year` cell after it (`…,March 14, 1987,…`) are one cell.
 */
function joinCommaDates(
  text: string,
  row: [number, number][],
): [number, number][] {
  const out: [number, number][] = [];
  for (let k = 0; k < row.length; k++) {
    const c = row[k], n = row[k + 1];
    if (
      n !== undefined && c[1] - c[0] <= 20 && n[1] - n[0] <= 8 &&
      MONTH_DAY.test(text.slice(c[0], c[1])) &&
      YEAR_CELL.test(text.slice(n[0], n[1]))
    ) {
      out.push([c[0], n[1]]);
      k++;
    } else out.push(c);
  }
  return out;
}

/** Two ascending offset lists as one (repeats kept). */
function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  if (a.length === 0) return b.slice();
  const out: number[] = [];
  let i = 0, j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i] <= b[j])) out.push(a[i++]);
    else out.push(b[j++]);
  }
  return out;
}
