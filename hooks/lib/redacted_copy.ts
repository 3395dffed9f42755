/**
 * Full redacted copies of long tool outputs, so the model can be handed a
 * short head-and-tail and the path of the rest. They live in
 * `<data dir>/redacted/` (folder 0700, files 0600, owner only; Codex's own
 * spill files under /tmp are world-readable, which is why R stays short).
 * Only ever written with text that is already redacted.
 *
 * Bounded: at most {@link COPY_MAX_FILES} files and {@link COPY_MAX_TOTAL}
 * bytes in all (oldest pruned first); one copy holds at most
 * {@link COPY_MAX_BYTES} bytes.
 *
 * @module
 */

/** Folder of the copies inside the data directory. */
export const COPY_DIR = "redacted";
/** Most copies kept. */
export const COPY_MAX_FILES = 200;
/** Most bytes kept across all copies. */
export const COPY_MAX_TOTAL = 64 * 1024 * 1024;
/** Largest single copy, in characters (a longer text is cut, noted). */
export const COPY_MAX_BYTES = 16 * 1024 * 1024;

/** The folder of the copies. */
export function copyDir(dataDir: string): string {
  return `${dataDir.replace(/\/+$/, "")}/${COPY_DIR}`;
}

/**
 * Write a redacted text as a new copy; returns its path, or the error
 * message when it could not be written. Never throws.
 */
export function writeRedactedCopy(
  dataDir: string,
  redacted: string,
  now = new Date(),
): { path: string } | { error: string } {
  const dir = copyDir(dataDir);
  try {
    Deno.mkdirSync(dir, { recursive: true, mode: 0o700 });
    Deno.chmodSync(dir, 0o700);
    const stamp = now.toISOString().replace(/[:.]/g, "-");
    const path = `${dir}/${stamp}-${crypto.randomUUID().slice(0, 8)}.txt`;
    const body = redacted.length > COPY_MAX_BYTES
      ? `${redacted.slice(0, COPY_MAX_BYTES)}\n[... ${
        redacted.length - COPY_MAX_BYTES
      } more characters not kept]\n`
      : redacted;
    Deno.writeTextFileSync(path, body, { mode: 0o600, createNew: true });
    pruneCopies(dir, path);
    return { path };
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
}

/** Remove the oldest copies beyond the count and size bounds (never `keep`). */
export function pruneCopies(dir: string, keep?: string): void {
  const files: { path: string; size: number; name: string }[] = [];
  try {
    for (const e of Deno.readDirSync(dir)) {
      if (!e.isFile || !e.name.endsWith(".txt")) continue;
      const path = `${dir}/${e.name}`;
      try {
        files.push({ path, size: Deno.statSync(path).size, name: e.name });
      } catch {
        // raced with another prune
      }
    }
  } catch {
    return;
  }
  // Names start with an ISO time: newest first by name.
  files.sort((a, b) => b.name.localeCompare(a.name));
  let total = 0;
  files.forEach((f, i) => {
    total += f.size;
    if (f.path !== keep && (i >= COPY_MAX_FILES || total > COPY_MAX_TOTAL)) {
      try {
        Deno.removeSync(f.path);
      } catch {
        // ignore
      }
    }
  });
}
