/**
 * `deno run -A scripts/make_sensitive_heldout7.ts > scripts/data/sensitive_heldout7.jsonl`:
 * the seventh held-out set, written after the held-out-6 fixes without
 * looking at what they catch, and measured once (the round's honest
 * figure). Its templates differ from held-out 6: connection strings of
 * hosted databases, webhook URLs, cloud storage connection strings and SAS
 * URLs, vendor keys that only a variable name marks, carriers such as
 * Jupyter outputs, Terraform state, HAR files, Postman collections,
 * `docker inspect`, `kubectl describe`, Go/Ruby/PHP/Rust dumps and CI mask
 * lines; disguises as base64 of whole credential files, form-encoded
 * bodies, hex dumps, PEM inside JSON and lines cut by log prefixes; PII in
 * vCards, URL queries, SEPA XML and domestic phone formats; and benign
 * lock-file hashes, ids, placeholders and published emulator keys.
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
  card,
  emitRows,
  gh,
  group,
  iban,
  nhs,
  personEmail,
  type Row,
  rowAdders,
  spaced4,
  ssn,
  usPhone,
  uuid,
} from "./lib/sensitive_values.ts";
import { luhnValid } from "../governance/engine/detect/checksums.ts";

const r = new Rng(7_1412_2026);
const rows: Row[] = [];
const { sec, pii, ben } = rowAdders(rows);

const pw = () =>
  r.pick(["Orchid", "Basalt", "Juniper", "Sierra", "Ember", "Onyx"]) +
  r.str(DIG, 2 + r.int(3)) + r.pick(["#", "!", "%", "+", "="]) +
  r.str(LOW, 2) + r.str(UP, 2) + r.str(DIG, 1);

/** Secrets of one vendor each: the value, and a line that holds it. */
const VENDOR: [string, () => [string, string]][] = [
  ["sk-ant-admin", () => {
    const v = "sk-ant-admin01-" + r.str(URLSAFE, 93) + "AA";
    return [v, v];
  }],
  ["sk-svcacct", () => {
    const v = "sk-svcacct-" + r.str(URLSAFE, 100);
    return [v, v];
  }],
  ["rk_live", () => {
    const v = "rk_live_" + r.str(ALNUM, 99);
    return [v, v];
  }],
  ["xoxb", () => {
    const v = `xoxb-${r.str(DIG, 12)}-${r.str(DIG, 13)}-${r.str(ALNUM, 24)}`;
    return [v, v];
  }],
  ["slack_webhook", () => {
    const p = `T${r.str(UP + DIG, 10)}/B${r.str(UP + DIG, 10)}/${
      r.str(ALNUM, 24)
    }`;
    return [p, `https://hooks.slack.com/services/${p}`];
  }],
  ["discord_webhook", () => {
    const t = r.str(URLSAFE, 68);
    return [
      t,
      `https://discord.com/api/webhooks/${r.str(DIG, 19)}/${t}`,
    ];
  }],
  ["gho", () => {
    const v = gh(r, "gho_");
    return [v, v];
  }],
  ["glptt", () => {
    const v = "glptt-" + r.str(HEX, 40);
    return [v, v];
  }],
  ["atbb", () => {
    const v = "ATBB" + r.str(ALNUM, 32);
    return [v, v];
  }],
  ["pypi", () => {
    const v = "pypi-AgEIcHlwaS5vcmc" + r.str(URLSAFE, 70);
    return [v, v];
  }],
  ["azure_sas", () => {
    const sig = encodeURIComponent(r.str(B64, 43) + "=");
    return [
      sig,
      `https://acme${
        r.str(LOW, 4)
      }.blob.core.windows.net/exports/q3.csv?sv=2022-11-02&ss=b&srt=o&sp=r&se=2026-12-31T00:00:00Z&sig=${sig}`,
    ];
  }],
  ["azure_conn", () => {
    const k = r.str(B64, 86) + "==";
    return [
      k,
      `DefaultEndpointsProtocol=https;AccountName=acme${
        r.str(LOW, 5)
      };AccountKey=${k};EndpointSuffix=core.windows.net`,
    ];
  }],
  ["aiza", () => {
    const v = "AIza" + r.str(URLSAFE, 35);
    return [v, v];
  }],
  ["twilio_auth", () => {
    const v = r.str(HEX, 32);
    return [v, `TWILIO_AUTH_TOKEN=${v}`];
  }],
  ["sendgrid", () => {
    const v = "SG." + r.str(URLSAFE, 22) + "." + r.str(URLSAFE, 43);
    return [v, v];
  }],
  ["postmark", () => {
    const v = uuid(r);
    return [v, `POSTMARK_SERVER_TOKEN=${v}`];
  }],
  ["doppler", () => {
    const v = "dp.st.prd." + r.str(ALNUM, 40);
    return [v, v];
  }],
  ["vault", () => {
    const v = "hvs.CAESI" + r.str(URLSAFE, 86);
    return [v, v];
  }],
  ["tfc", () => {
    const v = r.str(ALNUM, 14) + ".atlasv1." + r.str(ALNUM, 67);
    return [v, v];
  }],
  ["pulumi", () => {
    const v = "pul-" + r.str(HEX, 40);
    return [v, v];
  }],
  ["supabase", () => {
    const v = "sbp_" + r.str(HEX, 40);
    return [v, v];
  }],
  ["okta", () => {
    const v = "00" + r.str(URLSAFE, 40);
    return [v, `Authorization: SSWS ${v}`];
  }],
  ["replicate", () => {
    const v = "r8_" + r.str(ALNUM, 37);
    return [v, v];
  }],
  ["cohere", () => {
    const v = r.str(ALNUM, 40);
    return [v, `COHERE_API_KEY=${v}`];
  }],
  ["together", () => {
    const v = r.str(HEX, 64);
    return [v, `TOGETHER_API_KEY="${v}"`];
  }],
  ["deepgram", () => {
    const v = r.str(HEX, 40);
    return [v, `DEEPGRAM_API_KEY: ${v}`];
  }],
  ["datadog", () => {
    const v = r.str(HEX, 32);
    return [v, `DD_API_KEY=${v}`];
  }],
  ["datadog_app", () => {
    const v = r.str(HEX, 40);
    return [v, `DD_APP_KEY=${v}`];
  }],
  ["algolia", () => {
    const v = r.str(HEX, 32);
    return [v, `ALGOLIA_ADMIN_KEY=${v}`];
  }],
  ["cloudflare", () => {
    const v = r.str(URLSAFE, 40);
    return [v, `CF_API_TOKEN=${v}`];
  }],
  ["neon", () => {
    const v = "npg_" + r.str(ALNUM, 12);
    return [
      v,
      `postgresql://app_owner:${v}@ep-${r.str(LOW, 6)}-${
        r.str(LOW, 6)
      }-a1b2c3d4.eu-central-1.aws.neon.tech/app?sslmode=require`,
    ];
  }],
  ["upstash", () => {
    const v = "AX" + r.str(URLSAFE, 50);
    return [
      v,
      `rediss://default:${v}@${r.str(LOW, 6)}-${r.str(LOW, 5)}-${
        r.str(DIG, 5)
      }.upstash.io:6379`,
    ];
  }],
  ["atlas", () => {
    const v = pw();
    return [
      v,
      `mongodb+srv://svc-api:${v}@cluster0.${
        r.str(LOW + DIG, 5)
      }.mongodb.net/prod`,
    ];
  }],
  ["git_credentials", () => {
    const v = gh(r, "ghp_");
    return [v, `https://ci-bot:${v}@github.com`];
  }],
  ["hf", () => {
    const v = "hf_" + r.str(UP + LOW, 34);
    return [v, v];
  }],
  ["figd", () => {
    const v = "figd_" + r.str(URLSAFE, 40);
    return [v, v];
  }],
  ["linear", () => {
    const v = "lin_api_" + r.str(ALNUM, 40);
    return [v, v];
  }],
  ["square", () => {
    const v = "EAAA" + r.str(URLSAFE, 60);
    return [v, v];
  }],
  ["shpat", () => {
    const v = "shpat_" + r.str(HEX, 32);
    return [v, v];
  }],
  ["basic_url", () => {
    const v = pw();
    return [v, `https://deploy:${v}@artifacts.acme.dev/repo`];
  }],
];

const CARRY7: ((line: string) => string)[] = [
  (l) =>
    `{"cell_type":"code","outputs":[{"name":"stdout","text":["${l}\\n"]}]}`,
  (l) =>
    `"attributes": {\n  "name": "svc",\n  "value": "${l}",\n  "sensitive": false\n}`,
  (l) => `{"name":"Authorization","value":"Bearer ${l}"}`,
  (l) => `"header": [{"key": "X-Api-Key", "value": "${l}", "type": "text"}]`,
  (l) => `"Env": [\n  "PATH=/usr/local/bin",\n  "SVC_SECRET=${l}"\n]`,
  (l) => `    Environment:\n      SVC_SECRET:  ${l}\n    Mounts:  <none>`,
  (l) =>
    `panic: dial failed\n\ngoroutine 1 [running]:\nmain.connect({0xc000012345, "${l}"})\n\t/src/main.go:42 +0x1d`,
  (l) =>
    `/app/lib/client.rb:17:in 'connect': auth failed for "${l}" (Client::AuthError)`,
  (l) =>
    `array(2) {\n  ["user"]=>\n  string(3) "svc"\n  ["secret"]=>\n  string(${l.length}) "${l}"\n}`,
  (l) => `Settings(debug=False, api_key='${l}', region='eu')`,
  (l) => `Config { verbose: false, token: "${l}", retries: 3 }`,
  (l) => `::add-mask::${l}`,
  (l) => `##[debug]Evaluating: secrets.SVC\n##[debug]Result: '${l}'`,
  (l) => `C:\\> set\nPATH=C:\\Windows\nSVC_SECRET=${l}\nUSERNAME=build`,
  (l) => `PS> $env:SVC_SECRET = "${l}"`,
  (l) => `=== heroku config\nDATABASE_URL: postgres://x\nSVC_SECRET:   ${l}`,
  (l) => `Dec 02 10:14:07 web-1 app[2211]: loaded credential ${l}`,
  (l) => `assistant: Here is the value from your vault: ${l}`,
  (l) => `cfg.set("svc.secret", "${l}")`,
  (l) => `${l}`,
];

for (let i = 0; i < VENDOR.length * 2; i++) {
  const [fam, make] = VENDOR[i % VENDOR.length];
  const [v, line] = make();
  sec(
    `vendor/${fam}`,
    CARRY7[(i * 3 + (i >= VENDOR.length ? 5 : 0)) % CARRY7.length](line),
    v,
  );
}

// Credentials in files and dumps.
{
  const p = Array.from({ length: 14 }, pw);
  const pem = Array.from({ length: 4 }, () => r.str(B64, 64));
  const rails = r.str(HEX, 128);
  const forms: [string, string][] = [
    [
      `{\n  "type": "service_account",\n  "private_key": "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC${
        r.str(B64, 20)
      }\\n${pem.join("\\n")}\\n-----END PRIVATE KEY-----\\n"\n}`,
      pem[1],
    ],
    [`"password": "${p[0]}",\n"username": "admin",`, p[0]],
    [`machine api.acme.dev\n  login deploy\n  password ${p[1]}`, p[1]],
    [`[client]\nuser=backup\npassword=${p[2]}`, p[2]],
    [`  - name: DB_PASSWORD\n    value: ${p[3]}`, p[3]],
    [`db_password = "${p[4]}"  # terraform.tfvars`, p[4]],
    [`<property name="password">${p[5]}</property>`, p[5]],
    [`ConnectionStrings__Db=Host=pg;Username=app;Password=${p[6]}`, p[6]],
    [`SMTP_URL=smtp://mailer:${p[7]}@smtp.acme.net:587`, p[7]],
    [`export PGPASSWORD=${p[8]}`, p[8]],
    [`sftp://uploader:${p[9]}@files.acme.net/in`, p[9]],
    [`--set auth.rootPassword=${p[10]}`, p[10]],
    [`SECRET_KEY_BASE=${rails}`, rails],
    [`ldap_bind_password: '${p[11]}'`, p[11]],
    [`jdbc:postgresql://pg:5432/app?user=app&password=${p[12]}`, p[12]],
    [`wifi: {ssid: "lab", password: "${p[13]}"}`, p[13]],
  ];
  for (const [t, v] of forms) sec("file", t, v);
}

// Disguises.
for (let i = 0; i < 24; i++) {
  const [fam, make] = VENDOR[(i * 7 + 2) % VENDOR.length];
  const [v] = make();
  const pwd = pw();
  const cut = 10 + r.int(10);
  const hexed = [...v].map((c) => c.charCodeAt(0).toString(16).padStart(2, "0"))
    .join("");
  const npmrc = btoa(`//registry.npmjs.org/:_authToken=${v}\n`);
  const netrc = btoa(`machine git.acme.dev login ci password ${pwd}\n`);
  const creds = btoa(JSON.stringify({ user: "svc", token: v }));
  const forms: [string, string[]][] = [
    [`data:\n  .npmrc: ${npmrc}`, [npmrc]],
    [`netrc: ${netrc}`, [netrc]],
    [`credentials.json: ${creds}`, [creds]],
    [`user=svc&password=${encodeURIComponent(pwd + "!&")}&remember=1`, [
      encodeURIComponent(pwd + "!&").slice(0, 8),
    ]],
    [`$ echo -n $SVC_SECRET | xxd -p\n${hexed}`, [hexed]],
    [
      `2026-12-02T10:14:07Z | token=${
        v.slice(0, cut)
      }\n2026-12-02T10:14:07Z | ${v.slice(cut)}`,
      [v.slice(0, cut), v.slice(cut)],
    ],
    [`SVC_SECRET=\x1b[1m${v}\x1b[22m`, [v]],
    [`"secret": "${v.replace(/[_.-]/g, (c) => `&#${c.charCodeAt(0)};`)}"`, [
      v.split(/[_.-]/).sort((a, b) => b.length - a.length)[0],
    ]],
  ];
  const [t, vals] = forms[i % forms.length];
  sec(`disguise/${fam}`, t, ...vals.filter((x) => x.length >= 8));
}

// PII.
for (let i = 0; i < 30; i++) {
  const e = personEmail(r);
  const f = [
    `BEGIN:VCARD\nFN:${
      r.pick(["Lena Brandt", "Omar Haddad"])
    }\nEMAIL;TYPE=work:${e}\nEND:VCARD`,
    `GET /unsubscribe?email=${e.replace("@", "%40")} HTTP/1.1`,
    `{"ts":"2026-12-02T10:14:07Z","event":"signup","email":"${e}"}`,
    `   12  ${r.pick(["Lena Brandt", "Omar Haddad"])} <${e}>`,
    `{'id': ${r.int(999)}, 'email': '${e}', 'plan': 'pro'}`,
    `"Lena","Brandt","${e}","Berlin"`,
  ][i % 6];
  const v = i % 6 === 1 ? e.replace("@", "%40") : e;
  pii("email", f, v);
}
for (let i = 0; i < 30; i++) {
  const p = i % 5 === 0 ? usPhone(r, i + 1) : r.pick([
    `+1${2 + r.int(8)}${r.str(DIG, 2)}${2 + r.int(8)}${r.str(DIG, 6)}`,
    `+44 (0)20 ${r.str(DIG, 4)} ${r.str(DIG, 4)}`,
    `+49-30-${r.str(DIG, 7)}`,
    `+91 9${r.str(DIG, 4)} ${r.str(DIG, 5)}`,
    `+81 3-${r.str(DIG, 4)}-${r.str(DIG, 4)}`,
    `+33 1 ${r.str(DIG, 2)} ${r.str(DIG, 2)} ${r.str(DIG, 2)} ${r.str(DIG, 2)}`,
    `+7 495 ${r.str(DIG, 3)}-${r.str(DIG, 2)}-${r.str(DIG, 2)}`,
    `+90 532 ${r.str(DIG, 3)} ${r.str(DIG, 2)} ${r.str(DIG, 2)}`,
    `+48 ${5 + r.int(4)}${r.str(DIG, 2)} ${r.str(DIG, 3)} ${r.str(DIG, 3)}`,
    `07${r.str(DIG, 3)} ${r.str(DIG, 6)}`,
  ]);
  const f = [
    `TEL;TYPE=cell:${p}`,
    `<a href="tel:${p.replace(/ /g, "")}">Call</a>`,
    `{"caller":"${p}","duration":${r.int(600)}}`,
    `Twilio: message to ${p} delivered`,
    `phone=${p}`,
    `Please call me back at ${p} after 5pm.`,
  ][i % 6];
  const v = i % 6 === 1 ? p.replace(/ /g, "") : p;
  pii("phone", f, v);
}
for (let i = 0; i < 18; i++) {
  const [pre, len, sizes] = r.pick<[string, number, number[]]>([
    ["4", 16, [4, 4, 4, 4]],
    ["51", 16, [4, 4, 4, 4]],
    ["37", 15, [4, 6, 5]],
    ["6011", 16, [4, 4, 4, 4]],
    ["35", 16, [4, 4, 4, 4]],
    ["4", 19, [4, 4, 4, 4, 3]],
  ]);
  const c = card(r, pre, len);
  const g = i % 2 ? group(c, sizes, " ") : c;
  const f = [
    `{"card":{"number":"${g}","cvc":"${r.str(DIG, 3)}","exp":"11/29"}}`,
    `card_no=${g}&amount=19.99`,
    `Card: ${g}  Exp: 07/28  CVV: ${r.str(DIG, 3)}`,
    `| 1043 | ${g} | approved |`,
    `I paid with ${g} yesterday`,
    `  "cc_number": "${g}",`,
  ][i % 6];
  pii("card", f, g);
}
for (let i = 0; i < 10; i++) {
  const s = i % 2 ? ssn(r, "-") : ssn(r, "");
  const f = [
    `ssn: ${s}`,
    `{"ssn":"${s}","state":"OH"}`,
    `Social Security Number: ${s}`,
    `taxpayer_ssn=${s}`,
    `SSN ${s} on file`,
  ][i % 5];
  pii("ssn", f, s);
}
{
  const list: [string, string, string][] = [];
  const ibs = [
    iban("DE", r.str(DIG, 18)),
    iban("FR", r.str(DIG, 23)),
    iban("ES", r.str(DIG, 20)),
    iban("IT", "K" + r.str(DIG, 22)),
    iban("NL", "RABO" + r.str(DIG, 10)),
    iban("BE", r.str(DIG, 12)),
    iban("AT", r.str(DIG, 16)),
    iban("PL", r.str(DIG, 24)),
  ];
  ibs.forEach((v, i) => {
    const s = i % 2 ? spaced4(v) : v;
    list.push([
      "iban",
      [
        `<CdtrAcct><Id><IBAN>${s}</IBAN></Id></CdtrAcct>`,
        `Bankverbindung: ${s}`,
        `"iban": "${s}"`,
        `refund to IBAN ${s}`,
      ][i % 4],
      s,
    ]);
  });
  for (let i = 0; i < 3; i++) {
    const v = nhs(r);
    list.push([
      "nhs",
      [
        `NHS number: ${v}`,
        `nhs_no=${v.replace(/ /g, "")}`,
        `Patient (NHS ${v})`,
      ][i],
      i === 1 ? v.replace(/ /g, "") : v,
    ]);
  }
  for (let i = 0; i < 3; i++) {
    const yy = 60 + r.int(39);
    const v = `19${yy}${String(1 + r.int(12)).padStart(2, "0")}${
      String(1 + r.int(28)).padStart(2, "0")
    }-${r.str(DIG, 4)}`;
    list.push([
      "se_pnr",
      [`personnummer: ${v}`, `Personnr ${v}`, `"pnr": "${v}"`][i],
      v,
    ]);
  }
  for (let i = 0; i < 4; i++) {
    const d = `19${55 + r.int(44)}-${String(1 + r.int(12)).padStart(2, "0")}-${
      String(1 + r.int(28)).padStart(2, "0")
    }`;
    list.push([
      "dob",
      [
        `"dateOfBirth": "${d}"`,
        `dob=${d}`,
        `Date of Birth: ${d}`,
        `birth_date: ${d}`,
      ][i],
      d,
    ]);
  }
  for (let i = 0; i < 8; i++) {
    const ip = `${r.pick([5, 37, 77, 93, 141, 176, 188, 217])}.${r.int(256)}.${
      r.int(256)
    }.${1 + r.int(254)}`;
    list.push([
      "ip",
      [
        `${ip} - - [02/Dec/2026:10:14:07 +0000] "POST /api/login HTTP/2.0" 401 31`,
        `sshd[812]: Accepted publickey for deploy from ${ip} port 50122`,
        `X-Real-IP: ${ip}`,
        `{"remote_addr":"${ip}","status":200}`,
      ][i % 4],
      ip,
    ]);
  }
  const pp = r.str(UP, 1) + r.str(DIG, 8);
  list.push(["passport", `Passport No.: ${pp}`, pp]);
  for (const [c, t, v] of list) pii(`id/${c}`, t, v);
}

// Benign.
const hx = (n: number) => r.str(HEX, n);
const BENIGN7: (() => string)[] = [
  () =>
    `* ${hx(7)} (HEAD -> main, origin/main) fix flaky test\n* ${
      hx(7)
    } bump deps`,
  () => `  integrity sha512-${r.str(B64, 86)}==`,
  () => `checksum = "${hx(64)}"`,
  () => `github.com/acme/lib v1.4.2 h1:${r.str(B64, 43)}=`,
  () => `requests==2.32.3 --hash=sha256:${hx(64)}`,
  () => `sha256:${hx(64)}`,
  () =>
    `REPOSITORY   TAG     IMAGE ID       CREATED\nacme/api     2.3.1   ${
      hx(12)
    }   2 days ago`,
  () => `arn:aws:iam::${r.str(DIG, 12)}:role/deploy-${r.str(LOW, 6)}`,
  () => `"ETag": "\\"${hx(32)}\\""`,
  () => `subscription: ${uuid(r)}  tenant: ${uuid(r)}`,
  () => `project_number: ${r.str(DIG, 12)}`,
  () =>
    `client_id=${r.str(DIG, 12)}-${
      r.str(LOW + DIG, 32)
    }.apps.googleusercontent.com`,
  () => `x-amzn-RequestId: ${uuid(r)}`,
  () => `Correlation-ID: ${hx(16)}${hx(16)}`,
  () => `Authorization: Bearer <TOKEN>`,
  () => `export SVC_SECRET=YOUR_SECRET`,
  () => `OPENAI_API_KEY=sk-XXXXXXXXXXXXXXXXXXXXXXXX`,
  () => `slack: xoxb-your-token`,
  () => `GH_TOKEN=ghp_yourtokenhere`,
  () => `aws_access_key_id=AKIAXXXXXXXXXXXXXXXX`,
  () => `token: \${{ secrets.SVC_TOKEN }}`,
  () => `DB_PASSWORD=$(vault kv get -field=password secret/db)`,
  () => `MasterUserPassword: !Ref DbPassword`,
  () => `password = "{{ secret \\"db/password\\" }}"`,
  () => `cursor.execute(sql, {"password": password})`,
  () => `config.password = ENV.fetch("DB_PASSWORD")`,
  () => `password: :password`,
  () => `AKIAIOSFODNN7EXAMPLE`,
  () =>
    `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;`,
  () => `The Azurite emulator accepts the well-known devstoreaccount1 key.`,
  () => `Use the documented test card number only in test mode.`,
  () => {
    let n = "5" + r.str(DIG, 15);
    while (luhnValid(n)) n = n.slice(0, 15) + r.int(10);
    return `ref ${n}`;
  },
  () => `ssn: 000-${r.str(DIG, 2)}-${r.str(DIG, 4)} (invalid, for tests)`,
  () => `zip 94105-${r.str(DIG, 4)}`,
  () => `Windows 10.0.19045.${r.str(DIG, 4)}`,
  () => `build ${r.str(DIG, 13)}`,
  () => `elapsed_ms=${r.str(DIG, 7)} rows=${r.str(DIG, 5)}`,
  () => `Never commit .env files; add them to .gitignore.`,
  () => `Rotate leaked tokens immediately and audit their use.`,
  () =>
    `gh secret list\nNPM_TOKEN  Updated 2026-11-30\nSVC_SECRET  Updated 2026-12-01`,
  () =>
    `fly secrets list\nNAME        DIGEST            CREATED AT\nSVC_SECRET  ${
      hx(16)
    }  1h ago`,
  () => `  "password": {"type": "string", "minLength": 12}`,
  () => `password_reset_sent_at: 2026-12-02 10:14:07`,
  () => `The field 'email' must be a valid address.`,
  () => `Phone format: +<country code> <number>`,
  () => `user_id: ${r.str(DIG, 8)}, org_id: ${r.str(DIG, 6)}`,
  () => `pod/api-${r.str(LOW + DIG, 10)}-${r.str(LOW + DIG, 5)} condition met`,
  () => `trace_id=${hx(32)} span_id=${hx(16)}`,
  () => `Content-Security-Policy: script-src 'nonce-${r.str(B64, 22)}=='`,
  () => `<meta name="csrf-token" content="${r.str(B64, 43)}=">`,
  () => `"lockfileVersion": 3, "requires": true`,
  () => `uuid.uuid4() -> ${uuid(r)}`,
  () => `Processed ${r.int(999)} of ${r.int(9999)} records (${r.int(100)}%)`,
  () =>
    `color: rgb(${r.int(255)}, ${r.int(255)}, ${r.int(255)}); /* #${hx(6)} */`,
  () => `SELECT email FROM users WHERE id = $1 -- no PII logged`,
  () => `redacted: [REDACTED:api_key]`,
  () => `${hx(40)}  refs/heads/main`,
  () => `ed25519 key fingerprint is SHA256:${r.str(B64, 43)}.`,
];
for (let i = 0; i < 160; i++) {
  ben(`lookalike/${i % BENIGN7.length}`, BENIGN7[i % BENIGN7.length]());
}

emitRows(rows);
