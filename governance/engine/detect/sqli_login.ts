/**
 * A login check with an OR that lets a row through without its password,
 * by tokens (the lexer of `sqli_struct.ts` on the masked statement of
 * `sqli_lex.ts`): `WHERE username = 'admin' AND password = 'x' OR username
 * = 'admin'`, `... OR username LIKE 'a%'`, `... OR password IS NOT NULL`.
 * SQL binds AND before OR, so the branch after OR matches on its own; an
 * injection into the password value adds it. The check compares a password,
 * hash, PIN or token column to a literal (what a concatenated query holds);
 * a query with parameters (`login = $1 AND pw = $2 OR sso_subject = $3`) was
 * not built from input and is not judged.
 *
 * One pass over the tokens of each top-level WHERE.
 *
 * @module
 */

import { COMPARISON, type Tok } from "./sqli_struct.ts";

/** One hit: the OR branch that skips the password (offsets in the input). */
export interface LoginHit {
  kind: "login_bypass";
  start: number;
  end: number;
}

/** Most hits reported for one statement. */
const MAX_LOGIN_HITS = 4;

/** Most tokens of one WHERE read. */
const MAX_WHERE = 256;

/** Columns a login compares a password to (a token table's cleanup, `token = 'x' OR expires_at < now()`, is not a login). */
const SECRET_COLUMN =
  /^(?:pass|passwd|password|pwd|pw|pin|hash|passphrase|otp)$|^\w{0,20}_(?:pass|passwd|password|pwd|pw|pin|hash|digest)$|^(?:pass|passwd|password|pwd|pw)_?(?:hash|hashed|digest|enc|crypt|md5|sha\d{0,3})$/;

/** Words that end a WHERE. */
const WHERE_END: ReadonlySet<string> = new Set([
  "order",
  "group",
  "limit",
  "having",
  "union",
  "returning",
  "offset",
  "fetch",
  "for",
]);

/** What one OR branch holds. */
interface Branch {
  /** A secret column compared to a literal (not a parameter). */
  secretLiteral: boolean;
  /** Any secret column named. */
  secret: boolean;
  /** A parameter or variable. */
  param: boolean;
  /** A column named. */
  column: boolean;
  /** A column other than a secret named. */
  other: boolean;
  /** How many columns it names. */
  columns: number;
  /** A function called. */
  call: boolean;
  start: number;
  end: number;
}

/** The hits of a masked statement's tokens (see the module note). */
export function loginHits(toks: Tok[]): LoginHit[] {
  const hits: LoginHit[] = [];
  let depth = 0;
  for (let i = 0; i < toks.length && hits.length < MAX_LOGIN_HITS; i++) {
    const t = toks[i];
    if (t.kind === "open") depth++;
    else if (t.kind === "close") depth = Math.max(0, depth - 1);
    else if (t.kind === "semi") depth = 0;
    if (depth > 0 || t.kind !== "word" || t.text !== "where") continue;
    const branches: Branch[] = [];
    let b: Branch | undefined;
    let d = 0;
    let j = i + 1;
    for (; j < toks.length && j - i < MAX_WHERE; j++) {
      const u = toks[j];
      if (u.kind === "open") d++;
      else if (u.kind === "close") {
        if (d === 0) break;
        d--;
      } else if (u.kind === "semi" || u.kind === "comment") break;
      else if (d === 0 && u.kind === "word") {
        if (WHERE_END.has(u.text)) break;
        if (u.text === "or") {
          b = undefined;
          continue;
        }
      }
      b ??= branches[
        branches.push({
          secretLiteral: false,
          secret: false,
          param: false,
          column: false,
          other: false,
          columns: 0,
          call: false,
          start: u.start,
          end: u.end,
        }) - 1
      ];
      b.end = u.end;
      if (u.kind === "param") b.param = true;
      if (u.kind !== "word" && u.kind !== "ident") continue;
      if (toks[j + 1]?.kind === "open") {
        b.call = true;
        continue;
      }
      if (toks[j + 1]?.text === ".") continue;
      if (
        u.kind === "word" &&
        /^(?:and|not|is|null|like|in|between)$/.test(u.text)
      ) {
        continue;
      }
      b.column = true;
      b.columns++;
      if (!SECRET_COLUMN.test(u.text)) {
        b.other = true;
        continue;
      }
      b.secret = true;
      // `password = 'x'`, `password = md5('x')`: a literal in the value.
      const op = toks[j + 1];
      if (op?.kind === "op" && COMPARISON.has(op.text)) {
        for (let k = j + 2; k < toks.length && k < j + 8; k++) {
          const v = toks[k];
          if (v.kind === "str" || v.kind === "num") {
            b.secretLiteral = true;
            break;
          }
          if (v.kind !== "word" && v.kind !== "open") break;
        }
      }
    }
    i = j - 1;
    if (branches.length < 2 || branches.some((x) => x.param)) continue;
    // The login: a name and a password compared to literals in one branch.
    if (!branches.some((x) => x.secretLiteral && x.other)) continue;
    // The way round it: a branch on plain columns, or a password column
    // tested for anything but a value; no function (`expires_at < now()`).
    // One condition on one column (`username = 'admin'`), as an injection
    // appends; a branch naming two columns is another way to log in.
    const unchecked = branches.find((x) =>
      !x.call && x.columns === 1 && (!x.secret || !x.secretLiteral)
    );
    if (unchecked !== undefined) {
      hits.push({
        kind: "login_bypass",
        start: unchecked.start,
        end: unchecked.end,
      });
    }
  }
  return hits;
}
