/**
 * Round-6 secret classes, each with near misses beside it: Azure storage
 * keys listed by name (`az storage account keys list`). Values are made up.
 */
import assert from "node:assert/strict";
import { findSensitive } from "./sensitive.ts";

/** A made-up 88-character storage key. */
const AZ =
  "eTxuiBqQGR0EdFJJcg32uOyz2nFFT3/P9zJlAndQSr7eNoQEmnfJdWjTnDQIsiHv76qLvgub3uI5m282lDEeo2==";

/** Whether `value` is inside one finding of `text`. */
function covered(text: string, value: string): boolean {
  const at = text.indexOf(value);
  return findSensitive(text).some((f) =>
    f.start <= at && f.end >= at + value.length
  );
}

Deno.test("Azure storage keys listed by name: table and JSON output", () => {
  const table =
    `KeyName    Permissions    Value\n---------  -------------  -----\nkey1       FULL           ${AZ}`;
  assert.ok(covered(table, AZ));
  const json =
    `[\n  {\n    "creationTime": "2026-11-02T08:00:00+00:00",\n    "keyName": "key1",\n    "permissions": "FULL",\n    "value": "${AZ}"\n  }\n]`;
  assert.ok(covered(json, AZ));
});

Deno.test("Azure listed keys: integrity hashes and keys without a key name are not", () => {
  for (
    const t of [
      `"integrity": "sha512-${AZ}" // key1`,
      `checksum ${AZ}`,
    ]
  ) {
    assert.deepEqual(findSensitive(t), [], t);
  }
});

Deno.test("Azure listed keys on hostile input finish in linear time", () => {
  const started = performance.now();
  findSensitive("key1 " + "A".repeat(100_000));
  findSensitive(("key1 " + "Ab+/".repeat(30) + "== ").repeat(1_000));
  assert.ok(performance.now() - started < 5_000);
});

const PW = "Zq8RbWk2Xy5MnP3LvT7cHd9F";

Deno.test("secret stores set from the command line: the value is a finding", () => {
  for (
    const t of [
      `gh secret set STRIPE_KEY --body "${PW}" --repo acme/api`,
      `gh secret set MAILGUN_KEY -b ${PW}`,
      `az keyvault secret set --vault-name kv --name db-password --value '${PW}'`,
      `aws secretsmanager put-secret-value --secret-id prod/db --secret-string ${PW}`,
    ]
  ) {
    assert.ok(covered(t, PW), t);
  }
});

Deno.test("secret store commands without a literal value are not findings", () => {
  for (
    const t of [
      'gh secret set API_TOKEN --body "$API_TOKEN"',
      'gh secret set NAME --body "<value>"',
      "gh secret set --help",
      "gh secret set ENV --body production",
      "aws secretsmanager create-secret --name x --secret-string file://creds.json",
    ]
  ) {
    assert.deepEqual(findSensitive(t), [], t);
  }
  const started = performance.now();
  findSensitive("gh secret set " + "a ".repeat(50_000));
  findSensitive("gh secret set x --body ".repeat(5_000));
  assert.ok(performance.now() - started < 5_000);
});

Deno.test("Service Bus / Event Hubs SharedAccessSignature tokens: the signature is a finding", () => {
  const sig = "N0EwMENiR2dEVk5hd3c1V3loZkhqZ0ZRQUtUU2c5Z2o%3D";
  for (
    const t of [
      `SharedAccessSignature sr=https%3A%2F%2Fx.servicebus.windows.net&sig=${sig}&se=1764800000&skn=Root`,
      `Authorization: SharedAccessSignature sig=${sig}&se=1764800000&skn=Root&sr=x`,
    ]
  ) {
    assert.ok(covered(t, sig), t);
  }
  // A sig= query parameter with nothing of a SAS beside it is not one.
  assert.deepEqual(findSensitive(`https://x/?a=1&sig=${sig.slice(0, 40)}`), []);
});

Deno.test("key material under a private-key name (not PEM, not hex 64) is a finding; paths and references are not", () => {
  const hex = "1cc906d7232994a1d1f241b6a000170f";
  for (
    const t of [
      `BRAINTREE_PRIVATE_KEY=${hex}`,
      `private_key: ${hex}`,
      `APP_PRIVATE_KEY="${PW}"`,
    ]
  ) {
    assert.ok(findSensitive(t).length === 1, t);
  }
  for (
    const t of [
      "PRIVATE_KEY=/etc/ssl/private/server-key.pem",
      'private_key = file("~/.ssh/id_ed25519")',
      "private_key: ${{ secrets.DEPLOY_KEY }}",
      'private_key_path = "/home/ci/.oci/oci_api_key.pem"',
      `"private_key_id": "${hex}"`,
    ]
  ) {
    assert.deepEqual(findSensitive(t), [], t);
  }
});

Deno.test("labelled wallet recovery phrases are findings; test phrases and prose are not", () => {
  const phrase =
    "ripple scissors kick mammal hire column oak again sun offer wealth tomorrow";
  for (
    const t of [
      `Seed phrase: ${phrase}`,
      `MNEMONIC="${phrase}"`,
      `{"mnemonic": "${phrase} brave oxygen cactus"}`,
    ]
  ) {
    assert.ok(covered(t, phrase), t);
  }
  for (
    const t of [
      'MNEMONIC="abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about"',
      "mnemonic: test test test test test test test test test test test junk",
      "recovery phrase: word word word word word word word word word word word word",
      "mnemonic devices help students remember complex lists quickly without writing anything down during exams",
    ]
  ) {
    assert.deepEqual(findSensitive(t), [], t);
  }
  // Twelve list words followed by prose: the phrase (found by the
  // unlabelled-phrase pass, mnemonic.ts) and nothing of the prose after it.
  const followed =
    `Seed phrase: ${phrase} and then some more words follow here`;
  const found = findSensitive(followed);
  assert.equal(found.length, 1);
  assert.equal(followed.slice(found[0].start, found[0].end), phrase);
  const started = performance.now();
  findSensitive("mnemonic: " + "abcd ".repeat(40_000));
  findSensitive("seed phrase: abc ".repeat(10_000));
  assert.ok(performance.now() - started < 5_000);
});

Deno.test("keys that describe a token (accessor, type, url, tokenizer) are not token assignments; token values still are", () => {
  const v = "kq3Jd9QwErTy7UiOp2AsDfGh";
  for (
    const t of [
      `token_accessor = "${v}"`,
      `tokenizer: ${v}`,
      `Key                 Value\n---                 -----\ntoken_accessor      ${v}\ntoken_duration      768h`,
    ]
  ) {
    assert.deepEqual(findSensitive(t), [], t);
  }
  for (const t of [`access_token = "${v}"`, `API_TOKEN=${v}`]) {
    assert.ok(covered(t, v), t);
  }
});

Deno.test("the line a secret-reading command prints is a finding", () => {
  const pw = "Tundra!EYzfFhsxyG";
  const ghp = "ghp_" + "k3Jd9QwErTy7UiOp2AsDfGh5JkLzXcVbNm10";
  for (
    const [t, v] of [
      [
        `$ kubectl get secret db -o jsonpath='{.data.password}' | base64 -d\n${pw}`,
        pw,
      ],
      [`$ cat /run/secrets/db_password\n${pw}\n$ ls`, pw],
      [`$ op read op://vault/db/password\n${pw}`, pw],
      [
        `$ aws secretsmanager get-secret-value --secret-id prod/db --query SecretString --output text\n${pw}`,
        pw,
      ],
      [
        `$ gcloud secrets versions access latest --secret=db-password\n${pw}`,
        pw,
      ],
      [`$ vault kv get -field=password secret/db\n${pw}`, pw],
      [`$ security find-generic-password -s github -w\n${pw}`, pw],
      [`$ gh auth token\n${ghp}`, ghp],
      [`$ heroku config:get SESSION_SECRET -a api\n${pw}`, pw],
    ]
  ) {
    assert.ok(covered(t, v), t);
  }
});

Deno.test("secret-reading commands: other fields, errors and empty output are not findings", () => {
  for (
    const t of [
      "$ kubectl get secret db -o jsonpath='{.data.username}' | base64 -d\napp_user1",
      "$ gh auth token\nPERMISSION_DENIED",
      "$ printenv HOME\n/home/ci",
      "$ vault kv get -field=username secret/db\nbilling_rw1",
      "$ cat /run/secrets/db_password\ncat: /run/secrets/db_password: No such file or directory",
      "$ gh auth token\nno oauth token found for github.com",
    ]
  ) {
    assert.deepEqual(findSensitive(t), [], t);
  }
  const started = performance.now();
  findSensitive("kubectl get " + "x".repeat(100_000));
  findSensitive("kubectl .data.password ".repeat(5_000));
  findSensitive("gh auth token\n".repeat(10_000));
  assert.ok(performance.now() - started < 5_000);
});

Deno.test("SSM-style parameters: a secret path's value is a finding, other parameters are not", () => {
  const pw = "Tundra!EYzfFhsxyG";
  const t =
    `{"Parameter":{"Name":"/prod/db/password","Type":"SecureString","Value":"${pw}","Version":3}}`;
  assert.ok(covered(t, pw), t);
  for (
    const b of [
      '{"Name":"/prod/db/host","Type":"String","Value":"db-1.internal"}',
      '{"name": "api_token_ttl", "type": "int", "value": "86400000"}',
    ]
  ) {
    assert.deepEqual(findSensitive(b), [], b);
  }
  const started = performance.now();
  findSensitive('"name": "' + "/a".repeat(50_000) + '" value');
  findSensitive(
    '{"name":"/x/password",' + '"t":"v",'.repeat(20_000) + '"value":"y"}',
  );
  assert.ok(performance.now() - started < 5_000);
});

Deno.test("a PEM private key shown with a viewer's gutter (numbered lines, grep, diff, string literals) is found", () => {
  const body = [
    "GDC/9JljlygWOfmdBIiPrMLlNBb8/H677lvv+vqvoNImEXuFLFOjd9/Ivx2z9pfO",
    "9uZ4N7eh0WK5RcaDGh5c+drR4o9YYSLBq1mX8w2LkT0cVzP3rJ6nHgA7sDfE4yWu",
    "Kp2xQ9vL5mN8bR3tY7wC1zF6hJ4dS0gA2eU9iO5pM7nB3vX8cZ1qW4rT6yE0uI2",
  ];
  const lines = [
    "-----BEGIN RSA PRIVATE KEY-----",
    ...body,
    "-----END RSA PRIVATE KEY-----",
  ];
  const views: ((l: string, i: number) => string)[] = [
    (l, i) => `${String(i + 1).padStart(6)}→${l}`,
    (l, i) => `  ${i + 1} | ${l}`,
    (l, i) => `${String(i + 1).padStart(6)}\t${l}`,
    (l, i) => `keys/deploy.pem:${i + 1}:${l}`,
    (l) => `+ ${l}`,
    (l) => `  "${l}\\n" +`,
  ];
  for (const view of views) {
    const t = lines.map(view).join("\n");
    assert.ok(covered(t, body[1]), t);
  }
  // A numbered example with a short body still is no key.
  const short = [
    "-----BEGIN RSA PRIVATE KEY-----",
    "MIIEpAIBAAKCAQEA...",
    "-----END RSA PRIVATE KEY-----",
  ].map(views[0]).join("\n");
  assert.deepEqual(findSensitive(short), [], short);
});

Deno.test("Vercel Blob read-write tokens are found bare; the prefix alone is not", () => {
  const t = "vercel_blob_rw_" +
    "bH8ctFgoSlBCsjYo_x6RPV70HXM1LKydYh5sDgWvhi75jic";
  assert.ok(covered(`BLOB_READ_WRITE_TOKEN=${t}`, t));
  assert.ok(covered(`found ${t} in logs`, t));
  assert.deepEqual(
    findSensitive("set BLOB_READ_WRITE_TOKEN (vercel_blob_rw_...)"),
    [],
  );
});

Deno.test("passwords stated in prose and short keys: db_password is, the password for X is, pw=, User: x Pass: y", () => {
  const pw = "Quartz7xLm2Pq9Rt";
  for (
    const t of [
      `db_password is ${pw}`,
      `The password for the staging db is ${pw} (rotate after use)`,
      `pw=${pw}`,
      `User: admin Pass: ${pw}`,
    ]
  ) {
    assert.ok(covered(t, pw), t);
  }
  for (
    const t of [
      "The password for the admin account is stored in 1Password",
      "password for root is required",
      "password for prod is in the vault under db/prod",
      "pw: see vault",
      "pw=$PW",
      "db_password is required",
      "User: admin Pass: ********",
      "username: bob, pass: fail",
      "login: ok pass: 14/14",
    ]
  ) {
    assert.deepEqual(findSensitive(t), [], t);
  }
  const started = performance.now();
  findSensitive("password for " + "a ".repeat(50_000));
  findSensitive("user: x pass ".repeat(10_000));
  assert.ok(performance.now() - started < 5_000);
});

Deno.test("a password beside its key without glue, or on the line below it, is a finding", () => {
  const pw = "Quartz7xLm2Pq9Rt";
  for (
    const t of [
      `password:\n  ${pw}`,
      `password: >-\n  ${pw}`,
      `"password":\n    "${pw}"`,
      `Password:\n${pw}`,
      `password\t${pw}`,
      `PASSWORD      ${pw}`,
      `Password ........ ${pw}`,
      `password -> ${pw}`,
    ]
  ) {
    assert.ok(covered(t, pw), t);
  }
  for (
    const t of [
      "  -p, --password string     Password for the registry",
      "password    required",
      "Password    MinLength",
      "password:\n  - rule1",
      "password:\n  min_length: 12",
      "password:\n  $ANSIBLE_VAULT;1.1;AES256",
      "Password ....... OK",
      "password -> bcrypt(salt, 12)",
      "PASSWORD        <set me>",
      "password:\n  ${DB_PASSWORD}",
      'password:\n  "{{ vault_db_password }}"',
      "pwd\t\t/home/ci/project",
    ]
  ) {
    assert.deepEqual(findSensitive(t), [], t);
  }
  const started = performance.now();
  findSensitive("password" + " ".repeat(100_000) + "x");
  findSensitive("password:\n".repeat(20_000));
  findSensitive("password ....".repeat(20_000));
  assert.ok(performance.now() - started < 5_000);
});

Deno.test('a secret key in brackets (env["DB_PASSWORD"] = ...) is an assignment; comparisons are not', () => {
  const pw = "Quartz7xLm2Pq9Rt";
  for (
    const t of [
      `os.environ["DB_PASSWORD"] = "${pw}"`,
      `ENV['API_TOKEN'] = '${pw}'`,
    ]
  ) {
    assert.ok(covered(t, pw), t);
  }
  assert.deepEqual(
    findSensitive('if (args["password"] == user.password) {'),
    [],
  );
});

Deno.test("a dotted password after an environment line's NAME= is a password; dotted code references are not", () => {
  for (
    const [t, v] of [["DB_PASSWORD=Falcon.iFnzVRN6149", "Falcon.iFnzVRN6149"], [
      "export DB_PASSWORD=P4ss.word",
      "P4ss.word",
    ]]
  ) {
    assert.ok(covered(t, v), t);
  }
  for (
    const t of [
      "password = config.db.password",
      "db_password=self.password",
      "  DB_PASSWORD: config.password",
    ]
  ) {
    assert.deepEqual(findSensitive(t), [], t);
  }
});

Deno.test("Makefile ?= and += glue, ApiKey-style Authorization schemes and redis-cli AUTH carry secrets", () => {
  const aws = "z+6mCTJUi8q3izlCOeBmMOmpJNCsbqvZygJxq0dC";
  const pw = "Meadow7Us5uPVdt572";
  const ek = "WnprQzJoTnB4Sk5ncXJreGFNaWY6cG1SSUt3S1poei10UWhnTU85QzNsRA==";
  for (
    const [t, v] of [
      [`AWS_SECRET_ACCESS_KEY ?= ${aws}`, aws],
      [`DB_PASSWORD += ${pw}`, pw],
      [`curl -H "Authorization: ApiKey ${ek}" https://es:9200`, ek],
      [`cache.internal:6379> AUTH ${pw}\nOK`, pw],
      [`cache:6379> AUTH default ${pw}`, pw],
    ]
  ) {
    assert.ok(covered(t, v), t);
  }
  for (
    const t of [
      "password += chunk",
      "AUTH PLAIN is supported",
      "127.0.0.1:6379> AUTH",
      "Authorization: ApiKey ${ES_API_KEY}",
      "IMAGE ?= ghcr.io/acme/api:1.2.3",
    ]
  ) {
    assert.deepEqual(findSensitive(t), [], t);
  }
  const started = performance.now();
  findSensitive("1> AUTH ".repeat(20_000));
  findSensitive("token ?= ".repeat(20_000));
  assert.ok(performance.now() - started < 5_000);
});
