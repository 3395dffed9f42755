/**
 * Text filters whose output can be computed from constant input, so a
 * command built by passing text through them (`printf … | tee f | sh`,
 * `sed 's/X/m/' <<< 'rX -rf ~' | sh`, `yes … | head -1 | sh`) is judged as
 * the text that reaches the shell: tee, head, tail, sort, uniq, yes,
 * `sed s/LITERAL/LITERAL/[g]`, `cut -c RANGE` and `cut -d C -f LIST`,
 * `awk '[PATTERN] { print $N }'` and plain-text `grep`.
 *
 * @module
 */

/** Largest input handled (longer input is left uncomputed). */
const MAX = 200_000;

function lines(input: string): string[] {
  const l = input.split("\n");
  if (l[l.length - 1] === "") l.pop();
  return l;
}

function join(l: string[]): string {
  return l.length ? l.join("\n") + "\n" : "";
}

/** `-n N`, `-N`, `--lines=N`: the count, or the default 10. */
function count(args: string[]): number | null {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    let v: string | undefined;
    if (a === "-n" || a === "--lines") v = args[i + 1];
    else if (/^-n\d{1,6}$/.test(a)) v = a.slice(2);
    else if (/^-\d{1,6}$/.test(a)) v = a.slice(1);
    else if (a.startsWith("--lines=")) v = a.slice(8);
    if (v !== undefined) return /^\d{1,6}$/.test(v) ? Number(v) : null;
  }
  return 10;
}

/** A literal sed `s/A/B/` (or with g): A and B hold no regex or replacement syntax. */
function sedSubst(script: string, input: string): string | null {
  const m = /^s(.)(.{0,256}?)\1(.{0,256}?)\1(g?)$/.exec(script);
  if (!m || /[\\\w\s]/.test(m[1])) return null;
  const [, , from, to, g] = m;
  if (from === "" || /[.*[\]^$\\+?(){}|]/.test(from) || /[&\\]/.test(to)) {
    return null;
  }
  return lines(input).map((l) =>
    g ? l.split(from).join(to) : l.replace(from, () => to)
  ).join("\n") + (input.endsWith("\n") ? "\n" : "");
}

/** `cut -c N-M` / `-cN-` / `-c-M` / `-cN` on each line. */
function cutChars(spec: string, input: string): string | null {
  const m = /^(\d{0,5})(-?)(\d{0,5})$/.exec(spec);
  if (!m || (m[1] === "" && m[3] === "")) return null;
  const from = m[1] === "" ? 1 : Number(m[1]);
  const to = m[2] === "" ? from : m[3] === "" ? Infinity : Number(m[3]);
  if (from < 1 || to < from) return null;
  return join(
    lines(input).map((l) =>
      l.slice(from - 1, to === Infinity ? undefined : to)
    ),
  );
}

/** The fields `cut -f` keeps: `6`, `1,3`, `2-4`, `3-`, `-2` (1-based); null when not a list. */
function fieldList(spec: string): ((i: number) => boolean) | null {
  if (!/^[0-9,-]{1,64}$/.test(spec)) return null;
  const ranges: [number, number][] = [];
  for (const part of spec.split(",")) {
    const m = /^(\d{0,6})(-?)(\d{0,6})$/.exec(part);
    if (!m || (m[1] === "" && m[3] === "")) return null;
    const from = m[1] === "" ? 1 : Number(m[1]);
    const to = m[2] === "" ? from : m[3] === "" ? Infinity : Number(m[3]);
    ranges.push([from, to]);
  }
  return (i) => ranges.some(([a, b]) => i >= a && i <= b);
}

/** `cut -d C -f LIST` over `input`, or null for other forms (bytes, characters). */
function cutFields(args: string[], input: string): string | null {
  let delim = "\t";
  let fields: string | null = null;
  let onlyDelimited = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    let m: RegExpExecArray | null;
    if ((m = /^(?:-d|--delimiter=?)(.?)$/.exec(a))) {
      delim = m[1] !== "" ? m[1] : (args[++i] ?? "");
    } else if ((m = /^(?:-f|--fields=?)(.*)$/.exec(a))) {
      fields = m[1] !== "" ? m[1] : (args[++i] ?? "");
    } else if (a === "-s" || a === "--only-delimited") onlyDelimited = true;
    else return null;
  }
  const keep = fields === null ? null : fieldList(fields);
  if (!keep || delim.length !== 1) return null;
  const out: string[] = [];
  for (const line of input.replace(/\n$/, "").split("\n")) {
    if (!line.includes(delim)) {
      if (!onlyDelimited) out.push(line);
      continue;
    }
    out.push(line.split(delim).filter((_, i) => keep(i + 1)).join(delim));
  }
  return out.join("\n") + "\n";
}

/**
 * `awk [-F C] [-v x=y] 'PATTERN { print $N }'` over `input`: the field of
 * each line the pattern may select (a pattern we cannot read selects every
 * line, so the answer holds at least what awk prints); null for any other
 * program.
 */
function awkPrint(args: string[], input: string): string | null {
  let sep: string | null = null;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-F") sep = args[++i] ?? null;
    else if (a.startsWith("-F")) sep = a.slice(2);
    else if (a === "-v") i++;
    else if (a.startsWith("-")) return null;
    else rest.push(a);
  }
  if (rest.length !== 1) return null;
  const m =
    /^\s{0,8}([^{}]{0,200}?)\s{0,8}\{\s{0,8}print\s{1,8}\$(\d{1,2})\s{0,8};?\s{0,8}\}\s{0,8}$/
      .exec(rest[0]);
  if (!m || (sep !== null && sep.length !== 1)) return null;
  const field = Number(m[2]);
  const eq = /^\$1\s{0,4}==\s{0,4}"([^"]{1,64})"$/.exec(m[1]);
  const out: string[] = [];
  for (const line of input.replace(/\n$/, "").split("\n")) {
    const parts = sep === null ? line.trim().split(/\s+/) : line.split(sep);
    if (eq && parts[0] !== eq[1]) continue;
    out.push(field === 0 ? line : parts[field - 1] ?? "");
  }
  return out.join("\n") + "\n";
}

/**
 * `grep [-i] [-v] [-w] [-F] [-E] PATTERN` over `input` when the pattern is
 * plain text with at most `^` and `$` anchors; null for other patterns.
 */
function grepLines(args: string[], input: string): string | null {
  const flags = args.filter((a) => a.startsWith("-"));
  const words = args.filter((a) => !a.startsWith("-"));
  if (words.length !== 1 || flags.some((f) => !/^-[ivwFE]{1,5}$/.test(f))) {
    return null;
  }
  const ci = flags.some((f) => f.includes("i"));
  const invert = flags.some((f) => f.includes("v"));
  const m = /^(\^?)([A-Za-z0-9_:\/ @-]{1,128})(\$?)$/.exec(words[0]);
  if (!m) return null;
  const norm = (t: string) => ci ? t.toLowerCase() : t;
  const pat = norm(m[2]);
  const out = input.replace(/\n$/, "").split("\n").filter((line) => {
    const l = norm(line);
    const hit = m[1] && m[3]
      ? l === pat
      : m[1]
      ? l.startsWith(pat)
      : m[3]
      ? l.endsWith(pat)
      : l.includes(pat);
    return hit !== invert;
  });
  return out.length ? out.join("\n") + "\n" : "";
}

/** `paste -s [-d D]`: every input line joined by the delimiter (a tab by default). */
function pasteSerial(args: string[], input: string): string | null {
  let serial = false;
  let delim = "\t";
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-s" || a === "--serial") serial = true;
    else if (a === "-d" || a === "--delimiters") delim = args[++i] ?? "";
    else if (a.startsWith("--delimiters=")) delim = a.slice(13);
    else if (a.startsWith("-sd")) {
      serial = true;
      delim = a.length > 3 ? a.slice(3) : args[++i] ?? "";
    } else if (/^-d.$/.test(a)) delim = a.slice(2);
    else if (a !== "-") return null;
  }
  if (!serial || [...delim].length > 1) return null;
  return lines(input).join(delim) + "\n";
}

/** A tr character set with ranges (`a-z`) and `\n`/`\t` escapes, or null past 256 characters. */
function trSet(spec: string): string[] | null {
  const raw = spec.replace(/\\n/g, "\n").replace(/\\t/g, "\t")
    .replace(/\\\\/g, "\\");
  const out: string[] = [];
  const cs = [...raw];
  for (let i = 0; i < cs.length && out.length <= 256; i++) {
    if (cs[i + 1] === "-" && i + 2 < cs.length) {
      const a = cs[i].codePointAt(0)!;
      const b = cs[i + 2].codePointAt(0)!;
      if (b < a || b - a > 256) return null;
      for (let c = a; c <= b; c++) out.push(String.fromCodePoint(c));
      i += 2;
    } else out.push(cs[i]);
  }
  return out.length > 256 || /\[:|\[=/.test(raw) ? null : out;
}

/** `tr SET1 SET2` (the last character of SET2 repeats) and `tr -d SET`. */
function trText(args: string[], input: string): string | null {
  if (args[0] === "-d" && args.length === 2) {
    const del = trSet(args[1]);
    if (del === null) return null;
    const drop = new Set(del);
    return [...input].filter((c) => !drop.has(c)).join("");
  }
  if (args.length !== 2 || args.some((a) => a.startsWith("-"))) return null;
  const from = trSet(args[0]);
  const to = trSet(args[1]);
  if (from === null || to === null || to.length === 0) return null;
  const map = new Map<string, string>();
  from.forEach((c, i) => map.set(c, to[Math.min(i, to.length - 1)]));
  return [...input].map((c) => map.get(c) ?? c).join("");
}

/**
 * The output of a text filter given its (known) arguments and constant
 * input, or null when it is not one of these or cannot be computed.
 */
export function filterOutput(
  name: string,
  args: string[],
  input: string | null,
): string | null {
  if (name === "yes") {
    const word = args.filter((a) => !a.startsWith("-")).join(" ") || "y";
    return word.length > 4096 ? null : join(Array(16).fill(word));
  }
  if (input === null || input.length > MAX) return null;
  const files = args.filter((a) => !a.startsWith("-"));
  switch (name) {
    case "tee":
      return input;
    case "head":
    case "tail": {
      if (files.some((f) => !/^\d{1,6}$/.test(f))) return null;
      if (args.some((a) => /^-[a-zA-Z]{0,4}c|^--bytes/.test(a))) return null;
      const n = count(args);
      if (n === null) return null;
      const l = lines(input);
      return join(name === "head" ? l.slice(0, n) : l.slice(-n || l.length));
    }
    case "sort":
      if (files.length || args.some((a) => a !== "-u")) return null;
      return join(
        args.includes("-u")
          ? [...new Set(lines(input))].sort()
          : lines(input).sort(),
      );
    case "uniq":
      if (args.length) return null;
      return join(
        lines(input).filter((l, i, all) => i === 0 || all[i - 1] !== l),
      );
    case "awk":
    case "gawk":
    case "mawk":
      return awkPrint(args, input);
    case "grep":
    case "egrep":
    case "fgrep":
      return grepLines(args, input);
    case "sed": {
      const scripts = args.filter((a) => a !== "-e");
      if (scripts.length !== 1 || args.some((a) => /^-[^e]/.test(a))) {
        return null;
      }
      return sedSubst(scripts[0], input);
    }
    case "paste":
      return pasteSerial(args, input);
    case "rev":
      if (args.length) return null;
      return join(lines(input).map((l) => [...l].reverse().join("")));
    case "tr":
      return trText(args, input);
    case "cut": {
      const i = args.findIndex((a) => a === "-c" || /^-c./.test(a));
      if (i < 0) return cutFields(args, input);
      if (args.length > 2) return null;
      const spec = args[i] === "-c" ? args[i + 1] : args[i].slice(2);
      return spec === undefined ? null : cutChars(spec, input);
    }
  }
  return null;
}
