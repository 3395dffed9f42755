/**
 * The command run inside a live container, judged as a command on a machine:
 * `docker exec db sh -c 'rm -rf /var/lib/postgresql/data'`, `kubectl exec
 * api-0 -- sh -c 'curl … | sh'`, `docker compose exec db psql -c 'DROP
 * DATABASE production'`. Unlike `docker run IMAGE cmd` (a throwaway
 * container, whose unmapped paths are harmless), `exec` enters a running
 * service whose files are its state: the container's own paths are judged as
 * they are, and its home (`~`, `$HOME`) is `/root`. The working folder is the
 * one `-w` names, else unknown.
 *
 * Judgement calls: an interactive shell (`docker exec -it web sh`), reads and
 * dumps (`pg_dump`), deleting inside `/tmp` or a package folder pass, as they
 * would on a machine.
 *
 * @module
 */

import { containerSubIndex } from "./container_map.ts";
import { fork, type State, type Unit } from "./unit.ts";

/** docker/podman `exec` options that take the next word as their value. */
const EXEC_VALUES =
  /^(-e|--env|--env-file|-u|--user|-w|--workdir|--detach-keys|--index)$/;

/** kubectl/oc options (global or of `exec`) that take the next word. */
const KUBE_VALUES =
  /^(-n|--namespace|-c|--container|-f|--filename|--context|--kubeconfig|--cluster|--user|-s|--server|--pod-running-timeout|--as|--as-group|--token|--request-timeout|-l|--selector)$/;

function quote(s: string): string {
  return /^[\w@%+=:,./-]{1,4096}$/.test(s)
    ? s
    : "'" + s.replace(/'/g, "'\\''") + "'";
}

/** The text with the container's home (`~`, `$HOME`) spelled as /root. */
function rootHome(text: string): string {
  return text.replace(
    /\$\{?HOME\}?|(?<=^|[\s'"=])~(?=\/|[\s'"]|$)/g,
    "/root",
  );
}

function judge(words: string[], workdir: string | null, st: State): void {
  if (!words.length) return;
  const inner = fork(st, 1);
  inner.cwd = workdir !== null && workdir.startsWith("/") ? workdir : null;
  st.out.shell(words.map((w) => quote(rootHome(w))).join(" "), inner);
}

/** docker/podman/nerdctl `exec`, `docker compose exec SERVICE`: the command run in the container. */
export function analyzeDockerExec(u: Unit, st: State): void {
  if (st.depth > 6 || !u.args.every((a) => a.known)) return;
  const t = u.args.map((a) => a.text);
  let i = u.name.endsWith("-compose") ? 0 : containerSubIndex(u);
  if (t[i] === "container") i++;
  if (t[i] === "compose") {
    i++;
    while (i < t.length && t[i].startsWith("-")) {
      i +=
        /^(-f|--file|-p|--project-name|--profile|--env-file|--project-directory)$/
            .test(t[i])
          ? 2
          : 1;
    }
  }
  if (t[i] !== "exec") return;
  let workdir: string | null = null;
  for (i++; i < t.length; i++) {
    const x = t[i];
    if (x === "--") {
      i++;
      break;
    }
    if (!x.startsWith("-")) break;
    const eq = x.indexOf("=");
    if (x.startsWith("--workdir=")) workdir = x.slice(eq + 1);
    else if (/^-w./.test(x)) workdir = x.slice(2);
    else if (EXEC_VALUES.test(x)) {
      if (x === "-w" || x === "--workdir") workdir = t[i + 1] ?? null;
      i++;
    }
  }
  // t[i] is the container (or service); the command follows it.
  judge(t.slice(i + 1), workdir, st);
}

/** kubectl/oc `exec POD -- cmd`: the command run in the pod. */
export function analyzeKubeExec(u: Unit, st: State): void {
  if (st.depth > 6 || !u.args.every((a) => a.known)) return;
  const t = u.args.map((a) => a.text);
  let i = 0;
  while (i < t.length && t[i].startsWith("-")) {
    i += KUBE_VALUES.test(t[i]) ? 2 : 1;
  }
  if (t[i] !== "exec") return;
  const dash = t.indexOf("--", i + 1);
  if (dash > 0) return judge(t.slice(dash + 1), null, st);
  // The older form without `--`: kubectl exec [opts] POD cmd…
  let pod = -1;
  for (i++; i < t.length; i++) {
    if (KUBE_VALUES.test(t[i])) i++;
    else if (!t[i].startsWith("-")) {
      pod = i;
      break;
    }
  }
  if (pod > 0) judge(t.slice(pod + 1), null, st);
}
