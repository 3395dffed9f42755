/**
 * Knowledge about interpreters: which programs run code, where their code
 * comes from (`-c` string, stdin, a file), and which programs fetch or
 * decode data.
 *
 * @module
 */

import type { Arg, Unit } from "./unit.ts";

/** Shells. */
export const SHELLS = new Set([
  "sh",
  "bash",
  "zsh",
  "dash",
  "ksh",
  "ash",
  "mksh",
  "fish",
  "csh",
  "tcsh",
  "yash",
  "posh",
  "rbash",
  "busybox",
]);

/** Programs that download. */
export const FETCHERS = new Set([
  "curl",
  "wget",
  "fetch",
  "http",
  "https",
  "xh",
  "xhs",
  "aria2c",
  "lwp-request",
  "lwp-download",
  "get",
  "iwr",
  "irm",
  "invoke-webrequest",
  "invoke-restmethod",
  "wget2",
  "curlie",
]);

/** Language of an interpreter name, or null. */
export function languageOf(name: string): string | null {
  if (SHELLS.has(name)) return "shell";
  if (/^(python|pypy)[0-9.]{0,6}$/.test(name)) return "python";
  if (
    name === "node" || name === "nodejs" || name === "bun" || name === "deno"
  ) return "node";
  if (/^perl[0-9.]{0,6}$/.test(name)) return "perl";
  if (/^ruby[0-9.]{0,6}$/.test(name) || name === "irb") return "ruby";
  if (/^php[0-9.]{0,6}$/.test(name)) return "php";
  if (
    name === "pwsh" || name === "powershell" || name === "iex" ||
    name === "invoke-expression"
  ) return "powershell";
  if (/^lua[0-9.]{0,6}$/.test(name) || name === "luajit") return "lua";
  if (name === "osascript") return "applescript";
  if (name === "rscript") return "r";
  if (name === "tclsh" || name === "wish") return "tcl";
  if (/^(awk|gawk|mawk|nawk|busybox-awk)$/.test(name)) return "awk";
  return null;
}

/** Options of each language that take the inline code. */
const CODE_OPTS: Readonly<Record<string, RegExp>> = {
  python: /^-c$/,
  node: /^(-e|-p|--eval|--print)$/,
  perl: /^-[a-zA-Z]{0,6}[eE]$/,
  ruby: /^-[a-zA-Z]{0,6}e$/,
  php: /^-r$/,
  powershell: /^-(c|command|encodedcommand|e|ec|enc)$/i,
  lua: /^-e$/,
  applescript: /^-e$/,
  r: /^-e$/,
};

/** The inline code a unit runs (`sh -c`, `python -c`, `node -e`, `deno eval`…), or null. */
export function inlineCode(u: Unit, lang: string): Arg | null {
  const args = u.args;
  if (lang === "shell") {
    for (let i = 0; i < args.length; i++) {
      const t = args[i].text;
      if (t === "--") return null;
      if (/^-[a-zA-Z]{0,8}c[a-zA-Z]{0,8}$/.test(t)) {
        let j = i + 1;
        while (j < args.length && /^[-+][a-zA-Z]{1,8}$/.test(args[j].text)) j++;
        if (args[j]?.text === "--") j++;
        return args[j] ?? null;
      }
      if (!t.startsWith("-") && !t.startsWith("+")) return null;
      if (/^[-+]o$|^--(rcfile|init-file)$|^-O$/.test(t)) i++;
    }
    return null;
  }
  if (
    lang === "node" && (u.name === "deno" || u.name === "bun") &&
    args[0]?.text === "eval"
  ) {
    return args[1] ?? null;
  }
  if (lang === "perl" || lang === "ruby") {
    for (let i = 0; i < args.length; i++) {
      const t = args[i].text;
      if (!t.startsWith("-") || t === "--") return null;
      for (let k = 1; k < t.length; k++) {
        const c = t[k];
        if (c === "e" || c === "E") {
          const rest = t.slice(k + 1);
          return rest
            ? { ...args[i], text: rest, alts: [rest] }
            : args[i + 1] ?? null;
        }
        if (/[rIMmCdDxi0l]/.test(c)) break; // a switch with an attached value
      }
    }
    return null;
  }
  if (lang === "awk") {
    // awk [-F sep] [-v var=val] 'program' file…; -f names a program file instead.
    for (let i = 0; i < args.length; i++) {
      const t = args[i].text;
      if (t === "-f" || t === "--file" || t.startsWith("-f")) return null;
      if (/^(-F|-v|--assign|--field-separator)$/.test(t)) {
        i++;
        continue;
      }
      if (t === "--") return args[i + 1] ?? null;
      if (t.startsWith("-") && t.length > 1) continue;
      return args[i];
    }
    return null;
  }
  const re = CODE_OPTS[lang];
  if (!re) return null;
  for (let i = 0; i < args.length; i++) {
    const t = args[i].text;
    if (re.test(t)) return args[i + 1] ?? null;
    const eq = /^--(eval|print)=(.*)$/s.exec(t);
    if (eq && lang === "node") {
      return { ...args[i], text: eq[2], alts: [eq[2]] };
    }
  }
  if (lang === "powershell" && u.name === "iex") return args[0] ?? null;
  return null;
}

/** Whether a unit reads the program text from stdin (`sh`, `bash -s`, `python3 -`, `iex`…). */
export function readsCodeFromStdin(u: Unit, lang: string): boolean {
  if (inlineCode(u, lang)) return false;
  const args = u.args;
  if (lang === "powershell") return true;
  if (lang === "python" && args.some((a) => a.text === "-m")) return false;
  if (lang === "node" && (u.name === "deno" || u.name === "bun")) {
    return args.some((a) => a.text === "-");
  }
  for (let i = 0; i < args.length; i++) {
    const t = args[i].text;
    if (t === "-" || t === "-s" || t === "/dev/stdin") return true;
    if (t === "--") return i + 1 >= args.length || args[i + 1].text === "-";
    if (t.startsWith("-") || t.startsWith("+")) {
      if (/^[-+]o$|^--(rcfile|init-file)$|^-[OWX]$/.test(t)) i++;
      continue;
    }
    return false;
  }
  return true;
}

/** The script file a unit runs (`bash x.sh`, `python3 app.py`), or null. */
export function scriptFile(u: Unit, lang: string): Arg | null {
  if (inlineCode(u, lang)) return null;
  for (let i = 0; i < u.args.length; i++) {
    const t = u.args[i].text;
    if (t === "-" || t === "-s") return null;
    if (t.startsWith("-") || t.startsWith("+")) {
      if (/^[-+]o$|^--(rcfile|init-file)$|^-[OWXm]$/.test(t)) i++;
      continue;
    }
    return u.args[i];
  }
  return null;
}

/** Whether a unit decodes or unscrambles data (base64 -d, xxd -r, openssl -d, rev...). */
export function isDecoder(u: Unit): boolean {
  const t = u.args.map((a) => a.text);
  switch (u.name) {
    case "base64":
    case "base32":
    case "basenc":
      return t.some((x) => /^-[a-zA-Z]{0,4}[dD]$|^--decode$/.test(x));
    case "xxd":
      return t.some((x) => /^-[a-zA-Z]{0,4}r/.test(x));
    case "openssl":
      return t.includes("-d") || t.includes("-base64") && t.includes("-d");
    case "uudecode":
    case "rev":
    case "gunzip":
    case "zcat":
    case "bzcat":
    case "xzcat":
    case "zstdcat":
      return true;
    case "gzip":
    case "bzip2":
    case "xz":
    case "zstd":
      return t.some((x) => /^-[a-zA-Z]{0,4}d|^--decompress$/.test(x));
    case "tr":
      return t.some((x) => /n-za-m|N-ZA-M/.test(x));
  }
  return false;
}
