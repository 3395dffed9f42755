/**
 * A small unified diff of two texts, line based, for `--dry-run`. Uses a
 * longest-common-subsequence table on the part that differs after trimming
 * the common head and tail (config files are small); very large middles fall
 * back to "all removed, all added", which is still a correct diff.
 *
 * @module
 */

type Op = { kind: " " | "-" | "+"; line: string };

const MAX_CELLS = 4_000_000;

function splitLines(text: string): string[] {
  if (text === "") return [];
  const parts = text.split("\n");
  if (parts[parts.length - 1] === "") parts.pop();
  else parts[parts.length - 1] += "\n\\ No newline at end of file";
  return parts;
}

function ops(a: string[], b: string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head && tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  ) tail++;
  const am = a.slice(head, a.length - tail);
  const bm = b.slice(head, b.length - tail);
  const mid: Op[] = [];
  if (am.length * bm.length > MAX_CELLS) {
    for (const line of am) mid.push({ kind: "-", line });
    for (const line of bm) mid.push({ kind: "+", line });
  } else {
    const n = am.length, m = bm.length;
    const t = new Uint32Array((n + 1) * (m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        t[i * (m + 1) + j] = am[i] === bm[j]
          ? t[(i + 1) * (m + 1) + j + 1] + 1
          : Math.max(t[(i + 1) * (m + 1) + j], t[i * (m + 1) + j + 1]);
      }
    }
    let i = 0, j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && am[i] === bm[j]) {
        mid.push({ kind: " ", line: am[i] });
        i++;
        j++;
      } else if (
        j < m && (i === n || t[i * (m + 1) + j + 1] >= t[(i + 1) * (m + 1) + j])
      ) {
        mid.push({ kind: "+", line: bm[j++] });
      } else {
        mid.push({ kind: "-", line: am[i++] });
      }
    }
  }
  return [
    ...a.slice(0, head).map((line) => ({ kind: " " as const, line })),
    ...removedFirst(mid),
    ...a.slice(a.length - tail).map((line) => ({ kind: " " as const, line })),
  ];
}

/** Within each run of changed lines, the removed lines before the added ones (as diff(1) prints them). */
function removedFirst(list: Op[]): Op[] {
  const out: Op[] = [];
  let run: Op[] = [];
  const flush = () => {
    out.push(...run.filter((o) => o.kind === "-"));
    out.push(...run.filter((o) => o.kind === "+"));
    run = [];
  };
  for (const o of list) {
    if (o.kind === " ") {
      flush();
      out.push(o);
    } else run.push(o);
  }
  flush();
  return out;
}

/** Unified diff of `before` → `after` with `context` lines around each change; "" when equal. */
export function unifiedDiff(
  before: string,
  after: string,
  labelA: string,
  labelB: string,
  context = 3,
): string {
  if (before === after) return "";
  const list = ops(splitLines(before), splitLines(after));
  const out = [`--- ${labelA}`, `+++ ${labelB}`];
  let k = 0;
  while (k < list.length) {
    if (list[k].kind === " ") {
      k++;
      continue;
    }
    let start = Math.max(0, k - context);
    let end = k;
    // extend the hunk while changes are within 2*context lines of each other
    for (;;) {
      while (end < list.length && list[end].kind !== " ") end++;
      let next = end;
      while (next < list.length && list[next].kind === " ") next++;
      if (next < list.length && next - end <= 2 * context) end = next;
      else break;
    }
    const stop = Math.min(list.length, end + context);
    let aLine = 1, bLine = 1;
    for (let x = 0; x < start; x++) {
      if (list[x].kind !== "+") aLine++;
      if (list[x].kind !== "-") bLine++;
    }
    const hunk = list.slice(start, stop);
    const aLen = hunk.filter((o) => o.kind !== "+").length;
    const bLen = hunk.filter((o) => o.kind !== "-").length;
    out.push(
      `@@ -${aLen ? aLine : aLine - 1},${aLen} +${
        bLen ? bLine : bLine - 1
      },${bLen} @@`,
    );
    for (const o of hunk) out.push(o.kind + o.line);
    k = stop;
    start = stop;
  }
  return out.join("\n") + "\n";
}
