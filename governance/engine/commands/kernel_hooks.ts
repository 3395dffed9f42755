/**
 * Making the kernel run a program of the agent's choosing, as root and
 * outside any container: the user-mode helpers (`core_pattern` with a pipe,
 * `kernel/modprobe`, `kernel/hotplug`, `/sys/kernel/uevent_helper`), a
 * cgroup's `release_agent` (with `notify_on_release`, the classic container
 * escape), `binfmt_misc/register`, set by a write or by `sysctl`, and
 * loading a kernel module from a file (`insmod x.ko`, `modprobe ./x.ko`).
 *
 * Judgement calls: `core_pattern` set to a file name (`/tmp/core.%e.%p`, to
 * collect core dumps) passes, only a pipe (`|prog`) or unseen text blocks;
 * `notify_on_release` set to 0 passes; `modprobe NAME` (a module of the
 * installed kernel) passes.
 *
 * @module
 */

import type { State, Unit } from "./unit.ts";

/** What writing `text` (null: unseen) into `p` makes the kernel run, or null. */
function hookOf(p: string, text: string | null): string | null {
  const base = p.slice(p.lastIndexOf("/") + 1);
  if (base === "release_agent") {
    return "the cgroup release agent, a program the kernel runs as root on the host when the group empties";
  }
  if (base === "notify_on_release" && (text === null || /^\s*1/.test(text))) {
    return "the cgroup's notify_on_release, which makes the kernel run the release agent as root on the host";
  }
  if (
    p === "/proc/sys/kernel/core_pattern" &&
    (text === null || /^\s*\|/.test(text))
  ) {
    return "the kernel's core_pattern with a pipe: the kernel runs that program as root whenever a process crashes";
  }
  if (/^\/proc\/sys\/kernel\/(modprobe|hotplug|poweroff_cmd)$/.test(p)) {
    return `the kernel's ${base} helper, a program it runs as root on demand`;
  }
  if (p === "/sys/kernel/uevent_helper") {
    return "the kernel's uevent helper, a program it runs as root on every device event";
  }
  if (/^\/proc\/sys\/fs\/binfmt_misc\/register$/.test(p)) {
    return "a binfmt_misc interpreter, which the kernel then runs for every matching program";
  }
  return null;
}

/** Judges text written into `p`; true when it is a kernel hook (judged here). */
export function judgeKernelWrite(
  p: string,
  text: string | null,
  st: State,
  verb: string,
): boolean {
  if (!/^\/(proc|sys)\/|\/(release_agent|notify_on_release)$/.test(p)) {
    return false;
  }
  const what = hookOf(p, text);
  if (what === null) return false;
  st.out.matches.add(
    "kernel_takeover",
    `${verb} ${p} sets ${what}`,
    "leave kernel helpers alone; ask the user to change kernel settings",
  );
  return true;
}

/** sysctl KEY=VALUE / -w KEY=VALUE: the same hooks set through sysctl. */
export function analyzeSysctl(u: Unit, st: State): void {
  for (const a of u.args) {
    const m = /^([a-z0-9_.\/-]{1,128})=(.{0,4096})$/s.exec(a.text);
    if (!m || !a.known) continue;
    const p = "/proc/sys/" + m[1].replace(/\./g, "/");
    judgeKernelWrite(p, m[2], st, "sysctl");
  }
}

/** insmod FILE, modprobe PATH: code loaded into the running kernel; kexec: another kernel booted in its place. */
export function analyzeModuleLoad(u: Unit, st: State): void {
  if (u.name === "kexec") {
    if (
      u.args.some((a) =>
        /^(-l|--load|-e|--exec|-p|--load-panic|-s|--kexec-file-syscall|-f|--force)$/
          .test(a.text)
      )
    ) {
      st.out.matches.add(
        "kernel_takeover",
        "kexec loads or boots another kernel in place of the running one: whoever chose it controls the machine",
        "ask the user to change kernels themselves",
      );
    }
    return;
  }
  const file = u.args.find((a) =>
    !a.text.startsWith("-") &&
    (u.name === "insmod" || /\/|\.ko(\.[gx]z|\.zst)?$/.test(a.text))
  );
  if (!file) return;
  st.out.matches.add(
    "kernel_takeover",
    `${u.name} ${
      file.text.slice(0, 120)
    } loads code into the running kernel, where it controls the whole machine`,
    "ask the user to load kernel modules themselves",
  );
}
