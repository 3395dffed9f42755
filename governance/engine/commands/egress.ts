/**
 * Egress: does a tool call send local data off the machine, or read
 * credentials? Used once a session is tainted (the guard saw injected
 * instructions in a tool output): from then on these calls are refused, even
 * the ones the normal policies allow (an upload to a host, `cat .env`).
 *
 * Judged by class on the walked command (nested shells, substitutions and
 * wrappers included): network senders that carry data (curl -d/-F/-T, wget
 * --post-file, httpie items), raw sockets (nc, socat, /dev/tcp), copies to a
 * remote host (scp, rsync host:, cloud storage uploads), mail, DNS lookups
 * that carry data in the name, git pushes to a new remote, gists and API
 * writes, interpreter code that opens network connections; and reads of
 * credential files, .env files, the environment and token printers.
 *
 * @module
 */

import { parseScript } from "../shell/parse.ts";
import type { CommandContext, ToolCall } from "../types.ts";
import { asRecord, subjectOf } from "../tool_call.ts";
import { stateFor } from "./analyze.ts";
import {
  credentialOf,
  isEnvFile,
  PATH_ONLY_PROGRAMS,
  resolvePath,
} from "./paths.ts";
import type { Arg, State, Unit } from "./unit.ts";
import type { Pipe } from "./pipe.ts";
import { observeWalk } from "./walk.ts";
import { credentialPrinted } from "./token_printers.ts";

/** What kind of egress a call is. */
export type EgressKind = "exfiltration" | "credential_read";

/** One reason a call is egress. */
export interface Egress {
  kind: EgressKind;
  /** What the call does, in words: "curl uploads a file (-T report.txt)". */
  reason: string;
}

/** Programs that look at credential paths without printing their content. */
const PATH_ONLY = new Set([
  ...PATH_ONLY_PROGRAMS,
  "ssh-add",
  "ssh-keygen",
  "git",
]);

const SEARCHERS = new Set(["grep", "egrep", "fgrep", "rg", "ag", "ack"]);
const SOCKETS = new Set([
  "nc",
  "ncat",
  "netcat",
  "socat",
  "telnet",
  "cryptcat",
  "pwncat",
]);
const MAILERS = new Set([
  "mail",
  "mailx",
  "sendmail",
  "mutt",
  "swaks",
  "msmtp",
  "ftp",
  "tftp",
  "lftp",
  "sftp",
]);
const REMOTE_SHELLS = new Set(["ssh", "mosh", "autossh", "dbclient"]);
const COPIERS = new Set(["scp", "rsync"]);
const RESOLVERS = new Set([
  "dig",
  "nslookup",
  "host",
  "drill",
  "ping",
  "ping6",
  "traceroute",
  "resolvectl",
  "getent",
]);
const INTERPRETERS = new Set([
  "python",
  "python2",
  "python3",
  "node",
  "nodejs",
  "deno",
  "bun",
  "ruby",
  "perl",
  "php",
  "lua",
  "pwsh",
  "powershell",
  "osascript",
]);

/** Network APIs in inline interpreter code (literal alternatives only: linear). */
const NET_CODE =
  /requests\.(?:post|put|patch|request|get)|urllib|http\.client|httpx|aiohttp|\bsocket\b|smtplib|ftplib|paramiko|\bfetch\s{0,4}\(|XMLHttpRequest|net\.(?:connect|createConnection|Socket)|https?\.(?:request|get)\b|Net::HTTP|LWP::|IO::Socket|HTTP::Tiny|curl_exec|fsockopen|axios|Deno\.connect|WebSocket|dgram|dns\.(?:resolve|lookup)|Invoke-WebRequest|Invoke-RestMethod|System\.Net|file_get_contents\(\s{0,4}["']https?:|fopen\(\s{0,4}["']https?:/;

const DATA_FLAGS_LONG =
  /^--(?:data(?:-binary|-raw|-urlencode|-ascii)?|form(?:-string)?|upload-file|json|post-data|post-file|body-data|body-file|field|raw-field|input|attach|body)(?:=|$)/;
const SEND_METHOD = /^(?:post|put|patch)$/i;

function isRemoteSpec(t: string): boolean {
  if (/^(?:rsync|scp|sftp|ssh|ftp|s3|gs|az|https?):\/\//i.test(t)) return true;
  if (t.startsWith("/") || t.startsWith(".") || t.startsWith("-")) return false;
  // user@host:path, host:path, host::module (not a drive letter, not a URL).
  return /^[\w.@%+-]{1,255}:{1,2}(?!\/\/)/.test(t) &&
    !/^[A-Za-z]:[\\/]/.test(t);
}

/** A DNS name that carries data: a long label, many labels, or an unknown part. */
function dataInName(a: Arg): boolean {
  if (!a.known || a.subs.length > 0) return true;
  const labels = a.text.split(".");
  return labels.length > 6 || labels.some((l) => l.length >= 25);
}

function shortCluster(t: string, letters: string): boolean {
  if (!/^-[A-Za-z]{1,12}$/.test(t)) return false;
  for (const c of letters) if (t.includes(c)) return true;
  return false;
}

function dataSent(u: Unit): string | undefined {
  const texts = u.args.map((a) => a.text);
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i];
    if (DATA_FLAGS_LONG.test(t)) return t.replace(/=.*$/s, "");
    if ((u.name === "curl" && shortCluster(t, "dFT")) || t === "-d") {
      return t;
    }
    if (
      (t === "-X" || t === "--request" || t === "--method") &&
      SEND_METHOD.test(texts[i + 1] ?? "")
    ) return `${t} ${texts[i + 1]}`;
    if (/^--(?:request|method)=(?:post|put|patch)$/i.test(t)) return t;
  }
  if (
    ["http", "https", "xh", "xhs", "httpie"].includes(u.name) &&
    texts.some((t) =>
      SEND_METHOD.test(t) || /^[\w.-]{1,64}(?::=|==|=|@|:=@|=@)/.test(t) ||
      t.startsWith("@")
    )
  ) return "request items";
  return undefined;
}

function gitEgress(texts: string[]): string | undefined {
  const words = texts.filter((t) => !t.startsWith("-"));
  const [sub, ...rest] = words;
  if (sub === "push") {
    const target = rest[0];
    if (target && (isRemoteSpec(target) || target.includes("/"))) {
      return `git push sends commits to ${target}`;
    }
    if (target && target !== "origin" && target !== "upstream") {
      return `git push sends commits to the remote ${target}`;
    }
    if (texts.some((t) => t.startsWith("--repo"))) {
      return "git push --repo sends commits to another repository";
    }
  }
  if (sub === "remote" && ["add", "set-url"].includes(rest[0] ?? "")) {
    return `git remote ${rest[0]} points the repository at a new remote`;
  }
  if (sub === "send-email") return "git send-email mails patches";
  return undefined;
}

function cloudEgress(name: string, texts: string[]): string | undefined {
  const joined = texts.join(" ");
  const last = texts.filter((t) => !t.startsWith("-")).at(-1) ?? "";
  switch (name) {
    case "aws":
      if (/^s3 (?:cp|mv|sync)\b/.test(joined) && /^s3:\/\//.test(last)) {
        return "aws s3 uploads to a bucket";
      }
      if (/^s3api put-object\b/.test(joined) || /--body\b/.test(joined)) {
        return "aws uploads an object";
      }
      return undefined;
    case "gsutil":
    case "gcloud":
      return /\b(?:cp|mv|rsync)\b/.test(joined) && /^gs:\/\//.test(last)
        ? `${name} uploads to a bucket`
        : undefined;
    case "rclone":
      return /^(?:copy|copyto|sync|move|moveto|rcat)\b/.test(joined) &&
          isRemoteSpec(last)
        ? "rclone copies to a remote"
        : undefined;
    case "s3cmd":
      return /^(?:put|sync|mv|cp)\b/.test(joined)
        ? "s3cmd uploads to a bucket"
        : undefined;
    case "az":
      return /^storage (?:blob|file) upload/.test(joined)
        ? "az uploads to storage"
        : undefined;
    case "azcopy":
      return /^(?:copy|cp|sync)\b/.test(joined) ? "azcopy uploads" : undefined;
    case "gh":
      if (/^gist create\b/.test(joined)) {
        return "gh gist create publishes files";
      }
      if (/^release upload\b/.test(joined)) return "gh release upload";
      if (
        /^api\b/.test(joined) &&
        texts.some((t) =>
          /^-[fF]$|^--(?:field|raw-field|input)\b/.test(t) ||
          /^--method=?(?:post|put|patch)?$/i.test(t) || SEND_METHOD.test(t)
        )
      ) return "gh api sends data";
      if (/^(?:issue|pr) (?:create|comment|edit)\b/.test(joined)) {
        return "gh posts text to GitHub";
      }
      return undefined;
  }
  return undefined;
}

function credentialRead(u: Unit, st: State): string | undefined {
  const home = st.ctx.home;
  const check = (text: string): string | undefined => {
    const p = resolvePath(text, st.cwd, home);
    if (p === null) return undefined;
    const c = credentialOf(p, home, true);
    if (c) return `${u.name || "a redirection"} reads ${c.label}`;
    if (isEnvFile(p)) return `${u.name || "a redirection"} reads ${p}`;
    return undefined;
  };
  for (const r of u.redirects) {
    if ((r.op === "<" || r.op === "<>") && r.target.known) {
      const hit = check(r.target.text);
      if (hit) return hit;
    }
  }
  if (!u.name || PATH_ONLY.has(u.name)) return undefined;
  if (u.name === "printenv" || (u.name === "env" && u.args.length === 0)) {
    return `${u.name} prints every environment variable`;
  }
  const printed = credentialPrinted(u);
  if (printed) {
    return `${u.name} ${
      u.args.map((a) => a.text).join(" ").slice(0, 60)
    } prints ${printed}`;
  }
  // A search tool's first operand is its pattern, not a file.
  let pattern = SEARCHERS.has(u.name) &&
      !u.args.some((a) => /^(?:-[ef]|--regexp|--file)/.test(a.text))
    ? u.args.find((a) => !a.text.startsWith("-"))
    : undefined;
  for (const a of u.args) {
    if (a === pattern) {
      pattern = undefined;
      continue;
    }
    if (!a.known) continue;
    if (/^\/proc\/[^/]{1,16}\/environ$/.test(a.text)) {
      return `${u.name} reads a process environment`;
    }
    for (const alt of a.alts) {
      const t = alt.startsWith("-") && alt.includes("=")
        ? alt.slice(alt.indexOf("=") + 1)
        : alt;
      if (t.startsWith("-")) continue;
      const hit = check(t);
      if (hit) return hit;
    }
  }
  return undefined;
}

function unitEgress(u: Unit, st: State, pipe: Pipe): Egress | undefined {
  const ex = (reason: string): Egress => ({ kind: "exfiltration", reason });
  for (const r of u.redirects) {
    if (/^\/dev\/(?:tcp|udp)\//.test(r.target.text)) {
      return ex(`a redirection opens a network socket (${r.target.text})`);
    }
  }
  const n = u.name;
  const texts = u.args.map((a) => a.text);
  if (n) {
    if (SOCKETS.has(n)) return ex(`${n} opens a network socket`);
    if (n === "openssl" && texts[0] === "s_client") {
      return ex("openssl s_client opens a network connection");
    }
    if (MAILERS.has(n)) return ex(`${n} sends data to another host`);
    if (REMOTE_SHELLS.has(n) && !texts.some((t) => /^-[VGQ]$/.test(t))) {
      return ex(
        `${n} connects to another host${
          pipe.index > 0 ? " with piped-in data" : ""
        }`,
      );
    }
    if (COPIERS.has(n)) {
      const remote = texts.find((t) => !t.startsWith("-") && isRemoteSpec(t));
      if (remote) return ex(`${n} copies files to or from ${remote}`);
    }
    if (["curl", "wget", "http", "https", "xh", "xhs", "httpie"].includes(n)) {
      const how = dataSent(u);
      if (how) return ex(`${n} sends local data (${how})`);
      if (u.args.some((a) => a.subs.length > 0)) {
        return ex(`${n} sends command output in its arguments`);
      }
      if (pipe.index > 0 && texts.some((t) => t === "@-" || t === "-")) {
        return ex(`${n} sends piped-in data`);
      }
    }
    if (RESOLVERS.has(n)) {
      const name = u.args.find((a) => !a.text.startsWith("-") && a.text !== "");
      if (name && dataInName(name)) {
        return ex(`${n} looks up a name that carries data (DNS exfiltration)`);
      }
    }
    if (n === "git") {
      const g = gitEgress(texts);
      if (g) return ex(g);
    }
    const cloud = cloudEgress(n, texts);
    if (cloud) return ex(cloud);
    if (INTERPRETERS.has(n)) {
      const code = texts.find((t) => NET_CODE.test(t));
      if (code) return ex(`${n} runs code that opens a network connection`);
      if (u.stdin !== null && NET_CODE.test(u.stdin)) {
        return ex(`${n} runs code that opens a network connection`);
      }
    }
  }
  const cred = credentialRead(u, st);
  if (cred) return { kind: "credential_read", reason: cred };
  return undefined;
}

/** Every egress in a shell command line (at most 8). Never throws. */
export function commandEgress(
  command: string,
  ctx: CommandContext,
): Egress[] {
  const out: Egress[] = [];
  const st = stateFor(ctx);
  const observe = (u: Unit, s: State, pipe: Pipe) => {
    if (out.length >= 8) return;
    const e = unitEgress(u, s, pipe);
    if (e && !out.some((o) => o.reason === e.reason)) out.push(e);
  };
  const shell = st.out.shell;
  st.out.shell = (src, s) => {
    if (!src) return;
    if (s.depth > 8) return shell(src, s);
    observeWalk(parseScript(src, s.depth), s, observe);
  };
  try {
    observeWalk(parseScript(command, 0), st, observe);
  } catch {
    // best effort: what was found so far counts
  }
  return out;
}

/** Outbound verbs in MCP tool names (send, post, upload, publish...). */
const MCP_OUTBOUND =
  /(?:^|_|-)(?:send|post|upload|publish|push|email|mail|message|comment|create_(?:issue|gist|pull_request|pr|comment)|webhook|tweet|share|put_object|http_request|request)(?:$|_|-)/i;

/** A URL that carries data in its query: a long value or a long query. */
function dataInUrl(url: string): boolean {
  const q = url.indexOf("?");
  if (q < 0) return false;
  const query = url.slice(q + 1);
  return query.length > 96 ||
    query.split("&").some((p) => p.slice(p.indexOf("=") + 1).length >= 40);
}

/**
 * Whether a tool call sends local data off the machine or reads
 * credentials (the first reason found), judged for a tainted session.
 */
export function egressOf(call: ToolCall): Egress | undefined {
  const ctx: CommandContext = {
    cwd: call.cwd ?? call.home ?? "/",
    home: call.home ?? "/",
    profile: call.profile ?? "standard",
  };
  try {
    const s = subjectOf(call);
    switch (s.kind) {
      case "shell":
        return commandEgress(s.command, ctx)[0];
      case "read": {
        const p = resolvePath(s.path, ctx.cwd, ctx.home);
        if (p === null) return undefined;
        const c = credentialOf(p, ctx.home, true);
        if (c) return { kind: "credential_read", reason: `reads ${c.label}` };
        return isEnvFile(p)
          ? { kind: "credential_read", reason: `reads ${p}` }
          : undefined;
      }
      case "fetch":
        return dataInUrl(s.url)
          ? {
            kind: "exfiltration",
            reason: `fetches a URL that carries data in its query (${
              s.url.slice(0, 80)
            })`,
          }
          : undefined;
      case "mcp": {
        if (s.server === "axonflow") return undefined;
        const args = asRecord(s.args);
        const method = typeof args.method === "string" ? args.method : "";
        if (MCP_OUTBOUND.test(s.tool) || SEND_METHOD.test(method)) {
          return {
            kind: "exfiltration",
            reason: `the MCP tool ${s.server}/${s.tool} sends data out`,
          };
        }
        for (const key of ["url", "uri", "endpoint"]) {
          const u = args[key];
          if (typeof u === "string" && dataInUrl(u)) {
            return {
              kind: "exfiltration",
              reason:
                `the MCP tool ${s.server}/${s.tool} fetches a URL that carries data`,
            };
          }
        }
        for (const key of ["command", "cmd", "script"]) {
          const c = args[key];
          if (typeof c === "string") {
            const e = commandEgress(c, ctx)[0];
            if (e) return e;
          }
        }
        for (const key of ["path", "file_path", "filename", "file"]) {
          const p = args[key];
          if (typeof p === "string") {
            const r = egressOf({
              ...call,
              toolName: "Read",
              input: { file_path: p },
            });
            if (r) return r;
          }
        }
        return undefined;
      }
      default:
        return undefined;
    }
  } catch {
    return undefined;
  }
}
