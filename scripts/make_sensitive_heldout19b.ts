/**
 * `deno run -A scripts/make_sensitive_heldout19b.ts > scripts/data/sensitive_heldout19b.jsonl`:
 * a second held-out set of secrets round 7, written after the round's fixes
 * (which were designed from the failures of set 19, so set 19's "after" is
 * not an independent figure) and measured once: the honest estimate of the
 * round's final code on the same classes in other carriers. Recovery
 * phrases in wallet CLIs and chat, Basic credentials in Postman and Go,
 * presigned URLs in JSON and logs, positional CLI secrets of other tools,
 * disguises, provider prefixes; look-alikes of each.
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
  emitRows,
  gh,
  type Row,
  rowAdders,
  uuid,
} from "./lib/sensitive_values.ts";
import { BIP39_WORDS } from "../governance/engine/detect/bip39_words.ts";

const r = new Rng(19_2_1203_2026);
const rows: Row[] = [];
const { sec, ben } = rowAdders(rows);

const hx = (n: number) => r.str(HEX, n);
const pw = () =>
  r.pick(["Lantern", "Copper", "Meadow", "Orchid", "Tundra", "Zephyr"]) +
  r.pick(["!", "#", "%", "+", "=", "~"]) + r.str(LOW + UP + DIG, 6) +
  r.str(DIG, 3);
const user = () => r.pick(["build", "svc-sync", "ops_admin", "gitlab-ci"]);
/** `n` random list words (no checksum: a phrase someone typed or changed). */
const words = (n: number) =>
  Array.from({ length: n }, () => BIP39_WORDS[r.int(2048)]);
const pct = (s: string) =>
  [...s].map((c) =>
    /[A-Za-z0-9_.~-]/.test(c)
      ? c
      : "%" + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")
  ).join("");

const SECRETS: [string, () => string[]][] = [
  ["phrase_solana", () => {
    const w = words(12).join(" ");
    return [
      `$ solana-keygen recover 'prompt://?key=0/0' -o wallet.json\n[recover] seed phrase: ${w}`,
      w,
    ];
  }],
  ["phrase_slack", () => {
    const w = words(24).join(" ");
    return [
      `[10:42] dana: can you restore the ledger on your side? ${w}`,
      w,
    ];
  }],
  ["phrase_env_file", () => {
    const w = words(12).join(" ");
    return [`WALLET_SEED="${w}"\nRPC_URL=https://rpc.example.org`, w];
  }],
  ["phrase_yaml", () => {
    const w = words(12);
    return [
      `wallet:\n  backup:\n${w.map((x) => `    - ${x}`).join("\n")}`,
      ...w.filter((x) => x.length >= 6).slice(0, 3).map((x) => `- ${x}`),
    ];
  }],
  ["basic_postman", () => {
    const p = pw();
    return [
      `"auth": {"type": "basic", "basic": [{"key": "password", "value": "${p}", "type": "string"}, {"key": "username", "value": "${user()}", "type": "string"}]}`,
      p,
    ];
  }],
  ["basic_go", () => {
    const p = pw();
    return [`req.SetBasicAuth("${user()}", "${p}")`, p];
  }],
  ["basic_header_log", () => {
    const v = btoa(`${user()}:${pw()}`);
    return [
      `DEBUG urllib3.connectionpool: headers={'User-Agent': 'python-requests/2.32', 'Authorization': 'Basic ${v}'}`,
      v,
    ];
  }],
  ["basic_java", () => {
    const p = pw();
    return [
      `String auth = Base64.getEncoder().encodeToString("${user()}:${p}".getBytes());`,
      p,
    ];
  }],
  ["s3_presigned_json", () => {
    const sig = hx(64);
    return [
      `{"uploadUrl":"https://uploads.s3.amazonaws.com/tmp/${
        uuid(r)
      }?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA${
        r.str(UP + "234567", 16)
      }%2F20261203%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20261203T120000Z&X-Amz-Expires=300&X-Amz-SignedHeaders=content-type%3Bhost&X-Amz-Signature=${sig}"}`,
      sig,
    ];
  }],
  ["gcs_log", () => {
    const sig = hx(256);
    return [
      `INFO generated signed URL for gs://acme-exports/q4.parquet: https://storage.googleapis.com/acme-exports/q4.parquet?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Credential=exporter%40acme.iam.gserviceaccount.com%2F20261203%2Fauto%2Fstorage%2Fgoog4_request&X-Goog-Date=20261203T120000Z&X-Goog-Expires=3600&X-Goog-SignedHeaders=host&X-Goog-Signature=${sig}`,
      sig,
    ];
  }],
  ["minio_presigned", () => {
    const sig = hx(64);
    return [
      `mc share download local/backups/db.tar\nShare: http://minio.internal:9000/backups/db.tar?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=minioadmin%2F20261203%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20261203T120000Z&X-Amz-Expires=604800&X-Amz-SignedHeaders=host&X-Amz-Signature=${sig}`,
      sig,
    ];
  }],
  ["docker_login_password_flag", () => {
    const p = pw();
    return [
      `+ docker login --username ${user()} --password ${p} harbor.corp.example`,
      p,
    ];
  }],
  ["psql_uri_arg", () => {
    const p = r.str(ALNUM, 18);
    return [
      `psql "postgresql://report:${p}@pg.internal:5432/analytics?sslmode=require"`,
      p,
    ];
  }],
  ["ldapsearch_w", () => {
    const p = pw();
    return [
      `ldapsearch -x -H ldaps://ldap.corp -D "cn=admin,dc=corp" -w '${p}' -b "dc=corp"`,
      p,
    ];
  }],
  ["rclone_obscure", () => {
    const p = pw();
    return [
      `rclone config create s3prod s3 access_key_id AKIA${
        r.str(UP + "234567", 16)
      } secret_access_key ${r.str(B64, 40)} password ${p}`,
      p,
    ];
  }],
  ["sqlcmd_P", () => {
    const p = pw();
    return [`sqlcmd -S db01 -U sa -P '${p}' -Q "SELECT @@VERSION"`, p];
  }],
  ["json_escape_token", () => {
    const body = r.str(ALNUM, 36);
    return [
      `"{\\"auth\\":{\\"token\\":\\"ghp\\u005f${body}\\"}}"`,
      body,
    ];
  }],
  ["oauth_form_secret", () => {
    const sec = r.str(ALNUM, 32);
    return [
      `POST /oauth/token\nbody: grant_type=client_credentials&client_id=web&client_secret=${sec}&scope=read`,
      sec,
    ];
  }],
  ["url_encoded_password", () => {
    const p = pw();
    return [`GET /login?user=${user()}&password=${pct(p)} HTTP/1.1`, pct(p)];
  }],
  ["ansi_token", () => {
    const t = "glpat-" + r.str(URLSAFE, 20);
    return [`\x1b[2mtoken:\x1b[22m \x1b[36m${t}\x1b[39m`, t];
  }],
  ["k8s_secret_json", () => {
    const p = pw();
    return [
      `{"apiVersion":"v1","kind":"Secret","data":{"DB_PASSWORD":"${btoa(p)}"}}`,
      btoa(p),
    ];
  }],
  ["split_private_key", () => {
    const l = [r.str(B64, 64), r.str(B64, 64), r.str(B64, 40)];
    return [
      `-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEI${r.str(B64, 55)}\n${
        l.join("\n")
      }\n-----END EC PRIVATE KEY-----`,
      ...l,
    ];
  }],
  ["doppler", () => {
    const t = "dp.st.prd." + r.str(ALNUM, 43);
    return [`doppler configure set token ${t} --scope /srv/app`, t];
  }],
  ["pulumi", () => {
    const t = "pul-" + hx(40);
    return [`PULUMI_ACCESS_TOKEN=${t} pulumi up --yes`, t];
  }],
  ["postman_key", () => {
    const t = `PMAK-${hx(24)}-${hx(34)}`;
    return [`newman run coll.json --postman-api-key ${t}`, t];
  }],
  ["gh_oauth_log", () => {
    const t = gh(r, "gho_");
    return [`git: https://x-access-token:${t}@github.com/acme/app.git`, t];
  }],
];

const BENIGN: (() => string)[] = [
  () =>
    `solana-keygen new --no-bip39-passphrase\nWrote new keypair to wallet.json\npubkey: ${
      r.str("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz", 44)
    }`,
  () =>
    `Your seed phrase is the only way to restore your wallet; write the words down in order and keep them offline.`,
  () =>
    `wallet:\n  network: mainnet\n  backup:\n    enabled: true\n    schedule: daily`,
  () =>
    `"auth": {"type": "basic", "basic": [{"key": "password", "value": "{{password}}"}, {"key": "username", "value": "{{user}}"}]}`,
  () => `req.SetBasicAuth(os.Getenv("API_USER"), os.Getenv("API_PASS"))`,
  () =>
    `DEBUG urllib3.connectionpool: headers={'User-Agent': 'python-requests/2.32', 'Accept': '*/*'}`,
  () =>
    `{"uploadUrl":"https://uploads.s3.amazonaws.com/tmp/${
      uuid(r)
    }","method":"PUT","expiresIn":300}`,
  () =>
    `INFO uploaded gs://acme-exports/q4.parquet (md5 ${hx(32)}, ${
      r.int(900)
    } MB)`,
  () => `mc share download --expire 2h local/backups/db.tar`,
  () =>
    `+ docker login --username ${user()} --password-stdin harbor.corp.example`,
  () => `psql "postgresql://localhost:5432/analytics?sslmode=disable"`,
  () =>
    `ldapsearch -x -H ldaps://ldap.corp -D "cn=admin,dc=corp" -W -b "dc=corp"`,
  () => `sqlcmd -S db01 -E -Q "SELECT @@VERSION"`,
  () =>
    `"{\\"auth\\":{\\"method\\":\\"oidc\\",\\"issuer\\":\\"https://id.corp\\"}}"`,
  () =>
    `POST /oauth/token\nbody: grant_type=authorization_code&code=${
      r.str(URLSAFE, 20)
    }&redirect_uri=https%3A%2F%2Fapp%2Fcb`,
  () => `\x1b[2mstatus:\x1b[22m \x1b[32mready\x1b[39m (${r.int(60)}s)`,
  () => `{"apiVersion":"v1","kind":"ConfigMap","data":{"LOG_LEVEL":"debug"}}`,
  () =>
    `-----BEGIN CERTIFICATE-----\nMIIC${r.str(B64, 60)}\n${
      r.str(B64, 64)
    }\n-----END CERTIFICATE-----`,
  () => `doppler setup --project api --config prd`,
  () => `pulumi stack select acme/api/prod && pulumi preview`,
  () => `git: https://github.com/acme/app.git (fetch) ${hx(40)}`,
  () => `sha256:${hx(64)}  app-${r.int(9)}.${r.int(30)}.${r.int(9)}.tar.gz`,
  () => `trace=${hx(32)} user=${uuid(r)} took=${r.int(900)}ms`,
  () =>
    `Generated docs: the S3 presign helper returns a URL with X-Amz-Algorithm, X-Amz-Credential, X-Amz-Date, X-Amz-Expires and X-Amz-Signature.`,
  () => `"password": "", "password_confirmation": ""`,
];

for (let i = 0; i < 100; i++) {
  const [cls, mk] = SECRETS[i % SECRETS.length];
  const [text, ...values] = mk();
  sec(cls, text, ...values);
}
for (let i = 0; i < 75; i++) {
  ben(`lookalike/${i % BENIGN.length}`, BENIGN[i % BENIGN.length]());
}

emitRows(rows);
