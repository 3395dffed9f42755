/**
 * Walks over JSON-like values without recursion. Tool output is hostile
 * input: a 100,000-deep array overflows the call stack of any recursive
 * walk (and of `JSON.stringify` with a replacer), and output that cannot be
 * walked must still be scanned. Both walks here keep their own stack.
 *
 * @module
 */

type Json = unknown;

/** One container being copied: its source, its copy, its keys, the next index. */
interface Frame {
  src: Record<string, Json> | Json[];
  out: Record<string, Json> | Json[];
  keys: string[] | undefined;
  i: number;
}

const isContainer = (v: Json): v is Record<string, Json> | Json[] =>
  v !== null && typeof v === "object";

/**
 * A copy of `value` with every string (at any depth) replaced by
 * `fn(string)`; `changed` tells whether any replacement differs. Cycles are
 * cut (a repeated container becomes `"[cycle]"`).
 */
export function mapStrings(
  value: Json,
  fn: (s: string) => string,
): { value: Json; changed: boolean } {
  let changed = false;
  const leaf = (v: Json): Json => {
    if (typeof v !== "string") return v;
    const r = fn(v);
    if (r !== v) changed = true;
    return r;
  };
  if (!isContainer(value)) return { value: leaf(value), changed };
  const onPath = new Set<object>();
  const open = (src: Record<string, Json> | Json[]): Frame => {
    onPath.add(src);
    return Array.isArray(src)
      ? { src, out: new Array(src.length), keys: undefined, i: 0 }
      : { src, out: {}, keys: Object.keys(src), i: 0 };
  };
  const root = open(value);
  const stack: Frame[] = [root];
  while (stack.length > 0) {
    const f = stack[stack.length - 1];
    const n = f.keys === undefined ? (f.src as Json[]).length : f.keys.length;
    if (f.i >= n) {
      onPath.delete(f.src);
      stack.pop();
      continue;
    }
    const key = f.keys === undefined ? f.i : f.keys[f.i];
    f.i++;
    const v = (f.src as Record<string | number, Json>)[key];
    if (isContainer(v)) {
      if (onPath.has(v)) {
        (f.out as Record<string | number, Json>)[key] = "[cycle]";
        continue;
      }
      const child = open(v);
      (f.out as Record<string | number, Json>)[key] = child.out;
      stack.push(child);
    } else {
      (f.out as Record<string | number, Json>)[key] = leaf(v);
    }
  }
  return { value: root.out, changed };
}

/**
 * JSON text of `value` like `JSON.stringify` (BigInts as strings, cycles as
 * `"[cycle]"`, `toJSON` honoured at the top of each value), at any depth.
 * Never throws; undefined for a top-level value JSON cannot hold.
 */
export function toJson(value: Json): string | undefined {
  try {
    return JSON.stringify(
      value,
      (_k, v) => typeof v === "bigint" ? v.toString() : v,
    );
  } catch {
    return iterativeJson(value);
  }
}

/** A value as JSON sees it: `toJSON` applied, BigInt as a string. */
function prepared(v: Json): Json {
  if (typeof v === "bigint") return v.toString();
  if (
    isContainer(v) && typeof (v as { toJSON?: unknown }).toJSON === "function"
  ) {
    try {
      return (v as { toJSON: () => Json }).toJSON();
    } catch {
      return String(v);
    }
  }
  return v;
}

/** A scalar's JSON text; undefined for values JSON skips (functions, symbols, undefined). */
function scalarJson(v: Json): string | undefined {
  if (v === null) return "null";
  switch (typeof v) {
    case "string":
      return JSON.stringify(v);
    case "number":
      return Number.isFinite(v) ? String(v) : "null";
    case "boolean":
      return String(v);
    default:
      return undefined;
  }
}

/** The iterative serializer behind {@link toJson}. */
function iterativeJson(value: Json): string | undefined {
  const top = prepared(value);
  if (!isContainer(top)) return scalarJson(top);
  const parts: string[] = [];
  const onPath = new Set<object>();
  interface Out {
    src: Record<string, Json> | Json[];
    keys: string[] | undefined;
    i: number;
    wrote: boolean;
  }
  const open = (src: Record<string, Json> | Json[]): Out => {
    onPath.add(src);
    parts.push(Array.isArray(src) ? "[" : "{");
    return {
      src,
      keys: Array.isArray(src) ? undefined : Object.keys(src),
      i: 0,
      wrote: false,
    };
  };
  const stack: Out[] = [open(top)];
  while (stack.length > 0) {
    const f = stack[stack.length - 1];
    const isArray = f.keys === undefined;
    const n = isArray ? (f.src as Json[]).length : f.keys!.length;
    if (f.i >= n) {
      parts.push(isArray ? "]" : "}");
      onPath.delete(f.src);
      stack.pop();
      continue;
    }
    const key = isArray ? f.i : f.keys![f.i];
    f.i++;
    const v = prepared((f.src as Record<string | number, Json>)[key]);
    const scalar = isContainer(v) ? undefined : scalarJson(v);
    if (!isContainer(v) && scalar === undefined && !isArray) continue;
    if (f.wrote) parts.push(",");
    f.wrote = true;
    if (!isArray) parts.push(JSON.stringify(key), ":");
    if (isContainer(v)) {
      if (onPath.has(v)) parts.push('"[cycle]"');
      else stack.push(open(v));
    } else {
      parts.push(scalar ?? "null");
    }
  }
  return parts.join("");
}
