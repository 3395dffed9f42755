/**
 * Text filters whose output can be computed from constant input, so a
 * command built by passing text through them (`printf … | tee f | sh`,
 * `sed 's/X/m/' <<< 'rX -rf ~' | sh`, `yes … | head -1 | sh`) is judged as
 * the text that reaches the shell: tee, head, tail, sort, uniq, yes,
 * `sed s/LITERAL/LITERAL/[g]` and `cut -c RANGE`.
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
    case "sed": {
      const scripts = args.filter((a) => a !== "-e");
      if (scripts.length !== 1 || args.some((a) => /^-[^e]/.test(a))) {
        return null;
      }
      return sedSubst(scripts[0], input);
    }
    case "cut": {
      const i = args.findIndex((a) => a === "-c" || /^-c./.test(a));
      if (i < 0 || args.length > 2) return null;
      const spec = args[i] === "-c" ? args[i + 1] : args[i].slice(2);
      return spec === undefined ? null : cutChars(spec, input);
    }
  }
  return null;
}
