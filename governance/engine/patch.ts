/**
 * Codex `apply_patch` envelopes: parsing (`*** Begin Patch` … `*** End Patch`
 * with Add / Update / Delete File sections, `*** Move to:`) and judging the
 * files they touch.
 *
 * @module
 */

import type { CommandAnalysis } from "./commands/analyze.ts";
import { stateFor } from "./commands/analyze.ts";
import { resolvePath } from "./commands/paths.ts";
import { judgeDelete } from "./commands/rm.ts";
import { litArg } from "./commands/unit.ts";
import { judgeWrite } from "./commands/writes.ts";
import type { CommandContext } from "./types.ts";

/** One file section of a patch; `added` holds the added lines (without the `+`). */
export interface PatchFile {
  op: "add" | "update" | "delete";
  path: string;
  moveTo?: string;
  added: string[];
}

const HEADER = /^\*\*\* (Add|Update|Delete) File: (.*)$/;

/** Parses an apply_patch text. Tolerant: missing Begin/End markers and CRLF are accepted. */
export function parsePatch(text: string): PatchFile[] {
  const files: PatchFile[] = [];
  let cur: PatchFile | null = null;
  const lines = text.split("\n");
  for (let raw of lines) {
    if (raw.endsWith("\r")) raw = raw.slice(0, -1);
    const h = HEADER.exec(raw);
    if (h) {
      cur = {
        op: h[1].toLowerCase() as PatchFile["op"],
        path: h[2].trim(),
        added: [],
      };
      files.push(cur);
      continue;
    }
    if (raw.startsWith("*** Move to: ") && cur) {
      cur.moveTo = raw.slice(13).trim();
      continue;
    }
    if (raw.startsWith("*** ")) continue; // Begin/End Patch, End of File
    if (!cur || cur.op === "delete") continue;
    if (raw.startsWith("+")) cur.added.push(raw.slice(1));
  }
  return files;
}

/** Judges a patch: guard files, system paths, and returns the added text per file as fileWrites. */
export function analyzePatch(
  text: string,
  ctx: CommandContext,
): CommandAnalysis {
  const st = stateFor(ctx);
  const out: CommandAnalysis = { matches: [], sql: [], fileWrites: [] };
  try {
    for (const f of parsePatch(typeof text === "string" ? text : "")) {
      const target = litArg(f.path);
      if (f.op === "delete") {
        judgeDelete(target, false, st, "apply_patch deleting");
        continue;
      }
      judgeWrite(target, st, "apply_patch writing");
      let path = f.path;
      if (f.moveTo) {
        judgeDelete(target, false, st, "apply_patch moving");
        judgeWrite(litArg(f.moveTo), st, "apply_patch writing");
        path = f.moveTo;
      }
      const abs = resolvePath(path, st.cwd, st.ctx.home);
      out.fileWrites.push({ path: abs ?? path, content: f.added.join("\n") });
    }
  } catch {
    // never throw
  }
  out.matches = st.out.matches.list();
  return out;
}
