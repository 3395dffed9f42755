/**
 * Time bounds no row's timestamp is beyond: a comparison of a column with
 * the current time moved a decade or more (`ts < now() + interval '100
 * years'`, `created_at <= CURRENT_DATE + INTERVAL 50 YEAR`, `ts <
 * DATEADD(year, 200, GETDATE())`, `> SYSDATE - 36500`, `< datetime('now',
 * '+80 years')`) or with a date literal centuries away (`< '2999-12-31'`,
 * `> '1900-01-01'`). As the filter of a DELETE or UPDATE it looks like a
 * retention rule and selects every row. The direction matters: `< now() -
 * interval '7 years'` (older than seven years) is the retention rule itself.
 *
 * The expression is read from the statement's tokens (`sqli_struct.ts`)
 * with the literals unmasked, written out compactly and matched with
 * anchored patterns of bounded parts, so the check is linear.
 *
 * @module
 */

import type { Tok } from "./sqli_struct.ts";

/** Fewest years a relative bound must move for every row to be on one side. */
const MIN_YEARS = 10;

/** Longest expression read (in compact form). */
const MAX_EXPR = 160;

/** The current time, in the dialects' spellings (compact form: tokens joined by spaces). */
const NOW = String
  .raw`(?:(?:now|getdate|getutcdate|sysdatetime|sysdatetimeoffset|utc_timestamp|curdate|current_date|current_timestamp|localtimestamp|statement_timestamp|clock_timestamp|transaction_timestamp) \( \)|current_date|current_timestamp|localtimestamp|sysdate|systimestamp)(?: :: [a-z]{1,24})?`;

/** Units of an interval or a DATEADD. */
const UNIT = String
  .raw`(years?|yyyy|yy|decades?|century|centuries|millennium|millennia|months?|mm|weeks?|wk|ww|days?|dd|d|hours?|hh|minutes?|mi|n|seconds?|ss|s)`;

const INTERVAL = new RegExp(
  String
    .raw`^${NOW} ([+-]) interval (?:'(\d{1,9}) ?${UNIT}'|'(\d{1,9})' ${UNIT}|(\d{1,9}) ${UNIT})$`,
);
/** Postgres's cast spelling: `now() + '100 years'::interval`. */
const CAST_INTERVAL = new RegExp(
  String.raw`^${NOW} ([+-]) '(\d{1,9}) ?${UNIT}' :: interval$`,
);
const PLUS_DAYS = new RegExp(String.raw`^${NOW} ([+-]) (\d{1,9})$`);
const DATEADD = new RegExp(
  String.raw`^dateadd \( ${UNIT} , (- )?(\d{1,9}) , ${NOW} \)$`,
);
const DATE_ADD = new RegExp(
  String
    .raw`^(date_add|adddate|date_sub|subdate) \( ${NOW} , interval (- )?(\d{1,9}) ${UNIT} \)$`,
);
const ADD_MONTHS = new RegExp(
  String.raw`^add_months \( ${NOW} , (- )?(\d{1,9}) \)$`,
);
const SQLITE = new RegExp(
  String.raw`^(?:datetime|date) \( 'now' , '([+-]?)(\d{1,9}) ${UNIT}' \)$`,
);

/** Years in one unit. */
function perUnit(unit: string): number {
  const u = unit.toLowerCase();
  if (/^(?:years?|yyyy|yy)$/.test(u)) return 1;
  if (/^decades?$/.test(u)) return 10;
  if (/^(?:century|centuries)$/.test(u)) return 100;
  if (/^millenni(?:um|a)$/.test(u)) return 1000;
  if (/^(?:months?|mm)$/.test(u)) return 1 / 12;
  if (/^(?:weeks?|wk|ww)$/.test(u)) return 7 / 365;
  if (/^(?:days?|dd|d)$/.test(u)) return 1 / 365;
  return 0;
}

/** The expression's tokens written out: words, operators and numbers as written (lower case), literals unmasked in quotes. */
function compact(toks: Tok[], raw: string, a: number, b: number): string {
  const parts: string[] = [];
  let n = 0;
  for (let k = a; k < b; k++) {
    const t = toks[k];
    const p = t.kind === "str"
      ? `'${raw.slice(t.start + 1, t.end - 1).toLowerCase().trim()}'`
      : t.kind === "word" && t.text === ""
      ? raw.slice(t.start, Math.min(t.end, t.start + 40)).toLowerCase()
      : t.kind === "word" || t.kind === "op" || t.kind === "num"
      ? t.text
      : t.kind === "open"
      ? "("
      : t.kind === "close"
      ? ")"
      : t.kind === "comma"
      ? ","
      : "?";
    n += p.length + 1;
    if (n > MAX_EXPR || p === "") return "";
    parts.push(p);
  }
  return parts.join(" ");
}

/** How far from now, in years (signed), an expression puts its bound; NaN when it is not such an expression. */
export function yearsFromNow(
  toks: Tok[],
  raw: string,
  a: number,
  b: number,
): number {
  const e = compact(toks, raw, a, b);
  if (e === "") return NaN;
  let m = INTERVAL.exec(e);
  if (m !== null) {
    const n = Number(m[2] ?? m[4] ?? m[6]);
    const unit = m[3] ?? m[5] ?? m[7];
    return (m[1] === "-" ? -1 : 1) * n * perUnit(unit);
  }
  if ((m = CAST_INTERVAL.exec(e)) !== null) {
    return (m[1] === "-" ? -1 : 1) * Number(m[2]) * perUnit(m[3]);
  }
  if ((m = PLUS_DAYS.exec(e)) !== null) {
    return (m[1] === "-" ? -1 : 1) * Number(m[2]) / 365;
  }
  if ((m = DATEADD.exec(e)) !== null) {
    return (m[2] ? -1 : 1) * Number(m[3]) * perUnit(m[1]);
  }
  if ((m = DATE_ADD.exec(e)) !== null) {
    const sub = m[1] === "date_sub" || m[1] === "subdate";
    return (sub !== Boolean(m[2]) ? -1 : 1) * Number(m[3]) * perUnit(m[4]);
  }
  if ((m = ADD_MONTHS.exec(e)) !== null) {
    return (m[1] ? -1 : 1) * Number(m[2]) / 12;
  }
  if ((m = SQLITE.exec(e)) !== null) {
    return (m[1] === "-" ? -1 : 1) * Number(m[2]) * perUnit(m[3]);
  }
  return NaN;
}

/** A date literal's year (`'2999-12-31'`, `'1900-01-01 00:00'`; Postgres's `'infinity'` and `'-infinity'`), or NaN. */
function literalYear(raw: string, t: Tok): number {
  if (t.kind !== "str") return NaN;
  const word = raw.slice(t.start, t.end).toLowerCase();
  if (word === "'infinity'") return Infinity;
  if (word === "'-infinity'") return -Infinity;
  const m = /^'(\d{4})[-/]\d\d[-/]\d\d/.exec(raw.slice(t.start, t.end));
  return m === null ? NaN : Number(m[1]);
}

/** Earliest year no timestamp of an application's row is before. */
const FIRST_YEAR = 1950;
/** A year no timestamp of an application's row is after. */
const LAST_YEAR = 2100;

/**
 * Whether the branch `[a, b)` is `<column> <op> <bound>` with a bound every
 * row's time is on the selected side of: below a bound a decade or more
 * ahead (or after {@link LAST_YEAR}), or above one a decade or more back
 * (or before {@link FIRST_YEAR}).
 */
export function farTimeBound(
  toks: Tok[],
  raw: string,
  a: number,
  b: number,
): boolean {
  // The column: names joined by dots.
  let k = a;
  while (k < b && (toks[k].kind === "word" || toks[k].kind === "ident")) {
    k++;
    if (toks[k]?.text !== "." || k >= b) break;
    k++;
  }
  if (k === a || k + 1 >= b) return false;
  const op = toks[k].text;
  const below = op === "<" || op === "<=";
  const above = op === ">" || op === ">=";
  if (toks[k].kind !== "op" || (!below && !above)) return false;
  if (b - k === 2) {
    const y = literalYear(raw, toks[k + 1]);
    return below ? y >= LAST_YEAR : y < FIRST_YEAR;
  }
  const years = yearsFromNow(toks, raw, k + 1, b);
  return below ? years >= MIN_YEARS : years <= -MIN_YEARS;
}
