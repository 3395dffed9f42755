/**
 * `deno run -A scripts/make_sensitive_heldout3.ts > scripts/data/sensitive_heldout3.jsonl`:
 * the third held-out set for `scripts/eval_sensitive.ts --file`, written
 * before the rules it measures were changed. Carriers differ from
 * held-out 2 (Dockerfiles, CI YAML, Terraform, .properties, PowerShell,
 * process listings, shell history, chat text, CSV without labelled
 * headers) and it holds the classes an independent red team found missed:
 * unlabelled national ids in running text and CSV, tokens split over lines
 * or by concatenation, hex and space-separated tokens, short OpenSSH
 * ed25519 keys, `mysql -p'secret'` / `-psecret` and other command-line
 * password flags, JDBC/ODBC `password=` parameters; and benign look-alikes
 * (hashes, UUIDs, build ids, hex dumps, password prompts, placeholders).
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

const r = new Rng(3_0312_2026);
const rows: Row[] = [];
const { sec, pii, ben } = rowAdders(rows);
const b64 = (s: string) => btoa(s);
const toHex = (s: string) =>
  [...s].map((c) => c.charCodeAt(0).toString(16).padStart(2, "0")).join("");
/** A password with letters, digits and a symbol (what people choose). */
const password = () =>
  r.pick(["Summer", "Blue", "Tiger", "Rocket", "Maple", "Orion"]) +
  r.str(DIG, 2 + r.int(3)) + r.pick(["!", "#", "$", "%", "&", "*", "@"]) +
  r.str(ALNUM, 3 + r.int(5));
/** A machine-made secret of `n` characters. */
const machine = (n: number) => r.str(ALNUM, n);

// ------------------------------------------------------------ provider tokens, new carriers

const TOKENS: [string, () => string][] = [
  ["ghp", () => gh(r, "ghp_")],
  ["gho", () => gh(r, "gho_")],
  [
    "github_pat",
    () => "github_pat_" + r.str(ALNUM, 22) + "_" + r.str(ALNUM, 59),
  ],
  ["glpat", () => "glpat-" + r.str(URLSAFE, 20)],
  [
    "xoxp",
    () =>
      `xoxp-${r.str(DIG, 11)}-${r.str(DIG, 12)}-${r.str(DIG, 13)}-${
        r.str(HEX, 32)
      }`,
  ],
  [
    "xapp",
    () => `xapp-1-A${r.str(UP + DIG, 10)}-${r.str(DIG, 13)}-${r.str(HEX, 64)}`,
  ],
  ["sk_live", () => "sk_live_" + r.str(ALNUM, 24 + r.int(60))],
  ["whsec", () => "whsec_" + r.str(ALNUM, 32)],
  ["sk-proj", () => "sk-proj-" + r.str(URLSAFE, 156)],
  ["sk-ant", () => "sk-ant-api03-" + r.str(URLSAFE, 93) + "AA"],
  ["AIza", () => "AIza" + r.str(URLSAFE, 35)],
  ["GOCSPX", () => "GOCSPX-" + r.str(URLSAFE, 28)],
  ["SG", () => "SG." + r.str(URLSAFE, 22) + "." + r.str(URLSAFE, 43)],
  ["npm", () => "npm_" + r.str(ALNUM, 36)],
  ["hf", () => "hf_" + r.str(UP + LOW, 34)],
  ["dop", () => "dop_v1_" + r.str(HEX, 64)],
  ["hvs", () => "hvs." + r.str(URLSAFE, 24 + r.int(70))],
  ["dckr", () => "dckr_pat_" + r.str(URLSAFE, 27)],
  ["glsa", () => `glsa_${r.str(ALNUM, 32)}_${r.str(HEX, 8)}`],
  ["gsk", () => "gsk_" + r.str(ALNUM, 52)],
  ["xai", () => "xai-" + r.str(ALNUM, 80)],
  ["shpat", () => "shpat_" + r.str(HEX, 32)],
  ["lin_api", () => "lin_api_" + r.str(ALNUM, 40)],
  ["figd", () => "figd_" + r.str(URLSAFE, 40)],
  ["rubygems", () => "rubygems_" + r.str(HEX, 48)],
  ["tskey", () => `tskey-auth-k${r.str(ALNUM, 11)}CNTRL-${r.str(ALNUM, 32)}`],
  ["pscale", () => "pscale_pw_" + r.str(URLSAFE, 43)],
  [
    "slack_webhook",
    () =>
      `https://hooks.slack.com/services/T${r.str(UP + DIG, 8)}/B${
        r.str(UP + DIG, 10)
      }/${r.str(ALNUM, 24)}`,
  ],
];

const CARRIERS: ((v: string) => string)[] = [
  (v) => `FROM node:22-alpine\nWORKDIR /app\nENV API_TOKEN=${v}\nRUN npm ci`,
  (v) => `ARG DEPLOY_KEY="${v}"`,
  (v) =>
    `jobs:\n  deploy:\n    runs-on: ubuntu-latest\n    env:\n      SERVICE_TOKEN: ${v}\n    steps:\n      - run: ./deploy.sh`,
  (v) =>
    `provider "acme" {\n  endpoint = "https://api.acme.dev"\n  token    = "${v}"\n}`,
  (v) => `PS C:\\src> $env:SERVICE_KEY = "${v}"`,
  (v) => `C:\\> set SERVICE_KEY=${v}`,
  (v) => `set -gx SERVICE_KEY ${v}`,
  (v) => `[Service]\nEnvironment=SERVICE_KEY=${v}\nExecStart=/usr/bin/app`,
  (v) => `apiVersion: v1\nkind: Secret\nstringData:\n  credential: ${v}`,
  (v) =>
    `{"level":"debug","msg":"outgoing","headers":{"x-api-key":"${v}","accept":"*/*"}}`,
  (v) =>
    `> GET /v1/me HTTP/2\n> Host: api.acme.dev\n> Authorization: token ${v}\n> User-Agent: curl/8.5.0`,
  (v) =>
    `  File "sync.py", line 41, in main\n    client = Client("${v}")\nacme.errors.Unauthorized: 401`,
  (v) => `[auth]\nkey = "${v}"\nretries = 3`,
  (v) => `hey, can you try with my key? ${v} — it should have admin scope`,
  (v) => ` 1042  export SERVICE_KEY=${v}\n 1043  ./run.sh`,
  (v) =>
    `config.credentials = {\n  apiKey: '${v}',\n  region: 'eu-central-1',\n}`,
  (v) => `const client = new Acme("${v}", { timeout: 5000 });`,
  (v) => `      - SERVICE_KEY=${v}`,
  (v) => `# .envrc\nexport SERVICE_KEY='${v}' # rotated 2026-11`,
  (v) => `| name | value |\n|------|-------|\n| key | ${v} |`,
];

for (let i = 0; i < 60; i++) {
  const [fam, gen] = TOKENS[i % TOKENS.length];
  const v = gen();
  sec(`provider/${fam}`, r.pick(CARRIERS)(v), v);
}
{
  const ak = "AKIA" + r.str("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
  const sk = r.str(B64, 40);
  sec(
    "provider/aws",
    `$ env | grep AWS\nAWS_ACCESS_KEY_ID=${ak}\nAWS_SECRET_ACCESS_KEY=${sk}\nAWS_REGION=us-east-2`,
    ak,
    sk,
  );
  const ak2 = "AKIA" + r.str("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
  const sk2 = r.str(B64, 40);
  sec(
    "provider/aws",
    `provider "aws" {\n  access_key = "${ak2}"\n  secret_key = "${sk2}"\n}`,
    ak2,
    sk2,
  );
  const jwtH = b64(JSON.stringify({ alg: "RS256", kid: r.str(HEX, 8) }))
    .replace(/=+$/, "");
  const jwtP = b64(JSON.stringify({ sub: r.str(DIG, 8), role: "admin" }))
    .replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
  const jwt = `${jwtH}.${jwtP}.${r.str(URLSAFE, 86)}`;
  sec("provider/jwt", `localStorage.setItem("id_token", "${jwt}")`, jwt);
  const mc = r.str(HEX, 32) + "-us" + (1 + r.int(20));
  sec("provider/mailchimp", `MAILCHIMP_API_KEY=${mc}`, mc);
}

// ------------------------------------------------------------ command-line passwords (mysql -p and friends)

const USERS = ["root", "app", "report", "backup", "admin", "svc_etl"];
for (let i = 0; i < 6; i++) {
  const pw = password();
  const u = r.pick(USERS);
  const db = r.pick(["orders", "crm", "analytics", "wp"]);
  const forms = [
    `mysql -u ${u} -p'${pw}' -h db.internal ${db}`,
    `mysql -u${u} -p${pw} ${db} < dump.sql`,
    `mysqldump --single-transaction -u ${u} -p"${pw}" ${db} > ${db}.sql`,
    `mysqladmin -u ${u} -p${pw} status`,
    `$ mysql -h 10.0.4.12 -P 3306 -u ${u} -p${pw} -e "SHOW DATABASES"`,
    `mariadb --user=${u} -p'${pw}' ${db}`,
  ];
  sec("cli/mysql", forms[i], pw);
}
for (let i = 0; i < 5; i++) {
  const pw = password();
  const u = r.pick(USERS);
  const pid = 1000 + r.int(30000);
  const forms = [
    `USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\nmysql      ${pid}  0.3  1.2 123456 45678 ?        Sl   10:02   0:01 mysql -u${u} -p${pw} -h db\nroot       ${
      pid + 7
    }  0.0  0.0   6432   720 pts/0    S+   10:03   0:00 grep mysql`,
    `$ ps -ef | grep dump\n${u}  ${pid}  ${
      pid - 3
    }  0 09:14 ?  00:00:02 /usr/bin/mysqldump -u${u} -p${pw} --all-databases`,
    `  PID TTY          TIME CMD\n ${pid} pts/1    00:00:00 bash\n ${
      pid + 1
    } pts/1    00:00:03 mysql -h127.0.0.1 -u${u} -p'${pw}'`,
    `top - 10:14:01 up 3 days\n  ${pid} ${u}   20   0  812m  44m S  0.3  0.6   0:01.22 mysql --host=db -u ${u} -p${pw}`,
    `/proc/${pid}/cmdline: mysql\0-u${u}\0-p${pw}\0reporting`,
  ];
  sec("cli/ps", forms[i].replace(/\0/g, " "), pw);
}
{
  const pws = Array.from({ length: 16 }, password);
  const h = r.pick(["db1", "backup01", "10.0.0.8"]);
  const forms = [
    `sshpass -p '${pws[0]}' ssh deploy@${h} uptime`,
    `sshpass -p${pws[1]} scp build.tgz ops@${h}:/srv`,
    `PGPASSWORD=${pws[2]} psql -h ${h} -U app -d orders -c 'select 1'`,
    `redis-cli -h ${h} -a ${pws[3]} --no-auth-warning INFO`,
    `sqlcmd -S ${h} -U sa -P '${pws[4]}' -Q "SELECT @@VERSION"`,
    `ldapsearch -x -D "cn=admin,dc=acme,dc=org" -w ${pws[5]} -b dc=acme,dc=org`,
    `openssl pkcs12 -export -in cert.pem -inkey key.pem -out bundle.p12 -passout pass:${
      pws[6]
    }`,
    `keytool -importcert -keystore truststore.jks -storepass ${
      pws[7]
    } -file ca.crt`,
    `curl -u deploy:${pws[8]} https://nexus.acme.io/repository/releases/`,
    `7z a -p${pws[9]} backup.7z ./data`,
    `htpasswd -b -c /etc/nginx/.htpasswd admin ${pws[10]}`,
    `smbclient //fileserver/share -U alice%${pws[11]}`,
    `echo '${pws[12]}' | docker login registry.acme.io -u ci --password-stdin`,
    `docker login -u ci -p ${pws[13]} registry.acme.io`,
    `wget --user=ci --password=${pws[14]} https://files.acme.io/build.zip`,
    `mongosh "mongodb://admin@${h}:27017" --password ${pws[15]}`,
  ];
  forms.forEach((t, i) => sec("cli/flags", t, pws[i]));
}

// ------------------------------------------------------------ JDBC / ODBC / ADO.NET

{
  const p = Array.from({ length: 10 }, password);
  const forms = [
    `spring.datasource.url=jdbc:mysql://db.prod:3306/shop?user=shop&password=${
      p[0]
    }&useSSL=true`,
    `jdbc:postgresql://pg.internal:5432/orders?user=orders&password=${
      p[1]
    }&sslmode=require`,
    `jdbc:sqlserver://sql01.acme.local:1433;databaseName=erp;user=erp_app;password=${
      p[2]
    };encrypt=true`,
    `url: "jdbc:oracle:thin:scott/${p[3]}@//ora.acme.local:1521/ORCLPDB1"`,
    `Driver={ODBC Driver 18 for SQL Server};Server=tcp:sql01,1433;Uid=report;Pwd=${
      p[4]
    };Encrypt=yes;`,
    `"ConnectionStrings": { "Default": "Server=db;Database=app;User Id=app;Password=${
      p[5]
    };TrustServerCertificate=True" }`,
    `Caused by: java.sql.SQLException: Access denied for url jdbc:mariadb://10.1.2.3:3306/app?user=app&password=${
      p[6]
    }`,
    `jdbc:snowflake://acme.snowflakecomputing.com/?user=LOADER&password=${
      p[7]
    }&warehouse=WH`,
    `Host=pg;Port=5432;Username=app;Password=${p[8]};Database=orders`,
    `jdbc:db2://db2.acme:50000/SAMPLE:user=db2inst1;password=${p[9]};`,
  ];
  forms.forEach((t, i) => sec("jdbc", t, p[i]));
}

// ------------------------------------------------------------ short OpenSSH / PEM keys

function opensshEd25519(): string {
  // An unencrypted ed25519 key: about 400 base64 characters in 70-wide lines.
  const body =
    "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW" +
    "QyNTUxOQAAACA" + r.str(B64, 43) + "AAAAJ" + r.str(B64, 300);
  const lines = body.match(/.{1,70}/g)!;
  return `-----BEGIN OPENSSH PRIVATE KEY-----\n${
    lines.join("\n")
  }\n-----END OPENSSH PRIVATE KEY-----`;
}
for (let i = 0; i < 4; i++) {
  const k = opensshEd25519();
  const line = k.split("\n")[2];
  const carriers = [
    `$ cat ~/.ssh/id_ed25519\n${k}`,
    `deploy_key: |\n  ${k.split("\n").join("\n  ")}`,
    `{"ssh_key": ${JSON.stringify(k + "\n")}}`,
    `SSH_PRIVATE_KEY="${k.split("\n").join("\\n")}"`,
  ];
  sec("key/ed25519", carriers[i], line);
}
{
  const ec = `-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEI${r.str(B64, 55)}\n${
    r.str(B64, 64)
  }\n${r.str(B64, 40)}==\n-----END EC PRIVATE KEY-----`;
  sec("key/ec", `key.pem:\n${ec}`, ec.split("\n")[2]);
  const p8 = `-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEI${
    r.str(B64, 43)
  }\n-----END PRIVATE KEY-----`;
  sec(
    "key/pkcs8_ed25519",
    `$ openssl genpkey -algorithm ed25519\n${p8}`,
    p8.split("\n")[1],
  );
  const enc =
    `-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQI${
      r.str(B64, 16)
    }\n${r.str(B64, 64)}\n${
      r.str(B64, 64)
    }\n-----END ENCRYPTED PRIVATE KEY-----`;
  sec("key/encrypted", enc, enc.split("\n")[2]);
}

// ------------------------------------------------------------ tokens split by concatenation or lines

for (let i = 0; i < 8; i++) {
  const [, gen] = TOKENS[(i * 5) % TOKENS.length];
  const v = gen();
  const cut = 8 + r.int(Math.max(1, v.length - 16));
  const a = v.slice(0, cut), b = v.slice(cut);
  const forms = [
    `const token = "${a}" + "${b}";`,
    `TOKEN = ("${a}"\n         "${b}")`,
    `export SERVICE_KEY="${a}""${b}"`,
    `key := "${a}" +\n\t"${b}"`,
    `String key = "${a}"\n    + "${b}";`,
    `token = '${a}' \\\n  '${b}'`,
    `KEY="${a}"\nKEY+="${b}"`,
    `let k = ["${a}", "${b}"].join("");`,
  ];
  sec("split/concat", forms[i], a, b);
}
for (let i = 0; i < 6; i++) {
  const [, gen] = TOKENS[(i * 7 + 3) % TOKENS.length];
  const v = gen();
  const cut = 10 + r.int(Math.max(1, v.length - 20));
  const a = v.slice(0, cut), b = v.slice(cut);
  const forms = [
    `2026-12-02 10:00:01 WARN using fallback credential ${a}\n${b} (from env)`,
    `service_token: >-\n  ${a}\n  ${b}`,
    `│ token │ ${a} │\n│       │ ${b} │`,
    `Authorization: Bearer ${a}\n  ${b}`,
    `"key": "${a}\\\n${b}"`,
    `secret=${a}\r\n${b}`,
  ];
  sec("split/lines", forms[i], a, b);
}

// ------------------------------------------------------------ hex and space-separated tokens

for (let i = 0; i < 8; i++) {
  const [, gen] = TOKENS[(i * 3 + 1) % TOKENS.length];
  const v = gen();
  const h = toHex(v);
  const spaced = v.match(/.{1,4}/g)!.join(" ");
  const forms: [string, string[]][] = [
    [`$ echo -n "$TOKEN" | xxd -p\n${h.match(/.{1,60}/g)!.join("\n")}`, [
      h.slice(0, 60),
    ]],
    [`token (hex): ${h}`, [h]],
    [
      `API key, as printed on the card: ${spaced}`,
      spaced.split(" ").slice(2, 6),
    ],
    [`secret bytes: ${h.match(/../g)!.join(" ")}`, [
      h.match(/../g)!.slice(4, 12).join(" "),
    ]],
    [`token=${h}`, [h]],
    [`read it to me: ${[...v].join(" ")}`, [[...v].slice(6, 16).join(" ")]],
    [`creds: ${spaced}`, spaced.split(" ").slice(2, 6)],
    [`\\x${h.match(/../g)!.join("\\x")}`, [
      h.match(/../g)!.slice(4, 10).join("\\x"),
    ]],
  ];
  const [t, vals] = forms[i];
  sec("encoded/hex_spaced", t, ...vals);
}

// ------------------------------------------------------------ generic assignments in new carriers

{
  const p = Array.from({ length: 24 }, password);
  const m = Array.from({ length: 8 }, () => machine(32 + r.int(16)));
  const forms: [string, string][] = [
    [`spring.datasource.password=${p[0]}`, p[0]],
    [`        - name: DB_PASSWORD\n          value: "${p[1]}"`, p[1]],
    [
      `    environment:\n      MYSQL_ROOT_PASSWORD: ${
        p[2]
      }\n      MYSQL_DATABASE: app`,
      p[2],
    ],
    [
      `resource "aws_db_instance" "main" {\n  username = "admin"\n  password = "${
        p[3]
      }"\n}`,
      p[3],
    ],
    [`<add key="SmtpPassword" value="${p[4]}" />`, p[4]],
    [
      `<datasource jndi-name="java:/Orders" password="${
        p[5]
      }" user-name="orders"/>`,
      p[5],
    ],
    [`[database]\nhost = db.internal\npassword = ${p[6]}`, p[6]],
    [`define( 'DB_PASSWORD', '${p[7]}' );`, p[7]],
    [`SECRET_KEY = '${m[0]}'`, m[0]],
    [`production:\n  secret_key_base: ${m[1]}${m[1]}`, m[1] + m[1]],
    [`const stripeSecret = "${m[2]}";`, m[2]],
    [
      `$ heroku config\nDATABASE_PASS:  ${
        p[8]
      }\nREDIS_URL:      redis://h:6379`,
      p[8],
    ],
    [`Password for 'https://dev@git.acme.io': ${p[9]}`, p[9]],
    [`admin_pass: "${p[10]}"`, p[10]],
    [`ansible_become_pass=${p[11]}`, p[11]],
    [`client_secret: ${m[3]}`, m[3]],
    [`"passphrase": "${p[12]}"`, p[12]],
    [`private_token = ${m[4]}`, m[4]],
    [
      `az login --service-principal -u http://ci -p ${
        p[13]
      } --tenant acme.onmicrosoft.com`,
      p[13],
    ],
    [`mail.smtp.password = ${p[14]}`, p[14]],
    [`auth_key="${m[5]}"`, m[5]],
    [`DB_PASS=${p[15]}`, p[15]],
    [`> user: admin\n> pass: ${p[16]}`, p[16]],
    [`webhook signing key: ${m[6]}`, m[6]],
    [`credentials:\n  username: svc\n  password: '${p[17]}'`, p[17]],
    [`ENCRYPTION_KEY=${m[7]}`, m[7]],
    [`set PGPASSWORD=${p[18]}`, p[18]],
    [`rabbitmqctl add_user deployer '${p[19]}'`, p[19]],
    [`ALTER USER app WITH PASSWORD '${p[20]}';`, p[20]],
    [`CREATE USER 'etl'@'%' IDENTIFIED BY '${p[21]}';`, p[21]],
    [`net user backup ${p[22]} /add`, p[22]],
    [`echo "svc:${p[23]}" | chpasswd`, p[23]],
  ];
  for (const [t, v] of forms) sec("assignment", t, v);
}

// ------------------------------------------------------------ PII: SSN, cards, e-mail, phones

for (let i = 0; i < 14; i++) {
  const s = ssn(r, r.pick(["-", "-", " "]));
  const forms = [
    `Hi, my social is ${s}, can you check my refund status?`,
    `${r.pick(["Ana", "Bo", "Cy"])} Ruiz,1984-02-11,${s},Tacoma WA`,
    `{"applicant": {"name": "J. Park", "social": "${s}"}}`,
    `SSN#: ${s}`,
    `Soc. Sec. No. ${s}`,
    `tax id ${s} on the W-9`,
    `claimant ${s} disputes charge`,
    `2026-12-01 INFO kyc.verify subject=${s} result=match`,
    `UPDATE people SET ssn = '${s}' WHERE id = 42;`,
    `<td>${s}</td><td>active</td>`,
    `Employee: Dana Wu\nSS#: ${s}\nStart: 2025-01-06`,
    `W-2 box a: ${s}`,
    `member=${s};plan=gold`,
    `the SSN on file ends... actually full: ${s}`,
  ];
  pii("pii/ssn", forms[i], s);
}
for (let i = 0; i < 18; i++) {
  const brand = r.pick<[string, number, number[]]>([
    ["4", 16, [4, 4, 4, 4]],
    ["5", 16, [4, 4, 4, 4]],
    ["2221", 16, [4, 4, 4, 4]],
    ["37", 15, [4, 6, 5]],
    ["6011", 16, [4, 4, 4, 4]],
    ["35", 16, [4, 4, 4, 4]],
  ]);
  let c = card(r, brand[0] === "5" ? "5" + (1 + r.int(5)) : brand[0], brand[1]);
  if (brand[0] === "35") c = card(r, "35" + (28 + r.int(60)), 16);
  const g = i % 3 === 0 ? c : group(c, brand[2], r.pick([" ", "-"]));
  const forms = [
    `{"payment":{"pan":"${g}","exp":"09/28"}}`,
    `Card: ${g}  Exp: 11/27  CVV: 123`,
    `charge failed for ${g}: insufficient funds`,
    `order,card,amount\n1881,${g},49.90`,
    `please use my card ${g} for the renewal`,
    `stripe.tokens.create(card={"number": "${g}"})`,
    `INSERT INTO payments VALUES (7, '${g}', '2027-03');`,
    `cc=${g}&exp=1228`,
    `Kartennummer ${g}`,
  ];
  pii("pii/card", forms[i % forms.length], g);
}
for (let i = 0; i < 24; i++) {
  const e = personEmail(r);
  const E = i % 7 === 3 ? e.toUpperCase() : e;
  const forms = [
    `Author: ${r.pick(["Maria S", "Jonas K"])} <${E}>`,
    `mail: ${E}`,
    `"billing_email":"${E}"`,
    `Reply-To: ${E}`,
    `user ${E} logged in from web`,
    `name,email\nMaria,${E}`,
    `Signed-off-by: Dev <${E}>`,
    `dn: uid=ms,ou=people\nmail: ${E}`,
    `<a href="mailto:${E}">write us</a>`,
  ];
  pii("pii/email", forms[i % forms.length], E);
}
for (let i = 0; i < 12; i++) {
  const p = usPhone(r, i);
  const ext = i % 4 === 1
    ? ` x${100 + r.int(900)}`
    : i % 4 === 2
    ? ` ext. ${10 + r.int(90)}`
    : "";
  const forms = [
    `Call me at ${p}${ext} tomorrow`,
    `"phone":"${p}"`,
    `Tel.: ${p}${ext}`,
    `contact,${p}`,
    `office ${p}${ext}, cell on request`,
    `SMS sent to ${p}`,
  ];
  pii("pii/phone_us", forms[i % forms.length], p);
}
{
  const intl: [string, string][] = [
    [`+44 20 7946 ${r.str(DIG, 4)}`, "uk"],
    [`+44 (0)7700 ${r.str(DIG, 6)}`, "uk"],
    [`+49 (0)30 ${r.str(DIG, 7)}`, "de"],
    [`+49 151 ${r.str(DIG, 8)}`, "de"],
    [
      `+33 1 ${r.str(DIG, 2)} ${r.str(DIG, 2)} ${r.str(DIG, 2)} ${
        r.str(DIG, 2)
      }`,
      "fr",
    ],
    [`+91 98${r.str(DIG, 3)}-${r.str(DIG, 5)}`, "in"],
    [`+65 8${r.str(DIG, 3)}-${r.str(DIG, 4)}`, "sg"],
    [`+61 2 ${r.str(DIG, 4)} ${r.str(DIG, 4)}`, "au"],
    [`+55 11 9${r.str(DIG, 4)}-${r.str(DIG, 4)}`, "br"],
    [`+81 90-${r.str(DIG, 4)}-${r.str(DIG, 4)}`, "jp"],
    [`+34 6${r.str(DIG, 2)} ${r.str(DIG, 3)} ${r.str(DIG, 3)}`, "es"],
    [`+46 70 ${r.str(DIG, 3)} ${r.str(DIG, 2)} ${r.str(DIG, 2)}`, "se"],
    [`07${r.str(DIG, 3)} ${r.str(DIG, 6)}`, "uk_national"],
    [`+4915${r.str(DIG, 9)}`, "e164"],
    [
      `+1${2 + r.int(8)}${r.str(DIG, 2)}${2 + r.int(8)}${r.str(DIG, 6)}`,
      "e164",
    ],
  ];
  const forms = [
    (p: string) => `Whatsapp me: ${p}`,
    (p: string) => `{"msisdn": "${p}"}`,
    (p: string) => `Rückruf unter ${p}`,
    (p: string) => `Kontakt: ${p}`,
    (p: string) => `phone number ${p} verified`,
  ];
  intl.forEach(([p, c], i) =>
    pii(`pii/phone_intl/${c}`, forms[i % forms.length](p), p)
  );
}

// ------------------------------------------------------------ PII: IBAN, national ids (unlabelled and labelled), DOB

{
  const ibans = [
    iban("DE", r.str(DIG, 18)),
    iban("FR", r.str(DIG, 10) + r.str(UP + DIG, 11) + r.str(DIG, 2)),
    iban("ES", r.str(DIG, 20)),
    iban("IT", "X" + r.str(DIG, 10) + r.str(UP + DIG, 12)),
    iban("NL", "RABO" + r.str(DIG, 10)),
    iban("BE", r.str(DIG, 12)),
    iban("AT", r.str(DIG, 16)),
    iban("CH", r.str(DIG, 5) + r.str(UP + DIG, 12)),
    iban("PL", r.str(DIG, 24)),
    iban("SE", r.str(DIG, 20)),
    iban("GB", "BARC" + r.str(DIG, 14)),
    iban("IE", "AIBK" + r.str(DIG, 14)),
  ];
  const forms = [
    (v: string) => `Bitte überweisen Sie auf ${v}.`,
    (v: string) => `beneficiary,iban,amount\nAcme GmbH,${v},1200.00`,
    (v: string) => `"iban": "${v}"`,
    (v: string) => `refund to account ${v} please`,
  ];
  ibans.forEach((v, i) => {
    const s = i % 2 === 0 ? spaced4(v) : v;
    pii("pii/iban", forms[i % forms.length](s), s);
  });
}
{
  // National ids with no label: running text and CSV rows.
  const cases: [string, string, string][] = [];
  for (let i = 0; i < 5; i++) {
    const v = cpf(r);
    cases.push([
      "cpf",
      r.pick([
        `Cliente João Souza, ${v}, São Paulo`,
        `nome;documento\nMaria Lima;${v}`,
        `o documento ${v} foi validado`,
      ]),
      v,
    ]);
  }
  for (let i = 0; i < 5; i++) {
    const v = nric(r);
    cases.push([
      "nric",
      r.pick([
        `Tan Wei Ming ${v} Blk 123 Ang Mo Kio`,
        `name,id,dept\nLim Mei,${v},HR`,
        `Patient ${v} admitted 2026-11-30`,
      ]),
      v,
    ]);
  }
  for (let i = 0; i < 5; i++) {
    const v = i % 2 === 0 ? dni(r) : nie(r);
    cases.push([
      "dni",
      r.pick([
        `Titular: Lucía Gómez, ${v}`,
        `nombre,documento,ciudad\nPablo Ruiz,${v},Madrid`,
        `verificado el documento ${v} hoy`,
      ]),
      v,
    ]);
  }
  for (let i = 0; i < 5; i++) {
    const v = group(aadhaar(r), [4, 4, 4], " ");
    cases.push([
      "aadhaar",
      r.pick([
        `Ramesh Kumar, ${v}, Pune`,
        `name,uid\nAnita Rao,${v}`,
        `kyc doc ${v} uploaded`,
      ]),
      v,
    ]);
  }
  for (let i = 0; i < 4; i++) {
    const v = sin(r, r.pick([" ", "-"]));
    cases.push([
      "sin",
      r.pick([
        `Employee Marc Tremblay ${v} Montréal`,
        `name,number\nJ. Roy,${v}`,
      ]),
      v,
    ]);
  }
  for (let i = 0; i < 4; i++) {
    const v = nino(r, i % 2 === 0);
    cases.push([
      "nino",
      r.pick([
        `Payroll: Tom Hughes ${v} tax code 1257L`,
        `name,ni\nSara Khan,${v}`,
      ]),
      v,
    ]);
  }
  for (let i = 0; i < 3; i++) {
    const v = r.str(UP, 3) + "P" + r.str(UP, 1) + r.str(DIG, 4) + r.str(UP, 1);
    cases.push([
      "pan",
      r.pick([`Vendor PAN ${v} GSTIN pending`, `name,pan\nAmit Shah,${v}`]),
      v,
    ]);
  }
  for (let i = 0; i < 3; i++) {
    const v = nhs(r);
    cases.push([
      "nhs",
      r.pick([
        `NHS number ${v}`,
        `patient,nhs_no\nK. Evans,${v}`,
        `NHS No: ${v} (verified)`,
      ]),
      v,
    ]);
  }
  for (const [c, t, v] of cases) pii(`pii/national/${c}`, t, v);
}
{
  const labelled: [string, string, string][] = [];
  const a = aadhaar(r);
  labelled.push(["aadhaar", `Aadhaar number - ${a}`, a]);
  const c = cpf(r, false);
  labelled.push(["cpf", `CPF nº ${c}`, c]);
  const pp = r.pick(["N", "P", "L"]) + r.str(DIG, 7);
  labelled.push(["passport", `Passport No.: ${pp}`, pp]);
  const pp2 = r.str(UP, 2) + r.str(DIG, 7);
  labelled.push(["passport", `passport ${pp2} expires 2031`, pp2]);
  const n = nric(r);
  labelled.push(["nric", `NRIC/FIN: ${n}`, n]);
  const d = dni(r);
  labelled.push(["dni", `DNI: ${d}`, d]);
  const s = sin(r, "-");
  labelled.push(["sin", `Social Insurance Number: ${s}`, s]);
  const ssn9 = ssn(r, "");
  labelled.push(["ssn", `SSN=${ssn9}`, ssn9]);
  const acct = r.str(DIG, 10);
  labelled.push(["bank", `Account No: ${acct}`, acct]);
  const ni = nino(r, false);
  labelled.push(["nino", `NINO: ${ni}`, ni]);
  for (const [k, t, v] of labelled) pii(`pii/labelled/${k}`, t, v);
  const y = () => `19${50 + r.int(49)}`;
  const dobs: [string, string][] = [];
  for (const v of [`12 March ${y()}`]) dobs.push([`Date of Birth: ${v}`, v]);
  for (const v of [`0${1 + r.int(8)}/1${r.int(9)}/${y()}`]) {
    dobs.push([`DOB ${v}`, v]);
  }
  for (const v of [`${y()}-0${1 + r.int(8)}-2${r.int(8)}`]) {
    dobs.push([`"birthDate": "${v}"`, v]);
  }
  for (const v of [`${y()}-1${r.int(3)}-0${1 + r.int(8)}`]) {
    dobs.push([`born on ${v} in Lyon`, v]);
  }
  for (const v of [`2${r.int(8)}.0${1 + r.int(8)}.${y()}`]) {
    dobs.push([`D.O.B.: ${v}`, v]);
  }
  for (const v of [`July 4, ${y()}`]) dobs.push([`birthday: ${v}`, v]);
  for (const [t, v] of dobs) pii("pii/dob", t, v);
}
{
  // Tables whose header labels a column.
  const s1 = ssn(r, "-"), s2 = ssn(r, "-");
  pii(
    "pii/table",
    `| Name | SSN | State |\n|---|---|---|\n| A. Cole | ${s1} | OR |\n| B. Dunn | ${s2} | WA |`,
    s1,
    s2,
  );
  const c1 = card(r, "4", 16);
  pii("pii/table", `customer_id\tcard_number\tstatus\n8812\t${c1}\tactive`, c1);
  const d1 = `19${60 + r.int(30)}-0${1 + r.int(8)}-1${r.int(9)}`;
  pii(
    "pii/table",
    `patient_id,first_name,date_of_birth\n100234,Olga,${d1}`,
    d1,
  );
  const pp = "C" + r.str(DIG, 8);
  pii(
    "pii/table",
    ` id | passport_no | nationality\n----+-------------+------------\n  3 | ${pp}   | DE`,
    pp,
  );
  const ph = usPhone(r, 1);
  const em = personEmail(r);
  pii("pii/table", `"id","Phone Number","E-mail"\n"9","${ph}","${em}"`, ph, em);
  const ib = iban("DE", r.str(DIG, 18));
  pii("pii/table", `name;IBAN;betrag\nK. Braun;${ib};19,99`, ib);
}

// ------------------------------------------------------------ benign look-alikes

for (let i = 0; i < 12; i++) {
  const forms = [
    () => `$ git rev-parse HEAD\n${r.str(HEX, 40)}`,
    () => `${r.str(HEX, 64)}  node-v22.11.0-linux-x64.tar.xz`,
    () => `SHA512 (release.zip) = ${r.str(HEX, 128)}`,
    () => `b2sum: ${r.str(HEX, 128)}  data.bin`,
    () =>
      `Merge pull request #${r.int(9000)} from acme/fix-${r.str(LOW, 5)} (${
        r.str(HEX, 7)
      }..${r.str(HEX, 7)})`,
    () => `"sha": "${r.str(HEX, 40)}", "node_id": "C_kwDOA${r.str(ALNUM, 20)}"`,
    () => `sha256-${b64(r.str(ALNUM, 32)).slice(0, 43)}=`,
    () => `x-amz-content-sha256: ${r.str(HEX, 64)}`,
    () => `ETag: W/"${r.str(HEX, 8)}-${r.str(ALNUM, 27)}"`,
    () => `Fingerprint: SHA256:${r.str(B64, 43)} (ED25519)`,
    () => `cache key: npm-linux-${r.str(HEX, 64)}`,
    () => `"checksum": "md5:${r.str(HEX, 32)}"`,
  ];
  ben("hash", forms[i]());
}
for (let i = 0; i < 12; i++) {
  const ulid = "01" + r.str("0123456789ABCDEFGHJKMNPQRSTVWXYZ", 24);
  const forms = [
    () => `correlationId=${uuid(r)}`,
    () => `{"id":"${ulid}","type":"order.created"}`,
    () => `x-request-id: ${r.str(HEX, 32)}`,
    () => `Created subscription ${uuid(r).toUpperCase()}`,
    () => `event ${ulid} processed`,
    () => `GET /api/v2/users/${uuid(r)}/sessions 204`,
    () => `traceparent: 00-${r.str(HEX, 32)}-${r.str(HEX, 16)}-01`,
    () =>
      `"customer": "cus_${r.str(ALNUM, 14)}", "invoice": "in_${
        r.str(ALNUM, 24)
      }"`,
    () => `"payment_intent": "pi_${r.str(ALNUM, 24)}", "status": "succeeded"`,
    () => `session ${r.str(URLSAFE, 21)} expired`,
    () => `arn:aws:iam::${r.str(DIG, 12)}:role/ci-deployer`,
    () => `ObjectId("${r.str(HEX, 24)}")`,
  ];
  ben("id", forms[i]());
}
for (let i = 0; i < 14; i++) {
  const forms = [
    () => `Build #${r.int(90000)} (${r.str(HEX, 8)}) finished SUCCESS`,
    () => `buildId: ${20260000 + r.int(9999)}.${r.int(20)}`,
    () =>
      `api-7f9c${r.str(HEX, 6)}-${
        r.str(LOW + DIG, 5)
      }   1/1   Running   0   3h`,
    () => `docker.io/library/postgres@sha256:${r.str(HEX, 64)}`,
    () =>
      `Successfully built ${r.str(HEX, 12)}\nSuccessfully tagged api:latest`,
    () => `workflow run ${r.str(DIG, 11)} attempt 1 (job ${r.str(DIG, 11)})`,
    () =>
      `Deployment version ${r.int(5)}.${r.int(30)}.${r.int(9)}+build.${
        r.str(DIG, 6)
      }`,
    () => `terraform: aws_instance.web: id=i-0${r.str(HEX, 16)}`,
    () => `vpc-${r.str(HEX, 17)} subnet-${r.str(HEX, 17)} sg-${r.str(HEX, 17)}`,
    () => `runner ${r.str(ALNUM, 8)} picked job ${r.str(DIG, 10)}`,
    () => `ami-0${r.str(HEX, 16)} (ubuntu-24.04-amd64-server-20261115)`,
    () => `release-2026.12.${r.int(30)}-rc${r.int(5)} (${r.str(HEX, 40)})`,
    () =>
      `Artifact: app-${r.int(9)}.${r.int(9)}.${r.int(99)}-SNAPSHOT-${
        r.str(DIG, 8)
      }.${r.str(DIG, 6)}-${r.int(99)}.jar`,
    () => `gradle build scan: https://gradle.com/s/${r.str(LOW + DIG, 13)}`,
  ];
  ben("build", forms[i]());
}
for (let i = 0; i < 10; i++) {
  const hexdump = Array.from(
    { length: 3 },
    (_, k) =>
      `${(k * 16).toString(16).padStart(8, "0")}: ${
        Array.from({ length: 8 }, () => r.str(HEX, 4)).join(" ")
      }  ${r.str(LOW + ".", 16)}`,
  ).join("\n");
  const forms = [
    () => `$ xxd -l 48 /bin/ls\n${hexdump}`,
    () =>
      `$ od -An -tx1 -N16 /dev/urandom\n ${
        Array.from({ length: 16 }, () => r.str(HEX, 2)).join(" ")
      }`,
    () =>
      `link/ether ${
        Array.from({ length: 6 }, () => r.str(HEX, 2)).join(":")
      } brd ff:ff:ff:ff:ff:ff`,
    () => `bytes: 7f 45 4c 46 02 01 01 00 00 00 00 00 00 00 00 00`,
    () => `nonce=${r.str(HEX, 24)} iv=${r.str(HEX, 32)}`,
    () =>
      `color palette: #${r.str(HEX, 6)} #${r.str(HEX, 6)} #${r.str(HEX, 6)}`,
    () => `salt (public, stored with the hash): ${r.str(HEX, 32)}`,
    () => `\\x89\\x50\\x4e\\x47\\x0d\\x0a\\x1a\\x0a PNG signature`,
    () => `CRC mismatch: expected 0x${r.str(HEX, 8)} got 0x${r.str(HEX, 8)}`,
    () => `GUID {${uuid(r).toUpperCase()}}`,
  ];
  ben("hex", forms[i]());
}
{
  const forms = [
    `mysql -u root -p`,
    `mysql -h db.internal -P 3306 -u app -p orders`,
    `mysqldump -u backup -p --all-databases > all.sql`,
    `Enter password: `,
    `mysql -u app -p"$MYSQL_PASSWORD" orders`,
    `mysql --defaults-extra-file=~/.my.cnf -e "select 1"`,
    `mysql -uroot -p\${DB_ROOT_PASS} -e 'show tables'`,
    `USER PID %CPU COMMAND\nmysql 812 1.2 /usr/sbin/mysqld --port=3306 --pid-file=/run/mysqld/mysqld.pid`,
    `  PID TTY          TIME CMD\n 4120 pts/0    00:00:00 bash\n 4188 pts/0    00:00:00 ps`,
    `sshpass -f ~/.ssh/pass.txt ssh deploy@host`,
    `PGPASSWORD=$PGPASS psql -h db -U app`,
    `redis-cli -h cache -p 6379 ping`,
    `7z x -p backup.7z`,
    `curl -u "$USER:$TOKEN" https://api.acme.io`,
    `docker login -u ci --password-stdin < token.txt`,
    `keytool -list -keystore cacerts -storepass:env STOREPASS`,
    `openssl req -new -key key.pem -passin env:KEY_PASS -out req.csr`,
    `ldapsearch -x -W -D cn=admin,dc=acme,dc=org`,
    `grep -p pattern file.txt; tar -cpf out.tar dir; cp -pr a b`,
    `python -m pytest -p no:cacheprovider -q`,
    `ssh -p 2222 deploy@host; scp -P 2222 f host:`,
    `psql -h db -p 5432 -U app -W`,
    `mongosh --username admin --password`,
  ];
  for (const t of forms) ben("cli", t);
}
{
  const forms = [
    `jdbc:mysql://db.prod:3306/shop?useSSL=true&serverTimezone=UTC`,
    `spring.datasource.url=jdbc:postgresql://pg:5432/orders\nspring.datasource.password=\${DB_PASSWORD}`,
    `jdbc:sqlserver://sql01:1433;databaseName=erp;integratedSecurity=true;`,
    `jdbc:postgresql://localhost/test?user=test&password=test`,
    `Server=db;Database=app;Trusted_Connection=True;`,
    `jdbc:h2:mem:testdb;DB_CLOSE_DELAY=-1`,
    `jdbc:mysql://localhost:3306/app?user=root&password=root`,
    `Password=<your-password>;User ID=sa`,
    `url: jdbc:oracle:thin:@//ora:1521/ORCL`,
    `"ConnectionStrings": { "Default": "Server=db;Database=app;User Id=app;Password=%DB_PASSWORD%;" }`,
  ];
  for (const t of forms) ben("jdbc", t);
}
{
  const pub = `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${
    r.str(B64, 43)
  } ci@runner`;
  const forms = [
    pub,
    `$ cat ~/.ssh/id_ed25519.pub\n${pub}`,
    `github.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl`,
    `-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA${
      r.str(B64, 43)
    }=\n-----END PUBLIC KEY-----`,
    `-----BEGIN CERTIFICATE-----\nMIIB${r.str(B64, 60)}\n${
      r.str(B64, 64)
    }\n-----END CERTIFICATE-----`,
    `The key fingerprint is:\nSHA256:${
      r.str(B64, 43)
    } dev@laptop\nThe key's randomart image is:`,
    `-----BEGIN OPENSSH PRIVATE KEY-----\n...\n-----END OPENSSH PRIVATE KEY-----`,
    `Your identification has been saved in /home/dev/.ssh/id_ed25519`,
  ];
  for (const t of forms) ben("keys", t);
}
{
  const forms = [
    `ENV API_TOKEN=\${API_TOKEN}`,
    `      SERVICE_TOKEN: \${{ secrets.SERVICE_TOKEN }}`,
    `  token    = var.acme_token`,
    `$env:SERVICE_KEY = $secret.GetNetworkCredential().Password`,
    `password = "{{ vault_db_password }}"`,
    `DB_PASS=`,
    `export SERVICE_KEY=$(cat /run/secrets/key)`,
    `client_secret: !vault |`,
    `"password": "<PASSWORD>"`,
    `const token = process.env.GITHUB_TOKEN ?? "";`,
    `token: <paste token here>`,
    `spring.datasource.password=`,
    `api_key = os.getenv("ACME_API_KEY")`,
    `SECRET_KEY = get_random_secret_key()`,
    `password: !!binary |`,
    `- name: DB_PASSWORD\n  valueFrom:\n    secretKeyRef:\n      name: db\n      key: password`,
  ];
  for (const t of forms) ben("placeholder", t);
}
for (let i = 0; i < 22; i++) {
  let notCard = r.pick(["4", "5", "3", "6"]) + r.str(DIG, 15);
  while (luhnValid(notCard)) notCard = notCard.slice(0, 15) + r.int(10);
  const forms = [
    () => `order ${notCard} shipped via DHL`,
    () => `tracking 1Z${r.str(UP + DIG, 16)}`,
    () => `ISBN 978-${r.int(2)}-${r.str(DIG, 3)}-${r.str(DIG, 5)}-${r.int(9)}`,
    () => `price: 1,299.00 EUR, qty 3, total 3,897.00`,
    () => `lat 48.${r.str(DIG, 6)}, lon 11.${r.str(DIG, 6)}`,
    () => `Processed ${r.str(DIG, 9)} bytes in ${r.int(99)} ms`,
    () => `AWS account ${r.str(DIG, 12)} (prod)`,
    () => `id,count\n${r.str(DIG, 9)},${r.int(99)}`,
    () => `timestamp=${1764000000 + r.int(999999)} pid=${r.int(60000)}`,
    () => `Invoice #${r.str(DIG, 4)}-${r.str(DIG, 4)}-${r.str(DIG, 4)}`,
    () => `v${r.int(3)}.${r.int(30)}.${r.int(200)}-beta.${r.int(9)}`,
    () =>
      `${r.int(900) + 100}-${r.str(DIG, 2)}-${r.str(DIG, 4)}-ALPHA part number`,
    () => `Steps: ${r.str(DIG, 3)} ${r.str(DIG, 3)} ${r.str(DIG, 3)}`,
    () => `commit count 1,024,768; lines 3,221,004`,
    () => `duration_ns=${r.str(DIG, 12)}`,
    () => `line 4,521: unexpected token at col 88`,
    () => `PR #${r.int(9999)} merged into main (${r.int(9)} commits)`,
    () => `port range 49152-65535, backlog 4096`,
    () => `record ${r.str(DIG, 16)} replicated`,
    () =>
      `Matrix: 0.${r.str(DIG, 4)} 0.${r.str(DIG, 4)} 0.${r.str(DIG, 4)} 0.${
        r.str(DIG, 4)
      }`,
    () => `Range: bytes=${r.str(DIG, 7)}-${r.str(DIG, 7)}`,
    () => `Chrome/13${r.int(9)}.0.${r.str(DIG, 4)}.${r.str(DIG, 2)}`,
  ];
  ben("number", forms[i]());
}
{
  const forms = [
    `def check_password(user, password): return bcrypt.checkpw(password, user.pw_hash)`,
    `PASSWORD_RESET_TOKEN_TTL=3600`,
    `api_key_header = "X-API-Key"`,
    `if (!token) throw new AuthError("missing token");`,
    `secret_manager_arn = aws_secretsmanager_secret.db.arn`,
    `token_type: bearer, expires_in: 3599`,
    `password_policy: { min_length: 12, require_symbols: true }`,
    `--password-file /etc/app/pw`,
    `pwd: /home/dev/projects/api`,
    `$ pwd\n/home/dev/src/acme-web`,
    `the token bucket refills at 100 tokens/s`,
    `Secret scanning found 0 alerts`,
    `passwd: password updated successfully`,
    `Changing password for user deploy.`,
    `client_secret_expires_at: 0`,
    `x-api-key is required for /v2 endpoints`,
    `"publishableKey": "pk_live_${r.str(ALNUM, 24)}"`,
    `gtag('config', 'G-${r.str(UP + DIG, 10)}');`,
    `stripe.redirectToCheckout({ sessionId: "cs_live_${r.str(ALNUM, 30)}" })`,
    `author: Jane Doe (maintainer), contributors welcome`,
    `contact the maintainers via the issue tracker`,
    `meet at building 4, room 201, at 10:30`,
    `See RFC 4122 section 4.4 for the UUID layout`,
    `fn hash_password(pw: &str) -> String { argon2::hash(pw) }`,
    `  tokenizer: cl100k_base, tokens: 1832`,
    `private_key_path = "~/.ssh/id_ed25519"`,
    `ssh-keygen -t ed25519 -f deploy_key -N ""`,
    `KEY_LENGTH=32 # bytes`,
  ];
  for (const t of forms) ben("code", t);
}
{
  const forms = [
    `echo ${b64("build finished at 10:04, 23 tests passed")} | base64 -d`,
    `data: ${
      b64(JSON.stringify({ replicas: 3, image: "api:1.4.2", port: 8080 }))
    }`,
    `integrity="sha384-${r.str(B64, 64)}"`,
    `"kid": "${r.str(URLSAFE, 43)}", "kty": "OKP", "crv": "Ed25519", "x": "${
      r.str(URLSAFE, 43)
    }"`,
    `nonce-${r.str(B64, 22)}==`,
    `Content-Security-Policy: script-src 'sha256-${r.str(B64, 43)}='`,
  ];
  for (const t of forms) ben("b64", t);
}

emitRows(rows);
