/**
 * `deno run -A scripts/make_sensitive_heldout5.ts > scripts/data/sensitive_heldout5.jsonl`:
 * the fifth held-out set, written after the held-out-4 fixes and measured
 * once. New carriers again: agent transcripts, GitHub Actions logs, SQL
 * dumps, YAML lists, HTTP traces, Slack-style chat, crash reports, shell
 * scripts with heredocs, .ini/.conf files, terraform plan output, CSV with
 * quoted cells and semicolons; values of the catalogue's formats plus
 * benign look-alikes of every kind (ids, digests, masked values, docs).
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

const r = new Rng(5_2412_2026);
const rows: Row[] = [];
const { sec, pii, ben } = rowAdders(rows);
const word = () =>
  r.pick(["Lantern", "Granite", "Meadow", "Pepper", "Saturn", "Violet"]);
const pw = () =>
  word() + r.str(DIG, 2 + r.int(3)) + r.pick(["!", "#", "%", "^", "@"]) +
  r.str(LOW, 2 + r.int(3)) + r.str(UP, 1);

/** The part of `v` after its last `_` or `-` (what an escaping carrier leaves as is), at most 10 characters. */
const tail = (v: string) => v.split(/[_-]/).pop()!.slice(-10);

const TOK: [string, () => string][] = [
  ["ghp", () => gh(r, "ghp_")],
  ["ghu", () => gh(r, "ghu_")],
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
  ["sk_live", () => "sk_live_" + r.str(ALNUM, 40)],
  ["whsec", () => "whsec_" + r.str(ALNUM, 32)],
  ["sk-proj", () => "sk-proj-" + r.str(URLSAFE, 120)],
  ["sk-ant", () => "sk-ant-api03-" + r.str(URLSAFE, 93) + "AA"],
  ["AIza", () => "AIza" + r.str(URLSAFE, 35)],
  ["npm", () => "npm_" + r.str(ALNUM, 36)],
  ["hf", () => "hf_" + r.str(UP + LOW, 34)],
  ["SG", () => "SG." + r.str(URLSAFE, 22) + "." + r.str(URLSAFE, 43)],
  ["dop", () => "dop_v1_" + r.str(HEX, 64)],
  ["shpat", () => "shpat_" + r.str(HEX, 32)],
  ["glsa", () => `glsa_${r.str(ALNUM, 32)}_${r.str(HEX, 8)}`],
  ["dckr", () => "dckr_pat_" + r.str(URLSAFE, 27)],
  ["gsk", () => "gsk_" + r.str(ALNUM, 52)],
  ["lin", () => "lin_api_" + r.str(ALNUM, 40)],
  ["figd", () => "figd_" + r.str(URLSAFE, 40)],
  ["pscale", () => "pscale_tkn_" + r.str(URLSAFE, 43)],
  ["vault", () => "hvs." + r.str(URLSAFE, 24)],
];

const CARRY: ((v: string) => string)[] = [
  (v) =>
    `Assistant: I found a hard-coded credential in src/config.ts: \`${v}\`. You should rotate it.`,
  (v) =>
    `Run ./deploy.sh\n  ./deploy.sh\n  shell: /usr/bin/bash -e {0}\n  env:\n    API_KEY: ${v}`,
  (v) =>
    `INSERT INTO integrations (id, name, secret) VALUES (3, 'github', '${v}');`,
  (v) =>
    `tokens:\n  - name: ci\n    value: ${v}\n  - name: bot\n    value: null`,
  (v) =>
    `< HTTP/1.1 200 OK\n< Content-Type: application/json\n{"access_token":"${v}","token_type":"bearer"}`,
  (v) => `[10:42] dana: try this one ${v}\n[10:43] li: works, thx`,
  (v) => `Crash report\nenv.SERVICE_KEY=${v}\nenv.HOME=/home/app`,
  (v) => `cat > .env <<EOF\nSERVICE_KEY=${v}\nEOF`,
  (v) => `[credentials]\napi_key = ${v}`,
  (v) => `  + resource "acme_key" "ci" {\n      + value = "${v}"\n    }`,
  (v) => `"Secret","Name"\n"${v}","deploy"`,
  (v) => `service: api\nauth:\n  bearer: ${v}`,
  (v) => `export const config = { key: "${v}" } as const;`,
  (v) => `Set-Item -Path Env:SERVICE_KEY -Value '${v}'`,
  (v) => `curl https://api.acme.dev/v2?key=${v}`,
  (v) => `<string name="api_key">${v}</string>`,
];

for (let i = 0; i < 110; i++) {
  const [fam, gen] = TOK[(i * 3) % TOK.length];
  const v = gen();
  sec(`provider/${fam}`, CARRY[i % CARRY.length](v), v);
}
{
  const id = "AKIA" + r.str("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
  const k = r.str(B64, 40);
  sec(
    "aws",
    `AWS_ACCESS_KEY_ID="${id}" AWS_SECRET_ACCESS_KEY="${k}" terraform apply`,
    id,
    k,
  );
  const id2 = "AKIA" + r.str("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
  const k2 = r.str(B64, 40);
  sec("aws", `access key: ${id2}\nsecret key: ${k2}`, id2, k2);
}

// Command lines and connection strings.
{
  const p = Array.from({ length: 30 }, pw);
  const u = () => r.pick(["app", "root", "etl", "ops"]);
  const forms: [string, string][] = [
    [`mysql -h db.internal -u${u()} -p${p[0]} --batch -e 'select 1'`, p[0]],
    [
      `  ${1000 + r.int(9000)} ?  Ss  0:00 /usr/bin/mysqldump --user=${u()} -p${
        p[1]
      } shop`,
      p[1],
    ],
    [`mysql --host=db --user=${u()} --password='${p[2]}' shop`, p[2]],
    [`sshpass -p"${p[3]}" ssh -o StrictHostKeyChecking=no ops@10.0.0.9`, p[3]],
    [`redis-cli -a '${p[4]}' -n 2 keys '*'`, p[4]],
    [`PGPASSWORD='${p[5]}' pg_dump -h db -U app orders`, p[5]],
    [`sqlcmd -S tcp:db,1433 -U sa -P "${p[6]}" -i init.sql`, p[6]],
    [`ldapwhoami -x -D uid=svc,ou=apps,dc=acme -w '${p[7]}'`, p[7]],
    [`openssl pkcs12 -in cert.p12 -nodes -passin pass:${p[8]}`, p[8]],
    [
      `keytool -genkeypair -alias app -keystore app.jks -storepass ${
        p[9]
      } -keypass ${p[9]}`,
      p[9],
    ],
    [
      `curl -sk --user admin:${p[10]} https://grafana.acme.io/api/health`,
      p[10],
    ],
    [`docker login registry.gitlab.com -u ci -p ${p[11]}`, p[11]],
    [`mongodump --uri="mongodb://backup:${p[12]}@mongo:27017/app"`, p[12]],
    [`psql "postgres://ro:${p[13]}@pg:5432/analytics?sslmode=require"`, p[13]],
    [`jdbc:sqlserver://db:1433;user=sa;password=${p[14]};database=erp`, p[14]],
    [
      `Server=tcp:acme.database.windows.net;Database=app;User ID=app;Password=${
        p[15]
      };Encrypt=True;`,
      p[15],
    ],
    [`spring.datasource.password = ${p[16]}`, p[16]],
    [`echo "${p[17]}" | sudo -S systemctl restart nginx`, p[17]],
    [`ansible-playbook site.yml -e "ansible_password=${p[18]}"`, p[18]],
    [`net use Z: \\\\fs01\\share /user:ACME\\svc ${p[19]}`, p[19]],
    [
      `rclone config create s3 s3 access_key_id=AKIA${
        r.str("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)
      } secret_access_key=${p[20]}`,
      p[20],
    ],
    [`htpasswd -b /etc/apache2/.htpasswd admin ${p[21]}`, p[21]],
    [`GRANT ALL ON app.* TO 'app'@'%' IDENTIFIED BY '${p[22]}';`, p[22]],
    [`CREATE ROLE reporter LOGIN PASSWORD '${p[23]}';`, p[23]],
    [`password: ${p[24]}  # TODO move to vault`, p[24]],
    [`DB_PASSWORD="${p[25]}"`, p[25]],
    [`"password": "${p[26]}",`, p[26]],
    [`admin_password = ${p[27]}`, p[27]],
    [`smtp_pass: '${p[28]}'`, p[28]],
    [`The staging DB password is ${p[29]} (please don't share)`, p[29]],
  ];
  for (const [t, v] of forms) sec("cli_conn", t, v);
}
// Keys, encodings, pieces.
{
  const lines = Array.from({ length: 7 }, () => r.str(B64, 64));
  const k = `-----BEGIN PRIVATE KEY-----\nMIIEvgIBADANBgkqhkiG9w0BAQEFAASC${
    r.str(B64, 32)
  }\n${lines.join("\n")}\n-----END PRIVATE KEY-----`;
  sec("key", `secret/tls.key:\n${k}`, lines[2]);
  sec("key", `{"private_key": "${k.replace(/\n/g, "\\n")}"}`, lines[3]);
  const ec = `-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEI${r.str(B64, 55)}\n${
    r.str(B64, 64)
  }\n${r.str(B64, 40)}==\n-----END EC PRIVATE KEY-----`;
  sec("key", ec, ec.split("\n")[2]);
  const wg = r.str(B64, 43) + "=";
  sec("key", `PrivateKey=${wg}`, wg);
  for (let i = 0; i < 6; i++) {
    const [, gen] = TOK[(i * 5) % TOK.length];
    const v = gen();
    const hx = [...v].map((c) => c.charCodeAt(0).toString(16).padStart(2, "0"))
      .join("");
    const c = 8 + r.int(10);
    const forms: [string, string[]][] = [
      [`echo ${hx} | xxd -r -p`, [hx]],
      [`const KEY = "${v.slice(0, c)}" +\n  "${v.slice(c)}";`, [
        v.slice(0, c),
        v.slice(c),
      ]],
      [`token: ${btoa(v)}`, [btoa(v)]],
      [`{"token":"${v.replace(/_/g, "\\u005f")}"}`, [tail(v)]],
      [`key=${encodeURIComponent(v).replace(/-/g, "%2D")}`, [tail(v)]],
      [`TOKEN = ("${v.slice(0, c)}"\n         "${v.slice(c)}")`, [
        v.slice(0, c),
        v.slice(c),
      ]],
    ];
    const [t, vals] = forms[i];
    sec("pieces", t, ...vals);
  }
}

// PII.
for (let i = 0; i < 36; i++) {
  const e = personEmail(r);
  const f = [
    `Hi team, please add ${e} to the beta list.`,
    `INSERT INTO subscribers VALUES (${r.int(999)}, '${e}');`,
    `  - email: ${e}\n    role: admin`,
    `From: ${e}\nTo: sales@acme-corp.io`,
    `"${r.pick(["Ana", "Ben"])} ${r.pick(["Lee", "Kim"])}";"${e}";"DE"`,
    `user=${e} action=login status=ok`,
  ][i % 6];
  pii("email", f, e);
}
for (let i = 0; i < 34; i++) {
  const p = i % 3 === 0 ? usPhone(r, i) : r.pick([
    `+44 7${r.str(DIG, 3)} ${r.str(DIG, 6)}`,
    `+49 171 ${r.str(DIG, 7)}`,
    `+91 9${r.str(DIG, 4)} ${r.str(DIG, 5)}`,
    `+65 9${r.str(DIG, 3)} ${r.str(DIG, 4)}`,
    `+61 4${r.str(DIG, 2)} ${r.str(DIG, 3)} ${r.str(DIG, 3)}`,
    `+33 7 ${r.str(DIG, 2)} ${r.str(DIG, 2)} ${r.str(DIG, 2)} ${r.str(DIG, 2)}`,
    `+1-${2 + r.int(8)}${r.str(DIG, 2)}-${2 + r.int(8)}${r.str(DIG, 2)}-${
      r.str(DIG, 4)
    }`,
    `+31 6 ${r.str(DIG, 8)}`,
  ]);
  const f = [
    `mobile: ${p}`,
    `Customer called from ${p} about order 7781`,
    `{"phone_number":"${p}"}`,
    `"${p}","callback"`,
  ][i % 4];
  pii("phone", f, p);
}
for (let i = 0; i < 26; i++) {
  const c = card(r, r.pick(["4", "51", "55", "37", "6011"]), 16);
  const cc = c.startsWith("37") ? card(r, "37", 15) : c;
  const g = i % 2
    ? group(cc, cc.length === 15 ? [4, 6, 5] : [4, 4, 4, 4], " ")
    : cc;
  const f = [
    `Payment declined for card ${g}`,
    `card_number,exp\n${g},04/29`,
    `{"source":{"number":"${g}","exp_month":4}}`,
    `my card is ${g}, can you retry?`,
  ][i % 4];
  pii("card", f, g);
}
for (let i = 0; i < 16; i++) {
  const s = ssn(r, "-");
  const f = [
    `SSN: ${s}`,
    `"${r.pick(["Ana", "Bo"])} Diaz","${s}","TX"`,
    `employee ${s} terminated`,
    `ssn=${s}`,
    `Social Security No. ${s}`,
    `tax_id: ${s}`,
    `I'm writing about my account, SSN ${s}.`,
  ][i % 7];
  pii("ssn", f, s);
}
{
  const ids: [string, string, string][] = [];
  const ib = [
    iban("DE", r.str(DIG, 18)),
    iban("ES", r.str(DIG, 20)),
    iban("NL", "INGB" + r.str(DIG, 10)),
    iban("BE", r.str(DIG, 12)),
    iban("IT", "X" + r.str(DIG, 10) + r.str(DIG, 12)),
    iban("AT", r.str(DIG, 16)),
    iban("GB", "HBUK" + r.str(DIG, 14)),
    iban("FR", r.str(DIG, 23)),
  ];
  ib.forEach((v, i) => {
    const s = i % 2 ? spaced4(v) : v;
    ids.push([
      "iban",
      [
        `IBAN: ${s}`,
        `Empfänger;${s};EUR`,
        `wire to ${s} asap`,
        `"iban":"${s}"`,
      ][i % 4],
      s,
    ]);
  });
  for (let i = 0; i < 4; i++) {
    const v = cpf(r);
    ids.push([
      "cpf",
      [`CPF ${v}`, `cliente;${v}`, `doc ${v} ok`, `"cpf": "${v}"`][i],
      v,
    ]);
  }
  for (let i = 0; i < 4; i++) {
    const v = nric(r);
    ids.push([
      "nric",
      [`NRIC ${v}`, `${v},Lim`, `patient ${v}`, `"id":"${v}"`][i],
      v,
    ]);
  }
  for (let i = 0; i < 4; i++) {
    const v = i % 2 ? nie(r) : dni(r);
    ids.push([
      "dni",
      [`DNI: ${v}`, `${v};Ruiz`, `titular ${v}`, `"nif":"${v}"`][i],
      v,
    ]);
  }
  for (let i = 0; i < 4; i++) {
    const a = aadhaar(r);
    const v = i < 2 ? group(a, [4, 4, 4], " ") : a;
    ids.push([
      "aadhaar",
      [
        `Aadhaar ${v}`,
        `name,aadhaar\nRavi,${v}`,
        `aadhaar: ${v}`,
        `UIDAI ${v}`,
      ][i],
      v,
    ]);
  }
  for (let i = 0; i < 3; i++) {
    const v = sin(r, i ? " " : "-");
    ids.push([
      "sin",
      [`SIN ${v}`, `emp,sin\nRoy,${v}`, `social insurance number ${v}`][i],
      v,
    ]);
  }
  for (let i = 0; i < 3; i++) {
    const v = nino(r, i !== 1);
    ids.push([
      "nino",
      [`NI number ${v}`, `${v},Evans`, `National Insurance: ${v}`][i],
      v,
    ]);
  }
  for (let i = 0; i < 3; i++) {
    const v = r.str(UP, 3) + "P" + r.str(UP, 1) + r.str(DIG, 4) + r.str(UP, 1);
    ids.push([
      "pan",
      [`PAN: ${v}`, `pan,name\n${v},Rao`, `PAN card ${v}`][i],
      v,
    ]);
  }
  const pp = r.str(UP, 1) + r.str(DIG, 8);
  ids.push(["passport", `passport_no: ${pp}`, pp]);
  const pp2 = r.str(UP, 2) + r.str(DIG, 7);
  ids.push(["passport", `Passport ${pp2}, expires 2030`, pp2]);
  const d1 = `19${60 + r.int(39)}-0${1 + r.int(9)}-1${r.int(9)}`;
  ids.push(["dob", `DOB: ${d1}`, d1]);
  const d2 = `0${1 + r.int(9)}/2${r.int(8)}/19${60 + r.int(39)}`;
  ids.push(["dob", `date_of_birth=${d2}`, d2]);
  const d3 = `${1 + r.int(27)} ${r.pick(["April", "June", "October"])} 19${
    60 + r.int(39)
  }`;
  ids.push(["dob", `Born: ${d3}`, d3]);
  for (const [c, t, v] of ids) pii(`id/${c}`, t, v);
  const s1 = ssn(r, "-");
  const e1 = personEmail(r);
  pii(
    "table",
    ` id | email                      | ssn\n----+----------------------------+-------------\n  1 | ${
      e1.padEnd(26)
    } | ${s1}`,
    e1,
    s1,
  );
  const c1 = card(r, "4", 16);
  pii("table", `name\tcard\tcvv\nAna\t${c1}\t123`, c1);
}

// Benign.
for (let i = 0; i < 112; i++) {
  let notCard = "5" + r.str(DIG, 15);
  while (luhnValid(notCard)) notCard = notCard.slice(0, 15) + r.int(10);
  const f = [
    () => `Run actions/checkout@${r.str(HEX, 40)}`,
    () => `##[group]Run npm ci\nadded ${r.int(2000)} packages in ${r.int(60)}s`,
    () => `Cache restored from key: node-cache-Linux-x64-npm-${r.str(HEX, 64)}`,
    () => `docker pull ghcr.io/acme/api@sha256:${r.str(HEX, 64)}`,
    () =>
      `  # module.vpc.aws_subnet.private[0] will be created\n      + id = (known after apply)`,
    () => `request_id: ${uuid(r)}, trace: ${r.str(HEX, 16)}`,
    () =>
      `git log --oneline\n${r.str(HEX, 7)} fix: typo\n${
        r.str(HEX, 7)
      } feat: add retry`,
    () => `SELECT id, status FROM orders WHERE id = ${r.str(DIG, 9)};`,
    () => `order ${notCard} placed`,
    () => `epoch ${1760000000 + r.int(9999999)} (${r.str(DIG, 3)} ms)`,
    () => `Image ID: sha256:${r.str(HEX, 12)}`,
    () =>
      `Pod ${r.pick(["api", "worker"])}-${r.str(LOW + DIG, 10)}-${
        r.str(LOW + DIG, 5)
      } restarted`,
    () => `ARN arn:aws:lambda:us-east-1:${r.str(DIG, 12)}:function:handler`,
    () => `x-amz-request-id: ${r.str(UP + DIG, 16)}`,
    () => `tx ${r.str(HEX, 64)}`,
    () => `"password": "********"`,
    () => `token: ghp_************************************`,
    () => `api_key = "sk_live_...${r.str(ALNUM, 4)}"`,
    () => `DB_PASSWORD=<set in vault>`,
    () => `SECRET_KEY = os.environ["SECRET_KEY"]`,
    () => `mysql -u ${r.pick(["root", "app"])} -p`,
    () => `mysqldump -u app -p orders > orders.sql`,
    () => `redis-cli -h cache -n 2 ping`,
    () => `curl -u "$GRAFANA_USER:$GRAFANA_PASS" https://grafana`,
    () => `psql -U app -h db -W orders`,
    () => `jdbc:mysql://db:3306/shop?useSSL=false`,
    () => `Server=db;Database=app;Integrated Security=true;`,
    () =>
      `-----BEGIN CERTIFICATE-----\nMIID${
        r.str(B64, 60)
      }\n-----END CERTIFICATE-----`,
    () => `ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABgQ${r.str(B64, 60)} ops@bastion`,
    () => `The token expires in 3600 seconds.`,
    () => `Please enter your password to continue.`,
    () =>
      `password_hash = "$argon2id$v=19$m=65536,t=3,p=4$${r.str(B64, 22)}$${
        r.str(B64, 43)
      }"`,
    () => `bcrypt: $2b$12$${r.str(B64.replace("+", "."), 53)}`,
    () => `version: 3.${r.int(12)}.${r.int(30)}\nbuild: ${r.str(DIG, 8)}`,
    () => `Chrome ${100 + r.int(30)}.0.${r.str(DIG, 4)}.${r.str(DIG, 3)}`,
    () =>
      `${r.str(DIG, 3)} ${r.str(DIG, 3)} ${r.str(DIG, 3)} bytes transferred`,
    () => `phone: TBD, email: TBD`,
    () => `contact: ops team (see wiki)`,
    () =>
      `lat/lng ${r.int(80)}.${r.str(DIG, 5)}, ${r.int(170)}.${r.str(DIG, 5)}`,
    () => `Case #${r.str(DIG, 7)} escalated`,
  ][i % 40];
  ben(["ci", "ids", "masked", "cli", "keys", "prose", "numbers"][i % 7], f());
}
{
  const more = [
    `mysql -u root -p"$MYSQL_ROOT_PASSWORD"`,
    `echo "$DEPLOY_PASS" | sudo -S true`,
    `ansible-playbook site.yml -e "ansible_password={{ vault_pw }}"`,
    `net use Z: \\\\fs01\\share /user:ACME\\svc *`,
    `GRANT SELECT ON app.* TO 'ro'@'%';`,
    `CREATE ROLE reporter LOGIN;`,
    `password: !vault |\n  $ANSIBLE_VAULT;1.1;AES256`,
    `smtp_pass: "{{ smtp_pass }}"`,
    `admin_password = var.admin_password`,
    `"password": null,`,
    `const KEY = process.env.KEY + "";`,
    `token: ${"*".repeat(20)}`,
    `AKIA****************`,
    `Your verification code is 482913`,
    `PIN reset requested`,
    `SSN: ***-**-1234`,
    `card ending in 4242`,
    `IBAN: DE** **** **** **** **** 00`,
    `email: j***@gmail.com`,
    `phone: +1 ***-***-0132`,
    `uuid ${uuid(r)} ${uuid(r)}`,
    `${r.str(HEX, 8)}-${r.str(HEX, 4)}-${r.str(HEX, 4)}-${r.str(HEX, 4)}-${
      r.str(HEX, 12)
    }`,
    `sha256sum: ${r.str(HEX, 64)}`,
    `commit ${r.str(HEX, 40)}`,
    `"etag": "${r.str(HEX, 32)}"`,
    `nonce: ${r.str(B64, 24)}`,
    `request took 1 234 567 ns`,
    `build-${r.str(DIG, 8)}-${r.str(DIG, 4)}`,
    `ticket JIRA-${r.str(DIG, 4)}`,
    `run #${r.str(DIG, 5)} on runner-${r.str(LOW, 6)}`,
    `SELECT * FROM users WHERE email = $1`,
    `password reset token expired`,
    `user.email must be unique`,
    `Phone number format: +CC NNN NNN NNNN`,
    `Enter SSN as XXX-XX-XXXX`,
    `see docs/security.md#secrets`,
    `AWS_SECRET_ACCESS_KEY is required`,
    `export GITHUB_TOKEN=$(gh auth token)`,
    `gh auth login --with-token < token.txt`,
    `kubectl get secret db -o jsonpath='{.data.password}' | base64 -d`,
  ];
  for (const t of more) ben("lookalike", t);
}

emitRows(rows);
