/**
 * The audit spool: a JSON Lines file beside the audit database that keeps
 * events while the database cannot be written (locked, read-only, corrupt,
 * missing). The store merges it on its next successful write.
 *
 * Merging is exactly-once: the merger holds the database write lock, renames
 * the spool to a unique name (so new events go to a fresh spool), inserts the
 * entries whose `sid` it has not merged before, commits, then deletes the
 * renamed file. A merger that dies after committing leaves a `.merging` file
 * that the next merger reads again; the `sid` check skips what is already in.
 *
 * The hooks write every event here on purpose ({@link spoolEvent}): a call
 * then costs one appended line instead of loading SQLite, and the store
 * chains the spool in when it is next opened or read (the MCP server, the
 * CLI, or a PostToolUse hook once {@link spoolDue} says so).
 *
 * @module
 */

import { type AuditEventInput, prepareEvent } from "./event.ts";

/** File name of the spool inside the data directory. */
export const SPOOL_FILE = "audit.spool.jsonl";

const MERGING_PREFIX = "audit.spool.";
const MERGING_SUFFIX = ".merging";

/** One spooled event: a unique spool id plus the event (time always set). */
export interface SpoolEntry {
  sid: string;
  event: AuditEventInput & { time: string };
}

/** Path of the spool file for a data directory. */
export function spoolPath(dataDir: string): string {
  return joinPath(dataDir, SPOOL_FILE);
}

/** Thrown when the spool's place holds something other than a regular file. */
export class SpoolNotAFileError extends Error {}

/**
 * Append one event to the spool (one `write` of one line, O_APPEND). Throws
 * when the file cannot be written, and {@link SpoolNotAFileError} without
 * waiting when the spool's place holds a FIFO, folder, link, socket or device
 * (opened read+write, which never waits for a FIFO's other end).
 */
export function appendSpool(
  dataDir: string,
  event: AuditEventInput & { time: string },
): SpoolEntry {
  const entry: SpoolEntry = { sid: crypto.randomUUID(), event };
  writeRegular(spoolPath(dataDir), JSON.stringify(entry) + "\n", false);
  return entry;
}

/**
 * Write one event to a spool file of its own that the next merger picks up
 * (`audit.spool.<pid>.<uuid>.merging`, created new): for when the live spool's
 * place is blocked. Throws when it cannot be written.
 */
export function appendSpoolAside(
  dataDir: string,
  event: AuditEventInput & { time: string },
): SpoolEntry {
  const entry: SpoolEntry = { sid: crypto.randomUUID(), event };
  const path = joinPath(
    dataDir,
    `${MERGING_PREFIX}${Deno.pid}.${crypto.randomUUID()}${MERGING_SUFFIX}`,
  );
  writeRegular(path, JSON.stringify(entry) + "\n", true);
  return entry;
}

function writeRegular(path: string, text: string, createNew: boolean): void {
  try {
    if (!createNew && Deno.lstatSync(path).isSymlink) {
      throw new SpoolNotAFileError(`${path} is a link`);
    }
  } catch (err) {
    if (!(err instanceof Deno.errors.NotFound)) throw err;
  }
  let f: Deno.FsFile;
  try {
    f = Deno.openSync(path, {
      read: true,
      append: true,
      create: !createNew,
      createNew,
      mode: 0o600,
    });
  } catch (err) {
    if (err instanceof Deno.errors.IsADirectory) {
      throw new SpoolNotAFileError(`${path} is a folder`);
    }
    throw err;
  }
  try {
    if (!f.statSync().isFile) {
      throw new SpoolNotAFileError(`${path} is not a regular file`);
    }
    const bytes = new TextEncoder().encode(text);
    let n = 0;
    while (n < bytes.length) n += f.writeSync(bytes.subarray(n));
  } finally {
    f.close();
  }
}

/**
 * Normalise and redact an event like the store does, then append it to the
 * spool (creating the data directory). Throws when it cannot be written.
 */
export function spoolEvent(
  dataDir: string,
  ev: AuditEventInput,
): SpoolEntry {
  const prepared = prepareEvent(ev);
  try {
    Deno.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  } catch {
    // the append below reports the real problem
  }
  return appendSpool(dataDir, prepared);
}

/**
 * True when the spool should be chained into the store now: it holds at
 * least `maxBytes`, its oldest event is at least `maxAgeMs` old (or has no
 * readable time), or a merger left a `.merging` file behind. Cheap: one stat,
 * and a read of the spool's first line only when it is small.
 */
export function spoolDue(
  dataDir: string,
  now: number,
  maxBytes: number,
  maxAgeMs: number,
): boolean {
  let size: number;
  try {
    const info = Deno.lstatSync(spoolPath(dataDir));
    // Not a regular file: due, so a merger moves it out of the way.
    if (!info.isFile) return true;
    size = info.size;
  } catch {
    return spoolPending(dataDir);
  }
  if (size >= maxBytes) return true;
  let head = "";
  try {
    const f = Deno.openSync(spoolPath(dataDir), { read: true, write: true });
    try {
      if (!f.statSync().isFile) return true;
      const buf = new Uint8Array(1024);
      const n = f.readSync(buf) ?? 0;
      head = new TextDecoder().decode(buf.subarray(0, n));
    } finally {
      f.close();
    }
  } catch {
    return true;
  }
  const m = /"time":"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?Z)"/.exec(
    head,
  );
  if (!m) return true;
  const at = Date.parse(m[1]);
  return !Number.isFinite(at) || now - at >= maxAgeMs;
}

/** True when a spool or a leftover `.merging` file is waiting (cheap: one stat, one directory read only if needed). */
export function spoolPending(dataDir: string): boolean {
  try {
    Deno.statSync(spoolPath(dataDir));
    return true;
  } catch {
    // no live spool; look for leftovers below
  }
  try {
    for (const e of Deno.readDirSync(dataDir)) {
      if (isMergingName(e.name)) return true;
    }
  } catch {
    // unreadable directory: nothing we can merge
  }
  return false;
}

/**
 * Claim every spool file for merging: rename the live spool to a unique
 * `.merging` name and return it together with leftovers of earlier mergers.
 * Call only while holding the database write lock.
 */
export function claimSpool(dataDir: string): string[] {
  const claimed: string[] = [];
  const live = spoolPath(dataDir);
  const mine = joinPath(
    dataDir,
    `${MERGING_PREFIX}${Deno.pid}.${crypto.randomUUID()}${MERGING_SUFFIX}`,
  );
  try {
    Deno.renameSync(live, mine);
  } catch {
    // no live spool (or it vanished under us)
  }
  try {
    for (const e of Deno.readDirSync(dataDir)) {
      if (e.isFile && isMergingName(e.name)) {
        claimed.push(joinPath(dataDir, e.name));
      }
    }
  } catch {
    // unreadable directory: merge only what we renamed, if anything
    try {
      Deno.statSync(mine);
      claimed.push(mine);
    } catch {
      // nothing
    }
  }
  return claimed.sort();
}

/**
 * Read the entries of claimed spool files; lines that do not parse are
 * counted and skipped. `sizes` says how many bytes of each file were read.
 */
export function readSpool(
  paths: readonly string[],
): { entries: SpoolEntry[]; badLines: number; sizes: Map<string, number> } {
  const entries: SpoolEntry[] = [];
  const sizes = new Map<string, number>();
  let badLines = 0;
  const decoder = new TextDecoder();
  for (const p of paths) {
    let bytes: Uint8Array;
    try {
      bytes = Deno.readFileSync(p);
    } catch {
      continue;
    }
    sizes.set(p, bytes.length);
    for (const line of decoder.decode(bytes).split("\n")) {
      if (line.trim() === "") continue;
      const entry = parseEntry(line);
      if (entry) entries.push(entry);
      else badLines++;
    }
  }
  return { entries, badLines, sizes };
}

/**
 * Delete merged spool files (already-gone files are fine). A file that grew
 * after it was read (a writer that opened the live spool just before it was
 * renamed) is kept: the next merger reads it again and skips what is in.
 */
export function finishSpool(
  paths: readonly string[],
  sizes?: ReadonlyMap<string, number>,
): void {
  for (const p of paths) {
    try {
      const read = sizes?.get(p);
      if (read !== undefined && Deno.statSync(p).size !== read) continue;
      Deno.removeSync(p);
    } catch {
      // another merger removed it first
    }
  }
}

function parseEntry(line: string): SpoolEntry | undefined {
  try {
    const v = JSON.parse(line) as Partial<SpoolEntry>;
    if (
      typeof v?.sid === "string" && v.event && typeof v.event === "object" &&
      typeof v.event.time === "string" && typeof v.event.toolName === "string"
    ) {
      return v as SpoolEntry;
    }
  } catch {
    // fall through
  }
  return undefined;
}

function isMergingName(name: string): boolean {
  return name.startsWith(MERGING_PREFIX) && name.endsWith(MERGING_SUFFIX);
}

function joinPath(dir: string, name: string): string {
  return dir.endsWith("/") ? dir + name : `${dir}/${name}`;
}
