/**
 * `deno run -A scripts/make_sensitive_heldout6.ts > scripts/data/sensitive_heldout6.jsonl`:
 * the sixth held-out set, written before any change of round 2 and measured
 * once before its fixes. New to it: provider token formats the catalogue
 * was not written from (GitLab deploy and runner tokens, Sentry, Notion,
 * Atlassian, DataStax, Dynatrace, HubSpot, NVIDIA, OpenRouter, Langfuse and
 * more, each in its published shape), carriers not used before (.npmrc,
 * compose files, Jenkins and GitLab job logs, Python/Node/Java stack traces,
 * env dumps, request headers, systemd units, Helm values, tfvars), and
 * disguises (JSON-escaped, URL-encoded, wrapped over lines, ANSI colour,
 * base64 of a whole credentials block); PII of countries and layouts not
 * used before; and benign look-alikes: digests, UUIDs, build ids,
 * placeholders, and keys the vendors document as fake.
 *
 * @module
 */

import {
  ALNUM,
  B64,
  DIG,
  HEX,
  LOW,
  Rng,
  UP,
  URLSAFE,
} from "./lib/sensitive_corpus.ts";
import {
  aadhaar,
  card,
  cpf,
  dni,
  emitRows,
  gh,
  group,
  iban,
  nhs,
  nie,
  nino,
  nric,
  personEmail,
  type Row,
  rowAdders,
  sin,
  spaced4,
  ssn,
  usPhone,
  uuid,
} from "./lib/sensitive_values.ts";
import { luhnValid } from "../governance/engine/detect/checksums.ts";

const r = new Rng(6_0212_2026);
const rows: Row[] = [];
const { sec, pii, ben } = rowAdders(rows);

const UPDIG = UP + DIG;
const pw = () =>
  r.pick(["Harbor", "Quartz", "Tundra", "Mosaic", "Falcon", "Cobalt"]) +
  r.pick(["-", "_", ".", ""]) + r.str(DIG, 2 + r.int(3)) +
  r.pick(["$", "!", "*", "&", "?"]) + r.str(LOW + UP, 3 + r.int(3));

/** Runs of at least `min` letters and digits in `s` (what an encoding leaves as written). */
const literalRuns = (s: string, min = 8) =>
  s.match(new RegExp(`[A-Za-z0-9]{${min},}`, "g")) ?? [];

/** Published token shapes of providers (random bodies). */
const TOKENS: [string, () => string][] = [
  ["gldt", () => "gldt-" + r.str(URLSAFE, 20)],
  ["glrt", () => "glrt-" + r.str(URLSAFE, 20)],
  ["gitlab_runner_reg", () => "GR1348941" + r.str(URLSAFE, 20)],
  [
    "sntrys",
    () =>
      "sntrys_eyJpYXQiOj" + r.str(B64.replace("+", "").replace("/", ""), 80) +
      "_" + r.str(URLSAFE, 43),
  ],
  ["sntryu", () => "sntryu_" + r.str(HEX, 64)],
  ["ntn", () => "ntn_" + r.str(DIG, 12) + r.str(ALNUM, 34)],
  ["atatt", () => "ATATT3xFfGF0" + r.str(URLSAFE, 170) + "=" + r.str(UPDIG, 8)],
  ["astracs", () => `AstraCS:${r.str(UP + LOW, 24)}:${r.str(HEX, 64)}`],
  ["dt0c01", () => `dt0c01.${r.str(UPDIG, 24)}.${r.str(UPDIG, 64)}`],
  ["hubspot", () => "pat-na1-" + uuid(r)],
  ["nvapi", () => "nvapi-" + r.str(URLSAFE, 64)],
  ["tvly", () => "tvly-" + r.str(ALNUM, 32)],
  ["openrouter", () => "sk-or-v1-" + r.str(HEX, 64)],
  ["langfuse", () => "sk-lf-" + uuid(r)],
  ["ccipat", () => `CCIPAT_${r.str(ALNUM, 22)}_${r.str(HEX, 40)}`],
  ["bkua", () => "bkua_" + r.str(HEX, 40)],
  ["runpod", () => "rpa_" + r.str(UPDIG, 46)],
  [
    "xapp",
    () => `xapp-1-A${r.str(UPDIG, 10)}-${r.str(DIG, 13)}-${r.str(HEX, 64)}`,
  ],
  ["shpss", () => "shpss_" + r.str(HEX, 32)],
  ["mailgun", () => "key-" + r.str(HEX, 32)],
  ["mailchimp", () => r.str(HEX, 32) + "-us" + (1 + r.int(20))],
  ["twilio_sk", () => "SK" + r.str(HEX, 32)],
  ["meta", () => "EAAG" + r.str(ALNUM, 140)],
  ["cf_origin_ca", () => `v1.0-${r.str(HEX, 24)}-${r.str(HEX, 146)}`],
  ["jfrog", () => "AKCp" + r.str(ALNUM, 69)],
  ["databricks", () => "dapi" + r.str(HEX, 32)],
  ["pplx", () => "pplx-" + r.str(ALNUM, 48)],
  ["pinecone", () => `pcsk_${r.str(ALNUM, 5)}_${r.str(ALNUM, 60)}`],
  ["brevo", () => `xkeysib-${r.str(HEX, 64)}-${r.str(ALNUM, 16)}`],
  ["langsmith", () => `lsv2_pt_${r.str(HEX, 32)}_${r.str(HEX, 10)}`],
  ["elevenlabs", () => "sk_" + r.str(HEX, 48)],
  ["google_oauth", () => "ya29." + r.str(URLSAFE, 110)],
  ["google_refresh", () => "1//0" + r.str(URLSAFE, 99)],
  [
    "discord_bot",
    () =>
      btoa(String(1e17 + r.int(9e8) * 1e8 + r.int(1e8))).replace(/=+$/, "") +
      "." + r.str(URLSAFE, 6) + "." + r.str(URLSAFE, 38),
  ],
  ["telegram", () => `${6e9 + r.int(9e8)}:AA${r.str(URLSAFE, 33)}`],
  ["heroku", () => "HRKU-AA" + r.str(URLSAFE, 58)],
  ["square", () => "sq0csp-" + r.str(URLSAFE, 43)],
  [
    "age",
    () => "AGE-SECRET-KEY-1" + r.str("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58),
  ],
  ["ghs", () => gh(r, "ghs_")],
  ["glcbt", () => "glcbt-" + r.str(HEX, 2) + "_" + r.str(URLSAFE, 20)],
];

const CARRY: ((v: string) => string)[] = [
  (v) => `//registry.npmjs.org/:_authToken=${v}\nalways-auth=true`,
  (v) =>
    `services:\n  worker:\n    image: acme/worker:2.3\n    environment:\n      - PROVIDER_TOKEN=${v}`,
  (v) =>
    `[Pipeline] withEnv\n[Pipeline] {\n+ curl -sf -H "X-Api-Key: ${v}" https://hooks.acme.dev/deploy`,
  (v) =>
    `Traceback (most recent call last):\n  File "/srv/app/main.py", line 41, in <module>\n    client = Client(api_key="${v}")\nValueError: key rejected`,
  (v) =>
    `Error: Request failed with status code 401\n    at settle (/srv/node_modules/axios/lib/core/settle.js:19:12)\n  config: { headers: { Authorization: 'Bearer ${v}' } }`,
  (v) =>
    `Caused by: com.acme.client.AuthException: rejected credential ${v}\n\tat com.acme.client.Http.send(Http.java:88)`,
  (v) =>
    `$ printenv | sort\nHOME=/root\nHOSTNAME=job-7f9c2\nLANG=C.UTF-8\nPROVIDER_TOKEN=${v}\nPWD=/builds/acme`,
  (v) =>
    `> POST /v1/embeddings HTTP/2\n> Host: api.acme.net\n> authorization: Bearer ${v}\n> content-type: application/json`,
  (v) =>
    `apiVersion: v1\nkind: Secret\nmetadata:\n  name: provider\nstringData:\n  token: ${v}`,
  (v) => `provider_token = "${v}"\nregion         = "eu-west-1"`,
  (v) => `[tool.release]\nrepository = "internal"\ntoken = "${v}"`,
  (v) => `\tclient := provider.NewClient("${v}", provider.WithRetry(3))`,
  (v) => `> **dev:** here is the key for staging: ${v}\n> **me:** thanks`,
  (v) =>
    `LOG:  statement: UPDATE settings SET value = '${v}' WHERE name = 'provider_key';`,
  (v) =>
    `[Service]\nEnvironment="PROVIDER_TOKEN=${v}"\nExecStart=/usr/bin/worker`,
  (v) => `deploy:\n\tcurl -fsS -H 'Authorization: token ${v}' $(API)/deploy`,
  (v) => `secrets:\n  provider:\n    key: ${v}\n    rotateDays: 90`,
  (v) => `I rotated it this morning; the old one was ${v} so revoke that too.`,
  (v) => `set -x\n+ export PROVIDER_TOKEN=${v}\n+ ./release.sh`,
  (v) => `2026-12-02T10:14:07Z level=debug msg="auth ok" credential=${v}`,
];

for (let i = 0; i < TOKENS.length * 2; i++) {
  const [fam, make] = TOKENS[i % TOKENS.length];
  const v = make();
  sec(`provider/${fam}`, CARRY[(i * 7) % CARRY.length](v), v);
}

// Credentials in config files, connection strings, headers and dumps.
{
  const p = Array.from({ length: 24 }, pw);
  const b64pw = btoa(`deploy:${p[6]}`);
  const sk = r.str(ALNUM, 40);
  const azure = r.str(ALNUM, 3) + "8Q~" + r.str(URLSAFE + "~.", 34);
  const aws = r.str(B64, 40);
  const rails = r.str(HEX, 128);
  const django = r.str(LOW + DIG + "!@#%^&*(-_=+)", 50);
  const jwtSecret = r.str(ALNUM, 48);
  const enc = r.str(B64, 43) + "=";
  const wh = r.str(ALNUM, 32);
  const sess = r.str(LOW + DIG, 32);
  const forms: [string, string][] = [
    [`db.internal:5432:*:app:${p[0]}`, p[0]],
    [`DATABASE_URL=mysql://shop:${p[1]}@10.2.0.8:3306/shop`, p[1]],
    [`spring.mail.password=${p[2]}`, p[2]],
    [`lftp -e 'mirror /out' ftp://feeds:${p[3]}@files.acme.net`, p[3]],
    [`REDIS_URL=redis://:${p[4]}@cache:6379/0`, p[4]],
    [`amqp://worker:${p[5]}@rabbit.internal:5672/%2f`, p[5]],
    [`> Authorization: Basic ${b64pw}`, b64pw],
    [
      `POST /oauth/token\ngrant_type=client_credentials&client_id=web&client_secret=${sk}`,
      sk,
    ],
    [`AZURE_CLIENT_SECRET=${azure}`, azure],
    [
      `[default]\naws_access_key_id = AKIA${
        r.str("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)
      }\naws_secret_access_key = ${aws}`,
      aws,
    ],
    [`production:\n  secret_key_base: ${rails}`, rails],
    [`SECRET_KEY = '${django}'`, django],
    [`JWT_SECRET=${jwtSecret}`, jwtSecret],
    [`encryption_key: "${enc}"`, enc],
    [`{"webhook_secret": "${wh}", "events": ["push"]}`, wh],
    [`Cookie: theme=dark; sessionid=${sess}; lang=en`, sess],
    [`network={\n  ssid="office"\n  psk="${p[7]}"\n}`, p[7]],
    [`echo '${p[8]}' | docker login -u ci --password-stdin ghcr.io`, p[8]],
    [`    environment:\n      SMTP_PASSWORD: ${p[9]}`, p[9]],
    [`bind_pw ${p[10]}`, p[10]],
    [`<add key="DbPassword" value="${p[11]}" />`, p[11]],
    [`Password=${p[12]};Persist Security Info=False;User ID=sa`, p[12]],
    [`$ vault login -method=userpass username=ops password=${p[13]}`, p[13]],
    [`rsync://mirror:${p[14]}@backup.acme.net/daily`, p[14]],
    [`kafka.sasl.jaas.config=... username="svc" password="${p[15]}";`, p[15]],
    [`{"user":"etl","pass":"${p[16]}","host":"warehouse"}`, p[16]],
    [`| admin_password | ${p[17]} |`, p[17]],
    [`WIFI_PASS=${p[18]} ./flash.sh`, p[18]],
    [`mosquitto_pub -h mqtt -u sensor -P '${p[19]}' -t t -m 1`, p[19]],
    [`smbclient //nas/share -U backup%${p[20]}`, p[20]],
  ];
  for (const [t, v] of forms) sec("config", t, v);
}

// Keys.
{
  const body = Array.from({ length: 6 }, () => r.str(B64, 70));
  const ossh =
    `-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n${
      body.join("\n")
    }\n-----END OPENSSH PRIVATE KEY-----`;
  sec("key", `$ cat ~/.ssh/id_ed25519\n${ossh}`, body[1]);
  const pgp = Array.from({ length: 5 }, () => r.str(B64, 64));
  sec(
    "key",
    `-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQdGBGV${r.str(B64, 57)}\n${
      pgp.join("\n")
    }\n=${r.str(B64, 4)}\n-----END PGP PRIVATE KEY BLOCK-----`,
    pgp[2],
  );
  const rsa = Array.from({ length: 5 }, () => r.str(B64, 64));
  sec(
    "key",
    `  "private_key": "-----BEGIN RSA PRIVATE KEY-----\\nMIIEpAIBAAKCAQEA${
      r.str(B64, 48)
    }\\n${rsa.join("\\n")}\\n-----END RSA PRIVATE KEY-----\\n",`,
    rsa[1],
  );
  const kd = btoa("-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEI" + r.str(B64, 50));
  sec("key", `users:\n- name: admin\n  user:\n    client-key-data: ${kd}`, kd);
  const jwt = "eyJhbGciOiJSUzI1NiIsImtpZCI6Ik" + r.str(URLSAFE, 30) + "." +
    "eyJpc3MiOiJrdWJlcm5ldGVzL3NlcnZpY2VhY2NvdW50Ii" + r.str(URLSAFE, 120) +
    "." + r.str(URLSAFE, 86);
  sec("key", `users:\n- name: ci\n  user:\n    token: ${jwt}`, jwt);
}

// Disguises.
for (let i = 0; i < 30; i++) {
  const [fam, make] = TOKENS[(i * 11 + 3) % TOKENS.length];
  const v = make();
  const k = 8 + r.int(8);
  const esc = v.replace(
    /[-_.:]/g,
    (c) => "\\u00" + c.charCodeAt(0).toString(16).padStart(2, "0"),
  );
  const url = encodeURIComponent(v).replace(
    /[-_.]/g,
    (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase(),
  );
  const width = 24 + r.int(16);
  const wrapped = v.match(new RegExp(`.{1,${width}}`, "g"))!;
  const pwd = pw();
  const block = btoa(
    `DB_HOST=db\nDB_USER=app\nDB_PASSWORD=${pwd}\nPROVIDER_TOKEN=${v}\n`,
  );
  const forms: [string, string[]][] = [
    [
      `{"level":"info","msg":"env","data":"{\\"PROVIDER_TOKEN\\":\\"${v}\\"}"}`,
      [
        v,
      ],
    ],
    [`{"token":"${esc}"}`, literalRuns(esc)],
    [`GET /callback?next=%2Fhome&token=${url} 302`, literalRuns(url)],
    [
      `| token:\n| ${wrapped.join("\n| ")}\n+--`,
      wrapped.filter((w) => w.length >= 8),
    ],
    [`\x1b[1;33mPROVIDER_TOKEN\x1b[0m=\x1b[32m${v}\x1b[0m`, [v]],
    [
      `token: \x1b[36m${v.slice(0, k)}\x1b[0m\x1b[36m${v.slice(k)}\x1b[0m`,
      [v.slice(0, k), v.slice(k)],
    ],
    [
      `apiVersion: v1\nkind: Secret\ndata:\n  app.env: ${block}`,
      [block],
    ],
    [`&quot;apiKey&quot;: &quot;${v}&quot;`, [v]],
    [`"{\\\\\\"key\\\\\\":\\\\\\"${v}\\\\\\"}"`, [v]],
    [`token = "${v.slice(0, k)}" \\\n  "${v.slice(k)}"`, [
      v.slice(0, k),
      v.slice(k),
    ]],
  ];
  const [t, vals] = forms[i % forms.length];
  sec(`disguise/${fam}`, t, ...vals.filter((x) => x.length > 0));
}
{
  const tok = gh(r, "ghp_");
  const auth = btoa(`ci-bot:${tok}`);
  sec(
    "disguise/docker_auth",
    `{"auths":{"ghcr.io":{"auth":"${auth}"}}}`,
    auth,
  );
}

// PII.
const NAMES = ["Ines Duarte", "Tomasz Wrona", "Aiko Mori", "Kwame Mensah"];
for (let i = 0; i < 34; i++) {
  const e = personEmail(r);
  const f = [
    `Author: ${r.pick(NAMES)} <${e}>\nDate:   Tue Dec 1 10:02:11 2026 +0100`,
    `<a href="mailto:${e}">write to us</a>`,
    `dn: uid=${r.str(LOW, 6)},ou=people,dc=acme\nmail: ${e}`,
    `Dec  2 10:14:07 mx1 postfix/smtp[2211]: 4F1A2: to=<${e}>, status=sent`,
    `"contact": {"name": "${r.pick(NAMES)}", "email": "${e}"}`,
    `raise UserNotFound(f"no account for ${e}")`,
    `Reply-To: ${e}`,
    `id,signup,email\n${r.int(9999)},2026-11-30,${e}`,
    `cc: ${e}; bcc: audit@acme-corp.io`,
    `The customer (${e}) asked for a refund.`,
  ][i % 10];
  pii("email", f, e);
}
for (let i = 0; i < 32; i++) {
  const p = i % 4 === 0 ? usPhone(r, i + 2) : r.pick([
    `+49 (0)171 ${r.str(DIG, 7)}`,
    `+33 6 ${r.str(DIG, 2)} ${r.str(DIG, 2)} ${r.str(DIG, 2)} ${r.str(DIG, 2)}`,
    `+81 90-${r.str(DIG, 4)}-${r.str(DIG, 4)}`,
    `+55 11 9${r.str(DIG, 4)}-${r.str(DIG, 4)}`,
    `+52 55 ${r.str(DIG, 4)} ${r.str(DIG, 4)}`,
    `+61 4${r.str(DIG, 2)} ${r.str(DIG, 3)} ${r.str(DIG, 3)}`,
    `+34 6${r.str(DIG, 2)} ${r.str(DIG, 3)} ${r.str(DIG, 3)}`,
    `+27 82 ${r.str(DIG, 3)} ${r.str(DIG, 4)}`,
    `+353 87 ${r.str(DIG, 3)} ${r.str(DIG, 4)}`,
    `+46 70-${r.str(DIG, 3)} ${r.str(DIG, 2)} ${r.str(DIG, 2)}`,
    `+44 7${r.str(DIG, 3)} ${r.str(DIG, 3)}${r.str(DIG, 3)}`,
    `+91-9${r.str(DIG, 9)}`,
  ]);
  const f = [
    `tel: ${p}`,
    `Rückruf unter ${p} erbeten`,
    `<td class="phone">${p}</td>`,
    `sms queued to=${p} template=otp`,
    `"mobile":"${p}"`,
    `Contact: ${r.pick(NAMES)}, ${p}`,
    `phone_number,created\n${p},2026-12-01`,
    `WhatsApp me on ${p}`,
  ][i % 8];
  pii("phone", f, p);
}
for (let i = 0; i < 22; i++) {
  const [pre, len, sizes] = r.pick<[string, number, number[]]>([
    ["34", 15, [4, 6, 5]],
    ["6011", 16, [4, 4, 4, 4]],
    ["65", 16, [4, 4, 4, 4]],
    ["3530", 16, [4, 4, 4, 4]],
    ["36", 14, [4, 6, 4]],
    ["2221", 16, [4, 4, 4, 4]],
    ["2720", 16, [4, 4, 4, 4]],
    ["62", 16, [4, 4, 4, 4]],
    ["4", 16, [4, 4, 4, 4]],
  ]);
  const c = card(r, pre, len);
  const g = [c, group(c, sizes, " "), group(c, sizes, "-")][i % 3];
  const f = [
    `charge.failed card=${g} reason=insufficient_funds`,
    `<input name="cc" value="${g}">`,
    `"pan": "${g}", "expiry": "09/28"`,
    `Kartennummer: ${g}`,
    `please bill ${g} for the renewal`,
    `txn,card,amount\n8812,${g},42.00`,
  ][i % 6];
  pii("card", f, g);
}
for (let i = 0; i < 10; i++) {
  const s = ssn(r, i % 3 === 2 ? " " : "-");
  const f = [
    `applicant_ssn: "${s}"`,
    `W-2 for employee SSN ${s}`,
    `<ssn>${s}</ssn>`,
    `ss# ${s}`,
    `| Ruiz, Ana | ${s} | FL |`,
  ][i % 5];
  pii("ssn", f, s);
}
{
  const ids: [string, string, string][] = [];
  const ib = [
    iban("PL", r.str(DIG, 24)),
    iban("PT", r.str(DIG, 21)),
    iban("CH", r.str(DIG, 17)),
    iban("SE", r.str(DIG, 20)),
    iban("NO", r.str(DIG, 11)),
    iban("DK", r.str(DIG, 14)),
    iban("IE", "AIBK" + r.str(DIG, 14)),
    iban("FI", r.str(DIG, 14)),
    iban("LU", r.str(DIG, 16)),
    iban("GR", r.str(DIG, 23)),
    iban("HR", r.str(DIG, 17)),
    iban("CZ", r.str(DIG, 20)),
  ];
  ib.forEach((v, i) => {
    const s = i % 3 === 1 ? spaced4(v) : v;
    ids.push([
      "iban",
      [
        `Konto: ${s}`,
        `beneficiary_account=${s}`,
        `<IBAN>${s}</IBAN>`,
        `Please transfer to ${s} by Friday`,
      ][i % 4],
      s,
    ]);
  });
  const natl: [string, () => string, (v: string) => string][] = [
    ["cpf", () => cpf(r), (v) => `<cpf>${v}</cpf>`],
    ["cpf", () => cpf(r, false), (v) => `CPF do titular: ${v}`],
    ["nric", () => nric(r), (v) => `member_nric=${v}`],
    ["nric", () => nric(r), (v) => `FIN ${v} expired`],
    ["dni", () => dni(r), (v) => `NIF/DNI ${v}`],
    ["dni", () => nie(r), (v) => `"documento": "${v}"`],
    ["aadhaar", () => group(aadhaar(r), [4, 4, 4], "-"), (v) => `UID ${v}`],
    ["aadhaar", () => aadhaar(r), (v) => `aadhaar_no=${v}`],
    ["sin", () => sin(r, "-"), (v) => `SIN: ${v}`],
    ["sin", () => sin(r, " "), (v) => `numéro d'assurance sociale ${v}`],
    ["nino", () => nino(r, false), (v) => `ni_number: ${v}`],
    ["nino", () => nino(r), (v) => `NINO ${v}`],
    ["nhs", () => nhs(r), (v) => `NHS No: ${v}`],
    ["nhs", () => nhs(r), (v) => `patient nhs_number ${v}`],
    [
      "pan",
      () => r.str(UP, 3) + "P" + r.str(UP, 1) + r.str(DIG, 4) + r.str(UP, 1),
      (v) => `pan_number: ${v}`,
    ],
    ["passport", () => r.str(UP, 2) + r.str(DIG, 7), (v) => `passport #${v}`],
    [
      "passport",
      () => r.str(UP, 1) + r.str(DIG, 8),
      (v) => `"passportNumber": "${v}"`,
    ],
    [
      "dob",
      () => `19${50 + r.int(49)}-1${r.int(3)}-0${1 + r.int(9)}`,
      (v) => `birthdate: ${v}`,
    ],
    [
      "dob",
      () => `${10 + r.int(18)}.0${1 + r.int(9)}.19${50 + r.int(49)}`,
      (v) => `Geburtsdatum: ${v}`,
    ],
    [
      "dob",
      () =>
        `${r.pick(["Mar", "Jul", "Nov"])} ${1 + r.int(27)}, 19${
          50 + r.int(49)
        }`,
      (v) => `D.O.B. ${v}`,
    ],
  ];
  for (const [c, make, carry] of natl) {
    const v = make();
    ids.push([c, carry(v), v]);
  }
  for (const [c, t, v] of ids) pii(`id/${c}`, t, v);
  for (let i = 0; i < 10; i++) {
    const ip = `${r.pick([31, 46, 62, 81, 88, 94, 109, 151, 178, 185, 212])}.${
      r.int(256)
    }.${r.int(256)}.${1 + r.int(254)}`;
    const f = [
      `${ip} - - [02/Dec/2026:10:14:07 +0000] "GET /login HTTP/1.1" 200 512`,
      `Failed password for invalid user admin from ${ip} port 52113 ssh2`,
      `X-Forwarded-For: ${ip}`,
      `{"client_ip":"${ip}","path":"/api/cart"}`,
      `login ok user=1882 ip=${ip}`,
    ][i % 5];
    pii("ip", f, ip);
  }
  const v6 = Array.from(
    { length: 8 },
    (_, i) => (i === 0 ? "2a01" : r.str(HEX, 1 + r.int(4))),
  ).join(":");
  pii("ip", `client ${v6} connected`, v6);
  const acct = r.str(DIG, 10);
  pii(
    "bank",
    `Routing: 0${r.str(DIG, 8)}\nAccount: ${acct}`,
    acct,
  );
}

// Benign.
const sha = (n: number) => r.str(HEX, n);
const BENIGN: (() => string)[] = [
  () => `commit ${sha(40)}\nMerge: ${sha(7)} ${sha(7)}`,
  () => `"integrity": "sha512-${r.str(B64, 86)}=="`,
  () => `${sha(64)}  dist/app-linux-amd64.tar.gz`,
  () => `Content-MD5: ${btoa(sha(16)).slice(0, 22)}==`,
  () => `digest: sha256:${sha(64)} size: 1573`,
  () => `md5sum: ${sha(32)}`,
  () => `X-Request-Id: ${uuid(r)}`,
  () => `traceparent: 00-${sha(32)}-${sha(16)}-01`,
  () => `  uid: ${uuid(r)}\n  resourceVersion: "${r.str(DIG, 7)}"`,
  () => `Build 2026.12.${r.int(30)}-${sha(7)} (#${r.str(DIG, 5)})`,
  () =>
    `https://github.com/acme/api/actions/runs/${r.str(DIG, 11)}/job/${
      r.str(DIG, 11)
    }`,
  () => `codebuild:${uuid(r)}`,
  () =>
    `api-${r.str(LOW + DIG, 9)}-${
      r.str(LOW + DIG, 5)
    }   1/1   Running   0   3d`,
  () => `OPENAI_API_KEY=sk-...`,
  () => `export API_KEY=YOUR_API_KEY_HERE`,
  () => `token: <your-token>`,
  () => `NPM_TOKEN: \${{ secrets.NPM_TOKEN }}`,
  () => `password: "{{ .Values.db.password }}"`,
  () => `api_key: %env(API_KEY)%`,
  () => `const key = process.env.STRIPE_SECRET_KEY ?? "";`,
  () => `token = os.getenv("HF_TOKEN")`,
  () => `secret: op://Engineering/db/password`,
  () => `DB_PASSWORD=\$(cat /run/secrets/db_password)`,
  () => `Authorization: Bearer \$TOKEN`,
  () => `Authorization: Bearer <redacted>`,
  () => `PROVIDER_TOKEN=***`,
  () => `GITHUB_TOKEN: ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`,
  () => `aws_access_key_id = AKIAIOSFODNN7EXAMPLE`,
  () => `aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY`,
  () =>
    `curl -H "Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c" (example from jwt.io)`,
  () => `slack_token: xoxb-not-a-real-token-this-will-not-work`,
  () => `sk_test_... (use your own test key from the dashboard)`,
  () => `api_key = "0000000000000000000000000000000000000000"`,
  () => `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${r.str(B64, 43)} dev@laptop`,
  () =>
    `-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA${
      r.str(B64, 20)
    }\n-----END PUBLIC KEY-----`,
  () =>
    `-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmQINBG${
      r.str(B64, 58)
    }\n-----END PGP PUBLIC KEY BLOCK-----`,
  () => `data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA${r.str(B64, 60)}`,
  () => `Set PROVIDER_TOKEN in the repository secrets before the first deploy.`,
  () => `Tokens are rotated every 90 days; see docs/rotation.md.`,
  () => `The password must be at least 12 characters long.`,
  () => `order #${r.str(DIG, 8)} shipped, tracking 1Z${r.str(UPDIG, 16)}`,
  () => `ISBN 978-${r.int(9)}-${r.str(DIG, 3)}-${r.str(DIG, 5)}-${r.int(9)}`,
  () => `doi:10.${r.str(DIG, 4)}/${r.str(LOW, 4)}.${r.str(DIG, 5)}`,
  () => `v${r.int(5)}.${r.int(20)}.${r.int(40)} (${sha(7)})`,
  () => `listening on 0.0.0.0:${1024 + r.int(60000)}`,
  () => `took ${r.int(900)}.${r.str(DIG, 3)}ms, heap ${r.int(900)} MB`,
  () => `color: #${sha(6)}; background: #${sha(6)};`,
  () => `epoch=${1764000000 + r.int(999999)} seq=${r.str(DIG, 12)}`,
  () => {
    let n = "4" + r.str(DIG, 15);
    while (luhnValid(n)) n = n.slice(0, 15) + r.int(10);
    return `invoice ${n}`;
  },
  () =>
    `  "resolved": "https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz"`,
  () => `PROVIDER_TOKEN is not set; skipping upload`,
  () => `error: authentication failed for user "deploy" (password not shown)`,
  () => `secret "db-credentials" created`,
  () =>
    `kubectl create secret generic db --from-literal=password=\$DB_PASSWORD`,
  () => `random_password.db: Creation complete after 0s [id=none]`,
  () => `sessionid=; expires=Thu, 01 Jan 1970 00:00:00 GMT`,
  () => `uuid: ${uuid(r)}  parent: ${uuid(r)}`,
  () => `nonce=${r.str(ALNUM, 16)} ts=${r.str(DIG, 10)}`,
  () => `etag: W/"${sha(24)}"`,
  () => `The API returns a 401 when the key is missing or expired.`,
  () => `phone: +1 (555) 010-XXXX`,
  () => `email: <redacted>`,
  () => `SSN: XXX-XX-XXXX`,
  () => `Sample IBAN format: CCkk bbbb ssss cccc cccc cc`,
  () => `user_id=${r.str(DIG, 9)} account_id=${r.str(DIG, 6)}`,
  () =>
    `${r.str(DIG, 2)}:${r.str(DIG, 2)}:${r.str(DIG, 2)}.${
      r.str(DIG, 6)
    } GC pause`,
  () => `Chromium/${100 + r.int(40)}.0.${r.str(DIG, 4)}.${r.str(DIG, 2)}`,
  () =>
    `coordinates: ${r.int(80)}.${r.str(DIG, 6)}, -${r.int(170)}.${
      r.str(DIG, 6)
    }`,
  () => `job ${uuid(r)} finished in ${r.int(300)}s`,
  () => `sha1=${sha(40)} sha256=${sha(64)}`,
  () => `git rev-parse HEAD\n${sha(40)}`,
  () => `Step 4/9 : RUN npm ci\n ---> Using cache\n ---> ${sha(12)}`,
  () =>
    `client_id: ${r.str(DIG, 12)}-${
      r.str(LOW + DIG, 32)
    }.apps.googleusercontent.com`,
  () => `pk_live_ publishable keys are safe to embed in the page`,
  () => `AccountName=devstoreaccount1 (the emulator's documented account)`,
];
for (let i = 0; i < 170; i++) {
  ben(`lookalike/${i % BENIGN.length}`, BENIGN[i % BENIGN.length]());
}

emitRows(rows);
