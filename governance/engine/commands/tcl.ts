/**
 * Tcl (tclsh, wish, expect scripts) read as the shell commands it amounts
 * to: `file delete -force X` is `rm -rf X`, `exec prog args` and expect's
 * `spawn prog args` run prog,
 * `open "|prog args"` runs a pipe; `[file normalize X]`, `[file join A B]`,
 * `$env(HOME)` and `[file home]` are folded first. Every other statement is
 * left out. Linear: one pass over at most 2,000 lines.
 *
 * @module
 */

/** `foreach f [glob … PATTERN] { … $f … }`: the loop variable stands for each entry the glob lists. */
const FOREACH_GLOB =
  /\bforeach\s{1,4}(\w{1,32})\s{1,4}\[\s{0,4}glob\s{1,4}(?:-\w{1,16}\s{1,4}){0,4}([^\s\][]{1,1024})\s{0,4}\]/g;

/** The home folder and path helpers, folded to plain words. */
function fold(src: string): string {
  let s = src;
  let n = 0;
  for (const m of src.matchAll(FOREACH_GLOB)) {
    if (n++ >= 4) break;
    s = s.replace(new RegExp(String.raw`\$\{?${m[1]}\b\}?`, "g"), m[2]);
  }
  return s
    .replace(/\$(?:::)?env\(HOME\)|\[\s{0,4}file\s{1,4}home\s{0,4}\]/g, "~")
    .replace(/"~"/g, "~")
    .replace(
      /\[\s{0,4}file\s{1,4}(?:normalize|nativename)\s{1,4}([^\s\][]{1,1024})\s{0,4}\]/g,
      "$1",
    )
    .replace(
      /\[\s{0,4}file\s{1,4}join\s{1,4}([^\s\][]{1,1024})\s{1,4}([^\s\][]{1,1024})\s{0,4}\]/g,
      "$1/$2",
    );
}

/** Tcl braces quote literally, as shell single quotes do. */
function shellWords(s: string): string {
  return s.replace(
    /\{([^{}\n]{0,4096})\}/g,
    (_m, body: string) => "'" + body.replace(/'/g, "'\\''") + "'",
  ).replace(/\s(?:\d?>@|<@)\s{0,4}\S{1,64}/g, "");
}

/** The shell text the Tcl statements that delete or run programs amount to, or null. */
export function tclAsShell(code: string): string | null {
  const out: string[] = [];
  const lines = fold(code).split(/[\n;]/).slice(0, 2000);
  for (const raw of lines) {
    const line = raw.trim().replace(/^\[|\]$/g, "").trim();
    let m: RegExpExecArray | null;
    if (
      (m = /(?:^|[\s{[])file\s{1,4}delete\s{1,4}([^}\]\n]{1,4096})/.exec(line))
    ) {
      const rest = m[1].trim().replace(/(^|\s)--(?=\s)/, " ");
      const force = /(^|\s)-force(\s|$)/.test(rest);
      out.push(
        `rm ${force ? "-rf" : "-f"} ${
          shellWords(rest.replace(/(^|\s)-force(?=\s|$)/, " ").trim())
        }`,
      );
    } else if (
      (m =
        /(?:^|\[|\s)(?:exec|spawn)\s{1,4}(?:-ignorestderr\s{1,4}|-keepnewline\s{1,4}|--\s{1,4}){0,3}([^\]]{1,4096})/
          .exec(line))
    ) {
      out.push(shellWords(m[1].replace(/\s&\s{0,4}$/, "")));
    } else if ((m = /\bopen\s{1,4}["{]\|([^"}]{1,4096})["}]/.exec(line))) {
      out.push(shellWords(m[1]));
    }
  }
  return out.length ? out.join("\n") : null;
}
