/**
 * Toolchain and secret managers that run the rest of the command line in a
 * prepared environment (`conda run`, `op run --`, `aws-vault exec`, `mise
 * exec`, `nix develop -c`, `nix-shell --run`, `npx -c`...): what they run,
 * for the wrapper peeler (wrappers.ts).
 *
 * @module
 */

import type { Arg } from "./unit.ts";

/**
 * Toolchain and secret managers that run the rest of the line in a prepared
 * environment (`conda run -n env CMD`, `op run -- CMD`, `aws-vault exec P --
 * CMD`, `mise exec -- CMD`, `nix develop -c CMD`, `podman unshare CMD`): the
 * subcommand, the options that take a value, and how many positional words
 * (an environment name, a profile, a folder) come before the command.
 */
const TOOL_RUNNERS: Readonly<
  Record<string, { sub: string; values?: string[]; positional?: number }>
> = {
  conda: { sub: "run", values: ["-n", "--name", "-p", "--prefix", "--cwd"] },
  mamba: { sub: "run", values: ["-n", "--name", "-p", "--prefix", "--cwd"] },
  micromamba: { sub: "run", values: ["-n", "--name", "-p", "--prefix"] },
  pixi: { sub: "run", values: ["-e", "--environment", "--manifest-path"] },
  direnv: { sub: "exec", positional: 1 },
  op: { sub: "run", values: ["--env-file"] },
  doppler: { sub: "run", values: ["-p", "--project", "-c", "--config"] },
  "aws-vault": {
    sub: "exec",
    values: ["-d", "--duration", "-r", "--region"],
    positional: 1,
  },
  infisical: { sub: "run", values: ["--env", "--path", "--projectId"] },
  mise: { sub: "exec", values: ["-C", "--cd"] },
  rtx: { sub: "exec", values: ["-C", "--cd"] },
  asdf: { sub: "exec" },
  rbenv: { sub: "exec" },
  pyenv: { sub: "exec" },
  nodenv: { sub: "exec" },
  volta: { sub: "run", values: ["--node", "--npm", "--yarn"] },
  nvm: { sub: "exec", positional: 1 },
  fnm: { sub: "exec", values: ["--using"] },
  podman: { sub: "unshare" },
  buildah: { sub: "unshare" },
  nix: { sub: "develop", values: ["-c", "--command"] },
  devbox: { sub: "run", values: ["-c", "--config"] },
  dotenvx: { sub: "run", values: ["-f", "--env-file", "-e", "--env"] },
  launchctl: { sub: "asuser", positional: 1 },
  machinectl: {
    sub: "shell",
    values: ["--uid", "-E", "--setenv"],
    positional: 1,
  },
};

/** Tools whose option value is shell text they run: `nix-shell --run`, `npx -c`, file watchers (`nodemon --exec`, `chokidar -c`). */
const SCRIPT_OPTS: Readonly<Record<string, RegExp>> = {
  "nix-shell": /^--(run|command)$/,
  npx: /^(-c|--call)$/,
  nodemon: /^(-x|--exec)$/,
  chokidar: /^(-c|--command)$/,
  "chokidar-cli": /^(-c|--command)$/,
  onchange: /^(--)$/,
};

/**
 * `nix-shell --run TEXT`, `npx -c TEXT`, `nodemon --exec TEXT`: shell text
 * the tool runs; `concurrently 'a' 'b'` runs each word; `entr -s TEXT`,
 * `watchexec 'TEXT'` one string.
 */
export function scriptOption(name: string, args: Arg[]): string | null {
  // (npm exec -c is judged by the embedded-command rule, embedded.ts.)
  const opt = SCRIPT_OPTS[name];
  if (opt) {
    for (let k = 1; k < args.length; k++) {
      const t = args[k].text;
      if (opt.test(t) && args[k + 1]) return args[k + 1].text;
      const eq = t.indexOf("=");
      if (eq > 0 && opt.test(t.slice(0, eq))) return t.slice(eq + 1);
    }
    return null;
  }
  if (name === "hyperfine") {
    // hyperfine 'cmd' … -p 'prepare' -c 'cleanup': every command is run by a shell.
    const cmds: string[] = [];
    for (let k = 1; k < args.length; k++) {
      const t = args[k].text;
      if (/^(-p|--prepare|-c|--cleanup|-s|--setup|--conclude)$/.test(t)) {
        if (args[k + 1]) cmds.push(args[++k].text);
      } else if (
        /^(-w|--warmup|-r|--runs|-m|--min-runs|-M|--max-runs|-P|--parameter-scan|-L|--parameter-list|-S|--shell|-u|--time-unit|--export-\w{1,16}|-n|--command-name|-i|--ignore-failure|--style|-N)$/
          .test(t)
      ) {
        if (!/^(-i|--ignore-failure|-N)$/.test(t)) k++;
      } else if (!t.startsWith("-")) cmds.push(t);
    }
    return cmds.length ? cmds.join("\n") : null;
  }
  if (name === "concurrently") {
    const cmds = args.slice(1).filter((a, k, all) =>
      !a.text.startsWith("-") &&
      !/^(-n|--names|-c|--prefix-colors|-p|--prefix|-k|--kill-others-on-fail)$/
        .test(all[k - 1]?.text ?? "")
    );
    return cmds.length ? cmds.map((a) => a.text).join("\n") : null;
  }
  if (name === "entr" && args.some((a) => /^-[a-zA-Z]{0,6}s/.test(a.text))) {
    const cmd = args.slice(1).find((a) => !a.text.startsWith("-"));
    return cmd ? cmd.text : null;
  }
  if (name === "watchexec") {
    const rest = args.slice(1).filter((a, k, all) =>
      !a.text.startsWith("-") &&
      !/^(-w|--watch|-e|--exts|-i|--ignore|-d|--debounce|-f|--filter|--shell|-s|--signal)$/
        .test(all[k - 1]?.text ?? "")
    );
    if (rest.length === 1 && /\s/.test(rest[0].text)) return rest[0].text;
  }
  return null;
}

/** The command a toolchain runner runs (its argv), or null when `args` is not one. */
export function toolRunner(name: string, args: Arg[]): Arg[] | null {
  const spec = TOOL_RUNNERS[name];
  if (!spec || args[1]?.text !== spec.sub) return null;
  let i = 2;
  const values = spec.values ?? [];
  while (
    i < args.length && args[i].text.startsWith("-") && args[i].text !== "--"
  ) {
    // nix develop -c CMD: the option's value is the command itself.
    if (name === "nix" && /^(-c|--command)$/.test(args[i].text)) {
      return args.slice(i + 1);
    }
    i += values.includes(args[i].text) ? 2 : 1;
  }
  if (name === "nix") return null;
  // mise exec node@20 -- CMD: what comes before a later `--` configures the tool.
  const dd = args.findIndex((a, k) => k >= i && a.text === "--");
  if (dd >= 0) return args.slice(dd + 1);
  i += spec.positional ?? 0;
  if (args[i]?.text === "--") i++;
  return args.slice(i);
}
