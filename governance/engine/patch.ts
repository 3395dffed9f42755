/**
 * Codex `apply_patch` envelopes: judging the files they touch (the envelope,
 * its Add / Update / Delete File sections and `*** Move to:` are read by
 * `patch_parse.ts`, re-exported here).
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
import { embeddedPatch, END, parsePatch } from "./patch_parse.ts";

export {
  type CodexPatch,
  embeddedPatch,
  parseCodexPatch,
  parsePatch,
  type PatchFile,
} from "./patch_parse.ts";

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

/**
 * Judges the patch inside a shell command that Codex runs as apply_patch
 * ({@link embeddedPatch}); undefined when the command holds none.
 */
export function analyzeEmbeddedPatch(
  command: string,
  ctx: CommandContext,
): CommandAnalysis | undefined {
  const found = typeof command === "string"
    ? embeddedPatch(command)
    : undefined;
  if (!found) return undefined;
  const cwd = found.cd === undefined ? ctx.cwd : resolvePath(
    found.cd.replace(/^(['"])(.*)\1$/, "$2"),
    ctx.cwd,
    ctx.home,
  ) ??
    ctx.cwd;
  return analyzePatch(found.patch, { ...ctx, cwd });
}

function shellWord(s: string): string {
  return /^[\w@%+=:,./-]{1,4096}$/.test(s)
    ? s
    : "'" + s.replace(/'/g, "'\\''") + "'";
}

/**
 * When a shell command applies a patch and then goes on (`apply_patch <<'EOF'
 * … EOF` followed by `sh scripts/x.sh`), shell text that writes each file the
 * patch adds (absolute paths, `printf … > FILE`), so the rest of the command
 * is judged knowing what those files hold. Null when the command holds no
 * patch or nothing follows it.
 */
export function embeddedPatchWrites(
  command: string,
  ctx: CommandContext,
): string | null {
  const found = embeddedPatch(command);
  if (!found) return null;
  const end = found.patch.indexOf(END);
  if (end < 0) return null;
  // After *** End Patch: the heredoc's closing line, then what runs next.
  const after = found.patch.slice(end + END.length).replace(
    /^[^\n]{0,256}\n[^\n]{0,256}(?:\n|$)/,
    "",
  );
  if (!/\S/.test(after)) return null;
  const cwd = found.cd === undefined ? ctx.cwd : resolvePath(
    found.cd.replace(/^(['"])(.*)\1$/, "$2"),
    ctx.cwd,
    ctx.home,
  ) ?? ctx.cwd;
  const lines: string[] = [];
  for (const f of parsePatch(found.patch.slice(0, end + END.length))) {
    if (f.op === "delete" || lines.length >= 64) continue;
    const abs = resolvePath(f.moveTo ?? f.path, cwd, ctx.home);
    if (abs === null) continue;
    lines.push(
      `printf '%s\\n' ${f.added.slice(0, 4096).map(shellWord).join(" ")} > ${
        shellWord(abs)
      }`,
    );
  }
  return lines.length ? lines.join("\n") : null;
}
