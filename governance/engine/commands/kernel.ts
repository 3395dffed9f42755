/**
 * The kernel's hooks that run a program as root, and loading kernel code:
 * a core dump handler piped to a program (`core_pattern` = `|/tmp/x`), the
 * module loader and hotplug helpers, binfmt_misc interpreters and a cgroup's
 * release agent (the container-escape trick) are each one write away from
 * root; `insmod FILE`, `modprobe ./x.ko` and `kexec` load arbitrary code into
 * the kernel. Reading them, and `modprobe` of an installed module, are
 * routine.
 *
 * Written text is judged where it can be seen (judgeKernelWrite, from
 * file_content.ts): `core_pattern` set to a file pattern (`/tmp/core.%e.%p`,
 * to collect core dumps) passes, a pipe or unseen text blocks;
 * `notify_on_release` blocks unless set to 0; `poweroff_cmd` always.
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

/** What writing `text` (null: unseen) into `p` makes the kernel run, or null (the helpers judgeWrite leaves to the content). */
function contentHook(p: string, text: string | null): string | null {
  if (
    p === "/proc/sys/kernel/core_pattern" &&
    (text === null || /^\s*\|/.test(text))
  ) {
    return "the kernel's core_pattern with a pipe: the kernel runs that program as root whenever a process crashes";
  }
  if (
    /\/notify_on_release$/.test(p) && (text === null || /^\s*1/.test(text))
  ) {
    return "the cgroup's notify_on_release, which makes the kernel run the release agent as root on the host";
  }
  if (p === "/proc/sys/kernel/poweroff_cmd") {
    return "the kernel's poweroff helper, a program it runs as root";
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
  if (!/^\/proc\/|\/notify_on_release$/.test(p)) return false;
  const what = contentHook(p, text);
  if (what === null) return false;
  st.out.matches.add(
    "kernel_helper_write",
    `${verb} ${p} sets ${what}`,
    "leave kernel helpers alone; ask the user",
  );
  return true;
}

/** modprobe PATH (a module file rather than an installed name), kexec -l/-e: kernel code from a file. */
export function analyzeModuleFile(u: Unit, st: State): void {
  if (u.name === "kexec") {
    if (
      u.args.some((a) =>
        /^(-l|--load|-e|--exec|-p|--load-panic|-s|--kexec-file-syscall|-f|--force)$/
          .test(a.text)
      )
    ) {
      st.out.matches.add(
        "kernel_module_load",
        "kexec loads or boots another kernel in place of the running one: whoever chose it controls the machine",
        "ask the user to change kernels themselves",
      );
    }
    return;
  }
  const file = u.args.find((a) =>
    !a.text.startsWith("-") && /\/|\.ko(\.[gx]z|\.zst)?$/.test(a.text)
  );
  if (!file) return;
  st.out.matches.add(
    "kernel_module_load",
    `${u.name} ${
      file.text.slice(0, 120)
    } loads that file's code into the running kernel, with full control of the machine`,
    "install modules through the distribution's packages and modprobe, under the user's supervision",
  );
}
