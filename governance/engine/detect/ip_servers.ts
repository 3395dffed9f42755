/**
 * Public IPv4 addresses that network diagnostics print for a server, not a
 * person: the address a host name resolved to (`PING github.com
 * (140.82.121.4)`, `Connected to api.acme.io (104.16.2.35) port 443`,
 * `Resolving registry.npmjs.org... 104.16.2.35, 104.16.3.35`; a ping
 * reply's source, `64 bytes from 1.1.1.1`, stays a finding), a
 * traceroute's target and hops, curl's `Trying 140.82.112.3:443...`, a connection's remote end on
 * a well-known service port (`140.82.112.3:443 ESTABLISHED`). Each check
 * reads a bounded slice of the value's line.
 *
 * @module
 */

/** Right before the value: a host name and an opening parenthesis, or a diagnostic's words. */
import { lineBefore } from "./ip_context.ts";

const BEFORE =
  /(?:[A-Za-z0-9-]{1,63}\.(?:com|net|org|io|dev|app|cloud|co|uk|de|fr|nl|eu|us|ai|sh|info|edu|gov|internal|local|lan|svc|cluster)\.?\s{0,2}\(|\bTrying\s{1,2}|\btraceroute to\s{1,2}(?:[\w.-]{1,253}\s{1,2}\()?|\bPING\s{1,2}(?:[\w.-]{1,253}\s{1,2}\()?)$/;

/** A line that lists resolved addresses (wget's `Resolving host (host)... a, b`). */
const RESOLVING = /^\s{0,4}Resolving\s[^\n]{1,300}\.\.\.\s/;

/** A traceroute hop: the hop number first, round-trip times after. */
const HOP = /^\s{0,3}\d{1,2}\s{1,3}(?:[\w.-]{1,253}\s{1,2}\()?$/;
const HOP_AFTER = /^\)?\s{1,3}[\d.]{1,8}\s{0,1}ms\b/;

/** Right after the value: a well-known service port and a connection state or the line's end. */
const SERVICE_PORT =
  /^:(?:443|80|22|53|853|993|995|465|587|25|8443|5432|3306|6379|27017|9092|9200)(?:\s{1,12}(?:ESTABLISHED|TIME_WAIT|CLOSE_WAIT|SYN_SENT|FIN_WAIT\d?|LAST_ACK|CLOSED|ESTAB)\b|\.\.\.)/;

/** True when the public address at `start`..`end` of `text` is a server's in network diagnostics (see the module doc). */
export function serverAddress(
  text: string,
  start: number,
  end: number,
): boolean {
  const before = lineBefore(text, start, 300);
  if (BEFORE.test(before)) return true;
  if (RESOLVING.test(before)) return true;
  const after = text.slice(end, end + 40);
  if (SERVICE_PORT.test(after)) return true;
  return HOP.test(before) && HOP_AFTER.test(after);
}
