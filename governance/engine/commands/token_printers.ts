/**
 * Command-line tools whose subcommand exists to print a stored credential:
 * a CLI's own login token (`gh auth token`, `heroku auth:token`), a cloud
 * access token (`gcloud auth print-access-token`, `az account
 * get-access-token`), a credential helper's answer (`git credential fill`,
 * `docker-credential-* get`), a secret store's value (`op read`, `vault kv
 * get`, `pass show`) or a kubeconfig with its keys (`kubectl config view
 * --raw`). One table, used both where the output reaches the transcript
 * (secret_env.ts) and where it is sent off the machine (egress.ts).
 *
 * @module
 */

import type { Unit } from "./unit.ts";

/** One credential printer: the program names, and a test on its words. */
interface Printer {
  names: readonly string[];
  /** `sub`: the words that are not options, in order; `opts`: the options; `all`: every word. */
  test: (
    sub: readonly string[],
    opts: readonly string[],
    all: readonly string[],
  ) => boolean;
  what: string;
  /** A cloud account's credential (judged as cloud_credentials_read). */
  cloud?: boolean;
}

const has = (opts: readonly string[], re: RegExp): boolean =>
  opts.some((o) => re.test(o));

const starts = (sub: readonly string[], ...words: string[]): boolean =>
  words.every((w, i) => sub[i] === w);

/** Output formats that print a Kubernetes secret's data (not only its name). */
const KUBE_DATA_FORMAT = /^(?:json|yaml|jsonpath|go-template|template)\b/;

/** The value of `-o`/`--output` among the words (`-o json`, `-ojson`, `--output=yaml`). */
function outputFormat(words: readonly string[]): string | undefined {
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === "-o" || w === "--output") return words[i + 1];
    if (w.startsWith("--output=")) return w.slice(9);
    if (/^-o./.test(w)) return w.slice(w[2] === "=" ? 3 : 2);
  }
  return undefined;
}

const PRINTERS: readonly Printer[] = [
  {
    names: ["gh", "glab"],
    test: (s, o) =>
      starts(s, "auth", "token") ||
      starts(s, "auth", "status") && has(o, /^(?:-t|--show-token)$/),
    what: "the login token",
  },
  {
    names: ["gcloud"],
    test: (s) =>
      s[0] === "auth" &&
        /^print-(?:access|identity|refresh)-token$/.test(
          s[1] === "application-default" ? s[2] ?? "" : s[1] ?? "",
        ) ||
      starts(s, "config", "config-helper"),
    what: "a Google Cloud token",
    cloud: true,
  },
  {
    names: ["az"],
    test: (s, o) =>
      starts(s, "account", "get-access-token") ||
      starts(s, "acr", "login") && has(o, /^--expose-token$/),
    what: "an Azure access token",
    cloud: true,
  },
  {
    names: ["aws"],
    test: (s) =>
      starts(s, "configure", "get") &&
        /(?:^|\.)aws_(?:secret_access_key|session_token)$/.test(s[2] ?? "") ||
      starts(s, "configure", "export-credentials") ||
      s[0] === "sts" &&
        /^(?:get-session-token|get-federation-token|assume-role)$/.test(
          s[1] ?? "",
        ) ||
      /^ecr(?:-public)?$/.test(s[0] ?? "") && s[1] === "get-login-password" ||
      starts(s, "codeartifact", "get-authorization-token"),
    what: "AWS credentials",
    cloud: true,
  },
  {
    // Cloud secret managers printing a secret's value.
    names: ["aws"],
    test: (s, o) =>
      starts(s, "secretsmanager", "get-secret-value") ||
      starts(s, "secretsmanager", "batch-get-secret-value") ||
      s[0] === "ssm" && /^get-parameters?(?:-by-path)?$/.test(s[1] ?? "") &&
        has(o, /^--with-decryption$/),
    what: "a secret from AWS Secrets Manager or Parameter Store",
    cloud: true,
  },
  {
    names: ["gcloud"],
    test: (s) => starts(s, "secrets", "versions", "access"),
    what: "a Google Secret Manager secret",
    cloud: true,
  },
  {
    names: ["az"],
    test: (s) =>
      s[0] === "keyvault" &&
      /^(?:secret|key|certificate)$/.test(s[1] ?? "") &&
      /^(?:show|download|backup)$/.test(s[2] ?? ""),
    what: "an Azure Key Vault secret",
    cloud: true,
  },
  {
    names: ["kubectl", "oc"],
    test: (s, o, all) =>
      starts(s, "config", "view") && has(o, /^--(?:raw|flatten)(?:=true)?$/) ||
      s[0] === "get" && /^secrets?(?:\/|$)/.test(s[1] ?? "") &&
        KUBE_DATA_FORMAT.test(outputFormat(all) ?? "") ||
      starts(s, "create", "token") ||
      starts(s, "whoami") && has(o, /^(?:-t|--show-token)$/),
    what: "cluster credentials",
    cloud: true,
  },
  {
    names: ["vault"],
    test: (s) =>
      starts(s, "print", "token") || s[0] === "read" ||
      starts(s, "kv", "get") || starts(s, "token", "create"),
    what: "a Vault token or secret",
  },
  {
    names: ["op"],
    test: (s, o) =>
      s[0] === "read" ||
      starts(s, "item", "get") && has(o, /^--(?:reveal|fields|otp)\b/),
    what: "a 1Password secret",
  },
  {
    names: ["bw"],
    test: (s) =>
      s[0] === "get" && /^(?:password|totp|item|notes)$/.test(s[1] ?? "") ||
      // Whole items (logins with their passwords) or the vault itself.
      starts(s, "list", "items") || s[0] === "export",
    what: "a Bitwarden secret",
  },
  {
    names: ["lpass"],
    test: (s, o) => s[0] === "show" && has(o, /^--(?:password|field)\b/),
    what: "a LastPass secret",
  },
  {
    names: ["pass", "gopass"],
    test: (s) =>
      s.length > 0 &&
      !/^(?:ls|list|find|search|grep|insert|add|generate|edit|rm|remove|delete|mv|move|cp|copy|git|init|help|version|otp-insert|sync|setup|config|mounts|recipients|templates|fsck|audit)$/
        .test(s[0]),
    what: "a password store entry",
  },
  {
    names: ["security"],
    test: (s, o) =>
      /^find-(?:generic|internet)-password$/.test(s[0] ?? "") &&
        has(o, /^-[a-zA-Z]*[wg]/) ||
      s[0] === "dump-keychain" && has(o, /^-[a-zA-Z]*d/),
    what: "a macOS keychain password",
  },
  {
    names: ["secret-tool"],
    test: (s) => s[0] === "lookup",
    what: "a keyring secret",
  },
  {
    names: ["keyring"],
    test: (s) => s[0] === "get",
    what: "a keyring secret",
  },
  {
    names: ["heroku"],
    test: (s) => s[0] === "auth:token",
    what: "the Heroku login token",
  },
  {
    names: ["fly", "flyctl"],
    test: (s) => starts(s, "auth", "token") || starts(s, "tokens", "create"),
    what: "the Fly.io token",
  },
  {
    names: ["cf"],
    test: (s) => s[0] === "oauth-token",
    what: "the Cloud Foundry token",
  },
  {
    names: ["doppler"],
    test: (s, o) =>
      s[0] === "secrets" &&
      (s.length === 1 || s[1] === "get" || s[1] === "download") &&
      !has(o, /^--only-names$/),
    what: "Doppler secrets",
  },
  {
    names: ["npm", "pnpm", "yarn"],
    test: (s) =>
      starts(s, "config", "get") &&
        /_auth(?:Token)?$|_password$|npmAuthToken$/.test(s[2] ?? "") ||
      starts(s, "token", "create"),
    what: "the registry token",
  },
  {
    names: ["git"],
    test: (s) =>
      starts(s, "credential", "fill") ||
      /^credential-./.test(s[0] ?? "") && s[1] === "get",
    what: "a stored git password",
  },
  {
    names: ["aws-vault"],
    test: (s) => s[0] === "export",
    what: "AWS credentials",
    cloud: true,
  },
];

const HELPER: Printer = {
  names: [],
  test: () => true,
  what: "a stored registry or git password",
};

let byName: Map<string, Printer[]> | null = null;

function printersOf(name: string): Printer[] | undefined {
  if (byName === null) {
    byName = new Map();
    for (const p of PRINTERS) {
      for (const n of p.names) byName.set(n, [...byName.get(n) ?? [], p]);
    }
  }
  return byName.get(name);
}

/**
 * What credential the unit prints (`gh auth token` → "the login token"), or
 * undefined when it is not a credential printer. Helpers run as their own
 * program (`git-credential-store get`, `docker-credential-desktop get`)
 * count too.
 */
export function credentialPrinted(u: Unit): string | undefined {
  return printerOf(u)?.what;
}

/** The policy a printed credential falls under: cloud accounts' or other stored secrets'. */
export function printerPolicy(u: Unit): string {
  return printerOf(u)?.cloud ? "cloud_credentials_read" : "secrets_file_read";
}

function printerOf(u: Unit): Printer | undefined {
  const helper = (u.name.startsWith("docker-credential-") ||
    u.name.startsWith("git-credential-")) &&
    /^(?:docker-credential-|git-credential-)./.test(u.name);
  const list = printersOf(u.name);
  // Asked for every unit: most name no printer, and their words are not listed.
  if (!helper && !list) return undefined;
  const words = u.args.map((a) => a.text);
  if (helper && words.includes("get")) return HELPER;
  if (!list) return undefined;
  const sub = words.filter((w) => !w.startsWith("-"));
  const opts = words.filter((w) => w.startsWith("-"));
  for (const p of list) if (p.test(sub, opts, words)) return p;
  return undefined;
}
