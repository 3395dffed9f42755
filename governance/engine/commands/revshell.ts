/**
 * Reverse and bind shells: /dev/tcp redirections wired to shells, netcat
 * with -e/-c, shells piped through network tools, socat exec:, gawk /inet/.
 *
 * @module
 */

import { inlineCode, SHELLS } from "./interpreters.ts";
import type { State, Unit } from "./unit.ts";
import type { Pipe } from "./pipe.ts";

const NETCATS = new Set([
  "nc",
  "ncat",
  "netcat",
  "nc.traditional",
  "nc.openbsd",
  "cryptcat",
  "pwncat",
]);
const NET_TOOLS = new Set([...NETCATS, "telnet", "socat", "openssl"]);

function devTcp(u: Unit): string | null {
  for (const r of u.redirects) {
    if (isDevTcp(r.target.text)) return r.target.text;
  }
  for (const a of u.args) if (isDevTcp(a.text)) return a.text;
  return null;
}

/** `/dev/tcp/…` or `/dev/udp/…` (the pattern is run only on words under /dev/). */
function isDevTcp(t: string): boolean {
  return t.startsWith("/dev/") && /^\/dev\/(tcp|udp)\//.test(t);
}

function isNet(u: Unit): boolean {
  if (u.name === "openssl") {
    return u.args[0]?.text === "s_client" || u.args[0]?.text === "s_server";
  }
  return NET_TOOLS.has(u.name) || devTcp(u) !== null;
}

/** The first two elements of each pipeline that hold a network tool (looked for once per pipeline). */
const netElements = new WeakMap<Pipe["elements"], number[]>();

/** A network tool in another element of the pipeline than the current one, if any. */
function netElsewhere(
  pipe: Pipe,
): Pipe["elements"][number][number] | undefined {
  let found = netElements.get(pipe.elements);
  if (found === undefined) {
    found = [];
    for (let i = 0; i < pipe.elements.length && found.length < 2; i++) {
      if (pipe.elements[i].some((r) => isNet(r.unit))) found.push(i);
    }
    netElements.set(pipe.elements, found);
  }
  const i = found.find((j) => j !== pipe.index);
  return i === undefined
    ? undefined
    : pipe.elements[i].find((r) => isNet(r.unit));
}

/** Every unit: reverse-shell shapes. */
export function analyzeReverseShell(u: Unit, st: State, pipe: Pipe): void {
  const m = st.out.matches;
  // zsh's zsh/net/tcp: `ztcp HOST PORT` opens a connection whose fd lands in $REPLY.
  if (u.name === "ztcp") {
    const pos = u.args.filter((a) => !a.text.startsWith("-"));
    if (pos.length >= 1 && !u.args.some((a) => /^-[lac]/.test(a.text))) {
      m.add(
        "reverse_shell_devtcp",
        `ztcp connects to ${
          pos[0].text.slice(0, 80)
        }: zsh's raw TCP socket, the way a shell is handed to a remote host`,
      );
    }
  }
  const tcp = devTcp(u);
  if (tcp) {
    const dup = u.redirects.some((r) =>
      r.op === ">&" || r.op === "<&" || r.op === "&>" || r.op === "<>"
    );
    if (
      SHELLS.has(u.name) || (u.name === "exec" && dup) || (dup && u.name === "")
    ) {
      m.add(
        "reverse_shell_devtcp",
        `${
          u.name || "a redirection"
        } connects a shell to ${tcp}: a reverse shell that gives a remote host control of this machine`,
      );
    } else if (
      u.name === "exec" ||
      pipe.elements.some((e) => e.some((r) => SHELLS.has(r.unit.name)))
    ) {
      m.add(
        "reverse_shell_devtcp",
        `${u.name} opens ${tcp} and feeds a shell: a reverse shell`,
      );
    } else {
      m.add(
        "raw_network_socket",
        `${u.name || "a redirection"} opens a raw connection to ${tcp}`,
      );
    }
  }
  if (NETCATS.has(u.name)) {
    for (let i = 0; i < u.args.length; i++) {
      const t = u.args[i].text;
      if (
        /^-[a-zA-Z]{0,8}[ec]$/.test(t) ||
        /^--(exec|sh-exec|lua-exec)/.test(t) || /^-[a-zA-Z]{0,8}e\//.test(t)
      ) {
        const prog = t.includes("=")
          ? t.slice(t.indexOf("=") + 1)
          : /^-[a-zA-Z]{0,8}e\//.test(t)
          ? t.slice(t.indexOf("/"))
          : u.args[i + 1]?.text ?? "";
        m.add(
          "reverse_shell_netcat",
          `${u.name} ${t} ${prog} serves a program (${
            prog || "a shell"
          }) over the network: a reverse or bind shell`,
        );
        break;
      }
    }
  }
  if (
    u.name === "socat" &&
    u.args.some((a) => /(^|[,!])(exec|system):/i.test(a.text))
  ) {
    m.add(
      "reverse_shell_socat",
      `socat ${
        u.args.map((a) => a.text).join(" ").slice(0, 160)
      } connects a program to a network socket: a reverse or bind shell`,
    );
  }
  if (
    (u.name === "awk" || u.name === "gawk") &&
    u.args.some((a) => /\/inet6?\/(tcp|udp)\//.test(a.text))
  ) {
    m.add(
      "reverse_shell_script",
      `${u.name} opens a /inet/ network connection (gawk's reverse-shell idiom)`,
    );
  }
  // A shell whose stdin/stdout is a network tool, in either direction.
  if (
    SHELLS.has(u.name) && pipe.elements.length > 1 && !inlineCode(u, "shell")
  ) {
    const net = netElsewhere(pipe);
    if (net) {
      m.add(
        "reverse_shell_netcat",
        `${u.name} is piped to and from ${net.unit.name}: a shell driven from the network (reverse shell)`,
      );
    }
  }
}
