/**
 * Container escapes to the host: `docker run` with the host's root folder
 * (or /etc, /root, /boot) bind-mounted, a privileged container sharing the
 * host's process namespace, and `nsenter` into pid 1's mount namespace.
 *
 * Judgement calls: a read-only root mount (`-v /:/rootfs:ro`, as monitoring
 * agents use) also blocks, because it still exposes every key and password
 * file on the host; `--privileged` alone (docker-in-docker) passes; `nsenter
 * -t 1` without the mount namespace (`-n` only, to debug the host network)
 * passes.
 *
 * @module
 */

import { containerSubIndex } from "./container_map.ts";
import { resolvePath } from "./paths.ts";
import type { Arg, State, Unit } from "./unit.ts";

/** Host folders whose mount into a container hands over the host. */
const HOST_VITAL = new Set([
  "/",
  "/etc",
  "/root",
  "/boot",
  "/home",
  "/proc",
  "/sys",
  "/dev",
  "/var",
  "/run",
  "/var/run",
  "/var/lib/docker",
  "/usr",
  "/bin",
  "/sbin",
  "/lib",
]);

/** Whether a host path is one whose mount into a container hands over the host (the engine socket included). */
export function isVitalHostPath(p: string): boolean {
  return HOST_VITAL.has(p) || ENGINE_SOCKET.test(p);
}

/** Container engine sockets: whoever talks to one starts containers as root on the host. */
const ENGINE_SOCKET =
  /^\/(var\/)?run\/(docker|containerd\/containerd|podman\/podman|crio\/crio|k3s\/containerd\/containerd|user\/\d{1,8}\/(docker|podman\/podman))\.sock$/;

/** Capabilities that are root on the host in all but name. */
const HOST_CAPS =
  /^(ALL|SYS_ADMIN|SYS_MODULE|SYS_PTRACE|SYS_RAWIO|DAC_READ_SEARCH|SYS_BOOT|BPF|PERFMON)$/i;

/** The host source of a `-v` spec or `--mount` list, when it is a path. */
function sourceOf(spec: string, mount: boolean): string | null {
  if (mount) {
    for (const kv of spec.split(",")) {
      const m = /^(source|src)=(.*)$/.exec(kv);
      if (m) return m[2];
    }
    return null;
  }
  const colon = spec.indexOf(":");
  return colon < 0 ? null : spec.slice(0, colon);
}

/** docker / podman run|create: host root mounts, privileged + host pid. */
export function analyzeContainerEscape(u: Unit, st: State): void {
  const t = u.args.map((a) => a.text);
  const w = t.slice(containerSubIndex(u)).filter((x) => !x.startsWith("-"));
  const sub = w[0] === "container" ? w[1] : w[0];
  if (sub !== "run" && sub !== "create") return;
  let privileged = false;
  let hostPid = false;
  let cap: string | null = null;
  const mounts: { spec: string; mount: boolean; arg: Arg }[] = [];
  for (let i = 0; i < u.args.length; i++) {
    const a = u.args[i];
    const x = a.text;
    if (x === "--privileged" || x === "--privileged=true") privileged = true;
    else if (
      (x === "--device" || x.startsWith("--device=")) &&
      /^\/dev\/(sd[a-z]|nvme\d|xvd[a-z]|vd[a-z]|hd[a-z]|mapper\/|dm-\d|mem$|kmem$|disk\/)/
        .test(
          x === "--device" ? t[i + 1] ?? "" : x.slice(9),
        )
    ) {
      cap = "a host disk device (--device " +
        (x === "--device" ? t[++i] : x.slice(9)) + ")";
    } else if (x === "--cap-add" || x.startsWith("--cap-add=")) {
      const v = x === "--cap-add" ? t[++i] ?? "" : x.slice(10);
      const c = v.split(",").map((s) => s.replace(/^CAP_/i, "")).find((s) =>
        HOST_CAPS.test(s)
      );
      if (c) cap = c.toUpperCase();
    } else if (
      x === "--pid" && t[i + 1] === "host" ||
      /^--(pid|ipc|userns|uts|cgroupns)=host$/.test(x) && x.startsWith("--pid")
    ) {
      hostPid = true;
    } else if (x === "--pid=host" || (x === "--pid" && t[i + 1] === "host")) {
      hostPid = true;
    } else if (x === "-v" || x === "--volume" || x === "--mount") {
      const v = u.args[i + 1];
      if (v) mounts.push({ spec: v.text, mount: x === "--mount", arg: v });
      i++;
    } else if (/^(-v|--volume)=/.test(x)) {
      mounts.push({ spec: x.slice(x.indexOf("=") + 1), mount: false, arg: a });
    } else if (x.startsWith("--mount=")) {
      mounts.push({ spec: x.slice(8), mount: true, arg: a });
    } else if (/^-v\//.test(x)) {
      mounts.push({ spec: x.slice(2), mount: false, arg: a });
    }
  }
  for (const m of mounts) {
    if (!m.arg.known) continue;
    const src = sourceOf(m.spec, m.mount);
    if (src === null || !/^[/~]/.test(src)) continue;
    const p = resolvePath(src, st.cwd, st.ctx.home);
    if (p !== null && ENGINE_SOCKET.test(p)) {
      st.out.matches.add(
        "container_host_escape",
        `${u.name} ${sub} hands the container the engine socket ${p}: from inside it can start a container that mounts the host as root`,
        "run the docker CLI on the host instead of inside a container",
      );
      return;
    }
    if (p === null || !HOST_VITAL.has(p)) continue;
    st.out.matches.add(
      "container_host_escape",
      `${u.name} ${sub} mounts the host's ${
        p === "/" ? "root folder /" : p
      } into the container (${m.spec}): whoever runs in it can read every secret and ${
        /:ro(,|$)/.test(m.spec) ? "plan an escape" : "rewrite the host as root"
      }`,
      'mount only the project folder, e.g. -v "$(pwd)":/app',
    );
    return;
  }
  if (privileged) {
    st.out.matches.add(
      "container_host_escape",
      `${u.name} ${sub} --privileged${
        hostPid ? " --pid=host" : ""
      } gives the container every device and capability of the host: mounting the host disk or nsenter -t 1 then runs as root on the host`,
      "drop --privileged; grant only the capabilities the container needs",
    );
  } else if (
    hostPid && t.some((x) =>
      /(^|\/)nsenter$/.test(x) ||
      /(?:^|[\s'"=<])\/proc\/(?:1|\d{1,7}|\*)\/(?:root|environ|mem)(?:\/|$|[\s'";|&])/
        .test(x)
    )
  ) {
    st.out.matches.add(
      "container_host_escape",
      `${u.name} ${sub} --pid=host shares the host's processes with the container and reaches into them (nsenter -t 1, /proc/1/root): the command then runs on, or reads, the host itself`,
      "debug inside the container's own namespaces, or ask the user for host access",
    );
  } else if (cap) {
    st.out.matches.add(
      "container_host_escape",
      `${u.name} ${sub} gives the container ${
        cap.startsWith("a host") ? cap : "--cap-add " + cap
      }, which reaches the host kernel or disk (mounts, modules, other processes, raw blocks)`,
      "grant only the narrow capability the container needs (NET_BIND_SERVICE, ...)",
    );
  }
}

/** nsenter into pid 1's mount namespace: a root shell on the host. */
export function analyzeNsenter(u: Unit, st: State): void {
  const t = u.args.map((a) => a.text);
  let target: string | null = null;
  let mountNs = false;
  for (let i = 0; i < t.length; i++) {
    const x = t[i];
    if (x === "--") break;
    if (x === "-t" || x === "--target") target = t[++i] ?? null;
    else if (x.startsWith("--target=")) target = x.slice(9);
    else if (/^--(mount|all)(=|$)/.test(x)) mountNs = true;
    else if (/^-[a-zA-Z]{1,12}$/.test(x)) {
      const tIdx = x.indexOf("t");
      const flags = tIdx < 0 ? x : x.slice(0, tIdx);
      if (/[ma]/.test(flags)) mountNs = true;
      if (tIdx >= 0) target = x.slice(tIdx + 1) || (t[++i] ?? null);
    } else if (/^-[a-zA-Z]{0,8}t\d{1,8}$/.test(x)) {
      const tIdx = x.indexOf("t");
      if (/[ma]/.test(x.slice(0, tIdx))) mountNs = true;
      target = x.slice(tIdx + 1);
    } else if (!x.startsWith("-")) break;
  }
  if (target === "1" && mountNs) {
    st.out.matches.add(
      "container_host_escape",
      `nsenter ${
        t.join(" ").slice(0, 80)
      } enters the namespaces of pid 1 (the host's init): the command then runs on the host itself, as root`,
      "debug inside the container, or ask the user for host access",
    );
  }
}
