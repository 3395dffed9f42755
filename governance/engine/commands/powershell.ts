/**
 * PowerShell file cmdlets read as the shell commands they amount to, so the
 * shell judges (home deletion, credential reads, guard files) apply to
 * `pwsh -c 'Remove-Item -Recurse -Force $env:HOME'` as to `rm -rf ~`.
 * Only the cmdlets that delete, read, copy or move files are translated;
 * every other statement is left out.
 *
 * @module
 */

/** Cmdlets and their aliases, by the shell program they amount to. */
const CMDLETS: ReadonlyMap<string, string> = new Map([
  ...["remove-item", "ri", "rm", "del", "erase", "rmdir", "rd"].map((
    n,
  ): [string, string] => [n, "rm"]),
  ...["get-content", "gc", "cat", "type"].map((n): [string, string] => [
    n,
    "cat",
  ]),
  ...["copy-item", "cpi", "cp", "copy"].map((n): [string, string] => [
    n,
    "cp",
  ]),
  ...["move-item", "mi", "mv", "move"].map((n): [string, string] => [
    n,
    "mv",
  ]),
]);

/** The home folder as PowerShell names it. */
const HOME_VAR =
  /\$(?:env:(?:HOME|USERPROFILE)|HOME)\b|\$\{env:(?:HOME|USERPROFILE)\}/gi;

/** Parameters that take a value which is not a path (skipped with it). */
const VALUE_PARAM =
  /^-(?:filter|include|exclude|encoding|totalcount|tail|head|first|delimiter|stream|credential|readcount)$/i;

function unquote(w: string): string {
  return /^(["']).*\1$/s.test(w) && w.length >= 2 ? w.slice(1, -1) : w;
}

function shellWord(w: string): string {
  return /^[\w@%+=:,./~-]{1,4096}$/.test(w)
    ? w
    : "'" + w.replace(/'/g, "'\\''") + "'";
}

/** One statement as a shell command, or null when it is no file cmdlet. */
function statement(words: readonly string[]): string | null {
  const prog = CMDLETS.get((words[0] ?? "").toLowerCase());
  if (!prog) return null;
  const flags: string[] = [];
  const paths: string[] = [];
  for (let i = 1; i < words.length; i++) {
    const w = words[i];
    if (w.startsWith("-")) {
      const l = w.toLowerCase();
      if (/^-r(?:ecurse|ec?)?$/.test(l)) flags.push("-r");
      else if (/^-(?:fo(?:rce)?|f)$/.test(l)) flags.push("-f");
      else if (VALUE_PARAM.test(l)) i++;
      // -Path, -LiteralPath, -Destination: their value follows as a word.
      continue;
    }
    paths.push(unquote(w).replace(/\\/g, "/"));
  }
  if (paths.length === 0) return null;
  return [prog, ...flags, ...paths].map(shellWord).join(" ");
}

/**
 * The shell text PowerShell source amounts to for its file cmdlets, one
 * command a line (`Remove-Item -Recurse -Force ~` → `rm -r -f ~`); empty
 * when there is none. Splits on `;`, `|` and line ends outside quotes.
 */
export function powershellAsShell(src: string): string {
  if (src.length > 65_536) src = src.slice(0, 65_536);
  const text = src.replace(HOME_VAR, "~");
  const out: string[] = [];
  let words: string[] = [];
  let word = "";
  let quote = "";
  const endWord = () => {
    if (word) words.push(word);
    word = "";
  };
  const endStatement = () => {
    endWord();
    const s = words.length > 0 ? statement(words) : null;
    if (s && out.length < 64) out.push(s);
    words = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      word += c;
      if (c === quote) quote = "";
    } else if (c === "'" || c === '"') {
      quote = c;
      word += c;
    } else if (c === ";" || c === "|" || c === "\n" || c === "{" || c === "}") {
      endStatement();
    } else if (c === " " || c === "\t" || c === "(" || c === ")") {
      endWord();
    } else word += c;
  }
  endStatement();
  return out.join("\n");
}
