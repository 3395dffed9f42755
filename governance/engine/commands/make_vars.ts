/**
 * make's view of a recipe line as the shell line it runs.
 *
 * @module
 */

/**
 * The shell line a make recipe line runs: `$(HOME)` and `${HOME}` are make
 * reading the environment, `$(shell …)` a substitution, and `$$` one `$`
 * (`rm -rf $$HOME` removes the home).
 */
export function makeLineToShell(line: string): string {
  return line.replace(/\$\(shell\s/g, "$(")
    .replace(/\$[({]([A-Za-z_][A-Za-z0-9_]{0,63})[)}]/g, "$$$1")
    .replace(/\$\$/g, "$");
}
