/**
 * What a command prints when it only transforms constant text: `echo`,
 * `printf`, `cat` of its stdin, decoders (`base64 -d`, `xxd -r -p`, `rev`,
 * `tr`), and lookups whose answer does not matter for judging (`which rm`,
 * `dirname ~/x`). Used for substitutions (`$(printf 'r%s' m)`) and for text
 * piped or written into a shell (`echo … | base64 -d | sh`).
 *
 * @module
 */

import { filterOutput } from "./text_filters.ts";
import { decodeAnsiC } from "../shell/ansi_c.ts";

/** Longest text we compute. */
const MAX_OUT = 65_536;

/**
 * Marks text that stands for a listing of entries rather than literal text
 * (`ls ~` prints the names in the home folder, `find ~` their paths): a word
 * holding it expands as a glob over those entries (see expand.ts). A
 * private-use character, so it never occurs in real commands.
 */
export const LISTED = "\uE000";

/** Programs that print a subset (or reordering) of the lines they read. */
const LIST_FILTERS = new Set([
  "grep",
  "egrep",
  "fgrep",
  "rg",
  "sort",
  "uniq",
  "head",
  "tail",
  "shuf",
  "tac",
]);

/** The file operands of a filter: grep's first word is its pattern, head/tail's numbers are counts. */
function filterOperands(
  name: string,
  flags: string[],
  files: string[],
): string[] {
  if (/grep$|^rg$/.test(name)) {
    return flags.some((f) => /^-[a-zA-Z]{0,6}[ef]$|^--(regexp|file)/.test(f))
      ? files
      : files.slice(1);
  }
  if (name === "head" || name === "tail") {
    return files.filter((f) => !/^\+?\d{1,12}$/.test(f));
  }
  return files;
}

/** One sed `s` command split into pattern, replacement and flags, or null. */
function sedParts(script: string): [string, string, string] | null {
  if (script.length < 4 || script[0] !== "s" || script.length > 4096) {
    return null;
  }
  const d = script[1];
  if (/[\w\s\\]/.test(d)) return null;
  const parts: string[] = [];
  let cur = "";
  for (let i = 2; i < script.length; i++) {
    const c = script[i];
    if (c === "\\" && i + 1 < script.length) {
      cur += c + script[++i];
    } else if (c === d && parts.length < 2) {
      parts.push(cur);
      cur = "";
    } else cur += c;
  }
  if (parts.length !== 2 || !/^[gIi0-9]{0,4}$/.test(cur)) return null;
  return [parts[0], parts[1], cur];
}

/**
 * `sed` over a listing: `s|^|PREFIX|` puts PREFIX before every entry and
 * `s|$|SUFFIX|` after it; any other substitution is taken to leave the
 * entries the listing names (quoting a space, changing a few names). Null
 * when sed does more than substitute (`-n`, `d`, several files).
 */
function sedOverListing(args: string[], input: string): string | null {
  const scripts: string[] = [];
  for (let i = 0; i < args.length && i < 64; i++) {
    const a = args[i];
    if (a === "-e" || a === "--expression") scripts.push(args[++i] ?? "");
    else if (/^-[Er]$|^--regexp-extended$/.test(a)) continue;
    else if (a.startsWith("-")) return null;
    else if (scripts.length === 0) scripts.push(a);
    else return null;
  }
  let prefix = "";
  let suffix = "";
  for (const sc of scripts.flatMap((x) => x.split(";"))) {
    const s = sedParts(sc.trim());
    if (!s) return null;
    const d = sc.trim()[1];
    const rep = s[1].replaceAll("\\" + d, d);
    if (s[0] === "^" || s[0] === "$") {
      // A path put around each entry; anything else (a command) is left to the text filters.
      if (!/^[\w@%+=:,./~-]{0,1024}$/.test(rep)) return null;
      if (s[0] === "^") prefix = rep + prefix;
      else suffix += rep;
    }
  }
  return input.split("\n").map((l) =>
    l.startsWith(LISTED) ? LISTED + prefix + l.slice(1) + suffix : l
  ).join("\n");
}

/** Options of `ls` that print more than names (long listing, sizes, inodes, headers). */
const LS_DETAIL = /^-[a-zA-Z]{0,12}[lsignoR]/;

/** What `ls` / `find` / `compgen -G` print, as a {@link LISTED} pattern, or null. */
function listing(name: string, args: string[]): string | null {
  const flags = args.filter((a) => a.startsWith("-"));
  const files = args.filter((a) => !a.startsWith("-"));
  if (name === "ls") {
    if (flags.some((f) => LS_DETAIL.test(f))) return null;
    const dirs = flags.some((f) => /^-[a-zA-Z]{0,12}d|^--directory$/.test(f));
    // ls -d a/* b/.*: the entries the arguments name, one a line.
    if (files.length && (dirs || files.every((f) => /[*?[]/.test(f)))) {
      return files.slice(0, 16).map((f) => LISTED + f + "\n").join("");
    }
    if (files.length > 1) return null;
    // ls -A, ls -a: the hidden entries too (.git, .env among them).
    const hidden = flags.some((f) =>
      /^-[a-zA-Z]{0,12}[aA]|^--(all|almost-all)$/.test(f)
    );
    return LISTED + "*\n" + (hidden ? LISTED + ".[!.]*\n" : "");
  }
  if (name === "find") {
    const root = args.find((a) => !a.startsWith("-") && !/^[()!]$/.test(a));
    if (root === undefined || args.indexOf(root) !== 0) return null;
    if (
      args.some((a) =>
        /^-(exec|execdir|ok|okdir|delete|fprint|printf|ls|fls)/.test(a)
      )
    ) {
      return null;
    }
    const k = args.findIndex((a) => /^-i?(name|path|wholename)$/.test(a));
    const base = root.replace(/\/+$/, "") || "";
    if (k >= 0) {
      return /[/]/.test(args[k + 1] ?? "/")
        ? null
        : LISTED + base + "/" + args[k + 1] + "\n";
    }
    if (
      args.some((a) =>
        /^-(i?regex|newer|mtime|mmin|size|user|empty|perm|links)/.test(a)
      )
    ) {
      return null;
    }
    return LISTED + base + "/*\n";
  }
  if (name === "compgen") {
    const g = args.indexOf("-G");
    return g >= 0 && args[g + 1] ? LISTED + args[g + 1] + "\n" : null;
  }
  return null;
}

function echo(args: string[]): string {
  let i = 0;
  let newline = true;
  let escapes = false;
  while (i < args.length && /^-[neE]{1,3}$/.test(args[i])) {
    if (args[i].includes("n")) newline = false;
    if (args[i].includes("e")) escapes = true;
    if (args[i].includes("E")) escapes = false;
    i++;
  }
  const body = args.slice(i).join(" ");
  return (escapes ? decodeAnsiC(body) : body) + (newline ? "\n" : "");
}

/** printf FORMAT ARGS…, the format reused while arguments remain (as the shell does). */
export function printfOutput(args: string[]): string {
  let i = 0;
  if (args[0] === "--") i = 1;
  const fmt = decodeAnsiC(args[i] ?? "");
  const rest = args.slice(i + 1);
  let k = 0;
  let out = "";
  for (let round = 0; round < 256; round++) {
    const used = k;
    out += fmt.replace(/%[-+ #0-9.]{0,8}([sdbqcfxi%])/g, (m, c: string) => {
      if (c === "%") return "%";
      const v = rest[k++] ?? "";
      if (c === "b") return decodeAnsiC(v);
      if (c === "c") return v.slice(0, 1);
      if (c === "d" || c === "i") return v === "" ? "0" : v;
      return m.startsWith("%") ? v : m;
    });
    if (k >= rest.length || k === used || out.length > MAX_OUT) break;
  }
  return out;
}

function printable(s: string): string | null {
  // deno-lint-ignore no-control-regex
  return /[\x00-\x08\x0e-\x1f\x7f\ufffd]/.test(s) ? null : s;
}

function fromBytes(bytes: Uint8Array): string | null {
  try {
    return printable(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return null;
  }
}

/** Base64 (or base64url) text decoded to UTF-8, or null when it is not. */
export function base64Decode(text: string): string | null {
  const clean = text.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(clean)) return null;
  try {
    const bin = atob(clean.replace(/-/g, "+").replace(/_/g, "/"));
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return fromBytes(bytes);
  } catch {
    return null;
  }
}

/** Hex text decoded to UTF-8, or null when it is not. */
export function hexDecode(text: string): string | null {
  const clean = text.replace(/\s+/g, "");
  if (clean.length % 2 || !/^[0-9a-fA-F]*$/.test(clean)) return null;
  const bytes = new Uint8Array(clean.length / 2);
  for (let i = 0; i < bytes.length; i++) {
    bytes[i] = parseInt(clean.slice(2 * i, 2 * i + 2), 16);
  }
  return fromBytes(bytes);
}

/** `a-z` style sets of tr, expanded (bounded). */
function trSet(s: string): string | null {
  let out = "";
  const t = decodeAnsiC(s);
  for (let i = 0; i < t.length; i++) {
    if (t[i + 1] === "-" && i + 2 < t.length) {
      const a = t.charCodeAt(i);
      const b = t.charCodeAt(i + 2);
      if (b < a || b - a > 255) return null;
      for (let c = a; c <= b; c++) out += String.fromCharCode(c);
      i += 2;
    } else out += t[i];
    if (out.length > 512) return null;
  }
  return out;
}

function tr(args: string[], input: string): string | null {
  if (args.length === 2 && args[0] === "-d") {
    const set = trSet(args[1]);
    if (set === null) return null;
    return [...input].filter((c) => !set.includes(c)).join("");
  }
  if (args.length !== 2 || args[0].startsWith("-")) return null;
  const from = trSet(args[0]);
  const to = trSet(args[1]);
  if (from === null || to === null || !to) return null;
  let out = "";
  for (const c of input) {
    const i = from.indexOf(c);
    out += i < 0 ? c : to[Math.min(i, to.length - 1)];
  }
  return out;
}

function lookup(name: string): string | null {
  return /^[A-Za-z0-9._+-]{1,64}$/.test(name) ? `/usr/bin/${name}\n` : null;
}

/**
 * The output of `name args…` given `input` on stdin, or null when it is not
 * something we can compute. Arguments must already be expanded and known.
 */
export function constOutput(
  name: string,
  args: string[],
  input: string | null,
): string | null {
  if (input !== null && input.length > MAX_OUT) return null;
  const flags = args.filter((a) => a.startsWith("-"));
  const files = args.filter((a) => !a.startsWith("-"));
  if (
    input !== null && input.startsWith(LISTED) && LIST_FILTERS.has(name) &&
    filterOperands(name, flags, files).length === 0 &&
    !flags.some((f) =>
      name === "head" || name === "tail"
        ? /^-[a-zA-Z]{0,6}c|^--bytes/.test(f) // -n counts lines
        : /^-[a-zA-Z]{0,6}[cloLn]|^--(count|files)/.test(f)
    )
  ) {
    // ls ~ | grep -v x | sort: a subset of the listing is still a listing.
    return input;
  }
  if (input !== null && input.startsWith(LISTED) && name === "sed") {
    // ls -A ~ | sed "s|^|$HOME/|": the listing's entries, edited.
    const edited = sedOverListing(args, input);
    if (edited !== null) return edited;
  }
  switch (name) {
    case "ls":
    case "find":
    case "compgen":
      return listing(name, args);
    case "echo":
      return echo(args);
    case "printf":
      return args[0] === "-v" ? null : printfOutput(args);
    case "cat":
      return files.length === 0 || (files.length === 1 && files[0] === "-")
        ? input
        : null;
    case "base64":
      if (!flags.some((f) => /^-[a-zA-Z]{0,4}[dD]$|^--decode$/.test(f))) {
        return null;
      }
      if (files.length || input === null) return null;
      return base64Decode(input);
    case "openssl":
      if (
        (args[0] === "base64" ||
          (args[0] === "enc" && args.includes("-base64"))) &&
        args.includes("-d") && input !== null
      ) return base64Decode(input);
      return null;
    case "xxd":
      if (
        flags.some((f) => /^-[a-z]{0,3}r/.test(f)) &&
        flags.some((f) => /^-[a-z]{0,3}p|^-ps$|^-plain$/.test(f)) &&
        input !== null && files.length === 0
      ) return hexDecode(input);
      return null;
    case "rev":
      if (files.length || input === null) return null;
      return input.split("\n").map((l) => [...l].reverse().join("")).join(
        "\n",
      );
    case "tr":
      return input === null ? null : tr(args, input);
    case "grep":
    case "egrep":
    case "fgrep":
      // A listing's own marker is not text a filter reads line by line.
      return input !== null && input.startsWith(LISTED)
        ? null
        : filterOutput(name, args, input);
    case "which":
      return files.length === 1 ? lookup(files[0]) : null;
    case "command":
    case "type":
      if (flags.length && files.length === 1) return lookup(files[0]);
      return null;
    case "dirname": {
      if (files.length !== 1) return null;
      const p = files[0].replace(/\/+$/, "");
      const i = p.lastIndexOf("/");
      return (i < 0 ? "." : i === 0 ? "/" : p.slice(0, i)) + "\n";
    }
    case "basename": {
      if (files.length < 1) return null;
      const p = files[0].replace(/\/+$/, "");
      let b = p.slice(p.lastIndexOf("/") + 1);
      if (files[1] && b.endsWith(files[1])) b = b.slice(0, -files[1].length);
      return b + "\n";
    }
    case "true":
    case ":":
      return "";
  }
  return filterOutput(name, args, input);
}
