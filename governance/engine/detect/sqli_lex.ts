/**
 * A small SQL lexer for statements sent to a database: where the string
 * literals, quoted identifiers and comments are, whether the text starts like
 * a statement, and whether it ends inside an open literal or comment.
 *
 * {@link maskSql} returns a copy of the same length in which the contents of
 * long or spaced literals and of worded comments are replaced by `_`, so the
 * statement patterns see the code and not what the code stores
 * (`'how to stop '' OR 1=1'''`, `-- drop table later`). Short literals without
 * spaces keep their letters and digits, because tautologies compare them
 * (`'a'='a'`); their symbols are masked (`'#p1'` holds no comment).
 * A dollar-quoted string (`$$x$$`, `$fn$ ... $fn$`) reads as a masked `'...'`
 * literal of the same length, except the body of a DO block, which runs now
 * and is lexed as statements.
 * One pass, linear in the text.
 *
 * @module
 */

/** A masked copy of a statement and what the lexer learnt on the way. */
export interface MaskedSql {
  /** The text with literal and comment contents masked; same length as the input. */
  text: string;
  /** True when a literal, quoted identifier or block comment is still open at the end. */
  unterminated: boolean;
  /** Offset of a `/*` left open at the end (the rest of the text is its comment), or -1. */
  openComment: number;
  /** True when the first word is a SQL statement verb (SELECT, INSERT, WITH, ...). */
  startsLikeStatement: boolean;
  /** Pairs (start, end) of every literal's contents, ascending. */
  literals: number[];
}

/** What {@link maskSql} masks besides literals. */
export interface MaskOptions {
  /** Mask the words of `--` and `#` comments (default true). */
  lineComments?: boolean;
  /** Mask the contents of `/* *\/` comments (default true). */
  blockComments?: boolean;
}

/** First words of the SQL statements a client sends (lower case). */
const STATEMENT_VERBS: ReadonlySet<string> = new Set([
  "select",
  "insert",
  "update",
  "delete",
  "with",
  "create",
  "noaudit",
  "alter",
  "drop",
  "truncate",
  "begin",
  "start",
  "commit",
  "rollback",
  "savepoint",
  "release",
  "end",
  "explain",
  "analyze",
  "analyse",
  "set",
  "reset",
  "show",
  "grant",
  "revoke",
  "copy",
  "values",
  "call",
  "exec",
  "execute",
  "declare",
  "merge",
  "replace",
  "upsert",
  "use",
  "describe",
  "desc",
  "vacuum",
  "pragma",
  "lock",
  "unlock",
  "prepare",
  "deallocate",
  "listen",
  "notify",
  "refresh",
  "comment",
  "reindex",
  "cluster",
  "do",
  "load",
  "attach",
  "detach",
  "table",
  "if",
  "while",
  "print",
  "backup",
  "restore",
  "kill",
  "shutdown",
  "rename",
  "optimize",
  "flush",
  "checkpoint",
  "discard",
  "fetch",
  "move",
  "close",
  "open",
  "abort",
  "security",
  "import",
  "export",
  "bulk",
  "dbcc",
  "go",
  "handler",
  "purge",
  "install",
  "uninstall",
  "check",
  "checksum",
  "repair",
  "cache",
  "get",
  "return",
  "raise",
  "throw",
  "try",
]);

const isWord = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ||
  c === 95;
const isSpace = (c: number): boolean =>
  c === 32 || c === 9 || c === 10 || c === 13 || c === 12;

/** Text before a dollar quote that opens a DO block's body (`DO $$`, `DO LANGUAGE plpgsql $$`). */
const DO_BODY = /(?:^|[^\w$])do(?:\s{1,8}language\s{1,8}\w{1,32})?\s{0,8}$/i;

/** Longest literal whose contents stay visible (tautologies compare short values). */
const KEEP_LITERAL = 24;

/** The first word after leading spaces, parentheses and comments. */
function firstWord(text: string): string {
  let i = 0;
  const n = Math.min(text.length, 4096);
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c) || c === 40 /* ( */ || c === 59 /* ; */) {
      i++;
      continue;
    }
    if (text.startsWith("--", i)) {
      const e = text.indexOf("\n", i);
      if (e < 0) return "";
      i = e + 1;
      continue;
    }
    if (text.startsWith("/*", i)) {
      const e = text.indexOf("*/", i + 2);
      if (e < 0) return "";
      i = e + 2;
      continue;
    }
    break;
  }
  let j = i;
  while (j < n && j - i < 16 && isWord(text.charCodeAt(j))) j++;
  return text.slice(i, j).toLowerCase();
}

/**
 * Words of English that never follow a SQL verb but do follow the same word
 * in a sentence (`Explain what ...`, `Show me ...`, `Check the ...`).
 */
const SENTENCE_WORDS: ReadonlySet<string> = new Set([
  "what",
  "how",
  "why",
  "which",
  "who",
  "whether",
  "the",
  "me",
  "us",
  "this",
  "that",
  "these",
  "those",
  "my",
  "our",
  "your",
  "its",
  "you",
  "we",
]);

/** SQL verbs that are also everyday English verbs, the ones a sentence may open with. */
const ENGLISH_VERBS: ReadonlySet<string> = new Set([
  "explain",
  "show",
  "check",
  "describe",
  "get",
  "do",
  "use",
  "open",
  "close",
  "move",
  "fetch",
  "return",
  "print",
  "try",
  "start",
  "begin",
  "end",
  "call",
  "lock",
  "install",
  "import",
  "export",
  "comment",
  "load",
  "kill",
  "restore",
  "refresh",
  "analyze",
  "analyse",
  "rename",
  "optimize",
  "repair",
]);

/** Whether the statement's first word is a SQL verb (not the verb of a sentence: `Explain what UNION does`). */
export function startsLikeStatement(text: string): boolean {
  const first = firstWord(text);
  if (!STATEMENT_VERBS.has(first)) return false;
  if (!ENGLISH_VERBS.has(first)) return true;
  const at = text.toLowerCase().indexOf(first);
  const next = /^\s{1,4}([a-z]{2,8})\b/i.exec(
    text.slice(at + first.length, at + first.length + 16),
  );
  return next === null || !SENTENCE_WORDS.has(next[1].toLowerCase());
}

/** Masks literal and comment contents (see the module note). */
export function maskSql(text: string, opts: MaskOptions = {}): MaskedSql {
  const lineComments = opts.lineComments ?? true;
  const blockComments = opts.blockComments ?? true;
  const literals: number[] = [];
  const out: string[] = [];
  let last = 0;
  let unterminated = false;
  let openComment = -1;
  /** The tag of the DO body being lexed, or "". */
  let codeTag = "";
  const n = text.length;
  const mask = (from: number, to: number): void => {
    if (to <= from) return;
    out.push(text.slice(last, from), "_".repeat(to - from));
    last = to;
  };
  /** A short literal keeps letters and digits; its symbols (`#`, `--`, `;`) become `_`. */
  const maskSymbols = (from: number, to: number): void => {
    const body = text.slice(from, to);
    if (/^[A-Za-z0-9]*$/.test(body)) return;
    out.push(text.slice(last, from), body.replace(/[^A-Za-z0-9]/g, "_"));
    last = to;
  };
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 39 /* ' */ || c === 34 /* " */ || c === 96 /* ` */) {
      // A literal or quoted identifier; '' (and \' in strings) escape.
      let j = i + 1;
      let spaced = false;
      for (; j < n; j++) {
        const d = text.charCodeAt(j);
        if (d === 92 /* \ */ && c !== 96) {
          j++;
          continue;
        }
        if (d === c) {
          if (text.charCodeAt(j + 1) === c) {
            j++;
            spaced = true;
            continue;
          }
          break;
        }
        if (isSpace(d)) spaced = true;
      }
      if (j >= n) {
        unterminated = true;
        break;
      }
      if (c !== 96) literals.push(i + 1, j);
      if (spaced || j - i - 1 > KEEP_LITERAL) mask(i + 1, j);
      else maskSymbols(i + 1, j);
      i = j + 1;
      continue;
    }
    if (c === 36 /* $ */) {
      // A Postgres dollar quote: $$ ... $$ or $tag$ ... $tag$.
      let j = i + 1;
      while (j < n && j - i < 32 && isWord(text.charCodeAt(j))) j++;
      const first = text.charCodeAt(i + 1);
      if (
        text.charCodeAt(j) === 36 && !(first >= 48 && first <= 57)
      ) {
        const tag = text.slice(i, j + 1);
        if (codeTag !== "" && tag === codeTag) {
          // The end of a DO block's body.
          codeTag = "";
          i = j + 1;
          continue;
        }
        if (
          codeTag === "" && DO_BODY.test(text.slice(Math.max(0, i - 40), i))
        ) {
          // A DO block runs its body now: lex it as statements.
          codeTag = tag;
          i = j + 1;
          continue;
        }
        const e = text.indexOf(tag, j + 1);
        if (e >= 0) {
          // Any other dollar quote is a string literal (a function body is
          // stored, not run): it reads as a masked '...' literal.
          const end = e + tag.length;
          literals.push(j + 1, e);
          out.push(text.slice(last, i), "'", "_".repeat(end - i - 2), "'");
          last = end;
          i = end;
          continue;
        }
      }
      i++;
      continue;
    }
    const lineComment = (c === 45 /* - */ && text.charCodeAt(i + 1) === 45) ||
      (c === 35 /* # */ && text.charCodeAt(i + 1) !== 62 /* > */);
    if (lineComment) {
      const start = i + (c === 35 ? 1 : 2);
      let e = text.indexOf("\n", start);
      if (e < 0) e = n;
      if (lineComments && /[A-Za-z0-9]/.test(text.slice(start, e))) {
        mask(start, e);
      }
      i = e;
      continue;
    }
    if (c === 47 /* / */ && text.charCodeAt(i + 1) === 42 /* * */) {
      const e = text.indexOf("*/", i + 2);
      if (e < 0) {
        unterminated = true;
        openComment = i;
        break;
      }
      if (blockComments) mask(i + 2, e);
      i = e + 2;
      continue;
    }
    i++;
  }
  out.push(text.slice(last));
  if (codeTag !== "") unterminated = true;
  return {
    text: out.join(""),
    unterminated,
    openComment,
    startsLikeStatement: startsLikeStatement(text),
    literals,
  };
}

/** SQL words that do not count as prose in {@link looksLikeProse}. */
const SQL_WORDS: ReadonlySet<string> = new Set(
  ("select from where and or not union all insert into values update set " +
    "delete drop table create alter grant revoke order by group having " +
    "limit offset join left right inner outer on as is null like in between " +
    "exists case when then else end sleep benchmark waitfor delay exec " +
    "execute declare char concat version user database cast convert true " +
    "false desc asc count substring ascii information_schema tables columns " +
    "schema admin password username login pg_sleep xp_cmdshell top distinct")
    .split(" "),
);

/**
 * Whether a text reads as prose: at least six distinct words outside SQL's
 * vocabulary, three of them of five letters or more, making up close to half
 * of its tokens that hold a letter. An
 * injection fragment is mostly SQL and punctuation; a sentence about
 * injection is mostly words.
 */
export function looksLikeProse(text: string): boolean {
  const head = text.slice(0, 2000);
  const words = new Set<string>();
  let tokens = 0;
  let long = 0;
  for (const t of head.split(/\s+/)) {
    // Only tokens with letters count: a quoted `' OR 1=1 --` is three symbols in a sentence.
    if (!/[A-Za-z]/.test(t)) continue;
    tokens++;
    const w = /^[("'`]?([A-Za-z][a-z]{1,30})[)"'`,.;:!?]?$/.exec(t);
    const word = w?.[1].toLowerCase();
    if (word === undefined || SQL_WORDS.has(word)) continue;
    if (!words.has(word) && word.length >= 5) long++;
    words.add(word);
  }
  if (words.size < tokens * 0.45) return false;
  // A question (`Why does the ORM add WHERE 1=1 to every query?`) is prose
  // with fewer long words: it opens with a question word and ends in `?`.
  if (QUESTION.test(head) && words.size >= 5 && long >= 2) return true;
  return words.size >= 6 && long >= 3;
}

/** A sentence that opens with a question word and ends with a question mark. */
const QUESTION =
  /^\s{0,8}(?:why|how|what|when|where|which|who|can|could|should|would|does|do|is|are|will)\s[^\n]{0,1990}\?\s{0,8}$/i;
