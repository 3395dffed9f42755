/**
 * Round-4 classes with their near misses: labelled PII after a prose
 * copula (`my date of birth is ...`) or a database error's bracketed key
 * (`Key (col)=(value)`). Values are made up.
 */
import assert from "node:assert/strict";
import { scan } from "../mod.ts";

const gone = (t: string, v: string) => !scan(t).redacted.includes(v);
const secrets = (t: string) =>
  scan(t).findings.filter((f) => f.category === "secret");
const pii = (t: string) => scan(t).findings.filter((f) => f.category === "pii");

Deno.test("labelled PII after 'is' or a bracketed database key is found", () => {
  const cases: [string, string][] = [
    ["hi, my date of birth is 1976-12-11, can you update it?", "1976-12-11"],
    ["my passport number is 587510941 and it expires soon", "587510941"],
    [
      "DETAIL:  Key (date_of_birth)=(1977-06-10) already exists.",
      "1977-06-10",
    ],
    ["DETAIL:  Key (passport_number)=(C53039229) already exists.", "C53039229"],
    ["DETAIL:  Key (sin)=(418 520 979) already exists.", "418 520 979"],
  ];
  for (const [t, v] of cases) assert.ok(gone(t, v), t);
});

Deno.test("labels followed by 'is' and a word, or keys of plain ids, are not PII", () => {
  for (
    const t of [
      "the passport is expired, please renew",
      "date of birth is optional on this form",
      "dob is null for 12 rows",
      "DETAIL:  Key (id)=(42) already exists.",
      "DETAIL:  Key (order_id)=(1977-06-10) is still referenced.",
      "Passport Index is 2026 edition",
      "the routing is done by nginx",
    ]
  ) assert.deepEqual(pii(t), [], t);
});

Deno.test("the copula glue stays linear on hostile input", () => {
  const t0 = performance.now();
  scan("date of birth is ".repeat(6_000) + "(".repeat(20_000));
  scan("Key (dob)=(" + ")=(".repeat(30_000));
  assert.ok(performance.now() - t0 < 3_000);
});

Deno.test("driving licences under snake_case keys, a copula or a database key are found", () => {
  const cases: [string, string][] = [
    ['{"name":"Ana Ruiz","driver_s_licence":"Y9999407"}', "Y9999407"],
    ["DETAIL:  Key (driver_s_licence)=(Z2561909) already exists.", "Z2561909"],
    ["my driver's license number is D4470219, issued in Ohio", "D4470219"],
  ];
  for (const [t, v] of cases) assert.ok(gone(t, v), t);
});

Deno.test("licence words without a licence number are not PII", () => {
  for (
    const t of [
      "driver_s_license_required: true",
      "driver's license is required at pickup",
      "DETAIL:  Key (driver_id)=(123456) already exists.",
      "the license is MIT, see LICENSE-2026",
      "drivers license renewal window is 30 days",
    ]
  ) assert.deepEqual(pii(t), [], t);
});

Deno.test("random key material on a bare key line of a credential file is a secret", () => {
  const v = "K7pQm2xVw9LrT4zNc8YhJ3bF6dGs1aEu5oWi0";
  for (
    const t of [
      `[offsite]\ntype = b2\naccount = 0012ab34cd56\nkey = ${v}\nhard_delete = true`,
      `[remote]\n  key=${v}`,
      `key: "${v}"`,
    ]
  ) assert.ok(gone(t, v), t);
});

Deno.test("bare key lines naming a path, a name, a placeholder or a hash are not secrets", () => {
  for (
    const t of [
      "[tls]\nkey = /etc/ssl/private/app-server-2026.key",
      "key = production-eu-west-1-billing-cache",
      "key = ${RCLONE_B2_KEY}",
      "key = <your-application-key>",
      "key = 3f9a1c0e7b5d2a4869f0c1e2d3b4a5968778695a",
      "key: user.profile.displayName.v2",
      "key = AKIAIOSFODNN7EXAMPLE",
      "  key: metadata.labels.app",
    ]
  ) assert.deepEqual(secrets(t), [], t);
});

Deno.test("a key or token stated in prose is a secret", () => {
  const cases: [string, string][] = [
    [
      "new aws_secret_access_key is Hq7vP2mXc9LwR4tZk8NbJ3yF6dGs1aEu5oWi0QeT (rotated)",
      "Hq7vP2mXc9LwR4tZk8NbJ3yF6dGs1aEu5oWi0QeT",
    ],
    [
      "the wallet private key is 0x5c1e9a7b3d2f4e6a8b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a.",
      "0x5c1e9a7b3d2f4e6a8b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a",
    ],
    [
      "fyi the bot token is now xq9Lm2Vt7Rb4Nc8Kp3Wz6Hd1",
      "xq9Lm2Vt7Rb4Nc8Kp3Wz6Hd1",
    ],
  ];
  for (const [t, v] of cases) assert.ok(gone(t, v), t);
});

Deno.test("prose about keys and tokens without a key is not a secret", () => {
  for (
    const t of [
      "the secret key is stored in Vault under kv/billing",
      "your api key is shown only once, copy it now",
      "the access token is valid for 3600 seconds",
      "private key was rotated on 2026-12-01 by the on-call engineer",
      "the api key is ${STRIPE_API_KEY} in CI",
      "client secret is <redacted-in-logs-since-v2>",
      "the secret key is sk_test_XXXXXXXXXXXXXXXXXXXX in the docs",
    ]
  ) assert.deepEqual(secrets(t), [], t);
  const t0 = performance.now();
  scan("secret key is ".repeat(8_000) + "a".repeat(50_000));
  assert.ok(performance.now() - t0 < 3_000);
});

Deno.test("a duplicate-key error under a personal-data key is PII wherever the value recurs", () => {
  const t =
    "ERROR 1062 (23000): Duplicate entry '1961-04-22' for key 'uniq_date_of_birth' -- inserting ('Ana Ruiz', '1961-04-22')";
  assert.ok(gone(t, "1961-04-22"), t);
  const u = "Duplicate entry '418 520 979' for key 'customers.sin_unique'";
  assert.ok(gone(u, "418 520 979"), u);
});

Deno.test("duplicate-key errors under other keys, and PII-free echoes, are not PII", () => {
  for (
    const t of [
      "ERROR 1062 (23000): Duplicate entry '20261203-0042' for key 'orders.PRIMARY'",
      "Duplicate entry 'build-4411' for key 'uniq_build_tag'",
      "Duplicate entry '1961-04-22' for key 'uniq_release_date'",
      "Duplicate entry 'xxxxx-xxxx' for key 'uniq_ssn'",
    ]
  ) assert.deepEqual(pii(t), [], t);
});

Deno.test("message ids of mail headers are not email addresses; addresses in headers still are", () => {
  for (
    const t of [
      "Message-ID: <5f2a9c0e1b7d4e36.1764745123@mail.example.org>",
      "In-Reply-To: <CAB9x2kq7Lm3@mail.gmail.com>",
      "References: <a1b2c3@relay.example.net> <d4e5f6@relay.example.net>",
      // A message id named in prose or a log field, not in a header.
      "Delivered (message-id <5f2a9c0e1b7d4e3fa8c6@mail.example.com>) to the relay",
      "postfix/smtp[311]: msgid=<a81fe0c2d9b34e77@mx.acme.io> status=sent",
    ]
  ) assert.deepEqual(pii(t), [], t);
  for (
    const t of [
      "From: Ana Ruiz <ana.ruiz@gmail.com>",
      "Message-ID: <x1@relay.example.net>\nTo: <ana.ruiz@gmail.com>",
      "message-id <x1@relay.example.net> sent to <ana.ruiz@gmail.com>",
    ]
  ) assert.ok(gone(t, "ana.ruiz@gmail.com"), t);
});

Deno.test("PHP var_dump and print_r strings under secret names are secrets", () => {
  const cases: [string, string][] = [
    [
      'array(2) {\n  ["host"]=>\n  string(9) "localhost"\n  ["db_password"]=>\n  string(14) "Tern%8qLw2Zx41"\n}',
      "Tern%8qLw2Zx41",
    ],
    [
      "Array\n(\n    [api_key] => Zk8Qm2Lx7Vb4Nc9Rt3Wy\n)",
      "Zk8Qm2Lx7Vb4Nc9Rt3Wy",
    ],
  ];
  for (const [t, v] of cases) assert.ok(gone(t, v), t);
});

Deno.test("PHP dumps of empty, numeric or non-secret elements are not secrets", () => {
  for (
    const t of [
      '["password"]=>\n  string(0) ""',
      '["token_ttl"]=>\n  int(3600)',
      '["host"]=>\n  string(22) "db-primary.internal.io"',
      "Array\n(\n    [csrf_token] => 9f8e7d6c5b4a39281706f5e4d3c2b1a0\n)",
      '["api_key"]=>\n  NULL',
      '["password_hint"]=>\n  string(12) "favourite pet"',
    ]
  ) assert.deepEqual(secrets(t), [], t);
  const t0 = performance.now();
  scan("[" + "password_".repeat(10_000) + "]=>" + "[".repeat(30_000));
  assert.ok(performance.now() - t0 < 3_000);
});

Deno.test("Redis MONITOR writes of secret-named keys are secrets; other keys are not", () => {
  const v = "Qm7xLp2VwR9tZk4NcB8yHj3F";
  const t =
    `1764747398.307028 [0 10.1.2.3:46558] "SET" "config:jwt_secret" "${v}"`;
  assert.ok(gone(t, v), t);
  for (
    const u of [
      '1764747398.3 [0 127.0.0.1:6379] "SET" "session:9f1c2e" "Qm7xLp2VwR9tZk4NcB8yHj3F"',
      '1764747398.3 [0 127.0.0.1:6379] "SET" "config:token_ttl" "3600"',
      '1764747398.3 [0 127.0.0.1:6379] "GET" "config:jwt_secret"',
    ]
  ) assert.deepEqual(secrets(u), [], u);
});

Deno.test("driving-licence columns of CSV tables are PII; driver columns of other kinds are not", () => {
  for (
    const [t, v] of [
      ['name,driver\'s licence,city\n"Ana Ruiz",L5581529,Leeds', "L5581529"],
      ["id,driver_license,state\n1,D4470219,OH\n2,K8812034,TX", "D4470219"],
    ]
  ) assert.ok(gone(t, v), t);
  for (
    const t of [
      "id,driver_id,state\n1,D4470219,OH",
      "driver,version,status\nnvidia,550.54.14,loaded\npostgresql,42.7.3,ok",
      "driving_time,distance\n01:22:10,88.4",
      "license_number,count\nn/a,0",
    ]
  ) assert.deepEqual(pii(t), [], t);
});
