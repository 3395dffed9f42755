/**
 * Reads the JavaScript object literals a MongoDB shell call is written with
 * (`{ price: { $gte: 10 }, _id: ObjectId("65f1…"), name: /^a/i }`) into
 * plain values, so a query written for `mongosh` can be judged like the JSON
 * document a driver sends. Unquoted and single-quoted keys and strings,
 * trailing commas, `undefined`, constructor calls (`ISODate("…")`, `new
 * Date()`, `NumberLong(5)`, `passwordPrompt()`) and regular expression
 * literals are understood; a call reads as the string `"<Name()>"` (a value,
 * never empty), a bare name (a variable) as `"<name>"`, and `/re/flags` as
 * `{"$regex": "re"}`. Anything else is not a literal: the reader answers
 * undefined. Nesting is bounded and each character is read once, so a hostile
 * text costs linear time.
 *
 * @module
 */

/** Deepest nesting read (a deeper text is not read at all). */
const MAX_DEPTH = 64;

/** Most values read from one text. */
const MAX_VALUES = 50_000;

/** A parse failure (caught by the readers below). */
class NotLiteral extends Error {}

const isSpace = (c: number): boolean =>
  c === 32 || c === 9 || c === 10 || c === 13;
const isNameStart = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36;
const isNameChar = (c: number): boolean =>
  isNameStart(c) || (c >= 48 && c <= 57);

/** A cursor over one text. */
class Reader {
  i = 0;
  values = 0;
  constructor(readonly s: string) {}

  fail(): never {
    throw new NotLiteral();
  }

  space(): void {
    const s = this.s;
    while (this.i < s.length) {
      const c = s.charCodeAt(this.i);
      if (isSpace(c)) this.i++;
      else if (c === 47 && s.charCodeAt(this.i + 1) === 47) {
        const e = s.indexOf("\n", this.i);
        this.i = e < 0 ? s.length : e;
      } else if (c === 47 && s.charCodeAt(this.i + 1) === 42) {
        const e = s.indexOf("*/", this.i + 2);
        this.i = e < 0 ? s.length : e + 2;
      } else break;
    }
  }

  peek(): number {
    this.space();
    return this.s.charCodeAt(this.i);
  }

  expect(c: number): void {
    if (this.peek() !== c) this.fail();
    this.i++;
  }

  string(): string {
    const s = this.s;
    const q = s.charCodeAt(this.i);
    let out = "";
    let j = this.i + 1;
    let from = j;
    while (j < s.length) {
      const c = s.charCodeAt(j);
      if (c === q) {
        out += s.slice(from, j);
        this.i = j + 1;
        return out;
      }
      if (c === 92 /* \ */) {
        out += s.slice(from, j) + (s[j + 1] ?? "");
        j += 2;
        from = j;
        continue;
      }
      j++;
    }
    return this.fail();
  }

  name(): string {
    const s = this.s;
    const start = this.i;
    while (this.i < s.length && isNameChar(s.charCodeAt(this.i))) this.i++;
    if (this.i === start || this.i - start > 128) this.fail();
    return s.slice(start, this.i);
  }

  regex(): { $regex: string } {
    const s = this.s;
    let j = this.i + 1;
    let klass = false;
    while (j < s.length) {
      const c = s.charCodeAt(j);
      if (c === 10) break;
      if (c === 92) j += 2;
      else {
        if (c === 91) klass = true;
        else if (c === 93) klass = false;
        else if (c === 47 && !klass) {
          const source = s.slice(this.i + 1, j);
          this.i = j + 1;
          while (this.i < s.length && isNameChar(s.charCodeAt(this.i))) {
            this.i++;
          }
          return { $regex: source };
        }
        j++;
      }
    }
    return this.fail();
  }

  /** A value, or an arithmetic expression of them (`Date.now() - 86400000`), which reads as `"<expr>"`. */
  value(depth: number): unknown {
    const v = this.primary(depth);
    let expr = false;
    for (;;) {
      const c = this.peek();
      // `+ - * / %` after a value is arithmetic (a `/` there is no regex).
      if (c !== 43 && c !== 45 && c !== 42 && c !== 47 && c !== 37) break;
      this.i++;
      this.primary(depth);
      expr = true;
    }
    return expr ? "<expr>" : v;
  }

  primary(depth: number): unknown {
    if (depth > MAX_DEPTH || ++this.values > MAX_VALUES) this.fail();
    const c = this.peek();
    if (c === 123 /* { */) return this.object(depth);
    if (c === 91 /* [ */) return this.array(depth);
    if (c === 39 || c === 34) return this.string();
    if (c === 47 /* / */) return this.regex();
    if ((c >= 48 && c <= 57) || c === 45 || c === 46) return this.number();
    if (!isNameStart(c)) this.fail();
    let word = this.name();
    if (word === "new") {
      this.space();
      word = this.name();
    }
    switch (word) {
      case "true":
        return true;
      case "false":
        return false;
      case "null":
        return null;
      case "undefined":
        return undefined;
    }
    // `Date.now()`, `Math.floor(x)`, `x.y`: member access and calls.
    let called = false;
    for (let k = 0; k < 16; k++) {
      const c = this.peek();
      if (c === 40 /* ( */) {
        this.i++;
        this.list(41, depth + 1);
        called = true;
      } else if (c === 46 /* . */) {
        this.i++;
        this.space();
        word = this.name();
      } else break;
    }
    return called ? `<${word}()>` : `<${word}>`;
  }

  number(): number {
    const m = /^-?(?:\d{1,32}(?:\.\d{0,32})?|\.\d{1,32})(?:e[+-]?\d{1,4})?/i
      .exec(this.s.slice(this.i, this.i + 80));
    if (m === null) return this.fail();
    this.i += m[0].length;
    return Number(m[0]);
  }

  /** Values separated by commas up to the `close` character (a trailing comma allowed). */
  list(close: number, depth: number): unknown[] {
    const out: unknown[] = [];
    for (;;) {
      if (this.peek() === close) {
        this.i++;
        return out;
      }
      out.push(this.value(depth));
      const c = this.peek();
      if (c === 44) this.i++;
      else if (c !== close) this.fail();
    }
  }

  array(depth: number): unknown[] {
    this.i++;
    return this.list(93, depth + 1);
  }

  object(depth: number): Record<string, unknown> {
    this.i++;
    const out: Record<string, unknown> = {};
    for (;;) {
      const c = this.peek();
      if (c === 125 /* } */) {
        this.i++;
        return out;
      }
      const key = c === 39 || c === 34
        ? this.string()
        : isNameStart(c) || (c >= 48 && c <= 57)
        ? this.name()
        : this.fail();
      this.expect(58 /* : */);
      const v = this.value(depth + 1);
      // `__proto__` as a key would set the prototype: keep it as data.
      Object.defineProperty(out, key, {
        value: v,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      const d = this.peek();
      if (d === 44) this.i++;
      else if (d !== 125) this.fail();
    }
  }
}

/** The text as one JavaScript literal value (an object, array, string...), or undefined when it is not exactly one. */
export function readJsLiteral(text: string): unknown {
  const r = new Reader(text);
  try {
    const v = r.value(0);
    r.space();
    return r.i === text.length ? v : undefined;
  } catch (e) {
    if (e instanceof NotLiteral) return undefined;
    throw e;
  }
}

/**
 * The arguments of a call whose `(` is at `open`: the values and the offset
 * just after the closing `)`; undefined when they are not literals.
 */
export function readJsArguments(
  text: string,
  open: number,
): { args: unknown[]; end: number } | undefined {
  if (text.charCodeAt(open) !== 40) return undefined;
  const r = new Reader(text);
  r.i = open + 1;
  try {
    const args = r.list(41, 1);
    return { args, end: r.i };
  } catch (e) {
    if (e instanceof NotLiteral) return undefined;
    throw e;
  }
}
