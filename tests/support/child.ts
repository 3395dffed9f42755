/**
 * Running a child process in a test without ever hanging the suite: the
 * child is killed (SIGKILL) once its time is up, and its output is returned
 * as `Deno.Command#output()` would.
 *
 * @module
 */

/** Spawn `cmd` (stdout/stderr piped by the caller), wait for it, kill it after `ms`. */
export async function outputWithin(
  cmd: Deno.Command,
  ms: number,
): Promise<Deno.CommandOutput> {
  const child = cmd.spawn();
  const killer = setTimeout(() => {
    try {
      child.kill("SIGKILL");
    } catch {
      // already gone
    }
  }, ms);
  try {
    return await child.output();
  } finally {
    clearTimeout(killer);
  }
}
