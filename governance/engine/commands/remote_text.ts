/**
 * Programs that run shell text on other machines, beyond ssh itself:
 * `vagrant ssh -c TEXT`, `pdsh -w HOSTS TEXT`, `pssh`/`parallel-ssh -h FILE
 * TEXT`, `clush -a TEXT`, `doctl compute ssh NAME --ssh-command TEXT`,
 * `gcloud compute ssh NAME --command TEXT` (or `-- TEXT`), `aws ssm
 * send-command --parameters commands=TEXT`, `az vm run-command invoke
 * --scripts TEXT`, `mosh HOST -- TEXT`, `fab -H HOST -- TEXT`. The text is
 * judged like a command run here: what wipes this machine wipes that one.
 *
 * @module
 */

import type { Arg, Unit } from "./unit.ts";

/** Names of the remote runners this module reads. */
export const REMOTE_RUNNERS = [
  "vagrant",
  "pdsh",
  "pssh",
  "parallel-ssh",
  "prsh",
  "clush",
  "doctl",
  "gcloud",
  "aws",
  "az",
  "mosh",
  "fab",
];

/** Values of `--opt VALUE` / `--opt=VALUE` for the options matched by `opt`. */
function valuesOf(args: readonly Arg[], opt: RegExp): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length && i < 256 && out.length < 16; i++) {
    const t = args[i].text;
    const eq = t.indexOf("=");
    if (t.startsWith("--") && eq > 0 && opt.test(t.slice(0, eq))) {
      out.push(t.slice(eq + 1));
    } else if (opt.test(t) && args[i + 1]) out.push(args[++i].text);
  }
  return out;
}

/** The words after the first `--`, joined, or null. */
function afterDashes(args: readonly Arg[]): string | null {
  const k = args.findIndex((a) => a.text === "--");
  return k >= 0 && k + 1 < args.length
    ? args.slice(k + 1).map((a) => a.text).join(" ")
    : null;
}

/** The positional words left once options (some taking a value) are skipped, joined from the `skip`-th on. */
function positionalText(
  args: readonly Arg[],
  values: RegExp,
  skip: number,
): string | null {
  const pos: string[] = [];
  for (let i = 0; i < args.length && i < 256; i++) {
    const t = args[i].text;
    if (t === "--") {
      pos.push(...args.slice(i + 1).map((a) => a.text));
      break;
    }
    if (t.startsWith("-") && t.length > 1) {
      if (values.test(t)) i++;
      continue;
    }
    pos.push(t);
  }
  const rest = pos.slice(skip);
  return rest.length ? rest.join(" ") : null;
}

/** `commands=TEXT`, `commands=["a","b"]`, `{"commands":["a"]}`: the commands of an SSM RunShellScript. */
function ssmCommands(params: string): string | null {
  const json = /"commands"\s{0,4}:\s{0,4}\[([^\]]{0,8192})\]/.exec(params);
  const list = json ? json[1] : /^commands=(.{1,8192})$/s.exec(params)?.[1];
  if (list === undefined) return null;
  const items = /^\s{0,4}\[/.test(list) || json
    ? [...list.matchAll(/"((?:[^"\\]|\\.){0,4096})"/g)].map((m) =>
      m[1].replace(/\\(.)/g, "$1")
    )
    : [list];
  return items.length ? items.join("\n") : null;
}

/** The shell text a remote runner runs on the other machine(s), or null. */
export function remoteShellText(u: Unit): string | null {
  const a = u.args;
  const t = a.map((x) => x.text);
  switch (u.name) {
    case "vagrant":
      return t[0] === "ssh"
        ? valuesOf(a, /^(-c|--command)$/).join("\n") || null
        : null;
    case "pdsh":
      return positionalText(a, /^-[wxgXlRtufNmd]$/, 0);
    case "pssh":
    case "parallel-ssh":
    case "prsh":
      return positionalText(
        a,
        /^-[hHlpoetOxX]$|^--(hosts|host|user|par|outdir|errdir|timeout|option|extra-args)$/,
        0,
      );
    case "clush":
      return positionalText(
        a,
        /^-[wxgXlRtufOoE]$|^--(nodes|group|user|options|fanout)$/,
        0,
      );
    case "doctl":
      return t[0] === "compute" && t[1] === "ssh"
        ? valuesOf(a, /^--ssh-command$/).join("\n") || null
        : null;
    case "gcloud": {
      const k = t.indexOf("compute");
      if (k < 0 || t[k + 1] !== "ssh") return null;
      const cmd = valuesOf(a, /^--command$/);
      return cmd.length ? cmd.join("\n") : afterDashes(a);
    }
    case "aws": {
      if (!(t.includes("ssm") && t.includes("send-command"))) return null;
      const p = valuesOf(a, /^--parameters$/).map(ssmCommands).filter((x) =>
        x !== null
      );
      return p.length ? p.join("\n") : null;
    }
    case "az": {
      if (!(t[0] === "vm" || t[0] === "vmss") || t[1] !== "run-command") {
        return null;
      }
      const k = t.findIndex((x) => x === "--scripts" || x === "--script");
      if (k < 0) return null;
      const out: string[] = [];
      for (let i = k + 1; i < t.length && !t[i].startsWith("--"); i++) {
        out.push(t[i]);
      }
      return out.length ? out.join("\n") : null;
    }
    case "mosh":
    case "fab":
      return afterDashes(a);
  }
  return null;
}
