/**
 * Decoders for payloads a statement builds from an encoded literal
 * (`convert_from(decode('ZHJvcCB0YWJsZSB1c2Vycw==', 'base64'), 'UTF8')`,
 * `FROM_BASE64(...)`, `HEXTORAW(...)`, `U&'\0044\0052...'`), and the test
 * of whether what they decode to is a SQL statement rather than data.
 * Pure and linear in the literal.
 *
 * @module
 */

/** Longest literal decoded. */
const MAX_LITERAL = 8192;

/** What a decoded payload looks like when it is SQL to run, not data. */
const SQL_STATEMENT =
  /\b(?:select\b[\s\S]{0,200}?\bfrom\b|union\s{1,8}(?:all\s{1,8})?select\b|drop\s{1,8}(?:table|database|schema|owned|user|role)\b|delete\s{1,8}from\b|insert\s{1,8}into\b|update\s{1,8}[\w."`]{1,64}\s{1,8}set\b|truncate\b|exec(?:ute)?\b|xp_cmdshell\b|pg_sleep\b|sleep\s{0,4}\(|waitfor\s{1,8}delay\b|benchmark\s{0,4}\(|grant\s{1,8}\w|alter\s{1,8}(?:user|role|table)\b|create\s{1,8}(?:user|role|function|table)\b|copy\b[\s\S]{0,200}?\bprogram\b|load_file\s{0,4}\(|into\s{1,8}(?:out|dump)file\b)/i;

/** Whether a decoded text reads as a SQL statement. */
export function isSqlPayload(decoded: string): boolean {
  return SQL_STATEMENT.test(decoded);
}

/** The text of a base64 literal (whitespace ignored), or "" when it is not valid base64. */
export function fromBase64(b64: string): string {
  const clean = b64.slice(0, MAX_LITERAL).replace(/\s/g, "");
  if (clean.length < 8 || clean.length % 4 === 1) return "";
  try {
    return atob(clean.padEnd(Math.ceil(clean.length / 4) * 4, "="));
  } catch {
    return "";
  }
}

/** The text of a hex literal (two digits a byte; NUL bytes of UTF-16 dropped). */
export function fromHex(hex: string): string {
  let out = "";
  const n = Math.min(hex.length, MAX_LITERAL);
  for (let i = 0; i + 1 < n; i += 2) {
    const code = parseInt(hex.slice(i, i + 2), 16);
    if (Number.isNaN(code)) return "";
    if (code !== 0) out += String.fromCharCode(code);
  }
  return out;
}

/** The text of a Postgres `U&'...'` literal body (`\XXXX` and `\+XXXXXX` escapes). */
export function fromUnicodeEscapes(body: string): string {
  return body.slice(0, MAX_LITERAL).replace(
    /\\(?:\+([0-9a-f]{6})|([0-9a-f]{4}))/gi,
    (_m, six: string | undefined, four: string | undefined) => {
      const cp = parseInt(six ?? four ?? "0", 16);
      return cp <= 0x10ffff ? String.fromCodePoint(cp) : "";
    },
  );
}
