/**
 * Pure path reasoning: resolving a path against the workspace and home, and
 * classifying it (root, home, system folder, temp, workspace, credential
 * file, guard file, log, history...). No filesystem access.
 *
 * @module
 */

import type { StartupEnv } from "../types.ts";
import { globMatches } from "./glob.ts";

/** Joins and normalises a path; relative paths need `cwd` (null when unknown → null). */
export function resolvePath(
  path: string,
  cwd: string | null,
  home: string,
): string | null {
  let p = path.includes("\\") ? path.replace(/\\/g, "/") : path;
  if (/^[A-Za-z]:(\/|$)/.test(p)) p = "/" + p[0].toLowerCase() + p.slice(2);
  if (p === "~" || p.startsWith("~/")) p = home + p.slice(1);
  if (!p.startsWith("/")) {
    if (cwd === null) return null;
    p = cwd + "/" + p;
  }
  return normalizeAbs(p);
}

/**
 * A path a file tool was given, with a leading `$HOME` / `${HOME}` spelled
 * out (some MCP file servers expand it; judging it as the home is the safe
 * reading). Other text is returned as it is.
 */
export function toolPath(path: string, home: string): string {
  return path.replace(/^\$(?:\{HOME\}|HOME)(?=\/|$)/, home);
}

/** What {@link normalizeAbs} changes in a path that starts with `/`: `//`, a `.` or `..` segment, a trailing `/`. */
const NOT_NORMAL = /\/\/|\/\.\.?(?:\/|$)|\/$/;

/** Collapses `//`, `.` and `..` in an absolute path; never climbs above `/`. */
export function normalizeAbs(p: string): string {
  // Most paths are already normal: nothing to split (no `//`, no segment
  // starting with a dot, no trailing `/` is decided without the pattern).
  if (p.startsWith("/")) {
    if (p.indexOf("//") < 0 && p.indexOf("/.") < 0 && !p.endsWith("/")) {
      return p;
    }
    if (!NOT_NORMAL.test(p)) return p;
  }
  const out: string[] = [];
  for (const seg of p.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") out.pop();
    else out.push(seg);
  }
  return "/" + out.join("/");
}

/** Whether `p` equals `dir` or lies under it (both normalised). */
export function isUnder(p: string, dir: string): boolean {
  if (dir === "/") return true;
  // `p.startsWith(dir + "/")` without building the string (called for
  // every path against every protected folder).
  return p === dir ||
    (p.length > dir.length && p.charCodeAt(dir.length) === 47 &&
      p.startsWith(dir));
}

/** `p.startsWith(dir + "/")`, without building the string. */
function startsWithDir(p: string, dir: string): boolean {
  return p.length > dir.length && p.charCodeAt(dir.length) === 47 &&
    p.startsWith(dir);
}

function parentOf(p: string): string {
  const i = p.lastIndexOf("/");
  return i <= 0 ? "/" : p.slice(0, i);
}

/** Top-level system folders: deleting any of them (or all of one's contents) is catastrophic. */
const SYSTEM_TOP = new Set([
  "/etc",
  "/usr",
  "/bin",
  "/sbin",
  "/lib",
  "/lib32",
  "/lib64",
  "/libx32",
  "/boot",
  "/var",
  "/opt",
  "/root",
  "/sys",
  "/proc",
  "/dev",
  "/home",
  "/srv",
  "/snap",
  "/run",
  "/mnt",
  "/media",
  "/nix",
  "/System",
  "/Library",
  "/Applications",
  "/Users",
  "/Volumes",
  "/private",
  "/c",
  "/mnt/c",
  "/c/windows",
  "/c/users",
  "/c/program files",
  "/c/program files (x86)",
]);

/** Folders whose direct children are themselves vital (/usr/bin, /etc/ssl, /var/lib...). */
const SYSTEM_CORE = new Set([
  "/etc",
  "/usr",
  "/bin",
  "/sbin",
  "/lib",
  "/lib32",
  "/lib64",
  "/libx32",
  "/boot",
  "/var",
  "/sys",
  "/proc",
  "/dev",
  "/System",
  "/private",
  "/private/var",
  "/nix",
  "/c/windows",
]);

const TEMP_DIRS = [
  "/tmp",
  "/var/tmp",
  "/private/tmp",
  "/private/var/folders",
  "/dev/shm",
];

/** Whether `p` is inside a temporary folder (not the folder itself). */
export function isTemp(p: string): boolean {
  for (const d of TEMP_DIRS) if (startsWithDir(p, d)) return true;
  return false;
}

/** Whether `p` is a temporary folder itself. */
export function isTempRoot(p: string): boolean {
  return TEMP_DIRS.includes(p);
}

/** Whether `p` is a home folder (yours, /home, /Users, or another user's). */
export function isHome(p: string, home: string): boolean {
  if (p === home || p === "/home" || p === "/Users" || p === "/root") {
    return true;
  }
  const parent = parentOf(p);
  return parent === "/home" || parent === "/Users";
}

/**
 * Folders directly in a home that only hold re-creatable tool caches and
 * installs: deleting them costs a download, not the user's data. `.cargo`
 * is not one of them (it also keeps registry tokens and installed tools);
 * its `registry` cache is deeper and keeps the ordinary verdict anyway.
 */
const HOME_REBUILDABLE = new Set([
  ".cache",
  ".npm",
  ".yarn",
  ".pnpm-store",
  ".node-gyp",
  ".gradle",
  ".m2",
  ".ivy2",
  ".sbt",
  ".rustup",
  ".bun",
  ".deno",
  ".nvm",
  ".pyenv",
  ".rbenv",
  ".cpan",
  ".composer",
  ".npm-global",
  "node_modules",
]);

/** Where a path sits inside some home folder. */
export interface HomeSpot {
  /** The home folder (yours, /home/x, /Users/x or /root). */
  home: string;
  /** The path below the home, without a leading slash. */
  rel: string;
  /** The first segment of `rel` (the top-level folder of the home). */
  top: string;
  /** Whether the home is the user's own (ctx.home). */
  own: boolean;
}

/** The home `p` lies strictly inside, or null. */
export function homeSpotOf(p: string, home: string): HomeSpot | null {
  let h: string | null = null;
  if (home !== "/" && startsWithDir(p, home)) h = home;
  else {
    const m = /^\/(?:home|Users)\/[^/]{1,255}(?=\/)|^\/root(?=\/)/.exec(p);
    if (m) h = m[0];
  }
  if (h === null) return null;
  const rel = p.slice(h.length + 1);
  if (rel === "") return null;
  const slash = rel.indexOf("/");
  return {
    home: h,
    rel,
    top: slash < 0 ? rel : rel.slice(0, slash),
    own: h === home,
  };
}

/** What recursively deleting a path inside a home destroys, if it is precious. */
export type HomeLoss = "keys" | "top";

/**
 * `keys` for anything in a `.ssh` / `.gnupg` folder of a home (private keys
 * cannot be re-created); `top` for a top-level folder of a home (Documents,
 * projects, .config...) unless it is a re-creatable cache; else null.
 */
export function homeLossOf(
  p: string,
  home: string,
  namedOnly = false,
): HomeLoss | null {
  const s = homeSpotOf(p, home);
  if (!s) return null;
  if (s.top === ".ssh" || s.top === ".gnupg") return "keys";
  if (s.rel !== s.top || HOME_REBUILDABLE.has(s.top)) return null;
  if (namedOnly && !PERSONAL.has(s.top)) return null;
  return "top";
}

/**
 * Top-level home folders that are personal by name. When the workspace is
 * the home itself, only these count: every other folder there may be a
 * project the agent was asked to work on (`rm -rf ./old-app` from ~).
 */
const PERSONAL = new Set([
  "Documents",
  "Desktop",
  "Downloads",
  "Pictures",
  "Music",
  "Movies",
  "Videos",
  "Public",
  "Templates",
  "Library",
  "Applications",
  "Dropbox",
  "OneDrive",
  "Google Drive",
  "Nextcloud",
  "Sync",
  ".config",
  ".local",
  ".aws",
  ".azure",
  ".kube",
  ".docker",
  ".mozilla",
  ".thunderbird",
  ".password-store",
  ".vscode",
  ".codex",
  ".claude",
]);

/** Name words that mark a folder as a scratch copy of a project. */
const COPY_WORDS = new Set([
  "worktree",
  "worktrees",
  "wt",
  "tmp",
  "temp",
  "scratch",
  "clone",
  "copy",
  "checkout",
]);

/**
 * Whether `p` is a sibling of the workspace `cwd` (same parent folder, not
 * the workspace itself) named as a copy of it: its name starts or ends with
 * the workspace's name joined by `-`, `_` or `.` (`../app-old`,
 * `../old.app`), or has a word such as `worktree`, `copy` or `tmp` among
 * others (`../tmp-worktree`). Personal folders by name never count, so
 * `rm -rf ../Documents` stays a home deletion.
 */
export function isWorkspaceCopy(p: string, cwd: string | null): boolean {
  if (cwd === null || cwd === "/") return false;
  const cut = cwd.lastIndexOf("/");
  const slash = p.lastIndexOf("/");
  if (cut <= 0 || slash !== cut || p.slice(0, slash) !== cwd.slice(0, cut)) {
    return false;
  }
  const name = p.slice(slash + 1);
  const own = cwd.slice(cut + 1).toLowerCase();
  if (name === "" || name === own || PERSONAL.has(name)) return false;
  const low = name.toLowerCase();
  if (own.length >= 2) {
    for (const sep of ["-", "_", "."]) {
      if (low.startsWith(own + sep) || low.endsWith(sep + own)) return true;
    }
  }
  const words = low.split(/[-_.]/);
  return words.length > 1 && words.some((w) => COPY_WORDS.has(w));
}

/** Whether `p` is a re-creatable cache folder inside a home (or inside one). */
export function isHomeCache(p: string, home: string): boolean {
  const s = homeSpotOf(p, home);
  return !!s && HOME_REBUILDABLE.has(s.top);
}

/** Folders whose contents, at any depth, the system or its services run on. */
const CORE_DEEP = [
  "/etc",
  "/usr",
  "/bin",
  "/sbin",
  "/lib",
  "/lib32",
  "/lib64",
  "/libx32",
  "/boot",
  "/var/lib",
  "/root",
  "/sys",
  "/proc",
  "/dev",
  "/System",
  "/Library",
];

/** Standard folders of /usr/local: whole trees of installed software. */
const USR_LOCAL_TREES =
  /^\/usr\/local\/(bin|sbin|lib|lib64|libexec|include|share|etc|man)$/;

/** A last segment that names a single config or data file (rm -rf on it deletes one file). */
const FILE_LIKE =
  /\.(list|sources|conf|cfg|ini|json|ya?ml|toml|pem|crt|cer|txt|log|repo|bak|old|orig|swp|pid|lock|plist|pref|gpg|asc)$/i;

/**
 * The core system folder `p` lies strictly inside (`/etc`, `/usr`, `/var/lib`,
 * `/boot`, `/root`, `/Library`...), or null when `p` is not in one or is one
 * of the re-creatable or self-managed places there: `/usr/local/<x>/…`
 * below its standard trees (`/usr/local/go`, `/usr/local/lib/node_modules/<pkg>`),
 * `/var/lib/apt/lists`, caches of /root, `/Library/Caches`,
 * `/Library/Developer` (Xcode command line tools are reinstalled by
 * deleting them), `/dev/shm`, and single config files by their extension.
 */
export function coreSystemOf(p: string): string | null {
  if (p.startsWith("/private/etc/")) p = p.slice(8);
  if (isTemp(p) || isTempRoot(p)) return null;
  const core = CORE_DEEP.find((c) => startsWithDir(p, c));
  if (!core) return null;
  // Below /usr/local only its standard trees themselves are vital; anything
  // else there (/usr/local/go, /usr/local/lib/node_modules/x) is one package.
  if (p.startsWith("/usr/local/") && !USR_LOCAL_TREES.test(p)) return null;
  if (isUnder(p, "/var/lib/apt/lists")) return null;
  if (core === "/root" && isHomeCache(p, "/root")) return null;
  if (isUnder(p, "/Library/Caches") || isUnder(p, "/Library/Developer")) {
    return null;
  }
  if (FILE_LIKE.test(p.slice(p.lastIndexOf("/") + 1))) return null;
  return core;
}

/** Whether `p` is a system folder whose loss breaks the machine. */
export function isSystemDir(p: string): boolean {
  if (SYSTEM_TOP.has(p)) return true;
  const parent = parentOf(p);
  if (!SYSTEM_CORE.has(parent)) return false;
  return !isTemp(p) && !isTempRoot(p) && !/^\/var\/(log|tmp)$/.test(p);
}

/** Whether `p` is inside a system folder (any depth) and not in a temp folder. */
export function isInSystem(p: string): boolean {
  if (isTemp(p) || isTempRoot(p)) return false;
  for (const top of SYSTEM_TOP) {
    if (
      top === "/home" || top === "/Users" || top === "/mnt" ||
      top === "/media" || top === "/Volumes"
    ) continue;
    if (isUnder(p, top)) return true;
  }
  return false;
}

/** Whether `p` is /var/log or inside it. */
export function isLogPath(p: string): boolean {
  return isUnder(p, "/var/log") || isUnder(p, "/private/var/log") ||
    isUnder(p, "/var/adm");
}

const HISTORY_FILES = new Set([
  ".bash_history",
  ".zsh_history",
  ".sh_history",
  ".history",
  ".zhistory",
  ".python_history",
  ".node_repl_history",
  ".psql_history",
  ".mysql_history",
  ".sqlite_history",
  ".rediscli_history",
  ".lesshst",
  "fish_history",
]);

/** Whether `p` is a shell/REPL history file. */
export function isHistoryFile(p: string): boolean {
  return HISTORY_FILES.has(p.slice(p.lastIndexOf("/") + 1));
}

/** Files the system cannot run without; deleting or truncating them breaks login or boot. */
export function isCriticalSystemFile(p: string): boolean {
  return /^\/etc\/(passwd|shadow|group|gshadow|sudoers|fstab|hosts|resolv\.conf|ld\.so\.(conf|cache)|pam\.d(\/.*)?|sudoers\.d(\/.*)?|ssh\/sshd_config|nsswitch\.conf|inittab|crypttab)$/
    .test(p) ||
    /^\/(usr\/)?s?bin\/(sh|bash|dash|zsh|sudo|su|login|init|ls|rm|cp|mv|env|systemctl)$/
      .test(p) ||
    /^\/boot\/(vmlinuz|initrd|initramfs|grub)/.test(p) ||
    /^\/(usr\/)?lib(64|32)?\/(ld-linux|libc\.so|systemd\/systemd$)/.test(p) ||
    /^\/sbin\/init$/.test(p);
}

/** Account and privilege files: writing them grants access or root. */
export function isAuthFile(p: string): boolean {
  return /^\/etc\/(passwd|shadow|group|gshadow|sudoers|master\.passwd)$/.test(
    p,
  ) ||
    /^\/etc\/(sudoers\.d|pam\.d)(\/|$)/.test(p);
}

/** Kinds of credential material, named after their policy. */
export type CredentialKind =
  | "ssh_private_key_read"
  | "cloud_credentials_read"
  | "secrets_file_read"
  | "system_secrets_read";

/** A credential path classification with a human label. */
export interface CredentialInfo {
  kind: CredentialKind;
  label: string;
  /**
   * A credential only once it leaves the machine: its usual content is
   * settings (`~/.aws/config`: regions, profiles, SSO addresses), and a key
   * someone put there is redacted from what the model sees. Reading it
   * locally is not refused; sending it, copying it out or mounting it is.
   */
  readable?: true;
}

const SSH_KEY_NAME = /^id_(rsa|dsa|ecdsa|ed25519)(_sk)?$|^identity$/;

/**
 * Files of an SSH folder that hold no secret: public keys and certificates,
 * the client config, host lists, the agent socket. Every other file there is
 * treated as a private key, whatever its name (`id_rsa_work`, `deploy_key`).
 */
const SSH_PUBLIC =
  /\.pub$|^(config|known_hosts|known_hosts\.old|known_hosts2|authorized_keys2?|rc|environment\.example|allowed_signers|agent\.sock|ssh_auth_sock)$|\.sock$/;

/** A browser profile folder (its cookie, password and key stores together), relative to the home. */
const BROWSER_PROFILE =
  /^(?:\.config\/(?:google-chrome(?:-beta|-unstable)?|chromium|BraveSoftware\/Brave-Browser|microsoft-edge|vivaldi|opera)(?:\/(?:Default|Profile [^/]{1,32}))?|\.mozilla\/firefox(?:\/[^/]{1,64}\.[^/]{1,64})?|Library\/Application Support\/(?:Google\/Chrome|Chromium|BraveSoftware\/Brave-Browser|Microsoft Edge|Firefox\/Profiles\/[^/]{1,64})(?:\/(?:Default|Profile [^/]{1,32}))?|Library\/Cookies)\/?$/;

/** Last segments that name a browser's cookie, password or key store (the first test of that rule in {@link credentialOf}). */
const BROWSER_STORE_NAMES: ReadonlySet<string> = new Set([
  "Login Data",
  "Login Data For Account",
  "Cookies",
  "Web Data",
  "Local State",
  "cookies.sqlite",
  "logins.json",
  "key4.db",
  "key3.db",
  "signons.sqlite",
  "Cookies.binarycookies",
]);

/**
 * Whether {@link credentialOf} could classify `p` (whose last segment is
 * `base`), by cheap tests that every one of its rules implies: a segment
 * starting with a dot (`.ssh`, `.aws`, `.netrc`), a system folder it
 * reads (`/etc/`, `/run/`, `/var/`, `/proc/`), `Library/`, an SSH key's
 * name (`id_*`, `identity`), a KeePass file or a browser store's name.
 * Most arguments (`-la`, `status`, `src/main.ts` in a project) are none of
 * these, and skip the rules' two dozen patterns.
 */
function mayBeCredential(p: string, base: string): boolean {
  return p.startsWith(".") || p.includes("/.") || p.includes("Library/") ||
    p.startsWith("/etc/") || p.startsWith("/run/") ||
    p.startsWith("/var/") || p.startsWith("/proc/") ||
    base.startsWith("id_") || base === "identity" ||
    base.endsWith(".kdbx") || BROWSER_STORE_NAMES.has(base);
}

/** Classifies `p` as credential material, or null. `dirOk` also accepts whole credential folders. */
export function credentialOf(
  p: string,
  home: string,
  dirOk: boolean,
): CredentialInfo | null {
  const base = p.slice(p.lastIndexOf("/") + 1);
  if (!mayBeCredential(p, base)) return null;
  if (
    /^\/etc\/(shadow|gshadow|sudoers|master\.passwd|security\/opasswd)$/.test(
      p,
    ) || /^\/etc\/sudoers\.d\//.test(p)
  ) {
    return { kind: "system_secrets_read", label: p };
  }
  if (
    /^\/(var\/)?run\/secrets\/.+/.test(p) ||
    /^\/var\/run\/secrets\/kubernetes\.io\/serviceaccount\/token$/.test(p)
  ) {
    return {
      kind: "cloud_credentials_read",
      label: "a container or Kubernetes secret (" + p + ")",
    };
  }
  if (
    /^\/etc\/(ssl\/private\/.+|letsencrypt\/(live|archive)\/[^/]{1,255}\/privkey\d{0,4}\.pem|pki\/tls\/private\/.+)$/
      .test(p)
  ) {
    return { kind: "ssh_private_key_read", label: "the TLS private key " + p };
  }
  if (/^\/etc\/ssh\/ssh_host_[a-z0-9]{1,16}_key$/.test(p)) {
    return {
      kind: "ssh_private_key_read",
      label: "the SSH host private key " + p,
    };
  }
  if (SSH_KEY_NAME.test(base)) {
    return { kind: "ssh_private_key_read", label: "the SSH private key " + p };
  }
  const inSsh = /\/\.ssh\/[^/]{1,255}$/.test(p);
  if (inSsh && !SSH_PUBLIC.test(base)) {
    return { kind: "ssh_private_key_read", label: "the private key " + p };
  }
  if (/\.(pem|key|ppk|p12|pfx)$/.test(base) && /\/\.ssh\//.test(p)) {
    return { kind: "ssh_private_key_read", label: "the private key " + p };
  }
  if (
    /^\/proc\/(self|thread-self|\d{1,7}|[*?[\]0-9-]{1,12})\/(task\/[^/]{1,12}\/)?environ$/
      .test(p)
  ) {
    return {
      kind: "system_secrets_read",
      label: "the environment of a process (" + p + "), secrets included",
    };
  }
  if (dirOk && /\/\.ssh$/.test(p)) {
    return { kind: "ssh_private_key_read", label: "your SSH folder " + p };
  }
  // Relative to the owner's home (any home: /home/x, /root, /Users/x, yours).
  let rel: string | null = null;
  if (startsWithDir(p, home)) rel = p.slice(home.length + 1);
  else {
    const m = /^\/(?:home|Users)\/[^/]{1,64}\/(.+)$|^\/root\/(.+)$/.exec(p);
    if (m) rel = m[1] ?? m[2];
  }
  if (rel === null) {
    if (
      base === ".git-credentials" || base === ".pgpass" || base === ".netrc"
    ) {
      return { kind: "secrets_file_read", label: p };
    }
    return null;
  }
  if (rel === ".aws/config") {
    return {
      kind: "cloud_credentials_read",
      label: "your AWS configuration (" + p + ")",
      readable: true,
    };
  }
  if (
    /^\.aws\/(credentials|sso\/cache\/.+|cli\/cache\/.+)$/.test(rel) ||
    (dirOk && rel === ".aws")
  ) {
    return {
      kind: "cloud_credentials_read",
      label: "your AWS credentials (" + p + ")",
    };
  }
  if (
    /^\.config\/gcloud\/(credentials\.db|access_tokens\.db|application_default_credentials\.json|legacy_credentials(\/.*)?)$/
      .test(rel) || (dirOk && rel === ".config/gcloud")
  ) {
    return {
      kind: "cloud_credentials_read",
      label: "your Google Cloud credentials (" + p + ")",
    };
  }
  if (
    /^\.azure\/(accessTokens\.json|msal_token_cache\.(json|bin)|azureProfile\.json|service_principal_entries\.json)$/
      .test(rel) || (dirOk && rel === ".azure")
  ) {
    return {
      kind: "cloud_credentials_read",
      label: "your Azure credentials (" + p + ")",
    };
  }
  if (/^\.kube\/config$/.test(rel) || (dirOk && rel === ".kube")) {
    return {
      kind: "cloud_credentials_read",
      label: "your Kubernetes config (" + p + ")",
    };
  }
  if (rel === ".docker/config.json") {
    return {
      kind: "cloud_credentials_read",
      label: "your Docker registry credentials (" + p + ")",
    };
  }
  if (
    /^\.(oci\/config|terraform\.d\/credentials\.tfrc\.json|config\/doctl\/config\.yaml|pulumi\/credentials\.json|cloudflared\/[^/]{1,200}\.(?:pem|json)|config\/cloudflared\/[^/]{1,200}\.(?:pem|json)|vercel\/auth\.json|local\/share\/com\.vercel\.cli\/auth\.json|netlify\/config\.json|config\/netlify\/config\.json|config\/configstore\/firebase-tools\.json)$/
      .test(rel)
  ) {
    return {
      kind: "cloud_credentials_read",
      label: "your cloud credentials (" + p + ")",
    };
  }
  if (
    /^\.(config\/rclone\/rclone\.conf|s3cfg|boto|passwd-s3fs|config\/s3cmd\/.+|config\/openstack\/clouds\.ya?ml|config\/heroku\/.+|config\/doctl\/.+|wrangler\/config\/default\.toml|config\/.wrangler\/.+|fly\/config\.yml|databrickscfg|snowsql\/config|boto3?)$/
      .test(rel)
  ) {
    return {
      kind: "cloud_credentials_read",
      label: "your cloud storage credentials (" + p + ")",
    };
  }
  if (
    /^\.(codex\/auth\.json|claude\/\.?credentials\.json|claude\.json\.credentials|config\/claude\/\.?credentials\.json|gemini\/oauth_creds\.json|config\/github-copilot\/(hosts|apps)\.json|config\/gcloud\/application_default_credentials\.json)$/
      .test(rel)
  ) {
    return {
      kind: "cloud_credentials_read",
      label: "an AI agent's own login token (" + p + ")",
    };
  }
  if (
    /^\.(netrc|pgpass|git-credentials|config\/git\/credentials|npmrc|pypirc|pypirc|vault-token|my\.cnf|config\/gh\/hosts\.yml|config\/hub|cargo\/credentials(\.toml)?|gem\/credentials|docker\/\.token_seed|local\/share\/keyrings\/.+)$/
      .test(rel)
  ) {
    return { kind: "secrets_file_read", label: "the secrets file " + p };
  }
  // Password managers' local stores: pass/gopass entries, the 1Password
  // and Bitwarden CLIs' session and vault files, KeePass databases.
  if (
    /^\.(password-store\/.+|local\/share\/gopass\/.+|config\/gopass\/.+|config\/op\/.+|op\/.+|config\/Bitwarden CLI\/.+|config\/bw\/.+)$/
      .test(rel) ||
    (dirOk &&
      /^\.(password-store|config\/op|config\/Bitwarden CLI)$/.test(rel)) ||
    /\.kdbx$/.test(base)
  ) {
    return {
      kind: "secrets_file_read",
      label: "a password manager's store (" + p + ")",
    };
  }
  if (
    /^\.gnupg\/(private-keys-v1\.d(\/.*)?|secring\.gpg)$/.test(rel) ||
    (dirOk && rel === ".gnupg")
  ) {
    return {
      kind: "secrets_file_read",
      label: "your GnuPG private keys (" + p + ")",
    };
  }
  if (
    (/(^|\/)(Login Data( For Account)?|Cookies|Web Data|Local State|cookies\.sqlite|logins\.json|key4\.db|key3\.db|signons\.sqlite|Cookies\.binarycookies)$/
      .test(rel) &&
      /(chrome|chromium|firefox|mozilla|brave|edge|opera|vivaldi|librewolf|waterfox|safari|thorium)/i
        .test(rel)) || (dirOk && BROWSER_PROFILE.test(rel))
  ) {
    return {
      kind: "secrets_file_read",
      label: "a browser cookie, password or key store (" + p + ")",
    };
  }
  if (/^Library\/Keychains(\/|$)/.test(rel)) {
    return {
      kind: "secrets_file_read",
      label: "your macOS keychain (" + p + ")",
    };
  }
  return null;
}

/** Whether `p` names a dotenv file with real secrets (not an example/template). */
export function isEnvFile(p: string): boolean {
  const base = p.slice(p.lastIndexOf("/") + 1);
  if (/\.(example|sample|template|dist|defaults?)$/i.test(base)) return false;
  return /^\.env(\..{1,40})?$/.test(base) || /^[\w.-]{1,60}\.env$/.test(base) ||
    base === ".envrc";
}

/** What touching a guard path means for the reason text. */
export type GuardUse = "write" | "delete";

/** Where the guard lives besides the agents' own config folders (from the caller). */
export interface GuardPlaces {
  /** The guard's data folder (policies.json, audit.db, spool); default `~/.axonflow`. */
  dataDir?: string;
  /** The plugin's own folder (hook sources and bundles), when known. */
  pluginRoot?: string;
}

/** The hook bundles by name: wherever the plugin is checked out, these are the guard. */
const HOOK_BUNDLE =
  /\/hooks\/dist(?:\/(?:pre_tool_use|post_tool_use|manifest)[\w.-]{0,40}\.(?:js|json))?$/;

/**
 * A program named `deno` written outside the project and deno's caches
 * (`~/.cache/b/deno`): a PATH entry in front can put it in place of the
 * runtime the hooks start.
 */
const DENO_SHIM = /\/deno(?:\.exe|\.cmd|\.bat)?$/i;
const DENO_CACHE = /\/(?:\.cache|Caches|AppData\/Local)\/deno$/;

/** Whether writing the file `p` plants a program named `deno` outside the project and deno's caches (see `DENO_SHIM`). */
export function isDenoShim(p: string, cwd: string | null): boolean {
  return DENO_SHIM.test(p) && !DENO_CACHE.test(p) && !(cwd && isUnder(p, cwd));
}

/** The deno binary every hook runs on (without it no hook runs), and programs named after the guard (`~/bin/axonflow`). */
const DENO_RUNTIME =
  /\/bin\/axonflow[\w.-]{0,32}$|\/\.deno\/bin(\/deno)?$|\/\.local\/bin\/deno$|^\/(home\/[^/]{1,255}|Users\/[^/]{1,255}|root)\/bin\/deno$|^\/(usr\/(local\/)?|opt\/homebrew\/)?bin\/deno$|\/node_modules\/deno(\/|$)|\/lib\/node_modules\/deno$/;

/** The guard's protected places for one home and working folder. */
interface GuardLists {
  /** Single protected files. */
  readonly files: readonly string[];
  /** Protected folders and everything in them. */
  readonly trees: readonly string[];
  /** The guard's own folders (data folder, plugin folder): deleting a folder that holds them is tampering. */
  readonly own: readonly string[];
  /** Folders whose deletion takes the agents' config files with them. */
  readonly dirs: readonly string[];
}

/** The lists last built, with what they were built for (a session judges every path in one home and folder). */
let lastGuard:
  | {
    home: string;
    cwd: string | null;
    dataDir?: string;
    pluginRoot?: string;
    lists: GuardLists;
  }
  | undefined;

/** The guard's lists for `home`, `cwd` and `places`, built once for each such set in a row. */
function guardLists(
  home: string,
  cwd: string | null,
  places: GuardPlaces,
): GuardLists {
  const last = lastGuard;
  if (
    last !== undefined && last.home === home && last.cwd === cwd &&
    last.dataDir === places.dataDir && last.pluginRoot === places.pluginRoot
  ) return last.lists;
  const lists = buildGuardLists(home, cwd, places);
  lastGuard = {
    home,
    cwd,
    dataDir: places.dataDir,
    pluginRoot: places.pluginRoot,
    lists,
  };
  return lists;
}

function buildGuardLists(
  home: string,
  cwd: string | null,
  places: GuardPlaces,
): GuardLists {
  const files = [
    home + "/.codex/hooks.json",
    home + "/.codex/config.toml",
    home + "/.codex/requirements.toml",
    home + "/.claude/settings.json",
    home + "/.claude/settings.local.json",
    home + "/.claude.json",
    "/etc/codex/hooks.json",
    "/etc/codex/config.toml",
    "/etc/codex/requirements.toml",
    "/etc/claude-code/managed-settings.json",
    "/Library/Application Support/ClaudeCode/managed-settings.json",
  ];
  const dataDir = places.dataDir
    ? normalizeAbs(places.dataDir.replace(/^~(?=\/|$)/, home))
    : home + "/.axonflow";
  const trees = [
    home + "/.codex/rules",
    home + "/.codex/hooks",
    // installed plugins (`codex plugin add` copies them here): their hooks are the guard
    home + "/.codex/plugins",
    home + "/.claude/hooks",
    // Claude Code's installed plugins and marketplaces, whose hooks are the guard there
    home + "/.claude/plugins",
    home + "/.axonflow",
    dataDir,
    "/etc/codex/rules",
  ];
  const own = [dataDir];
  if (places.pluginRoot) {
    // The plugin's folder is guarded unless the agent was started inside it
    // (working on the plugin itself); its built hook bundles always are.
    const root = normalizeAbs(places.pluginRoot.replace(/^~(?=\/|$)/, home));
    if (!cwd || !isUnder(cwd, root)) own.push(root);
  }
  trees.push(...own);
  const dirs = [home + "/.codex", home + "/.claude", "/etc/codex"];
  if (cwd) {
    files.push(
      cwd + "/.codex/hooks.json",
      cwd + "/.codex/config.toml",
      cwd + "/.claude/settings.json",
      cwd + "/.claude/settings.local.json",
    );
    trees.push(
      cwd + "/.codex/rules",
      cwd + "/.codex/hooks",
      cwd + "/.claude/hooks",
    );
    dirs.push(cwd + "/.codex", cwd + "/.claude");
  }
  return { files, trees, own, dirs };
}

/**
 * Whether `p` is (or, for deletion, contains) one of the agent's guard files:
 * the data folder, the plugin folder and its hook bundles, the agents' hook
 * and config files. Returns the protected file or folder, or null.
 */
export function guardPathOf(
  p: string,
  home: string,
  cwd: string | null,
  use: GuardUse,
  places: GuardPlaces = {},
): string | null {
  const { files, trees, own, dirs } = guardLists(home, cwd, places);
  if (files.includes(p)) return p;
  if (
    /\/\.claude\/settings(\.local)?\.json$|\/\.codex\/(hooks\.json|config\.toml)$/
      .test(p)
  ) {
    return p;
  }
  for (const t of trees) if (isUnder(p, t)) return t;
  if (HOOK_BUNDLE.test(p)) return p;
  if (DENO_RUNTIME.test(p)) return p;
  if (use === "delete") {
    for (const d of dirs) if (p === d) return d;
    for (const t of own) if (isUnder(t, p) && p !== "/" && p !== home) return t;
  }
  return null;
}

/** Credential files by their usual names, relative to a home (or absolute), that a glob is tried against. */
const CREDENTIAL_SAMPLES: readonly string[] = [
  ".ssh/id_rsa",
  ".ssh/id_ed25519",
  ".ssh/id_ecdsa",
  ".ssh/id_dsa",
  ".aws/credentials",
  ".config/gcloud/application_default_credentials.json",
  ".config/gcloud/credentials.db",
  ".kube/config",
  ".docker/config.json",
  ".netrc",
  ".pgpass",
  ".git-credentials",
  ".npmrc",
  ".pypirc",
  ".vault-token",
  ".codex/auth.json",
  ".claude/.credentials.json",
  ".config/gh/hosts.yml",
  ".azure/accessTokens.json",
  ".azure/msal_token_cache.json",
  ".gnupg/private-keys-v1.d",
  "/etc/shadow",
  "/etc/gshadow",
  "/etc/sudoers",
];

/**
 * The credential file a glob path can name (`~/.s?h/id_*[^b]`,
 * `/home/*\/.aws/cred*`), tried against the usual names of each kind, with
 * the shell's own matching (a leading dot needs a literal dot). Null when
 * `p` holds no glob or names none of them.
 */
export function credentialGlobOf(
  p: string,
  home: string,
): CredentialInfo | null {
  if (p.length > 4096 || !/[*?[]/.test(p)) return null;
  const segs = p.split("/");
  for (const s of CREDENTIAL_SAMPLES) {
    const full = s.startsWith("/") ? s : home + "/" + s;
    let names = full.split("/");
    // The glob may name the sample's folder (`tar czf - ~/.s[s]h`).
    if (names.length === segs.length + 1) names = names.slice(0, -1);
    if (names.length !== segs.length) continue;
    let ok = true;
    for (let i = 0; i < names.length && ok; i++) {
      ok = segs[i] === names[i] ||
        (/[*?[]/.test(segs[i]) && segmentMatches(segs[i], names[i]));
    }
    if (!ok) continue;
    const c = credentialOf(names.join("/"), home, true);
    if (c) return { kind: c.kind, label: `${c.label} (through ${p})` };
  }
  return null;
}

/** Whether one glob segment can match one name, as the shell matches it (a leading dot is matched only by a literal dot). */
function segmentMatches(glob: string, name: string): boolean {
  if (name.startsWith(".") && !glob.startsWith(".") && !glob.startsWith("[")) {
    return false;
  }
  return glob.length < 256 && globMatches(glob, name);
}

/**
 * Whether the glob `seg` (one or more `/`-separated segments) in folder `dir`
 * can name one of the guard's files or folders, or an entry inside a guarded
 * folder, for deleting (`rm -f ~/.axonflow/*.jsonl`, `rm -rf ~/.ax*`,
 * `rm ~/.c?dex/hooks.json`). `recursive`: a glob that names a folder holding
 * a guarded place counts too. Returns the protected place, or null.
 */
export function guardGlobOf(
  dir: string,
  seg: string,
  home: string,
  cwd: string | null,
  recursive: boolean,
  places: GuardPlaces = {},
): string | null {
  const inside = guardPathOf(dir + "/x", home, cwd, "write", places);
  if (inside) return inside;
  const { files, trees, own, dirs } = guardLists(home, cwd, places);
  const globs = seg.split("/").filter((g) => g !== "");
  if (globs.length === 0 || globs.length > 64) return null;
  const base = dir === "/" ? "" : dir;
  const check = (q: string, tree: boolean): boolean => {
    if (!startsWithDir(q, base)) return false;
    const names = q.slice(base.length + 1).split("/");
    const n = Math.min(names.length, globs.length);
    for (let i = 0; i < n; i++) {
      if (!segmentMatches(globs[i], names[i])) return false;
    }
    if (globs.length === names.length) return true;
    if (globs.length > names.length) return tree;
    return recursive;
  };
  for (const f of files) if (check(f, false)) return f;
  for (const t of trees) if (check(t, true)) return t;
  if (recursive) {
    for (const d of [...dirs, ...own]) if (check(d, true)) return d;
  }
  return null;
}

/**
 * Shell start-up files: a shell reads them before it runs anything, including
 * the shell that starts a hook, so what they hold decides whether the hook
 * runs at all.
 */
export function isShellStartup(
  p: string,
  home: string,
  startupEnv: StartupEnv = {},
): boolean {
  if (startupEnv.BASH_ENV && p === startupEnv.BASH_ENV) return true;
  if (startupEnv.ENV && p === startupEnv.ENV) return true;
  const zdot = startupEnv.ZDOTDIR?.replace(/\/{1,64}$/, "");
  if (
    zdot && startsWithDir(p, zdot) &&
    /^\.(zshenv|zshrc|zprofile|zlogin|zlogout)$/.test(p.slice(zdot.length + 1))
  ) return true;
  const rel = home !== "/" && startsWithDir(p, home)
    ? p.slice(home.length + 1)
    : null;
  if (rel !== null) {
    if (
      /^\.(bashrc|bash_profile|bash_login|bash_logout|bash_aliases|profile|zshrc|zshenv|zprofile|zlogin|zlogout|kshrc|mkshrc|cshrc|tcshrc|login|envrc|xprofile|xsessionrc|pam_environment)$/
        .test(rel)
    ) return true;
    if (
      /^\.config\/(fish\/(config\.fish|conf\.d\/.+|functions\/.+)|environment\.d\/.+|zsh\/.+)$/
        .test(rel)
    ) {
      return true;
    }
  }
  return /^\/etc\/(profile|bash\.bashrc|bashrc|zshenv|zshrc|zprofile|zlogin|zsh\/.+|environment|profile\.d\/.+|fish\/.+)$/
    .test(p) ||
    /\/\.(zshenv|zshrc|bashrc|bash_profile|profile|zprofile)$/.test(p) &&
      /^\/(home|Users)\/[^/]{1,255}\/|^\/root\//.test(p);
}

/**
 * Files whose content makes something run later without anyone typing it:
 * git hooks and git config, SSH client config, systemd units, cron spools,
 * launch agents, desktop autostart entries. Returns what it is, or null.
 */
export function autorunOf(p: string, home: string): string | null {
  if (/\/\.git\/hooks\/[^/]{1,255}$/.test(p)) return "a git hook";
  if (
    /\/\.git\/config$|\/\.gitconfig$|^\/etc\/gitconfig$|\/\.config\/git\/config$/
      .test(p)
  ) {
    return "git configuration";
  }
  if (/\/\.ssh\/config$|^\/etc\/ssh\/ssh_config(\.d\/.+)?$/.test(p)) {
    return "the SSH client configuration";
  }
  if (
    /\/\.config\/systemd\/user\/.+|^\/(etc|usr\/lib|lib)\/systemd\/(system|user)\/.+|\/\.local\/share\/systemd\/user\/.+/
      .test(p)
  ) return "a systemd unit";
  if (
    /^\/var\/spool\/cron\/|^\/etc\/cron(tab$|\.d\/|\.(daily|hourly|weekly|monthly)\/)|^\/var\/at\/|^\/var\/spool\/at\//
      .test(p)
  ) {
    return "a cron table";
  }
  if (
    /\/site-packages\/[^/]{1,255}\.pth$|\/(sitecustomize|usercustomize)\.py$/
      .test(p)
  ) {
    return "Python start-up code (a .pth file or sitecustomize runs in every Python process)";
  }
  if (/\/\.ipython\/profile_[^/]{1,64}\/startup\/[^/]{1,255}$/.test(p)) {
    return "IPython start-up code (it runs in every IPython shell and Jupyter kernel)";
  }
  if (/\/\.ssh\/rc$|^\/etc\/ssh\/sshrc$/.test(p)) return "an SSH login script";
  if (/\/Library\/(LaunchAgents|LaunchDaemons)\/[^/]{1,255}$/.test(p)) {
    return "a launchd job";
  }
  if (/\/\.config\/autostart\/[^/]{1,255}$|^\/etc\/xdg\/autostart\//.test(p)) {
    return "a desktop autostart entry";
  }
  if (
    /^\/etc\/(rc\.local|init\.d\/.+|update-motd\.d\/.+|ld\.so\.preload)$/.test(
      p,
    )
  ) {
    return "a boot script";
  }
  void home;
  return null;
}

/** Whether `p` is a disk block device (writing it destroys the disk). */
export function isBlockDevice(p: string): boolean {
  return /^\/dev\/(sd[a-z]|hd[a-z]|vd[a-z]|xvd[a-z]|nvme\d|mmcblk\d|r?disk\d|disk\/|mapper\/|md\d|dm-\d|nbd\d|zd\d|sr\d|fd\d|ubd|bcache\d|root$)/
    .test(p);
}

/** Whether `p` is a kernel memory device. */
export function isMemoryDevice(p: string): boolean {
  return /^\/dev\/(mem|kmem|port)$/.test(p);
}

/** Harmless device targets (null, terminals, standard streams). */
export function isHarmlessDevice(p: string): boolean {
  return /^\/dev\/(null|zero|full|u?random|tty\w{0,8}|pts\/\d{1,6}|stdout|stderr|stdin|fd\/\d{1,6}|console|shm\/.*)$/
    .test(p);
}

/** Where a path sits relative to the workspace. */
export type Place =
  | "root"
  | "home"
  | "system"
  | "log"
  | "temp"
  | "workspace"
  | "workspace_parent"
  | "inside"
  | "outside";

/** Classifies an absolute path for deletion-like judgements. */
export function placeOf(p: string, cwd: string | null, home: string): Place {
  if (p === "/" || /^\/(c|mnt\/c)$/.test(p)) return "root";
  if (isHome(p, home)) return "home";
  if (isLogPath(p)) return "log";
  if (isSystemDir(p)) return "system";
  // A home under /tmp is still a home: its folders are not temp litter.
  if (isTemp(p) && !(home !== "/" && isUnder(p, home))) return "temp";
  if (cwd !== null && cwd !== "/") {
    if (p === cwd) return "workspace";
    if (isUnder(cwd, p)) return "workspace_parent";
    if (isUnder(p, cwd)) return "inside";
  }
  return "outside";
}

/** Decodes URL-escaped traversal (`%2e%2e%2f`, double encoding) for traversal checks. */
function decodeTraversal(s: string): string {
  let t = s;
  for (let i = 0; i < 3 && /%(25)?[0-9a-f]{2}/i.test(t); i++) {
    t = t.replace(/%25/gi, "%").replace(/%2e/gi, ".").replace(/%2f/gi, "/")
      .replace(/%5c/gi, "/").replace(/%c0%af/gi, "/").replace(/%00/g, "");
  }
  return t.replace(/\\/g, "/").replace(/\.{3,4}\/{1,2}/g, "../").replace(
    /\/{2,}/g,
    "/",
  );
}

const TRAVERSAL =
  /(?:\.\.\/){2,}(?:[\w.-]{1,64}\/){0,3}(?:etc\/(?:passwd|shadow|gshadow|group|hosts|sudoers|issue|hostname|crontab|ssh\/)|proc\/self\/|root\/|windows\/|winnt\/|boot\.ini|\.ssh\/|\.aws\/|\.env\b|var\/log\/)/i;

/** If `s` climbs out with `../` (plain or URL-encoded) to system or secret files, the decoded text. */
export function traversalOf(s: string): string | null {
  if (s.indexOf("..") < 0 && s.indexOf("%") < 0) return null;
  if (s.length > 8192) s = s.slice(0, 8192);
  const d = decodeTraversal(s);
  return TRAVERSAL.test(d) ? d : null;
}

/** Programs that look at a path (list, test, move, delete it) without printing its content: naming a credential file to them is not reading it. */
export const PATH_ONLY_PROGRAMS: readonly string[] = [
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
  "mv",
  "cd",
  "basename",
  "dirname",
  "realpath",
  "readlink",
  "which",
  "type",
  "echo",
  "printf",
  "du",
  "find",
];
