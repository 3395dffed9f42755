/**
 * Applying an install plan: back up each file that changes, then write it
 * atomically (keeping its mode) or delete it.
 *
 * @module
 */
import { backupFile } from "./backup.ts";
import { effective, type Plan } from "./install_plan.ts";

async function writeAtomic(path: string, text: string): Promise<void> {
  let mode: number | undefined;
  try {
    mode = (await Deno.stat(path)).mode ?? undefined;
  } catch {
    mode = undefined;
  }
  const tmp = `${path}.axonflow-tmp-${Deno.pid}`;
  await Deno.writeTextFile(tmp, text, { mode: mode ?? 0o644 });
  if (mode !== undefined) await Deno.chmod(tmp, mode & 0o7777);
  await Deno.rename(tmp, path);
}

/** Apply the plan: backup each file that changes, then write or delete it. Returns the backups made. */
export async function applyPlan(
  plan: Plan,
  now = new Date(),
): Promise<{ path: string; backup?: string }[]> {
  const done: { path: string; backup?: string }[] = [];
  for (const c of effective(plan)) {
    const dir = c.path.slice(0, c.path.lastIndexOf("/"));
    await Deno.mkdir(dir, { recursive: true });
    const backup = await backupFile(c.path, now);
    if (c.after === undefined) await Deno.remove(c.path);
    else await writeAtomic(c.path, c.after);
    done.push({ path: c.path, backup });
  }
  return done;
}
