/**
 * Who and where, for the audit trail: the developer's OS account (`USER`,
 * else `LOGNAME`) and the machine's host name. A hook may read both and
 * nothing more of the system (`--allow-env=…,USER,LOGNAME`,
 * `--allow-sys=hostname`); without those permissions the fields are left out.
 *
 * @module
 */

/** The developer and host of this process (fields left out when they cannot be read). */
export interface Identity {
  user?: string;
  host?: string;
}

let cached: Identity | undefined;

/** This process's identity, read once. Never throws. */
export function identity(): Identity {
  if (cached) return cached;
  const out: Identity = {};
  try {
    out.user = Deno.env.get("USER") || Deno.env.get("LOGNAME") || undefined;
  } catch {
    // not permitted: left out
  }
  try {
    out.host = Deno.hostname();
  } catch {
    // not permitted: left out
  }
  cached = out;
  return out;
}

/** The `caller` argument a hook sends to a remote endpoint: developer, host and agent session. */
export function callerOf(
  sessionId: string | undefined,
): { user?: string; host?: string; session_id?: string } {
  const id = identity();
  return { user: id.user, host: id.host, session_id: sessionId };
}
