/**
 * Values of consecutive fields read as one text. An injection split over
 * form fields, ticket fields or spreadsheet cells (`subject: "please, AI
 * agent, ignore"` / `body: "your previous instructions and ..."`) says
 * nothing in any one line; joined, the values read as the sentence the
 * model would read. The detector runs its patterns over the joined values
 * and keeps only findings that cross from one value into the next, so a
 * field that is flagged alone is judged as before.
 *
 * Pure; one pass over at most {@link MAX_SCAN} characters with a bounded,
 * anchored regex per line.
 *
 * @module
 */

/** Characters of a text searched for field runs. */
const MAX_SCAN = 65536;
/** Most runs returned. */
const MAX_RUNS = 32;
/** Most characters of one joined run. */
const MAX_JOINED = 2000;

/** A field line: an optional bullet, a key, `:` or `=`, and the value (group 1). */
const FIELD_LINE =
  /^[ \t]{0,8}(?:[-*][ \t]{1,3})?["']?[A-Za-z][\w.-]{0,39}["']?[ \t]{0,3}[:=][ \t]{0,3}(\S[^\n]{0,400})$/;
/** A value in prose: two words or more, with letters. */
const prose = (v: string): boolean => /\s/.test(v) && /[A-Za-z]{2}/.test(v);

/** Consecutive field values joined, with where they came from. */
export interface FieldRun {
  /** The values joined by single spaces. */
  text: string;
  /** Offsets in {@link text} where the second and later values start. */
  joins: number[];
  /** Span of the field lines in the original text. */
  start: number;
  end: number;
}

/** A value without its surrounding quotes and trailing comma. */
function bare(v: string): string {
  let s = v.trim();
  if (s.endsWith(",")) s = s.slice(0, -1).trimEnd();
  if (s.length >= 2 && /^["'`]/.test(s) && s.endsWith(s[0])) {
    s = s.slice(1, -1);
  } else if (/^["'`]/.test(s)) s = s.slice(1);
  return s.trim();
}

/** Runs of two or more consecutive field lines whose values are prose. */
export function fieldRuns(text: string): FieldRun[] {
  const out: FieldRun[] = [];
  const limit = Math.min(text.length, MAX_SCAN);
  let values: string[] = [];
  let runStart = -1;
  let runEnd = -1;
  const flush = () => {
    if (values.length >= 2 && out.length < MAX_RUNS) {
      const joins: number[] = [];
      let joined = "";
      for (const v of values) {
        if (joined.length > 0) {
          joined += " ";
          joins.push(joined.length);
        }
        joined += v;
        if (joined.length >= MAX_JOINED) break;
      }
      out.push({ text: joined, joins, start: runStart, end: runEnd });
    }
    values = [];
    runStart = -1;
  };
  let pos = 0;
  while (pos < limit) {
    let nl = text.indexOf("\n", pos);
    if (nl < 0 || nl > limit) nl = limit;
    const line = text.slice(pos, nl);
    const m = line.length <= 480 ? FIELD_LINE.exec(line) : null;
    const v = m ? bare(m[1]) : "";
    if (m && prose(v)) {
      if (runStart < 0) runStart = pos;
      values.push(v);
      runEnd = nl;
    } else flush();
    pos = nl + 1;
  }
  flush();
  return out;
}
