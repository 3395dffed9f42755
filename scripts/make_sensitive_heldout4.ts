/**
 * `deno run -A scripts/make_sensitive_heldout4.ts > scripts/data/sensitive_heldout4.jsonl`:
 * the fourth held-out set for `scripts/eval_sensitive.ts --file`, written
 * after the held-out-3 fixes and measured once (the honest figure). Its
 * templates are new: notebook and Postman JSON, Makefiles, Gradle and pip
 * configs, `kubectl create secret`, `gh secret set`, `docker run -e`, JVM
 * `-D` properties, mongo/influx/lftp/gpg/openssl -k command lines, ADO.NET
 * and JDBC strings with the password first, C/Go byte arrays, octal
 * escapes, WireGuard keys; PII in more layouts (spaced or dashed phones
 * without a country code, `00` prefixes, JSON numbers, lower-case IBANs,
 * ITIN, Swedish personnummer, Italian codice fiscale); and benign text full
 * of ids, digests, counters and documentation shapes.
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
import {
  codiceFiscaleCheckLetter,
  luhnCheckDigit,
  luhnValid,
} from "../governance/engine/detect/checksums.ts";

const r = new Rng(4_1212_2026);
const rows: Row[] = [];
const { sec, pii, ben } = rowAdders(rows);
const pw = () =>
  r.pick(["Falcon", "Harbor", "Quartz", "Ember", "Willow", "Cobalt"]) +
  r.pick(["_", "!", "-", "+", "."]) + r.str(DIG, 2 + r.int(4)) +
  r.str(UP + LOW, 3 + r.int(4));

// ------------------------------------------------------------ provider tokens in new carriers

const TOK: [string, () => string][] = [
  ["ghp", () => gh(r, "ghp_")],
  ["ghs", () => gh(r, "ghs_")],
  ["glpat", () => "glpat-" + r.str(URLSAFE, 20)],
  [
    "xoxb",
    () => `xoxb-${r.str(DIG, 12)}-${r.str(DIG, 13)}-${r.str(ALNUM, 24)}`,
  ],
  ["sk_live", () => "sk_live_" + r.str(ALNUM, 99)],
  ["rk_live", () => "rk_live_" + r.str(ALNUM, 99)],
  ["sk-proj", () => "sk-proj-" + r.str(URLSAFE, 156)],
  ["sk-ant", () => "sk-ant-api03-" + r.str(URLSAFE, 93) + "AA"],
  ["AIza", () => "AIza" + r.str(URLSAFE, 35)],
  ["npm", () => "npm_" + r.str(ALNUM, 36)],
  ["pypi", () => "pypi-AgEIcHlwaS5vcmc" + r.str(URLSAFE, 70)],
  ["hf", () => "hf_" + r.str(UP + LOW, 34)],
  ["SG", () => "SG." + r.str(URLSAFE, 22) + "." + r.str(URLSAFE, 43)],
  ["dop", () => "dop_v1_" + r.str(HEX, 64)],
  ["shpss", () => "shpss_" + r.str(HEX, 32)],
  ["AKIA", () => "AKIA" + r.str("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)],
  ["vault", () => "hvs." + r.str(URLSAFE, 90)],
  ["sq0csp", () => "sq0csp-" + r.str(URLSAFE, 43)],
  ["glsa", () => `glsa_${r.str(ALNUM, 32)}_${r.str(HEX, 8)}`],
  ["dckr", () => "dckr_pat_" + r.str(URLSAFE, 27)],
  ["pplx", () => "pplx-" + r.str(ALNUM, 48)],
  ["r8", () => "r8_" + r.str(ALNUM, 37)],
  [
    "age",
    () => "AGE-SECRET-KEY-1" + r.str("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58),
  ],
];

const PLACES: ((v: string) => string)[] = [
  (v) =>
    `{"cell_type": "code", "outputs": [{"name": "stdout", "text": ["using key ${v}\\n"]}]}`,
  (v) =>
    `{"key": "apiKey", "value": "${v}", "type": "secret", "enabled": true}`,
  (v) =>
    `PUBLISH_TOKEN ?= ${v}\n\npublish:\n\tcurl -H "Authorization: Bearer $(PUBLISH_TOKEN)" ...`,
  (v) => `kubectl create secret generic api --from-literal=token=${v}`,
  (v) => `gh secret set DEPLOY_TOKEN --body "${v}"`,
  (v) => `docker run -d -e API_TOKEN=${v} -p 8080:8080 acme/api:1.4`,
  (v) => `heroku config:set SERVICE_TOKEN=${v} -a acme-prod`,
  (v) => `  - key: SERVICE_TOKEN\n    value: ${v}\n    scope: RUN_TIME`,
  (v) => `variable "token" {\n  default = "${v}"\n}`,
  (v) => `ENV['SERVICE_TOKEN'] ||= '${v}'`,
  (v) => `let token = "${v}";`,
  (v) => `setx SERVICE_TOKEN "${v}"`,
  (v) =>
    `2026/12/02 11:20:01 [debug] config loaded: map[region:eu token:${v} timeout:30s]`,
  (v) =>
    `Traceback (most recent call last):\n  File "app.py", line 9, in <module>\n    api = Api(key="${v}")\nPermissionError: key revoked`,
  (v) => `# paste this into Settings > Secrets:\n${v}`,
  (v) => `$ cat ~/.git-credentials\nhttps://bot:${v}@github.com`,
  (v) => `-H 'PRIVATE-TOKEN: ${v}'`,
  (v) => `query { viewer { login } }\n# variables: {"auth": "${v}"}`,
  (v) => `[[registries]]\nname = "internal"\ntoken = "${v}"`,
  (v) =>
    `I think the leak is this line: SERVICE_TOKEN=${v} (from .env.production)`,
];

for (let i = 0; i < 80; i++) {
  const [fam, gen] = TOK[(i * 7) % TOK.length];
  const v = gen();
  sec(`provider/${fam}`, PLACES[i % PLACES.length](v), v);
}
{
  const id = "ASIA" + r.str("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
  const key = r.str(B64, 40);
  sec(
    "provider/aws",
    `$ aws configure set aws_access_key_id ${id}\n$ aws configure set aws_secret_access_key ${key}`,
    id,
    key,
  );
  const id2 = "AKIA" + r.str("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
  const key2 = r.str(B64, 40);
  sec(
    "provider/aws",
    `Parameters:\n  AccessKey: ${id2}\n  SecretKey: ${key2}`,
    id2,
    key2,
  );
  const wg = r.str(B64, 43) + "=";
  sec(
    "key/wireguard",
    `[Interface]\nAddress = 10.8.0.2/24\nPrivateKey = ${wg}\nDNS = 1.1.1.1`,
    wg,
  );
  const wg2 = r.str(B64, 43) + "=";
  sec("key/wireguard", `wg set wg0 private-key <(echo ${wg2})`, wg2);
  const slack = `https://hooks.slack.com/services/T${r.str(UP + DIG, 8)}/B${
    r.str(UP + DIG, 10)
  }/${r.str(ALNUM, 24)}`;
  sec(
    "provider/webhook",
    `curl -X POST -d '{"text":"hi"}' ${slack}`,
    slack.slice(-24),
  );
  const disc = `https://discord.com/api/webhooks/${r.str(DIG, 18)}/${
    r.str(URLSAFE, 68)
  }`;
  sec("provider/webhook", `DISCORD_WEBHOOK=${disc}`, disc.slice(-68));
}

// ------------------------------------------------------------ command lines

{
  const p = Array.from({ length: 24 }, pw);
  const forms: [string, string][] = [
    [`docker exec -it db mysql -uroot -p${p[0]} -e "show databases"`, p[0]],
    [
      `mongo --host db -u admin -p ${p[1]} --authenticationDatabase admin`,
      p[1],
    ],
    [`mongosh "mongodb://db:27017" -u admin -p '${p[2]}'`, p[2]],
    [
      `influx -username admin -password ${p[3]} -execute 'SHOW DATABASES'`,
      p[3],
    ],
    [`lftp -u deploy,${p[4]} sftp://files.acme.io`, p[4]],
    [`gpg --batch --passphrase '${p[5]}' -d backup.tar.gpg`, p[5]],
    [`openssl enc -aes-256-cbc -salt -in db.sql -out db.enc -k ${p[6]}`, p[6]],
    [`java -Djavax.net.ssl.keyStorePassword=${p[7]} -jar app.jar`, p[7]],
    [`mvn deploy -Drepo.password=${p[8]}`, p[8]],
    [`pg_dump "host=db user=app password=${p[9]} dbname=orders" > o.sql`, p[9]],
    [`RSYNC_PASSWORD=${p[10]} rsync -av ./ backup@nas::share`, p[10]],
    [`ssh-keygen -t ed25519 -N '${p[11]}' -f deploy_key`, p[11]],
    [`unzip -P ${p[12]} secrets.zip`, p[12]],
    [`mysql --user=app --password=${p[13]} orders`, p[13]],
    [
      `root      1312  0.0  0.4 ... /usr/bin/mongod --auth; mongo -u root -p ${
        p[14]
      }`,
      p[14],
    ],
    [
      `    7781 ?        S      0:00 sshpass -p ${
        p[15]
      } rsync -e ssh /data nas:/backup`,
      p[15],
    ],
    [
      `$ history | tail -3\n  501  cd /srv\n  502  mysql -h prod-db -uadmin -p'${
        p[16]
      }'\n  503  exit`,
      p[16],
    ],
    [`psql postgresql://report:${p[17]}@pg.internal:5432/analytics`, p[17]],
    [`redis-cli -u redis://default:${p[18]}@cache.internal:6379 ping`, p[18]],
    [`vsql -h vertica -U dbadmin -w ${p[19]}`, p[19]],
    [
      `expect -c 'spawn ssh ops@host; expect "password:"; send "${p[20]}\\r"'`,
      p[20],
    ],
    [`curl --user "svc:${p[21]}" https://jenkins.acme.io/api/json`, p[21]],
    [
      `wget --http-user=svc --http-password=${p[22]} https://files.acme.io/x`,
      p[22],
    ],
    [
      `az sql db export -u sqladmin -p ${
        p[23]
      } --storage-key-type StorageAccessKey`,
      p[23],
    ],
  ];
  for (const [t, v] of forms) sec("cli", t, v);
}

// ------------------------------------------------------------ connection strings

{
  const p = Array.from({ length: 10 }, pw);
  const forms: [string, string][] = [
    [`jdbc:postgresql://pg:5432/app?password=${p[0]}&user=app`, p[0]],
    [
      `Data Source=sql01;Initial Catalog=erp;User ID=erp;Password=${p[1]};`,
      p[1],
    ],
    [`Server=myServer;Database=shop;Uid=shop;Pwd=${p[2]};`, p[2]],
    [`DSN=warehouse;UID=etl;PWD=${p[3]}`, p[3]],
    [`jdbc:mysql://app:${p[4]}@db.prod:3306/shop`, p[4]],
    [
      `mongodb://reporter:${p[5]}@mongo-0.mongo,mongo-1.mongo/?replicaSet=rs0`,
      p[5],
    ],
    [
      `spring:\n  datasource:\n    url: jdbc:mariadb://db/app\n    password: ${
        p[6]
      }`,
      p[6],
    ],
    [
      `sqlalchemy.url = mssql+pyodbc://sa:${
        p[7]
      }@sql01/erp?driver=ODBC+Driver+18`,
      p[7],
    ],
    [
      `"connectionString": "Host=pg;Database=app;Username=app;Password=${
        p[8]
      }"`,
      p[8],
    ],
    [`amqps://orders:${p[9]}@mq.acme.io:5671/prod`, p[9]],
  ];
  for (const [t, v] of forms) sec("connection", t, v);
}

// ------------------------------------------------------------ keys, pieces, encodings

{
  const body =
    "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW" +
    "QyNTUxOQAAACB" + r.str(B64, 300);
  const lines = body.match(/.{1,70}/g)!;
  const k = `-----BEGIN OPENSSH PRIVATE KEY-----\n${
    lines.join("\n")
  }\n-----END OPENSSH PRIVATE KEY-----`;
  sec("key/openssh", `"private_key": "${k.replace(/\n/g, "\\n")}"`, lines[2]);
  sec("key/openssh", `      ${k.split("\n").join("\n      ")}`, lines[3]);
  const rsa = `-----BEGIN RSA PRIVATE KEY-----\nMIIEpQIBAAKCAQEA${
    r.str(B64, 48)
  }\n${
    Array.from({ length: 8 }, () => r.str(B64, 64)).join("\n")
  }\n-----END RSA PRIVATE KEY-----`;
  sec(
    "key/rsa",
    `Here's the key you asked for:\n\n${rsa}\n\nDelete after use.`,
    rsa.split("\n")[3],
  );
  const pgp = `-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBG${
    r.str(B64, 58)
  }\n${
    Array.from({ length: 5 }, () => r.str(B64, 64)).join("\n")
  }\n-----END PGP PRIVATE KEY BLOCK-----`;
  sec("key/pgp", pgp, pgp.split("\n")[4]);
  const jwkD = r.str(URLSAFE, 43);
  sec(
    "key/jwk",
    `{"kty":"EC","crv":"P-256","x":"${r.str(URLSAFE, 43)}","y":"${
      r.str(URLSAFE, 43)
    }","d":"${jwkD}"}`,
    jwkD,
  );
}
for (let i = 0; i < 8; i++) {
  const [, gen] = TOK[(i * 5 + 2) % TOK.length];
  const v = gen();
  const bytes = [...v].map((c) => c.charCodeAt(0));
  const forms: [string, string[]][] = [
    [
      `static const char key[] = { ${
        bytes.map((b) => "0x" + b.toString(16).padStart(2, "0")).join(", ")
      } };`,
      [
        bytes.slice(4, 10).map((b) => "0x" + b.toString(16).padStart(2, "0"))
          .join(", "),
      ],
    ],
    [`key := []byte{${bytes.join(", ")}}`, [bytes.slice(4, 10).join(", ")]],
    [
      `printf '${
        bytes.map((b) => "\\" + b.toString(8).padStart(3, "0")).join("")
      }'`,
      [
        bytes.slice(4, 10).map((b) => "\\" + b.toString(8).padStart(3, "0"))
          .join(""),
      ],
    ],
    [
      `TOKEN_HEX=${
        bytes.map((b) => b.toString(16).padStart(2, "0")).join("").toUpperCase()
      }`,
      [
        bytes.map((b) => b.toString(16).padStart(2, "0")).join("")
          .toUpperCase(),
      ],
    ],
    [`token = "${v.slice(0, 12)}" \\\n        "${v.slice(12)}"`, [
      v.slice(0, 12),
      v.slice(12),
    ]],
    [
      `parts = ["${v.slice(0, 10)}", "${v.slice(10)}"]\ntoken = "".join(parts)`,
      [v.slice(0, 10), v.slice(10)],
    ],
    [`TOKEN=${v.slice(0, 20)}\\\n${v.slice(20)}`, [
      v.slice(0, 20),
      v.slice(20),
    ]],
    [`{"msg": "auth ok", "token": "${v.slice(0, 16)}…${v.slice(-6)}"}`, []],
  ];
  const [t, vals] = forms[i];
  if (vals.length === 0) ben("masked", t);
  else sec("encoded", t, ...vals);
}
{
  const p = Array.from({ length: 14 }, pw);
  const m = Array.from({ length: 6 }, () => r.str(ALNUM, 40));
  const forms: [string, string][] = [
    [`ossrhPassword=${p[0]}`, p[0]],
    [`[global]\nindex-url = https://deploy:${p[1]}@pypi.acme.io/simple`, p[1]],
    [`smtp:\n  host: mail.acme.io\n  user: noreply\n  pass: ${p[2]}`, p[2]],
    [`$config['db_pass'] = '${p[3]}';`, p[3]],
    [`DB_PASSWD=${p[4]}`, p[4]],
    [`"adminPassword": { "value": "${p[5]}" }`, p[5]],
    [`  master_password: ${p[6]}`, p[6]],
    [`Password: ${p[7]}\nConfirm: ${p[7]}`, p[7]],
    [`login: ops\npassword is ${p[8]}`, p[8]],
    [`the new root pw is ${p[9]} — rotate it monday`, p[9]],
    [`keystore.password=${p[10]}`, p[10]],
    [`user.setPassword("${p[11]}");`, p[11]],
    [`credentials "app.terraform.io" { token = "${m[0]}" }`, m[0]],
    [`JWT_SECRET=${m[1]}`, m[1]],
    [`COOKIE_SECRET: "${m[2]}"`, m[2]],
    [`signing_key = "${m[3]}"`, m[3]],
    [`HMAC_KEY=${m[4]}`, m[4]],
    [`private static final String API_SECRET = "${m[5]}";`, m[5]],
    [`passphrase ${p[12]}`, p[12]],
    [`sa_password: "${p[13]}"`, p[13]],
  ];
  for (const [t, v] of forms) sec("assignment", t, v);
}

// ------------------------------------------------------------ PII

for (let i = 0; i < 24; i++) {
  const layouts = [
    () => `0${r.int(9) + 1}${r.str(DIG, 1)} ${r.str(DIG, 4)} ${r.str(DIG, 4)}`,
    () =>
      `+33 (0)6 ${r.str(DIG, 2)} ${r.str(DIG, 2)} ${r.str(DIG, 2)} ${
        r.str(DIG, 2)
      }`,
    () => `0044 20 ${r.str(DIG, 4)} ${r.str(DIG, 4)}`,
    () => `+86 13${r.int(10)} ${r.str(DIG, 4)} ${r.str(DIG, 4)}`,
    () => `030 ${r.str(DIG, 8)}`,
    () => `04${r.str(DIG, 2)} ${r.str(DIG, 3)} ${r.str(DIG, 3)}`,
    () => `+91-98${r.str(DIG, 3)}-${r.str(DIG, 5)}`,
    () => usPhone(r, 1).replace(/-/g, " "),
    () =>
      `+1 (${2 + r.int(8)}${r.str(DIG, 2)}) ${2 + r.int(8)}${r.str(DIG, 2)}-${
        r.str(DIG, 4)
      }`,
    () =>
      `${2 + r.int(8)}${r.str(DIG, 2)}/${2 + r.int(8)}${r.str(DIG, 2)}-${
        r.str(DIG, 4)
      }`,
    () =>
      `+7 9${r.str(DIG, 2)} ${r.str(DIG, 3)}-${r.str(DIG, 2)}-${r.str(DIG, 2)}`,
    () => `+52 55 ${r.str(DIG, 4)} ${r.str(DIG, 4)}`,
    () => `+27 8${r.str(DIG, 1)} ${r.str(DIG, 3)} ${r.str(DIG, 4)}`,
    () => `+353 8${r.str(DIG, 1)} ${r.str(DIG, 3)} ${r.str(DIG, 4)}`,
    () => `(0${r.str(DIG, 2)}) ${r.str(DIG, 4)} ${r.str(DIG, 4)}`,
    () => usPhone(r, 0) + ` ext ${r.str(DIG, 3)}`,
  ];
  const p = layouts[i % layouts.length]();
  const forms = [
    `Phone: ${p}`,
    `reach the on-call at ${p}`,
    `"telephone": "${p}"`,
    `name;phone\nDupont;${p}`,
  ];
  pii("phone", forms[i % forms.length], p.replace(/ ext \d+$/, ""));
}
for (let i = 0; i < 24; i++) {
  const e = personEmail(r);
  const forms = [
    `cc: ${e}; bcc: audit@acme-corp.io`,
    `{"user":{"email":"${e}","verified":true}}`,
    `INSERT INTO users (email) VALUES ('${e}');`,
    `To: "Support" <${e}>`,
    `mailto:${e}?subject=Refund`,
    `email=${encodeURIComponent(e)}&plan=pro`,
    `owner: ${e.toUpperCase()}`,
    `${e},active,2026-11-30`,
  ];
  const t = forms[i % forms.length];
  const v = i % 8 === 5
    ? encodeURIComponent(e).split("%40")[0]
    : i % 8 === 6
    ? e.toUpperCase()
    : e;
  pii("email", t, v);
}
for (let i = 0; i < 24; i++) {
  const kinds: [string, number, number[]][] = [
    ["4", 16, [4, 4, 4, 4]],
    ["51", 16, [4, 4, 4, 4]],
    ["34", 15, [4, 6, 5]],
    ["36", 14, [4, 6, 4]],
    ["6011", 16, [4, 4, 4, 4]],
    ["62", 19, [4, 4, 4, 4, 3]],
    ["3530", 16, [4, 4, 4, 4]],
    ["2720", 16, [4, 4, 4, 4]],
  ];
  const [pre, len, sizes] = kinds[i % kinds.length];
  const c = card(r, pre, len);
  const g = i % 4 === 0 ? c : group(c, sizes, r.pick([" ", "-", "."]));
  const forms = [
    `{"cardNumber": ${c}, "cvc": "314"}`,
    `Visa/MC accepted. Charged ${g} for EUR 12.00`,
    `card_num=${g}`,
    `Zahlung mit Karte ${g} abgelehnt`,
  ];
  const t = forms[i % forms.length];
  pii("card", t, t.includes(g) ? g : c);
}
for (let i = 0; i < 14; i++) {
  const s = ssn(r, i % 3 === 0 ? " " : "-");
  const forms = [
    `social security number is ${s}`,
    `"ssn":"${s}"`,
    `Applicant,${s},CA,approved`,
    `SSN (last updated 2026): ${s}`,
    `taxpayer ${s} filed`,
  ];
  pii("ssn", forms[i % forms.length], s);
}
{
  const itin = `9${r.str(DIG, 2)}-7${r.int(9)}-${r.str(DIG, 4)}`;
  pii("itin", `ITIN: ${itin}`, itin);
  const itin2 = `9${r.str(DIG, 2)}-8${r.int(9)}-${r.str(DIG, 4)}`;
  pii("itin", `Individual Taxpayer Identification Number ${itin2}`, itin2);
}
{
  const ibans = [
    iban("NO", r.str(DIG, 11)),
    iban("MT", "MALT" + r.str(DIG, 5) + r.str(UP + DIG, 18)),
    iban("PT", r.str(DIG, 21)),
    iban("FI", r.str(DIG, 14)),
    iban("DK", r.str(DIG, 14)),
    iban("LU", r.str(DIG, 3) + r.str(UP + DIG, 13)),
    iban("GR", r.str(DIG, 7) + r.str(UP + DIG, 16)),
    iban("RO", "RNCB" + r.str(UP + DIG, 16)),
    iban("DE", r.str(DIG, 18)),
    iban("FR", r.str(DIG, 10) + r.str(UP + DIG, 11) + r.str(DIG, 2)),
  ];
  const forms = [
    (v: string) => `IBAN ${v.toLowerCase()}`,
    (v: string) => `konto: ${spaced4(v)}`,
    (v: string) => `"account": {"iban": "${v}"}`,
    (v: string) => `payee;${v};EUR`,
    (v: string) => `Please wire the deposit to ${spaced4(v)} by Friday.`,
  ];
  ibans.forEach((v, i) => {
    const t = forms[i % forms.length](v);
    const shown = i % 5 === 0
      ? v.toLowerCase()
      : i % 5 === 1 || i % 5 === 4
      ? spaced4(v)
      : v;
    pii("iban", t, shown);
  });
}
{
  // National ids in new layouts.
  const out: [string, string, string][] = [];
  for (let i = 0; i < 5; i++) {
    const v = cpf(r);
    out.push([
      "cpf",
      r.pick([
        `CPF/CNPJ do titular: ${v}`,
        `"documento": "${v}"`,
        `${v};Ana Paula;RJ`,
      ]),
      v,
    ]);
  }
  for (let i = 0; i < 5; i++) {
    const v = nric(r);
    out.push([
      "nric",
      r.pick([`"nric": "${v}"`, `IC ${v} verified`, `${v},Tan,Blk 5`]),
      v,
    ]);
  }
  for (let i = 0; i < 5; i++) {
    const v = dni(r);
    out.push([
      "dni",
      r.pick([
        `NIF del cliente ${v}`,
        `${v};Marta;Sevilla`,
        `documento de identidad ${v}`,
      ]),
      v,
    ]);
  }
  for (let i = 0; i < 4; i++) {
    const a = aadhaar(r);
    const v = i % 2 ? group(a, [4, 4, 4], "-") : a;
    out.push(["aadhaar", i % 2 ? `UID ${v}` : `aadhaar_no=${v}`, v]);
  }
  for (let i = 0; i < 3; i++) {
    const v = sin(r, "-");
    out.push(["sin", r.pick([`SIN ${v}`, `employee,sin\nGagnon,${v}`]), v]);
  }
  for (let i = 0; i < 4; i++) {
    // Swedish personnummer YYMMDD-NNNC (Luhn over the ten digits).
    const yy = String(50 + r.int(49)),
      mm = String(1 + r.int(12)).padStart(2, "0"),
      dd = String(1 + r.int(28)).padStart(2, "0");
    const body = yy + mm + dd + r.str(DIG, 3);
    const v = `${yy}${mm}${dd}-${body.slice(6)}${luhnCheckDigit(body)}`;
    out.push([
      "se_personnummer",
      r.pick([`personnummer ${v}`, `Namn: Erik Berg, ${v}`]),
      v,
    ]);
  }
  for (let i = 0; i < 3; i++) {
    // Italian codice fiscale: 6 letters, 2 digits, month letter, 2 digits, letter, 3 digits, check letter.
    const v0 = r.str(UP, 6) + r.str(DIG, 2) + r.pick([..."ABCDEHLMPRST"]) +
      String(1 + r.int(28)).padStart(2, "0") + r.pick([..."ABCDEFGHLM"]) +
      r.str(DIG, 3);
    const v = v0 + codiceFiscaleCheckLetter(v0);
    out.push([
      "it_codice_fiscale",
      r.pick([`codice fiscale ${v}`, `CF: ${v}`, `Rossi Mario;${v};Milano`]),
      v,
    ]);
  }
  for (const [c, t, v] of out) pii(`national/${c}`, t, v);
}
{
  const more: [string, string, string][] = [];
  const pp = r.str(UP, 1) + r.str(DIG, 8);
  more.push(["passport", `Passport Number: ${pp}`, pp]);
  const pp2 = r.str(DIG, 9);
  more.push(["passport", `passport no ${pp2}`, pp2]);
  const d1 = `${1 + r.int(28)}/${1 + r.int(12)}/19${50 + r.int(49)}`;
  more.push(["dob", `Date of birth: ${d1}`, d1]);
  const d2 = `19${50 + r.int(49)}-0${1 + r.int(9)}-1${r.int(9)}`;
  more.push(["dob", `{"dob": "${d2}"}`, d2]);
  const d3 = `${1 + r.int(28)} ${r.pick(["Jan", "Feb", "Mar", "Sep"])} 19${
    50 + r.int(49)
  }`;
  more.push(["dob", `born ${d3}`, d3]);
  const rt = "011000015";
  more.push(["bank", `Routing number: ${rt}`, rt]);
  const acct = r.str(DIG, 12);
  more.push(["bank", `acct # ${acct}`, acct]);
  const ip = `${11 + r.int(180)}.${r.int(255)}.${r.int(255)}.${1 + r.int(253)}`;
  more.push(["email_ip", `login by ${personEmail(r)} from ${ip}`, ""]);
  for (const [c, t, v] of more) {
    if (v === "") {
      const e = t.split(" ")[2];
      pii(`other/${c}`, t, e);
    } else pii(`other/${c}`, t, v);
  }
  for (let i = 0; i < 12; i++) {
    const d = `${String(1 + r.int(28)).padStart(2, "0")}.${
      String(1 + r.int(12)).padStart(2, "0")
    }.19${50 + r.int(49)}`;
    const p = r.str(UP, 2) + r.str(DIG, 7);
    pii(
      "other/labelled",
      i % 2 ? `Geburtsdatum / date of birth: ${d}` : `Passport: ${p}`,
      i % 2 ? d : p,
    );
  }
  const s1 = ssn(r, "-"), s2 = ssn(r, "-");
  pii("table", `first,last,ssn,state\nAna,Li,${s1},NY\nBo,Ng,${s2},NJ`, s1, s2);
  const c1 = card(r, "4", 16);
  pii(
    "table",
    `| order | customer | credit_card |\n|---|---|---|\n| 1001 | K. Ito | ${c1} |`,
    c1,
  );
  const e1 = personEmail(r), ph = usPhone(r, 2);
  pii(
    "table",
    `Name           Email                         Phone\nSam Reyes      ${
      e1.padEnd(30)
    }${ph}`,
    e1,
    ph,
  );
  const dob = `19${60 + r.int(30)}-1${r.int(3)}-0${1 + r.int(8)}`;
  pii(
    "table",
    `mysql> SELECT name, birthdate FROM patients LIMIT 1;\n+-------+------------+\n| name  | birthdate  |\n+-------+------------+\n| Oona  | ${dob} |`,
    dob,
  );
}

// ------------------------------------------------------------ benign

for (let i = 0; i < 60; i++) {
  const f = [
    () => `sha1: ${r.str(HEX, 40)}`,
    () => `Digest: sha256:${r.str(HEX, 64)}`,
    () => `${r.str(HEX, 32)}  ./dist/index.js`,
    () => `content-md5: ${r.str(B64, 22)}==`,
    () => `Layer ${r.str(HEX, 12)}: Pull complete`,
    () => `HEAD is now at ${r.str(HEX, 7)} chore: bump deps`,
    () => `blob ${r.str(HEX, 40)} src/main.rs`,
    () => `x-goog-hash: crc32c=${r.str(B64, 6)}==, md5=${r.str(B64, 22)}==`,
    () =>
      `"version": "${r.int(9)}.${r.int(30)}.${
        r.int(99)
      }", "resolved": "https://registry.npmjs.org/a/-/a-1.0.0.tgz", "integrity": "sha1-${
        r.str(B64, 27)
      }="`,
    () =>
      `go: downloading golang.org/x/net v0.${r.int(40)}.0\nh1:${
        r.str(B64, 43)
      }=`,
    () => `id: ${uuid(r)}\nrevision: ${r.int(90)}`,
    () => `Operation ID: ${uuid(r)}`,
    () => `X-Cloud-Trace-Context: ${r.str(HEX, 32)}/${r.str(DIG, 19)};o=1`,
    () => `"kid": "${r.str(HEX, 40)}"`,
    () => `run_id=${r.str(DIG, 10)} job_id=${r.str(DIG, 11)} attempt=1`,
    () =>
      `build ${r.str(DIG, 4)}.${r.str(DIG, 2)}.${r.str(DIG, 5)} (${
        r.str(HEX, 10)
      })`,
    () => `cluster arn:aws:ecs:eu-west-1:${r.str(DIG, 12)}:cluster/prod`,
    () => `pod/web-${r.str(HEX, 9)}-${r.str(LOW + DIG, 5)} condition met`,
    () => `instance i-${r.str(HEX, 17)} state running`,
    () => `Job ${r.str(DIG, 9)} completed in ${r.int(90)}s`,
    () => `ulid=${"01" + r.str("0123456789ABCDEFGHJKMNPQRSTVWXYZ", 24)}`,
    () => `nanoid: ${r.str(URLSAFE, 21)}`,
    () =>
      `cursor=${btoa(JSON.stringify({ id: r.int(99999), ts: 1764000000 }))}`,
    () => `Idempotency-Key: ${uuid(r)}`,
    () => `etag "${r.str(HEX, 16)}"`,
    () =>
      `commit ${r.str(HEX, 40)} (tag: v${r.int(5)}.${r.int(20)}.${r.int(9)})`,
    () => `mac ${Array.from({ length: 6 }, () => r.str(HEX, 2)).join(":")}`,
    () => `salt=$2b$12$${r.str(B64.replace("+", "."), 22)}`,
    () => `GUID: ${uuid(r)}`,
    () => `correlation=${r.str(HEX, 8)}-${r.str(HEX, 4)}`,
  ][i % 30];
  ben("ids", f());
}
for (let i = 0; i < 48; i++) {
  let n16 = "4" + r.str(DIG, 15);
  while (luhnValid(n16)) n16 = n16.slice(0, 15) + r.int(10);
  const f = [
    () => `tracking number ${n16}`,
    () =>
      `2026-12-02 10:${r.str(DIG, 2)}:${r.str(DIG, 2)},${
        r.str(DIG, 3)
      } INFO done`,
    () => `elapsed 00:0${r.int(9)}:${r.str(DIG, 2)}.${r.str(DIG, 3)}`,
    () => `ISSN 2049-${r.str(DIG, 4)}`,
    () =>
      `DOI 10.${r.str(DIG, 4)}/${r.str(LOW, 4)}.${r.str(DIG, 4)}.${
        r.str(DIG, 5)
      }`,
    () => `order #${r.str(DIG, 3)}-${r.str(DIG, 7)}-${r.str(DIG, 7)}`,
    () => `port 5432 -> 15432, pid ${r.str(DIG, 5)}`,
    () => `memory: 16 384 MB total, 8 192 MB used`,
    () => `npm WARN ${r.int(9)} vulnerabilities (${r.int(9)} moderate)`,
    () => `inode ${r.str(DIG, 8)} size ${r.str(DIG, 7)}`,
    () => `offset 0x${r.str(HEX, 8)} length ${r.str(DIG, 4)}`,
    () => `EAN 40${r.str(DIG, 11)}`,
    () => `${r.str(DIG, 3)}.${r.str(DIG, 3)}.${r.str(DIG, 3)} rows scanned`,
    () => `version 2026.${r.int(12)}.${r.str(DIG, 4)}`,
    () => `chunk ${r.int(99)}/${r.int(99) + 100} (${r.str(DIG, 9)} bytes)`,
    () => `latency p50=${r.int(99)}ms p99=${r.int(999)}ms n=${r.str(DIG, 6)}`,
    () => `seed=${r.str(DIG, 10)}`,
    () => `Ticket ABC-${r.str(DIG, 5)} moved to Done`,
    () => `Case ${r.str(DIG, 8)}-${r.str(DIG, 3)}`,
    () => `serial number: ${r.str(UP + DIG, 12)}`,
    () =>
      `lat=${r.int(90)}.${r.str(DIG, 6)}&lng=-${r.int(180)}.${r.str(DIG, 6)}`,
    () => `CVE-2026-${r.str(DIG, 5)} fixed in 3.4.1`,
    () => `matrix size 1024 x 1024, rank ${r.str(DIG, 3)}`,
    () => `exit code 137 after ${r.str(DIG, 4)} ms`,
  ][i % 24];
  ben("numbers", f());
}
{
  const forms = [
    `mysql -u root -p -h 127.0.0.1`,
    `mysql -uroot -p"\${MYSQL_ROOT_PASSWORD}"`,
    `mongo -u admin -p --authenticationDatabase admin`,
    `gpg --batch --passphrase-file /run/secrets/gpg -d x.gpg`,
    `java -Djavax.net.ssl.keyStorePassword=\${KS_PASS} -jar app.jar`,
    `unzip -P "$ZIP_PASS" secrets.zip`,
    `openssl enc -d -aes-256-cbc -in x.enc -pass env:ENC_PASS`,
    `psql "host=db user=app dbname=orders"`,
    `ssh-keygen -t ed25519 -N "" -f key`,
    `curl --user "$CI_USER:$CI_TOKEN" https://ci`,
    `kubectl create secret generic api --from-file=token=./token.txt`,
    `gh secret set DEPLOY_TOKEN < token.txt`,
    `docker run -e API_TOKEN -p 8080:8080 acme/api`,
    `heroku config:get SERVICE_TOKEN`,
    `redis-cli --no-auth-warning -h cache ping`,
    `jdbc:postgresql://pg:5432/app?user=app&ssl=true`,
    `Data Source=sql01;Initial Catalog=erp;Integrated Security=SSPI;`,
    `Server=myServer;Database=shop;Uid=shop;Pwd={pwd};`,
    `mongodb://mongo-0.mongo,mongo-1.mongo/?replicaSet=rs0`,
    `PrivateKey = (hidden)`,
    `wg genkey | tee privatekey | wg pubkey > publickey`,
    `-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmQINBG${
      r.str(B64, 58)
    }\n-----END PGP PUBLIC KEY BLOCK-----`,
    `{"kty":"EC","crv":"P-256","x":"${r.str(URLSAFE, 43)}","y":"${
      r.str(URLSAFE, 43)
    }"}`,
    `PUBLISH_TOKEN ?= $(shell cat .token)`,
    `ENV['SERVICE_TOKEN'] ||= ENV.fetch('FALLBACK_TOKEN')`,
    `password: "{{ lookup('env', 'DB_PASSWORD') }}"`,
    `smtp pass: see 1Password entry "SMTP"`,
    `the password is at least 12 characters long`,
    `Password: ********`,
    `token = "".join(parts)`,
    `HMAC_KEY=`,
    `JWT_SECRET=change-me-in-production`,
    `signing_key = file("keys/signing.pem")`,
    `ossrhPassword=\${env.OSSRH_PASSWORD}`,
    `static const char banner[] = { 0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x2c, 0x20, 0x77, 0x6f, 0x72, 0x6c, 0x64, 0x21, 0x0a, 0x00, 0x00, 0x00 };`,
    `magic := []byte{137, 80, 78, 71, 13, 10, 26, 10}`,
    `printf '\\033[1;32mOK\\033[0m\\n'`,
    `user.setPassword(request.getParameter("password"));`,
    `"adminPassword": { "reference": { "keyVault": { "id": "kv" }, "secretName": "admin" } }`,
    `export HISTCONTROL=ignorespace  # keep secrets out of history`,
  ];
  for (const t of forms) ben("lookalike", t);
}
{
  const forms = [
    `Contact us at support@example.com or +1 555 0100 (fictional).`,
    `author = "The Rust Project Developers"`,
    `Maintainer: Debian Go Packaging Team <team+pkg-go@tracker.debian.org>`
      .replace(/<.*>/, "<pkg-go team>"),
    `Call 911 in an emergency.`,
    `phone: "+1-555-0100"`,
    `SSN format: AAA-GG-SSSS`,
    `Enter your card number (16 digits) below`,
    `IBAN check digits are computed mod 97`,
    `DOB field is optional`,
    `email: user@example.com`,
    `git config user.email "you@example.com"`,
    `Office hours 09:00-17:00, Mon-Fri`,
    `The meeting is at 10.30 in room 4.12`,
    `Jane Doe (jane) opened PR #4521`,
    `tel: 000-000-0000`,
    `cpf: 000.000.000-00`,
    `nric: S0000000A (test)`,
    `order 2026-000123 for customer 884512`,
    `passport photo size 35x45 mm`,
    `sin(x) + cos(x) = 1.4142 at x = 0.7854`,
  ];
  for (const t of forms) ben("prose", t);
}

emitRows(rows);
