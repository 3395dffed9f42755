/**
 * Secrets and PII in disguise. Tool output hides values in ways the
 * catalogue's patterns do not read: JSON `\uXXXX` and `\xHH` escapes, URL
 * encoding, HTML entities, ANSI colour codes, zero-width and full-width
 * characters, no-break spaces, obfuscated e-mail (`name [at] host [dot]
 * com`, `name<at>host<dot>com`, `name@host[.]com`), values wrapped over lines or table rows, base64 of a credentials
 * file.
 *
 * Each disguise is undone in a *view* of the text that remembers, per
 * character, the span of the original it came from; the scanner runs on the
 * view and its findings are mapped back, so redaction removes the original
 * (escaped, coloured, wrapped) characters. Views are built only when a hint
 * of a disguise occurs, so ordinary text pays one linear hint test.
 *
 * @module
 */

import type { Finding } from "../types.ts";

/** A decoded copy of a text and where each of its characters came from. */
export interface View {
  text: string;
  /** Per view character: start of its source span in the original. */
  from: Int32Array;
  /** Per view character: end of its source span in the original. */
  to: Int32Array;
}

/** Scans a text (the plain scanner, injected so this module stays below it). */
export type ScanFn = (
  text: string,
  categories?: ("pii" | "secret")[],
) => Finding[];

/** A sign that a text may hold an escape, encoding or invisible character the view undoes (ESC starts ANSI codes). */
const HINT = new RegExp(
  String.fromCharCode(27) +
    String
      .raw`|[\w~+/=.-]\\\r?\n[\w~+/=.-]|\\+["/]|[A-Za-z0-9]\\[_*]|[\u00a0\u00ad\u200b-\u200d\u2007\u2009\u202f\u2060\u3000\ufeff\uff01-\uff5e]|\\u[0-9a-fA-F]{4}|\\x[0-9a-fA-F]{2}|%[0-9a-fA-F]{2}|&#?[A-Za-z0-9]{2,8};|[[({<]\s?(?:at|dot)\s?[\])}>]|[[(]\.[\])]|\sdot\s|\w @ \w`,
  "i",
);

/** Named HTML entities that spell characters of secrets, e-mail addresses and numbers. */
const ENTITIES: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  commat: "@",
  period: ".",
  colon: ":",
  lowbar: "_",
  hyphen: "-",
  dash: "-",
  sol: "/",
  num: "#",
  nbsp: " ",
  plus: "+",
  equals: "=",
  excl: "!",
  percnt: "%",
  dollar: "$",
  ast: "*",
  comma: ",",
  semi: ";",
};

const isWordChar = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

const isHex = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);

/** Characters of a token that a line continuation may split (letters, digits, `~+/=._-`). */
const isContinued = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ||
  c === 95 || c === 45 || c === 43 || c === 47 || c === 61 || c === 46 ||
  c === 126;

/** Characters that vanish from the view (zero-width, soft hyphen, BOM). */
const isInvisible = (c: number): boolean =>
  c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff;

/** Spaces that read as one ASCII space. */
const isOddSpace = (c: number): boolean =>
  c === 0xa0 || c === 0x2007 || c === 0x2009 || c === 0x202f || c === 0x3000;

/**
 * Obfuscated e-mail: a local part, an `at` word in brackets (or spaced,
 * when a `dot` word follows), a domain whose dots may be `dot` words.
 * Linear: the lookbehind lets a match start only at a word's first
 * character, and every repeated piece begins with a separator the piece
 * before cannot match.
 */
const OBFUSCATED_EMAIL =
  /(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}(?: ?[[({<] ?at ?[\])}>] ?| at | @ |@)[A-Za-z0-9][A-Za-z0-9-]{0,62}(?:(?: ?[[({<] ?dot ?[\])}>] ?| dot | \. |\.| ?\[\.\] ?| ?\(\.\) ?)[A-Za-z0-9][A-Za-z0-9-]{0,62}){1,4}(?![A-Za-z0-9-])/gi;

/** Template words of an address written as an example. */
const TEMPLATE_ADDRESS =
  /^(?:user|username|name|you|your|me|someone|somebody|first|firstname|email|mail)\b.*\b(?:domain|example|company|host|yourdomain|mydomain)\b|\btld$/i;

/** A label before an address written out ("email:", "contact", "mailto", "reach me"). */
const MAIL_LABEL =
  /(?:e-?mail|mail|contact|reach|write)\w*\W{0,3}(?:\w+\W{1,3}){0,3}$/i;

/**
 * Whether `s` (at `at` in `text`), spelled with a bare " at ", is an
 * address and not prose ("meet at home dot com"): the local part has a
 * character words lack (`.`, `_`, `-`, `+`, a digit), the words are
 * upper case in lower-case surroundings ("ann AT mail DOT se"), a mail
 * label comes just before it, or it ends the clause (an address written
 * out stands alone; prose goes on with words: "meet at home dot com cafe").
 */
function spacedAtAddress(text: string, at: number, s: string): boolean {
  const i = s.search(/ at /i);
  if (/[._%+\d-]/.test(s.slice(0, i))) return true;
  if (s.slice(i, i + 4) === " AT " && /[a-z]/.test(s)) return true;
  const near = text.slice(Math.max(0, at - 40), at);
  if (MAIL_LABEL.test(near.slice(near.lastIndexOf("\n") + 1))) return true;
  return !/^ ?[A-Za-z]/.test(text.slice(at + s.length, at + s.length + 2));
}

/** Whether a mail label ("Email:", "contact") stands just before `at` on its line. */
function mailLabelled(text: string, at: number): boolean {
  const near = text.slice(Math.max(0, at - 40), at);
  return MAIL_LABEL.test(near.slice(near.lastIndexOf("\n") + 1));
}

/** Separator spans of obfuscated addresses, and the character each stands for. */
function emailSeparators(text: string): Map<number, [number, string]> {
  const out = new Map<number, [number, string]>();
  OBFUSCATED_EMAIL.lastIndex = 0;
  for (let m; (m = OBFUSCATED_EMAIL.exec(text)) !== null;) {
    const s = m[0];
    // " at " and " dot " only count when a bracketed or spelled-out dot is there too.
    if (
      !/[[({<] ?at|[[({<] ?dot| dot |\[\.\]|\(\.\)/i.test(s) &&
      // "ann @ mail . se" only under a mail label ("Email: …").
      !(s.includes(" @ ") && mailLabelled(text, m.index))
    ) continue;
    // How-to text spells a template, not an address ("user [at] domain [dot] tld").
    if (TEMPLATE_ADDRESS.test(s)) continue;
    if (
      !s.includes("@") && !/[[({<] ?at/i.test(s) &&
      !spacedAtAddress(text, m.index, s)
    ) continue;
    const re =
      / ?[[({<] ?(at|dot) ?[\])}>] ?| (at|dot) | (@) | (\.) | ?\[\.\] ?| ?\(\.\) ?/gi;
    for (let p; (p = re.exec(s)) !== null;) {
      const word = p[3] !== undefined
        ? "at"
        : (p[1] ?? p[2] ?? "dot").toLowerCase();
      out.set(m.index + p.index, [
        m.index + p.index + p[0].length,
        word === "at" ? "@" : ".",
      ]);
    }
  }
  return out;
}

/** A line of a URL-encoded form body: two or more `key=value` pairs joined by `&`, no spaces. */
const FORM_LINE =
  /^[A-Za-z0-9_.%[\]-]{1,64}=[^&\s]{0,4096}(?:&[A-Za-z0-9_.%[\]-]{1,64}=[^&\s]{0,4096})+$/gm;

/**
 * `text` with the `+` of its URL-encoded form lines read as spaces
 * (`name=Jane+Roe&dob=14+Jun+1986`), each `+` kept that starts a value
 * (`mobile=+44+7700+900123` keeps the country's plus); the same length as
 * `text`. Undefined when the text holds no such form line.
 */
function formSpaced(text: string): string | undefined {
  if (text.indexOf("&") < 0 || text.indexOf("+") < 0) return undefined;
  let out: string[] | undefined;
  let pos = 0;
  FORM_LINE.lastIndex = 0;
  for (let m; (m = FORM_LINE.exec(text)) !== null;) {
    const s = m[0];
    const spaced = s.replace(/(?<![=&])\+/g, " ");
    if (spaced === s) continue;
    (out ??= []).push(text.slice(pos, m.index), spaced);
    pos = m.index + s.length;
  }
  if (out === undefined) return undefined;
  out.push(text.slice(pos));
  return out.join("");
}

/**
 * The decoded view of `text`, or undefined when nothing in it is disguised.
 * Escapes (`\uXXXX`, `\xHH`, `%XX`, `&#N;`, `&#xH;`, `&name;`, `\"`
 * and `\/` behind any number of backslashes, markdown's `\_` and `\*` inside
 * a word) are decoded,
 * ANSI CSI sequences and invisible characters dropped, full-width forms and
 * odd spaces folded to ASCII, obfuscated e-mail separators replaced.
 */
export function undisguise(text: string): View | undefined {
  if (!HINT.test(text)) return undefined;
  const n = text.length;
  const seps = /at|dot|@/i.test(text) ? emailSeparators(text) : undefined;
  // Each emitted unit consumes at least one character: n entries suffice
  // (typed arrays, not three growing arrays: 10 MB of full-width letters
  // spent seconds in growth and garbage collection).
  const out = new Uint16Array(n);
  const from = new Int32Array(n);
  const to = new Int32Array(n);
  let k = 0;
  let changed = false;
  const emit = (c: number, a: number, b: number) => {
    out[k] = c;
    from[k] = a;
    to[k] = b;
    k++;
  };
  for (let i = 0; i < n;) {
    const c = text.charCodeAt(i);
    const sep = seps?.get(i);
    if (sep !== undefined) {
      emit(sep[1].charCodeAt(0), i, sep[0]);
      i = sep[0];
      changed = true;
      continue;
    }
    // One encoded unit: its code and its length in the original.
    let code = c;
    let len = 1;
    if (c === 92 && i + 1 < n) { // backslash
      const d = text.charCodeAt(i + 1);
      // A line continuation inside a token (`"abc\<newline>def"`): the
      // backslash and the line break vanish, the token reads whole.
      const nl = d === 13 && i + 2 < n && text.charCodeAt(i + 2) === 10
        ? i + 2
        : d === 10
        ? i + 1
        : -1;
      if (
        nl > 0 && i > 0 && isContinued(text.charCodeAt(i - 1)) &&
        nl + 1 < n && isContinued(text.charCodeAt(nl + 1))
      ) {
        i = nl + 1;
        changed = true;
        continue;
      }
      // Escaped quotes and slashes at any depth of escaping (JSON in JSON: \\\" reads as ").
      let j = i + 1;
      while (j < n && j - i < 16 && text.charCodeAt(j) === 92) j++;
      const e = j < n ? text.charCodeAt(j) : 0;
      if (e === 34 || e === 47) {
        code = e;
        len = j + 1 - i;
      } else if (
        // A markdown escape inside a word (`sk\_live\_…`, `a\*b`): the
        // character itself.
        (e === 95 || e === 42) && j === i + 1 && i > 0 &&
        isWordChar(text.charCodeAt(i - 1))
      ) {
        code = e;
        len = 2;
      } else if (
        // \uXXXX and \xHH behind any number of backslashes too (JSON in a
        // JSON string in a JSON response: \\u0067).
        (e === 117 || e === 85) && j + 4 < n && isHex(text.charCodeAt(j + 1)) &&
        isHex(text.charCodeAt(j + 2)) && isHex(text.charCodeAt(j + 3)) &&
        isHex(text.charCodeAt(j + 4))
      ) {
        code = parseInt(text.slice(j + 1, j + 5), 16);
        len = j + 5 - i;
      } else if (
        e === 120 && j + 2 < n && isHex(text.charCodeAt(j + 1)) &&
        isHex(text.charCodeAt(j + 2))
      ) {
        code = parseInt(text.slice(j + 1, j + 3), 16);
        len = j + 3 - i;
      }
    } else if (
      c === 37 && i + 2 < n && isHex(text.charCodeAt(i + 1)) &&
      isHex(text.charCodeAt(i + 2))
    ) { // %XX
      const v = parseInt(text.slice(i + 1, i + 3), 16);
      if (v >= 0x20 && v < 0x7f) {
        code = v;
        len = 3;
      }
    } else if (c === 38) { // &...;
      const semi = text.indexOf(";", i + 2);
      if (semi > 0 && semi - i <= 10) {
        const body = text.slice(i + 1, semi);
        let v: number | undefined;
        if (/^#\d{1,6}$/.test(body)) v = Number(body.slice(1));
        else if (/^#[xX][0-9a-fA-F]{1,5}$/.test(body)) {
          v = parseInt(body.slice(2), 16);
        } else if (ENTITIES[body] !== undefined) {
          v = ENTITIES[body].charCodeAt(0);
        }
        if (v !== undefined && v > 0 && v < 0x10000) {
          code = v;
          len = semi + 1 - i;
        }
      }
    }
    if (len > 1) changed = true;
    // ANSI CSI: ESC [ parameters final-byte (the ESC itself may be escaped).
    if (code === 27) {
      let j = i + len;
      if (j < n && text.charCodeAt(j) === 91) {
        j++;
        while (j < n && j - i < 40) {
          const p = text.charCodeAt(j);
          if (p >= 0x40 && p <= 0x7e) {
            j++;
            break;
          }
          if (p < 0x20 || p > 0x3f) break;
          j++;
        }
      }
      i = j;
      changed = true;
      continue;
    }
    if (isInvisible(code)) {
      i += len;
      changed = true;
      continue;
    }
    if (code >= 0xff01 && code <= 0xff5e) {
      code -= 0xfee0;
      changed = true;
    } else if (isOddSpace(code)) {
      code = 32;
      changed = true;
    }
    emit(code, i, i + len);
    i += len;
  }
  if (!changed) return undefined;
  return {
    text: codesToString(out.subarray(0, k)),
    from: from.slice(0, k),
    to: to.slice(0, k),
  };
}

/** A string from UTF-16 codes, in chunks (no argument-count limit). */
function codesToString(codes: Uint16Array): string {
  const parts: string[] = [];
  // `apply` on a subarray view: no copy and no spread (5x faster on 10 MB).
  for (let i = 0; i < codes.length; i += 8192) {
    parts.push(
      String.fromCharCode.apply(
        null,
        codes.subarray(i, i + 8192) as unknown as number[],
      ),
    );
  }
  return parts.join("");
}

/** Maps a finding of a view back onto the original text. */
function mapBack(f: Finding, v: View): Finding {
  return { ...f, start: v.from[f.start], end: v.to[f.end - 1] };
}

/** Characters of a token that may be wrapped over lines. */
const isTokenChar = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ||
  c === 95 || c === 45 || c === 43 || c === 47 || c === 61 || c === 46 ||
  c === 58;

/** Whether the line starting at `b` begins with a bare token fragment: no `:` and no `=` but base64 padding inside its first run of token characters (`LOG_LEVEL=debug`, `host: db` are the next setting). */
function bareContinuation(text: string, b: number): boolean {
  for (let r = b; r < text.length && r - b < 200; r++) {
    const c = text.charCodeAt(r);
    if (!isTokenChar(c)) return true;
    if (c === 58) return false;
    if (c === 61) {
      const d = text.charCodeAt(r + 1);
      if (d !== 61 && isTokenChar(d)) return false;
    }
  }
  return true;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** Longest lowercase run read as a word of prose; a random tail this long and all lowercase is rare. */
const PROSE_WORD = 24;

/**
 * Whether the line starting at `b` begins with a word (`a-z`, or a capital
 * and 2+ of `a-z`, at most {@link PROSE_WORD} letters, then a full stop or
 * no token character): the start of the next line's text, not the rest of a wrapped
 * token.
 */
function proseWord(text: string, b: number): boolean {
  const c0 = text.charCodeAt(b);
  const capital = c0 >= 65 && c0 <= 90;
  let r = capital ? b + 1 : b;
  while (r < text.length && r - b <= PROSE_WORD) {
    const c = text.charCodeAt(r);
    if (c < 97 || c > 122) break;
    r++;
  }
  if (r - b < (capital ? 3 : 1) || r - b > PROSE_WORD) return false;
  // A full stop ending the word (`done.`) is prose too.
  if (text.charCodeAt(r) === 46) r++;
  return r >= text.length || !isTokenChar(text.charCodeAt(r));
}

/** Characters a log prefix ends with before the message (`| `, `] `, `: `, `> `, a space). */
const isPrefixEnd = (c: number): boolean =>
  c === 32 || c === 9 || c === 124 || c === 93 || c === 58 || c === 62;

/** Whether the line from `b` to its end is one token: 8+ characters with a digit and a letter, or 16+ of both cases. */
function wholeTokenLine(text: string, b: number): boolean {
  let e = b;
  let lower = false, upper = false, digit = false;
  while (e < text.length && e - b < 4096) {
    const c = text.charCodeAt(e);
    if (c === 10 || c === 13) break;
    if (!isTokenChar(c)) return false;
    if (isDigit(c)) digit = true;
    else if (c >= 97 && c <= 122) lower = true;
    else if (c >= 65 && c <= 90) upper = true;
    e++;
  }
  // Title-case words (`Request-Id`) are not random: without a digit, 16+ characters.
  return e - b >= 8 && (lower || upper) && digit ||
    e - b >= 16 && lower && upper;
}

/**
 * Length of the prefix that the line after the break at `nl` repeats from
 * the start of the line before it (digits may differ: timestamps move on),
 * when it is at least 8 characters, ends at a separator and stops before
 * `tokenStart` (the wrapped token); 0 otherwise.
 */
function repeatedPrefix(text: string, nl: number, tokenStart: number): number {
  const ls = text.lastIndexOf("\n", nl - 1) + 1;
  const max = Math.min(tokenStart - ls, 80, text.length - nl - 1);
  let k = 0;
  while (k < max) {
    const c = text.charCodeAt(ls + k), d = text.charCodeAt(nl + 1 + k);
    if (c !== d && !(isDigit(c) && isDigit(d))) break;
    k++;
  }
  // Back to the last separator the two lines share.
  while (k > 0 && !isPrefixEnd(text.charCodeAt(ls + k - 1))) k--;
  while (k < max && text.charCodeAt(nl + 1 + k) === 32) k++;
  return k >= 8 ? k : 0;
}

/**
 * A line break inside a token: the line ends in a token of at least 10
 * characters with letters and digits or both cases, optionally followed by a wrap mark
 * (`\`, psql's `+`, a closing quote and `+`), and the next line, after
 * indentation, table borders or an opening quote, goes on with token
 * characters. Returns the view with such breaks removed, or undefined.
 * With `near` (sorted offsets of secret keywords), only the breaks ending
 * those keywords' lines are looked at, and only when the last token of the
 * line holds the keyword.
 */
export function unwrapLines(
  text: string,
  near?: readonly number[],
): View | undefined {
  const n = text.length;
  const breaks: number[] = [];
  if (near === undefined) {
    for (
      let nl = text.indexOf("\n");
      nl >= 0;
      nl = text.indexOf("\n", nl + 1)
    ) {
      breaks.push(nl);
    }
  } else {
    // `near` is sorted: the line end found for one offset serves every
    // offset before it (a search per offset was quadratic on a long line
    // full of keywords).
    let last = -1;
    for (const p of near) {
      const nl = p <= last ? last : text.indexOf("\n", p);
      if (nl < 0) break;
      if (nl !== last) breaks.push(nl);
      last = nl;
    }
  }
  if (breaks.length === 0) return undefined;
  const cuts: [number, number][] = [];
  // Near keywords, the line after a cut that is all token goes on being
  // read (a token wrapped over three or more lines): its break is looked at
  // without a keyword of its own.
  let chained = -1;
  let bi = 0;
  while (bi < breaks.length || chained >= 0) {
    let nl: number;
    const chain = chained >= 0;
    if (chain) {
      nl = chained;
      chained = -1;
      while (bi < breaks.length && breaks[bi] <= nl) bi++;
    } else nl = breaks[bi++];
    // Left side: skip a wrap mark and spaces, then read the token back.
    let e = nl;
    if (e > 0 && text.charCodeAt(e - 1) === 13) e--;
    let a = e;
    while (a > 0 && text.charCodeAt(a - 1) === 32 && e - a < 4) a--;
    const marked = a > 0 && (text[a - 1] === "\\" || text[a - 1] === "+");
    if (marked) a--;
    // A table cell's right border: the value may go on in the next row's cell.
    const bordered = !marked && a > 0 &&
      (text[a - 1] === "|" || text[a - 1] === "│");
    if (bordered) a--;
    while (a > 0 && text.charCodeAt(a - 1) === 32 && e - a < 6) a--;
    if (a > 0 && (text[a - 1] === '"' || text[a - 1] === "'")) a--;
    let t = a;
    let lower = false, upper = false, digit = false;
    while (t > 0 && a - t < 200 && isTokenChar(text.charCodeAt(t - 1))) {
      const c = text.charCodeAt(t - 1);
      if (c >= 48 && c <= 57) digit = true;
      else if (c >= 97 && c <= 122) lower = true;
      else if (c >= 65 && c <= 90) upper = true;
      t--;
    }
    // A token: letters with digits, or both cases (not a word of prose).
    if (a - t < 10 || !((lower || upper) && digit || lower && upper)) continue;
    if (near !== undefined && !chain && !nearIn(near, t, a)) continue;
    // Right side: indentation, table borders, an opening quote, then token characters.
    let b = nl + 1;
    while (
      b < n && b - nl < 40 &&
      (text[b] === " " || text[b] === "|" || text[b] === "\t" ||
        text[b] === "│")
    ) b++;
    // A log line's prefix repeated on the next line (`2026-12-02T10:14:07Z | `):
    // the value goes on after it.
    const prefixed = !marked && !bordered && b === nl + 1
      ? repeatedPrefix(text, nl, t)
      : 0;
    if (prefixed > 0) {
      b = nl + 1 + prefixed;
      // After a log prefix, the rest of the line is the rest of the token.
      if (!wholeTokenLine(text, b)) continue;
    }
    if (b < n && (text[b] === '"' || text[b] === "'")) b++;
    // After a border, the next row must be a continuation: its cells before the value empty.
    if (bordered && !/[|│] *[|│] *$/.test(text.slice(nl + 1, b))) continue;
    // After an explicit wrap mark the rest may be short (psql's last line of a cell).
    const need = marked ? 1 : 4;
    let r = b;
    while (r < n && r - b < need && isTokenChar(text.charCodeAt(r))) r++;
    if (r - b < need) continue;
    // Without a wrap mark the next line must be nothing but the rest of the
    // token: a line of its own such as `LOG_LEVEL=debug` or `host: db` is
    // the next setting, not a continuation.
    // Further down a chain, a line of nothing but token goes on with it
    // even with an `=` inside (Atlassian's `…=E94BEFDF` tail).
    if (
      !marked && !bareContinuation(text, b) &&
      !(chain && wholeTokenLine(text, b))
    ) continue;
    // Nor is a lowercase word (`customer`, `done`): the next line's prose.
    if (!marked && proseWord(text, b)) continue;
    cuts.push([a, b]);
    if (near !== undefined) {
      const next = text.indexOf("\n", b);
      if (next > b && next - b <= 4096 && wholeTokenLine(text, b)) {
        chained = next;
      }
    }
  }
  return cuts.length === 0 ? undefined : cutView(text, cuts);
}

/** True when some offset of the sorted `near` lies in [a, b). */
function nearIn(near: readonly number[], a: number, b: number): boolean {
  let lo = 0, hi = near.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (near[mid] < a) lo = mid + 1;
    else hi = mid;
  }
  return lo < near.length && near[lo] < b;
}

/** Base64 alphabet (standard), as a lookup by character code. */
const B64_CHAR = (() => {
  const t = new Uint8Array(128);
  for (
    const c
      of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
  ) {
    t[c.charCodeAt(0)] = 1;
  }
  return t;
})();

/** Shortest base64 run worth decoding (21 bytes: one `API_KEY=…` line; a credentials block is longer). */
const MIN_BASE64 = 28;

/**
 * Base64 runs of at least {@link MIN_BASE64} characters (with up to two `=`
 * of padding), not touching other base64 characters: a loop, not a regex
 * (a greedy regex over a 10 MB run runs out of backtracking stack).
 */
export function base64Runs(text: string): [number, number][] {
  const out: [number, number][] = [];
  const n = text.length;
  const is = (i: number) => {
    const c = text.charCodeAt(i);
    return c < 128 && B64_CHAR[c] === 1;
  };
  for (let i = 0; i < n;) {
    if (!is(i)) {
      i++;
      continue;
    }
    let j = i;
    while (j < n && is(j)) j++;
    let end = j;
    while (end < n && end - j < 2 && text.charCodeAt(end) === 61) end++;
    const glued = (i > 0 && text.charCodeAt(i - 1) === 61 &&
      !assignedAt(text, i - 1)) ||
      (end < n && (text.charCodeAt(end) === 61 || is(end)));
    if (j - i >= MIN_BASE64 && !glued) out.push([i, end]);
    i = end > j ? end : j;
  }
  return out;
}

/**
 * Whether the `=` at `eq` ends a short key of a `key=value` field
 * (`payload=eyJ…` in a log line) rather than the padding of base64 before
 * it: 1 to 32 letters, digits or `_` right before it, and before them a
 * blank, a line start or `&` `?` `;` `,`.
 */
function assignedAt(text: string, eq: number): boolean {
  let k = eq - 1;
  while (k >= 0 && eq - k <= 33) {
    const c = text.charCodeAt(k);
    const word = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) ||
      (c >= 97 && c <= 122) || c === 95;
    if (!word) break;
    k--;
  }
  const len = eq - 1 - k;
  if (len < 1 || len > 32) return false;
  if (k < 0) return true;
  const b = text.charCodeAt(k);
  return b === 32 || b === 9 || b === 10 || b === 13 || b === 38 ||
    b === 63 || b === 59 || b === 44;
}

/** Decoded base64 that is mostly printable text (a file, not a hash or an image). */
function decodeText(run: string): string | undefined {
  let bin: string;
  try {
    bin = atob(
      run.length % 4 === 0 ? run : run + "=".repeat(4 - run.length % 4),
    );
  } catch {
    return undefined;
  }
  let printable = 0;
  for (let i = 0; i < bin.length; i++) {
    const c = bin.charCodeAt(i);
    if ((c >= 32 && c < 127) || c === 10 || c === 13 || c === 9) printable++;
  }
  return printable >= bin.length * 0.95 ? bin : undefined;
}

/** Most base64 runs decoded per text (each decode is linear; this bounds the total work on hostile input). */
const MAX_BASE64_RUNS = 256;

/**
 * Findings hidden in base64: each run that decodes to text and holds a
 * secret (or PII) becomes one finding over the whole run, typed by the first
 * thing found in it.
 */
export function base64Findings(text: string, scanText: ScanFn): Finding[] {
  if (text.length < MIN_BASE64) return [];
  const out: Finding[] = [];
  const runs = base64Runs(text);
  for (let k = 0; k < runs.length && k < MAX_BASE64_RUNS; k++) {
    const [a, b] = runs[k];
    const decoded = decodeText(text.slice(a, b));
    if (decoded === undefined) continue;
    const inner = scanText(decoded);
    if (inner.length === 0) continue;
    const first = inner.find((f) => f.category === "secret") ?? inner[0];
    out.push({ ...first, start: a, end: b });
  }
  return out;
}

/** Which views a text needs (from the scanner's marker hits). */
export interface ViewNeeds {
  /** Escapes, encodings or invisible characters may occur. */
  decode: boolean;
  /** Base64 of a credential file may occur. */
  base64: boolean;
  /**
   * Offsets of secret keywords (sorted; a token there may be wrapped over
   * lines), or true to look at every line break.
   */
  unwrap: readonly number[] | boolean;
}

/**
 * Findings that only the decoded views show, mapped onto `text`: the
 * escape/encoding view, the unwrapped-lines view (secrets only, and only
 * findings across a removed break) and base64 runs.
 */
export function disguisedFindings(
  text: string,
  scanText: ScanFn,
  needs: ViewNeeds = { decode: true, base64: true, unwrap: true },
): Finding[] {
  const out: Finding[] = [];
  const view = needs.decode ? undisguise(text) : undefined;
  const base = view?.text ?? text;
  if (view !== undefined) {
    for (const f of scanText(view.text)) {
      if (f.end > f.start) out.push(mapBack(f, view));
    }
  }
  // A form body's values, spaces put back, for personal data only
  // (`q=password+reset` is a search, not a password).
  const form = needs.decode ? formSpaced(base) : undefined;
  if (form !== undefined) {
    for (const f of scanText(form, ["pii"])) {
      if (f.end > f.start) out.push(view === undefined ? f : mapBack(f, view));
    }
  }
  const wrapped = view !== undefined || needs.unwrap === true
    ? unwrapLines(base)
    : needs.unwrap === false
    ? undefined
    : unwrapLines(base, needs.unwrap);
  if (wrapped !== undefined) {
    for (const f of scanText(wrapped.text, ["secret"])) {
      // Only findings that cross a removed break are new.
      const a = wrapped.from[f.start], b = wrapped.to[f.end - 1];
      if (b - a === f.end - f.start) continue;
      const g = { ...f, start: a, end: b };
      out.push(view === undefined ? g : mapBack(g, view));
    }
  }
  if (needs.base64) {
    for (const f of base64Findings(base, scanText)) {
      out.push(view === undefined ? f : mapBack(f, view));
    }
  }
  return out;
}

/** The view of `text` with the spans `cuts` (sorted, disjoint) removed; a removed span belongs to the character before it. */
export function cutView(text: string, cuts: readonly [number, number][]): View {
  const n = text.length;
  const parts: string[] = [];
  const from = new Int32Array(n), to = new Int32Array(n);
  let o = 0, pos = 0;
  for (const [a, b] of cuts) {
    if (a < pos) continue;
    parts.push(text.slice(pos, a));
    for (let i = pos; i < a; i++, o++) {
      from[o] = i;
      to[o] = i + 1;
    }
    if (o > 0) to[o - 1] = b;
    pos = b;
  }
  parts.push(text.slice(pos));
  for (let i = pos; i < n; i++, o++) {
    from[o] = i;
    to[o] = i + 1;
  }
  return {
    text: parts.join(""),
    from: from.subarray(0, o),
    to: to.subarray(0, o),
  };
}
