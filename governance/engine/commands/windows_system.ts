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
 * Switching Defender off blocks (antivirus_disable): `Set-MpPreference
 * -Disable…Monitoring $true`, `sc stop|config WinDefend`, the
 * `DisableAntiSpyware` policy value, an exclusion of a drive root, a home or
 * a system folder. A narrow exclusion (a build folder) warns
 * (security_disable). `cipher /w:` wipes a drive's free space
 * (free_space_wipe); `cipher /?` and `cipher /e` do not.
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
  "cipher",
];

/**
 * Names judged here only when typed into a POSIX or cmd shell: in
 * PowerShell `sc` is Set-Content, so its PowerShell reader keeps it
 * (`sc.exe` there is the service tool).
 */
export const WINDOWS_SHELL_NAMES: readonly string[] = ["sc"];

/** Defender's services (antivirus, network inspection, security center, ATP sensor). */
const DEFENDER_SERVICE =
  /^(?:windefend|wdnissvc|wdfilter|wdboot|sense|wscsvc|securityhealthservice)$/i;

/** A Defender exclusion too wide to be a build folder: a drive root, a home, a system folder, everything. */
const WIDE_EXCLUSION =
  /^(?:[a-z]:\\?|\\|\*(?:\.\*)?|\$env:(?:userprofile|systemroot|windir|systemdrive|homedrive)\\?|[a-z]:\\(?:users|windows|program files(?: \(x86\))?|programdata)(?:\\[^\\]{1,64})?\\?|~|\/|exe|dll|ps1|bat|cmd|\.exe|\.dll|\.ps1)$/i;

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
        l[0] === "add" &&
        /windows defender|microsoft antimalware/.test(l[1] ?? "") &&
        l.some((x, i) => x === "/v" && /^disable/.test(l[i + 1] ?? "")) &&
        l.some((x, i) => x === "/d" && l[i + 1] === "1")
      ) {
        m.add(
          "antivirus_disable",
          `${line} sets a policy value that switches off Microsoft Defender`,
        );
        return;
      }
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
        /^-disable[a-z]{2,40}(?::\$?true)?$/.test(x) &&
        (/:\$?true$/.test(x) || /^\$?true$|^1$/.test(l[i + 1] ?? ""))
      );
      const excl = l.some((x) =>
        /^-exclusion(?:path|process|extension)$/.test(x)
      );
      const wide = l.some((x, i) =>
        /^-exclusion(?:path|process|extension)$/.test(x) &&
        (l[i + 1] ?? "").split(",").some((v) =>
          WIDE_EXCLUSION.test(v.trim().replace(/^["']|["']$/g, ""))
        )
      );
      if (off || wide) {
        m.add(
          "antivirus_disable",
          `${line} switches off Microsoft Defender's scanning${
            wide ? " for a whole drive, home or system folder" : ""
          }`,
        );
      } else if (excl) {
        m.add(
          "security_disable",
          `${line} switches off Microsoft Defender or excludes files from scanning`,
          "leave antivirus scanning on; ask the user to add a narrow exclusion if a build is slowed",
        );
      }
      return;
    }
    case "sc": {
      // sc stop WinDefend, sc config WinDefend start= disabled, sc delete WinDefend.
      const verb = l[0] ?? "";
      if (
        /^(?:stop|delete|config|pause)$/.test(verb) &&
        DEFENDER_SERVICE.test(l[1] ?? "") &&
        (verb !== "config" || l.includes("disabled"))
      ) {
        m.add(
          "antivirus_disable",
          `${line} stops or disables Microsoft Defender's service`,
        );
      }
      return;
    }
    case "cipher":
      if (l.some((x) => /^\/w(?::|$)/.test(x))) {
        m.add(
          "free_space_wipe",
          `${line} overwrites the drive's free space: every deleted file on it becomes unrecoverable`,
        );
      }
      return;
  }
}
