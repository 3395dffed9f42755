/**
 * Codex `apply_patch` envelopes read as text: `*** Begin Patch` … `*** End
 * Patch` with Add / Update / Delete File sections and `*** Move to:`, as
 * Codex's parser reads them and as any lenient reader could. Pure and light
 * (no shell analysis), so the routine-call shortcut (`inert_write.ts`) can
 * read a patch's targets without loading the judge of `patch.ts`.
 *
 * @module
 */

/** One file section of a patch; `added` holds the added lines (without the `+`). */
export interface PatchFile {
  op: "add" | "update" | "delete";
  path: string;
  moveTo?: string;
  added: string[];
}

/** How Codex reads a patch: its hunks, and why it would refuse the patch (then nothing is applied). */
export interface CodexPatch {
  files: PatchFile[];
  /** Set when Codex's parser rejects the text; `files` then holds the hunks read before the fault. */
  error?: string;
}

const BEGIN = "*** Begin Patch";
/** The line that ends a patch envelope. */
export const END = "*** End Patch";
const ADD = "*** Add File: ";
const DELETE = "*** Delete File: ";
const UPDATE = "*** Update File: ";
const MOVE = "*** Move to: ";
const EOF_MARK = "*** End of File";

/** Lines as Rust's `str::lines` gives them: split on LF, one trailing CR dropped, no empty last line. */
function rustLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines.map((l) => l.endsWith("\r") ? l.slice(0, -1) : l);
}

/** Rust's `str::trim` (Unicode white space) — JavaScript's trim is the same set for these texts. */
function trim(s: string): string {
  return s.trim();
}

/**
 * The hunk lines between the envelope markers, as Codex's lenient mode finds
 * them: `*** Begin Patch` … `*** End Patch` (markers compared trimmed), or
 * the same inside a `<<EOF` / `<<'EOF'` / `<<"EOF"` … `EOF` heredoc.
 */
function envelope(lines: string[]): { body: string[]; error?: string } {
  const strict = (ls: string[]): { body: string[]; error?: string } => {
    const first = ls.length > 0 ? trim(ls[0]) : undefined;
    const last = ls.length > 0 ? trim(ls[ls.length - 1]) : undefined;
    if (first === BEGIN && last === END && ls.length >= 2) {
      return { body: ls.slice(1, -1) };
    }
    if (first !== BEGIN) {
      return {
        body: ls,
        error: "The first line of the patch must be '*** Begin Patch'",
      };
    }
    return {
      body: ls.slice(1),
      error: "The last line of the patch must be '*** End Patch'",
    };
  };
  const plain = strict(lines);
  if (!plain.error) return plain;
  const first = lines[0];
  if (
    lines.length >= 4 &&
    (first === "<<EOF" || first === "<<'EOF'" || first === '<<"EOF"') &&
    lines[lines.length - 1].endsWith("EOF")
  ) {
    return strict(lines.slice(1, -1));
  }
  return plain;
}

/** One update chunk from `lines` (Codex's rules); the number of lines it used, or an error. */
function updateChunk(
  lines: string[],
  at: number,
  first: boolean,
  added: string[],
): number | string {
  let start = 0;
  if (lines[at] === "@@" || lines[at].startsWith("@@ ")) start = 1;
  else if (!first) {
    return `Expected update hunk to start with a @@ context marker, got: '${
      lines[at]
    }'`;
  }
  if (at + start >= lines.length) {
    return "Update hunk does not contain any lines";
  }
  let used = 0;
  for (let i = at + start; i < lines.length; i++) {
    const line = lines[i];
    if (line === EOF_MARK) {
      if (used === 0) return "Update hunk does not contain any lines";
      used++;
      break;
    }
    const c = line[0];
    if (c === undefined || c === " " || c === "-") {
      used++;
    } else if (c === "+") {
      added.push(line.slice(1));
      used++;
    } else {
      if (used === 0) {
        return `Unexpected line found in update hunk: '${line}'`;
      }
      break;
    }
  }
  return used + start;
}

/**
 * Parse a patch exactly as Codex 0.169's apply_patch parser does (lenient
 * mode): the text is trimmed; markers and hunk headers are compared with
 * their surrounding white space trimmed; CRLF line ends are accepted; a
 * heredoc wrapper is stripped; `*** Move to:` must follow its Update header
 * directly; an Update hunk ends at a line starting with `*` or at a line that
 * is no diff line.
 */
export function parseCodexPatch(text: string): CodexPatch {
  const { body, error } = envelope(rustLines(trim(text)));
  const files: PatchFile[] = [];
  if (error && (body.length === 0 || trim(body[0]) === "")) {
    return { files, error };
  }
  let i = 0;
  while (i < body.length) {
    const head = trim(body[i]);
    if (head.startsWith(ADD)) {
      const f: PatchFile = {
        op: "add",
        path: head.slice(ADD.length),
        added: [],
      };
      i++;
      while (i < body.length && body[i].startsWith("+")) {
        f.added.push(body[i].slice(1));
        i++;
      }
      files.push(f);
    } else if (head.startsWith(DELETE)) {
      files.push({ op: "delete", path: head.slice(DELETE.length), added: [] });
      i++;
    } else if (head.startsWith(UPDATE)) {
      const f: PatchFile = {
        op: "update",
        path: head.slice(UPDATE.length),
        added: [],
      };
      i++;
      if (i < body.length && body[i].startsWith(MOVE)) {
        f.moveTo = body[i].slice(MOVE.length);
        i++;
      }
      let chunks = 0;
      while (i < body.length) {
        if (trim(body[i]) === "") {
          i++;
          continue;
        }
        if (body[i].startsWith("*")) break;
        const used = updateChunk(body, i, chunks === 0, f.added);
        if (typeof used === "string") {
          files.push(f);
          return { files, error: used };
        }
        chunks++;
        i += used;
      }
      files.push(f);
      if (chunks === 0) {
        return {
          files,
          error: `Update file hunk for path '${f.path}' is empty`,
        };
      }
    } else {
      return {
        files,
        error: error ?? `'${head}' is not a valid hunk header`,
      };
    }
  }
  return error ? { files, error } : { files };
}

const LOOSE_HEADER = /^\*\*\* (Add|Update|Delete) File: (.*)$/;

/**
 * Every file section a reader could see in the text, whatever Codex would do
 * with it: any line that is a hunk header once trimmed, with the `+` lines
 * after it. A superset of {@link parseCodexPatch}, so no target of a patch
 * Codex applies (in this version or a more lenient one) escapes the judge.
 */
function looseSections(text: string): PatchFile[] {
  const files: PatchFile[] = [];
  let cur: PatchFile | null = null;
  for (const raw of rustLines(text)) {
    const line = trim(raw);
    const h = LOOSE_HEADER.exec(line);
    if (h) {
      cur = {
        op: h[1].toLowerCase() as PatchFile["op"],
        path: h[2].trim(),
        added: [],
      };
      files.push(cur);
      continue;
    }
    if (line.startsWith(MOVE) && cur) {
      cur.moveTo = line.slice(MOVE.length).trim();
      continue;
    }
    if (line.startsWith("*** ")) continue; // Begin/End Patch, End of File
    if (!cur || cur.op === "delete") continue;
    if (raw.startsWith("+")) cur.added.push(raw.slice(1));
  }
  return files;
}

function sectionKey(f: PatchFile): string {
  return JSON.stringify([f.op, f.path.trim(), (f.moveTo ?? "").trim()]);
}

/**
 * The file sections to judge in an apply_patch text: Codex's own reading
 * ({@link parseCodexPatch}) plus every other header-like line
 * (white space around it, missing `*** End Patch`, a broken hunk before it).
 * Paths are trimmed.
 */
export function parsePatch(text: string): PatchFile[] {
  const exact = parseCodexPatch(text).files.map((f) => ({
    ...f,
    path: f.path.trim(),
    ...(f.moveTo !== undefined ? { moveTo: f.moveTo.trim() } : {}),
  }));
  const out = [...exact];
  const seen = new Set(exact.map(sectionKey));
  for (const f of looseSections(text)) {
    if (!seen.has(sectionKey(f))) out.push(f);
  }
  return out;
}

const APPLY_PATCH_WORD =
  /^\s{0,64}(?:cd\s{1,16}(\S{1,4096})\s{1,16}&&\s{1,16})?(?:apply_patch|applypatch)(?=\s|$)/;

/**
 * The patch inside a shell command that Codex would run as apply_patch:
 * `apply_patch <<'EOF' … EOF` (any heredoc delimiter) or `apply_patch '<patch>'`,
 * optionally after `cd DIR &&`. Undefined when the command is not one.
 */
export function embeddedPatch(
  command: string,
): { patch: string; cd?: string } | undefined {
  const m = APPLY_PATCH_WORD.exec(command);
  if (!m) return undefined;
  const rest = command.slice(m[0].length);
  const begin = rest.indexOf(BEGIN);
  if (begin < 0) return undefined;
  return { patch: rest.slice(begin), ...(m[1] ? { cd: m[1] } : {}) };
}
