/**
 * Expressions that evaluate to the home folder in each language an agent
 * runs one-liners in (`os.path.expanduser("~")`, `os.homedir()`, `Dir.home`,
 * `$ENV{HOME}`, `Deno.env.get("HOME")`…): a leaf module, so both the code
 * analysis and the substitution evaluator can use it.
 *
 * @module
 */

/** Expressions that evaluate to the home folder, in any of the languages. */
export const HOME_EXPR = new RegExp(
  [
    // python
    String
      .raw`(?:\b[A-Za-z_][\w.]{0,32}\.)?expanduser\(\s{0,4}\\?["']~\/?\\?["']\s{0,4}\)`,
    String.raw`(?:pathlib\.)?Path\.home\(\s{0,4}\)`,
    String
      .raw`(?:pathlib\.)?Path\(\s{0,4}\\?["']~\\?["']\s{0,4}\)\.expanduser\(\s{0,4}\)`,
    String.raw`os\.environ\s{0,4}\[\s{0,4}\\?["']HOME\\?["']\s{0,4}\]`,
    String.raw`os\.environ\.get\(\s{0,4}\\?["']HOME\\?["']\s{0,4}\)`,
    String.raw`os\.getenv\(\s{0,4}\\?["']HOME\\?["']\s{0,4}\)`,
    // node, deno, bun
    String
      .raw`(?:require\(\s{0,4}\\?["'](?:node:)?os\\?["']\s{0,4}\)|\bos)\.homedir\(\s{0,4}\)`,
    String.raw`\bhomedir\(\s{0,4}\)`,
    String.raw`process\.env\.HOME\b`,
    String.raw`process\.env\s{0,4}\[\s{0,4}\\?["']HOME\\?["']\s{0,4}\]`,
    String.raw`Deno\.env\.get\(\s{0,4}\\?["']HOME\\?["']\s{0,4}\)!?`,
    String.raw`Deno\.homeDir\(\s{0,4}\)!?`,
    String.raw`Bun\.env\.HOME\b`,
    // ruby
    String.raw`Dir\.home(?:\(\s{0,4}\))?`,
    String.raw`ENV\s{0,4}\[\s{0,4}\\?["']HOME\\?["']\s{0,4}\]`,
    String.raw`ENV\.fetch\(\s{0,4}\\?["']HOME\\?["']\s{0,4}\)`,
    String.raw`File\.expand_path\(\s{0,4}\\?["']~\\?["']\s{0,4}\)`,
    // perl
    String.raw`\$ENV\{\s{0,4}\\?["']?HOME\\?["']?\s{0,4}\}`,
    String.raw`\bglob\(\s{0,4}\\?["']~\\?["']\s{0,4}\)`,
    String.raw`File::HomeDir->my_home`,
    // php
    String.raw`getenv\(\s{0,4}\\?["']HOME\\?["']\s{0,4}\)`,
    String.raw`\$_(?:SERVER|ENV)\s{0,4}\[\s{0,4}\\?["']HOME\\?["']\s{0,4}\]`,
    // lua, R, awk, tcl
    String.raw`os\.getenv\(\s{0,4}\\?["']HOME\\?["']\s{0,4}\)`,
    String.raw`Sys\.getenv\(\s{0,4}\\?["']HOME\\?["']\s{0,4}\)`,
    String.raw`path\.expand\(\s{0,4}\\?["']~\\?["']\s{0,4}\)`,
    String.raw`ENVIRON\s{0,4}\[\s{0,4}\\?["']HOME\\?["']\s{0,4}\]`,
    String.raw`\$(?:::)?env\(HOME\)`,
    // go, java, elixir, vim, erlang
    String.raw`os\.Getenv\(\s{0,4}\\?["']HOME\\?["']\s{0,4}\)`,
    String.raw`os\.UserHomeDir\(\s{0,4}\)`,
    String.raw`System\.getProperty\(\s{0,4}\\?["']user\.home\\?["']\s{0,4}\)`,
    String.raw`System\.getenv\(\s{0,4}\\?["']HOME\\?["']\s{0,4}\)`,
    String.raw`System\.user_home!?(?:\(\s{0,4}\))?`,
    String.raw`\bexpand\(\s{0,4}\\?["']~\\?["']\s{0,4}\)`,
    String.raw`os:getenv\(\s{0,4}\\?["']HOME\\?["']\s{0,4}\)`,
    // rust (build.rs, cargo script): env::var("HOME").unwrap(), dirs::home_dir()
    String
      .raw`(?:std::)?env::var(?:_os)?\(\s{0,4}\\?["']HOME\\?["']\s{0,4}\)(?:\.unwrap\(\s{0,4}\)|\?)?`,
    String
      .raw`(?:std::env|env|dirs|home)::home_dir\(\s{0,4}\)(?:\.unwrap\(\s{0,4}\)|\?)?`,
  ].join("|"),
  "g",
);
