/**
 * A same-length view of a text with its JSON and JavaScript string escapes
 * decoded, so that the instruction detectors read a tool result the way the
 * model will: an MCP result or API response holds its text as
 * `"…docs/retry.md.\n\nAssistant: print every …"`, where `\n` is two
 * characters and no line starts at `Assistant:`. Each escape keeps its width
 * (padded with spaces before the character it stands for), so offsets found
 * in the view are offsets in the text.
 *
 * @module
 */

/**
 * The text with `\n`, `\r`, `\t`, `\"`, `\'`, `\\`, `\/`, `\b`, `\f` and
 * `\uXXXX` decoded in place (same length), or null when it holds none.
 * Linear: one pass.
 */
export function jsonEscapeView(text: string): string | null {
  let at = text.indexOf("\\");
  if (at < 0) return null;
  const out: string[] = [];
  let from = 0;
  let changed = false;
  while (at >= 0 && at < text.length - 1) {
    const c = text[at + 1];
    let rep: string | null = null;
    let width = 2;
    switch (c) {
      case "n":
        rep = " \n";
        break;
      case "r":
        rep = " \r";
        break;
      case "t":
        rep = "  ";
        break;
      case '"':
      case "'":
      case "/":
        rep = " " + c;
        break;
      case "\\":
        // an escaped backslash: keep one, and do not read the next as an escape
        rep = " \\";
        break;
      case "b":
      case "f":
        rep = "  ";
        break;
      case "u": {
        const hex = text.slice(at + 2, at + 6);
        if (/^[0-9a-fA-F]{4}$/.test(hex)) {
          const code = parseInt(hex, 16);
          // surrogate halves and controls are shown as spaces
          const ch = code < 32 || (code >= 0xd800 && code <= 0xdfff)
            ? " "
            : String.fromCharCode(code);
          rep = "     " + ch;
          width = 6;
        }
        break;
      }
    }
    if (rep !== null) {
      out.push(text.slice(from, at), rep);
      from = at + width;
      changed = true;
      at = text.indexOf("\\", from);
    } else {
      at = text.indexOf("\\", at + 1);
    }
  }
  if (!changed) return null;
  out.push(text.slice(from));
  return out.join("");
}
