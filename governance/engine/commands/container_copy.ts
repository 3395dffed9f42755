/**
 * Credentials copied into a container or a pod (`docker cp ~/.ssh/id_rsa
 * web:/tmp/`, `kubectl cp ~/.aws/credentials ns/pod:/tmp/c`): once inside,
 * anything running there can read them, as with a mount of the folder.
 *
 * @module
 */

import { credentialOf, resolvePath } from "./paths.ts";
import type { State, Unit } from "./unit.ts";

/** docker / podman / nerdctl / kubectl cp HOSTPATH TARGET:PATH. */
export function analyzeContainerCopy(u: Unit, st: State): void {
  const t = u.args.map((a) => a.text);
  const k = t.indexOf("cp");
  if (k < 0 || t.slice(0, k).some((x) => !x.startsWith("-"))) return;
  const pos = u.args.slice(k + 1).filter((a) => !a.text.startsWith("-"));
  if (pos.length !== 2 || !pos[1].text.includes(":")) return;
  const src = pos[0];
  if (!src.known || /^[\w.-]{1,253}(\/[\w.-]{1,253})?:/.test(src.text)) return;
  const p = resolvePath(src.text, st.cwd, st.ctx.home);
  const c = p ? credentialOf(p, st.ctx.home, true) : null;
  if (!c) return;
  st.out.matches.add(
    c.kind,
    `${u.name} cp copies ${c.label} into ${
      pos[1].text.slice(0, 80)
    }, where anything running there can read it`,
    "pass the container only the one secret it needs, through the platform's secret store",
  );
}
