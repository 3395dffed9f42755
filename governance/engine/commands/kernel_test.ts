import assert from "node:assert/strict";
import { isKernelHelper } from "./kernel.ts";
import { blocked } from "./test_helpers.ts";

const BLOCKS: [string, string][] = [
  ["sudo insmod /tmp/rk.ko", "kernel_module_load"],
  ["insmod ./build/hello.ko", "kernel_module_load"],
  [
    "echo '|/tmp/x %p' | sudo tee /proc/sys/kernel/core_pattern",
    "kernel_helper_write",
  ],
  ['sysctl -w kernel.core_pattern="|/tmp/x"', "kernel_helper_write"],
  ["sysctl -w kernel/modprobe=/tmp/m", "kernel_helper_write"],
  ["echo /tmp/x > /sys/fs/cgroup/rdma/release_agent", "kernel_helper_write"],
  ["echo /tmp/h > /sys/kernel/uevent_helper", "kernel_helper_write"],
  [
    "echo ':x:M::\\x7fELF::/tmp/i:' > /proc/sys/fs/binfmt_misc/register",
    "kernel_helper_write",
  ],
];

const ROUTINE = [
  "sudo modprobe br_netfilter",
  "lsmod",
  "modinfo overlay",
  "cat /proc/sys/kernel/core_pattern",
  "sysctl kernel.core_pattern",
  "sysctl -w kernel.core_pattern=core.%p",
  "sudo sysctl -w net.ipv4.ip_forward=1",
  "sysctl -a | grep vm.swappiness",
];

Deno.test("kernel: helpers that run a program as root and insmod block", () => {
  for (const [cmd, id] of BLOCKS) {
    assert.ok(blocked(cmd).includes(id), `${cmd}: ${blocked(cmd)}`);
  }
});

Deno.test("kernel: reading helpers, modprobe and other sysctls stay allowed", () => {
  for (const cmd of ROUTINE) assert.deepEqual(blocked(cmd), [], cmd);
});

Deno.test("isKernelHelper names the files, not their neighbours", () => {
  assert.ok(isKernelHelper("/proc/sys/kernel/core_pattern"));
  assert.ok(isKernelHelper("/sys/fs/cgroup/x/release_agent"));
  assert.ok(!isKernelHelper("/proc/sys/kernel/core_uses_pid"));
  assert.ok(!isKernelHelper("/proc/sys/net/ipv4/ip_forward"));
});
