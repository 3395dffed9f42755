/**
 * Interpreter one-liners that take their targets as arguments
 * (`python3 -c 'shutil.rmtree(sys.argv[1])' ~`, `node -e '…process.argv[1]…'
 * DIR`, `perl -e 'remove_tree($ARGV[0])' DIR`, `ruby -e 'rm_rf(ARGV[0])'`,
 * `php -r '…$argv[1]…'`): each reference to an argument is replaced by the
 * argument itself, as a string literal, so the code is judged on the path
 * it is given.
 *
 * @module
 */

/** Largest code text rewritten here. */
const MAX_CODE = 200_000;

/** Per language: the argument reference and the index of the first given argument. */
const REFS: Record<string, { re: RegExp; first: number }> = {
  python: { re: /\bsys\.argv\[(\d{1,3})\]/g, first: 1 },
  node: {
    re: /\b(?:process\.argv|Deno\.args|Bun\.argv)\[(\d{1,3})\]/g,
    first: 1,
  },
  perl: { re: /\$ARGV\[(\d{1,3})\]/g, first: 0 },
  ruby: { re: /\bARGV\[(\d{1,3})\]/g, first: 0 },
  php: { re: /\$argv\[(\d{1,3})\]/g, first: 1 },
};

function literal(s: string): string {
  return "'" + s.replace(/\\/g, "\\\\").replace(/'/g, "\\'") + "'";
}

/**
 * `code` with its references to the program's arguments replaced by
 * `args` (the words after the code), or `code` unchanged when the language
 * has no such reference or an index is past the arguments.
 */
export function bindArgv(code: string, lang: string, args: string[]): string {
  const ref = REFS[lang];
  if (!ref || !args.length || code.length > MAX_CODE) return code;
  // Deno.args counts from 0: the first argument after the script.
  return code.replace(ref.re, (whole, n: string) => {
    const first = whole.startsWith("Deno.args") ? 0 : ref.first;
    const v = args[Number(n) - first];
    return v === undefined ? whole : literal(v);
  });
}
