/**
 * Access changes on a code host made through its API: `gh api` / `glab api`
 * (or curl to api.github.com, GitHub Enterprise's /api/v3 and GitLab's
 * /api/v4) writing to an endpoint that decides who reaches a repository or
 * its events. Granting a collaborator or an organisation role, adding a
 * deploy or account key, a webhook, transferring the repository away, or
 * deleting branch protection hands the repository (or its safeguards) to
 * someone else; reads (GET) pass.
 *
 * @module
 */

import type { State, Unit } from "./unit.ts";

/** Endpoints whose write changes who can reach a repository, by what it does. */
const GRANTS: readonly [RegExp, string, ReadonlySet<string>][] = [
  [
    /^repos\/[^/]{1,100}\/[^/]{1,100}\/collaborators\/[^/]{1,100}$/,
    "grants a user access to the repository",
    new Set(["PUT"]),
  ],
  [
    /^(orgs\/[^/]{1,100}\/(memberships|outside_collaborators)\/[^/]{1,100}|orgs\/[^/]{1,100}\/teams\/[^/]{1,100}\/(memberships\/[^/]{1,100}|repos\/.{1,200})|teams\/\d{1,20}\/(memberships\/[^/]{1,100}|repos\/.{1,200}))$/,
    "gives a user or team a role in the organisation",
    new Set(["PUT", "POST", "PATCH"]),
  ],
  [
    /^(repos\/[^/]{1,100}\/[^/]{1,100}\/keys|user\/(keys|gpg_keys|ssh_signing_keys))$/,
    "adds a key that can push to the repository or sign in as the account",
    new Set(["POST"]),
  ],
  [
    /^(repos\/[^/]{1,100}\/[^/]{1,100}|orgs\/[^/]{1,100})\/hooks$/,
    "adds a webhook that sends the repository's events (code pushed, secrets in payloads) to an outside address",
    new Set(["POST"]),
  ],
  [
    /^repos\/[^/]{1,100}\/[^/]{1,100}\/transfer$/,
    "transfers the repository to another owner",
    new Set(["POST"]),
  ],
  [
    /^repos\/[^/]{1,100}\/[^/]{1,100}\/(branches\/.{1,200}\/protection(\/.{1,100})?|rulesets\/\d{1,20})$/,
    "removes or rewrites branch protection, so unreviewed or forced pushes reach the branch",
    new Set(["DELETE", "PUT"]),
  ],
  [
    /^projects\/[^/]{1,200}\/(members(\/[^/]{1,100})?|deploy_keys|hooks|protected_branches\/.{1,200}|transfer)$/,
    "changes who can reach the GitLab project or its protections",
    new Set(["POST", "PUT", "DELETE"]),
  ],
  [
    /^groups\/[^/]{1,200}\/members(\/[^/]{1,100})?$/,
    "gives a user a role in the GitLab group",
    new Set(["POST", "PUT"]),
  ],
];

const SAFER =
  "ask the repository owner to change access or protection in the host's settings";

/** The endpoint path of a code host API URL or `gh api` argument, without leading slash, host or query. */
export function forgeEndpoint(text: string): string | null {
  let t = text.replace(/[?#].*$/, "");
  const url = /^https?:\/\/([^/]{1,255})(\/.*)?$/i.exec(t);
  if (url) {
    const host = url[1].toLowerCase();
    const path = url[2] ?? "/";
    if (host === "api.github.com") t = path;
    else if (/^\/api\/v[34]\//.test(path)) {
      t = path.replace(/^\/api\/v[34]/, "");
    } else return null;
  }
  t = t.replace(/^\/+/, "").replace(/\/+$/, "");
  return t === "" ? null : t;
}

/** What writing to `endpoint` with `method` does to access, or null when it changes none. */
export function accessChange(endpoint: string, method: string): string | null {
  for (const [re, what, methods] of GRANTS) {
    if (methods.has(method) && re.test(endpoint)) return what;
  }
  return null;
}

/** The HTTP method of a gh/glab api or curl call: -X, --method, --request; POST when fields or data are sent. */
function methodOf(u: Unit): string {
  const t = u.args.map((a) => a.text);
  let data = false;
  for (let i = 0; i < t.length && i < 256; i++) {
    const x = t[i];
    if ((x === "-X" || x === "--method" || x === "--request") && t[i + 1]) {
      return t[i + 1].toUpperCase();
    }
    const glued = /^(?:-X|--method=|--request=)([A-Za-z]{3,7})$/.exec(x);
    if (glued) return glued[1].toUpperCase();
    if (
      /^(-f|-F|--field|--raw-field|--input|-d|--data(-\w{1,12})?|--json|-T|--upload-file)$/
        .test(x) || /^--(field|raw-field|data|json)=/.test(x)
    ) data = true;
  }
  return data ? "POST" : "GET";
}

/** gh api / glab api / curl writes that change who can reach a repository. */
export function analyzeForgeAccess(u: Unit, st: State): void {
  const t = u.args.map((a) => a.text);
  let candidates: string[];
  if (u.name === "gh" || u.name === "glab") {
    if (t[0] !== "api") return;
    candidates = t.slice(1).filter((x) => !x.startsWith("-"));
  } else if (u.name === "curl" || u.name === "http" || u.name === "xh") {
    candidates = t.filter((x) => /^https?:\/\//i.test(x));
  } else return;
  const method = methodOf(u);
  if (method === "GET" || method === "HEAD") return;
  for (const c of candidates.slice(0, 16)) {
    const ep = forgeEndpoint(c);
    if (ep === null) continue;
    const what = accessChange(ep, method);
    if (what) {
      st.out.matches.add(
        "forge_access_change",
        `${u.name}${
          u.name === "curl" ? "" : " api"
        } ${method} ${ep} ${what}: the repository or its safeguards are handed to someone else`,
        SAFER,
      );
      return;
    }
  }
}
