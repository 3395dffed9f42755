/**
 * Session taint state in the data directory: one small JSON file per session
 * under `taint/` (folder 0700, files 0600), saying that the guard saw
 * injected instructions in a tool output of that session, where and when.
 * While it exists, the PreToolUse hook refuses calls that send local data off
 * the machine or read credentials. `axonflow taint clear` removes it.
 *
 * Bounded: at most {@link MAX_SESSIONS} files (the oldest pruned), each
 * under 4 KB, files older than {@link MAX_AGE_DAYS} days dropped on write.
 * Type-checked when read: a file that exists but cannot be read or is not a
 * taint record counts as tainted (fail closed), with a reason saying so.
 *
 * @module
 */

/** Folder of the taint files inside the data directory. */
export const TAINT_DIR = "taint";
/** Most sessions kept. */
export const MAX_SESSIONS = 256;
/** Taint files older than this are pruned when another is written. */
export const MAX_AGE_DAYS = 30;

/** Where the injected instructions were seen. */
export interface TaintSource {
  /** ISO time the first injection was seen. */
  at: string;
  /** Tool name (`Bash`, `WebFetch`, `mcp__web__fetch`...). */
  tool: string;
  /** What produced the output, in words ("the command `cat page.html`"). */
  source: string;
  /** Injection policies that fired. */
  policies: string[];
}

/** One session's taint record. */
export interface TaintState extends TaintSource {
  version: 1;
  sessionId: string;
  /** How many tainted outputs were seen in the session. */
  count: number;
  /** ISO time of the latest one. */
  lastAt: string;
  /** Set when the file existed but could not be read as a record. */
  damaged?: string;
}

function taintDir(dataDir: string): string {
  return `${dataDir.replace(/\/+$/, "")}/${TAINT_DIR}`;
}

/** A file-name-safe, collision-resistant key for a session id. */
export function sessionKey(sessionId: string): string {
  const clean = sessionId.replace(/[^A-Za-z0-9_-]/g, "_").slice(0, 96);
  if (clean === sessionId && clean !== "") return clean;
  // FNV-1a over the id, so ids that clean to the same text stay apart.
  let h = 0x811c9dc5;
  for (let i = 0; i < sessionId.length; i++) {
    h ^= sessionId.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${clean}-${h.toString(16)}`;
}

/** Path of a session's taint file. */
export function taintPath(dataDir: string, sessionId: string): string {
  return `${taintDir(dataDir)}/${sessionKey(sessionId)}.json`;
}

function cap(s: unknown, n: number): string {
  return typeof s === "string" ? s.slice(0, n) : "";
}

/** Checks a parsed file; the record, or the reason it is not one. */
export function checkTaint(v: unknown): TaintState | string {
  if (typeof v !== "object" || v === null || Array.isArray(v)) {
    return "not a JSON object";
  }
  const r = v as Record<string, unknown>;
  if (r.version !== 1) return "unknown version";
  for (const k of ["sessionId", "at", "lastAt", "tool", "source"]) {
    if (typeof r[k] !== "string") return `field ${k} is not a string`;
  }
  if (
    !Array.isArray(r.policies) || r.policies.some((p) => typeof p !== "string")
  ) {
    return "field policies is not a list of strings";
  }
  if (
    typeof r.count !== "number" || !Number.isInteger(r.count) || r.count < 1
  ) {
    return "field count is not a positive integer";
  }
  return {
    version: 1,
    sessionId: cap(r.sessionId, 256),
    at: cap(r.at, 40),
    lastAt: cap(r.lastAt, 40),
    tool: cap(r.tool, 256),
    source: cap(r.source, 600),
    policies: (r.policies as string[]).slice(0, 16).map((p) => p.slice(0, 128)),
    count: r.count,
  };
}

function damaged(sessionId: string, why: string): TaintState {
  return {
    version: 1,
    sessionId,
    at: "unknown",
    lastAt: "unknown",
    tool: "unknown",
    source: "an unreadable taint record",
    policies: [],
    count: 1,
    damaged: why,
  };
}

/** Whether `dir` lists `name` (false when the folder is missing or unreadable). */
function listed(dir: string, name: string): boolean {
  try {
    for (const e of Deno.readDirSync(dir)) if (e.name === name) return true;
  } catch {
    // missing folder: nothing tainted
  }
  return false;
}

/**
 * The session's taint, if any. Cheap when nothing is tainted (one folder
 * listing, no exception). Never throws.
 */
export function readTaint(
  dataDir: string,
  sessionId: string,
): TaintState | undefined {
  if (!listed(dataDir, TAINT_DIR)) return undefined;
  const file = `${sessionKey(sessionId)}.json`;
  if (!listed(taintDir(dataDir), file)) return undefined;
  let text: string;
  try {
    text = Deno.readTextFileSync(`${taintDir(dataDir)}/${file}`);
  } catch (err) {
    return damaged(sessionId, err instanceof Error ? err.message : String(err));
  }
  if (text.length > 16_384) return damaged(sessionId, "file too large");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return damaged(sessionId, "not JSON");
  }
  const r = checkTaint(parsed);
  if (typeof r === "string") return damaged(sessionId, r);
  return r.sessionId === sessionId
    ? r
    : damaged(sessionId, "record of another session");
}

/**
 * Records injected instructions seen in a session; returns the record and
 * whether the session was clean before. Throws when the file cannot be
 * written (the caller reports it).
 */
export function setTaint(
  dataDir: string,
  sessionId: string,
  seen: TaintSource,
): { state: TaintState; first: boolean } {
  const dir = taintDir(dataDir);
  Deno.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const before = readTaint(dataDir, sessionId);
  const prev = before && !before.damaged ? before : undefined;
  const state: TaintState = prev
    ? {
      ...prev,
      count: prev.count + 1,
      lastAt: seen.at,
      policies: [...new Set([...prev.policies, ...seen.policies])].slice(0, 16),
    }
    : {
      version: 1,
      sessionId: sessionId.slice(0, 256),
      at: seen.at,
      lastAt: seen.at,
      tool: seen.tool.slice(0, 256),
      source: seen.source.slice(0, 600),
      policies: seen.policies.slice(0, 16),
      count: 1,
    };
  const path = taintPath(dataDir, sessionId);
  const tmp = `${path}.${crypto.randomUUID()}.tmp`;
  Deno.writeTextFileSync(tmp, JSON.stringify(state), { mode: 0o600 });
  Deno.renameSync(tmp, path);
  if (!prev) prune(dataDir);
  return { state, first: before === undefined };
}

/** Every taint record in the data directory (newest first). Never throws. */
export function listTaints(dataDir: string): TaintState[] {
  const out: TaintState[] = [];
  try {
    for (const e of Deno.readDirSync(taintDir(dataDir))) {
      if (!e.isFile || !e.name.endsWith(".json")) continue;
      try {
        const r = checkTaint(
          JSON.parse(Deno.readTextFileSync(`${taintDir(dataDir)}/${e.name}`)),
        );
        out.push(
          typeof r === "string" ? damaged(e.name.slice(0, -5), r) : r,
        );
      } catch (err) {
        out.push(
          damaged(
            e.name.slice(0, -5),
            err instanceof Error ? err.message : String(err),
          ),
        );
      }
    }
  } catch {
    // no folder: nothing tainted
  }
  return out.sort((a, b) => b.lastAt.localeCompare(a.lastAt));
}

/**
 * Clears one session's taint (or every session's when `sessionId` is
 * undefined); returns the records removed.
 */
export function clearTaint(
  dataDir: string,
  sessionId?: string,
): TaintState[] {
  const dir = taintDir(dataDir);
  const all = listTaints(dataDir);
  const gone: TaintState[] = [];
  for (const t of all) {
    if (sessionId !== undefined && t.sessionId !== sessionId) continue;
    const path = t.damaged
      ? `${dir}/${t.sessionId}.json`
      : taintPath(dataDir, t.sessionId);
    try {
      Deno.removeSync(path);
      gone.push(t);
    } catch {
      // already gone
    }
  }
  if (sessionId !== undefined && gone.length === 0) {
    // A damaged file under this session's key.
    try {
      Deno.removeSync(taintPath(dataDir, sessionId));
      gone.push(damaged(sessionId, "removed"));
    } catch {
      // nothing to clear
    }
  }
  return gone;
}

/** Drops files over the count and age bounds (oldest first). */
function prune(dataDir: string): void {
  const dir = taintDir(dataDir);
  const files: { path: string; mtime: number }[] = [];
  try {
    for (const e of Deno.readDirSync(dir)) {
      if (!e.isFile) continue;
      const path = `${dir}/${e.name}`;
      try {
        files.push({ path, mtime: Deno.statSync(path).mtime?.getTime() ?? 0 });
      } catch {
        // raced with a clear
      }
    }
  } catch {
    return;
  }
  const oldest = Date.now() - MAX_AGE_DAYS * 86_400_000;
  files.sort((a, b) => b.mtime - a.mtime);
  files.forEach((f, i) => {
    if (i >= MAX_SESSIONS || f.mtime < oldest) {
      try {
        Deno.removeSync(f.path);
      } catch {
        // ignore
      }
    }
  });
}
