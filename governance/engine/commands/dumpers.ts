/**
 * Commands that print the whole environment: `env`, `printenv` with no
 * name, `set`, `export -p`, `declare -x`, `compgen -e`, a process's
 * `/proc/…/environ`, and a hosted app's whole environment (`heroku config`);
 * and the programs that print a file they are given.
 *
 * @module
 */

/** Whether a command prints the whole environment (env, printenv, set, export -p, /proc/…/environ). */
export function isDumper(name: string, args: string[]): boolean {
  switch (name) {
    case "printenv":
      // printenv NAME prints one variable (judged by secret_env.ts), not the environment.
      return args.every((a) => a.startsWith("-"));
    case "env":
      return args.every((a) => a.startsWith("-"));
    case "set":
      return args.length === 0;
    case "export":
    case "declare":
    case "typeset":
      return args.length === 0 || args.every((a) => /^-[px]{1,2}$/.test(a));
    case "compgen":
      return args.includes("-e") || args.includes("-v");
    case "heroku":
      // heroku config [-a app] [-s]: every config variable of a hosted app (its secrets).
      return args[0] === "config";
    case "cat":
    case "strings":
    case "xargs":
      return args.some((a) =>
        /^\/proc\/(self|\d{1,7}|\$\$|\$\w{1,16})\/environ$/.test(a)
      );
  }
  return false;
}

/**
 * Programs that read a file they are given and print it (so what they feed
 * down a pipeline, into a sink or a read loop, is the file): shared by the
 * credential checks (`creds.ts`) and the read loops of `dump_vars.ts`.
 */
export const FILE_READERS: ReadonlySet<string> = new Set([
  "cat",
  "base64",
  "xxd",
  "od",
  "hexdump",
  "head",
  "tail",
  "gzip",
  "bzip2",
  "xz",
  "zstd",
  "tar",
  "zip",
  "strings",
  "less",
  "more",
  "openssl",
  "gpg",
  "sed",
  "awk",
  "cut",
  "sort",
  "tac",
  "nl",
  "bat",
  "batcat",
  "jq",
  "yq",
  "python",
  "python3",
  "perl",
  "ruby",
  "node",
  "grep",
  "base32",
]);
