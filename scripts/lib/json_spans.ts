/**
 * A small JSON parser that remembers where every value sits in the text, so
 * the installer can insert and remove array items and object members without
 * reformatting the rest of the file.
 *
 * @module
 */

/** A parsed JSON value with its [start, end) offsets in the text. */
export type SpanNode =
  | { kind: "object"; start: number; end: number; members: SpanMember[] }
  | { kind: "array"; start: number; end: number; items: SpanNode[] }
  | { kind: "scalar"; start: number; end: number };

/** One `"key": value` member of an object. */
export interface SpanMember {
  key: string;
  keyStart: number;
  value: SpanNode;
}

/** Parse JSON text into a span tree. Throws SyntaxError (with offset) on invalid JSON. */
export function parseSpans(text: string): SpanNode {
  let i = 0;
  const ws = () => {
    while (i < text.length && " \t\r\n".includes(text[i])) i++;
  };
  const fail = (what: string): never => {
    throw new SyntaxError(`invalid JSON at offset ${i}: ${what}`);
  };
  const str = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') {
      i += text[i] === "\\" ? 2 : 1;
    }
    if (text[i] !== '"') fail("unterminated string");
    i++;
    return JSON.parse(text.slice(start, i));
  };
  const value = (): SpanNode => {
    ws();
    const start = i;
    const c = text[i];
    if (c === "{") {
      i++;
      const members: SpanMember[] = [];
      ws();
      if (text[i] === "}") {
        i++;
        return { kind: "object", start, end: i, members };
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail("expected a key");
        const keyStart = i;
        const key = str();
        ws();
        if (text[i] !== ":") fail("expected ':'");
        i++;
        members.push({ key, keyStart, value: value() });
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "}") {
          i++;
          return { kind: "object", start, end: i, members };
        }
        fail("expected ',' or '}'");
      }
    }
    if (c === "[") {
      i++;
      const items: SpanNode[] = [];
      ws();
      if (text[i] === "]") {
        i++;
        return { kind: "array", start, end: i, items };
      }
      for (;;) {
        items.push(value());
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "]") {
          i++;
          return { kind: "array", start, end: i, items };
        }
        fail("expected ',' or ']'");
      }
    }
    if (c === '"') {
      str();
      return { kind: "scalar", start, end: i };
    }
    while (i < text.length && /[-+.eE0-9a-z]/.test(text[i])) i++;
    if (i === start) fail("unexpected character");
    JSON.parse(text.slice(start, i));
    return { kind: "scalar", start, end: i };
  };
  const root = value();
  ws();
  if (i !== text.length) fail("trailing text");
  return root;
}

/** The member of an object node with that key (last one wins, as in JSON.parse). */
export function member(
  node: SpanNode,
  key: string,
): SpanMember | undefined {
  if (node.kind !== "object") return undefined;
  return node.members.findLast((m) => m.key === key);
}
