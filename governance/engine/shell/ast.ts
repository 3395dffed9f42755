/**
 * The syntax tree the shell parser produces: scripts of and/or lists of
 * pipelines of commands, whose words keep their quoting and expansions so
 * analysis can tell data from code and known paths from unknown ones.
 *
 * @module
 */

/** Literal text; `quoted` when it came from quotes or a backslash escape (so globs in it are not globs). */
export interface LitPart {
  kind: "lit";
  text: string;
  quoted: boolean;
}

/** `$NAME`, `${NAME}`, `${NAME:-word}`...; `op`/`arg` hold the operator and its raw argument. */
export interface VarPart {
  kind: "var";
  name: string;
  quoted: boolean;
  op?: string;
  arg?: string;
}

/** `~` or `~user` at the start of a word. */
export interface TildePart {
  kind: "tilde";
  user: string;
}

/** Command substitution `$(…)` / backticks, or process substitution `<(…)` / `>(…)`. */
export interface SubPart {
  kind: "sub";
  script: Script;
  quoted: boolean;
  /** `$` for `$(…)` and backticks, `<` or `>` for process substitution. */
  form: "$" | "<" | ">";
}

/** Arithmetic expansion `$((…))`: its value is unknown to us. */
export interface ArithPart {
  kind: "arith";
  raw: string;
}

/** One piece of a word. */
export type Part = LitPart | VarPart | TildePart | SubPart | ArithPart;

/** A shell word: its pieces and the raw source text. */
export interface Word {
  parts: Part[];
  raw: string;
}

/** A here-document body. */
export interface Heredoc {
  body: string;
  /** The delimiter was quoted: no expansion happens in the body. */
  quoted: boolean;
  /** Command substitutions found in an unquoted body (they run). */
  subs: Script[];
}

/** A redirection such as `> f`, `2>&1`, `<<EOF`, `<<< word`. */
export interface Redirect {
  op: string;
  fd: number | null;
  target: Word;
  heredoc?: Heredoc;
}

/** `NAME=value` before a command (or alone). */
export interface Assign {
  name: string;
  value: Word;
  /** `NAME+=value`: appended to the variable (or array) instead of replacing it. */
  append?: true;
}

/** A simple command: assignments, words (argv before expansion), redirections. */
export interface SimpleCommand {
  kind: "simple";
  assigns: Assign[];
  words: Word[];
  redirects: Redirect[];
}

/** `( … )`: runs in a subshell (cd inside does not leak out). */
export interface Subshell {
  kind: "subshell";
  body: Script;
  redirects: Redirect[];
}

/** `{ …; }`: runs in the current shell. */
export interface Group {
  kind: "group";
  body: Script;
  redirects: Redirect[];
}

/** `name() body` or `function name body`. */
export interface FuncDef {
  kind: "func";
  name: string;
  body: Command;
}

/** Any command. */
export type Command = SimpleCommand | Subshell | Group | FuncDef;

/** Commands joined by `|` (or `|&`). */
export interface Pipeline {
  commands: Command[];
}

/** A pipeline and the operator that follows it. */
export interface ListItem {
  pipeline: Pipeline;
  op: ";" | "&&" | "||" | "&" | "";
}

/** A list of pipelines: a whole command line or a nested body. */
export interface Script {
  items: ListItem[];
  /** Source text skipped because it nests deeper than the parser goes (judged as flat text). */
  opaque?: string;
}
