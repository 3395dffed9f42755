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
  /^[ \t]{0,16}((?:cmd|cmd\.exe)[ \t]{1,8}(?:\/[abd-jl-z](?::[a-z]{1,8})?[ \t]{1,8}){0,4}\/[ck][ \t]{1,8}"?)?for[ \t]{1,8}((?:\/[a-z][ \t]{1,8}){0,2})(?:("[^"\n]{0,256}"|[^\s%"]{1,1024})[ \t]{1,8})?%%?([a-z0-9])[ \t]{1,8}in[ \t]{1,8}\(([^)\n]{0,4096})\)[ \t]{1,8}do[ \t]{1,8}([^\n]{1,16384})$/gim;

/** Programs a loop body runs as themselves (their options are POSIX-like), not as cmdlets. */
const OWN_PROGRAMS = new Set([
  "curl",
  "wget",
  "scp",
  "ssh",
  "tar",
  "git",
  "python",
  "python3",
  "node",
  "nc",
  "ncat",
  "bash",
  "sh",
]);

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
    (
      all: string,
      via: string | undefined,
      modes: string,
      opt: string | undefined,
      v: string,
      set: string,
      body: string,
    ) => {
      if (loops.length >= 16) return all;
      // /D /R: the switches, as letters ("dr").
      const mode = modes.replace(/[^a-z]/gi, "").toLowerCase();
      // cmd /c "for … do …": the closing quote is not the command's.
      if (typeof via === "string" && via.endsWith('"')) {
        body = body.replace(/"[ \t]{0,8}$/, "");
      }
      const m = mode.includes("f")
        ? "f"
        : mode.includes("r")
        ? "r"
        : mode.includes("l")
        ? "l"
        : mode;
      const slotted = body.replace(new RegExp(`%%?${v}\\b`, "gi"), SLOT)
        .trim();
      // do %u …: the loop variable is the command word itself.
      const first = (slotted.split(/\s/, 1)[0] ?? "").toLowerCase()
        .replace(/\.exe$/, "");
      // do %u …: the loop variable is the command word itself; do curl -F f=@%f …:
      // a program of its own (curl.exe, not PowerShell's alias), as written.
      const command = slotted.startsWith(SLOT) || OWN_PROGRAMS.has(first)
        ? slotted.split(/\s+/).map((w) => shellQuote(posixItem(w))).join(" ")
        : translate(slotted);
      if (!command) return "";
      const items = loopItems(
        m,
        opt ?? "",
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

/** `set NAME=VALUE` (or `set "NAME=VALUE"`) up to `&`, a quote or the line's end. */
const CMD_SET = /\bset[ \t]{1,8}"?([A-Za-z_][\w.-]{0,31})=([^&"\n]{0,1024})/gi;
/** `forfiles /p DIR /s /m MASK /c "CMD"`: its options, to the end of the line. */
const FORFILES = /\bforfiles(?:\.exe)?[ \t]{1,8}([^\n]{1,4096})/gi;

/**
 * cmd.exe's own indirections, spelled out so the loop and statement readers
 * see the commands: `set d=C:\Users\dev&& rd /s /q %d%` (also `!d!` with
 * delayed expansion), and `forfiles /p DIR /s /c "cmd /c del @path"` as the
 * `for /r` loop it amounts to. Bounded: 16 variables, 8 forfiles.
 */
export function cmdExpand(text: string): string {
  let t = text;
  if (/\bset[ \t]/i.test(t) && /%[\w.-]{1,32}%|![\w.-]{1,32}!/.test(t)) {
    const vars = new Map<string, string>();
    for (const m of t.matchAll(CMD_SET)) {
      if (vars.size >= 16) break;
      vars.set(m[1].toLowerCase(), m[2].trim());
    }
    t = t.replace(
      /%([A-Za-z_][\w.-]{0,31})%|!([A-Za-z_][\w.-]{0,31})!/g,
      (all, a?: string, b?: string) =>
        vars.get((a ?? b ?? "").toLowerCase()) ?? all,
    );
  }
  if (/\bforfiles\b/i.test(t)) {
    let n = 0;
    t = t.replace(FORFILES, (all, rest: string) => {
      if (n++ >= 8) return all;
      const opt = (k: string) =>
        new RegExp(
          `(?:^|\\s)\\/${k}[ \\t]{1,8}("[^"]{0,1024}"|\\S{1,1024})`,
          "i",
        )
          .exec(rest)?.[1]?.replace(/^"(.*)"$/s, "$1");
      const cmd = opt("c");
      if (!cmd) return all;
      const dir = opt("p") ?? ".";
      const mask = opt("m") ?? "*";
      const body = cmd.replace(/\\"/g, '"').replace(
        /"?@(?:path|file|fname|relpath)"?/gi,
        "%x",
      );
      return /(?:^|\s)\/s(?=\s|$)/i.test(rest)
        ? `for /r ${dir} %x in (${mask}) do ${body}`
        : `for %x in (${dir}\\${mask}) do ${body}`;
    });
  }
  return t;
}
