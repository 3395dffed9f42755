/**
 * Backups the installer writes before it changes a file:
 * `<file>.axonflow-backup-<timestamp>` next to the file, content identical.
 *
 * @module
 */

/** A filesystem-safe timestamp like `20250101T120000123Z`. */
export function backupStamp(now = new Date()): string {
  return now.toISOString().replace(/[-:.]/g, "");
}

/** Copy `path` to a new backup file (never overwriting one) and return its path; undefined when `path` does not exist. */
export async function backupFile(
  path: string,
  now = new Date(),
): Promise<string | undefined> {
  let data: Uint8Array;
  try {
    data = await Deno.readFile(path);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return undefined;
    throw e;
  }
  const base = `${path}.axonflow-backup-${backupStamp(now)}`;
  for (let n = 0; n < 1000; n++) {
    const target = n === 0 ? base : `${base}-${n}`;
    try {
      await Deno.writeFile(target, data, { createNew: true, mode: 0o600 });
      return target;
    } catch (e) {
      if (!(e instanceof Deno.errors.AlreadyExists)) throw e;
    }
  }
  throw new Error(`could not pick a backup name for ${path}`);
}

/** The backups of `path` that exist, oldest first. */
export async function listBackups(path: string): Promise<string[]> {
  const slash = path.lastIndexOf("/");
  const dir = slash >= 0 ? path.slice(0, slash) || "/" : ".";
  const name = path.slice(slash + 1) + ".axonflow-backup-";
  const out: string[] = [];
  try {
    for await (const e of Deno.readDir(dir)) {
      if (e.isFile && e.name.startsWith(name)) out.push(`${dir}/${e.name}`);
    }
  } catch {
    return [];
  }
  return out.sort();
}
