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
  // Shells with their own syntax whose -c text is still command lines.
  "nu",
  "nushell",
  "elvish",
  "xonsh",
  "osh",
  "ysh",
  "oksh",
  "loksh",
  "hush",
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

/** Languages of the names {@link languageOf} was last asked for (bounded; cleared when full). */
const LANGUAGE_OF = new Map<string, string | null>();
/** Most names {@link LANGUAGE_OF} holds. */
const LANGUAGE_CACHE_SIZE = 512;

/** Language of an interpreter name, or null (asked for every unit: the answer is remembered by name). */
export function languageOf(name: string): string | null {
  const known = LANGUAGE_OF.get(name);
  if (known !== undefined) return known;
  const lang = nameLanguage(name);
  if (LANGUAGE_OF.size >= LANGUAGE_CACHE_SIZE) LANGUAGE_OF.clear();
  if (name.length <= 64) LANGUAGE_OF.set(name, lang);
  return lang;
}

function nameLanguage(name: string): string | null {
  if (SHELLS.has(name)) return "shell";
  // py (the launcher), ipython/bpython run the same -c code.
  if (/^(?:python|pypy|ipython|bpython)[0-9.]{0,6}$|^py$/.test(name)) {
    return "python";
  }
  // node22, nodejs18, node-20 (versioned installs) are node too.
  if (
    /^node(?:js)?-?[0-9.]{0,6}$/.test(name) || name === "bun" ||
    name === "deno"
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
  if (name === "tclsh" || name === "wish" || name === "expect") return "tcl";
  if (/^(awk|gawk|mawk|nawk|busybox-awk)$/.test(name)) return "awk";
  return OTHER_LANGUAGES.get(name) ?? null;
}

/** Compilers and runtimes of other languages that run code given inline, on stdin or in a file. */
const OTHER_LANGUAGES: ReadonlyMap<string, string> = new Map([
  ["go", "go"],
  // rust-script runs -e code; rustc compiles a file that the same line usually runs next.
  ["rust-script", "rust"],
  ["rustc", "rust"],
  ["julia", "julia"],
  ["elixir", "elixir"],
  ["erl", "erlang"],
  ["escript", "erlang"],
  ["guile", "lisp"],
  ["racket", "lisp"],
  ["sbcl", "lisp"],
  ["clisp", "lisp"],
  ["emacs", "elisp"],
  ["vim", "vim"],
  ["nvim", "vim"],
  ["vi", "vim"],
  ["ex", "vim"],
  ["jshell", "java"],
  ["groovy", "groovy"],
  ["scala", "scala"],
  // Kotlin's compiler and script runner evaluate `-e` code (JVM APIs, as Groovy's).
  ["kotlinc", "groovy"],
  ["kotlin", "groovy"],
  ["kscript", "groovy"],
  // ed takes editor commands on stdin; `!cmd` lines are shell, as in ex.
  ["ed", "vim"],
]);

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
  tcl: /^-c$/,
  julia: /^(-e|--eval|-E|--print)$/,
  elixir: /^(-e|--eval)$/,
  erlang: /^-eval$/,
  lisp: /^(-c|-e|--eval|-x|--expr)$/,
  elisp: /^(--eval|-eval|--execute)$/,
  groovy: /^-e$/,
  rust: /^(-e|--expr)$/,
  scala: /^-e$/,
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
  if (lang === "vim") {
    // vim -c CMD, --cmd CMD, +CMD (several allowed): Ex commands run at start.
    const cmds: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const t = args[i].text;
      if ((t === "-c" || t === "--cmd") && args[i + 1]) {
        cmds.push(args[++i].text);
      } else if (/^\+[^\d+]/.test(t)) cmds.push(t.slice(1));
    }
    return cmds.length && args[0]
      ? { ...args[0], text: cmds.join("\n"), alts: [cmds.join("\n")] }
      : null;
  }
  if (lang === "elisp") {
    const eq = args.find((a) => /^--eval=/.test(a.text));
    if (eq) return { ...eq, text: eq.text.slice(7), alts: [eq.text.slice(7)] };
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
  if (lang === "go") {
    return args[0]?.text === "run" && args.some((a) => a.text === "-");
  }
  if (lang === "elisp") return false;
  if (lang === "vim") {
    // ex and vim -es read Ex commands from stdin; plain vim reads text to edit.
    return u.name === "ex" || u.name === "ed" ||
      args.some((a) => /^-[a-zA-Z]{0,4}(es|se|Es)/.test(a.text));
  }
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
  if (lang === "go") {
    if (u.args[0]?.text !== "run") return null;
    return u.args.find((a) => /\.go$|^\/dev\/stdin$/.test(a.text)) ?? null;
  }
  if (lang === "elisp" || lang === "vim") {
    // emacs -l FILE / --script FILE, vim -S FILE: a file of code; other words are files to edit.
    const k = u.args.findIndex((a) =>
      /^(-l|--load|--script|-script|-S)$/.test(a.text)
    );
    return k >= 0 ? u.args[k + 1] ?? null : null;
  }
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

/** The programs {@link isDecoder} can answer yes for. */
const DECODER_NAMES = new Set([
  "base64",
  "base32",
  "basenc",
  "xxd",
  "openssl",
  "uudecode",
  "rev",
  "gunzip",
  "zcat",
  "bzcat",
  "xzcat",
  "zstdcat",
  "gzip",
  "bzip2",
  "xz",
  "zstd",
  "tr",
]);

/** Whether a unit decodes or unscrambles data (base64 -d, xxd -r, openssl -d, rev...). */
export function isDecoder(u: Unit): boolean {
  // Asked for every earlier element of a pipeline into a shell: the words
  // are listed only for the names that need them.
  if (!DECODER_NAMES.has(u.name)) return false;
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
