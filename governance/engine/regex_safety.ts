/**
 * A guard for user-supplied regular expressions: JavaScript regexes
 * backtrack, so some shapes take exponential time on hostile input.
 *
 * @module
 */

/**
 * Rejects regular expressions whose run time can explode on hostile input:
 * a repeated group that itself contains a repeat (`(a+)+`, `(\w*)*`), a
 * repeated alternation whose branches can start alike (`(a|ab)*`, `(.|x)+`),
 * and back-references (letters compare case-insensitively, as custom
 * patterns are compiled with `i`). Returns the reason, or undefined when the
 * pattern is safe. What remains (a repeat that backtracks quadratically, such
 * as `\w+@x` or `(?:a|b)*c` on a long run of letters) is bounded where the
 * pattern runs: on windows of a few KB under a time budget (custom.ts).
 */
export function unsafePattern(source: string): string | undefined {
  if (/\\[1-9]/.test(source)) return "back-references are not allowed";
  interface Frame {
    quantified: boolean;
    firsts: string[];
    atBranchStart: boolean;
  }
  const top: Frame = { quantified: false, firsts: [], atBranchStart: true };
  const stack: Frame[] = [top];
  const cur = () => stack[stack.length - 1];
  const noteAtom = (atom: string) => {
    const f = cur();
    if (f.atBranchStart) f.firsts.push(atom);
    f.atBranchStart = false;
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") {
      const next = source[i + 1] ?? "";
      noteAtom(/[dDwWsSpPuxc0bB]/.test(next) ? "*class*" : next.toLowerCase());
      i++;
      continue;
    }
    if (c === "[") {
      while (i < source.length && source[i] !== "]") {
        if (source[i] === "\\") i++;
        i++;
      }
      noteAtom("*class*");
      continue;
    }
    if (c === "(") {
      noteAtom("*group*");
      if (source[i + 1] === "?") i += 2;
      stack.push({ quantified: false, firsts: [], atBranchStart: true });
    } else if (c === "|") {
      cur().atBranchStart = true;
    } else if (c === ")") {
      if (stack.length === 1) continue;
      const inner = stack.pop() as Frame;
      const next = source[i + 1];
      const repeated = next === "*" || next === "+" || next === "{";
      if (repeated && inner.quantified) {
        return "a repeated group contains a repeat (like (a+)+): it can take exponential time";
      }
      if (repeated && inner.firsts.length > 1) {
        const wild = inner.firsts.some((f) => f.startsWith("*") || f === ".");
        if (wild || new Set(inner.firsts).size < inner.firsts.length) {
          return "a repeated alternation has branches that can match alike (like (a|ab)*): it can take exponential time";
        }
      }
      cur().quantified ||= inner.quantified || repeated;
    } else if (c === "*" || c === "+" || c === "{" || c === "?") {
      if (c !== "?") cur().quantified = true;
    } else {
      // Custom patterns are compiled case-insensitive: `a` and `A` overlap.
      noteAtom(c.toLowerCase());
    }
  }
  return undefined;
}
