/**
 * Secrets known by their surroundings (command-line password options, SQL,
 * name/value pairs, call arguments, `*_pass` and `*_key` names), national
 * ids without a label, short DER key bodies: each with the look-alikes that
 * must stay untouched. Values are generated here, not taken from a held-out
 * set.
 */
import assert from "node:assert/strict";
import { findSensitive } from "./sensitive.ts";
import { redact } from "../redact.ts";
import {
  luhnCheckDigit,
  nricCheckLetter,
  verhoeffCheckDigit,
} from "./checksums.ts";

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
let seed = 0x51c0de;
/** mulberry32, so failures reproduce. */
function rand(n: number): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (((t ^ (t >>> 14)) >>> 0) / 4294967296 * n) | 0;
}
function rnd(alphabet: string, n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += alphabet[rand(alphabet.length)];
  return s;
}
/** A password a person would type: a word, digits, a symbol, letters. */
function pw(): string {
  return "Kq" + rnd("0123456789", 3) + "#" + rnd(ALNUM, 6);
}
function none(text: string): void {
  assert.deepEqual(
    findSensitive(text).map((f) =>
      `${f.policyId}:${text.slice(f.start, f.end)}`
    ),
    [],
    text,
  );
}
function gone(text: string, ...values: string[]): void {
  const out = redact(text, findSensitive(text));
  for (const v of values) assert.ok(!out.includes(v), `${text} -> ${out}`);
}

Deno.test("command lines: password options of known tools", () => {
  for (
    const f of [
      (p: string) => `mysql -u root -p'${p}' -h db shop`,
      (p: string) => `mysql -uapp -p${p} shop < dump.sql`,
      (p: string) => `/usr/bin/mysqldump -u backup -p"${p}" --all-databases`,
      (p: string) =>
        `mysql     4242  0.1  1.0 ? Sl 10:02 0:01 mysql -ureport -p${p} -h 10.0.0.5`,
      (p: string) => `sshpass -p '${p}' ssh ops@host`,
      (p: string) => `redis-cli -h cache -a ${p} INFO`,
      (p: string) => `sqlcmd -S db -U sa -P ${p} -Q "select 1"`,
      (p: string) => `ldapmodify -x -D cn=admin,dc=x -w ${p} -f change.ldif`,
      (p: string) => `openssl rsa -in k.pem -passin pass:${p} -out k2.pem`,
      (p: string) => `keytool -list -keystore ks.jks -storepass ${p}`,
      (p: string) => `curl -sS -u ci:${p} https://repo.example.net/`,
      (p: string) => `7z x -p${p} backup.7z`,
      (p: string) => `htpasswd -bc .htpasswd admin ${p}`,
      (p: string) => `smbclient //fs/share -U bob%${p}`,
      (p: string) => `docker login -u ci -p ${p} registry.example.net`,
      (p: string) => `echo '${p}' | docker login -u ci --password-stdin reg`,
      (p: string) => `echo "deploy:${p}" | sudo chpasswd`,
      (p: string) => `sqlplus -s scott/${p}@//ora:1521/ORCL`,
      (p: string) => `jdbc:oracle:thin:scott/${p}@//ora:1521/ORCL`,
      (p: string) => `rabbitmqctl add_user deployer '${p}'`,
      (p: string) => `net user backup ${p} /add`,
      (p: string) => `ALTER USER app WITH PASSWORD '${p}';`,
      (p: string) => `CREATE USER 'etl'@'%' IDENTIFIED BY '${p}';`,
    ]
  ) {
    const p = pw();
    gone(f(p), p);
  }
});

Deno.test("command lines: prompts, variables, ports and other -p flags are not passwords", () => {
  for (
    const t of [
      "mysql -u root -p",
      "mysql -h db -P 3306 -u app -p orders",
      "mysqldump -u backup -p --all-databases > all.sql",
      'mysql -u app -p"$MYSQL_PASSWORD" orders',
      "mysql -uroot -p${DB_ROOT_PASS} -e 'show tables'",
      "mysql --defaults-extra-file=~/.my.cnf -e 'select 1'",
      "sshpass -f ~/.ssh/pass.txt ssh deploy@host",
      "redis-cli -h cache -p 6379 ping",
      "7z x -p backup.7z",
      'curl -u "$USER:$TOKEN" https://api.example.net',
      "curl -u admin: https://api.example.net",
      "docker login -u ci --password-stdin < token.txt",
      'echo "$CR_PAT" | docker login ghcr.io -u me --password-stdin',
      "keytool -list -keystore cacerts -storepass:env STOREPASS",
      "openssl req -new -key key.pem -passin env:KEY_PASS -out req.csr",
      "openssl rsa -in k.pem -passin file:pass.txt",
      "ldapsearch -x -W -D cn=admin,dc=example,dc=org",
      "grep -p pattern file.txt; tar -cpf out.tar dir; cp -pr a b",
      "ssh -p 2222 deploy@host; scp -P 2222 f host:",
      "psql -h db -p 5432 -U app -W",
      "mongosh --username admin --password",
      "net user backup /delete",
      "CREATE USER app IDENTIFIED BY '${APP_PASSWORD}';",
      "ALTER USER app WITH PASSWORD 'changeme';",
      "the zip -P option takes a password; never pass it on the command line",
    ]
  ) {
    none(t);
  }
});

Deno.test("name/value pairs, call arguments, *_pass and *_key names", () => {
  for (
    const f of [
      (p: string) => `- name: DB_PASSWORD\n  value: "${p}"`,
      (p: string) => `{"name": "API_TOKEN", "value": "${p}"}`,
      (p: string) => `<add key="SmtpPassword" value="${p}" />`,
      (p: string) => `define('DB_PASSWORD', '${p}');`,
      (p: string) => `System.setProperty("mail.smtp.password", "${p}");`,
      (p: string) => `DB_PASS=${p}`,
      (p: string) => `ansible_become_pass: "${p}"`,
      (p: string) => `> pass: ${p}`,
    ]
  ) {
    const p = pw();
    gone(f(p), p);
  }
  for (
    const f of [
      (k: string) => `ENCRYPTION_KEY=${k}`,
      (k: string) => `auth_key="${k}"`,
      (k: string) => `webhook signing key: ${k}`,
      (k: string) => `APP_KEY=base64:${k}`,
    ]
  ) {
    const k = rnd(ALNUM, 40);
    gone(f(k), k);
  }
  for (
    const t of [
      "- name: DB_PASSWORD\n  valueFrom:\n    secretKeyRef:\n      name: db",
      '<input type="hidden" name="csrf_token" value="f3a9c2e1d4b5">',
      '{"name": "DB_PASSWORD", "value": "${DB_PASSWORD}"}',
      '<add key="SmtpPassword" value="" />',
      "t('password', 'Enter your password')",
      'os.getenv("DB_PASSWORD", "default")',
      "PASS: TestParseConfigFile (0.00s)",
      "--- PASS: TestFoo (0.01s)",
      "Pass: 1523/1530 tests",
      "bypass=1 compass: north",
      "cache key: npm-linux-" + rnd("0123456789abcdef", 64),
      "primary key: id, sort key: created_at",
      "KEY_LENGTH=32",
      "client key: client.key",
      "deploy key: ssh-ed25519",
      "private key: /home/dev/.ssh/id_ed25519",
    ]
  ) {
    none(t);
  }
});

function cpf(): string {
  const d = rnd("0123456789", 9).split("").map(Number);
  for (let k = 0; k < 2; k++) {
    let s = 0;
    for (let i = 0; i < d.length; i++) s += d[i] * (d.length + 1 - i);
    d.push((s * 10) % 11 % 10);
  }
  const s = d.join("");
  return `${s.slice(0, 3)}.${s.slice(3, 6)}.${s.slice(6, 9)}-${s.slice(9)}`;
}

Deno.test("national ids without a label: CPF, NRIC, DNI/NIE, grouped Aadhaar and SIN", () => {
  for (let i = 0; i < 20; i++) {
    const c = cpf();
    gone(`Cliente Ana Souza, ${c}, Recife`, c);
    const d = rnd("0123456789", 7);
    const n = "S" + d + nricCheckLetter("S", d);
    gone(`name,id\nLim,${n}`, n);
    const num = 30_000_000 + rand(60_000_000);
    const dni = String(num) + "TRWAGMYFPDXBNJZSQVHLCKE"[num % 23];
    gone(`Titular: Pablo Ruiz, ${dni}`, dni);
    const a = String(2 + rand(8)) + rnd("0123456789", 10);
    const aad = (a + verhoeffCheckDigit(a)).replace(/(\d{4})(?=\d)/g, "$1 ");
    gone(`Ramesh Kumar, ${aad}, Pune`, aad);
    const s = String(1 + rand(7)) + rnd("0123456789", 7);
    const sin = (s + luhnCheckDigit(s)).replace(/(\d{3})(?=\d)/g, "$1 ");
    gone(`Employee M. Roy, ${sin}, Montreal`, sin);
    gone(
      `SIN of M. Roy is ${sin.replace(/ /g, "-")} (on file)`,
      sin.replace(/ /g, "-"),
    );
  }
  gone("NHS number 943 476 5919", "943 476 5919");
  for (
    const t of [
      "build 20261202A finished", // eight digits that are a date
      "ts 20261202T101500Z",
      "version 123.456.789-01a",
      "ref 2345 6789 0123 4567", // digits go on: not a 4-4-4 Aadhaar
      "sizes 123 456 789", // counting run
      "111 111 111 rows",
      "Processed 130 692 544 rows in 3 s", // thousands grouped by spaces
      "part T1234567 rev B",
      "NHS number 9434765918", // wrong check digit
      "s3://bucket/S1234567D/file",
    ]
  ) {
    none(t);
  }
});

Deno.test("PEM: keys pasted on one line or quoted in mail/Markdown are keys", () => {
  const B64 = ALNUM + "+/";
  const lines = Array.from({ length: 5 }, () => rnd(B64, 70));
  const key = (body: string) =>
    `-----BEGIN OPENSSH PRIVATE KEY-----${body}-----END OPENSSH PRIVATE KEY-----`;
  gone(`SSH_KEY="${key(" " + lines.join(" ") + " ")}"`, lines[2]);
  gone(
    key("\n" + lines.join("\n") + "\n").split("\n").map((l) => "> " + l).join(
      "\n",
    ),
    lines[2],
  );
  none(
    "-----BEGIN OPENSSH PRIVATE KEY----- ... -----END OPENSSH PRIVATE KEY-----",
  );
});

Deno.test("PEM: a short DER body counts when its header says it is complete", () => {
  const ed = "MC4CAQAwBQYDK2VwBCIEI" + rnd(ALNUM, 43);
  gone(`-----BEGIN PRIVATE KEY-----\n${ed}\n-----END PRIVATE KEY-----`, ed);
  none(
    "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----",
  );
});

Deno.test("new context patterns stay linear on 100 KB of hostile input", () => {
  for (
    const t of [
      "mysql " + "-u x ".repeat(20_000),
      "mysql" + " a".repeat(50_000) + " -p",
      "curl -u " + "a".repeat(100_000),
      "htpasswd " + "-b ".repeat(30_000),
      "echo " + "x".repeat(100_000) + " | chpasswd",
      "name: x_password\n".repeat(6_000) + "value",
      "(" + "'db_password', ".repeat(7_000),
      "a_".repeat(50_000) + "pass=",
      "x_".repeat(50_000) + "auth_key=",
      "1".repeat(100_000) + "A",
      "1234 ".repeat(25_000),
      "123 ".repeat(30_000),
      "123.456.789-".repeat(8_000),
    ]
  ) {
    const t0 = performance.now();
    findSensitive(t);
    const ms = performance.now() - t0;
    assert.ok(ms < 1500, `${ms.toFixed(0)} ms on ${t.slice(0, 20)}`);
  }
});

Deno.test("more command lines: long options, mongo, openssl -k, ssh-keygen -N, lftp, az, configure set", () => {
  for (
    const f of [
      (p: string) =>
        `influx -username admin -password ${p} -execute 'SHOW USERS'`,
      (p: string) => `gpg --batch --passphrase '${p}' -d x.gpg`,
      (p: string) => `java -Djavax.net.ssl.keyStorePassword=${p} -jar app.jar`,
      (p: string) => `mvn deploy -Drepo.password=${p}`,
      (p: string) =>
        `mongo --host db -u admin -p ${p} --authenticationDatabase admin`,
      (p: string) => `openssl enc -aes-256-cbc -in a -out b -k ${p}`,
      (p: string) => `ssh-keygen -t ed25519 -N '${p}' -f key`,
      (p: string) => `lftp -u deploy,${p} sftp://files.example.net`,
      (p: string) => `vsql -h vertica -U dbadmin -w ${p}`,
      (p: string) => `az sql db export -u sqladmin -p ${p} -n db`,
      (p: string) => `aws configure set aws_secret_access_key ${p}`,
    ]
  ) {
    const p = pw();
    gone(f(p), p);
  }
  for (
    const t of [
      "mongo -u admin -p --authenticationDatabase admin",
      "gpg --batch --passphrase-file /run/secrets/gpg -d x.gpg",
      "java -Djavax.net.ssl.keyStorePassword=${KS_PASS} -jar app.jar",
      "ssh-keygen -t ed25519 -N '' -f key",
      "openssl enc -d -in x.enc -pass env:ENC_PASS",
      "docker login --password-stdin",
      "aws configure set region eu-west-1",
      "7z x -p backup.7z",
      "use --no-password to skip the prompt",
    ]
  ) {
    none(t);
  }
});

Deno.test("setters, ARM parameters, bracket keys, passwords in prose", () => {
  for (
    const f of [
      (p: string) => `user.setPassword("${p}");`,
      (p: string) => `client.withApiKey('${p}')`,
      (p: string) => `"adminPassword": { "value": "${p}" }`,
      (p: string) => `$config['db_pass'] = '${p}';`,
      (p: string) => `login: ops\npassword is ${p}`,
      (p: string) => `the new root pw is ${p}, rotate it monday`,
      (p: string) => `passphrase ${p}`,
    ]
  ) {
    const p = pw();
    gone(f(p), p);
  }
  for (
    const t of [
      'user.setPassword(request.getParameter("password"));',
      'user.setPassword("");',
      "the password is incorrect",
      "password is required",
      "the password is at least 12 characters long",
      "password manager integration",
      "Your password was changed on 2026-12-01",
      "password reset link sent to the user",
      "pw is stored in the vault",
      '"adminPassword": { "reference": { "keyVault": { "id": "kv" } } }',
    ]
  ) {
    none(t);
  }
});

Deno.test("a secret found once is redacted where it recurs", () => {
  const p = pw();
  gone(`Password: ${p}\nConfirm: ${p}\nlogged in with ${p}`, p);
  // A short or word-internal recurrence is not touched.
  const text = `password=${p} x${p}y`;
  const fs = findSensitive(text);
  assert.equal(fs.length, 1);
});

Deno.test("WireGuard keys and JWK private members", () => {
  const B64 = ALNUM + "+/";
  const k = rnd(B64, 43) + "=";
  gone(`[Interface]\nAddress = 10.8.0.2/24\nPrivateKey = ${k}`, k);
  gone(`wg set wg0 private-key <(echo ${k})`, k);
  const d = rnd(ALNUM + "_-", 43);
  gone(`{"kty":"EC","crv":"P-256","x":"${rnd(ALNUM, 43)}","d":"${d}"}`, d);
  none(`[Peer]\nPublicKey = ${rnd(B64, 43)}=\nPersistentKeepalive = 25`);
  none(
    `{"kty":"EC","crv":"P-256","x":"${rnd(ALNUM, 43)}","y":"${
      rnd(ALNUM, 43)
    }"}`,
  );
  none(`{"d": "${rnd(ALNUM, 43)}"}`); // no key type: not a JWK
  none("wg genkey | tee privatekey | wg pubkey > publickey");
});

Deno.test("ITIN, Swedish personnummer, Italian codice fiscale, labelled lower-case IBAN", () => {
  gone("ITIN: 912-78-1234", "912-78-1234");
  none("ref 912-45-1234"); // group 45 is no ITIN group (and 9xx is no SSN)
  const body = "811218987";
  const pnr = `811218-987${luhnCheckDigit(body)}`;
  gone(`personnummer ${pnr}`, pnr);
  const bad = pnr.slice(0, 10) + ((Number(pnr[10]) + 1) % 10);
  none(`ref ${bad}`);
  none("build 20261302-1234"); // month 13
  gone("codice fiscale RSSMRA85T10A562S", "RSSMRA85T10A562S");
  none("code RSSMRA85T10A562T"); // wrong check letter
  gone("IBAN de89370400440532013000", "de89370400440532013000");
  none("IBAN de89370400440532013001");
});

Deno.test("sudo -S input, net use /user:, a labelled 'secret key' line", () => {
  const p = pw();
  gone(`echo "${p}" | sudo -S systemctl restart nginx`, p);
  const q = pw();
  gone(`net use Z: \\\\fs01\\share /user:ACME\\svc ${q}`, q);
  const k = rnd(ALNUM + "/+", 40);
  gone(
    `access key: AKIA${
      rnd("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)
    }\nsecret key: ${k}`,
    k,
  );
  none('echo "$DEPLOY_PASS" | sudo -S true');
  none("net use Z: \\\\fs01\\share /user:ACME\\svc *");
  none("net use Z: /delete");
});

Deno.test("phone labels in more spellings: telephone, Telefon(nummer), cellphone", () => {
  gone('"telephone": "0044 20 6346 9751"', "0044 20 6346 9751");
  gone("Telefonnummer: (077) 8740 6556", "8740 6556");
  none("telephone numbers are validated on save");
  none("Telefon: siehe Wiki");
});
