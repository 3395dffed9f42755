/**
 * Kubernetes objects applied from text the command line shows (`kubectl
 * apply -f - <<EOF`, a file written earlier, a pipe): a pod spec that is
 * privileged, shares the node's process namespace, or mounts a vital node
 * folder (`hostPath: {path: /}`, /etc, /root, a home folder) controls the node
 * as root. Judgement call: hostPath mounts of ordinary folders (/var/log/app,
 * /data) pass.
 *
 * @module
 */

import { isVitalHostPath } from "./container.ts";
import { credentialOf, resolvePath } from "./paths.ts";
import { fileText, pipeInput } from "./shell_input.ts";
import type { State, Unit } from "./unit.ts";
import type { Pipe } from "./walk.ts";

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
