/**
 * The kernel's hooks that run a program as root, and loading kernel code:
 * a core dump handler piped to a program (`core_pattern` = `|/tmp/x`), the
 * module loader and hotplug helpers, binfmt_misc interpreters and a cgroup's
 * release agent (the container-escape trick) are each one write away from
 * root; `insmod FILE` loads arbitrary code into the kernel. Reading them, and
 * `modprobe` of an installed module, are routine.
 *
 * @module
 */

import type { State, Unit } from "./unit.ts";

/** Files whose content names a program the kernel runs as root. */
export function isKernelHelper(p: string): boolean {
  return /^\/proc\/sys\/kernel\/(core_pattern|modprobe|hotplug)$/.test(p) ||
    p === "/sys/kernel/uevent_helper" ||
    /^\/proc\/sys\/fs\/binfmt_misc\//.test(p) ||
    /\/release_agent$/.test(p);
}

/** The sysctl keys of {@link isKernelHelper}'s files. */
const HELPER_KEYS = /^kernel\.(core_pattern|modprobe|hotplug)$/;

/** sysctl KEY=VALUE / -w KEY=VALUE on a kernel helper. */
export function analyzeSysctl(u: Unit, st: State): void {
  for (const a of u.args) {
    const eq = a.text.indexOf("=");
    if (eq <= 0 || a.text.startsWith("-")) continue;
    const key = a.text.slice(0, eq).replace(/\//g, ".");
    if (!HELPER_KEYS.test(key)) continue;
    const value = a.text.slice(eq + 1).replace(/^["']|["']$/g, "");
    // core_pattern is a plain file pattern unless it starts with a pipe.
    if (key === "kernel.core_pattern" && !value.startsWith("|")) continue;
    st.out.matches.add(
      "kernel_helper_write",
      `sysctl sets ${key} to ${value}: the kernel runs that program as root`,
      "leave kernel helpers alone; ask the user",
    );
  }
}

/** insmod FILE: code loaded into the running kernel. */
export function analyzeInsmod(u: Unit, st: State): void {
  const file = u.args.find((a) => !a.text.startsWith("-"));
  if (!file) return;
  st.out.matches.add(
    "kernel_module_load",
    `insmod ${file.text} loads that file's code into the running kernel, with full control of the machine`,
    "install modules through the distribution's packages and modprobe, under the user's supervision",
  );
}
