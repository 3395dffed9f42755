/**
 * Where the audit trail lives: the data directory and the database's path
 * in it.
 *
 * @module
 */

/** File name of the audit database inside the data directory. */
export const AUDIT_FILE = "audit.db";

/** The default data directory: `$AXONFLOW_HOME`, else `~/.axonflow`. Needs env permission for those two variables. */
export function defaultDataDir(): string {
  const env = (k: string) => {
    try {
      return Deno.env.get(k);
    } catch {
      return undefined;
    }
  };
  const home = env("AXONFLOW_HOME");
  if (home) return home;
  return `${env("HOME") ?? env("USERPROFILE") ?? "."}/.axonflow`;
}

/** Path of the audit database in a data directory. */
export function auditPath(dataDir: string): string {
  return dataDir.endsWith("/")
    ? dataDir + AUDIT_FILE
    : `${dataDir}/${AUDIT_FILE}`;
}

/** The folder of a file path (`.` for a bare name, `/` for a file at the root). */
export function dirOf(path: string): string {
  const i = path.lastIndexOf("/");
  return i < 0 ? "." : i === 0 ? "/" : path.slice(0, i);
}
