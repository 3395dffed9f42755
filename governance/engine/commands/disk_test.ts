import assert from "node:assert/strict";
import { blocked, fired } from "./test_helpers.ts";

Deno.test("disk: volume managers destroying storage block", () => {
  for (
    const cmd of [
      "sudo lvremove -f vg0/root",
      "sudo vgremove -f vg0",
      "sudo pvremove -ff /dev/sda3",
      "sudo zpool destroy tank",
      "sudo zfs destroy -r tank/home",
      "sudo btrfs subvolume delete /home",
      "sudo mdadm --zero-superblock /dev/sdb1",
      "sudo badblocks -wsv /dev/sdb",
    ]
  ) assert.ok(blocked(cmd).length > 0, `${cmd}: ${fired(cmd)}`);
});

Deno.test("disk: listings, snapshots and read-only checks pass", () => {
  for (
    const cmd of [
      "sudo zfs destroy tank/home@2024-01-01",
      "zfs list",
      "sudo lvs",
      "sudo btrfs subvolume delete /mnt/snapshots/daily-1",
      "badblocks -sv /dev/sdb",
      "sudo zpool status",
      "sudo mdadm --detail /dev/md0",
    ]
  ) assert.deepEqual(blocked(cmd), [], `${cmd}: ${fired(cmd)}`);
});
