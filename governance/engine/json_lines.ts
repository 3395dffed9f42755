/**
 * A small JSON parser that remembers on which line each object and array
 * starts, so errors in a user's file can name the line.
 *
 * @module
 */

/** A JSON syntax error with the line and column where it was found. */
export class JsonSyntaxError extends Error {
  constructor(message: string, readonly line: number, readonly column: number) {
    super(`line ${line}, column ${column}: ${message}`);
  }
}

/** The parsed value and the starting line of each object or array in it. */
export interface ParsedJson {
  value: unknown;
  lines: WeakMap<object, number>;
}

/** Parses JSON text; throws JsonSyntaxError naming the line. */
export function parseJsonWithLines(text: string): ParsedJson {
  const lines = new WeakMap<object, number>();
  let i = 0;
  let line = 1;
  let lineStart = 0;

  const fail = (msg: string): never => {
    throw new JsonSyntaxError(msg, line, i - lineStart + 1);
  };
  const ws = () => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 10) {
        line++;
        lineStart = i + 1;
      } else if (c !== 32 && c !== 9 && c !== 13) break;
      i++;
    }
  };
  const str = (): string => {
    const start = i;
    i++;
    while (i < text.length) {
      const c = text[i];
      if (c === '"') {
        i++;
        try {
          return JSON.parse(text.slice(start, i));
        } catch {
          return fail("invalid escape in string");
        }
      }
      if (c === "\\") i++;
      else if (c === "\n") fail("line break inside a string");
      i++;
    }
    return fail("unterminated string");
  };
  const value = (depth: number): unknown => {
    if (depth > 64) fail("nesting too deep");
    ws();
    const c = text[i];
    if (c === "{") {
      const obj: Record<string, unknown> = {};
      lines.set(obj, line);
      i++;
      ws();
      if (text[i] === "}") {
        i++;
        return obj;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail("expected a quoted key");
        const key = str();
        ws();
        if (text[i] !== ":") fail(`expected ':' after "${key}"`);
        i++;
        obj[key] = value(depth + 1);
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "}") {
          i++;
          return obj;
        }
        fail("expected ',' or '}'");
      }
    }
    if (c === "[") {
      const arr: unknown[] = [];
      lines.set(arr, line);
      i++;
      ws();
      if (text[i] === "]") {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(value(depth + 1));
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "]") {
          i++;
          return arr;
        }
        fail("expected ',' or ']'");
      }
    }
    if (c === '"') return str();
    const m =
      /^(?:-?(?:0|[1-9]\d{0,30})(?:\.\d{1,30})?(?:[eE][+-]?\d{1,5})?|true|false|null)/
        .exec(text.slice(i, i + 80));
    if (!m) {
      return fail(
        c === undefined ? "unexpected end of file" : `unexpected '${c}'`,
      );
    }
    i += m[0].length;
    return JSON.parse(m[0]);
  };

  const v = value(0);
  ws();
  if (i < text.length) fail("unexpected text after the end");
  return { value: v, lines };
}
