/**
 * A generated, labelled corpus for the PII and secret scanner: secrets by
 * published format, PII with valid checksums, each in several realistic
 * carriers (logs, env files, JSON, CSV exports, psql tables, curl output)
 * and disguises (escapes, encodings, colour codes, zero-width characters,
 * line splits), plus benign developer text full of look-alikes (hashes,
 * UUIDs, versions, build numbers, ids, timestamps, example URLs).
 *
 * Every case names the value that must be redacted. The generator is seeded,
 * so a seed is a fixed held-out set; the unit tests use other seeds and
 * other hand-written samples than `deno run scripts/eval_sensitive.ts`.
 *
 * @module
 */

import {
  ibanCheckDigits,
  luhnCheckDigit,
  nricCheckLetter,
  verhoeffCheckDigit,
} from "../../governance/engine/detect/checksums.ts";

/** One labelled text: `value` (for positives) is what must end up redacted. */
export interface SensitiveCase {
  text: string;
  label: "secret" | "pii" | "benign";
  /** Family, e.g. `github_token`, `ssn/dots`, `benign/uuid`. */
  family: string;
  /** The sensitive substrings of `text` (each must be covered by redaction). */
  values: string[];
}

/** A small seeded PRNG (mulberry32). */
export class Rng {
  #s: number;
  /** A generator starting from `seed`. */
  constructor(seed: number) {
    this.#s = seed | 0;
  }
  /** An integer in [0, n). */
  int(n: number): number {
    this.#s = (this.#s + 0x6d2b79f5) | 0;
    let t = this.#s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) / 4294967296 * n) | 0;
  }
  /** `n` characters drawn from `alphabet`. */
  str(alphabet: string, n: number): string {
    let s = "";
    for (let i = 0; i < n; i++) s += alphabet[this.int(alphabet.length)];
    return s;
  }
  /** One element of `list`. */
  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)];
  }
}

/** Alphabets the generators draw from. */
export const DIG = "0123456789";
/** Lower-case hexadecimal digits. */
export const HEX = "0123456789abcdef";
/** Lower-case ASCII letters. */
export const LOW = "abcdefghijklmnopqrstuvwxyz";
/** Upper-case ASCII letters. */
export const UP = LOW.toUpperCase();
/** Letters and digits. */
export const ALNUM = UP + LOW + DIG;
/** Letters, digits, `_` and `-` (URL-safe base64). */
export const URLSAFE = ALNUM + "_-";
/** The base64 alphabet without padding. */
export const B64 = ALNUM + "+/";

// ------------------------------------------------------------ secrets

/** Secret generators: family → a fresh value. */
function secretValues(r: Rng): [string, () => string][] {
  return [
    ["github_pat", () => "ghp_" + r.str(ALNUM, 36)],
    ["github_server", () => "ghs_" + r.str(ALNUM, 36)],
    ["github_user", () => "ghu_" + r.str(ALNUM, 36)],
    ["github_refresh", () => "ghr_" + r.str(ALNUM, 76)],
    [
      "github_fine_grained",
      () => "github_pat_" + r.str(ALNUM, 22) + "_" + r.str(ALNUM, 59),
    ],
    ["gitlab_pat", () => "glpat-" + r.str(URLSAFE, 20)],
    [
      "slack_bot",
      () => `xoxb-${r.str(DIG, 12)}-${r.str(DIG, 13)}-${r.str(ALNUM, 24)}`,
    ],
    ["stripe_live", () => "sk_live_" + r.str(ALNUM, 24 + r.int(76))],
    ["openai_project", () => "sk-proj-" + r.str(URLSAFE, 156)],
    ["anthropic", () => "sk-ant-api03-" + r.str(URLSAFE, 93) + "AA"],
    ["google_api", () => "AIza" + r.str(URLSAFE, 35)],
    [
      "tailscale",
      () =>
        `tskey-${r.pick(["auth", "api", "client"])}-k${r.str(ALNUM, 11)}CNTRL-${
          r.str(ALNUM, 32)
        }`,
    ],
    [
      "fcm_server_key",
      () => `AAAA${r.str(URLSAFE, 7)}:APA91b${r.str(URLSAFE, 134)}`,
    ],
    [
      "shopify",
      () => r.pick(["shpat_", "shpss_", "shpca_", "shppa_"]) + r.str(HEX, 32),
    ],
    ["linear", () => "lin_api_" + r.str(ALNUM, 40)],
    ["npm", () => "npm_" + r.str(ALNUM, 36)],
    ["pypi", () => "pypi-AgEIcHlwaS5vcmc" + r.str(URLSAFE, 60)],
    ["sendgrid", () => `SG.${r.str(URLSAFE, 22)}.${r.str(URLSAFE, 43)}`],
    ["digitalocean", () => "dop_v1_" + r.str(HEX, 64)],
    ["vault", () => "hvs." + r.str(URLSAFE, 24)],
    ["huggingface", () => "hf_" + r.str(ALNUM, 34)],
  ];
}

/** Carriers of a bare token: where a tool's output shows it. */
const TOKEN_CARRIERS: ((v: string, r: Rng) => string)[] = [
  (v) => `export API_TOKEN=${v}`,
  (v) => `{"name": "ci", "token": "${v}", "scopes": ["repo"]}`,
  (v) => `Authorization: Bearer ${v}`,
  (v) => `2026-11-30T10:12:44Z INFO client configured token=${v} retries=3`,
  (v) => `  credentials:\n    secret: ${v}\n    region: eu-west-1`,
  (v) => `I rotated it, the new one is ${v} — please update the runner.`,
  (v) => `id,name,value\n7,deploy,${v}\n8,backup,none`,
  (v, r) =>
    `curl -s -H "X-Api-Key: ${v}" https://api.example.net/v${
      r.int(3) + 1
    }/items`,
];

/** AWS key pairs in the shapes `aws` and the console print them. */
function awsPair(r: Rng): SensitiveCase {
  const id = r.pick(["AKIA", "ASIA"]) + r.str(UP + "234567", 16);
  const secret = r.str(B64, 40);
  const user = r.pick(["deploy-bot", "ci", "alice", "terraform"]);
  const shapes = [
    `User name,Password,Access key ID,Secret access key,Console login link\n${user},,${id},${secret},https://123456789012.signin.aws.amazon.com/console`,
    `Access key ID,Secret access key\n${id},${secret}`,
    `ACCESSKEY\t${user}\t2026-11-30T09:00:00+00:00\t${secret}\tActive\t${id}`,
    `{\n    "AccessKey": {\n        "UserName": "${user}",\n        "AccessKeyId": "${id}",\n        "Status": "Active",\n        "SecretAccessKey": "${secret}",\n        "CreateDate": "2026-11-30T09:00:00+00:00"\n    }\n}`,
    `[default]\naws_access_key_id = ${id}\naws_secret_access_key = ${secret}`,
  ];
  const k = r.int(shapes.length);
  return {
    text: shapes[k],
    label: "secret",
    family: `aws_pair/${
      ["console_csv", "csv", "cli_text", "cli_json", "ini"][k]
    }`,
    values: [id, secret],
  };
}

function pem(r: Rng): string {
  const kind = r.pick(["RSA ", "EC ", "OPENSSH ", ""]);
  const lines = [];
  for (let i = 0; i < 6 + r.int(20); i++) lines.push(r.str(B64, 64));
  return `-----BEGIN ${kind}PRIVATE KEY-----\n${
    lines.join("\n")
  }\n-----END ${kind}PRIVATE KEY-----`;
}

function walletKey(r: Rng): SensitiveCase {
  const hex = r.str(HEX, 64);
  const label = r.pick([
    "PRIVATE_KEY",
    "privateKey",
    "wallet private key",
    "ETH_PRIVATE_KEY",
    "deployer_private_key",
  ]);
  const v = r.int(2) ? "0x" + hex : hex;
  const text = r.pick([
    `${label}=${v}`,
    `{"${label}": "${v}", "rpc": "https://mainnet.infura.io/v3/"}`,
    `${label}: ${v}`,
  ]);
  return { text, label: "secret", family: "wallet_hex_key", values: [hex] };
}

/** Disguises a value the way tool output does; returns the text's value as it appears. */
const DISGUISES: [string, (v: string, r: Rng) => string][] = [
  [
    "json_unicode",
    (v) =>
      v.replace(
        /[_\-.:]/g,
        (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"),
      ).replace(
        /^(.)/,
        (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"),
      ),
  ],
  [
    "url_encoded",
    (v) =>
      v.replace(
        /[_\-.:]/g,
        (c) =>
          "%" + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0"),
      )
        .replace(
          /^(.)/,
          (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase(),
        ),
  ],
  [
    "html_entities",
    (v) =>
      v.replace(/[_\-.:]/g, (c) => `&#${c.charCodeAt(0)};`).replace(
        /^(.)/,
        (c) => `&#x${c.charCodeAt(0).toString(16)};`,
      ),
  ],
  ["ansi", (v) => {
    const a = Math.floor(v.length / 3);
    return `\x1b[1;31m${v.slice(0, a)}\x1b[0m\x1b[33m${v.slice(a)}\x1b[0m`;
  }],
  ["zero_width", (v, r) => {
    const at = 4 + r.int(Math.max(1, v.length - 8));
    return v.slice(0, at) + r.pick(["\u200b", "\u200c", "\u2060", "\ufeff"]) +
      v.slice(at);
  }],
  [
    "full_width",
    (v) =>
      [...v].map((c) =>
        c >= "!" && c <= "~"
          ? String.fromCharCode(c.charCodeAt(0) - 0x21 + 0xff01)
          : c
      ).join(""),
  ],
  ["split_lines", (v) => {
    const at = Math.floor(v.length / 2);
    return v.slice(0, at) + "\n" + v.slice(at);
  }],
];

function secretCases(r: Rng, n: number): SensitiveCase[] {
  const out: SensitiveCase[] = [];
  const gens = secretValues(r);
  for (let i = 0; i < n; i++) {
    const which = i % 10;
    if (which === 0) {
      out.push(awsPair(r));
    } else if (which === 1) {
      const key = pem(r);
      const text = r.pick([
        key,
        `{"type": "service_account", "private_key": ${
          JSON.stringify(key + "\n")
        }}`,
        `$ cat deploy/id_rsa\n${key}\n$`,
      ]);
      out.push({
        text,
        label: "secret",
        family: "pem_private_key",
        values: [key.split("\n")[1]],
      });
    } else if (which === 2) {
      out.push(walletKey(r));
    } else if (which === 3) {
      const pw = r.str(ALNUM, 1) + r.str(ALNUM + "!#^*", 12 + r.int(10));
      const user = r.pick(["app", "svc_orders", "admin", "reporting"]);
      const host = r.pick(["db.internal", "10.2.3.4", "pg-main.prod.svc"]);
      const text = r.pick([
        `DATABASE_URL=postgres://${user}:${pw}@${host}:5432/orders`,
        `mongodb+srv://${user}:${pw}@cluster0.ab12c.mongodb.net/test`,
        `password: "${pw}"`,
        `Okta says: Authorization: SSWS 00${r.str(URLSAFE, 40)}`,
      ]);
      const okta = /SSWS (\S+)/.exec(text);
      out.push({
        text,
        label: "secret",
        family: okta ? "okta_ssws" : "password",
        values: [okta ? okta[1] : pw],
      });
    } else if (which === 4 || which === 5) {
      // a disguised token
      const [fam, gen] = r.pick(gens);
      const v = gen();
      const [dname, disguise] = r.pick(DISGUISES);
      const shown = disguise(v, r);
      const carrier = r.pick([
        (s: string) => `{"token":"${s}"}`,
        (s: string) => `token=${s}`,
        (s: string) => `found credential ${s} in build log`,
        (s: string) => `GET /callback?access_token=${s}&state=x HTTP/1.1`,
      ]);
      out.push({
        text: carrier(shown),
        label: "secret",
        family: `disguise/${dname}`,
        values: [
          (shown.endsWith("\x1b[0m") ? shown.slice(0, -4) : shown).slice(-4),
        ],
      });
      void fam;
    } else if (which === 6) {
      // base64 of a credentials block
      const id = "AKIA" + r.str(UP + "234567", 16);
      const sec = r.str(B64, 40);
      const block = btoa(
        `[default]\naws_access_key_id = ${id}\naws_secret_access_key = ${sec}\n`,
      );
      const text = r.pick([
        `data:\n  credentials: ${block}\n`,
        `{"kind":"Secret","data":{"config":"${block}"}}`,
      ]);
      out.push({
        text,
        label: "secret",
        family: "base64_block",
        values: [block.slice(0, 20)],
      });
    } else {
      const [fam, gen] = r.pick(gens);
      const v = gen();
      out.push({
        text: r.pick(TOKEN_CARRIERS)(v, r),
        label: "secret",
        family: fam,
        values: [v],
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------- PII

function luhnCard(r: Rng): string {
  const [prefix, len] = r.pick([
    ["4", 16],
    ["51", 16],
    ["55", 16],
    ["2221", 16],
    ["37", 15],
    ["6011", 16],
    ["3530", 16],
  ] as [string, number][]);
  const payload = prefix + r.str(DIG, len - prefix.length - 1);
  return payload + luhnCheckDigit(payload);
}

function groupCard(d: string, sep: string): string {
  if (d.length === 15) {
    return `${d.slice(0, 4)}${sep}${d.slice(4, 10)}${sep}${d.slice(10)}`;
  }
  return d.match(/.{1,4}/g)!.join(sep);
}

function ssn(r: Rng): [string, string, string] {
  let area: number;
  do area = 1 + r.int(898); while (area === 666);
  return [
    String(area).padStart(3, "0"),
    String(1 + r.int(99)).padStart(2, "0"),
    String(1 + r.int(9999)).padStart(4, "0"),
  ];
}

function aadhaar(r: Rng): string {
  const p = String(2 + r.int(8)) + r.str(DIG, 10);
  return p + verhoeffCheckDigit(p);
}

const FIRST = [
  "Jane",
  "Arjun",
  "Li",
  "Maria",
  "Tomás",
  "Aisha",
  "Kenji",
  "Olu",
];
const LAST = [
  "Roe",
  "Sharma",
  "Wei",
  "Garcia",
  "Novak",
  "Khan",
  "Sato",
  "Bello",
];

function person(r: Rng): string {
  return `${r.pick(FIRST)} ${r.pick(LAST)}`;
}

function email(r: Rng): string {
  return `${r.pick(FIRST).toLowerCase()}.${r.pick(LAST).toLowerCase()}${
    r.int(100)
  }@${r.pick(["gmail.com", "corp-mail.io", "outlook.com", "acme.co.uk"])}`;
}

function ktp(r: Rng): string {
  const prov = r.pick([
    "11",
    "12",
    "31",
    "32",
    "33",
    "35",
    "51",
    "61",
    "73",
    "91",
  ]);
  const day = 1 + r.int(28) + (r.int(2) ? 40 : 0);
  const month = 1 + r.int(12);
  const year = r.int(100);
  return prov + String(1 + r.int(70)).padStart(2, "0") +
    String(1 + r.int(40)).padStart(2, "0") + String(day).padStart(2, "0") +
    String(month).padStart(2, "0") + String(year).padStart(2, "0") +
    String(1 + r.int(9998)).padStart(4, "0");
}

function uen(r: Rng): string {
  return r.pick([
    () => r.str(DIG, 8) + r.pick([..."CDEGHJKLMNRSWXZ"]),
    () => String(1990 + r.int(36)) + r.str(DIG, 5) + r.pick([..."CDEGHKMNRWZ"]),
    () =>
      "T" + String(10 + r.int(16)) + r.pick(["LL", "PF", "SS", "CP"]) +
      r.str(DIG, 4) + r.pick([..."ABCDEFGHJK"]),
  ])();
}

function piiCase(r: Rng, i: number): SensitiveCase {
  const k = i % 24;
  const pii = (
    family: string,
    text: string,
    ...values: string[]
  ): SensitiveCase => ({
    text,
    label: "pii",
    family,
    values,
  });
  switch (k) {
    case 0: {
      const s = ssn(r).join("-");
      return pii(
        "ssn/dash",
        r.pick([
          `SSN on file: ${s}`,
          `${person(r)},${s},active`,
          `"ssn": "${s}"`,
        ]),
        s,
      );
    }
    case 1: {
      const s = ssn(r).join(".");
      return pii(
        "ssn/dots",
        r.pick([`ssn ${s}`, `customer ${person(r)} (${s})`]),
        s,
      );
    }
    case 2: {
      const c = luhnCard(r);
      return pii(
        "card/plain",
        r.pick([`${1 + r.int(99)},${c}`, `card: ${c}`, `"pan":"${c}"`]),
        c,
      );
    }
    case 3: {
      const c = groupCard(
        luhnCard(r),
        r.pick([".", "_", "/", " - ", "\u00a0", " ", "-"]),
      );
      return pii("card/separators", `Card number ${c} exp 09/29`, c);
    }
    case 4: {
      const e = email(r);
      return pii(
        "email/plain",
        r.pick([
          `${person(r)},${e},2026-01-04`,
          `From: ${e}`,
          `contact <${e}>`,
        ]),
        e,
      );
    }
    case 5: {
      const name = r.pick(FIRST).toLowerCase() + "." +
        r.pick(LAST).toLowerCase();
      const dom = r.pick(["gmail", "proton", "acme"]);
      const style = r.int(3);
      const text = style === 0
        ? `${name} [at] ${dom} [dot] com`
        : style === 1
        ? `${name}(at)${dom}(dot)com`
        : `${name} at ${dom} dot com`;
      return pii("email/obfuscated", `write to ${text} for access`, name);
    }
    case 6: {
      const d = String(2 + r.int(8)) + r.str(DIG, 2);
      const p = `(${d}) ${2 + r.int(8)}${r.str(DIG, 2)}-${r.str(DIG, 4)}`;
      return pii("phone/us", `call ${p} after 5pm`, p);
    }
    case 7: {
      const n = String(6 + r.int(4)) + r.str(DIG, 9);
      const p = r.pick([
        `+91-${n.slice(0, 5)}-${n.slice(5)}`,
        `+91 ${n}`,
        `0${n}`,
        `+91${n}`,
      ]);
      return pii(
        "phone/india",
        r.pick([`mobile ${p}`, `${person(r)} ${p}`, `reach me on ${p}`]),
        p,
      );
    }
    case 8: {
      const country = r.pick(["DE", "GB", "FR", "NL"]);
      const bban = country === "DE"
        ? r.str(DIG, 18)
        : country === "GB"
        ? "NWBK" + r.str(DIG, 14)
        : country === "FR"
        ? r.str(DIG, 23)
        : "ABNA" + r.str(DIG, 10);
      const iban = country + ibanCheckDigits(country, bban) + bban;
      return pii("iban", `IBAN: ${iban}`, iban);
    }
    case 9: {
      const a = aadhaar(r);
      return pii(
        "aadhaar/labelled",
        r.pick([
          `uid=${a} status=verified`,
          `Aadhaar: ${a.slice(0, 4)} ${a.slice(4, 8)} ${a.slice(8)}`,
          `aadhaar_no,${a}`,
        ]),
        r.int(1) ? a : a.slice(0, 4),
      );
    }
    case 10: {
      const pre = r.pick(["S", "T"]);
      const d = r.str(DIG, 7);
      const id = pre + d + nricCheckLetter(pre, d);
      return pii(
        "nric/labelled",
        r.pick([`NRIC: ${id}`, `nric=${id}`, `NRIC/FIN ${id}`]),
        id,
      );
    }
    case 11: {
      const u = uen(r);
      return pii(
        "uen/labelled",
        r.pick([`UEN: ${u}`, `uen=${u}`, `Company UEN ${u}`]),
        u,
      );
    }
    case 12: {
      const n = ktp(r);
      return pii("ktp", r.pick([`NIK: ${n}`, `No. KTP ${n}`, `nik=${n}`]), n);
    }
    case 13: {
      const p = r.pick(UP.split("")) + r.str(DIG, 8);
      return pii(
        "passport/labelled",
        r.pick([`Passport No: ${p}`, `passport_number=${p}`]),
        p,
      );
    }
    case 14: {
      const d = `${1950 + r.int(50)}-0${1 + r.int(9)}-${10 + r.int(18)}`;
      return pii(
        "dob/labelled",
        r.pick([`DOB: ${d}`, `date_of_birth=${d}`, `born on ${d}`]),
        d,
      );
    }
    case 15: {
      const a = r.str(DIG, 10 + r.int(5));
      return pii(
        "bank_account/labelled",
        r.pick([
          `Account number: ${a}`,
          `acct_no=${a}`,
          `bank account no. ${a}`,
        ]),
        a,
      );
    }
    case 16: {
      const ip = `${11 + r.int(180)}.${r.int(255)}.${r.int(255)}.${
        1 + r.int(254)
      }`;
      return pii("ipv4", r.pick([`client ${ip} connected`, `from=${ip}`]), ip);
    }
    case 17: {
      const ip = `2001:db8:${r.str(HEX, 4)}:${r.str(HEX, 3)}::${r.str(HEX, 2)}`;
      return pii(
        "ipv6",
        r.pick([`client [${ip}]:443 connected`, `remote_addr=${ip}`]),
        ip,
      );
    }
    case 18: {
      // CSV export with a header naming the columns
      const rows = [];
      const vals: string[] = [];
      for (let j = 0; j < 3; j++) {
        const s = ssn(r).join("-");
        const dob = `${1950 + r.int(50)}-0${1 + r.int(9)}-1${r.int(9)}`;
        rows.push(`${j + 1},${person(r)},${s},${dob}`);
        vals.push(s, dob);
      }
      return pii(
        "table/csv_header",
        `id,name,ssn,dob\n${rows.join("\n")}`,
        ...vals,
      );
    }
    case 19: {
      const vals: string[] = [];
      const rows = [];
      for (let j = 0; j < 2; j++) {
        const c = luhnCard(r);
        const p = r.pick(UP.split("")) + r.str(DIG, 8);
        vals.push(c, p);
        rows.push(
          ` ${String(j + 1).padStart(2)} | ${person(r).padEnd(14)} | ${
            c.padEnd(16)
          } | ${p}`,
        );
      }
      return pii(
        "table/psql",
        ` id | name           | card_number      | passport\n----+----------------+------------------+-----------\n${
          rows.join("\n")
        }\n(2 rows)`,
        ...vals,
      );
    }
    case 20: {
      const vals: string[] = [];
      const rows = [];
      for (let j = 0; j < 2; j++) {
        const a = r.str(DIG, 9);
        vals.push(a);
        rows.push(`${j + 1}\t${person(r)}\t${a}`);
      }
      return pii(
        "table/tsv_header",
        `id\tholder\taccount_number\n${rows.join("\n")}`,
        ...vals,
      );
    }
    case 21: {
      const s = ssn(r).join("-");
      const shown = r.pick([
        s.replace(/-/g, "\\u002d"),
        s.replace(/-/g, "%2D"),
        s.replace(/-/g, "&#45;"),
        `\x1b[31m${s}\x1b[0m`,
      ]);
      return pii("disguise/ssn", `{"note":"ssn ${shown}"}`, shown);
    }
    case 22: {
      const c = groupCard(luhnCard(r), " ");
      const fw = [...c].map((ch) =>
        ch === " " ? ch : String.fromCharCode(ch.charCodeAt(0) - 0x30 + 0xff10)
      ).join("");
      return pii("disguise/card_full_width", `card ${fw}`, fw);
    }
    default: {
      const e = email(r);
      const shown = e.replace(
        "@",
        r.pick(["%40", "&#64;", "\\u0040", "&commat;"]),
      );
      return pii("disguise/email", `user=${shown}`, shown);
    }
  }
}

// ------------------------------------------------------------- benign

/** A version-4 UUID from the seeded generator. */
function uuid(r: Rng): string {
  return `${r.str(HEX, 8)}-${r.str(HEX, 4)}-4${r.str(HEX, 3)}-${
    r.pick(["8", "9", "a", "b"])
  }${r.str(HEX, 3)}-${r.str(HEX, 12)}`;
}

function benignCase(r: Rng, i: number): SensitiveCase {
  const t: (() => string)[] = [
    () => `commit ${r.str(HEX, 40)}\nAuthor: CI <ci@noreply>`,
    () =>
      `sha256:${r.str(HEX, 64)}  dist/app-${r.int(9)}.${r.int(20)}.${
        r.int(9)
      }.tar.gz`,
    () => `request_id=${uuid(r)} took ${r.int(900)}ms`,
    () =>
      `Windows build ${r.int(11)}.${r.int(3)}.${r.int(30000)}.${r.int(3000)}`,
    () =>
      `Chrome/${100 + r.int(30)}.0.${r.int(7000)}.${r.int(200)} Safari/537.36`,
    () => `version ${r.int(9)}.${r.int(40)}.${r.int(9)}.${r.int(200)} released`,
    () =>
      `build ${r.int(9)}.${r.int(9)}.${r.int(99)}.${r.int(99)} (${
        r.pick(["x64", "arm64"])
      })`,
    () => `DATABASE_URL=postgres://postgres:postgres@localhost:5432/app_dev`,
    () => `mysql://root:root@127.0.0.1:3306/test`,
    () => `redis://user:password@localhost:6379/0`,
    () => `postgresql://<user>:<password>@<host>:5432/<db>`,
    () => `amqp://guest:guest@localhost:5672//`,
    () =>
      `-----BEGIN RSA PRIVATE KEY-----\nMIIE...\n-----END RSA PRIVATE KEY-----`,
    () =>
      `-----BEGIN PRIVATE KEY-----\n<your key here>\n-----END PRIVATE KEY-----`,
    () => `"client_email": "my-sa@my-project.iam.gserviceaccount.com"`,
    () =>
      `"client_email": "your-service-account@your-project.iam.gserviceaccount.com", "type": "service_account"`,
    () => `aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY`,
    () => `GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`,
    () => `api_key: "sk_live_xxxxxxxxxxxxxxxxxxxxxxxx"`,
    () => `total,${r.int(9)},${r.int(999)},${r.int(999)},${r.int(999)}`,
    () =>
      `${r.int(30) + 1}/${r.int(12) + 1}/2026 ${r.int(24)}:${r.int(60)}:${
        r.int(60)
      }`,
    () =>
      `2026-${String(1 + r.int(12)).padStart(2, "0")}-${
        String(1 + r.int(28)).padStart(2, "0")
      }T${r.int(24)}:00:00.${r.str(DIG, 6)}Z`,
    () => `ts=${1700000000000 + r.int(90000000000)} seq=${r.int(1e9)}`,
    () => `"integrity": "sha512-${r.str(B64, 86)}=="`,
    () =>
      `order_id,amount,currency\n${r.str(DIG, 10)},${r.int(999)}.${
        r.int(99)
      },EUR`,
    () => `color: #${r.str(HEX, 6)}; margin: ${r.int(20)}px`,
    () => `listening on 0.0.0.0:${1024 + r.int(60000)}`,
    () => `Step ${r.int(20)}/${r.int(20) + 20} : RUN npm ci --omit=dev`,
    () => `image: ghcr.io/acme/api@sha256:${r.str(HEX, 64)}`,
    () => `k8s pod api-${r.str(HEX, 10)}-${r.str(LOW + DIG, 5)} Running`,
    () =>
      `  ${r.int(9)}.${r.int(9)}.${r.int(9)}  ${r.int(99)}.${r.int(99)}.${
        r.int(99)
      }  lodash`,
    () =>
      `ERROR ${r.int(900) + 100} at line ${r.int(9999)}, column ${r.int(99)}`,
    () =>
      `| id | status | updated_at |\n|  ${r.int(999)} | ok | 2026-11-${
        10 + r.int(18)
      } |`,
    () => `password: ${"*".repeat(8 + r.int(8))}`,
    () => `token: <redacted>`,
    () => `AWS_SECRET_ACCESS_KEY=$AWS_SECRET_ACCESS_KEY`,
    () => `export PASSWORD="\${DB_PASSWORD}"`,
    () =>
      `see https://example.com/docs/${r.str(LOW, 8)}?page=${r.int(9)}&ref=${
        r.str(HEX, 8)
      }`,
    () => `uuid,${uuid(r)},${uuid(r)}`,
    () =>
      `Processed ${r.int(9)},${r.str(DIG, 3)},${r.str(DIG, 3)} rows in ${
        r.int(99)
      }.${r.int(9)}s`,
    () =>
      `node v${18 + r.int(6)}.${r.int(20)}.${r.int(9)} on linux-x64, V8 ${
        r.int(12)
      }.${r.int(9)}.${r.int(300)}.${r.int(30)}`,
    () => `Mon Dec  1 ${r.int(24)}:${r.int(60)}:00 UTC 2026`,
    () => `the documented example key id is AKIAIOSFODNN7EXAMPLE`,
    () =>
      `Setting up libssl3:amd64 (3.0.${r.int(20)}-1ubuntu${r.int(9)}.${
        r.int(9)
      }) ...`,
    () => `isbn 978-${r.int(9)}-${r.str(DIG, 3)}-${r.str(DIG, 5)}-${r.int(9)}`,
    () => `{"id": ${r.str(DIG, 16)}, "parent_id": ${r.str(DIG, 16)}}`,
    () => `0x${r.str(HEX, 40)} transferred 1.5 ETH`,
    () => `tx hash 0x${r.str(HEX, 64)} confirmed in block ${r.int(2e7)}`,
    () => `write to support [at] the desk, or dot your i's`,
  ];
  const text = t[i % t.length]();
  return {
    text,
    label: "benign",
    family: `benign/${i % t.length}`,
    values: [],
  };
}

/** The corpus for `seed`: `n` cases of each label (secret, PII, benign look-alikes). */
export function sensitiveCorpus(seed: number, n: number): SensitiveCase[] {
  const r = new Rng(seed);
  const out = secretCases(r, n);
  for (let i = 0; i < n; i++) out.push(piiCase(r, i));
  for (let i = 0; i < n; i++) out.push(benignCase(r, i));
  return out;
}
