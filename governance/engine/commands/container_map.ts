/**
 * The command a container or sandbox runs, judged on the host: `docker run
 * -v $HOME:/h img cat /h/.ssh/id_rsa` reads the host's key, `bwrap --bind ~
 * /h rm -rf /h` deletes the host's home. Paths the command names are mapped
 * back through the bind mounts (`-v`, `--volume`, `--mount
 * type=bind,src=…`, bwrap's `--bind`/`--ro-bind`); paths no mount covers
 * live inside the container and become harmless places under
 * {@link INSIDE}. Only commands with at least one host mount are judged.
 *
 * @module
 */

import { resolvePath } from "./paths.ts";
import { fork, type State, type Unit } from "./unit.ts";

/** Where paths that stay inside the container are judged (a temp folder). */
const INSIDE = "/tmp/.container";

/** docker/podman/nerdctl options before the subcommand that take a value. */
const GLOBAL_VALUES =
  /^(-H|--host|--context|-c|--config|-l|--log-level|--url|--connection|--root|--runroot|--namespace|-n|--address|-a)$/;

/** `run`/`create` options that take the next word as their value. */
const RUN_VALUES = new Set([
  "-v",
  "--volume",
  "--mount",
  "-w",
  "--workdir",
  "-e",
  "--env",
  "--env-file",
  "--entrypoint",
  "--name",
  "-p",
  "--publish",
  "--network",
  "--net",
  "-u",
  "--user",
  "-l",
  "--label",
  "--platform",
  "-h",
  "--hostname",
  "-m",
  "--memory",
  "--cpus",
  "--pull",
  "--add-host",
  "--dns",
  "--device",
  "--cap-add",
  "--cap-drop",
  "--security-opt",
  "--tmpfs",
  "--ulimit",
  "--restart",
  "--pid",
  "--ipc",
  "--userns",
  "--log-driver",
  "--log-opt",
  "--volumes-from",
  "--group-add",
  "--shm-size",
  "--gpus",
  "--runtime",
  "--stop-signal",
  "--health-cmd",
  "--expose",
  "--cidfile",
  "--link",
  "-a",
  "--attach",
]);

/** bwrap options and how many values each takes (the rest take none). */
const BWRAP_VALUES: Readonly<Record<string, number>> = {
  "--bind": 2,
  "--bind-try": 2,
  "--dev-bind": 2,
  "--dev-bind-try": 2,
  "--ro-bind": 2,
  "--ro-bind-try": 2,
  "--symlink": 2,
  "--setenv": 2,
  "--file": 2,
  "--bind-data": 2,
  "--ro-bind-data": 2,
  "--chmod": 2,
  "--chdir": 1,
  "--tmpfs": 1,
  "--dev": 1,
  "--proc": 1,
  "--mqueue": 1,
  "--dir": 1,
  "--remount-ro": 1,
  "--unsetenv": 1,
  "--uid": 1,
  "--gid": 1,
  "--hostname": 1,
  "--perms": 1,
  "--size": 1,
  "--args": 1,
  "--userns": 1,
  "--userns2": 1,
  "--seccomp": 1,
  "--info-fd": 1,
  "--json-status-fd": 1,
  "--block-fd": 1,
  "--sync-fd": 1,
  "--lock-file": 1,
  "--exec-label": 1,
  "--file-label": 1,
  "--cap-add": 1,
  "--cap-drop": 1,
  "--argv0": 1,
};

/** One bind mount: the path inside and the host path it shows. */
interface Bind {
  inside: string;
  host: string;
}

/** The index of the subcommand word of a container CLI (after its global options). */
export function containerSubIndex(u: Unit): number {
  let i = 0;
  while (i < u.args.length && u.args[i].text.startsWith("-")) {
    i += GLOBAL_VALUES.test(u.args[i].text) ? 2 : 1;
  }
  return i;
}

function bindOf(spec: string, mount: boolean, st: State): Bind | null {
  let src: string | undefined;
  let dst: string | undefined;
  if (mount) {
    for (const kv of spec.split(",")) {
      const m = /^(source|src|target|destination|dst)=(.{1,4096})$/.exec(kv);
      if (!m) continue;
      if (m[1].startsWith("s")) src = m[2];
      else dst = m[2];
    }
  } else {
    const parts = spec.split(":");
    src = parts[0];
    dst = parts[1];
  }
  if (!src || !dst || !/^[/~.]/.test(src) || !dst.startsWith("/")) return null;
  const host = resolvePath(src, st.cwd, st.ctx.home);
  const inside = resolvePath(dst, "/", st.ctx.home);
  return host && inside ? { inside, host } : null;
}

/** `path` inside the container, as the host sees it. */
function hostPath(path: string, binds: readonly Bind[]): string {
  for (const b of binds) {
    if (b.inside === "/") return b.host.replace(/\/$/, "") + path;
    if (path === b.inside || path.startsWith(b.inside + "/")) {
      return b.host.replace(/\/$/, "") + path.slice(b.inside.length);
    }
  }
  return INSIDE + path;
}

/** Absolute paths in command text (after a start, blank, quote or `=`). */
const ABS_PATH = /(^|[\s'"=])(\/[^\s'"`;|&()<>]{0,4096})/g;

/** The text with container paths replaced by host paths (the home folder inside is /root). */
function mapText(text: string, binds: readonly Bind[]): string {
  return text
    .replace(/\$\{?HOME\}?|(?<=^|[\s'"=])~(?=\/|[\s'"]|$)/g, "/root")
    .replace(
      ABS_PATH,
      (_m, pre: string, p: string) => pre + hostPath(p, binds),
    );
}

function quote(s: string): string {
  return /^[\w@%+=:,./-]{1,4096}$/.test(s)
    ? s
    : "'" + s.replace(/'/g, "'\\''") + "'";
}

function judgeInside(
  words: string[],
  binds: Bind[],
  workdir: string | null,
  st: State,
): void {
  if (!binds.length || !words.length) return;
  binds.sort((a, b) => b.inside.length - a.inside.length);
  const inner = fork(st, 1);
  inner.cwd = hostPath(workdir ?? "/", binds);
  st.out.shell(words.map((w) => quote(mapText(w, binds))).join(" "), inner);
}

/** docker / podman / nerdctl run|create: the container's command, with its paths mapped to the host. */
export function analyzeContainerCommand(u: Unit, st: State): void {
  if (st.depth > 6) return;
  let i = u.name.endsWith("-compose") ? -1 : containerSubIndex(u);
  if (u.args[i]?.text === "container") i++;
  if (i < 0 || u.args[i]?.text === "compose") {
    // docker compose [-f F -p P] run [opts] SERVICE cmd: the service stands where the image does.
    i++;
    while (i < u.args.length && u.args[i].text.startsWith("-")) {
      i +=
        /^(-f|--file|-p|--project-name|--profile|--env-file|--project-directory)$/
            .test(u.args[i].text)
          ? 2
          : 1;
    }
    if (u.args[i]?.text !== "run") return;
  }
  const sub = u.args[i]?.text;
  if (sub !== "run" && sub !== "create") return;
  const binds: Bind[] = [];
  let workdir: string | null = null;
  let entry: string | null = null;
  const t = u.args.map((a) => a.text);
  for (i++; i < t.length; i++) {
    const x = t[i];
    if (x === "--") {
      i++;
      break;
    }
    if (!x.startsWith("-")) break;
    const eq = x.indexOf("=");
    const opt = x.startsWith("--") && eq > 0 ? x.slice(0, eq) : x;
    let v: string | undefined;
    if (eq > 0 && x.startsWith("--")) v = x.slice(eq + 1);
    else if (/^-[vw]./.test(x)) v = x.slice(2);
    else if (RUN_VALUES.has(x)) v = t[++i];
    if (v === undefined) continue;
    if (!u.args[i]?.known) continue;
    const name = opt.length === 2 || opt.startsWith("--")
      ? opt
      : opt.slice(0, 2);
    if (name === "-v" || name === "--volume" || name === "--mount") {
      const b = bindOf(v, name === "--mount", st);
      if (b) binds.push(b);
    } else if (name === "-w" || name === "--workdir") workdir = v;
    else if (name === "--entrypoint") entry = v;
  }
  const cmd = t.slice(i + 1);
  judgeInside(entry ? [entry, ...cmd] : cmd, binds, workdir, st);
}

/** bwrap: the sandboxed command, with its paths mapped through the binds to the host. */
export function analyzeBwrap(u: Unit, st: State): void {
  if (st.depth > 6) return;
  const t = u.args.map((a) => a.text);
  const binds: Bind[] = [];
  let workdir: string | null = null;
  let i = 0;
  for (; i < t.length; i++) {
    const x = t[i];
    if (x === "--") {
      i++;
      break;
    }
    if (!x.startsWith("--")) break;
    const n = BWRAP_VALUES[x] ?? 0;
    if (/bind/.test(x) && !/data/.test(x) && n === 2 && t[i + 2]) {
      const host = resolvePath(t[i + 1], st.cwd, st.ctx.home);
      const inside = resolvePath(t[i + 2], "/", st.ctx.home);
      if (host && inside && u.args[i + 1].known) binds.push({ inside, host });
    } else if (x === "--chdir") workdir = t[i + 1] ?? null;
    i += n;
  }
  judgeInside(t.slice(i), binds, workdir, st);
}
