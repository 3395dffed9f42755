/**
 * Command-line parsing for the developer scripts (`deno task eval`, `bench`,
 * `build`, `train`...): `node:util` `parseArgs`, but an unknown option or a
 * missing value ends the script with its usage line and exit code 2 instead
 * of an uncaught exception and a stack trace.
 *
 * @module
 */
import { parseArgs, type ParseArgsConfig } from "node:util";

/** `parseArgs(config)`; on a usage error prints `usage` to stderr and exits with 2. */
export function devArgs<T extends ParseArgsConfig>(
  config: T,
  usage: string,
): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (err) {
    if (!(err instanceof TypeError)) throw err;
    console.error(`${err.message}\nusage: ${usage}`);
    Deno.exit(2);
  }
}
