/**
 * Round-2 secret and PII classes, each with near misses beside it: vendor
 * tokens by published format (`policies/secrets_tokens.ts`), config
 * directives, table rows, short `pass` keys, Wi-Fi passphrases and session
 * cookies (`policies/secrets_config.ts`), more command-line password
 * options, escaped quotes at any depth (`disguise.ts`), the documentation
 * sample JWT, and PII labels (CPF with words, DOB in other languages, an
 * account on the line after its routing number). Values are made up.
 */
import assert from "node:assert/strict";
import { findSensitive } from "./sensitive.ts";

const H32 = "4c3d224a961cfd3c2cd6940c15a73a82";
const H64 = H32 + "9f1e0b7a6c5d4e3f2a1b0c9d8e7f6a5b";
const UUID = "e3b28c56-8399-455a-ba1b-e66de9e3d099";
const A64 = "Zk3q9XbT2mVw8LpR4sYc7NhJ1dGf6KaE0uBi5oQzWx2Ny7Ct4Pv9Ms3Lr8Kq1Jp6";

/** The text of each finding in `text`. */
function found(text: string): string[] {
  return findSensitive(text).map((f) => text.slice(f.start, f.end));
}

/** Whether `value` is inside one finding of `text`. */
function covered(text: string, value: string): boolean {
  const at = text.indexOf(value);
  return findSensitive(text).some((f) =>
    f.start <= at && f.end >= at + value.length
  );
}

Deno.test("vendor tokens of the second list are found bare, in prose and in code", () => {
  const tokens = [
    "sk-or-v1-" + H64,
    "sk-lf-" + UUID,
    "nvapi-" + A64,
    "sk_" + H32 + H32.slice(0, 16),
    "tvly-" + A64.slice(0, 32),
    "tvly-dev-" + A64.slice(1, 33),
    "rpa_" + "O3DESQU8ZD612F66911RES986DWADG6ODMCHVGH5RNONCY",
    "AstraCS:" + "qKUXxNAZPoTWCnWKIWoJAhhi" + ":" + H64,
    "dt0c01.HDF3X8XMQUMRE1KCH7XFK3II." +
    "HACRMYDSLW8GJ8Y8ZV4CESLN2WE98RUV5XH8W4Y76SCSYK0YZ9CVQAZ5V4V6MCH4",
    "pat-na1-" + UUID,
    "phx_" + A64.slice(0, 43),
    "key-" + H32,
    "MTc2ODU2ODA3NTA3MDkzMzAw.s7hREA.NDJe8TQG0DAzDD4VxO_SfTedvVofXS3IukQvkK",
    "EAAG" + A64 + A64.slice(0, 40),
    "1//0" + A64 + "_-x" + A64.slice(0, 20),
    "v1.0-" + H32.slice(0, 24) + "-" + H64 + H64 + H32.slice(0, 18),
    "AKID" + A64.slice(0, 32),
    "gloas-" + A64.slice(0, 40),
  ];
  for (const t of tokens) {
    for (
      const text of [
        t,
        `the old one was ${t} so revoke that too`,
        `client := api.New("${t}")`,
      ]
    ) assert.ok(covered(text, t), text);
  }
});

Deno.test("vendor tokens: wrong lengths, alphabets and neighbours are not tokens", () => {
  const near = [
    "sk-or-v1-" + H32, // too short
    "sk-lf-" + UUID.slice(0, 30),
    "sk_" + H32, // 32 hex, not 48
    "api-key-" + H32, // a dash before key-
    "key-" + H32 + "ff", // 34 hex
    "cache key-" + H32.slice(0, 20),
    "tvly-" + "x".repeat(32),
    "aGVsbG8gd29ybGQgaGVsbG8.abcdef.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", // not digits in base64
    "MTIz.abcdef.ghijkl",
    "EAAG" + "short",
    "http://host:8081//0" + A64,
    "dt0c01.SHORT.TOKEN",
    "pat-na1-not-a-uuid",
  ];
  for (const t of near) assert.deepEqual(found(`value ${t} here`), [], t);
});

Deno.test("config credentials: directives, Wi-Fi, table rows, short pass keys, session cookies", () => {
  const cases: [string, string][] = [
    ["requirepass Foobared2026X", "Foobared2026X"],
    ["  masterauth Tundra-881$kk", "Tundra-881$kk"],
    ["bind_pw Mosaic_5617*deq", "Mosaic_5617*deq"],
    ['network={\n  ssid="office"\n  psk="Cobalt.436*LSC"\n}', "Cobalt.436*LSC"],
    ["wpa_passphrase=Tundra_88&kkQ", "Tundra_88&kkQ"],
    ["| admin_password | Quartz.55$kdGIa |", "Quartz.55$kdGIa"],
    ['{"user":"etl","pass":"Mosaic15&vel"}', "Mosaic15&vel"],
    ["smtp_pass: Falcon_77!xQ", "Falcon_77!xQ"],
    [
      "Cookie: theme=dark; sessionid=g7cblajr4uhk0q9olciehwmpcuv2xju6; lang=en",
      "g7cblajr4uhk0q9olciehwmpcuv2xju6",
    ],
    [
      "Set-Cookie: JSESSIONID=8F3A9C2B7D1E4F6A0B5C9D2E7F1A3B4C; Path=/",
      "8F3A9C2B7D1E4F6A0B5C9D2E7F1A3B4C",
    ],
    [
      "mosquitto_pub -h mqtt -u s -P 'Tundra.227$InwKS' -t t",
      "Tundra.227$InwKS",
    ],
    ["xfreerdp /v:host /u:admin /p:Mosaic_55!q", "Mosaic_55!q"],
    ["lftp -u backup,Cobalt_771xx sftp://nas", "Cobalt_771xx"],
  ];
  for (const [text, v] of cases) assert.ok(covered(text, v), text);
  const benign = [
    "# requirepass foobared",
    "requirepass ${REDIS_PASSWORD}",
    'psk="<your passphrase>"',
    "tests: pass=12 fail=0",
    "bypass: true",
    "compass = North",
    '"pass": true',
    "| password | ******** |",
    "| Column | Type | Nullable |",
    "sessionid=; expires=Thu, 01 Jan 1970 00:00:00 GMT",
    "the sessionid= cookie holds the login",
    "mosquitto_pub -h mqtt -t t -m 1",
  ];
  for (const t of benign) assert.deepEqual(found(t), [], t);
});

Deno.test("escaped quotes at any depth are read as quotes; ordinary escapes are not findings", () => {
  const v = "Zk3q9XbT2mVw8LpR4sYc7NhJ1dGf6KaE0uBi5oQz";
  for (
    const text of [
      `{"data":"{\\"API_KEY\\":\\"${v}\\"}"}`,
      `"{\\\\\\"api_key\\\\\\":\\\\\\"${v}\\\\\\"}"`,
    ]
  ) assert.ok(covered(text, v), text);
  for (
    const t of [
      'printf("{\\"name\\":\\"%s\\"}", name)',
      'He said \\"hi\\" to me',
      '{"path":"C:\\\\Users\\\\dev\\\\app"}',
      '{"url":"https:\\/\\/example.org\\/docs"}',
    ]
  ) assert.deepEqual(found(t), [], t);
});

Deno.test("the documentation sample JWT is not a secret; another JWT is", () => {
  const sample =
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
  assert.deepEqual(found(`Authorization: Bearer ${sample}`), []);
  assert.deepEqual(found(`token: ${sample}`), []);
  const other =
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI5ODc2NTQzMjEwIiwibmFtZSI6IkFubmEiLCJpYXQiOjE3MTYyMzkwMjJ9.abcDEF123ghiJKL456mnoPQR789stuVWX0yz";
  assert.ok(covered(`token: ${other}`, other));
  assert.ok(covered(`Authorization: Bearer ${other}`, other));
});

Deno.test("PII labels: CPF with words, dates of birth in other languages, an account under its routing number", () => {
  const cases: [string, string][] = [
    ["CPF do titular: 81176875264", "81176875264"],
    ["Geburtsdatum: 27.01.1982", "27.01.1982"],
    ["geboren am 1.2.1990", "1.2.1990"],
    ["fecha de nacimiento: 03/11/1975", "03/11/1975"],
    ["date de naissance 12/04/1988", "12/04/1988"],
    ["data de nascimento: 21/07/1969", "21/07/1969"],
    ["Routing: 093830857\nAccount: 8412350055", "8412350055"],
  ];
  for (const [text, v] of cases) assert.ok(covered(text, v), text);
  for (
    const t of [
      "The Geburtsdatum field is required",
      "fecha de nacimiento (dd/mm/aaaa)",
      "CPF do titular: 11111111111",
      "Account: 8412350055",
      "Routing table updated\n\nAccount: 8412350055 rows",
    ]
  ) assert.deepEqual(found(t), [], t);
});

Deno.test("held-out-7 classes: XML password elements, Neon and Doppler environment tokens, whole encoded .npmrc; dates, emulator keys and form markup are not", () => {
  const cases: [string, string][] = [
    [
      '<property name="password">Orchid4106+elAQ7</property>',
      "Orchid4106+elAQ7",
    ],
    ["<password>Basalt77=kkLM2</password>", "Basalt77=kkLM2"],
    ['<entry key="db.password">Juniper88!aaBB1</entry>', "Juniper88!aaBB1"],
    ["password: npg_ipvn6svRf01d", "npg_ipvn6svRf01d"],
    [
      "dp.st.prd.q5lQLtqctO8f27NIQhJnCJrK30o5liHc1Fcyoyvv",
      "dp.st.prd.q5lQLtqctO8f27NIQhJnCJrK30o5liHc1Fcyoyvv",
    ],
    ['"dateOfBirth": "1976-12-07"', "1976-12-07"],
  ];
  for (const [text, v] of cases) assert.ok(covered(text, v), text);
  const npmrc = btoa(
    "//registry.npmjs.org/:_authToken=npm_" + A64.slice(0, 36) + "\n",
  );
  assert.ok(covered(`.npmrc: ${npmrc}`, npmrc));
  for (
    const t of [
      "<password>${db.password}</password>",
      '<input type="password" name="password">',
      '<label for="password">Password</label>',
      "password_reset_sent_at: 2026-12-02 10:14:07",
      "password_changed: 2026-11-30",
      "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;",
      ".npmrc: " + btoa("registry=https://registry.npmjs.org/\n"),
      "npg_short",
    ]
  ) assert.deepEqual(found(t), [], t);
});
