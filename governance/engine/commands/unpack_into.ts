/**
 * Archives unpacked, and folders copied, into the agents' config folders or
 * the guard's own folders: `tar -xf x.tar -C ~/.claude`, `cd ~/.codex &&
 * unzip -o x.zip`, `7z x -o$HOME/.codex`, `cpio -idm -D ~/.axonflow`,
 * `python3 -m zipfile -e x.zip ~/.codex/`, `rsync -a dir/ ~/.claude/`, `tar
 * -C / -xf h.tar home/u/.claude/settings.json`. The files the archive holds
 * are not known, so landing in a folder that holds the hook settings
 * (settings.json, hooks.json, config.toml) is judged as writing them.
 *
 * @module
 */

import { followLinks } from "./links.ts";
import { guardPathOf, resolvePath } from "./paths.ts";
import type { Arg, State, Unit } from "./unit.ts";

/** The folders holding an agent's hook settings directly. */
function configRoots(st: State): string[] {
  const home = st.ctx.home;
  const roots = [home + "/.codex", home + "/.claude", "/etc/codex"];
  if (st.ctx.cwd) roots.push(st.ctx.cwd + "/.codex", st.ctx.cwd + "/.claude");
  return roots;
}

/** The guard path a folder written into stands for, or null. */
function guardedFolder(dir: string, st: State): string | null {
  const p = followLinks(dir.replace(/\/+$/, "") || "/", st);
  if (configRoots(st).includes(p)) return p;
  return guardPathOf(p, st.ctx.home, st.ctx.cwd, "write", st.ctx);
}

/** Where an unpacker or folder copy writes (null: not one), and the member names given. */
function destination(
  u: Unit,
): { dir: Arg | null; members: Arg[]; intoMembers?: boolean } | null {
  const a = u.args;
  const t = a.map((x) => x.text);
  const lastPositional = (): Arg | null => {
    const pos = a.filter((x) => !x.text.startsWith("-"));
    return pos.length >= 2 ? pos[pos.length - 1] : null;
  };
  switch (u.name) {
    case "tar":
    case "bsdtar":
    case "gtar": {
      const first = t[0] ?? "";
      const extract = /^[a-wyzA-Z]{0,8}x/.test(first) ||
        t.some((x) => /^-[a-zA-Z]{0,8}x|^--(extract|get)$/.test(x));
      if (!extract) return null;
      let dir: Arg | null = null;
      const members: Arg[] = [];
      let skip = false;
      for (let i = 0; i < a.length && i < 256; i++) {
        const x = t[i];
        if (skip) {
          skip = false;
          continue;
        }
        if (x === "-C" || x === "--directory") {
          dir = a[i + 1] ?? null;
          i++;
          continue;
        }
        if (x.startsWith("--directory=")) {
          dir = { ...a[i], text: x.slice(12), alts: [x.slice(12)] };
          continue;
        }
        if (
          /^-[a-zA-Z]{1,8}$/.test(x) || (i === 0 && /^[a-zA-Z]{1,8}$/.test(x))
        ) {
          // -xf ARCHIVE / xzf ARCHIVE: f takes the next word.
          if (x.includes("f")) skip = true;
          if (x.includes("C") && !x.includes("f")) {
            dir = a[i + 1] ?? null;
            i++;
          }
          continue;
        }
        if (
          /^--file$|^-[bgHIKLNTVX]$|^--(exclude|transform|owner|group|mode|format|use-compress-program|strip-components)$/
            .test(x)
        ) {
          skip = true;
          continue;
        }
        if (x.startsWith("-")) continue;
        members.push(a[i]);
      }
      return { dir, members };
    }
    case "unzip": {
      const k = t.indexOf("-d");
      if (k >= 0) return { dir: a[k + 1] ?? null, members: [] };
      const att = a.find((x) => /^-d./.test(x.text));
      return {
        dir: att
          ? { ...att, text: att.text.slice(2), alts: [att.text.slice(2)] }
          : null,
        members: [],
      };
    }
    case "7z":
    case "7za":
    case "7zz":
    case "7zr": {
      if (!/^[xe]$/.test(t[0] ?? "")) return null;
      const o = a.find((x) => /^-o./.test(x.text));
      return {
        dir: o
          ? { ...o, text: o.text.slice(2), alts: [o.text.slice(2)] }
          : null,
        members: [],
      };
    }
    case "cpio": {
      if (!t.some((x) => /^-[a-zA-Z]{0,8}i|^--extract$/.test(x))) return null;
      const k = t.findIndex((x) => x === "-D" || x === "--directory");
      return { dir: k >= 0 ? a[k + 1] ?? null : null, members: [] };
    }
    case "rsync":
    case "cp": {
      const recursive = u.name === "rsync" ||
        t.some((x) => /^-[a-zA-Z]{0,8}[rRa]|^--(recursive|archive)$/.test(x));
      if (!recursive) return null;
      const d = lastPositional();
      if (!d) return null;
      // cp -r dir ~/.claude lands in ~/.claude/dir; only dir/. (cp), dir/ (rsync)
      // or a glob pours the contents into the folder itself.
      const sources = a.filter((x) => !x.text.startsWith("-") && x !== d);
      const pours = sources.some((x) =>
        x.glob || !x.known || /\/\.$/.test(x.text) ||
        (u.name === "rsync" && x.text.endsWith("/"))
      );
      if (pours) return { dir: d, members: [] };
      return {
        dir: d,
        members: sources.slice(0, 64).map((x) => {
          const base = x.text.replace(/\/+$/, "");
          const name = base.slice(base.lastIndexOf("/") + 1);
          return { ...x, text: name, alts: [name] };
        }),
        intoMembers: true,
      };
    }
  }
  if (/^python[0-9.]{0,6}$/.test(u.name)) {
    // python3 -m zipfile -e ARCHIVE DIR / -m tarfile -e ARCHIVE DIR.
    const k = t.indexOf("-m");
    if (k < 0 || !/^(zipfile|tarfile)$/.test(t[k + 1] ?? "")) return null;
    const e = t.findIndex((x) => x === "-e" || x === "--extract");
    if (e < 0) return null;
    return { dir: a[e + 2] ?? null, members: [] };
  }
  return null;
}

/** Unpacking or copying a folder into the agents' hook settings or the guard's folders. */
export function analyzeUnpackInto(u: Unit, st: State): void {
  const d = destination(u);
  if (!d) return;
  if (d.dir && !d.dir.known) return;
  const base = d.dir ? resolvePath(d.dir.text, st.cwd, st.ctx.home) : st.cwd;
  if (base === null) return;
  // A folder copied by name lands in base/name: that is what is written.
  let hit = d.intoMembers ? null : guardedFolder(base, st);
  if (!hit) {
    for (const m of d.members.slice(0, 64)) {
      if (!m.known) continue;
      const p = resolvePath(m.text, base, st.ctx.home);
      hit = p === null ? null : guardedFolder(p, st);
      if (hit) break;
    }
  }
  if (!hit) return;
  st.out.matches.add(
    "guard_tamper",
    `${u.name} unpacks or copies files into ${hit}, where the agent's hook settings and the guard live: whatever the archive holds replaces them and can switch off governance`,
    "unpack into a folder inside the workspace (./vendor, a temp folder) and ask the user to install agent settings themselves",
  );
}
