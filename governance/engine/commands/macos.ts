/**
 * macOS persistence and protection switches: `launchctl load|bootstrap` of a
 * property list written earlier on the line (its `ProgramArguments` are
 * judged as the command the job runs), `launchctl submit -- CMD` (a job that
 * runs CMD and restarts it), `defaults write` into a launch agent's file or
 * the login window's `LoginHook`/`LogoutHook` (a script run at every login,
 * as root), and Time Machine backups deleted (`tmutil delete`,
 * `deletelocalsnapshots`). Gatekeeper and SIP switched off
 * (`spctl --master-disable`, `csrutil disable`) warn, as other security
 * controls do.
 *
 * Judgement call: loading a property list the guard cannot see
 * (`launchctl load ~/Library/LaunchAgents/homebrew.mxcl.redis.plist`, what
 * `brew services` does) passes: the file was judged when it was written.
 * One named `com.apple.*` outside /System/Library is blocked: Apple installs
 * none there, so the name is a disguise.
 *
 * @module
 */

import { fileText } from "./shell_input.ts";
import type { State, Unit } from "./unit.ts";

/** Program names judged here. */
export const MACOS_NAMES: readonly string[] = [
  "launchctl",
  "defaults",
  "tmutil",
  "spctl",
  "csrutil",
];

/**
 * A launchd job in a user's or the local LaunchAgents/LaunchDaemons folder
 * named `com.apple.*`: Apple's own jobs live under /System/Library, so one
 * here imitates them.
 */
const APPLE_MASQUERADE =
  /(?:^|\/)Library\/Launch(?:Agents|Daemons)\/com\.apple\.[^/]{1,200}\.plist$/i;

function xmlText(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

function shellQuote(s: string): string {
  return /^[\w@%+=:,./~-]{1,4096}$/.test(s)
    ? s
    : "'" + s.replace(/'/g, "'\\''") + "'";
}

/** The command line a launchd property list runs (`ProgramArguments`, or `Program`), or null. */
export function plistCommand(text: string): string | null {
  const s = text.length > 200_000 ? text.slice(0, 200_000) : text;
  const k = s.search(/<key>\s{0,16}ProgramArguments\s{0,16}<\/key>/);
  if (k >= 0) {
    const open = s.indexOf("<array>", k);
    const close = open < 0 ? -1 : s.indexOf("</array>", open);
    if (close > open) {
      const argv: string[] = [];
      const re = /<string>([^<]{0,8192})<\/string>/g;
      const body = s.slice(open, close);
      let m: RegExpExecArray | null;
      while ((m = re.exec(body)) && argv.length < 256) argv.push(xmlText(m[1]));
      if (argv.length) return argv.map(shellQuote).join(" ");
    }
  }
  const p =
    /<key>\s{0,16}Program\s{0,16}<\/key>\s{0,64}<string>([^<]{1,4096})<\/string>/
      .exec(s);
  return p ? shellQuote(xmlText(p[1])) : null;
}

/** Judges one launchctl / defaults / tmutil / spctl / csrutil call (see the module comment). */
export function analyzeMacos(u: Unit, st: State): void {
  const t = u.args.map((a) => a.text);
  const m = st.out.matches;
  const line = `${u.name} ${t.join(" ")}`.slice(0, 160);
  const inner = { ...st, depth: st.depth + 1 };
  if (st.depth > 8) return;
  switch (u.name) {
    case "launchctl": {
      if (t[0] === "submit") {
        const k = t.indexOf("--");
        if (k >= 0 && k + 1 < t.length) {
          st.out.shell(t.slice(k + 1).map(shellQuote).join(" "), inner);
        }
        return;
      }
      if (!/^(load|bootstrap)$/.test(t[0] ?? "")) return;
      for (const f of t.slice(1).filter((x) => /\.plist$/i.test(x))) {
        if (APPLE_MASQUERADE.test(f) && !f.startsWith("/System/")) {
          m.add(
            "autorun_write",
            `${line} loads a launchd job named like Apple's own (${
              f.slice(f.lastIndexOf("/") + 1)
            }) from a folder Apple never installs into: a disguised login item that runs outside the guard`,
            "show the user the job and let them install it",
          );
          return;
        }
        const text = fileText(f, st);
        const cmd = text === null ? null : plistCommand(text);
        if (cmd) st.out.shell(cmd, inner);
      }
      return;
    }
    case "defaults": {
      if (t[0] !== "write" || t.length < 3) return;
      const domain = t[1];
      if (/\/Library\/(?:LaunchAgents|LaunchDaemons)\//.test(domain)) {
        m.add(
          "autorun_write",
          `${line} writes a launchd job, which runs its command later outside the guard`,
          "show the user the job and let them install it",
        );
        const k = t.indexOf("-array");
        if (t[2] === "ProgramArguments" && k > 0) {
          st.out.shell(t.slice(k + 1).map(shellQuote).join(" "), inner);
        }
        return;
      }
      if (
        /^(?:com\.apple\.loginwindow|\/Library\/Preferences\/com\.apple\.loginwindow(?:\.plist)?)$/
          .test(domain) && /^(LoginHook|LogoutHook)$/.test(t[2] ?? "")
      ) {
        m.add(
          "autorun_write",
          `${line} sets a login-window hook: the script runs as root at every login`,
          "show the user the script and let them install it",
        );
      }
      return;
    }
    case "tmutil":
      if (
        /^(delete|deletelocalsnapshots|thinlocalsnapshots)$/.test(t[0] ?? "")
      ) {
        m.add(
          "backup_destroy",
          `${line} deletes Time Machine backups or snapshots`,
        );
      } else if (t[0] === "disable" || t[0] === "removedestination") {
        // As bcdedit … recoveryenabled no: nothing is backed up from now on.
        m.add(
          "backup_destroy",
          `${line} switches Time Machine backups off (or drops their disk): nothing is backed up from now on`,
          "leave backups on; ask the user to change them",
        );
      }
      return;
    case "spctl":
      if (t.some((x) => /^--(master|global)-disable$/.test(x))) {
        m.add(
          "security_disable",
          `${line} switches off Gatekeeper, which checks every app before it runs`,
          "allow the one app with spctl --add or let the user approve it",
        );
      }
      return;
    case "csrutil":
      if (t[0] === "disable") {
        m.add(
          "security_disable",
          `${line} switches off System Integrity Protection`,
          "leave SIP on; ask the user",
        );
      }
      return;
  }
}
