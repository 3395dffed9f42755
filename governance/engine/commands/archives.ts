/**
 * What an archiver packs and where it writes (tar, zip, 7z): the folders it
 * reads, with tar's `-C DIR` applied (`tar -C ~ -cf - .` packs the home), and
 * the archive file it creates. Used to follow a home folder packed and sent
 * off the machine (`tar czf - ~ | ssh …`, `zip -r h.zip ~ && curl -T h.zip …`).
 *
 * @module
 */

import { isUnder, resolvePath } from "./paths.ts";
import type { State, Unit } from "./unit.ts";

/** Archivers whose inputs and output are read here. */
export const ARCHIVERS: ReadonlySet<string> = new Set([
  "tar",
  "zip",
  "7z",
  "7za",
]);

/** tar options that take the next word as their value (besides -f and -C). */
const TAR_VALUES =
  /^(-[bgHIKLNTVX]|--(exclude|exclude-from|files-from|transform|owner|group|mode|mtime|format|use-compress-program|label|newer|after-date|blocking-factor|index-file|checkpoint-action|xform))$/;

/** Whether `p` holds the user's whole home: the home itself or a folder above it. */
export function holdsHome(p: string, home: string): boolean {
  return home !== "/" && (p === home || isUnder(home, p));
}

/** The archive's inputs (absolute) and the archive file it writes (null: stdout or unknown). */
export function archiveOf(
  u: Unit,
  st: State,
): { inputs: string[]; output: string | null } {
  const t = u.args.map((a) => (a.known ? a.text : "\0"));
  const inputs: string[] = [];
  let output: string | null = null;
  let dir = st.cwd;
  const add = (x: string) => {
    if (x === "\0" || dir === null) return;
    const p = resolvePath(x, dir, st.ctx.home);
    if (p) inputs.push(p);
  };
  if (u.name === "tar") {
    let fileNext = false;
    for (let i = 0; i < t.length && i < 256; i++) {
      const x = t[i];
      // Old style: the first word is a bundle of letters (czf): f takes a value.
      const bundle = i === 0 && /^[a-zA-Z]{1,12}$/.test(x) &&
        /[cru]/.test(x);
      if (fileNext) {
        output = x === "-" || x === "\0" ? null : x;
        fileNext = false;
        continue;
      }
      if (bundle || /^-[a-zA-Z]{1,12}$/.test(x)) {
        if (x.includes("C") && !x.includes("f")) {
          const d = t[++i];
          dir = d && d !== "\0" ? resolvePath(d, dir, st.ctx.home) : null;
        } else if (x.endsWith("f")) fileNext = true;
        else if (x.includes("f") && !bundle) {
          output = x.slice(x.indexOf("f") + 1);
        }
        continue;
      }
      if (x === "--directory" || x.startsWith("--directory=")) {
        const d = x.includes("=") ? x.slice(12) : t[++i];
        dir = d && d !== "\0" ? resolvePath(d, dir, st.ctx.home) : null;
        continue;
      }
      if (x === "--file" || x.startsWith("--file=")) {
        const f = x.includes("=") ? x.slice(7) : t[++i];
        output = f && f !== "-" && f !== "\0" ? f : null;
        continue;
      }
      if (TAR_VALUES.test(x)) {
        i++;
        continue;
      }
      if (x.startsWith("-")) continue;
      add(x);
    }
  } else {
    // zip [-opts] ARCHIVE inputs…; 7z a ARCHIVE inputs…
    let i = u.name === "zip" ? 0 : t[0] === "a" ? 1 : t.length;
    let archive: string | null = null;
    for (; i < t.length && i < 256; i++) {
      const x = t[i];
      if (x.startsWith("-") && x !== "-") continue;
      if (archive === null) archive = x;
      else add(x);
    }
    output = archive === "-" || archive === "\0" ? null : archive;
  }
  const out = output !== null && st.cwd !== null
    ? resolvePath(output, st.cwd, st.ctx.home)
    : null;
  return { inputs, output: out };
}
