/**
 * Disks and devices: dd onto devices, mkfs, wipefs and friends, shred,
 * partition editors.
 *
 * @module
 */

import {
  guardPathOf,
  isBlockDevice,
  isHistoryFile,
  isInSystem,
  isLogPath,
  placeOf,
  resolvePath,
} from "./paths.ts";
import { judgeDelete, judgeViaFind } from "./rm.ts";
import { judgeWorkspaceGone } from "./workspace_gone.ts";
import type { Arg, State, Unit } from "./unit.ts";
import { judgeWrite } from "./writes.ts";

const IMAGE = "write to an image file inside the workspace, such as ./disk.img";

function devices(args: Arg[], st: State): string[] {
  const out: string[] = [];
  for (const a of args) {
    if (!a.known) continue;
    const t = a.text.includes("=") && a.text.startsWith("-")
      ? a.text.slice(a.text.indexOf("=") + 1)
      : a.text;
    const p = t.startsWith("/dev/") ? t : null;
    if (p && isBlockDevice(resolvePath(p, st.cwd, st.ctx.home) ?? p)) {
      out.push(p);
    }
  }
  return out;
}

/** dd of=DEVICE (and of=guard/system files). */
export function analyzeDd(u: Unit, st: State): void {
  for (const a of u.args) {
    if (!a.text.startsWith("of=")) continue;
    const target = a.text.slice(3);
    const p = resolvePath(target, st.cwd, st.ctx.home);
    if (p && isBlockDevice(p)) {
      st.out.matches.add(
        "dd_device",
        `dd of=${target} overwrites the disk device ${p}: everything on it is lost`,
        IMAGE,
      );
    } else if (a.known) {
      judgeWrite(
        { ...a, text: target, alts: [target], prefix: target },
        st,
        "dd",
        true,
      );
    }
  }
}

/** mkfs*, mke2fs, mkswap, newfs, diskutil erase…: formatting a device. */
export function analyzeMkfs(u: Unit, st: State): void {
  if (u.name === "diskutil") {
    const sub = u.args[0]?.text.toLowerCase() ?? "";
    if (
      /^(erasedisk|erasevolume|zerodisk|randomdisk|securerase|secureerase|partitiondisk|reformat)$/
        .test(sub)
    ) {
      st.out.matches.add(
        "mkfs",
        `diskutil ${u.args[0].text} erases a disk`,
        IMAGE,
      );
    }
    return;
  }
  const devs = devices(u.args, st);
  if (devs.length) {
    st.out.matches.add(
      "mkfs",
      `${u.name} formats ${devs.join(", ")}: every file on it is erased`,
      IMAGE,
    );
  }
}

/** wipefs, sgdisk --zap-all, blkdiscard, hdparm secure erase, nvme format, cryptsetup luksFormat, parted mklabel. */
export function analyzeWipe(u: Unit, st: State): void {
  const t = u.args.map((a) => a.text);
  const devs = devices(u.args, st);
  if (!devs.length) return;
  let wipe = false;
  switch (u.name) {
    case "wipefs":
    case "blkdiscard":
      wipe = true;
      break;
    case "sgdisk":
      wipe = t.some((x) => /^(-Z|-z|-o|--zap-all|--zap|--clear)$/.test(x));
      break;
    case "hdparm":
      wipe = t.some((x) =>
        /^--security-erase|^--trim-sector-ranges|^--sanitize/.test(x)
      );
      break;
    case "nvme":
      wipe = t[0] === "format" || t[0] === "sanitize";
      break;
    case "cryptsetup":
      wipe = t.some((x) => /^(luksFormat|erase|luksErase|reencrypt)$/.test(x));
      break;
    case "parted":
      wipe = t.some((x) => /^(mklabel|mktable|rm)$/.test(x));
      break;
  }
  if (wipe) {
    st.out.matches.add(
      "disk_wipe",
      `${u.name} ${t.join(" ").slice(0, 120)} wipes ${
        devs.join(", ")
      }: its data or partition table is destroyed`,
      IMAGE,
    );
  } else if (
    /^(fdisk|sfdisk|gdisk|cfdisk|parted|sgdisk)$/.test(u.name) &&
    !t.some((x) =>
      /^(-l|--list|-p|--print|print|-L|--version|--help|-V|-d|--dump|-J|--json|-s|--show-size|-g|--show-geometry|-F|--list-free|--verify|-v|-i|--info|-b|--backup)$/
        .test(x)
    )
  ) {
    st.out.matches.add(
      "partition_edit",
      `${u.name} edits the partition table of ${devs.join(", ")}`,
      "list partitions with lsblk or fdisk -l instead",
    );
  }
}

/** shred of devices, system files, logs, history, guard files. */
export function analyzeShred(u: Unit, st: State): void {
  const m = st.out.matches;
  // find . -type f | xargs shred -u: what find lists is overwritten and deleted.
  if (judgeViaFind(u, st)) return;
  judgeWorkspaceGone(
    u.args.filter((a) => !a.known || !a.text.startsWith("-")),
    false,
    st,
    "shred",
  );
  for (let i = 0; i < u.args.length; i++) {
    const a = u.args[i];
    if (/^-[nsx]$|^--(iterations|size|random-source|remove)$/.test(a.text)) {
      if (!a.text.startsWith("--remove")) i++;
      continue;
    }
    if (a.text.startsWith("-") || !a.known) continue;
    const p = resolvePath(a.text, st.cwd, st.ctx.home);
    if (!p) continue;
    if (isBlockDevice(p)) {
      m.add(
        "shred_device",
        `shred ${p} overwrites the whole disk device: its data is unrecoverable`,
      );
    } else if (isLogPath(p)) {
      m.add("log_wipe", `shred ${p} destroys system logs beyond recovery`);
    } else if (isHistoryFile(p)) {
      m.add(
        "history_wipe",
        `shred ${p} destroys the shell history beyond recovery`,
      );
    } else if (guardPathOf(p, st.ctx.home, st.ctx.cwd, "delete", st.ctx)) {
      m.add(
        "guard_tamper",
        `shred ${p} destroys the agent's guard configuration`,
      );
    } else {
      const place = placeOf(p, st.ctx.cwd, st.ctx.home);
      if (place === "root" || place === "system" || isInSystem(p)) {
        m.add(
          "shred_device",
          `shred ${p} destroys system files beyond recovery`,
        );
      } else {
        // Overwritten (and with -u removed) beyond recovery: at least what
        // deleting the same files would be (`shred -uz ~/.ssh/*`).
        judgeDelete(a, false, st, "shred");
      }
    }
  }
}

/**
 * Volume managers that destroy storage without naming a /dev disk: LVM
 * (lvremove, vgremove, pvremove), ZFS (zpool destroy/labelclear, zfs destroy
 * of a dataset), mdadm --zero-superblock, badblocks -w (a write test over the
 * whole device), btrfs subvolume delete of the home or a system folder.
 * Snapshots (`zfs destroy pool/fs@snap`, subvolumes elsewhere) and listings pass.
 */
export function analyzeVolumes(u: Unit, st: State): void {
  const t = u.args.map((a) => a.text);
  const pos = t.filter((x) => !x.startsWith("-"));
  let what: string | null = null;
  switch (u.name) {
    case "lvremove":
    case "vgremove":
    case "pvremove":
      if (pos.length) what = `the LVM volume ${pos[0]}`;
      break;
    case "zpool":
      if (/^(destroy|labelclear)$/.test(pos[0] ?? "") && pos[1]) {
        what = `the ZFS pool ${pos[1]}`;
      }
      break;
    case "zfs":
      if (pos[0] === "destroy" && pos[1] && !pos[1].includes("@")) {
        what = `the ZFS dataset ${pos[1]}`;
      }
      break;
    case "mdadm":
      if (t.some((x) => x === "--zero-superblock")) {
        what = `the RAID members ${pos.join(", ")}`;
      }
      break;
    case "badblocks":
      if (t.some((x) => /^-[a-zA-Z]{0,6}w/.test(x))) {
        what = `the device ${
          pos.find((x) => x.startsWith("/dev/")) ?? "named"
        }`;
      }
      break;
    case "btrfs": {
      if (pos[0] !== "subvolume" || !/^(delete|del)$/.test(pos[1] ?? "")) break;
      for (const x of pos.slice(2)) {
        const p = resolvePath(x, st.cwd, st.ctx.home);
        const place = p ? placeOf(p, st.ctx.cwd, st.ctx.home) : null;
        if (place === "root" || place === "home" || place === "system") {
          what = `the subvolume ${p}`;
        }
      }
      break;
    }
  }
  if (what) {
    st.out.matches.add(
      "disk_wipe",
      `${u.name} ${
        t.join(" ").slice(0, 120)
      } destroys ${what} and every file on it`,
      "list volumes (lvs, zfs list) and let the user remove storage",
    );
  }
}
