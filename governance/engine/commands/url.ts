/**
 * URLs and hosts: the cloud metadata service in every numeric spelling
 * (decimal, hex, octal, short forms, IPv6-mapped), metadata host names,
 * wildcard-DNS wrappers (nip.io...), file:// URLs, traversal in URLs.
 *
 * @module
 */

import {
  type CredentialInfo,
  credentialOf,
  resolvePath,
  traversalOf,
} from "./paths.ts";
import type { State, Unit } from "./unit.ts";
import { urlPayload } from "./url_payload.ts";

const V4_TARGETS: ReadonlyMap<number, string> = new Map([
  [0xa9fea9fe, "the cloud metadata service (169.254.169.254)"],
  [0xa9feaa02, "the ECS task-credentials endpoint (169.254.170.2)"],
  [0x646464c8, "the Alibaba Cloud metadata service (100.100.100.200)"],
  [0xa9fea97b, "the AWS instance service address (169.254.169.123)"],
  [0xa9feaa17, "the EKS Pod Identity credentials agent (169.254.170.23)"],
  [0xc00000c0, "the Oracle Cloud Classic metadata service (192.0.0.192)"],
]);

/** Parses an IPv4 address the way inet_aton does (1–4 parts, decimal/octal/hex). */
export function parseIPv4(s: string): number | null {
  const t = s.endsWith(".") ? s.slice(0, -1) : s;
  if (!t || t.length > 64) return null;
  const parts = t.split(".");
  if (parts.length > 4) return null;
  const nums: number[] = [];
  for (const p of parts) {
    let n: number;
    if (/^0x[0-9a-f]{0,8}$/i.test(p)) {
      n = p.length === 2 ? 0 : parseInt(p.slice(2), 16);
    } else if (/^0[0-7]{0,11}$/.test(p)) n = parseInt(p, 8);
    else if (/^[1-9][0-9]{0,9}$/.test(p)) n = parseInt(p, 10);
    else return null;
    nums.push(n);
  }
  const last = nums.pop()!;
  let v = 0;
  for (let i = 0; i < nums.length; i++) {
    if (nums[i] > 255) return null;
    v += nums[i] * 2 ** (8 * (3 - i));
  }
  const room = 2 ** (8 * (4 - nums.length));
  if (last >= room) return null;
  return v + last;
}

/** Parses an IPv6 address to 8 groups (accepts an embedded IPv4 tail and a zone). */
export function parseIPv6(s: string): number[] | null {
  let t = s.toLowerCase();
  const pct = t.indexOf("%");
  if (pct >= 0) t = t.slice(0, pct);
  if (!t.includes(":") || t.length > 64) return null;
  const lastColon = t.lastIndexOf(":");
  const lastPart = t.slice(lastColon + 1);
  if (lastPart.includes(".")) {
    const v4 = parseIPv4(lastPart);
    if (v4 === null) return null;
    t = t.slice(0, lastColon + 1) + Math.floor(v4 / 65536).toString(16) + ":" +
      (v4 % 65536).toString(16);
  }
  const halves = t.split("::");
  if (halves.length > 2) return null;
  const parse = (x: string) =>
    x === ""
      ? []
      : x.split(":").map((g) =>
        /^[0-9a-f]{1,4}$/.test(g) ? parseInt(g, 16) : NaN
      );
  const head = parse(halves[0]);
  const rest = halves.length === 2 ? parse(halves[1]) : [];
  const want = 8;
  let groups: number[];
  if (halves.length === 2) {
    const fill = want - head.length - rest.length;
    if (fill < 0) return null;
    groups = [...head, ...new Array(fill).fill(0), ...rest];
  } else groups = head;
  if (groups.length !== 8 || groups.some((g) => Number.isNaN(g))) return null;
  return groups;
}

/** If `host` is a cloud metadata endpoint in any spelling, a description of it. */
export function metadataHost(host: string, hint = false): string | null {
  let h = host.toLowerCase().replace(/^\[|\]$/g, "");
  if (h.endsWith(".")) h = h.slice(0, -1);
  if (!h) return null;
  if (
    /^metadata\.google\.internal$|^metadata\.goog$|^metadata\.tencentyun\.com$|^instance-data(\.ec2\.internal)?$/
      .test(h)
  ) {
    return `the cloud metadata service (${h})`;
  }
  if (h === "metadata" && hint) return "the GCP metadata service (metadata)";
  const wrap =
    /^(.{1,64}?)[.-](?:nip\.io|xip\.io|sslip\.io|nip\.direct|localtest\.me)$/
      .exec(h);
  if (wrap) {
    const inner = wrap[1].replace(/-/g, ".");
    // sslip.io also reads eight hex digits as an address (a9fea9fe.sslip.io).
    const hex = /(?:^|\.)([0-9a-f]{8})$/.exec(inner);
    const d = metadataHost(inner) ??
      metadataHost(inner.replace(/^.*?\.(?=\d)/, "")) ??
      (hex ? V4_TARGETS.get(parseInt(hex[1], 16)) ?? null : null);
    if (d) return d + ` via the wildcard DNS name ${h}`;
  }
  const v4 = parseIPv4(h);
  if (v4 !== null) return V4_TARGETS.get(v4) ?? null;
  const v6 = parseIPv6(h);
  if (v6) {
    if (v6.join(":") === [0xfd00, 0xec2, 0, 0, 0, 0, 0, 0x254].join(":")) {
      return "the AWS IPv6 metadata service (fd00:ec2::254)";
    }
    if (v6.join(":") === [0xfd00, 0xec2, 0, 0, 0, 0, 0, 0x23].join(":")) {
      return "the EKS Pod Identity credentials agent (fd00:ec2::23)";
    }
    const zeroHead = v6.slice(0, 5).every((g) => g === 0);
    const mapped = (zeroHead && (v6[5] === 0xffff || v6[5] === 0)) ||
      (v6[0] === 0x64 && v6[1] === 0xff9b &&
        v6.slice(2, 6).every((g) => g === 0));
    if (mapped) {
      const d = V4_TARGETS.get(v6[6] * 65536 + v6[7]);
      if (d) return d + ` (written as the IPv6 address ${h})`;
    }
  }
  return null;
}

/** The host of a URL, or of a scheme-less `host[:port][/path]`. */
export function hostOf(url: string): string | null {
  let s = url.trim();
  const scheme = /^[a-z][a-z0-9+.-]{0,20}:\/\//i.exec(s);
  if (scheme) s = s.slice(scheme[0].length);
  const end = s.search(/[/?#]/);
  let auth = end < 0 ? s : s.slice(0, end);
  const at = auth.lastIndexOf("@");
  if (at >= 0) auth = auth.slice(at + 1);
  if (auth.startsWith("[")) {
    const close = auth.indexOf("]");
    return close < 0 ? auth.slice(1) : auth.slice(1, close);
  }
  const colons = auth.split(":").length - 1;
  if (colons === 1) auth = auth.slice(0, auth.indexOf(":"));
  return auth || null;
}

/** The metadata endpoint a `--resolve HOST:PORT:ADDR[,ADDR]` or `--connect-to H:P:H2:P2` value pins a name to, or null. */
function pinnedMetadata(v: string): string | null {
  if (v.length > 4096) return null;
  const rest = v.replace(/^[^:]{0,255}:[^:]{0,16}:/, "");
  for (const part of rest.split(",").slice(0, 16)) {
    const bracket = /^\[([^\]]{1,64})\]/.exec(part);
    const host = bracket ? bracket[1] : part.replace(/:\d{1,5}$/, "");
    const d = metadataHost(host, true);
    if (d) return d;
  }
  return null;
}

/** Policy hits for one URL or host text; `hint` when a GCP Metadata-Flavor header accompanies it. */
export function urlHits(
  url: string,
  st: Pick<State, "ctx" | "cwd">,
  hint = false,
): { name: string; reason: string; suggestion?: string }[] {
  const hits: { name: string; reason: string; suggestion?: string }[] = [];
  const host = hostOf(url);
  const path =
    /computeMetadata|latest\/(meta-data|user-data|api\/token)|metadata\/instance|openstack\/latest/i
      .test(url);
  if (host) {
    const d = metadataHost(host, hint || path);
    if (d) {
      hits.push({
        name: "cloud_metadata",
        reason: `request to ${d}: it hands out the machine's cloud credentials`,
        suggestion:
          "use the cloud SDK's normal credential chain instead of calling the metadata service",
      });
    }
  }
  if (/^file:\/\//i.test(url)) {
    const p = decodeURIComponent(
      url.slice(7).replace(/^localhost/i, "").replace(
        /%(?![0-9a-f]{2})/gi,
        "%25",
      ),
    );
    const r = resolvePath(p, st.cwd, st.ctx.home);
    const c: CredentialInfo | null = r
      ? credentialOf(r, st.ctx.home, true)
      : null;
    if (c) {
      hits.push({
        name: c.kind,
        reason: `file:// URL reads ${c.label}`,
        suggestion: "keep credentials out of the agent's context",
      });
    }
  }
  const payload = urlPayload(url);
  if (payload) {
    hits.push({
      name: "credential_exfiltration",
      reason: payload,
      suggestion:
        "never put credentials or dumps into a URL; fetch public pages without query data you did not get from the user",
    });
  }
  const trav = traversalOf(url);
  if (trav) {
    hits.push({
      name: "path_traversal",
      reason: `${
        url.slice(0, 200)
      } climbs out with ../ to reach system files (${trav.slice(0, 120)})`,
    });
  }
  return hits;
}

const NET_TOOLS = new Set([
  "curl",
  "wget",
  "http",
  "https",
  "xh",
  "xhs",
  "fetch",
  "aria2c",
  "nc",
  "ncat",
  "netcat",
  "telnet",
  "socat",
  "httpie",
  "lynx",
  "links",
  "w3m",
  "ping",
  "ssh",
  "iwr",
  "irm",
  "invoke-webrequest",
  "invoke-restmethod",
  "openssl",
]);

/** Commands whose arguments are data, never fetched or opened as paths by us. */
export const DATA_COMMANDS = new Set([
  "echo",
  "printf",
  "grep",
  "egrep",
  "fgrep",
  "rg",
  "ag",
  "ack",
  "man",
  "info",
  "help",
  "which",
  "whereis",
  "whatis",
  "type",
  "hash",
  "apropos",
  "alias",
  "true",
  "false",
  ":",
  "test",
  "[",
  "[[",
  "git",
  "jq",
  "yq",
  "tr",
  "cut",
  "wc",
  "sort",
  "uniq",
  "diff",
  "comm",
  "sed",
  "awk",
  "gawk",
  "mawk",
  "column",
  "fold",
  "fmt",
  "nl",
  "expr",
  "let",
  "read",
  "logger",
  "notify-send",
  "say",
  "cowsay",
  "figlet",
  "toilet",
  "banner",
]);

/** Variables that hold a metadata or credentials endpoint (ECS task role, Azure managed identity, GitHub Actions OIDC). */
const METADATA_VARS =
  /\$\{?(ECS_CONTAINER_METADATA_URI(?:_V4)?|AWS_CONTAINER_CREDENTIALS_(?:FULL|RELATIVE)_URI|IDENTITY_ENDPOINT|MSI_ENDPOINT|ACTIONS_ID_TOKEN_REQUEST_URL)\b/;

/** Every unit: URLs and hosts in its arguments (metadata, file://, traversal). */
export function analyzeUrls(u: Unit, st: State): void {
  if (!u.name || DATA_COMMANDS.has(u.name)) return;
  const net = NET_TOOLS.has(u.name);
  const hint = net &&
    u.args.some((a) =>
      /metadata-flavor\s{0,4}:\s{0,4}google|x-aws-ec2-metadata-token|metadata\s{0,4}:\s{0,4}true/i
        .test(a.text)
    );
  for (let i = 0; i < u.args.length; i++) {
    const a = u.args[i];
    let t = a.text;
    if (t.length > 4096) continue;
    const eq = t.indexOf("=");
    if (net && /^--(resolve|connect-to)(=|$)/.test(t)) {
      // curl --resolve name:80:169.254.169.254: the name is sent to that address.
      const v = eq > 0 ? t.slice(eq + 1) : u.args[i + 1]?.text ?? "";
      const d = pinnedMetadata(v);
      if (d) {
        st.out.matches.add(
          "cloud_metadata",
          `${u.name}: ${
            t.slice(0, 40)
          } sends the request to ${d}: it hands out the machine's cloud credentials`,
          "use the cloud SDK's normal credential chain instead of calling the metadata service",
        );
      }
      continue;
    }
    if (t.startsWith("-") && eq > 0) t = t.slice(eq + 1);
    if (net && !a.known) {
      const v = METADATA_VARS.exec(t);
      const d = v
        ? `the endpoint in $${v[1]}`
        : a.prefix && !a.prefix.startsWith("-")
        ? metadataHost(
          hostOf(
            /:\/\//.test(a.prefix) ? a.prefix : "http://" + a.prefix,
          ) ?? "",
        )
        : null;
      if (d) {
        st.out.matches.add(
          "cloud_metadata",
          `${u.name}: request to ${d}: it hands out the machine's or the job's cloud credentials`,
          "use the cloud SDK's normal credential chain instead of calling the metadata service",
        );
        continue;
      }
    }
    const hasScheme = t.includes("://");
    if (!hasScheme && !net && t.indexOf("..") < 0 && t.indexOf("%") < 0) {
      continue;
    }
    if (!hasScheme && net && t.startsWith("-")) continue;
    for (const h of urlHits(t, st, hint)) {
      st.out.matches.add(h.name, `${u.name}: ${h.reason}`, h.suggestion);
    }
  }
}
