/**
 * Account backdoors: a second root account (`useradd -o -u 0`), passwords
 * set or removed behind the user's back (`chpasswd`, `passwd -d`), and
 * admin rights granted through group membership (`usermod -aG sudo`).
 *
 * @module
 */

import type { State, Unit } from "./unit.ts";
import type { Pipe } from "./pipe.ts";

/** Groups whose members are root through sudo or su. */
const ADMIN_GROUPS = /^(sudo|wheel|admin|root|sudoers)$/;

function groupsOf(t: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < t.length; i++) {
    const x = t[i];
    if (x === "-G" || x === "--groups" || x === "-g" || x === "--gid") {
      out.push(...(t[i + 1] ?? "").split(","));
      i++;
    } else if (/^--groups=/.test(x)) out.push(...x.slice(9).split(","));
    else if (/^-[a-zA-Z]{0,4}G$/.test(x)) {
      out.push(...(t[i + 1] ?? "").split(","));
      i++;
    } else if (/^-[a-zA-Z]{0,4}G./.test(x)) {
      out.push(...x.slice(x.indexOf("G") + 1).split(","));
    }
  }
  return out;
}

/** useradd / adduser / usermod / gpasswd / chpasswd / passwd. */
export function analyzeAccounts(u: Unit, st: State, _pipe?: Pipe): void {
  const t = u.args.map((a) => a.text);
  const m = st.out.matches;
  const line = `${u.name} ${t.join(" ").slice(0, 100)}`;
  switch (u.name) {
    case "useradd":
    case "adduser":
    case "usermod":
    case "luseradd":
    case "lusermod": {
      const uid0 = t.some((x, i) =>
        (x === "-u" || x === "--uid") && /^0+$/.test(t[i + 1] ?? "") ||
        /^--uid=0+$/.test(x) || /^-[a-zA-Z]{0,4}u0+$/.test(x)
      );
      if (uid0) {
        m.add(
          "account_backdoor",
          `${line} gives an account user id 0: a second root account that survives any password change`,
          "ask the user to manage accounts",
        );
        return;
      }
      const groups = groupsOf(t);
      // adduser USER GROUP (Debian): the second operand is a group.
      const pos = t.filter((x) => !x.startsWith("-"));
      if (u.name === "adduser" && pos.length === 2) groups.push(pos[1]);
      const admin = groups.find((g) => ADMIN_GROUPS.test(g));
      if (admin) {
        m.add(
          "account_backdoor",
          `${line} puts an account in the ${admin} group: that account can then run anything as root`,
          "ask the user to grant admin rights themselves",
        );
      }
      return;
    }
    case "newusers":
      m.add(
        "account_backdoor",
        "newusers creates or updates accounts in bulk from its input, user ids and passwords included",
      );
      return;
    case "dscl":
      if (
        t.some((x) => /^-(create|append|merge)$/.test(x)) &&
        (t.some((x, i) =>
          /^(UniqueID|PrimaryGroupID)$/.test(x) && /^0+$/.test(t[i + 1] ?? "")
        ) ||
          t.some((x, i) =>
            x === "GroupMembership" && i > 0 &&
            /\/Groups\/(admin|wheel)$/.test(t.join(" "))
          ))
      ) {
        m.add(
          "account_backdoor",
          `${line} gives an account root's id or admin group`,
        );
      }
      return;
    case "dseditgroup":
      if (t.includes("-a") && t.some((x) => ADMIN_GROUPS.test(x))) {
        m.add("account_backdoor", `${line} adds an account to the admin group`);
      }
      return;
    case "pw":
      if (
        /^(useradd|usermod)$/.test(t[0] ?? "") &&
        (t.some((x, i) => x === "-u" && /^0+$/.test(t[i + 1] ?? "")) ||
          groupsOf(t).some((g) => ADMIN_GROUPS.test(g)))
      ) {
        m.add(
          "account_backdoor",
          `${line} creates a root account or grants admin rights`,
        );
      }
      return;
    case "gpasswd": {
      const i = t.findIndex((x) => x === "-a" || x === "--add" || x === "-M");
      const g = t.filter((x) => !x.startsWith("-")).pop() ?? "";
      if (i >= 0 && ADMIN_GROUPS.test(g)) {
        m.add(
          "account_backdoor",
          `${line} adds a member to the ${g} group: root through sudo`,
        );
      }
      return;
    }
    case "chpasswd":
    case "chgpasswd":
      if (!t.includes("--help")) {
        m.add(
          "account_backdoor",
          `${u.name} sets account passwords in bulk from its input: whoever wrote them can log in`,
          "ask the user to change passwords themselves",
        );
      }
      return;
    case "passwd":
      if (
        t.some((x) => /^(-d|--delete)$/.test(x) || /^-[a-zA-Z]{0,3}d$/.test(x))
      ) {
        m.add(
          "account_backdoor",
          `${line} removes the account's password: anyone can then log in without one`,
        );
      } else if (t.includes("--stdin")) {
        m.add(
          "account_backdoor",
          `${line} sets a password from text the agent chose`,
        );
      }
      return;
  }
}
