/**
 * `deno run -A scripts/make_sensitive_heldout10.ts > scripts/data/sensitive_heldout10.jsonl`:
 * the tenth held-out set (round 4), written before round 4's rules and
 * measured once. Its carriers differ from held-outs 2..9: Terraform plan
 * output, Helm values, GitHub Actions logs, Slack/Teams exports, Jira and
 * Linear comments, Postgres/MySQL errors quoting rows, Python/Node/Java
 * stack traces with request bodies, devtools network dumps, .pgpass,
 * .my.cnf, .boto, .s3cfg, rclone.conf, kubeconfig, ansible-vault view,
 * CSV/TSV and spreadsheet-to-text; values include labelled wallet keys,
 * passports, driving licences, routing and account numbers, dates of
 * birth and national ids with valid check digits; and look-alikes:
 * hashes, UUIDs, build ids, docs placeholders, masked values, versions,
 * public keys and test vectors.
 *
 * @module
 */

import { ALNUM, B64, DIG, HEX, LOW, Rng, UP } from "./lib/sensitive_corpus.ts";
import {
  aadhaar,
  card,
  cpf,
  dni,
  emitRows,
  FIRST,
  gh,
  iban,
  LAST,
  nhs,
  nie,
  nino,
  personEmail,
  type Row,
  rowAdders,
  sin,
  ssn,
  usPhone,
  uuid,
} from "./lib/sensitive_values.ts";

const r = new Rng(10_0312_2026);
const rows: Row[] = [];
const { sec, pii, ben } = rowAdders(rows);

const pw = () =>
  r.pick(["Quokka", "Basalt", "Juniper", "Fjord", "Cobalt", "Marlin"]) +
  r.pick(["!", "$", "*", "^", "~"]) + r.str(LOW + UP + DIG, 6) +
  r.str(DIG, 2);
const host = () =>
  r.pick(["db", "pg", "mysql", "cache"]) + "-" + r.str(LOW, 4) +
  ".internal.corp";
const name = () => `${r.pick(FIRST)} ${r.pick(LAST)}`;

/** Secret value makers: [format, value, label word]. */
const SECRETS: [string, () => string, string][] = [
  ["aws_secret", () => r.str(B64, 40), "aws_secret_access_key"],
  ["github_pat", () => gh(r, "ghp_"), "token"],
  [
    "slack_bot",
    () => `xoxb-${r.str(DIG, 12)}-${r.str(DIG, 13)}-${r.str(ALNUM, 24)}`,
    "token",
  ],
  ["stripe_live", () => "sk_live_" + r.str(ALNUM, 99), "api_key"],
  ["openai_proj", () =>
    "sk-proj-" + r.str(ALNUM + "_-", 58) + "T3BlbkFJ" +
    r.str(ALNUM + "_-", 58), "OPENAI_API_KEY"],
  [
    "anthropic",
    () => "sk-ant-api03-" + r.str(ALNUM + "_-", 93) + "AA",
    "ANTHROPIC_API_KEY",
  ],
  ["gitlab_pat", () => "glpat-" + r.str(ALNUM + "_-", 20), "private_token"],
  ["npm", () => "npm_" + r.str(ALNUM, 36), "authToken"],
  [
    "sendgrid",
    () => "SG." + r.str(ALNUM + "_-", 22) + "." + r.str(ALNUM + "_-", 43),
    "apikey",
  ],
  ["google_api", () => "AIza" + r.str(ALNUM + "_-", 35), "key"],
  ["password", pw, "password"],
  ["wallet_hex", () => "0x" + r.str(HEX, 64), "private_key"],
  ["hf", () => "hf_" + r.str(ALNUM, 34), "HF_TOKEN"],
];

/** Carriers: a line holding the labelled secret. */
const SEC_CARRIERS: ((label: string, v: string) => string)[] = [
  (l, v) =>
    `Terraform will perform the following actions:\n\n  # aws_ssm_parameter.app will be created\n  + resource "aws_ssm_parameter" "app" {\n      + name  = "/prod/app/${l}"\n      + type  = "SecureString"\n      + value = "${v}"\n    }\n\nPlan: 1 to add, 0 to change, 0 to destroy.`,
  (l, v) =>
    `# values-prod.yaml\nreplicaCount: 3\nimage:\n  tag: "1.14.2"\nsecrets:\n  ${l}: "${v}"\nresources:\n  limits:\n    cpu: 500m`,
  (l, v) =>
    `2026-12-03T07:01:44.1182Z ##[group]Run ./deploy.sh\n2026-12-03T07:01:44.1190Z   env:\n2026-12-03T07:01:44.1191Z     ${l.toUpperCase()}: ${v}\n2026-12-03T07:01:44.1192Z ##[endgroup]`,
  (l, v) =>
    `[${r.int(12) + 1}:${String(r.int(60)).padStart(2, "0")} PM] ${
      r.pick(FIRST)
    }: here's the ${l.replace(/_/g, " ")} for staging, pls don't share: ${v}`,
  (l, v) =>
    `{"type":"message","user":"U0${
      r.str(UP + DIG, 8)
    }","text":"new ${l} is ${v} (rotated today)","ts":"1764745${
      r.str(DIG, 3)
    }.00${r.str(DIG, 4)}"}`,
  (l, v) =>
    `${r.pick(FIRST)} commented on OPS-${
      r.int(9000) + 100
    }:\n> Reproduced with ${l}=${v} against eu-west-1, still 403.`,
  (l, v) =>
    `Traceback (most recent call last):\n  File "/srv/app/client.py", line 88, in send\n    resp.raise_for_status()\nrequests.exceptions.HTTPError: 401 Client Error for url: https://api.example.net/v2/jobs\nrequest body: {"${l}": "${v}", "job": "nightly"}`,
  (l, v) =>
    `Error: Request failed with status code 400\n    at createError (/app/node_modules/axios/lib/core/createError.js:16:15)\n    at settle (/app/node_modules/axios/lib/core/settle.js:17:12)\n  config: { data: '{"${l}":"${v}"}', method: 'post' }`,
  (l, v) =>
    `Request URL: https://internal.example.org/api/session\nRequest Method: POST\nStatus Code: 200 OK\n:authority: internal.example.org\ncontent-type: application/json\n\nRequest Payload\n{"user":"ops","${l}":"${v}"}`,
  (l, v) =>
    `org.springframework.web.client.HttpClientErrorException$Unauthorized: 401\n\tat com.acme.billing.Client.post(Client.java:212)\nCaused by: payload={${l}=${v}, region=eu}`,
  (l, v) =>
    `$ ansible-vault view group_vars/prod/vault.yml\nVault password: \nvault_${l}: "${v}"\nvault_region: eu-central-1`,
];

for (let i = 0; i < 110; i++) {
  const [fmt, mk, label] = SECRETS[i % SECRETS.length];
  const c = SEC_CARRIERS[
    (i * 7 + Math.floor(i / SECRETS.length)) %
    SEC_CARRIERS.length
  ];
  const v = mk();
  sec(`${fmt}/c${SEC_CARRIERS.indexOf(c)}`, c(label, v), v);
}

// Credential files and connection configs (format-specific carriers).
for (let i = 0; i < 4; i++) {
  let p = pw();
  sec(
    "file/pgpass",
    `$ cat ~/.pgpass\n${host()}:5432:billing:svc_billing:${p}\n*:5432:*:readonly:${(p =
      pw())}`,
    p,
  );
  p = pw();
  sec(
    "file/my_cnf",
    `[client]\nuser=reporting\npassword=${p}\nhost=${host()}\n\n[mysqldump]\nquick`,
    p,
  );
  let k = r.str(B64, 40);
  sec(
    "file/boto",
    `[Credentials]\naws_access_key_id = AKIA${
      r.str(UP + DIG, 16)
    }\naws_secret_access_key = ${k}\n\n[Boto]\ndebug = 0`,
    k,
  );
  k = r.str(B64, 40);
  sec(
    "file/s3cfg",
    `[default]\naccess_key = AKIA${
      r.str(UP + DIG, 16)
    }\nsecret_key = ${k}\nhost_base = s3.amazonaws.com\nuse_https = True`,
    k,
  );
  k = r.str(ALNUM + "_-", 44);
  sec(
    "file/rclone",
    `[offsite]\ntype = b2\naccount = ${
      r.str(HEX, 12)
    }\nkey = ${k}\nhard_delete = true`,
    k,
  );
  const jwt = "eyJhbGciOiJSUzI1NiIsImtpZCI6I" + r.str(ALNUM, 20) + "." +
    "eyJpc3MiOiJrdWJlcm5ldGVzL3NlcnZpY2VhY2NvdW50Ii" + r.str(ALNUM, 60) +
    "." + r.str(ALNUM + "_-", 86);
  sec(
    "file/kubeconfig",
    `apiVersion: v1\nkind: Config\nusers:\n- name: ci-deployer\n  user:\n    token: ${jwt}\ncontexts:\n- name: prod`,
    jwt,
  );
  p = pw();
  sec(
    "error/pg_url",
    `psycopg2.OperationalError: connection to server at "${host()}" failed\nDSN: postgresql://app_rw:${p}@${host()}:5432/orders?sslmode=require`,
    p,
  );
}

/** PII makers: [class, value, context line builder]. */
const dob = () =>
  `${1950 + r.int(50)}-${String(1 + r.int(12)).padStart(2, "0")}-${
    String(1 + r.int(28)).padStart(2, "0")
  }`;
const passport = () => r.pick(["5", "6", "C"]) + r.str(DIG, 8);
const dl = () => r.pick(UP.split("")) + r.str(DIG, 7);
const routing = () => {
  for (;;) {
    const d = r.pick(["0", "1", "2"]) + r.str(DIG, 7);
    const w = [3, 7, 1, 3, 7, 1, 3, 7];
    let s = 0;
    for (let i = 0; i < 8; i++) s += Number(d[i]) * w[i];
    const c = (10 - (s % 10)) % 10;
    return d + c;
  }
};

const PII_VALUES: [string, () => string, string][] = [
  ["email", () => personEmail(r), "email"],
  ["ssn", () => ssn(r, "-"), "SSN"],
  ["phone", () => usPhone(r, r.int(6)), "phone"],
  ["card", () => card(r, r.pick(["4", "51", "37"]), 16), "card number"],
  ["iban_de", () => iban("DE", r.str(DIG, 18)), "IBAN"],
  ["iban_fr", () => iban("FR", r.str(DIG, 23)), "IBAN"],
  ["nino", () => nino(r), "NI number"],
  ["sin", () => sin(r), "SIN"],
  ["aadhaar", () => aadhaar(r), "Aadhaar"],
  ["cpf", () => cpf(r), "CPF"],
  ["nhs", () => nhs(r), "NHS number"],
  ["dni", () => dni(r), "DNI"],
  ["nie", () => nie(r), "NIE"],
  ["passport", passport, "passport number"],
  ["dl", dl, "driver's licence"],
  ["dob", dob, "date of birth"],
];

const PII_CARRIERS: ((label: string, v: string, who: string) => string)[] = [
  (l, v, w) =>
    `ERROR:  duplicate key value violates unique constraint "customers_${
      l.replace(/\W+/g, "_").toLowerCase()
    }_key"\nDETAIL:  Key (${
      l.replace(/\W+/g, "_").toLowerCase()
    })=(${v}) already exists.\nCONTEXT:  row for "${w}"`,
  (l, v, w) =>
    `ERROR 1062 (23000): Duplicate entry '${v}' for key 'uniq_${
      l.replace(/\W+/g, "_").toLowerCase()
    }' -- inserting ('${w}', '${v}')`,
  (l, v, w) => `name,${l},city\n"${w}",${v},Leeds\n"${name()}",,Porto`,
  (l, v, w) => `id\tname\t${l}\n${r.int(9000) + 1000}\t${w}\t${v}`,
  (l, v, w) =>
    `Sheet1\nA1: Name | B1: ${l}\nA2: ${w} | B2: ${v}\nA3: total | B3: 1`,
  (l, v, w) =>
    `#support · ${w}: hi, my ${l} is ${v}, can you update my account?`,
  (l, v, w) =>
    `LIN-${
      r.int(900) + 100
    } · comment by triage-bot\nCustomer ${w} reported the issue; ${l}: ${v}. Escalating to billing.`,
  (l, v, w) =>
    `java.lang.IllegalArgumentException: invalid request\n\tat com.acme.kyc.Validator.check(Validator.java:41)\nRequest body: {"fullName":"${w}","${
      l.replace(/\W+/g, "")
    }":"${v}"}`,
  (l, v, w) =>
    `Response\n{"customer":{"name":"${w}","${
      l.replace(/\W+/g, "_").toLowerCase()
    }":"${v}","tier":"gold"}}`,
  (l, v, w) =>
    `Microsoft Teams · ${
      r.pick(FIRST)
    } (HR): onboarding for ${w} — ${l} ${v}, start Monday.`,
];

for (let i = 0; i < 112; i++) {
  const [cls, mk, label] = PII_VALUES[i % PII_VALUES.length];
  const ci = (i * 3 + Math.floor(i / PII_VALUES.length)) % PII_CARRIERS.length;
  const v = mk();
  pii(`${cls}/c${ci}`, PII_CARRIERS[ci](label, v, name()), v);
}
// Addresses and routing/account pairs.
const STREETS = [
  "Larkspur Lane",
  "Ashcombe Road",
  "Tillman Avenue",
  "Quarry Street",
];
for (let i = 0; i < 6; i++) {
  const a = `${10 + r.int(980)} ${r.pick(STREETS)}`;
  pii(
    "address/shipping",
    `Ship to: ${name()}\n${a}\nSpringfield, IL 62${r.str(DIG, 3)}`,
    a,
  );
  const rt = routing();
  const acct = r.str(DIG, 10);
  pii(
    "bank/us_ach",
    `ACH payee: ${name()}; routing number ${rt}; account number ${acct}`,
    rt,
    acct,
  );
}

/** Benign look-alikes. */
const hx = (n: number) => r.str(HEX, n);
const BENIGN: (() => string)[] = [
  () =>
    `  ~ resource "aws_db_instance" "main" {\n      ~ password = (sensitive value)\n    }`,
  () => `2026-12-03T07:01:44Z     API_TOKEN: ***`,
  () => `secrets:\n  apiKey: ""  # set via --set secrets.apiKey=...`,
  () => `sha256sum: ${hx(64)}  release.tar.gz`,
  () => `commit ${hx(40)}\nAuthor: build-bot <ci@example.com>`,
  () => `request_id=${uuid(r)} status=200 duration=${r.int(900)}ms`,
  () =>
    `Build #${r.int(99999)} · id ${hx(12)} · node v20.${r.int(20)}.${r.int(9)}`,
  () => `export STRIPE_KEY=sk_test_XXXXXXXXXXXXXXXXXXXXXXXX  # docs example`,
  () => `password: ******** (hidden)`,
  () => `card: **** **** **** ${r.str(DIG, 4)}`,
  () => `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${r.str(B64, 43)} deploy@ci`,
  () =>
    `Version: ${r.int(9)}.${r.int(30)}.${r.int(99)}-rc.${r.int(9)}+build.${
      r.str(DIG, 6)
    }`,
  () => `Test vector: SHA-1("abc") = a9993e364706816aba3e25717850c26c9cd0d89d`,
  () => `pubkey: 0x04${hx(128)}`,
  () => `tx hash: 0x${hx(64)}`,
  () => `wallet address: 0x${hx(40)}`,
  () => `ERROR:  relation "orders" does not exist at character 15`,
  () =>
    `ERROR 1045 (28000): Access denied for user 'app'@'10.0.3.7' (using password: YES)`,
  () =>
    `Traceback (most recent call last):\n  File "main.py", line 3, in <module>\nKeyError: 'password'`,
  () => `    at Object.<anonymous> (/app/index.js:${r.int(300)}:${r.int(40)})`,
  () =>
    `Request URL: https://cdn.example.net/app.${
      hx(8)
    }.js\nStatus Code: 304 Not Modified`,
  () => `*:*:*:postgres:$PGPASSWORD`,
  () => `[client]\nuser=root\npassword=\nsocket=/var/run/mysqld/mysqld.sock`,
  () =>
    `[default]\naccess_key = $AWS_ACCESS_KEY_ID\nsecret_key = $AWS_SECRET_ACCESS_KEY`,
  () => `[remote]\ntype = s3\nprovider = AWS\nenv_auth = true`,
  () =>
    `users:\n- name: dev\n  user:\n    exec:\n      command: aws\n      args: ["eks", "get-token"]`,
  () =>
    `$ANSIBLE_VAULT;1.1;AES256\n${r.str(DIG + "abcdef", 64)}\n${
      r.str(DIG + "abcdef", 64)
    }`,
  () =>
    `name,qty,price\nwidget,${r.int(99)},${r.int(99)}.99\ngadget,${
      r.int(9)
    },4.50`,
  () =>
    `id\tstatus\tupdated\n${r.int(99999)}\tclosed\t2026-11-${
      String(1 + r.int(28)).padStart(2, "0")
    }`,
  () =>
    `OPS-${
      r.int(9000)
    }: rotate the staging token before Friday (no value here)`,
  () =>
    `[9:14 AM] ${
      r.pick(FIRST)
    }: the password is in 1Password under "staging db"`,
  () => `Order ${r.str(DIG, 9)} shipped · tracking ${r.str(UP + DIG, 18)}`,
  () => `ISBN 978-${r.int(9)}-${r.str(DIG, 3)}-${r.str(DIG, 5)}-${r.int(9)}`,
  () => `Example IBAN from the docs: DE00 0000 0000 0000 0000 00`,
  () => `SSN format: XXX-XX-XXXX`,
  () => `Call the front desk at extension ${r.str(DIG, 4)}`,
  () =>
    `Helm chart version 4.${r.int(20)}.${r.int(9)}, appVersion "${r.int(3)}.${
      r.int(20)
    }.0"`,
  () => `image: ghcr.io/acme/api@sha256:${hx(64)}`,
  () => `integrity: sha512-${r.str(B64, 86)}==`,
  () => `checksum: md5 ${hx(32)}`,
  () => `Passport office hours: 9:00–17:00, Monday to Friday`,
  () => `date_of_birth: null  # optional field`,
  () => `Routing table: 10.0.${r.int(255)}.0/24 via eth0 metric ${r.int(100)}`,
  () => `nonce=${hx(32)}&ts=${1764745000 + r.int(9999)}`,
  () => `Terraform v1.${r.int(9)}.${r.int(9)} on linux_amd64`,
  () => `Run actions/checkout@${hx(40)}`,
  () => `Secret "app-env" created (3 keys)`,
  () => `token_type: Bearer, expires_in: 3600, scope: read:org`,
  () =>
    `-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE${
      r.str(B64, 52)
    }==\n-----END PUBLIC KEY-----`,
  () => `session cookie: sid=<redacted>; Path=/; HttpOnly`,
];
for (let i = 0; i < 160; i++) {
  ben(`lookalike/${i % BENIGN.length}`, BENIGN[i % BENIGN.length]());
}

emitRows(rows);
