/**
 * Windows system tools that destroy what a machine recovers from or what it
 * records, or that copy out its account secrets: deleting volume shadow
 * copies and backup catalogs (`vssadmin delete shadows`, `wmic shadowcopy
 * delete`, `wbadmin delete catalog`), switching off boot recovery
 * (`bcdedit /set … recoveryenabled no`), clearing event logs (`wevtutil cl`,
 * `Clear-EventLog`, `fsutil usn deletejournal`), saving the SAM/SECURITY
 * hives (`reg save HKLM\SAM`) and dumping lsass (`rundll32 comsvcs.dll
 * MiniDump`). Reading is allowed: `vssadmin list shadows`, `wevtutil qe`,
 * `Get-EventLog`, `reg query`.
 *
 * Judgement calls: switching off Defender (`Set-MpPreference
 * -DisableRealtimeMonitoring $true`) is a security control turned off and
 * warns (security_disable), as `setenforce 0` does.
 *
 * @module
 */

import type { State, Unit } from "./unit.ts";

/** Program names (lower case, no `.exe`) judged here. */
export const WINDOWS_SYSTEM_NAMES: readonly string[] = [
  "vssadmin",
  "wmic",
  "wbadmin",
  "bcdedit",
  "wevtutil",
  "clear-eventlog",
  "remove-eventlog",
  "fsutil",
  "reg",
  "rundll32",
  "procdump",
  "procdump64",
  "set-mppreference",
  "add-mppreference",
];

/** Hives that hold account password hashes and machine secrets. */
const SECRET_HIVE =
  /^(?:hklm|hkey_local_machine)\\?(?:sam|security|system)\\?$/i;

const KEEP_LOGS =
  "leave the logs in place; to free space, export them first (wevtutil epl) and ask the user";

/** Judges one Windows system tool call (see the module comment). */
export function analyzeWindowsSystem(u: Unit, st: State): void {
  const m = st.out.matches;
  const t = u.args.map((a) => a.text);
  const l = t.map((x) => x.toLowerCase());
  const line = `${u.name} ${t.join(" ")}`.slice(0, 160);
  const has = (x: string) => l.includes(x);
  switch (u.name) {
    case "vssadmin":
      if (
        (has("delete") && has("shadows")) ||
        (has("resize") && has("shadowstorage"))
      ) {
        m.add(
          "backup_destroy",
          `${line} deletes the volume shadow copies Windows restores files from`,
        );
      }
      return;
    case "wmic":
      if (has("shadowcopy") && has("delete")) {
        m.add(
          "backup_destroy",
          `${line} deletes the volume shadow copies Windows restores files from`,
        );
      }
      return;
    case "wbadmin":
      if (
        has("delete") &&
        l.some((x) => /^(catalog|systemstatebackup|backup)$/.test(x))
      ) {
        m.add(
          "backup_destroy",
          `${line} deletes Windows backups or their catalog`,
        );
      }
      return;
    case "bcdedit": {
      const s = l.join(" ");
      if (
        /\brecoveryenabled\s+(?:no|off|false|0)\b/.test(s) ||
        /\bbootstatuspolicy\s+ignoreallfailures\b/.test(s)
      ) {
        m.add(
          "backup_destroy",
          `${line} switches off Windows' boot recovery`,
        );
      }
      return;
    }
    case "wevtutil":
      if (l[0] === "cl" || l[0] === "clear-log") {
        m.add("log_wipe", `${line} clears a Windows event log`, KEEP_LOGS);
      } else if (
        (l[0] === "sl" || l[0] === "set-log") &&
        l.some((x) => /^\/(?:e|enabled):(?:false|0)$/.test(x))
      ) {
        m.add("audit_disable", `${line} stops a Windows event log recording`);
      }
      return;
    case "clear-eventlog":
    case "remove-eventlog":
      m.add(
        "log_wipe",
        `${line} clears or removes Windows event logs`,
        KEEP_LOGS,
      );
      return;
    case "fsutil":
      if (has("usn") && has("deletejournal")) {
        m.add(
          "log_wipe",
          `${line} deletes the volume's change journal`,
          KEEP_LOGS,
        );
      }
      return;
    case "reg":
      if (
        (l[0] === "save" || l[0] === "export") && SECRET_HIVE.test(l[1] ?? "")
      ) {
        m.add(
          "system_secrets_read",
          `${line} copies a registry hive that holds the machine's password hashes and secrets`,
          "leave the account database alone; ask an administrator for what you need",
        );
      }
      return;
    case "rundll32":
    case "procdump":
    case "procdump64": {
      const s = l.join(" ");
      if (
        /comsvcs(?:\.dll)?\b[\s\S]{0,64}\bminidump/.test(s) ||
        (u.name !== "rundll32" && /\blsass\b/.test(s))
      ) {
        m.add(
          "system_secrets_read",
          `${line} dumps a process's memory (lsass holds every signed-in account's credentials)`,
          "debug your own process by name, never lsass",
        );
      }
      return;
    }
    case "set-mppreference":
    case "add-mppreference": {
      const off = l.some((x, i) =>
        /^-disable[a-z]{2,40}$/.test(x) && /^\$?true$|^1$/.test(l[i + 1] ?? "")
      );
      const excl = l.some((x) =>
        /^-exclusion(?:path|process|extension)$/.test(x)
      );
      if (off || excl) {
        m.add(
          "security_disable",
          `${line} switches off Microsoft Defender or excludes files from scanning`,
          "leave antivirus scanning on; ask the user to add a narrow exclusion if a build is slowed",
        );
      }
      return;
    }
  }
}
