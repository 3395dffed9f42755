/**
 * Credentials: reading private keys, cloud credentials and secrets files;
 * sending the environment, .env files or credentials off the machine;
 * dumping the OS keychain.
 *
 * @module
 */

import { commandsIn } from "./ast_scan.ts";
import { credentialOf, isEnvFile, resolvePath } from "./paths.ts";
import type { Arg, State, Unit } from "./unit.ts";
import type { Pipe } from "./walk.ts";

/** Programs that use credentials without printing them (ssh -i key, kubectl...) or only look at paths. */
const KEY_USERS = new Set([
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
  "ls",
  "stat",
  "test",
  "[",
  "[[",
  "file",
  "chmod",
  "chown",
  "chgrp",
  "touch",
  "mkdir",
  "rm",
  "rmdir",
  "shred",
  "mv",
  "cd",
  "pushd",
  "basename",
  "dirname",
  "realpath",
  "readlink",
  "which",
  "type",
  "echo",
  "printf",
  "du",
  "ansible",
  "ansible-playbook",
  "mosh",
  "autossh",
  "export",
  "man",
  "find",
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

/** Programs that read a file and print it (so piping them on sends the file). */
const READERS = new Set([
  "cat",
  "base64",
  "xxd",
  "od",
  "hexdump",
  "head",
  "tail",
  "gzip",
  "bzip2",
  "xz",
  "zstd",
  "tar",
  "zip",
  "strings",
  "less",
  "more",
  "openssl",
  "gpg",
  "sed",
  "awk",
  "cut",
  "sort",
  "tac",
  "nl",
  "bat",
  "batcat",
  "jq",
  "yq",
  "python",
  "python3",
  "perl",
  "ruby",
  "node",
]);

const SAFE_KEY =
  "keep private keys and credentials on this machine; use ssh-agent forwarding or the tool's own login instead";

function isDumper(name: string, args: string[]): boolean {
  switch (name) {
    case "printenv":
      return true;
    case "env":
      return args.every((a) => a.startsWith("-"));
    case "set":
      return args.length === 0;
    case "export":
    case "declare":
    case "typeset":
      return args.length === 0 || args.every((a) => /^-[px]{1,2}$/.test(a));
    case "compgen":
      return args.includes("-e") || args.includes("-v");
    case "cat":
    case "strings":
    case "xargs":
      return args.some((a) =>
        /^\/proc\/(self|\d{1,7}|\$\$|\$\w{1,16})\/environ$/.test(a)
      );
  }
  return false;
}

/** Every unit except key users: arguments and input redirections naming credential files. */
export function analyzeCredentialReads(u: Unit, st: State): void {
  const m = st.out.matches;
  for (const r of u.redirects) {
    if ((r.op === "<" || r.op === "<>") && r.target.known) {
      const p = resolvePath(r.target.text, st.cwd, st.ctx.home);
      const c = p ? credentialOf(p, st.ctx.home, false) : null;
      if (c) {
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
  if (!u.name || KEY_USERS.has(u.name) || SINKS.has(u.name)) return;
  for (const a of u.args) {
    if (!a.known) continue;
    for (const cand of candidates(a)) {
      const p = resolvePath(cand, st.cwd, st.ctx.home);
      if (p === null) continue;
      let c = credentialOf(p, st.ctx.home, true);
      if (!c && a.glob) {
        const dir = p.slice(0, p.lastIndexOf("/"));
        if (!/\.pub$/.test(p)) c = credentialOf(dir, st.ctx.home, true);
      }
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
  } else if (tracked === "cred") {
    m.add(
      "credential_exfiltration",
      `${how} sends ${p}, a copy of credentials, to another machine`,
      SAFE_KEY,
    );
  } else if (isEnvFile(p)) {
    m.add(
      "env_file_exfiltration",
      `${how} sends the secrets file ${p} to another machine`,
      "share only .env.example with placeholder values",
    );
  } else {
    const c = credentialOf(p, st.ctx.home, true);
    if (c) {
      m.add(
        "credential_exfiltration",
        `${how} sends ${c.label} to another machine`,
        SAFE_KEY,
      );
    }
  }
}

/** Network senders: uploaded files, piped-in dumps, substitutions that read secrets. */
export function analyzeSinks(u: Unit, st: State, pipe: Pipe): void {
  if (!SINKS.has(u.name)) return;
  const m = st.out.matches;
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
        } else if (READERS.has(c.name)) {
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
      if (isDumper(p.name, texts)) {
        m.add(
          "env_exfiltration",
          `${p.name} | ${u.name} sends every environment variable (secrets included) to another machine`,
          "never send environment variables off the machine",
        );
      } else if (READERS.has(p.name)) {
        for (const a of p.args) {
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
  const texts = u.args.map((a) => a.text);
  const dumper = isDumper(u.name, texts);
  const reader = READERS.has(u.name);
  for (const r of u.redirects) {
    if (!/^>|^&>/.test(r.op) || !r.target.known) continue;
    const t = r.target.text;
    if (/^\/dev\/(tcp|udp)\//.test(t)) {
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
    if (dumper) st.out.sensitive.set(p, "env");
    else if (reader && u.args.some((a) => a.known && isEnvFile(a.text))) {
      st.out.sensitive.set(p, "env");
    }
  }
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
  } else if (u.name === "secret-tool" && t[0] === "lookup") {
    st.out.matches.add(
      "keychain_dump",
      "secret-tool lookup prints a password from the desktop keyring",
    );
  }
}
