/**
 * The SQL-injection and destructive-statement catalogue, as data.
 *
 * Each entry is a {@link PolicyInfo} plus how it detects: a few literal
 * keywords (a cheap pre-filter: a pattern only runs when one of them occurs)
 * and structural patterns. A pattern names the scan mode it belongs to:
 * - `free`: the text is free text (a URL parameter, a form value); only a
 *   breakout plus SQL syntax counts, never a bare keyword in prose.
 * - `statement`: the text is SQL sent to a database; legitimate SQL passes
 *   and only injection signatures and destructive statements fire.
 * - `both`.
 *
 * Patterns run on a normalised copy of the text (percent escapes decoded
 * once, `/* *\/` comments removed or turned into spaces, `+` between words
 * read as a space, typographic quotes read as ASCII quotes) except those
 * marked `stage: "decoded"`, which see comments intact. Every quantifier is
 * bounded or over a class its neighbours cannot share, so each runs in
 * linear time on hostile input. `validate` names an extra check the
 * detector applies to a match (see `detect/sqli.ts`).
 *
 * Structural checks (constant conditions, a DML whose whole WHERE is a
 * constant) run on the statement's tokens in `detect/sqli_struct.ts` and
 * report under the policies named in {@link STRUCTURAL_POLICY}.
 *
 * Actions: injection signatures `block`; destructive statements `block`
 * (DROP/TRUNCATE) or `warn` (DELETE/UPDATE without WHERE, ALTER ... DROP).
 *
 * @module
 */

import type { Action, PolicyInfo, Severity } from "../types.ts";

/** Where a pattern applies: free text, SQL statements, or both. */
export type SqlMode = "free" | "statement" | "both";

/** Extra checks the detector runs on a pattern's match. */
export type SqlValidator =
  | "hexKeyword"
  | "hexText"
  | "concatKeyword"
  | "splitKeyword"
  | "noWhere"
  | "commentTail"
  | "blockTail"
  | "dmlStatement"
  | "notPlainlyFalse"
  | "readsHashes"
  | "commentQuote"
  | "encodedKeyword"
  | "notWholeStatement"
  | "afterStacked"
  | "uncorrelated"
  | "notScratch"
  | "everySession"
  | "notRecreated"
  | "noWhereNotScratch";

/** One structural pattern of a SQL policy. */
export interface SqlPattern {
  /** The pattern (case-insensitive; the detector adds the `g` flag). */
  re: RegExp;
  mode: SqlMode;
  /**
   * `decoded`: run on the percent-decoded text with comments intact; `raw`:
   * in a statement, run on the text with literals unmasked (for patterns
   * about what a literal names, such as a server path or a UNC share).
   */
  stage?: "decoded" | "raw";
  validate?: SqlValidator;
  /**
   * A cheap gate before the regex: lower-case literals of which one must
   * occur in the text, or `"subquery"` (the text holds `( SELECT`).
   */
  needs?: readonly string[] | "subquery";
}

/** A SQL-injection policy: what a reviewer reads plus how it detects. */
export interface SqlPolicy extends PolicyInfo {
  /** The finding type, i.e. the technique (`sqli_union`, ...). */
  type: string;
  /** Lower-case literals; the patterns only run when one occurs in the text. */
  keywords: string[];
  patterns: SqlPattern[];
}

/** Columns holding payment-card data, PINs, national ids, keys or bare hashes (an alternation for patterns). */
const CARD_COLUMNS = String
  .raw`card_?(?:number|num|no|pan|cvc|cvv2?)|cc_?(?:number|num)|pan|cvv2?|cvc|ssn|pin|\w{0,20}_pin|pin_code|api_?key|private_key|hash|hashed_\w{1,20}|pw|passphrase|\w{0,20}token|otp_?seed|totp_?\w{0,20}|\w{0,20}secret`;

type Row = [
  name: string,
  title: string,
  severity: Severity,
  action: Action,
  description: string,
  keywords: string[],
  patterns: SqlPattern[],
];

/**
 * One pattern; its RegExp is created on first use. Creating a RegExp parses
 * it, and doing that for every pattern at import cost each hook process
 * about a millisecond, although most never look for SQL.
 */
class LazyPattern implements SqlPattern {
  #re: RegExp | undefined;
  constructor(
    readonly mode: SqlMode,
    private readonly make: () => RegExp,
    readonly stage?: "decoded" | "raw",
    readonly validate?: SqlValidator,
    readonly needs?: readonly string[] | "subquery",
  ) {}
  get re(): RegExp {
    return this.#re ??= this.make();
  }
}

function pattern(
  mode: SqlMode,
  make: () => RegExp,
  extra: Partial<Omit<SqlPattern, "re" | "mode">>,
): SqlPattern {
  return new LazyPattern(
    mode,
    make,
    extra.stage,
    extra.validate,
    extra.needs,
  );
}
const f = (
  make: () => RegExp,
  extra: Partial<Omit<SqlPattern, "re" | "mode">> = {},
): SqlPattern => pattern("free", make, extra);
const s = (
  make: () => RegExp,
  extra: Partial<Omit<SqlPattern, "re" | "mode">> = {},
): SqlPattern => pattern("statement", make, extra);
const b = (
  make: () => RegExp,
  extra: Partial<Omit<SqlPattern, "re" | "mode">> = {},
): SqlPattern => pattern("both", make, extra);

/** Keywords a stripping filter is evaded with, written inside a copy of themselves. */
const NESTABLE = [
  "union",
  "select",
  "from",
  "where",
  "sleep",
  "insert",
  "update",
  "delete",
  "drop",
  "or",
  "and",
  "concat",
  "benchmark",
  "waitfor",
];

/** Every way to write a {@link NESTABLE} keyword inside itself (`un` + `union` + `ion`), lower case. */
const NESTED_KEYWORDS: string[] = NESTABLE.flatMap((k) =>
  Array.from(
    { length: k.length - 1 },
    (_, i) => k.slice(0, i + 1) + k + k.slice(i + 1),
  )
);

const ROWS: Row[] = [
  // ---- Union-based -------------------------------------------------------
  [
    "union_select",
    "UNION SELECT injection",
    "critical",
    "block",
    "A quote or number breakout followed by UNION SELECT, a UNION SELECT reading versions, catalogues, files or credential columns, an explicit column list UNIONed onto a SELECT * (sized to match it), or a read of an account table UNIONed onto a query filtered to a value: the classic way to read other tables through a query.",
    ["union"],
    [
      f(() =>
        /(?:^|['"`)\d])[\s)]{0,8}union(?:\s+(?:all|distinct))?[\s(]{1,8}select/im
      ),
      f(() =>
        /\bunion(?:\s+(?:all|distinct))?[\s(]{1,8}select\s*(?:\(|\*|@@|\d{1,6}\s*(?:,|--|#|$)|'|"|char\s*\(|concat|0x|user\s*\(|version\s*\()/im
      ),
      b(() =>
        /\bunion(?:\s+(?:all|distinct))?[\s(]{1,8}select\b[^;]{0,240}?(?:@@[a-z_]{2,40}\b|\bcurrent_setting\s*\(|\bpg_read_file\s*\(|\bpg_ls_dir\s*\(|\bversion\s*\(\s*\)|\buser\s*\(\s*\)|\bdatabase\s*\(\s*\)|\b(?:current_user|session_user|system_user|current_database\s*\(\s*\)|db_name\s*\(\s*\)|suser_s?name\s*\(\s*\))|\binformation_schema\b|\bload_file\s*\(|\bsleep\s*\(|\bbenchmark\s*\(|\bsqlite_(?:master|schema)\b|\bpg_shadow\b|\bmysql\s*\.\s*user\b|\bsys\.user\$|\bsysobjects\b|\bchar\s*\(\s*\d|\b(?:all_tables|all_tab_columns|all_users|user_tables|dba_[a-z_]{2,30}|pg_user|pg_roles|pg_authid|syscolumns|sysusers)\b|\bsys\s*\.\s*(?:objects|tables|columns|databases|sql_logins)\b|\b(?:sysdatabases|sysservers|syslogins|sysxlogins|sysprocesses)\b|\bv\$(?:version|instance|database|session|parameter)\b|\b0x[0-9a-f]{2,}\b|\b(?:query_to_xml|query_to_xml_and_xmlschema|cursor_to_xml|database_to_xml|schema_to_xml)\s*\(|\bdbms_xmlgen\s*\.)/i
      ),
      b(() =>
        /\bunion(?:\s+(?:all|distinct))?[\s(]{1,8}select\s+\d{1,3}\s*,\s*\d{1,3}\s*,\s*\d{1,3}\s*(?:,|--|#|$)/i
      ),
      // A filter on a negative key before UNION: the first query made empty
      // so only the attacker's rows come back (`WHERE id = -1 UNION SELECT`).
      s(() =>
        /=\s{0,8}-\d{1,10}\s{0,8}\)?\s{0,8}union(?:\s+(?:all|distinct))?[\s(]{1,8}select\b/i
      ),
      // A UNION that reads the Postgres or SQL Server catalogue next to a NULL placeholder column.
      s(() =>
        /\bunion(?:\s+(?:all|distinct))?[\s(]{1,8}select\b(?=[^;]{0,200}?\bnull\b)[^;]{0,400}?\bfrom\s{1,8}(?:pg_catalog\s{0,4}\.\s{0,4}\w|pg_(?:tables|class|namespace|proc|database|roles|user)\b|sys\s{0,4}\.\s{0,4}\w)/i
      ),
      b(() =>
        /\bunion(?:\s+(?:all|distinct))?[\s(]{1,8}select\b[^;\n]{0,240}?(?:--|#)\s*$/im
      ),
      s(() =>
        /\bunion(?:\s+(?:all|distinct))?[\s(]{1,8}select\s{1,8}'[^'\n]{0,24}'\s{0,8}\|\|\s{0,8}'/i
      ),
      s(() =>
        /\bunion(?:\s+(?:all|distinct))?[\s(]{1,8}select\b[^;]{0,200}?\b(?:password|passwd|pwd|pass|password_hash|passwordhash|secret|api_key|\w{0,20}_token|token|cvv|cvc|card_number|cc_number|ssn|private_key|otp_secret|totp_secret|\w{0,20}_secret|secret_\w{1,20}|pass_hash|pw_?hash|password_digest|\w{0,20}_password|card_?(?:number|num|no|pan|cvc|cvv2?)|cc_?(?:number|num)|pin|\w{0,20}_pin|hash|pw|passphrase|\w{0,20}(?:pwd|passwd|password)\w{0,20}|\w{0,20}token|otp_?seed|\w{0,20}secret)\b/i
      ),
    ],
  ],
  [
    "union_null_probe",
    "UNION SELECT NULL column probing",
    "high",
    "block",
    "UNION SELECT NULL, NULL... or a run of NULL values closing a parenthesis: probing how many columns a query returns before a UNION-based read.",
    ["null"],
    [
      b(() =>
        /\bunion(?:\s+(?:all|distinct))?[\s(]{1,8}select\s+null\s*(?:,\s*null|--|#|\)|;|$)/im
      ),
      f(() => /(?:['"]\)?|\))\s*,\s*null\s*(?:,\s*null\s*){1,63}\)/i),
    ],
  ],
  [
    "order_by_probe",
    "ORDER BY column-count probing",
    "medium",
    "block",
    "A value that is only ORDER BY or GROUP BY <numbers> (optionally after a quote and before a comment), or PROCEDURE ANALYSE(): probing the column count of the query it lands in.",
    ["order", "group", "analyse"],
    [
      f(() =>
        /(?:^|['")])\s{0,8}(?:order|group)\s+by\s+\d{1,5}(?:\s*,\s*\d{1,5}){0,32}\s*(?:--|#|\/\*|$)/i
      ),
      // MySQL's PROCEDURE ANALYSE() after a query: describes the result's columns.
      b(() => /\bprocedure\s{1,8}analyse\s{0,4}\(/i),
      f(() => /\border\s+by\s+\d{1,5}\s*(?:--|#)/i),
      // A statement ending in ORDER BY <10 or more>: column-count probing (real code orders by 1..9 or by name).
      s(() => /\border\s{1,8}by\s{1,8}(?:[1-9]\d{1,4})\s{0,8}(?:;|$)/i),
    ],
  ],
  // ---- Boolean tautologies ----------------------------------------------
  [
    "tautology_string",
    "Quoted-string tautology",
    "critical",
    "block",
    "A quote breakout followed by OR/AND and a string comparison (' or 'a'='a, \") or (\"x\"=\"x): makes a WHERE clause always true, the classic login bypass.",
    ["or", "and", "&&", "||"],
    [
      b(() =>
        /\bor\b\s{0,8}\(*\s{0,8}(['"])([^'"\n]{0,24})\1\s{0,8}\)*\s{0,8}(?:=|like\b)\s{0,8}\(*\s{0,8}n?\1\2(?:\1|\s|$)/im
      ),
      f(() =>
        /(?:^|['"`)])[\s)]{0,8}(?:or|and|xor|&&|\|\|)[\s(]{0,8}(['"])[^'"\n]{0,24}\1[\s)]{0,8}(?:=|<>|!=|<|>|like\b|in\s*\()/im
      ),
      f(() => /['"]\s{0,8}or\s{0,8}(['"])\1\s{0,8}[-&^*|+ ]\s{0,8}['"]/i),
    ],
  ],
  [
    "tautology_numeric",
    "Numeric tautology",
    "critical",
    "block",
    "OR 1=1 style conditions, or a quote breakout followed by OR/AND and a numeric comparison: makes a WHERE clause always true or probes blind conditions.",
    ["or", "and", "&&", "||", "where", "having"],
    [
      b(() =>
        /\bor\b\s{0,8}\(*\s{0,8}(['"]?)(\d{1,10})\1\s{0,8}\)*\s{0,8}=\s{0,8}\(*\s{0,8}\1\2(?!\d)/i
      ),
      f(() =>
        /(?:^|['"`)])[\s)]{0,8}(?:or|and|xor|&&|\|\|)[\s(]{0,8}['"]?\d{1,10}['"]?\s{0,8}(?:=|<>|!=|<=|>=|<|>|between\b|in\s*\(|like\b|rlike\b|regexp\b)/im
      ),
      f(() => /\bhaving\s{1,8}\d{1,10}\s{0,8}=\s{0,8}\d{1,10}/i),
      f(() => /\dor(\d{1,10})\s{0,8}=\s{0,8}\1(?!\d)/i),
      f(() =>
        /(?:\b(?:or|and)|&&|\|\|)\s{0,8}\(?\s{0,8}(\d{1,10})\s{0,8}=\s{0,8}\1(?!\d)/i
      ),
      f(() =>
        /\b(?:or|and)\s{1,8}\(?\s{0,8}\d{1,10}\s{0,8}(?:=|<>|!=|>|<)\s{0,8}\d{1,10}\s{0,8}\)?\s{0,8}(?:--|#|\/\*|;|$)/im
      ),
      f(() => /\b(?:where|having)\s{1,8}(\d{1,10})\s{0,8}=\s{0,8}\1(?!\d)/i),
      f(() =>
        /(?:^|['"`)])\s{0,8}(?:or|and)\s{1,8}\d{1,10}\s{0,8}(?:--|#|\/\*|$)/im
      ),
      // In a statement: OR (or ||, XOR) with two constants, or OR <number>
      // (not a plainly false one: builders write `OR 1 = 0` for an empty list).
      s(
        () =>
          /(?:\b(?:or|xor)\b|\|\|)\s{0,8}\(*\s{0,8}(?:not\s{1,8})?(?:\d{1,10}(?:\.\d{1,8})?|'[^'\n]{0,24}'|"[^"\n]{0,24}"|0x[0-9a-f]{1,32}|true|false|null)\s{0,8}\)*\s{0,8}(?:=|<>|!=|<=|>=|<|>|\blike\b|\bis\b|\bregexp\b|\brlike\b)\s{0,8}\(*\s{0,8}(?:not\s{1,8})?(?:\d{1,10}(?:\.\d{1,8})?|'[^'\n]{0,24}'|"[^"\n]{0,24}"|0x[0-9a-f]{1,32}|true|false|null)/i,
        { validate: "notPlainlyFalse" },
      ),
      s(() =>
        /(?:\b(?:or|xor)\b|\|\|)\s{0,8}\(*\s{0,8}(?:\d{1,10}(?:\.\d{1,8})?|'[^'\n]{0,24}'|"[^"\n]{0,24}"|0x[0-9a-f]{1,32}|true|false|null)\s{1,8}(?:not\s{1,8})?(?:between\s{1,8}(?:\d{1,10}(?:\.\d{1,8})?|'[^'\n]{0,24}'|"[^"\n]{0,24}"|0x[0-9a-f]{1,32}|true|false|null)\s{1,8}and\s{1,8}(?:\d{1,10}(?:\.\d{1,8})?|'[^'\n]{0,24}'|"[^"\n]{0,24}"|0x[0-9a-f]{1,32}|true|false|null)|in\s{0,8}\(\s{0,8}(?:\d{1,10}(?:\.\d{1,8})?|'[^'\n]{0,24}'|"[^"\n]{0,24}"|0x[0-9a-f]{1,32}|true|false|null))/i
      ),
      s(() =>
        /\bor\s{1,8}(?:not\s{1,8})?(?:\d{1,10}|'[^'\n]{1,24}')\s{0,8}\)?\s{0,8}(?:;|--|#|\blimit\b|\border\b|\bgroup\b|$)/i
      ),
      // AND with constants: probes, not builders (those write WHERE 1=1 AND, or AND 1=0).
      s(() =>
        /\band\s{1,8}\(?\s{0,8}(?:\d{2,10}\s{0,8}(?:=|<>|!=|<|>)\s{0,8}\d{1,10}|\d{1,10}\s{0,8}(?:=|<>|!=|<|>)\s{0,8}\d{2,10})(?!\d)/i
      ),
      s(() =>
        /\band\s{1,8}\(?\s{0,8}\d{1,10}\s{0,8}(?:=|<>|!=|<|>)\s{0,8}\d{1,10}\s{0,8}\)?\s{0,8}(?:--|#)/i
      ),
      s(() =>
        /\band\s{1,8}\(?\s{0,8}(['"])([^'"\n]{0,24})\1\s{0,8}(?:=|like\b)\s{0,8}\1\2\1/i
      ),
      s(() => /\bhaving\s{1,8}\(?\s{0,8}(\d{1,10})\s{0,8}=\s{0,8}\1(?!\d)/i),
      // A literal compared to a concatenation of literals: 'abc' = 'ab'||'c'.
      s(() =>
        /\b(?:and|or)\s{1,8}\(?\s{0,8}'[^'\n]{0,24}'\s{0,8}(?:=|<>|!=|like\b)\s{0,8}'[^'\n]{0,24}'\s{0,8}(?:\|\||\+)\s{0,8}'/i
      ),
    ],
  ],
  [
    "tautology_identifier",
    "Identifier tautology",
    "high",
    "block",
    "OR x=x, a column compared to a value OR'ed with its complement (name = 'a' OR name <> 'a', OR name IS NOT NULL), a quote breakout followed by OR/AND on a column (IS NULL, = ''), or an OR round a login's password check (username = 'admin' AND password = 'x' OR username = 'admin'; detect/sqli_login.ts), used to force a condition true.",
    ["or", "and"],
    [
      b(() =>
        /\bor\s{1,8}\(?\s{0,8}([a-z_][\w.]{0,29})\s{0,8}=\s{0,8}\1\b(?!\s*[(.])/i
      ),
      f(() =>
        /['"][\s)]{0,8}(?:or|and)\s{1,8}[\w.]{1,40}\s{1,8}is\s{1,8}(?:not\s{1,8})?null\b/i
      ),
      s(() =>
        /\bor\s{1,8}[\w.]{1,40}\s{1,8}is\s{1,8}not\s{1,8}null\s{0,8}\)?\s{0,8}(?:--|#)/i
      ),
      // OR on the whole range of a key: OR id > 0, OR id IS NOT NULL (every row has one).
      s(
        () =>
          /\bor\s{1,8}\(?\s{0,8}(?:[a-z_]\w{0,30}\s{0,4}\.\s{0,4})?id\s{0,8}(?:>\s{0,8}-?0|>=\s{0,8}-?[01]|(?:<>|!=)\s{0,8}-\d|is\s{1,8}not\s{1,8}null)(?![\d.])/i,
        { needs: ["id"] },
      ),
      f(() =>
        /['"][\s)]{0,8}(?:or|and)\s{1,8}[a-z_][\w.]{0,39}\s{0,8}=\s{0,8}['"]/i
      ),
      f(() =>
        /\b(?:or|and)\s{1,8}[a-z_]\w{0,29}\s{0,8}=\s{0,8}[a-z_]\w{0,29}\s{0,8}(?:--|#|\/\*)/i
      ),
      f(() =>
        /^\s{0,8}(?:or|and)\s{1,8}[a-z_]\w{0,29}\s{0,8}(?:=|<>|!=)\s{0,8}[a-z_]\w{0,29}\s{0,8}$/im
      ),
    ],
  ],
  [
    "tautology_true",
    "OR TRUE tautology",
    "high",
    "block",
    "OR TRUE (or OR NOT FALSE) after a quote breakout or before a comment, a bare `1 or true`, or OR TRUE inside a SQL statement: forces a condition true.",
    ["true", "false", "not"],
    [
      f(() => /['"`)][\s)]{0,8}or\s{1,8}true\b/i),
      // OR NOT FALSE / OR NOT 0 after a breakout; a bare `1 or true` as the whole value.
      f(() => /['"`)][\s)]{0,8}or\s{1,8}not\s{1,8}(?:false|0)\b/i),
      f(() =>
        /^\s{0,8}-?\d{1,10}\s{1,8}or\s{1,8}(?:true|not\s{1,8}(?:false|0))\s{0,8}(?:--|#|;|$)/i
      ),
      f(() => /\bor\s{1,8}true\s{0,8}(?:--|#|\/\*)/i),
      s(() => /\bor\s{1,8}true\b/i),
    ],
  ],
  [
    "constant_condition",
    "Constant condition (structural tautology)",
    "critical",
    "block",
    "In a statement, OR followed by a condition that reads no column, parameter or variable (OR 7-6=1, OR NOT FALSE, OR EXISTS(SELECT 1)), a comparison chained onto a constant (login = ''=''), MySQL's && and || as AND/OR before a constant (id = 12 && 1=1, id = 10 || 1), or arithmetic between two string literals beside a comparison (login = 'x'-''): the condition is true whatever the row holds. Found by the statement's tokens (detect/sqli_struct.ts), not by a pattern.",
    ["or", "="],
    [],
  ],
  [
    "constant_probe",
    "Constant probe after AND (boolean blind)",
    "high",
    "block",
    "In a statement, AND followed by a condition that reads no column, parameter or variable and is not one of the constants query builders write (AND 1=2, AND 'a'='b', AND length(database())=8), or AND/OR followed by a subquery that reads only its own tables (OR EXISTS(SELECT * FROM users), AND (SELECT count(*) FROM users WHERE ...) = 1), a CASE WHEN / IF() / IIF() branch condition that reads nothing (ORDER BY IF(1=1, a, b)), or a division by the constant zero (ELSE 1/0 END) that raises an error on one branch: the same yes/no answer for every row, which is how blind injection reads data. Found by the statement's tokens (detect/sqli_probe.ts).",
    ["and", "or"],
    [],
  ],
  // ---- Comments and obfuscation -----------------------------------------
  [
    "comment_truncation",
    "Quote then comment (query truncation)",
    "high",
    "block",
    "A quote closed and the rest of the query commented out (admin'--, '#, ')/*, or a closed /* */ holding AND/OR and a quoted value): drops the password check or any condition after it.",
    ["--", "#", "/*"],
    [
      f(() =>
        /(?:^|[\w>\])])['"]\)*[ \t]{0,4}(?:--|;[ \t]{0,4}--)(?:[ \t]{1,4}[-+&\w=]{0,20}[ \t]{0,4})?$/im
      ),
      f(() => /(?:^|[\w>\])])['"]\)*[ \t]{0,4}#[ \t]{0,4}$/im),
      f(() => /(?:^|[\w>\])])['"]\)*[ \t]{0,4}\/\*[ \t]{0,4}$/im),
      b(() => /--\s{0,4}sp_password\b/i),
      s(() => /['"]\)*\s{0,4}--[^\n]{0,200}?\b(?:and|or)\b[^\n]{0,200}?['"]/i),
      // The rest of a statement commented out after a value: `'admin'--' AND pw = 'x'`.
      s(() => /['"\d);]\)*\s{0,4}(?:--|#)[^\n]{0,400}/i, {
        stage: "decoded",
        validate: "commentTail",
      }),
      // The same in a closed block comment: `login = 'root'/* AND pw = 'x' */`
      // (not MySQL's /*! code */ nor an optimizer hint /*+ ... */).
      s(() => /['"\d)]\)*\s{0,4}\/\*(?![!+])[^*]{0,400}\*\//i, {
        stage: "decoded",
        validate: "blockTail",
      }),
      // A comment that starts with a quote and leaves one open: the rest of
      // the application's statement (`'admin'--' AND pw = 'x'`, `LIMIT 1 --'`).
      s(() => /(?:--|#)[ \t]{0,2}['"][^\n]{0,400}/, {
        stage: "decoded",
        validate: "commentQuote",
      }),
      // Stacked statements whose text ends in an empty comment: the comment
      // cuts off what the application appended (`id = 3; ALTER TABLE ... --`).
      s(() => /(?:--|#)[\s\-+#]{0,8}$/, { validate: "afterStacked" }),
      // A statement that ends in an empty comment right after a value (`... ORDER BY 5--`, `'x' #`).
      s(() => /(?:['"\d)]|;)\s{0,4}(?:--|#)[\s\-+#]{0,8}$/i),
    ],
  ],
  [
    "inline_comment_obfuscation",
    "Inline comment obfuscation",
    "high",
    "block",
    "Comments splitting SQL keywords (UN/**/ION), MySQL version comments (/*!50000UNION*/), or comments used as spaces around injected keywords.",
    ["/*"],
    [
      b(() => /(?<=[a-z])\/\*[^*]{0,32}\*\/(?=[a-z])/i, {
        stage: "decoded",
        validate: "splitKeyword",
      }),
      b(
        () =>
          /\/\*!(?:\d{5,6}(?!\d)|(?!\d))\s{0,4}(?:union|select|and|or|from|where|insert|update|delete|drop|sleep|concat|\d)/i,
        {
          stage: "decoded",
        },
      ),
      f(
        () =>
          /(?:\b(?:union|select|or|and|from|where|order|by)|['"])\/\*[^*]{0,32}\*\/\s{0,4}(?:union|select|or|and|from|where|\d|['"])/i,
        {
          stage: "decoded",
        },
      ),
    ],
  ],
  [
    "stacked_query",
    "Stacked query",
    "critical",
    "block",
    "A ';' followed by a second statement (DROP TABLE, EXEC, SHUTDOWN, DECLARE, SELECT *) injected into a value; in a statement, a filtered SELECT/UPDATE/DELETE ending in a value and followed by a statement that administers the server (logins, roles, settings, audit logging, code, files, other hosts, system functions; detect/sqli_stacked.ts).",
    [";"],
    [
      f(() =>
        /;[ \t]{0,8}(?:drop|truncate|alter)\s{1,8}(?:table|database|schema|user|login|procedure|function|view|index)\b/i
      ),
      f(() =>
        /;[ \t]{0,8}exec(?:ute)?\s{0,8}(?:\(|@|master\b|xp_|sp_|immediate\b)/i
      ),
      f(() =>
        /;[ \t]{0,8}(?:waitfor\s|declare\s{1,8}@|begin\s{1,8}declare\b|if\s{0,8}(?:not\s{0,8})?\(\s{0,8}(?:\(\s{0,8})?(?:select|substring|is_srvrolemember|system_user))/i
      ),
      f(() =>
        /;[ \t]{0,8}(?:select\s{1,8}(?:\*|@@|\d{1,6}\s*(?:,|--|#|$))|insert\s{1,8}into\s{1,8}\w|update\s{1,8}\w{1,64}\s{1,8}set\s|delete\s{1,8}from\s{1,8}\w|desc\s{1,8}\w{1,64}\s*;|create\s{1,8}table\s)/im
      ),
      f(() =>
        /['"]\)*[ \t]{0,8};[ \t]{0,8}(?:select|insert|update|delete|drop|exec|execute|declare|desc|shutdown|create|alter|grant|waitfor|truncate)\b/i
      ),
    ],
  ],
  [
    "shutdown",
    "SHUTDOWN statement",
    "critical",
    "block",
    "SHUTDOWN stops the database server for every user; so does terminating (or cancelling the queries of) the sessions of pg_stat_activity chosen by user, database or none at all (pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid()), and a MongoDB shutdownServer() or {shutdown: 1}. Terminating one session by its pid, or the sessions an idle reaper selects by state or age, passes.",
    ["shutdown", "pg_terminate_backend", "pg_cancel_backend"],
    [
      s(
        () =>
          /\bpg_(?:terminate|cancel)_backend\s{0,8}\(\s{0,8}[a-z_][\w.]{0,64}\s{0,8}\)/i,
        {
          validate: "everySession",
        },
      ),
      b(() =>
        /;\s{0,8}shutdown(?:\s{1,8}with\s{1,8}nowait)?\s{0,8}(?:;|--|#|$)/im
      ),
      b(() => /\bshutdown\s{1,8}with\s{1,8}nowait\b/i),
      s(() =>
        /^\s{0,8}shutdown(?:\s{1,8}with\s{1,8}nowait)?\s{0,8}(?:;|--|#|$)/im
      ),
    ],
  ],
  // ---- Time-based blind -------------------------------------------------
  [
    "time_sleep",
    "Time-based blind (SLEEP)",
    "high",
    "block",
    "SLEEP()/PG_SLEEP()/DBMS_LOCK.SLEEP() injected into a condition: confirms blind injection by delaying the response, and ties up connections.",
    ["sleep"],
    [
      // pg_sleep anywhere but as the whole statement (`SELECT pg_sleep(1)` only waits).
      b(() => /\bpg_sleep(?:_for|_until)?\s{0,8}\(/i, {
        validate: "notWholeStatement",
      }),
      b(() => /\bdbms_session\s{0,8}\.\s{0,8}sleep\s{0,8}\(/i),
      b(() => /\bdbms_lock\s{0,8}\.\s{0,8}sleep\s{0,8}\(/i),
      b(() =>
        /(?:\b(?:or|and|xor|select|if|then|else|when|by|not|rlike|like|regexp|where|having)\s{0,8}\(*|&&\s{0,8}|\|\|\s{0,8}|,\s{0,8}|\+\s{0,8}|['"]\s{0,8}[;+]?\s{0,8})\(?\s{0,8}sleep\s{0,8}\(\s{0,8}(?:\d{1,8}|__time__)\s{0,8}\)/i
      ),
      b(() =>
        /(?<![.\w])sleep\s{0,8}\(\s{0,8}(?:\d{1,8}|__time__)\s{0,8}\)\s{0,8}(?:#|--|=)/i
      ),
      s(() => /^\s{0,8}select\s{1,8}sleep\s{0,8}\(/im),
    ],
  ],
  [
    "time_benchmark",
    "Time-based blind (BENCHMARK, heavy query)",
    "high",
    "block",
    "BENCHMARK(n, expr), RANDOMBLOB of megabytes, DBMS_PIPE waits, catalogue cross joins or generate_series of tens of millions of rows: CPU-burning delays used for blind injection.",
    [
      "benchmark",
      "randomblob",
      "dbms_pipe",
      "information_schema",
      "generate_series",
    ],
    [
      // A series of ten million rows or more, counted to burn time.
      b(() =>
        /\bgenerate_series\s{0,8}\(\s{0,8}\d{1,12}\s{0,8},\s{0,8}\d{8,15}\s{0,8}\)/i
      ),
      b(() => /\bbenchmark\s{0,8}\(\s{0,8}\d{3,12}\s{0,8},/i),
      b(() => /\brandomblob\s{0,8}\(\s{0,8}\d{6,12}/i),
      b(() => /\bdbms_pipe\s{0,8}\.\s{0,8}receive_message\s{0,8}\(/i),
      b(() =>
        /\binformation_schema\s{0,4}\.\s{0,4}\w{1,32}\s{1,8}\w{1,32}\s{0,8},\s{0,8}information_schema\s{0,4}\.\s{0,4}\w{1,32}\s{1,8}\w{1,32}\s{0,8},\s{0,8}information_schema/i
      ),
    ],
  ],
  [
    "time_waitfor",
    "Time-based blind (WAITFOR DELAY)",
    "high",
    "block",
    "SQL Server WAITFOR DELAY/TIME injected into a query to confirm blind injection.",
    ["waitfor"],
    [b(() => /\bwaitfor\s{1,8}(?:delay|time)\s{0,8}['"\d]/i)],
  ],
  // ---- Error-based ------------------------------------------------------
  [
    "error_xml",
    "Error-based (EXTRACTVALUE/UPDATEXML)",
    "high",
    "block",
    "EXTRACTVALUE/UPDATEXML with a concatenated or selected argument: leaks data through the XPath error message.",
    ["extractvalue", "updatexml"],
    [
      b(() =>
        /\b(?:extractvalue|updatexml)\s{0,8}\([^;]{0,80}?(?:concat\s{0,8}\(|0x7e|\bselect\b|@@|\bversion\s{0,8}\(|\buser\s{0,8}\()/i
      ),
    ],
  ],
  [
    "error_convert",
    "Error-based (CONVERT/CAST)",
    "high",
    "block",
    "CONVERT(INT, (SELECT ...)) or CAST(@@version AS INT): forces a type error whose message leaks the value.",
    ["convert", "cast"],
    [
      b(() =>
        /\bconvert\s{0,8}\(\s{0,8}int\s{0,8},\s{0,8}\(?\s{0,8}(?:select|union|char|@@|db_name|user|system_user|\(\s{0,8}select)/i
      ),
      b(() =>
        /\bcast\s{0,8}\(\s{0,8}\(?\s{0,8}(?:@@version|select\b|version\s{0,8}\(|current_user|user\s{0,8}\(|db_name|chr\s{0,8}\(|char\s{0,8}\()[^;]{0,160}?\bas\s{1,8}(?:int|integer|numeric|bigint|signed)\b/i
      ),
    ],
  ],
  [
    "error_double_query",
    "Error-based (double query, EXP, geometry)",
    "high",
    "block",
    "FLOOR(RAND()*2) grouping, EXP(~(SELECT...)), NAME_CONST, geometry functions over subqueries or ISNULL(1/0): errors engineered to leak data.",
    [
      "rand",
      "exp",
      "name_const",
      "geometrycollection",
      "polygon",
      "multipoint",
      "isnull",
      "drithsx",
    ],
    [
      b(() =>
        /\bfloor\s{0,8}\(\s{0,8}rand\s{0,8}\(\s{0,8}\d{0,4}\s{0,8}\)\s{0,8}\*\s{0,8}2\s{0,8}\)/i
      ),
      b(() => /\bexp\s{0,8}\(\s{0,8}~\s{0,8}\(/i),
      b(() => /\bname_const\s{0,8}\(/i),
      b(() =>
        /\b(?:geometrycollection|polygon|multipoint|multilinestring|linestring)\s{0,8}\(\s{0,8}\(\s{0,8}select\b/i
      ),
      b(() => /\bisnull\s{0,8}\(\s{0,8}1\s{0,8}\/\s{0,8}0\s{0,8}\)/i),
      b(() => /\bctxsys\s{0,4}\.\s{0,4}drithsx\s{0,4}\.\s{0,4}sn\s{0,8}\(/i),
    ],
  ],
  [
    "boolean_blind",
    "Boolean blind probing",
    "high",
    "block",
    "Conditions on constants (CASE WHEN 1=1 THEN, IF(1=1) SELECT), SUBSTRING((SELECT ...)) comparisons and AND n=(SELECT COUNT(*)...): reading data one yes/no answer at a time.",
    ["case", "if", "substr", "mid", "ascii", "ord", "select"],
    [
      b(() =>
        /\bcase\s{1,8}when\s{0,8}\(?\s{0,8}\d{1,10}\s{0,8}=\s{0,8}\d{1,10}\s{0,8}\)?\s{0,8}then\b/i
      ),
      b(() =>
        /\bif\s{0,8}\(\s{0,8}\d{1,10}\s{0,8}=\s{0,8}\d{1,10}\s{0,8}\)\s{0,8}select\b/i
      ),
      b(() =>
        /\b(?:ascii|ord|unicode|hex)\s{0,8}\(\s{0,8}(?:(?:lower|upper)\s{0,8}\(\s{0,8})?(?:substring|substr|mid)\s{0,8}\(\s{0,8}\(\s{0,8}select\b/i
      ),
      b(() =>
        /\b(?:substring|substr|mid)\s{0,8}\(\s{0,8}\(?\s{0,8}(?:select\s{1,8})?(?:@@version|version\s{0,8}\(|user\s{0,8}\(|database\s{0,8}\(|system_user)/i
      ),
      b(() =>
        /\bif\s{1,8}not\s{0,8}\(\s{0,8}(?:\(\s{0,8})?(?:substring|select)\b/i
      ),
      f(() =>
        /\b(?:and|or)\s{1,8}\d{1,10}\s{0,8}=\s{0,8}\(\s{0,8}select\s{1,8}(?:count|top|\d)/i
      ),
      b(() => /\b(?:and|or)\s{1,8}\d{1,10}\s{0,8}in\s{0,8}\(\s{0,8}select\b/i),
      // A condition that is a subquery on the system catalogue: probing the schema.
      b(() =>
        /\b(?:and|or)\s{1,8}(?:\d{1,10}\s{0,8}(?:=|<>|<|>)\s{0,8})?\(\s{0,8}select\b[^;]{0,200}?\bfrom\s{1,8}(?:information_schema\b|pg_catalog\b|pg_shadow\b|pg_user\b|v\$\w|sys\s{0,4}\.|mysql\s{0,4}\.\s{0,4}user\b|sqlite_master\b|sqlite_schema\b|dba_\w|all_tables\b|all_users\b|sysobjects\b|syscolumns\b|master\s{0,4}\.)/i
      ),
      // A subquery spliced into a string by concatenation: 'x' || (SELECT password ...) || ''.
      s(() =>
        /(?:\|\||\bconcat\s{0,8}\([^;()]{0,80},)\s{0,8}\(\s{0,8}select\b/i
      ),
      b(() => /\b(?:substring|substr|mid)\s{0,8}\(\s{0,8}\(\s{0,8}select\b/i),
      // The same catalogue subquery wrapped in functions: AND json_keys((SELECT ... FROM information_schema...)).
      s(
        () =>
          /\b(?:and|or)\s{1,8}(?:[a-z_]{1,30}\s{0,8}\(\s{0,8}){1,3}\(?\s{0,8}select\b[^;]{0,200}?\bfrom\s{1,8}(?:information_schema\b|pg_catalog\b|pg_shadow\b|pg_user\b|v\$\w|sys\s{0,4}\.|mysql\s{0,4}\.\s{0,4}user\b|sqlite_master\b|sqlite_schema\b|dba_\w|all_tables\b|all_users\b|sysobjects\b|syscolumns\b|master\s{0,4}\.)/i,
        { needs: "subquery" },
      ),
      // A condition on one character of a subquery's value: AND (SELECT substr(pw, 3, 1) ...) = 'k'.
      s(
        () =>
          /(?:\b(?:and|or|when|by)\s{1,8}|[=<>]\s{0,8})\(\s{0,8}select\s{1,8}(?:ascii|ord|substr|substring|mid|hex|unicode|length|char_length|len|left|right)\s{0,8}\(/i,
        { needs: "subquery" },
      ),
      // A constant compared to a subquery, or a subquery that selects a constant, as a condition:
      // AND 'x'=(SELECT CASE ...), AND (SELECT 'x' FROM dual WHERE 1=1) = 'x'.
      s(
        () =>
          /\b(?:and|or)\s{1,8}\(?\s{0,8}(?:'[^'\n]{0,24}'|\d{1,10})\s{0,8}(?:=|<>|!=|<|>|like\b)\s{0,8}\(\s{0,8}select\b/i,
        { needs: "subquery" },
      ),
      s(
        () =>
          /\b(?:and|or)\s{1,8}\(\s{0,8}select\s{1,8}(?:'[^'\n]{0,24}'|\d{1,10}\b|null\b|case\b)/i,
        { needs: "subquery" },
      ),
      // Ordering by a condition on a subquery: ORDER BY (CASE WHEN (SELECT ...) ... THEN a ELSE b END).
      // (Not a subquery correlated with the row, `WHERE h.book_id = books.id`: a per-row sort key.)
      s(
        () =>
          /\border\s{1,8}by\s{0,8}\(?\s{0,8}(?:case\s{1,8}when|if\s{0,8}\()\s{0,8}\(?\s{0,8}\(?\s{0,8}select\b/i,
        { needs: "subquery", validate: "uncorrelated" },
      ),
      f(() => /^\s{0,8}\d{1,10}\s{1,8}(?:and|or)\s{1,8}\(\s{0,8}select\b/i),
      // After a breakout, EXISTS of a subquery: ' OR EXISTS(SELECT * FROM users) --.
      f(() =>
        /['"][\s)]{0,8}(?:or|and)\s{1,8}(?:not\s{1,8})?exists\s{0,8}\(\s{0,8}select\b/i
      ),
      // After a breakout, a subquery's value compared: ' AND (SELECT count(*) FROM users) > 0 --.
      f(() =>
        /['"][\s)]{0,8}(?:and|or)\s{1,8}\(\s{0,8}select\b[^;]{0,200}?\)\s{0,8}(?:=|<>|!=|<|>)/i
      ),
      f(() =>
        /['"][\s)]{0,8}(?:(?:or|and)\s{1,8})?\(\s{0,8}(?:select\s{1,8}top\s|exists\s{0,8}\(?\s{0,8}select\b|exists\s{0,8}\))/i
      ),
    ],
  ],
  [
    "credential_probe",
    "Credential column probing",
    "high",
    "block",
    "A subquery that reads a password, secret, card, PIN or key column into another value or condition, or a LIKE/substring test on a password column: reading credentials through a query, one row or one character at a time (including second-order payloads that store them in a visible field); also, by tokens, an unfiltered scalar subquery reading an account, secret or catalogue table nested as a value (VALUES (5, (SELECT pass FROM admins LIMIT 1)); detect/sqli_subquery.ts).",
    [
      "pass",
      "pwd",
      "secret",
      "card",
      "cvv",
      "cvc",
      "pin",
      "ssn",
      "pan",
      "key",
      "hash",
      "pw",
      "agg",
      "group_concat",
    ],
    [
      // Two columns joined by a separator and aggregated over a whole table
      // (no filter): a table's accounts dumped into one value, e.g.
      // (SELECT group_concat(email, ':', pw) FROM faculty), or after UNION.
      s(() =>
        /\(\s{0,8}select\s{1,8}(?:group_concat|string_agg|listagg|json_agg|array_agg)\s{0,8}\(\s{0,8}["`\[]?[\w.]{1,64}["`\]]?\s{0,8}(?:,\s{0,8}'[^'\n]{0,4}'\s{0,8},|\|\|\s{0,8}'[^'\n]{0,4}'\s{0,8}\|\|)\s{0,8}["`\[]?[\w.]{1,64}[^;()]{0,60}\)\s{0,8}from\s{1,8}[\w."`]{1,64}\s{0,8}\)/i
      ),
      s(() =>
        /\bunion(?:\s{1,8}all)?\s{1,8}select\s{1,8}(?:group_concat|string_agg|listagg)\s{0,8}\(\s{0,8}["`\[]?[\w.]{1,64}["`\]]?\s{0,8}(?:,\s{0,8}'[^'\n]{0,4}'\s{0,8},|\|\|\s{0,8}'[^'\n]{0,4}'\s{0,8}\|\|)\s{0,8}["`\[]?[\w.]{1,64}/i
      ),
      // The same for payment-card, PIN, national-id and key columns.
      s(() =>
        new RegExp(
          String
            .raw`\(\s{0,8}select\s{1,8}(?:top\s{1,8}\d{1,4}\s{1,8})?(?:distinct\s{1,8})?(?:[a-z_]\w{0,30}\s{0,4}\.\s{0,4})?["\x60\[]?(?:${CARD_COLUMNS})["\x60\]]?\s{0,8}(?:\)|,|\|\||\bfrom\b)`,
          "i",
        )
      ),
      s(() =>
        new RegExp(
          String
            .raw`\(\s{0,8}select\s{1,8}(?:group_concat|string_agg|listagg|array_agg|json_agg|json_arrayagg|concat_ws|concat)\s{0,8}\([^;()]{0,120}?\b(?:${CARD_COLUMNS})\b`,
          "i",
        )
      ),
      s(() =>
        /\(\s{0,8}select\s{1,8}(?:top\s{1,8}\d{1,4}\s{1,8})?(?:distinct\s{1,8})?(?:[a-z_]\w{0,30}\s{0,4}\.\s{0,4})?["`\[]?\w{0,20}(?:password|passwd|pwd|pass_hash|passhash|secret)\w{0,20}["`\]]?\s{0,8}(?:\)|,|\|\||\bfrom\b)/i
      ),
      // (Not a hash-format marker, `LIKE '$2y$%'`, masked as `'_2y__'`: a
      // DBA counting hashes by algorithm.)
      s(() =>
        /(?:(?<=_)|\b)(?:pass(?:word|wd)?|pwd)(?:_?hash|_digest)?\s{1,8}(?:not\s{1,8})?(?:like|rlike|regexp|glob)\s(?!\s{0,8}'_[a-z0-9]{1,10}_)/i
      ),
      // Inside a subquery, any pattern on a password column is a probe (a
      // count of bcrypt hashes in an OFFSET is still a yes/no question).
      s(() =>
        /\(\s{0,8}select\b[^;]{0,200}?(?:(?<=_)|\b)(?:pass(?:word|wd)?|pwd)(?:_?hash|_digest)?\s{1,8}(?:not\s{1,8})?(?:like|rlike|regexp|glob)\s/i
      ),
      // A subquery that aggregates a password column into one value (copied into a visible field).
      s(() =>
        /\(\s{0,8}select\s{1,8}(?:group_concat|string_agg|listagg|array_agg|json_agg|json_arrayagg|concat_ws|concat)\s{0,8}\([^;()]{0,120}?(?:\b\w{0,20}(?:password|passwd|pwd|pass_hash|passhash|secret)\w{0,20}\b|\bpass\b)/i
      ),
      s(() =>
        /\b(?:substr|substring|mid|left|right|ascii|ord)\s{0,8}\(\s{0,8}(?:[a-z_]\w{0,30}\s{0,4}\.\s{0,4})?\w{0,20}(?:password|passwd|pwd)/i
      ),
    ],
  ],
  // ---- Encodings --------------------------------------------------------
  [
    "hex_encoding",
    "Hex-encoded SQL",
    "high",
    "block",
    "A 0x... literal that decodes to SQL (0x73656c656374 = 'select', UTF-16 WAITFOR payloads), a base64, hex or Unicode-escaped literal passed to a decoder that decodes to SQL (decode('ZHJvcCB0YWJsZQ==', 'base64'), FROM_BASE64, HEXTORAW, U&'\\0044...'), a hex comparison after a quote breakout, a column compared to a 0x literal that spells a word (username = 0x61646d696e, 'admin', with no quote to filter), or CONCAT(0x7e, ...) markers.",
    ["0x", "unhex", "decode", "from_base64", "hextoraw", "u&"],
    [
      b(
        () =>
          /\b(?:decode\s{0,8}\(\s{0,8}'([a-z0-9+/=\s]{8,8192})'\s{0,8},\s{0,8}'(base64|hex)'|from_base64\s{0,8}\(\s{0,8}'([a-z0-9+/=\s]{8,8192})'|(?:hextoraw|unhex)\s{0,8}\(\s{0,8}'([0-9a-f]{8,8192})'|u&'((?:[^'\\\n]|\\(?:\+[0-9a-f]{6}|[0-9a-f]{4})){4,2048})')/i,
        { stage: "raw", validate: "encodedKeyword" },
      ),
      b(() => /\b0x((?:[0-9a-f]{2}){4,1024})\b/i, { validate: "hexKeyword" }),
      // username = 0x61646d696e: a quote-free spelling of a word ('admin') compared to a column.
      s(
        () =>
          /[\w\]"`]\s{0,8}(?:=|<>|!=|\blike)\s{0,8}0x((?:[0-9a-f]{2}){4,256})\b/i,
        { validate: "hexText" },
      ),
      f(() =>
        /['")]\s{0,8}(?:or|and|having|where)\s{1,8}[\w()]{1,40}\s{0,8}(?:=|<>|like)\s{0,8}0x[0-9a-f]{2,}/i
      ),
      b(() => /\bconcat(?:_ws)?\s{0,8}\(\s{0,8}0x[0-9a-f]{2,8}\s{0,8},/i),
      f(() => /\bunhex\s{0,8}\(\s{0,8}['"]?[0-9a-f]{8,}/i),
    ],
  ],
  [
    "char_encoding",
    "CHAR()/CHR() encoded strings",
    "high",
    "block",
    "CHAR(65,66,67), chains of CHAR()/CHR() concatenations or CONCAT(CHAR(...)), or a quote built by CHR(39) joined to a literal that goes on as SQL ('a' || chr(39) || ' OR 1=1 --'): strings built from character codes to slip past quote filters.",
    ["char", "chr"],
    [
      b(() =>
        /\bn?char\s{0,8}\(\s{0,8}\d{1,3}\s{0,8}(?:,\s{0,8}\d{1,3}\s{0,8}){2,255}\)/i
      ),
      b(() =>
        /(?:\b(?:n?char|chr)\s{0,8}\(\s{0,8}\d{1,3}\s{0,8}\)\s{0,8}(?:\+|\|\||,)\s{0,8}){2,64}(?:n?char|chr)\s{0,8}\(/i
      ),
      b(() => /\bconcat\s{0,8}\(\s{0,8}(?:n?char|chr)\s{0,8}\(\s{0,8}\d/i),
      f(() =>
        /['"][\s)]{0,8}(?:or|and)\b[^;\n]{0,60}?=\s{0,8}(?:n?char|chr)\s{0,8}\(\s{0,8}\d/i
      ),
      // A quote built from its code and joined to a literal that goes on as
      // SQL (`'a' || chr(39) || ' OR 1=1 --'`): a breakout kept for the
      // dynamic SQL that will run the value.
      s(
        () =>
          /\b(?:chr|n?char)\s{0,4}\(\s{0,4}(?:39|0x27)\s{0,4}\)\s{0,4}(?:\|\||\+|,)\s{0,4}'\)?\s{0,4}(?:or|and|union|having|select|;)\b[^\n]{0,48}?(?:=|<|>|--|#|\/\*|\bselect\b|\bsleep\b)/i,
        { stage: "raw" },
      ),
    ],
  ],
  [
    "concat_obfuscation",
    "Keyword split across string literals",
    "high",
    "block",
    "SQL keywords assembled from string pieces ('sel' + 'ect', 'un'||'ion') to evade keyword filters, usually for dynamic execution.",
    ["+", "||"],
    [
      b(
        () =>
          /'[a-z_@ ]{1,16}'(?:\s{0,8}(?:\+|\|\|)\s{0,8}'[a-z_@ ]{1,16}'){1,8}/i,
        {
          // The pieces are literals: a statement's masking would hide them.
          stage: "raw",
          validate: "concatKeyword",
        },
      ),
    ],
  ],
  [
    "dynamic_exec",
    "Dynamic SQL execution of injected text",
    "high",
    "block",
    "EXEC(@var), EXECUTE IMMEDIATE or DECLARE @s ... = 0x... in a value: runs SQL assembled at run time, a common way to smuggle encoded payloads.",
    ["exec", "declare", "_to_xml", "dbms_xmlgen"],
    [
      // Functions that run a SQL string they are given and return its rows.
      b(() =>
        /\b(?:query_to_xml(?:_and_xmlschema)?|cursor_to_xml|dbms_xmlgen\s{0,4}\.\s{0,4}getxml)\s{0,8}\(/i
      ),
      f(() => /\bexec(?:ute)?\s{0,8}\(\s{0,8}@\w{1,64}\s{0,8}\)/i),
      f(() => /\bexecute\s{1,8}immediate\s{0,8}['"]/i),
      f(() => /\bexec(?:ute)?\s{0,8}\(\s{0,8}['"][^'"]{0,40}['"]\s{0,8}\+/i),
      f(() => /\bdeclare\s{1,8}@\w{1,64}\s{1,8}n?(?:var)?char\b/i),
      b(() =>
        /@\w{1,64}\s{0,8}=\s{0,8}0x[0-9a-f]{8,}[\s\S]{0,16}?\bexec(?:ute)?\s{0,8}\(\s{0,8}@/i
      ),
      // A character variable set from a hex blob: SQL text hidden from filters, to be run next.
      b(() =>
        /\bdeclare\s{1,8}@\w{1,64}\s{1,8}n?(?:var)?char\s{0,8}\(\s{0,8}(?:\d{1,5}|max)\s{0,8}\)\s{0,8}[;,]?\s{0,8}(?:set|select)\s{1,8}@\w{1,64}\s{0,8}=\s{0,8}0x[0-9a-f]{6}/i
      ),
      // EXEC of a variable as the whole text: a fragment run against a variable it never declared.
      s(() =>
        /^\s{0,8}exec(?:ute)?\s{0,8}\(\s{0,8}@\w{1,64}\s{0,8}\)\s{0,8};?\s{0,8}(?:--[^\n]{0,200})?$/i
      ),
    ],
  ],
  // ---- Catalogue and privilege probing ----------------------------------
  [
    "schema_probe",
    "Catalogue probing (information_schema, sys tables)",
    "high",
    "block",
    "A value reading information_schema, sqlite_master, pg_catalog, sysobjects or Oracle/DB2 dictionary views: enumerating tables and columns to attack.",
    [
      "information_schema",
      "sqlite_",
      "pg_",
      "sys",
      "all_",
      "user_tables",
      "dba_",
      "v$",
      "xtype",
    ],
    [
      f(() =>
        /\binformation_schema\s{0,4}\.\s{0,4}(?:tables|columns|schemata|routines|user_privileges|processlist|views)\b/i
      ),
      f(() => /\bfrom\s{1,8}information_schema\b/i),
      f(() => /\bsqlite_(?:master|schema|temp_master)\b/i),
      f(() => /\bpg_catalog\s{0,4}\.\s{0,4}pg_\w{1,32}/i),
      f(() =>
        /\bfrom\s{1,8}(?:pg_catalog\.)?pg_(?:tables|user|roles|database|namespace|class|stat_activity|group|settings)\b/i
      ),
      f(() =>
        /\bfrom\s{1,8}(?:master\s{0,4}\.\s{0,4}(?:dbo)?\s{0,4}\.\s{0,4})?(?:sysobjects|syscolumns|sysdatabases|sysusers|sysservers|sysprocesses|sysserverse?)\b/i
      ),
      f(() =>
        /\bfrom\s{1,8}(?:sys\s{0,4}\.\s{0,4}(?:tables|columns|objects|databases|all_tables|all_tab_columns|all_users|user_tables)|all_tables|all_tab_columns|all_users|user_tables|dba_tables|sysibm\s{0,4}\.\s{0,4}\w{1,32}|syscat\s{0,4}\.\s{0,4}\w{1,32}|msysobjects|v\$version|v\$instance)\b/i
      ),
      f(() => /\bxtype\s{0,8}=\s{0,8}'[uv]'/i),
    ],
  ],
  [
    "admin_table",
    "Credential and admin table access",
    "high",
    "block",
    "Reads of the database's own account tables (mysql.user, dba_users and sys.sql_logins read whole, for their hashes or joined; pg_shadow, pg_authid, SYS.USER$): password hashes and privileges.",
    [
      "mysql",
      "pg_shadow",
      "pg_authid",
      "sql_logins",
      "user$",
      "sysxlogins",
      "syslogins",
      "dba_users",
      "dbauth",
    ],
    [
      s(() =>
        /\b(?:pg_shadow|pg_authid|sys\s{0,4}\.\s{0,4}user\$|sysxlogins|sys\s{0,4}\.\s{0,4}syslogins|syscat\s{0,4}\.\s{0,4}dbauth)\b/i
      ),
      // SQL Server's sys.sql_logins: writes, joins and UNIONs, or reads of its
      // hashes (`SELECT name, is_disabled FROM sys.sql_logins` is a routine look).
      s(() =>
        /\b(?:update|into|join|union\b[^;]{0,240}?\bfrom)\s{1,8}sys\s{0,4}\.\s{0,4}sql_logins\b/i
      ),
      s(() => /\bfrom\s{1,8}sys\s{0,4}\.\s{0,4}sql_logins\b/i, {
        validate: "readsHashes",
      }),
      // Oracle's dba_users: writes, joins and UNIONs, or reads of every column
      // (`SELECT username, account_status FROM dba_users` is a routine look).
      s(() =>
        /\b(?:update|into|join|union\b[^;]{0,240}?\bfrom)\s{1,8}dba_users\b/i
      ),
      s(() => /\bfrom\s{1,8}dba_users\b/i, { validate: "readsHashes" }),
      // mysql.user: writes, joins and UNIONs into it, or reads of its hashes
      // (`SELECT user, host FROM mysql.user` is a routine look at the accounts).
      s(() =>
        /\b(?:update|into|join|table|union\b[^;]{0,240}?\bfrom)\s{1,8}mysql\s{0,4}\.\s{0,4}user\b/i
      ),
      s(() => /\bfrom\s{1,8}mysql\s{0,4}\.\s{0,4}user\b/i, {
        validate: "readsHashes",
      }),
      f(() =>
        /\b(?:from|join|update|into|table)\s{1,8}(?:mysql\s{0,4}\.\s{0,4}user|pg_shadow|pg_authid|sys\s{0,4}\.\s{0,4}sql_logins|sys\s{0,4}\.\s{0,4}user\$|(?:master\s{0,4}\.\s{0,4}(?:dbo)?\s{0,4}\.\s{0,4})?sysxlogins|sys\s{0,4}\.\s{0,4}syslogins|dba_users|syscat\s{0,4}\.\s{0,4}dbauth)\b/i
      ),
    ],
  ],
  [
    "fingerprint",
    "Database fingerprinting",
    "medium",
    "block",
    "@@version, VERSION(), DATABASE(), USER() and similar in a value: identifying the database before a targeted attack.",
    [
      "@@",
      "version",
      "database",
      "user",
      "db_name",
      "banner",
      "sysdummy",
      "host_name",
      "is_srvrolemember",
      "current_setting",
      "serverproperty",
    ],
    [
      f(() =>
        /@@(?:version|hostname|servername|datadir|basedir|microsoftversion|language|spid|tmpdir)\b/i
      ),
      f(() =>
        /(?:\b(?:select|and|or|union)\s{0,8}|[,(=]\s{0,8})\(?\s{0,8}(?:version|database|user|current_user|system_user|session_user|schema|db_name|user_name|suser_name|suser_sname|sqlite_version|host_name|current_database|is_srvrolemember|current_setting|serverproperty)\s{0,8}\(/i
      ),
      f(() => /\bselect\s{1,8}@@\w{1,64}/i),
      // A condition on the server's version, user or database: fingerprinting inside a query.
      s(
        () =>
          /\b(?:and|or|when)\s{1,8}\(?\s{0,8}(?:@@[a-z_]{2,40}|(?:version|database|user|current_user|system_user|db_name|schema|current_database)\s{0,8}\(\s{0,8}\))\s{0,8}(?:=|<>|!=|<|>|like\b|rlike\b|regexp\b|in\b|between\b)/i,
        { needs: ["@@", "()", "( )"] },
      ),
      f(() =>
        /\bselect\s{1,8}(?:current_user|system_user|session_user|user|banner|current\s{1,8}server)\b/i
      ),
      f(() =>
        /\bfrom\s{1,8}(?:v\$version|sysibm\s{0,4}\.\s{0,4}sysdummy1|sysibm\s{0,4}\.\s{0,4}sysversions)\b/i
      ),
    ],
  ],
  [
    "privilege_change",
    "GRANT/REVOKE and account changes",
    "high",
    "block",
    "GRANT/REVOKE statements, CREATE/ALTER USER with a password, or sp_addsrvrolemember: changes who may do what in the database (matched as statements, never inside words like 'migrant'). In a statement sent to a database only escalations count: grants of everything, to PUBLIC or WITH GRANT OPTION, superuser attributes, a new password for a built-in superuser (root, postgres, sa), SET ROLE to one, row-level security disabled, a policy USING (true) or a policy dropped without being created again; in a MongoDB shell call, a user given a role over every database (root, userAdminAnyDatabase, dbOwner on admin).",
    [
      "grant",
      "revoke",
      "user",
      "login",
      "role",
      "sp_add",
      "authorization",
      "row level",
      "policy",
    ],
    [
      f(() =>
        /\bgrant\s{1,8}(?:all(?:\s{1,8}privileges)?|select|insert|update|delete|execute|exec|usage|connect|resource|dba|create(?:\s{1,8}\w{1,20})?|alter|drop|references|super|file|process|reload|shutdown|trigger|index|sysadmin|admin|role)(?:\s{0,8},\s{0,8}[a-z_]{1,20}(?:\s{1,8}[a-z_]{1,20})?){0,16}\s{1,8}(?:on\s{1,8}[^;\n]{1,128}?\s{1,8})?to\s{1,8}[\w'"`@%.[\]-]/i
      ),
      f(() =>
        /\brevoke\s{1,8}(?:all(?:\s{1,8}privileges)?|select|insert|update|delete|execute|exec|usage|connect|resource|dba|create(?:\s{1,8}\w{1,20})?|alter|drop|references|super|file|process|trigger|index|sysadmin|admin|role)(?:\s{0,8},\s{0,8}[a-z_]{1,20}(?:\s{1,8}[a-z_]{1,20})?){0,16}\s{1,8}(?:on\s{1,8}[^;\n]{1,128}?\s{1,8})?from\s{1,8}[\w'"`@%.[\]-]/i
      ),
      b(() =>
        /\balter\s{1,8}(?:user|role|login)\s{1,8}[\w'"`@%.[\]-]{1,128}\s{1,8}(?:with\s{1,8})?(?:superuser|createrole|sysadmin)\b/i
      ),
      // A password change: after a breakout always; in a statement, only of
      // a built-in superuser account (rotating an application's password is
      // routine; resetting root's is a takeover).
      f(() =>
        /\balter\s{1,8}(?:user|role|login)\s{1,8}[\w'"`@%.[\]-]{1,128}\s{1,8}(?:with\s{1,8})?(?:password|identified\s{1,8}by)\b/i
      ),
      s(() =>
        /\balter\s{1,8}(?:user|role|login)\s{1,8}['"`]?(?:root|postgres|sa|sys|system|admin|administrator|rdsadmin|mysql\.sys)['"`]?(?:@['"`]?[\w%.-]{1,64}['"`]?)?\s{1,8}(?:with\s{1,8})?(?:(?:encrypted\s{1,8})?password|identified\s{1,8}(?:by|with))\b/i
      ),
      // Becoming a built-in superuser for the rest of the session.
      s(() =>
        /\bset\s{1,8}(?:(?:session|local)\s{1,8})?(?:role|session\s{1,8}authorization)\s{0,8}(?:=|to)?\s{0,8}['"]?(?:postgres|rdsadmin|rds_superuser|cloudsqlsuperuser|azure_superuser|supabase_admin|root|sa)\b/i
      ),
      // A row-level security policy dropped and not created again.
      s(
        () =>
          /\bdrop\s{1,8}policy\s{1,8}(?:if\s{1,8}exists\s{1,8})?[\w"]{1,64}\s{1,8}on\s{1,8}[\w."`[\]]{1,128}/i,
        {
          validate: "notRecreated",
        },
      ),
      // Row-level security switched off or opened to every row.
      s(() =>
        /\balter\s{1,8}table\s{1,8}[\w."`[\]]{1,128}\s{1,8}(?:disable|no\s{1,8}force)\s{1,8}row\s{1,8}level\s{1,8}security\b/i
      ),
      s(() =>
        /\bcreate\s{1,8}policy\s{1,8}[\w"]{1,64}\s{1,8}on\s{1,8}[\w."`[\]]{1,128}\s{1,8}(?:as\s{1,8}permissive\s{1,8})?(?:for\s{1,8}\w{1,8}\s{1,8})?(?:to\s{1,8}[\w, ]{1,128}\s{1,8})?(?:using|with\s{1,8}check)\s{0,8}\(\s{0,8}(?:true|1\s{0,4}=\s{0,4}1)\s{0,8}\)/i
      ),
      // Creating an account with a password is routine in a migration; in
      // free text after a breakout it is an injected statement.
      f(() =>
        /\bcreate\s{1,8}(?:user|login)\s{1,8}[\w'"`@%.[\]-]{1,128}\s{1,8}(?:with\s{1,8}password|identified\s{1,8}by|password)\b/i
      ),
      f(() => /\bsp_add(?:srvrolemember|login|rolemember)\b/i),
      // In a statement: a server role, a new login, or a database role that
      // administers the database (db_datareader for a report user is routine).
      s(() => /\bsp_add(?:srvrolemember|login)\b/i),
      s(() =>
        /\bsp_addrolemember\s{0,8}(?:@rolename\s{0,4}=\s{0,4})?n?'db_(?:owner|securityadmin|accessadmin|ddladmin)'/i
      ),
      // SQL Server: a member added to a server role or to db_owner.
      b(() =>
        /\balter\s{1,8}(?:server\s{1,8}role\s{1,8}(?:sysadmin|securityadmin|serveradmin|setupadmin|processadmin|diskadmin|dbcreator|bulkadmin|control\s{1,8}server)|role\s{1,8}db_(?:owner|securityadmin|accessadmin|ddladmin))\s{1,8}add\s{1,8}member\b/i
      ),
      // In a statement, only grants that escalate: everything, server-level
      // privileges, superuser roles, grants to everyone or with the right to
      // pass them on. `GRANT SELECT ON reports TO analyst` is routine.
      s(() =>
        /\bgrant\s{1,8}(?:all\b|super\b|postgres\s{1,8}to\b|file\b|process\b|shutdown\b|reload\b|sysadmin\b|dba\b|pg_(?:read_server_files|write_server_files|execute_server_program|read_all_data|write_all_data)\b|rds_superuser\b|cloudsqlsuperuser\b|azure_pg_admin\b|db_owner\b|control\s{1,8}server\b)/i
      ),
      s(() =>
        /\bgrant\s{1,8}[^;\n]{1,200}?\b(?:on\s{1,8}\*\s{0,4}\.\s{0,4}\*|to\s{1,8}public\b|with\s{1,8}(?:grant|admin)\s{1,8}option\b)/i
      ),
      // Grants on the credential catalogues, impersonation, Oracle's ANY privileges.
      s(() =>
        /\bgrant\s{1,8}[^;\n]{1,200}?\bon\s{1,8}(?:table\s{1,8})?(?:mysql\s{0,4}\.\s{0,4}(?:user|\*)|(?:pg_catalog\s{0,4}\.\s{0,4})?pg_(?:authid|shadow)|sys\s{0,4}\.\s{0,4}(?:sql_logins|syslogins|user\$)|dba_users)\b/i
      ),
      s(() =>
        /\bgrant\s{1,8}(?:impersonate\b|(?:select|insert|update|delete|execute|alter|create|drop)\s{1,8}any\s{1,8}\w)/i
      ),
      b(() =>
        /\b(?:create|alter)\s{1,8}(?:user|role|login)\s{1,8}[\w'"`@%.[\]-]{1,128}\s{1,8}(?:(?:with|login|nologin|inherit|noinherit|createdb|nocreatedb|encrypted|password\s{1,8}'[^'\n]{0,64}'|connection\s{1,8}limit\s{1,8}-?\d{1,6}|valid\s{1,8}until\s{1,8}'[^'\n]{0,40}')\s{1,8}){0,6}(?:superuser|createrole|bypassrls|replication|sysadmin)\b/i
      ),
    ],
  ],
  // ---- Files, commands, out-of-band -------------------------------------
  [
    "file_access",
    "Server file read/write",
    "critical",
    "block",
    "LOAD_FILE, INTO OUTFILE/DUMPFILE, pg_read_file, COPY ... PROGRAM, LOAD DATA INFILE, BULK INSERT, UTL_FILE: the database reads or writes files on its server (web shells, /etc/passwd).",
    [
      "load_file",
      "outfile",
      "dumpfile",
      "pg_read",
      "pg_ls_dir",
      "lo_import",
      "lo_export",
      "copy",
      "infile",
      "bulk",
      "openrowset",
      "utl_file",
      "bfilename",
      "log_file",
      // Longer than the audit policy's `general_log`, so the keyword scan keeps it.
      "general_log_file",
      "attach",
    ],
    [
      b(() => /\bload_file\s{0,8}\(/i),
      b(() => /\binto\s{1,8}(?:out|dump)file\b/i),
      b(() => /\bpg_(?:read_(?:binary_)?file|ls_dir|stat_file)\s{0,8}\(/i),
      b(() => /\blo_(?:import|export)\s{0,8}\(/i),
      b(() =>
        /\bcopy\s{0,8}(?:[\w."]{1,64}(?:\s{0,8}\([^)]{0,256}\))?|\([^;]{0,400}?\))\s{1,8}(?:from|to)\s{1,8}program\b/i
      ),
      b(
        () =>
          /(?<!\\)\bcopy\s{1,8}[\w."]{1,64}\s{1,8}from\s{1,8}'\/(?:etc|proc|root|home|var(?!\/[^'\n]{0,200}\.(?:csv|tsv|jsonl?|ndjson|dat|parquet)(?:\.gz)?'))\//i,
        { stage: "raw" },
      ),
      f(() =>
        /(?<!\\)\bcopy\s{1,8}[\w."]{1,64}\s{1,8}(?:from|to)\s{1,8}'?\/\w/i
      ),
      f(() => /\bload\s{1,8}data\s{1,8}(?:local\s{1,8})?infile\b/i),
      // In a statement: a file read on the server, or a client file outside
      // the project (system paths, home dot-files, `..`); `LOAD DATA LOCAL
      // INFILE 'exports/p.csv'` is an import.
      s(() =>
        /\bload\s{1,8}data\s{1,8}(?:(?:low_priority|concurrent)\s{1,8})?infile\b/i
      ),
      s(
        () =>
          /\bload\s{1,8}data\s{1,8}(?:(?:low_priority|concurrent)\s{1,8})?local\s{1,8}infile\s{1,8}['"](?:\/(?:etc|root|proc|sys|var|home\/[^/'"\n]{1,64}\/\.)|~|\\\\|[^'"\n]{0,200}\.\.[/\\])/i,
        { stage: "raw" },
      ),
      b(() => /\bbulk\s{1,8}insert\s{1,8}[\w.[\]]{1,64}\s{1,8}from\s{1,8}'/i),
      b(() => /\bopenrowset\s{0,8}\(\s{0,8}bulk\b/i),
      b(() => /\butl_file\s{0,4}\.\s{0,4}(?:fopen|get_line|put_line)\b/i),
      // A database file or COPY output written where a web server or a shell runs it.
      b(
        () =>
          /\battach\s{1,8}(?:database\s{1,8})?'[^'\n]{0,200}?(?:\.(?:php\d?|phtml|jspx?|aspx?|ashx|cgi|pl|py|sh)'|\/var\/www\/|\/srv\/www|htdocs|wwwroot|\.ssh\/)/i,
        { stage: "raw" },
      ),
      b(
        () =>
          /\bto\s{1,8}'[^'\n]{0,200}?(?:\.(?:php\d?|phtml|jspx?|aspx?|ashx|cgi|pl|py|sh)'|\/var\/www\/|\/srv\/www|htdocs|wwwroot|\.ssh\/|authorized_keys|\/etc\/cron)/i,
        { stage: "raw", needs: ["copy"] },
      ),
      // MySQL's query logs pointed at a file: every logged query writes into it (a web shell).
      b(() =>
        /\bset\s{1,8}(?:global\s{1,8}|@@global\s{0,4}\.\s{0,4})(?:general_log_file|slow_query_log_file)\b/i
      ),
      b(() => /\bbfilename\s{0,8}\(/i),
    ],
  ],
  [
    "command_exec",
    "OS command execution from SQL",
    "critical",
    "block",
    "xp_cmdshell, sp_OACreate, sys_exec, EXEC master.., sp_configure, load_extension, UDF libraries, ALTER SYSTEM SET archive_command or a preload library: runs operating-system commands or native code on the database server.",
    [
      "xp_",
      "sp_",
      "sys_exec",
      "sys_eval",
      "master",
      "dbms_java",
      "exec",
      "load_extension",
      "soname",
      "language",
      "alter system",
    ],
    [
      // A server setting that runs a shell command or loads a library
      // (archive_command, restore_command, shared_preload_libraries, ...).
      s(() =>
        /\balter\s{1,8}system\s{1,8}set\s{1,8}(?:archive_command|archive_library|restore_command|ssl_passphrase_command|shared_preload_libraries|local_preload_libraries|session_preload_libraries|dynamic_library_path)\b/i
      ),
      // Native code loaded into the server: SQLite load_extension, MySQL UDFs from a library.
      b(() => /\bload_extension\s{0,8}\(/i),
      b(() => /\bsoname\s{1,8}['"]/i),
      // A function in C from a library, or in an untrusted language that reaches the OS.
      b(() =>
        /\bcreate\s{1,8}(?:or\s{1,8}replace\s{1,8})?function\b[^;]{0,600}?\blanguage\s{1,8}['"]?(?:c|plpython3?u|plperlu|pltclu|plsh)\b/i
      ),
      // A second statement running a system procedure, or enabling a server option.
      s(() => /;\s{0,8}exec(?:ute)?\s{1,8}(?:sp_configure|xp_\w|master\b)/i),
      s(() => /\bsp_configure\b[^;]{0,120},\s{0,8}1\b/i),
      b(() =>
        /\bxp_(?:cmdshell|regread|regwrite|servicecontrol|availablemedia|terminate_process)\b/i
      ),
      b(() => /\bsp_oa(?:create|method)\b/i),
      b(() => /\bsys_(?:exec|eval)\s{0,8}\(/i),
      b(() =>
        /\bexec(?:ute)?\s{1,8}master\s{0,4}\.\s{0,4}(?:dbo)?\s{0,4}\.\s{0,4}\w/i
      ),
      b(() => /\bdbms_java\s{0,4}\.\s{0,4}runjava\b/i),
      b(() =>
        /\bsp_configure\s{0,8}['"]?(?:xp_cmdshell|ole\s{1,8}automation)/i
      ),
      f(() => /\bexec(?:ute)?\s{1,8}(?:xp|sp)_?\w{0,64}/i),
    ],
  ],
  [
    "out_of_band",
    "Out-of-band exfiltration",
    "critical",
    "block",
    "xp_dirtree/xp_fileexist to UNC paths, UTL_HTTP, UTL_INADDR, DBMS_LDAP, LOAD_FILE('\\\\host') or BACKUP TO DISK='\\\\host': sends data to an attacker's server over DNS/SMB/HTTP.",
    [
      "xp_",
      "utl_",
      "dbms_ldap",
      "httpuritype",
      "load_file",
      "disk",
      "openrowset",
      "opendatasource",
      "dbms_dns",
      "dblink",
    ],
    [
      b(() => /\bxp_(?:dirtree|fileexist|subdirs)\b/i),
      b(() => /\butl_(?:http|tcp|smtp)\s{0,4}\.\s{0,4}\w/i),
      b(() => /\butl_inaddr\s{0,4}\.\s{0,4}get_host_(?:address|name)\b/i),
      b(() => /\bdbms_ldap\s{0,4}\.\s{0,4}init\b/i),
      b(() => /\bhttpuritype\s{0,8}\(/i),
      b(
        () => /\bload_file\s{0,8}\(\s{0,8}(?:concat\s{0,8}\(\s{0,8})?['"]\\\\/i,
        {
          stage: "raw",
        },
      ),
      b(() => /\bto\s{1,8}disks?\s{0,8}=\s{0,8}['"]\\\\/i, { stage: "raw" }),
      b(() =>
        /\b(?:openrowset|opendatasource)\s{0,8}\(\s{0,8}['"](?:sqloledb|msdasql|sqlncli)/i
      ),
      // dblink to a host named in the call: the server connects out.
      b(
        () =>
          /\bdblink(?:_connect(?:_u)?|_exec|_send_query)?\s{0,8}\(\s{0,8}(?:'[^'\n]{0,64}'\s{0,8},\s{0,8})?'[^'\n]{0,300}?\bhost\s{0,4}=/i,
        { stage: "raw" },
      ),
    ],
  ],
  // ---- Destructive statements (database channels) -----------------------
  [
    "drop_database",
    "DROP DATABASE / SCHEMA",
    "critical",
    "block",
    "DROP DATABASE or DROP SCHEMA destroys every table in it; DROP OWNED BY destroys everything a role owns.",
    ["drop"],
    [
      s(() =>
        /\bdrop\s{1,8}(?:database|schema)\s{1,8}(?:if\s{1,8}exists\s{1,8})?[\w."`[]/i
      ),
      s(() => /\bdrop\s{1,8}owned\s{1,8}by\b/i),
      // mongosh: db.dropDatabase()
      f(() => /\bdb\s{0,4}\.\s{0,4}dropDatabase\s{0,4}\(\s{0,4}\)/i),
    ],
  ],
  [
    "drop_table",
    "DROP TABLE",
    "high",
    "block",
    "DROP TABLE destroys a table and its data; dropping only staging or scratch tables (staging_*, tmp_*, a staging schema, SQL Server #temp tables) is a load step and passes.",
    ["drop"],
    [
      s(() => /\bdrop\s{1,8}table\s{1,8}(?:if\s{1,8}exists\s{1,8})?[\w."`[]/i, {
        validate: "notScratch",
      }),
      // mongosh: db.orders.drop()
      f(() =>
        /\bdb\s{0,4}\.\s{0,4}\w{1,64}\s{0,4}\.\s{0,4}drop\s{0,4}\(\s{0,4}\)/i
      ),
    ],
  ],
  [
    "truncate",
    "TRUNCATE TABLE",
    "high",
    "block",
    "TRUNCATE empties a table at once, without a WHERE and usually without a way back; a TRUNCATE of staging or scratch tables only (staging_*, *_tmp, a staging schema) is a load step and passes.",
    ["truncate"],
    [
      s(() => /\btruncate\s{1,8}table\s{1,8}[\w."`[]/i, {
        validate: "notScratch",
      }),
      s(() => /(?:^|;)\s{0,8}truncate\s{1,8}[\w."`[]/im, {
        validate: "notScratch",
      }),
    ],
  ],
  [
    "delete_without_where",
    "DELETE without WHERE",
    "high",
    "warn",
    "DELETE with no WHERE clause removes every row of the table (a staging or scratch table emptied by a load step passes); so does a mongosh deleteMany({}) / remove({}) with a filter every document matches.",
    ["delete", "remove"],
    [
      f(() =>
        /\bdb\s{0,4}\.\s{0,4}\w{1,64}\s{0,4}\.\s{0,4}(?:deleteMany|remove)\s{0,4}\(\s{0,4}\{\s{0,4}\}\s{0,4}\)/i
      ),
      s(
        () =>
          /(?<!\b(?:on|after|before|of|grant|revoke|,)\s{0,8})\bdelete\s{1,8}(?:from\s{1,8})?(?!(?:on|cascade|restrict|set|no|to|from)\b)[\w."`[\]]{1,128}/i,
        {
          validate: "noWhereNotScratch",
        },
      ),
    ],
  ],
  [
    "update_without_where",
    "UPDATE without WHERE",
    "medium",
    "warn",
    "UPDATE ... SET with no WHERE clause rewrites every row of the table.",
    ["update"],
    [
      s(
        () =>
          /(?<!\b(?:on|after|before|of|for|do|key)\s{0,8})\bupdate\s{1,8}[\w."`[\]]{1,128}\s{1,8}set\s/i,
        {
          validate: "noWhere",
        },
      ),
    ],
  ],
  [
    "always_true_where",
    "DELETE/UPDATE with an always-true WHERE",
    "critical",
    "block",
    "DELETE or UPDATE whose WHERE is only a constant truth (WHERE 1=1, WHERE 'a'='a', WHERE true), or has a branch every row satisfies (OR id IS NOT NULL, name = 'bob' OR name IS NOT NULL, WHERE email LIKE '%', WHERE id IN (SELECT id FROM the same table)): looks narrow, changes every row.",
    ["where"],
    [
      s(
        () =>
          /\bwhere\s{1,8}\(?\s{0,8}(?:(\d{1,10})\s{0,8}=\s{0,8}\1(?!\d)|(['"])([^'"\n]{0,24})\2\s{0,8}=\s{0,8}\2\3\2|true|not\s{1,8}false|1|([a-z_]\w{0,29})\s{0,8}=\s{0,8}\4\b|\d{1,10}\s{0,8}(?:>=?|<=?|<>|!=)\s{0,8}\d{1,10}|'[^'\n]{0,24}'\s{0,8}(?:<>|!=)\s{0,8}'[^'\n]{0,24}')\s{0,8}\)?\s{0,8}(?:;|--|#|$|or\b|returning\b|limit\b|order\b)/i,
        { validate: "dmlStatement" },
      ),
      // WHERE col LIKE '%': every row with a value.
      s(
        () =>
          /\bwhere\s{1,8}[\w."`]{1,64}\s{1,8}i?like\s{1,8}'%{1,8}'\s{0,8}(?:;|--|#|$|or\b|returning\b|limit\b)/i,
        { validate: "dmlStatement", stage: "raw" },
      ),
    ],
  ],
  [
    "alter_drop",
    "ALTER TABLE ... DROP",
    "high",
    "warn",
    "ALTER TABLE ... DROP COLUMN/CONSTRAINT/PARTITION loses data or integrity guarantees; dropping an index or key (MySQL's DROP INDEX / DROP KEY) loses neither, like DROP INDEX, and passes.",
    ["alter"],
    [
      s(() =>
        /\balter\s{1,8}table\s{1,8}(?:if\s{1,8}exists\s{1,8})?[\w."`[\]]{1,128}\s{1,8}drop\s{1,8}(?:column\s|constraint\s|partition\s|primary\s|foreign\s|(?!(?:index|key)\b)[\w"`[])/i
      ),
    ],
  ],
  [
    "stored_payload",
    "Second-order payload in a stored value",
    "high",
    "block",
    "An INSERT or UPDATE storing, in an identity column (username, login, email, display or person name), a short value that closes its own quote and goes on as SQL ('admin''--', 'x'' OR ''1''=''1', 'bob''; DROP TABLE pets;--'): harmless now, it breaks the query that later builds SQL from the value. Names with an apostrophe ('O''Brien'), the same text in a free-text column (a log, a ticket) and prose quoting a payload pass. Detected by detect/sqli_stored.ts.",
    ["''"],
    [],
  ],
  [
    "audit_disable",
    "Audit or trigger bypass",
    "high",
    "block",
    "A statement that switches off what records or checks changes: session_replication_role = replica (every trigger and foreign key check skipped), DISABLE TRIGGER ALL/USER, dropping or disabling an audit or history trigger, sql_log_bin = 0, turning off the general or audit log, log_statement or pgaudit.log = none, NOAUDIT, a server audit set to STATE = OFF, an UPDATE rewriting audit records. Disabling one named trigger for a backfill, or setting replication_role back to DEFAULT, passes.",
    [
      "replication_role",
      "trigger",
      "sql_log_bin",
      "general_log",
      "log_statement",
      "pgaudit",
      "audit",
      "logging_collector",
      "log_output",
    ],
    [
      s(() =>
        /\bsession_replication_role\s{0,8}(?:=|to)\s{0,8}['"]?replica\b/i
      ),
      s(() => /\bdisable\s{1,8}trigger\s{1,8}(?:all|user)\b/i),
      s(() =>
        /\b(?:disable|drop)\s{1,8}(?:event\s{1,8})?trigger\s{1,8}(?:if\s{1,8}exists\s{1,8})?[\w."`[\]]{0,40}(?:audit|history|journal|changelog)/i
      ),
      s(() =>
        /\balter\s{1,8}event\s{1,8}trigger\s{1,8}[\w"]{1,64}\s{1,8}disable\b/i
      ),
      s(() => /\bsql_log_bin\s{0,8}(?:=|to)\s{0,8}['"]?(?:0|off|false)\b/i),
      s(() =>
        /\b(?:general_log|server_audit_logging|audit_log_\w{1,20}|logging_collector)\s{0,8}(?:=|to)\s{0,8}['"]?(?:0|off|false)\b/i
      ),
      s(() => /\blog_output\s{0,8}(?:=|to)\s{0,8}['"]?none\b/i),
      s(() =>
        /\b(?:log_statement|pgaudit\.log|audit_trail)\s{0,8}(?:=|to)\s{0,8}['"]?none\b/i
      ),
      s(() => /\bnoaudit\s{1,8}(?:all|session|policy)\b/i),
      // Rewriting an audit record (they are only ever appended, and pruned by age).
      s(() =>
        /(?<!\b(?:on|after|before|of|for)\s{0,8})\bupdate\s{1,8}[\w."`[\]]{0,40}audit\w{0,40}["`\]]?\s{1,8}set\b/i
      ),
      s(() =>
        /\balter\s{1,8}(?:server|database)\s{1,8}audit\b[^;]{0,200}?\bstate\s{0,4}=\s{0,4}off\b/i
      ),
    ],
  ],
  // ---- NoSQL, LIKE, polyglots -------------------------------------------
  [
    "nosql_operator",
    "NoSQL operator injection",
    "high",
    "block",
    "MongoDB query operators ($ne, $gt, $regex, $where...) inside a value or query string: turns an equality check into 'anything matches'.",
    ["$"],
    [
      f(() =>
        /[{,]\s{0,8}["']?\$(?:ne|gt|gte|lt|lte|nin|in|regex|where|exists|expr|or|and|not|nor|elemmatch|comment)["']?\s{0,8}:/i
      ),
      f(() =>
        /\[\s{0,8}\$(?:ne|gt|gte|lt|lte|nin|in|regex|where|exists)\s{0,8}\]\s{0,8}=/i
      ),
      f(() => /(?:^|[\s,'"])\$where\s{0,8}:\s{0,8}['"]/im),
    ],
  ],
  [
    "nosql_javascript",
    "NoSQL JavaScript injection",
    "high",
    "block",
    "JavaScript in a value aimed at server-side evaluation ($where, this.password.match, this.pin.match(/^1/), '||1==1, ';sleep(5000);, '; return true;): bypasses checks or stalls the database.",
    ["this.", "==", "db.", "sleep", "return"],
    [
      // A secret field matched against a pattern (`this.pin.match(/^1/)`): probed a prefix at a time.
      f(() =>
        /\bthis\s{0,4}\.\s{0,4}(?:pass\w{0,20}|pwd|pin\w{0,10}|\w{0,20}token|secret\w{0,20}|hash)\s{0,4}\.\s{0,4}match\s{0,4}\(/i
      ),
      // A quote closing a JavaScript string, then a return that ends the
      // check, then the string reopened or the rest cut off: '; return true; var x='.
      // (Code that returns after a string, `q = 'abc'; return true; }`, goes on.)
      f(() =>
        /['"]\s{0,8};\s{0,8}return\s{1,8}(?:true|1|!0)\s{0,8};?\s{0,8}(?:(?:var|let|const)\s{1,8}\w{1,32}\s{0,8}=\s{0,8}['"]|\/\/|$)/i
      ),
      f(() => /['"]\s{0,8}(?:&&|\|\|)\s{0,8}this\s{0,8}\.\s{0,8}\w{1,64}/i),
      f(() =>
        /\bthis\s{0,4}\.\s{0,4}\w{1,64}\s{0,4}\.\s{0,4}match\s{0,4}\(\s{0,4}\/\.\*\//i
      ),
      f(() => /\|\|\s{0,8}(\d{1,10})\s{0,8}==\s{0,8}\1(?!\d)/i),
      f(() => /['"]\s{0,8};\s{0,8}sleep\s{0,8}\(\s{0,8}\d/i),
      // A shell call smuggled after a string or statement breakout
      // (`'; db.users.drop({`); a query that is itself a mongosh call
      // (`db.users.find({"email": …})`) is the statement, not an injection.
      f(() =>
        /(?:['"]\s{0,8}[;)+]|;)\s{0,8}db\s{0,4}\.\s{0,4}\w{1,64}\s{0,4}\.\s{0,4}(?:insert|remove|drop|update|mapreduce|deletemany|find)\w{0,16}\s{0,4}\(\s{0,4}\{/i
      ),
    ],
  ],
  [
    "like_wildcard",
    "LIKE wildcard abuse",
    "medium",
    "block",
    "A quote breakout followed by OR col LIKE '%' (or LIKE CHAR(37)): matches every row, the LIKE form of a tautology.",
    ["like"],
    [
      f(() =>
        /['"][\s)]{0,8}(?:or|and)\s{1,8}[\w.]{1,40}\s{1,8}like\s{1,8}(?:['"]%|n?char\s{0,8}\(\s{0,8}37\s{0,8}\))/i
      ),
      b(() => /\blike\s{1,8}n?char\s{0,8}\(\s{0,8}37\s{0,8}\)/i),
      // The literal is short and all symbols, so it is read unmasked.
      s(() => /\bor\s{1,8}[\w.]{1,40}\s{1,8}i?like\s{1,8}'%{1,8}'/i, {
        stage: "raw",
      }),
      f(() => /(?:^|\s)like\s{1,8}'%{1,8}'\s{0,8}(?:--|#|$)/im),
    ],
  ],
  [
    "nested_keyword",
    "Keyword nested inside itself",
    "high",
    "block",
    "A SQL keyword written inside a copy of itself (UNIunionON, SELselectECT, OorR): what is left when a filter strips the keyword once is the keyword, the evasion of a filter that deletes SQL words instead of rejecting them.",
    // The bare keywords (already looked up for other policies): listing
    // every nested spelling would make each text's keyword lookup longer.
    NESTABLE,
    [b(() =>
      new RegExp(String.raw`\b(?:${NESTED_KEYWORDS.join("|")})\b`, "i")
    )],
  ],
  [
    "concat_breakout",
    "String breakout with a concatenated call",
    "high",
    "block",
    "A value that closes a string and splices a function call or a subquery into it with the SQL concatenation operator ('||func(...)||', '||(SELECT ...)||'): runs an arbitrary function or reads another table inside the query.",
    ["||"],
    [
      f(() =>
        /['"]\s{0,8}\|\|\s{0,8}\(?\s{0,8}[a-z_][\w.$]{0,64}\s{0,8}\([^)]{0,200}\)\)?\s{0,8}\|\|\s{0,8}['"]/i
      ),
      // A subquery spliced into a string: '||(SELECT card_pan FROM cards)||'.
      f(() => /['"]\s{0,8}\|\|\s{0,8}\(\s{0,8}select\b/i),
    ],
  ],
  [
    "polyglot",
    "Polyglot payload",
    "high",
    "block",
    "A payload built to work inside single quotes, double quotes and no quotes at once (SLEEP(1) /*' or SLEEP(1) or '\" ...): a scanner's probe.",
    ["/*", "'", '"'],
    [
      b(() => /\/\*['"]\s{0,8}(?:or|and|\|\||&&)\b/i, { stage: "decoded" }),
      f(() => /'\s{0,8}or\s{1,8}[^'"\n]{1,40}"\s{0,8}or\b/i),
      f(() => /"\s{0,8}or\s{1,8}[^'"\n]{1,40}'\s{0,8}or\b/i),
    ],
  ],
];

/** Every SQL-injection and destructive-statement policy with its patterns. */
export const SQLI_POLICIES: readonly SqlPolicy[] = ROWS.map((r) => ({
  id: `sys_sqli_${r[0]}`,
  name: r[1],
  category: "sqli" as const,
  severity: r[2],
  action: r[3],
  description: r[4],
  appliesTo: "input" as const,
  type: `sqli_${r[0]}`,
  keywords: r[5],
  patterns: r[6],
}));

/** The policy each structural check of `detect/sqli_struct.ts`, `detect/sqli_probe.ts` and `detect/sqli_stored.ts` reports under. */
export const STRUCTURAL_POLICY: Readonly<
  Record<
    | "or_constant"
    | "dml_constant_where"
    | "chained_comparison"
    | "and_constant"
    | "uncorrelated_subquery"
    | "dml_all_rows"
    | "column_tautology"
    | "star_union"
    | "account_union"
    | "branch_constant"
    | "count_union"
    | "symbol_logic"
    | "string_arithmetic"
    | "zero_division"
    | "stacked_admin"
    | "piggyback_read"
    | "login_bypass"
    | "secret_char"
    | "stored_payload",
    string
  >
> = {
  or_constant: "sys_sqli_constant_condition",
  chained_comparison: "sys_sqli_constant_condition",
  dml_constant_where: "sys_sqli_always_true_where",
  and_constant: "sys_sqli_constant_probe",
  uncorrelated_subquery: "sys_sqli_constant_probe",
  dml_all_rows: "sys_sqli_always_true_where",
  column_tautology: "sys_sqli_tautology_identifier",
  star_union: "sys_sqli_union_select",
  account_union: "sys_sqli_union_select",
  branch_constant: "sys_sqli_constant_probe",
  count_union: "sys_sqli_union_select",
  symbol_logic: "sys_sqli_constant_condition",
  string_arithmetic: "sys_sqli_constant_condition",
  zero_division: "sys_sqli_constant_probe",
  stacked_admin: "sys_sqli_stacked_query",
  piggyback_read: "sys_sqli_credential_probe",
  login_bypass: "sys_sqli_tautology_identifier",
  secret_char: "sys_sqli_credential_probe",
  stored_payload: "sys_sqli_stored_payload",
};
