/**
 * Kubernetes objects applied from text the command line shows (`kubectl
 * apply -f - <<EOF`, a file written earlier, a pipe): a pod spec that is
 * privileged, shares the node's process namespace, or mounts a vital node
 * folder (`hostPath: {path: /}`, /etc, /root, a home folder) controls the node
 * as root; so does a Compose file written on the line (`privileged: true`,
 * `pid: host`, the engine socket, `/:/host`) that `docker compose up|run`
 * starts, and binding cluster-admin to an account (`kubectl create
 * clusterrolebinding --clusterrole=cluster-admin`). Judgement call: hostPath
 * mounts of ordinary folders (/var/log/app, /data) pass.
 *
 * @module
 */

import { isVitalHostPath } from "./container.ts";
import { credentialOf, resolvePath } from "./paths.ts";
import { fileText, pipeInput } from "./shell_input.ts";
import type { State, Unit } from "./unit.ts";
import type { Pipe } from "./pipe.ts";

const PRIVILEGED =
  /["']?\b(?:privileged|hostPID|allowPrivilegeEscalation)["']?\s{0,4}:\s{0,4}["']?true\b/;
const HOST_PATH =
  /["']?hostPath["']?\s{0,4}:\s{0,4}\{?\s{0,16}["']?path["']?\s{0,4}:\s{0,4}["']?(\/[^\s"',}]{0,1024})/g;

/** What about a spec hands over the node, or null. */
export function specThreat(text: string, st: State): string | null {
  const s = text.length > 200_000 ? text.slice(0, 200_000) : text;
  if (PRIVILEGED.test(s)) return "a privileged container (or hostPID)";
  let n = 0;
  for (const m of s.matchAll(HOST_PATH)) {
    if (n++ > 64) break;
    const p = resolvePath(m[1], "/", st.ctx.home);
    if (
      p && (isVitalHostPath(p) || p === st.ctx.home ||
        /^\/home\/[^/]{1,64}$|^\/Users\/[^/]{1,64}$/.test(p) ||
        credentialOf(p, st.ctx.home, true))
    ) return `the node's ${p} mounted through hostPath`;
  }
  return null;
}

/** kubectl / oc apply|create|replace -f (stdin, a file written on this line). */
export function analyzeKubeSpec(u: Unit, st: State, pipe: Pipe): void {
  const t = u.args.map((a) => a.text);
  const sub = t.find((x) => !x.startsWith("-"));
  if (sub !== "apply" && sub !== "create" && sub !== "replace") return;
  for (let i = 0; i < t.length; i++) {
    const v = /^(?:-f|--filename)$/.test(t[i])
      ? t[i + 1]
      : /^--filename=(.*)$/.exec(t[i])?.[1];
    if (v === undefined) continue;
    const text = v === "-" ? pipeInput(u, pipe, st) : fileText(v, st);
    const what = text === null ? null : specThreat(text, st);
    if (what) {
      st.out.matches.add(
        "container_host_escape",
        `${u.name} ${sub} starts a pod with ${what}: it controls the node as root`,
        "run the pod without privileged settings or host folders",
      );
      return;
    }
  }
}

/** Compose settings that hand a service the host. */
const COMPOSE_PRIVILEGED =
  /^\s{0,32}(?:privileged\s{0,4}:\s{0,4}["']?true|pid\s{0,4}:\s{0,4}["']?host)\b|\bSYS_ADMIN\b|docker\.sock|["'\s[-](\/|\/etc|\/root|\/home|~|\$HOME|\$\{HOME\})\s{0,2}:\s{0,2}\/[\w./-]{0,256}/m;

/** docker compose [-f F] up|run|create|start: a Compose file written on the line that hands a service the host. */
export function analyzeComposeSpec(u: Unit, st: State): void {
  const t = u.args.map((a) => a.text);
  let i = u.name.endsWith("-compose") ? 0 : t.indexOf("compose");
  if (i < 0) return;
  if (!u.name.endsWith("-compose")) i++;
  const files: string[] = [];
  for (; i < t.length; i++) {
    if (/^(-f|--file)$/.test(t[i]) && t[i + 1]) files.push(t[++i]);
    else if (t[i].startsWith("--file=")) files.push(t[i].slice(7));
    else if (
      /^(-p|--project-name|--profile|--env-file|--project-directory)$/.test(
        t[i],
      )
    ) i++;
    else if (!t[i].startsWith("-")) break;
  }
  if (!/^(up|run|create|start)$/.test(t[i] ?? "")) return;
  if (!files.length) {
    files.push(
      "compose.yaml",
      "compose.yml",
      "docker-compose.yml",
      "docker-compose.yaml",
    );
  }
  for (const f of files) {
    const text = fileText(f, st);
    if (text === null) continue;
    const m = COMPOSE_PRIVILEGED.exec(text.slice(0, 200_000));
    if (m) {
      st.out.matches.add(
        "container_host_escape",
        `${u.name} compose ${
          t[i]
        } starts a service from ${f}, written on this line, that gets the host (${
          m[0].trim().slice(0, 60)
        }): it controls the machine as root`,
        "run services without privileged settings, the engine socket or host folders",
      );
      return;
    }
  }
}

/** kubectl create clusterrolebinding|rolebinding --clusterrole=cluster-admin: an account made cluster admin. */
export function analyzeKubeBinding(u: Unit, st: State): void {
  const t = u.args.map((a) => a.text);
  const k = t.indexOf("create");
  if (k < 0 || !/^(clusterrolebinding|rolebinding)$/.test(t[k + 1] ?? "")) {
    return;
  }
  const admin = t.some((x, i) =>
    x === "--clusterrole=cluster-admin" ||
    x === "--clusterrole" && t[i + 1] === "cluster-admin"
  );
  if (!admin) return;
  st.out.matches.add(
    "cloud_admin_grant",
    `${u.name} create ${
      t[k + 1]
    } gives an account cluster-admin: whoever holds it controls the whole cluster`,
    "grant a narrow role, or ask the cluster admin",
  );
}
