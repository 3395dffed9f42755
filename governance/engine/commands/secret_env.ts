/**
 * Secrets that are not files: secret environment variables printed into the
 * transcript or sent to a host that is not their own service, and commands
 * whose job is to print a credential (`gh auth token`, `aws configure get
 * aws_secret_access_key`, `gpg --export-secret-keys`).
 *
 * @module
 */

import { commandsIn } from "./ast_scan.ts";
import type { Arg, State, Unit } from "./unit.ts";
import type { Pipe } from "./pipe.ts";
import { hostOf } from "./url.ts";
import { credentialPrinted, printerPolicy } from "./token_printers.ts";

const SECRET_WORDS = new Set([
  "SECRET",
  "TOKEN",
  "PASSWORD",
  "PASSWD",
  "APIKEY",
  "CREDENTIAL",
  "CREDENTIALS",
  "PRIVATE",
  "PAT",
]);

/** Suffixes that name something about a secret, not the secret itself. */
const NOT_VALUE = new Set([
  "ID",
  "DIR",
  "FILE",
  "PATH",
  "URL",
  "HOST",
  "NAME",
  "USER",
  "TYPE",
  "EXPIRY",
  "EXPIRES",
  "REGION",
  "HELPER",
  "STORE",
  "SOCK",
  "LENGTH",
  "LIMIT",
  "COUNT",
  "SIZE",
  "TTL",
  "TIMEOUT",
  "LEN",
  "ENABLED",
  "DISABLED",
  "REQUIRED",
  "MODE",
  "VERSION",
]);

/** Words that make a name a setting about secrets (MAX_TOKENS, NUM_TOKENS), not a secret. */
const SETTING_WORDS = new Set(["MAX", "MIN", "NUM", "COUNT", "LIMIT"]);

/** Whether an environment variable name holds a secret value (`GITHUB_TOKEN`, `AWS_SECRET_ACCESS_KEY`). */
export function isSecretVar(name: string): boolean {
  if (name.length > 64) return false;
  const up = name.toUpperCase();
  const parts = up.split("_").filter(Boolean);
  if (parts.length === 0 || NOT_VALUE.has(parts[parts.length - 1])) {
    return false;
  }
  if (parts.some((p) => SETTING_WORDS.has(p))) return false;
  if (/API_?KEY|ACCESS_KEY|AUTH_?KEY|SIGNING_KEY|SESSION_KEY|_DSN$/.test(up)) {
    return !up.endsWith("_ID");
  }
  return parts.some((p) => SECRET_WORDS.has(p));
}

/** The service a secret variable belongs to, by its prefix, and that service's hosts. */
const SERVICES: readonly [RegExp, RegExp][] = [
  [/^(GITHUB|GH)_/, /(^|\.)(github\.com|githubusercontent\.com|ghcr\.io)$/],
  [/^GITLAB_/, /gitlab/],
  [/^OPENAI_/, /(^|\.)openai\.com$|(^|\.)openai\.azure\.com$/],
  [/^ANTHROPIC_/, /(^|\.)anthropic\.com$/],
  [/^(NPM|NODE_AUTH)_/, /(^|\.)npmjs\.(org|com)$/],
  [/^(HF|HUGGING_?FACE)_/, /(^|\.)huggingface\.co$/],
  [/^SLACK_/, /(^|\.)slack\.com$/],
  [/^STRIPE_/, /(^|\.)stripe\.com$/],
  [/^(CLOUDFLARE|CF)_/, /(^|\.)cloudflare\.com$/],
  [/^(DIGITALOCEAN|DO)_/, /(^|\.)digitalocean\.com$/],
  [/^HEROKU_/, /(^|\.)heroku\.com$/],
  [/^DOCKER(HUB)?_/, /(^|\.)docker\.(io|com)$/],
  [/^SENTRY_/, /(^|\.)sentry\.io$/],
  [/^(AWS|AMAZON)_/, /(^|\.)amazonaws\.com$/],
  [/^(GOOGLE|GCP|GCLOUD)_/, /(^|\.)(googleapis\.com|google\.com)$/],
  [/^(AZURE|ARM)_/, /(^|\.)(azure\.com|windows\.net|microsoft\.com)$/],
  [/^VERCEL_/, /(^|\.)vercel\.com$/],
  [/^NETLIFY_/, /(^|\.)netlify\.com$/],
  [/^TWILIO_/, /(^|\.)twilio\.com$/],
  [/^SENDGRID_/, /(^|\.)sendgrid\.com$/],
  [/^DATADOG_|^DD_/, /(^|\.)datadoghq\.(com|eu)$/],
  [/^PYPI_|^TWINE_/, /(^|\.)pypi\.org$/],
];

/** Variables that are never sent anywhere as they are (AWS signs requests with them). */
const NEVER_SENT = /^AWS_(SECRET_ACCESS_KEY|SESSION_TOKEN)$/;

const VAR_RE = /\$\{?([A-Za-z_][A-Za-z0-9_]{0,63})/g;

/** Secret variable names referenced (still unexpanded) in a text. */
export function secretVarsIn(text: string): string[] {
  const out: string[] = [];
  if (text.indexOf("$") < 0 || text.length > 65536) return out;
  VAR_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = VAR_RE.exec(text)) && out.length < 16) {
    if (isSecretVar(m[1])) out.push(m[1]);
  }
  return out;
}

/** Whether a host name is this machine or a local network name. */
export function isLocalHost(host: string): boolean {
  return /^(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[?::1\]?|0\.0\.0\.0|[\w-]{1,63}\.(local|localhost|test|internal))$/
    .test(host);
}

/**
 * The secret variable among `names` that sending to `host` gives away: any,
 * when there is no service at the other end (`host` null: a raw socket or a
 * DNS name); else one that belongs to another service, or one never sent as
 * it is. None for a local host.
 */
export function exfiltratedSecret(
  names: readonly string[],
  host: string | null,
): string | undefined {
  if (host !== null && isLocalHost(host)) return undefined;
  for (const name of names) {
    const up = name.toUpperCase();
    if (host === null || NEVER_SENT.test(up)) return name;
    const service = SERVICES.find(([re]) => re.test(up));
    if (service && !service[1].test(host)) return name;
  }
  return undefined;
}

/** Secret variables a command prints: `printenv NAME`, `echo "$NAME"`, `printf %s "$NAME"`. */
export function secretVarsPrinted(
  name: string,
  args: readonly string[],
): string[] {
  if (name === "printenv") return args.filter(isSecretVar);
  if (name === "echo" || name === "printf") {
    return args.flatMap((a) => secretVarsIn(a));
  }
  return [];
}

/** The host of the first URL (or host/path word) among a fetcher's arguments. */
export function urlHost(args: readonly Arg[]): string | null {
  for (const a of args) {
    if (
      /^[a-z][a-z0-9+.-]{0,15}:\/\//i.test(a.text) ||
      /^[\w.-]{1,255}\.[a-z]{2,24}(\/|$)/i.test(a.text)
    ) {
      const host = hostOf(/:\/\//.test(a.text) ? a.text : "http://" + a.text);
      if (host) return host;
    }
  }
  return null;
}

/** Whether the unit's standard output reaches the transcript (not piped on, not redirected, not captured). */
function printsToTranscript(
  u: Unit,
  st: State,
  pipe: Pipe | undefined,
): boolean {
  if (st.depth > 0) return false;
  if (pipe && pipe.index < pipe.elements.length - 1) return false;
  return !u.redirects.some((r) =>
    (r.fd === null || r.fd === 1) && /^(>|>>|&>|&>>|>\|)$/.test(r.op) ||
    r.op === ">&" && r.fd === 1
  );
}

const FETCH_SENDERS = new Set([
  "curl",
  "wget",
  "http",
  "https",
  "xh",
  "curlie",
  "wget2",
]);

/** Secret variables printed to the transcript or sent to another service's host. */
export function analyzeSecretEnv(u: Unit, st: State, pipe?: Pipe): void {
  const m = st.out.matches;
  if (u.name === "printenv" || u.name === "echo" || u.name === "printf") {
    const names = u.name === "printenv"
      ? u.args.map((a) => a.text).filter(isSecretVar)
      : u.args.flatMap((a) => secretVarsIn(a.text));
    if (names.length === 0) return;
    if (printsToTranscript(u, st, pipe)) {
      m.add(
        "secret_env_read",
        `${u.name} prints the secret environment variable ${
          names[0]
        } into the session transcript`,
        "use the variable where it is needed (for example in the tool's own login) without printing it",
      );
    }
    return;
  }
  if (!FETCH_SENDERS.has(u.name)) return;
  const host = urlHost(u.args);
  if (host === null) return;
  const name = exfiltratedSecret(
    u.args.flatMap((a) => [
      ...secretVarsIn(a.text),
      // `?d=$(echo $AWS_SECRET_ACCESS_KEY)`: what a substitution prints is sent too
      ...a.subs.flatMap((sub) =>
        commandsIn(sub).flatMap((c) =>
          /^(?:echo|printf|printenv|cat)$/.test(c.name)
            ? c.args.flatMap((x) =>
              c.name === "printenv"
                ? (isSecretVar(x) ? [x] : [])
                : secretVarsIn(x)
            )
            : []
        )
      ),
    ]),
    host,
  );
  if (name) {
    m.add(
      "credential_exfiltration",
      `${u.name} sends the secret ${name} to ${host}, which is not the service it belongs to`,
      "send a credential only to its own service, and let the tool's login handle it",
    );
  }
}

/** Programs that pass on what they read, changed but still readable (decoders, selectors, pagers). */
const FILTERS = new Set([
  "base64",
  "base32",
  "basenc",
  "jq",
  "yq",
  "gojq",
  "jaq",
  "cut",
  "tr",
  "head",
  "tail",
  "sed",
  "awk",
  "gawk",
  "mawk",
  "grep",
  "egrep",
  "rg",
  "cat",
  "tee",
  "sort",
  "uniq",
  "xxd",
  "od",
  "hexdump",
  "fold",
  "column",
  "less",
  "more",
  "strings",
  "rev",
  "xargs",
]);

/** Whether what the unit prints ends up in the transcript: printed, or passed through filters only (`… | base64 -d`). */
function reachesTranscript(u: Unit, st: State, pipe?: Pipe): boolean {
  if (!pipe || pipe.index >= pipe.elements.length - 1) {
    return printsToTranscript(u, st, pipe);
  }
  if (!printsToTranscript(u, st, undefined)) return false;
  for (let i = pipe.index + 1; i < pipe.elements.length; i++) {
    const units = pipe.elements[i];
    if (units.length !== 1 || !FILTERS.has(units[0].unit.name)) return false;
    if (!printsToTranscript(units[0].unit, st, undefined)) return false;
  }
  return true;
}

/** Commands whose purpose is to print a credential. */
export function analyzeCredentialPrinters(
  u: Unit,
  st: State,
  pipe?: Pipe,
): void {
  const m = st.out.matches;
  const what = credentialPrinted(u);
  // Only printers and gpg read the words.
  if (!what && u.name !== "gpg" && u.name !== "gpg2") return;
  const t = u.args.map((a) => a.text);
  if (what && reachesTranscript(u, st, pipe)) {
    m.add(
      printerPolicy(u),
      `${u.name} ${
        t.slice(0, 4).join(" ")
      } prints ${what} into the session transcript`,
      "let the tool use its credential itself, or pipe it straight into the command that needs it (docker login --password-stdin)",
    );
    return;
  }
  switch (u.name) {
    case "gpg":
    case "gpg2": {
      const opt = t.find((x) =>
        /^--export-secret-(sub)?keys$|^--export-secret-keys=|^--export-ssh-key$/
          .test(x) && x !== "--export-ssh-key"
      );
      if (opt) {
        m.add(
          "secrets_file_read",
          `gpg ${opt} exports your GnuPG private keys`,
          "export the public key (gpg --export --armor) instead",
        );
      }
      return;
    }
  }
}
