/**
 * cmd.exe's `for` loops read as the POSIX loops they amount to, so the
 * command they run is judged with what the loop variable stands for:
 * `for /d %d in (C:\Users\dev\*) do rd /s /q "%d"` deletes every folder of
 * a home, `for /F %u in ('curl -s URL') do %u` runs what a download prints,
 * `for /F %p in ('tasklist ^| findstr codex') do taskkill /F /PID %p` stops
 * the agent.
 *
 * @module
 */

/**
 * `for [/D|/R [root]|/L|/F ["options"]] %X in (SET) do COMMAND`, to the end
 * of the line. Every part is bounded and no two quantifiers overlap.
 */
const FOR_LOOP =
  /^[ \t]{0,16}((?:cmd|cmd\.exe)[ \t]{1,8}\/[ck][ \t]{1,8}"?)?for[ \t]{1,8}(?:\/([a-z])[ \t]{1,8}(?:("[^"\n]{0,256}"|[^\s%"]{1,1024})[ \t]{1,8})?)?%%?([a-z0-9])[ \t]{1,8}in[ \t]{1,8}\(([^)\n]{0,4096})\)[ \t]{1,8}do[ \t]{1,8}([^\n]{1,16384})$/gim;

/** Stands for the loop variable while the body is translated (survives quoting as a bare word). */
const SLOT = "AXFORVAR9";

/** Cheap check before the loop pattern runs. */
export function hasCmdFor(text: string): boolean {
  return /\bfor\b/i.test(text) && /%%?[a-z0-9]\s{1,8}in\s{1,8}\(/i.test(text);
}

/**
 * Replaces each cmd.exe `for` loop of `text` with nothing and returns the
 * POSIX loops they amount to (`translate` turns cmd/PowerShell text into
 * POSIX shell text); at most 16 loops.
 */
export function cmdForAsShell(
  text: string,
  translate: (src: string) => string,
): { rest: string; loops: string[] } {
  const loops: string[] = [];
  const rest = text.replace(
    FOR_LOOP,
    (all, via, mode: string | undefined, opt, v: string, set: string, body) => {
      if (loops.length >= 16) return all;
      // cmd /c "for … do …": the closing quote is not the command's.
      if (typeof via === "string" && via.endsWith('"')) {
        body = body.replace(/"[ \t]{0,8}$/, "");
      }
      const m = (mode ?? "").toLowerCase();
      const slotted = body.replace(new RegExp(`%%?${v}\\b`, "gi"), SLOT)
        .trim();
      // do %u …: the loop variable is the command word itself.
      const command = slotted.startsWith(SLOT)
        ? slotted.split(/\s+/).map(shellQuote).join(" ")
        : translate(slotted);
      if (!command) return "";
      const items = loopItems(
        m,
        typeof opt === "string" ? opt : "",
        set,
        translate,
      );
      const run = command.replaceAll(SLOT, '"$x"');
      loops.push(`for x in ${items}; do ${run.replace(/\n/g, "; ")}; done`);
      return "";
    },
  );
  return { rest, loops };
}

/** The POSIX words a loop's set amounts to. */
function loopItems(
  mode: string,
  opt: string,
  set: string,
  translate: (src: string) => string,
): string {
  const s = set.trim();
  if (mode === "f") {
    const cmd = /^'(.*)'$/s.exec(s) ?? /^`(.*)`$/s.exec(s);
    if (cmd) {
      // ('command'): the loop runs over what the command prints.
      const raw = cmd[1].replace(/\^([|&<>])/g, "$1");
      const inner = translate(raw).split("\n")[0] || raw;
      return `$(${inner})`;
    }
    // ("text") or a file set: text the shell cannot see here.
    return /^"/.test(s) ? s : "$(cat " + shellQuote(s) + ")";
  }
  if (mode === "l") return "1";
  const root = mode === "r" && opt ? opt.replace(/\\/g, "/") + "/" : "";
  const words = s.split(/[ \t,;]{1,8}/).filter((w) => w !== "").slice(0, 16);
  return words.map((w) => {
    const p = posixItem(root + w.replace(/^"(.*)"$/, "$1"));
    return /[*?]/.test(p)
      ? p.replace(/[^\w@%+=:,./~*?[\]-]/g, "\\$&")
      : shellQuote(p);
  }).join(" ") || "''";
}

/** A Windows path as its POSIX kind (C:\Users\x → /home/x), as powershell.ts reads them. */
function posixItem(p: string): string {
  const s = p.replace(/\\/g, "/");
  const users = /^[a-z]:\/users\/([^/]+)(\/.*)?$/i.exec(s);
  if (users) return `/home/${users[1]}${users[2] ?? ""}`;
  const drive = /^[a-z]:(\/.*)?$/i.exec(s);
  if (drive) return drive[1] ?? "/";
  if (/^%userprofile%/i.test(s)) return "~" + s.slice(13);
  return s;
}

function shellQuote(w: string): string {
  return /^[\w@%+=:,./~-]{1,4096}$/.test(w)
    ? w
    : "'" + w.replace(/'/g, "'\\''") + "'";
}
