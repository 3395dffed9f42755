/**
 * Cloud providers' HTTP APIs called straight (`curl -X DELETE …`): deleting
 * a whole Cloudflare zone, an Azure resource group or a Google Cloud project
 * takes everything in it, as `az group delete` does; deleting a Cloudflare
 * Logpush job or an Azure diagnostic setting switches off the audit log
 * export, as `az monitor diagnostic-settings delete` does. Reads and deletes
 * of single records (`…/dns_records/ID`) pass.
 *
 * @module
 */

import type { State, Unit } from "./unit.ts";

/** Whole-account or whole-container deletions, by URL. */
const BULK_DELETE: readonly [RegExp, string][] = [
  [
    /^https?:\/\/api\.cloudflare\.com\/client\/v4\/zones\/(?:[\w-]{1,64}|\$\{?\w{1,64}\}?)\/?(?:[?#]|$)/i,
    "deletes the whole Cloudflare zone with its DNS records and settings",
  ],
  [
    /^https?:\/\/management\.azure\.com\/subscriptions\/[\w-]{1,64}\/resourcegroups\/[\w.()-]{1,90}\/?(?:[?#]|$)/i,
    "deletes the Azure resource group with every resource in it",
  ],
  [
    /^https?:\/\/cloudresourcemanager\.googleapis\.com\/v\d\/projects\/[\w-]{1,64}\/?(?:[?#]|$)/i,
    "shuts down the Google Cloud project with every resource in it",
  ],
];

/** Audit-log exports, by URL. */
const AUDIT_DELETE =
  /^https?:\/\/(?:api\.cloudflare\.com\/client\/v4\/(?:zones|accounts)\/[\w-]{1,64}\/logpush\/jobs(?:\/|[?#]|$)|management\.azure\.com\/[^?#\s]{0,1024}\/providers\/microsoft\.insights\/diagnosticsettings\/)/i;

/** The HTTP method and URLs of a curl / http / xh call. */
function request(u: Unit): { method: string; urls: string[] } {
  const t = u.args.map((a) => a.text);
  let method = "";
  const urls: string[] = [];
  for (let i = 0; i < t.length && i < 256; i++) {
    const x = t[i];
    if (/^(-X|--request)$/.test(x)) method = (t[i + 1] ?? "").toUpperCase();
    else if (/^-X[A-Za-z]{3,7}$/.test(x)) method = x.slice(2).toUpperCase();
    else if (/^--request=/.test(x)) method = x.slice(10).toUpperCase();
    else if (u.name !== "curl" && /^(DELETE|delete)$/.test(x)) {
      method = "DELETE";
    } else if (/^https?:\/\//i.test(x)) urls.push(x);
  }
  return { method, urls };
}

/** curl / http / xh DELETE of a whole cloud zone, group or project, or of an audit export. */
export function analyzeHostedApi(u: Unit, st: State): void {
  const { method, urls } = request(u);
  if (method !== "DELETE") return;
  for (const url of urls.slice(0, 16)) {
    const line = `${u.name} -X DELETE ${url.slice(0, 120)}`;
    if (AUDIT_DELETE.test(url)) {
      st.out.matches.add(
        "cloud_audit_disable",
        `${line} deletes the account's log export`,
        "leave audit logging on; ask the account owner",
      );
      return;
    }
    for (const [re, effect] of BULK_DELETE) {
      if (re.test(url)) {
        st.out.matches.add(
          "cloud_bulk_delete",
          `${line} ${effect}; cloud deletions cannot be undone`,
          "delete the one record or resource the task needs, or ask the user",
        );
        return;
      }
    }
  }
}
