import assert from "node:assert/strict";
import { blocked, fired } from "./test_helpers.ts";

const FIRES: [string, string][] = [
  ["vssadmin delete shadows /all /quiet", "backup_destroy"],
  ["vssadmin.exe Delete Shadows /For=C: /Quiet", "backup_destroy"],
  [
    "vssadmin resize shadowstorage /for=c: /on=c: /maxsize=401MB",
    "backup_destroy",
  ],
  ["wmic shadowcopy delete /nointeractive", "backup_destroy"],
  ["wbadmin delete catalog -quiet", "backup_destroy"],
  ["wbadmin delete systemstatebackup -keepversions:0", "backup_destroy"],
  ["bcdedit /set {default} recoveryenabled No", "backup_destroy"],
  [
    "bcdedit /set {default} bootstatuspolicy ignoreallfailures",
    "backup_destroy",
  ],
  ["wevtutil cl Security", "log_wipe"],
  ["wevtutil.exe clear-log System", "log_wipe"],
  [
    "wevtutil sl Microsoft-Windows-PowerShell/Operational /e:false",
    "audit_disable",
  ],
  ["Clear-EventLog -LogName Security,System", "log_wipe"],
  ["Remove-EventLog -LogName MyApp", "log_wipe"],
  ["fsutil usn deletejournal /D C:", "log_wipe"],
  ["reg save HKLM\\SAM C:\\Temp\\sam.hive", "system_secrets_read"],
  ["reg save 'HKLM\\SECURITY' sec.hive", "system_secrets_read"],
  ["reg export HKEY_LOCAL_MACHINE\\SYSTEM sys.reg", "system_secrets_read"],
  [
    "rundll32.exe C:\\Windows\\System32\\comsvcs.dll, MiniDump 624 C:\\Temp\\l.dmp full",
    "system_secrets_read",
  ],
  ["procdump -ma lsass.exe lsass.dmp", "system_secrets_read"],
  ['powershell -c "wevtutil cl Security"', "log_wipe"],
  ["Set-MpPreference -DisableRealtimeMonitoring $true", "antivirus_disable"],
  ["Set-MpPreference -DisableIOAVProtection:$true", "antivirus_disable"],
  ["Add-MpPreference -ExclusionPath 'C:\\'", "antivirus_disable"],
  ["Add-MpPreference -ExclusionPath $env:USERPROFILE", "antivirus_disable"],
  ["Add-MpPreference -ExclusionExtension exe", "antivirus_disable"],
  ["sc.exe stop WinDefend", "antivirus_disable"],
  ["sc config WinDefend start= disabled", "antivirus_disable"],
  ['powershell -c "sc.exe stop WinDefend"', "antivirus_disable"],
  [
    'reg add "HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows Defender" /v DisableAntiSpyware /t REG_DWORD /d 1 /f',
    "antivirus_disable",
  ],
  ["cipher /w:C:\\", "free_space_wipe"],
  ["cmd /c cipher /w:D:", "free_space_wipe"],
  ["pwsh -Command 'Clear-EventLog -LogName Application'", "log_wipe"],
];

const WARNS: [string, string][] = [
  ["Add-MpPreference -ExclusionPath C:\\src\\app\\build", "security_disable"],
];

const PASSES = [
  "vssadmin list shadows",
  "vssadmin list shadowstorage",
  "wmic shadowcopy list brief",
  "wbadmin get versions",
  "bcdedit /enum",
  "wevtutil qe System /c:5 /rd:true /f:text",
  "wevtutil el",
  "Get-EventLog -LogName Application -Newest 20",
  "fsutil fsinfo drives",
  "reg query HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run",
  "reg save HKCU\\Software\\MyApp myapp.hive",
  "rundll32 user32.dll,LockWorkStation",
  "procdump -ma node.exe node.dmp",
  "Get-MpComputerStatus",
  "Set-MpPreference -DisableRealtimeMonitoring $false",
  "Get-MpPreference | Select-Object DisableRealtimeMonitoring",
  "sc query WinDefend",
  "sc.exe config MyService start= disabled",
  'powershell -c "sc notes.txt hello"',
  "cipher /?",
  "cipher /c secret.txt",
  'reg add "HKCU\\Software\\MyApp" /v DisableTelemetry /t REG_DWORD /d 1 /f',
];

Deno.test("windows system: recovery, log and secret destruction fire", () => {
  for (const [cmd, name] of FIRES) {
    assert.ok(fired(cmd).includes(name), `${cmd} should fire ${name}`);
    assert.ok(blocked(cmd).length > 0, `${cmd} should block`);
  }
});

Deno.test("windows system: a narrow Defender exclusion warns", () => {
  for (const [cmd, name] of WARNS) {
    assert.ok(fired(cmd).includes(name), `${cmd} should fire ${name}`);
  }
});

Deno.test("windows system: reading and listing pass", () => {
  for (const cmd of PASSES) {
    assert.equal(blocked(cmd).length, 0, `${cmd} should pass`);
    assert.deepEqual(
      fired(cmd).filter((n) =>
        /backup_destroy|log_wipe|audit_disable|system_secrets_read|security_disable/
          .test(n)
      ),
      [],
      cmd,
    );
  }
});

Deno.test("windows system: Defender and cipher readers stay fast on hostile input", () => {
  const t0 = performance.now();
  fired("Add-MpPreference -ExclusionPath " + "C:\\users\\".repeat(20_000));
  fired("sc stop " + "windefend".repeat(20_000));
  fired("cipher " + "/w".repeat(20_000));
  assert.ok(performance.now() - t0 < 1000);
});
