/**
 * What to do instead, for the dangerous-command policies whose detectors
 * name no alternative of their own: every block says which policy fired,
 * why, and what to do instead. A detector's own suggestion, when it gives
 * one, is more specific and wins.
 *
 * @module
 */

/** Default suggestion per short policy name (the id without `sys_dangerous_`). */
export const DEFAULT_SUGGESTIONS: Readonly<Record<string, string>> = {
  audit_disable:
    "leave kernel auditing on; if an audit rule gets in the way, ask the user or the administrator to change that rule",
  antivirus_disable:
    "leave antivirus scanning on; if a build is slowed, ask the user to add a narrow exclusion for the build folder",
  free_space_wipe:
    "delete the files you mean to delete; leave wiping a drive to the user",
  backup_destroy:
    "leave shadow copies, backups and recovery settings as they are; ask the user to prune old backups themselves",
  keychain_dump:
    "let the tool that owns the secret read it from the keyring itself",
  reverse_shell_devtcp:
    "to reach a remote service, use its client (ssh, an HTTPS API) with the user's approval",
  reverse_shell_netcat:
    "to test a port, use `nc -zv HOST PORT` without -e/-c; to share a shell, ask the user",
  reverse_shell_socat:
    "use socat to forward a port (TCP-LISTEN:…,fork TCP:…) without EXEC or SYSTEM",
  reverse_shell_script:
    "make the network call the task needs (an HTTP request) without handing it a shell",
  shred_device:
    "shred a file in the workspace, or ask the user to wipe the disk themselves",
  setuid_shell:
    "run the one command that needs root with sudo; do not leave a root shell behind",
  account_backdoor:
    "ask the user or an administrator to change accounts and groups",
  guard_tamper:
    "leave the guard's files alone; `axonflow policies` and `axonflow allow` change what it allows",
  sysrq_trigger: "to reboot or sync, ask the user",
  kill_agent:
    "stop the specific process you started (its own pid or the port it listens on); end the session from the agent's interface",
  fork_bomb:
    "start a fixed number of workers (a pool) instead of processes without a bound",
  history_disable:
    "leave the shell history on; to keep a secret out of it, read it from a file or a prompt",
  history_wipe:
    "leave the shell history in place; to remove one entry, ask the user",
  chmod_recursive_system:
    "change the modes or attributes of files in the workspace only",
  system_file_delete:
    "change files in the workspace; system files are changed by the package manager or the user",
  cloud_audit_disable:
    "leave audit logging on; ask the account's administrators for a change",
  app_destroy:
    "scale the app down or stop it instead, and ask the user before deleting it",
  cloud_admin_grant:
    "grant the narrowest role the task needs, and ask the account's administrators",
};
