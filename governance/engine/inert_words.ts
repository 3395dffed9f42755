/**
 * Words and operands of plain shell text, for the shortcut that decides
 * routine commands without the shell analysis (`inert.ts`,
 * `inert_routine.ts`): the quote-aware split into words, `&&` lists and
 * pipelines, the test of a file operand that is safe to name, and the test
 * of a working folder that is a project.
 *
 * @module
 */

/** Characters a word may hold outside quotes (no shell meaning at all). */
export const PLAIN = /^[A-Za-z0-9 ._/:=,@%+-]*$/;

/** Code units of {@link PLAIN}'s class, for a per-character check without a regex call. */
const PLAIN_CODES = (() => {
  const t = new Uint8Array(128);
  for (const c of "._/:=,@%+-") t[c.charCodeAt(0)] = 1;
  for (let c = 48; c <= 57; c++) t[c] = 1;
  for (let c = 65; c <= 90; c++) t[c] = t[c + 32] = 1;
  return t;
})();

/** Whether code unit `c` is one {@link PLAIN} allows outside quotes (the space separates words before this is asked). */
function plainChar(c: number): boolean {
  return c < 128 && PLAIN_CODES[c] === 1;
}

/** Characters a quoted word may hold: the plain ones and a few more that are literal inside quotes. */
const QUOTED = /^[A-Za-z0-9 ._/:=,@%+#^&|()<>;*?[\]{}~-]*$/;

/** Names of credential and secret stores, and of the guard's and agents' own files. */
export const SECRET_NAME =
  /(^|[/_.:=@-])(id_[a-z0-9]+|[a-z0-9_-]*key[s]?|credentials?|secrets?|tokens?|passw(or)?d|shadow|netrc|pgpass|kubeconfig|auth|cookies?|vault|keychain|keyring|private|wallet|htpasswd|npmrc|pypirc|axonflow|codex|claude)([/_.:=@-]|$)|\.(pem|key|p12|pfx|jks|kdbx|gpg|asc|der|crt|ppk|env)$/i;

/** The words of `command` with their quotes removed; null when any word is not plain text. */
export function plainWords(command: string): string[] | null {
  const words: string[] = [];
  let i = 0;
  const n = command.length;
  while (i < n) {
    while (i < n && command[i] === " ") i++;
    if (i >= n) break;
    let word = "";
    while (i < n && command[i] !== " ") {
      const c = command[i];
      if (c === "'" || c === '"') {
        const end = command.indexOf(c, i + 1);
        if (end < 0) return null;
        const inner = command.slice(i + 1, end);
        // The other quote is literal inside these: a `bash -lc` script's words are split again.
        if (!QUOTED.test(inner.replaceAll(c === "'" ? '"' : "'", ""))) {
          return null;
        }
        word += inner;
        i = end + 1;
      } else {
        if (!plainChar(command.charCodeAt(i))) return null;
        word += c;
        i++;
      }
    }
    // A quoted word holding shell characters is text: plainFile refuses it as a file.
    words.push(word);
  }
  return words;
}

/** Whether an operand names a file that is safe to read without judging it further. */
export function plainFile(word: string): boolean {
  if (word.startsWith("/") || word === "") return false;
  if (!PLAIN.test(word) || word.includes(" ")) return false;
  for (const seg of word.split("/")) {
    if (seg === "..") return false;
    if (seg.startsWith(".") && seg !== ".") return false;
  }
  return !SECRET_NAME.test(word);
}

/** The command split at unquoted `|` (a pipeline); null when a part is empty or `||` is used. */
export function pipeParts(command: string): string[] | null {
  const parts: string[] = [];
  let quote = "";
  let start = 0;
  for (let i = 0; i < command.length; i++) {
    const c = command[i];
    if (quote) {
      if (c === quote) quote = "";
    } else if (c === "'" || c === '"') {
      quote = c;
    } else if (c === "|") {
      if (command[i + 1] === "|") return null;
      parts.push(command.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(command.slice(start));
  return parts.some((p) => p.trim() === "") ? null : parts;
}

/** The command split at unquoted `&&` (a list); null when a part is empty. A lone `&` stays in its part, where {@link plainWords} refuses it. */
export function andParts(command: string): string[] | null {
  const parts: string[] = [];
  let quote = "";
  let start = 0;
  for (let i = 0; i < command.length; i++) {
    const c = command[i];
    if (quote) {
      if (c === quote) quote = "";
    } else if (c === "'" || c === '"') {
      quote = c;
    } else if (c === "&" && command[i + 1] === "&") {
      parts.push(command.slice(start, i));
      start = i + 2;
      i++;
    }
  }
  parts.push(command.slice(start));
  return parts.some((p) => p.trim() === "") ? null : parts;
}

/** Folders whose files are system, account or credential stores. */
const SYSTEM_DIR =
  /^\/(etc|proc|sys|dev|boot|root|var|run|usr|bin|sbin|lib|lib32|lib64|opt|srv|mnt|media|snap)(\/|$)/;

/** The folder and home {@link plainCwd} last answered for, and its answer (a session asks for one folder call after call). */
let lastCwd: { cwd: string; home: string; plain: boolean } | undefined;

/** Whether `cwd` is a project folder: absolute, not a home or one above it, not a dot, secret or system folder. */
export function plainCwd(cwd: string, home: string): boolean {
  const last = lastCwd;
  if (last !== undefined && last.cwd === cwd && last.home === home) {
    return last.plain;
  }
  const plain = projectCwd(cwd, home);
  lastCwd = { cwd, home, plain };
  return plain;
}

function projectCwd(cwd: string, home: string): boolean {
  const c = cwd.replace(/\/+$/, "");
  const h = home.replace(/\/+$/, "");
  if (!c.startsWith("/") || SYSTEM_DIR.test(c)) return false;
  if (c === h || h.startsWith(c + "/")) return false;
  if (c.split("/").slice(1).some((s) => s === "" || s.startsWith("."))) {
    return false;
  }
  return !SECRET_NAME.test(c);
}
