/**
 * `deno run -A scripts/make_sensitive_heldout19.ts > scripts/data/sensitive_heldout19.jsonl`:
 * the held-out set of secrets round 7, written before any change of the
 * round and measured once on the unchanged code (the "before") and once at
 * the end (the "after"). Classes new to the round: wallet recovery phrases
 * without a label (numbered grids, CLI flags, prose, wrapped lines), HTTP
 * Basic credentials in HAR files, proxies and code, presigned S3 / GCS /
 * CloudFront URLs, passwords and tokens passed positionally to CLIs, secrets
 * in disguise (JSON `\uXXXX`, URL and HTML escapes, ANSI colour, zero-width
 * characters, wrapped lines, table cells, Kubernetes Secret base64, base64 of
 * a credentials file) and provider tokens by published prefix. Look-alikes
 * from the same carriers: published test phrases, sorted word lists, example
 * signatures, payload hashes, placeholders, localhost defaults, public keys,
 * integrity hashes and base64 images.
 *
 * `--tune` writes the tune set instead (another seed, and carriers of the
 * same classes written differently), for iterating without touching the
 * held-out rows.
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

const TUNE = Deno.args.includes("--tune");
const r = new Rng(TUNE ? 19_0077_2026 : 19_1203_2026);
const rows: Row[] = [];
const { sec, ben } = rowAdders(rows);

const hx = (n: number) => r.str(HEX, n);
const pw = () =>
  r.pick(["Harbor", "Quartz", "Maple", "Falcon", "Indigo", "Saffron"]) +
  r.pick(["!", "#", "*", "-", "@", "_"]) + r.str(LOW + UP + DIG, 7) +
  r.str(DIG, 2);
const b64 = (s: string) => btoa(s);
const pick = <T>(xs: readonly T[]) => r.pick(xs);
const user = () => pick(["deploy", "ci-bot", "svc_app", "jenkins", "alice"]);

/** A BIP-39 phrase of `n` words (12 or 24) with a valid checksum. */
async function phrase(n: 12 | 24): Promise<string[]> {
  const bytes = new Uint8Array(n === 12 ? 16 : 32);
  for (let i = 0; i < bytes.length; i++) bytes[i] = r.int(256);
  const hash = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  let bits = "";
  for (const b of bytes) bits += b.toString(2).padStart(8, "0");
  bits += hash[0].toString(2).padStart(8, "0").slice(0, bytes.length / 4);
  const words: string[] = [];
  for (let i = 0; i < bits.length; i += 11) {
    words.push(BIP39_WORDS[parseInt(bits.slice(i, i + 11), 2)]);
  }
  return words;
}

/** Percent-encoding of every character outside unreserved ones. */
const pct = (s: string) =>
  [...s].map((c) =>
    /[A-Za-z0-9_.~-]/.test(c)
      ? c
      : "%" + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")
  ).join("");

/** Each maker returns [text, ...values]. */
type Maker = () => Promise<string[]> | string[];

const HELD: [string, Maker][] = [
  // ---------------------------------------------------- recovery phrases
  ["mnemonic_numbered", async () => {
    const w = await phrase(12);
    const cells = w.map((x, i) => `${i + 1}. ${x}`);
    return [
      `Your recovery phrase (write it down, never share it):\n${
        cells.slice(0, 6).join("   ")
      }\n${cells.slice(6).join("   ")}`,
      ...cells,
    ];
  }],
  ["mnemonic_cli", async () => {
    const w = (await phrase(12)).join(" ");
    return [
      `$ cast wallet import deployer --mnemonic "${w}"\nEnter password:`,
      w,
    ];
  }],
  ["mnemonic_prose", async () => {
    const w = (await phrase(12)).join(" ");
    return [
      `hey, restoring the treasury wallet on the new laptop, words are: ${w} — delete this message after`,
      w,
    ];
  }],
  ["mnemonic_wrapped", async () => {
    const w = await phrase(24);
    const lines = [0, 6, 12, 18].map((i) => w.slice(i, i + 6).join(" "));
    return [
      `wallet backup exported 2026-12-02\n\n${lines.join("\n")}\n\nchecksum ok`,
      ...lines,
    ];
  }],
  ["mnemonic_json", async () => {
    const w = (await phrase(24)).join(" ");
    return [
      `{"version": 3, "name": "ops-hot", "seedPhrase": "${w}", "derivation": "m/44'/60'/0'/0"}`,
      w,
    ];
  }],
  // ---------------------------------------------------- HTTP Basic
  ["basic_har", () => {
    const p = pw();
    const v = b64(`${user()}:${p}`);
    return [
      `{"request": {"method": "GET", "url": "https://api.example.com/v2/me", "headers": [{"name": "Authorization", "value": "Basic ${v}"}, {"name": "Accept", "value": "application/json"}]}}`,
      v,
    ];
  }],
  ["basic_proxy", () => {
    const v = b64(`${user()}:${pw()}`);
    return [
      `CONNECT api.internal:443 HTTP/1.1\nHost: api.internal:443\nProxy-Authorization: Basic ${v}\nUser-Agent: curl/8.5.0`,
      v,
    ];
  }],
  ["basic_code_btoa", () => {
    const p = pw();
    return [
      `const res = await fetch(url, {\n  headers: { Authorization: "Basic " + btoa("${user()}:${p}") },\n});`,
      p,
    ];
  }],
  ["basic_curl_verbose", () => {
    const v = b64(`${user()}:${pw()}`);
    return [
      `* Server auth using Basic with user 'deploy'\n> GET /artifactory/api/repositories HTTP/1.1\n> Host: repo.corp.example\n> authorization: Basic ${v}\n> User-Agent: curl/8.5.0`,
      v,
    ];
  }],
  ["basic_python_tuple", () => {
    const p = pw();
    return [
      `resp = requests.get("https://jira.corp.example/rest/api/2/myself", auth=("${user()}", "${p}"))`,
      p,
    ];
  }],
  // ---------------------------------------------------- presigned URLs
  ["s3_presigned", () => {
    const sig = hx(64);
    return [
      `https://reports-prod.s3.eu-west-1.amazonaws.com/exports/2026-12.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA${
        r.str(UP + "234567", 16)
      }%2F20261203%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Date=20261203T101500Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=${sig}`,
      sig,
    ];
  }],
  ["s3_presigned_sts", () => {
    const sig = hx(64);
    const tok = "IQoJb3JpZ2luX2Vj" + r.str(B64, 200);
    return [
      `download: https://media.s3.amazonaws.com/u/${
        uuid(r)
      }.png?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=ASIA${
        r.str(UP + "234567", 16)
      }%2F20261203%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20261203T101500Z&X-Amz-Expires=900&X-Amz-Security-Token=${
        pct(tok)
      }&X-Amz-SignedHeaders=host&X-Amz-Signature=${sig}`,
      sig,
      pct(tok).slice(0, 60),
    ];
  }],
  ["gcs_signed", () => {
    const sig = hx(512);
    return [
      `signed url: https://storage.googleapis.com/acme-backups/db/${
        hx(8)
      }.sql.gz?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Credential=backup%40acme-prod.iam.gserviceaccount.com%2F20261203%2Fauto%2Fstorage%2Fgoog4_request&X-Goog-Date=20261203T101500Z&X-Goog-Expires=900&X-Goog-SignedHeaders=host&X-Goog-Signature=${sig}`,
      sig,
    ];
  }],
  ["s3_presigned_v2", () => {
    const sig = pct(r.str(B64, 27) + "=");
    return [
      `GET https://legacy-bucket.s3.amazonaws.com/invoice.pdf?AWSAccessKeyId=AKIA${
        r.str(UP + "234567", 16)
      }&Expires=1796300000&Signature=${sig} -> 200`,
      sig,
    ];
  }],
  ["cloudfront_signed", () => {
    const sig = r.str(ALNUM + "~-", 172);
    return [
      `<video src="https://d111111abcdef8.cloudfront.net/course/lesson1.mp4?Expires=1796300000&Signature=${sig}&Key-Pair-Id=K${
        r.str(UP + DIG, 13)
      }"></video>`,
      sig,
    ];
  }],
  // ---------------------------------------------------- positional CLI
  ["docker_login_p", () => {
    const p = pw();
    return [
      `$ docker login -u ${user()} -p ${p} registry.corp.example\nWARNING! Using --password via the CLI is insecure. Use --password-stdin.\nLogin Succeeded`,
      p,
    ];
  }],
  ["mysql_p_attached", () => {
    const p = pw();
    return [`mysql -h db.internal -uroot -p${p} billing < schema.sql`, p];
  }],
  ["curl_u", () => {
    const p = pw();
    return [
      `curl -fsS -u ${user()}:${p} -X POST https://jenkins.corp.example/job/deploy/build`,
      p,
    ];
  }],
  ["sshpass", () => {
    const p = pw();
    return [
      `sshpass -p '${p}' ssh -o StrictHostKeyChecking=no ops@10.2.0.14`,
      p,
    ];
  }],
  ["smbclient", () => {
    const p = pw();
    return [`smbclient //fs01/finance -U CORP/${user()}%${p} -c 'ls'`, p];
  }],
  ["net_use", () => {
    const p = pw();
    return [
      `C:\\> net use Z: \\\\fs01\\share ${p} /user:CORP\\${user()} /persistent:no\nThe command completed successfully.`,
      p,
    ];
  }],
  ["vault_login_legacy", () => {
    const t = "s." + r.str(ALNUM, 24);
    return [`$ vault login ${t}\nSuccess! You are now authenticated.`, t];
  }],
  ["lftp_u", () => {
    const p = pw();
    return [
      `lftp -u ${user()},${p} sftp://files.partner.example -e "mirror -R out/ /in; bye"`,
      p,
    ];
  }],
  ["mongosh_flags", () => {
    const p = pw();
    return [
      `mongosh "mongodb://db1.internal:27017/app" --username app --password ${p} --authenticationDatabase admin`,
      p,
    ];
  }],
  ["gh_with_token_echo", () => {
    const t = gh(r, "ghp_");
    return [`echo ${t} | gh auth login --with-token`, t];
  }],
  ["psql_pgpassword_inline", () => {
    const p = pw();
    return [
      `PGPASSWORD='${p}' psql -h db.internal -U report -d dwh -c '\\dt'`,
      p,
    ];
  }],
  // ---------------------------------------------------- disguises
  ["json_unicode_escape", () => {
    const body = r.str(ALNUM, 36);
    return [
      `{"service":"ci","token":"ghp\\u005f${body}","created":"2026-12-01"}`,
      body,
    ];
  }],
  ["url_encoded_form", () => {
    const p = pw();
    return [
      `POST /login HTTP/1.1\nContent-Type: application/x-www-form-urlencoded\n\nusername=${user()}&password=${
        pct(p)
      }&remember=1`,
      pct(p),
    ];
  }],
  ["html_entities", () => {
    const k = "sk_live_" + r.str(ALNUM, 24);
    const enc = [...k].map((c) => `&#${c.charCodeAt(0)};`).join("");
    return [`<code data-key="${enc}">hidden</code>`, enc];
  }],
  ["ansi_colour", () => {
    const s = r.str(B64, 40);
    return [
      `\x1b[1;32mAWS_SECRET_ACCESS_KEY\x1b[0m=\x1b[33m${s}\x1b[0m\n\x1b[1;32mAWS_REGION\x1b[0m=eu-west-1`,
      s,
    ];
  }],
  ["zero_width", () => {
    const t = "glpat-" + r.str(URLSAFE, 20);
    const a = t.slice(0, 13), b = t.slice(13);
    return [`runner token: ${a}\u200b${b}`, a, b];
  }],
  ["wrapped_jwt", () => {
    const j = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9." +
      btoa(JSON.stringify({ sub: uuid(r), scope: "admin" })).replace(/=+$/, "")
        .replace(/\+/g, "-").replace(/\//g, "_") +
      "." + r.str(URLSAFE, 86);
    const cut = 60;
    return [
      `[auth] issued access token\n  ${j.slice(0, cut)}\n  ${j.slice(cut)}`,
      j.slice(cut + 20),
    ];
  }],
  ["table_cell", () => {
    const p = pw();
    return [
      `| service | user | password |\n|---|---|---|\n| billing-db | billing | ${p} |\n| cache | default | (none) |`,
      p,
    ];
  }],
  ["k8s_secret_data", () => {
    const p = pw();
    return [
      `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db-credentials\ntype: Opaque\ndata:\n  username: ${
        b64("app")
      }\n  password: ${b64(p)}`,
      b64(p),
    ];
  }],
  ["b64_credentials_file", () => {
    const s = r.str(B64, 40);
    const blob = b64(
      `[default]\naws_access_key_id = AKIA${
        r.str(UP + "234567", 16)
      }\naws_secret_access_key = ${s}\n`,
    );
    return [`echo '${blob}' | base64 -d > ~/.aws/credentials`, blob];
  }],
  ["fullwidth_colon", () => {
    const p = pw();
    return [`数据库密码：${p}（请勿外传）`, p];
  }],
  // ---------------------------------------------------- provider prefixes
  ["anthropic", () => {
    const t = "sk-ant-api03-" + r.str(URLSAFE, 93) + "AA";
    return [`client = anthropic.Anthropic(api_key="${t}")`, t];
  }],
  ["openai_project", () => {
    const t = "sk-proj-" + r.str(URLSAFE, 74) + "T3BlbkFJ" + r.str(URLSAFE, 74);
    return [`Error: 401 Incorrect API key provided: ${t}.`, t];
  }],
  ["stripe_log", () => {
    const t = "sk_live_51" + r.str(ALNUM, 97);
    return [`stripe listen --api-key ${t} --forward-to localhost:4242`, t];
  }],
  ["github_fine_grained", () => {
    const t = "github_pat_11" + r.str(UP + DIG, 20) + "_" + r.str(ALNUM, 59);
    return [`git clone https://${t}@github.com/acme/infra.git`, t];
  }],
  ["slack_user", () => {
    const t = `xoxp-${r.str(DIG, 12)}-${r.str(DIG, 12)}-${r.str(DIG, 13)}-${
      hx(32)
    }`;
    return [`slack_sdk.errors.SlackApiError: token ${t} revoked`, t];
  }],
  ["databricks", () => {
    const t = "dapi" + hx(32);
    return [`databricks configure --token\nToken: ${t}`, t];
  }],
  ["grafana_sa", () => {
    const t = "glsa_" + r.str(ALNUM, 32) + "_" + hx(8);
    return [`GF_TOKEN=${t} grafana-cli dashboards export`, t];
  }],
  ["newrelic", () => {
    const t = "NRAK-" + r.str(UP + DIG, 27);
    return [`newrelic profile add --apiKey ${t} --region us`, t];
  }],
  ["planetscale", () => {
    const t = "pscale_tkn_" + r.str(URLSAFE, 43);
    return [`pscale auth login --service-token ${t}`, t];
  }],
  ["supabase", () => {
    const t = "sbp_" + hx(40);
    return [`supabase login --token ${t}`, t];
  }],
  ["google_oauth_secret", () => {
    const t = "GOCSPX-" + r.str(URLSAFE, 28);
    return [
      `{"installed":{"client_id":"${r.str(DIG, 12)}-${
        r.str(LOW + DIG, 32)
      }.apps.googleusercontent.com","client_secret":"${t}"}}`,
      t,
    ];
  }],
  ["azure_client_secret", () => {
    const t = r.str(ALNUM, 3) + r.str(DIG, 1) + "Q~" +
      r.str(ALNUM + "~._-", 34);
    return [
      `az login --service-principal -u ${uuid(r)} -p ${t} --tenant ${uuid(r)}`,
      t,
    ];
  }],
  ["dockerhub_pat", () => {
    const t = "dckr_pat_" + r.str(URLSAFE, 27);
    return [`echo "${t}" | docker login -u acmeci --password-stdin`, t];
  }],
  ["replicate", () => {
    const t = "r8_" + r.str(ALNUM, 37);
    return [`export REPLICATE_API_TOKEN=${t}`, t];
  }],
  ["rubygems", () => {
    const t = "rubygems_" + hx(48);
    return [`---\n:rubygems_api_key: ${t}`, t];
  }],
  ["age_key", () => {
    const t = "AGE-SECRET-KEY-1" +
      r.str("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58);
    return [
      `# created: 2026-12-03T10:00:00Z\n# public key: age1${
        r.str("qpzry9x8gf2tvdw0s3jn54khce6mua7l", 58)
      }\n${t}`,
      t,
    ];
  }],
  ["telegram", () => {
    const t = `${6 + r.int(3)}${r.str(DIG, 9)}:AA${r.str(URLSAFE, 33)}`;
    return [
      `requests.post(f"https://api.telegram.org/bot${t}/sendMessage", data=msg)`,
      t,
    ];
  }],
  ["mongo_srv", () => {
    const p = r.str(ALNUM, 16);
    return [
      `MongoServerSelectionError: connect to mongodb+srv://app:${p}@cluster0.ab1cd.mongodb.net/prod failed`,
      p,
    ];
  }],
  ["openssh_key", () => {
    const lines = [0, 1, 2, 3].map(() => r.str(B64, 70));
    return [
      `-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n${
        lines.join("\n")
      }\n-----END OPENSSH PRIVATE KEY-----`,
      ...lines,
    ];
  }],
  ["prose_password", () => {
    const p = pw();
    return [
      `Reminder: the staging admin login is ops / ${p} until we move it to the vault.`,
      p,
    ];
  }],
];

// Tune carriers: the same classes in other shapes, for iterating only.
const TUNE_ROWS: [string, Maker][] = [
  ["mnemonic_grid", async () => {
    const w = await phrase(24);
    const cells = w.map((x, i) => `${String(i + 1).padStart(2)} ${x}`);
    const out = [0, 4, 8, 12, 16, 20].map((i) =>
      cells.slice(i, i + 4).join("\t")
    );
    return [`Secret Recovery Phrase\n${out.join("\n")}`, ...cells];
  }],
  ["mnemonic_env_flag", async () => {
    const w = (await phrase(12)).join(" ");
    return [`npx hardhat node --fork $RPC --mnemonic '${w}'`, w];
  }],
  ["mnemonic_bare_line", async () => {
    const w = (await phrase(12)).join(" ");
    return [`> cat seed.txt\n${w}\n> `, w];
  }],
  ["mnemonic_comma", async () => {
    const w = (await phrase(12)).join(", ");
    return [`backup words for ledger #2: ${w}`, w];
  }],
  ["basic_header_lower", () => {
    const v = b64(`${user()}:${pw()}`);
    return [`headers: {'authorization': 'Basic ${v}', 'accept': '*/*'}`, v];
  }],
  ["basic_proxy_env", () => {
    const v = b64(`${user()}:${pw()}`);
    return [`proxy-authorization: basic ${v}`, v];
  }],
  ["basic_wget_header", () => {
    const v = b64(`${user()}:${pw()}`);
    return [`wget --header="Authorization: Basic ${v}" https://x.example/f`, v];
  }],
  ["basic_code_b64encode", () => {
    const p = pw();
    return [
      `token = base64.b64encode(b"${user()}:${p}").decode()\nheaders = {"Authorization": f"Basic {token}"}`,
      p,
    ];
  }],
  ["s3_presigned_log", () => {
    const sig = hx(64);
    return [
      `presigned=https://b.s3.us-west-2.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA${
        r.str(UP + "234567", 16)
      }/20261203/us-west-2/s3/aws4_request&X-Amz-Date=20261203T000000Z&X-Amz-Expires=600&X-Amz-SignedHeaders=host&X-Amz-Signature=${sig}`,
      sig,
    ];
  }],
  ["gcs_signed_json", () => {
    const sig = hx(512);
    return [
      `{"url": "https://storage.googleapis.com/b/o?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Credential=sa%40p.iam.gserviceaccount.com%2F20261203%2Fauto%2Fstorage%2Fgoog4_request&X-Goog-Date=20261203T000000Z&X-Goog-Expires=600&X-Goog-SignedHeaders=host&X-Goog-Signature=${sig}"}`,
      sig,
    ];
  }],
  ["gcs_v2_signature", () => {
    const sig = pct(r.str(B64, 340) + "==");
    return [
      `https://storage.googleapis.com/b/o?GoogleAccessId=sa@p.iam.gserviceaccount.com&Expires=1796300000&Signature=${sig}`,
      sig,
    ];
  }],
  ["docker_login_password", () => {
    const p = pw();
    return [`docker login --username ci --password ${p} ghcr.io`, p];
  }],
  ["mysql_password_long", () => {
    const p = pw();
    return [`mysqldump -u backup --password=${p} --all-databases`, p];
  }],
  ["curl_user_flag", () => {
    const p = pw();
    return [
      `curl --user admin:${p} https://nexus.corp/service/rest/v1/status`,
      p,
    ];
  }],
  ["sshpass_env", () => {
    const p = pw();
    return [`sshpass -p ${p} scp dump.sql root@backup:/srv/`, p];
  }],
  ["smb_mount", () => {
    const p = pw();
    return [`mount -t cifs //nas/share /mnt -o username=bob,password=${p}`, p];
  }],
  ["json_escape_pw", () => {
    const p = pw();
    const enc = [...p].map((c) =>
      /[A-Za-z0-9]/.test(c)
        ? c
        : "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0")
    ).join("");
    return [`{"db":{"password":"${enc}"}}`, enc];
  }],
  ["url_encoded_query", () => {
    const p = pw();
    return [`GET /api/login?user=bob&password=${pct(p)} 401`, pct(p)];
  }],
  ["html_entity_pw", () => {
    const p = pw();
    const enc = p.replace(/[!#*@_-]/g, (c) => `&#${c.charCodeAt(0)};`);
    return [`<td>password</td><td>${enc}</td>`, enc];
  }],
  ["k8s_secret_token", () => {
    const t = r.str(ALNUM, 32);
    return [
      `kind: Secret\ndata:\n  api-token: ${b64(t)}\n  region: ${
        b64("eu-west-1")
      }`,
      b64(t),
    ];
  }],
  ["zero_width_pw", () => {
    const p = pw();
    const a = p.slice(0, 5), b = p.slice(5);
    return [`DB_PASSWORD=${a}\u200d${b}`, a + "\u200d" + b];
  }],
  ["provider_prefix_log", () => {
    const t = "sbp_" + hx(40);
    return [`using access token ${t}`, t];
  }],
  ["positional_vault", () => {
    const t = "s." + r.str(ALNUM, 24);
    return [`VAULT_ADDR=https://v:8200 vault login ${t}`, t];
  }],
];

const HELD_BENIGN: (() => string)[] = [
  // recovery-phrase look-alikes
  () =>
    `const mnemonic = "test test test test test test test test test test test junk"; // hardhat default`,
  () =>
    `BIP-39 test vector: abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about`,
  () =>
    `The list starts: abandon, ability, able, about, above, absent, absorb, abstract, absurd, abuse, access, accident, account, accuse`,
  () =>
    `Write the ${
      pick([12, 24])
    } words of your recovery phrase on paper and store them offline; never type them into a website.`,
  () =>
    `TODO: move the cache warm-up behind a flag, then deploy and monitor the queue depth for a week before the release.`,
  () =>
    `Prompt: "Enter your 12-word secret recovery phrase" (mnemonic input, ${
      r.int(24) + 1
    } fields)`,
  // Basic auth look-alikes
  () => `WWW-Authenticate: Basic realm="Artifactory", charset="UTF-8"`,
  () =>
    `curl -H "Authorization: Basic $(printf '%s:%s' "$USER" "$TOKEN" | base64)" https://repo.corp.example`,
  () => `Authorization: Basic dXNlcm5hbWU6cGFzc3dvcmQ=   # username:password`,
  () =>
    `The header is \`Authorization: Basic <base64(user:password)>\`; see RFC 7617.`,
  () => `{"name": "Authorization", "value": "Basic ${"{{"}basicAuth${"}}"}"}`,
  () =>
    `requests.get(url, auth=(os.environ["JIRA_USER"], os.environ["JIRA_TOKEN"]))`,
  // presigned-URL look-alikes
  () =>
    `https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=<signature>`,
  () =>
    `x-amz-content-sha256: ${hx(64)}\nx-amz-request-id: ${
      r.str(UP + DIG, 16)
    }\nx-amz-id-2: ${r.str(B64, 76)}`,
  () =>
    `https://acme-assets.s3.eu-west-1.amazonaws.com/img/logo.png?versionId=${
      r.str(ALNUM + "._", 32)
    }`,
  () =>
    `Signed URLs expire after X-Amz-Expires seconds (max 604800); the X-Amz-Signature parameter is a hex HMAC.`,
  () =>
    `ETag: "${
      hx(32)
    }"\nLast-Modified: Wed, 02 Dec 2026 10:00:00 GMT\nx-goog-hash: crc32c=${
      r.str(B64, 6)
    }==,md5=${r.str(B64, 22)}==`,
  () =>
    `https://storage.googleapis.com/acme-public/releases/v${r.int(9)}.${
      r.int(20)
    }.0/cli-linux-amd64.tar.gz`,
  // positional look-alikes
  () =>
    `docker login -u ci --password-stdin registry.corp.example < /run/secrets/token`,
  () => `mysql -h db.internal -u root -p billing   # prompts for the password`,
  () => `psql -h localhost -p 5432 -U postgres -d app`,
  () => `ssh -p 2222 -i ~/.ssh/id_ed25519 deploy@bastion.corp.example`,
  () => `docker run -d -p 8080:80 -p 8443:443 --name web nginx:1.27`,
  () => `redis-cli -h cache.internal -p 6380 INFO memory`,
  () =>
    `curl -u "$NEXUS_USER:$NEXUS_PASS" https://nexus.corp/service/rest/v1/status`,
  () => `gh auth login --with-token < ~/.config/gh/token.txt`,
  () => `sshpass -f ~/.ssh/pass.txt ssh ops@bastion`,
  () => `tar -xzvpf backup-${hx(8)}.tar.gz -C /srv`,
  () => `git commit -m "fix password reset email and token expiry"`,
  () => `curl -u admin:admin http://localhost:8081/service/rest/v1/status`,
  () => `mysql -uroot -proot -h 127.0.0.1 test   # docker-compose default`,
  () => `smbclient -L //fs01 -N`,
  () => `net use Z: \\\\fs01\\share /persistent:yes`,
  () => `vault login -method=oidc role=dev`,
  // disguise look-alikes
  () => `{"message":"caf\\u00e9 ouvert \\u2014 bienvenue","lang":"fr"}`,
  () => `GET /search?q=reset%20my%20password&page=2 HTTP/1.1`,
  () => `<p>Use &lt;token&gt; in the &quot;Authorization&quot; header.</p>`,
  () =>
    `\x1b[32m✔\x1b[0m ${r.int(300)} tests passed \x1b[90m(${
      r.int(90)
    }s)\x1b[0m`,
  () => `Zero\u200bwidth space inside prose, and a soft\u00adhyphen too.`,
  () =>
    `| Variable | Description |\n|---|---|\n| DB_PASSWORD | Password of the app user (required) |\n| API_TOKEN | Token for the billing API |`,
  () =>
    `apiVersion: v1\nkind: ConfigMap\ndata:\n  LOG_LEVEL: info\n  FEATURE_FLAGS: "search,export"`,
  () =>
    `apiVersion: v1\nkind: Secret\ndata:\n  password: Y2hhbmdlbWU=   # "changeme", replaced at deploy`,
  () =>
    `<img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAA${
      r.str(B64, 120)
    }=" alt="logo">`,
  () => `caBundle: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t${r.str(B64, 80)}`,
  () => `echo '${b64(`{"name":"web","replicas":3}`)}' | base64 -d`,
  // provider look-alikes
  () =>
    `AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\nAWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY`,
  () => `GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`,
  () => `OPENAI_API_KEY=sk-...your-key-here...`,
  () => `stripe key: sk_live_****${r.str(ALNUM, 4)} (last rotated 2026-11-02)`,
  () =>
    `Tokens look like ghp_ followed by 36 base62 characters and a CRC32 checksum.`,
  () => `regex = '''(?i)xox[baprs]-[0-9a-zA-Z-]{10,48}'''`,
  () => `commit ${hx(40)}\nAuthor: Maria Silva <maria@example.com>`,
  () => `"integrity": "sha512-${r.str(B64, 86)}=="`,
  () => `image: ghcr.io/acme/api@sha256:${hx(64)}`,
  () => `tx 0x${hx(64)} confirmed in block ${r.int(9_000_000) + 18_000_000}`,
  () => `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${r.str(B64, 43)} ops@laptop`,
  () => `request_id=${uuid(r)} trace_id=${hx(32)} span_id=${hx(16)}`,
  () => `DATABASE_URL=postgres://postgres:postgres@localhost:5432/app_dev`,
  () => `PASSWORD=changeme\nAPI_KEY=your-api-key-here\nTOKEN=<token>`,
  () => `password: \${DB_PASSWORD}\napi_key: {{ .Values.apiKey }}`,
  () =>
    `-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA${
      r.str(B64, 20)
    }\n-----END PUBLIC KEY-----`,
  () => `Build ${r.int(9000)} finished: artifact sha256 ${hx(64)}`,
  () => `age public key: age1${r.str("qpzry9x8gf2tvdw0s3jn54khce6mua7l", 58)}`,
];

const TUNE_BENIGN: (() => string)[] = [
  () =>
    `mnemonic: "test test test test test test test test test test test junk"`,
  () => `words = ["apple", "banana", "cherry"]  # fruit list for the demo`,
  () => `Authorization: Basic {{ base64 (printf "%s:%s" .user .pass) }}`,
  () => `Proxy-Authenticate: Basic realm="corp-proxy"`,
  () => `X-Amz-SignedHeaders=host;x-amz-date&X-Amz-Signature=\${SIG}`,
  () => `docker login ghcr.io -u USERNAME --password-stdin`,
  () => `psql -p 5433 -h localhost`,
  () => `curl -u ":$TOKEN" https://api.example.com`,
  () => `{"note":"\\u00e9t\\u00e9 2026"}`,
  () => `q=password+reset&lang=en`,
  () => `sha1: ${hx(40)}`,
  () => `nonce=${hx(32)} ts=${Date.UTC(2026, 11, 3)}`,
  () => `| KEY | default |\n| timeout | 30 |`,
  () => `data:\n  config.json: ${b64('{"debug":false}')}`,
  () => `release checksum ${hx(64)}`,
];

const secretRows = TUNE ? TUNE_ROWS : HELD;
const benignRows = TUNE ? TUNE_BENIGN : HELD_BENIGN;
const nSecret = TUNE ? 3 * TUNE_ROWS.length : 200;
const nBenign = TUNE ? 3 * TUNE_BENIGN.length : 150;
for (let i = 0; i < nSecret; i++) {
  const [cls, mk] = secretRows[i % secretRows.length];
  const [text, ...values] = await mk();
  sec(cls, text, ...values);
}
for (let i = 0; i < nBenign; i++) {
  ben(
    `lookalike/${i % benignRows.length}`,
    benignRows[i % benignRows.length](),
  );
}

emitRows(rows);
