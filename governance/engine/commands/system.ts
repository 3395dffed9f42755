/**
 * System-wide actions: killing every process, power, firewall and security
 * controls, audit and history, permission changes, crontab removal,
 * deleting hosted repositories, and history-disabling assignments.
 *
 * @module
 */

import { guardPathOf, isInSystem, placeOf, resolvePath } from "./paths.ts";
import type { Arg, State, Unit } from "./unit.ts";

/** kill -9 -1, kill 1. */
export function analyzeKill(u: Unit, st: State): void {
  const args = u.args;
  let i = 0;
  if (args.some((a) => /^-[lL]$|^--(list|table)$/.test(a.text))) return;
  let sawSignal = false;
  for (; i < args.length; i++) {
    const t = args[i].text;
    if (t === "--") {
      i++;
      break;
    }
    if (t === "-s" || t === "-n" || t === "--signal") {
      i++;
      sawSignal = true;
      continue;
    }
    if (!sawSignal && /^-([A-Za-z]{1,12}|\d{1,2})$/.test(t)) {
      sawSignal = true;
      continue;
    }
    break;
  }
  for (const a of args.slice(i)) {
    if (a.text === "-1") {
      st.out.matches.add(
        "kill_all_processes",
        `${u.name} ${
          args.map((x) => x.text).join(" ")
        } sends the signal to every process you can reach (pid -1)`,
        "kill the specific process id instead",
      );
      return;
    }
    if (a.text === "1") {
      st.out.matches.add(
        "kill_all_processes",
        `${u.name} targets pid 1 (init/systemd): killing it brings the whole system down`,
        "kill the specific process id instead",
      );
      return;
    }
  }
}

const MATCH_ALL = /^(\.|\.\*|\.\+|\^|\$|\^\.\*\$?|\.\*\$|\[\^\]|)$/;

/** pkill / killall with a pattern that matches everything; killall5. */
export function analyzePkill(u: Unit, st: State): void {
  if (u.name === "killall5") {
    st.out.matches.add(
      "kill_all_processes",
      "killall5 signals every process on the system",
      "kill the specific process instead",
    );
    return;
  }
  const vals = u.name === "pkill"
    ? /^-[ugGPstFU]$|^--(signal|euid|uid|group|pgroup|parent|session|terminal|pidfile|ns|nslist)$/
    : /^-[suoy]$|^--(signal|user|older-than|younger-than|context)$/;
  const pos: Arg[] = [];
  let user = false;
  let regex = u.name === "pkill";
  for (let i = 0; i < u.args.length; i++) {
    const t = u.args[i].text;
    if (t === "-u" || t === "--user" || t === "-U" || t === "--euid") {
      user = true;
    }
    if (t === "-r" || t === "--regexp") regex = true;
    if (vals.test(t)) {
      i++;
      continue;
    }
    if (t.startsWith("-") && t.length > 1) continue;
    pos.push(u.args[i]);
  }
  const everything = (pos.length === 0 && user) ||
    pos.some((p) => p.known && regex && MATCH_ALL.test(p.text));
  if (everything) {
    st.out.matches.add(
      "kill_all_processes",
      `${u.name} ${u.args.map((a) => a.text).join(" ")} matches every process${
        user ? " of that user" : ""
      }`,
      "name the specific process to stop",
    );
  }
}

/** shutdown / reboot / halt / poweroff / init 0 / systemctl poweroff. */
export function analyzePower(u: Unit, st: State): void {
  const t = u.args.map((a) => a.text);
  if (
    t.some((x) => /^(--help|-h|--version)$/.test(x)) && u.name !== "shutdown"
  ) return;
  let hit = false;
  switch (u.name) {
    case "shutdown":
      hit = !t.includes("-c") && !t.includes("--help");
      break;
    case "reboot":
    case "halt":
    case "poweroff":
      hit = true;
      break;
    case "init":
    case "telinit":
      hit = t[0] === "0" || t[0] === "6";
      break;
    case "systemctl":
    case "loginctl":
      hit =
        t.some((x) => /^(poweroff|reboot|halt|kexec|soft-reboot)$/.test(x)) ||
        (t.includes("isolate") &&
          t.some((x) =>
            /^(rescue|emergency|poweroff|reboot)\.target$/.test(x)
          ));
      break;
  }
  if (hit) {
    st.out.matches.add(
      "shutdown",
      `${u.name} ${
        t.join(" ")
      } stops or restarts the machine, killing everything running on it`,
      "ask the user to restart the machine themselves",
    );
  }
}

const FIREWALL_UNITS =
  /^(firewalld|ufw|nftables|iptables|ip6tables|netfilter-persistent)(\.service)?$/;
const SECURITY_UNITS = /^(apparmor|selinux)(\.service)?$/;
const AUDIT_UNITS = /^auditd(\.service)?$/;

/** Firewall flushes and disabling security controls or auditing. */
export function analyzeSecurityControls(u: Unit, st: State): void {
  const m = st.out.matches;
  const t = u.args.map((a) => a.text);
  const line = `${u.name} ${t.join(" ")}`.slice(0, 160);
  if (/^ip6?tables(-legacy|-nft)?$/.test(u.name)) {
    if (t.some((x) => /^(-F|--flush)$|^-[A-Za-z]{0,4}F$/.test(x))) {
      m.add(
        "firewall_flush",
        `${line} deletes firewall rules, opening the machine to the network`,
        "change a single rule with -D instead of flushing",
      );
    }
  } else if (u.name === "nft") {
    if (t[0] === "flush" || (t.includes("flush") && t.includes("ruleset"))) {
      m.add(
        "firewall_flush",
        `${line} removes the firewall rules`,
        "delete a single rule instead",
      );
    }
  } else if (u.name === "ufw") {
    if (t.includes("disable") || t.includes("reset")) {
      m.add("firewall_flush", `${line} turns the firewall off`);
    }
  } else if (u.name === "pfctl") {
    if (t.includes("-d") || t.some((x) => /^-F/.test(x))) {
      m.add("firewall_flush", `${line} disables the packet filter`);
    }
  } else if (u.name === "netsh") {
    if (/advfirewall.*state\s+off/i.test(t.join(" "))) {
      m.add("firewall_flush", `${line} turns the Windows firewall off`);
    }
  } else if (u.name === "setenforce") {
    if (t[0] === "0" || /^permissive$/i.test(t[0] ?? "")) {
      m.add("security_disable", `${line} switches SELinux to permissive mode`);
    }
  } else if (u.name === "aa-teardown") {
    m.add("security_disable", `${line} unloads every AppArmor profile`);
  } else if (u.name === "auditctl") {
    if (
      t.includes("-D") || (t.includes("-e") && t[t.indexOf("-e") + 1] === "0")
    ) m.add("audit_disable", `${line} switches off kernel auditing`);
  } else if (u.name === "journalctl") {
    if (t.some(drasticVacuum)) {
      m.add(
        "journal_vacuum",
        `${line} deletes almost every archived system log`,
        "keep at least a day of logs (--vacuum-time=1d) or ask the user",
      );
    }
  } else if (u.name === "systemctl" || u.name === "service") {
    const stop = t.some((x) => /^(stop|disable|mask|kill)$/.test(x));
    if (!stop) return;
    const units = t.filter((x) =>
      !/^(stop|disable|mask|kill|--now|-q|--quiet)$/.test(x)
    );
    if (units.some((x) => FIREWALL_UNITS.test(x))) {
      m.add("firewall_flush", `${line} turns the firewall off`);
    }
    if (units.some((x) => SECURITY_UNITS.test(x))) {
      m.add(
        "security_disable",
        `${line} switches off mandatory access control`,
      );
    }
    if (units.some((x) => AUDIT_UNITS.test(x))) {
      m.add("audit_disable", `${line} stops the audit daemon`);
    }
  }
}

/** Whether a journalctl vacuum option keeps (almost) nothing: under a day, under 64 MB, one file. */
function drasticVacuum(x: string): boolean {
  const m = /^--vacuum-(time|size|files)=?(\d{0,12})\s{0,2}([a-zA-Z]{0,8})$/
    .exec(x);
  if (!m) return false;
  const n = Number(m[2] || "0");
  const unit = m[3].toLowerCase();
  if (m[1] === "files") return n <= 1;
  if (m[1] === "size") {
    const mb = /^g/.test(unit)
      ? n * 1024
      : /^m/.test(unit)
      ? n
      : /^k/.test(unit)
      ? n / 1024
      : n / 1048576;
    return mb < 64;
  }
  const hours = /^(d|day|days)$/.test(unit)
    ? n * 24
    : /^(w|week|weeks|month|months|months?|y|year|years)$/.test(unit)
    ? n * 24 * 7
    : /^(h|hour|hours)$/.test(unit)
    ? n
    : n / 3600;
  return hours < 24;
}

/** history -c / set +o history. */
export function analyzeHistory(u: Unit, st: State): void {
  const t = u.args.map((a) => a.text);
  if (
    u.name === "history" &&
    t.some((x) => /^-[a-z]{0,4}c$/.test(x) || x === "-w" && false)
  ) {
    st.out.matches.add(
      "history_disable",
      "history -c clears the shell's command history",
    );
  } else if (u.name === "history" && t.some((x) => /^-d/.test(x))) {
    st.out.matches.add(
      "history_disable",
      "history -d deletes entries from the shell's command history",
    );
  }
  if (
    u.name === "set" && t.some((x, i) => x === "+o" && t[i + 1] === "history")
  ) {
    st.out.matches.add(
      "history_disable",
      "set +o history stops recording commands",
    );
  }
}

/** HISTFILE=/dev/null, HISTSIZE=0, unset HISTFILE. */
export function analyzeAssign(name: string, value: Arg, st: State): void {
  if (/^(DISABLE_DATABASE_ENVIRONMENT_CHECK|RAILS_ENV|RACK_ENV)$/.test(name)) {
    // Rails reads it from the environment of the next command.
    st.env.set(name, value.alts);
    return;
  }
  if (!/^(HISTFILE|HISTSIZE|HISTFILESIZE|SAVEHIST)$/.test(name)) return;
  const v = value.text;
  if (name === "HISTFILE" ? v === "" || v === "/dev/null" : v === "0") {
    st.out.matches.add(
      "history_disable",
      `${name}=${v || "(empty)"} stops shell history being recorded`,
    );
  }
}

const SHELLS_AND_INTERPRETERS =
  /^(ba|da|z|k|c|tc|fi|a)?sh$|^(python|perl|ruby|php|node|lua)[0-9.]{0,6}$|^(env|find|vim?|nano|less|more|awk|gawk|cp|mv|tee|dd|tar|zip|nmap|busybox|sudo|su|doas|chmod|chown)$/;

function modeFlags(mode: string): { worldWritable: boolean; setuid: boolean } {
  if (/^[0-7]{3,4}$/.test(mode)) {
    const d = mode.padStart(4, "0");
    return {
      worldWritable: (Number(d[3]) & 2) !== 0,
      setuid: (Number(d[0]) & 6) !== 0,
    };
  }
  let worldWritable = false;
  let setuid = false;
  for (const clause of mode.split(",")) {
    const c = /^([ugoa]{0,4})[+=]([rwxXst]{0,6})$/.exec(clause);
    if (!c) continue;
    if (/[oa]/.test(c[1]) && c[2].includes("w")) worldWritable = true;
    if ((c[1] === "" || /[uga]/.test(c[1])) && c[2].includes("s")) {
      setuid = true;
    }
  }
  return { worldWritable, setuid };
}

/**
 * `chown -R nobody ~`, `chown -R 0:0 ~`: the home given to another user (the
 * user is locked out of their files); `chown -R "$USER": ~` or an owner
 * known only at run time (`$(id -u)`) is the usual repair and passes.
 */
function foreignOwner(spec: Arg, st: State): boolean {
  if (!spec.known) return false;
  const owner = spec.text.split(/[:.]/)[0];
  if (owner === "") return false;
  const h = st.ctx.home;
  const user = h.slice(h.lastIndexOf("/") + 1);
  if (/^\d{1,10}$/.test(owner)) return owner === "0";
  return owner !== user;
}

/** Capabilities that make a program as good as root. */
const ROOT_CAPS =
  /cap_(setuid|setgid|sys_admin|dac_override|dac_read_search|sys_ptrace|sys_module|chown|fowner)\b|^all[+=]/i;

/**
 * setcap giving a shell or interpreter (or a copy of one) a root-equivalent
 * capability: `setcap cap_setuid+ep /usr/bin/python3` lets anyone become root.
 */
export function analyzeSetcap(u: Unit, st: State): void {
  const t = u.args.filter((a) => !a.text.startsWith("-"));
  if (t.length < 2 || t[0].text === "-r") return;
  const caps = t[0].text;
  if (!ROOT_CAPS.test(caps) || !/[+=][a-z]{0,3}[ep]/i.test(caps)) return;
  for (const a of t.slice(1, 32)) {
    const base = a.text.slice(a.text.lastIndexOf("/") + 1);
    if (SHELLS_AND_INTERPRETERS.test(base) || !a.known) {
      st.out.matches.add(
        "setuid_shell",
        `setcap ${caps} ${a.text} gives ${base} a root-equivalent capability: anyone who runs it can become root`,
        "grant the one narrow capability a service needs (cap_net_bind_service) to that service's own binary",
      );
      return;
    }
  }
}

/** chmod / chown / chgrp / chattr: recursive changes on vital folders, world-writable system files, setuid shells, guard files. */
export function analyzePermissions(u: Unit, st: State): void {
  const m = st.out.matches;
  let recursive = !!u.viaFind;
  const pos: Arg[] = [];
  for (const a of u.args) {
    const t = a.text;
    if (t === "-R" || t === "--recursive" || /^-[a-zA-Z]{0,6}R/.test(t)) {
      recursive = true;
      continue;
    }
    if (t.startsWith("--")) continue;
    if (
      t.startsWith("-") &&
      !(u.name === "chmod" && /^-[rwxXst]{1,6}$/.test(t)) && u.name !== "chattr"
    ) continue;
    pos.push(a);
  }
  if (pos.length < 2) return;
  const spec = pos[0].text;
  const targets = pos.slice(1);
  const flags = u.name === "chmod"
    ? modeFlags(spec)
    : { worldWritable: false, setuid: false };
  for (const a of targets) {
    if (!a.known) continue;
    const stripped = a.glob ? a.text.replace(/\/?[^/]*[*?[].*$/, "") : a.text;
    const text = stripped || (a.text.startsWith("/") ? "/" : ".");
    const p = u.viaFind
      ? resolvePath(u.viaFind.root, st.cwd, st.ctx.home)
      : resolvePath(text, st.cwd, st.ctx.home);
    if (!p) continue;
    const place = placeOf(p, st.ctx.cwd, st.ctx.home);
    const guard = guardPathOf(p, st.ctx.home, st.ctx.cwd, "delete", st.ctx);
    if (guard) {
      m.add(
        "guard_tamper",
        `${u.name} ${spec} ${a.text} changes the agent's guard configuration (${guard})`,
        "leave the guard's files alone",
      );
      continue;
    }
    const wide = recursive || a.glob;
    if (
      wide && u.name !== "chattr" &&
      (place === "root" || place === "system" ||
        (place === "home" &&
          (u.name === "chmod" ||
            u.name === "chown" && foreignOwner(pos[0], st))))
    ) {
      m.add(
        "chmod_recursive_system",
        `${u.name} -R ${spec} ${a.text} changes ${
          place === "root"
            ? "every file on the machine"
            : `everything under ${p}`
        }: this breaks sudo, ssh and system services`,
        "change permissions of a specific folder inside the workspace, such as ./dist",
      );
      continue;
    }
    if (
      flags.setuid &&
      (SHELLS_AND_INTERPRETERS.test(p.slice(p.lastIndexOf("/") + 1)) ||
        isInSystem(p) || st.out.sensitive.get(p) === "shell")
    ) {
      m.add(
        "setuid_shell",
        `chmod ${spec} ${a.text} sets the setuid bit: anyone can then run it as its owner (root)`,
      );
      continue;
    }
    if (
      flags.worldWritable &&
      (place === "root" || place === "system" || isInSystem(p))
    ) {
      m.add(
        "chmod_world_writable_system",
        `chmod ${spec} ${a.text} makes the system path ${p} writable by every user`,
        "grant access to a specific user or group instead",
      );
      continue;
    }
    if (u.name === "chattr" && place === "root" && wide) {
      m.add(
        "chmod_recursive_system",
        `chattr -R on ${p} changes attributes of every file`,
      );
    }
  }
}

/** crontab -r. */
export function analyzeCrontab(u: Unit, st: State): void {
  if (u.args.some((a) => /^-[a-z]{0,3}r$/.test(a.text))) {
    st.out.matches.add(
      "crontab_remove",
      "crontab -r deletes every scheduled job of the user without confirmation",
      "edit the crontab with crontab -e",
    );
  }
}

/** gh / glab repo delete, and the API's DELETE of a repository (`gh api -X DELETE repos/o/r`). */
export function analyzeGh(u: Unit, st: State): void {
  const t = u.args.map((a) => a.text);
  if (t[0] === "repo" && t[1] === "delete") {
    st.out.matches.add(
      "repo_delete",
      `${u.name} repo delete ${
        t[2] ?? "(current repository)"
      } permanently removes the hosted repository`,
      "archive the repository instead",
    );
    return;
  }
  if (t[0] !== "api") return;
  let del = false;
  let path = "";
  for (let i = 1; i < t.length; i++) {
    const x = t[i];
    if (x === "-X" || x === "--method") {
      del ||= /^delete$/i.test(t[i + 1] ?? "");
      i++;
    } else if (/^(-X|--method=)delete$/i.test(x)) del = true;
    else if (!x.startsWith("-") && !path) path = x;
  }
  // repos/OWNER/REPO (GitHub) or projects/ID (GitLab), nothing after it
  if (
    del &&
    /^\/?(repos\/[^/\s]{1,100}\/[^/\s]{1,100}|projects\/[^/\s]{1,200})\/?$/
      .test(
        path,
      )
  ) {
    st.out.matches.add(
      "repo_delete",
      `${u.name} api -X DELETE ${path} permanently removes the hosted repository`,
      "archive the repository instead",
    );
  }
}
