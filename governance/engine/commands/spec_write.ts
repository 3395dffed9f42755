/**
 * Container specs written to a file (a Compose file, a Kubernetes manifest)
 * that hand the host to whatever the container runs, the next time someone
 * runs `docker compose up` or `kubectl apply`: a bind mount of a vital host
 * folder or the engine socket (`- /:/host`, `source: /`,
 * `/var/run/docker.sock`, `hostPath: {path: /}`), or a privileged container
 * that also shares the host's process namespace (`privileged: true` with
 * `pid: host` / `hostPID: true`, what `nsenter -t 1` needs).
 *
 * Judgement calls: `privileged: true` alone (docker-in-docker, CNI and
 * device-plugin daemonsets) passes when written, as `docker run
 * --privileged` alone does; ordinary bind mounts (`./data:/data`, named
 * volumes, `/var/log/app`) pass.
 *
 * @module
 */

import { isVitalHostPath } from "./container.ts";
import { resolvePath } from "./paths.ts";
import type { State } from "./unit.ts";

/** Compose files by name (compose.yaml, docker-compose.override.yml, compose.prod.yml...). */
const COMPOSE_FILE = /(?:^|\/)(?:docker-)?compose(?:[.-][^/]{0,100})?\.ya?ml$/i;
/** Kubernetes workload kinds, read from a YAML or JSON manifest. */
const K8S_KIND =
  /(?:^|[{,])\s{0,8}["']?kind["']?\s{0,4}:\s{0,4}["']?(?:Pod|Deployment|DaemonSet|StatefulSet|ReplicaSet|Job|CronJob|ReplicationController)\b/m;
/** Short-syntax bind mounts (`- /:/host`, `- "/var/run/docker.sock:/var/run/docker.sock:ro"`). */
const SHORT_MOUNT =
  /^[ \t]{0,64}-[ \t]{1,8}["']?([~$/][^:\s"']{0,1024}):[^\s"']{1,1024}["']?[ \t]{0,8}$/gm;
/** Long-syntax sources and hostPath paths (`source: /`, `path: /etc`, `hostPath: {path: /}`). */
const SOURCE_LINE =
  /^[ \t]{0,64}(?:-[ \t]{1,8})?["']?(?:source|src|path)["']?[ \t]{0,4}:[ \t]{0,4}["']?([~$/][^\s"',}]{0,1024})["']?[ \t]{0,8}[,}]?/gm;
const HOST_PATH_INLINE =
  /["']?hostPath["']?\s{0,4}:\s{0,4}\{\s{0,16}["']?path["']?\s{0,4}:\s{0,4}["']?(\/[^\s"',}]{0,1024})/g;
const PRIVILEGED = /["']?privileged["']?\s{0,4}:\s{0,4}["']?true\b/i;
const HOST_PID =
  /^\s{0,64}["']?(?:pid["']?\s{0,4}:\s{0,4}["']?host|hostPID["']?\s{0,4}:\s{0,4}["']?true)\b/m;

/** Whether a host path, as a spec names it, hands the host over when mounted. */
function vital(raw: string, st: State): string | null {
  const p = resolvePath(
    raw.replace(/^\$\{?HOME\}?/, "~"),
    "/",
    st.ctx.home,
  );
  if (!p) return null;
  if (
    isVitalHostPath(p) || p === st.ctx.home ||
    /^\/home\/[^/]{1,64}$|^\/Users\/[^/]{1,64}$/.test(p)
  ) return p;
  return null;
}

/** What about the container spec `text` written to `p` hands over the host, or null. */
export function writtenSpecThreat(
  p: string,
  text: string,
  st: State,
): string | null {
  const s = text.length > 200_000 ? text.slice(0, 200_000) : text;
  const compose = COMPOSE_FILE.test(p);
  const k8s = !compose && /\.(?:ya?ml|json)$/i.test(p) && K8S_KIND.test(s);
  if (!compose && !k8s) return null;
  let n = 0;
  for (const re of [SHORT_MOUNT, SOURCE_LINE, HOST_PATH_INLINE]) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(s)) && n++ < 256) {
      // A k8s `path:` is a host path only under hostPath; mountPath is the container's side.
      if (k8s && re === SOURCE_LINE && !/hostPath/.test(s)) continue;
      const v = vital(m[1], st);
      if (v) return `the host's ${v} mounted into a container`;
    }
  }
  if (PRIVILEGED.test(s) && HOST_PID.test(s)) {
    return "a privileged container sharing the host's processes";
  }
  return null;
}

/** Judges a container spec written to `p`; adds container_host_escape when it hands over the host. */
export function judgeSpecWrite(
  p: string,
  text: string | null,
  st: State,
  verb: string,
): void {
  if (text === null) return;
  const why = writtenSpecThreat(p, text, st);
  if (!why) return;
  st.out.matches.add(
    "container_host_escape",
    `${verb} ${p} defines ${why}: whoever starts it controls the machine as root`,
    "mount only the project's own folders, and leave out privileged, host pid and the engine socket",
  );
}
