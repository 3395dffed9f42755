/**
 * `deno run -A scripts/make_sensitive_heldout9.ts > scripts/data/sensitive_heldout9.jsonl`:
 * the ninth held-out set, written after round 3's rules (held-out 8) and
 * measured once: the honest figure of the round's final detector. Its
 * templates differ from held-outs 2..8: carriers such as Java/Kotlin/C#
 * object dumps, MongoDB shell documents, GraphQL and Stripe-like API
 * responses, logfmt lines, Ansible inventories, Kafka JAAS lines, Airflow
 * and Spring actuator output, SOAP XML, Markdown tables, YAML fixtures,
 * protobuf text, chat transcripts, invoices and CVs; secret formats not
 * used before (Atlassian, Notion, Airtable, Sentry user tokens, Doppler
 * personal tokens, Vault batch tokens, JFrog, Dynatrace, Google OAuth
 * access tokens, AWS session tokens, Azure Service Bus keys, PGP and DSA
 * private keys, SQLAlchemy and Kafka credentials); PII in those carriers
 * and national ids of more countries; and look-alikes: publishable keys,
 * public DSNs, public keys, digests, product codes and masks.
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
  emitRows,
  gh,
  group,
  iban,
  nino,
  personEmail,
  type Row,
  rowAdders,
  sin,
  spaced4,
  ssn,
  usPhone,
  uuid,
} from "./lib/sensitive_values.ts";
import { luhnCheckDigit } from "../governance/engine/detect/checksums.ts";

const r = new Rng(9_0312_2026);
const rows: Row[] = [];
const { sec, pii, ben } = rowAdders(rows);

const pw = () =>
  r.pick(["Wren", "Granite", "Saffron", "Tundra", "Harbor", "Nimbus"]) +
  r.str(DIG, 2) + r.pick(["@", "#", "%", "&", "?"]) + r.str(LOW + UP, 4) +
  r.str(DIG, 1 + r.int(3));

/** Secret formats: the value that must vanish and a line holding it. */
const VENDOR: [string, () => [string, string]][] = [
  ["atlassian", () => {
    const v = "ATATT3xFfGF0" + r.str(URLSAFE, 170) + "=" +
      r.str(HEX, 8).toUpperCase();
    return [v, v];
  }],
  ["notion", () => {
    const v = "ntn_" + r.str(DIG, 11) + r.str(ALNUM, 35);
    return [v, v];
  }],
  ["airtable", () => {
    const v = `pat${r.str(ALNUM, 14)}.${r.str(HEX, 64)}`;
    return [v, v];
  }],
  ["sentry_user", () => {
    const v = "sntryu_" + r.str(HEX, 64);
    return [v, v];
  }],
  ["doppler_pt", () => {
    const v = "dp.pt." + r.str(ALNUM, 43);
    return [v, v];
  }],
  ["vault_batch", () => {
    const v = "hvb.AAAAAQ" + r.str(URLSAFE, 120);
    return [v, v];
  }],
  ["jfrog", () => {
    const v = "AKCp" + r.str(ALNUM, 69);
    return [v, v];
  }],
  ["dynatrace", () => {
    const v = `dt0c01.${r.str(UP + DIG, 24)}.${r.str(UP + DIG, 64)}`;
    return [v, v];
  }],
  ["google_oauth", () => {
    const v = "ya29.a0" + r.str(URLSAFE, 150);
    return [v, v];
  }],
  ["aws_session", () => {
    const v = "IQoJb3JpZ2luX2VjE" + r.str(B64, 300);
    return [v, `AWS_SESSION_TOKEN=${v}`];
  }],
  ["servicebus", () => {
    const v = r.str(B64, 43) + "=";
    return [
      v,
      `Endpoint=sb://acme-${
        r.str(LOW, 5)
      }.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${v}`,
    ];
  }],
  ["gho", () => {
    const v = gh(r, "gho_");
    return [v, v];
  }],
  ["ghp", () => {
    const v = gh(r, "ghp_");
    return [v, v];
  }],
  ["xoxb", () => {
    const v = `xoxb-${r.str(DIG, 13)}-${r.str(DIG, 13)}-${r.str(ALNUM, 24)}`;
    return [v, v];
  }],
  ["sk_live", () => {
    const v = "sk_live_" + r.str(ALNUM, 24);
    return [v, v];
  }],
  ["openai_legacy", () => {
    const v = "sk-" + r.str(ALNUM, 20) + "T3BlbkFJ" + r.str(ALNUM, 20);
    return [v, v];
  }],
  ["anthropic", () => {
    const v = "sk-ant-api03-" + r.str(URLSAFE, 93) + "AA";
    return [v, v];
  }],
  ["npm", () => {
    const v = "npm_" + r.str(ALNUM, 36);
    return [v, v];
  }],
  ["sqlalchemy", () => {
    const v = pw();
    return [
      v,
      `SQLALCHEMY_DATABASE_URI = "postgresql+psycopg2://etl:${v}@warehouse.acme.internal:5432/dw"`,
    ];
  }],
  ["kafka_jaas", () => {
    const v = pw();
    return [
      v,
      `sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="orders" password="${v}";`,
    ];
  }],
  ["snowflake", () => {
    const v = pw();
    return [v, `snowflake://loader:${v}@acme-xy12345/ANALYTICS/PUBLIC`];
  }],
  ["curl_user", () => {
    const v = pw();
    return [v, `curl -u admin:${v} https://jenkins.acme.dev/api/json`];
  }],
  ["redis_auth", () => {
    const v = r.str(ALNUM, 28);
    return [v, `redis-cli -h cache.acme.internal -a ${v} INFO`];
  }],
  ["mailchimp", () => {
    const v = r.str(HEX, 32) + "-us" + (2 + r.int(19));
    return [v, v];
  }],
  ["cloudflare_ca", () => {
    const v = "v1.0-" + r.str(HEX, 24) + "-" + r.str(HEX, 146);
    return [v, `CF_ORIGIN_CA_KEY=${v}`];
  }],
  ["azure_devops", () => {
    const v = r.str("abcdefghijklmnopqrstuvwxyz234567", 52);
    return [v, `AZURE_DEVOPS_PAT=${v}`];
  }],
  ["twilio_secret", () => {
    const v = r.str(ALNUM, 32);
    return [v, `TWILIO_API_KEY=SK${r.str(HEX, 32)}\nTWILIO_API_SECRET=${v}`];
  }],
  ["tailscale", () => {
    const v = `tskey-auth-k${r.str(ALNUM, 11)}CNTRL-${r.str(ALNUM, 32)}`;
    return [v, v];
  }],
];

const CARRY9: ((line: string) => string)[] = [
  (l) => `Config{env='prod', secret='${l}', retries=3}`,
  (l) => `Settings(region=eu-west-1, apiSecret=${l}, debug=false)`,
  (l) =>
    `{ _id: ObjectId("${
      r.str(HEX, 24)
    }"), service: 'billing', secret: '${l}' }`,
  (l) =>
    `{"data":{"integration":{"id":"${
      r.int(9999)
    }","secret":"${l}","enabled":true}}}`,
  (l) => `level=info msg="integration loaded" secret=${l} env=prod`,
  (l) => `[app]\nweb01.acme.internal ansible_user=deploy app_secret=${l}`,
  (l) =>
    `<soap:Body><Authenticate><Secret>${l}</Secret></Authenticate></soap:Body>`,
  (l) => `| service | secret |\n|---|---|\n| billing | ${l} |`,
  (l) => `services:\n  - name: billing\n    secret: "${l}"`,
  (l) => `integration {\n  name: "billing"\n  secret: "${l}"\n}`,
  (l) => `[10:42] dana: ok use this one for now\n[10:42] dana: ${l}`,
  (l) =>
    `{"name":"integration.secret","value":"${l}","origin":"class path resource [application.yml]"}`,
  (l) =>
    `$ airflow connections get billing_api -o yaml\nextra: '{"secret": "${l}"}'`,
  (l) => `#> print(client.secret)\n[1] "${l}"`,
  (l) => `irb(main):001> ENV["APP_SECRET"]\n=> "${l}"`,
  (l) => `>>> os.environ["APP_SECRET"]\n'${l}'`,
  (l) => `${l}`,
];

for (let i = 0; i < VENDOR.length * 2; i++) {
  const [fam, make] = VENDOR[i % VENDOR.length];
  const [v, line] = make();
  // Every other row names its carrier key neutrally: the value's own
  // format or label must carry it.
  const c = CARRY9[(i * 7 + (i >= VENDOR.length ? 3 : 0)) % CARRY9.length](
    line,
  );
  const t = i % 2 ? c.replace(/secret(?=[=:'"<>\s])/gi, "ref") : c;
  sec(`vendor/${fam}`, t, v);
}

// Key material and credential files.
{
  const body = (n: number) =>
    Array.from({ length: n }, () => r.str(B64, 64)).join("\n");
  const pgp = body(5), dsa = body(4), enc = body(5);
  const ansible = pw(), wp = pw(), jdbc = pw();
  const forms: [string, string][] = [
    [
      `-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQdGBGV${
        r.str(B64, 57)
      }\n${pgp}\n=${r.str(B64, 4)}\n-----END PGP PRIVATE KEY BLOCK-----`,
      pgp.split("\n")[2],
    ],
    [
      `-----BEGIN DSA PRIVATE KEY-----\n${dsa}\n-----END DSA PRIVATE KEY-----`,
      dsa.split("\n")[1],
    ],
    [
      `-----BEGIN ENCRYPTED PRIVATE KEY-----\n${enc}\n-----END ENCRYPTED PRIVATE KEY-----`,
      enc.split("\n")[3],
    ],
    [`web01 ansible_host=10.1.2.3 ansible_password=${ansible}`, ansible],
    [`$wgDBpassword = "${wp}";`, wp],
    [
      `jdbc:mysql://db.acme.internal:3306/crm?user=crm&password=${jdbc}&useSSL=true`,
      jdbc,
    ],
  ];
  for (const [t, v] of forms) sec("file", t, v);
}

// Disguises.
for (let i = 0; i < 10; i++) {
  const [fam, make] = VENDOR[(i * 5 + 1) % VENDOR.length];
  const [v] = make();
  const forms: [string, string[]][] = [
    [`secret%3D${encodeURIComponent(v)}%26env%3Dprod`, [encodeURIComponent(v)]],
    [
      `"log": "{\\"level\\":\\"debug\\",\\"apiSecret\\":\\"${v}\\"}"`,
      [v],
    ],
    [`SECRET=\x1b[33m${v}\x1b[39m`, [v]],
    [
      `const k = "${v.slice(0, 12)}" +\n  "${v.slice(12)}";`,
      [v.slice(0, 12), v.slice(12)],
    ],
    [`echo ${btoa(`APP_SECRET=${v}`)} | base64 -d`, [btoa(`APP_SECRET=${v}`)]],
  ];
  const [t, vals] = forms[i % forms.length];
  sec(`disguise/${fam}`, t, ...vals.filter((x) => x.length >= 8));
}

// PII.
const NAMES = [
  "Signe Lund",
  "Tomasz Wrona",
  "Leilani Kahale",
  "Bongani Dube",
  "Mei Lin",
  "Joaquín Ruiz",
];
for (let i = 0; i < 16; i++) {
  const e = personEmail(r);
  const n = r.pick(NAMES);
  const forms = [
    `User{id=${r.int(9999)}, name='${n}', email='${e}'}`,
    `{ _id: ObjectId("${r.str(HEX, 24)}"), email: '${e}', plan: 'pro' }`,
    `{"data":{"viewer":{"login":"${LOW[r.int(26)]}${
      r.str(LOW, 6)
    }","email":"${e}"}}}`,
    `level=info msg="password reset requested" user_email=${e}`,
    `| Name | Email |\n|------|-------|\n| ${n} | ${e} |`,
    `users:\n  - name: ${n}\n    email: ${e}`,
    `To: ${n} <${e}>, billing@acme-corp.io`,
    `CURRICULUM VITAE\n${n}\n${e} · Copenhagen`,
  ];
  pii("email", forms[i % forms.length], e);
}
for (let i = 0; i < 14; i++) {
  const p = [
    usPhone(r, i),
    `+45 ${r.str(DIG, 2)} ${r.str(DIG, 2)} ${r.str(DIG, 2)} ${r.str(DIG, 2)}`,
    `+48 ${5 + r.int(4)}${r.str(DIG, 2)}-${r.str(DIG, 3)}-${r.str(DIG, 3)}`,
    `+27 ${6 + r.int(3)}${r.int(10)} ${r.str(DIG, 3)} ${r.str(DIG, 4)}`,
    `+86 13${r.int(10)} ${r.str(DIG, 4)} ${r.str(DIG, 4)}`,
    `+52 55 ${r.str(DIG, 4)} ${r.str(DIG, 4)}`,
    `+61 4${r.str(DIG, 2)} ${r.str(DIG, 3)} ${r.str(DIG, 3)}`,
  ][i % 7];
  const forms = [
    `"billing_details": {"name": "${r.pick(NAMES)}", "phone": "${p}"}`,
    `Customer{name='${r.pick(NAMES)}', phone='${p}'}`,
    `level=warn msg="sms failed" to=${p}`,
    `<contact><phone>${p}</phone></contact>`,
    `CV\n${r.pick(NAMES)}\nMobile: ${p}`,
    `[09:12] customer: you can reach me at ${p}`,
    `| Name | Phone |\n|---|---|\n| ${r.pick(NAMES)} | ${p} |`,
  ];
  pii("phone", forms[(i * 3) % forms.length], p);
}
for (let i = 0; i < 8; i++) {
  const c = card(r, r.pick(["4", "51", "37", "6011"]), i % 4 === 2 ? 15 : 16);
  const g = i % 2
    ? group(c, c.length === 15 ? [4, 6, 5] : [4, 4, 4, 4], " ")
    : c;
  const forms = [
    `Payment{card='${g}', exp='04/29'}`,
    `<cardNumber>${g}</cardNumber>`,
    `{ _id: ObjectId("${r.str(HEX, 24)}"), pan: '${g}' }`,
    `[14:03] customer: the card is ${g}, can you retry?`,
  ];
  pii("card", forms[i % forms.length], g);
}
for (let i = 0; i < 5; i++) {
  const s = ssn(r, "-");
  const forms = [
    `Employee{name='${r.pick(NAMES)}', ssn='${s}'}`,
    `<ssn>${s}</ssn>`,
    `level=info msg="w2 generated" ssn=${s}`,
    `| Employee | SSN |\n|---|---|\n| ${r.pick(NAMES)} | ${s} |`,
    `W-4 on file, SSN: ${s}`,
  ];
  pii("ssn", forms[i], s);
}
{
  const list: [string, string, string][] = [];
  const ibs = [
    iban("DK", r.str(DIG, 14)),
    iban("NO", r.str(DIG, 11)),
    iban("FI", r.str(DIG, 14)),
    iban("LU", r.str(DIG, 3) + r.str(UP + DIG, 13)),
  ];
  ibs.forEach((v, i) => {
    const s = i % 2 ? spaced4(v) : v;
    list.push([
      "iban",
      [
        `INVOICE 2026-114\nPlease pay within 14 days to IBAN ${s}`,
        `<IBAN>${s}</IBAN>`,
        `beneficiary { iban: "${s}" }`,
        `Faktura: kontonummer (IBAN) ${s}`,
      ][i],
      s,
    ]);
  });
  const a = aadhaar(r);
  list.push(["aadhaar", `KYC{aadhaar='${a}', status=VERIFIED}`, a]);
  const c = cpf(r);
  list.push(["cpf", `<cpf>${c}</cpf>`, c]);
  const s = sin(r, "-");
  list.push(["sin", `Employee{sin='${s}'}`, s]);
  const ni = nino(r, false);
  list.push([
    "nino",
    `| Employee | NI number |\n|---|---|\n| ${r.pick(NAMES)} | ${ni} |`,
    ni,
  ]);
  // Dutch BSN (elfproef).
  for (;;) {
    const d = r.str(DIG, 8);
    let sum = 0;
    for (let k = 0; k < 8; k++) sum += Number(d[k]) * (9 - k);
    const last = sum % 11;
    if (last > 9 || d[0] === "0") continue;
    list.push(["bsn", `BSN: ${d}${last}`, d + last]);
    break;
  }
  // Chinese resident id (MOD 11-2).
  {
    const p = `110105${1960 + r.int(40)}${
      String(1 + r.int(12)).padStart(2, "0")
    }${String(1 + r.int(28)).padStart(2, "0")}${r.str(DIG, 3)}`;
    const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum = 0;
    for (let k = 0; k < 17; k++) sum += Number(p[k]) * w[k];
    const v = p + "10X98765432"[sum % 11];
    list.push(["cn_id", `身份证号码：${v}`, v]);
  }
  // South African id (Luhn).
  {
    const p = `${r.str(DIG, 2)}${String(1 + r.int(12)).padStart(2, "0")}${
      String(1 + r.int(28)).padStart(2, "0")
    }${r.str(DIG, 4)}08`;
    const v = p + luhnCheckDigit(p);
    list.push(["za_id", `ID number: ${v}`, v]);
  }
  const dl = r.pick(["D", "S", "W"]) + r.str(DIG, 7);
  list.push(["driver_license", `Driver License #: ${dl}`, dl]);
  const mrn = r.str(DIG, 8);
  list.push(["mrn", `Patient: ${r.pick(NAMES)}  MRN: ${mrn}`, mrn]);
  for (let i = 0; i < 3; i++) {
    const d = `${String(1 + r.int(28)).padStart(2, "0")}/${
      String(1 + r.int(12)).padStart(2, "0")
    }/19${50 + r.int(49)}`;
    list.push([
      "dob",
      [
        `CV\n${r.pick(NAMES)}\nDate of birth: ${d}`,
        `Patient{name='${r.pick(NAMES)}', dob='${d}'}`,
        `<birthDate>${d}</birthDate>`,
      ][i],
      d,
    ]);
  }
  for (let i = 0; i < 4; i++) {
    const ip = `${r.pick([31, 46, 62, 95, 146, 178, 212])}.${r.int(256)}.${
      r.int(256)
    }.${1 + r.int(254)}`;
    list.push([
      "ip",
      [
        `level=warn msg="login failed" user=admin remote_ip=${ip}`,
        `{ _id: ObjectId("${r.str(HEX, 24)}"), lastLoginIp: '${ip}' }`,
        `Session{user='${r.str(LOW, 6)}', clientIp=${ip}}`,
        `<clientIP>${ip}</clientIP>`,
      ][i],
      ip,
    ]);
  }
  const pp = r.str(UP, 2) + r.str(DIG, 7);
  list.push([
    "passport",
    `Traveller{name='${r.pick(NAMES)}', passportNumber='${pp}'}`,
    pp,
  ]);
  for (const [k, t, v] of list) pii(`id/${k}`, t, v);
}

// Benign look-alikes.
const hx = (n: number) => r.str(HEX, n);
const BENIGN9: (() => string)[] = [
  () => `STRIPE_PUBLISHABLE_KEY=pk_live_${r.str(ALNUM, 24)}`,
  () =>
    `Sentry.init({ dsn: "https://${hx(32)}@o${r.str(DIG, 6)}.ingest.sentry.io/${
      r.str(DIG, 7)
    }" })`,
  () => `ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ${r.str(B64, 60)} deploy@ci`,
  () =>
    `-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmQINBGV${r.str(B64, 57)}\n${
      r.str(B64, 64)
    }\n-----END PGP PUBLIC KEY BLOCK-----`,
  () =>
    `<img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA${
      r.str(B64, 60)
    }">`,
  () =>
    `{ _id: ObjectId("${hx(24)}"), status: 'shipped', total: ${r.int(999)}.${
      r.str(DIG, 2)
    } }`,
  () => `User{id=${r.int(9999)}, name='guest', email=null}`,
  () =>
    `level=info msg="request done" duration=${
      r.int(900)
    }ms status=200 request_id=${uuid(r)}`,
  () => `| Service | Secret |\n|---|---|\n| billing | (stored in Vault) |`,
  () => `services:\n  - name: billing\n    secretRef: billing-credentials`,
  () =>
    `{"name":"integration.secret","value":"******","origin":"System Environment Property \\"APP_SECRET\\""}`,
  () =>
    `web01 ansible_host=10.1.2.3 ansible_password="{{ vault_web01_password }}"`,
  () =>
    `sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="\${KAFKA_USER}" password="\${KAFKA_PASSWORD}";`,
  () => `SQLALCHEMY_DATABASE_URI = "sqlite:///app.db"`,
  () =>
    `curl -u "$JENKINS_USER:$JENKINS_TOKEN" https://jenkins.acme.dev/api/json`,
  () => `redis-cli -h localhost -p 6379 PING`,
  () => `Authorization: Bearer \${ACCESS_TOKEN}`,
  () => `ULID ${r.str("0123456789ABCDEFGHJKMNPQRSTVWXYZ", 26)}`,
  () => `nanoid: ${r.str(URLSAFE, 21)}`,
  () => `EAN 4006381333931`,
  () => `UPC 036000291452`,
  () => `ICD-10 E11.9, LOINC 2345-7`,
  () =>
    `Order #${r.str(DIG, 8)} · ${r.int(9)} items · total €${r.int(999)},${
      r.str(DIG, 2)
    }`,
  () => `card: ${r.pick(["4", "5"])}${r.str(DIG, 5)}******${r.str(DIG, 4)}`,
  () =>
    `Visa ending in ${r.str(DIG, 4)}, expires ${1 + r.int(12)}/${
      27 + r.int(5)
    }`,
  () => `SSN: XXX-XX-${r.str(DIG, 4)}`,
  () => `ssh://git@github.com/acme/api.git`,
  () => `npm i @acme/ui@${r.int(9)}.${r.int(20)}.${r.int(9)}`,
  () => `@dana can you review #${r.int(9999)}?`,
  () => `Listening on 0.0.0.0:${1024 + r.int(60000)}`,
  () => `net.ipv4.ip_local_port_range = 32768 60999`,
  () => `OID 2.5.4.3 (commonName)`,
  () => `Chrome/${100 + r.int(40)}.0.${r.int(9999)}.${r.int(200)}`,
  () =>
    `"private_key": "-----BEGIN PRIVATE KEY-----\\n<redacted>\\n-----END PRIVATE KEY-----\\n"`,
  () => `AWS_SECRET_ACCESS_KEY=`,
  () => `GITHUB_TOKEN=ghp_****************************`,
  () => `export API_KEY=changeme`,
  () => `secret_key_base: <%= ENV["SECRET_KEY_BASE"] %>`,
  () => `vault kv get -field=password secret/data/billing`,
  () =>
    `env:\n  - name: APP_SECRET\n    valueFrom:\n      secretKeyRef:\n        name: app\n        key: secret`,
  () => `Digest: sha256:${hx(64)}`,
  () => `tree ${hx(40)}\nparent ${hx(40)}`,
  () => `build-id: ${hx(40)}`,
  () => `Correlation: ${uuid(r)}`,
  () => `INVOICE 2026-114 · due in 14 days · VAT 21%`,
  () => `CURRICULUM VITAE · skills: TypeScript, Deno, PostgreSQL`,
  () => `[10:42] dana: deploy finished in ${r.int(90)}s`,
  () => `<soap:Body><Ping/></soap:Body>`,
  () => `Date of issue: 2026-11-${String(1 + r.int(28)).padStart(2, "0")}`,
  () => `Patient count: ${r.int(999)}, beds free: ${r.int(99)}`,
  () => `Tel. ${r.str(DIG, 3)} (extension)`,
  () => `phone_verified: true, phone: null`,
  () => `timeout 30s; retry 3; port 5432`,
  () => `sk-...${r.str(ALNUM, 4)} (last four characters shown)`,
];
for (let i = 0; i < 110; i++) {
  ben(`lookalike/${i % BENIGN9.length}`, BENIGN9[i % BENIGN9.length]());
}

emitRows(rows);
