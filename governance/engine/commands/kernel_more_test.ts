import assert from "node:assert/strict";
import { blocked } from "./test_helpers.ts";

const HOOKS = [
  "echo 1 > /sys/fs/cgroup/rdma/x/notify_on_release",
  "echo /cmd > /tmp/cgrp/release_agent",
  "printf /payload > /sys/fs/cgroup/memory/release_agent",
  "echo '|/tmp/x %p' > /proc/sys/kernel/core_pattern",
  "echo '|/tmp/x' | sudo tee /proc/sys/kernel/core_pattern",
  "cp /tmp/x /proc/sys/kernel/core_pattern",
  "sysctl -w kernel.core_pattern='|/tmp/evil'",
  "sudo sysctl kernel/modprobe=/tmp/m",
  "echo /tmp/evil > /proc/sys/kernel/modprobe",
  "echo /tmp/evil > /sys/kernel/uevent_helper",
  "tee /proc/sys/fs/binfmt_misc/register <<< ':x:M::MZ::/tmp/h:'",
  "insmod /tmp/rootkit.ko",
  "sudo modprobe ./x.ko",
  "kexec -l /tmp/k --reuse-cmdline",
  "echo 1 > /tmp/cg/x/notify_on_release",
];

const ROUTINE = [
  "echo '/tmp/core.%e.%p' | sudo tee /proc/sys/kernel/core_pattern",
  "sudo sysctl -w kernel.core_pattern=core",
  "echo 0 > /tmp/cg/notify_on_release",
  "cat /proc/sys/kernel/core_pattern",
  "sudo sysctl -w vm.max_map_count=262144",
  "sudo modprobe br_netfilter",
  "lsmod",
  "cat /sys/fs/cgroup/cgroup.controllers",
  "kexec --version",
];

Deno.test("kernel (more): helpers, release agents and module files block", () => {
  for (const c of HOOKS) {
    const b = blocked(c);
    assert.ok(
      b.includes("kernel_helper_write") || b.includes("kernel_module_load"),
      `${c}: ${b}`,
    );
  }
});

Deno.test("kernel (more): core-dump names, sysctl tuning and named modules pass", () => {
  for (const c of ROUTINE) assert.deepEqual(blocked(c), [], c);
});
