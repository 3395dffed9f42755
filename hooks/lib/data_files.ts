/**
 * Opening files in the data directory without letting the agent make a hook
 * wait. The agent can write to the data directory's parent (its home), so
 * whatever sits at `policies.json`, the spool or `audit.db` may be a FIFO, a
 * folder, a socket, a device, a link out of the folder, or a huge file.
 *
 * - {@link dataEntry} says what a name is, from the folder listing (no open,
 *   no exception when it is missing).
 * - {@link readDataFile} reads a regular file with a size cap. It opens
 *   read+write: on Linux that never waits for a FIFO's other end (a read-only
 *   open does, until Codex's timeout lets the tool run), and checks the open
 *   handle's type before reading. A read-only file falls back to a read-only
 *   open after a second type check.
 *
 * @module
 */

/** What a name in the data directory is. */
export type DataEntry =
  | { kind: "missing" }
  | { kind: "file" }
  | { kind: "bad"; reason: string };

/** The outcome of reading a data file. */
export type DataRead =
  | { kind: "missing" }
  | { kind: "text"; text: string }
  | { kind: "bad"; reason: string };

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function typeName(info: Deno.FileInfo): string {
  if (info.isDirectory) return "a folder";
  if (info.isSymlink) return "a link";
  if (info.isFifo) return "a FIFO";
  if (info.isSocket) return "a socket";
  if (info.isCharDevice || info.isBlockDevice) return "a device";
  return "not a regular file";
}

function inside(path: string, dir: string): boolean {
  const d = dir.endsWith("/") ? dir : `${dir}/`;
  return path.startsWith(d);
}

function joinPath(dir: string, name: string): string {
  return dir.endsWith("/") ? dir + name : `${dir}/${name}`;
}

/**
 * What `name` is in `dataDir`: missing, a regular file (or a link to one that
 * stays inside the data directory), or bad (with the reason). Never opens the
 * entry, never throws.
 */
export function dataEntry(dataDir: string, name: string): DataEntry {
  let entry: Deno.DirEntry | undefined;
  try {
    for (const e of Deno.readDirSync(dataDir)) {
      if (e.name === name) {
        entry = e;
        break;
      }
    }
  } catch (err) {
    if (err instanceof Deno.errors.NotFound) return { kind: "missing" };
    return {
      kind: "bad",
      reason: `the data directory ${dataDir} cannot be listed (${
        errorText(err)
      })`,
    };
  }
  if (!entry) return { kind: "missing" };
  if (entry.isFile) return { kind: "file" };
  const path = joinPath(dataDir, name);
  if (!entry.isSymlink) {
    let what = "not a regular file";
    try {
      what = typeName(Deno.lstatSync(path));
    } catch {
      // keep the generic wording
    }
    return { kind: "bad", reason: `${path} is ${what}` };
  }
  try {
    const target = Deno.realPathSync(path);
    const dir = Deno.realPathSync(dataDir);
    if (!inside(target, dir)) {
      return {
        kind: "bad",
        reason: `${path} is a link out of the data directory (to ${target})`,
      };
    }
    const info = Deno.statSync(target);
    if (!info.isFile) {
      return { kind: "bad", reason: `${path} links to ${typeName(info)}` };
    }
    return { kind: "file" };
  } catch (err) {
    return {
      kind: "bad",
      reason: `${path} is a link that cannot be followed (${errorText(err)})`,
    };
  }
}

function readOpen(file: Deno.FsFile, path: string, cap: number): DataRead {
  const info = file.statSync();
  if (!info.isFile) {
    return { kind: "bad", reason: `${path} is ${typeName(info)}` };
  }
  if (info.size > cap) {
    return {
      kind: "bad",
      reason: `${path} holds ${info.size} bytes, over the ${cap}-byte limit`,
    };
  }
  const buf = new Uint8Array(info.size + 1);
  let n = 0;
  while (n < buf.length) {
    const got = file.readSync(buf.subarray(n));
    if (got === null || got === 0) break;
    n += got;
  }
  if (n > cap) {
    return { kind: "bad", reason: `${path} grew past the ${cap}-byte limit` };
  }
  return { kind: "text", text: new TextDecoder().decode(buf.subarray(0, n)) };
}

/**
 * Read `name` in `dataDir` as UTF-8, at most `cap` bytes, without ever
 * waiting on what the entry turns out to be. Never throws.
 */
export function readDataFile(
  dataDir: string,
  name: string,
  cap: number,
): DataRead {
  const entry = dataEntry(dataDir, name);
  if (entry.kind !== "file") return entry;
  const path = joinPath(dataDir, name);
  let file: Deno.FsFile;
  try {
    // Read+write: never waits on a FIFO swapped in since the listing.
    file = Deno.openSync(path, { read: true, write: true });
  } catch (err) {
    if (err instanceof Deno.errors.NotFound) return { kind: "missing" };
    if (!(err instanceof Deno.errors.PermissionDenied)) {
      return { kind: "bad", reason: `cannot open ${path} (${errorText(err)})` };
    }
    // A read-only policy file (the user may protect it that way): check the
    // type once more, then open it read-only.
    try {
      const info = Deno.lstatSync(path);
      if (!info.isFile) {
        return { kind: "bad", reason: `${path} is ${typeName(info)}` };
      }
      file = Deno.openSync(path, { read: true });
    } catch (err2) {
      return {
        kind: "bad",
        reason: `cannot read ${path} (${errorText(err2)})`,
      };
    }
  }
  try {
    return readOpen(file, path, cap);
  } catch (err) {
    return { kind: "bad", reason: `cannot read ${path} (${errorText(err)})` };
  } finally {
    try {
      file.close();
    } catch {
      // already closed
    }
  }
}
