/**
 * Dotted quads that are not anyone's address, read from the words before
 * them: a version reached through a connector after a software noun or an
 * upgrade verb ("upgraded the driver to 5.0.14.89", "bump openssl from
 * 3.0.13.1"), and a host's published record in DNS output ("api.example.net.
 * 60 IN A 140.82.112.3", "example.net has address 93.184.216.34"): a
 * server's address, not a visitor's.
 *
 * @module
 */

/**
 * A software noun or an upgrade verb, up to three words, then a connector
 * right before the value. Only bounded repetitions over a bounded slice.
 */
const VERSION_CONNECTOR =
  /(?:^|[^A-Za-z])(?:version|driver|firmware|kernel|bios|package|plugin|sdk|runtime|build|release|upgrad(?:e|ed|es|ing)|downgrad(?:e|ed|es|ing)|bump(?:s|ed|ing)?|pin(?:s|ned)?)(?:\s{1,2}[\w.@/-]{1,30}){0,3}\s{1,2}(?:to|from|at|as|is|was|now)\s{1,2}v?$/i;

/** A DNS answer line's record type, or `host`'s wording, right before the value. */
const HOST_RECORD =
  /(?:\sIN\s{1,8}A|\shas address|\bA record:?)\s{1,8}$|^\S{1,253}\.\s{1,8}\d{1,10}\s{1,8}(?:IN\s{1,8})?A\s{1,8}$/;

/** True when the value at `start` is a version after a connector (see {@link VERSION_CONNECTOR}). */
export function versionConnected(text: string, start: number): boolean {
  return VERSION_CONNECTOR.test(lineBefore(text, start, 100));
}

/**
 * The text of `start`'s line before it, at most `reach` characters: the
 * line break is looked for in that window only, so that many values on one
 * long line cost linear time, not a scan back to the line's start each.
 */
export function lineBefore(text: string, start: number, reach: number): string {
  const win = text.slice(Math.max(0, start - reach), start);
  const nl = win.lastIndexOf("\n");
  return nl < 0 ? win : win.slice(nl + 1);
}

/** True when the value at `start` is a host's record in DNS output (see {@link HOST_RECORD}). */
export function hostRecord(text: string, start: number): boolean {
  return HOST_RECORD.test(lineBefore(text, start, 300));
}
