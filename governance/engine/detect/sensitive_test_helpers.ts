/**
 * Checks shared by the scanner's round tests: whether a value sits inside
 * one finding, and whether the scan of hostile shapes stays linear. Engine
 * code may not import `node:` modules (tests/import_graph_test.ts), so a
 * failed check throws an Error of its own.
 *
 * @module
 */
import { findSensitive } from "./sensitive.ts";

/** Throws `message` unless `ok`. */
function check(ok: boolean, message: string): void {
  if (!ok) throw new Error(message);
}

/** Whether `value` (which must occur in `text`) is inside one finding of `text`. */
export function covered(text: string, value: string): boolean {
  const at = text.indexOf(value);
  check(at >= 0, `${value} not in text`);
  return findSensitive(text).some((f) =>
    f.start <= at && f.end >= at + value.length
  );
}

/**
 * Scans each hostile shape at 50,000 and 200,000 characters (the least of
 * three runs each: the machine is shared, one run is noise) and asserts the
 * larger stays under 3 s and under 8 times the smaller (floored at 20 ms).
 */
export function assertScansLinearly(
  shapes: readonly ((n: number) => string)[],
): void {
  for (const shape of shapes) {
    const cost = (n: number) => {
      const s = shape(n);
      let best = Infinity;
      for (let k = 0; k < 3; k++) {
        const t0 = performance.now();
        findSensitive(s);
        best = Math.min(best, performance.now() - t0);
      }
      return best;
    };
    cost(50_000);
    const small = cost(50_000), big = cost(200_000);
    check(big < 3000, `${big.toFixed(0)} ms on ${shape(40).slice(0, 30)}`);
    check(
      big < 8 * Math.max(small, 20),
      `${small.toFixed(0)} → ${big.toFixed(0)} ms on ${shape(40).slice(0, 30)}`,
    );
  }
}
